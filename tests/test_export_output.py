"""`export -o`: where the data goes, in which format, and what a failed write leaves behind."""

from __future__ import annotations

import errno
import json
import os
import resource
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from db.articles import import_articles
from db.decisions import decide
from db.events import add_machine_events
from db.outfile import PREFIX, failure, start_time
from db.store import open_store
from tests.conftest import HADATH, ROOT, make_event, run_cli

# Buffered standard output, as a user has it (PYTHONUNBUFFERED would hide a failed last flush).
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}, "PYTHONPATH": str(ROOT)}
CSV_HEADER = "event_id_cnty,event_date,year,"
LONG_TEXT = "قصفت طائرات مسيرة موقعاً في البوكمال. " * 3000  # an evidence span of ~200 KB


@pytest.fixture
def curated(db_path: Path, tmp_path: Path) -> Path:
    """A database where layla accepted one event whose evidence is a long article."""
    articles = tmp_path / "long.jsonl"
    articles.write_text(json.dumps({"id": "long", "text": LONG_TEXT}) + "\n", "utf-8")
    with open_store(db_path, create=True) as store:
        import_articles(store, [articles])
        span = {"start": 0, "end": len(LONG_TEXT)}
        (event_id,) = add_machine_events(store, "long", [make_event(evidence=span)])
        decide(store, "layla", event_id, "accepted")
    return db_path


def temporaries(folder: Path) -> list[str]:
    """Names of export temporary files in `folder`."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(PREFIX))


def run_hadath(db: Path, *args: str, **options: object) -> subprocess.CompletedProcess[bytes]:
    """Run hadath in a child process (for what an in-process run cannot show)."""
    command = [*HADATH, "--db", str(db), *args]
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **options}
    return subprocess.run(command, env=ENV, check=False, **streams)  # type: ignore[call-overload, no-any-return]


def test_output_through_a_symlink_writes_its_target(curated: Path, tmp_path: Path) -> None:
    real = tmp_path / "data" / "real.csv"
    real.parent.mkdir()
    real.write_text("previous\n")
    real.chmod(0o640)
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    result = run_cli(curated, "export", "-o", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text("utf-8").startswith(CSV_HEADER)
    assert real.stat().st_mode & 0o777 == 0o640  # the target keeps its permissions
    assert temporaries(tmp_path) == temporaries(real.parent) == []


def test_dash_is_standard_output(curated: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli(curated, "export", "-o", "-", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(CSV_HEADER)
    assert not (tmp_path / "-").exists()


def test_a_fifo_as_output_is_written_in_place_never_replaced(curated: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "to-reader"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run_cli(curated, "export", "--format", "csv", "-o", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the pipe, not a file renamed over it
    assert received and received[0].decode().startswith(CSV_HEADER)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".hadath-export-")]


@pytest.mark.parametrize(
    ("name", "options", "csv_expected"),
    [
        ("out.csv", [], True),
        ("OUT.CSV", [], True),
        ("out.jsonl", [], False),
        ("out.csv", ["--format", "csv"], True),
        ("out.txt", [], False),  # an ending that names no format: JSON Lines unless --format
        ("out.txt", ["--format", "csv"], True),
    ],
)
def test_the_file_name_decides_the_format(
    curated: Path, tmp_path: Path, name: str, options: list[str], csv_expected: bool
) -> None:
    target = tmp_path / name
    result = run_cli(curated, "export", "-o", str(target), *options)
    assert result.exit_code == 0, result.output
    written = target.read_text("utf-8")
    assert written.startswith(CSV_HEADER) == csv_expected
    if not csv_expected:
        assert json.loads(written)["evidence_text"] == LONG_TEXT


def test_a_format_contradicting_the_file_name_is_refused(curated: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    result = run_cli(curated, "export", "-o", str(target), "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {target} names a csv file but --format is jsonl: drop --format or rename it\n"
    )
    assert not target.exists() and temporaries(tmp_path) == []


def test_a_missing_folder_is_one_sentence_and_writes_nothing(curated: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.csv"
    result = run_hadath(curated, "export", "-o", str(target))
    assert result.returncode == 1
    assert result.stderr.decode() == (
        f"Error: cannot write {target}: no such folder {tmp_path / 'missing'}\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hadath.db", "long.jsonl"]


def test_a_file_where_a_folder_should_be_is_one_sentence(curated: Path, tmp_path: Path) -> None:
    # Tests run as root, whom permissions do not stop: a regular file in the path does.
    blocking = tmp_path / "notes.txt"
    blocking.write_text("a file\n")
    target = blocking / "sub" / "out.csv"
    result = run_hadath(curated, "export", "-o", str(target))
    assert result.returncode == 1
    assert result.stderr.decode() == (
        f"Error: cannot write {target}: {blocking} is a file, not a folder\n"
    )
    assert blocking.read_text() == "a file\n"


def test_unwritable_places_are_named_in_one_sentence(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    denied = PermissionError(errno.EACCES, "Permission denied")
    assert failure(target, denied) == f"cannot write {target}: no permission to write in {tmp_path}"
    read_only = OSError(errno.EROFS, "Read-only file system")
    assert failure(target, read_only) == f"cannot write {target}: the file system is read-only"
    odd = tmp_path / "bell\x07.csv"
    assert failure(odd, denied).startswith(f"cannot write {tmp_path}/bell\\x07.csv: ")


def _limit_file_size() -> None:
    limit = 64 * 1024  # room for SQLite's 32 KiB shared-memory file, not for the export
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_full_disk_during_export_leaves_the_target_as_it_was(
    curated: Path, tmp_path: Path, fmt: str
) -> None:
    # Python ignores SIGXFSZ, so writing past RLIMIT_FSIZE fails with EFBIG, as a full disk would.
    target = tmp_path / f"out.{fmt}"
    target.write_text("previous export\n")
    result = run_hadath(curated, "export", "-o", str(target), preexec_fn=_limit_file_size)
    assert result.returncode == 1
    assert result.stderr.decode() == (
        f"Error: cannot write {target}: the file grew beyond the largest size allowed\n"
    )
    assert target.read_text() == "previous export\n"
    assert temporaries(tmp_path) == []


def test_a_full_standard_output_is_one_sentence(curated: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = run_hadath(curated, "export", stdout=full)
    assert result.returncode == 1
    assert result.stderr.decode() == "Error: cannot write standard output: the disk is full\n"


def test_a_reader_that_leaves_early_ends_the_export_quietly(curated: Path) -> None:
    command = [*HADATH, "--db", str(curated), "export"]
    process = subprocess.Popen(command, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the export (~200 KB) cannot fit in the pipe: it meets a closed end
    assert process.wait(timeout=60) == 1
    assert process.stderr.read() == b""


_KILLED_HALF_WAY = """
import os, signal, sys
from db.export import export_file
from db.store import open_store
store = open_store(sys.argv[1])
export_file(store, sys.argv[2], progress=lambda n: os.kill(os.getpid(), signal.SIGKILL))
"""

_HOLDS_A_TEMPORARY = """
import sys
from pathlib import Path
from db.outfile import create_temporary
handle, path = create_temporary(Path(sys.argv[1]))
print(path.name, flush=True)
sys.stdin.read()
"""


def test_an_export_killed_half_way_leaves_a_file_the_next_one_removes(
    curated: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.jsonl"
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_HALF_WAY, str(curated), str(target)], env=ENV, check=False
    )
    assert killed.returncode == -9
    assert len(temporaries(tmp_path)) == 1 and not target.exists()
    result = run_cli(curated, "export", "-o", str(tmp_path / "other.csv"))
    assert result.exit_code == 0, result.output
    assert temporaries(tmp_path) == []


def test_a_temporary_file_still_being_written_is_kept(curated: Path, tmp_path: Path) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", _HOLDS_A_TEMPORARY, str(tmp_path)],
        env=ENV,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdin is not None and writer.stdout is not None
    try:
        name = writer.stdout.readline().strip()
        assert temporaries(tmp_path) == [name]
        assert run_cli(curated, "export", "-o", str(tmp_path / "out.csv")).exit_code == 0
        assert temporaries(tmp_path) == [name]  # its writer is alive and holds it
    finally:
        writer.stdin.close()
        writer.wait(timeout=60)
    assert run_cli(curated, "export", "-o", str(tmp_path / "out.csv")).exit_code == 0
    assert temporaries(tmp_path) == []


def test_a_reused_process_id_does_not_keep_a_leftover(curated: Path, tmp_path: Path) -> None:
    pid = os.getpid()
    mine = tmp_path / f"{PREFIX}{pid}-{start_time(pid)}-abc123.tmp"
    reused = tmp_path / f"{PREFIX}{pid}-{(start_time(pid) or 0) + 1}-def456.tmp"
    unrelated = tmp_path / ".hadath-export-notes.tmp"
    for path in (mine, reused, unrelated):
        path.write_text("partial")
    assert run_cli(curated, "export", "-o", str(tmp_path / "out.csv")).exit_code == 0
    assert temporaries(tmp_path) == sorted([mine.name, unrelated.name])
