"""Decisions, added events, undo and article state, checked on the rows stored."""

from __future__ import annotations

import sqlite3

import pytest

from db.decisions import (
    DecisionError,
    accept_all,
    add_event,
    add_time,
    audit_log,
    decide,
    delete_event,
    get_decision,
    get_state,
    redo,
    review_items,
    set_comment,
    set_done,
    set_flagged,
    undo,
)
from db.events import add_machine_events, article_events, get_event
from db.store import Store
from tests.conftest import make_event, seed_ids


@pytest.fixture
def events(seeded: Store) -> dict[str, list[str]]:
    """Two machine events on each of the first two seed articles."""
    made = {}
    for article_id in seed_ids(seeded)[:2]:
        made[article_id] = add_machine_events(
            seeded,
            article_id,
            [
                make_event(),
                make_event(sub_event_type="Armed clash", evidence={"start": 50, "end": 90}),
            ],
        )
    return made


def decision_rows(store: Store) -> list[tuple]:
    return store.db.execute(
        "SELECT event_id, annotator, status FROM decisions ORDER BY event_id, annotator"
    ).fetchall()


def test_accept_reject_correct_store_one_row_per_event_and_annotator(
    seeded: Store, events: dict[str, list[str]]
) -> None:
    (first, second), (third, _) = events.values()
    decide(seeded, "layla", first, "accepted")
    decide(seeded, "layla", second, "rejected")
    fixed = make_event(fatalities=7, evidence={"start": 0, "end": 30})
    decide(seeded, "layla", third, "corrected", fixed)
    decide(seeded, "layla", first, "rejected")  # a change of mind replaces the row
    assert decision_rows(seeded) == sorted(
        [(first, "layla", "rejected"), (second, "layla", "rejected"), (third, "layla", "corrected")]
    )
    stored = get_decision(seeded, third, "layla")
    assert stored is not None and stored.corrected is not None
    assert stored.corrected.fatalities == 7
    assert stored.corrected.origin == "machine"  # a correction keeps the event's provenance
    # the machine event itself is untouched
    original = get_event(seeded, third)
    assert original is not None and original.event.fatalities == 5


def test_every_decision_is_audited_with_before_and_after(
    seeded: Store, events: dict[str, list[str]]
) -> None:
    event_id = next(iter(events.values()))[0]
    decide(seeded, "layla", event_id, "accepted")
    decide(seeded, "layla", event_id, "rejected")
    log = audit_log(seeded, "layla")
    assert [e["action"] for e in log] == ["accept", "reject"]
    assert log[0]["before"] is None and log[0]["after"]["status"] == "accepted"
    assert log[1]["before"]["status"] == "accepted" and log[1]["after"]["status"] == "rejected"
    assert all(e["event_id"] == event_id and e["at"] for e in log)


def test_events_and_audit_log_cannot_be_rewritten(
    seeded: Store, events: dict[str, list[str]]
) -> None:
    event_id = next(iter(events.values()))[0]
    decide(seeded, "layla", event_id, "accepted")
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        seeded.conn.execute("UPDATE events SET fatalities = 1 WHERE id = ?", [event_id])
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        seeded.conn.execute("UPDATE audit SET annotator = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        seeded.conn.execute("DELETE FROM audit")
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        seeded.conn.execute("UPDATE articles SET text = 'x'")


def test_undo_walks_back_across_articles_and_is_itself_audited(
    seeded: Store, events: dict[str, list[str]]
) -> None:
    (a1, a2), (b1, _) = events.values()
    decide(seeded, "layla", a1, "accepted")
    decide(seeded, "layla", a2, "rejected")
    decide(seeded, "layla", b1, "accepted")
    decide(seeded, "layla", b1, "corrected", make_event(injured=2))

    first = undo(seeded, "layla")
    assert first is not None and first.action == "correct" and first.event_ids == (b1,)
    assert get_decision(seeded, b1, "layla").status == "accepted"  # type: ignore[union-attr]
    second = undo(seeded, "layla")
    assert second is not None and second.event_ids == (b1,)
    assert get_decision(seeded, b1, "layla") is None  # pending again
    third = undo(seeded, "layla")  # crosses back into the first article
    assert third is not None and third.event_ids == (a2,)
    assert third.article_id == seed_ids(seeded)[0]
    assert get_decision(seeded, a2, "layla") is None
    assert get_decision(seeded, a1, "layla").status == "accepted"  # type: ignore[union-attr]
    undo(seeded, "layla")
    assert undo(seeded, "layla") is None  # nothing left
    assert decision_rows(seeded) == []
    actions = [e["action"] for e in audit_log(seeded, "layla")]
    assert actions == ["accept", "reject", "accept", "correct", "undo", "undo", "undo", "undo"]
    undo_entries = [e for e in audit_log(seeded, "layla") if e["action"] == "undo"]
    assert all(e["undoes"] for e in undo_entries)


def test_undo_only_touches_the_annotators_own_decisions(
    seeded: Store, events: dict[str, list[str]]
) -> None:
    event_id = next(iter(events.values()))[0]
    decide(seeded, "layla", event_id, "accepted")
    decide(seeded, "omar", event_id, "rejected")
    undo(seeded, "layla")
    assert decision_rows(seeded) == [(event_id, "omar", "rejected")]


def test_accept_all_accepts_pending_events_and_undoes_as_one(
    seeded: Store, events: dict[str, list[str]]
) -> None:
    article_id, (first, second) = next(iter(events.items()))
    decide(seeded, "layla", first, "rejected")
    accepted = accept_all(seeded, "layla", article_id)
    assert accepted == [second]  # the rejected one keeps its decision
    assert {i.stored.id: i.decision.status for i in review_items(seeded, article_id, "layla")} == {  # type: ignore[union-attr]
        first: "rejected",
        second: "accepted",
    }
    other_article, (third, fourth) = list(events.items())[1]
    assert sorted(accept_all(seeded, "layla", other_article)) == sorted([third, fourth])
    result = undo(seeded, "layla")
    assert result is not None and sorted(result.event_ids) == sorted([third, fourth])
    assert get_decision(seeded, third, "layla") is None
    assert get_decision(seeded, fourth, "layla") is None
    assert get_decision(seeded, second, "layla").status == "accepted"  # type: ignore[union-attr]


def test_added_events_are_human_and_private_to_their_annotator(seeded: Store) -> None:
    article_id = seed_ids(seeded)[0]
    added = add_event(
        seeded,
        "layla",
        article_id,
        make_event(
            origin="human", extractor=None, confidence=None, evidence={"start": 5, "end": 25}
        ),
    )
    assert added.event.origin == "human" and added.added_by == "layla"
    assert added.event.extractor is None and added.id.startswith("h")
    assert [i.stored.id for i in review_items(seeded, article_id, "layla")] == [added.id]
    assert review_items(seeded, article_id, "omar") == []
    with pytest.raises(DecisionError, match="added by layla"):
        decide(seeded, "omar", added.id, "accepted")
    assert get_decision(seeded, added.id, "layla").status == "accepted"  # type: ignore[union-attr]


def test_machine_made_record_given_to_add_event_becomes_human(seeded: Store) -> None:
    article_id = seed_ids(seeded)[0]
    added = add_event(seeded, "layla", article_id, make_event())
    assert added.event.origin == "human" and added.event.extractor is None


def test_delete_own_event_and_undo_it(seeded: Store, events: dict[str, list[str]]) -> None:
    article_id, (machine_id, _) = next(iter(events.items()))
    added = add_event(seeded, "layla", article_id, make_event(evidence={"start": 1, "end": 9}))
    delete_event(seeded, "layla", added.id)
    assert added.id not in [i.stored.id for i in review_items(seeded, article_id, "layla")]
    assert get_decision(seeded, added.id, "layla").status == "deleted"  # type: ignore[union-attr]
    with pytest.raises(DecisionError, match="reject it instead"):
        delete_event(seeded, "layla", machine_id)
    undo(seeded, "layla")
    assert added.id in [i.stored.id for i in review_items(seeded, article_id, "layla")]
    undo(seeded, "layla")  # undoing the add withdraws the event
    assert added.id not in [i.stored.id for i in review_items(seeded, article_id, "layla")]
    assert len(article_events(seeded, article_id)) == 3  # the row stays for the record


@pytest.mark.parametrize(
    ("status", "corrected", "message"),
    [
        ("maybe", None, "status must be"),
        ("corrected", None, "carries a corrected record"),
        ("accepted", make_event(), "carries a corrected record"),
    ],
)
def test_invalid_decisions_are_refused(
    seeded: Store, events: dict[str, list[str]], status: str, corrected, message: str
) -> None:
    event_id = next(iter(events.values()))[0]
    with pytest.raises(DecisionError, match=message):
        decide(seeded, "layla", event_id, status, corrected)
    assert decision_rows(seeded) == []


def test_correction_outside_the_article_is_refused(
    seeded: Store, events: dict[str, list[str]]
) -> None:
    event_id = next(iter(events.values()))[0]
    with pytest.raises(DecisionError, match="past the end of the article"):
        decide(
            seeded, "layla", event_id, "corrected", make_event(evidence={"start": 0, "end": 10**6})
        )
    with pytest.raises(DecisionError, match="no event"):
        decide(seeded, "layla", "missing", "accepted")
    with pytest.raises(DecisionError, match="annotator name must not be empty"):
        decide(seeded, " ", event_id, "accepted")
    assert decision_rows(seeded) == []


def test_article_state_done_flag_comment_time(seeded: Store) -> None:
    article_id = seed_ids(seeded)[1]
    assert get_state(seeded, article_id, "layla").done is False
    set_done(seeded, "layla", article_id)
    set_flagged(seeded, "layla", article_id, True)
    set_comment(seeded, "layla", article_id, "التاريخ غير واضح")
    add_time(seeded, "layla", article_id, 12.5)
    add_time(seeded, "layla", article_id, 3.0)
    state = get_state(seeded, article_id, "layla")
    assert (state.done, state.flagged, state.comment, state.seconds_spent) == (
        True,
        True,
        "التاريخ غير واضح",
        15.5,
    )
    assert get_state(seeded, article_id, "omar").done is False
    set_flagged(seeded, "layla", article_id, False)
    set_comment(seeded, "layla", article_id, "  ")
    state = get_state(seeded, article_id, "layla")
    assert (state.flagged, state.comment, state.done) == (False, None, True)
    actions = [e["action"] for e in audit_log(seeded, "layla")]
    assert actions == ["done", "flag", "comment", "unflag", "comment"]
    with pytest.raises(DecisionError):
        add_time(seeded, "layla", article_id, -1)


def test_done_is_undone_and_redone_like_a_decision(
    seeded: Store, events: dict[str, list[str]]
) -> None:
    (first, _), (third, _) = events.values()
    article, other = list(events)
    decide(seeded, "layla", first, "accepted")
    set_done(seeded, "layla", article)
    decide(seeded, "layla", third, "rejected")
    assert get_state(seeded, article, "layla").done
    undone = [undo(seeded, "layla") for _ in range(2)]
    assert [(u.action, u.article_id, u.event_ids) for u in undone if u] == [
        ("reject", other, (third,)),
        ("done", article, ()),
    ]
    assert not get_state(seeded, article, "layla").done
    assert get_decision(seeded, third, "layla") is None
    assert get_decision(seeded, first, "layla").status == "accepted"  # type: ignore[union-attr]
    redone = redo(seeded, "layla")  # the newest undo first: done again
    assert redone is not None and (redone.action, redone.article_id) == ("done", article)
    assert get_state(seeded, article, "layla").done
    redone = redo(seeded, "layla")
    assert redone is not None and redone.action == "reject"
    assert get_decision(seeded, third, "layla").status == "rejected"  # type: ignore[union-attr]
    assert redo(seeded, "layla") is None  # nothing left to redo
    # undo takes back the redo; redo then re-applies it again
    assert undo(seeded, "layla").action == "reject"  # type: ignore[union-attr]
    assert get_decision(seeded, third, "layla") is None
    assert redo(seeded, "layla").action == "reject"  # type: ignore[union-attr]
    assert get_decision(seeded, third, "layla").status == "rejected"  # type: ignore[union-attr]
    actions = [entry["action"] for entry in audit_log(seeded, "layla")]
    assert actions == ["accept", "done", "reject", "undo", "undo", "redo", "redo", "undo", "redo"]


def test_a_new_decision_ends_the_redo_chain(seeded: Store, events: dict[str, list[str]]) -> None:
    (first, second), _ = events.values()
    decide(seeded, "layla", first, "accepted")
    undo(seeded, "layla")
    decide(seeded, "layla", second, "rejected")
    assert redo(seeded, "layla") is None
    assert get_decision(seeded, first, "layla") is None
    set_flagged(seeded, "layla", next(iter(events)), True)  # a flag is not a decision: redo stays
    undo(seeded, "layla")
    set_flagged(seeded, "layla", next(iter(events)), False)
    assert redo(seeded, "layla") is not None
    assert get_decision(seeded, second, "layla").status == "rejected"  # type: ignore[union-attr]


def test_redo_of_an_accept_all_reapplies_it_whole(
    seeded: Store, events: dict[str, list[str]]
) -> None:
    article = next(iter(events))
    accepted = accept_all(seeded, "layla", article)
    undo(seeded, "layla")
    assert all(get_decision(seeded, e, "layla") is None for e in accepted)
    result = redo(seeded, "layla")
    assert (
        result is not None and result.action == "accept" and set(result.event_ids) == set(accepted)
    )
    assert all(get_decision(seeded, e, "layla").status == "accepted" for e in accepted)  # type: ignore[union-attr]
    result = undo(seeded, "layla")
    assert result is not None and set(result.event_ids) == set(accepted)
    assert all(get_decision(seeded, e, "layla") is None for e in accepted)


def test_redo_only_touches_the_annotators_own_undo(
    seeded: Store, events: dict[str, list[str]]
) -> None:
    (first, _), _ = events.values()
    decide(seeded, "layla", first, "accepted")
    undo(seeded, "layla")
    assert redo(seeded, "omar") is None
    decide(seeded, "omar", first, "rejected")  # another reviewer's decision ends nothing of hers
    assert redo(seeded, "layla") is not None
    assert get_decision(seeded, first, "layla").status == "accepted"  # type: ignore[union-attr]
