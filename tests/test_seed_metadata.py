"""The seeds' metadata.json: every seed's publication date, used by `hadath demo`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.conftest import SEEDS, run_cli
from tui.seeds import seed_defaults

GOLD = Path(__file__).parent / "data" / "gold" / "seed_articles.jsonl"


def test_metadata_lists_every_seed_with_the_gold_publication_date() -> None:
    gold = {json.loads(line)["text"]: json.loads(line)["published"] for line in GOLD.open()}
    defaults = seed_defaults(SEEDS)
    seeds = sorted(SEEDS.glob("*.txt"))
    assert len(seeds) == 5
    for seed in seeds:
        assert defaults(seed).published == gold[seed.read_text(encoding="utf-8")], seed.name


def test_a_file_the_metadata_does_not_list_gets_no_defaults(tmp_path: Path) -> None:
    assert seed_defaults(SEEDS)(tmp_path / "other.txt").published is None
    assert seed_defaults(tmp_path)(SEEDS / "000_0c0554129731e279.txt").published is None


def test_demo_stores_the_publication_dates_and_resolves_relative_dates(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli(tmp_path / "unused.db", "demo", "--no-review").exit_code == 0
    with sqlite3.connect(tmp_path / "hadath-demo.db") as conn:
        published = dict(conn.execute("SELECT id, published FROM articles"))
        sources = {row[0] for row in conn.execute("SELECT source FROM articles")}
        dated = conn.execute(
            "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id"
            " WHERE a.published = '2024-11-13' AND e.date = '2024-11-12'"
            " AND e.date_text = 'يوم الثلاثاء'"
        ).fetchone()[0]
    assert sorted(published.values()) == [
        "2022-08-25", "2023-03-24", "2023-10-27", "2024-11-13", "2024-11-13",
    ]  # fmt: skip
    assert "Reuters; AFP; Syrian Observatory for Human Rights" in sources
    assert dated == 1  # «يوم الثلاثاء» in seed 000, published on Wednesday 13 November 2024


def test_demo_fills_the_dates_of_a_demo_database_built_before_them(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli(tmp_path / "hadath-demo.db", "import", str(SEEDS)).exit_code == 0
    assert run_cli(tmp_path / "unused.db", "demo", "--no-review").exit_code == 0
    with sqlite3.connect(tmp_path / "hadath-demo.db") as conn:
        missing = conn.execute("SELECT count(*) FROM articles WHERE published IS NULL")
        assert missing.fetchone()[0] == 0
