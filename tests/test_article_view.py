"""ArticleView under Textual's Pilot: layout, modes, highlights, scrolling and the sentence cursor.

The rows the widget draws are checked against `tui.layout.article.ArticleLayout`
for the widget's content width, and styles are read from the Strips that
`render_line` returns, cell by cell (and compared with styling each cell on its
own). Also: only the rows a highlight or cursor change touches are redrawn, and
an article prepared by `prefetch` / `prefetch_steps` is shown without being
laid out again.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from rich.style import Style
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Static

from extract.tokens import split_sentences
from tui.article_app import ArticleApp, main
from tui.layout.article import ArticleLayout
from tui.layout.drawing import RLM
from tui.layout.engine import Line
from tui.widgets import ArticleView
from tui.widgets.article_view import PREFETCH_KEEP

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TEXT = (SEEDS / "000_0c0554129731e279.txt").read_bytes().decode("utf-8")
LONG = "\n".join(path.read_bytes().decode("utf-8") for path in sorted(SEEDS.glob("*.txt")))
TITLE = "غارات أمريكية على مواقع الميليشيات في سوريا"


def run_async(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test body with asyncio (the project has no pytest async plugin)."""

    @functools.wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return wrapper


class ViewApp(App[None]):
    """One ArticleView filling the screen; records the CursorMoved messages it gets."""

    def __init__(self, text: str, title: str | None = None, mode: str = "app") -> None:
        super().__init__()
        self.text, self.title_text, self.mode = text, title, mode
        self.moves: list[ArticleView.CursorMoved] = []

    def compose(self) -> ComposeResult:
        yield ArticleView(self.text, self.title_text, mode=self.mode)

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        self.moves.append(message)

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)


def drawn(line: Line | None, width: int, mode: str) -> str:
    """The text the view should draw for a line at a width."""
    if line is None:
        return " " * width
    if mode == "app":
        return " " * (width - line.width) + line.text
    mark = RLM if mode == "terminal" else ""
    return mark + line.text + " " * (width - line.width)


def cell_styles(strip: Strip, line: Line, width: int) -> list[Style]:
    """The style of each of the line's cells, read from a right-aligned app-mode strip."""
    chars: list[tuple[str, Style]] = []
    for segment in strip:
        chars.extend((char, segment.style or Style()) for char in segment.text)
    position = width - line.width
    styles = []
    for cell in line.cells:
        part = chars[position : position + len(cell.text)]
        assert "".join(char for char, _ in part) == cell.text
        assert len({style for _, style in part}) == 1, "a cell drawn in two styles"
        styles.append(part[0][1])
        position += len(cell.text)
    return styles


@pytest.mark.parametrize(("width", "height"), [(80, 24), (120, 40)])
@run_async
async def test_rows_are_the_article_layout_at_the_content_width(width: int, height: int) -> None:
    app = ViewApp(TEXT, TITLE)
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.pause()
        view = app.view
        text_width = view.scrollable_content_region.width
        assert 0 < text_width < width
        rows = ArticleLayout(TEXT, TITLE, "app").rows(text_width)
        assert view.layout_width == text_width
        assert list(view.rows) == rows
        assert view.virtual_size == (text_width, len(rows))
        assert rows[0].title and rows[0].line is not None
        for y in range(view.scrollable_content_region.height):
            strip = view.render_line(y)
            assert strip.cell_length == text_width
            line = rows[y].line if y < len(rows) else None
            assert strip.text == drawn(line, text_width, "app"), f"row {y}"


@run_async
async def test_resize_lays_out_again() -> None:
    app = ViewApp(TEXT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        narrow = list(app.view.rows)
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        view = app.view
        assert view.layout_width == view.scrollable_content_region.width > 80
        assert list(view.rows) == ArticleLayout(TEXT, None, "app").rows(view.layout_width)
        assert len(view.rows) < len(narrow)
        assert view.virtual_size.height == len(view.rows)


@run_async
async def test_resize_keeps_the_text_at_the_top_in_view() -> None:
    app = ViewApp(LONG)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.view
        view.scroll_to(y=200, animate=False)
        await pilot.pause()
        top = next(row.line for row in view.rows[200:] if row.line is not None)
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        row = int(view.scroll_y)
        shown = [r.line for r in view.rows[row : row + 3] if r.line is not None]
        assert any(line.start <= top.start < line.end for line in shown)


@pytest.mark.parametrize("mode", ["terminal", "off"])
@run_async
async def test_switching_mode_changes_the_rows(mode: str) -> None:
    app = ViewApp(TEXT, TITLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.view
        width = view.layout_width
        app_rows = list(view.rows)
        before = view.render_line(2).text
        view.mode = mode
        await pilot.pause()
        logical = ArticleLayout(TEXT, TITLE, "logical").rows(width)
        assert list(view.rows) == logical != app_rows
        for y in range(view.scrollable_content_region.height):
            assert view.render_line(y).text == drawn(logical[y].line, width, mode)
        assert view.render_line(2).text != before
        assert view.render_line(2).text.startswith(RLM) == (mode == "terminal")
        view.mode = "app"
        await pilot.pause()
        assert list(view.rows) == app_rows
        with pytest.raises(ValueError):
            view.mode = "auto"


@run_async
async def test_highlights_light_exactly_the_overlapping_cells() -> None:
    # spans that start and end inside words; the selected one starts on the alef of a
    # lam-alef ligature ("الأمريكية"), so the ligature's cell is lit
    word = TEXT.index("الأمريكية")
    selected = (word + 2, word + 61)
    others = [(17, 23), (560, 640)]
    app = ViewApp(TEXT)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        view = app.view
        view.set_highlights(selected, others)
        await pilot.pause()
        evidence = view.get_component_rich_style("article-view--evidence")
        faint = view.get_component_rich_style("article-view--evidence-faint")
        cursor = view.get_component_rich_style("article-view--cursor")
        base = view.rich_style
        assert len({evidence.bgcolor, faint.bgcolor, base.bgcolor, cursor.bgcolor}) == 4
        counts = {"evidence": 0, "faint": 0, "ligature": 0}
        width = view.layout_width
        for y in range(view.scrollable_content_region.height):
            line = view.rows[y].line
            if line is None:
                continue
            for cell, style in zip(
                line.cells, cell_styles(view.render_line(y), line, width), strict=True
            ):
                if cell.overlaps(*selected):
                    assert style.bgcolor == evidence.bgcolor, (y, cell)
                    counts["evidence"] += 1
                    counts["ligature"] += cell.start < selected[0]
                elif any(cell.overlaps(*span) for span in others):
                    assert style.bgcolor == faint.bgcolor, (y, cell)
                    counts["faint"] += 1
                elif cell.overlaps(*view.cursor_span):
                    assert style.bgcolor == cursor.bgcolor, (y, cell)
                else:
                    assert style.bgcolor == base.bgcolor, (y, cell)
        assert counts["evidence"] >= 55 and counts["faint"] >= 80
        assert counts["ligature"] == 1  # the lam-alef cell, which starts before the span
        view.set_highlights(None, [])
        await pilot.pause()
        view.cursor = 4  # away from the rows checked
        await pilot.pause()
        strip = view.render_line(2)
        assert {segment.style.bgcolor for segment in strip if segment.style} == {base.bgcolor}


@run_async
async def test_scroll_to_span_brings_the_end_of_a_long_article_into_view() -> None:
    sentences = split_sentences(LONG)
    near_end = sentences[-8]
    last = sentences[-1]
    app = ViewApp(LONG)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.view
        height = view.scrollable_content_region.height
        layout = ArticleLayout(LONG, None, "app")
        first, final = layout.rows_of(near_end.start, near_end.end, view.layout_width)
        assert first > 10 * height and view.scroll_y == 0
        view.set_highlights((near_end.start, near_end.end), [])
        view.scroll_to_span(near_end.start, near_end.end)
        await pilot.pause()
        top = int(view.scroll_y)
        assert top <= first and final < top + height
        middle = (first + final) / 2 - top
        assert abs(middle - (height - 1) / 2) <= 1, "the span is centred"
        evidence = view.get_component_rich_style("article-view--evidence")
        lit = [
            y
            for y in range(height)
            if any(segment.style == evidence for segment in view.render_line(y))
        ]
        assert lit == list(range(first - top, final - top + 1))
        view.scroll_to_span(last.start, last.end)
        await pilot.pause()
        first, final = layout.rows_of(last.start, last.end, view.layout_width)
        assert view.scroll_y == view.max_scroll_y
        assert int(view.scroll_y) <= first and final < int(view.scroll_y) + height


@run_async
async def test_scroll_to_span_before_layout_is_done_after_it() -> None:
    sentence = split_sentences(LONG)[-5]
    view = ArticleView(LONG)
    view.scroll_to_span(sentence.start, sentence.end)

    class Holder(App[None]):
        def compose(self) -> ComposeResult:
            yield view

    async with Holder().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first, final = ArticleLayout(LONG).rows_of(sentence.start, sentence.end, view.layout_width)
        top = int(view.scroll_y)
        assert top > 0 and top <= first and final < top + view.scrollable_content_region.height


@run_async
async def test_cursor_keys_move_over_sentences_and_post_cursor_moved() -> None:
    sentences = split_sentences(TEXT)
    app = ViewApp(TEXT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.view
        assert view.cursor == 0 and view.cursor_span == (sentences[0].start, sentences[0].end)
        await pilot.press("K")  # already on the first sentence: nothing moves
        await pilot.press("ctrl+down", "J", "J", "ctrl+up", "K")
        await pilot.pause()
        assert [move.index for move in app.moves] == [1, 2, 3, 2, 1]
        for move in app.moves:
            sentence = sentences[move.index]
            assert move.span == (move.start, move.end) == (sentence.start, sentence.end)
            assert move.control is view
        assert view.cursor == 1
        assert view.cursor_span == (sentences[1].start, sentences[1].end)
        cursor = view.get_component_rich_style("article-view--cursor")
        assert cursor.underline
        width = view.layout_width
        for y in range(view.scrollable_content_region.height):
            line = view.rows[y].line
            if line is None:
                continue
            for cell, style in zip(
                line.cells, cell_styles(view.render_line(y), line, width), strict=True
            ):
                assert bool(style.underline) == cell.overlaps(*view.cursor_span), (y, cell)


@run_async
async def test_cursor_is_scrolled_into_view_and_clamped() -> None:
    sentences = split_sentences(LONG)
    app = ViewApp(LONG)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.view
        view.cursor = len(sentences) + 10
        await pilot.pause()
        assert view.cursor == len(sentences) - 1
        last = sentences[-1]
        first, final = ArticleLayout(LONG).rows_of(last.start, last.end, view.layout_width)
        top = int(view.scroll_y)
        assert top <= first and final < top + view.scrollable_content_region.height
        assert app.moves[-1].span == (last.start, last.end)
        view.move_cursor_to(sentences[3].start + 2)
        await pilot.pause()
        assert view.cursor == 3


@run_async
async def test_article_text_is_never_markup_or_escapes() -> None:
    text = (
        "[bold]x[/bold] [link=https://evil.example]x[/link] نص\n"
        "\x1b]0;pwned\x07\x1b[31mأحمر\x00\x07\x9b31m \u202eمقلوب"
    )
    title = "[red]عنوان[/red] \x1b[31m"
    app = ViewApp(text, title)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.view
        strips = [view.render_line(y) for y in range(len(view.rows))]
        shown = "\n".join(strip.text for strip in strips)
        # drawn as text (their brackets ordered by the bidi algorithm in an RTL paragraph)
        for piece in ("[bold]", "[/bold]", "[link=https://evil.example]", "[/link]"):
            assert piece in shown, piece
        assert "[red]" in shown
        assert "pwned" not in shown
        for char in "\x1b\x00\x07\x9b\u202e":
            assert char not in shown
        for strip in strips:
            for segment in strip:
                assert segment.style is None or not segment.style.link
                assert not segment.control


@run_async
async def test_article_app_names_the_mode_and_r_cycles_it() -> None:
    app = ArticleApp(TEXT, TITLE, "auto", environ={"TMUX": "/tmp/tmux-1/default,1,0"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        hint = app.query_one("#hint", Static)
        assert str(hint.render()).startswith("RTL mode auto → app: tmux")
        assert app.article_view.mode == "app"
        for expected in ("terminal", "off", "app"):
            await pilot.press("r")
            await pilot.pause()
            assert app.article_view.mode == expected
            assert str(hint.render()) == f"RTL mode {expected}"
        await pilot.press("q")
    assert app.return_code == 0


def test_article_app_refuses_unreadable_files(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9".encode("latin-1"))
    assert main([str(bad)]) == 1
    assert "is not UTF-8 text" in capsys.readouterr().err
    assert main([str(tmp_path / "missing.txt")]) == 1
    assert "cannot read" in capsys.readouterr().err
    with pytest.raises(ValueError):
        ArticleApp("x", mode="sideways")


def expected_chars(view: ArticleView, index: int) -> list[tuple[str, Style | None]]:
    """Row `index` as (character, style) pairs, styled cell by cell as the rules say."""
    width, mode = view.layout_width, view.mode
    base = view.rich_style
    evidence = view.get_component_rich_style("article-view--evidence")
    faint = view.get_component_rich_style("article-view--evidence-faint")
    cursor_style = view.get_component_rich_style("article-view--cursor")
    row = view.rows[index]
    line = row.line
    if line is None:
        return [(" ", base)] * width
    row_style = base + view.get_component_rich_style("article-view--title") if row.title else base
    selected, others = view.highlights
    cursor = view.cursor_span if view.sentences else None
    chars: list[tuple[str, Style | None]] = []
    if mode == "app":
        chars.extend([(" ", base)] * (width - line.width))
    elif mode == "terminal":
        chars.append((RLM, row_style))
    for cell in line.cells:
        style, lit = row_style, False
        if not row.title:
            if selected and cell.start < selected[1] and selected[0] < cell.end:
                style, lit = evidence, True
            elif any(cell.start < e and s < cell.end for s, e in others):
                style, lit = faint, True
            if cursor and cell.start < cursor[1] and cursor[0] < cell.end:
                style = style + (cursor_style.without_color if lit else cursor_style)
        chars.extend((char, style) for char in cell.text)
    if mode != "app":
        chars.extend([(" ", base)] * (width - line.width))
    return chars


def strip_chars(strip: Strip) -> list[tuple[str, Style | None]]:
    return [(char, segment.style) for segment in strip for char in segment.text]


@pytest.mark.parametrize("mode", ["app", "terminal", "off"])
@run_async
async def test_every_row_is_styled_as_cell_by_cell_styling_would(mode: str) -> None:
    # spans that start and end inside words and lines, overlapping each other and the cursor
    sentences = split_sentences(TEXT)
    word = TEXT.index("الأمريكية")
    selected = (word + 2, word + 61)
    others = [(17, 23), (word + 40, word + 90), (560, 640), (sentences[1].start + 3, 700)]
    app = ViewApp(TEXT, TITLE, mode)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        view = app.view
        for cursor in (0, 1, 3):
            view.cursor = cursor
            view.set_highlights(selected, others)
            await pilot.pause()
            view.scroll_to(y=0, animate=False)
            await pilot.pause()
            for y in range(view.scrollable_content_region.height):
                assert strip_chars(view.render_line(y)) == expected_chars(view, y), (cursor, y)
            view.set_highlights(None, [])
            await pilot.pause()


@run_async
async def test_a_row_with_nothing_lit_is_its_padding_and_one_segment() -> None:
    app = ViewApp(TEXT, TITLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.view
        first, last = view._layout.rows_of(*view.cursor_span, view.layout_width)
        plain = [
            y
            for y, row in enumerate(view.rows[:20])
            if row.line is not None and not row.title and not first <= y <= last
        ]
        assert len(plain) > 5
        for y in plain:
            line = view.rows[y].line
            padding = " " * (view.layout_width - line.width)
            assert [segment.text for segment in view.render_line(y)] == [padding, line.text][
                0 if padding else 1 :
            ]


def visible_strips(view: ArticleView) -> list[Strip]:
    """The view's rows as the compositor gets them (Textual's own line cache included)."""
    return view.render_lines(Region(0, 0, view.size.width, view.size.height))


@run_async
async def test_highlights_and_cursor_redraw_only_the_rows_they_touch() -> None:
    sentences = split_sentences(LONG)
    app = ViewApp(LONG)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        view = app.view
        height = view.scrollable_content_region.height
        before = {y: view.render_line(y) for y in range(height)}
        span = (sentences[3].start + 5, sentences[3].end - 5)
        first, last = view._layout.rows_of(*span, view.layout_width)
        assert 0 < first <= last < height - 2
        view.set_highlights(span, [])
        await pilot.pause()
        after = {y: view.render_line(y) for y in range(height)}
        redrawn = {y for y in range(height) if after[y] is not before[y]}
        assert redrawn == set(range(first, last + 1))
        # what is on screen (Textual keeps its own copy of each line) is the new drawing
        shown = visible_strips(view)
        assert [strip_chars(strip) for strip in shown] == [
            strip_chars(strip) for strip in _fresh(view)
        ]
        after = {y: view.render_line(y) for y in range(height)}  # (_fresh drew them again)
        view.cursor = 2
        await pilot.pause()
        old = view._layout.rows_of(sentences[0].start, sentences[0].end, view.layout_width)
        new = view._layout.rows_of(sentences[2].start, sentences[2].end, view.layout_width)
        moved = {y for y in range(height) if view.render_line(y) is not after[y]}
        assert moved == set(range(old[0], old[1] + 1)) | set(range(new[0], new[1] + 1))
        assert [strip_chars(s) for s in visible_strips(view)] == [
            strip_chars(s) for s in _fresh(view)
        ]
        view.set_highlights(span, [])  # the same again: nothing is redrawn
        assert all(view.render_line(y) is view._strips[y] for y in range(height))


def _fresh(view: ArticleView) -> list[Strip]:
    """The view's rows drawn again from nothing (both caches dropped)."""
    view._strips.clear()
    view._styles_cache.clear()
    return visible_strips(view)


@run_async
async def test_prefetched_article_is_shown_without_laying_it_out_again(monkeypatch) -> None:
    app = ViewApp(TEXT, TITLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.view
        other = (SEEDS / "002_b82a5ffee5f3a278.txt").read_bytes().decode("utf-8")
        assert not view.is_prepared(other, "عنوان آخر")
        view.prefetch(other, "عنوان آخر")
        assert view.is_prepared(other, "عنوان آخر")
        assert not view.is_prepared(other, None)  # the title is part of the key
        width, height = view.layout_width, view.scrollable_content_region.height
        expected = ArticleLayout(other, "عنوان آخر", "app").rows(width)
        built: list[str] = []

        def counting(*args: Any, **kwargs: Any) -> ArticleLayout:
            built.append(args[0])
            return ArticleLayout(*args, **kwargs)

        monkeypatch.setattr("tui.widgets.article_view.ArticleLayout", counting)
        # the prefetch ordered the first screenful's cells
        prepared = view._prepared[(other, "عنوان آخر", "app")].layout.rows(width)
        assert all(row.line.ordered for row in prepared[:height] if row.line is not None)
        view.set_article(other, "عنوان آخر")
        await pilot.pause()
        assert built == []  # nothing was laid out again
        assert list(view.rows) == expected
        assert view.sentences == split_sentences(other)
        prefetched = [strip_chars(view.render_line(y)) for y in range(height)]
        # the same article shown without a prefetch draws the same rows
        fresh = ViewApp(other, "عنوان آخر")
        async with fresh.run_test(size=(80, 24)) as fresh_pilot:
            await fresh_pilot.pause()
            assert list(fresh.view.rows) == list(view.rows)
            assert [strip_chars(fresh.view.render_line(y)) for y in range(height)] == prefetched
        assert built == [other]  # the view without a prefetch laid it out itself
        built.clear()
        # going back to the previous article reuses its layout too
        view.set_article(TEXT, TITLE)
        assert built == []
        # another mode is another layout
        view.mode = "off"
        await pilot.pause()
        assert built == [TEXT]
        assert not view.is_prepared(other, "عنوان آخر")
        view.set_article(other, "عنوان آخر")
        assert built == [TEXT, other]
        assert list(view.rows) == ArticleLayout(other, "عنوان آخر", "logical").rows(width)


@run_async
async def test_prefetch_steps_from_an_async_task_then_set_article() -> None:
    app = ViewApp(TEXT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.view
        paragraphs = [part for part in LONG.split("\n") if part.strip()]
        steps = 0

        async def prefetch() -> None:
            nonlocal steps
            for _ in view.prefetch_steps(LONG, TITLE, around=(len(LONG) - 50, len(LONG) - 10)):
                steps += 1
                await asyncio.sleep(0)

        await asyncio.gather(prefetch(), pilot.pause())
        assert steps > len(paragraphs)  # at least one step per paragraph, and the title
        assert view.is_prepared(LONG, TITLE)
        width = view.layout_width
        rows = view._prepared[(LONG, TITLE, "app")].layout.rows(width)
        last = view._prepared[(LONG, TITLE, "app")].layout.row_of(len(LONG) - 20, width)
        assert rows[last].line is not None and rows[last].line.ordered  # `around` was ordered
        view.set_article(LONG, TITLE)
        await pilot.pause()
        assert list(view.rows) == ArticleLayout(LONG, TITLE, "app").rows(width)


@run_async
async def test_a_prefetch_left_unfinished_is_finished_by_set_article() -> None:
    app = ViewApp(TEXT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.view
        steps = view.prefetch_steps(LONG)
        for _ in range(3):
            next(steps)
        assert not view.is_prepared(LONG)
        view.set_article(LONG)
        await pilot.pause()
        assert view.is_prepared(LONG)
        assert list(view.rows) == ArticleLayout(LONG).rows(view.layout_width)
        list(steps)  # finishing the abandoned generator does no harm
        assert list(view.rows) == ArticleLayout(LONG).rows(view.layout_width)


@run_async
async def test_the_view_keeps_only_a_few_prepared_articles() -> None:
    app = ViewApp(TEXT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.view
        texts = [f"({n}) {TEXT}" for n in range(PREFETCH_KEEP + 2)]
        for text in texts:
            view.prefetch(text)
        assert [view.is_prepared(text) for text in texts] == [False] * 2 + [True] * PREFETCH_KEEP
        assert len(view._prepared) == PREFETCH_KEEP


def test_prefetch_before_the_view_has_a_size_prepares_the_paragraphs() -> None:
    view = ArticleView()
    view.prefetch(TEXT, TITLE)
    assert view.is_prepared(TEXT, TITLE)
    assert view.rows == []
