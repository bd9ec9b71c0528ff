"""Exporting the curated dataset of one annotator as JSONL (with provenance) or ACLED CSV.

The curated dataset is: machine events the annotator accepted (as they are)
or corrected (in the corrected form), and the events they added and did not
delete; rejected events are left out. Rows stream from one ordered query, and
each article's text is fetched once, when the stream reaches it, so memory
stays flat however large the dataset.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from db.acled import ACLED_COLUMNS, acled_row
from db.decisions import annotators
from db.events import event_from_row
from db.store import Store
from extract.record import parse_event

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
SELECT e.*, a.seq AS a_seq, a.url AS a_url, a.title AS a_title, a.source AS a_source,
       a.published AS a_published, d.status AS d_status, d.corrected AS d_corrected,
       d.decided_at AS d_decided_at
FROM articles a
CROSS JOIN events e ON e.article_id = a.id
CROSS JOIN decisions d ON d.event_id = e.id AND d.annotator = :annotator
WHERE d.status IN ('accepted', 'corrected')
  AND (e.added_by IS NULL OR e.added_by = :annotator)
ORDER BY a.seq, e.seq
"""


def count_curated(store: Store, annotator: str | None) -> int:
    """Return how many events the annotator's curated dataset holds."""
    if annotator is None:
        return 0
    sql = (
        "SELECT count(*) FROM decisions d JOIN events e ON e.id = d.event_id"
        " WHERE d.annotator = :annotator AND d.status IN ('accepted', 'corrected')"
        " AND (e.added_by IS NULL OR e.added_by = :annotator)"
    )
    return int(store.db.execute(sql, {"annotator": annotator}).fetchone()[0])


def iter_curated(store: Store, annotator: str | None) -> Iterator[dict[str, Any]]:
    """Yield the annotator's curated events as export records, in article order."""
    if annotator is None:
        return
    text_of: tuple[str, str] = ("", "")
    # A second connection-level cursor keeps the main query streaming while
    # article texts are looked up.
    for row in store.db.query(_CURATED_SQL, {"annotator": annotator}):
        stored = event_from_row(row)
        if text_of[0] != stored.article_id:
            found = store.conn.execute(
                "SELECT text FROM articles WHERE id = ?", [stored.article_id]
            ).fetchone()
            text_of = (stored.article_id, found[0])
        if row["d_corrected"]:
            curated = parse_event(json.loads(row["d_corrected"])).to_dict()
        else:
            curated = stored.event.to_dict()
        human = stored.added_by is not None
        span = curated["evidence"]
        yield {
            "event_id": stored.id,
            "article_id": stored.article_id,
            **curated,
            "annotator": annotator,
            "decision": "added" if human else row["d_status"],
            "decided_at": row["d_decided_at"],
            "article": {
                "title": row["a_title"],
                "url": row["a_url"],
                "source": row["a_source"],
                "published": row["a_published"],
            },
            "evidence_text": text_of[1][span["start"] : span["end"]],
            "machine_event": None if human else stored.to_dict(),
        }


def write_jsonl(records: Iterator[dict[str, Any]], out: IO[str], progress: Progress | None) -> int:
    """Write records one JSON object a line; return how many."""
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
        if progress and count % 1000 == 0:
            progress(1000)
    if progress:
        progress(count % 1000)
    return count


def write_csv(records: Iterator[dict[str, Any]], out: IO[str], progress: Progress | None) -> int:
    """Write records as CSV in ACLED's columns, header first; return how many rows."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(acled_row(record))
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
