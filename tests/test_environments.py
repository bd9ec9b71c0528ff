"""Every command against bad environments: one sentence naming the path and the reason.

Each case runs a `hadath` command against a database (or an input) that is
missing, a folder, a FIFO, not SQLite, damaged, read-only, in a read-only
folder, or on a full disk, and asserts exit status 1, exactly one line on
stderr naming the path and the reason, no traceback, no last-resort message,
and nothing written.

Permissions are real: the permission cases run hadath in a subprocess for
which file modes hold even as root (tests.refusals.obey_file_modes). The
full disk is real too: a 1 MiB tmpfs mounted in a private mount namespace
(`unshare`), skipped where the machine allows none.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from db.articles import import_articles
from db.decisions import decide, review_items
from db.store import open_store
from tests.conftest import SEEDS, run_cli, seed_ids
from tests.refusals import HADATH, ROOT, assert_refused, hadath_obeying_modes, require_file_modes
from tui.cli import main
from tui.seeds import seed_defaults

DEMO_DB = "hadath-demo.db"

SEED_SOURCE = "Reuters; AFP; Syrian Observatory for Human Rights"
"""The source seeds/metadata.json gives seed 004."""
COMMANDS: dict[str, list[str]] = {
    "import": ["import", "{work}/new.jsonl"],
    "extract": ["extract", "--force"],
    "predictions import": ["predictions", "import", "{work}/events.jsonl"],
    "review": ["review", "--annotator", "layla"],
    "export": ["export"],
    "export -o": ["export", "-o", "{work}/out.jsonl"],
    "stats": ["stats"],
    "evaluate": ["evaluate"],
    "demo": ["demo", "--no-review"],
    "assign": ["assign", "--annotators", "layla,omar"],
    "agreement": ["agreement", "--annotators", "layla,omar"],
    "merge": ["merge", "{work}/other.db"],
    "adjudicate": ["adjudicate", "--adjudicator", "sara"],
    "lexicon list": ["lexicon", "list"],
    "lexicon remove": ["lexicon", "remove", "1"],
    "incidents": ["incidents"],
    "sources scale": ["sources", "scale", SEED_SOURCE, "National"],
}
WRITING = {
    "import", "extract", "predictions import", "review", "assign", "merge", "adjudicate",
    "lexicon remove", "incidents", "sources scale",
}  # fmt: skip
"""The commands that have something to write in every case (demo adds only what is missing)."""


def arguments(command: str, work: Path) -> list[str]:
    """The command's arguments, with the work folder and the seeds filled in."""
    return [arg.format(work=work, seeds=SEEDS) for arg in COMMANDS[command]]


@pytest.fixture(scope="module")
def reviewed_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the seeds (dated, as the demo imports them), their events and a few of
    Layla's decisions (copied per test)."""
    path = tmp_path_factory.mktemp("reviewed") / "hadath.db"
    with open_store(path, create=True) as store:
        import_articles(store, [SEEDS], defaults=seed_defaults(SEEDS))
    assert run_cli(path, "extract").exit_code == 0
    with open_store(path) as store:
        items = review_items(store, seed_ids(store)[0], "layla")
        decide(store, "layla", items[0].stored.id, "accepted")
        decide(store, "layla", items[1].stored.id, "rejected")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def work(tmp_path: Path, reviewed_copy: Path) -> Path:
    """A folder for one case, holding a predictions file that would be valid."""
    folder = tmp_path / "work"
    folder.mkdir()
    with open_store(reviewed_copy) as store:
        article = seed_ids(store)[0]
    record = {
        "article_id": article,
        "sub_event_type": "Armed clash",
        "evidence": {"start": 0, "end": 10},
        "extractor": "other-1",
    }
    (folder / "events.jsonl").write_text(json.dumps(record) + "\n")
    article = {"id": "new-1", "text": "اشتباكات عنيفة في ريف حلب الشمالي."}
    (folder / "new.jsonl").write_text(json.dumps(article, ensure_ascii=False) + "\n")
    assert run_cli(folder / "other.db", "import", str(folder / "new.jsonl")).exit_code == 0
    return folder


def place_database(work: Path, command: str, make: Callable[[Path], None]) -> Path:
    """Make the bad database where the command will look for it (demo: the working folder)."""
    path = work / (DEMO_DB if command == "demo" else "hadath.db")
    make(path)
    return path


def named(db: Path, command: str) -> str:
    """The database as the command names it: the path given, or demo's own relative name."""
    return DEMO_DB if command == "demo" else str(db)


def invoke(db: Path, command: str, work: Path, monkeypatch: pytest.MonkeyPatch) -> Result:
    """Run one command in-process in the work folder (a traceback fails the test)."""
    monkeypatch.chdir(work)
    args = arguments(command, work)
    prefix = [] if command == "demo" else ["--db", str(db)]
    return CliRunner().invoke(main, [*prefix, *args], catch_exceptions=False)


def listing(folder: Path) -> dict[str, bytes | None]:
    """Every entry of a folder with its bytes (None for what is not a regular file)."""
    return {p.name: p.read_bytes() if p.is_file() else None for p in sorted(folder.iterdir())}


# -- the database is a folder, a FIFO, not SQLite, or damaged --------------------------------


def _folder(path: Path) -> None:
    path.mkdir()


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _not_sqlite(path: Path) -> None:
    path.write_text("id,text\n1,خبر\n" * 100)


def _damaged(reviewed: Path) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        data = bytearray(reviewed.read_bytes())
        page = int.from_bytes(data[16:18], "big")
        for offset in range(page, len(data), 97):  # every page but the first (the schema)
            data[offset] = (data[offset] + 0x5A) % 256
        path.write_bytes(bytes(data))

    return make


ENVIRONMENTS = {
    "a folder": (_folder, "is a folder, not a database file"),
    "a FIFO": (_fifo, "is a FIFO (named pipe), not a database file"),
    "not SQLite": (_not_sqlite, "is not an SQLite database"),
}


@pytest.mark.timeout(30)
@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("environment", list(ENVIRONMENTS))
def test_a_database_that_is_no_database_is_refused_untouched(
    work: Path, command: str, environment: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    make, reason = ENVIRONMENTS[environment]
    db = place_database(work, command, make)
    before = listing(work)
    assert_refused(invoke(db, command, work, monkeypatch), named(db, command), reason)
    assert listing(work) == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_damaged_database_is_refused(
    work: Path, reviewed_copy: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = place_database(work, command, _damaged(reviewed_copy))
    before = listing(work)
    assert_refused(invoke(db, command, work, monkeypatch), named(db, command), "is damaged")
    assert listing(work) == before


# -- read-only files and folders --------------------------------------------------------------


def run_obeying_modes(db: Path, command: str, work: Path) -> subprocess.CompletedProcess[str]:
    """Run one command in a subprocess for which file modes hold, even as root."""
    prefix = [] if command == "demo" else ["--db", str(db)]
    return hadath_obeying_modes([*prefix, *arguments(command, work)], cwd=work)


@pytest.fixture
def modes_hold(tmp_path: Path) -> None:
    """Skip where file modes cannot be made to hold (see tests.refusals)."""
    require_file_modes(tmp_path)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_read_only_database_file(
    work: Path, reviewed_copy: Path, command: str, modes_hold: None
) -> None:
    db = place_database(work, command, lambda path: shutil.copy(reviewed_copy, path))
    db.chmod(0o444)
    before = db.read_bytes()
    result = run_obeying_modes(db, command, work)
    if command in WRITING:
        assert_refused(result, named(db, command), "read-only")
    else:
        assert result.returncode == 0, result.stderr
    assert db.read_bytes() == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_database_in_a_read_only_folder(
    work: Path, reviewed_copy: Path, command: str, modes_hold: None
) -> None:
    db = place_database(work, command, lambda path: shutil.copy(reviewed_copy, path))
    before = listing(work)
    work.chmod(0o555)
    try:
        result = run_obeying_modes(db, command, work)
    finally:
        work.chmod(0o755)
    assert_refused(result, named(db, command))
    assert "read-only" in result.stderr or "must be writable" in result.stderr
    assert listing(work) == before


# -- a full disk --------------------------------------------------------------------------------

FULL_DISK_IMPORT = r"""
import json, os, sqlite3, subprocess, sys
mount, db, batch = sys.argv[1:4]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount], check=True)
placed = os.path.join(mount, "hadath.db")
with open(db, "rb") as source, open(placed, "wb") as target:
    target.write(source.read())
done = subprocess.run(
    [sys.executable, "-c", "from tui.cli import main; main()", "--db", placed, "import", batch],
    capture_output=True, text=True)
conn = sqlite3.connect(placed)
articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
check = conn.execute("PRAGMA integrity_check").fetchone()[0]
print(json.dumps({"code": done.returncode, "stderr": done.stderr, "articles": articles,
                  "check": check, "files": sorted(os.listdir(mount))}))
"""


def test_import_on_a_full_disk_says_so_and_writes_nothing(
    tmp_path: Path, reviewed_copy: Path
) -> None:
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare is not installed: no private tmpfs for a full disk")
    mount = tmp_path / "small-disk"
    mount.mkdir()
    batch = tmp_path / "batch.jsonl"
    with batch.open("w") as out:
        for number in range(400):  # about 4 MB of text: far more than the 1 MiB disk holds
            text = f"خبر رقم {number}: " + "قصفت طائرات مسيرة موقعاً في البوكمال. " * 250
            out.write(json.dumps({"id": f"big-{number}", "text": text}) + "\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    driver = [unshare, "--mount", "--map-root-user", sys.executable, "-c", FULL_DISK_IMPORT]
    done = subprocess.run(
        [*driver, str(mount), str(reviewed_copy), str(batch)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    if done.returncode != 0 and "mount" in done.stderr:
        pytest.skip(f"no private mount namespace here: {done.stderr.strip()[-200:]}")
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout)
    assert outcome["code"] == 1, outcome
    stderr = outcome["stderr"]
    assert stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    assert "hadath.db: the disk is full" in stderr and "nothing of this run was written" in stderr
    assert outcome["articles"] == 5  # the seeds, and none of the batch
    assert outcome["check"] == "ok"


# -- a sanity check of the matrix itself --------------------------------------------------------


def test_the_matrix_names_every_command() -> None:
    from tests.test_opening import leaf_commands

    assert {command.split(" -")[0] for command in COMMANDS} == set(leaf_commands(main))


def test_a_healthy_database_passes_every_read_command(
    work: Path, reviewed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The matrix's refusals come from the environment: the same commands work on a good file."""
    db = work / "hadath.db"
    shutil.copy(reviewed_copy, db)
    for command in ("stats", "export", "evaluate", "extract", "predictions import"):
        result = invoke(db, command, work, monkeypatch)
        assert result.exit_code == 0, (command, result.output)
    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 5


def test_export_to_a_reader_that_went_away_stops_quietly(
    reviewed_copy: Path, tmp_path: Path
) -> None:
    """`hadath export | head -1`: the pipe closes early; no traceback, nothing on stderr."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run(
            [*HADATH, "--db", str(reviewed_copy), "export", "--annotator", "layla"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 1
    assert done.stderr == ""


# -- bad inputs to the commands that read files ------------------------------------------------

INPUT_COMMANDS = {"import": "new.jsonl", "predictions import": "events.jsonl"}


def _input_args(command: str, path: Path) -> list[str]:
    return [*command.split(), str(path)]


@pytest.fixture
def healthy_db(work: Path, reviewed_copy: Path) -> Path:
    """A copy of the reviewed database in the work folder."""
    db = work / "hadath.db"
    shutil.copy(reviewed_copy, db)
    return db


@pytest.mark.parametrize("command", list(INPUT_COMMANDS))
@pytest.mark.parametrize("environment", ["missing", "a folder"])
def test_an_input_that_is_missing_or_a_folder_is_named(
    work: Path, healthy_db: Path, command: str, environment: str
) -> None:
    before = healthy_db.read_bytes()
    given = work / "given.jsonl"
    reasons = {
        ("import", "missing"): "no such file or folder",
        ("import", "a folder"): "the folder holds no",
        ("predictions import", "missing"): "cannot be read (No such file or directory)",
        ("predictions import", "a folder"): "cannot be read (Is a directory)",
    }
    reason = reasons[command, environment]
    if environment == "a folder":
        given.mkdir()
    result = run_cli(healthy_db, *_input_args(command, given))
    assert_refused(result, str(given), reason)
    assert healthy_db.read_bytes() == before


@pytest.mark.parametrize("command", list(INPUT_COMMANDS))
def test_an_unreadable_input_is_named(
    work: Path, healthy_db: Path, command: str, modes_hold: None
) -> None:
    before = healthy_db.read_bytes()
    given = work / INPUT_COMMANDS[command]
    given.chmod(0o000)
    args = ["--db", str(healthy_db), *_input_args(command, given)]
    assert_refused(hadath_obeying_modes(args, cwd=work), str(given), "Permission denied")
    assert healthy_db.read_bytes() == before


# -- bad places to export to -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("place", "reason"),
    [
        ("no-such-folder/out.csv", "no such folder"),
        ("a-file/out.csv", "is a file, not a folder"),
        ("a-folder", "is a folder"),
    ],
)
def test_export_to_a_place_that_cannot_hold_a_file(
    work: Path, healthy_db: Path, place: str, reason: str
) -> None:
    (work / "a-file").write_text("not a folder")
    (work / "a-folder").mkdir()
    before = listing(work)
    target = work / place
    result = run_cli(healthy_db, "export", "--format", "csv", "-o", str(target))
    assert_refused(result, str(target.name), reason)
    assert listing(work) == before


def test_export_into_a_read_only_folder(work: Path, healthy_db: Path, modes_hold: None) -> None:
    out = work / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = hadath_obeying_modes(
            ["--db", str(healthy_db), "export", "-o", str(out / "curated.jsonl")], cwd=work
        )
    finally:
        out.chmod(0o755)
    assert_refused(result, str(out), "no permission to write")
    assert list(out.iterdir()) == []
