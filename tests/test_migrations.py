"""Schema migrations: an older file is upgraded in place; foreign files are refused untouched."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from db.decisions import get_decision, get_state, set_done
from db.event_columns import BOOKKEEPING_COLUMNS, COLUMNS
from db.events import event_row, get_event, machine_event_id
from db.schema import SCHEMA_VERSION, SchemaError, migrate, schema_version
from db.store import StoreError, open_store
from extract.record import Event, Location, Span
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
        assert schema_version(store.conn) == SCHEMA_VERSION == 14
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


def make_version_5_file(path: Path) -> dict[str, str]:
    """Write a database as hadath's schema version 5 left it; return its machine event ids."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, str(path), target=5)
    conn.execute(
        "INSERT INTO articles (id, text, content_hash, imported_at)"
        " VALUES ('a1', 'قصف على البوكمال أمس', 'h', '2023-01-01T00:00:00Z')"
    )
    event = Event(
        sub_event_type="Air/drone strike",
        evidence=Span(0, 12),
        location=Location("البوكمال", "Al-Bukamal", "Deir ez-Zor", "Syria", 34.45, 40.92),
        fatalities=4,
        extractor="rules-0",
    )
    # the id hadath up to schema version 5 gave this event: a hash of the record it knew
    first_version_record = (
        '{"actor1":null,"actor2":null,"confidence":null,"date":null,"date_text":null,'
        '"event_type":"Explosions/Remote violence","evidence":{"end":12,"start":0},'
        '"extractor":"rules-0","fatalities":4,"injured":null,"location":{"admin1":"Deir ez-Zor",'
        '"country":"Syria","lat":34.45,"lon":40.92,"name":"Al-Bukamal","text":"البوكمال"},'
        '"origin":"machine","sub_event_type":"Air/drone strike"}'
    )
    digest = hashlib.sha256(f"a1\0{first_version_record}".encode()).hexdigest()
    event_id = "m" + digest[:16]
    old_row = {
        key: value
        for key, value in event_row(event_id, "a1", event, None).items()
        if key in {name for (name,) in conn.execute("SELECT name FROM pragma_table_info('events')")}
    }
    conn.execute(
        f"INSERT INTO events ({', '.join(old_row)}) VALUES ({', '.join('?' * len(old_row))})",
        list(old_row.values()),
    )
    old_correction = (
        '{"event_type":"Explosions/Remote violence","sub_event_type":"Air/drone strike",'
        '"actor1":null,"actor2":null,"location":{"text":"البوكمال","name":"Al-Bukamal",'
        '"admin1":"Deir ez-Zor","country":"Syria","lat":34.45,"lon":40.92},"date":null,'
        '"date_text":null,"fatalities":5,"injured":null,"evidence":{"start":0,"end":12},'
        '"confidence":null,"origin":"machine","extractor":"rules-0"}'
    )
    conn.execute(
        "INSERT INTO decisions (event_id, annotator, status, corrected, decided_at, event_seq)"
        " VALUES (?, 'layla', 'corrected', ?, '2023-01-02T00:00:00Z', 1)",
        [event_id, old_correction],
    )
    conn.close()
    return {"machine": event_id}


def test_version_5_file_gains_the_later_record_members(tmp_path: Path) -> None:
    path = tmp_path / "v5.db"
    ids = make_version_5_file(path)
    with open_store(path) as store:
        assert store.previous_version == 5
        columns = {row[1] for row in store.conn.execute("PRAGMA table_info(events)")}
        assert set(LATER_COLUMNS) <= columns
        stored = get_event(store, ids["machine"])
        assert stored is not None
        assert stored.event.location is not None and stored.event.location.admin2 is None
        assert stored.event.assoc_actors1 == () and stored.event.date_precision is None
        # the id an older hadath gave the event is still the id of the same record
        assert machine_event_id("a1", stored.event) == ids["machine"]
        decision = get_decision(store, ids["machine"], "layla")
        assert decision is not None and decision.corrected is not None
        assert decision.corrected.fatalities == 5
    result = run_cli(path, "export")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["fatalities"] == 5 and record["assoc_actors1"] == []
    assert record["location"]["admin2"] is None and record["location"]["level"] is None
    assert record["date_precision"] is None and record["fatalities_vague"] is None


LATER_COLUMNS = (
    "location_admin2",
    "location_level",
    "location_qualifier",
    "date_precision",
    "fatalities_vague",
    "assoc_actors1",
    "assoc_actors2",
)


def test_the_events_table_holds_exactly_the_record_columns(store) -> None:
    """The table the migrations build and the columns derived from the record agree."""
    table = {
        name: declared for _, name, declared, *_ in store.conn.execute("PRAGMA table_info(events)")
    }
    record_columns = {column.name: column.sql_type for column in COLUMNS}
    assert set(table) == set(record_columns) | set(BOOKKEEPING_COLUMNS)
    for name, sql_type in record_columns.items():
        assert table[name] == sql_type, name
