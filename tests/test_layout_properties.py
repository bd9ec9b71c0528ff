"""Properties of the layout engine over random text and widths (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.layout.engine import APP, LOGICAL, ParagraphLayout
from tui.layout.sanitize import sanitize

PIECES = [
    "ال", "لا", "لأ", "لإ", "لآ", "لَا", "ب", "ت", "ة", "ى", "ئ", "ء", "ـ", "ً", "ٌ", "ّ", "ِ", "ْ",
    "مرحبا", "الله", "CENTCOM", "F-16", "12", "١٢", "2023", "(", ")", "«", "»", "“", "”", "/",
    ".", "،", " ", " ", "  ", "\t", "\u200d", "\u200c", "\u200f", "\u202e", "\u2067", "\x1b[31m",
    "\x1b]0;t\x07", "\x00", "\x07", "\x9b1m", "é", "中", "😀", "a\u0301",
]  # fmt: skip
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(max_size=120),
)
widths = st.integers(min_value=1, max_value=60)
settings.register_profile("layout", max_examples=300, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
settings.load_profile("layout")


def covered(text: str, width: int, mode: str) -> tuple[list, list[int]]:
    layout = ParagraphLayout(text, mode=mode)
    lines = layout.lines(width)
    counts = [0] * len(text)
    for line in lines:
        for cell in line.cells:
            for index in range(cell.start, cell.end):
                counts[index] += 1
    return list(lines), counts


@given(texts, widths, st.sampled_from([APP, LOGICAL]))
def test_every_character_is_drawn_once_or_is_dropped(text: str, width: int, mode: str) -> None:
    clean, kept = sanitize(text)
    drawn_as = {source: clean[i] for i, source in enumerate(kept)}
    _, counts = covered(text, width, mode)
    for index, count in enumerate(counts):
        assert count <= 1, (index, text)
        if count == 0 and index in drawn_as:
            # only white space at a line break, and joiners, may vanish
            assert drawn_as[index] in " \u200d\u200c", (index, repr(text[index]))


@given(texts, widths, st.sampled_from([APP, LOGICAL]))
def test_no_line_is_wider_than_the_view(text: str, width: int, mode: str) -> None:
    lines, _ = covered(text, width, mode)
    for line in lines:
        assert line.width == sum(cell.width for cell in line.cells)
        assert line.width <= max(2, width)


@given(texts, widths, st.integers(0, 130), st.integers(0, 130))
def test_a_highlight_lights_exactly_the_cells_it_overlaps(
    text: str, width: int, a: int, b: int
) -> None:
    start, end = min(a, b), max(a, b)
    lines, _ = covered(text, width, APP)
    lit = {index for line in lines for c in line.cells if c.overlaps(start, end)
           for index in range(c.start, c.end)}  # fmt: skip
    for line in lines:
        for cell in line.cells:
            inside = any(start <= i < end for i in range(cell.start, cell.end))
            assert cell.overlaps(start, end) == inside
    drawn = {i for line in lines for c in line.cells for i in range(c.start, c.end)}
    assert {i for i in range(start, min(end, len(text))) if i in drawn} <= lit


@given(texts, widths, widths)
def test_layout_is_deterministic_and_resizing_back_gives_the_same_lines(
    text: str, first: int, second: int
) -> None:
    layout = ParagraphLayout(text)
    before = layout.lines(first)
    layout.lines(second)
    assert layout.lines(first) == before == ParagraphLayout(text).lines(first)


@given(st.lists(st.sampled_from(["قصف", "غارة", "على", "مدينة", "البوكمال"]), min_size=1,
                max_size=30).map(" ".join), widths)  # fmt: skip
def test_arabic_lines_run_right_to_left_and_lines_follow_the_text(text: str, width: int) -> None:
    lines = ParagraphLayout(text).lines(width)
    previous_end = 0
    for line in lines:
        starts = [cell.start for cell in line.cells]
        assert starts == sorted(starts, reverse=True)
        assert line.start >= previous_end
        previous_end = line.end


def test_the_fast_check_agrees_with_the_character_sets() -> None:
    from tui.layout import sanitize as module

    for code in range(0x3000):
        char = chr(code)
        needs_work = char in module._DROP or char in module._AS_SPACE
        assert (module._UNSAFE.search(char) is not None) == needs_work, hex(code)
