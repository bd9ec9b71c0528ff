"""Exported text that can drive neither a terminal nor a spreadsheet.

Article text is untrusted, and an export may be written to a terminal. The
characters a terminal or a text viewer acts on are: C0 controls other than
TAB, LF and CR (ESC starts every escape sequence), DEL, C1 controls
(U+0080-U+009F: CSI, OSC, DCS in their 8-bit forms), and the bidi
embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069), which
reorder whatever follows them. LRM, RLM, ALM, ZWJ and ZWNJ are kept: Arabic
text needs them. CSV writes each of those characters as a space; JSONL as a
`\\uXXXX` escape, so the parsed text is unchanged.

The passes work on encoded UTF-8 batches of many rows, where a byte search
finds the few lead bytes involved (0x7F, 0xC2 for C1, 0xE2 for the bidi
controls) at memory speed: exporting a million events must stay under ten
seconds.

A spreadsheet runs a cell starting with `=`, `+`, `-` or `@` as a formula
(TAB and CR are treated the same way by some); `FormulaGuard` prefixes
such text cells with `'`, OWASP's rule for CSV injection.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from typing import Any

UNSAFE_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""One character a terminal or a bidi-aware viewer would act on."""

FORMULA_STARTS = frozenset("=+-@\t\r")
"""First characters that make a spreadsheet read a cell as a formula."""

_BLANKS = " \x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
"""Spaces, and the controls CSV writes as spaces: a spreadsheet that trims a cell
would see a formula start after them, so the guard looks past them."""
_FORMULA_CELL = re.compile(f"[{_BLANKS}]*[=+\\-@\t\r]")

_C0_BYTES = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0E, 0x20))
_C0_OR_DEL = re.compile(b"[" + re.escape(_C0_BYTES) + b"\x7f]")
_C1 = re.compile(rb"\xc2[\x80-\x9f]")
_BIDI = re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")
_SUSPECTS = _C0_BYTES + b"\x7f\xc2\xe2"
_INNOCENT = bytes(byte for byte in range(256) if byte not in _SUSPECTS)

_UNSAFE_CHARACTERS = [
    *map(chr, _C0_BYTES),
    "\x7f",
    *map(chr, range(0x80, 0xA0)),
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
]
_JSON_ESCAPES = {c.encode(): f"\\u{ord(c):04x}".encode() for c in _UNSAFE_CHARACTERS}

Replace = Callable[["re.Match[bytes]"], bytes]


def blank_unsafe(text: str) -> str:
    """Return `text` with every character of UNSAFE_TEXT replaced by a space."""
    return UNSAFE_TEXT.sub(" ", text)


def _replace_unsafe(data: bytes, replace: Replace | bytes, *, c0: bool) -> bytes:
    if c0:
        suspects = data.translate(None, _INNOCENT)
        if not suspects:
            return data
        if suspects.translate(None, b"\xc2\xe2"):
            data = _C0_OR_DEL.sub(replace, data)
    elif b"\x7f" in data:
        data = data.replace(b"\x7f", b"\\u007f")
    if b"\xc2" in data:
        data = _C1.sub(replace, data)
    if b"\xe2" in data:
        data = _BIDI.sub(replace, data)
    return data


def blank_unsafe_utf8(data: bytes) -> bytes:
    """CSV: replace every UNSAFE_TEXT character in UTF-8 `data` by a space (0x20)."""
    return _replace_unsafe(data, b" ", c0=True)


def _json_escape(match: re.Match[bytes]) -> bytes:
    return _JSON_ESCAPES[match.group()]


def escape_unsafe_json(data: bytes) -> bytes:
    """JSON: write DEL, C1 and the bidi controls in UTF-8 JSON `data` as `\\uXXXX` escapes.

    C0 controls are left to the JSON encoder, which escapes them already (the
    line ends of JSON Lines are C0 too). Outside strings none of these
    characters can occur in valid JSON, so the parsed values are unchanged.
    """
    return _replace_unsafe(data, _json_escape, c0=False)


class FormulaGuard:
    """Prefixes `'` to the text cells of a row that a spreadsheet would run as formulas.

    One check per row finds the rare row that needs it: the row's text cells
    joined after NUL separators, searched for a separator followed by a
    formula start (a NUL inside a cell can only cause a needless per-cell look).
    """

    _AFTER_SEPARATOR = re.compile(f"\x00[{_BLANKS}]*[=+\\-@\t\r]")

    def __init__(self, text_columns: Sequence[int]) -> None:
        """Guard the cells at these positions of every row (each holds a str)."""
        columns = self._columns = tuple(text_columns)
        self._cells: Callable[[list[Any]], tuple[str, ...]] = (
            operator.itemgetter(*columns)
            if len(columns) > 1
            else lambda row: tuple(row[index] for index in columns)
        )

    def __call__(self, row: list[Any]) -> None:
        """Neutralise `row`'s formula cells in place."""
        if not self._AFTER_SEPARATOR.search("\x00" + "\x00".join(self._cells(row))):
            return
        for index in self._columns:
            value = row[index]
            if _FORMULA_CELL.match(value):
                row[index] = "'" + value
