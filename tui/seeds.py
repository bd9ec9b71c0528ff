"""Where the five sample articles are: inside the installed package, or in a checkout."""

from __future__ import annotations

from pathlib import Path


def seeds_dir() -> Path:
    """Return the folder holding the seed articles (shipped in the wheel as tui/seeds)."""
    packaged = Path(__file__).resolve().parent / "seeds"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "seeds"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("the seed articles are missing from this installation")
