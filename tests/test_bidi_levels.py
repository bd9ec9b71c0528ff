"""The run-based bidi level resolution agrees with a character-by-character reference."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.layout.bidi import (
    _NEUTRAL,
    _STRONG,
    PARAGRAPH_LEVEL,
    _direction,
    _resolve_brackets,
    bidi_class,
    resolve_levels,
)

PIECES = ["ال", "مرحبا", "CENTCOM", "F-16", "12", "١٢", "٣٫٥", "2023", "(", ")", "[", "]", "«",
          "»", "/", ".", ",", "-", "+", "%", "$", "#", ":", " ", "ً", "ّ", "\u200d", "\u200f",
          "\u200e", "\u061c", "é", "中", "א", "abc", "1,500", "10%", "$5"]  # fmt: skip


def reference_levels(text: str) -> list[int]:
    """The character-by-character implementation the run-based one replaced.

    Boundary neutrals are removed first (X9) and then take the level of the
    character before them, as the engine places them.
    """
    if any(bidi_class(char) == "BN" for char in text):
        kept = [i for i, char in enumerate(text) if bidi_class(char) != "BN"]
        inner = dict(zip(kept, reference_levels("".join(text[i] for i in kept)), strict=True))
        levels, previous = [], PARAGRAPH_LEVEL
        for i in range(len(text)):
            previous = inner.get(i, previous)
            levels.append(previous)
        return levels
    types = [bidi_class(char) for char in text]
    original = list(types)
    n = len(types)
    # W1: a non-spacing mark takes the type of what it marks (sos is R)
    previous = "R"
    for i in range(n):
        if types[i] == "NSM":
            types[i] = previous
        elif types[i] != "BN":
            previous = types[i]
    # W2: European numbers after Arabic letters are Arabic numbers; W3: AL is R
    last_strong = "R"
    for i in range(n):
        kind = types[i]
        if kind in _STRONG:
            last_strong = kind
        elif kind == "EN" and last_strong == "AL":
            types[i] = "AN"
    for i in range(n):
        if types[i] == "AL":
            types[i] = "R"
    # W4: one separator between two numbers of the same kind joins them
    for i in range(1, n - 1):
        kind = types[i]
        if kind in ("ES", "CS"):
            before, after = types[i - 1], types[i + 1]
            if before == after == "EN" or (kind == "CS" and before == after == "AN"):
                types[i] = before
    # W5: terminators next to European numbers are European numbers
    i = 0
    while i < n:
        if types[i] == "ET":
            j = i
            while j < n and types[j] == "ET":
                j += 1
            if (i > 0 and types[i - 1] == "EN") or (j < n and types[j] == "EN"):
                for k in range(i, j):
                    types[k] = "EN"
            i = j
        else:
            i += 1
    # W6: other separators and terminators are neutral
    for i in range(n):
        if types[i] in ("ES", "ET", "CS"):
            types[i] = "ON"
    # W7: European numbers after Latin text are Latin
    last_strong = "R"
    for i in range(n):
        kind = types[i]
        if kind in ("L", "R"):
            last_strong = kind
        elif kind == "EN" and last_strong == "L":
            types[i] = "L"
    _resolve_brackets(text, types, original)
    # N1/N2: neutrals between two strong types of one direction take it, others the
    # paragraph's (numbers count as R here)
    i = 0
    while i < n:
        if types[i] in _NEUTRAL:
            j = i
            while j < n and types[j] in _NEUTRAL:
                j += 1
            before = _direction(types[i - 1]) if i > 0 else "R"
            after = _direction(types[j]) if j < n else "R"
            fill = before if before == after else "R"
            for k in range(i, j):
                types[k] = fill
            i = j
        else:
            i += 1
    # I2: on an odd (RTL) level, L and numbers go up one level
    return [PARAGRAPH_LEVEL if kind == "R" else PARAGRAPH_LEVEL + 1 for kind in types]


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), st.text(max_size=80)))
def test_run_based_levels_equal_the_reference(text: str) -> None:
    assert resolve_levels(text) == reference_levels(text)
