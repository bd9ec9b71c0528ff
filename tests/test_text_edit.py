"""The comment box's text model: wrapped right-to-left rows, a logical caret, edits and undo."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.layout.text_edit import TextEdit, _boundaries, clean_text

ARABIC_LETTERS = re.compile("[\u0621-\u064a]")
WORDS = ["قصف", "مدفعي", "على", "ريف", "دير", "الزور", "T2", "2024", "١٢", "(CENTCOM)", "🇸🇾"]
KEYS = ["left", "right", "up", "down", "home", "end", "backspace", "delete", "newline", "undo",
        "redo", "type"]  # fmt: skip

texts = st.lists(
    st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join), min_size=1, max_size=4
).map("\n".join)


def press(edit: TextEdit, key: str, typed: str = "ب") -> None:
    """Apply one key to the model, as the comment box does."""
    actions = {
        "left": edit.left, "right": edit.right, "up": edit.up, "down": edit.down,
        "home": edit.home, "end": edit.end, "backspace": edit.backspace, "delete": edit.delete,
        "newline": edit.newline, "undo": edit.undo, "redo": edit.redo,
    }  # fmt: skip
    if key == "type":
        edit.insert(typed)
    else:
        actions[key]()


@settings(max_examples=150, deadline=None)
@given(texts, st.integers(4, 30), st.lists(st.sampled_from(KEYS), max_size=30), st.data())
def test_keys_keep_the_text_rows_and_caret_consistent(
    text: str, width: int, keys: list[str], data: st.DataObject
) -> None:
    edit = TextEdit(text, data.draw(st.integers(0, len(text))), width=width)
    for key in keys:
        before, caret = edit.text, edit.caret
        press(edit, key)
        assert 0 <= edit.caret <= len(edit.text)
        if key == "type":
            assert edit.text == before[:caret] + "ب" + before[caret:]
        if key in ("left", "right", "up", "down", "home", "end"):
            assert edit.text == before
        rows = edit.rows
        # the rows cover the text in order: a paragraph's rows meet, a line break between
        assert rows[0].start == 0 and rows[-1].end == len(edit.text) and rows[-1].last
        for above, below in pairwise(rows):
            assert below.start == above.end + (1 if above.last else 0)
            assert (edit.text[above.end] == "\n") == above.last
        index = edit.caret_row()
        row = rows[index]
        assert row.start <= edit.caret <= row.end
        assert -1 <= edit.lit_cell() <= row.visual.width
        for each in rows:
            assert not ARABIC_LETTERS.search(each.visual.text)  # shaped in app mode


def caret_places(edit: TextEdit) -> list[int]:
    """Every place the caret can stand: each row's cluster boundaries, in order."""
    return sorted(
        {row.start + boundary for row in edit.rows for boundary in _boundaries(row.visual)}
    )


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from([*WORDS[:6], "قَصَفَ", "بِبِبِبِ", "الـــزور"]), min_size=1,
                max_size=20).map(" ".join),
       st.integers(2, 30))  # fmt: skip
@example("بِبِبِبِ", 2)  # a word cut inside, with harakat
def test_left_and_right_read_an_arabic_text_through_every_caret_place(
    text: str, width: int
) -> None:
    """In right-to-left rows, left steps through every caret place in reading order, right
    back again; a word cut at a narrow width included, harakat kept with their letters."""
    edit = TextEdit(text + "\n" + text, 0, width=width)
    places = caret_places(edit)
    edit.text_start()
    visited = [edit.caret]
    for _ in range(2 * len(edit.text) + 2):
        edit.left()
        if edit.caret == visited[-1]:
            break
        visited.append(edit.caret)
    assert visited == places
    back = [edit.caret]
    for _ in range(2 * len(edit.text) + 2):
        edit.right()
        if edit.caret == back[-1]:
            break
        back.append(edit.caret)
    assert back == places[::-1]


@settings(max_examples=60, deadline=None)
@given(texts, st.integers(4, 30), st.data())
def test_a_click_on_a_cell_lights_that_cell(text: str, width: int, data: st.DataObject) -> None:
    edit = TextEdit(text, 0, width=width)
    index = data.draw(st.integers(0, len(edit.rows) - 1))
    cells = [c.x for c in edit.rows[index].visual.clusters if c.width == 1]
    if not cells:
        return
    x = data.draw(st.sampled_from(cells))
    edit.place(index, x, clicked=True)
    assert edit.caret_row() == index
    assert edit.lit_cell() == x


def test_moving_home_ends_an_undo_step() -> None:
    edit = TextEdit("", 0)
    for char in "abc":
        edit.insert(char)
    edit.home()
    edit.insert("x")
    assert edit.undo() and edit.text == "abc"


def test_rows_are_wrapped_shaped_and_right_to_left() -> None:
    edit = TextEdit("قصف مدفعي على ريف دير الزور\nسطر ثان", 0, width=12)
    assert [(row.start, row.end, row.last) for row in edit.rows] == [
        (0, 10, False), (10, 22, False), (22, 27, True), (28, 35, True),
    ]  # fmt: skip
    assert edit.rows[0].visual.text.strip() == "ﻲﻌﻓﺪﻣ ﻒﺼﻗ"
    assert edit.caret_cell() == edit.rows[0].visual.width  # the start is at the right
    edit.down()
    assert (edit.caret_row(), edit.caret) == (1, 10)
    edit.end()  # the paragraph's logical end, on its last row
    assert (edit.caret_row(), edit.caret) == (2, 27)
    edit.down()
    assert edit.caret_row() == 3


def test_a_latin_text_is_laid_out_left_to_right() -> None:
    edit = TextEdit("check the date", 0, width=40)
    assert not edit.rows_read_right_to_left
    assert edit.rows[0].visual.text == "check the date"
    edit.right()
    assert edit.caret == 1
    edit.insert("ق")  # one Arabic letter: the text is laid out right to left
    assert edit.rows_read_right_to_left


def test_backspace_and_delete_join_paragraphs_and_take_pictures_whole() -> None:
    edit = TextEdit("علم 🇸🇾\nقتلَ", 0)
    edit.text_end()
    edit.backspace()
    assert edit.text == "علم 🇸🇾\nقتل"  # the haraka alone
    edit.home()
    edit.backspace()
    assert edit.text == "علم 🇸🇾قتل"
    edit.caret = len("علم ")
    edit.delete()  # the flag, whole
    assert edit.text == "علم قتل"


def test_undo_takes_back_a_word_at_a_time_and_redo_restores() -> None:
    edit = TextEdit("", 0)
    for char in "تحقق من التاريخ":
        edit.insert(char)
    assert edit.text == "تحقق من التاريخ"
    assert edit.undo() and edit.text == "تحقق من "
    assert edit.undo() and edit.text == "تحقق من"
    assert edit.redo() and edit.text == "تحقق من "
    assert edit.redo() and edit.text == "تحقق من التاريخ"
    assert not edit.redo()


def test_pasted_text_is_cleaned_paragraph_by_paragraph() -> None:
    assert clean_text("قصف\x1b[31m\u202eعلى\r\nالبوكمال\x07") == "قصفعلى\nالبوكمال"
    edit = TextEdit("", 0)
    edit.insert("سطر\nآخر\n")
    assert edit.text == "سطر\nآخر\n" and edit.caret == len(edit.text)


def test_evidence_spans_move_by_word_and_clause_and_never_empty() -> None:
    from tui.layout.spans import moved

    text = "قال المرصد: قصف مدفعي على البوكمال، وقتل ثلاثة. ثم هدأ الوضع"
    span = (text.index("قصف"), text.index("،") + 1)
    words = {
        ("end", True, "word"): "قصف مدفعي على البوكمال، وقتل",
        ("end", False, "word"): "قصف مدفعي على",
        ("end", True, "clause"): "قصف مدفعي على البوكمال، وقتل ثلاثة.",
        ("start", True, "word"): "المرصد: قصف مدفعي على البوكمال،",
        ("start", False, "word"): "مدفعي على البوكمال،",
        ("start", True, "clause"): "قال المرصد: قصف مدفعي على البوكمال،",
    }
    for (edge, grow, unit), expected in words.items():
        start, end = moved(text, span, edge, grow, unit)  # type: ignore[arg-type]
        assert text[start:end] == expected, (edge, grow, unit)
    one = (text.index("قصف"), text.index("قصف") + 3)
    assert moved(text, one, "end", False, "word") == one  # one word stays
    assert moved(text, one, "start", False, "word") == one
    last = (text.index("الوضع"), len(text))
    assert moved(text, last, "end", True, "word") == last  # never past the text
