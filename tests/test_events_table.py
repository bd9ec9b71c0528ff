"""EventsTable: its columns, cutting, cursor and messages, on a seed article's stored events."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.app import App, ComposeResult

from db.decisions import ReviewItem, decide, review_items
from db.store import open_store
from extract.record import Location
from tests.conftest import SEEDS, run_cli, seed_ids
from tui.layout.drawing import drawn
from tui.widgets.events_table import (
    COLUMNS,
    ELLIPSIS,
    GAP,
    SHORT_TYPES,
    Cell,
    EventsTable,
    column_widths,
    cut,
    fit,
)


@pytest.fixture
def items(db_path: Path) -> list[ReviewItem]:
    """The second seed article's events (six machine events), the first accepted by layla."""
    assert run_cli(db_path, "import", str(SEEDS)).exit_code == 0
    assert run_cli(db_path, "extract").exit_code == 0
    with open_store(db_path) as store:
        article_id = seed_ids(store)[1]
        first = review_items(store, article_id, "layla")[0]
        decide(store, "layla", first.stored.id, "accepted")
        return review_items(store, article_id, "layla")


class TableApp(App[None]):
    """Just the table, at the width of a review screen's events pane."""

    def __init__(self, items: list[ReviewItem], mode: str = "app") -> None:
        super().__init__()
        self.items = items
        self.mode = mode
        self.messages: list[tuple[str, int]] = []

    def compose(self) -> ComposeResult:
        yield EventsTable()

    def on_mount(self) -> None:
        table = self.query_one(EventsTable)
        table.show(self.items, self.mode, 0)
        table.focus()

    def on_events_table_highlighted(self, message: EventsTable.Highlighted) -> None:
        self.messages.append(("highlighted", message.cursor_row))

    def on_events_table_selected(self, message: EventsTable.Selected) -> None:
        self.messages.append(("selected", message.cursor_row))


def test_cut_keeps_the_start_and_marks_the_cut() -> None:
    assert cut("Shelling/artillery/missile attack", 10) == "Shelling/" + ELLIPSIS
    assert cut("short", 10) == "short"
    assert cut("دير الزور", 6) == "دير ا" + ELLIPSIS
    assert cut("دير الزور", 5) == "دير" + ELLIPSIS  # no blank before the ellipsis


def test_an_arabic_value_is_cut_before_it_is_drawn() -> None:
    cell = Cell(drawn("دير الزور", "app"), source="دير الزور")
    shown = fit(cell, 6, "app")
    assert cell_len(shown) == 6
    assert shown.startswith(ELLIPSIS)  # the ellipsis ends the word: on the left, drawn RTL
    assert shown == drawn("دير ا" + ELLIPSIS, "app")


def test_columns_fit_the_width_by_cutting_then_leaving_out() -> None:
    rows = [
        [
            Cell("·"),
            Cell("Shelling/artillery/missile attack"),
            Cell("الشدادي"),
            Cell("iran_backed → us"),
            Cell("0/0"),
            Cell("2024-01-30"),
            Cell("0.90"),
        ]
    ]
    wide = column_widths(rows, 200)
    assert wide[1] == len("Shelling/artillery/missile attack")
    for width in (90, 70, 62, 55):
        widths = column_widths(rows, width)
        shown = [w for w in widths if w]
        assert sum(shown) + GAP * (len(shown) - 1) <= width, (width, widths)
        assert widths[1] >= 10 and widths[4] == len(COLUMNS[4])  # cut, never the counts
    assert column_widths(rows, 62)[5:] == [10, 0]  # confidence goes first, then the date
    assert column_widths(rows, 55)[5:] == [0, 0]


async def test_rows_show_each_event_and_its_decision(items: list[ReviewItem]) -> None:
    app = TableApp(items)
    async with app.run_test(size=(64, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(EventsTable)
        assert table.row_count == len(items) == 6
        assert table.row_keys == [item.stored.id for item in items]
        assert table.row_text(0)[0] == "✓" and table.row_text(1)[0] == "·"
        header = table.render_line(0).text
        assert header.split()[:2] == ["type", "place"]
        for row, item in enumerate(items):
            line = table.render_line(row + 1).text
            assert cell_len(line) == table.size.width
            kind = item.current.sub_event_type  # too long for 64 columns: its short form
            assert SHORT_TYPES.get(kind, kind) in line
            assert (
                f"{item.current.fatalities if item.current.fatalities is not None else '?'}/"
                in line
            )
        assert table.render_line(len(items) + 1).text.strip() == ""


async def test_keys_move_the_cursor_and_enter_selects(items: list[ReviewItem]) -> None:
    app = TableApp(items)
    async with app.run_test(size=(64, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(EventsTable)
        app.messages.clear()
        await pilot.press("down", "down", "up")
        assert table.cursor_row == 1
        await pilot.press("end")
        assert table.cursor_row == 5
        await pilot.press("down")  # stays on the last row
        assert table.cursor_row == 5
        await pilot.press("home", "enter")
        assert app.messages == [
            ("highlighted", 1),
            ("highlighted", 2),
            ("highlighted", 1),
            ("highlighted", 5),
            ("highlighted", 0),
            ("selected", 0),
        ]


async def test_a_click_highlights_and_a_second_click_selects(items: list[ReviewItem]) -> None:
    app = TableApp(items)
    async with app.run_test(size=(64, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(EventsTable)
        app.messages.clear()
        await pilot.click(EventsTable, offset=(5, 3))  # the header is line 0: row 2
        assert table.cursor_row == 2
        await pilot.click(EventsTable, offset=(5, 3))
        assert app.messages == [("highlighted", 2), ("selected", 2)]


async def test_the_cursor_row_stays_in_view_below_the_header(items: list[ReviewItem]) -> None:
    app = TableApp(items)
    async with app.run_test(size=(64, 4)) as pilot:  # header and three rows
        await pilot.pause()
        table = app.query_one(EventsTable)
        await pilot.press("end")
        await pilot.pause()
        assert table.render_line(0).text.split()[:1] == ["type"]
        assert table.scroll_y == 3
        kind = items[5].current.sub_event_type
        assert SHORT_TYPES.get(kind, kind) in table.render_line(3).text


async def test_markup_and_escapes_in_a_value_are_shown_as_text(
    items: list[ReviewItem],
) -> None:
    first = items[0]
    location = replace(first.stored.event.location or Location(), text="[bold red]x[/]\x1b[31m")
    hostile = ReviewItem(
        replace(first.stored, event=replace(first.stored.event, location=location)), None
    )
    app = TableApp([hostile])
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        line = app.query_one(EventsTable).render_line(1)
        # drawn right to left like any place name, but as text: brackets and all
        assert "[bold red]" in line.text and "[/]" in line.text and "\x1b" not in line.text
        # the marker and the glyph have their own styles; nothing else gets one from the text
        assert len({segment.style for segment in list(line)[2:]}) == 1


async def test_the_selected_row_is_marked_and_a_second_source_gets_a_column(
    items: list[ReviewItem],
) -> None:
    app = TableApp(items)
    async with app.run_test(size=(120, 10)) as pilot:
        await pilot.pause()
        table = app.query_one(EventsTable)
        rows = [table.render_line(y).text for y in range(1, 3)]
        assert rows[0].startswith("▶") and not rows[1].startswith("▶")  # not colour alone
        assert "from" not in table.render_line(0).text  # one extractor: no source column
        await pilot.press("down")
        assert table.render_line(2).text.startswith("▶")
    first = items[0]
    other = replace(first.stored, event=replace(first.stored.event, extractor="my-model"))
    mixed = [ReviewItem(other, None), *items[1:]]
    app = TableApp(mixed)
    async with app.run_test(size=(120, 10)) as pilot:
        await pilot.pause()
        table = app.query_one(EventsTable)
        assert table.render_line(0).text.rstrip().endswith("from")
        assert table.render_line(1).text.rstrip().endswith("my-model")
        assert table.render_line(2).text.rstrip().endswith(first.stored.event.extractor or "?")


async def test_an_arabic_reviewer_name_in_the_source_column_is_drawn_shaped(
    items: list[ReviewItem],
) -> None:
    first = items[0]
    added = ReviewItem(replace(first.stored, added_by="ليلى"), None)
    app = TableApp([added, *items[1:]])
    async with app.run_test(size=(120, 10)) as pilot:
        await pilot.pause()
        row = app.query_one(EventsTable).render_line(1).text
        assert row.rstrip().endswith(drawn("ليلى", "app"))
        assert "ليلى" not in row
