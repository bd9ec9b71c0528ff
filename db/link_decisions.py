"""Reviewers' decisions on incidents: a link confirmed or split, an incident's fatalities.

They are decisions like any other (SPEC "What a decision is"): one row per
annotator, written with an audit entry in one transaction, undone and redone
by db.decisions' undo from the entry's before and after. An entry's state
names what it is about: `{"link": [a, b], "status": ...}` for a link between
two events (ids in order), `{"figure": event_id, "fatalities": ...}` for the
figure a reviewer set for the incident of an event. A missing row is the
state with null status or fatalities, so undo can restore "no decision".
"""

from __future__ import annotations

import sqlite3
from typing import Any, Literal, get_args

from db.audit import append_audit
from db.store import Store, utc_now

LinkStatus = Literal["confirmed", "split"]
LINK_STATUSES: tuple[LinkStatus, ...] = get_args(LinkStatus)
LINK_ACTIONS: dict[LinkStatus, str] = {"confirmed": "link", "split": "split"}
"""The audit action of each link decision."""
FIGURE_ACTION = "figure"
INCIDENT_ACTIONS = (*LINK_ACTIONS.values(), FIGURE_ACTION)
"""Audit actions of incident decisions (undoable)."""


class LinkDecisionError(ValueError):
    """A link or figure that cannot be recorded (an unknown event, one article, a bad figure)."""


def link_pair(first: str, second: str) -> tuple[str, str]:
    """The two event ids of a link in the order they are stored."""
    return (first, second) if first < second else (second, first)


def incident_subject(state: dict[str, Any] | None) -> dict[str, Any] | None:
    """What an audit state is about, if it is an incident decision's (else None)."""
    if isinstance(state, dict):
        if "link" in state:
            return {"link": state["link"]}
        if "figure" in state:
            return {"figure": state["figure"]}
    return None


def incident_state(
    conn: sqlite3.Connection, annotator: str, subject: dict[str, Any]
) -> dict[str, Any]:
    """The annotator's current decision on a link or a figure, as an audit state."""
    if "link" in subject:
        first, second = subject["link"]
        row = conn.execute(
            "SELECT status, decided_at FROM incident_links"
            " WHERE annotator = ? AND event_a = ? AND event_b = ?",
            [annotator, first, second],
        ).fetchone()
        status, decided_at = row if row else (None, None)
        return {"link": [first, second], "status": status, "decided_at": decided_at}
    row = conn.execute(
        "SELECT fatalities, decided_at FROM incident_figures WHERE annotator = ? AND event_id = ?",
        [annotator, subject["figure"]],
    ).fetchone()
    fatalities, decided_at = row if row else (None, None)
    return {"figure": subject["figure"], "fatalities": fatalities, "decided_at": decided_at}


def write_incident_state(conn: sqlite3.Connection, annotator: str, state: dict[str, Any]) -> None:
    """Make the annotator's decision on a link or figure `state` (null: no decision)."""
    if "link" in state:
        first, second = state["link"]
        if state.get("status") is None:
            conn.execute(
                "DELETE FROM incident_links WHERE annotator = ? AND event_a = ? AND event_b = ?",
                [annotator, first, second],
            )
            return
        conn.execute(
            "INSERT INTO incident_links (annotator, event_a, event_b, status, decided_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (annotator, event_a, event_b) DO UPDATE SET"
            " status = excluded.status, decided_at = excluded.decided_at",
            [annotator, first, second, state["status"], state["decided_at"] or utc_now()],
        )
        return
    if state.get("fatalities") is None:
        conn.execute(
            "DELETE FROM incident_figures WHERE annotator = ? AND event_id = ?",
            [annotator, state["figure"]],
        )
        return
    conn.execute(
        "INSERT INTO incident_figures (annotator, event_id, fatalities, decided_at)"
        " VALUES (?, ?, ?, ?) ON CONFLICT (annotator, event_id) DO UPDATE SET"
        " fatalities = excluded.fatalities, decided_at = excluded.decided_at",
        [annotator, state["figure"], state["fatalities"], state["decided_at"] or utc_now()],
    )


def _article_of(conn: sqlite3.Connection, event_id: str, annotator: str) -> str:
    row = conn.execute("SELECT article_id, added_by FROM events WHERE id = ?", [event_id])
    found = row.fetchone()
    if found is None:
        raise LinkDecisionError(f"there is no event {event_id!r}")
    article_id, added_by = found
    if added_by is not None and added_by != annotator and not annotator.startswith("("):
        raise LinkDecisionError(f"event {event_id!r} was added by {added_by}, not {annotator}")
    return str(article_id)


def _change(
    store: Store, annotator: str, action: str, article_id: str, after: dict[str, Any]
) -> None:
    with store.write() as db:
        before = incident_state(store.conn, annotator, incident_subject(after) or {})
        write_incident_state(store.conn, annotator, after)
        append_audit(db, annotator, action, article_id=article_id, before=before, after=after)


def decide_link(
    store: Store, annotator: str, event_id: str, other_id: str, status: LinkStatus
) -> None:
    """Record that the annotator confirmed (or split) the link between two events of
    different articles; audited under the article of `event_id`, the one reviewed."""
    if status not in LINK_STATUSES:
        raise LinkDecisionError(f"a link is confirmed or split, not {status!r}")
    article_id = _article_of(store.conn, event_id, annotator)
    if _article_of(store.conn, other_id, annotator) == article_id:
        raise LinkDecisionError("a link joins reports of two different articles")
    after = {"link": list(link_pair(event_id, other_id)), "status": status, "decided_at": utc_now()}
    _change(store, annotator, LINK_ACTIONS[status], article_id, after)


def set_incident_figure(
    store: Store, annotator: str, event_id: str, fatalities: int | None
) -> None:
    """Record the fatalities the annotator gives the incident of `event_id` (None: clear it,
    so that export takes the lowest reported figure again)."""
    if fatalities is not None and (not isinstance(fatalities, int) or fatalities < 0):
        raise LinkDecisionError(f"an incident's fatalities are a count >= 0, not {fatalities!r}")
    article_id = _article_of(store.conn, event_id, annotator)
    after = {"figure": event_id, "fatalities": fatalities, "decided_at": utc_now()}
    _change(store, annotator, FIGURE_ACTION, article_id, after)
