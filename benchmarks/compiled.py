"""Build hadath's wheel with the extractor compiled by mypyc, and unpack it to run from.

Run: uv run python benchmarks/compiled.py FOLDER

prints the folder to put first on PYTHONPATH (FOLDER/site): there `import extract` is the
compiled extractor, and `db` and `tui` are as in the wheel. A release wheel is built the
same way (`HATCH_BUILD_HOOK_ENABLE_MYPYC=1 uv build --wheel`); this script builds in the
running environment instead (hatchling, hatch-mypyc, setuptools and mypy come with the
project's `build` and `dev` dependency groups), so it reaches no registry, and from a copy
of the sources, so it leaves nothing in the checkout. It takes about two minutes of one core.

Used by `benchmarks/bench_extract.py --compiled` and tests/test_compiled.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("extract", "db", "tui", "seeds", "pyproject.toml", "README.md", "LICENSE")
"""What the wheel is built from (pyproject.toml's wheel target and its metadata)."""


def build_compiled(folder: Path) -> Path:
    """Build the compiled wheel under `folder` and unpack it; return the unpacked folder.

    Raises subprocess.CalledProcessError, with the build's output, when the build fails.
    """
    source, dist, site = folder / "src", folder / "dist", folder / "site"
    for path in (source, dist, site):
        shutil.rmtree(path, ignore_errors=True)
    source.mkdir(parents=True)
    skip = shutil.ignore_patterns("__pycache__", "*.so", "*.pyc")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=skip)
        else:
            shutil.copy2(ROOT / name, source / name)
    build = "import sys, hatchling.build as b; print(b.build_wheel(sys.argv[1]))"
    subprocess.run(
        [sys.executable, "-c", build, str(dist)],
        cwd=source,
        env={**os.environ, "HATCH_BUILD_HOOK_ENABLE_MYPYC": "1"},
        check=True,
        capture_output=True,
        text=True,
    )
    (wheel,) = dist.glob("hadath-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def main() -> None:
    """Build into the folder given as the argument and print where it unpacked."""
    if len(sys.argv) != 2:
        sys.exit("usage: python benchmarks/compiled.py FOLDER")
    try:
        print(build_compiled(Path(sys.argv[1]).resolve()))
    except subprocess.CalledProcessError as error:
        sys.exit(f"the compiled build failed:\n{error.stdout}{error.stderr}")


if __name__ == "__main__":
    main()
