"""`hadath import` of folders and pipes: links followed, unreadable entries named, pipes read."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from db.articles import import_size
from db.store import open_store
from tests.conftest import HADATH, ROOT, run_cli, snapshot
from tests.refusals import assert_refused, feeding, hadath_obeying_modes, require_file_modes


def texts(db_path: Path) -> list[str]:
    with open_store(db_path) as store:
        return sorted(row["text"] for row in store.db.query("SELECT text FROM articles"))


def article_folder(tmp_path: Path) -> Path:
    """A folder with one article at the top and one in a sub-folder."""
    folder = tmp_path / "batch"
    (folder / "day1").mkdir(parents=True)
    (folder / "top.txt").write_text("خبر أعلى", "utf-8")
    (folder / "day1" / "a.txt").write_text("خبر أ", "utf-8")
    return folder


def test_a_symlinked_sub_folder_is_followed(db_path: Path, tmp_path: Path) -> None:
    folder = article_folder(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text("خبر ب", "utf-8")
    (folder / "linked").symlink_to(elsewhere, target_is_directory=True)
    result = run_cli(db_path, "import", str(folder))
    assert result.exit_code == 0, result.output
    assert "imported 3 articles (0 already present) from 3 files" in result.stdout
    assert texts(db_path) == ["خبر أ", "خبر أعلى", "خبر ب"]


def test_a_symlink_loop_is_walked_once(db_path: Path, tmp_path: Path) -> None:
    folder = article_folder(tmp_path)
    (folder / "day1" / "up").symlink_to(folder, target_is_directory=True)
    (folder / "day1" / "self").symlink_to(".", target_is_directory=True)
    result = run_cli(db_path, "import", str(folder))
    assert result.exit_code == 0, result.output
    assert "imported 2 articles (0 already present) from 2 files" in result.stdout


def test_the_folder_named_may_itself_be_a_symlink(db_path: Path, tmp_path: Path) -> None:
    folder = article_folder(tmp_path)
    link = tmp_path / "link"
    link.symlink_to(folder, target_is_directory=True)
    result = run_cli(db_path, "import", str(link))
    assert result.exit_code == 0, result.output
    assert texts(db_path) == ["خبر أ", "خبر أعلى"]


def test_a_broken_symlink_in_a_folder_is_named(db_path: Path, tmp_path: Path) -> None:
    folder = article_folder(tmp_path)
    (folder / "day2").symlink_to(tmp_path / "gone")
    result = run_cli(db_path, "import", str(folder))
    assert_refused(result, f"{folder / 'day2'}: a symbolic link to {tmp_path / 'gone'}, which")
    assert not db_path.exists()  # a refused first import leaves no database behind


def test_a_broken_link_no_article_could_be_is_passed_over(db_path: Path, tmp_path: Path) -> None:
    folder = article_folder(tmp_path)
    (folder / ".#notes.md").symlink_to(tmp_path / "an-editor-lock")  # as Emacs leaves them
    result = run_cli(db_path, "import", str(folder))
    assert result.exit_code == 0, result.output
    assert texts(db_path) == ["خبر أ", "خبر أعلى"]


def test_a_symlink_to_itself_is_named(db_path: Path, tmp_path: Path) -> None:
    # Unreadable for every user, root included: opening it fails with ELOOP.
    folder = article_folder(tmp_path)
    (folder / "day1" / "loop.txt").symlink_to("loop.txt")
    result = run_cli(db_path, "import", str(folder))
    assert_refused(result, f"{folder / 'day1' / 'loop.txt'}: cannot be read (")
    assert not db_path.exists()  # a refused first import leaves no database behind


def test_a_folder_that_cannot_be_listed_is_named(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulated, so that the test means the same as root (whom chmod 000 does not stop).
    folder = article_folder(tmp_path)
    locked = folder / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run_cli(db_path, "import", str(folder))
    assert_refused(result, f"{locked}: the folder cannot be read (Permission denied)")


def test_a_folder_without_read_permission_is_named(db_path: Path, tmp_path: Path) -> None:
    require_file_modes(tmp_path)
    folder = article_folder(tmp_path)
    locked = folder / "locked"
    locked.mkdir()
    (locked / "c.txt").write_text("خبر ج", "utf-8")
    locked.chmod(0)
    try:
        result = hadath_obeying_modes(["--db", str(db_path), "import", str(folder)], tmp_path)
    finally:
        locked.chmod(0o755)
    assert_refused(result, f"{locked}: the folder cannot be read (Permission denied)")
    assert not db_path.exists()


def test_a_fifo_with_an_article_suffix_in_a_folder_is_refused(
    db_path: Path, tmp_path: Path
) -> None:
    folder = article_folder(tmp_path)
    os.mkfifo(folder / "feed.jsonl")
    result = run_cli(db_path, "import", str(folder))
    assert_refused(result, f"{folder / 'feed.jsonl'}: not a regular file")


def test_other_entries_without_an_article_suffix_are_ignored(db_path: Path, tmp_path: Path) -> None:
    folder = article_folder(tmp_path)
    os.mkfifo(folder / "control")
    (folder / "notes.md").write_text("ignored", "utf-8")
    result = run_cli(db_path, "import", str(folder))
    assert result.exit_code == 0, result.output
    assert texts(db_path) == ["خبر أ", "خبر أعلى"]


def test_a_named_pipe_is_read_once_as_jsonl(db_path: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "stream"
    os.mkfifo(fifo)
    lines = "".join(f'{{"text": "خبر {i}"}}\n' for i in range(5000)).encode()
    assert import_size([fifo]) is None  # unknown, and asking does not read it
    with feeding(fifo, lines):
        result = run_cli(db_path, "import", str(fifo))
    assert result.exit_code == 0, result.output
    assert "imported 5000 articles (0 already present) from 1 files" in result.stdout
    assert len(texts(db_path)) == 5000


def test_a_bad_line_in_a_named_pipe_is_refused(db_path: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "stream"
    os.mkfifo(fifo)
    with feeding(fifo, b'{"text": "ok"}\n{"text": 5}\n'):
        result = run_cli(db_path, "import", str(fifo))
    assert_refused(result, f"{fifo}, line 2: text is not a non-empty string")
    assert not db_path.exists()  # a refused first import leaves no database behind


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_process_substitution_works(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"text": "خبر أ"}\n{"text": "خبر ب"}\n', "utf-8")
    db_path = tmp_path / "hadath.db"
    script = 'exec "$@" --db "$DB" import <(cat "$BATCH")'
    env = {**os.environ, "DB": str(db_path), "BATCH": str(batch)}
    result = subprocess.run(
        ["bash", "-c", script, "bash", *HADATH],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "imported 2 articles (0 already present) from 1 files" in result.stdout
    assert texts(db_path) == ["خبر أ", "خبر ب"]


def test_a_socket_named_directly_is_refused(db_path: Path, tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s.jsonl"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        result = run_cli(db_path, "import", str(path))
    finally:
        server.close()
    assert_refused(result, f"{path}: not a regular file or a named pipe")


def test_refusals_leave_an_existing_database_as_it_was(db_path: Path, tmp_path: Path) -> None:
    folder = article_folder(tmp_path)
    assert run_cli(db_path, "import", str(folder)).exit_code == 0
    before = snapshot(db_path)
    (folder / "broken").symlink_to(tmp_path / "gone")
    (folder / "new.txt").write_text("خبر جديد", "utf-8")
    assert run_cli(db_path, "import", str(folder)).exit_code == 1
    assert snapshot(db_path) == before
