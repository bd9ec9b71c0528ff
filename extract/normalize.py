"""Folding Arabic text for matching, with a map back to the original offsets.

News text spells the same word many ways: with or without hamza on alef
(أ إ آ ا), alef maqsura or ya (ى ي), ta marbuta or ha (ة ه), harakat, tatweel,
Arabic-Indic or Latin digits. Matching folds all of these to one form.
Folding drops characters, so `fold_with_map` also returns, for every folded
character, the index of the source character it came from: a match found in
folded text maps back to exact offsets in the article. No library does this
offset-keeping fold, hence the hand-written table.
"""

from __future__ import annotations

_DROP = frozenset(
    "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a"  # Quranic marks
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655"  # harakat
    "\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670"
    "\u0640"  # tatweel
    "\u200b\u200c\u200d\u200e\u200f\u061c\ufeff"  # zero-width and direction marks
)

_REPLACE = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ک": "ك",
    "ی": "ي",
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
    "،": ",",
    "؛": ";",
    "؟": "?",
    "\u00a0": " ",
}
for _i in range(10):
    _REPLACE[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _REPLACE[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian) digits


_TABLE = {ord(char): None for char in _DROP} | {ord(k): v for k, v in _REPLACE.items()}


def fold_char(char: str) -> str:
    """Return the folded form of one character ('' if it is dropped)."""
    if char in _DROP:
        return ""
    return _REPLACE.get(char, char).casefold()


def fold(text: str) -> str:
    """Fold text for matching: hamza forms, ya/alef maqsura, ta marbuta, digits, marks."""
    return text.translate(_TABLE).casefold()


def _slow_fold_with_map(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        for piece in fold_char(char):
            out.append(piece)
            offsets.append(index)
    offsets.append(len(text))
    return "".join(out), offsets


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold text and return, for each folded character, its source index.

    The returned list has one extra final entry, len(text), so that a folded
    half-open range [i, j) maps to the source range [offsets[i], offsets[j]).
    Replacements are one character for one, so only dropped marks shift the
    map; `str.translate` does the folding at C speed.
    """
    translated = text.translate(_TABLE)
    folded = translated.casefold()
    if len(folded) != len(translated):  # casefold changed a length ("İ", "ß"): char by char
        return _slow_fold_with_map(text)
    if len(translated) == len(text):  # nothing dropped
        return folded, list(range(len(text) + 1))
    offsets = [index for index, char in enumerate(text) if char not in _DROP]
    offsets.append(len(text))
    return folded, offsets


def source_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a folded range [start, end) back to the source range it came from."""
    if end <= start:
        return offsets[start], offsets[start]
    return offsets[start], offsets[end - 1] + 1
