"""ArticleView under Textual's Pilot: layout, modes, highlights, scrolling and the sentence cursor.

The rows the widget draws are checked against `tui.layout.article.ArticleLayout`
for the widget's content width, and styles are read from the Strips that
`render_line` returns, cell by cell.
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
from textual.strip import Strip
from textual.widgets import Static

from extract.tokens import split_sentences
from tui.article_app import ArticleApp, main
from tui.layout.article import ArticleLayout
from tui.layout.engine import Line
from tui.widgets import ArticleView
from tui.widgets.article_view import RLM

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
