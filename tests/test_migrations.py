"""Schema migrations: an older file is upgraded in place; foreign files are refused untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.decisions import get_decision, get_state, set_done
from db.events import get_event
from db.schema import SCHEMA_VERSION, SchemaError, migrate, schema_version
from db.store import StoreError, open_store
from tests.conftest import run_cli, snapshot


def make_version_1_file(path: Path) -> None:
    """Write a database as hadath's schema version 1 left it, with data in every table."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, str(path), target=1)
    conn.execute(
        "INSERT INTO articles (id, text, content_hash, imported_at, title)"
        " VALUES ('a1', 'قصف على البوكمال', 'h', '2023-01-01T00:00:00Z', 'عنوان')"
    )
    conn.execute(
        "INSERT INTO events (id, article_id, origin, extractor, event_type, sub_event_type,"
        " evidence_start, evidence_end, fatalities, created_at) VALUES ('m1', 'a1', 'machine',"
        " 'rules-0', 'Explosions/Remote violence', 'Air/drone strike', 0, 3, 4, '2023-01-01')"
    )
    conn.execute(
        "INSERT INTO decisions (event_id, annotator, status, decided_at)"
        " VALUES ('m1', 'layla', 'accepted', '2023-01-02T00:00:00Z')"
    )
    conn.execute(
        "INSERT INTO audit (at, annotator, action, article_id, event_id, after)"
        " VALUES ('2023-01-02T00:00:00Z', 'layla', 'accept', 'a1', 'm1', '{}')"
    )
    conn.close()


def test_version_1_file_is_upgraded_in_place_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_version_1_file(path)
    conn = sqlite3.connect(path)
    assert schema_version(conn) == 1
    assert (
        conn.execute("SELECT name FROM sqlite_master WHERE name = 'article_state'").fetchone()
        is None
    )
    conn.close()

    with open_store(path) as store:
        assert store.previous_version == 1
        assert schema_version(store.conn) == SCHEMA_VERSION == 5
        event = get_event(store, "m1")
        assert event is not None and event.event.fatalities == 4
        assert get_decision(store, "m1", "layla").status == "accepted"  # type: ignore[union-attr]
        assert store.db.execute("SELECT count(*) FROM audit").fetchone()[0] == 1
        set_done(store, "layla", "a1")  # the new table works
        assert get_state(store, "a1", "layla").done is True
    with open_store(path) as again:
        assert again.previous_version == SCHEMA_VERSION  # nothing left to do


def test_stats_on_an_old_file_upgrades_it(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_version_1_file(path)
    result = run_cli(path, "stats", "--json")
    assert result.exit_code == 0, result.output
    assert '"articles": 1' in result.stdout


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE articles (id TEXT)")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = snapshot(path)
    with pytest.raises(SchemaError, match="schema version 99, newer than this hadath knows"):
        open_store(path)
    result = run_cli(path, "stats")
    assert result.exit_code == 1 and "upgrade hadath to open it" in result.stderr
    assert snapshot(path) == before


def test_other_sqlite_files_and_non_databases_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.commit()
    conn.close()
    before = snapshot(other)
    result = run_cli(other, "stats")
    assert result.exit_code == 1
    assert f"{other} is an SQLite file but not a hadath database" in result.stderr
    assert snapshot(other) == before

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all, just some bytes" * 100)
    with pytest.raises(StoreError, match="is not an SQLite database"):
        open_store(junk)


def test_a_failed_migration_leaves_the_file_as_it_was(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.db"
    make_version_1_file(path)
    before = snapshot(path)
    import db.schema

    broken = (db.schema.MIGRATIONS[0], db.schema.MIGRATIONS[1] + "\nCREATE TABLE articles (x);")
    monkeypatch.setattr(db.schema, "MIGRATIONS", broken)
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="already exists"):
        migrate(conn, str(path))
    conn.close()
    assert snapshot(path) == before
