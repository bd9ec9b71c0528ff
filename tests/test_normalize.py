"""The one Arabic fold: what it folds, and its map back to the source on any string."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from extract.normalize import cut_runs, fold, fold_char, fold_text, is_mark

# Arabic letters, the characters the fold changes or drops, and a few whose case
# folding changes their length, so that every path of the fold is explored.
ARABIC_TEXT = st.text(
    alphabet=st.sampled_from(
        "ابتدرسعقلمنهوي أإآٱةىئؤکی ـًٌٍَُِّْٰ\u200f\u200b٠١٢٣٤٥٦٧٨٩۰۱۹٫٬،؛؟\u00a00123456789 .,\nßİΣﬁAbc"
    )
)
ANY_TEXT = st.one_of(ARABIC_TEXT, st.text())


def test_folds_the_spellings_of_one_word_together() -> None:
    assert fold("أإآٱا").text == "ااااا"
    assert fold("مدينة").text == fold("مدينه").text == "مدينه"
    assert fold("مستشفى").text == "مستشفي"
    assert fold("قُتِلَ").text == "قتل"
    assert fold("الغـــارة").text == "الغاره"
    assert fold("١٢ و۳٤ و56").text == "12 و34 و56"
    assert fold("١٫٥").text == "1.5"
    assert fold("Deir EZ-Zor").text == "deir ez-zor"


def test_maps_a_folded_match_to_the_source() -> None:
    source = "في مدينةِ الـبوكمال"
    folding = fold(source)
    start = folding.text.index("البوكمال")
    first, last = folding.source_span(start, start + len("البوكمال"))
    assert source[first:last] == "الـبوكمال"
    first, last = folding.source_span(folding.text.index("مدينه"), folding.text.index("مدينه") + 5)
    assert source[first:last] == "مدينة"
    assert folding.source_span(3, 8, marks=True) == (first, last + 1)  # with its kasra
    assert folding.source_span(4, 4) == (folding.source_index(4),) * 2


def test_a_case_fold_that_changes_lengths_keeps_the_map() -> None:
    folding = fold("ßـة")
    assert folding.text == "ssه"
    assert folding.offsets == [0, 0, 2, 3]
    assert folding.source_span(1, 2) == (0, 1)


def test_marks() -> None:
    assert all(is_mark(char) for char in "ًٌٍَُِّْـ\u0670\u0301")
    assert not any(is_mark(char) for char in "ا ب1\u200f")


@given(ANY_TEXT)
def test_the_map_is_monotonic_and_covers_the_source(text: str) -> None:
    folding = fold(text)
    offsets = folding.offsets
    assert len(offsets) == len(folding.text) + 1
    assert offsets[-1] == len(text)
    assert offsets == sorted(offsets)
    assert all(0 <= offset <= len(text) for offset in offsets)
    assert [folding.source_index(i) for i in range(len(folding.text) + 1)] == offsets
    for index, char in enumerate(folding.text):
        assert char in fold_char(text[offsets[index]])


@given(ANY_TEXT, st.data())
def test_spans_map_inside_the_source(text: str, data: st.DataObject) -> None:
    folding = fold(text)
    start = data.draw(st.integers(0, len(folding.text)))
    end = data.draw(st.integers(start, len(folding.text)))
    for marks in (False, True):
        first, last = folding.source_span(start, end, marks=marks)
        assert 0 <= first <= last <= len(text)
        assert folding.text[start:end] in fold(text[first:last]).text
        if end == start:
            assert first == last


@given(ANY_TEXT)
def test_folding_is_idempotent_and_character_by_character(text: str) -> None:
    folded = fold(text).text
    assert fold(folded).text == folded
    assert folded == "".join(fold_char(char) for char in text) == fold_text(text)


@given(ANY_TEXT)
def test_runs_are_cut_as_the_regular_expression_cuts_them(text: str) -> None:
    parts, offsets = cut_runs(text)
    assert parts == re.split(r"([^\W_]+)", text)
    assert offsets == list(itertools.accumulate(map(len, parts), initial=0))
