"""The RTL input widget, driven by keys: what it stores and what it draws."""

from __future__ import annotations

import re

from textual.app import App, ComposeResult
from textual.widgets import Input

from tests.waiting import wait_for
from tui.layout.drawing import drawn
from tui.widgets.rtl_input import RtlInput

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
