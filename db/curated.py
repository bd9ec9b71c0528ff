"""The curated dataset of one annotator as one stream of records, in storage order.

The curated dataset is: machine events the annotator accepted (as they are)
or corrected (in the corrected form), and the events they added and did not
delete; rejected events are left out. Every export format (JSON Lines, ACLED
CSV, and the adjudicated and per-incident exports to come) writes the records
this module yields, so the formats cannot disagree.

A record is the event record (db.event_columns) with the event's ids, plus
its provenance: `annotator`, `decision` (accepted, corrected or added),
`decided_at`, `article` (title, url, source, published), `evidence_text`
(the words the evidence span covers) and `machine_event` (the machine's own
record where the reviewer corrected it; null otherwise).

Rows stream from one ordered query and each article's text is fetched once,
when the stream reaches it, so memory stays flat however large the dataset.
A range of event positions (`SeqRange`) restricts the stream to part of the
dataset, so that several processes can build one export's records in
parallel (db.export).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from db.decisions import ADJUDICATED
from db.event_columns import COLUMN_NAMES, record_from_values
from extract.record import LATER_LOCATION_MEMBERS, LOCATION_MEMBERS, RECORD_MEMBERS

PROVENANCE_KEYS = ("title", "url", "source", "published")
"""The members of a curated record's `article`: where the event was reported."""

_EVENT_COLUMNS = ", ".join(f"e.{name}" for name in COLUMN_NAMES)
CURATED_FROM = f"""decisions d
CROSS JOIN events e ON e.seq = d.event_seq
WHERE d.annotator = :annotator
  AND d.status IN ('accepted', 'corrected')
  AND (e.added_by IS NULL OR e.added_by = :annotator OR :annotator = '{ADJUDICATED}')"""
"""Where an annotator's curated events come from (`d` their decisions, `e` the events):
every reader of the curated dataset selects with this. The adjudicated view
(db.adjudication) also takes events a reviewer added."""
_CURATED_SQL = f"""
SELECT e.id, e.article_id, e.added_by IS NOT NULL, d.status, d.corrected, d.decided_at,
       d.source, {_EVENT_COLUMNS}
FROM {CURATED_FROM}
  AND d.event_seq >= :low AND d.event_seq < :high
ORDER BY d.annotator, d.event_seq
"""
_ARTICLE_SQL = "SELECT title, url, source, published, text FROM articles WHERE id = ?"
_NO_END = 2**63 - 1  # past any event position: a bound the index can use, unlike NULL
_LATER_DEFAULTS: dict[str, Any] = {"assoc_actors1": [], "assoc_actors2": []}


@dataclass(frozen=True)
class SeqRange:
    """Events whose storage position (events.seq) is >= low and < high (None: no end)."""

    low: int = 0
    high: int | None = None


EVERYTHING = SeqRange()


def count_curated(conn: sqlite3.Connection, annotator: str | None) -> int:
    """Return how many events the annotator's curated dataset holds."""
    if annotator is None:
        return 0
    # The decisions index alone answers: a reviewer decides only machine events
    # and the events they added themselves (db.decisions), so no event is read.
    sql = (
        "SELECT count(*) FROM decisions WHERE annotator = :annotator"
        " AND status IN ('accepted', 'corrected')"
    )
    return int(conn.execute(sql, {"annotator": annotator}).fetchone()[0])


def count_undated(conn: sqlite3.Connection, annotator: str | None) -> int:
    """How many of the annotator's curated events have no date (an empty `event_date`)."""
    if annotator is None:
        return 0
    sql = (
        "SELECT count(*) FROM decisions d JOIN events e ON e.seq = d.event_seq"
        " WHERE d.annotator = :annotator AND ("
        " (d.status = 'accepted' AND e.date IS NULL)"
        " OR (d.status = 'corrected' AND json_extract(d.corrected, '$.date') IS NULL))"
    )
    return int(conn.execute(sql, {"annotator": annotator}).fetchone()[0])


def complete_record(record: dict[str, Any]) -> dict[str, Any]:
    """A stored record with every member of today's record, in the record's order.

    A correction saved by an earlier hadath lacks the members added since;
    they are null (an empty list for further actors), as on import.
    """
    place = record.get("location")
    if place is not None and any(key not in place for key in LATER_LOCATION_MEMBERS):
        record["location"] = {key: place.get(key) for key in LOCATION_MEMBERS}
    if all(key in record for key in RECORD_MEMBERS):
        return record
    return {key: record.get(key, _LATER_DEFAULTS.get(key)) for key in RECORD_MEMBERS}


def iter_curated(
    conn: sqlite3.Connection, annotator: str | None, seq_range: SeqRange = EVERYTHING
) -> Iterator[dict[str, Any]]:
    """Yield the annotator's curated records (see the module docstring), in storage order.

    Records are built straight from the rows, with no dataclass round trip:
    export reads a million of them.
    """
    if annotator is None:
        return
    high = _NO_END if seq_range.high is None else seq_range.high
    parameters = {"annotator": annotator, "low": seq_range.low, "high": high}
    current, article, text = "", {}, ""
    for event_id, article_id, human, status, corrected, decided_at, source, *values in conn.execute(
        _CURATED_SQL, parameters
    ):
        if article_id != current:
            *provenance, text = conn.execute(_ARTICLE_SQL, [article_id]).fetchone()
            current, article = article_id, dict(zip(PROVENANCE_KEYS, provenance, strict=True))
        ids = {"event_id": event_id, "article_id": article_id}
        if status == "corrected":
            machine = None if human else record_from_values(values, ids)
            record = {**ids, **complete_record(orjson.loads(corrected))}
        else:
            machine, record = None, record_from_values(values, ids)
        span = record["evidence"]
        record["annotator"] = annotator
        record["decision"] = "added" if human else status
        record["decided_at"] = decided_at
        record["article"] = article
        record["evidence_text"] = text[span["start"] : span["end"]]
        record["machine_event"] = machine
        if annotator == ADJUDICATED:  # whose version it is, and who adjudicated
            record["adjudication"] = orjson.loads(source) if source else None
        yield record
