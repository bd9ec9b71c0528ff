"""Bidi levels for one right-to-left paragraph, and the visual order of a line.

This implements the parts of the Unicode Bidirectional Algorithm (UAX #9)
that a sanitised paragraph needs: the paragraph level is RTL (1) by
decision, and the explicit embedding, override and isolate controls have
been removed, so the paragraph is one level run and rules X1-X10 are
trivial. What remains is W1-W7, N1-N2 and I1-I2 on the whole paragraph, and
L1-L2 per displayed line (L3, marks with their letter, and L4, mirroring,
are done by the caller on clusters). Paired brackets (BD16, N0) are resolved
for every pair of Unicode's Bidi_Paired_Bracket property (tui.layout.
bidi_brackets, generated from BidiBrackets.txt), canonical equivalents
matching (U+2329 pairs with U+3009), so that "US forces (CENTCOM) قالت"
keeps its Latin brackets in Latin order while "القيادة (CENTCOM)" gets
right-to-left ones. Conformance: tests/test_bidi_conformance.py runs every
line of Unicode's BidiCharacterTest sample that applies.

Written by hand because python-bidi's fast `get_display` gives no levels or
index map, and its pure-Python module drops boundary-neutral characters
(ZWJ and the like) from its arrays, which breaks any offset map, and costs
several microseconds per character.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from tui.layout.bidi_brackets import OPENING_TO_CLOSING

PARAGRAPH_LEVEL = 1
_STRONG = frozenset({"L", "R", "AL"})
_NEUTRAL = frozenset({"B", "S", "WS", "ON", "BN", "NSM_N"})


@lru_cache(maxsize=8192)
def bidi_class(char: str) -> str:
    """The bidi class of a character (unassigned characters get their block's default)."""
    klass = unicodedata.bidirectional(char)
    if klass:
        return klass
    code = ord(char)
    if 0x0590 <= code <= 0x05FF or 0x07C0 <= code <= 0x085F or 0xFB1D <= code <= 0xFB4F:
        return "R"
    if 0x0600 <= code <= 0x07BF or 0x0860 <= code <= 0x08FF or 0xFB50 <= code <= 0xFEFF:
        return "AL"
    return "L"


def has_right_to_left(text: str) -> bool:
    """Whether `text` has a right-to-left letter (bidi class R or AL) anywhere in it."""
    return any(bidi_class(char) in ("R", "AL") for char in text)


_SIMPLE = frozenset({"R", "AL", "NSM", "WS", "ON", "BN", "S", "B", "ES", "ET", "CS"})


def resolve_levels(text: str) -> list[int]:
    """Return the embedding level of every character of an RTL paragraph (W1-I2).

    The rules work on runs of characters of one bidi class (a word of Arabic
    letters is one run), each bracket being a run of its own, which gives the
    same result as applying them character by character, several times faster.
    """
    types = [bidi_class(char) for char in text]
    if _SIMPLE.issuperset(types):
        # no Latin letters and no numbers: every rule leaves everything right-to-left
        return [PARAGRAPH_LEVEL] * len(types)
    if "BN" in types:
        return _without_boundary_neutrals(text, types)
    kinds: list[str] = []
    lengths: list[int] = []
    chars: list[str] = []
    for index, kind in enumerate(types):
        char = text[index]
        if kinds and kind == kinds[-1] and char not in _BRACKETS and chars[-1] not in _BRACKETS:
            lengths[-1] += 1
        else:
            kinds.append(kind)
            lengths.append(1)
            chars.append(char)
    original = list(kinds)
    _weak_rules(kinds, lengths)
    _resolve_bracket_runs(chars, kinds, original)
    _neutral_rules(kinds)
    levels: list[int] = []
    for kind, length in zip(kinds, lengths, strict=True):
        levels.extend([PARAGRAPH_LEVEL if kind == "R" else PARAGRAPH_LEVEL + 1] * length)
    return levels


def _without_boundary_neutrals(text: str, types: list[str]) -> list[int]:
    """Levels as rule X9 has them: boundary neutrals (ZWJ, ZWSP, soft hyphen…) removed.

    The rules run on the text without them, so "1,<ZWSP>2" is still one
    number (W4); each then takes the level of the character before it (the
    paragraph's at the start), so it stays with what it joins.
    """
    kept = [index for index, kind in enumerate(types) if kind != "BN"]
    inner = resolve_levels("".join(text[index] for index in kept))
    levels = [PARAGRAPH_LEVEL] * len(text)
    for index, level in zip(kept, inner, strict=True):
        levels[index] = level
    previous = PARAGRAPH_LEVEL
    for index, kind in enumerate(types):
        if kind == "BN":
            levels[index] = previous
        else:
            previous = levels[index]
    return levels


def _weak_rules(kinds: list[str], lengths: list[int]) -> None:
    """W1-W7 on runs."""
    n = len(kinds)
    previous = "R"  # W1: marks take the type of what they mark
    for i in range(n):
        if kinds[i] == "NSM":
            kinds[i] = previous
        elif kinds[i] != "BN":
            previous = kinds[i]
    last_strong = "R"  # W2: European numbers after Arabic letters are Arabic numbers
    for i in range(n):
        kind = kinds[i]
        if kind in _STRONG:
            last_strong = kind
        elif kind == "EN" and last_strong == "AL":
            kinds[i] = "AN"
    for i in range(n):  # W3
        if kinds[i] == "AL":
            kinds[i] = "R"
    for i in range(1, n - 1):  # W4: one separator between two numbers of one kind
        kind = kinds[i]
        if kind in ("ES", "CS") and lengths[i] == 1:
            before, after = kinds[i - 1], kinds[i + 1]
            if before == after == "EN" or (kind == "CS" and before == after == "AN"):
                kinds[i] = before
    i = 0  # W5: terminators next to European numbers
    while i < n:
        if kinds[i] == "ET":
            j = i
            while j < n and kinds[j] == "ET":
                j += 1
            if (i > 0 and kinds[i - 1] == "EN") or (j < n and kinds[j] == "EN"):
                for k in range(i, j):
                    kinds[k] = "EN"
            i = j
        else:
            i += 1
    for i in range(n):  # W6
        if kinds[i] in ("ES", "ET", "CS"):
            kinds[i] = "ON"
    last_strong = "R"  # W7: European numbers after Latin text are Latin
    for i in range(n):
        kind = kinds[i]
        if kind in ("L", "R"):
            last_strong = kind
        elif kind == "EN" and last_strong == "L":
            kinds[i] = "L"


def _neutral_rules(kinds: list[str]) -> None:
    """N1-N2 on runs: neutrals between two strong types of one direction take it."""
    n = len(kinds)
    i = 0
    while i < n:
        if kinds[i] in _NEUTRAL:
            j = i
            while j < n and kinds[j] in _NEUTRAL:
                j += 1
            before = _direction(kinds[i - 1]) if i > 0 else "R"
            after = _direction(kinds[j]) if j < n else "R"
            fill = before if before == after else "R"
            for k in range(i, j):
                kinds[k] = fill
            i = j
        else:
            i += 1


def _direction(kind: str) -> str:
    return "L" if kind == "L" else "R"


def _canonical(char: str) -> str:
    """The bracket's canonical equivalent (U+2329 is U+3008), itself when it has none."""
    decomposed = unicodedata.normalize("NFD", char)
    return decomposed if len(decomposed) == 1 else char


_OPENING = {
    bracket: _canonical(closing)
    for opening, closing in OPENING_TO_CLOSING.items()
    for bracket in {opening, _canonical(opening)}
}
"""Each opening bracket (and its canonical equivalent) and the canonical closing one."""
_CLOSING = frozenset(
    bracket for closing in OPENING_TO_CLOSING.values() for bracket in {closing, _canonical(closing)}
)
_BRACKETS = frozenset(_OPENING) | _CLOSING
_STACK_LIMIT = 63


def _bracket_pairs(text: str, types: list[str]) -> list[tuple[int, int]]:
    """BD16: the paragraph's matched bracket pairs, in order of their opening brackets."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for index, char in enumerate(text):
        if types[index] != "ON":
            continue
        if char in _OPENING:
            if len(stack) == _STACK_LIMIT:
                break
            stack.append((_OPENING[char], index))
        elif char in _CLOSING:
            wanted = _canonical(char)
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == wanted:
                    pairs.append((stack[depth][1], index))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _resolve_bracket_runs(chars: list[str], kinds: list[str], original: list[str]) -> None:
    """N0 on runs: each bracket is a run of one character, so pairs resolve as on characters."""
    _resolve_brackets("".join(chars), kinds, original)


def _resolve_brackets(text: str, types: list[str], original: list[str] | None = None) -> None:
    """N0: a bracket pair takes the direction of what it encloses, in context.

    With `original` (the types before W1), the marks right after a bracket
    that N0 changed take its new type too (they took the bracket's ON in W1).
    """
    for open_at, close_at in _bracket_pairs(text, types):
        inside = {_direction(kind) for kind in types[open_at + 1 : close_at]
                  if kind in ("L", "R", "EN", "AN")}  # fmt: skip
        if not inside:
            continue
        if "R" in inside:  # the embedding direction (RTL) is found inside: N0 b
            direction = "R"
        else:  # only the opposite (L) inside: N0 c, decided by what comes before
            before = "R"
            for kind in reversed(types[:open_at]):
                if kind in ("L", "R", "EN", "AN"):
                    before = _direction(kind)
                    break
            direction = "L" if before == "L" else "R"
        for bracket in (open_at, close_at):
            types[bracket] = direction
            following = bracket + 1
            while original is not None and following < len(types):
                if original[following] != "NSM":
                    break
                types[following] = direction
                following += 1


_RESET_BEFORE = frozenset({"WS", "BN", "FSI", "LRI", "RLI", "PDI"})


def line_levels(line: str, levels: list[int]) -> list[int]:
    """L1 on one displayed line: separators, and the white space before them or at its end,
    go back to the paragraph level."""
    result = list(levels)
    types = [bidi_class(char) for char in line]

    def reset_before(end: int) -> None:
        index = end - 1
        while index >= 0 and types[index] in _RESET_BEFORE:
            result[index] = PARAGRAPH_LEVEL
            index -= 1

    for index, kind in enumerate(types):
        if kind in ("S", "B"):
            result[index] = PARAGRAPH_LEVEL
            reset_before(index)
    reset_before(len(types))
    return result


def visual_order(levels: list[int], trailing_space: list[bool]) -> list[int]:
    """Return the indices of a line's units in display order, left to right (L1-L2).

    `trailing_space` marks the units that are white space at the end of the
    line; L1 puts them back on the paragraph level.

    L2 reverses, from the highest level down to the lowest odd one, every
    sequence of units at that level or higher. A run of units of one level
    always moves as a block, so the reversals are done on runs (a line of
    Arabic with one number has three), and each run's units come out
    reversed when the run was reversed an odd number of times.
    """
    line = list(levels)
    for index in range(len(line) - 1, -1, -1):
        if not trailing_space[index]:
            break
        line[index] = PARAGRAPH_LEVEL
    n = len(line)
    if not n:
        return []
    run_levels: list[int] = []
    bounds: list[int] = []
    previous = None
    for index, level in enumerate(line):
        if level != previous:
            run_levels.append(level)
            bounds.append(index)
            previous = level
    bounds.append(n)
    odd = [level for level in run_levels if level % 2]
    lowest_odd = min(odd) if odd else 1
    if len(run_levels) == 1:
        flips = max(0, run_levels[0] - lowest_odd + 1)
        return list(range(n - 1, -1, -1)) if flips % 2 else list(range(n))
    runs = list(range(len(run_levels)))
    for level in range(max(run_levels), lowest_odd - 1, -1):
        i = 0
        while i < len(runs):
            if run_levels[runs[i]] >= level:
                j = i
                while j < len(runs) and run_levels[runs[j]] >= level:
                    j += 1
                runs[i:j] = runs[i:j][::-1]
                i = j
            else:
                i += 1
    order: list[int] = []
    for run in runs:
        first, stop = bounds[run], bounds[run + 1]
        if max(0, run_levels[run] - lowest_odd + 1) % 2:
            order.extend(range(stop - 1, first - 1, -1))
        else:
            order.extend(range(first, stop))
    return order
