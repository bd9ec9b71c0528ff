"""Properties of the layout engine over random text and widths (hypothesis)."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.layout.bidi import PARAGRAPH_LEVEL, visual_order
from tui.layout.engine import _MIRRORED as MIRRORED
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
LAYOUT = settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
"""The examples each property of this file tries (on top of the profile chosen in conftest)."""


def covered(text: str, width: int, mode: str) -> tuple[list, list[int]]:
    layout = ParagraphLayout(text, mode=mode)
    lines = layout.lines(width)
    counts = [0] * len(text)
    for line in lines:
        for cell in line.cells:
            for index in range(cell.start, cell.end):
                counts[index] += 1
    return list(lines), counts


@LAYOUT
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


@LAYOUT
@given(texts, widths, st.sampled_from([APP, LOGICAL]))
def test_no_line_is_wider_than_the_view(text: str, width: int, mode: str) -> None:
    lines, _ = covered(text, width, mode)
    for line in lines:
        assert line.width == sum(cell.width for cell in line.cells)
        assert line.width <= max(2, width)


@LAYOUT
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


@LAYOUT
@given(texts, widths, widths)
def test_layout_is_deterministic_and_resizing_back_gives_the_same_lines(
    text: str, first: int, second: int
) -> None:
    layout = ParagraphLayout(text)
    before = layout.lines(first)
    layout.lines(second)
    assert layout.lines(first) == before == ParagraphLayout(text).lines(first)


@LAYOUT
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


def reference_visual_order(levels: list[int], trailing_space: list[bool]) -> list[int]:
    """L1-L2 unit by unit, as the rules say it (the engine reverses runs of one level)."""
    line = list(levels)
    for index in range(len(line) - 1, -1, -1):
        if not trailing_space[index]:
            break
        line[index] = PARAGRAPH_LEVEL
    order = list(range(len(line)))
    if not line:
        return order
    highest = max(line)
    lowest_odd = min(level for level in line if level % 2) if any(lv % 2 for lv in line) else 1
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if line[order[i]] >= level:
                j = i
                while j < len(order) and line[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


@LAYOUT
@given(st.lists(st.tuples(st.integers(0, 5), st.booleans()), max_size=40))
def test_visual_order_by_runs_is_the_rules_unit_by_unit(units: list[tuple[int, bool]]) -> None:
    levels = [level for level, _ in units]
    spaces = [space for _, space in units]
    assert visual_order(levels, spaces) == reference_visual_order(levels, spaces)


spans = st.lists(st.tuples(st.integers(0, 130), st.integers(0, 130)), max_size=4)


@LAYOUT
@given(texts, widths, spans, st.sampled_from([APP, LOGICAL]))
def test_line_runs_give_each_cell_the_spans_it_overlaps(
    text: str, width: int, pairs: list[tuple[int, int]], mode: str
) -> None:
    for line in ParagraphLayout(text, mode=mode).lines(width):
        runs = line.runs(pairs)
        assert "".join(run for run, _ in runs) == line.text
        expected = [
            sum(1 << k for k, (a, b) in enumerate(pairs) if cell.start < b and a < cell.end)
            for cell in line.cells
        ]
        got = []
        position = 0
        cells = line.cells
        for run, mask in runs:
            taken = ""
            while taken != run:
                taken += cells[position].text
                got.append(mask)
                position += 1
        assert got == expected
        assert all(a != b for (_, a), (_, b) in pairwise(runs))


@LAYOUT
@given(texts, widths)
def test_line_text_before_and_after_its_cells_agree(text: str, width: int) -> None:
    fresh = ParagraphLayout(text).lines(width)
    for line in ParagraphLayout(text).lines(width):
        assert line.text == "".join(cell.text for cell in line.cells)
    assert [line.text for line in fresh] == [
        "".join(cell.text for cell in line.cells) for line in fresh
    ]


@LAYOUT
@given(texts, widths)
def test_cells_are_the_clusters_in_visual_order_mirrored_on_odd_levels(
    text: str, width: int
) -> None:
    layout = ParagraphLayout(text)
    for line in layout.lines(width):
        if line._layout is None:
            continue
        first, stop = line._first, line._stop
        order = reference_visual_order(layout.levels[first:stop], layout.spaces[first:stop])
        expected = []
        for k in order:
            i = first + k
            drawn = layout.texts[i]
            if layout.levels[i] & 1 and drawn[0] in MIRRORED:
                drawn = MIRRORED[drawn[0]] + drawn[1:]
            expected.append((drawn, layout.widths[i], layout.starts[i], layout.ends[i]))
        assert [tuple(cell) for cell in line.cells] == expected
