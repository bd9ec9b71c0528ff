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
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Generic, TypeVar

from extract.casualties import (
    Casualties,
    casualty_first_words,
    casualty_words,
    find_casualties,
)
from extract.cues import cue_first_words, find_cues
from extract.dates import DateMatch, find_dates
from extract.gazetteer import PlaceMatch, find_places
from extract.lexicon import ActorMention, actor_first_words, find_actors
from extract.normalize import fold_text
from extract.numbers import find_numbers
from extract.record import Actor, Event, Location, Span
from extract.roles import Roles, assign_roles
from extract.tokens import Sentence, Token, split_sentences, tokenize
from extract.triggers import Trigger, clause_type, find_triggers, trigger_first_words
from extract.version import EXTRACTOR

T = TypeVar("T")
MAX_TEXT = 2_000_000  # characters read; the rest of a longer text is ignored

# How specific a place is: the most specific place in a clause locates its event.
_PLACE_RANK = {
    "base": 5,
    "oil field": 5,
    "crossing": 5,
    "neighbourhood": 4,
    "village": 4,
    "town": 4,
    "city": 4,
    "water": 4,
    "district": 3,
    "governorate": 2,
    "region": 2,
    "country": 1,
}
_CLAUSE_STARTERS = frozenset(
    {"بعد", "عقب", "كما", "فيما", "بينما", "ثم", "وسط", "غداه", "بما", "الا", "بالوقوف"}
    # participles that append a statement: "..., متوعدة بأن", "..., مشيرا إلى"
    | {
        "متوعده",
        "متوعدا",
        "مشيره",
        "مشيرا",
        "مؤكده",
        "مؤكدا",
        "مضيفا",
        "مضيفه",
        "محذرا",
        "محذره",
        "قائلا",
        "قائله",
        "موضحا",
        "موضحه",
        "معتبرا",
        "معتبره",
        "لافتا",
        "لافته",
    }
)
_RESPONSE = frozenset({"ردا", "رد"})
_SAYING = frozenset(
    {
        "قال",
        "قالت",
        "وقال",
        "وقالت",
        "افاد",
        "افادت",
        "ذكر",
        "ذكرت",
        "اكد",
        "اكدت",
        "اوضح",
        "اوضحت",
        "اضاف",
        "اضافت",
        "واضاف",
        "واضافت",
        "واكد",
        "واكدت",
    }
)
_NEXT_DAY = fold_text("اليوم التالي")
_AIRCRAFT = ("طاير", "طيران", "مقاتلات", "مروحي", "مسير")
# Generic kinds whose weapon the article may state elsewhere ("القصف", "ضربات", "هجوم").
_GENERIC_STRENGTH = 2


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
    recalls: bool = False


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


_OPEN_SEAS = frozenset({"Red Sea", "Gulf of Aden", "Arabian Sea", "Mediterranean Sea"})


def _rank(place: PlaceMatch) -> int:
    if place.place.name in _OPEN_SEAS:
        return 3  # "في البحر الأحمر قرب باب المندب": the strait says more
    return _PLACE_RANK.get(place.place.kind, 3)


class _Located(Generic[T]):
    """Items sorted by position, with the ones inside a range found by bisection.

    Looking items up clause by clause by scanning the whole article would make
    extraction quadratic in the article's length.
    """

    def __init__(self, items: list[T], key: Callable[[T], int]) -> None:
        self.items = sorted(items, key=key)
        self.keys = [key(item) for item in self.items]

    def between(self, low: int, high: int) -> list[T]:
        """Items whose key k satisfies low <= k < high."""
        return self.items[bisect.bisect_left(self.keys, low) : bisect.bisect_left(self.keys, high)]


def _in(located: _Located[Any], start: int, end: int) -> list[Any]:
    """Items lying wholly inside source range [start, end)."""
    return [item for item in located.between(start, end) if item.end <= end]


def _clauses(tokens: list[Token], text: str, first: int, last: int) -> list[tuple[int, int]]:
    """Cut a sentence's tokens [first, last) into clauses at connectives."""
    cuts = [first]
    for index in range(first + 1, last):
        token = tokens[index]
        gap = text[tokens[index - 1].end : token.start]
        word = token.folded
        after_comma = gap != " " and any(mark in gap for mark in "،,:-–")
        aside = (
            after_comma
            and word == "في"
            and index + 1 < last
            and tokens[index + 1].folded in ("احدث", "اطار", "سياق", "ظل")
        )  # ", في أحدث هجوم لها منذ ...": a remark on the incident, not the incident
        reported = word in ("ان", "بان") and any(
            tokens[i].folded in _SAYING for i in range(max(cuts[-1], index - 8), index)
        )
        if (
            word in _CLAUSE_STARTERS
            or (
                token.forms & _RESPONSE
                and index + 1 < last
                and tokens[index + 1].folded.startswith("علي")
            )
            or (after_comma and word.startswith("و") and len(word) > 2)
            or reported
            or aside
        ) and index - cuts[-1] >= 3:
            cuts.append(index)
    cuts.append(last)
    return list(itertools.pairwise(cuts))


@cache
def _first_words() -> frozenset[str]:
    """Every word that can start an actor, trigger, cue or casualty phrase."""
    return actor_first_words() | trigger_first_words() | cue_first_words() | casualty_first_words()


class _Article:
    """Everything found in one article's text, indexed for clause lookups."""

    def __init__(self, text: str, published: dt.date | None) -> None:
        self.text = text
        self.published = published
        self.tokens = tokenize(text)
        self.starts = [token.start for token in self.tokens]
        self.numbers = find_numbers(text)
        starters = _first_words()
        candidates = [i for i, token in enumerate(self.tokens) if not starters.isdisjoint(token[3])]
        self.actors = find_actors(self.tokens, text, candidates)
        actors_at = _Located(self.actors, lambda a: a.start)
        # "مجلس منبج العسكري" names a force, not the place of an incident
        places = [
            p
            for p in find_places(text)
            if not any(
                a.start <= p.start and p.end <= a.end
                for a in actors_at.between(p.start - 200, p.start + 1)
            )
        ]
        dates = [d for d in find_dates(text, published) if d.date is not None]
        self.place_index = _Located(places, lambda p: p.start)
        self.date_index = _Located(dates, lambda d: d.start)
        self.trigger_index = _Located(
            find_triggers(self.tokens, text, candidates), lambda t: t.first
        )
        self.cue_index = _Located(find_cues(self.tokens, text, candidates), lambda c: c.first)
        self.actor_index = _Located(self.actors, lambda m: m.first_token)
        self.casualty_index = _Located(
            casualty_words(self.tokens, text, candidates), lambda m: m.first
        )

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Tokens lying inside source range [start, end)."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Source range covered by tokens [first, last)."""
        return self.tokens[first].start, self.tokens[last - 1].end


def _coordinated(text: str, earlier: PlaceMatch, later: PlaceMatch) -> bool:
    """Whether two places are joined by "و" ("الميادين والبوكمال", "الميادين وريف البوكمال")."""
    gap = text[earlier.end : later.start]
    words = gap.split()
    return len(words) <= 3 and (gap.lstrip().startswith("و") or text[later.start - 1] == "و")


def _origin(text: str, place: PlaceMatch) -> bool:
    """Whether a place is where fire came from ("أطلقت من جنوب لبنان"), not where it fell."""
    before = [fold_text(word) for word in text[max(0, place.start - 25) : place.start].split()]
    if not before or before[-1] not in ("من", "انطلاقا"):
        return False
    return len(before) < 2 or before[-2] not in ("قرب", "بالقرب", "مقربه", "بمقربه", "مسافه")


def _choose_places(text: str, places: list[PlaceMatch], anchor: int) -> list[PlaceMatch]:
    """The place(s) of an incident: the most specific, nearest after the trigger;
    several only when the text joins them with "و"."""
    places = [place for place in places if not _origin(text, place)]
    if not places:
        return []
    top = max(_rank(place) for place in places)
    best = [place for place in places if _rank(place) == top]
    after = [place for place in best if place.start >= anchor]
    first = after[0] if after else best[0]
    chosen = [first]
    for place in best[best.index(first) + 1 :]:
        if _coordinated(text, chosen[-1], place) and place.place.key not in {
            c.place.key for c in chosen
        }:
            chosen.append(place)
    return chosen


def _is_air(mentions: list[ActorMention]) -> bool:
    return any(any(word in fold_text(m.text) for word in _AIRCRAFT) for m in mentions)


@dataclass(frozen=True)
class _Carried:
    """What a sentence inherits from the sentences before it.

    A place carries within its paragraph, a date beyond it.
    """

    place: PlaceMatch | None = None
    date: DateMatch | None = None


@dataclass(frozen=True)
class _Clause:
    """Tokens [begin, stop) of a sentence that report one incident.

    [head_begin, head_stop) is the clause holding the trigger; the others are
    untriggered clauses it took in (see `_triggered_clauses`).
    """

    begin: int
    head_begin: int
    head_stop: int
    stop: int


@dataclass(frozen=True)
class _Scope:
    """A sentence being read: its tokens [first, last), places and dates, triggered clauses."""

    sentence: Sentence
    first: int
    places: list[PlaceMatch]
    dates: list[DateMatch]
    clauses: list[_Clause]


@dataclass(frozen=True)
class _Reading:
    """What one clause says by itself: its kind, trigger words, casualties and actors."""

    clause: _Clause
    start: int  # source range of the clause
    end: int
    triggers: list[Trigger]
    sub_event_type: str
    strength: int
    casualties: Casualties
    mentions: list[ActorMention]
    recalled: bool  # "ردا على هجوم ...": recalls another incident, with no place of its own here


def _triggered_clauses(article: _Article, first: int, last: int) -> list[_Clause]:
    """The clauses of tokens [first, last) that have a trigger, each with its untriggered ones.

    A clause without a trigger belongs to the triggered clause before it ("..., ما
    أسفر عن مقتل خمسة"), or, at the start of a sentence, to the one after it
    ("قتل ثلاثة مدنيين، ... جراء قصف").
    """
    clauses: list[_Clause] = []
    pending: int | None = None
    for begin, stop in _clauses(article.tokens, article.text, first, last):
        if article.trigger_index.between(begin, stop):
            clauses.append(_Clause(begin if pending is None else pending, begin, stop, stop))
            pending = None
        elif clauses:
            clauses[-1] = replace(clauses[-1], stop=stop)
        elif pending is None:
            pending = begin
    return clauses


def _read_clause(article: _Article, clause: _Clause) -> _Reading | None:
    """What a clause reports by itself, or None when it reports no incident.

    A non-event cue in the trigger's clause ("نفى", "تدريبات") rules it out,
    and so does a bare generic word ("هجوم") with no casualties and no actor.
    """
    if article.cue_index.between(clause.head_begin, clause.head_stop):
        return None
    triggers = article.trigger_index.between(clause.head_begin, clause.head_stop)
    start, end = article.span(clause.begin, clause.stop)
    sub_event_type, strength = clause_type(triggers)
    casualties = find_casualties(
        article.tokens,
        article.text,
        article.numbers,
        clause.begin,
        clause.stop,
        article.casualty_index.between(clause.begin, clause.stop),
    )
    mentions = article.actor_index.between(clause.begin, clause.stop)
    if (
        strength == 1
        and casualties.killed is None
        and casualties.injured is None
        and not (mentions and not _in(article.place_index, start, end))
    ):
        return None  # a bare "هجوم" says too little, unless it names who did it
    if strength <= _GENERIC_STRENGTH and _is_air(mentions):
        sub_event_type, strength = "Air/drone strike", _GENERIC_STRENGTH
    recalled = any(
        article.tokens[i].forms & _RESPONSE
        for i in range(clause.head_begin, min(clause.head_begin + 3, clause.head_stop))
    )
    return _Reading(
        clause, start, end, triggers, sub_event_type, strength, casualties, mentions, recalled
    )


def _clause_places(
    article: _Article,
    scope: _Scope,
    reading: _Reading,
    previous: PlaceMatch | None,
    carried: _Carried,
) -> list[PlaceMatch]:
    """The place(s) of a clause's incident: its own, else its sentence's (when it is the only
    incident there), else the previous clause's (`previous`), else the paragraph's."""
    anchor = reading.triggers[0].start
    places = _choose_places(
        article.text, _in(article.place_index, reading.start, reading.end), anchor
    )
    if places or reading.recalled:
        return places
    if len(scope.clauses) == 1:
        places = _choose_places(article.text, scope.places, anchor)
    if not places and previous is not None:
        places = [previous]  # a later clause of the sentence, about the same place
    if not places and carried.place is not None:
        places = [carried.place]
    return places


def _clause_date(
    article: _Article, scope: _Scope, reading: _Reading, carried: _Carried
) -> DateMatch | None:
    """The date of a clause's incident: its own, else its sentence's, else the last one read.

    "اليوم التالي" after an earlier date is the day after it, but never a day
    after publication.
    """
    dates = _in(article.date_index, reading.start, reading.end) or scope.dates
    if dates:
        return dates[0]
    date = carried.date
    if (
        date is not None
        and date.date
        and _NEXT_DAY in fold_text(article.text[reading.start : reading.end])
        and (article.published is None or date.date < article.published)
    ):
        date = replace(date, date=date.date + dt.timedelta(days=1), text="اليوم التالي")
    return date


def _clause_roles(article: _Article, scope: _Scope, reading: _Reading) -> Roles:
    """Who attacked whom in a clause; a role it leaves open comes from earlier in its sentence.

    "هجمات شنتها الميليشيات على المنشآت الأمريكية، بما في ذلك هجوم صاروخي على
    قاعدة": an instance takes the actors its sentence has just named.
    """
    begin = reading.clause.begin
    roles = assign_roles(
        reading.mentions, article.tokens, article.text, begin, reading.triggers[0].first
    )
    if roles.attacker is not None and roles.target is not None:
        return roles
    earlier = article.actor_index.between(scope.first, begin)
    if not earlier:
        return roles
    context = assign_roles(earlier, article.tokens, article.text, scope.first, begin)
    return Roles(roles.attacker or context.attacker, roles.target or context.target)


def _recalls(article: _Article, reading: _Reading) -> bool:
    """Whether a clause speaks again of an incident already reported.

    "الغارات استهدفت سوقاً في المدينة": a definite noun with no new place after it.
    """
    return all(
        article.tokens[t.first].folded.startswith("ال") for t in reading.triggers
    ) and not _in(article.place_index, reading.start, reading.end)


def _clause_candidates(article: _Article, sentence: Sentence, carried: _Carried) -> list[Candidate]:
    """The candidate events of one sentence, one per triggered clause and place."""
    first, last = article.token_range(sentence.start, sentence.end)
    if first >= last:
        return []
    scope = _Scope(
        sentence,
        first,
        _in(article.place_index, sentence.start, sentence.end),
        _in(article.date_index, sentence.start, sentence.end),
        _triggered_clauses(article, first, last),
    )
    out: list[Candidate] = []
    for clause in scope.clauses:
        reading = _read_clause(article, clause)
        if reading is None:
            continue
        previous = out[-1].place if out else None
        places = _clause_places(article, scope, reading, previous, carried)
        date = _clause_date(article, scope, reading, carried)
        roles = _clause_roles(article, scope, reading)
        recalls = _recalls(article, reading)
        chosen: list[PlaceMatch | None] = list(places) if places else [None]
        for place in chosen:
            out.append(
                Candidate(
                    reading.sub_event_type,
                    reading.strength,
                    sentence,
                    place,
                    roles.attacker,
                    roles.target,
                    reading.casualties if len(chosen) == 1 else Casualties(),
                    date,
                    recalls,
                )
            )
    return out


def _compatible(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates report the same incident.

    Same place and compatible dates, and the same kind, unless one of them
    only says "هجوم" (a generic word), which then takes the other's kind.
    """
    if a.place is None or b.place is None or a.place.place.key != b.place.place.key:
        return False
    if a.date is not None and b.date is not None and a.date.date != b.date.date:
        return False
    return a.sub_event_type == b.sub_event_type or min(a.strength, b.strength) == 1


def _informative(candidate: Candidate) -> tuple[int, int, int]:
    known = (candidate.casualties.killed is not None) + (candidate.casualties.injured is not None)
    actors = (candidate.attacker is not None) + (candidate.target is not None)
    return (min(candidate.strength, 2), known, actors)


def _merge(into: Candidate, other: Candidate) -> Candidate:
    """Join two mentions of one incident: the more informative one leads, the other fills gaps."""
    base, extra = (other, into) if _informative(other) > _informative(into) else (into, other)
    killed = [v for v in (base.casualties.killed, extra.casualties.killed) if v is not None]
    injured = [v for v in (base.casualties.injured, extra.casualties.injured) if v is not None]
    strongest = base if base.strength >= extra.strength else extra
    return replace(
        base,
        sub_event_type=strongest.sub_event_type,
        strength=strongest.strength,
        attacker=base.attacker or extra.attacker,
        target=base.target or extra.target,
        casualties=Casualties(
            max(killed, default=None),
            max(injured, default=None),
            None if killed else base.casualties.killed_vague or extra.casualties.killed_vague,
        ),
        date=base.date or extra.date,
    )


def fill_from_article(candidates: list[Candidate]) -> list[Candidate]:
    """Complete clauses from the rest of the article, as a reader does.

    A generic "قصف" in an article whose strikes are air strikes is an air
    strike; a strike whose clause names no attacker was carried out by the
    attacker the article names for strikes of that kind.
    """
    air_attackers = {
        c.attacker.key
        for c in candidates
        if c.sub_event_type == "Air/drone strike" and c.attacker and c.strength >= 2
    }
    kinds = ("Air/drone strike", "Shelling/artillery/missile attack")
    out: list[Candidate] = []
    for candidate in candidates:
        if candidate.sub_event_type == kinds[1] and candidate.strength <= _GENERIC_STRENGTH:
            if candidate.attacker is not None:
                if candidate.attacker.key in air_attackers:
                    candidate = replace(candidate, sub_event_type=kinds[0])
            else:
                before = [c for c in out if c.strength == 3 and c.sub_event_type in kinds]
                if before:
                    candidate = replace(candidate, sub_event_type=before[-1].sub_event_type)
        out.append(candidate)
    for index, candidate in enumerate(out):
        if candidate.attacker is None:
            known = Counter(
                c.attacker.key
                for c in out
                if c.attacker
                and c.sub_event_type == candidate.sub_event_type
                and (candidate.target is None or c.attacker.key != candidate.target.key)
            )
            if known:
                key = known.most_common(1)[0][0]
                mention = next(c.attacker for c in out if c.attacker and c.attacker.key == key)
                out[index] = replace(candidate, attacker=mention)
    for index, candidate in enumerate(out):
        if candidate.target is None and candidate.attacker is not None:
            same = [
                c.target
                for c in out
                if c.target
                and c.attacker
                and c.attacker.key == candidate.attacker.key
                and c.sub_event_type == candidate.sub_event_type
                and c.target.key != candidate.attacker.key
            ]
            if same:
                key = Counter(m.key for m in same).most_common(1)[0][0]
                out[index] = replace(candidate, target=next(m for m in same if m.key == key))
    return out


def merge_candidates(candidates: list[Candidate]) -> list[Candidate]:
    """Merge candidates that report the same incident; drop vaguer duplicates of it."""
    merged: list[Candidate] = []
    for candidate in candidates:
        if candidate.recalls:
            earlier = [
                i
                for i, c in enumerate(merged)
                if c.sub_event_type == candidate.sub_event_type or candidate.strength == 1
            ]
            if earlier:
                existing = merged[earlier[-1]]
                merged[earlier[-1]] = replace(
                    _merge(existing, candidate), place=existing.place, sentence=existing.sentence
                )
                continue
        for index, existing in enumerate(merged):
            if _compatible(existing, candidate):
                merged[index] = _merge(existing, candidate)
                break
        else:
            merged.append(candidate)
    merged = [
        c
        for c in merged
        if c.strength > 1 or (c.casualties.killed or 0) + (c.casualties.injured or 0) > 0
    ]
    specific = [i for i, c in enumerate(merged) if c.place is not None and _rank(c.place) >= 4]
    dropped = {i for i, c in enumerate(merged) if c.place is None}
    for index, candidate in enumerate(merged):
        if candidate.place is None or _rank(candidate.place) >= 4:
            continue
        same = [i for i in specific if _same_incident(merged[i], candidate)]
        if not same:
            continue
        dropped.add(index)
        if len(same) == 1:  # a region-level mention of that one incident: keep its details
            target = merged[same[0]]
            counts = Casualties(
                target.casualties.killed
                if target.casualties.killed is not None
                else candidate.casualties.killed,
                target.casualties.injured
                if target.casualties.injured is not None
                else candidate.casualties.injured,
                target.casualties.killed_vague,
            )  # the figure given for the specific place wins over a wider total
            merged[same[0]] = replace(
                _merge(target, candidate),
                place=target.place,
                sentence=target.sentence,
                casualties=counts,
            )
    return [c for i, c in enumerate(merged) if i not in dropped]


def _same_incident(specific: Candidate, vague: Candidate) -> bool:
    """Whether a country- or region-level candidate may speak of a specific one."""
    assert specific.place is not None and vague.place is not None
    kinds_agree = specific.sub_event_type == vague.sub_event_type or (
        min(specific.strength, vague.strength) == 1
    )
    dates_agree = (
        specific.date is None or vague.date is None or specific.date.date == vague.date.date
    )
    return kinds_agree and dates_agree and specific.place.place.country == vague.place.place.country


def _actor(mention: ActorMention | None) -> Actor | None:
    if mention is None:
        return None
    return Actor(text=mention.text, key=mention.key, name=mention.name)


_NEAR = frozenset(
    fold_text(word)
    for word in (
        "قرب", "بالقرب", "مقربة", "بمقربة", "محيط", "بمحيط", "أطراف", "بأطراف", "ضواحي",
        "بضواحي", "ريف", "بريف", "وريف", "قربها", "جوار", "بجوار",
    )
)  # fmt: skip
"""Words that put an incident near a place, not in it (on its outskirts, in its countryside)."""
_BETWEEN_NEAR = frozenset(
    fold_text(word)
    for word in (
        "من", "على", "في", "بلدة", "مدينة", "قرية", "ناحية", "منطقة", "البلدة", "المدينة",
        "القرية", "مخيم", "حي",
    )
)  # fmt: skip
"""Words that may stand between a near word and the place ("على أطراف بلدة …")."""
_NO_NEAR_LEVELS = frozenset({"governorate", "region", "country", "water"})
"""Levels for which "near" says nothing: "ريف إدلب" is Idlib governorate's countryside."""
_WORD = re.compile(r"[^\s،,.؛:()«»\"']+")


def near_place(text: str, match: PlaceMatch) -> bool:
    """Whether the words before the place put the incident near it ("قرب بلدة …",
    "على أطراف …", "في ريف البلدة", "بالقرب من …"): up to three words back, over
    prepositions and place words."""
    if match.place.level in _NO_NEAR_LEVELS:
        return False
    words = _WORD.findall(text[max(0, match.start - 60) : match.start])
    for word in reversed(words[-4:]):
        folded = fold_text(word)
        if folded in _NEAR:
            return True
        if folded not in _BETWEEN_NEAR:
            return False
    return False


def _location(match: PlaceMatch | None, text: str = "") -> Location | None:
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
        admin2=place.admin2,
        level=place.level,
        qualifier="near" if text and near_place(text, match) else None,
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


def to_event(candidate: Candidate, text: str = "") -> Event:
    """Turn a merged candidate into an event record (`text`, the article's, tells whether
    its place is "near")."""
    date = candidate.date
    return Event(
        sub_event_type=candidate.sub_event_type,
        evidence=Span(candidate.sentence.start, candidate.sentence.end),
        actor1=_actor(candidate.attacker),
        actor2=_actor(candidate.target),
        location=_location(candidate.place, text),
        date=date.date.isoformat() if date and date.date else None,
        date_text=date.text if date else None,
        date_precision=date.precision if date else None,
        fatalities=candidate.casualties.killed,
        fatalities_vague=(
            candidate.casualties.killed_vague if candidate.casualties.killed is None else None
        ),
        injured=candidate.casualties.injured,
        confidence=_confidence(candidate),
        origin="machine",
        extractor=EXTRACTOR,
    )


def _carry(article: _Article, sentence: Sentence, carried: _Carried) -> _Carried:
    """What the sentences after `sentence` inherit: its main place and its last date."""
    places = _choose_places(
        article.text, _in(article.place_index, sentence.start, sentence.end), sentence.start
    )
    dates = _in(article.date_index, sentence.start, sentence.end)
    return _Carried(places[0] if places else carried.place, dates[-1] if dates else carried.date)


def extract_events(text: str, published: str | dt.date | None = None) -> list[Event]:
    """Return the events an Arabic news article reports, in text order.

    `published` anchors relative dates ("أمس", "الثلاثاء الماضي"). Never
    raises on a string; deterministic; offsets always lie inside `text`.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    article = _Article(text[:MAX_TEXT], _as_date(published))
    candidates: list[Candidate] = []
    carried = _Carried()
    paragraph = -1
    for sentence in split_sentences(article.text):
        if sentence.paragraph != paragraph:
            paragraph = sentence.paragraph
            carried = replace(carried, place=None)
        candidates.extend(_clause_candidates(article, sentence, carried))
        carried = _carry(article, sentence, carried)
    merged = merge_candidates(fill_from_article(candidates))
    return [to_event(candidate, article.text) for candidate in merged]
