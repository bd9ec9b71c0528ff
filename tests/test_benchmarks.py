"""The benchmark scripts run: anyone can measure with them (their figures are not checked here).

Each runs on a small corpus in a subprocess, as a person would run it, and
must print its table; speed is measured by running them, never by a test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

RUNS = {
    "bench_store.py": ["--quick"],
    "bench_review.py": [
        "--articles",
        "300",
        "--presses",
        "2",
        "--steps",
        "db,startup",
        "--late",
        "0",
    ],
    "bench_layout.py": ["--passes", "1"],
    "bench_extract.py": ["--articles", "20", "--db-articles", "30"],
    "bench_gazetteer.py": ["--repeat", "2"],
    "bench_incidents.py": ["--sizes", "2000", "--workdir", "benchmarks/out/incidents-test"],
}


@pytest.mark.parametrize("script", sorted(RUNS))
def test_the_benchmark_runs_and_prints_its_table(script: str) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *RUNS[script]],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert done.stdout.strip()


def _store_rows(path: str) -> dict[str, dict[str, object]]:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_store.py"), "--quick", "--json"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PATH": path},
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return {row["step"]: row for row in json.loads(done.stdout)}


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="no sqlite3 shell on this machine")
def test_the_store_benchmark_sets_each_step_against_its_baseline_in_one_run() -> None:
    rows = _store_rows(os.environ["PATH"])
    assert list(rows) == [
        "import-plain",
        "import",
        "fixtures",
        "export-sqlite3",
        "export-jsonl",
        "export-csv",
    ]
    for step, baseline in (
        ("import", "import-plain"),
        ("export-jsonl", "export-sqlite3"),
        ("export-csv", "export-sqlite3"),
    ):
        seconds = rows[step]["seconds"] / rows[baseline]["seconds"]  # type: ignore[operator]
        assert rows[step]["ratio"] == pytest.approx(seconds, abs=0.01)
        assert rows[step]["meets_ratio"] is (
            rows[step]["ratio"] <= (1.2 if step == "import" else 2.0)
        )  # type: ignore[operator]
    assert rows["export-sqlite3"]["events"] == rows["export-csv"]["events"] == 10_000


def test_without_a_sqlite3_shell_the_export_ratios_are_left_out(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(sys.executable)
    rows = _store_rows(str(bin_dir))
    assert "export-sqlite3" not in rows
    assert rows["export-csv"]["ratio"] is None and rows["import"]["ratio"] is not None
