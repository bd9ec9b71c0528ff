"""Making untrusted article text safe to draw, keeping a map to the original offsets.

Removes terminal escape sequences (CSI, OSC, DCS and the other string
sequences, and two-character ESC sequences), C0 and C1 control characters,
DEL, and the bidi embedding, override and isolate controls (they would
unbalance the layout and, in a terminal that does its own bidi, change how
later text is shown). Tabs and Unicode line or paragraph separators become
spaces. Hand-written: no library strips escape sequences while keeping an
offset map.
"""

from __future__ import annotations

import re

# ESC [ ... final byte; ESC ] ... (BEL | ESC \\); ESC P/X/^/_ ... ST; ESC + one char.
# A string sequence without its terminator loses only its introducer: the text
# after it stays visible rather than hiding the rest of the paragraph.
_ESCAPE = re.compile(
    r"\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[\x20-\x7e]?"
    r"|\x9b[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
)
_DROP = frozenset(
    [chr(c) for c in range(0x00, 0x20) if chr(c) not in "\t"]
    + [chr(0x7F)]
    + [chr(c) for c in range(0x80, 0xA0)]
    + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
_AS_SPACE = frozenset("\t\u2028\u2029\u0085")


# Any character `sanitize` would drop or replace (kept in step with _DROP and _AS_SPACE).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def sanitize(text: str) -> tuple[str, list[int]]:
    """Return the drawable text and, for each of its characters, its index in `text`."""
    if _UNSAFE.search(text) is None:  # the usual case: nothing to remove
        return text, list(range(len(text)))
    kept: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in _ESCAPE.finditer(text):
        _keep(text, position, match.start(), kept, offsets)
        position = match.end()
    _keep(text, position, len(text), kept, offsets)
    return "".join(kept), offsets


def _keep(text: str, start: int, end: int, kept: list[str], offsets: list[int]) -> None:
    for index in range(start, end):
        char = text[index]
        if char in _AS_SPACE:
            kept.append(" ")
            offsets.append(index)
        elif char not in _DROP and not ("\ud800" <= char <= "\udfff"):
            kept.append(char)
            offsets.append(index)
