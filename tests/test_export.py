"""`hadath export`: the curated dataset as JSONL with provenance and as ACLED CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from db.acled import ACLED_COLUMNS, event_number
from db.articles import get_article, import_articles
from db.decisions import add_event, decide, delete_event
from db.events import add_machine_events
from db.store import open_store
from tests.conftest import SEEDS, make_event, run_cli, seed_ids

ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp"
)


@pytest.fixture
def reviewed(db_path: Path, tmp_path: Path) -> dict[str, str]:
    """Layla accepts one event, corrects one, rejects one, adds two and deletes one."""
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(
        json.dumps(
            {
                "id": "src-1",
                "text": "قصفت طائرات مسيرة موقعاً في البوكمال. " * 5,
                "url": "https://example.org/a",
                "title": "غارة",
                "source": "وكالة",
            },
            ensure_ascii=False,
        )
        + "\n",
        "utf-8",
    )
    with open_store(db_path, create=True) as store:
        import_articles(store, [SEEDS, jsonl])
        first, second = seed_ids(store)[:2]
        accepted, corrected = add_machine_events(
            store,
            first,
            [
                make_event(),
                make_event(sub_event_type="Armed clash", evidence={"start": 50, "end": 90}),
            ],
        )
        (rejected,) = add_machine_events(store, second, [make_event(fatalities=1)])
        (later,) = add_machine_events(store, "src-1", [make_event(actor2={"key": "civilians"})])
        decide(store, "layla", accepted, "accepted")
        fixed = make_event(
            sub_event_type="Armed clash", fatalities=2, injured=4, evidence={"start": 60, "end": 80}
        )
        decide(store, "layla", corrected, "corrected", fixed)
        decide(store, "layla", rejected, "rejected")
        decide(store, "layla", later, "accepted")
        kept = add_event(
            store,
            "layla",
            second,
            make_event(
                sub_event_type="Remote explosive/landmine/IED",
                actor1=None,
                fatalities=None,
                location={"text": "دير الزور", "name": "Deir ez-Zor", "country": "Syria"},
                date=None,
                evidence={"start": 10, "end": 30},
            ),
        )
        dropped = add_event(store, "layla", second, make_event(evidence={"start": 0, "end": 5}))
        delete_event(store, "layla", dropped.id)
    return {
        "accepted": accepted,
        "corrected": corrected,
        "rejected": rejected,
        "later": later,
        "added": kept.id,
        "deleted": dropped.id,
        "first": first,
        "second": second,
    }


def export_jsonl(db_path: Path, *args: str) -> list[dict]:
    result = run_cli(db_path, "export", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_jsonl_holds_exactly_the_curated_events(db_path: Path, reviewed: dict[str, str]) -> None:
    rows = export_jsonl(db_path)
    ids = [row["event_id"] for row in rows]
    assert ids == [
        reviewed["accepted"],
        reviewed["corrected"],
        reviewed["later"],
        reviewed["added"],
    ]
    by_id = {row["event_id"]: row for row in rows}

    accepted = by_id[reviewed["accepted"]]
    assert accepted["decision"] == "accepted" and accepted["annotator"] == "layla"
    assert accepted["fatalities"] == 5 and accepted["origin"] == "machine"
    assert accepted["machine_event"] is None  # the record is the machine's own
    assert accepted["extractor"] == "test-1" and accepted["confidence"] == 0.8

    corrected = by_id[reviewed["corrected"]]
    assert corrected["decision"] == "corrected"
    assert (corrected["fatalities"], corrected["injured"]) == (2, 4)
    assert corrected["evidence"] == {"start": 60, "end": 80}
    assert corrected["machine_event"]["fatalities"] == 5  # the original, for provenance
    assert corrected["machine_event"]["event_id"] == reviewed["corrected"]
    assert corrected["machine_event"]["evidence"] == {"start": 50, "end": 90}

    added = by_id[reviewed["added"]]
    assert added["decision"] == "added" and added["origin"] == "human"
    assert added["extractor"] is None and added["machine_event"] is None
    assert added["actor1"] is None and added["location"]["name"] == "Deir ez-Zor"

    with open_store(db_path) as store:
        first = get_article(store, reviewed["first"])
        assert first is not None
        assert corrected["evidence_text"] == first.text[60:80]
        assert accepted["evidence_text"] == first.text[0:40]
    provenance = by_id[reviewed["later"]]["article"]
    assert provenance == {
        "title": "غارة",
        "url": "https://example.org/a",
        "source": "وكالة",
        "published": None,
    }
    assert all(row["decided_at"].endswith("Z") for row in rows)


def test_csv_uses_acled_columns(db_path: Path, reviewed: dict[str, str]) -> None:
    result = run_cli(db_path, "export", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == ACLED_HEADER
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert [r["event_id_cnty"] for r in rows] == [
        f"SYR{event_number(reviewed['accepted'])}",
        f"SYR{event_number(reviewed['corrected'])}",
        f"SYR{event_number(reviewed['later'])}",
        f"SYR{event_number(reviewed['added'])}",
    ]
    strike = rows[0]
    assert strike["event_date"] == "2023-10-27" and strike["year"] == "2023"
    assert strike["time_precision"] == "1"
    assert strike["disorder_type"] == "Political violence"
    assert strike["event_type"] == "Explosions/Remote violence"
    assert strike["sub_event_type"] == "Air/drone strike"
    assert (strike["actor1"], strike["inter1"]) == ("United States", "External/Other forces")
    assert (strike["actor2"], strike["inter2"], strike["interaction"]) == (
        "Iran-backed militias",
        "Political militia",
        "Political militia-External/Other forces",
    )
    assert (strike["iso"], strike["region"], strike["country"]) == ("760", "Middle East", "Syria")
    assert (strike["admin1"], strike["location"]) == ("Deir ez-Zor", "Al-Bukamal")
    assert (strike["latitude"], strike["longitude"], strike["geo_precision"]) == (
        "34.45",
        "40.92",
        "1",
    )
    assert strike["fatalities"] == "5" and strike["timestamp"].isdigit()
    assert strike["notes"] and "\n" not in strike["notes"]
    assert rows[1]["event_type"] == "Battles" and rows[1]["fatalities"] == "2"
    added = rows[3]
    assert (added["actor1"], added["inter1"], added["interaction"]) == (
        "",
        "",
        "Political militia only",
    )
    assert (added["event_date"], added["year"], added["time_precision"], added["fatalities"]) == (
        "",
        "",
        "",
        "0",  # unknown: ACLED records 0
    )
    assert (added["latitude"], added["geo_precision"]) == ("", "")
    assert rows[2]["civilian_targeting"] == "Civilians targeted"
    assert rows[2]["actor2"] == "Civilians (Syria)"
    assert rows[0]["civilian_targeting"] == rows[1]["civilian_targeting"] == ""
    assert rows[2]["source"] == "وكالة"


def test_several_annotators_need_a_choice(db_path: Path, reviewed: dict[str, str]) -> None:
    with open_store(db_path) as store:
        decide(store, "omar", reviewed["rejected"], "accepted")
    result = run_cli(db_path, "export")
    assert result.exit_code == 1
    assert "several annotators (layla, omar): choose one with --annotator" in result.stderr
    omar = export_jsonl(db_path, "--annotator", "omar")
    assert [r["event_id"] for r in omar] == [reviewed["rejected"]]
    layla = export_jsonl(db_path, "--annotator", "layla")
    assert reviewed["rejected"] not in [r["event_id"] for r in layla]
    unknown = run_cli(db_path, "export", "--annotator", "lyla")
    assert unknown.exit_code == 1
    assert "no decisions by annotator 'lyla'; annotators: layla, omar" in unknown.stderr


def test_output_file_is_complete_or_untouched(
    db_path: Path, reviewed: dict[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    result = run_cli(db_path, "export", "--format", "csv", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "exported 4 events" in result.stderr
    assert len(target.read_text("utf-8").splitlines()) == 5
    with open_store(db_path) as store:
        decide(store, "omar", reviewed["rejected"], "accepted")
    target.write_text("previous export\n")
    failed = run_cli(db_path, "export", "-o", str(target))
    assert failed.exit_code == 1
    assert target.read_text() == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_empty_database_exports_a_header_only(db_path: Path) -> None:
    open_store(db_path, create=True).close()
    result = run_cli(db_path, "export", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout == ACLED_HEADER + "\n"
    assert run_cli(db_path, "export").stdout == ""
