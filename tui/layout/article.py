"""Laying out a whole article: its title and paragraphs, as display rows for a width.

Paragraphs are separated by a blank row; the title comes first. Each row
knows the source range it shows (offsets into the article text; the title's
rows have none), so the view can find the row of a span and light cells.

Preparing the paragraphs (sanitising, shaping, bidi levels) is most of the
cost of a layout. `ArticleLayout(text, title, mode)` does it at once;
`ArticleLayout(..., prepare=False)` defers it, and `steps(width)` then does
it one paragraph at a time, so that an async caller can prepare an article
in the background, yielding to its event loop between steps. Whatever is
still undone is done when `rows`, `title` or `paragraphs` is first used.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tui.layout.engine import APP, Line, ParagraphLayout, paragraph
from tui.layout.modes import EngineMode

TITLE_OFFSET = -(10**9)
"""The source offset given to the title's paragraph (no highlight ever reaches it)."""


@dataclass(frozen=True)
class Row:
    """One display row: a laid-out line, or a blank separator; `title` rows head the article."""

    line: Line | None
    title: bool = False


class ArticleLayout:
    """An article prepared for display; `rows(width)` lays it out for a width.

    With `prepare=False` the paragraphs are prepared later: by `steps`, one
    at a time, or all at once when the rows are first asked for.
    """

    def __init__(
        self, text: str, title: str | None = None, mode: EngineMode = APP, *, prepare: bool = True
    ) -> None:
        self.text = text
        self.mode = mode
        self._title_text = title if title and title.strip() else None
        self._title: ParagraphLayout | None = None
        self._more_titles: list[ParagraphLayout] = []
        """The title's further lines (a title with line breaks: the title, then its details)."""
        self._parts: list[tuple[str, int]] = []
        offset = 0
        for part in text.split("\n"):
            if part.strip():
                self._parts.append((part, offset))
            offset += len(part) + 1
        self._paragraphs: list[ParagraphLayout] = []
        self._title_done = self._title_text is None
        self._rows: dict[int, tuple[list[Row], list[int]]] = {}
        if prepare:
            self.prepare()

    # -- preparation -------------------------------------------------------------------------

    @property
    def prepared(self) -> bool:
        """Whether the title and every paragraph have been prepared."""
        return self._title_done and len(self._paragraphs) == len(self._parts)

    def _prepare_next(self) -> ParagraphLayout:
        """Prepare the title if it is not yet, else the next paragraph; return it."""
        if not self._title_done:
            assert self._title_text is not None
            first, *more = [line for line in self._title_text.split("\n") if line.strip()]
            self._title = ParagraphLayout(first, TITLE_OFFSET, self.mode)
            self._more_titles = [ParagraphLayout(line, TITLE_OFFSET, self.mode) for line in more]
            self._title_done = True
            return self._title
        part, offset = self._parts[len(self._paragraphs)]
        prepared = paragraph(part, offset, self.mode)
        self._paragraphs.append(prepared)
        return prepared

    def prepare(self) -> None:
        """Prepare whatever is not prepared yet (the title, the remaining paragraphs)."""
        while not self.prepared:
            self._prepare_next()

    def steps(self, width: int | None = None) -> Iterator[None]:
        """Prepare the article a paragraph at a time, yielding after each one.

        With a `width`, each paragraph is also wrapped for it as it is
        prepared, and a last step puts the rows together, so that
        `rows(width)` costs little afterwards. Nothing is done twice: steps
        skip what is already prepared (by `prepare`, `rows` or another
        `steps`), and stopping early just leaves the rest for later. Meant
        for an async task: ``for _ in layout.steps(w): await asyncio.sleep(0)``.
        """
        while not self.prepared:
            prepared = self._prepare_next()
            if width is not None:
                prepared.lines(width)
            yield
        if width is not None and max(2, width) not in self._rows:
            self._laid_out(width)
            yield

    @property
    def title(self) -> ParagraphLayout | None:
        """The title's paragraph (None without a title); prepares the article if needed."""
        self.prepare()
        return self._title

    @property
    def paragraphs(self) -> list[ParagraphLayout]:
        """The article's non-blank paragraphs, prepared (prepares the rest if needed)."""
        self.prepare()
        return self._paragraphs

    # -- rows --------------------------------------------------------------------------------

    def rows(self, width: int) -> list[Row]:
        """The article's display rows for a width."""
        return self._laid_out(width)[0]

    def _laid_out(self, width: int) -> tuple[list[Row], list[int]]:
        width = max(2, width)
        if width not in self._rows:
            self.prepare()
            rows: list[Row] = []
            if self._title is not None:
                for title in (self._title, *self._more_titles):
                    rows.extend(Row(line, title=True) for line in title.lines(width))
                rows.append(Row(None))
            for index, layout in enumerate(self._paragraphs):
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
