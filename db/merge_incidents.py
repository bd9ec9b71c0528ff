"""Merging reviewers' incident decisions (links confirmed or split, incident figures).

They follow the rules db.merge applies to decisions on events, by subject (a
link between two events, or the figure set on an event): a subject only the
other file's new audit entries changed takes the other file's row (a row
removed there, by an undo, is removed here too); one only this file changed
keeps this file's; one both changed to different rows is a conflict. A row
the other file has and this one lacks, that no new entry explains, is copied.
Event ids inside the entries' states are renamed as db.merge renames events.
Proposed links (`incident_candidates`) are not merged: `hadath incidents`
proposes them again from the merged decisions.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from db.display import safe
from db.link_decisions import incident_subject, link_pair, write_incident_state

Subject = tuple[str, ...]
"""("link", event_a, event_b) or ("figure", event_id)."""


def _subject_key(subject: dict[str, Any]) -> Subject:
    if "link" in subject:
        first, second = subject["link"]
        return ("link", *link_pair(first, second))
    return ("figure", subject["figure"])


def entry_subject(entry: dict[str, Any]) -> Subject | None:
    """The link or figure an audit entry (a dict of the audit row) is about, if any."""
    if entry["event_id"] is not None:
        return None
    for side in ("after", "before"):
        text = entry[side]
        if text and ('"link"' in text or '"figure"' in text):
            subject = incident_subject(json.loads(text))
            if subject is not None:
                return _subject_key(subject)
    return None


def rename_events(entry: dict[str, Any], events: dict[str, str]) -> None:
    """Rename the event ids inside an incident entry's states (other file's to this one's)."""
    if entry["event_id"] is not None or not events:
        return
    for side in ("before", "after"):
        text = entry[side]
        if not text or not ('"link"' in text or '"figure"' in text):
            continue
        state = json.loads(text)
        if not isinstance(state, dict):
            continue
        if "link" in state:
            renamed = [events.get(event_id, event_id) for event_id in state["link"]]
            if renamed != state["link"]:
                state["link"] = list(link_pair(*renamed))
                entry[side] = json.dumps(state, ensure_ascii=False)
        elif "figure" in state and state["figure"] in events:
            state["figure"] = events[state["figure"]]
            entry[side] = json.dumps(state, ensure_ascii=False)


def _rows(
    conn: sqlite3.Connection, schema: str, annotator: str, events: dict[str, str]
) -> dict[Subject, dict[str, Any]]:
    rows: dict[Subject, dict[str, Any]] = {}
    for first, second, status, decided_at in conn.execute(
        f"SELECT event_a, event_b, status, decided_at FROM {schema}.incident_links"
        " WHERE annotator = ?",
        [annotator],
    ):
        pair = link_pair(events.get(first, first), events.get(second, second))
        rows[("link", *pair)] = {"link": list(pair), "status": status, "decided_at": decided_at}
    for event_id, fatalities, decided_at in conn.execute(
        f"SELECT event_id, fatalities, decided_at FROM {schema}.incident_figures"
        " WHERE annotator = ?",
        [annotator],
    ):
        renamed = events.get(event_id, event_id)
        rows[("figure", renamed)] = {
            "figure": renamed,
            "fatalities": fatalities,
            "decided_at": decided_at,
        }
    return rows


def _empty(subject: Subject) -> dict[str, Any]:
    if subject[0] == "link":
        return {"link": list(subject[1:]), "status": None, "decided_at": None}
    return {"figure": subject[1], "fatalities": None, "decided_at": None}


def _value(state: dict[str, Any]) -> Any:
    return state.get("status", state.get("fatalities"))


def plan_incident_rows(
    conn: sqlite3.Connection,
    annotator: str,
    events: dict[str, str],
    new: set[Subject],
    local: set[Subject],
    conflicts: list[str],
) -> list[dict[str, Any]]:
    """The incident decision rows to write here for one annotator (see the module)."""
    theirs = _rows(conn, "other", annotator, events)
    mine = _rows(conn, "main", annotator, {})
    writes = []
    for subject in sorted(set(theirs) | set(mine) | new):
        their_row = theirs.get(subject, _empty(subject))
        my_row = mine.get(subject, _empty(subject))
        if _value(their_row) == _value(my_row):
            continue
        if subject in new and subject not in local:
            writes.append(their_row)
        elif subject in local and subject not in new:
            continue  # changed here since the files parted: this file's is the newer
        elif subject in new or subject in mine:
            conflicts.append(
                f"{safe(annotator)} on {subject[0]} {safe(' '.join(subject[1:]))}:"
                f" {_value(my_row)} here, {_value(their_row)} there"
            )
        else:
            writes.append(their_row)  # only there, and no entry of either file says why
    return writes


def apply_incident_rows(
    conn: sqlite3.Connection, annotator: str, rows: list[dict[str, Any]]
) -> int:
    """Write the planned rows; return how many."""
    for row in rows:
        write_incident_state(conn, annotator, row)
    return len(rows)


def merge_source_scales(conn: sqlite3.Connection) -> int:
    """Bring in the scales of sources this file has none for (this file's own stay)."""
    return conn.execute(
        "INSERT OR IGNORE INTO main.source_scales (source, scale, set_at)"
        " SELECT source, scale, set_at FROM other.source_scales"
    ).rowcount
