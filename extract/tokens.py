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
from typing import NamedTuple

from extract.normalize import fold_text

# A word: letters, digits and marks (harakat, tatweel) of any script; captured, so that
# re.split gives the words and the gaps between them.
_WORDS = re.compile(r"([^\W_]+(?:[\u0640\u064b-\u065f\u0670][^\W_]*)*)")
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
# Spelling variants folded to one form, applied after the generic fold.
_VARIANTS = (
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


_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() accepts, one character
# A run of . ! ? ؟ and line breaks, or a semicolon before a quote. Written to start with one
# character class, not as two alternatives: the regex engine then skips to the next
# candidate character in C instead of trying both alternatives at every character.
_SENTENCE_END = re.compile(r"[.!?؟\n;؛](?:(?<=[;؛])(?=\s*[\"“«])|(?<![;؛])[.!?؟\n]*)")


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
