"""Opening a database: readers never wait for a writer, missing paths are refused, refused
files stay byte for byte as they were.

The lock tests hold `BEGIN IMMEDIATE` on another connection, as a running
`hadath import` does, and run each read command; the test body (not its
fixtures) is limited by pytest-timeout far below the 30 s busy timeout a
command waited before, so a command that waits for the lock fails the test
instead of passing late.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from db.decisions import (
    add_event,
    decide,
    delete_event,
    get_state,
    review_items,
    set_done,
    undo,
)
from db.schema import SCHEMA_VERSION
from db.store import StoreError, open_store
from tests.conftest import SEEDS, make_event, run_cli, seed_ids
from tui.app import ReviewApp
from tui.cli import check_reviewable, main
from tui.screens.articles import ArticlesScreen

SIZE = (160, 40)
ONLY_IN_FOURTH = "مخزونات"  # a word of the fourth seed article's text


@pytest.fixture
def reviewed_db(db_path: Path) -> Path:
    """The seed articles, extracted, with Layla's decisions on the first article's events."""
    assert run_cli(db_path, "import", str(SEEDS)).exit_code == 0
    assert run_cli(db_path, "extract").exit_code == 0
    with open_store(db_path) as store:
        first = seed_ids(store)[0]
        for number, item in enumerate(review_items(store, first, "layla")):
            decide(store, "layla", item.stored.id, "accepted" if number % 2 else "rejected")
    return db_path


@pytest.fixture
def writer(reviewed_db: Path) -> Iterator[sqlite3.Connection]:
    """Another process's write transaction on the database, open for the whole test."""
    conn = sqlite3.connect(reviewed_db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO articles (id, text, content_hash, imported_at)"
        " VALUES ('being-imported', 'نص', 'h', '2024-01-01T00:00:00Z')"
    )
    yield conn
    conn.execute("ROLLBACK")
    conn.close()


# -- reading never waits for a writer -----------------------------------------------------


@pytest.mark.timeout(10, func_only=True)
@pytest.mark.parametrize(
    "args",
    [
        ("stats",),
        ("stats", "--json"),
        ("export",),
        ("export", "--format", "csv"),
        ("evaluate",),
        ("evaluate", "--json", "--extractor", "rules-1"),
    ],
    ids=" ".join,
)
def test_read_commands_answer_while_another_process_writes(
    reviewed_db: Path, writer: sqlite3.Connection, args: tuple[str, ...]
) -> None:
    if "--extractor" in args:
        with open_store(reviewed_db) as store:
            name = store.db.execute("SELECT extractor FROM extractions LIMIT 1").fetchone()[0]
        args = (*args[:-1], name)
    result = run_cli(reviewed_db, *args)
    assert result.exit_code == 0, result.output
    assert result.stdout


@pytest.mark.timeout(20, func_only=True)
async def test_review_opens_and_searches_while_another_process_writes(
    reviewed_db: Path, writer: sqlite3.Connection
) -> None:
    with open_store(reviewed_db) as store:
        fourth = seed_ids(store)[3]
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session is not None and app.session.article is not None
        await pilot.press("slash", *ONLY_IN_FOURTH, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticlesScreen)
        assert [row.id for row in screen.rows] == [fourth]


@pytest.mark.timeout(10, func_only=True)
def test_the_check_before_review_does_not_wait_for_a_writer(
    reviewed_db: Path, writer: sqlite3.Connection
) -> None:
    check_reviewable(str(reviewed_db))  # busy means writable: no wait, no refusal


def test_an_up_to_date_file_is_opened_without_the_write_lock(reviewed_db: Path) -> None:
    with open_store(reviewed_db) as store:
        store.conn.execute("BEGIN IMMEDIATE")
        with open_store(reviewed_db, busy_timeout=0) as reader:
            assert reader.previous_version == SCHEMA_VERSION
        store.conn.execute("ROLLBACK")


# -- a missing database is refused, never created ------------------------------------------

CREATING_COMMANDS = {"import", "demo"}
"""The commands that bring data in: the only ones that may create a database."""

ARGUMENTS = {
    "predictions import": ["{tmp}/events.jsonl"],
    "export": ["-o", "{tmp}/out.jsonl"],
    "review": ["--annotator", "layla"],
    "evaluate": ["--annotator", "layla"],
    "assign": ["--annotators", "layla,omar"],
    "merge": ["{tmp}/events.jsonl"],
    "adjudicate": ["--adjudicator", "sara"],
    "lexicon remove": ["1"],
    "sources scale": ["Reuters", "National"],
}
"""Arguments a command needs to get as far as opening the database."""


def leaf_commands(group: click.Group, prefix: str = "") -> Iterator[str]:
    """Every command of the `hadath` command tree, by its full name ('predictions import')."""
    for name, command in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        if isinstance(command, click.Group):
            yield from leaf_commands(command, f"{full} ")
        else:
            yield full


READING_COMMANDS = sorted(set(leaf_commands(main)) - CREATING_COMMANDS)


def test_every_command_is_covered() -> None:
    """A new command is refused on a missing database too, or named as one that creates."""
    assert set(leaf_commands(main)) >= CREATING_COMMANDS
    assert {"stats", "export", "evaluate", "extract", "review", "predictions import"} <= set(
        READING_COMMANDS
    )


@pytest.mark.parametrize("command", READING_COMMANDS)
def test_a_missing_database_is_refused_and_not_created(tmp_path: Path, command: str) -> None:
    (tmp_path / "events.jsonl").write_text('{"article_id": "a"}\n')
    missing = tmp_path / "missing.db"
    args = [arg.format(tmp=tmp_path) for arg in ARGUMENTS.get(command, [])]
    result = run_cli(missing, *command.split(), *args)
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1
    assert f"{missing}: no such database (hadath import FILES creates one)" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl"]


def test_import_creates_the_database_but_not_its_folder(tmp_path: Path) -> None:
    created = tmp_path / "new.db"
    assert run_cli(created, "import", str(SEEDS)).exit_code == 0
    assert created.exists()
    nowhere = tmp_path / "no-such-folder" / "new.db"
    result = run_cli(nowhere, "import", str(SEEDS))
    assert result.exit_code == 1
    assert f"cannot create the database {nowhere}: no such folder" in result.stderr
    assert not nowhere.parent.exists()


def test_an_empty_file_is_only_a_database_to_import_into(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    result = run_cli(empty, "stats")
    assert result.exit_code == 1
    assert f"{empty} is an empty file, not a hadath database" in result.stderr
    assert empty.stat().st_size == 0
    assert run_cli(empty, "import", str(SEEDS)).exit_code == 0
    assert run_cli(empty, "stats").exit_code == 0


# -- a refused file stays byte for byte as it was --------------------------------------------


def _other_programs_file(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.execute("INSERT INTO people VALUES ('ali')")
    conn.commit()
    conn.close()


def _newer_hadath_file(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE articles (id TEXT)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_other_programs_file, "is an SQLite file but not a hadath database"),
        (_newer_hadath_file, "newer than this hadath knows"),
    ],
    ids=["another program's file", "a newer schema"],
)
@pytest.mark.parametrize("command", ["stats", "import", "extract", "export"])
def test_a_refused_file_is_left_byte_for_byte(
    tmp_path: Path, make, reason: str, command: str
) -> None:
    path = tmp_path / "theirs.db"
    make(path)
    before = path.read_bytes()
    args = [str(SEEDS)] if command == "import" else []
    result = run_cli(path, command, *args)
    assert result.exit_code == 1
    assert reason in result.stderr
    assert path.read_bytes() == before  # still in its own journal mode, never switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["theirs.db"]


def test_a_file_that_is_not_sqlite_is_refused_from_its_header(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("قائمة المهام\n" * 50)
    before = notes.read_bytes()
    with pytest.raises(StoreError, match="is not an SQLite database"):
        open_store(notes)
    assert notes.read_bytes() == before


def _done_elsewhere(db_path: Path, article_id: str) -> int | None:
    """What another process reads of Layla's done mark on the article (None: no row)."""
    script = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "row = c.execute('SELECT done FROM article_state WHERE article_id = ?"
        " AND annotator = ?', [sys.argv[2], 'layla']).fetchone()\n"
        "c.close()\n"
        "print(row[0] if row else 'none')\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", script, str(db_path), article_id],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    return None if found == "none" else int(found)


def test_opening_again_keeps_the_locks_of_a_store_already_open(reviewed_db: Path) -> None:
    """A second opening in the same process (the review app's search does one) must not drop
    the first connection's locks: another process closing would then take itself for the
    last, delete the write-ahead log, and the first connection's later commits would reach
    no other process."""
    with open_store(reviewed_db) as store:
        first = seed_ids(store)[0]
        set_done(store, "layla", first, True)
        with open_store(reviewed_db):
            pass
        assert _done_elsewhere(reviewed_db, first) == 1  # another process opens and closes
        assert Path(f"{reviewed_db}-wal").exists()  # it knew it was not the last
        set_done(store, "layla", first, False)
        assert _done_elsewhere(reviewed_db, first) == 0
    with open_store(reviewed_db) as store:
        assert not get_state(store, first, "layla").done


# -- evaluate and stats ----------------------------------------------------------------------


def test_evaluate_refuses_an_extractor_that_never_ran(reviewed_db: Path) -> None:
    result = run_cli(reviewed_db, "evaluate", "--extractor", "nobody-1")
    assert result.exit_code == 1
    with open_store(reviewed_db) as store:
        ran = store.db.execute("SELECT extractor FROM extractions LIMIT 1").fetchone()[0]
    assert f"extractor 'nobody-1' never ran on this database; extractors: {ran}" in result.stderr
    assert "precision" not in result.stdout


def test_stats_count_an_undone_added_event_like_a_deleted_one_in_every_line(
    reviewed_db: Path,
) -> None:
    with open_store(reviewed_db) as store:
        second = seed_ids(store)[1]
        kept = add_event(store, "omar", second, make_event())
        deleted = add_event(store, "omar", second, make_event())
        delete_event(store, "omar", deleted.id)
        add_event(store, "omar", second, make_event())
        undone = undo(store, "omar")
    assert kept.id and undone is not None and undone.action == "add"
    figures = run_cli(reviewed_db, "stats", "--json")
    data = json.loads(figures.stdout)
    assert data["events"]["human"] == 1
    assert data["events"]["human_withdrawn"] == 2
    omar = next(row for row in data["annotators"] if row["annotator"] == "omar")
    assert (omar["added"], omar["withdrawn"]) == (1, 2)
    for key in ("accepted", "rejected", "corrected"):
        assert data["decisions"][key] == sum(row[key] for row in data["annotators"])
    text = run_cli(reviewed_db, "stats").stdout.splitlines()
    assert text[1].endswith(" machine, 1 added (2 more added and withdrawn)")
    header = text[text.index("") + 1].split()
    omar_row = next(line.split() for line in text if line.startswith("omar"))
    assert omar_row[header.index("added")] == "1"
    assert omar_row[header.index("withdrawn")] == "2"


async def test_the_review_app_closes_with_a_sentence_when_it_cannot_open(tmp_path: Path) -> None:
    """The CLI checks before the screen opens; a file broken in between still gets a sentence."""
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    app = ReviewApp(folder, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert app.failure == f"{folder} is a folder, not a database file"
    assert app.return_code == 1


def test_a_refused_review_asks_and_writes_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    result = run_cli(missing, "review")  # no annotator given: it would be asked, then saved
    assert result.exit_code == 1
    assert "no such database" in result.stderr
    assert not Path(os.environ["HADATH_CONFIG"]).exists()
    assert not missing.exists()


def test_an_sqlite_file_without_tables_is_only_a_database_to_import_into(tmp_path: Path) -> None:
    blank = tmp_path / "blank.db"
    blank.write_bytes(_one_page_sqlite_file(tmp_path))
    before = blank.read_bytes()
    result = run_cli(blank, "stats")
    assert result.exit_code == 1
    assert f"{blank} is an empty SQLite database, not a hadath one" in result.stderr
    assert blank.read_bytes() == before
    assert run_cli(blank, "import", str(SEEDS)).exit_code == 0


def _one_page_sqlite_file(folder: Path) -> bytes:
    """The bytes of an SQLite file that holds no table (a table created and dropped)."""
    path = folder / "one-page.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_only_a_lock_makes_the_review_wait() -> None:
    from db.errors import DatabaseLocked
    from db.store import is_lock

    assert is_lock(DatabaseLocked("/srv/h.db is locked by another process"))
    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorcode = sqlite3.SQLITE_BUSY  # type: ignore[attr-defined]
    assert is_lock(busy)
    # a path that happens to say "busy" or "locked" is no lock
    assert not is_lock(StoreError("/home/busy/unlocked/h.db cannot be written: read-only"))


def test_a_database_a_run_claimed_is_removed_only_while_it_holds_no_articles(
    tmp_path: Path,
) -> None:
    from db.database_files import claim_new_database, remove_new_database

    fresh = tmp_path / "fresh.db"
    assert claim_new_database(fresh) and not claim_new_database(fresh)
    remove_new_database(fresh)
    assert not fresh.exists()
    assert claim_new_database(fresh)
    assert run_cli(fresh, "import", str(SEEDS)).exit_code == 0  # another run filled it
    remove_new_database(fresh)
    assert fresh.exists()
