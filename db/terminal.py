"""Making untrusted names safe to print on a terminal: file names, sources, extractor names.

A file named with an escape sequence would otherwise set the terminal's title
or worse when a message names it. `shown()` writes every character a
terminal could act on (C0 and C1 controls, DEL, escape sequences, bidi
embeddings, overrides and isolates, other format and unassigned characters)
as a Python-style escape, and keeps the joiners and directional marks that
Arabic text needs. Python's own repr() is not enough: it keeps U+202E and
other format characters as they are.
"""

from __future__ import annotations

import unicodedata

KEPT_FORMAT_CHARACTERS = frozenset("\u200c\u200d\u200e\u200f\u061c")
"""ZWNJ, ZWJ, LRM, RLM and ALM: part of how Arabic and Persian words are written."""


def _unsafe(char: str) -> bool:
    if char in KEPT_FORMAT_CHARACTERS or char == " ":
        return False
    return not char.isprintable() or unicodedata.category(char) == "Cf"


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def shown(text: str) -> str:
    """Return `text` with every character a terminal could act on written as an escape."""
    return "".join(_escape(char) if _unsafe(char) else char for char in text)
