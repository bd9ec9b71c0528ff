"""The RTL input widget, driven by keys: what it stores and what it draws."""

from __future__ import annotations

import re

from textual import events
from textual.app import App, ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input

from tests.waiting import wait_for
from tui.layout.drawing import RLM, drawn
from tui.widgets.rtl_input import RtlInput
from tui.widgets.rtl_text_area import RtlTextArea

ARABIC_LETTERS = re.compile("[\u0621-\u064a]")


class OneInput(App[None]):
    """An app holding one RtlInput, as a form would."""

    def __init__(self, mode: str = "app", value: str = "") -> None:
        super().__init__()
        self.mode_name = mode
        self.value = value
        self.submitted: list[str] = []

    def compose(self) -> ComposeResult:
        yield RtlInput(self.value, mode=self.mode_name, id="field")  # type: ignore[arg-type]

    def on_input_submitted(self, message: Input.Submitted) -> None:
        self.submitted.append(message.value)


def row(app: OneInput) -> str:
    return app.query_one(RtlInput).render_line(0).text


async def test_arabic_typed_is_stored_logically_and_drawn_shaped() -> None:
    app = OneInput()
    async with app.run_test(size=(40, 3)) as pilot:
        field = app.query_one(RtlInput)
        field.focus()
        await pilot.press(*"قاعدة", "space", "T", "2", "space", *"شرق")
        await wait_for(pilot, lambda: field.value == "قاعدة T2 شرق", "the value typed")
        shown = row(app)
        assert drawn("قاعدة T2 شرق", "app") in shown
        assert not ARABIC_LETTERS.search(shown)
        assert shown.rstrip().endswith("ﺓﺪﻋﺎﻗ")  # right-aligned: the first word at the right
        assert field.caret_cell() == 0  # after the Arabic word typed last: its left end
        await pilot.press("right", "right", "right")
        assert field.cursor_position == len("قاعدة T2 ")  # three clusters right: before ش
        await pilot.press("home")
        assert field.cursor_position == 0
        assert field.caret_cell() == field.visual.width
        await pilot.press("end", "backspace")
        assert field.value == "قاعدة T2 شر"
        await pilot.press("enter")
        assert app.submitted == ["قاعدة T2 شر"]


async def test_pasted_text_is_cleaned() -> None:
    app = OneInput()
    async with app.run_test(size=(40, 3)) as pilot:
        field = app.query_one(RtlInput)
        field.focus()
        await pilot.pause()
        field.insert_text_at_cursor("قصف\x1b[31m\u202eعلى\nالبوكمال")
        assert field.value == "قصفعلى البوكمال"
        assert "\x1b" not in row(app)


async def test_logical_modes_draw_as_input_does() -> None:
    app = OneInput(mode="off", value="قصف T2")
    async with app.run_test(size=(40, 3)) as pilot:
        await pilot.pause()
        assert row(app).startswith("قصف T2")


async def test_backspace_takes_a_flag_whole_and_a_haraka_alone() -> None:
    app = OneInput(value="علم 🇸🇾 قتلَ")
    async with app.run_test(size=(40, 3)) as pilot:
        field = app.query_one(RtlInput)
        field.focus()
        await pilot.press("end", "backspace")
        assert field.value == "علم 🇸🇾 قتل"
        # the end of an Arabic line is at its left: right goes back across قتل and the space
        await pilot.press("right", "right", "right", "right")
        assert field.cursor_position == len("علم 🇸🇾")
        await pilot.press("backspace")
        assert field.value == "علم  قتل"


async def test_terminal_mode_sends_logical_text_after_a_right_to_left_mark() -> None:
    app = OneInput(mode="terminal", value="قصف T2")
    async with app.run_test(size=(40, 3)) as pilot:
        await pilot.pause()
        assert row(app).startswith(RLM + "قصف T2")
        field = app.query_one(RtlInput)
        field.value = "T2 base"  # nothing right to left: no mark
        await pilot.pause()
        assert row(app).startswith("T2 base")


class Suggesting(OneInput):
    """An input offering place names as inline completions."""

    def compose(self) -> ComposeResult:
        places = SuggestFromList(["البوكمال", "الميادين"], case_sensitive=False)
        yield RtlInput(self.value, mode="app", suggester=places, id="field")


async def test_an_arabic_completion_is_drawn_laid_out_and_taken_with_right() -> None:
    app = Suggesting()
    async with app.run_test(size=(40, 3)) as pilot:
        field = app.query_one(RtlInput)
        field.focus()
        await pilot.press(*"البو")
        await wait_for(pilot, lambda: field._suggestion == "البوكمال", "the completion")
        await pilot.pause()
        shown = row(app)
        assert drawn("البوكمال", "app") in shown  # the whole name, shaped, in visual order
        assert not ARABIC_LETTERS.search(shown)
        strip = field.render_line(0)
        faded = field.get_component_rich_style("input--suggestion")
        completion = "".join(
            text for text, style, _ in strip if style and style.color == faded.color
        )
        # the completion's cells are the name's left end (the caret lights the first of them)
        assert completion == drawn("البوكمال", "app")[:3]
        await pilot.press("right")  # at the end with a completion on offer: take it
        assert field.value == "البوكمال"


async def test_a_long_value_scrolls_to_keep_the_caret_in_view() -> None:
    words = " ".join(["قصف", "مدفعي", "على", "ريف", "دير", "الزور", "الشرقي"] * 3)
    app = OneInput(value=words)
    async with app.run_test(size=(24, 3)) as pilot:
        field = app.query_one(RtlInput)
        field.focus()
        await pilot.press("home")  # the logical start: the right end of the line
        await pilot.pause()
        assert drawn("قصف مدفعي", "app") in row(app)
        await pilot.press("end")  # the logical end: the left end
        await pilot.pause()
        assert drawn("الزور الشرقي", "app") in row(app)
        assert drawn("قصف مدفعي", "app") not in row(app)
        cursor = field.get_component_rich_style("input--cursor")
        strip = field.render_line(0)
        assert any(style and style.bgcolor == cursor.bgcolor for _, style, _ in strip)


async def test_a_selection_is_lit_cluster_by_cluster_and_typing_replaces_it() -> None:
    app = OneInput(value="قصفَ البوكمال")
    async with app.run_test(size=(40, 3)) as pilot:
        field = app.query_one(RtlInput)
        field.focus()
        await pilot.press("end", "shift+home")
        await pilot.pause()
        assert sorted(field.selection) == [0, len(field.value)]
        selected = field.get_component_rich_style("input--selection")
        strip = field.render_line(0)
        lit = "".join(
            text for text, style, _ in strip if style and style.bgcolor == selected.bgcolor
        )
        # every cluster is lit, the haraka with its letter; the caret (at the logical
        # start: the right end) is drawn over the first letter
        assert lit.strip() == drawn("قصفَ البوكمال", "app")[:-1]
        await pilot.press(*"الميادين")
        assert field.value == "الميادين"


def burst(app: App[None], keys: list[tuple[str, str | None]]) -> None:
    """Send keys to the app all at once, as a fast typist or a terminal's paste of keys does."""
    for key, character in keys:
        app.post_message(events.Key(key, character))


async def test_keys_typed_in_a_burst_stay_in_order() -> None:
    """A bound key (backspace, right) then a letter: the letter is typed where the key left
    the caret (right: one letter back, in Arabic), not before the key ran."""
    app = OneInput(value="قصف")
    async with app.run_test(size=(40, 3)) as pilot:
        field = app.query_one(RtlInput)
        field.focus()
        await pilot.press("end")
        burst(app, [("backspace", "\x7f"), ("ل", "ل"), ("right", None), ("ج", "ج")])
        await wait_for(pilot, lambda: len(field.value) == 4, "the keys")
        assert field.value == "قصجل"


class OneTextArea(App[None]):
    """An app holding one comment box."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield RtlTextArea(self.text, id="box")


async def test_enter_then_a_letter_in_a_burst_starts_the_new_paragraph_with_it() -> None:
    app = OneTextArea()
    async with app.run_test(size=(40, 10)) as pilot:
        box = app.query_one(RtlTextArea)
        box.focus()
        await pilot.pause()
        burst(app, [("ق", "ق"), ("enter", "\r"), ("ا", "ا"), ("backspace", "\x7f"), ("ب", "ب")])
        await wait_for(pilot, lambda: len(box.text) == 3, "the keys")
        assert box.text == "ق\nب"


def caret_segments(box: RtlTextArea, y: int) -> list[str]:
    """The text of row `y`'s segments drawn in the caret's style."""
    cursor = box.get_component_rich_style("rtl-text-area--cursor")
    return [
        text for text, style, _ in box.render_line(y) if style and style.bgcolor == cursor.bgcolor
    ]


async def test_the_caret_shows_in_an_empty_box_and_past_spaces_wider_than_it() -> None:
    app = OneTextArea()
    async with app.run_test(size=(30, 10)) as pilot:
        box = app.query_one(RtlTextArea)
        box.focus()
        await pilot.pause()
        assert caret_segments(box, 0) == [" "]  # the empty box shows where typing starts
        await pilot.press(*"مرحبا", *(["space"] * 40))
        await pilot.pause()
        assert caret_segments(box, 0) == [" "]  # the row is wider than the box: still in view
        assert box.render_line(0).cell_length == box.scrollable_content_region.width
        await pilot.press("home")
        await pilot.pause()
        assert caret_segments(box, 0) == [drawn("مرحبا", "app")[-1]]  # the first letter


async def test_a_click_on_a_letter_puts_the_caret_where_that_letter_is_lit() -> None:
    app = OneTextArea("مرحبا بكم")
    async with app.run_test(size=(30, 10)) as pilot:
        box = app.query_one(RtlTextArea)
        box.focus()
        await pilot.pause()
        row = box.edit.rows[0].visual.text
        assert row == drawn("مرحبا بكم", "app")
        left = box.edit.row_left(0, box.scrollable_content_region.width)
        inset = box.content_region.x - box.region.x
        await pilot.click(
            RtlTextArea, offset=(inset + left + 2, box.content_region.y - box.region.y)
        )
        await pilot.pause()
        assert caret_segments(box, 0) == [row[2]]
