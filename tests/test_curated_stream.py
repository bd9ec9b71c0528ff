"""One curated stream, many writers: JSONL and CSV are the same records, built here or in workers.

The database is real (the seed articles, the built-in extractor's events, a
reviewer's accepted, corrected, rejected and added events, and a hostile
article); exports are compared byte for byte across the ways of building them.
"""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from db import export as export_module
from db import export_workers
from db.acled import ACLED_COLUMNS, acled_row
from db.articles import import_articles
from db.decisions import add_event, decide
from db.event_columns import COLUMN_NAMES, flatten, record_from_values
from db.events import add_machine_events, article_events
from db.export import encode_csv_rows, export, export_file
from db.export_workers import (
    SNAPSHOT_TRIES,
    ParallelUnavailable,
    _agree_on_snapshot,
    worker_count,
)
from db.store import Store, StoreError, open_store
from extract import extract_events
from tests.conftest import ROOT, SEEDS, make_event, seed_ids
from tests.test_record import records

HOSTILE = "=HYPERLINK(1) \x1b[31m قصف \u202e على البوكمال\r\nأسفر عن مقتل خمسة. " * 3


@pytest.fixture(scope="module")
def curated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds with the extractor's events, all decided by layla, plus added and hostile events."""
    folder = tmp_path_factory.mktemp("curated")
    path = folder / "curated.db"
    hostile = folder / "hostile.jsonl"
    record = {"id": "hostile", "text": HOSTILE, "title": "=cmd|' /C calc'!A0", "source": "@x"}
    hostile.write_text(json.dumps(record) + "\n", "utf-8")
    with open_store(path, create=True) as store:
        import_articles(store, [SEEDS, hostile])
        for article_id in [*seed_ids(store), "hostile"]:
            text = store.conn.execute(
                "SELECT text FROM articles WHERE id = ?", [article_id]
            ).fetchone()[0]
            events = extract_events(text, "2023-10-27") or [
                make_event(evidence={"start": 0, "end": 20})
            ]
            add_machine_events(store, article_id, events)
        _decide_everything(store)
    return path


def _decide_everything(store: Store) -> None:
    for number, article_id in enumerate([*seed_ids(store), "hostile"]):
        for index, stored in enumerate(article_events(store, article_id)):
            if (number + index) % 5 == 1:
                decide(store, "layla", stored.id, "rejected")
            elif (number + index) % 5 == 2:
                fixed = make_event(
                    evidence={
                        "start": stored.event.evidence.start,
                        "end": stored.event.evidence.end,
                    },
                    location={"text": "قرب البوكمال", "name": "=Al-Bukamal", "level": "town"},
                    assoc_actors1=[{"text": "الحرس", "key": "irgc", "name": None}],
                    fatalities_vague="dozens",
                    date_precision=2,
                )
                decide(store, "layla", stored.id, "corrected", fixed)
            else:
                decide(store, "layla", stored.id, "accepted")
        add_event(store, "layla", article_id, make_event(evidence={"start": 1, "end": 9}))


def _export(path: Path, fmt: str, **options: Any) -> bytes:
    out = io.BytesIO()
    with open_store(path) as store:
        export(store, out, fmt=fmt, annotator="layla", **options)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_workers_write_the_same_bytes_as_one_process(curated_db: Path, fmt: str) -> None:
    here = _export(curated_db, fmt, workers=1)
    assert here.count(b"\n") > 20
    assert _export(curated_db, fmt, workers=1, chunk_events=7) == here
    assert _export(curated_db, fmt, workers=2, chunk_events=7) == here
    assert _export(curated_db, fmt, workers=3, chunk_events=5) == here


def test_each_csv_row_is_the_acled_row_of_its_jsonl_record(curated_db: Path) -> None:
    records = [json.loads(line) for line in _export(curated_db, "jsonl").splitlines()]
    rows = list(csv.reader(io.StringIO(_export(curated_db, "csv").decode("utf-8"))))
    assert rows[0] == list(ACLED_COLUMNS)
    assert len(rows) - 1 == len(records) > 20
    decisions = {record["decision"] for record in records}
    assert decisions == {"accepted", "corrected", "added"}
    for record, row in zip(records, rows[1:], strict=True):
        expected = list(acled_row(record).values())
        # the CSV cell rules of the export: controls blanked, formulas neutralised
        cells = encode_csv_rows([expected], raw_cells=False).decode("utf-8")
        assert row == next(csv.reader(io.StringIO(cells))), record["event_id"]


def test_records_carry_the_later_members(curated_db: Path) -> None:
    records = [json.loads(line) for line in _export(curated_db, "jsonl").splitlines()]
    corrected = [record for record in records if record["decision"] == "corrected"]
    assert corrected and all(record["fatalities_vague"] == "dozens" for record in corrected)
    assert all(record["location"]["level"] == "town" for record in corrected)
    assert all(record["machine_event"]["assoc_actors1"] == [] for record in corrected)
    for record in records:
        assert set(record) >= {"assoc_actors1", "date_precision", "fatalities_vague"}
        if record["location"] is not None:
            assert set(record["location"]) >= {"admin2", "level", "qualifier"}


@given(records)
def test_columns_read_back_to_the_record(record: dict[str, Any]) -> None:
    """The flat layout derived from the record loses nothing: values back to to_dict."""
    from extract.record import parse_event

    event = parse_event(record)
    values = flatten(event)
    assert list(values) == list(COLUMN_NAMES)
    expected = event.to_dict()
    for member in ("actor1", "actor2", "location"):  # stored as columns, all null is null
        if expected[member] is not None and all(v is None for v in expected[member].values()):
            expected[member] = None
    assert record_from_values(list(values.values())) == expected


# -- failures -----------------------------------------------------------------------


def test_a_worker_that_cannot_open_the_file_stops_the_export(tmp_path: Path) -> None:
    path = tmp_path / "gone.db"
    with open_store(path, create=True) as store:
        import_articles(store, [SEEDS])
        first = seed_ids(store)[0]
        (event_id,) = add_machine_events(store, first, [make_event()])
        decide(store, "layla", event_id, "accepted")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        with pytest.raises(StoreError, match=r"gone\.db"):
            export(store, io.BytesIO(), annotator="layla", workers=2, chunk_events=1)


def test_a_killed_worker_ends_the_export_with_an_error_and_no_file(
    curated_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("earlier export\n")
    order = export_workers.Worker.order
    killed: list[int] = []

    def kill_before_go(worker: export_workers.Worker, line: bytes) -> None:
        if line == b"go" and not killed:
            worker.process.send_signal(signal.SIGKILL)
            killed.append(worker.process.wait())
        order(worker, line)

    monkeypatch.setattr(export_workers.Worker, "order", kill_before_go)
    with (
        open_store(curated_db) as store,
        pytest.raises(StoreError, match=r"export worker stopped unexpectedly \(exit status -9"),
    ):
        export_file(store, target, annotator="layla", workers=2, chunk_events=3)
    assert killed == [-signal.SIGKILL]
    assert target.read_text() == "earlier export\n"
    assert [entry.name for entry in tmp_path.iterdir()] == ["out.jsonl"]


class _Worker:
    """Stands in for a worker process: reports the marks it is given, records orders."""

    def __init__(self, marks: list[list[int]]) -> None:
        self.marks = marks
        self.orders: list[bytes] = []

    def frame(self, expected: bytes) -> bytes:
        return json.dumps(self.marks.pop(0)).encode()

    def order(self, line: bytes) -> None:
        self.orders.append(line)


def test_workers_start_again_until_they_read_the_same_state() -> None:
    first, second = _Worker([[1, 9], [2, 9]]), _Worker([[2, 9], [2, 9]])
    _agree_on_snapshot([first, second])  # type: ignore[list-item]
    assert first.orders == second.orders == [b"again", b"go"]


def test_a_database_that_keeps_changing_falls_back_to_one_process(
    curated_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    changing = [_Worker([[n, 0] for n in range(SNAPSHOT_TRIES)]), _Worker([[-1, 0]] * 9)]
    with pytest.raises(ParallelUnavailable):
        _agree_on_snapshot(changing)  # type: ignore[arg-type]
    assert changing[0].orders == [b"again"] * (SNAPSHOT_TRIES - 1)

    def unavailable(job: object) -> Any:
        raise ParallelUnavailable
        yield  # a generator, as parallel_chunks is

    expected = _export(curated_db, "csv", workers=1)
    monkeypatch.setattr(export_module, "parallel_chunks", unavailable)
    assert _export(curated_db, "csv", workers=2, chunk_events=5) == expected


def test_only_a_large_export_on_several_cores_uses_workers() -> None:
    assert worker_count(19_999, 20_000, cpus=[0, 1]) == 1
    assert worker_count(20_000, 20_000, cpus=[0]) == 1
    assert worker_count(20_000, 20_000, cpus=[0, 1]) == 2
    assert worker_count(10**6, 20_000, cpus=list(range(16))) == 4
    assert worker_count(10**6, 20_000) >= 1


_TOGGLER = """
import sys
from pathlib import Path
from db.decisions import accept_all, undo
from db.store import open_store
path, article_id, stop = sys.argv[1], sys.argv[2], Path(sys.argv[3])
with open_store(path) as store:
    rounds = 0
    while not stop.exists():
        accept_all(store, "layla", article_id)
        undo(store, "layla")
        rounds += 1
        if rounds == 1:
            print("toggling", flush=True)
print(rounds)
"""


def test_an_export_during_a_batch_of_decisions_has_all_of_it_or_none(tmp_path: Path) -> None:
    """Another process accepts a whole article and undoes it, again and again, while
    exports run with one worker per chunk: every export sees one state of it."""
    path = tmp_path / "busy.db"
    with open_store(path, create=True) as store:
        import_articles(store, [SEEDS])
        busy, *others = seed_ids(store)
        spans = [{"start": 10 * i, "end": 10 * i + 8} for i in range(12)]
        add_machine_events(store, busy, [make_event(evidence=span) for span in spans])
        for article_id in others:
            (event_id,) = add_machine_events(store, article_id, [make_event()])
            decide(store, "layla", event_id, "accepted")
    stop = tmp_path / "stop"
    toggler = subprocess.Popen(
        [sys.executable, "-c", _TOGGLER, str(path), busy, str(stop)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert toggler.stdout is not None and toggler.stdout.readline() == "toggling\n"
        seen = []
        with open_store(path) as store:
            for _ in range(12):
                out = io.BytesIO()
                export(store, out, annotator="layla", workers=2, chunk_events=1)
                records = [json.loads(line) for line in out.getvalue().splitlines()]
                seen.append(sum(record["article_id"] == busy for record in records))
                assert len(records) - seen[-1] == len(others)
    finally:
        stop.touch()
        rounds = int(toggler.communicate(timeout=60)[0].split()[-1])
    assert set(seen) <= {0, 12}, seen
    assert rounds > 1


_EXPORT_FROM_ELSEWHERE = """
import sys
from db.export import export_file
from db.store import open_store
with open_store(sys.argv[1]) as store:
    export_file(store, sys.argv[2], annotator="layla", workers=2, chunk_events=3)
"""


def test_workers_import_nothing_from_the_folder_the_export_runs_in(
    curated_db: Path, tmp_path: Path
) -> None:
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    marker = tmp_path / "ran"
    for name in ("orjson.py", "db.py", "sqlite3.py"):
        (hostile / name).write_text(
            f"open({str(marker)!r}, 'a').write({name!r})\nraise ImportError('shadowed')\n"
        )
    script = tmp_path / "scripts" / "export.py"
    script.parent.mkdir()
    script.write_text(_EXPORT_FROM_ELSEWHERE)
    out = tmp_path / "out.jsonl"
    done = subprocess.run(
        [sys.executable, str(script), str(curated_db), str(out)],
        cwd=hostile,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert not marker.exists()
    assert out.read_bytes() == _export(curated_db, "jsonl", workers=1)


def test_workers_that_cannot_start_leave_the_export_to_one_process(
    curated_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _export(curated_db, "csv", workers=1)
    started: list[int] = []

    def no_process(worker: export_workers.Worker) -> Any:
        started.append(1)
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(export_workers.Worker, "_start", no_process)
    assert _export(curated_db, "csv", workers=2, chunk_events=3) == expected
    assert started == [1]
