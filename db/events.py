"""Events: storing machine and human events, importing other extractors' predictions.

Stored events are immutable (a trigger refuses updates); what reviewers do to
them lives in decisions. A machine event's id is a hash of its article and
record, so storing the same predictions twice is a no-op.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.errors import InputError
from db.event_columns import event_from_record, flatten, record_from_row, record_from_values
from db.readers import check_name, iter_json_lines
from db.store import Store, utc_now
from extract.record import Event, RecordError, parse_event

Progress = Callable[[int], None]


@dataclass(frozen=True)
class StoredEvent:
    """An event as stored: its ids, who added it (human events) and the record."""

    id: str
    article_id: str
    event: Event
    added_by: str | None
    created_at: str
    seq: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the full event record, ids included."""
        return {"event_id": self.id, "article_id": self.article_id, **self.event.to_dict()}


def canonical_json(value: Any) -> str:
    """Serialise deterministically (sorted keys, no spaces, UTF-8 kept)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def machine_event_id(article_id: str, event: Event) -> str:
    """Return the stable id of a machine event: a hash of its article and record."""
    digest = hashlib.sha256(f"{article_id}\0{canonical_json(event.identity())}".encode())
    return "m" + digest.hexdigest()[:16]


def human_event_id() -> str:
    """Return a fresh id for an event a reviewer adds."""
    return "h" + secrets.token_hex(8)


def event_row(event_id: str, article_id: str, event: Event, added_by: str | None) -> dict[str, Any]:
    """Flatten an event into a row of the events table (db.event_columns)."""
    return {
        "id": event_id,
        "article_id": article_id,
        "added_by": added_by,
        **flatten(event),
        "created_at": utc_now(),
    }


def as_stored(event: Event) -> Event:
    """The event as the store gives it back (an actor or place with no member set is null)."""
    return event_from_record(record_from_values(list(flatten(event).values())))


def event_from_row(row: dict[str, Any]) -> StoredEvent:
    """Rebuild a StoredEvent from a row of the events table."""
    return StoredEvent(
        id=row["id"],
        article_id=row["article_id"],
        event=event_from_record(record_from_row(row)),
        added_by=row["added_by"],
        created_at=row["created_at"],
        seq=row["seq"],
    )


def get_event(store: Store, event_id: str) -> StoredEvent | None:
    """Return the stored event with this id, or None."""
    row = next(iter(store.db.query("SELECT * FROM events WHERE id = ?", [event_id])), None)
    return event_from_row(row) if row else None


def article_events(store: Store, article_id: str) -> list[StoredEvent]:
    """Return every stored event of an article (machine and human), in the order stored."""
    sql = "SELECT * FROM events WHERE article_id = ? ORDER BY seq"
    return [event_from_row(row) for row in store.db.query(sql, [article_id])]


def add_machine_events(store: Store, article_id: str, events: Iterable[Event]) -> list[str]:
    """Store an extractor's events for an article; return their ids (existing ones kept)."""
    rows = {}
    for event in events:
        if event.origin != "machine":
            raise ValueError("add_machine_events takes machine events only")
        event_id = machine_event_id(article_id, event)
        rows[event_id] = event_row(event_id, article_id, event, None)
    with store.write() as db:
        if rows:
            db.table("events").insert_all(rows.values(), ignore=True)
    return list(rows)


@dataclass(frozen=True)
class PredictionsSummary:
    """What a predictions import did: events read, added, already stored."""

    read: int
    added: int
    unchanged: int


def text_length(conn: sqlite3.Connection, article_id: str) -> int | None:
    """Return the length of an article's text as event offsets count it (None: no such article).

    Counted in Python: SQLite's length() stops at a NUL, which a database
    written before NUL was refused may hold.
    """
    row = conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    return None if row is None else len(row[0])


def import_predictions(
    store: Store, path: str | Path, progress: Progress | None = None
) -> PredictionsSummary:
    """Import another extractor's event JSONL as one transaction; InputError on bad input.

    Each line is an event record plus article_id (event_id optional). The
    article must exist, the evidence must lie inside its text, and the
    extractor must be named.
    """
    source = str(path)
    lengths: dict[str, int] = {}
    read = added = unchanged = 0
    previous = 0
    with store.write() as db:
        for item in iter_json_lines(Path(path)):
            try:
                value = item.value
                article_id = value.get("article_id") if isinstance(value, dict) else None
                if not isinstance(article_id, str):
                    raise RecordError(f"article_id must be a string, not {article_id!r:.40}")
                if article_id not in lengths:
                    if len(lengths) > 10_000:
                        lengths.clear()
                    length = text_length(db.conn, article_id)
                    if length is None:
                        raise RecordError(f"article {article_id!r} is not in the database")
                    lengths[article_id] = length
                event = parse_event(
                    value, text_length=lengths[article_id], allow_ids=True, origin="machine"
                )
                if not event.extractor:
                    raise RecordError("extractor must name what produced the event")
            except RecordError as error:
                raise InputError(source, str(error), item.line) from error
            check_name(event.extractor, source, item.line, "extractor")
            if "event_id" in event.extra:
                check_name(event.extra["event_id"], source, item.line, "event_id")
            read += 1
            event_id = event.extra.get("event_id") or machine_event_id(article_id, event)
            existing = db.execute("SELECT * FROM events WHERE id = ?", [event_id]).fetchone()
            if existing is not None:
                stored = get_event(store, event_id)
                assert stored is not None
                same = (
                    stored.article_id == article_id
                    and stored.event.to_dict() == as_stored(event).to_dict()
                )
                if not same:
                    raise InputError(
                        source,
                        f"event_id {event_id!r} is already stored with other content",
                        item.line,
                    )
                unchanged += 1
            else:
                db.table("events").insert(event_row(event_id, article_id, event, None))
                added += 1
            if progress:
                progress(item.end_offset - previous)
            previous = item.end_offset
    return PredictionsSummary(read=read, added=added, unchanged=unchanged)
