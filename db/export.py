"""Exporting the curated dataset of one annotator as JSONL (with provenance) or ACLED CSV.

The curated dataset is: machine events the annotator accepted (as they are)
or corrected (in the corrected form), and the events they added and did not
delete; rejected events are left out. Rows stream from one ordered query, and
each article's text is fetched once, when the stream reaches it, so memory
stays flat however large the dataset.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import orjson

from db.acled import ACLED_COLUMNS, TEXT_COLUMN_INDEXES, acled_values
from db.cells import FormulaGuard, blank_unsafe_utf8, escape_unsafe_json
from db.csvrows import CsvRows
from db.decisions import annotators
from db.display import safe
from db.outfile import failure, replacing
from db.store import Store

FORMATS = ("jsonl", "csv")
SUFFIX_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
"""File name endings that decide the format of `export -o FILE`."""
STDOUT = "-"
Progress = Callable[[int], None]


class ExportError(ValueError):
    """An export that cannot be made as asked (an unknown or ambiguous annotator, a
    format that contradicts the file name, a file that cannot be written)."""


def choose_format(output: str | None, fmt: str | None) -> str:
    """Return the format of an export to `output` (a path, `-` or None for stdout).

    The file name's ending (.csv, .jsonl, .ndjson) decides; `fmt` may repeat
    it but not contradict it. Any other name, and stdout, take `fmt`, else
    JSON Lines.
    """
    by_suffix = None
    if output not in (None, STDOUT):
        by_suffix = SUFFIX_FORMATS.get(Path(str(output)).suffix.lower())
    if by_suffix and fmt and fmt != by_suffix:
        shown = safe(str(output))
        raise ExportError(
            f"{shown} names a {by_suffix} file but --format is {fmt}: drop --format or rename it"
        )
    return by_suffix or fmt or "jsonl"


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


_COLUMNS = (
    "e.id, e.article_id, e.added_by, e.origin, e.extractor, e.event_type, e.sub_event_type,"
    " e.actor1_text, e.actor1_key, e.actor1_name, e.actor2_text, e.actor2_key, e.actor2_name,"
    " e.location_text, e.location_name, e.location_admin1, e.location_country,"
    " e.location_lat, e.location_lon, e.date, e.date_text, e.fatalities, e.injured,"
    " e.evidence_start, e.evidence_end, e.confidence, d.status, d.corrected, d.decided_at"
)
_CURATED_SQL = f"""
SELECT {_COLUMNS}
FROM decisions d
CROSS JOIN events e ON e.seq = d.event_seq
WHERE d.annotator = :annotator
  AND d.status IN ('accepted', 'corrected')
  AND (e.added_by IS NULL OR e.added_by = :annotator)
ORDER BY d.annotator, d.event_seq
"""
_ARTICLE_KEYS = ("title", "url", "source", "published")


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


def _location(*values: Any) -> dict[str, Any] | None:
    if all(value is None for value in values):
        return None
    text, name, admin1, country, lat, lon = values
    return {
        "text": text,
        "name": name,
        "admin1": admin1,
        "country": country,
        "lat": lat,
        "lon": lon,
    }


def iter_curated(store: Store, annotator: str | None) -> Iterator[dict[str, Any]]:
    """Yield the annotator's curated events as export records, in the order stored.

    `machine_event` is the machine's original record where the reviewer
    corrected it; an accepted event's record is the machine's own, so it is
    not repeated, and an added event has none. Records are built straight
    from the rows (no dataclass round trip): export reads a million of them.
    """
    if annotator is None:
        return
    fetch_article = "SELECT title, url, source, published, text FROM articles WHERE id = ?"
    current, article, text = "", {}, ""
    for (
        event_id, article_id, added_by, origin, extractor, event_type, sub_event_type,
        a1_text, a1_key, a1_name, a2_text, a2_key, a2_name,
        l_text, l_name, l_admin1, l_country, lat, lon,
        date, date_text, fatalities, injured, start, end, confidence,
        status, corrected, decided_at,
    ) in store.conn.execute(_CURATED_SQL, {"annotator": annotator}):  # fmt: skip
        if article_id != current:
            found = store.conn.execute(fetch_article, [article_id]).fetchone()
            current, article, text = (
                article_id,
                dict(zip(_ARTICLE_KEYS, found, strict=False)),
                found[4],
            )
        machine = {
            "event_type": event_type,
            "sub_event_type": sub_event_type,
            "actor1": _actor(a1_text, a1_key, a1_name),
            "actor2": _actor(a2_text, a2_key, a2_name),
            "location": _location(l_text, l_name, l_admin1, l_country, lat, lon),
            "date": date,
            "date_text": date_text,
            "fatalities": fatalities,
            "injured": injured,
            "evidence": {"start": start, "end": end},
            "confidence": confidence,
            "origin": origin,
            "extractor": extractor,
        }
        human = added_by is not None
        record = orjson.loads(corrected) if status == "corrected" else machine
        span = record["evidence"]
        record = {"event_id": event_id, "article_id": article_id, **record}
        record["annotator"] = annotator
        record["decision"] = "added" if human else status
        record["decided_at"] = decided_at
        record["article"] = article
        record["evidence_text"] = text[span["start"] : span["end"]]
        record["machine_event"] = (
            {"event_id": event_id, "article_id": article_id, **machine}
            if status == "corrected" and not human
            else None
        )
        yield record


_ACTOR_JSON = (
    "json(CASE WHEN e.{0}_text IS NULL AND e.{0}_key IS NULL AND e.{0}_name IS NULL THEN NULL"
    " ELSE json_object('text', e.{0}_text, 'key', e.{0}_key, 'name', e.{0}_name) END)"
)
_MACHINE_JSON = f"""json_object(
    'event_type', e.event_type, 'sub_event_type', e.sub_event_type,
    'actor1', {_ACTOR_JSON.format("actor1")}, 'actor2', {_ACTOR_JSON.format("actor2")},
    'location', json(CASE WHEN e.location_text IS NULL AND e.location_name IS NULL
        AND e.location_admin1 IS NULL AND e.location_country IS NULL
        AND e.location_lat IS NULL AND e.location_lon IS NULL THEN NULL
        ELSE json_object('text', e.location_text, 'name', e.location_name,
            'admin1', e.location_admin1, 'country', e.location_country,
            'lat', e.location_lat, 'lon', e.location_lon) END),
    'date', e.date, 'date_text', e.date_text, 'fatalities', e.fatalities,
    'injured', e.injured,
    'evidence', json_object('start', e.evidence_start, 'end', e.evidence_end),
    'confidence', e.confidence, 'origin', e.origin, 'extractor', e.extractor)"""
_JSONL_SQL = f"""
SELECT e.id, e.article_id, e.added_by IS NOT NULL, d.status, d.decided_at, d.corrected,
       CASE WHEN d.status = 'corrected'
            THEN json_extract(d.corrected, '$.evidence.start') ELSE e.evidence_start END,
       CASE WHEN d.status = 'corrected'
            THEN json_extract(d.corrected, '$.evidence.end') ELSE e.evidence_end END,
       {_MACHINE_JSON}
FROM decisions d
CROSS JOIN events e ON e.seq = d.event_seq
WHERE d.annotator = :annotator
  AND d.status IN ('accepted', 'corrected')
  AND (e.added_by IS NULL OR e.added_by = :annotator)
ORDER BY d.annotator, d.event_seq
"""


def iter_jsonl_lines(store: Store, annotator: str | None) -> Iterator[bytes]:
    """Yield the JSONL lines of the curated dataset: the records of `iter_curated`, encoded.

    SQLite builds each event's JSON itself (in C), so Python only joins in
    the article's provenance and the evidence text; the records are the same
    as `iter_curated`'s, except that numbers with more than 15 significant
    digits are rounded to 15 (SQLite's own rendering of REAL values).
    """
    if annotator is None:
        return
    fetch_article = "SELECT title, url, source, published, text FROM articles WHERE id = ?"
    who = orjson.dumps(annotator).decode()
    current, article_json, text = "", "", ""
    for (
        event_id,
        article_id,
        human,
        status,
        decided_at,
        corrected,
        start,
        end,
        machine,
    ) in store.conn.execute(_JSONL_SQL, {"annotator": annotator}):
        if article_id != current:
            found = store.conn.execute(fetch_article, [article_id]).fetchone()
            provenance = dict(zip(_ARTICLE_KEYS, found, strict=False))
            current, article_json, text = article_id, orjson.dumps(provenance).decode(), found[4]
        ids = orjson.dumps({"event_id": event_id, "article_id": article_id}).decode()[:-1]
        body = corrected if status == "corrected" else machine
        decision = "added" if human else status
        original = f"{ids},{machine[1:]}" if status == "corrected" and not human else "null"
        yield (
            f'{ids},{body[1:-1]},"annotator":{who},"decision":"{decision}",'
            f'"decided_at":"{decided_at}","article":{article_json},'
            f'"evidence_text":{orjson.dumps(text[start:end]).decode()},'
            f'"machine_event":{original}}}\n'
        ).encode()


_BATCH = 2000


def write_jsonl_lines(lines: Iterator[bytes], out: IO[bytes], progress: Progress | None) -> int:
    """Write encoded JSONL lines in batches, controls escaped (db.cells); return how many."""
    count, batch = 0, []
    for line in lines:
        batch.append(line)
        if len(batch) == _BATCH:
            out.write(escape_unsafe_json(b"".join(batch)))
            count += len(batch)
            batch.clear()
            if progress:
                progress(_BATCH)
    out.write(escape_unsafe_json(b"".join(batch)))
    if progress:
        progress(len(batch))
    return count + len(batch)


def write_csv_rows(
    rows: Iterator[list[Any]], out: IO[bytes], progress: Progress | None, *, raw_cells: bool
) -> int:
    """Write ACLED rows as UTF-8 CSV, header first; return how many rows.

    Controls become spaces in every cell; text cells a spreadsheet would run
    as formulas get a leading `'` unless `raw_cells`.
    """
    encoder, guard = CsvRows(), FormulaGuard(TEXT_COLUMN_INDEXES)
    out.write(encoder.text([ACLED_COLUMNS]).encode())
    count = 0
    batch: list[list[Any]] = []

    def flush() -> None:
        out.write(blank_unsafe_utf8(encoder.text(batch).encode()))
        if progress:
            progress(len(batch))

    for row in rows:
        if not raw_cells:
            guard(row)
        batch.append(row)
        if len(batch) == _BATCH:
            flush()
            count += len(batch)
            batch.clear()
    flush()
    return count + len(batch)


def write_csv(
    records: Iterator[dict[str, Any]],
    out: IO[bytes],
    progress: Progress | None,
    *,
    raw_cells: bool = False,
) -> int:
    """Write curated records as UTF-8 CSV in ACLED's columns (see write_csv_rows)."""
    return write_csv_rows(map(acled_values, records), out, progress, raw_cells=raw_cells)


def export(
    store: Store,
    out: IO[bytes],
    *,
    fmt: str = "jsonl",
    annotator: str | None = None,
    progress: Progress | None = None,
    raw_cells: bool = False,
) -> int:
    """Write the curated dataset (UTF-8) to an open binary stream; return the event count.

    `raw_cells` keeps CSV cells that start like a formula as they are.
    """
    if fmt not in FORMATS:
        raise ExportError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    who = resolve_annotator(store, annotator)
    if fmt == "jsonl":
        return write_jsonl_lines(iter_jsonl_lines(store, who), out, progress)
    return write_csv(iter_curated(store, who), out, progress, raw_cells=raw_cells)


def export_stream(
    store: Store,
    out: IO[bytes],
    *,
    fmt: str = "jsonl",
    annotator: str | None = None,
    raw_cells: bool = False,
) -> int:
    """Export to standard output (`out`), flushed; return the event count.

    A write that fails raises ExportError with the reason (a full disk),
    except BrokenPipeError (the reader has gone), which propagates as is.
    """
    try:
        count = export(store, out, fmt=fmt, annotator=annotator, raw_cells=raw_cells)
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise ExportError(failure("standard output", error)) from error
    return count


def export_file(
    store: Store,
    path: str | Path,
    *,
    fmt: str = "jsonl",
    annotator: str | None = None,
    progress: Progress | None = None,
    raw_cells: bool = False,
) -> int:
    """Export to a file whole or not at all (db.outfile); return the event count.

    Through a symlink the file it points to is replaced. A file that cannot
    be written (a missing folder, a full disk) raises ExportError naming it,
    and leaves no temporary file and the target as it was.
    """
    try:
        with replacing(path) as out:
            return export(
                store, out, fmt=fmt, annotator=annotator, progress=progress, raw_cells=raw_cells
            )
    except OSError as error:
        raise ExportError(failure(path, error)) from error
