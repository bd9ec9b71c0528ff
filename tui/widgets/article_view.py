"""ArticleView: one article drawn right to left, with event highlights and a sentence cursor.

A Textual Line API widget (a `ScrollView` that implements `render_line`): it
asks `tui.layout.article.ArticleLayout` for the article's rows at the
widget's content width and turns each row into a `Strip` of `Segment`s built
from the engine's cells. Article text (and the title) only ever reaches the
screen as cell text produced by the layout engine, which has removed escape
sequences and control characters; nothing is parsed as Rich or Textual
markup. The widget does no database access: the review app gives it text,
a title and highlight spans.

Drawing modes (the `mode` reactive; `tui.layout.modes` picks one for `auto`):

- ``app``: shaped, reordered text; each row right-aligned (padded on the left).
- ``terminal``: logical, unshaped text, each non-blank row starting with
  U+200F RIGHT-TO-LEFT MARK so a terminal with its own bidi treats the row as
  right to left; no padding on the left.
- ``off``: logical, unshaped text, no mark, no padding.

Highlights are source-offset ranges into the article text: the selected
event's evidence (component class ``article-view--evidence``) and the other
events' evidence (``article-view--evidence-faint``). A cell is lit when
`Cell.overlaps(start, end)`.

The sentence cursor (component class ``article-view--cursor``) moves over the
sentences of `extract.tokens.split_sentences`; it posts
`ArticleView.CursorMoved` whenever it moves. Keys (the plain arrows, page
keys, home and end scroll the view, as in any Textual scroll view):

    ctrl+down, J    next sentence
    ctrl+up, K      previous sentence
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from extract.tokens import Sentence, split_sentences
from tui.layout.article import ArticleLayout, Row
from tui.layout.engine import APP, LOGICAL
from tui.layout.modes import DRAWN

RLM = "\u200f"
"""U+200F RIGHT-TO-LEFT MARK, put at the start of each row in `terminal` mode."""

Span = tuple[int, int]
_STRIP_CACHE = 512


def engine_mode(mode: str) -> str:
    """The layout engine's mode for a drawn mode: `app` shapes and reorders, others are logical."""
    return APP if mode == "app" else LOGICAL


class ArticleView(ScrollView, can_focus=True):
    """A scrollable, right-to-left article with evidence highlights and a sentence cursor."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--title",
        "article-view--evidence",
        "article-view--evidence-faint",
        "article-view--cursor",
    }

    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        color: $foreground;
        padding: 0 1;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
    }
    ArticleView > .article-view--title {
        color: $text-accent;
        text-style: bold;
    }
    ArticleView > .article-view--evidence {
        background: $accent;
        color: $text;
        text-style: bold;
    }
    ArticleView > .article-view--evidence-faint {
        background: $accent-muted;
    }
    ArticleView > .article-view--cursor {
        background: $boost;
        text-style: underline;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+down", "next_sentence", "Next sentence"),
        Binding("ctrl+up", "previous_sentence", "Previous sentence"),
        Binding("J", "next_sentence", "Next sentence", show=False),
        Binding("K", "previous_sentence", "Previous sentence", show=False),
    ]

    mode: reactive[str] = reactive("app", init=False)
    """How Arabic is drawn: "app", "terminal" or "off" (see the module docstring)."""

    cursor: reactive[int] = reactive(0, init=False)
    """Index of the sentence under the cursor (into `sentences`)."""

    class CursorMoved(Message):
        """Posted when the sentence cursor moves: the new sentence's index and source span."""

        def __init__(self, article_view: ArticleView, index: int, start: int, end: int) -> None:
            super().__init__()
            self.article_view = article_view
            self.index = index
            self.start = start
            self.end = end

        @property
        def span(self) -> Span:
            """The cursor sentence as a (start, end) range of source offsets."""
            return (self.start, self.end)

        @property
        def control(self) -> ArticleView:
            """The ArticleView whose cursor moved."""
            return self.article_view

    def __init__(
        self,
        text: str = "",
        title: str | None = None,
        *,
        mode: str = "app",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        """Show `text` (with an optional `title`) drawn in `mode` ("app", "terminal" or "off")."""
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._text = text
        self._title = title
        self._sentences: list[Sentence] = split_sentences(text)
        self._layout: ArticleLayout | None = None
        self._rows: list[Row] = []
        self._width = 0
        self._selected: Span | None = None
        self._others: tuple[Span, ...] = ()
        self._strips: dict[int, Strip] = {}
        self._pending_span: Span | None = None
        self.set_reactive(ArticleView.mode, self.validate_mode(mode))

    # -- content ---------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The article text (source offsets index into it)."""
        return self._text

    @property
    def title(self) -> str | None:
        """The article's title, if any."""
        return self._title

    @property
    def sentences(self) -> Sequence[Sentence]:
        """The article's sentences, as the cursor walks them."""
        return self._sentences

    @property
    def rows(self) -> Sequence[Row]:
        """The rows currently laid out (empty until the widget has a width)."""
        return self._rows

    @property
    def layout_width(self) -> int:
        """The width in cells the rows were laid out for (0 before the first layout)."""
        return self._width

    def set_article(self, text: str, title: str | None = None) -> None:
        """Show another article: highlights are cleared, cursor and scroll go to the top.

        The cursor is reset without posting `CursorMoved`.
        """
        self._text = text
        self._title = title
        self._sentences = split_sentences(text)
        self._selected = None
        self._others = ()
        self._pending_span = None
        self._layout = None
        self.set_reactive(ArticleView.cursor, 0)
        self._relayout(keep_position=False)
        if self.is_mounted:
            self.scroll_to(y=0, animate=False)

    # -- highlights and scrolling ----------------------------------------------------------

    @property
    def highlights(self) -> tuple[Span | None, tuple[Span, ...]]:
        """The selected event's span (or None) and the other events' spans."""
        return self._selected, self._others

    def set_highlights(self, selected: Span | None, others: Iterable[Span] = ()) -> None:
        """Light the selected event's evidence strongly and the other events' faintly."""
        chosen = (int(selected[0]), int(selected[1])) if selected else None
        rest = tuple((int(start), int(end)) for start, end in others)
        if (chosen, rest) == (self._selected, self._others):
            return  # the same highlights: keep the drawn rows (a key would repaint twice)
        self._selected, self._others = chosen, rest
        self._invalidate()

    def scroll_to_span(
        self, start: int, end: int, *, center: bool = True, animate: bool = False
    ) -> None:
        """Scroll so that the rows showing source range [start, end) are visible.

        With `center` the rows are centred in the view when the article allows
        it; otherwise the view scrolls the least distance that shows them. Before
        the widget has a size, the request is kept and done after the first layout.
        """
        if not self._rows:
            self._pending_span = (start, end)
            return
        region = self._span_region(start, end)
        self.scroll_to_region(region, center=center, animate=animate, x_axis=False, force=True)

    def _span_region(self, start: int, end: int) -> Region:
        assert self._layout is not None
        first, last = self._layout.rows_of(start, end, self._width)
        return Region(0, first, max(1, self._width), last - first + 1)

    # -- the sentence cursor ---------------------------------------------------------------

    @property
    def cursor_span(self) -> Span:
        """The cursor sentence as a (start, end) range of source offsets; (0, 0) if none."""
        if not self._sentences:
            return (0, 0)
        sentence = self._sentences[self.cursor]
        return (sentence.start, sentence.end)

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing source `offset` (else the last one before it)."""
        best = 0
        for index, sentence in enumerate(self._sentences):
            if sentence.start <= offset:
                best = index
            if offset < sentence.end:
                break
        return best

    def move_cursor_to(self, offset: int) -> None:
        """Put the cursor on the sentence holding source `offset`."""
        self.cursor = self.sentence_at(offset)

    def validate_cursor(self, cursor: int) -> int:
        """Keep the cursor on an existing sentence."""
        return max(0, min(cursor, len(self._sentences) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        """Redraw, show the cursor sentence and tell the app where the cursor is."""
        self._invalidate()
        start, end = self.cursor_span
        if self._sentences:
            self.scroll_to_span(start, end, center=False)
        self.post_message(self.CursorMoved(self, new, start, end))

    def action_next_sentence(self) -> None:
        """Move the cursor to the next sentence."""
        self.cursor += 1

    def action_previous_sentence(self) -> None:
        """Move the cursor to the previous sentence."""
        self.cursor -= 1

    # -- mode and layout -------------------------------------------------------------------

    def validate_mode(self, mode: str) -> str:
        """Accept only the drawn modes ("auto" is resolved by the app, not here)."""
        if mode not in DRAWN:
            raise ValueError(f"ArticleView mode must be one of {', '.join(DRAWN)}, not {mode!r}")
        return mode

    def watch_mode(self, old: str, new: str) -> None:
        """Lay the article out again for the new mode, keeping the same text in view."""
        self._layout = None
        self._relayout(keep_position=True)

    def on_resize(self, event: events.Resize) -> None:
        """Lay the article out again for the new width."""
        self._relayout(keep_position=True)

    def _text_width(self) -> int:
        return max(0, self.scrollable_content_region.width)

    def _relayout(self, keep_position: bool) -> None:
        width = self._text_width()
        if width <= 0:
            return
        anchor = self._top_offset() if keep_position and self.scroll_y > 0 else None
        if self._layout is None:
            self._layout = ArticleLayout(self._text, self._title, engine_mode(self.mode))
        self._rows = self._layout.rows(width)
        self._width = width
        self.virtual_size = Size(width, len(self._rows))
        self._invalidate()
        if self._pending_span is not None:
            start, end = self._pending_span
            self._pending_span = None
            self.call_after_refresh(self.scroll_to_span, start, end)
        elif anchor is not None:
            self.scroll_to(y=self._layout.row_of(anchor, width), animate=False, force=True)

    def _top_offset(self) -> int | None:
        """The source offset shown first at the top of the view (None when only the title is)."""
        for row in self._rows[int(self.scroll_y) :]:
            if row.line is not None and not row.title:
                return row.line.start
        return None

    def _invalidate(self) -> None:
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        """Forget the drawn rows when the styles change (theme, focus)."""
        self._strips.clear()
        super().notify_style_update()

    # -- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """Draw row `y` of the view (the article row at the scroll position plus `y`)."""
        index = int(self.scroll_y) + y
        strip = self._strips.get(index)
        if strip is None:
            if len(self._strips) > _STRIP_CACHE:
                self._strips.clear()
            strip = self._strips[index] = self._row_strip(index)
        return strip

    def _row_strip(self, index: int) -> Strip:
        width = self._width
        base = self.rich_style
        if index >= len(self._rows):
            return Strip.blank(width, base)
        row = self._rows[index]
        line = row.line
        if line is None:
            return Strip.blank(width, base)
        row_style = (
            base + self.get_component_rich_style("article-view--title") if row.title else base
        )
        segments: list[Segment] = []
        if self.mode == "app":
            if width > line.width:
                segments.append(Segment(" " * (width - line.width), base))
        elif self.mode == "terminal":
            segments.append(Segment(RLM, row_style))
        cursor = self.cursor_span if self._sentences and not row.title else None
        selected = self._selected if self._selected and not row.title else None
        others = (
            [] if row.title else [s for s in self._others if line.start < s[1] and s[0] < line.end]
        )
        if cursor and not (line.start < cursor[1] and cursor[0] < line.end):
            cursor = None
        if selected and not (line.start < selected[1] and selected[0] < line.end):
            selected = None
        run: list[str] = []
        run_style: Style | None = None
        for cell in line.cells:
            style = self._cell_style(cell.start, cell.end, row_style, cursor, selected, others)
            if run and style != run_style:
                segments.append(Segment("".join(run), run_style))
                run = []
            run_style = style
            run.append(cell.text)
        if run:
            segments.append(Segment("".join(run), run_style))
        if self.mode != "app" and width > line.width:
            segments.append(Segment(" " * (width - line.width), base))
        return Strip(segments, max(width, line.width)).crop(0, width)

    def _cell_style(
        self,
        start: int,
        end: int,
        row_style: Style,
        cursor: Span | None,
        selected: Span | None,
        others: list[Span],
    ) -> Style:
        """The style of a cell standing for source range [start, end)."""
        lit = False
        style = row_style
        if selected and start < selected[1] and selected[0] < end:
            style = self.get_component_rich_style("article-view--evidence")
            lit = True
        elif any(start < e and s < end for s, e in others):
            style = self.get_component_rich_style("article-view--evidence-faint")
            lit = True
        if cursor and start < cursor[1] and cursor[0] < end:
            cursor_style = self.get_component_rich_style("article-view--cursor")
            style = style + (cursor_style.without_color if lit else cursor_style)
        return style
