"""Building one export's chunks in several processes, all reading one snapshot.

Building a million records in Python costs more than SQLite takes to read
them, so a large export uses every core: each worker process opens the
database read-only and builds every n-th chunk of the curated stream
(db.curated, by ranges of event positions); the exporting process writes the
chunks in order as they arrive. A worker writes its chunks to a pipe the
exporter reads in turn, so a worker that is ahead waits on the pipe and
memory stays flat.

All workers must read the same state of the database, or a decision made
during the export could be in one chunk and missing from the next. Each
worker starts a read transaction (in WAL mode: a snapshot) and reports a
mark of the data the export reads: the last audit entry (every decision,
correction and added event appends one in the same transaction) and the
last event. While the marks differ (a write landed between two workers'
starts) the workers start again; after a few tries the export runs in one
process instead. A worker that fails reports its error as one sentence; one
that dies ends the export with an error rather than a hang.

Workers are `python -P -m db.export_workers` subprocesses talking over their
standard streams, not multiprocessing: a fresh interpreter inherits no
SQLite connection and no thread of the exporter, and never re-runs the
caller's main module (which multiprocessing's spawn does). `-P` and an
import path that starts where this module was found keep a worker from
importing files of the folder the export runs in. Workers that cannot be
started (process limits, no interpreter) leave the export to one process.
"""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import IO, Any, NoReturn, cast

import orjson

from db.acled import AcledStyle
from db.curated import SeqRange
from db.database_files import database_error, is_lock, sqlite_uri
from db.errors import DatabaseLocked, StoreError
from db.store import DEFAULT_BUSY_TIMEOUT
from db.subprocesses import module_command

SNAPSHOT_TRIES = 5
"""How often workers start their transactions again before the export falls back to one process."""
MAX_WORKERS = 4
_HEADER = struct.Struct("<cQ")  # kind, payload length
_COUNT = struct.Struct("<Q")


@dataclass(frozen=True)
class ExportJob:
    """What each worker needs: where to read, whose dataset, which format, which chunks."""

    path: str
    annotator: str
    fmt: str
    raw_cells: bool
    ranges: tuple[SeqRange, ...]
    workers: int
    style: AcledStyle


class ParallelUnavailable(Exception):
    """The workers could not start, or could not agree on one state of the database."""


def snapshot_mark(conn: sqlite3.Connection) -> list[Any]:
    """A mark that changes with every write the curated stream could see."""
    row = conn.execute("SELECT (SELECT max(id) FROM audit), (SELECT max(seq) FROM events)")
    return list(row.fetchone())


def worker_count(events: int, threshold: int, cpus: Sequence[int] | None = None) -> int:
    """How many processes an export of `events` records should use (1: this one)."""
    if cpus is None:  # the cores this process may run on, where the platform says
        affinity = getattr(os, "sched_getaffinity", None)
        available = len(affinity(0)) if affinity else os.cpu_count() or 1
    else:
        available = len(cpus)
    if events < threshold or available < 2:
        return 1
    return min(available, MAX_WORKERS)


# -- the worker side ----------------------------------------------------------------


def _send(out: IO[bytes], kind: bytes, payload: bytes) -> None:
    out.write(_HEADER.pack(kind, len(payload)))
    out.write(payload)
    out.flush()


def _work(job: ExportJob, index: int, orders: IO[bytes], out: IO[bytes]) -> None:
    """Agree on a snapshot with the other workers, then build chunks index, index + n, ..."""
    from db.export import encode_chunk  # here: db.export imports this module

    conn = sqlite3.connect(
        sqlite_uri(job.path, "ro"), uri=True, isolation_level=None, timeout=DEFAULT_BUSY_TIMEOUT
    )
    conn.execute("PRAGMA cache_size = -16384")
    while True:
        conn.execute("BEGIN")
        _send(out, b"M", orjson.dumps(snapshot_mark(conn)))
        order = orders.readline().strip()
        if order == b"go":
            break
        conn.execute("ROLLBACK")
        if order != b"again":
            return
    for number in range(index, len(job.ranges), job.workers):
        count, data = encode_chunk(
            conn, job.annotator, job.ranges[number], job.fmt, job.raw_cells, job.style
        )
        _send(out, b"C", _COUNT.pack(count) + data)
    conn.execute("ROLLBACK")
    conn.close()


def main() -> int:
    """A worker process: read its job from stdin, write framed marks and chunks to stdout."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    header = orjson.loads(stdin.readline())
    header["ranges"] = tuple(SeqRange(**item) for item in header["ranges"])
    header["style"] = AcledStyle(**header["style"])
    index = header.pop("index")
    job = ExportJob(**header)
    try:
        _work(job, index, stdin, stdout)
    except sqlite3.Error as error:
        kind = b"L" if is_lock(error) else b"E"
        _send(stdout, kind, str(database_error(job.path, error)).encode())
    except BrokenPipeError:
        return 1  # the exporter has gone
    except Exception as error:  # one sentence for the exporter, which stops
        message = f"an export worker stopped ({type(error).__name__}: {error})"
        _send(stdout, b"E", message.encode())
    return 0


# -- the exporter side --------------------------------------------------------------


class Worker:
    """One worker subprocess, its order pipe and the frames it sends."""

    def __init__(self, job: ExportJob, index: int) -> None:
        """Start the worker and give it its job."""
        # The worker's stderr goes to a file, not a pipe, which could fill and block it;
        # the file lives as long as the worker and is closed by `close`.
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            self.process = self._start()
        except BaseException:
            self.errors.close()
            raise
        assert self.process.stdin is not None and self.process.stdout is not None
        self.orders = self.process.stdin
        self.frames = cast(io.BufferedReader, self.process.stdout)  # what Popen opens: readinto
        self._buffer = bytearray(1 << 20)
        header = {**asdict(job), "index": index}
        self.order(orjson.dumps(header))

    def _start(self) -> subprocess.Popen[bytes]:
        command, env = module_command("db.export_workers")
        return subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            env=env,
        )

    def order(self, line: bytes) -> None:
        """Send one line of orders (the job, then go, again or stop)."""
        try:
            self.orders.write(line + b"\n")
            self.orders.flush()
        except OSError:  # a worker that has died: not the exporter's own output
            self._stopped()

    def _read(self, size: int) -> memoryview:
        """The next `size` bytes, in a buffer reused from frame to frame (valid until the next)."""
        if len(self._buffer) < size:
            self._buffer = bytearray(size)
        view = memoryview(self._buffer)[:size]
        if self.frames.readinto(view) != size:
            self._stopped()
        return view

    def _stopped(self) -> NoReturn:
        """Raise the error that says this worker ended before its work was done."""
        self.process.wait()
        self.errors.seek(0)
        stderr = self.errors.read()
        last = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise StoreError(
            f"an export worker stopped unexpectedly (exit status {self.process.returncode}"
            f"{': ' + last[0] if last[0] else ''}); the export was not finished"
        )

    def frame(self, expected: bytes) -> memoryview:
        """Read the next frame, which must be of kind `expected` (an error frame raises).

        The payload is valid until the next frame is read.
        """
        kind, size = _HEADER.unpack(self._read(_HEADER.size))
        payload = self._read(size)
        if kind in (b"E", b"L"):
            sentence = bytes(payload).decode("utf-8", "replace")
            raise DatabaseLocked(sentence) if kind == b"L" else StoreError(sentence)
        if kind != expected:
            raise StoreError(f"an export worker sent {kind!r} where {expected!r} was due")
        return payload

    def close(self) -> None:
        """Stop the worker, finished or not."""
        for stream in (self.orders, self.frames):
            with contextlib.suppress(OSError):  # a pipe the worker has already closed
                stream.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.errors.close()


def _agree_on_snapshot(workers: list[Worker]) -> None:
    for attempt in range(SNAPSHOT_TRIES):
        marks = [bytes(worker.frame(b"M")) for worker in workers]
        if all(mark == marks[0] for mark in marks):
            for worker in workers:
                worker.order(b"go")
            return
        if attempt < SNAPSHOT_TRIES - 1:
            for worker in workers:
                worker.order(b"again")
    raise ParallelUnavailable


def parallel_chunks(job: ExportJob) -> Iterator[tuple[int, bytes | memoryview]]:
    """Yield the export's chunks, each as (record count, bytes), in order.

    A chunk's bytes are valid until the next chunk is asked for: write them
    out first (they live in a buffer each worker reuses).

    Raises ParallelUnavailable (before yielding anything) if the workers
    cannot start or cannot agree on one state of the database.
    """
    workers: list[Worker] = []
    try:
        try:
            workers.extend(Worker(job, index) for index in range(job.workers))
        except OSError as error:  # no process to be had (limits, a missing interpreter)
            raise ParallelUnavailable from error
        _agree_on_snapshot(workers)
        for number in range(len(job.ranges)):
            payload = workers[number % job.workers].frame(b"C")
            (count,) = _COUNT.unpack_from(payload)
            yield count, payload[_COUNT.size :]
    finally:
        for worker in workers:
            worker.close()


if __name__ == "__main__":
    sys.exit(main())
