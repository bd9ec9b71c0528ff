"""Words and sentences of Arabic news text, with their offsets in the source.

Arabic attaches conjunctions and prepositions to the next word (و ف ب ل ك)
and writes the article ال as a prefix, so "وبالميليشيات" must match the
lexicon's "ميليشيات". Each token carries the set of forms it may stand for
once those prefixes are stripped. Sentence splitting keeps offsets so that a
sentence is directly an evidence span. Written by hand: no maintained library
tokenises Arabic with clitic candidates and source offsets.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, NamedTuple

from extract.normalize import fold_runs, fold_text

# A word: letters, digits and marks (harakat, tatweel) of any script; captured, so that
# re.split gives the words and the gaps between them.
_WORDS: Final = re.compile(r"([^\W_]+(?:[\u0640\u064b-\u065f\u0670][^\W_]*)*)")
_CONJUNCTIONS: Final = ("و", "ف")
_PREPOSITIONS: Final = ("ب", "ل", "ك")
# Spelling variants folded to one form, applied after the generic fold.
_VARIANTS: Final = (
    ("ميليشي", "مليشي"),
    ("اميرك", "امريك"),
    ("الاميرك", "الامريك"),
)


class Token(NamedTuple):
    """A word of the source: its span, its folded form, and its clitic-free forms."""

    start: int
    end: int
    folded: str
    forms: frozenset[str]


@lru_cache(maxsize=65536)
def canonical_word(word: str) -> str:
    """Return the key a lexicon word is stored under: folded, variants unified, no article."""
    return _without_article(_variant(fold_text(word)))


def _variant(word: str) -> str:
    for old, new in _VARIANTS:
        if old in word:
            word = word.replace(old, new)
    return word


def _without_article(word: str) -> str:
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    return word


@lru_cache(maxsize=65536)
def word_forms(folded: str) -> frozenset[str]:
    """Return the forms a folded word may stand for, prefixes and article stripped.

    "وبالميليشيات" gives {"وبالمليشيات", "بالمليشيات", "المليشيات", "مليشيات", ...};
    the matcher compares lexicon entries (stored without the article) with these.
    """
    word = _variant(folded)
    forms = {word, _without_article(word)}
    stems = [word]
    if len(word) > 3 and word[0] in _CONJUNCTIONS:
        stems.append(word[1:])
    for stem in list(stems):
        if len(stem) > 3 and stem[0] in _PREPOSITIONS:
            rest = stem[1:]
            stems.append(rest)
            if stem[0] == "ل" and rest.startswith("ل") and len(rest) > 2:
                stems.append("ا" + rest)  # لل + word = ل + ال + word
    for stem in stems:
        forms.add(stem)
        forms.add(_without_article(stem))
        if len(stem) > 4 and stem.endswith("ا") and not stem.endswith("يا"):
            forms.add(_without_article(stem[:-1]))  # accusative: "كميناً" is "كمين"
    return frozenset(form for form in forms if form)


@lru_cache(maxsize=65536)
def _word(raw: str) -> tuple[str, frozenset[str]]:
    folded = fold_text(raw)
    return folded, word_forms(folded) if folded else frozenset()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split text[start:end] into word tokens with source offsets and clitic forms."""
    stop = len(text) if end is None else end
    piece = text if start == 0 and stop == len(text) else text[start:stop]
    # [gap, word, gap, word, …, gap]: word i is parts[2i + 1] and runs from ends[2i] to
    # ends[2i + 1] (ends[k] is where parts[k] ends). Splitting once and folding each
    # distinct word once (`_word`) is what keeps this quick on a long article.
    parts = _WORDS.split(piece)
    ends = list(itertools.accumulate(map(len, parts), initial=start))[1:]
    make = tuple.__new__  # no NamedTuple __new__ hop
    return [
        make(Token, (first, last, folded, forms))
        for first, last, (folded, forms) in zip(
            ends[0:-1:2], ends[1::2], map(_word, parts[1::2]), strict=True
        )
        if folded
    ]


_TATWEEL: Final = "\u0640"
_WORD_MARKS: Final = frozenset(_TATWEEL + "\u0670" + "".join(map(chr, range(0x064B, 0x0660))))
"""The marks `_WORDS` keeps inside and after a word: tatweel and harakat."""
_CASEFOLD_TO_LETTER: Final = "\u0345"
"""The one character that is no letter but folds to a single one (ypogegrammeni to iota)."""


def tokenize_article(text: str) -> list[Token]:
    """`tokenize(text)`, read from the folded runs `fold_runs` cut for the numbers and dates.

    An article is cut into words once, not twice: a run of the folded text is a word of
    the source whenever folding dropped only the marks a word may carry (harakat, tatweel)
    and turned no other character into a letter, which is what Arabic news is made of.
    Any other text (zero-width or bidi marks, Quranic marks, a letter whose case folding
    lengthens it) is cut by `tokenize` itself. The two give the same tokens; a property
    test holds them to it.
    """
    runs = fold_runs(text)
    dropped = runs.folded.dropped()
    if (
        dropped is None
        or _CASEFOLD_TO_LETTER in text
        or not _WORD_MARKS.issuperset(map(text.__getitem__, dropped))
    ):
        return tokenize(text)
    # [gap, run, gap, run, …, gap]: run i is parts[2i + 1], from offsets[2i + 1] to
    # offsets[2i + 2] in the folded text
    starts = runs.offsets[1:-1:2]
    ends = runs.offsets[2::2]
    if dropped:
        starts, ends = _source_spans(text, starts, ends, dropped)
    make = tuple.__new__  # no NamedTuple __new__ hop
    return [
        make(Token, (first, last, word, forms))
        for first, last, word, forms in zip(
            starts, ends, runs.parts[1::2], map(word_forms, runs.parts[1::2]), strict=True
        )
    ]


def _source_spans(
    text: str, starts: list[int], ends: list[int], dropped: list[int]
) -> tuple[list[int], list[int]]:
    """The source ranges of folded runs [starts[i], ends[i]), given the source indices of the
    dropped marks: a run ends where the next kept character is, after the marks written on
    its last letter, as `_WORDS` takes them, and starts at a tatweel written before it (a
    tatweel is a letter to `_WORDS`, a haraka is not)."""
    source_starts: list[int] = []
    source_ends: list[int] = []
    count = len(dropped)
    passed = 0  # dropped characters before the folded position being mapped
    tatweels = _TATWEEL in text
    for start, end in zip(starts, ends, strict=True):
        # folded index i is source index i + the drops at source indices <= i + drops
        while passed < count and dropped[passed] <= start + passed:
            passed += 1
        first = start + passed
        if tatweels and first > 0 and text[first - 1] in _WORD_MARKS:
            first = _with_tatweel(text, first)
        while passed < count and dropped[passed] <= end + passed:
            passed += 1
        source_starts.append(first)
        source_ends.append(end + passed)
    return source_starts, source_ends


def _with_tatweel(text: str, start: int) -> int:
    """Where a word whose first letter is at `start` begins: at the first tatweel among the
    marks right before it."""
    begin = start
    while begin > 0 and text[begin - 1] in _WORD_MARKS:
        begin -= 1
    tatweel = text.find(_TATWEEL, begin, start)
    return start if tatweel < 0 else tatweel


@dataclass(frozen=True, init=False)
class Sentence:
    """A sentence of the source as a half-open range, and its paragraph number."""

    start: int
    end: int
    paragraph: int

    def __init__(self, start: int, end: int, paragraph: int) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "paragraph", paragraph)


_ALNUM: Final = re.compile(r"[^\W_]")  # what str.isalnum() accepts, one character
# A run of . ! ? ؟ and line breaks, or a semicolon before a quote. Written to start with one
# character class, not as two alternatives: the regex engine then skips to the next
# candidate character in C instead of trying both alternatives at every character.
_SENTENCE_END: Final = re.compile(r"[.!?؟\n;؛](?:(?<=[;؛])(?=\s*[\"“«])|(?<![;؛])[.!?؟\n]*)")


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences at . ! ? ؟ and line breaks, trimming white space.

    A full stop between digits ("4.5") or after an initial ("المواطن (ج. ع.)", "D.C.")
    does not end a sentence.
    """
    sentences: list[Sentence] = []
    paragraph = 0
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        mark = match.group()
        if mark == "." and (
            _inside_number(text, match.start()) or _after_initial(text, match.start())
        ):
            continue
        _add_sentence(text, begin, match.end(), paragraph, sentences)
        begin = match.end()
        if "\n" in mark:
            paragraph += 1
    _add_sentence(text, begin, len(text), paragraph, sentences)
    return sentences


def _after_initial(text: str, index: int) -> bool:
    """Whether the full stop at `index` follows a letter standing alone, a name's initial."""
    return (
        index > 0
        and text[index - 1].isalpha()
        and (index == 1 or not text[index - 2].isalnum())
        and text[index + 1 : index + 2] != "\n"
    )


def _inside_number(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return before.isdigit() and after.isdigit()


def _add_sentence(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    while start < end and (text[start].isspace() or not text[start].isprintable()):
        start += 1
    while end > start and (text[end - 1].isspace() or not text[end - 1].isprintable()):
        end -= 1
    if end > start and _ALNUM.search(text, start, end):
        out.append(Sentence(start, end, paragraph))
