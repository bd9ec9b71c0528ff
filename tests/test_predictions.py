"""`hadath predictions import`: other extractors' events, validated against the contract."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from db.decisions import decide
from db.events import article_events
from db.store import open_store
from tests.conftest import SEEDS, make_event, run_cli, snapshot
from tests.refusals import assert_refused, feeding


@pytest.fixture
def seeded_path(db_path: Path) -> Path:
    assert run_cli(db_path, "import", str(SEEDS)).exit_code == 0
    return db_path


def first_article(db_path: Path) -> tuple[str, int]:
    with open_store(db_path) as store:
        row = next(iter(store.db.query("SELECT id, length(text) AS n FROM articles ORDER BY seq")))
    return row["id"], row["n"]


def record(target: str, **fields: Any) -> dict[str, Any]:
    base = {"article_id": target, **make_event().to_dict()}
    base.update(fields)
    return base


def write(path: Path, records: list[Any]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def stored_events(db_path: Path, article_id: str) -> list[dict[str, Any]]:
    with open_store(db_path) as store:
        return [e.to_dict() for e in article_events(store, article_id)]


def test_valid_predictions_are_stored_field_for_field(seeded_path: Path, tmp_path: Path) -> None:
    article_id, _ = first_article(seeded_path)
    given = record(article_id, event_id="ext-1")
    second = record(
        article_id,
        sub_event_type="Armed clash",
        actor1=None,
        location=None,
        fatalities=0,
        injured=3,
        evidence={"start": 10, "end": 60},
    )
    del second["event_type"]  # implied by the sub-event type
    path = write(tmp_path / "p.jsonl", [given, second])
    result = run_cli(seeded_path, "predictions", "import", str(path))
    assert result.exit_code == 0, result.output
    assert "imported 2 events (0 already present)" in result.stdout
    events = stored_events(seeded_path, article_id)
    assert events[0] == given
    assert events[1]["event_type"] == "Battles"
    assert (events[1]["actor1"], events[1]["location"], events[1]["fatalities"]) == (None, None, 0)
    assert events[1]["event_id"].startswith("m")


def test_importing_the_same_predictions_twice_adds_nothing(
    seeded_path: Path, tmp_path: Path
) -> None:
    article_id, _ = first_article(seeded_path)
    path = write(tmp_path / "p.jsonl", [record(article_id), record(article_id, event_id="x-9")])
    assert run_cli(seeded_path, "predictions", "import", str(path)).exit_code == 0
    before = snapshot(seeded_path)
    result = run_cli(seeded_path, "predictions", "import", str(path))
    assert result.exit_code == 0
    assert "imported 0 events (2 already present)" in result.stdout
    assert snapshot(seeded_path) == before


RULE = "must be printable and at most 200 characters"
BAD_FIELDS: list[tuple[str, dict[str, Any], str]] = [
    ("unknown sub-event", {"sub_event_type": "Airstrike"}, "is not an ACLED sub-event type"),
    ("wrong event type", {"event_type": "Battles"}, "event_type 'Battles' does not match"),
    (
        "unknown actor key",
        {"actor1": {"text": "x", "key": "martians", "name": None}},
        "actor1.key 'martians' is not a known actor key",
    ),
    (
        "actor extra key",
        {"actor2": {"text": "x", "role": "target"}},
        "actor2 has unknown key 'role'",
    ),
    ("unknown key", {"severity": 3}, "unknown key 'severity'"),
    ("fatalities string", {"fatalities": "5"}, "fatalities must be a whole number"),
    ("fatalities negative", {"fatalities": -1}, "fatalities must be a whole number"),
    ("fatalities huge", {"fatalities": 10**8}, "fatalities must be at most 10,000,000"),
    ("injured bool", {"injured": True}, "injured must be a whole number"),
    ("confidence range", {"confidence": 1.5}, "confidence must lie between 0 and 1"),
    ("lat range", {"location": {"lat": 123.0}}, "location.lat must lie between -90 and 90"),
    ("bad date", {"date": "27-10-2023"}, "date must be an ISO date"),
    ("date_text type", {"date_text": 7}, "date_text must be a string or null"),
    (
        "evidence past end",
        {"evidence": {"start": 10, "end": 10**7}},
        "lies past the end of the article",
    ),
    ("evidence reversed", {"evidence": {"start": 30, "end": 20}}, "evidence is empty or reversed"),
    (
        "evidence negative",
        {"evidence": {"start": -1, "end": 20}},
        "evidence.start must be a whole number",
    ),
    ("evidence missing", {"evidence": None}, "evidence is required"),
    ("human origin", {"origin": "human"}, "origin must be machine"),
    ("no extractor", {"extractor": None}, "extractor must name what produced the event"),
    ("unknown article", {"article_id": "nope"}, "article 'nope' is not in the database"),
    ("article id type", {"article_id": 5}, "article_id must be a string"),
    (
        "extractor escape",
        {"extractor": "x\x1b]0;pwned\x07"},
        f"extractor 'x\\x1b]0;pwned\\x07' {RULE}",
    ),
    ("extractor bidi", {"extractor": "a\u202eb"}, f"extractor 'a\\u202eb' {RULE}"),
    ("extractor newline", {"extractor": "a\nb"}, f"extractor 'a\\nb' {RULE}"),
    ("extractor too long", {"extractor": "x" * 201}, f"extractor '{'x' * 40}' {RULE}"),
    ("event_id C1", {"event_id": "e\x9b2J"}, f"event_id 'e\\x9b2J' {RULE}"),
    ("event_id NUL", {"event_id": "e\x00"}, f"event_id 'e\\x00' {RULE}"),
    ("event_id too long", {"event_id": "e" * 201}, f"event_id '{'e' * 40}' {RULE}"),
]


@pytest.mark.parametrize(("case", "fields", "message"), BAD_FIELDS, ids=[c[0] for c in BAD_FIELDS])
def test_invalid_predictions_are_refused_and_nothing_written(
    seeded_path: Path, tmp_path: Path, case: str, fields: dict[str, Any], message: str
) -> None:
    article_id, _ = first_article(seeded_path)
    before = snapshot(seeded_path)
    path = write(tmp_path / "p.jsonl", [record(article_id), record(article_id, **fields)])
    result = run_cli(seeded_path, "predictions", "import", str(path))
    assert_refused(result, f"{path}, line 2: ", message)
    assert snapshot(seeded_path) == before


def test_reused_event_id_with_other_content_is_refused(seeded_path: Path, tmp_path: Path) -> None:
    article_id, _ = first_article(seeded_path)
    write(tmp_path / "a.jsonl", [record(article_id, event_id="e1")])
    assert run_cli(seeded_path, "predictions", "import", str(tmp_path / "a.jsonl")).exit_code == 0
    before = snapshot(seeded_path)
    write(tmp_path / "b.jsonl", [record(article_id, event_id="e1", fatalities=9)])
    result = run_cli(seeded_path, "predictions", "import", str(tmp_path / "b.jsonl"))
    assert result.exit_code == 1
    assert "line 1: event_id 'e1' is already stored with other content" in result.stderr
    assert snapshot(seeded_path) == before


def test_evidence_may_end_exactly_at_the_end_of_the_text(seeded_path: Path, tmp_path: Path) -> None:
    article_id, length = first_article(seeded_path)
    path = write(
        tmp_path / "p.jsonl", [record(article_id, evidence={"start": length - 5, "end": length})]
    )
    assert run_cli(seeded_path, "predictions", "import", str(path)).exit_code == 0
    path = write(
        tmp_path / "q.jsonl", [record(article_id, evidence={"start": 0, "end": length + 1})]
    )
    assert run_cli(seeded_path, "predictions", "import", str(path)).exit_code == 1


def test_invalid_json_line_in_predictions(seeded_path: Path, tmp_path: Path) -> None:
    article_id, _ = first_article(seeded_path)
    path = write(tmp_path / "p.jsonl", [record(article_id), record(article_id), "{nope"])
    result = run_cli(seeded_path, "predictions", "import", str(path))
    assert result.exit_code == 1
    assert f"{path}, line 3: invalid JSON" in result.stderr
    assert stored_events(seeded_path, article_id) == []


def test_names_of_200_characters_are_accepted(seeded_path: Path, tmp_path: Path) -> None:
    article_id, _ = first_article(seeded_path)
    given = record(article_id, event_id="e" * 200, extractor="مستخرج" + "x" * 194)
    path = write(tmp_path / "p.jsonl", [given])
    result = run_cli(seeded_path, "predictions", "import", str(path))
    assert result.exit_code == 0, result.output
    assert stored_events(seeded_path, article_id) == [given]


def test_deeply_nested_predictions_are_refused(seeded_path: Path, tmp_path: Path) -> None:
    article_id, _ = first_article(seeded_path)
    before = snapshot(seeded_path)
    deep = "[" * 1000 + "]" * 1000
    line = json.dumps(record(article_id)).replace('"confidence": 0.8', f'"confidence": {deep}')
    path = write(tmp_path / "p.jsonl", [record(article_id), line, "[" * 100_000])
    result = run_cli(seeded_path, "predictions", "import", str(path))
    assert_refused(result, f"{path}, line 2: JSON nested deeper than 100 levels")
    assert snapshot(seeded_path) == before


def test_evidence_is_checked_against_the_whole_text_past_a_nul(
    seeded_path: Path, tmp_path: Path
) -> None:
    # A database written before NUL was refused at import may hold one.
    text = "قبل\x00" + "بعد" * 20
    with open_store(seeded_path) as store, store.write() as db:
        db.execute(
            "INSERT INTO articles (id, text, content_hash, imported_at) VALUES (?, ?, ?, ?)",
            ["old", text, "0" * 64, "2023-01-01T00:00:00Z"],
        )
    past_nul = record("old", evidence={"start": 10, "end": len(text)})
    path = write(tmp_path / "p.jsonl", [past_nul])
    result = run_cli(seeded_path, "predictions", "import", str(path))
    assert result.exit_code == 0, result.output
    assert stored_events(seeded_path, "old")[0]["evidence"] == {"start": 10, "end": len(text)}
    beyond = record("old", evidence={"start": 10, "end": len(text) + 1})
    result = run_cli(seeded_path, "predictions", "import", str(write(path, [beyond])))
    assert_refused(result, "lies past the end of the article")


def test_a_named_pipe_of_predictions_is_read(seeded_path: Path, tmp_path: Path) -> None:
    article_id, _ = first_article(seeded_path)
    fifo = tmp_path / "events"
    os.mkfifo(fifo)
    lines = (json.dumps(record(article_id, event_id="p1")) + "\n").encode()
    with feeding(fifo, lines):
        result = run_cli(seeded_path, "predictions", "import", str(fifo))
    assert result.exit_code == 0, result.output
    assert [e["event_id"] for e in stored_events(seeded_path, article_id)] == ["p1"]


def test_the_later_record_members_travel_from_import_to_export(
    seeded_path: Path, tmp_path: Path
) -> None:
    article_id, _ = first_article(seeded_path)
    later = {
        "location": {
            "text": "ريف البوكمال",
            "name": "Al-Bukamal",
            "admin1": "Deir ez-Zor",
            "admin2": "Al-Bukamal",
            "country": "Syria",
            "lat": 34.453,
            "lon": 40.918,
            "level": "town",
            "qualifier": "near",
        },
        "date_precision": 2,
        "fatalities_vague": "dozens",
        "assoc_actors1": [{"text": "الحرس الثوري", "key": "irgc", "name": "IRGC"}],
        "assoc_actors2": [{"text": "مدنيون", "key": "civilians", "name": None}],
    }
    path = write(tmp_path / "p.jsonl", [record(article_id, event_id="ext-later", **later)])
    assert run_cli(seeded_path, "predictions", "import", str(path)).exit_code == 0
    (stored,) = stored_events(seeded_path, article_id)
    assert {key: stored[key] for key in later} == later
    with open_store(seeded_path) as store:
        decide(store, "layla", "ext-later", "accepted")
    result = run_cli(seeded_path, "export")
    assert result.exit_code == 0, result.stderr
    exported = json.loads(result.stdout)
    assert {key: exported[key] for key in later} == later
    # importing the same file again adds nothing: the stored record is the one given
    again = run_cli(seeded_path, "predictions", "import", str(path))
    assert again.exit_code == 0 and "imported 0 events (1 already present)" in again.stdout


def test_a_file_with_empty_actors_imports_twice_as_a_no_op(
    seeded_path: Path, tmp_path: Path
) -> None:
    """An actor or place whose members are all null is stored as null: still the same event."""
    article_id, _ = first_article(seeded_path)
    empty = {"text": None, "key": None, "name": None}
    given = record(article_id, actor2=empty, location={"text": None, "lat": None})
    path = write(tmp_path / "p.jsonl", [given, record(article_id, event_id="ext-e", actor1=empty)])
    first = run_cli(seeded_path, "predictions", "import", str(path))
    assert first.exit_code == 0 and "imported 2 events" in first.stdout
    again = run_cli(seeded_path, "predictions", "import", str(path))
    assert again.exit_code == 0, again.stderr
    assert "imported 0 events (2 already present)" in again.stdout
