"""Where the five sample articles are (inside the installed package, or in a checkout), and
when each was published (`metadata.json` beside them)."""

from __future__ import annotations

import json
from pathlib import Path

from db.articles import FileDefaults, ImportDefaults

METADATA = "metadata.json"
"""The seeds' publication dates and sources, by file name (not .jsonl: a folder import
would read that as articles)."""


def seeds_dir() -> Path:
    """Return the folder holding the seed articles (shipped in the wheel as tui/seeds)."""
    packaged = Path(__file__).resolve().parent / "seeds"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "seeds"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("the seed articles are missing from this installation")


def seed_defaults(folder: Path) -> FileDefaults:
    """Each seed file's publication date and source, from the folder's metadata.json.

    A file the metadata does not list (or a folder without it) gets none.
    """
    path = folder / METADATA
    known: dict[str, ImportDefaults] = {}
    if path.is_file():
        listed = json.loads(path.read_text(encoding="utf-8"))["articles"]
        known = {
            name: ImportDefaults(source=entry.get("source"), published=entry.get("published"))
            for name, entry in listed.items()
        }
    return lambda file: known.get(file.name, ImportDefaults())
