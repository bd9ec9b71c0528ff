"""The layering of the code holds: contracts that can fail, and commands that load no UI.

`lint-imports` (run by CI) enforces the contracts in pyproject.toml; these
tests prove a broken rule is caught, that reading commands never load
textual, and that lock detection lives in one `db` helper working from
SQLite's result codes.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from db.decisions import decide
from db.events import add_machine_events
from db.store import DatabaseLocked, StoreError, is_lock, open_store, write_lock_free
from tests.conftest import HADATH, ROOT, SEEDS, make_event, seed_ids

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_copy(tmp_path: Path, module: str, line: str) -> subprocess.CompletedProcess[str]:
    """Run lint-imports over a copy of the packages with `line` appended to `module`."""
    for package in ("db", "extract", "tui"):
        shutil.copytree(ROOT / package, tmp_path / package)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    if module:
        with (tmp_path / module).open("a", encoding="utf-8") as source:
            source.write(f"\n{line}\n")
    return subprocess.run(
        [str(LINT_IMPORTS)], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )


def test_the_contracts_hold_on_the_code_as_it_is(tmp_path: Path) -> None:
    result = _lint_copy(tmp_path, "", "")
    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("extract/normalize.py", "import sqlite3", "extract is pure"),
        ("extract/record.py", "import db.display", "extract is pure"),
        ("db/stats.py", "import tui.progress", "db and extract never import"),
        ("db/stats.py", "import textual", "db and extract never import"),
        ("tui/layout/engine.py", "import textual.app", "work without textual"),
        ("tui/session.py", "from textual import events", "work without textual"),
        ("tui/screens/help.py", "import sqlite_utils", "only db talks to SQLite"),
    ],
)
def test_a_broken_rule_is_caught(tmp_path: Path, module: str, line: str, contract: str) -> None:
    result = _lint_copy(tmp_path, module, line)
    assert result.returncode == 1, result.stdout
    broken = result.stdout.split("Broken contracts", 1)[1]
    assert contract in broken
    assert module.removesuffix(".py").replace("/", ".") in broken


_LOADED = """
import sys
from click.testing import CliRunner
from tui.cli import main
result = CliRunner().invoke(main, sys.argv[1:])
assert result.exit_code == 0, result.output
print(sorted({name.split(".")[0] for name in sys.modules} & {"textual", "tui"}))
print("tui.app" in sys.modules, "textual" in sys.modules)
"""


def _modules_after(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", _LOADED, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-1]


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("layering") / "seeded.db"
    result = subprocess.run(
        [*HADATH, "--db", str(path), "import", str(SEEDS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    with open_store(path) as store:  # a reviewer's decision, so that evaluate has gold
        add_machine_events(store, seed_ids(store)[0], [make_event()])
        (event_id,) = (row[0] for row in store.conn.execute("SELECT id FROM events"))
        decide(store, "layla", event_id, "accepted")
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["stats", "--json"],
        ["export", "--format", "csv"],
        ["export"],
        ["extract"],
        ["evaluate", "--json"],
        ["import", str(SEEDS)],
    ],
)
def test_batch_commands_leave_textual_unloaded(seeded_db: Path, command: list[str]) -> None:
    assert _modules_after("--db", str(seeded_db), *command) == "False False"


def test_the_check_sees_textual_when_it_is_loaded() -> None:
    """The probe above can fail: importing the review app does load textual."""
    script = "import sys, tui.app; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "True"


# -- one lock helper ----------------------------------------------------------------


def _locked_error(path: Path) -> sqlite3.Error:
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            return error
        finally:
            other.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    raise AssertionError("the second writer was not refused")


def test_a_held_lock_is_a_lock(db_path: Path) -> None:
    open_store(db_path, create=True).close()
    error = _locked_error(db_path)
    assert is_lock(error)
    assert is_lock(DatabaseLocked("held"))


def test_other_failures_are_not_locks_whatever_their_text(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4080)
    try:
        sqlite3.connect(damaged).execute("SELECT * FROM sqlite_master").fetchall()
    except sqlite3.Error as error:
        assert not is_lock(error)
    else:
        raise AssertionError("a damaged file was read")
    worded = sqlite3.OperationalError("database is locked (busy)")  # text only, no code
    assert not is_lock(worded)
    assert not is_lock(StoreError("locked"))


def test_the_write_probe_answers_false_only_for_a_lock(db_path: Path, tmp_path: Path) -> None:
    open_store(db_path, create=True).close()
    assert write_lock_free(db_path, 0.05)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert not write_lock_free(db_path, 0.05)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert write_lock_free(db_path, 0.05)
    # a file that vanished is for the caller's own write to report
    assert write_lock_free(tmp_path / "gone.db", 0.05)
    assert not (tmp_path / "gone.db").exists()


def test_store_interrupt_stops_a_running_read(db_path: Path) -> None:
    with open_store(db_path, create=True) as store:
        done = threading.Event()
        errors: list[BaseException] = []

        def run() -> None:
            try:
                store.conn.execute(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)"
                    " SELECT count(*) FROM n"
                ).fetchone()
            except sqlite3.Error as error:
                errors.append(error)
            finally:
                done.set()

        worker = threading.Thread(target=run)
        worker.start()
        while not done.is_set():
            store.interrupt()
            done.wait(0.01)
        worker.join()
        assert errors and "interrupt" in str(errors[0])
        assert store.conn.execute("SELECT 1").fetchone() == (1,)
