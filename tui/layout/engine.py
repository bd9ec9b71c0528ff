"""Laying out one paragraph: sanitise, shape, resolve bidi levels, wrap, reorder.

`ParagraphLayout(text)` does the width-independent work once (sanitising,
shaping, bidi levels, grouping characters into clusters: a letter with its
marks) and `lines(width)` wraps and reorders for a given width, cached per
width, so a resize only re-wraps. Every cell of every line knows the range of
source offsets it stands for, so that highlights given as source ranges light
exactly the right cells.

Modes: "app" shapes and reorders (for terminals that do neither); "logical"
keeps the text in logical order and unshaped (for terminals that do their
own bidi, and for "off").
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import NamedTuple

from rich.cells import cell_len

from tui.layout.bidi import resolve_levels, visual_order
from tui.layout.sanitize import sanitize
from tui.layout.shaping import shape, unshaped

APP = "app"
LOGICAL = "logical"


class Cell(NamedTuple):
    """One drawn unit: its text (a letter with its marks), width, and source range."""

    text: str
    width: int
    start: int
    end: int

    def overlaps(self, start: int, end: int) -> bool:
        """Whether this cell stands for any source offset in [start, end) (never if empty)."""
        return start < end and self.start < end and start < self.end


class Line(NamedTuple):
    """A displayed line: its cells from left to right, and its width in cells."""

    cells: tuple[Cell, ...]
    width: int
    start: int
    end: int

    @property
    def text(self) -> str:
        """The line as it is drawn, left to right."""
        return "".join(cell.text for cell in self.cells)


class _Cluster(NamedTuple):
    text: str
    width: int
    start: int
    end: int
    level: int
    space: bool


@lru_cache(maxsize=8192)
def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me") or char in "\u200d\u200c\ufe0e\ufe0f"


@lru_cache(maxsize=8192)
def _width(text: str) -> int:
    return cell_len(text)


_MIRRORED = {
    "(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<",
    "«": "»", "»": "«", "‹": "›", "›": "‹", "⁅": "⁆", "⁆": "⁅", "⁽": "⁾", "⁾": "⁽",
    "₍": "₎", "₎": "₍", "≤": "≥", "≥": "≤", "〈": "〉", "〉": "〈", "《": "》", "》": "《",
    "「": "」", "」": "「", "『": "』", "』": "『", "【": "】", "】": "【", "﴾": "﴿", "﴿": "﴾",
}  # fmt: skip


def _mirror(text: str) -> str:
    """L4: a mirrored glyph for brackets and quotes drawn right to left."""
    if text[0] not in _MIRRORED:
        return text
    return _MIRRORED[text[0]] + text[1:]


_SPACES = frozenset(chr(c) for c in range(0x2000, 0x200B)) | {"\u3000", "\u205f", "\u1680"}


class ParagraphLayout:
    """A paragraph prepared for display; `lines(width)` lays it out for a width."""

    def __init__(self, text: str, offset: int = 0, mode: str = APP) -> None:
        self.text = text
        self.offset = offset
        self.mode = mode
        self.clusters = self._clusters()
        self._widths: dict[int, tuple[Line, ...]] = {}

    def _clusters(self) -> list[_Cluster]:
        clean, clean_map = sanitize(self.text)
        shaped, spans = shape(clean) if self.mode == APP else unshaped(clean)
        levels = resolve_levels(shaped) if self.mode == APP else [1] * len(shaped)
        clusters: list[_Cluster] = []
        append, offset, n = clusters.append, self.offset, len(shaped)
        i = 0
        while i < n:
            j = i + 1
            while j < n and _is_mark(shaped[j]):
                j += 1
            if j == i + 1:  # most clusters are one character
                text = shaped[i]
                first, last = spans[i][0], spans[i][1] - 1
                space = text == " " or (text in _SPACES)
            else:
                text = shaped[i:j]
                first = min(spans[k][0] for k in range(i, j))
                last = max(spans[k][1] for k in range(i, j)) - 1
                space = False  # a space carrying marks is drawn
            append(
                _Cluster(
                    text, _width(text), clean_map[first] + offset, clean_map[last] + 1 + offset,
                    levels[i], space,
                )
            )  # fmt: skip
            i = j
        return clusters

    def lines(self, width: int) -> tuple[Line, ...]:
        """The paragraph's lines for a display width (at least 2 cells), cached per width."""
        width = max(2, width)  # a wide character needs two cells
        if width not in self._widths:
            if len(self._widths) > 8:
                self._widths.clear()
            self._widths[width] = tuple(self._layout(width))
        return self._widths[width]

    def _layout(self, width: int) -> list[Line]:
        lines = []
        for start, stop in _wrap(self.clusters, width):
            part = self.clusters[start:stop]
            while part and part[-1].space:
                part = part[:-1]  # white space where a line breaks is not drawn
            lines.append(self._line(part))
        return lines or [Line((), 0, self.offset, self.offset)]

    def _line(self, part: list[_Cluster]) -> Line:
        if self.mode == APP and part:
            order = visual_order([c.level for c in part], [c.space for c in part])
            cells = tuple(
                [
                    Cell(_mirror(c.text) if c.level & 1 else c.text, c.width, c.start, c.end)
                    for c in (part[i] for i in order)
                ]
            )
        else:
            cells = tuple([Cell(c.text, c.width, c.start, c.end) for c in part])
        start = min((c.start for c in cells), default=self.offset)
        end = max((c.end for c in cells), default=self.offset)
        return Line(cells, sum(c.width for c in cells), start, end)


def _wrap(clusters: list[_Cluster], width: int) -> list[tuple[int, int]]:
    """Break clusters into lines of at most `width` cells, at spaces where possible."""
    spans = []
    start = 0
    n = len(clusters)
    while start < n:
        used = 0
        end = start
        last_break = -1
        while end < n:
            cluster = clusters[end]
            if cluster.space:
                last_break = end
            if not cluster.space and used + cluster.width > width:
                break
            used += cluster.width
            end += 1
        if end >= n:
            spans.append((start, n))
            break
        if last_break > start:
            spans.append((start, last_break + 1))
            start = last_break + 1
        else:
            end = max(end, start + 1)  # a word longer than the line is cut
            spans.append((start, end))
            start = end
        while start < n and clusters[start].space:
            start += 1
            spans[-1] = (spans[-1][0], start)
    return spans


@lru_cache(maxsize=256)
def paragraph(text: str, offset: int = 0, mode: str = APP) -> ParagraphLayout:
    """A cached ParagraphLayout: the same paragraph is prepared once."""
    return ParagraphLayout(text, offset, mode)
