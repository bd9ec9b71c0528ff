"""`db.display.safe`: nothing that can act on a terminal survives, readable text is kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.display import safe
from db.errors import InputError

KEPT = "\u200c\u200d\u200e\u200f\u061c"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b]0;pwned\x07.txt", "a\\x1b]0;pwned\\x07.txt"),
        ("\x1bP1$r\x1b\\", "\\x1bP1$r\\x1b\\"),
        ("\x9b2J\x9d0;t\x9c", "\\x9b2J\\x9d0;t\\x9c"),
        ("\x7f\x00\t\r\n", "\\x7f\\x00\\t\\r\\n"),
        ("\u202a\u202b\u202c\u202d\u202e", "\\u202a\\u202b\\u202c\\u202d\\u202e"),
        ("\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"),
        ("\u2028\u2029\ufeff", "\\u2028\\u2029\\ufeff"),
        ("caf\udce9.txt", "caf\\udce9.txt"),  # an undecodable byte in a file name
        ("تقرير\u200cها \u200fوكالة", "تقرير\u200cها \u200fوكالة"),
        ("/tmp/plain name.jsonl", "/tmp/plain name.jsonl"),
    ],
)
def test_controls_are_escaped_and_arabic_marks_kept(raw: str, shown: str) -> None:
    assert safe(raw) == shown


@given(st.text())
def test_the_result_holds_only_printable_characters_and_arabic_marks(text: str) -> None:
    assert all(c.isprintable() or c in KEPT for c in safe(text))


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp"))))
def test_printable_text_comes_back_unchanged(text: str) -> None:
    if text.isprintable():
        assert safe(text) == text


def test_input_errors_are_escaped_whatever_part_holds_the_control() -> None:
    error = InputError("in\x1b[2J.jsonl", "bad value \x9b31m here", 3)
    assert str(error) == "in\\x1b[2J.jsonl, line 3: bad value \\x9b31m here"
    assert error.source == "in\x1b[2J.jsonl"  # kept as given for callers
