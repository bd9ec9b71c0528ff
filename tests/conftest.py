"""Shared fixtures: real database files in tmp_path, the seed articles, the CLI runner.

Hypothesis runs under the profile named by HYPOTHESIS_PROFILE: `dev` (the
default) explores new random examples on every run; `ci` (set by .ci/run)
derandomizes, so a run is repeatable, and prints the blob that reproduces a
failure. Neither has a deadline: timings on a busy machine say nothing about
the code. A test's own `@settings(max_examples=...)` applies on top of either.
"""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from db.articles import import_articles
from db.decisions import accept_all, decide, review_items, set_done
from db.store import Store, open_store
from extract.record import Event, parse_event
from tui.cli import main
from tui.seeds import seed_defaults

ROOT = Path(__file__).resolve().parent.parent
"""The checkout's top folder."""
SEEDS = ROOT / "seeds"
HADATH = [sys.executable, "-c", "from tui.cli import main; main()"]
"""The hadath command line, run in a subprocess by this Python (PYTHONPATH=ROOT)."""

settings.register_profile("dev", deadline=None)
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Path of a database file that does not exist yet."""
    return tmp_path / "hadath.db"


@pytest.fixture
def store(db_path: Path):
    """An empty hadath database on disk."""
    with open_store(db_path, create=True) as opened:
        yield opened


@pytest.fixture
def seeded(store: Store) -> Store:
    """A database holding the five seed articles."""
    import_articles(store, [SEEDS])
    return store


def accepted_seeds(db_path: Path, annotator: str = "layla") -> Path:
    """A database of the seeds as the demo imports them (dated), extracted, every event
    accepted by `annotator`."""
    with open_store(db_path, create=True) as store:
        import_articles(store, [SEEDS], defaults=seed_defaults(SEEDS))
    assert run_cli(db_path, "extract").exit_code == 0
    with open_store(db_path) as store:
        for article in seed_ids(store):
            accept_all(store, annotator, article)
    return db_path


def seed_ids(store: Store) -> list[str]:
    """Article ids of the database, in import order."""
    return [row["id"] for row in store.db.query("SELECT id FROM articles ORDER BY seq")]


def make_event(**fields: Any) -> Event:
    """A valid machine event record, with `fields` overriding the defaults."""
    record: dict[str, Any] = {
        "sub_event_type": "Air/drone strike",
        "actor1": {"text": "القيادة المركزية الأمريكية", "key": "us", "name": "United States"},
        "actor2": {"text": "الميليشيات", "key": "iran_backed", "name": "Iran-backed militias"},
        "location": {
            "text": "البوكمال",
            "name": "Al-Bukamal",
            "admin1": "Deir ez-Zor",
            "country": "Syria",
            "lat": 34.45,
            "lon": 40.92,
        },
        "date": "2023-10-27",
        "date_text": "الجمعة",
        "fatalities": 5,
        "injured": None,
        "evidence": {"start": 0, "end": 40},
        "confidence": 0.8,
        "origin": "machine",
        "extractor": "test-1",
    }
    record.update(fields)
    return parse_event(record)


def snapshot(path: Path) -> list[str]:
    """Every row of every table of a database file, as SQL text, for before/after checks."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def run_cli(db_path: Path, *args: str) -> Result:
    """Run `hadath --db db_path ARGS` in-process and return click's result."""
    return CliRunner().invoke(main, ["--db", str(db_path), *args], catch_exceptions=False)


@pytest.fixture(autouse=True)
def isolated_user_files(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """Keep every test away from the real user's settings and keys files."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HADATH_CONFIG", str(home / "config.json"))
    monkeypatch.setenv("HADATH_KEYS", str(home / "keys.toml"))
    monkeypatch.delenv("HADATH_ANNOTATOR", raising=False)


@pytest.fixture
def two_reviewers(db_path: Path) -> Path:
    """Layla accepts every seed event; Omar rejects the first event of articles 1, 3 and 5
    and gives the second of each article two more dead; both mark every article done."""
    assert run_cli(db_path, "import", str(SEEDS)).exit_code == 0
    assert run_cli(db_path, "extract").exit_code == 0
    with open_store(db_path) as store:
        for index, article in enumerate(seed_ids(store)):
            accept_all(store, "layla", article)
            set_done(store, "layla", article, True)
            for position, item in enumerate(review_items(store, article, "omar")):
                if position == 0 and index % 2 == 0:
                    decide(store, "omar", item.stored.id, "rejected")
                elif position == 1:
                    dead = (item.current.fatalities or 0) + 2
                    corrected = dataclasses.replace(item.current, fatalities=dead)
                    decide(store, "omar", item.stored.id, "corrected", corrected)
                else:
                    decide(store, "omar", item.stored.id, "accepted")
            set_done(store, "omar", article, True)
    return db_path
