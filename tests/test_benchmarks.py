"""The benchmark scripts run: anyone can measure with them (their figures are not checked here).

Each runs on a small corpus in a subprocess, as a person would run it, and
must print its table; speed is measured by running them, never by a test.
"""

from __future__ import annotations

import os
import subprocess
import sys

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
    "bench_extract.py": ["--articles", "20"],
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
