"""The distribution: the wheel carries the seed articles, and `hadath demo` works from it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, run_cli


def uv_command() -> list[str]:
    """The uv that runs this test session (uv sets $UV), else uv on PATH, else python -m uv."""
    if os.environ.get("UV"):
        return [os.environ["UV"]]
    if shutil.which("uv"):
        return ["uv"]
    return [sys.executable, "-m", "uv"]


def test_demo_builds_the_demo_database_and_keeps_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    first = run_cli(tmp_path / "unused.db", "demo", "--no-review")
    assert first.exit_code == 0, first.output
    assert "built hadath-demo.db: 5 articles" in first.stdout
    again = run_cli(tmp_path / "unused.db", "demo", "--no-review")
    assert "kept hadath-demo.db: 5 articles (0 added" in again.stdout
    assert not (tmp_path / "unused.db").exists()
    stats = run_cli(tmp_path / "hadath-demo.db", "stats", "--json")
    assert '"articles": 5' in stats.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    subprocess.run(
        [*uv_command(), "build", "--wheel", "--out-dir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        env=env,
    )
    (built,) = out.glob("hadath-*.whl")
    return built


def test_wheel_ships_the_seeds_and_the_three_packages(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    seeds = sorted(n for n in names if n.startswith("tui/seeds/"))
    shipped = [*sorted(SEEDS.glob("*.txt")), SEEDS / "metadata.json"]
    assert seeds == sorted(f"tui/seeds/{p.name}" for p in shipped)
    for module in ("tui/cli.py", "db/store.py", "extract/record.py"):
        assert module in names
    assert not [n for n in names if n.startswith("tests/")]
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "hadath = tui.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_demo_runs_from_the_installed_wheel(wheel: Path, tmp_path: Path) -> None:
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    env.pop("VIRTUAL_ENV", None)
    venv = tmp_path / "venv"
    subprocess.run(
        [*uv_command(), "venv", "--quiet", "--python", sys.executable, str(venv)],
        check=True,
        env=env,
    )
    subprocess.run(
        [
            *uv_command(),
            "pip",
            "install",
            "--quiet",
            "--python",
            str(venv / "bin" / "python"),
            str(wheel),
        ],
        check=True,
        env=env,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    result = subprocess.run(
        [str(venv / "bin" / "hadath"), "demo", "--no-review"],
        cwd=work,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "built hadath-demo.db: 5 articles" in result.stdout
    assert (work / "hadath-demo.db").exists()
    with sqlite3.connect(work / "hadath-demo.db") as conn:
        dates = {row[0] for row in conn.execute("SELECT published FROM articles")}
    assert dates == {"2024-11-13", "2023-10-27", "2022-08-25", "2023-03-24"}
