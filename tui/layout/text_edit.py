"""Several paragraphs of editable text, wrapped and laid out right to left: a comment box's model.

The text is kept in logical order with `\n` between paragraphs, and the
caret is a logical index. Each paragraph is wrapped by the layout engine
(`tui.layout.engine`) at the box's width; each wrapped row is then one line
of `tui.layout.line_edit`, which draws it and places the caret on it, so a
row behaves exactly as the one-line input does:

- left and right move one cluster on screen; past the end of a row they go
  on to the row that reading continues on (the one below, for a row read
  right to left, when moving left);
- up and down go to the row above or below, to the gap nearest the column
  the caret was in when the reviewer started moving up or down;
- home and end go to the logical start and end of the paragraph, ctrl+home
  and ctrl+end to those of the text;
- backspace removes the code point before the caret (a whole emoji sequence
  or flag; the line break, at the start of a paragraph), delete the cluster
  after it (or the line break at the end of a paragraph);
- typed and pasted text is sanitised like article text, paragraph by
  paragraph (controls, escape sequences, bidi controls dropped);
- undo and redo step through the edits, typing of one word being one step.

A caret at the boundary between two wrapped rows of a paragraph is on the
lower row, at its start. In app mode a text with no right-to-left letter is
laid out logically (left to right, left-aligned), as the one-line input
leaves such a value to Textual's `Input`.

Written by hand because Textual's `TextArea` lays out logical text only, and
no library edits wrapped bidi text with a logical caret on a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from tui.layout.bidi import has_right_to_left
from tui.layout.engine import APP, LOGICAL, paragraph
from tui.layout.line_edit import Affinity, LineEdit, Visual, visual_line
from tui.layout.modes import EngineMode
from tui.layout.sanitize import sanitize

_Edit = Literal["type", "other"]


@dataclass(frozen=True)
class Row:
    """One wrapped row: its range of the text (trailing spaces in, the line break out)."""

    start: int
    end: int
    last: bool
    """Whether it is the last row of its paragraph (its end is the paragraph's end)."""
    visual: Visual


def clean_text(typed: str) -> str:
    """Typed or pasted text as the box keeps it: each paragraph sanitised, joined by `\\n`."""
    if typed in ("\n", "\r", "\r\n"):
        return "\n"
    paragraphs = typed.splitlines()
    if typed.endswith(("\n", "\r")):
        paragraphs.append("")
    return "\n".join(sanitize(line)[0] for line in paragraphs)


@lru_cache(maxsize=64)
def wrapped_rows(text: str, width: int, mode: EngineMode) -> tuple[Row, ...]:
    """The rows `text` wraps into at `width` cells, each laid out in `mode`."""
    rows: list[Row] = []
    offset = 0
    for para in text.split("\n"):
        starts = [line.start for line in paragraph(para, 0, mode).lines(width)]
        starts[0] = 0
        ends = [*starts[1:], len(para)]
        for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
            rows.append(
                Row(offset + start, offset + end, index == len(starts) - 1,
                    visual_line(para[start:end], mode))
            )  # fmt: skip
        offset += len(para) + 1
    return tuple(rows)


@dataclass
class TextEdit:
    """Editable paragraphs with a logical caret, wrapped at `width` (see the module docstring)."""

    text: str = ""
    caret: int = 0
    width: int = 40
    mode: EngineMode = APP
    affinity: Affinity = "before"
    _goal: int | None = None
    _undo: list[tuple[str, int]] = field(default_factory=list)
    _redo: list[tuple[str, int]] = field(default_factory=list)
    _last_edit: _Edit | None = None

    def __post_init__(self) -> None:
        """Clean the text and keep the caret inside it."""
        self.text = clean_text(self.text)
        self.caret = min(max(0, self.caret), len(self.text))

    # -- layout -------------------------------------------------------------------------

    @property
    def laid_out_mode(self) -> EngineMode:
        """The engine mode the rows are laid out in: logical when nothing reads right to left."""
        return self.mode if self.mode == LOGICAL or has_right_to_left(self.text) else LOGICAL

    @property
    def rows(self) -> tuple[Row, ...]:
        """The wrapped rows, top to bottom."""
        return wrapped_rows(self.text, max(2, self.width), self.laid_out_mode)

    @property
    def rows_read_right_to_left(self) -> bool:
        """Whether the rows are right-to-left lines (right-aligned, reading from the right)."""
        return self.laid_out_mode == APP

    def caret_row(self) -> int:
        """The index of the row the caret is drawn on."""
        rows = self.rows
        for index, row in enumerate(rows):
            if row.start <= self.caret < row.end or (row.last and self.caret == row.end):
                return index
        return len(rows) - 1

    def _line(self, index: int) -> LineEdit:
        """Row `index` as a one-line edit, with the caret on it."""
        return self._line_at(index, self.caret, self.affinity)

    def caret_cell(self) -> int:
        """The gap the caret is drawn at on its row, counted from the row's left."""
        return self._line(self.caret_row()).caret_cell()

    def lit_cell(self) -> int:
        """The cell a terminal lights as the caret, on its row (-1: left of the row)."""
        return self._line(self.caret_row()).lit_cell()

    def row_left(self, index: int, shown: int) -> int:
        """Where row `index` starts in a box `shown` cells wide (rows read right to left
        are right-aligned; one spare cell each side, for the caret)."""
        if not self.rows_read_right_to_left:
            return 0
        return max(0, shown - self.rows[index].visual.width - 2) + 1

    # -- editing ------------------------------------------------------------------------

    def _remember(self, kind: _Edit) -> None:
        """Keep the text for undo, one step per word typed and per other edit."""
        joined = kind == "type" and self._last_edit == "type"
        if not joined:
            self._undo.append((self.text, self.caret))
        self._redo.clear()
        self._last_edit = kind
        self._goal = None

    def insert(self, typed: str) -> None:
        """Type (or paste) `typed` at the caret; the caret follows it."""
        clean = clean_text(typed)
        if not clean:
            return
        word = all(not char.isspace() for char in clean) and len(clean) == 1
        self._remember("type" if word else "other")
        self.text = self.text[: self.caret] + clean + self.text[self.caret :]
        self.caret += len(clean)
        self.affinity = "before"

    def newline(self) -> None:
        """Break the paragraph at the caret."""
        self.insert("\n")

    def _paragraph(self) -> tuple[int, str]:
        """The start and text of the caret's paragraph."""
        start = self.text.rfind("\n", 0, self.caret) + 1
        end = self.text.find("\n", self.caret)
        return start, self.text[start : len(self.text) if end < 0 else end]

    def _remove(self, start: int, end: int) -> None:
        self._remember("other")
        self.text = self.text[:start] + self.text[end:]
        self.caret = start
        self.affinity = "before"

    def backspace(self) -> None:
        """Remove the code point before the caret (a picture whole, or the line break)."""
        if self.caret == 0:
            return
        if self.text[self.caret - 1] == "\n":
            self._remove(self.caret - 1, self.caret)
            return
        start, text = self._paragraph()
        first, last = LineEdit(text, self.caret - start, mode=self.laid_out_mode).backspace_range()
        if first != last:
            self._remove(start + first, start + last)

    def delete(self) -> None:
        """Remove the cluster after the caret (or the line break)."""
        if self.caret == len(self.text):
            return
        if self.text[self.caret] == "\n":
            self._remove(self.caret, self.caret + 1)
            return
        start, text = self._paragraph()
        line = LineEdit(text, self.caret - start, mode=self.laid_out_mode)
        before = line.text
        line.delete()
        removed = len(before) - len(line.text)
        if removed:
            self._remove(self.caret, self.caret + removed)

    def undo(self) -> bool:
        """Take back the last edit; False when there is none."""
        return self._step(self._undo, self._redo)

    def redo(self) -> bool:
        """Re-apply the last edit undone; False when there is none."""
        return self._step(self._redo, self._undo)

    def _step(self, source: list[tuple[str, int]], target: list[tuple[str, int]]) -> bool:
        if not source:
            return False
        target.append((self.text, self.caret))
        self.text, self.caret = source.pop()
        self._last_edit = self._goal = None
        return True

    # -- moving -------------------------------------------------------------------------

    def home(self) -> None:
        """Go to the logical start of the paragraph."""
        self.caret, self.affinity, self._goal = self._paragraph()[0], "after", None
        self._last_edit = None

    def end(self) -> None:
        """Go to the logical end of the paragraph."""
        start, text = self._paragraph()
        self.caret, self.affinity, self._goal = start + len(text), "before", None
        self._last_edit = None

    def text_start(self) -> None:
        """Go to the start of the text."""
        self.caret, self.affinity, self._goal = 0, "after", None
        self._last_edit = None

    def text_end(self) -> None:
        """Go to the end of the text."""
        self.caret, self.affinity, self._goal = len(self.text), "before", None
        self._last_edit = None

    def left(self) -> None:
        """Move one cluster left on screen, on to the next row past the row's edge."""
        self._across(-1)

    def right(self) -> None:
        """Move one cluster right on screen, on to the next row past the row's edge."""
        self._across(1)

    def _across(self, step: int) -> None:
        self._goal = self._last_edit = None
        index = self.caret_row()
        row = self.rows[index]
        line = self._line(index)
        moved = line.left() if step < 0 else line.right()
        if moved:
            self.caret, self.affinity = row.start + line.caret, line.affinity
            return
        # past the row's edge: reading goes on below when moving towards the row's end
        onwards = (step < 0) == self.rows_read_right_to_left
        if onwards and index + 1 < len(self.rows):
            self.caret, self.affinity = self.rows[index + 1].start, "after"
        elif not onwards and index > 0:
            above = self.rows[index - 1]
            # the row above's end is this row's start, unless a line break is between
            stops = _boundaries(above.visual)
            self.caret = above.end if above.last else above.start + stops[max(0, len(stops) - 2)]
            self.affinity = "before"

    def up(self) -> None:
        """Move to the row above, nearest the column the caret was in."""
        self._vertical(-1)

    def down(self) -> None:
        """Move to the row below, nearest the column the caret was in."""
        self._vertical(1)

    def _vertical(self, step: int) -> None:
        self._last_edit = None
        index = self.caret_row()
        target = index + step
        if not 0 <= target < len(self.rows):
            return
        shown = self.width + 2
        goal = self._goal
        if goal is None:
            goal = self.row_left(index, shown) + self.caret_cell()
        self.place(target, goal - self.row_left(target, shown))
        self._goal = goal

    def place(self, index: int, x: int, clicked: bool = False) -> None:
        """Put the caret on row `index` at the gap nearest `x` (cells from the row's left);
        with `clicked`, `x` is a cell, and the caret goes where that cell is lit as the caret
        (the cell after it in reading order), as a click in the one-line input does."""
        self._goal = self._last_edit = None
        row = self.rows[index]
        stops = [row.start + boundary for boundary in _boundaries(row.visual)]
        if not row.last and len(stops) > 1:
            stops.pop()  # the row's end is the next row's start
        affinities: tuple[Affinity, ...] = ("before", "after")

        def distance(place: tuple[int, Affinity]) -> tuple[int, int]:
            line = self._line_at(index, *place)
            missed = 0 if clicked and line.lit_cell() == x else 1
            return (missed if clicked else 0, abs(line.caret_cell() - x))

        self.caret, self.affinity = min(
            ((stop, affinity) for stop in stops for affinity in affinities), key=distance
        )

    def _line_at(self, index: int, caret: int, affinity: Affinity) -> LineEdit:
        """Row `index` as a one-line edit with the caret at `caret`, drawn with `affinity`."""
        row = self.rows[index]
        local = min(max(0, caret - row.start), row.end - row.start)
        return LineEdit(self.text[row.start : row.end], local, affinity, self.laid_out_mode)


def _boundaries(visual: Visual) -> list[int]:
    """The caret's places on a row: before its first cluster and after each one."""
    return [0, *(cluster.end for cluster in visual.clusters)]
