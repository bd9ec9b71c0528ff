"""The adjudicated view (db.adjudication): items side by side, take, edit, drop, agreed,
undo, and `export --adjudicated` with provenance, on real files."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from db.adjudication import (
    accept_agreed,
    add,
    articles_to_adjudicate,
    drop,
    edit,
    finishers,
    items,
    take,
)
from db.decisions import (
    ADJUDICATED,
    DecisionError,
    accept_all,
    check_person,
    get_decision,
    undo,
)
from db.store import open_store
from tests.conftest import SEEDS, make_event, run_cli, seed_ids


def test_items_show_each_annotators_version_and_what_differs(two_reviewers: Path) -> None:
    with open_store(two_reviewers) as store:
        ids = seed_ids(store)
        assert articles_to_adjudicate(store) == ids
        assert finishers(store, ids[0]) == ["layla", "omar"]
        first, second, *rest = items(store, ids[0])
    assert sorted(first.versions) == ["layla"] and not first.agreed  # omar rejected it
    assert sorted(second.versions) == ["layla", "omar"] and not second.agreed
    assert second.differing() == {"fatalities"}
    assert (second.versions["omar"].event.fatalities or 0) == (
        second.versions["layla"].event.fatalities or 0
    ) + 2
    assert rest and all(item.agreed and item.differing() == set() for item in rest)
    assert all(item.state == "pending" for item in (first, second, *rest))


def test_take_edit_drop_and_agreed_make_the_view_with_provenance(two_reviewers: Path) -> None:
    with open_store(two_reviewers) as store:
        article = seed_ids(store)[0]
        first, second, *rest = items(store, article)
        assert accept_agreed(store, "sara", article) == len(rest)
        take(store, "sara", second, "omar")
        drop(store, "sara", first)
        after = items(store, article)
        assert [item.state for item in after] == ["dropped", "taken", *["agreed"] * len(rest)]
        assert after[1].source == {"adjudicator": "sara", "taken": "omar"}
        chosen = get_decision(store, second.versions["omar"].event_id, ADJUDICATED)
        assert chosen is not None and chosen.status == "corrected"
        assert chosen.corrected is not None
        assert chosen.corrected.fatalities == second.versions["omar"].event.fatalities
        undo(store, ADJUDICATED)  # the drop, one step
        assert items(store, article)[0].state == "pending"
        edited = dataclasses.replace(first.versions["layla"].event, fatalities=1)
        edit(store, "sara", items(store, article)[0], "layla", edited)
        assert items(store, article)[0].state == "edited"
        extra = add(store, "sara", article, make_event(evidence={"start": 0, "end": 25}))
    result = run_cli(two_reviewers, "export", "--adjudicated")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(rest) + 3
    by_id = {record["event_id"]: record for record in records}
    assert by_id[first.versions["layla"].event_id]["fatalities"] == 1
    assert by_id[first.versions["layla"].event_id]["adjudication"] == {
        "adjudicator": "sara", "edited": "layla"
    }  # fmt: skip
    assert by_id[second.versions["omar"].event_id]["adjudication"]["taken"] == "omar"
    assert by_id[extra.id]["adjudication"] == {"adjudicator": "sara", "added": True}
    agreed = [r for r in records if r["adjudication"] and "agreed" in r["adjudication"]]
    assert len(agreed) == len(rest)
    assert all(r["adjudication"]["agreed"] == ["layla", "omar"] for r in agreed)


def test_export_names_the_choices_and_agreement_has_the_view(two_reviewers: Path) -> None:
    with open_store(two_reviewers) as store:
        accept_agreed(store, "sara", seed_ids(store)[0])
    refused = run_cli(two_reviewers, "export")
    assert refused.exit_code == 1
    assert "several annotators (layla, omar): choose one with --annotator, or --adjudicated" in (
        refused.stderr
    )
    report = json.loads(run_cli(two_reviewers, "agreement", "--json").stdout)
    assert report["sources"] == ["layla", "omar", "extractor", "adjudicated"]
    pairs = {(p["row"], p["column"]): p for p in report["pairs"]}
    assert pairs["adjudicated", "layla"]["articles"] == 1


def test_nothing_adjudicated_yet_is_said(db_path: Path) -> None:
    assert run_cli(db_path, "import", str(SEEDS)).exit_code == 0
    assert run_cli(db_path, "extract").exit_code == 0
    with open_store(db_path) as store:
        accept_all(store, "layla", seed_ids(store)[0])
    result = run_cli(db_path, "export", "--adjudicated")
    assert result.exit_code == 1
    assert "nothing adjudicated yet" in result.stderr


def test_a_reviewer_cannot_take_the_views_name() -> None:
    with pytest.raises(DecisionError, match="kept for hadath's own entries"):
        check_person(ADJUDICATED)
    assert check_person("ليلى") == "ليلى"
