"""Exporting the curated dataset of one annotator as JSONL (with provenance) or ACLED CSV.

Every format writes the records of one stream (db.curated): a JSON Lines
line is a record as orjson encodes it, a CSV row is `acled_values` of the
same record. The stream is cut into chunks by ranges of event positions;
each chunk is built and encoded whole, and written in order. A large export
builds its chunks in several processes (db.export_workers), all reading one
snapshot of the database; a small one builds them here, in one read
transaction. Either way at most a few chunks are in memory at once.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TypedDict, Unpack

import orjson

from db import curated
from db.acled import ACLED_COLUMNS, TEXT_COLUMN_INDEXES, TEXT_STYLE, AcledStyle, acled_values
from db.cells import FormulaGuard, blank_unsafe_utf8, escape_unsafe_json
from db.csvrows import CsvRows
from db.curated import SeqRange
from db.decisions import ADJUDICATED, annotators
from db.display import safe
from db.export_workers import (
    ExportJob,
    ParallelUnavailable,
    parallel_chunks,
    worker_count,
)
from db.incident_export import CHUNK_INCIDENTS, encode_incidents, iter_incidents
from db.outfile import failure, replacing
from db.source_scales import scales
from db.store import Store

FORMATS = ("jsonl", "csv")
INTER_CODE_STYLES = ("text", "numeric")
GROUPINGS = ("event", "incident")
"""What one exported record is: a curated event, or an incident (its reports joined)."""
"""How the CSV writes inter1, inter2 and interaction: ACLED's text values, or its codes."""
BYTE_ORDER_MARK = b"\xef\xbb\xbf"
SUFFIX_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
"""File name endings that decide the format of `export -o FILE`."""
STDOUT = "-"
Progress = Callable[[int], None]
PARALLEL_FROM_EVENTS = 20_000
"""Exports with fewer records are built in this process: starting workers costs more."""
CHUNK_EVENTS = 4_000
"""Event positions per chunk of the curated stream: a few MB of output each."""
_LINE = orjson.OPT_APPEND_NEWLINE
EXPORT_CACHE_MIB = 8
"""SQLite's page cache while exporting: the stream reads each page once, in order."""


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
    everyone = annotators(store)
    known = [name for name in everyone if name != ADJUDICATED]
    if annotator is not None:
        if everyone and annotator not in everyone:
            if annotator == ADJUDICATED:
                raise ExportError("nothing adjudicated yet: hadath adjudicate makes the view")
            raise ExportError(
                f"no decisions by annotator {annotator!r}; annotators: {', '.join(known)}"
            )
        return annotator
    if len(known) > 1:
        view = ", or --adjudicated" if ADJUDICATED in everyone else ""
        raise ExportError(
            f"several annotators ({', '.join(known)}): choose one with --annotator{view}"
        )
    return known[0] if known else None


def count_curated(store: Store, annotator: str | None) -> int:
    """Return how many events the annotator's curated dataset holds."""
    with store.cache_limited(EXPORT_CACHE_MIB):
        return curated.count_curated(store.conn, annotator)


def encode_jsonl(records: Iterable[dict[str, Any]]) -> bytes:
    """JSON Lines of curated records, controls escaped (db.cells)."""
    return escape_unsafe_json(b"".join(orjson.dumps(record, option=_LINE) for record in records))


def write_csv_rows(
    rows: Iterator[list[Any]], out: IO[bytes], progress: Progress | None, *, raw_cells: bool
) -> int:
    """Write ACLED rows as UTF-8 CSV, header first (see encode_csv_rows); return how many."""
    out.write(csv_header())
    count = 0
    while batch := list(itertools.islice(rows, CHUNK_EVENTS)):
        out.write(encode_csv_rows(batch, raw_cells=raw_cells))
        count += len(batch)
        if progress:
            progress(len(batch))
    return count


def csv_header() -> bytes:
    """The header line of the CSV export: ACLED's column names."""
    return CsvRows().text([ACLED_COLUMNS]).encode()


def encode_csv_rows(rows: list[list[Any]], *, raw_cells: bool) -> bytes:
    """ACLED rows as UTF-8 CSV lines.

    Controls become spaces in every cell; text cells a spreadsheet would run
    as formulas get a leading `'` unless `raw_cells`.
    """
    if not raw_cells:
        guard = FormulaGuard(TEXT_COLUMN_INDEXES)
        for row in rows:
            guard(row)
    return blank_unsafe_utf8(CsvRows().text(rows).encode())


def encode_records(
    records: Iterable[dict[str, Any]], fmt: str, raw_cells: bool, style: AcledStyle
) -> bytes:
    """Curated records in the export format `fmt` (the CSV without its header)."""
    if fmt == "jsonl":
        return encode_jsonl(records)
    rows = [acled_values(record, style) for record in records]
    return encode_csv_rows(rows, raw_cells=raw_cells)


def encode_chunk(
    conn: sqlite3.Connection,
    annotator: str,
    seq_range: SeqRange,
    fmt: str,
    raw_cells: bool,
    style: AcledStyle,
) -> tuple[int, bytes]:
    """One chunk of the curated stream (db.curated) encoded: (record count, bytes)."""
    records = list(curated.iter_curated(conn, annotator, seq_range))
    return len(records), encode_records(records, fmt, raw_cells, style)


def chunk_ranges(conn: sqlite3.Connection, width: int = CHUNK_EVENTS) -> tuple[SeqRange, ...]:
    """Ranges of event positions that split the curated stream into chunks, the last open."""
    last = conn.execute("SELECT max(seq) FROM events").fetchone()[0] or 0
    lows = range(0, last + 1, width)
    return tuple(SeqRange(low, None if low + width > last else low + width) for low in lows) or (
        SeqRange(),
    )


def _chunks_here(
    conn: sqlite3.Connection,
    annotator: str,
    ranges: Sequence[SeqRange],
    fmt: str,
    raw: bool,
    style: AcledStyle,
) -> Iterator[tuple[int, bytes]]:
    """Build every chunk in this process, in one read transaction (one snapshot)."""
    started = not conn.in_transaction
    if started:
        conn.execute("BEGIN")
    try:
        for seq_range in ranges:
            yield encode_chunk(conn, annotator, seq_range, fmt, raw, style)
    finally:
        if started and conn.in_transaction:
            conn.execute("ROLLBACK")


def curated_chunks(
    store: Store,
    annotator: str,
    fmt: str,
    raw_cells: bool,
    workers: int | None,
    chunk_events: int = CHUNK_EVENTS,
    style: AcledStyle = TEXT_STYLE,
) -> Generator[tuple[int, bytes | memoryview], None, None]:
    """The encoded chunks of the curated stream, in order, from one snapshot.

    `workers` processes build them (None: as many as the machine has cores,
    for an export large enough to gain from it; see db.export_workers).
    """
    ranges = chunk_ranges(store.conn, chunk_events)
    if workers is None:
        workers = worker_count(count_curated(store, annotator), PARALLEL_FROM_EVENTS)
    if workers > 1 and len(ranges) > 1:
        job = ExportJob(store.path, annotator, fmt, raw_cells, ranges, workers, style)
        try:
            yield from parallel_chunks(job)
            return
        except ParallelUnavailable:
            pass  # no workers, or a database that kept changing: one process, one snapshot
    yield from _chunks_here(store.conn, annotator, ranges, fmt, raw_cells, style)


def export_incidents(
    store: Store,
    out: IO[bytes],
    annotator: str,
    fmt: str,
    raw_cells: bool,
    style: AcledStyle,
    auto_link: bool,
    progress: Progress | None = None,
) -> int:
    """Write the annotator's incidents (db.incident_export) from one snapshot; return how
    many."""
    conn = store.conn
    count = 0
    started = not conn.in_transaction
    with store.cache_limited(EXPORT_CACHE_MIB):
        if started:
            conn.execute("BEGIN")
        try:
            incidents = iter_incidents(conn, annotator, auto_link)
            while batch := list(itertools.islice(incidents, CHUNK_INCIDENTS)):
                rows, data = encode_incidents(batch, fmt, style)
                out.write(data if rows is None else encode_csv_rows(rows, raw_cells=raw_cells))
                count += len(batch)
                if progress:
                    progress(sum(len(item["members"]) for item in batch))
        finally:
            if started and conn.in_transaction:
                conn.execute("ROLLBACK")
    return count


def csv_style(store: Store, inter_codes: str) -> AcledStyle:
    """How the CSV writes actor types (`inter_codes`: text or numeric) and source scales."""
    if inter_codes not in INTER_CODE_STYLES:
        raise ExportError(f"--inter-codes must be text or numeric, not {inter_codes!r}")
    return AcledStyle(numeric_inter=inter_codes == "numeric", source_scales=scales(store))


class ExportOptions(TypedDict, total=False):
    """What an export writes, as keyword arguments of `export`, `export_stream`, `export_file`.

    `fmt` is jsonl (the default) or csv; `annotator` whose dataset (None: the
    only one there is); `raw_cells` keeps CSV cells that start like a formula
    as they are; `workers` is how many processes build the records (None:
    chosen by size); `chunk_events` how many event positions a chunk spans;
    `inter_codes` writes the CSV's actor types as text (the default) or
    numeric codes; `excel` starts a CSV with a UTF-8 byte order mark, so
    that spreadsheet programs read the Arabic as UTF-8; `by` is "event" (a
    record or row per curated event) or "incident" (db.incident_export), and
    `auto_link` counts strong unreviewed candidate links as links.
    """

    fmt: str
    annotator: str | None
    raw_cells: bool
    workers: int | None
    chunk_events: int
    inter_codes: str
    excel: bool
    by: str
    auto_link: bool


def export(
    store: Store,
    out: IO[bytes],
    *,
    progress: Progress | None = None,
    **options: Unpack[ExportOptions],
) -> int:
    """Write the curated dataset (UTF-8) to an open binary stream; return the event count."""
    fmt = options.get("fmt", "jsonl")
    raw_cells = options.get("raw_cells", False)
    if fmt not in FORMATS:
        raise ExportError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    style = csv_style(store, options.get("inter_codes", "text"))
    if options.get("excel") and fmt != "csv":
        raise ExportError("--excel writes a byte order mark for spreadsheets: it is for CSV")
    who = resolve_annotator(store, options.get("annotator"))
    if fmt == "csv":
        out.write((BYTE_ORDER_MARK if options.get("excel") else b"") + csv_header())
    if who is None:
        return 0
    by = options.get("by", "event")
    if by not in GROUPINGS:
        raise ExportError(f"--by must be event or incident, not {by!r}")
    if by == "incident":
        return export_incidents(
            store, out, who, fmt, raw_cells, style, options.get("auto_link", False), progress
        )
    chunks = curated_chunks(
        store,
        who,
        fmt,
        raw_cells,
        options.get("workers"),
        options.get("chunk_events", CHUNK_EVENTS),
        style,
    )
    count = 0
    with (
        store.cache_limited(EXPORT_CACHE_MIB),
        contextlib.closing(chunks),  # a failed write ends the read transaction and workers now
    ):
        for size, data in chunks:
            out.write(data)
            count += size
            if progress and size:
                progress(size)
    return count


def export_stream(store: Store, out: IO[bytes], **options: Unpack[ExportOptions]) -> int:
    """Export to standard output (`out`), flushed; return the event count.

    A write that fails raises ExportError with the reason (a full disk),
    except BrokenPipeError (the reader has gone), which propagates as is.
    """
    try:
        count = export(store, out, **options)
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
    progress: Progress | None = None,
    **options: Unpack[ExportOptions],
) -> int:
    """Export to a file whole or not at all (db.outfile); return the event count.

    Through a symlink the file it points to is replaced. A file that cannot
    be written (a missing folder, a full disk) raises ExportError naming it,
    and leaves no temporary file and the target as it was.
    """
    try:
        with replacing(path) as out:
            return export(store, out, progress=progress, **options)
    except OSError as error:
        raise ExportError(failure(path, error)) from error
