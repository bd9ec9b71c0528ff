"""Exporting the curated dataset of one annotator as JSONL (with provenance) or ACLED CSV.

The curated dataset is: machine events the annotator accepted (as they are)
or corrected (in the corrected form), and the events they added and did not
delete; rejected events are left out. Rows stream from one ordered query, and
each article's text is fetched once, when the stream reaches it, so memory
stays flat however large the dataset.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import orjson

from db.acled import ACLED_COLUMNS, acled_values
from db.decisions import annotators
from db.store import Store

FORMATS = ("jsonl", "csv")
Progress = Callable[[int], None]


class ExportError(ValueError):
    """An export that cannot be made as asked (unknown or ambiguous annotator)."""


def resolve_annotator(store: Store, annotator: str | None) -> str | None:
    """Return whose dataset to export: the one named, or the only annotator there is.

    With several annotators and none named, or a name nobody uses while
    others exist, raise ExportError naming those who do.
    """
    known = annotators(store)
    if annotator is not None:
        if known and annotator not in known:
            raise ExportError(
                f"no decisions by annotator {annotator!r}; annotators: {', '.join(known)}"
            )
        return annotator
    if len(known) > 1:
        raise ExportError(f"several annotators ({', '.join(known)}): choose one with --annotator")
    return known[0] if known else None


_CURATED_SQL = """
SELECT e.*, d.status AS d_status, d.corrected AS d_corrected, d.decided_at AS d_decided_at
FROM decisions d
CROSS JOIN events e ON e.seq = d.event_seq
WHERE d.annotator = :annotator
  AND d.status IN ('accepted', 'corrected')
  AND (e.added_by IS NULL OR e.added_by = :annotator)
ORDER BY d.annotator, d.event_seq
"""


def count_curated(store: Store, annotator: str | None) -> int:
    """Return how many events the annotator's curated dataset holds."""
    if annotator is None:
        return 0
    sql = (
        "SELECT count(*) FROM decisions WHERE annotator = :annotator"
        " AND status IN ('accepted', 'corrected')"
    )
    return int(store.db.execute(sql, {"annotator": annotator}).fetchone()[0])


def _actor(text: Any, key: Any, name: Any) -> dict[str, Any] | None:
    if text is None and key is None and name is None:
        return None
    return {"text": text, "key": key, "name": name}


def record_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """Build an event's record (as `Event.to_dict()` gives it) straight from its row.

    Export reads a million rows; skipping the dataclass round trip is most of
    its speed.
    """
    location = None
    place = (
        row["location_text"], row["location_name"], row["location_admin1"],
        row["location_country"], row["location_lat"], row["location_lon"],
    )  # fmt: skip
    if any(value is not None for value in place):
        location = dict(
            zip(("text", "name", "admin1", "country", "lat", "lon"), place, strict=True)
        )
    return {
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "actor1": _actor(row["actor1_text"], row["actor1_key"], row["actor1_name"]),
        "actor2": _actor(row["actor2_text"], row["actor2_key"], row["actor2_name"]),
        "location": location,
        "date": row["date"],
        "date_text": row["date_text"],
        "fatalities": row["fatalities"],
        "injured": row["injured"],
        "evidence": {"start": row["evidence_start"], "end": row["evidence_end"]},
        "confidence": row["confidence"],
        "origin": row["origin"],
        "extractor": row["extractor"],
    }


def iter_curated(store: Store, annotator: str | None) -> Iterator[dict[str, Any]]:
    """Yield the annotator's curated events as export records, in the order stored.

    `machine_event` is the machine's original record where the reviewer
    corrected it; an accepted event's record is the machine's own, so it is
    not repeated, and an added event has none.
    """
    if annotator is None:
        return
    cursor = store.conn.execute(_CURATED_SQL, {"annotator": annotator})
    columns = [column[0] for column in cursor.description]
    article_id, article, text = "", {}, ""
    for values in cursor:
        row = dict(zip(columns, values, strict=True))
        if row["article_id"] != article_id:
            article_id = row["article_id"]
            found = store.conn.execute(
                "SELECT title, url, source, published, text FROM articles WHERE id = ?",
                [article_id],
            ).fetchone()
            article = dict(zip(("title", "url", "source", "published"), found[:4], strict=True))
            text = found[4]
        machine = record_from_row(row)
        human = row["added_by"] is not None
        corrected = row["d_status"] == "corrected"
        curated = orjson.loads(row["d_corrected"]) if corrected else machine
        span = curated["evidence"]
        yield {
            "event_id": row["id"],
            "article_id": article_id,
            **curated,
            "annotator": annotator,
            "decision": "added" if human else row["d_status"],
            "decided_at": row["d_decided_at"],
            "article": article,
            "evidence_text": text[span["start"] : span["end"]],
            "machine_event": (
                {"event_id": row["id"], "article_id": article_id, **machine}
                if corrected and not human
                else None
            ),
        }


def write_jsonl(records: Iterator[dict[str, Any]], out: IO[str], progress: Progress | None) -> int:
    """Write records one JSON object a line; return how many."""
    count = 0
    for record in records:
        out.write(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE).decode())
        count += 1
        if progress and count % 1000 == 0:
            progress(1000)
    if progress:
        progress(count % 1000)
    return count


def write_csv(records: Iterator[dict[str, Any]], out: IO[str], progress: Progress | None) -> int:
    """Write records as CSV in ACLED's columns, header first; return how many rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ACLED_COLUMNS)
    count = 0
    for record in records:
        writer.writerow(acled_values(record))
        count += 1
        if progress and count % 1000 == 0:
            progress(1000)
    if progress:
        progress(count % 1000)
    return count


def export(
    store: Store,
    out: IO[str],
    *,
    fmt: str = "jsonl",
    annotator: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the curated dataset to an open text stream; return the number of events."""
    if fmt not in FORMATS:
        raise ExportError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    who = resolve_annotator(store, annotator)
    writer = write_jsonl if fmt == "jsonl" else write_csv
    return writer(iter_curated(store, who), out, progress)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def export_file(
    store: Store,
    path: str | Path,
    *,
    fmt: str = "jsonl",
    annotator: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Export to a file atomically: written beside it, then renamed over it when complete."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            count = export(store, out, fmt=fmt, annotator=annotator, progress=progress)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
