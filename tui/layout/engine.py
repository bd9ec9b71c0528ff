"""Laying out one paragraph: sanitise, shape, resolve bidi levels, wrap, reorder.

`ParagraphLayout(text)` does the width-independent work once (sanitising,
shaping, bidi levels, grouping characters into clusters: a letter with its
marks) and `lines(width)` wraps and reorders for a given width, cached per
width, so a resize only re-wraps. Every cell of every line knows the range of
source offsets it stands for, so that highlights given as source ranges light
exactly the right cells.

A `Line` orders its clusters for display only when first drawn, and keeps
that order, its drawn text and (when asked for) its cells; `Line.runs` splits
the drawn text by the highlight spans each cell overlaps, so a view colours a
line by runs rather than cell by cell.

Modes: "app" shapes and reorders (for terminals that do neither); "logical"
keeps the text in logical order and unshaped (for terminals that do their
own bidi, and for "off").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Final, NamedTuple

from rich.cells import cell_len

from tui.layout.bidi import resolve_levels, visual_order
from tui.layout.modes import EngineMode
from tui.layout.sanitize import sanitize
from tui.layout.shaping import _shape_word, shape_words, unshaped

APP: Final = "app"
LOGICAL: Final = "logical"


class Cell(NamedTuple):
    """One drawn unit: its text (a letter with its marks), width, and source range."""

    text: str
    width: int
    start: int
    end: int

    def overlaps(self, start: int, end: int) -> bool:
        """Whether this cell stands for any source offset in [start, end) (never if empty)."""
        return start < end and self.start < end and start < self.end


class Line:
    """A displayed line: its cells from left to right, its width, and its source range.

    The line's visual order is worked out when first needed, so that laying
    out a long article only orders the lines that are drawn; the drawn text
    (`text`) and the cells (`cells`) are each built once from it.
    """

    __slots__ = ("_cells", "_first", "_layout", "_order", "_stop", "_text", "end", "start",
                 "width")  # fmt: skip

    def __init__(
        self, layout: ParagraphLayout | None, first: int, stop: int, width: int, start: int,
        end: int, cells: tuple[Cell, ...] | None = None,
    ) -> None:  # fmt: skip
        self._layout, self._first, self._stop = layout, first, stop
        self.width, self.start, self.end = width, start, end
        self._cells = cells
        self._order: list[int] | None = None
        self._text: str | None = None

    def _visual(self) -> list[int]:
        """The paragraph's cluster indices of this line, left to right (computed once)."""
        if self._order is None:
            assert self._layout is not None
            self._order = self._layout.visual(self._first, self._stop)
        return self._order

    @property
    def cells(self) -> tuple[Cell, ...]:
        """The line's cells, left to right."""
        if self._cells is None:
            assert self._layout is not None
            self._cells = self._layout.cells_of(self._visual())
        return self._cells

    @property
    def text(self) -> str:
        """The line as it is drawn, left to right (computed once)."""
        if self._text is None:
            if self._cells is not None:
                self._text = "".join([cell.text for cell in self._cells])
            else:
                assert self._layout is not None
                self._text = self._layout.text_of(self._visual())
        return self._text

    @property
    def ordered(self) -> bool:
        """Whether the line's visual order has been worked out (it is, once drawn)."""
        return self._cells is not None or self._order is not None

    def runs(self, spans: Sequence[tuple[int, int]]) -> list[tuple[str, int]]:
        """The drawn text in runs of cells that overlap the same spans, left to right.

        Each run is its text and a mask: bit k is set when the run's cells
        overlap `spans[k]`, a cell standing for source range [s, e) overlapping
        span (a, b) when s < b and a < e. Adjacent runs have different masks;
        a line with no cells gives no runs. A span that covers the whole line
        is settled without looking at the cells.
        """
        if self._cells is not None and not self._cells:
            return []
        start, end = self.start, self.end
        whole = 0
        partial: list[tuple[int, int, int]] = []
        for bit, (a, b) in enumerate(spans):
            if a <= start and end <= b:
                whole |= 1 << bit
            elif start < b and a < end:
                partial.append((1 << bit, a, b))
        if not partial:
            return [(self.text, whole)]
        runs: list[tuple[str, int]] = []
        texts: list[str] = []
        mask = -1
        for cell in self.cells:
            cell_start, cell_end = cell.start, cell.end
            cell_mask = whole
            for flag, a, b in partial:
                if cell_start < b and a < cell_end:
                    cell_mask |= flag
            if cell_mask != mask:
                if texts:
                    runs.append(("".join(texts), mask))
                texts = []
                mask = cell_mask
            texts.append(cell.text)
        if texts:
            runs.append(("".join(texts), mask))
        return runs

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Line):
            return NotImplemented
        return (self.cells, self.width, self.start, self.end) == (
            other.cells, other.width, other.start, other.end,
        )  # fmt: skip

    def __hash__(self) -> int:
        return hash((self.cells, self.width, self.start, self.end))

    def __repr__(self) -> str:
        return f"Line({self.text!r}, width={self.width}, start={self.start}, end={self.end})"


@lru_cache(maxsize=8192)
def _is_mark(char: str) -> bool:
    """Whether `char` belongs to the cluster before it (a grapheme cluster's extension)."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or char in "\u200d\u200c\ufe0e\ufe0f"
        or 0x1F3FB <= code <= 0x1F3FF  # emoji skin tones
        or 0xE0020 <= code <= 0xE007F  # emoji tag sequences (subdivision flags)
    )


def _regional(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


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


_MIRRORED_CHARS = frozenset(_MIRRORED)
_new_cell = tuple.__new__

_SPACES = frozenset(chr(c) for c in range(0x2000, 0x200B)) | {"\u3000", "\u205f", "\u1680"}


class _Word(NamedTuple):
    """A shaped word's clusters as columns (indices relative to the word)."""

    drawn: str
    texts: tuple[str, ...]
    widths: tuple[int, ...]
    firsts: tuple[int, ...]
    lasts: tuple[int, ...]
    at: tuple[int, ...]
    spaces: tuple[bool, ...]


@lru_cache(maxsize=65536)
def _word_clusters(word: str, mode: EngineMode) -> _Word:
    """Shape a space-free word and group it into clusters (a letter with its marks).

    For each cluster: its text, width, first and last source index, the
    index of its first shaped character, and whether it is white space; all
    relative to the word. Cached per word: a long article repeats its words.
    """
    drawn, spans = _shape_word(word) if mode == APP else unshaped(word)
    texts, widths, firsts, lasts, at, spaces = [], [], [], [], [], []
    i, n = 0, len(drawn)
    while i < n:
        j = i + 1
        if j < n and _regional(drawn[i]) and _regional(drawn[j]):
            j += 1  # two regional indicators are one flag
        # marks extend a cluster, and an emoji joiner takes the next picture in too
        while j < n and (_is_mark(drawn[j]) or drawn[j - 1] == "\u200d"):
            j += 1
        if j == i + 1:
            text, first, last = drawn[i], spans[i][0], spans[i][1] - 1
        else:
            text = drawn[i:j]
            first = min(spans[k][0] for k in range(i, j))
            last = max(spans[k][1] for k in range(i, j)) - 1
        texts.append(text)
        widths.append(_width(text))
        firsts.append(first)
        lasts.append(last)
        at.append(i)
        spaces.append(j == i + 1 and text in _SPACES)
        i = j
    return _Word(
        drawn, tuple(texts), tuple(widths), tuple(firsts), tuple(lasts), tuple(at), tuple(spaces)
    )


class ParagraphLayout:
    """A paragraph prepared for display; `lines(width)` lays it out for a width."""

    def __init__(self, text: str, offset: int = 0, mode: EngineMode = APP) -> None:
        self.text = text
        self.offset = offset
        self.mode = mode
        self._prepare()
        self._widths: dict[int, tuple[Line, ...]] = {}

    def _prepare(self) -> None:
        """The width-independent work: sanitise, shape, resolve levels, make clusters.

        Clusters are kept in parallel lists (text, width, source start and
        end, bidi level, white space) rather than one object each.
        """
        clean, clean_map = sanitize(self.text)
        texts: list[str] = []
        widths: list[int] = []
        firsts: list[int] = []
        lasts: list[int] = []
        shaped_at: list[int] = []
        spaces: list[bool] = []
        shaped_words = []
        clean_pos = shaped_pos = 0
        words = clean.split(" ")
        if self.mode == APP:
            shape_words(words)
        for k, word in enumerate(words):
            if k:  # the space before this word
                texts.append(" ")
                widths.append(1)
                firsts.append(clean_pos - 1)
                lasts.append(clean_pos - 1)
                shaped_at.append(shaped_pos - 1)
                spaces.append(True)
            shaped = _word_clusters(word, self.mode)
            texts.extend(shaped.texts)
            widths.extend(shaped.widths)
            spaces.extend(shaped.spaces)
            if clean_pos:
                firsts.extend([clean_pos + i for i in shaped.firsts])
                lasts.extend([clean_pos + i for i in shaped.lasts])
                shaped_at.extend([shaped_pos + i for i in shaped.at])
            else:
                firsts.extend(shaped.firsts)
                lasts.extend(shaped.lasts)
                shaped_at.extend(shaped.at)
            shaped_words.append(shaped.drawn)
            clean_pos += len(word) + 1
            shaped_pos += len(shaped.drawn) + 1
        if self.mode == APP:
            levels = resolve_levels(" ".join(shaped_words))
            self.levels = [levels[i] for i in shaped_at]
        else:
            self.levels = [1] * len(texts)
        offset = self.offset
        self._may_mirror = self.mode == APP and not _MIRRORED_CHARS.isdisjoint(clean)
        self.texts, self.widths, self.spaces = texts, widths, spaces
        self.starts = [clean_map[i] + offset for i in firsts]
        self.ends = [clean_map[i] + 1 + offset for i in lasts]

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
        spaces, widths, starts, ends = self.spaces, self.widths, self.starts, self.ends
        for first, stop in _wrap(widths, spaces, width):
            while stop > first and spaces[stop - 1]:
                stop -= 1  # white space where a line breaks is not drawn
            if stop > first:
                lines.append(
                    Line(self, first, stop, sum(widths[first:stop]), min(starts[first:stop]),
                         max(ends[first:stop]))
                )  # fmt: skip
            else:
                lines.append(Line(self, first, first, 0, self.offset, self.offset, ()))
        return lines or [Line(None, 0, 0, 0, self.offset, self.offset, ())]

    def visual(self, first: int, stop: int) -> list[int]:
        """The indices of clusters [first, stop) in display order, left to right (L1-L2)."""
        if self.mode != APP:
            return list(range(first, stop))
        levels = self.levels
        line = levels[first:stop]
        if line and min(line) == max(line) == 1:  # all right to left, as most Arabic lines are
            return list(range(stop - 1, first - 1, -1))
        return [first + k for k in visual_order(line, self.spaces[first:stop])]

    def _drawn(self, index: int) -> str:
        """A cluster's text as drawn: mirrored (L4) when it is on a right-to-left level."""
        text = self.texts[index]
        return _mirror(text) if self.levels[index] & 1 else text

    def text_of(self, order: list[int]) -> str:
        """The drawn text of the clusters `order` (indices, left to right), mirrored (L4)."""
        texts = self.texts
        text = "".join([texts[i] for i in order])
        if not self._may_mirror or _MIRRORED_CHARS.isdisjoint(text):
            return text
        drawn = self._drawn
        return "".join([drawn(i) for i in order])

    def cells_of(self, order: list[int]) -> tuple[Cell, ...]:
        """The cells of the clusters `order` (indices, left to right), mirrored (L4)."""
        texts, widths, starts, ends = self.texts, self.widths, self.starts, self.ends
        if self._may_mirror:
            drawn = self._drawn
            return tuple([_new_cell(Cell, (drawn(i), widths[i], starts[i], ends[i]))
                          for i in order])  # fmt: skip
        return tuple([_new_cell(Cell, (texts[i], widths[i], starts[i], ends[i])) for i in order])


def _wrap(widths: list[int], spaces: list[bool], width: int) -> list[tuple[int, int]]:
    """Break clusters into lines of at most `width` cells, at spaces where possible."""
    spans = []
    start = 0
    n = len(widths)
    while start < n:
        used = 0
        end = start
        last_break = -1
        while end < n:
            if spaces[end]:
                last_break = end
            elif used + widths[end] > width:
                break
            used += widths[end]
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
        while start < n and spaces[start]:
            start += 1
            spans[-1] = (spans[-1][0], start)
    return spans


@lru_cache(maxsize=256)
def paragraph(text: str, offset: int = 0, mode: EngineMode = APP) -> ParagraphLayout:
    """A cached ParagraphLayout: the same paragraph is prepared once."""
    return ParagraphLayout(text, offset, mode)
