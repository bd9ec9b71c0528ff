"""Folding Arabic text for matching, with a map back to the original offsets.

News text spells the same word many ways: with or without hamza on alef
(أ إ آ ٱ ا), alef maqsura or ya (ى ي), ta marbuta or ha (ة ه), harakat,
tatweel, Arabic-Indic or Latin digits, upper or lower case. `fold` maps all
of these to one form, one source character at a time:

- alef forms أ إ آ ٱ → ا; ى ئ ی → ي; ؤ → و; ة → ه; ک → ك;
- harakat, Quranic marks, tatweel, zero-width and direction marks are dropped;
- Arabic-Indic and Eastern Arabic-Indic (Persian) digits → ASCII digits, the
  Arabic decimal and thousands separators → "." and ",", Arabic punctuation
  (، ؛ ؟) → its Latin form, no-break space → space;
- everything is case-folded (str.casefold).

Folding drops characters (and case folding may turn one into several), so
`fold` keeps, for every folded character, the source character it came from:
a match found in folded text maps back to exact offsets in the article with
`Folded.source_span`. `fold_text` gives the folded text alone, for words
and phrases. The extractor's matchers (words, numbers, dates, places) all
match on this one fold; `fold_runs` folds an article and cuts it into runs
of letters and digits once for all of them. No library does an offset-keeping Arabic
fold, hence the hand-written table.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Final, NamedTuple

__all__ = [
    "Folded",
    "Runs",
    "cut_runs",
    "fold",
    "fold_char",
    "fold_runs",
    "fold_text",
    "is_mark",
]

_DROP: Final = frozenset(
    "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a"  # Quranic marks
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655"  # harakat
    "\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670"
    "\u0640"  # tatweel
    "\u200b\u200c\u200d\u200e\u200f\u061c\ufeff"  # zero-width and direction marks
)

_REPLACE: Final = {
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
    _REPLACE[chr(0x06F0 + _i)] = str(_i)  # Eastern Arabic-Indic (Persian) digits

# Whole-string operations, in this order: casefold(), the one-for-one replacements, then
# the dropped characters, whose positions give the way back to the source. Neither a
# replaced nor a dropped character changes under casefold(), and no casefold() result
# contains one (the tests check every code point), so this equals folding each
# character on its own (`fold_char`).
_REPLACE_ITEMS: Final = tuple(_REPLACE.items())
_DROP_RE: Final = re.compile("[" + re.escape("".join(sorted(_DROP))) + "]")
_TATWEEL: Final = "\u0640"
# Every code point up to the end of the Arabic block is in the table, most mapped to
# themselves: str.translate raises and clears a LookupError inside for each character it
# does not find, which made a miss cost several times a hit.
_TABLE: Final[dict[int, str | int | None]] = dict(zip(range(0x0800), range(0x0800), strict=True))
_TABLE.update(
    {ord(char): None for char in _DROP} | {ord(old): new for old, new in _REPLACE.items()}
)


def fold_char(char: str) -> str:
    """Return the folded form of one character ('' if it is dropped)."""
    if char in _DROP:
        return ""
    return _REPLACE.get(char, char).casefold()


_FOLDED_WORDS: Final[dict[str, str]] = {}
"""Short texts folded before: the same words are folded again and again, and a dictionary
lookup is several times quicker than str.translate on Arabic."""
_FOLDED_WORDS_MAX: Final = 65536
_SHORT: Final = 24


def fold_text(text: str) -> str:
    """Return `fold(text).text`, without the map: quicker for a word or a short phrase."""
    folded = _FOLDED_WORDS.get(text)
    if folded is None:
        folded = text.translate(_TABLE).casefold()
        if len(text) <= _SHORT:
            if len(_FOLDED_WORDS) >= _FOLDED_WORDS_MAX:
                _FOLDED_WORDS.clear()
            _FOLDED_WORDS[text] = folded
    return folded


def fold_words(spec: str) -> frozenset[str]:
    """The folded forms of the space-separated words of `spec`: a word list written once in
    the source ("قرب محيط أطراف") and looked up folded."""
    return frozenset(fold_text(word) for word in spec.split())


def is_mark(char: str) -> bool:
    """Whether a character is written on the letter before it (a haraka, another mark, tatweel).

    A match that ends on a letter also covers the marks written right after it
    ("ألفاً", "البوكمالِ"): see `Folded.source_span`.
    """
    return char == _TATWEEL or unicodedata.category(char) == "Mn"


class Folded:
    """A text folded for matching, and the way back from folded offsets to the source.

    `text` is the folded text and `source` the text it was folded from.
    Folded character i comes from source character `source_index(i)`; the
    map is monotonic, and `source_index(len(text)) == len(source)`.

    Usually only dropped characters shift offsets, so the map is kept as the
    positions of those drops (looked up by bisection) rather than as one
    integer per character; `offsets` builds the full list when asked.
    """

    __slots__ = ("_offsets", "_shifts", "source", "text")

    def __init__(
        self,
        text: str,
        source: str,
        shifts: Sequence[int] = (),
        offsets: list[int] | None = None,
    ) -> None:
        self.text = text
        self.source = source
        self._shifts = shifts  # folded index of each dropped character, minus those before it
        self._offsets = offsets  # the full map, when folding changed lengths otherwise

    def __repr__(self) -> str:
        return f"Folded({self.text!r}, source={self.source!r})"

    def source_index(self, index: int) -> int:
        """Source index of folded character `index` (len(source) for index len(text))."""
        if self._offsets is not None:
            return self._offsets[index]
        if not self._shifts:
            return index
        return index + bisect.bisect_right(self._shifts, index)

    def dropped(self) -> list[int] | None:
        """Source indices of the characters folding dropped, in order; None when folding also
        changed lengths otherwise ("ß" to "ss"), so that no list of drops describes the map."""
        if self._offsets is not None:
            return None
        return [shift + count for count, shift in enumerate(self._shifts)]

    @property
    def offsets(self) -> list[int]:
        """Source index of every folded character, then len(source): len(text) + 1 entries."""
        if self._offsets is not None:
            return list(self._offsets)
        return [self.source_index(index) for index in range(len(self.text) + 1)]

    def source_span(self, start: int, end: int, *, marks: bool = False) -> tuple[int, int]:
        """Source range [s, e) of the folded range [start, end).

        The range runs from the source of its first character to just after
        the source of its last one, so dropped characters around it are left
        out; an empty range maps to an empty range. With `marks`, the range
        also covers the marks written right after its last letter (`is_mark`).
        """
        first = self.source_index(start)
        if end <= start:
            return first, first
        last = self.source_index(end - 1) + 1
        if marks:
            source = self.source
            while last < len(source) and is_mark(source[last]):
                last += 1
        return first, last


def _fold_by_character(text: str) -> Folded:
    """`fold` one character at a time, for texts whose case folding changes lengths ("ß")."""
    pieces: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        piece = fold_char(char)
        pieces.append(piece)
        offsets.extend([index] * len(piece))
    offsets.append(len(text))
    return Folded("".join(pieces), text, offsets=offsets)


def fold(text: str) -> Folded:
    """Fold `text` for matching (see the module docstring), keeping the map back to it.

    `fold_text(text)` is `"".join(fold_char(c) for c in text)`; folding is
    idempotent. Use `source_span` to turn a match in the folded text into
    offsets in `text`.
    """
    folded = text.casefold()
    if len(folded) != len(text):  # a character folds to several ("ß" to "ss")
        return _fold_by_character(text)
    for old, new in _REPLACE_ITEMS:
        if old in folded:
            folded = folded.replace(old, new)
    if _DROP_RE.search(folded) is None:
        return Folded(folded, text)
    shifts = [match.start() - count for count, match in enumerate(_DROP_RE.finditer(folded))]
    return Folded(_DROP_RE.sub("", folded), text, shifts)


# Runs of letters and digits of any script (\w without "_"), kept with the text between them.
_RUNS: Final = re.compile(r"([^\W_]+)")


def cut_runs(text: str) -> tuple[list[str], list[int]]:
    """`_RUNS.split(text)`, [gap, run, gap, run, …, gap], quicker on news text; and where each
    part starts, then len(text).

    Most words stand between single spaces: the text is cut at spaces in C, a piece that
    is all letters and digits (`str.isalnum`, the characters `_RUNS` takes) is a run as it
    is, and only a piece with punctuation in it is cut by the regular expression.
    """
    parts: list[str] = []
    offsets: list[int] = []
    gap_start = 0  # where the gap before the next run starts
    at = 0  # where the current piece starts
    for piece in text.split(" "):
        if piece.isalnum():
            parts.append(text[gap_start:at])
            offsets.append(gap_start)
            parts.append(piece)
            offsets.append(at)
            gap_start = at + len(piece)
        elif piece:
            cut = _RUNS.split(piece)
            if len(cut) > 1:
                parts.append(text[gap_start : at + len(cut[0])])
                offsets.append(gap_start)
                position = at + len(cut[0])
                for part in cut[1:-1]:
                    parts.append(part)
                    offsets.append(position)
                    position += len(part)
                gap_start = position
        at += len(piece) + 1
    parts.append(text[gap_start:])
    offsets.append(gap_start)
    offsets.append(len(text))
    return parts, offsets


class Runs(NamedTuple):
    """A text folded (`fold`) and cut into runs of letters and digits.

    `parts` alternates the text between runs and the runs: [gap, run, gap,
    run, …, gap], so run i is parts[2i + 1] and the gap after it parts[2i + 2];
    `offsets[k]` is where parts[k] starts in the folded text (one more entry,
    the folded length, at the end).
    """

    folded: Folded
    parts: list[str]
    offsets: list[int]


@lru_cache(maxsize=8)
def fold_runs(text: str) -> Runs:
    """`fold(text)` cut into runs, shared by the matchers that read the same article.

    The numbers, dates and places of an article are found one after the
    other on the same text: it is folded and cut once. Callers must not
    change the lists.
    """
    folded = fold(text)
    parts, offsets = cut_runs(folded.text)
    return Runs(folded, parts, offsets)
