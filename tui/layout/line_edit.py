"""One line of editable text laid out right to left: the text model of an RTL-aware input.

The text is kept in logical order (as typed, as stored) and the caret is a
logical index between grapheme clusters. What the reviewer sees is the
layout engine's line: shaped and in visual order in app mode, logical in the
other modes. This module keeps the two consistent, without Textual:

- **Drawing the caret.** The caret sits between the cluster before it and the
  cluster after it (in logical order). A cluster's *leading* edge is where
  its reading starts (the right edge of a right-to-left cluster, the left
  edge of a left-to-right one), its *trailing* edge where it ends. Inside a
  run of one direction the trailing edge of the cluster before and the
  leading edge of the cluster after are the same gap. At a boundary between
  a right-to-left and a left-to-right run they differ, and the caret is drawn
  next to the character typed last: at the trailing edge of the cluster
  before it after typing or deleting, and, after a move, on the side the
  caret moved to (`affinity`).
- **Moving.** Left and right move one cluster on screen (visual movement):
  the caret goes to the next gap left or right and takes the logical index
  of the cluster it stepped over (that cluster's edge at the new gap).
- **Editing.** Home and end go to the logical start and end; backspace
  removes the code point before the caret (a mark, or the letter it sits on
  when none; a whole emoji sequence or flag), delete the whole cluster after
  it; typed and pasted text is sanitised like article text (controls, escape
  sequences and bidi controls dropped) and kept on one line.

Written by hand because no library lays out an editable bidi line with a
logical caret for a terminal; the layout itself is the engine's
(`tui.layout.engine`), so the field draws exactly as the article does.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from tui.layout.engine import APP, ParagraphLayout
from tui.layout.modes import EngineMode
from tui.layout.sanitize import sanitize
from tui.layout.shaping import is_pictographic

Affinity = Literal["before", "after"]
_WIDE = 100_000  # one line, never wrapped


@dataclass(frozen=True)
class Cluster:
    """A grapheme cluster of the line: its logical range, direction and place on screen."""

    start: int
    end: int
    rtl: bool
    x: int
    width: int
    char: int
    """Where the cluster's drawn text starts in the line's drawn text (`Visual.text`)."""
    drawn: str
    """The cluster as drawn (shaped and mirrored in app mode): one letter and its marks."""

    @property
    def leading(self) -> int:
        """The gap where reading the cluster starts (its right edge when right to left)."""
        return self.x + self.width if self.rtl else self.x

    @property
    def trailing(self) -> int:
        """The gap where reading the cluster ends (its left edge when right to left)."""
        return self.x if self.rtl else self.x + self.width


@dataclass(frozen=True)
class Visual:
    """A line as drawn: its text, its clusters in logical order, and its width in cells."""

    text: str
    clusters: tuple[Cluster, ...]
    width: int

    def chars_at(self, cell: int) -> tuple[int, int] | None:
        """The range of `text` drawn in `cell` (a cluster's letter and marks), or None."""
        for cluster in self.clusters:
            if cluster.x <= cell < cluster.x + cluster.width:
                return cluster.char, cluster.char + len(cluster.drawn)
        return None

    def chars_of(self, cluster: Cluster) -> tuple[int, int]:
        """The range of `text` that draws `cluster`."""
        return cluster.char, cluster.char + len(cluster.drawn)


@lru_cache(maxsize=256)
def visual_line(text: str, mode: EngineMode = APP) -> Visual:
    """Lay `text` out on one line (sanitised text: offsets are into `text` itself)."""
    if not text:
        return Visual("", (), 0)
    layout = ParagraphLayout(text, mode=mode)
    # every cluster, trailing spaces too (a wrapped line drops those; a field keeps them)
    order = layout.visual(0, len(layout.texts))
    rtl_mode = mode == APP
    x = char = 0
    placed = []
    for index in order:
        width = layout.widths[index]
        drawn = layout.text_of([index])
        rtl = rtl_mode and layout.levels[index] % 2 == 1
        placed.append(Cluster(layout.starts[index], layout.ends[index], rtl, x, width, char, drawn))
        x += width
        char += len(drawn)
    clusters = tuple(sorted(placed, key=lambda cluster: cluster.start))
    return Visual("".join(cluster.drawn for cluster in placed), clusters, x)


def lit_chars(visual: Visual, lit: int, left: int) -> tuple[int, int]:
    """The characters to light as the caret in a row drawn as `left` spaces, `visual`, a space.

    `lit` is the caret's lit cell (`LineEdit.lit_cell`): a cell of the line,
    or -1 (the space before it) or its width (the space after it).
    """
    if lit < 0:
        return left - 1, left
    chars = visual.chars_at(lit)
    if chars is None:
        end = left + len(visual.text)
        return end, end + 1
    return left + chars[0], left + chars[1]


def first_in_view(first: int, shown: int, cell: int, total: int) -> int:
    """The first of a line's `total` cells to show in `shown` cells: `first`, moved only as
    far as it takes to bring `cell` (the caret's) into view, and never past the line."""
    if cell < first:
        first = cell
    elif cell >= first + shown:
        first = cell - shown + 1
    return max(0, min(first, total - shown))


def clean_typed(typed: str) -> str:
    """Typed or pasted text as the line keeps it: sanitised like article text, on one line."""
    one_line = " ".join(typed.splitlines()) if typed not in ("\n", "\r") else " "
    return sanitize(one_line)[0]


def _is_picture(cluster: str) -> bool:
    """Whether a cluster is an emoji sequence or a flag (one picture of several code points)."""
    return len(cluster) > 1 and is_pictographic(cluster[0])


@dataclass
class LineEdit:
    """Editable text in logical order with a logical caret, drawn by the layout engine."""

    text: str = ""
    caret: int = 0
    affinity: Affinity = "before"
    mode: EngineMode = APP

    def __post_init__(self) -> None:
        """Clean the text and put the caret on a cluster boundary."""
        self.text = clean_typed(self.text)
        self.caret = self._snap(min(max(0, self.caret), len(self.text)))

    # -- what is drawn ------------------------------------------------------------------

    @property
    def visual(self) -> Visual:
        """The line as drawn in the edit's mode."""
        return visual_line(self.text, self.mode)

    def caret_cell(self) -> int:
        """The gap (0 = left of the first cell) the caret is drawn at."""
        before, after = self._neighbours()
        if before is None and after is None:
            return 0
        if before is None:
            assert after is not None
            return after.leading
        if after is None:
            return before.trailing
        if before.trailing == after.leading or self.affinity == "before":
            return before.trailing
        return after.leading

    def lit_cell(self) -> int:
        """The cell a terminal lights as the caret: the one after it in reading order.

        That is the cell right of the caret's gap where the text there reads
        left to right, and the cell left of it where it reads right to left
        (-1: the spare cell left of the line, at the end of an Arabic value).
        """
        gap = self.caret_cell()
        before, after = self._neighbours()
        reading = after if after is not None and after.leading == gap else before
        # an empty line reads in the direction of its mode: right to left when laid out
        right_to_left = reading.rtl if reading is not None else self.mode == APP
        return gap - 1 if right_to_left else gap

    def _neighbours(self) -> tuple[Cluster | None, Cluster | None]:
        before = after = None
        for cluster in self.visual.clusters:
            if cluster.end == self.caret:
                before = cluster
            elif cluster.start == self.caret:
                after = cluster
        return before, after

    def _boundaries(self) -> list[int]:
        return [0, *(cluster.end for cluster in self.visual.clusters)]

    def _snap(self, index: int) -> int:
        """The cluster boundary at or before `index`."""
        return max((b for b in self._boundaries() if b <= index), default=0)

    # -- editing ------------------------------------------------------------------------

    def insert(self, typed: str) -> None:
        """Type (or paste) `typed` at the caret; the caret follows it."""
        clean = clean_typed(typed)
        if not clean:
            return
        self.text = self.text[: self.caret] + clean + self.text[self.caret :]
        self.caret = self._snap(self.caret + len(clean))
        self.affinity = "before"

    def backspace_range(self) -> tuple[int, int]:
        """What backspace removes: the code point before the caret (a haraka alone), or the
        whole picture when the cluster before it is an emoji sequence or a flag."""
        if self.caret == 0:
            return 0, 0
        before, _ = self._neighbours()
        if before is not None and _is_picture(self.text[before.start : before.end]):
            return before.start, before.end
        return self.caret - 1, self.caret

    def backspace(self) -> None:
        """Remove what `backspace_range` names."""
        start, end = self.backspace_range()
        if start == end:
            return
        self.text = self.text[:start] + self.text[end:]
        self.caret = self._snap(start)
        self.affinity = "before"

    def delete(self) -> None:
        """Remove the cluster after the caret."""
        _, after = self._neighbours()
        if after is None:
            return
        self.text = self.text[: after.start] + self.text[after.end :]
        self.affinity = "before"

    def home(self) -> None:
        """Go to the logical start."""
        self.caret, self.affinity = 0, "after"

    def end(self) -> None:
        """Go to the logical end."""
        self.caret, self.affinity = len(self.text), "before"

    def left(self) -> bool:
        """Move one cluster to the left on screen; False at the line's left end."""
        gap = self.caret_cell()
        crossed = next((c for c in self.visual.clusters if c.x + c.width == gap), None)
        if crossed is None:
            return False
        self._arrive(crossed, crossed.x)
        return True

    def right(self) -> bool:
        """Move one cluster to the right on screen; False at the line's right end."""
        gap = self.caret_cell()
        crossed = next((c for c in self.visual.clusters if c.x == gap and c.width), None)
        if crossed is None:
            return False
        self._arrive(crossed, crossed.x + crossed.width)
        return True

    def _arrive(self, crossed: Cluster, gap: int) -> None:
        """Stand at `gap`, an edge of `crossed`: the logical index that edge stands for."""
        if gap == crossed.trailing:
            self.caret, self.affinity = crossed.end, "before"
        else:
            self.caret, self.affinity = crossed.start, "after"
