"""Laying out a whole article: its title and paragraphs, as display rows for a width.

Paragraphs are separated by a blank row; the title comes first. Each row
knows the source range it shows (offsets into the article text; the title's
rows have none), so the view can find the row of a span and light cells.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.layout.engine import APP, Line, ParagraphLayout, paragraph


@dataclass(frozen=True)
class Row:
    """One display row: a laid-out line, or a blank separator; `title` rows head the article."""

    line: Line | None
    title: bool = False


class ArticleLayout:
    """An article prepared for display; `rows(width)` lays it out for a width."""

    def __init__(self, text: str, title: str | None = None, mode: str = APP) -> None:
        self.text = text
        self.mode = mode
        self.title = ParagraphLayout(title, -(10**9), mode) if title and title.strip() else None
        self.paragraphs: list[ParagraphLayout] = []
        offset = 0
        for part in text.split("\n"):
            if part.strip():
                self.paragraphs.append(paragraph(part, offset, mode))
            offset += len(part) + 1
        self._rows: dict[int, tuple[list[Row], list[int]]] = {}

    def rows(self, width: int) -> list[Row]:
        """The article's display rows for a width."""
        return self._laid_out(width)[0]

    def _laid_out(self, width: int) -> tuple[list[Row], list[int]]:
        if width not in self._rows:
            rows: list[Row] = []
            if self.title is not None:
                rows.extend(Row(line, title=True) for line in self.title.lines(width))
                rows.append(Row(None))
            for index, layout in enumerate(self.paragraphs):
                if index:
                    rows.append(Row(None))
                rows.extend(Row(line) for line in layout.lines(width))
            starts = [row.line.start if row.line and not row.title else -1 for row in rows]
            if len(self._rows) > 4:
                self._rows.clear()
            self._rows[width] = (rows, starts)
        return self._rows[width]

    def row_of(self, offset: int, width: int) -> int:
        """The index of the row showing source offset `offset` (the nearest one before it)."""
        rows, _ = self._laid_out(width)
        best = 0
        for index, row in enumerate(rows):
            line = row.line
            if line is None or row.title:
                continue
            if line.start <= offset < line.end:
                return index
            if line.start <= offset:
                best = index
        return best

    def rows_of(self, start: int, end: int, width: int) -> tuple[int, int]:
        """The first and last row showing any of source range [start, end)."""
        return self.row_of(start, width), self.row_of(max(start, end - 1), width)
