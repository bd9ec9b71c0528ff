"""Reviewers' decisions, events they add, undo, and per-article state, all audited.

A decision is one row per (event, annotator): accepted, rejected, corrected
(with the corrected record), or deleted (an event the reviewer added and then
removed). Marking an article done (or not done) is a decision too. Each change
is one transaction that also appends to the audit log who did what, when, and
the row before and after. Undo restores the row before the newest change not
yet undone and appends that too; redo re-applies what the newest undo took
back, until the reviewer decides something new. The log is never rewritten,
and reviewers never touch each other's rows.

Writing a decision also updates the project lexicon's entries that decision
taught (db.lexicon), in the same transaction: an undo takes them back.

Undo and redo are read from the log itself: an `undo` entry names the entry
it reverted (`undoes`), a `redo` entry names the `undo` entry it reverted, and
entries written together (an accept-all, the undo of one) share a `batch`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

import sqlite_utils

from db.audit import append_audit
from db.events import (
    StoredEvent,
    event_from_row,
    event_row,
    get_event,
    human_event_id,
    text_length,
)
from db.lexicon import capture
from db.link_decisions import (
    INCIDENT_ACTIONS,
    incident_state,
    incident_subject,
    write_incident_state,
)
from db.store import Store, utc_now
from extract.record import Event, RecordError, parse_event

Verdict = Literal["accepted", "rejected", "corrected"]
"""What a reviewer decides on an event (`decide`)."""
DecisionStatus = Literal[Verdict, "deleted"]
"""A decision row's status: a verdict, or `deleted` (an event the reviewer added, withdrawn)."""

VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
STATUSES: tuple[DecisionStatus, ...] = get_args(DecisionStatus)
UNDOABLE_ACTIONS = (
    "accept", "reject", "correct", "add", "delete", "done", "undone", *INCIDENT_ACTIONS,
)  # fmt: skip
"""The actions undo takes back (a `redo` entry too); flag and comment are not undone.
Incident decisions (a link confirmed or split, an incident's figure) are db.link_decisions'."""
STATE_ACTIONS = frozenset({"done", "undone"})
"""Actions on an article's state (its `done`), not on an event's decision."""
MAX_ANNOTATOR_LENGTH = 100
ADJUDICATED = "(adjudicated)"
"""The name the adjudicated view's decisions are stored and audited under (db.adjudication):
it may decide on any event of an article, an event a reviewer added included."""
_ACTION_OF_STATUS: dict[Verdict, str] = {
    "accepted": "accept",
    "rejected": "reject",
    "corrected": "correct",
}


class DecisionError(ValueError):
    """A decision that cannot be recorded (unknown event, someone else's event, bad record)."""


@dataclass(frozen=True)
class Decision:
    """An annotator's current decision on one event."""

    event_id: str
    annotator: str
    status: DecisionStatus
    corrected: Event | None
    decided_at: str


@dataclass(frozen=True)
class ReviewItem:
    """An event as one annotator sees it: the stored event and their decision, if any."""

    stored: StoredEvent
    decision: Decision | None

    @property
    def current(self) -> Event:
        """The event as the annotator has it now: corrected form if corrected."""
        if self.decision and self.decision.corrected is not None:
            return self.decision.corrected
        return self.stored.event


@dataclass(frozen=True)
class UndoResult:
    """What an undo reverted (or a redo re-applied): the reviewer's action, its article and
    the events it touched (none for marking an article done)."""

    action: str
    article_id: str | None
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class ArticleState:
    """An annotator's state for one article."""

    article_id: str
    annotator: str
    done: bool = False
    flagged: bool = False
    comment: str | None = None
    seconds_spent: float = 0.0


def check_annotator(name: str) -> str:
    """Return the annotator name if usable (non-empty, printable, not too long)."""
    if not isinstance(name, str) or not name.strip():
        raise DecisionError("the annotator name must not be empty")
    if len(name) > MAX_ANNOTATOR_LENGTH or not name.isprintable():
        raise DecisionError(f"annotator name {name[:40]!r} must be printable and short")
    return name


def check_person(name: str) -> str:
    """`check_annotator` for a name a person gives: names in parentheses are hadath's own
    (the adjudicated view, an import's metadata fills)."""
    check_annotator(name)
    if name.startswith("(") and name.endswith(")"):
        raise DecisionError(f"annotator name {name!r} is kept for hadath's own entries")
    return name


def _decision_state(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    corrected = json.loads(row["corrected"]) if row["corrected"] else None
    state = {"status": row["status"], "corrected": corrected, "decided_at": row["decided_at"]}
    if row.get("source"):
        state["source"] = json.loads(row["source"])
    return state


def _to_decision(row: dict[str, Any]) -> Decision:
    corrected = None
    if row["corrected"]:
        corrected = parse_event(json.loads(row["corrected"]))
    return Decision(row["event_id"], row["annotator"], row["status"], corrected, row["decided_at"])


def _current_row(db: sqlite_utils.Database, event_id: str, annotator: str) -> dict[str, Any] | None:
    sql = "SELECT * FROM decisions WHERE event_id = ? AND annotator = ?"
    return next(iter(db.query(sql, [event_id, annotator])), None)


def _write_decision(
    db: sqlite_utils.Database, event_id: str, annotator: str, state: dict[str, Any] | None
) -> None:
    """Write (or, with None, delete) the annotator's decision row on the event, and bring the
    project lexicon's entries from that decision in line with it (db.lexicon)."""
    _write_decision_row(db, event_id, annotator, state)
    capture(db.conn, event_id, annotator, state)


def _write_decision_row(
    db: sqlite_utils.Database, event_id: str, annotator: str, state: dict[str, Any] | None
) -> None:
    if state is None:
        db.execute(
            "DELETE FROM decisions WHERE event_id = ? AND annotator = ?", [event_id, annotator]
        )
        return
    corrected, source = state["corrected"], state.get("source")
    db.execute(
        "INSERT INTO decisions (event_id, annotator, status, corrected, decided_at, event_seq,"
        " source) VALUES (?, ?, ?, ?, ?, (SELECT seq FROM events WHERE id = ?), ?)"
        " ON CONFLICT (event_id, annotator) DO UPDATE SET"
        " status = excluded.status, corrected = excluded.corrected,"
        " decided_at = excluded.decided_at, source = excluded.source",
        [
            event_id,
            annotator,
            state["status"],
            None if corrected is None else json.dumps(corrected, ensure_ascii=False),
            state["decided_at"],
            event_id,
            None if source is None else json.dumps(source, ensure_ascii=False),
        ],
    )


def _visible_event(store: Store, event_id: str, annotator: str) -> StoredEvent:
    stored = get_event(store, event_id)
    if stored is None:
        raise DecisionError(f"there is no event {event_id!r}")
    if stored.added_by is not None and stored.added_by != annotator and annotator != ADJUDICATED:
        raise DecisionError(f"event {event_id!r} was added by {stored.added_by}, not {annotator}")
    return stored


def _text_length(store: Store, article_id: str) -> int:
    length = text_length(store.conn, article_id)
    if length is None:
        raise DecisionError(f"there is no article {article_id!r}")
    return length


def _checked_human_event(store: Store, article_id: str, event: Event) -> Event:
    """Validate a reviewer's record against the article, as a human-origin event."""
    record = {**event.to_dict(), "origin": "human", "extractor": None}
    try:
        return parse_event(record, text_length=_text_length(store, article_id), origin="human")
    except RecordError as error:
        raise DecisionError(str(error)) from error


def decide(
    store: Store, annotator: str, event_id: str, status: Verdict, corrected: Event | None = None
) -> Decision:
    """Record an annotator's decision on an event and audit it; return the decision.

    `status` is accepted, rejected or corrected; a correction carries the
    corrected record, which is validated against the article's text.
    """
    check_annotator(annotator)
    if status not in VERDICTS:
        raise DecisionError(f"status must be accepted, rejected or corrected, not {status!r}")
    if (status == "corrected") != (corrected is not None):
        raise DecisionError("a correction, and only a correction, carries a corrected record")
    stored = _visible_event(store, event_id, annotator)
    corrected_dict = _corrected_record(store, stored, corrected)
    decided_at = utc_now()
    after = {"status": status, "corrected": corrected_dict, "decided_at": decided_at}
    _change_decision(store, stored, annotator, _ACTION_OF_STATUS[status], after)
    return Decision(
        event_id,
        annotator,
        status,
        parse_event(corrected_dict) if corrected_dict else None,
        decided_at,
    )


def _corrected_record(
    store: Store, stored: StoredEvent, corrected: Event | None
) -> dict[str, Any] | None:
    """A correction's record as stored: checked against the article, the event's origin kept."""
    if corrected is None:
        return None
    checked = _checked_human_event(store, stored.article_id, corrected)
    record = {**checked.to_dict(), "origin": stored.event.origin}
    record["extractor"] = stored.event.extractor
    return record


@dataclass(frozen=True)
class Change:
    """One decision of a batch (`decide_batch`): the event, the verdict, the corrected
    record of a correction, and the decision's provenance (the adjudicated view's)."""

    event_id: str
    status: Verdict
    corrected: Event | None = None
    source: dict[str, Any] | None = None


def decide_batch(store: Store, annotator: str, changes: Sequence[Change]) -> None:
    """Record several decisions in one transaction, audited as one undo step."""
    check_annotator(annotator)
    decided_at = utc_now()
    with store.write() as db:
        batch: int | None = None
        for change in changes:
            if change.status not in VERDICTS:
                raise DecisionError(f"status must be a verdict, not {change.status!r}")
            stored = _visible_event(store, change.event_id, annotator)
            after: dict[str, Any] = {
                "status": change.status,
                "corrected": _corrected_record(store, stored, change.corrected),
                "decided_at": decided_at,
            }
            if change.source is not None:
                after["source"] = change.source
            before = _decision_state(_current_row(db, stored.id, annotator))
            _write_decision(db, stored.id, annotator, after)
            entry = append_audit(
                db, annotator, _ACTION_OF_STATUS[change.status], article_id=stored.article_id,
                event_id=stored.id, before=before, after=after, batch=batch,
            )  # fmt: skip
            batch = batch or entry


def add_event(
    store: Store,
    annotator: str,
    article_id: str,
    event: Event,
    source: dict[str, Any] | None = None,
) -> StoredEvent:
    """Store an event the annotator adds (origin human) as accepted by them; audit it.

    `source` is the decision's provenance (the adjudicated view's), if any.
    """
    check_annotator(annotator)
    checked = _checked_human_event(store, article_id, event)
    event_id = human_event_id()
    row = event_row(event_id, article_id, checked, annotator)
    after: dict[str, Any] = {
        "status": "accepted",
        "corrected": None,
        "decided_at": row["created_at"],
    }
    if source is not None:
        after["source"] = source
    with store.write() as db:
        db.table("events").insert(row)
        _write_decision(db, event_id, annotator, after)
        append_audit(
            db,
            annotator,
            "add",
            article_id=article_id,
            event_id=event_id,
            after={**after, "event": checked.to_dict()},
        )
    stored = get_event(store, event_id)
    assert stored is not None
    return stored


def delete_event(store: Store, annotator: str, event_id: str) -> None:
    """Withdraw an event this annotator added (machine events are rejected, not deleted)."""
    check_annotator(annotator)
    stored = _visible_event(store, event_id, annotator)
    if stored.added_by != annotator:
        raise DecisionError(f"event {event_id!r} is a machine event: reject it instead")
    after = {"status": "deleted", "corrected": None, "decided_at": utc_now()}
    _change_decision(store, stored, annotator, "delete", after)


def _change_decision(
    store: Store, stored: StoredEvent, annotator: str, action: str, after: dict[str, Any]
) -> None:
    """Write the annotator's new decision on `stored` and audit it, in one transaction."""
    with store.write() as db:
        before = _decision_state(_current_row(db, stored.id, annotator))
        _write_decision(db, stored.id, annotator, after)
        append_audit(
            db,
            annotator,
            action,
            article_id=stored.article_id,
            event_id=stored.id,
            before=before,
            after=after,
        )


def review_items(store: Store, article_id: str, annotator: str) -> list[ReviewItem]:
    """Return the events an annotator reviews for an article with their decisions.

    That is every machine event and the events this annotator added and has
    not deleted, in the order stored.
    """
    sql = (
        "SELECT e.*, d.status AS d_status, d.corrected AS d_corrected,"
        " d.decided_at AS d_decided_at FROM events e"
        " LEFT JOIN decisions d ON d.event_id = e.id AND d.annotator = :annotator"
        " WHERE e.article_id = :article AND (e.added_by IS NULL OR"
        " (e.added_by = :annotator AND d.status IS NOT NULL AND d.status != 'deleted'))"
        " ORDER BY e.seq"
    )
    items = []
    for row in store.db.query(sql, {"annotator": annotator, "article": article_id}):
        decision = None
        if row["d_status"] is not None:
            decision = _to_decision(
                {
                    "event_id": row["id"],
                    "annotator": annotator,
                    "status": row["d_status"],
                    "corrected": row["d_corrected"],
                    "decided_at": row["d_decided_at"],
                }
            )
        items.append(ReviewItem(event_from_row(row), decision))
    return items


def get_decision(store: Store, event_id: str, annotator: str) -> Decision | None:
    """Return the annotator's current decision on an event, or None if pending."""
    row = _current_row(store.db, event_id, annotator)
    return _to_decision(row) if row else None


def accept_all(store: Store, annotator: str, article_id: str) -> list[str]:
    """Accept every event of the article still pending for the annotator, as one undo step."""
    check_annotator(annotator)
    decided_at = utc_now()
    after = {"status": "accepted", "corrected": None, "decided_at": decided_at}
    with store.write() as db:
        pending = [
            item.stored.id
            for item in review_items(store, article_id, annotator)
            if item.decision is None
        ]
        batch: int | None = None
        for event_id in pending:
            _write_decision(db, event_id, annotator, after)
            entry = append_audit(
                db,
                annotator,
                "accept",
                article_id=article_id,
                event_id=event_id,
                after=after,
                batch=batch,
            )
            # The batch is named by its first entry's id, which the later ones carry.
            batch = batch or entry
    return pending


def _group(db: sqlite_utils.Database, last: dict[str, Any] | None) -> list[dict[str, Any]]:
    """`last` and the entries written with it (its batch), newest first."""
    if last is None:
        return []
    head = last["batch"] or last["id"]
    return list(
        db.query(
            "SELECT * FROM audit WHERE (id = :head OR batch = :head) AND annotator = :who"
            " ORDER BY id DESC",
            {"head": head, "who": last["annotator"]},
        )
    )


def _last_undoable(db: sqlite_utils.Database, annotator: str) -> list[dict[str, Any]]:
    """The newest change (a decision, or a redo) not undone yet, with its batch."""
    actions = (*UNDOABLE_ACTIONS, "redo")
    marks = ",".join("?" * len(actions))
    sql = (
        f"SELECT * FROM audit WHERE annotator = ? AND action IN ({marks})"
        " AND id NOT IN (SELECT undoes FROM audit WHERE undoes IS NOT NULL)"
        " ORDER BY id DESC LIMIT 1"
    )
    return _group(db, next(iter(db.query(sql, [annotator, *actions])), None))


def _last_redoable(db: sqlite_utils.Database, annotator: str) -> list[dict[str, Any]]:
    """The newest undo not redone yet, with its batch; none once a newer decision was made."""
    marks = ",".join("?" * len(UNDOABLE_ACTIONS))
    sql = (
        "SELECT * FROM audit WHERE annotator = ? AND action = 'undo'"
        " AND id NOT IN (SELECT undoes FROM audit WHERE undoes IS NOT NULL)"
        " ORDER BY id DESC LIMIT 1"
    )
    last = next(iter(db.query(sql, [annotator])), None)
    if last is None:
        return []
    newer = db.execute(
        f"SELECT 1 FROM audit WHERE annotator = ? AND id > ? AND action IN ({marks}) LIMIT 1",
        [annotator, last["id"], *UNDOABLE_ACTIONS],
    ).fetchone()
    return [] if newer else _group(db, last)


def _incident_subject(entry: dict[str, Any]) -> dict[str, Any] | None:
    """The link or figure an entry is about, if it is an incident decision's."""
    if entry["event_id"] is not None:
        return None
    for side in ("after", "before"):
        subject = incident_subject(json.loads(entry[side]) if entry[side] else None)
        if subject is not None:
            return subject
    return None


def _state_now(db: sqlite_utils.Database, entry: dict[str, Any]) -> dict[str, Any] | None:
    """What the entry's row holds now: the decision, the link or figure, or the article
    state's changed columns."""
    subject = _incident_subject(entry)
    if subject is not None:
        return incident_state(db.conn, entry["annotator"], subject)
    if entry["event_id"] is not None:
        return _decision_state(_current_row(db, entry["event_id"], entry["annotator"]))
    row = db.execute(
        "SELECT done FROM article_state WHERE article_id = ? AND annotator = ?",
        [entry["article_id"], entry["annotator"]],
    ).fetchone()
    return {"done": bool(row[0]) if row else False}


def _restore(
    db: sqlite_utils.Database, entry: dict[str, Any], state: dict[str, Any] | None
) -> None:
    """Write `state` back to the entry's row (a decision, a link or figure, or the article's
    done)."""
    subject = _incident_subject(entry)
    if subject is not None:
        write_incident_state(db.conn, entry["annotator"], state or subject)
        return
    if entry["event_id"] is not None:
        _write_decision(db, entry["event_id"], entry["annotator"], state)
        return
    done = bool(state and state.get("done"))
    db.execute(
        "INSERT INTO article_state (article_id, annotator, done, updated_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (article_id, annotator) DO UPDATE SET done = excluded.done,"
        " updated_at = excluded.updated_at",
        [entry["article_id"], entry["annotator"], int(done), utc_now()],
    )


def _reviewer_action(db: sqlite_utils.Database, entry: dict[str, Any]) -> str:
    """The reviewer's own action behind an undo or redo entry (accept, done, ...)."""
    while entry["action"] in ("undo", "redo") and entry["undoes"] is not None:
        entry = next(iter(db.query("SELECT * FROM audit WHERE id = ?", [entry["undoes"]])))
    return str(entry["action"])


def _revert(
    store: Store, annotator: str, action: str, pick: Any, state_of: str
) -> UndoResult | None:
    """Write back each picked entry's `state_of` ("before" or "after") side, logged as `action`."""
    check_annotator(annotator)
    with store.write() as db:
        entries = pick(db, annotator)
        if not entries:
            return None
        batch: int | None = None
        for entry in entries:
            target = json.loads(entry[state_of]) if entry[state_of] else None
            current = _state_now(db, entry)
            _restore(db, entry, target)
            written = append_audit(
                db,
                annotator,
                action,
                article_id=entry["article_id"],
                event_id=entry["event_id"],
                before=current,
                after=target,
                batch=batch if len(entries) > 1 else None,
                undoes=entry["id"],
            )
            batch = batch or written
        reviewer_action = _reviewer_action(db, entries[-1])
    return UndoResult(
        action=reviewer_action,
        article_id=entries[-1]["article_id"],
        event_ids=tuple(e["event_id"] for e in reversed(entries) if e["event_id"] is not None),
    )


def undo(store: Store, annotator: str) -> UndoResult | None:
    """Revert the annotator's newest change not yet undone (a whole accept-all at once).

    Returns what was reverted, or None when there is nothing left to undo.
    Repeated calls walk further back, across articles.
    """
    return _revert(store, annotator, "undo", _last_undoable, "before")


def redo(store: Store, annotator: str) -> UndoResult | None:
    """Re-apply what the annotator's newest undo took back; None when there is nothing to
    redo (no undo, or a decision made since: a new decision ends the redo chain)."""
    return _revert(store, annotator, "redo", _last_redoable, "before")


def get_state(store: Store, article_id: str, annotator: str) -> ArticleState:
    """Return the annotator's state for an article (all defaults if never touched)."""
    sql = "SELECT * FROM article_state WHERE article_id = ? AND annotator = ?"
    row = next(iter(store.db.query(sql, [article_id, annotator])), None)
    if row is None:
        return ArticleState(article_id, annotator)
    return ArticleState(
        article_id,
        annotator,
        bool(row["done"]),
        bool(row["flagged"]),
        row["comment"],
        row["seconds_spent"],
    )


def _set_state(
    store: Store, annotator: str, article_id: str, action: str, **changes: Any
) -> ArticleState:
    check_annotator(annotator)
    _text_length(store, article_id)
    with store.write() as db:
        before = get_state(store, article_id, annotator)
        columns = ", ".join(changes)
        marks = ", ".join("?" * len(changes))
        updates = ", ".join(f"{name} = excluded.{name}" for name in changes)
        db.execute(
            f"INSERT INTO article_state (article_id, annotator, {columns}, updated_at)"
            f" VALUES (?, ?, {marks}, ?) ON CONFLICT (article_id, annotator)"
            f" DO UPDATE SET {updates}, updated_at = excluded.updated_at",
            [article_id, annotator, *changes.values(), utc_now()],
        )
        after = get_state(store, article_id, annotator)
        if action:
            append_audit(
                db,
                annotator,
                action,
                article_id=article_id,
                before={name: getattr(before, name) for name in changes},
                after={name: getattr(after, name) for name in changes},
            )
    return after


def set_done(store: Store, annotator: str, article_id: str, done: bool = True) -> ArticleState:
    """Mark an article done (or not done) for the annotator."""
    return _set_state(store, annotator, article_id, "done" if done else "undone", done=int(done))


def set_flagged(store: Store, annotator: str, article_id: str, flagged: bool) -> ArticleState:
    """Flag or unflag an article for the annotator."""
    action = "flag" if flagged else "unflag"
    return _set_state(store, annotator, article_id, action, flagged=int(flagged))


def set_comment(store: Store, annotator: str, article_id: str, comment: str | None) -> ArticleState:
    """Set (or clear, with None or blank) the annotator's comment on an article."""
    text = comment if comment and comment.strip() else None
    return _set_state(store, annotator, article_id, "comment", comment=text)


def add_time(store: Store, annotator: str, article_id: str, seconds: float) -> ArticleState:
    """Add reviewing time spent on an article (not audited: it is bookkeeping)."""
    if not seconds >= 0:
        raise DecisionError(f"time spent must be >= 0 seconds, not {seconds!r}")
    check_annotator(annotator)
    with store.write() as db:
        db.execute(
            "INSERT INTO article_state (article_id, annotator, seconds_spent, updated_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (article_id, annotator) DO UPDATE SET"
            " seconds_spent = seconds_spent + excluded.seconds_spent,"
            " updated_at = excluded.updated_at",
            [article_id, annotator, seconds, utc_now()],
        )
    return get_state(store, article_id, annotator)


def annotators(store: Store) -> list[str]:
    """Return every annotator who has recorded anything, sorted.

    Each name is found by one index lookup (the next name after the last),
    not by reading every decision: a database holds millions of decisions
    and a handful of annotators.
    """
    return [row[0] for row in store.db.execute(_ANNOTATORS_SQL).fetchall()]


_NEXT_NAME = """{table}_names(name) AS (
    SELECT min(annotator) FROM {table}
    UNION ALL
    SELECT (SELECT min(annotator) FROM {table} WHERE annotator > name)
    FROM {table}_names WHERE name IS NOT NULL
)"""
_ANNOTATORS_SQL = (
    "WITH RECURSIVE "
    + ", ".join(_NEXT_NAME.format(table=table) for table in ("decisions", "article_state"))
    + " SELECT name FROM decisions_names WHERE name IS NOT NULL"
    " UNION SELECT name FROM article_state_names WHERE name IS NOT NULL ORDER BY 1"
)


def audit_log(store: Store, annotator: str | None = None) -> list[dict[str, Any]]:
    """Return audit entries (optionally one annotator's), oldest first, JSON decoded."""
    where, params = ("WHERE annotator = ?", [annotator]) if annotator else ("", [])
    rows = store.db.query(f"SELECT * FROM audit {where} ORDER BY id", params)
    out = []
    for row in rows:
        for key in ("before", "after"):
            row[key] = json.loads(row[key]) if row[key] else None
        out.append(row)
    return out
