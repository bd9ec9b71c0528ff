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

Drawing is cached per row; a row with no highlight and no cursor on it is one
`Segment` of the line's drawn text, and a lit row is split into runs of cells
by the spans they overlap (`Line.runs`), the styles being read once per
repaint. Changing the highlights or moving the cursor redraws only the rows
the old and new spans touch; a new article, a mode change, a resize or a
style change redraws everything.

Prefetching: while the reviewer reads one article, the app can lay out the
next one with `ArticleView.prefetch(text, title)` (all at once) or
`ArticleView.prefetch_steps(text, title)` (a generator doing one paragraph
per step, for an async task that awaits ``asyncio.sleep(0)`` between steps).
Either prepares the article for the view's current width and drawing mode
and orders the cells of its first screenful of rows; `set_article` of the
same text and title (in the same mode) then reuses that work. The view keeps
the last few articles it laid out or prefetched (`PREFETCH_KEEP`), so going
back to the previous article is as quick.

The sentence cursor (component class ``article-view--cursor``) moves over the
sentences of `extract.tokens.split_sentences`; it posts
`ArticleView.CursorMoved` whenever it moves. Keys (the plain arrows, page
keys, home and end scroll the view, as in any Textual scroll view):

    ctrl+down, J    next sentence
    ctrl+up, K      previous sentence
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar, NamedTuple

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
from tui.layout.drawing import RLM
from tui.layout.engine import Line
from tui.layout.modes import DRAWN, DrawnMode, EngineMode, engine_mode, one_of

Span = tuple[int, int]
_STRIP_CACHE = 512
PREFETCH_KEEP = 4
"""How many laid-out articles (prefetched, or shown before) the view keeps for reuse."""
_FIRST_SCREEN = 50
"""Rows whose cells a prefetch orders when the view has no height yet."""
_ROWS_PER_STEP = 16
"""Rows whose cells `ArticleView.prefetch_steps` orders per step."""

_SELECTED, _OTHER, _CURSOR = 1, 2, 4
"""Bits of a lit cell's kind: the selected event's evidence, another's, the cursor sentence."""


class _Palette(NamedTuple):
    """The styles one repaint draws with: plain rows, title rows, and each kind of lit cell."""

    base: Style
    title: Style
    lit: tuple[Style, ...]
    """Indexed by a kind: _SELECTED, _OTHER and _CURSOR bits (selected wins over other)."""


class _Prepared:
    """An article laid out ahead of time for one engine mode: its layout and its sentences."""

    __slots__ = ("layout", "sentences")

    def __init__(self, layout: ArticleLayout, sentences: list[Sentence] | None = None) -> None:
        self.layout = layout
        self.sentences = sentences


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

    mode: reactive[DrawnMode] = reactive("app", init=False)
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
        mode: DrawnMode = "app",
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
        self._palette: _Palette | None = None
        self._prepared: OrderedDict[tuple[str, str | None, EngineMode], _Prepared] = OrderedDict()
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

        The cursor is reset without posting `CursorMoved`. An article
        prepared by `prefetch` or `prefetch_steps` (or shown recently) in the
        current mode is not laid out again; one whose preparation was left
        unfinished is finished here.
        """
        prepared = self._recall(text, title, engine_mode(self.mode))
        self._text = text
        self._title = title
        if prepared is not None:
            if prepared.sentences is None:
                prepared.sentences = split_sentences(text)
            self._sentences = prepared.sentences
            self._layout = prepared.layout
        else:
            self._sentences = split_sentences(text)
            self._layout = None
        self._selected = None
        self._others = ()
        self._pending_span = None
        self.set_reactive(ArticleView.cursor, 0)
        self._relayout(keep_position=False)
        if self.is_mounted:
            self.scroll_to(y=0, animate=False)

    # -- prefetching ------------------------------------------------------------------------

    def prefetch(self, text: str, title: str | None = None, *, around: Span | None = None) -> None:
        """Lay out an article ahead of time, so that `set_article(text, title)` is quick.

        Prepares `text` and `title` for the view's current drawing mode and,
        once the view has a size, wraps it for the current width and orders
        the cells of its first screenful of rows (and of the rows showing the
        source range `around`, if given: the span the app will scroll to).
        The work is kept (the last `PREFETCH_KEEP` articles) and reused by
        `set_article` when text, title and mode match. This runs to the end
        at once; `prefetch_steps` does the same work in small steps.
        """
        for _ in self.prefetch_steps(text, title, around=around):
            pass

    def prefetch_steps(
        self, text: str, title: str | None = None, *, around: Span | None = None
    ) -> Iterator[None]:
        """Do `prefetch`'s work one step at a time: a generator to drive from an async task.

        Each step prepares one paragraph (the title first), or splits the
        sentences, or orders a few rows' cells; drive it as::

            for _ in view.prefetch_steps(text, title):
                await asyncio.sleep(0)  # let the app draw and take keys in between

        The partly prepared article is kept from the first step, so stopping
        early (or calling `set_article` of the same article before the end)
        loses nothing: `set_article` finishes what is left. The width and
        mode are those of the view when the generator starts.
        """
        mode = engine_mode(self.mode)
        prepared = self._recall(text, title, mode)
        if prepared is None:
            prepared = _Prepared(ArticleLayout(text, title, mode, prepare=False))
            self._remember(text, title, mode, prepared)
        width = self._text_width()
        yield from prepared.layout.steps(width or None)
        if prepared.sentences is None:
            prepared.sentences = split_sentences(text)
            yield
        if width <= 0:
            return
        rows = prepared.layout.rows(width)
        height = self.scrollable_content_region.height or _FIRST_SCREEN
        wanted = list(range(min(height, len(rows))))
        if around is not None:
            first, last = prepared.layout.rows_of(around[0], around[1], width)
            middle = (first + last) // 2
            top = max(0, min(middle - height // 2, len(rows) - height))
            wanted.extend(i for i in range(top, min(top + height, len(rows))) if i >= height)
        for done, index in enumerate(wanted, 1):
            line = rows[index].line
            if line is not None:
                _ = line.cells, line.text
            if done % _ROWS_PER_STEP == 0 and done < len(wanted):
                yield

    def is_prepared(self, text: str, title: str | None = None) -> bool:
        """Whether `text` with `title` is fully prepared for the current mode (prefetched)."""
        prepared = self._prepared.get((text, title, engine_mode(self.mode)))
        return prepared is not None and prepared.layout.prepared

    def _recall(self, text: str, title: str | None, mode: EngineMode) -> _Prepared | None:
        """The kept preparation of an article for an engine mode (now the most recent), if any."""
        key = (text, title, mode)
        prepared = self._prepared.get(key)
        if prepared is not None:
            self._prepared.move_to_end(key)
        return prepared

    def _remember(
        self, text: str, title: str | None, mode: EngineMode, prepared: _Prepared
    ) -> None:
        """Keep an article's preparation, forgetting the least recently used beyond the limit."""
        self._prepared[(text, title, mode)] = prepared
        self._prepared.move_to_end((text, title, mode))
        while len(self._prepared) > PREFETCH_KEEP:
            self._prepared.popitem(last=False)

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
        changed: list[Span] = []
        if chosen != self._selected:
            changed.extend(span for span in (self._selected, chosen) if span is not None)
        changed.extend(set(self._others) ^ set(rest))
        self._selected, self._others = chosen, rest
        self._invalidate_spans(changed)

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
        sentences = self._sentences
        self._invalidate_spans(
            [(sentences[i].start, sentences[i].end) for i in (old, new) if 0 <= i < len(sentences)]
        )
        start, end = self.cursor_span
        if self._sentences:
            self.scroll_to_span(start, end, center=False)
        self.post_message(self.CursorMoved(self, new, start, end))

    def offset_at(self, x: int, y: int) -> int | None:
        """The source offset drawn at content cell (x, y), or None (a blank or title row)."""
        index = int(self.scroll_y) + y
        if not 0 <= index < len(self._rows):
            return None
        row = self._rows[index]
        line = row.line
        if line is None or row.title or not line.cells:
            return None
        pad = max(0, self._width - line.width) if self.mode == "app" else 0
        cell_x = 0
        for cell in line.cells:
            if cell_x + cell.width > x - pad:
                return cell.start
            cell_x += cell.width
        return line.cells[-1].start  # right of the line's end: its last cell

    def on_click(self, event: events.Click) -> None:
        """Put the sentence cursor on the sentence clicked."""
        offset = event.get_content_offset(self)
        if offset is None or not self._sentences:
            return
        source = self.offset_at(offset.x, offset.y)
        if source is not None:
            self.move_cursor_to(source)

    def action_next_sentence(self) -> None:
        """Move the cursor to the next sentence."""
        self.cursor += 1

    def action_previous_sentence(self) -> None:
        """Move the cursor to the previous sentence."""
        self.cursor -= 1

    # -- mode and layout -------------------------------------------------------------------

    def validate_mode(self, mode: str) -> DrawnMode:
        """Accept only the drawn modes ("auto" is resolved by the app, not here)."""
        return one_of(mode, DRAWN, "ArticleView mode")

    def watch_mode(self, old: DrawnMode, new: DrawnMode) -> None:
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
            mode = engine_mode(self.mode)
            prepared = self._recall(self._text, self._title, mode)
            if prepared is None:
                prepared = _Prepared(ArticleLayout(self._text, self._title, mode))
                self._remember(self._text, self._title, mode, prepared)
            if prepared.sentences is None:
                prepared.sentences = self._sentences
            self._layout = prepared.layout
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
        """Forget every drawn row and repaint the view."""
        self._strips.clear()
        self.refresh()

    def _invalidate_spans(self, spans: Sequence[Span]) -> None:
        """Forget and repaint only the rows whose source range overlaps one of `spans`."""
        if not spans:
            return
        rows = self._rows

        def touched(index: int) -> bool:
            if index >= len(rows):
                return False
            row = rows[index]
            line = row.line
            if line is None or row.title:
                return False
            start, end = line.start, line.end
            return any(start < b and a < end for a, b in spans)

        for index in [index for index in self._strips if touched(index)]:
            del self._strips[index]
        if not self.is_mounted:
            return
        top = int(self.scroll_y)
        bottom = min(len(rows), top + self.scrollable_content_region.height)
        first = None
        for index in range(top, bottom + 1):
            if index < bottom and touched(index):
                if first is None:
                    first = index
            elif first is not None:
                self.refresh_lines(first, index - first)
                first = None

    def notify_style_update(self) -> None:
        """Forget the drawn rows when the styles change (theme, focus)."""
        self._strips.clear()
        self._palette = None
        super().notify_style_update()

    # -- drawing ---------------------------------------------------------------------------

    def _read_palette(self) -> _Palette:
        """Read the widget's and its components' styles, and every lit cell's style."""
        base = self.rich_style
        title = base + self.get_component_rich_style("article-view--title")
        evidence = self.get_component_rich_style("article-view--evidence")
        faint = self.get_component_rich_style("article-view--evidence-faint")
        cursor = self.get_component_rich_style("article-view--cursor")
        lit = []
        for kind in range(8):
            style = evidence if kind & _SELECTED else faint if kind & _OTHER else base
            if kind & _CURSOR:
                style = style + (cursor.without_color if kind & (_SELECTED | _OTHER) else cursor)
            lit.append(style)
        return _Palette(base, title, tuple(lit))

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw the rows in `crop`, reading the styles once for the whole repaint.

        The drawn rows are kept while the styles stay the same; if any
        changed (a theme, the focus, a parent's background), they are drawn again.
        """
        palette = self._read_palette()
        if palette != self._palette:
            self._strips.clear()
            self._palette = palette
        return super().render_lines(crop)

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
        """Build the Strip of article row `index`: padding, then the line's text in style runs."""
        palette = self._palette
        if palette is None:
            palette = self._palette = self._read_palette()
        width = self._width
        base = palette.base
        if index >= len(self._rows):
            return Strip.blank(width, base)
        row = self._rows[index]
        line = row.line
        if line is None:
            return Strip.blank(width, base)
        segments: list[Segment] = []
        row_style = palette.title if row.title else base
        mode = self.mode
        if mode == "app":
            if width > line.width:
                segments.append(Segment(" " * (width - line.width), base))
        elif mode == "terminal":
            segments.append(Segment(RLM, row_style))
        spans = [] if row.title else self._spans_on(line.start, line.end)
        if not spans:
            text = line.text
            if text:
                segments.append(Segment(text, row_style))
        else:
            segments.extend(self._lit_segments(line, spans, palette))
        if mode != "app" and width > line.width:
            segments.append(Segment(" " * (width - line.width), base))
        if line.width <= width:
            return Strip(segments, width)
        return Strip(segments, line.width).crop(0, width)

    def _spans_on(self, start: int, end: int) -> list[tuple[int, Span]]:
        """The highlight and cursor spans overlapping source range [start, end), with their kind."""
        spans: list[tuple[int, Span]] = []
        selected = self._selected
        if selected and start < selected[1] and selected[0] < end:
            spans.append((_SELECTED, selected))
        if self._sentences:
            cursor = self.cursor_span
            if start < cursor[1] and cursor[0] < end:
                spans.append((_CURSOR, cursor))
        for span in self._others:
            if start < span[1] and span[0] < end:
                spans.append((_OTHER, span))
        return spans

    def _lit_segments(
        self, line: Line, spans: list[tuple[int, Span]], palette: _Palette
    ) -> list[Segment]:
        """The line's text as segments, each run of cells styled by the spans it overlaps."""
        kinds = [kind for kind, _ in spans]
        segments: list[Segment] = []
        text_run: list[str] = []
        run_style: Style | None = None
        for text, mask in line.runs([span for _, span in spans]):
            kind = 0
            for bit, span_kind in enumerate(kinds):
                if mask >> bit & 1:
                    kind |= span_kind
            style = palette.lit[kind]
            if text_run and style != run_style:
                segments.append(Segment("".join(text_run), run_style))
                text_run = []
            run_style = style
            text_run.append(text)
        if text_run:
            segments.append(Segment("".join(text_run), run_style))
        return segments
