"""The RTL input's text model: a logical caret drawn at its visual cell, visual movement, edits.

The property test computes where the caret must be drawn independently of
the layout engine, from python-bidi's levels and visual order, for random
text and random keys.
"""

from __future__ import annotations

import re

from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.layout.line_edit import LineEdit

# Distinct characters, one cell each, none mirrored or joined into a ligature
# (no lam, no alef): a character's place in python-bidi's output is its cell.
ALPHABET = "بتثجحخدذرزسشصضطظعغفقكمنهوي" + "abcdefghijklmnop" + "0123456789" + ".,-+%:/ "
_LEVEL = re.compile(r"Level\(\s*(\d+)")


def oracle_levels(text: str) -> list[int]:
    """python-bidi's resolved level of each character (its debug output is per UTF-8 byte)."""
    per_byte = [int(level) for level in _LEVEL.findall(get_display(text, base_dir="R", debug=True))]
    levels, offset = [], 0
    for char in text:
        levels.append(per_byte[offset])
        offset += len(char.encode())
    return levels


def oracle_caret_cell(text: str, caret: int, affinity: str) -> int:
    """The caret rule of tui.layout.line_edit, on python-bidi's layout of `text`."""
    if not text:
        return 0
    shown = get_display(text, base_dir="R")
    x = {index: shown.index(char) for index, char in enumerate(text)}
    rtl = [level % 2 == 1 for level in oracle_levels(text)]

    def leading(index: int) -> int:
        return x[index] + 1 if rtl[index] else x[index]

    def trailing(index: int) -> int:
        return x[index] if rtl[index] else x[index] + 1

    if caret == 0:
        return leading(0)
    if caret == len(text):
        return trailing(caret - 1)
    before, after = trailing(caret - 1), leading(caret)
    return before if before == after or affinity == "before" else after


keys = st.lists(
    st.one_of(
        st.sampled_from(["left", "right", "home", "end", "backspace", "delete"]),
        st.sampled_from(ALPHABET).map(lambda char: f"type {char}"),
    ),
    max_size=40,
)


@settings(max_examples=400, deadline=None)
@given(st.permutations(ALPHABET).map(lambda chars: "".join(chars[:12]).strip()), keys)
def test_the_caret_is_drawn_where_the_caret_rule_puts_it(start: str, presses: list[str]) -> None:
    edit = LineEdit(start)
    edit.end()
    for press in presses:
        if press.startswith("type "):
            char = press[5:]
            if char in edit.text:  # keep characters distinct: the oracle finds them by value
                continue
            edit.insert(char)
        else:
            before = edit.caret_cell()
            getattr(edit, press)()
            width = edit.visual.width
            if press == "right":
                assert edit.caret_cell() == min(before + 1, width)
            elif press == "left":
                assert edit.caret_cell() == max(before - 1, 0)
        assert 0 <= edit.caret <= len(edit.text)
        if edit.text.endswith(" ") and " " in edit.text.rstrip(" "):
            continue  # two spaces: the oracle cannot tell them apart
        assert edit.caret_cell() == oracle_caret_cell(edit.text, edit.caret, edit.affinity), (
            edit.text,
            edit.caret,
            edit.affinity,
        )


def test_typing_arabic_then_latin_keeps_the_caret_next_to_the_last_letter() -> None:
    edit = LineEdit()
    for char in "قاعدة T2":
        edit.insert(char)
    shown = edit.visual.text
    assert shown.endswith("T2 ﺓﺪﻋﺎﻗ") or "T2" in shown
    # the caret follows the 2, which is drawn left to right: just right of it
    assert edit.caret_cell() == shown.index("2") + 1
    edit.insert(" ")
    edit.insert("ش")
    assert edit.caret == len(edit.text)
    assert edit.caret_cell() == 0  # the Arabic word typed last is at the left end


def test_home_end_and_deleting() -> None:
    edit = LineEdit("البوكمال")
    edit.home()
    assert edit.caret == 0 and edit.caret_cell() == edit.visual.width  # the right end
    edit.delete()
    assert edit.text == "لبوكمال"
    edit.end()
    edit.backspace()
    assert edit.text == "لبوكما" and edit.caret == len(edit.text)


def test_backspace_removes_a_mark_before_its_letter() -> None:
    edit = LineEdit("قتلَ")
    edit.end()
    edit.backspace()
    assert edit.text == "قتل"


def test_pasted_text_is_cleaned_and_kept_on_one_line() -> None:
    edit = LineEdit()
    edit.insert("قصف\x1b[31m على\n\u202eالبوكمال\r\nأمس")
    assert edit.text == "قصف على البوكمال أمس"
    assert edit.caret == len(edit.text)


def test_logical_modes_draw_the_text_as_stored() -> None:
    edit = LineEdit("قصف T2", mode="logical")
    assert edit.visual.text == "قصف T2"
    edit.home()
    edit.right()
    assert edit.caret == 1 and edit.caret_cell() == 1


def test_backspace_removes_a_whole_emoji_sequence_or_flag() -> None:
    for picture in ("👨\u200d👩\u200d👧", "👍🏽", "🇸🇾"):
        edit = LineEdit(f"صورة {picture}")
        edit.end()
        edit.backspace()
        assert edit.text == "صورة ", picture


def test_the_lit_cell_is_the_one_after_the_caret_in_reading_order() -> None:
    edit = LineEdit()
    for char in "قصف":
        edit.insert(char)
    assert edit.caret_cell() == 0 and edit.lit_cell() == -1  # the spare cell left of the word
    edit.home()
    assert edit.lit_cell() == edit.visual.width - 1  # the first letter, at the right end
    latin = LineEdit("T2")
    latin.end()
    assert latin.caret_cell() == 2 and latin.lit_cell() == 2  # the cell right of the 2
