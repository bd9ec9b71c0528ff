"""Long commands show a progress bar on a terminal and stay quiet when piped."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
from pathlib import Path

import pytest

from tests.conftest import HADATH, ROOT


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    path = tmp_path / "batch.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(20_000):
            out.write(
                json.dumps({"text": f"خبر رقم {n} عن قصف في دير الزور."}, ensure_ascii=False) + "\n"
            )
    return path


def run_on_terminal(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run with stderr on a pseudo-terminal; return status, stdout and what the terminal got."""
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    screen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            screen += chunk
        elif process.poll() is not None:
            break
    stdout = process.stdout.read().decode() if process.stdout else ""
    os.close(leader)
    return process.wait(), stdout, screen.decode("utf-8", "replace")


def test_import_shows_a_bar_on_a_terminal(batch: Path, tmp_path: Path) -> None:
    status, stdout, screen = run_on_terminal(
        [*HADATH, "--db", "t.db", "import", str(batch)], tmp_path
    )
    assert status == 0, screen
    assert "importing" in screen and "━" in screen
    assert "imported 20000 articles" in stdout


def test_import_is_quiet_when_piped(batch: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [*HADATH, "--db", "p.db", "import", str(batch)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout.startswith("imported 20000 articles")
