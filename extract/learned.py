"""What a project's reviewers taught the extractor: place names and actor spellings.

A `Lexicon` is a plain value: the places (a surface form with coordinates,
and the English name, governorate, district, country and level where the
reviewer gave them) and actor spellings (a surface form and its actor key)
that the storage (db.lexicon) collected from reviewers' corrections.
`extract_events(text, published, lexicon)` takes it as a parameter, so the
extractor stays free of the storage; without one it reads as it always did.

Learned places are found with the gazetteer's own folding and rules
(`extract.gazetteer.PlaceNames`): hamza, alef and ta marbuta forms fold
alike, attached prefixes (و ف ب ل ك, and لل for ل + ال) are read off,
organisation names are skipped. Each is also known without its article
("الميادين" matches "وميادين"), or with one when the reviewer wrote none
(a one-word name). A learned name the gazetteer also knows as a common word
keeps the gazetteer's guard. Where a learned name and a gazetteer name
overlap, the longer wins; on the same words the learned reading comes first,
the gazetteer's follow as alternatives. The pipeline then drops, as for the
gazetteer's places, every place inside an actor name, built-in or learned.
Learned actor spellings join the bundled actor lexicon (`extract.lexicon`):
matched like its phrases, a learned key replacing a bundled one for the
same phrase.

Reviewers may place one name in two places (villages share names): both are
candidates, the first in the lexicon's order (by the words as written, the
English name, then coordinates) the default. Likewise an actor spelling given two keys takes
the last in that order.

`Lexicon.fingerprint()` is a SHA-256 of the sorted entries: runs of the
extractor record it, and the empty lexicon (`EMPTY_FINGERPRINT`) is what
a run without one used. The lookup structures are built once per lexicon
(`learned_index`, cached by fingerprint), not once per article.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from extract.gazetteer import Place, PlaceMatch, PlaceNames, bare_name_key, lookup, name_key
from extract.lexicon import ActorMention, actor_matcher, find_actors
from extract.phrases import PhraseMatcher
from extract.record import LocationLevel
from extract.tokens import Token, tokenize

__all__ = [
    "EMPTY_FINGERPRINT",
    "LearnedActor",
    "LearnedIndex",
    "LearnedPlace",
    "Lexicon",
    "learned_index",
    "worth_learning_actor",
    "worth_learning_place",
]

_ARTICLE = "ال"
_MIN_STEM = 3
"""Letters a name keeps once its article is taken off for the article-less spelling; a
learned name or spelling needs as many at least."""
_SAME_PLACE_DEGREES = 0.01
"""Coordinates this close (about a kilometre) are the same place."""
_INDEXES = 8
"""Lexicons whose indexes are kept (a run uses one)."""


@dataclass(frozen=True)
class LearnedPlace:
    """A place a reviewer gave: the words of the text (`surface`), coordinates, and the
    English name, governorate, district, country and level where given."""

    surface: str
    lat: float
    lon: float
    name: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    level: LocationLevel | None = None

    def order(self) -> tuple[Any, ...]:
        """The key the lexicon sorts places by (never None inside)."""
        return (
            self.surface, self.name or "", self.lat, self.lon, self.admin1 or "",
            self.admin2 or "", self.country or "", self.level or "",
        )  # fmt: skip

    def spellings(self) -> tuple[str, ...]:
        """The folded spellings it is found under: as given (less a place word before the name,
        "قرية"), and without (or, for one word, with) the article."""
        key = bare_name_key(self.surface)
        if len(key.replace(" ", "")) < _MIN_STEM:
            return ()  # too short to be told from other words
        first, _, rest = key.partition(" ")
        if first.startswith(_ARTICLE) and len(first) - len(_ARTICLE) >= _MIN_STEM:
            return key, f"{first[len(_ARTICLE) :]} {rest}".strip()
        if not rest and len(first) >= _MIN_STEM:
            return key, _ARTICLE + first
        return (key,)

    def place(self) -> Place:
        """The place as the gazetteer's matcher reports it (source "learned").

        Without a level it ranks as a settlement; a site ranks as a base does.
        """
        kind = "village" if self.level is None else "base" if self.level == "site" else self.level
        return Place(
            key=f"learned:{bare_name_key(self.surface)}@{self.lat:.5f},{self.lon:.5f}",
            name=self.name or "",
            kind=kind,
            admin1=self.admin1,
            country=self.country,
            lat=self.lat,
            lon=self.lon,
            population=None,
            arabic=(self.surface,),
            source="learned",
            admin2=self.admin2,
            level=self.level,
        )


@dataclass(frozen=True)
class LearnedActor:
    """An actor spelling a reviewer gave: the words of the text and the actor key."""

    surface: str
    key: str

    def order(self) -> tuple[str, str]:
        """The key the lexicon sorts actors by."""
        return (self.surface, self.key)


def _canonical(entries: Iterable[Any]) -> tuple[Any, ...]:
    """Entries sorted by their `order()`, each once."""
    unique = {entry.order(): entry for entry in entries}
    return tuple(unique[key] for key in sorted(unique))


@dataclass(frozen=True)
class Lexicon:
    """Learned places and actor spellings, sorted and each once whatever order they came in."""

    places: tuple[LearnedPlace, ...] = ()
    actors: tuple[LearnedActor, ...] = ()
    _digest: str = field(init=False, repr=False, compare=False, default="")

    def __post_init__(self) -> None:
        object.__setattr__(self, "places", _canonical(self.places))
        object.__setattr__(self, "actors", _canonical(self.actors))
        entries = {
            "actors": [list(actor.order()) for actor in self.actors],
            "places": [list(place.order()) for place in self.places],
        }
        encoded = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
        object.__setattr__(self, "_digest", hashlib.sha256(encoded.encode()).hexdigest())

    def __len__(self) -> int:
        return len(self.places) + len(self.actors)

    def fingerprint(self) -> str:
        """SHA-256 (hex) of the sorted entries: equal lexicons, equal fingerprints."""
        return self._digest


EMPTY_FINGERPRINT = Lexicon().fingerprint()
"""The fingerprint of the empty lexicon: what a run without a lexicon used."""


class LearnedIndex:
    """A lexicon's lookup structures: its places' matcher and the actor matcher with its
    spellings added. Built once per lexicon by `learned_index`."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.places = PlaceNames((p.place(), p.spellings()) for p in lexicon.places)
        self.actors: PhraseMatcher[str] = actor_matcher((a.surface, a.key) for a in lexicon.actors)
        self.first_words = self.actors.first_words()
        """Every word an actor name can start with, learned ones included."""

    def find_actors(
        self, tokens: list[Token], text: str, candidates: list[int] | None = None
    ) -> list[ActorMention]:
        """The actor mentions among `tokens`, by the bundled and the learned spellings."""
        return find_actors(tokens, text, candidates, self.actors)

    def find_places(self, text: str, found: list[PlaceMatch]) -> list[PlaceMatch]:
        """The gazetteer's matches `found` in `text` merged with the learned ones, left to
        right, without overlaps (module docstring)."""
        learned = self.places.find(text) if text else []
        return _merged(learned, found) if learned else found


def _merged(learned: list[PlaceMatch], found: list[PlaceMatch]) -> list[PlaceMatch]:
    """Both lists (each left to right, without overlaps) as one: a learned match is kept when
    no gazetteer match it overlaps is longer, and then replaces those it overlaps."""
    starts = [match.start for match in found]
    dropped: set[int] = set()
    kept: list[PlaceMatch] = []
    for match in learned:
        first = max(0, bisect.bisect_right(starts, match.start) - 1)
        overlapping = [
            index
            for index in range(first, bisect.bisect_left(starts, match.end))
            if found[index].end > match.start
        ]
        if any(found[i].end - found[i].start > match.end - match.start for i in overlapping):
            continue
        span = (match.start, match.end)
        same = [found[i] for i in overlapping if (found[i].start, found[i].end) == span]
        if same:
            keys = {place.key for place in match.candidates}
            extra = tuple(p for p in same[0].candidates if p.key not in keys)
            match = replace(match, candidates=match.candidates + extra)
        dropped.update(overlapping)
        kept.append(match)
    kept.extend(match for index, match in enumerate(found) if index not in dropped)
    return sorted(kept, key=lambda match: match.start)


_CACHE: OrderedDict[str, LearnedIndex] = OrderedDict()


def learned_index(lexicon: Lexicon | None) -> LearnedIndex | None:
    """The lexicon's index, built on first use and kept by fingerprint; None for no lexicon or
    an empty one (the extractor then reads as without one)."""
    if lexicon is None or not len(lexicon):
        return None
    key = lexicon.fingerprint()
    index = _CACHE.get(key)
    if index is None:
        index = _CACHE[key] = LearnedIndex(lexicon)
        while len(_CACHE) > _INDEXES:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(key)
    return index


# -- what is worth learning (the storage asks, when a reviewer's decision is written) -------


def _close(place: Place, learned: LearnedPlace) -> bool:
    if place.lat is None or place.lon is None:
        return False
    return (
        abs(place.lat - learned.lat) <= _SAME_PLACE_DEGREES
        and abs(place.lon - learned.lon) <= _SAME_PLACE_DEGREES
    )


def worth_learning_place(place: LearnedPlace, article: str) -> bool:
    """Whether a place a reviewer gave teaches the extractor something.

    Its surface must be found in the article's text as the extractor would
    find it there (prefixes, hamza forms, the article optional), its
    coordinates must be real, and it must not be the place the gazetteer
    already gives that name by default (then nothing is learned); a name the
    gazetteer does not know, or one it reads as another of its homonyms, is.
    """
    if not (math.isfinite(place.lat) and math.isfinite(place.lon)):
        return False
    spellings = place.spellings()
    if not spellings or not PlaceNames([(place.place(), spellings)]).find(article):
        return False
    known = lookup(place.surface)
    return not (known and _close(known[0], place))


def worth_learning_actor(actor: LearnedActor, article: str) -> bool:
    """Whether an actor spelling a reviewer gave teaches the extractor something: found in the
    article's text as a phrase of the lexicon is found, and not already given that key there
    by the bundled lexicon."""
    if len(name_key(actor.surface).replace(" ", "")) < _MIN_STEM:
        return False
    tokens = tokenize(article)
    found = PhraseMatcher([(actor.surface, actor.key)]).find(tokens, article)
    if not found:
        return False
    mine = tokenize(actor.surface)
    bundled = find_actors(mine, actor.surface)
    whole = len(bundled) == 1 and bundled[0].first_token == 0 and bundled[0].last_token == len(mine)
    return not (whole and bundled[0].key == actor.key)
