"""The built-in extractor: from an article's text to its events.

Steps: find words, places, dates, numbers, actors, triggers and non-event
cues over the whole text once; cut each sentence into clauses; make a
candidate event of every clause that has a trigger and no non-event cue,
with its place, date, actors and casualty figures (looked up in the clause,
then the sentence, then the paragraph before it); finally merge candidates
that report the same incident (same kind, same place, compatible dates).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from dataclasses import dataclass, replace

from extract.casualties import Casualties, find_casualties
from extract.cues import find_cues
from extract.dates import DateMatch, find_dates
from extract.gazetteer import PlaceMatch, find_places
from extract.lexicon import ActorMention, find_actors
from extract.numbers import find_numbers
from extract.record import Actor, Event, Location, Span
from extract.roles import assign_roles
from extract.tokens import Sentence, Token, split_sentences, tokenize
from extract.triggers import Trigger, clause_type, find_triggers

EXTRACTOR = "rules-1"
MAX_TEXT = 2_000_000  # characters read; the rest of a longer text is ignored

# How specific a place is: the most specific place in a clause locates its event.
_PLACE_RANK = {
    "base": 5,
    "oil field": 5,
    "crossing": 5,
    "district": 4,
    "village": 4,
    "town": 4,
    "city": 4,
    "neighbourhood": 5,
    "admin1": 2,
    "region": 1,
    "country": 1,
}
_CLAUSE_STARTERS = frozenset({"بعد", "عقب", "كما", "فيما", "بينما", "ثم", "وسط", "غداه"})
_RESPONSE = frozenset({"ردا", "رد"})


@dataclass
class Candidate:
    """One clause's reading of an incident, before merging."""

    sub_event_type: str
    strength: int
    sentence: Sentence
    place: PlaceMatch | None
    attacker: ActorMention | None
    target: ActorMention | None
    casualties: Casualties
    date: DateMatch | None


def _as_date(published: str | dt.date | None) -> dt.date | None:
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            return None
    return None


def _rank(place: PlaceMatch) -> int:
    return _PLACE_RANK.get(place.place.kind, 3)


def _in(items: list, start: int, end: int) -> list:  # type: ignore[type-arg]
    return [item for item in items if start <= item.start and item.end <= end]


def _clauses(tokens: list[Token], text: str, first: int, last: int) -> list[tuple[int, int]]:
    """Cut a sentence's tokens [first, last) into clauses at connectives."""
    cuts = [first]
    for index in range(first + 1, last):
        token = tokens[index]
        gap = text[tokens[index - 1].end : token.start]
        word = token.folded
        after_comma = any(mark in gap for mark in "،,:-–")
        if (
            word in _CLAUSE_STARTERS
            or (word in _RESPONSE and index + 1 < last and tokens[index + 1].folded == "علي")
            or (after_comma and word.startswith("و") and len(word) > 2)
        ) and index - cuts[-1] >= 3:
            cuts.append(index)
    cuts.append(last)
    return list(itertools.pairwise(cuts))


class _Article:
    """Everything found in one article's text, indexed for clause lookups."""

    def __init__(self, text: str, published: dt.date | None) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.starts = [token.start for token in self.tokens]
        self.places = find_places(text)
        self.dates = [d for d in find_dates(text, published) if d.date is not None]
        self.numbers = find_numbers(text)
        self.actors = find_actors(self.tokens, text)
        self.triggers = find_triggers(self.tokens, text)
        self.cues = find_cues(self.tokens, text)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Tokens lying inside source range [start, end)."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Source range covered by tokens [first, last)."""
        return self.tokens[first].start, self.tokens[last - 1].end


def _best_places(places: list[PlaceMatch]) -> list[PlaceMatch]:
    if not places:
        return []
    top = max(_rank(place) for place in places)
    seen, best = set(), []
    for place in places:
        if _rank(place) == top and place.place.key not in seen:
            seen.add(place.place.key)
            best.append(place)
    return best


def _clause_candidates(
    article: _Article, sentence: Sentence, context: dict[str, object]
) -> list[Candidate]:
    first, last = article.token_range(sentence.start, sentence.end)
    if first >= last:
        return []
    out: list[Candidate] = []
    sentence_places = _best_places(_in(article.places, sentence.start, sentence.end))
    sentence_dates = _in(article.dates, sentence.start, sentence.end)
    for begin, stop in _clauses(article.tokens, article.text, first, last):
        triggers: list[Trigger] = [t for t in article.triggers if begin <= t.first < stop]
        if not triggers:
            continue
        if any(begin <= cue.first < stop for cue in article.cues):
            continue
        start, end = article.span(begin, stop)
        sub_event_type, strength = clause_type(triggers)
        casualties = find_casualties(article.tokens, article.text, article.numbers, begin, stop)
        if strength == 1 and casualties.killed is None and casualties.injured is None:
            continue
        places = _best_places(_in(article.places, start, end)) or sentence_places
        if not places and isinstance(context.get("place"), PlaceMatch):
            places = [context["place"]]  # type: ignore[list-item]
        dates = _in(article.dates, start, end) or sentence_dates
        date = dates[0] if dates else context.get("date")
        mentions = [m for m in article.actors if begin <= m.first_token < stop]
        roles = assign_roles(mentions, article.tokens, article.text, begin, triggers[0].first)
        chosen: list[PlaceMatch | None] = list(places) if places else [None]
        for place in chosen:
            out.append(
                Candidate(
                    sub_event_type,
                    strength,
                    sentence,
                    place,
                    roles.attacker,
                    roles.target,
                    casualties if len(places) <= 1 else Casualties(),
                    date if isinstance(date, DateMatch) else None,
                )
            )
    return out


def _compatible(a: Candidate, b: Candidate) -> bool:
    if a.sub_event_type != b.sub_event_type:
        return False
    if a.place is None or b.place is None or a.place.place.key != b.place.place.key:
        return False
    return a.date is None or b.date is None or a.date.date == b.date.date


def _merge(into: Candidate, other: Candidate) -> Candidate:
    killed = [v for v in (into.casualties.killed, other.casualties.killed) if v is not None]
    injured = [v for v in (into.casualties.injured, other.casualties.injured) if v is not None]
    return replace(
        into,
        strength=max(into.strength, other.strength),
        attacker=into.attacker or other.attacker,
        target=into.target or other.target,
        casualties=Casualties(max(killed, default=None), max(injured, default=None)),
        date=into.date or other.date,
    )


def merge_candidates(candidates: list[Candidate]) -> list[Candidate]:
    """Merge candidates that report the same incident; drop vaguer duplicates of it."""
    merged: list[Candidate] = []
    for candidate in candidates:
        for index, existing in enumerate(merged):
            if _compatible(existing, candidate):
                merged[index] = _merge(existing, candidate)
                break
        else:
            merged.append(candidate)
    specific = [c for c in merged if c.place is not None and _rank(c.place) >= 4]
    kept = []
    for candidate in merged:
        if candidate.place is None:
            continue
        if _rank(candidate.place) < 4 and any(
            s.sub_event_type == candidate.sub_event_type
            and s.place is not None
            and s.place.place.country == candidate.place.place.country
            and (s.date is None or candidate.date is None or s.date.date == candidate.date.date)
            for s in specific
        ):
            continue
        kept.append(candidate)
    return kept


def _actor(mention: ActorMention | None) -> Actor | None:
    if mention is None:
        return None
    return Actor(text=mention.text, key=mention.key, name=mention.name)


def _location(match: PlaceMatch | None) -> Location | None:
    if match is None:
        return None
    place = match.place
    return Location(
        text=match.text,
        name=place.name,
        admin1=place.admin1,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
    )


def _confidence(candidate: Candidate) -> float:
    score = {3: 0.6, 2: 0.45, 1: 0.3}.get(candidate.strength, 0.3)
    if candidate.place is not None and _rank(candidate.place) >= 4:
        score += 0.15
    if candidate.attacker is not None:
        score += 0.1
    if candidate.date is not None:
        score += 0.05
    if candidate.casualties.killed is not None:
        score += 0.05
    return round(min(score, 0.95), 2)


def to_event(candidate: Candidate) -> Event:
    """Turn a merged candidate into an event record."""
    date = candidate.date
    return Event(
        sub_event_type=candidate.sub_event_type,
        evidence=Span(candidate.sentence.start, candidate.sentence.end),
        actor1=_actor(candidate.attacker),
        actor2=_actor(candidate.target),
        location=_location(candidate.place),
        date=date.date.isoformat() if date and date.date else None,
        date_text=date.text if date else None,
        fatalities=candidate.casualties.killed,
        injured=candidate.casualties.injured,
        confidence=_confidence(candidate),
        origin="machine",
        extractor=EXTRACTOR,
    )


def extract_events(text: str, published: str | dt.date | None = None) -> list[Event]:
    """Return the events an Arabic news article reports, in text order.

    `published` anchors relative dates ("أمس", "الثلاثاء الماضي"). Never
    raises on a string; deterministic; offsets always lie inside `text`.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    article = _Article(text[:MAX_TEXT], _as_date(published))
    candidates: list[Candidate] = []
    context: dict[str, object] = {}
    paragraph = -1
    for sentence in split_sentences(article.text):
        if sentence.paragraph != paragraph:
            paragraph, context = sentence.paragraph, {}
        candidates.extend(_clause_candidates(article, sentence, context))
        places = _best_places(_in(article.places, sentence.start, sentence.end))
        if places:
            context["place"] = places[0]
        dates = _in(article.dates, sentence.start, sentence.end)
        if dates:
            context["date"] = dates[-1]
    return [to_event(candidate) for candidate in merge_candidates(candidates)]
