"""Finding lexicon phrases in tokenised text: longest match, clitic-tolerant.

A phrase is a sequence of words; each is stored folded and without the
article, and matches any token whose clitic-free forms include it (see
extract.tokens). Matching walks a word trie from every token, so its cost is
proportional to the text, not to the size of the lexicon.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from extract.tokens import Token, canonical_word

T = TypeVar("T")


@dataclass
class _Node(Generic[T]):
    children: dict[str, _Node[T]] = field(default_factory=dict)
    value: T | None = None
    has_value: bool = False


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    """A phrase found in text: token range [first, last), source range, and its value."""

    first: int
    last: int
    start: int
    end: int
    value: T


def phrase_words(phrase: str) -> tuple[str, ...]:
    """Return the matching keys of a phrase's words (folded, without the article)."""
    return tuple(canonical_word(word) for word in phrase.split())


class PhraseMatcher(Generic[T]):
    """A dictionary of phrases to values, searched in token lists."""

    def __init__(self, entries: Iterable[tuple[str, T]] = ()) -> None:
        self._root: _Node[T] = _Node()
        for phrase, value in entries:
            self.add(phrase, value)

    def add(self, phrase: str, value: T) -> None:
        """Add a phrase; a later value for the same phrase replaces the earlier one."""
        words = phrase_words(phrase)
        if not words:
            return
        node = self._root
        for word in words:
            node = node.children.setdefault(word, _Node())
        node.value, node.has_value = value, True

    def _longest(self, tokens: Sequence[Token], first: int) -> tuple[int, str, T] | None:
        best: tuple[int, str, T] | None = None
        frontier: list[tuple[int, str, _Node[T]]] = [(first, "", self._root)]
        while frontier:
            index, key, node = frontier.pop()
            if node.has_value and index > first and (best is None or index > best[0]):
                best = (index, key, node.value)  # type: ignore[assignment]
            if index >= len(tokens):
                continue
            for form in tokens[index].forms:
                child = node.children.get(form)
                if child is not None:
                    frontier.append((index + 1, key or form, child))
        return best

    def first_words(self) -> frozenset[str]:
        """The keys a phrase can start with (a token whose forms miss them starts none)."""
        return frozenset(self._root.children)

    def find(
        self, tokens: Sequence[Token], text: str, candidates: Sequence[int] | None = None
    ) -> list[PhraseMatch[T]]:
        """Return non-overlapping longest matches in `text`'s tokens, left to right.

        A match starts after any conjunction or preposition attached to its
        first word, and keeps the article: "وبالحرس الثوري" gives "الحرس الثوري".
        `candidates`, if given, are the only token indices (ascending) where a
        match may start: a caller running several matchers finds them once.
        """
        matches: list[PhraseMatch[T]] = []
        starts = self._root.children.keys()
        positions = range(len(tokens)) if candidates is None else candidates
        resume = 0
        for index in positions:
            if index < resume or starts.isdisjoint(tokens[index][3]):
                continue  # inside the previous match, or a word that starts no phrase
            found = self._longest(tokens, index)
            if found is None:
                continue
            last, key, value = found
            start = _word_start(text, tokens[index], key)
            matches.append(PhraseMatch(index, last, start, tokens[last - 1].end, value))
            resume = last
        return matches


def _word_start(text: str, token: Token, key: str) -> int:
    """Return where the word matched as `key` begins inside the token, after its clitics."""
    for skip in range(0, min(4, token.end - token.start - 1)):
        if canonical_word(text[token.start + skip : token.end]) == key:
            start = token.start + skip
            while start < token.end - 1 and unicodedata.category(text[start]) == "Mn":
                start += 1  # a haraka of the stripped clitic
            return start
    return token.start
