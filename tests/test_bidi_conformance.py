"""The layout engine's bidi levels and line order against Unicode's conformance test (UAX #9).

Every line of the BidiCharacterTest sample (tests/data/bidi) that applies to
a sanitised right-to-left paragraph must pass: resolved levels (characters
removed by X9 aside) and visual order. python-bidi, whose Rust core
implements the whole algorithm, is the oracle for random text.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.layout.bidi import bidi_class, line_levels, resolve_levels, visual_order

SAMPLE = Path(__file__).parent / "data" / "bidi" / "BidiCharacterTest-sample.txt"
EXPLICIT = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))


def _cases() -> list[tuple[int, str, list[str], list[int]]]:
    cases = []
    for number, line in enumerate(SAMPLE.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        points, direction, _, levels, order = line.split(";")
        codes = [int(code, 16) for code in points.split()]
        if direction.strip() != "1" or EXPLICIT.intersection(codes):
            continue
        text = "".join(map(chr, codes))
        cases.append((number, text, levels.split(), [int(i) for i in order.split()]))
    return cases


CASES = _cases()


def _engine(text: str) -> tuple[list[int], list[int]]:
    """The engine's levels (after L1) and the visual order of the characters X9 keeps."""
    levels = line_levels(text, resolve_levels(text))
    kept = [index for index, char in enumerate(text) if bidi_class(char) != "BN"]
    order = visual_order([levels[index] for index in kept], [False] * len(kept))
    return levels, [kept[index] for index in order]


def test_the_sample_holds_the_lines_that_apply() -> None:
    assert len(CASES) == 1632


def test_every_applicable_line_passes() -> None:
    failures = []
    for number, text, expected_levels, expected_order in CASES:
        levels, order = _engine(text)
        shown = [
            level if want != "x" else "x"
            for level, want in zip(levels, expected_levels, strict=True)
        ]
        if [str(level) for level in shown] != expected_levels or order != expected_order:
            codes = " ".join(f"{ord(char):04X}" for char in text)
            failures.append(f"line {number}: {codes}: levels {shown}, order {order}")
    assert not failures, f"{len(failures)} of {len(CASES)} lines fail:\n" + "\n".join(failures[:20])


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("قتل 1,\u200b500 شخص", "1,\u200b500"),  # ZWSP after the separator (W4 skips it)
        ("قتل 1\u200d,500 شخص", "1\u200d,500"),  # ZWJ before the separator
        ("killed 1,\u200b500 people", "1,\u200b500"),
        ("in 2023\u200d/\u200d24 قتل", "2023\u200d/\u200d24"),
    ],
)
def test_boundary_neutrals_do_not_split_a_number(text: str, number: str) -> None:
    """X9 removes ZWJ and ZWSP before W4: a separator between digits stays in the number."""
    levels = resolve_levels(text)
    start = text.index(number)
    assert len({levels[index] for index in range(start, start + len(number))}) == 1
    bare = "".join(char for char in text if bidi_class(char) != "BN")
    kept = [level for char, level in zip(text, levels, strict=True) if bidi_class(char) != "BN"]
    assert resolve_levels(bare) == kept


_PIECES = ["القوات", "قصف", "CENTCOM", "F-16", "12", "١٢", "٣٫٥", "2023", "(", ")", "[", "]",
           "«", "»", "⟨", "⟩", "〈", "〉", "/", ".", ",", "-", "+", "%", "$", ":", " ", "ً",
           "ّ", "é", "א", "abc", "1,500", "10%", "\u200f", "\u200e", "\u061c"]  # fmt: skip
_MIRRORED = "§"


def _unmirrored(text: str) -> str:
    """Mirrored glyphs as one placeholder: the engine leaves mirroring (L4) to the drawing."""
    return "".join(_MIRRORED if unicodedata.mirrored(char) else char for char in text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30).map("".join))
def test_visual_order_agrees_with_python_bidi(text: str) -> None:
    _, order = _engine(text)
    ours = "".join(text[index] for index in order)
    assert _unmirrored(ours) == _unmirrored(get_display(text, base_dir="R"))
