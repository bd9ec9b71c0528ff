"""`hadath merge OTHER.db`: reviewers' copies combined per annotator, on real files."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

from db.decisions import (
    add_event,
    add_time,
    audit_log,
    decide,
    get_decision,
    get_state,
    review_items,
    set_done,
    undo,
)
from db.store import open_store
from tests.conftest import SEEDS, make_event, run_cli, seed_ids
from tests.test_migrations import make_version_1_file


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """The seed articles with their machine events: the file both reviewers start from."""
    path = tmp_path / "base.db"
    assert run_cli(path, "import", str(SEEDS)).exit_code == 0
    assert run_cli(path, "extract").exit_code == 0
    return path


def copy_of(path: Path, name: str) -> Path:
    copy = path.with_name(name)
    with open_store(path) as store:  # a consistent copy, write-ahead log included
        store.conn.execute("VACUUM INTO ?", [str(copy)])
    return copy


def events_of(path: Path, article: int = 0, who: str = "layla") -> list[str]:
    with open_store(path) as store:
        return [item.stored.id for item in review_items(store, seed_ids(store)[article], who)]


def decisions(path: Path, who: str) -> dict[str, tuple[str, str | None]]:
    with open_store(path) as store:
        rows = store.db.execute(
            "SELECT event_id, status, corrected FROM decisions WHERE annotator = ?", [who]
        ).fetchall()
    return {row[0]: (row[1], row[2]) for row in rows}


def audit_count(path: Path) -> int:
    with open_store(path) as store:
        return int(store.db.execute("SELECT count(*) FROM audit").fetchone()[0])


def merged(this: Path, other: Path) -> str:
    result = run_cli(this, "merge", str(other))
    assert result.exit_code == 0, result.output + result.stderr
    return result.output


def test_another_reviewers_work_comes_in_and_twice_adds_nothing(base: Path) -> None:
    mine, theirs = copy_of(base, "mine.db"), copy_of(base, "theirs.db")
    first, second, third = events_of(theirs, who="omar")[:3]
    with open_store(theirs) as store:
        article = seed_ids(store)[0]
        decide(store, "omar", first, "accepted")
        item = review_items(store, article, "omar")[1]
        decide(store, "omar", second, "corrected",
               dataclasses.replace(item.current, fatalities=9))  # fmt: skip
        decide(store, "omar", third, "rejected")
        added = add_event(store, "omar", article, make_event(evidence={"start": 0, "end": 30}))
        set_done(store, "omar", article, True)
    before = Path(theirs).read_bytes()
    output = merged(mine, theirs)
    assert "fast-forwarded: omar" in output
    assert decisions(mine, "omar") == decisions(theirs, "omar")
    assert added.id in decisions(mine, "omar")
    with open_store(mine) as store:
        assert get_state(store, seed_ids(store)[0], "omar").done
        actions = [entry["action"] for entry in audit_log(store, "omar")]
    assert actions == ["accept", "correct", "reject", "add", "done"]
    exported = [run_cli(path, "export", "--annotator", "omar").stdout for path in (mine, theirs)]
    assert [json.loads(line)["event_id"] for line in exported[0].splitlines()] == [
        json.loads(line)["event_id"] for line in exported[1].splitlines()
    ]
    assert Path(theirs).read_bytes() == before  # the other file is never written
    count = audit_count(mine)
    again = merged(mine, theirs)
    assert "merged: 0 new articles (5 already here), 0 events, 0 decisions" in again
    assert audit_count(mine) == count


def test_a_reviewer_who_continued_in_the_copy_is_fast_forwarded_and_undo_follows(
    base: Path,
) -> None:
    first, second, third = events_of(base)[:3]
    with open_store(base) as store:
        decide(store, "layla", first, "accepted")
    laptop = copy_of(base, "laptop.db")
    with open_store(laptop) as store:
        decide(store, "layla", second, "rejected")
        undo(store, "layla")
        decide(store, "layla", third, "accepted")
    output = merged(base, laptop)
    assert "fast-forwarded: layla" in output
    assert set(decisions(base, "layla")) == {first, third}
    with open_store(base) as store:  # the links were carried: undo walks the merged history
        assert undo(store, "layla") is not None
        assert get_decision(store, third, "layla") is None
        # the reject was undone in the copy (its undo names it): the next undo skips it
        undo(store, "layla")
        assert get_decision(store, first, "layla") is None
        assert get_decision(store, second, "layla") is None


def test_work_on_different_things_in_both_files_is_combined(base: Path) -> None:
    first, second = events_of(base)[:2]
    laptop = copy_of(base, "laptop.db")
    with open_store(base) as store:
        decide(store, "layla", first, "accepted")
    with open_store(laptop) as store:
        decide(store, "layla", second, "rejected")
        set_done(store, "layla", seed_ids(store)[1], True)
    output = merged(base, laptop)
    assert "combined: layla" in output
    assert decisions(base, "layla") == {first: ("accepted", None), second: ("rejected", None)}
    with open_store(base) as store:
        assert get_state(store, seed_ids(store)[1], "layla").done


def test_a_real_divergence_is_refused_with_every_conflict_and_nothing_written(base: Path) -> None:
    first, second, third = events_of(base)[:3]
    laptop = copy_of(base, "laptop.db")
    with open_store(base) as store:
        decide(store, "layla", first, "accepted")
        decide(store, "layla", second, "accepted")
        decide(store, "layla", third, "accepted")  # the same in both: no conflict
    with open_store(laptop) as store:
        decide(store, "layla", first, "rejected")
        decide(store, "layla", second, "rejected")
        decide(store, "layla", third, "accepted")
        add_event(store, "omar", seed_ids(store)[0], make_event(evidence={"start": 0, "end": 9}))
    before = (decisions(base, "layla"), decisions(base, "omar"), audit_count(base))
    result = run_cli(base, "merge", str(laptop))
    assert result.exit_code == 1
    message = result.stderr
    assert "2 conflict(s)" in message and "nothing was merged" in message
    assert f"layla on event {first}: accepted here, rejected there" in message
    assert f"layla on event {second}: accepted here, rejected there" in message
    assert third not in message
    assert (decisions(base, "layla"), decisions(base, "omar"), audit_count(base)) == before


def test_articles_match_by_content_and_their_events_follow(base: Path, tmp_path: Path) -> None:
    text = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text("utf-8")
    other = tmp_path / "other.db"
    corpus = tmp_path / "renamed.jsonl"
    corpus.write_text(json.dumps({"id": "desk-17", "text": text}, ensure_ascii=False) + "\n")
    assert run_cli(other, "import", str(corpus)).exit_code == 0
    assert run_cli(other, "extract").exit_code == 0
    with open_store(other) as store:
        for item in review_items(store, "desk-17", "omar"):
            decide(store, "omar", item.stored.id, "accepted")
    output = merged(base, other)
    assert "merged: 0 new articles (1 already here), 0 events" in output
    mapped = events_of(base, 0, "omar")
    assert set(decisions(base, "omar")) == set(mapped)  # the same events, under this file's id
    with open_store(base) as store:
        assert store.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 5


def test_an_older_file_is_read_from_an_upgraded_copy(base: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    make_version_1_file(old)
    before = old.read_bytes()
    output = merged(base, old)
    assert "merged: 1 new articles (0 already here), 1 events, 1 decisions" in output
    assert old.read_bytes() == before  # still version 1: only the copy was upgraded
    assert decisions(base, "layla")["m1"] == ("accepted", None)


def test_merging_a_file_into_itself_or_a_missing_file_is_refused(base: Path) -> None:
    itself = run_cli(base, "merge", str(base))
    assert itself.exit_code == 1 and "is this database: nothing to merge" in itself.stderr
    missing = run_cli(base, "merge", str(base.with_name("nowhere.db")))
    assert missing.exit_code == 1 and "no such database" in missing.stderr


def test_assignments_come_along(base: Path) -> None:
    laptop = copy_of(base, "laptop.db")
    assert run_cli(laptop, "assign", "--annotators", "layla,omar").exit_code == 0
    merged(base, laptop)
    with open_store(base) as store:
        assert store.db.execute("SELECT count(*) FROM assignments").fetchone()[0] == 5


def test_a_file_of_a_newer_hadath_is_refused_by_its_name(base: Path, tmp_path: Path) -> None:
    newer = copy_of(base, "newer.db")
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    result = run_cli(base, "merge", str(newer))
    assert result.exit_code == 1
    assert str(newer) in result.stderr and "hadath-merge-" not in result.stderr


def test_time_spent_takes_the_longer_of_the_two(base: Path) -> None:
    laptop = copy_of(base, "laptop.db")
    with open_store(base) as store:
        first, second = seed_ids(store)[:2]
        add_time(store, "layla", first, 10.0)
    with open_store(laptop) as store:
        add_time(store, "layla", first, 30.0)
        add_time(store, "layla", second, 5.0)
    merged(base, laptop)
    with open_store(base) as store:
        assert get_state(store, first, "layla").seconds_spent == 30.0
        assert get_state(store, second, "layla").seconds_spent == 5.0
    merged(base, laptop)  # again: still the longer, never the sum
    with open_store(base) as store:
        assert get_state(store, first, "layla").seconds_spent == 30.0
