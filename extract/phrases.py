"""Finding lexicon phrases in tokenised text: longest match, clitic-tolerant.

A phrase is a sequence of words; each is stored folded and without the
article, and matches any token whose clitic-free forms include it (see
extract.tokens). Matching walks a word trie from every token, so its cost is
proportional to the text, not to the size of the lexicon.
"""

from __future__ import annotations

import operator
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import compress, count, repeat
from operator import itemgetter
from typing import Final, Generic, TypeVar, cast

from extract.tokens import Token, canonical_word

T = TypeVar("T")


class _Node(Generic[T]):
    """A trie node: the words that go on from here, and the value of the phrase ending here.

    This class and PhraseMatch are plain classes, not dataclasses: mypyc cannot
    compile a generic dataclass (mypyc/mypyc#827).
    """

    def __init__(self) -> None:
        self.children: dict[str, _Node[T]] = {}
        self.value: T | None = None
        self.has_value = False


class PhraseMatch(Generic[T]):
    """A phrase found in text: token range [first, last), source range, and its value."""

    def __init__(self, first: int, last: int, start: int, end: int, value: T) -> None:
        self.first = first
        self.last = last
        self.start = start
        self.end = end
        self.value = value

    def __repr__(self) -> str:
        return f"PhraseMatch({self.first}, {self.last}, {self.start}, {self.end}, {self.value!r})"


def phrase_words(phrase: str) -> tuple[str, ...]:
    """Return the matching keys of a phrase's words (folded, without the article)."""
    return tuple(canonical_word(word) for word in phrase.split())


_FIRSTS_CACHE_SIZE: Final = 100_000  # distinct words whose phrase starts a matcher keeps
_Starts = tuple[tuple[str, _Node[T]], ...]
"""The forms of a token that start phrases, each with its node in the trie."""


class PhraseMatcher(Generic[T]):
    """A dictionary of phrases to values, searched in token lists."""

    def __init__(self, entries: Iterable[tuple[str, T]] = ()) -> None:
        self._root: _Node[T] = _Node()
        # A token's forms (one frozenset per distinct word, see extract.tokens) -> the
        # phrases' first words among them, each with its node: worked out once a word.
        self._firsts: dict[frozenset[str], _Starts[T]] = {}
        for phrase, value in entries:
            self.add(phrase, value)

    def add(self, phrase: str, value: T) -> None:
        """Add a phrase; a later value for the same phrase replaces the earlier one."""
        words = phrase_words(phrase)
        if not words:
            return
        self._firsts.clear()
        node = self._root
        for word in words:
            node = node.children.setdefault(word, _Node())
        node.value, node.has_value = value, True

    def _first_nodes(self, forms: frozenset[str]) -> _Starts[T]:
        """The forms of a token that start phrases, with their nodes, in the forms' order."""
        found = self._firsts.get(forms)
        if found is None:
            if len(self._firsts) > _FIRSTS_CACHE_SIZE:
                self._firsts.clear()
            children = self._root.children
            found = self._firsts[forms] = tuple(
                (form, children[form]) for form in forms if form in children
            )
        return found

    def _longest(
        self, tokens: Sequence[Token], first: int, starts: _Starts[T]
    ) -> tuple[int, str, T] | None:
        """The longest phrase from token `first`, whose forms start phrases as `starts`."""
        best: tuple[int, str, T] | None = None
        # Depth first; the forms are pushed in the order the token gives them, so that
        # of two phrases of one length, the one first pushed is found last and loses.
        frontier = [(first + 1, key, node) for key, node in starts]
        size = len(tokens)
        while frontier:
            index, key, node = frontier.pop()
            if node.has_value and (best is None or index > best[0]):
                best = (index, key, node.value)  # type: ignore[assignment]
            children = node.children
            if index >= size or not children:
                continue
            forms = tokens[index].forms
            if children.keys().isdisjoint(forms):
                continue  # the usual case: no phrase goes on with the next word
            for form in forms:
                child = children.get(form)
                if child is not None:
                    frontier.append((index + 1, key, child))
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
        positions = range(len(tokens)) if candidates is None else candidates
        # The phrases each token starts (most start none), looked up a token at a time in C.
        forms = map(itemgetter(3), map(tokens.__getitem__, positions))
        found_starts = list(map(self._firsts.get, forms))
        if None in found_starts:  # words not seen yet
            for k in compress(count(), map(operator.is_, found_starts, repeat(None))):
                found_starts[k] = self._first_nodes(tokens[positions[k]].forms)
        starts = cast("list[_Starts[T]]", found_starts)
        resume = 0
        size = len(tokens)
        for k in compress(count(), starts):
            index = positions[k]
            if index < resume:
                continue  # inside the previous match
            first = starts[k]
            if len(first) == 1 and not first[0][1].has_value:
                # The usual miss ("في" starts phrases but is none): the next word goes on none.
                children = first[0][1].children
                if index + 1 >= size or children.keys().isdisjoint(tokens[index + 1].forms):
                    continue
            token = tokens[index]
            found = self._longest(tokens, index, first)
            if found is None:
                continue
            last, key, value = found
            start = token.start + _word_offset(text[token.start : token.end], key)
            matches.append(PhraseMatch(index, last, start, tokens[last - 1].end, value))
            resume = last
        return matches


@lru_cache(maxsize=65536)
def _word_offset(word: str, key: str) -> int:
    """Where the word matched as `key` begins inside a written word, after its clitics."""
    for skip in range(0, min(4, len(word) - 1)):
        if canonical_word(word[skip:]) == key:
            start = skip
            while start < len(word) - 1 and unicodedata.category(word[start]) == "Mn":
                start += 1  # a haraka of the stripped clitic
            return start
    return 0
