"""Starting one of hadath's modules as a process of its own, with the packages this one uses.

A background job that is pure Python (building export chunks, folding
articles for search) runs in its own interpreter so that it never holds the
GIL the review app or the exporter needs. The command is
`python -P -m MODULE ARGS`: `-P` keeps the current folder off the import path
(no db.py lying there is imported), and PYTHONPATH starts with the folder
hadath's packages were imported from, so the child finds them where the
parent did.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def import_path() -> str:
    """PYTHONPATH for a child: the folder hadath's packages were imported from, first."""
    root = str(Path(__file__).resolve().parent.parent)
    inherited = os.environ.get("PYTHONPATH")
    return root if not inherited else os.pathsep.join([root, inherited])


def module_command(module: str, *args: str) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that run `python -m module args` as described above."""
    return [sys.executable, "-P", "-m", module, *args], {**os.environ, "PYTHONPATH": import_path()}
