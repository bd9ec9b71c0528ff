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
import gc
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import compress, count, pairwise, repeat
from operator import is_, itemgetter, not_
from typing import Any, Final, Generic, TypeVar, cast

from extract.casualties import (
    YEAR_WORDS,
    Casualties,
    add_sides,
    casualty_first_words,
    casualty_words,
    find_casualties,
)
from extract.cues import cue_first_words, find_cues
from extract.dates import DateMatch, anchor_years, find_dates
from extract.disambiguation import distance_km, joined_by_and, resolve_places, without_strays
from extract.gazetteer import Place, PlaceMatch, find_places
from extract.learned import LearnedIndex, Lexicon, learned_index
from extract.lexicon import (
    CONTEXTUAL,
    INTERNAL_SECURITY,
    PROTESTERS,
    STATE,
    TERRORISTS,
    UNKEYED,
    ActorMention,
    actor_first_words,
    contextual_actor,
    find_actors,
    resolve_references,
)
from extract.normalize import fold_runs, fold_text, fold_words
from extract.numbers import NumberMatch, count_from_noun, find_numbers
from extract.place_figures import figures_per_place, split_evenly
from extract.record import Actor, Event, Location, LocationLevel, Span
from extract.roles import (
    BEFELL,
    INFIGHTING,
    RELATIVES,
    Roles,
    assign_roles,
    claims_own_act,
    counted_among_dead,
    formerly_of,
    launched_attack,
    named_as_source,
    names_guns,
    not_a_party,
    only_people,
    repelled_attack,
    said_to_attack,
    said_to_attack_unnamed,
    voweled_passive,
)
from extract.tokens import Sentence, Token, split_sentences, tokenize_article
from extract.triggers import Trigger, clause_type, find_triggers, trigger_first_words
from extract.unlisted import add_sites, add_unlisted, is_place_word
from extract.version import EXTRACTOR

T = TypeVar("T")
MAX_TEXT: Final = 2_000_000  # characters read; the rest of a longer text is ignored

# How specific a place is: the most specific place in a clause locates its event.
_PLACE_RANK: Final = {
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
_CLAUSE_STARTERS: Final = frozenset(
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
_RESPONSE: Final = frozenset({"ردا", "رد"})
_DAYTIME: Final = fold_words("ظهر الظهر منتصف العصر الفجر")
_SAYING: Final = frozenset(
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
        "اعلن",
        "اعلنت",
        "واعلن",
        "واعلنت",
    }
)
_NEXT_DAY: Final = fold_text("اليوم التالي")
_AIRCRAFT: Final = ("طاير", "طيران", "مقاتلات", "مروحي", "مسير")
# Generic kinds whose weapon the article may state elsewhere ("القصف", "ضربات", "هجوم").
_GENERIC_STRENGTH: Final = 2


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
    also: bool = False  # its sentence says it goes on with the report before ("كما …")
    accused: bool = False  # its sentence accuses someone of it ("واتهم النظام …")
    attacker_accused: bool = False  # its attacker is only the one accused
    another: bool = False  # its sentence opens on the time told before ("وفي الليلة ذاتها")


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


_OPEN_SEAS: Final = frozenset({"Red Sea", "Gulf of Aden", "Arabian Sea", "Mediterranean Sea"})


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


_REPORTING: Final = frozenset({"ان", "بان"})  # "أن" after a saying verb: what was said follows
_ASIDE: Final = frozenset(
    {"احدث", "اطار", "سياق", "ظل", "حادثه", "حادث", "اول", "اعنف", "اكبر", "اوسع"}
)
"""", في أحدث هجوم لها منذ ...", ", في حادثة هي الثالثة": a remark on the incident."""
_CLAUSE_MARKS: Final = re.compile(r"[،,:\-–]")  # what makes the gap before a word a comma's


_STOPPING: Final = fold_words("وقف وقفا الوقف لوقف بوقف ووقف")


def _ceasefire(tokens: list[Token], trigger: Trigger) -> bool:
    """Whether a trigger of firing is a ceasefire's ("قراراً يطالب بوقف لإطلاق النار")."""
    return trigger.first > 0 and tokens[trigger.first - 1].folded in _STOPPING


def _connectives(
    flagged: list[list[int]], folded: list[str], text: str, starts: list[int]
) -> list[int]:
    """The tokens at which `_clauses` may cut, in order (a superset: it checks each).

    Worked out for a whole article at once from the words' flags (`_words_flagged`): a
    connective (`_CLAUSE_STARTERS`), a word of `_RESPONSE`, "أن", or a word after a gap
    with a comma.
    """
    found = set(flagged[_STARTS_CLAUSE])
    # "بعد ظهر اليوم", "بعد منتصف الليل": a time of day, not a clause after an event
    found.difference_update(
        [
            i
            for i in found
            if folded[i] == "بعد" and i + 1 < len(folded) and folded[i + 1] in _DAYTIME
        ]
    )
    found.update(flagged[_REPORTS_OR_RESPONDS])
    # Marks lie between words: the word after a mark is the first one starting after it.
    found.update(bisect.bisect_right(starts, mark.start()) for mark in _CLAUSE_MARKS.finditer(text))
    return sorted(found)


def _clauses(
    tokens: list[Token], text: str, first: int, last: int, connectives: list[int]
) -> list[tuple[int, int]]:
    """Cut a sentence's tokens [first, last) into clauses at connectives.

    A clause starts at a connective (`_CLAUSE_STARTERS`), at "ردا على", at "أن"
    reporting what a saying verb before it said, or after a comma at a word
    joined by و or at "في" starting a remark (", في أحدث هجوم لها منذ ...": a
    remark on the incident, not the incident), never less than three words
    after the clause before it. Only the tokens of `connectives` (see
    `_connectives`) are looked at.
    """
    cuts = [first]
    cut = first  # where the current clause starts
    low = bisect.bisect_right(connectives, first)
    for index in connectives[low : bisect.bisect_left(connectives, last, low)]:
        if index - cut < 3:
            continue
        token = tokens[index]
        word = token.folded
        if (
            word in _CLAUSE_STARTERS
            or (
                not _RESPONSE.isdisjoint(token.forms)
                and index + 1 < last
                and tokens[index + 1].folded.startswith("علي")
            )
            or (
                word in _REPORTING
                and any(tokens[i].folded in _SAYING for i in range(max(cut, index - 8), index))
            )
        ):
            cuts.append(cut := index)
            continue
        gap = text[tokens[index - 1].end : token.start]
        if (
            gap != " "
            and any(mark in gap for mark in "،,:-–")
            and (
                (word.startswith("و") and len(word) > 2)
                or (word == "في" and index + 1 < last and tokens[index + 1].folded in _ASIDE)
            )
        ):
            cuts.append(cut := index)
    cuts.append(last)
    return list(itertools.pairwise(cuts))


@cache
def _first_words() -> frozenset[str]:
    """Every word that can start an actor, trigger, cue or casualty phrase."""
    return actor_first_words() | trigger_first_words() | cue_first_words() | casualty_first_words()


@lru_cache(maxsize=8)
def _learned_first_words(learned: LearnedIndex) -> frozenset[str]:
    """`_first_words`, with the words a learned actor spelling can start with."""
    return _first_words() | learned.first_words


# What a word may be to the article's readers: bit numbers of `_flags_of`.
_STARTS_PHRASE: Final = 0  # an actor, trigger, cue or casualty phrase (`_first_words`)
_STARTS_CLAUSE: Final = 1  # `_CLAUSE_STARTERS`
_REPORTS_OR_RESPONDS: Final = 2  # `_REPORTING`, or a form of `_RESPONSE`
_PLACE_NOUN: Final = 3  # `_place_noun`
_CLAIM: Final = 4  # `_CLAIM_WORDS`
_MOURN: Final = 5  # `_MOURNS`
_PLACE_WORD: Final = 6  # `extract.unlisted.is_place_word`
_FLAG_COUNT: Final = 7
_FLAGS: Final[dict[str, int]] = {}
"""The flags of each folded word seen (`_flags_of`), kept while there are few."""
_FLAGS_MAX: Final = 65536


def _flags_of(token: Token) -> int:
    """What a word may be to the article's readers, as bits: the phrases and clauses it may
    start, whether it is a place noun, a claim or a mourning."""
    folded = token.folded
    has = (
        not token.forms.isdisjoint(_first_words()),
        folded in _CLAUSE_STARTERS,
        folded in _REPORTING or not token.forms.isdisjoint(_RESPONSE),
        bool(_place_noun(folded)),
        folded in _CLAIM_WORDS,
        folded in _MOURNS,
        is_place_word(folded),
    )
    return sum(1 << bit for bit, flag in enumerate(has) if flag)


def _words_flagged(tokens: list[Token], folded: list[str]) -> list[list[int]]:
    """For each flag of `_flags_of`, the indices of the words that have it, in order: each
    distinct word worked out once, then the article read in one pass."""
    flags: list[int | None] = list(map(_FLAGS.get, folded))
    if None in flags:
        for index in compress(count(), map(is_, flags, repeat(None))):
            word = folded[index]
            value = _FLAGS.get(word)
            if value is None:
                value = _flags_of(tokens[index])
                if len(_FLAGS) >= _FLAGS_MAX:
                    _FLAGS.clear()
                _FLAGS[word] = value
            flags[index] = value
    found: list[list[int]] = [[] for _ in range(_FLAG_COUNT)]
    for index, value in enumerate(cast("list[int]", flags)):
        bit = 0
        while value:
            if value & 1:
                found[bit].append(index)
            value >>= 1
            bit += 1
    return found


def _folded_spans(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """The source ranges of every place the folded `phrases` stand in the folded text, in
    order: what `phrase in fold_text(text[a:b])` asks of any range, asked once."""
    folding = fold_runs(text).folded
    folded = folding.text
    spans = []
    for phrase in phrases:
        at = folded.find(phrase)
        while at >= 0:
            spans.append(folding.source_span(at, at + len(phrase)))
            at = folded.find(phrase, at + 1)
    return sorted(spans)


_LABEL_LENGTH: Final = 60
_RELATIVE_DAY: Final = re.compile("اليوم|أمس|امس|الليلة|غدا|غداً")
_QUOTED: Final = re.compile(r"«[^»\n]{0,400}»|“[^”\n]{0,400}”|\"[^\"\n]{1,400}\"")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where quoted speech stands in a text («…», “…”, "…"), in order."""
    if "«" in text or "“" in text or '"' in text:
        return [match.span() for match in _QUOTED.finditer(text)]
    return []


_FACTION_WORDS: Final = fold_words("كتيبة كتائب لواء ألوية تجمع فيلق جبهة حركة جيش فرقة فوج سرايا")
"""Words a Syrian armed faction's name starts with («كتيبة أنصار الحق», «لواء صقور الغاب»)."""
_FACTION_NAME_LENGTH: Final = 40
_OPPOSITION_IN_POWER: Final = dt.date(2024, 12, 8)
"""The day the opposition's factions took Damascus: a faction named after it is no longer
one of an opposition's."""


def _with_quoted_factions(
    actors: list[ActorMention],
    tokens: list[Token],
    starts: list[int],
    text: str,
    quoted: list[tuple[int, int]],
) -> list[ActorMention]:
    """The actors, with each faction named in quotes that the lexicon lacks: in Syria a
    «كتيبة …» or «لواء …» the news names by its own name is one of the opposition's many
    factions (the government's own forces and their allies are listed by name); `starts`
    are where the tokens start."""
    added = []
    for start, end in quoted:
        if end - start > _FACTION_NAME_LENGTH:
            continue
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end)
        if first >= last or tokens[first].folded not in _FACTION_WORDS or last - first < 2:
            continue
        if any(a.start < end and start < a.end for a in actors):
            continue  # a group the lexicon knows, or a name inside the quote
        added.append(ActorMention(start, end, text[start:end], "syrian_opposition", first, last))
    if not added:
        return actors
    return sorted(actors + added, key=lambda a: a.start)


@dataclass(frozen=True)
class _Killing:
    """An active killing: "قتل مسلحون مجهولون ثلاثة مدنيين", "قتل مسلحون من تنظيم داعش، مساء
    أمس، 11 شخصاً". Unvowelled "قتل" before a group is usually passive ("قتل مسلحون في
    اشتباكات": gunmen were killed); a count after the group is its object, and the group the
    killer."""

    trigger: Trigger
    attacker: ActorMention
    killed: int
    target: ActorMention | None


_KILLING_VERBS: Final = fold_words("قتل وقتل فقتل اغتال واغتال")
_ARMED_SUBJECTS: Final = fold_words("مسلحون مسلحو عناصر مقاتلون مقاتلو")
_BEFORE_OBJECT: Final = fold_words("في على إلى الى بعد إثر اثر جراء بسبب خلال حيث بينهم")
"""Words that end the search for the object after a killing's subject."""
_OBJECT_REACH: Final = 8


def _killings(
    tokens: list[Token],
    text: str,
    folded: list[str],
    actors: list[ActorMention],
    numbers: list[NumberMatch],
) -> list[_Killing]:
    """The active killings of a text (`_Killing`), in order."""
    verbs = list(compress(count(), map(_KILLING_VERBS.__contains__, folded)))
    if not verbs:
        return []
    by_first = {m.first_token: m for m in actors}
    counts = {n.start: n.value for n in numbers if n.value}
    found = []
    for verb in verbs:
        if voweled_passive(text, tokens[verb]):
            continue  # "قُتل": the passive, told with its vowel
        subject = by_first.get(verb + 1)
        if (
            subject is None
            and verb + 3 < len(tokens)
            and folded[verb + 1] in _ARMED_SUBJECTS
            and folded[verb + 2] == "من"
        ):
            subject = by_first.get(verb + 3)  # "قتل مسلحون من تنظيم داعش"
        if subject is None or subject.key == "civilians":
            continue
        for at in range(subject.last_token, min(len(tokens), subject.last_token + _OBJECT_REACH)):
            if folded[at] in _BEFORE_OBJECT or folded[at].startswith("و"):
                break
            if at > 0 and "." in text[tokens[at - 1].end : tokens[at].start]:
                break
            killed = counts.get(tokens[at].start) or count_from_noun(folded[at])
            if not killed:
                continue
            after = folded[at + 1] if at + 1 < len(tokens) else ""
            if after in _OF_THEM or (at > 0 and folded[at - 1] in YEAR_WORDS):
                break  # "قتل مسلحون من داعش 2 منهم", "… عام 2019": the passive after all
            target = next(
                (by_first[k] for k in range(at, at + _VICTIMS_REACH) if k in by_first), None
            )
            if target is not None and (
                target.key == subject.key or formerly_of(tokens, target, subject.last_token)
            ):
                target = None
            kind = "Attack" if target is None or target.key == "civilians" else "Armed clash"
            word = tokens[verb]
            trigger = Trigger(verb, verb + 1, word.start, word.end, kind, _GENERIC_STRENGTH)
            found.append(_Killing(trigger, subject, killed, target))
            break
    return found


_OF_THEM: Final = fold_words("منهم منهما منها منهن")
_VICTIMS_REACH: Final = 5
"""Tokens from a killing's count to its victims' group ("خمسة مسلحين من داعش")."""


def _enclosing(spans: list[tuple[int, int]], at: int) -> tuple[int, int] | None:
    """The span of `spans` (sorted, not overlapping) that `at` lies in, if any."""
    index = bisect.bisect_right(spans, (at, 1 << 62)) - 1
    return spans[index] if index >= 0 and spans[index][0] <= at < spans[index][1] else None


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    return _enclosing(spans, at) is not None


def _in_speech(quoted: list[tuple[int, int]], text: str, at: int) -> bool:
    """Whether `at` lies in quoted speech, not in a quoted name that opens the quote:
    «حتى تفكيك مقرات الجماعات الإرهابية» is a speaker's, «المجموعات الإرهابية المنتشرة في
    الغوطة» the outlet's word for who fired."""
    quote = _enclosing(quoted, at)
    return quote is not None and bool(text[quote[0] + 1 : at].strip())


_ALIAS: Final = re.compile(r"[^\S\n]*(?:[^\s(]+[^\S\n]*)?\([^\S\n]*")


def _without_aliased(text: str, places: list[PlaceMatch]) -> list[PlaceMatch]:
    """The places without a village the text names again by a town's name in brackets right
    after it ("بلدة تربه سبيه (القحطانية)": the town it knows, not a village "تربه")."""
    dropped = {
        earlier.start
        for earlier, later in pairwise(places)
        if earlier.place.level == "village"
        and later.place.level in ("town", "city")
        and _ALIAS.fullmatch(text, earlier.end, later.start)
        and text[later.end : later.end + 1] == ")"
    }
    return [p for p in places if p.start not in dropped] if dropped else places


def _within_date(dates: list[DateMatch], at: int) -> bool:
    """Whether offset `at` lies inside one of `dates` (in text order, not overlapping)."""
    index = bisect.bisect_right(dates, at, key=lambda d: d.start) - 1
    return index >= 0 and at < dates[index].end


class _Article:
    """Everything found in one article's text, indexed for clause lookups.

    With a learned lexicon's index (extract.learned), its actor spellings and
    places are found too.
    """

    def __init__(
        self, text: str, published: dt.date | None, learned: LearnedIndex | None = None
    ) -> None:
        self.text = text
        self.published = published
        self._elsewhere_at: dict[int, bool] = {}
        self.tokens = tokenize_article(text)
        self.starts = list(map(itemgetter(0), self.tokens))
        folded = list(map(itemgetter(2), self.tokens))
        flagged = _words_flagged(self.tokens, folded)
        self.connectives = _connectives(flagged, folded, text, self.starts)
        quoted = _quoted_spans(text)
        self.labels = [(start, end) for start, end in quoted if end - start <= _LABEL_LENGTH]
        """Short quotes that name what happened ("وصفها بأنها «اغتيال سافر»"), never an
        incident of their own."""
        found_dates = [
            d
            for d in anchor_years(text, find_dates(text, published))
            # «ردنا بدأ اليوم»: the speaker's today, not the report's (a date is kept)
            if not (_inside(quoted, d.start) and _RELATIVE_DAY.search(d.text))
            # "في ذلك اليوم": the day told before, not today
            and not _that_day(text, d)
        ]
        # "قُتلوا يوم الأربعاء 15 آذار": a number of a date is never a figure
        self.numbers = [n for n in find_numbers(text) if not _within_date(found_dates, n.start)]
        if learned is None:
            candidates = flagged[_STARTS_PHRASE]
        else:
            starters = _learned_first_words(learned)
            candidates = list(
                compress(
                    count(), map(not_, map(starters.isdisjoint, map(itemgetter(3), self.tokens)))
                )
            )
        if learned is None:
            self.actors = find_actors(self.tokens, text, candidates)
            found = find_places(text)
        else:
            self.actors = learned.find_actors(self.tokens, text, candidates)
            found = learned.find_places(text, find_places(text))
        found = add_unlisted(text, self.tokens, found, flagged[_PLACE_WORD])
        self.actors = _owned_forces(
            [
                m
                for m in resolve_references(self.actors, self.tokens, text)
                # «حتى تفكيك مقرات الجماعات الإرهابية»: a speaker's word, no side
                if not (m.key == TERRORISTS and _in_speech(quoted, text, m.start))
                and not _operating_within(self.tokens, m)
            ],
            self.tokens,
        )
        actors_at = _Located(self.actors, lambda a: a.start)
        # "مجلس منبج العسكري" names a force, not the place of an incident; but after a place
        # word a name is a place ("بلدة الراعي", not the shepherd)
        places = [
            p
            for p in add_sites(
                text, self.tokens, self._placed(resolve_places(text, found)), flagged[_PLACE_WORD]
            )
            if _after_place_word(text, p)
            or not any(
                a.start <= p.start and p.end <= a.end
                for a in actors_at.between(p.start - 200, p.start + 1)
            )
        ]
        places = _without_aliased(text, places)
        if self.actors and places:
            self.actors = _without_fields_of(self.actors, self.tokens, places)
        dates = [
            d
            for d in found_dates
            if d.date is not None or d.kind == "past"  # "قبل ست سنوات": not today, day unknown
        ]
        self.place_index = _Located(places, lambda p: p.start)
        self.place_nouns = flagged[_PLACE_NOUN]
        """Tokens that are a definite place noun ("القرية", "للسجن"), for `_same_place`."""
        self.claims = flagged[_CLAIM]
        """Tokens that claim an attack ("وتبنى", "مسؤوليتها"), for `_claimant`."""
        self.names_asayish = (
            "سايش" in text or "دارة الذاتية" in text
        ) and _SELF_ADMINISTRATION.search(text) is not None
        """Whether the article names the north-east's Asayish or self-administration."""
        self.names_interior = "الداخلية" in text and _INTERIOR.search(text) is not None
        """Whether it names Syria's interior ministry (`_security_of`)."""
        self.mourns = flagged[_MOURN]
        """Tokens that mourn the dead ("ونعى"), for `_mourner`."""
        countries = Counter(p.place.country for p in places if p.place.country)
        self.country = countries.most_common(1)[0][0] if countries else None
        """The country the article's places lie in most, for a place without one."""
        if (
            self.country == "Syria"
            and quoted
            and (published is None or published < _OPPOSITION_IN_POWER)
        ):
            self.actors = _with_quoted_factions(self.actors, self.tokens, self.starts, text, quoted)
        self.origins = frozenset(p.start for p in places if self._elsewhere(p)) | frozenset(
            later.start for earlier, later in pairwise(places) if _points(text, earlier, later)
        )
        """Where the places start that are no incident's: where fire came from (`_origin`),
        where a reporter is (`_reporter`), a town that only points to the place before it
        (`_points`)."""
        self.clans = frozenset(p.start for p in places if _a_clans_name(text, p))
        """Where places start whose name is a clan's here (`_a_clans_name`)."""
        self.parents = frozenset(p.start for p in places if _parent_named(text, p, places))
        """Where places start that another place belongs to (`_parent_named`)."""
        self.date_index = _Located(dates, lambda d: d.start)
        self.killings = _killings(self.tokens, text, folded, self.actors, self.numbers)
        """Active killings ("قتل مسلحون مجهولون ثلاثة مدنيين"), each also a trigger."""
        found_triggers = [
            t
            for t in find_triggers(self.tokens, text, candidates)
            if not _inside(self.labels, t.start) and not _ceasefire(self.tokens, t)
        ]
        if self.killings:
            found_triggers = sorted(
                found_triggers + [k.trigger for k in self.killings], key=lambda t: t.first
            )
        self.trigger_index = _Located(found_triggers, lambda t: t.first)
        self.unclaimed = _folded_spans(text, _UNCLAIMED)
        """Where the words that say no one claimed an incident stand (`_unclaimed_after`)."""
        self.next_days = _folded_spans(text, (_NEXT_DAY,))
        """Where "اليوم التالي" stands (`_clause_date`)."""
        self.cue_index = _Located(find_cues(self.tokens, text, candidates), lambda c: c.first)
        self.actor_index = _Located(self.actors, lambda m: m.first_token)
        # "كتائب سيد الشهداء", "لواء شهداء اليرموك": a casualty word in a group's name
        named = {i for m in self.actors for i in range(m.first_token, m.last_token)}
        self.casualty_index = _Located(
            [w for w in casualty_words(self.tokens, text, candidates) if w.first not in named],
            lambda m: m.first,
        )

    def _placed(self, resolved: list[PlaceMatch]) -> list[PlaceMatch]:
        """The resolved mentions without strays (`without_strays`), where fire came from or a
        reporter is not counting as the article's places."""
        return without_strays(resolved, self._elsewhere)

    def _elsewhere(self, place: PlaceMatch) -> bool:
        """Whether a place is where fire came from (`_origin`) or a reporter is (`_reporter`),
        told once per place start: the strays and the origins both ask."""
        known = self._elsewhere_at.get(place.start)
        if known is None:
            known = (
                _origin(self.text, place)
                or _reporter(self.text, place)
                or _in_a_name(self.text, self.labels, place)
            )
            self._elsewhere_at[place.start] = known
        return known

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Tokens lying inside source range [start, end)."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Source range covered by tokens [first, last)."""
        return self.tokens[first].start, self.tokens[last - 1].end


_FIGURE_IN_GAP: Final = re.compile(r"[0-9٠-٩]|قتل|أصيب|اصيب|جرح|مقتل|إصابة|استشهد|شهيد")
"""A figure between two places: "قتل ثلاثة في سراقب، واثنان في معرة النعمان، وأصيب خمسة في …"."""
_WHILE: Final = ("فيما", "بينما")


_BELONGS: Final = fold_words("التابعة التابع التابعين تابعة تابع")
_NO_OWNER: Final = frozenset({"civilians", "unknown", PROTESTERS, UNKEYED})
_FORCE_HEADS: Final = fold_words("الشرطة شرطة الأمن أمن قوة قوات وحدات الوحدات")
"""First words of a force that another may own ("الشرطة العسكرية التابعة للجيش الوطني"); a
named group keeps its own key ("هيئة تحرير الشام التابعة لتنظيم القاعدة")."""


def _owned_forces(mentions: list[ActorMention], tokens: list[Token]) -> list[ActorMention]:
    """The mentions with a force named as another's ("الشرطة العسكرية التابعة للجيش
    الوطني") given its owner's key; a named group keeps its own ("هيئة تحرير الشام التابعة
    لتنظيم القاعدة"). Either way the owner's own mention is left out: one side, not two."""
    by_first = {m.first_token: m for m in mentions}
    owners: dict[int, str | None] = {}  # first token of an owner: the key it passes, if any
    for mention in mentions:
        owner = by_first.get(mention.last_token + 1)
        if (
            owner is None
            or mention.last_token >= len(tokens)
            or tokens[mention.last_token].folded not in _BELONGS
            or mention.key in _NO_OWNER
            or mention.key in CONTEXTUAL  # "سيارة عسكرية تابعة لقسد": a vehicle's owner
        ):
            continue
        passes = owner.key not in _NO_OWNER and tokens[mention.first_token].folded in _FORCE_HEADS
        owners[owner.first_token] = owner.key if passes else None
    if not owners:
        return mentions
    out = []
    for mention in mentions:
        if mention.first_token in owners:
            continue
        owner = by_first.get(mention.last_token + 1)
        key = owners.get(owner.first_token) if owner is not None else None
        if key is not None:
            mention = replace(mention, key=key)
        out.append(mention)
    return out


def _coordinated(article: _Article, earlier: PlaceMatch, later: PlaceMatch) -> bool:
    """Whether two places are joined by "و" ("الميادين والبوكمال", "الميادين وريف البوكمال"),
    or listed each with its own figures ("… في سراقب واثنان في معرة النعمان، وأصيب خمسة في …",
    "… في مدينة إدلب ومدنيان في بلدة سرمين", "… على حي الحمدانية في مدينة حلب، فيما استشهدت
    امرأة في حي حلب الجديدة": the gap counted from the last place between them)."""
    text = article.text
    between = [
        p for p in _in(article.place_index, earlier.end, later.start) if p.end <= later.start
    ]
    start = between[-1].end if between else earlier.end
    if between and _between_words(text, between[-1]):
        return False  # "لبلدة حيش على الطريق الدولي بين حلب ودمشق": the road's other end
    gap = text[start : later.start]
    if "." in gap or "\n" in gap:
        return False
    words = len(gap.split())
    if gap.lstrip(" ،,").startswith(_WHILE):
        return words <= 6 and _figure_between(article, start, later.start)
    if not joined_by_and(text, start, later.start):
        return False
    return words <= 3 or (words <= 6 and _figure_between(article, start, later.start))


def _figure_between(article: _Article, start: int, end: int) -> bool:
    """Whether a figure stands in source range [start, end): a digit or casualty word, a
    number ("وتسعة"), or a dual ("وطفلان")."""
    if _FIGURE_IN_GAP.search(article.text, start, end):
        return True
    if any(start <= n.start < end for n in article.numbers):
        return True
    first, stop = article.token_range(start, end)
    return any(
        count_from_noun(article.tokens[i].folded.removeprefix("و")) == 2 for i in range(first, stop)
    )


_TOWARDS: Final = fold_words("اتجاه جهة ناحية منطقة مناطق داخل")
"""Words between "من" and the place fire came from ("من اتجاه منطقة التنف")."""


def _origin(text: str, place: PlaceMatch) -> bool:
    """Whether a place is where fire came from ("أطلقت من جنوب لبنان", "من اتجاه منطقة
    التنف", "قصف مصدره معسكر جورين", "متحصنون في مدينة داريا"), where someone went
    ("باتجاه جبال حمرين") or whose people someone is ("من أبناء السويداء"), not where it
    fell. The words before it are folded once, for every test."""
    window = text[max(0, place.start - 40) : place.start]
    words = [fold_text(word) for word in window.split()[-6:]]
    if _people_of(words) or _fired_from(words) or _entrenched(words):
        return True
    if _stationed(words) and "علي" in fold_text(text[place.end : place.end + 30]).split()[:3]:
        return True  # "من قوات الحكومة المتمركزة في مدينة محردة على بلدة اللطامنة"
    if "مصدر" in text[max(0, place.start - 90) : place.start - 30] and _posted_at(
        [fold_text(word) for word in text[max(0, place.start - 90) : place.start].split()[-10:]]
    ):
        return True
    if _bound_for(words) and not _advancing(text, place):
        return True
    if "من" not in window and "انطلاق" not in window:
        return False
    before = words[-5:]
    bare = _without_place_words(before)
    if bare and (bare[-1] in _TOWARDS or bare[-1] in _ITS_POSTS):
        # "من داخل مدينة الرمادي", "من مواقعهم في محيط بلدة تل رفعت", but not "على بعد 10
        # كم من مدينة الميادين"
        before = bare
    if len(bare) > 2 and bare[-1] == "في" and bare[-2] in _ITS_POSTS:
        before = bare[:-1]  # "من مواقعها في ريف الباب": where its posts are
    while len(before) > 1 and (
        before[-1] in _TOWARDS
        or before[-1] in _SIDES
        or before[-1] in _ITS_POSTS
        or (before[-1] == "في" and before[-2] in _ITS_POSTS)
    ):
        # "من اتجاه منطقة التنف", "من اتجاه جنوب شرقي حلب", "من مواقعها قرب", "من مواقعهم
        # في محيط بلدة تل رفعت"
        before.pop()
    if not before or before[-1] not in ("من", "انطلاقا"):
        return False
    return len(before) < 2 or (before[-2] not in _CLOSE_TO and before[-2] not in _PART_OF)


_BOUND_FOR: Final = fold_words("باتجاه نحو صوب")


_FIELDS_OF: Final = fold_words("مزارع بساتين أراضي")


def _without_fields_of(
    actors: list[ActorMention], tokens: list[Token], places: list[PlaceMatch]
) -> list[ActorMention]:
    """The actor mentions without a word of people that names a place's fields here ("على
    أوكارهم في مزارع حرستا": the farms, not farmers)."""
    starts = {p.start for p in places}
    return [
        m
        for m in actors
        if not (
            m.key == "civilians"
            and m.last_token - m.first_token == 1
            and tokens[m.first_token].folded in _FIELDS_OF
            and m.last_token < len(tokens)
            and tokens[m.last_token].start in starts
        )
    ]


def _after_place_word(text: str, place: PlaceMatch) -> bool:
    """Whether a place word stands right before a place ("بلدة الراعي")."""
    before = text[max(0, place.start - 12) : place.start].split()
    return bool(before) and fold_text(before[-1]) in _PLACE_WORDS


_PLACE_WORDS: Final = fold_words(
    "مدينة بلدة قرية منطقة مناطق ريف بادية مدينتي بلدتي قريتي منطقتي ناحيتي حيي ناحية حي"
    " مدينتا بلدتا قريتا منطقتا ناحيتا"
)
_PEOPLE_OF: Final = fold_words("أبناء ابناء أهالي سكان أهل")
_FIRED_FROM: Final = fold_words("مصدره مصدرها مصدرهما")
_FELL_ON: Final = fold_words("على استهدف استهدفت طال طالت باتجاه نحو")
_ENTRENCHED: Final = fold_words("متحصنون متحصنين المتحصنين المتحصنون متمركزين المتمركزين")


def _without_place_words(words: list[str]) -> list[str]:
    """Folded words before a place without the place words right before it ("مدينة")."""
    end = len(words)
    while end and words[end - 1] in _PLACE_WORDS:
        end -= 1
    return words[:end]


def _fired_from(words: list[str]) -> bool:
    """Whether the folded words before a place name where fire came from after "مصدره" ("قصف
    مدفعي مصدره مواقع قوات النظام في معسكر جورين"), with no "على" or strike verb between
    ("مصدره قوات النظام على بلدة كفرنبودة": where it fell)."""
    for word in reversed(words):
        if word in _FIRED_FROM:
            return True
        if word in _FELL_ON:
            return False
    return False


_AROUND: Final = fold_words("محيط أطراف ريف مشارف داخل")
_POSTED: Final = fold_words(
    "المنتشرة المنتشر المنتشرين المتمركزة المتمركز المتمركزين مواقع مواقعها المواقع قواعد"
    " القواعد قاعدة نقاط النقاط نقطة"
)


def _posted_at(words: list[str]) -> bool:
    """Whether the folded words before a place, further back than `_fired_from` reads, say
    the fire came from posts there ("مصدره القواعد التركية المنتشرة في محيط مدينة تل
    أبيض"): "مصدره", then "في" and only place words or "محيط" before the place."""
    if "في" not in words:
        return False
    at = len(words) - 1 - words[::-1].index("في")
    if any(word not in _PLACE_WORDS and word not in _AROUND for word in words[at + 1 :]):
        return False
    if at == 0 or words[at - 1] not in _POSTED:
        return False  # "قذيفة مصدرها قوات النظام أصابت منزلاً في بلدة كفرنبل": where it fell
    return _fired_from(words[:at])


_ITS_POSTS: Final = fold_words("مواقعها مواقعه مواقعهم مقراتها مقراته نقاطها نقاطه قرب بالقرب محيط")
"""Words between "من" and the place fire came from ("أطلقتها «قسد» من مواقعها قرب سد
الطبقة")."""
_STATIONED: Final = _ENTRENCHED | fold_words(
    "المتمركزة المتمركز متمركزة المنتشرة المنتشرين المنتشرون منتشرة منتشرين"
)


def _stationed(words: list[str]) -> bool:
    """Whether the folded words before a place say a force is stationed there ("قوات
    الحكومة المتمركزة في مدينة محردة"): where fire came from, when where it fell follows."""
    words = _without_place_words(words[-4:])
    return len(words) >= 2 and words[-1] == "في" and words[-2] in _STATIONED


def _entrenched(words: list[str]) -> bool:
    """Whether the folded words before a place say the shooters are entrenched there ("قذائف
    أطلقها إرهابيون متحصنون في مدينة داريا على حي المزة")."""
    words = _without_place_words(words[-4:])
    return len(words) >= 2 and words[-1] == "في" and words[-2] in _ENTRENCHED


def _people_of(words: list[str]) -> bool:
    """Whether the folded words before a place say whose people someone is ("تاجر من أبناء
    السويداء"): where they come from, not where the incident was."""
    return bool(words) and words[-1] in _PEOPLE_OF


def _bound_for(words: list[str]) -> bool:
    """Whether the folded words before a place send someone towards it ("انسحبوا باتجاه جبال
    حمرين", "فرّوا نحو البساتين", "نُقلا إلى مستشفى الرمثا"): where they went, not where the
    incident was."""
    if len(words) >= 2 and words[-1] in _TO and words[-2] in _TAKEN_TO:
        return True
    past = _without_place_words(words)
    while past and (past[-1] in _HOSPITALS or past[-1] == "في"):
        past.pop()  # "نقلوا إلى مشفى في مدينة إدلب": the hospital's town
    if len(past) >= 2 and len(past) < len(words) and past[-1] in _TO and past[-2] in _TAKEN_TO:
        return True
    bare = _without_place_words(words[-2:])
    return bool(bare) and bare[-1] in _BOUND_FOR


_ADVANCING: Final = ("تقدم", "زحف", "محاوله")


def _advancing(text: str, place: PlaceMatch) -> bool:
    """Whether the clause before a place sent to ("باتجاه") tells an advance on it ("محاولة
    تقدم نفذتها القوات النظامية مدعومة بعناصر من «الشبيحة» باتجاه بلدة صوران"): an assault
    on the place, fought near it, not somewhere someone went."""
    before = text[max(0, place.start - 100) : place.start]
    clause = re.split(r"[،,.؛]", before)[-1]
    return any(fold_text(word).startswith(_ADVANCING) for word in clause.split())


_TO: Final = fold_words("إلى الى")
_HOSPITALS: Final = fold_words("مشفى مستشفى المشفى المستشفى مشافي مستشفيات المشافي المستشفيات")
_TAKEN_TO: Final = fold_words("نقلا نقلوا نقل نقلت نقله نقلهم أسعفوا أسعف أسعفا وصلوا نقلتا")


_SIDES: Final = fold_words("جنوب شمال شرق غرب جنوبي شمالي شرقي غربي")
_POINTED_FROM: Final = frozenset({"district", "village", "town", "neighbourhood", "site"})


def _points(text: str, earlier: PlaceMatch, later: PlaceMatch) -> bool:
    """Whether `later` only says where `earlier` lies ("في قضاء الحضر جنوب غربي الموصل",
    "قرية البو عجيل شرقي تكريت"): the incident is at `earlier`."""
    if earlier.place.level not in _POINTED_FROM:
        return False
    # "في مديرية جبل حبشي غربي مدينة تعز": a place word may stand before the later place
    words = [
        w for w in map(fold_text, text[earlier.end : later.start].split()) if w not in _PLACE_WORDS
    ]
    return 0 < len(words) <= 2 and all(word in _SIDES for word in words)


_REPORTERS: Final = fold_words("مراسل مراسلنا مراسلة مراسلو مراسلي")


_BODIES: Final = fold_words(
    "مجلس لواء كتائب كتيبة فرقة جبهة جيش حركة تجمع ألوية قوات هيئة غرفة تنسيقية شبكة مجلسي"
)


def _in_a_name(text: str, labels: list[tuple[int, int]], place: PlaceMatch) -> bool:
    """Whether a place is part of a body's quoted name ("قيادياً في «مجلس الحسكة العسكري»",
    "«تنسيقية مدينة الرستن»"): the body's, not where the incident was."""
    quote = next((q for q in labels if q[0] <= place.start and place.end <= q[1]), None)
    if quote is None:
        return False
    words = text[quote[0] : place.start].strip("«»“”\"' ").split()
    return bool(words) and fold_text(words[0]) in _BODIES


def _reporter(text: str, place: PlaceMatch) -> bool:
    """Whether a place is where a reporter is ("قال مراسل عنب بلدي في إدلب"), a command it
    names ("قائد عمليات بابل", "مصدر في قيادة شرطة ريف دمشق") or an outlet's name
    ("لـ«بغداد اليوم»"), not an incident's."""
    window = text[max(0, place.start - 40) : place.start]
    if "عمليات" in window and _command_of(window):
        return True
    if _OUTLET_OPENS.search(window) and not text.startswith("»", place.end):
        return True  # "لـ«بغداد اليوم»": an outlet named after a place
    if "مصدر" in window and "قياد" in window and "قياد" in " ".join(window.split()[-4:]):
        return True  # "مصدر في قيادة الأمن الداخلي بطرطوس": the command a source speaks from
    if "مراسل" not in window:
        return False
    return any(fold_text(word) in _REPORTERS for word in window.split()[-4:])


_OUTLET_OPENS: Final = re.compile(r"لـ?\s*[«\"“]\s*$")
_COMMANDS: Final = fold_words("عمليات لعمليات قيادة قائد شرطة")


def _command_of(window: str) -> bool:
    """Whether a place names a command ("قال قائد عمليات بابل", "قيادة عمليات صلاح الدين"):
    the office a source speaks from, not an incident's place."""
    words = [fold_text(word) for word in window.split()[-2:]]
    return len(words) == 2 and words[-1] in ("عمليات", "لعمليات") and words[0] in _COMMANDS


_CLOSE_TO: Final = (
    "قرب",
    "بالقرب",
    "مقربه",
    "بمقربه",
    "مسافه",
    "قريبه",
    "قريب",
    "القريبه",
    "القريب",
)
# "قرب من", "قريبة من": near, not from
_PART_OF: Final = fold_words(
    "الأيمن الأيسر الجانب بالجانب الشطر جزء أجزاء القسم الشرقي الغربي الشمالي الجنوبي"
    " الشرقية الغربية الشمالية الجنوبية الأحياء أحياء الأطراف"
)
"""Words before "من" that name a part of the place ("بالجانب الأيمن من الموصل"): in it."""


def _choose_places(article: _Article, places: list[PlaceMatch], anchor: int) -> list[PlaceMatch]:
    """The place(s) of an incident: the most specific, nearest after the trigger;
    several only when the text joins them with "و"; never where fire came from or where
    a reporter is."""
    places = [place for place in places if place.start not in article.origins]
    if not places:
        return []
    places = [place for place in places if place.start not in article.clans] or places
    children = [place for place in places if place.start not in article.parents]
    if children and len(children) < len(places):
        places = children  # "في سوق بلدة الراعي التابعة لمدينة الباب": Al-Rai
    off_road = [place for place in places if not _names_road(article.text, place)]
    if off_road and len(off_road) < len(places):
        places = off_road  # "على الطريق الدولي حلب – اللاذقية (M4) قرب مدينة أريحا": Ariha
    top = max(_rank(place) for place in places)
    best = [place for place in places if _rank(place) == top]
    after = [place for place in best if place.start >= anchor]
    first = after[0] if after else best[0]
    quarter = next((p for p in best if p is not first and _quarter_in(p, first)), None)
    if quarter is not None:
        first = quarter  # "وفي مدينة حمص، داهمت دورية … منزلاً في حي الوعر": the quarter
    chosen = [first]
    if _between_words(article.text, first):
        return chosen  # "على الطريق بين القامشلي وعامودا": a road, placed at its first town
    for place in best[best.index(first) + 1 :]:
        if _coordinated(article, chosen[-1], place) and place.place.key not in {
            c.place.key for c in chosen
        }:
            chosen.append(place)
    districts = [p for p in places if p.place.level == "district" and _rank(p) < top]
    if districts and len(chosen) == 1 and first.place.level in _DISTRICT_PEERS:
        # "في قضاء عنه ومدينة راوة": a district joined to a town outside it is a place too
        joined = [
            d
            for d in districts
            if _outside_district(first.place, d.place)
            and (_coordinated(article, d, first) or _coordinated(article, first, d))
        ]
        if len(joined) == 1:
            chosen = sorted([first, joined[0]], key=lambda p: p.start)
    return chosen


def _parent_named(text: str, place: PlaceMatch, places: list[PlaceMatch]) -> bool:
    """Whether a place is named as the one another place of the list belongs to ("بلدة الراعي
    التابعة لمدينة الباب"): the incident is in the other."""
    window = text[max(0, place.start - 30) : place.start]
    if "تابع" not in window or not any(
        0 <= place.start - other.end < _PARENT_GAP for other in places
    ):
        return False
    return any(fold_text(word) in _BELONGS for word in window.split()[-2:])


_PARENT_GAP: Final = 30
_CLANS: Final = fold_words("عشيرة عشيرتي عشيرتين عشائر قبيلة قبيلتي قبيلتين عائلتي عائلتين")
_CLAN_REACH: Final = 4


def _a_clans_name(text: str, place: PlaceMatch) -> bool:
    """Whether a place's name is a clan's here ("نزاع بين عشيرتي البو عامر والحميدات في قضاء
    سوق الشيوخ"): a word for clans stands a few words before it, with no locative between."""
    window = text[max(0, place.start - 40) : place.start]
    if "عشير" not in window and "قبيل" not in window and "عائلت" not in window:
        return False  # the usual case, told without folding a word
    words = [fold_text(w) for w in window.split()]
    for word in reversed(words[-_CLAN_REACH:]):
        if word in _CLANS:
            return True
        if word in ("في", "قرب", "ب"):
            return False
    return False


_DISTRICT_PEERS: Final = frozenset({"town", "city", "village", "site"})
_DISTRICT_REACH_KM: Final = 15.0


def _outside_district(town: Place, district: Place) -> bool:
    """Whether a town lies outside a district: another district by name and spelling, and not
    close to the district's point where both are known (the gazetteer's district of a town is
    not always right)."""
    if district.name == town.admin2 or not set(district.arabic).isdisjoint(town.arabic):
        return False
    if None in (town.lat, town.lon, district.lat, district.lon):
        return True
    return distance_km(town, district) > _DISTRICT_REACH_KM


_ROAD_WORDS: Final = fold_words("طريق الطريق اوتوستراد الاوتوستراد أوتوستراد الأوتوستراد")
_ROAD_NAME_GAP: Final = re.compile(r"^[\s\-–—]*$")


def _names_road(text: str, place: PlaceMatch) -> bool:
    """Whether a place only names a road ("الطريق الدولي حلب – اللاذقية"): the town after
    the road word, or after such a town and a dash."""
    window = text[max(0, place.start - 40) : place.start]
    if "طريق" not in window and "وتوستراد" not in window:
        return False  # the usual case, told without folding a word
    words = [fold_text(word) for word in re.split(r"[\s\-–—]+", window) if word]
    while words and words[-1] in ("الدولي", "السريع", "الرئيسي"):
        words.pop()
    if words and words[-1] in _ROAD_WORDS:
        return True
    # the road's second town: "حلب – اللاذقية", "دير الزور – الحسكة", the dash right before it
    dash = max(window.rfind("–"), window.rfind("-"), window.rfind("—"))
    if dash < 0 or not _ROAD_NAME_GAP.match(window[dash:]):
        return False
    return not _ROAD_WORDS.isdisjoint(words[-5:-1])


_QUARTER_KM: Final = 8.0


def _quarter_in(quarter: PlaceMatch, town: PlaceMatch) -> bool:
    """Whether a neighbourhood named in a clause lies in the city or town it also names."""
    return quarter.place.level == "neighbourhood" and _quarter_of(quarter.place, town.place)


_BETWEEN_WORDS: Final = fold_words("بين وبين")


def _between_words(text: str, place: PlaceMatch) -> bool:
    """Whether "بين" stands right before a place (a place word aside): the first of two ends."""
    window = text[max(0, place.start - 20) : place.start]
    if "بين" not in window:
        return False  # the usual case, told without folding a word
    words = _without_place_words([fold_text(word) for word in window.split()])
    return bool(words) and words[-1] in _BETWEEN_WORDS


def _missiles_only(tokens: list[Token], triggers: list[Trigger]) -> bool:
    """Whether a clause's shelling is only missiles ("بصاروخين"), which aircraft fire too,
    not guns or mortars."""
    return all(
        t.sub_event_type != _SHELLING or "صاروخ" in tokens[t.first].folded for t in triggers
    ) and any("صاروخ" in tokens[t.first].folded for t in triggers)


def _is_air(mentions: list[ActorMention]) -> bool:
    return any(_names_aircraft(m.text) for m in mentions)


@lru_cache(maxsize=4096)
def _names_aircraft(mention: str) -> bool:
    """Whether an actor's words name aircraft ("الطائرات المسيرة", "سلاح الجو")."""
    folded = fold_text(mention)
    return any(word in folded for word in _AIRCRAFT)


@dataclass(frozen=True, init=False)
class _Carried:
    """What a sentence inherits from the sentences before it.

    A place carries within its paragraph, a date beyond it.
    """

    place: PlaceMatch | None = None
    date: DateMatch | None = None
    told: PlaceMatch | None = None
    """The main place of the paragraphs before, for a sentence that speaks of their incident
    again ("وأفاد مصدر بأن المواجهات أسفرت عن …": `_speaks_again`)."""
    incident: DateMatch | None = None
    """The date of the last incident told, for a sentence that opens on its time ("ففي ذلك
    اليوم": `_same_time`)."""

    def __init__(
        self,
        place: PlaceMatch | None = None,
        date: DateMatch | None = None,
        told: PlaceMatch | None = None,
        incident: DateMatch | None = None,
    ) -> None:
        object.__setattr__(self, "place", place)
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "told", told)
        object.__setattr__(self, "incident", incident)


@dataclass(frozen=True, init=False)
class _Clause:
    """Tokens [begin, stop) of a sentence that report one incident.

    [head_begin, head_stop) is the clause holding the trigger; the others are
    untriggered clauses it took in (see `_triggered_clauses`).
    """

    begin: int
    head_begin: int
    head_stop: int
    stop: int

    def __init__(self, begin: int, head_begin: int, head_stop: int, stop: int) -> None:
        object.__setattr__(self, "begin", begin)
        object.__setattr__(self, "head_begin", head_begin)
        object.__setattr__(self, "head_stop", head_stop)
        object.__setattr__(self, "stop", stop)


@dataclass(frozen=True, init=False)
class _Scope:
    """A sentence being read: its tokens [first, last), places and dates, triggered clauses."""

    sentence: Sentence
    first: int
    places: list[PlaceMatch]
    dates: list[DateMatch]
    clauses: list[_Clause]
    same_time: bool = False
    """Whether it opens on the time told before (`_same_time`)."""

    def __init__(
        self,
        sentence: Sentence,
        first: int,
        places: list[PlaceMatch],
        dates: list[DateMatch],
        clauses: list[_Clause],
        same_time: bool = False,
    ) -> None:
        object.__setattr__(self, "sentence", sentence)
        object.__setattr__(self, "first", first)
        object.__setattr__(self, "places", places)
        object.__setattr__(self, "dates", dates)
        object.__setattr__(self, "clauses", clauses)
        object.__setattr__(self, "same_time", same_time)


@dataclass(frozen=True, init=False)
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

    def __init__(
        self,
        clause: _Clause,
        start: int,
        end: int,
        triggers: list[Trigger],
        sub_event_type: str,
        strength: int,
        casualties: Casualties,
        mentions: list[ActorMention],
        recalled: bool,
    ) -> None:
        object.__setattr__(self, "clause", clause)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "triggers", triggers)
        object.__setattr__(self, "sub_event_type", sub_event_type)
        object.__setattr__(self, "strength", strength)
        object.__setattr__(self, "casualties", casualties)
        object.__setattr__(self, "mentions", mentions)
        object.__setattr__(self, "recalled", recalled)


def _triggered_clauses(article: _Article, first: int, last: int) -> list[_Clause]:
    """The clauses of tokens [first, last) that have a trigger, each with its untriggered ones.

    A clause without a trigger belongs to the triggered clause before it ("..., ما
    أسفر عن مقتل خمسة"), or, at the start of a sentence, to the one after it
    ("قتل ثلاثة مدنيين، ... جراء قصف").
    """
    clauses: list[_Clause] = []
    if not article.trigger_index.between(first, last):
        return clauses
    pending: int | None = None
    for begin, stop in _clauses(article.tokens, article.text, first, last, article.connectives):
        if article.trigger_index.between(begin, stop):
            clauses.append(_Clause(begin if pending is None else pending, begin, stop, stop))
            pending = None
        elif clauses:
            last_clause = clauses[-1]
            clauses[-1] = _Clause(
                last_clause.begin, last_clause.head_begin, last_clause.head_stop, stop
            )
        elif pending is None:
            pending = begin
    return clauses


_FLED: Final = fold_words("فروا فر هربا هروبا فرارا نزحوا نزح")
_DETAINED: Final = fold_words(
    "شخص شخصا شخصين أشخاص مطلوب مطلوبا مطلوبين مشتبه مشتبها مشتبهين متهم متهما متهمين عنصرا"
    " عناصر شابا شبان امرأة رجلا رجال"
)
_DETAINED_REACH: Final = 6


def _stopped_not_held(article: _Article, trigger: Trigger) -> bool:
    """Whether "أوقفت" stopped something rather than detained someone ("أوقفت الأجهزة الأمنية
    حركة السير"): an arrest names whom, a person or a count, within a few words."""
    tokens = article.tokens
    if trigger.sub_event_type != "Arrests" or not tokens[trigger.first].folded.startswith("اوقف"):
        return False
    after = tokens[trigger.last : trigger.last + _DETAINED_REACH]
    if not after:
        return True
    numbers = article.numbers
    at = bisect.bisect_left(numbers, after[0].start, key=lambda n: n.start)
    counted = at < len(numbers) and numbers[at].start < after[-1].end
    return not counted and not any(
        token.folded in _DETAINED or count_from_noun(token.folded) for token in after
    )


def _fled_from(tokens: list[Token], trigger: Trigger) -> bool:
    """Whether a trigger names what people fled ("نازحون فروا من القصف والمعارك"): the
    violence they escaped, no incident."""
    return any(token.folded in _FLED for token in tokens[max(0, trigger.first - 4) : trigger.first])


_USING: Final = fold_words("مستخدمين مستخدمة مستخدما مستخدمًا مستخدمون باستخدام مستعينين مستعينة")


_STORED: Final = fold_words(
    "منصات منصة منصتي تصنيع صناعة مستودعات مستودع مخازن مخزن ورش ورشة تخزين"
)
_LAUNCHING: Final = fold_words("إطلاق اطلاق")
_CHARGED_WITH: Final = fold_words("بجرم بتهمة بتهم بجريمة بجرائم")
_STORED_OR_CHARGED: Final = _STORED | _CHARGED_WITH
_PREPARING: Final = fold_words("تمهيدي تمهيدية تمهيديا تمهيدياً")


_USED = fold_words("استخدموا استخدمت استخدم استعملوا استعملت استعمل استخدمها استخدمت")


def _used(tokens: list[Token], trigger: Trigger) -> bool:
    """Whether a trigger names only the weapons someone used ("استخدموا أسلحة رشاشة وقذائف"),
    up to four words after the verb."""
    return any(
        not _USED.isdisjoint(token.forms)
        for token in tokens[max(0, trigger.first - 4) : trigger.first]
    )


_SUSPECTED_OF: Final = fold_words(
    "للاشتباه بالاشتباه بتورطهم بتورطه بتورطهما بالتورط بتورط يشتبه المشتبه بزرعه بزرعها"
)
_THAT_IT: Final = fold_words("أنه أنها بأنه بأنها انه انها")


def _suspected(tokens: list[Token], trigger: Trigger) -> bool:
    """Whether a trigger is what arrested people are suspected of ("أوقفت ستة أشخاص للاشتباه
    بتورطهم في إطلاق الصواريخ"): an earlier incident, not this clause's."""
    begin = max(0, trigger.first - 3)
    return any(
        tokens[i].folded in _SUSPECTED_OF
        and not (i + 1 < len(tokens) and tokens[i + 1].folded in _THAT_IT)  # "يشتبه أنه لغم"
        for i in range(begin, trigger.first)
    )


def _accused_before(tokens: list[Token], begin: int, at: int) -> bool:
    """Whether an accusing word stands in tokens [begin, at): "يتهم الأهالي أنقرة باستهداف"
    (before a clause's trigger), "واتهم المجلس المحلي وحدات حماية الشعب" (before a group)."""
    return any(tokens[i].folded in _ACCUSES for i in range(begin, at))


def _kind_triggers(tokens: list[Token], triggers: list[Trigger]) -> list[Trigger]:
    """The triggers that say a clause's kind: not what it hit ("منصات إطلاق المسيّرات"), nor
    what arrested men are suspected of; not the weapons an assault used or the fire that
    prepared it, when the assault's own word is left ("هاجموا … مستخدمين المدفعية")."""
    named = [t for t in triggers if not _stored_or_charged(tokens, t)] or triggers
    assault = [t for t in named if not _means_of(tokens, t)]
    if assault and all(t.sub_event_type == _CLASH for t in assault):
        return assault
    return named


def _preparing(tokens: list[Token], trigger: Trigger) -> bool:
    """Whether a trigger is the fire that prepared an assault ("بعد قصف تمهيدي")."""
    return trigger.last < len(tokens) and tokens[trigger.last].folded in _PREPARING


def _stored_or_charged(tokens: list[Token], trigger: Trigger) -> bool:
    """Whether a trigger names what was hit ("مستودعات المسيّرات", "ومنصات إطلاق المسيّرات")
    or what someone is charged with or suspected of ("بجرم إطلاق النار")."""
    before = tokens[max(0, trigger.first - 2) : trigger.first]
    if before and not _STORED_OR_CHARGED.isdisjoint(before[-1].forms):
        return True
    if (
        len(before) == 2
        and not _LAUNCHING.isdisjoint(before[-1].forms)
        and not _STORED.isdisjoint(before[0].forms)
    ):
        return True
    return _suspected(tokens, trigger)


def _means_of(tokens: list[Token], trigger: Trigger) -> bool:
    """Whether a trigger only names what an assault used ("هاجموا مواقعها … مستخدمين المدفعية
    والعربات المدرعة"), the fire that prepared it ("بعد قصف تمهيدي") or supported it
    ("بإسناد من المدفعية")."""
    before = tokens[max(0, trigger.first - 2) : trigger.first]
    if _preparing(tokens, trigger) or any(token.folded in _USING for token in before):
        return True
    if any(not _SMALL_ARMS.isdisjoint(token.forms) for token in before):
        return True  # "بالأسلحة الرشاشة والقذائف الصاروخية": an assault's guns and rockets
    wider = tokens[max(0, trigger.first - _USED_REACH) : trigger.first]
    if any(token.folded in _USED for token in wider):
        return True  # "اشتباكاً مسلحاً … استُخدمت فيه الأسلحة الرشاشة والقذائف الصاروخية"
    return _supporting(tokens, trigger)


_USED = fold_words("استخدمت استخدم استخدموا استخدمها استخدمتها")
_SMALL_ARMS: Final = fold_words("الرشاشة الرشاشات رشاشات الخفيفة")
"""Words of the guns an assault fires ("بالأسلحة الرشاشة", "بالرشاشات"): the rockets and
shells named with them are its means, not a bombardment."""
_USED_REACH: Final = 5


def _supporting(tokens: list[Token], trigger: Trigger) -> bool:
    """Whether a trigger names fire that supported an assault ("دارت اشتباكات … بإسناد من
    المدفعية التركية", "بدعم من طيران التحالف")."""
    before = tokens[max(0, trigger.first - 2) : trigger.first]
    if before and before[-1].folded == "من":
        before = before[:-1]
    return bool(before) and not _SUPPORTED_BY.isdisjoint(before[-1].forms)


_SUPPORTED_BY: Final = fold_words(
    "بإسناد إسناد بدعم دعم بمساندة مساندة بغطاء غطاء بتغطية تغطية مدعومة مدعومين مدعوما"
)


_SHELLING: Final = "Shelling/artillery/missile attack"
_CLASH: Final = "Armed clash"
_AIRCRAFT_NOUNS: Final = fold_words(
    "طائرة طائرات مقاتلة مقاتلات مروحية مروحيات طيران قاذفات قاذفة المقاتلات"
    " الطائرات المروحيات الطيران طائراته طائراتها مقاتلاته مقاتلاتها مروحياته مروحياتها"
    " مسيراته مسيراتها"
)


def _fired_by_aircraft(tokens: list[Token], clause: _Clause, triggers: list[Trigger]) -> bool:
    """Whether the missiles or rockets of a clause came from aircraft named beside them
    ("أطلقت المقاتلات صواريخ", "صواريخ أطلقتها طائرات حربية"): an air strike."""
    first = triggers[0].first
    begin = max(clause.head_begin, first - 4)
    return any(
        not _AIRCRAFT_NOUNS.isdisjoint(tokens[i].forms)
        and not (i > 0 and "مضاد" in tokens[i - 1].folded)  # "بمضادات الطيران": guns
        for i in range(begin, min(clause.head_stop, first + 5))
    )


_GUNMEN: Final = fold_words("مسلحون مسلحين مسلحو مسلحي مسلحان مجهولون مجهولين عناصر")


def _gunmen_stormed(tokens: list[Token], trigger: Trigger) -> Trigger:
    """A trigger, read as a raid when gunmen did what protesters do ("مسلحين يرتدون زياً
    عسكرياً اقتحموا منزل ضابط"): no demonstration."""
    if trigger.sub_event_type != "Violent demonstration":
        return trigger
    if any(
        not _GUNMEN.isdisjoint(t.forms) for t in tokens[max(0, trigger.first - 5) : trigger.first]
    ):
        return replace(trigger, sub_event_type=_CLASH, strength=1)
    return trigger


_ASIDE_REACH: Final = 14


def _aside(article: _Article, at: int, clause: _Clause, *, cue: bool = True) -> bool:
    """Whether a cue at token `at` lies in a relative clause set off by commas before the
    clause's incident ("إن مسلحي التنظيم، الذين يحاصرون المدينة منذ أكثر من شهر، شنوا
    اليوم هجوماً"): it describes who did it, not what was reported. A cue (not a date) may
    also lie in a relative clause that ends the sentence after the incident
    (`_describes_a_place`)."""
    tokens = article.tokens
    if at > 0 and tokens[at - 1].folded in _STATE_OF_PLACE:
        return True  # "قرب ناحية آمرلي المحاصرة منذ أسابيع": how the place is, not a tally
    relative = next(
        (
            i
            for i in range(at - 1, max(clause.head_begin, at - _ASIDE_REACH) - 1, -1)
            if tokens[i].folded in RELATIVES
        ),
        None,
    )
    if relative is None or "،" in article.text[tokens[relative].start : tokens[at].start]:
        return False
    if any(
        tokens[i].folded in _ASIDE for i in range(max(clause.head_begin, relative - 3), relative)
    ):
        return True  # "في واحد من أعنف التفجيرات التي شهدتها العاصمة منذ عام 2003": a ranking
    after = [t.first for t in article.trigger_index.between(at + 1, clause.head_stop)]
    if after and "،" in article.text[tokens[at].end : tokens[after[0]].start]:
        return True
    stop = after[0] if after else clause.head_stop
    return cue and _describes_a_place(article, clause.head_begin, relative, at, stop)


def _describes_a_place(article: _Article, begin: int, relative: int, at: int, stop: int) -> bool:
    """Whether the relative clause at `relative`, after the incident, describes what the
    incident is told of and ends its sentence ("اشتباكات … في محيط المطار الذي يحاصره
    المقاتلون منذ أسابيع."): a cue there says how that thing is, not what was reported."""
    tokens = article.tokens
    told_before = article.trigger_index.between(begin, relative)
    if not told_before or relative - 1 in {t.first for t in told_before}:
        return False  # "الاشتباكات التي تدور منذ أسابيع": the incident's own course
    end = tokens[stop - 1].end if stop > at else tokens[at].end
    return any(mark in article.text[tokens[at].end : end + 1] for mark in ".\n")


_OPERATING: Final = fold_words("العامل العاملة العاملين")
_WITHIN: Final = fold_words("ضمن في على")


def _operating_within(tokens: list[Token], mention: ActorMention) -> bool:
    """Whether a word of the lexicon is an adjective here ("لواء المعتصم العامل ضمن غرفة
    عمليات …": operating, not a worker)."""
    return (
        mention.last_token - mention.first_token == 1
        and tokens[mention.first_token].folded in _OPERATING
        and mention.last_token < len(tokens)
        and tokens[mention.last_token].folded in _WITHIN
    )


_STATE_OF_PLACE: Final = fold_words(
    "المحاصرة المحاصر المحاصرين المحاصرتين الخاضعة الخاضع المغلقة المغلق المدمرة المدمر"
)


def _read_clause(article: _Article, clause: _Clause) -> _Reading | None:
    """What a clause reports by itself, or None when it reports no incident.

    A non-event cue in the trigger's clause ("نفى", "تدريبات") rules it out,
    and so does a bare generic word ("هجوم") with no casualties and no actor.
    """
    cues = article.cue_index.between(clause.head_begin, clause.head_stop)
    if any(not _aside(article, cue.first, clause) for cue in cues) or _tally(article, clause):
        return None
    triggers = [
        _gunmen_stormed(article.tokens, t)
        for t in article.trigger_index.between(clause.head_begin, clause.head_stop)
        if not _fled_from(article.tokens, t) and not _stopped_not_held(article, t)
    ]
    if not triggers:
        return None
    casualties = find_casualties(
        article.tokens,
        article.text,
        article.numbers,
        clause.begin,
        clause.stop,
        article.casualty_index.between(clause.begin, clause.stop),
    )
    killing = _killing_in(article, clause)
    if killing is not None and casualties.killed is None:
        casualties = replace(casualties, killed=killing.killed)
    untold = casualties.killed is None and casualties.injured is None
    if untold and all(_supporting(article.tokens, t) for t in triggers):
        return None  # "أطلقت عملية واسعة لاستعادة الموصل بدعم من طيران التحالف": who backs it
    if untold and _accused_before(article.tokens, clause.head_begin, triggers[0].first):
        return None  # "فيما يتهم الأهالي أنقرة باستهداف المدنيين": an accusation, no incident
    if untold and all(
        _used(article.tokens, t) or _preparing(article.tokens, t) or _suspected(article.tokens, t)
        for t in triggers
    ):
        return None  # "قال المصدر إن المهاجمين استخدموا أسلحة رشاشة وقذائف": how, not what
    start, end = article.span(clause.begin, clause.stop)
    sub_event_type, strength = clause_type(_kind_triggers(article.tokens, triggers))
    mentions = article.actor_index.between(clause.begin, clause.stop)
    air = strength <= _GENERIC_STRENGTH and _is_air(mentions)
    # aircraft named only as supporting the assault
    supported = air and not _is_air(
        [m for m in mentions if not not_a_party(article.tokens, m, clause.begin)]
    )
    if supported:
        # "شنت فصائل من الحشد، بإسناد من طيران الجيش، هجوماً معاكساً": an assault the air
        # force supported, an incident though told without a toll
        strength = _GENERIC_STRENGTH
    elif air:
        # "استهدف الطيران الإسرائيلي مستودعاً": an aircraft names the kind
        sub_event_type, strength = "Air/drone strike", _GENERIC_STRENGTH
    elif strength <= _GENERIC_STRENGTH and any(names_guns(m.text) for m in mentions):
        # "جراء استهداف بوارج العدوان قارب صيد": warships or guns name the kind, as surely
        # as a word of shelling would
        sub_event_type, strength = _SHELLING, _GENERIC_STRENGTH + 1
    elif sub_event_type == _SHELLING and (
        _fired_by_aircraft(article.tokens, clause, triggers)
        or (_is_air(mentions) and _missiles_only(article.tokens, triggers))
    ):
        # "أطلقت المقاتلات صواريخ على السوق", "استهدفت مسيّرة معادية مركزاً … بصاروخين"
        sub_event_type = "Air/drone strike"
    if strength == 1 and casualties.killed is None and casualties.injured is None and not mentions:
        return None  # a bare "هجوم" says too little, unless it names who did it
    if strength == 1 and _launched_on(article, clause, mentions):
        strength = _GENERIC_STRENGTH  # "شن حزب الله هجوماً على مواقع الهيئة": who, on whom
    casualties = _assassination_toll(article, triggers, casualties)
    if sub_event_type == "Arrests" and casualties.killed:
        sub_event_type = "Armed clash"  # "عملية أمنية أسفرت عن مقتل أربعة واعتقال اثنين"
    recalled = any(
        not _RESPONSE.isdisjoint(article.tokens[i].forms)
        for i in range(clause.head_begin, min(clause.head_begin + 3, clause.head_stop))
    )
    return _Reading(
        clause, start, end, triggers, sub_event_type, strength, casualties, mentions, recalled
    )


_ANYONE: Final = fold_words("مواطنين مواطنا مواطنان مطلوبين مطلوبا مطلوبان")


def _just_people(mention: ActorMention) -> bool:
    """Whether a civilians mention names only people ("أشخاص", "مواطنين", "مطلوبين"), no
    group: those arrested are then of no key."""
    if mention.key != "civilians":
        return False
    return only_people(mention) or fold_text(mention.text.split()[0]) in _ANYONE


def _killing_in(article: _Article, clause: _Clause) -> _Killing | None:
    """The active killing whose verb heads a clause, if one does."""
    if not article.killings:
        return None
    return next(
        (k for k in article.killings if clause.head_begin <= k.trigger.first < clause.head_stop),
        None,
    )


def _launched_on(article: _Article, clause: _Clause, mentions: list[ActorMention]) -> bool:
    """Whether a clause says one armed side launched an assault on another ("شن حزب الله
    هجوماً واسعاً على مواقع «هيئة تحرير الشام»"): an incident, though told without a toll."""
    keys = {m.key for m in mentions if m.key not in _NO_SIDE}
    tokens = article.tokens
    verbal = any(
        tokens[i].folded.startswith("هجوم") and tokens[i + 1].folded in _VERBAL
        for i in range(clause.begin, min(clause.stop, len(tokens) - 1))
    )
    return (
        not verbal
        and len(keys) >= 2
        and any(launched_attack(m, tokens, clause.begin) for m in mentions)
    )


_VERBAL: Final = fold_words(
    "إعلامي إعلاميا إعلامية سياسي سياسيا سياسية كلامي كلاميا حاد حادا لاذع لاذعا دبلوماسي"
)


_NO_SIDE: Final = frozenset({"civilians", "unknown"})


_TALLIED: Final = fold_words(
    "غارة غارات هجوم هجوما هجمات عملية عمليات ضربة ضربات اعتداء اعتداءات استهداف"
    " قذيفة قذائف صاروخ صواريخ خرق"
)
_PERIOD_WORDS: Final = fold_words(
    "الأسبوع أسبوع الشهر شهر الأشهر أشهر العام عام الأيام أيام السنة يناير فبراير مارس أبريل"
    " مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز"
    " آب أيلول تشرين"
)
_DURING: Final = fold_text("خلال")
_TALLY_LEAST: Final = 10


def _tally(article: _Article, clause: _Clause) -> bool:
    """Whether a clause counts many strikes over a period ("شن العدوان خلال الأسبوع الماضي
    أكثر من 30 غارة على محافظات …"): a total, not one incident."""
    tokens = article.tokens
    head = range(clause.head_begin, min(clause.head_stop, len(tokens) - 1))
    if not any(
        tokens[i].folded == _DURING and _is_one_of(tokens[i + 1], _PERIOD_WORDS) for i in head
    ):
        return False
    start, end = article.span(clause.head_begin, clause.head_stop)
    for number in article.numbers:
        if start <= number.start < end and (number.value or 0) >= _TALLY_LEAST:
            at = bisect.bisect_left(article.starts, number.end)
            if at < len(tokens) and _is_one_of(tokens[at], _TALLIED):
                return True
    return False


def _is_one_of(token: Token, words: frozenset[str]) -> bool:
    return token.folded in words or not token.forms.isdisjoint(words)


_ASSASSINATION: Final = ("اغتي", "اغتال")
_ATTEMPT: Final = fold_text("محاولة")


def _assassination_toll(
    article: _Article, triggers: list[Trigger], casualties: Casualties
) -> Casualties:
    """An assassination ("اغتال مسلحون وجيهاً", "اغتيل مختار") killed its one victim, unless
    the clause gives a toll or tells of an attempt ("محاولة اغتيال")."""
    if casualties.killed is not None or casualties.killed_vague is not None:
        return casualties
    for trigger in triggers:
        word = article.tokens[trigger.first]
        if not any(form.startswith(_ASSASSINATION) for form in word.forms | {word.folded}):
            continue
        before = article.tokens[max(0, trigger.first - 2) : trigger.first]
        if not any(token.folded.lstrip("وب").startswith(_ATTEMPT[:5]) for token in before):
            return replace(casualties, killed=1)
    return casualties


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
    places = _choose_places(article, _in(article.place_index, reading.start, reading.end), anchor)
    again = _same_place(article, reading)
    if again:
        # "في المخيم" after "مخيم عين الحلوة": the camp named again, not a village "المخيم"
        places = [p for p in places if not _at_place_noun(article, p)]
    if again and (not places or max(map(_rank, places)) < _rank(again[0])):
        return again  # "في القرية" over "إلى مناطق سيطرته في سوريا"
    if places or reading.recalled:
        return places
    if len(scope.clauses) == 1:
        places = _choose_places(article, scope.places, anchor)
    if not places and previous is not None:
        places = [previous]  # a later clause of the sentence, about the same place
    if not places and carried.place is not None:
        places = [carried.place]
    if (
        not places
        and carried.told is not None
        and (
            _speaks_again(article, reading)
            or scope.same_time
            or (_source_goes_on(article, scope) and not _names_again(article, reading))
        )
    ):
        places = [carried.told]
    return places


_SAME_TIME: Final = frozenset(
    tuple(map(fold_text, phrase.split()))
    for phrase in (
        "ذلك اليوم", "تلك الليلة", "ذات اليوم", "ذات الليلة", "اليوم ذاته", "اليوم نفسه",
        "الليلة ذاتها", "الليلة نفسها", "الوقت ذاته", "الوقت نفسه", "الأثناء", "أثناء ذلك",
    )
)  # fmt: skip
"""Words that open a sentence on the time told before ("ففي ذلك اليوم، اقتحمت سيارة …")."""


_GOES_ON: Final = fold_words("وأضاف وأضافت وتابع وتابعت وأوضح وأوضحت")
_THE_SOURCE: Final = fold_words("المصدر البيان المرصد المسؤول الضابط المتحدث الناطق")


def _names_again(article: _Article, reading: _Reading) -> bool:
    """Whether a clause's incident word is a definite noun ("الضربات", "الهجوم"): the
    incident told before, named again, not a new one."""
    return any(article.tokens[t.first].folded.startswith("ال") for t in reading.triggers)


def _source_goes_on(article: _Article, scope: _Scope) -> bool:
    """Whether a sentence opens on the source of the report before going on ("وأضاف المصدر
    أن المسلحين اختطفوا شاباً"): without a place of its own, it is that report's place; not
    with a time of its own, a year or a period ("في عام 2019", "خلال الشهر الماضي")."""
    tokens = article.tokens
    first = scope.first
    if not (
        first + 1 < len(tokens)
        and tokens[first].folded in _GOES_ON
        and tokens[first + 1].folded in _THE_SOURCE
    ):
        return False
    sentence = article.text[scope.sentence.start : scope.sentence.end]
    if scope.dates or _YEAR.search(sentence):
        return False
    last = article.token_range(scope.sentence.start, scope.sentence.end)[1]
    return not any(tokens[i].folded in _SPANS for i in range(first, last))


_SPANS: Final = fold_words("خلال منذ طوال")


def _same_time(article: _Article, first: int) -> bool:
    """Whether a sentence opens on the time of the incident told before ("ففي ذلك اليوم",
    "وفي الليلة ذاتها"): without a place of its own, it is that incident's place."""
    words = tuple(
        article.tokens[i].folded for i in range(first, min(first + 4, len(article.tokens)))
    )
    return _opens_on_same_time(words)


@lru_cache(maxsize=4096)
def _opens_on_same_time(words: tuple[str, ...]) -> bool:
    """Whether a sentence's first folded words are one of `_SAME_TIME`, و or ف aside."""
    stripped = [w[1:] if w[:1] in "وف" and len(w) > 3 else w for w in words]
    pairs = set(pairwise(stripped))
    return bool(pairs & _SAME_TIME) or any((w,) in _SAME_TIME for w in stripped)


def _at_place_noun(article: _Article, place: PlaceMatch) -> bool:
    """Whether a place was read in a definite place noun ("المخيم", "القرية")."""
    at = bisect.bisect_right(article.starts, place.start) - 1
    nouns = article.place_nouns
    found = bisect.bisect_left(nouns, at)
    return found < len(nouns) and nouns[found] == at and place.end <= article.tokens[at].end


_AGAIN: Final = fold_words(
    "المواجهات الاشتباكات المعارك الهجوم الغارة الغارات الضربة الضربات القصف الانفجار"
    " التفجير الكمين الاشتباك"
)


def _speaks_again(article: _Article, reading: _Reading) -> bool:
    """Whether a clause gives the toll of the incident told before: its trigger a definite
    noun that names it again ("المواجهات", "الغارة"), with figures and no date of its own."""
    if reading.casualties.killed is None and reading.casualties.injured is None:
        return False  # only a toll of the incident told before ("أسفرت عن مصرع …")
    if _in(article.date_index, reading.start, reading.end):
        return False  # a date of its own: another incident, or background
    word = article.tokens[reading.triggers[0].first]
    return reading.triggers[0].last - reading.triggers[0].first == 1 and bool(
        {word.folded, word.folded[1:] if word.folded[:1] in "وفب" else ""} & _AGAIN
    )


_SAME: Final = fold_words("ذاته ذاتها نفسه نفسها")
_PLACE_NOUNS: Final = {
    fold_text(noun): kinds
    for nouns, kinds in (
        (("المطار", "القاعدة", "المعسكر", "السجن", "المخيم", "المستشفى", "السد"), {"base"}),
        (("الحقل",), {"oil field"}),
        (("المعبر",), {"crossing"}),
        (("المدينة",), {"city", "town"}),
        (("البلدة",), {"town", "village"}),
        (("القرية",), {"village", "town"}),
        (("الحي",), {"neighbourhood"}),
    )
    for noun in nouns
}
"""Nouns that, followed by ذاته/نفسه, name again a place of their kind ("المطار ذاته")."""


def _same_place(article: _Article, reading: _Reading) -> list[PlaceMatch]:
    """The place a clause names again ("استهدف المطار ذاته", "عند البوابة الرئيسية للسجن",
    "في البلدة"): the last place of that kind the article named before the clause."""
    first, stop = article.token_range(reading.start, reading.end)
    tokens = article.tokens
    nouns = article.place_nouns
    named = {p.start for p in article.place_index.between(reading.start, reading.end)}
    for index in nouns[bisect.bisect_left(nouns, first) : bisect.bisect_left(nouns, stop)]:
        kinds = _place_noun(tokens[index].folded)
        if not kinds:
            continue
        after = tokens[index + 1] if index + 1 < stop else None
        same = after is not None and after.folded in _SAME
        alone = after is None or (
            after.start not in named
            and (not after.folded.startswith("ال") or after.folded in RELATIVES)
        )
        # where something happened ("في القرية", "للسجن", "داخل أجنحة السجن"), not "شهدتها
        # المدينة"
        placed = tokens[index].folded[:1] in "بل" or (
            index > 0 and tokens[index - 1].folded in _AT_A_PLACE
        )
        if same or (alone and placed):
            earlier = [
                p for p in article.place_index.between(0, reading.start) if p.place.kind in kinds
            ]
            # "بلدة تلدو في منطقة الحولة … في الشارع الرئيسي للبلدة": the one named a town
            named_so = [p for p in earlier if _named_with(article, p, tokens[index])]
            return (named_so or earlier)[-1:]
    return []


def _named_with(article: _Article, place: PlaceMatch, noun: Token) -> bool:
    """Whether a place was named after the place noun a clause uses again ("بلدة تلدو" for
    "البلدة")."""
    at = bisect.bisect_right(article.starts, place.start) - 1
    if at < 1:
        return False
    return not (noun.forms - {noun.folded}).isdisjoint(article.tokens[at - 1].forms)


_AT_A_PLACE: Final = fold_words(
    "في وفي على داخل قرب محيط أطراف عند أمام حول وسط أجنحة ساحة مدخل بوابة رجال أهالي"
)
"""Words before a place noun that say the incident was there ("في القرية", "رجال القرية")."""


@lru_cache(maxsize=8192)
def _place_noun(word: str) -> set[str] | None:
    """The kinds of place a definite place noun names, its clitics aside ("للسجن", "بالقرية")."""
    for form in (word, word[1:] if word[:1] in "وفبل" else "", "ال" + word[2:]):
        kinds = _PLACE_NOUNS.get(form) if form.startswith("ال") else None
        if kinds:
            return kinds
    return None


def _clause_date(
    article: _Article, scope: _Scope, reading: _Reading, carried: _Carried
) -> DateMatch | None:
    """The date of a clause's incident: its own, else its sentence's, else the last one read.

    "اليوم التالي" after an earlier date is the day after it, but never a day
    after publication.
    """
    head = article.tokens[reading.clause.head_begin].start
    dates = (
        _in(article.date_index, head, reading.end)
        or _in(article.date_index, reading.start, reading.end)
        or scope.dates
    )
    # "مقاتلين من «لواء التوحيد»، الذي … أعلن قبل أسبوع انضمامه …، هاجموا فجر اليوم"
    dates = [d for d in dates if not _aside_date(article, reading, d)] or dates
    if dates:
        # "طالبت، اليوم، بتحقيق في غارة ... قبل ست سنوات": the incident's own time wins
        past = next(
            (
                d
                for d in dates
                if d.kind == "past" or (_of_another_year(article, d) and _remembers(article, scope))
            ),
            None,
        )
        if past is not None:
            return past
        told = [d for d in dates if not _announced_on(article, d)]
        return told[0] if told else dates[0]
    date = carried.date
    if carried.incident is not None and (
        scope.same_time or _THAT_DAY.search(article.text, reading.start, reading.end)
    ):
        return carried.incident  # "ففي ذلك اليوم": the day of the incident told before
    if (
        date is not None
        and date.date
        and any(reading.start <= start and stop <= reading.end for start, stop in article.next_days)
        and (article.published is None or date.date < article.published)
    ):
        date = replace(date, date=date.date + dt.timedelta(days=1), text="اليوم التالي")
    return date


_THAT_DAY: Final = re.compile(r"(?:ذلك|ذات|تلك) (?:اليوم|الليلة)|(?:اليوم|الليلة) (?:نفس|ذات)")


def _aside_date(article: _Article, reading: _Reading, date: DateMatch) -> bool:
    """Whether a date lies in a relative clause on the attackers, set off by commas before the
    clause's incident (`_aside`): when they did something else, not when it happened."""
    if not reading.start <= date.start < reading.end:
        return False
    at = bisect.bisect_left(article.starts, date.start)
    return at < len(article.tokens) and _aside(article, at, reading.clause, cue=False)


def _that_day(text: str, date: DateMatch) -> bool:
    """Whether a relative day is "ذلك اليوم" or "اليوم نفسه", which names a day told before."""
    return date.text in ("اليوم", "الليلة") and bool(
        _THAT_DAY.search(text, max(0, date.start - 4), date.end + 6)
    )


_YEAR: Final = re.compile(r"(?:19|20)\d\d")


def _of_another_year(article: _Article, date: DateMatch) -> bool:
    """Whether a date names its year and lies over a month before publication ("يستذكر
    السوريون اليوم … حين ألقت طائرة … صباح الرابع من نيسان 2017"): in an anniversary's
    sentence, the recalled incident's own date, which wins over the day it is remembered."""
    return (
        date.date is not None
        and article.published is not None
        and (article.published - date.date).days > _RECALLED_DAYS
        and _YEAR.search(date.text) is not None
    )


_RECALLED_DAYS: Final = 31
_REMEMBRANCE: Final = ("ذكرى", "يستذكر", "يحيي", "يحيون", "إحياء", "استذكار")


def _remembers(article: _Article, scope: _Scope) -> bool:
    """Whether a sentence marks an anniversary ("يستذكر السوريون اليوم الذكرى الخامسة لمجزرة
    خان شيخون"): the day it is told is not the incident's."""
    words = fold_text(article.text[scope.sentence.start : scope.sentence.end])
    return any(fold_text(word) in words for word in _REMEMBRANCE)


def _announced_on(article: _Article, date: DateMatch) -> bool:
    """Whether a date only says when the news was told ("أعلنت خلية الإعلام الأمني، اليوم
    السبت، مقتل …"): set off by commas within a few words after a saying verb."""
    text = article.text
    if not text[date.end : date.end + 2].lstrip().startswith(("،", ",")):
        return False
    before = text[max(0, date.start - 60) : date.start].rstrip()
    if not before.endswith(("،", ",")):
        return False
    words = [fold_text(word) for word in before.split()[-6:]]
    return any(word in _SAYING for word in words)


def _clause_roles(article: _Article, scope: _Scope, reading: _Reading) -> Roles:
    """Who attacked whom in a clause; a role it leaves open comes from earlier in its sentence.

    "هجمات شنتها الميليشيات على المنشآت الأمريكية، بما في ذلك هجوم صاروخي على
    قاعدة": an instance takes the actors its sentence has just named.
    """
    begin = reading.clause.begin
    roles = assign_roles(
        reading.mentions, article.tokens, article.text, begin, reading.triggers[0].first
    )
    killing = _killing_in(article, reading.clause)
    if killing is not None:
        target = killing.target or roles.target
        if target is not None and target.key == killing.attacker.key:
            target = None  # "قتل الجيش الإسرائيلي ثلاثة فلسطينيين": the killers are not hit
        return Roles(killing.attacker, target)
    if roles.attacker is not None and roles.target is not None:
        return roles
    earlier = article.actor_index.between(scope.first, begin)
    if earlier:
        context = assign_roles(earlier, article.tokens, article.text, scope.first, begin)
        roles = Roles(roles.attacker or context.attacker, roles.target or context.target)
    if roles.attacker is None:
        gunmen = _unnamed_gunmen(article, reading)
        if gunmen is not None and (roles.target is None or roles.target.key != "unknown"):
            return Roles(gunmen, roles.target)
    return roles


_UNNAMED_GUNMEN: Final = fold_words("مسلحون مسلحين مسلحان ومسلحون ومسلحين")
"""Gunmen told without the article: "المسلحون" are gunmen told of before."""
_GUNMEN_OF: Final = fold_words(
    "من ينتمون ينتمي تابعين تابعون موالين موالون يتبعون يعملون ينتسبون المنتمين آخرون آخرين"
    " محليون محليين معارضون معارضين عشائريون عشائريين قبليون قبليين أكراد عرب دروز"
)
"""Words after gunmen that say whose they are ("مسلحون من فلول النظام", "مسلحون محليون") or
that they are of a group told before ("مسلحون آخرون"): not unnamed."""


def _unnamed_gunmen(article: _Article, reading: _Reading) -> ActorMention | None:
    """Gunmen the clause tells of and names no group for ("هجوم شنه مسلحون على نقطة"), as an
    unknown attacker when nothing else in the clause or sentence says who attacked."""
    tokens = article.tokens
    clause = reading.clause
    named = {i for m in reading.mentions for i in range(m.first_token, m.last_token)}
    for at in range(clause.begin, clause.stop):
        token = tokens[at]
        if token.folded not in _UNNAMED_GUNMEN or at in named:
            continue
        after = tokens[at + 1].folded if at + 1 < len(tokens) else ""
        if after in _GUNMEN_OF:
            continue
        mention = ActorMention(
            token.start, token.end, article.text[token.start : token.end], "unknown", at, at + 1
        )
        if said_to_attack_unnamed(
            mention, tokens, article.text, clause.begin, reading.triggers[0].first
        ):
            return mention
    return None


_ITS_OWN_MEN: Final = fold_words(
    "قواته قواتها جنوده جنودها عناصره عناصرها مقاتليه مقاتليها مواقعه مواقعها نقاطه نقاطها"
    " دورياته دورياتها آلياته آلياتها"
)
"""A force's own men or posts, said by the force itself ("قال الجيش إن ثلاثة من جنوده")."""


def _own_men_struck(tokens: list[Token], own: int) -> bool:
    """Whether a force's own men are the subject of what they did ("إن مقاتليه فجروا عبوة"),
    not of what befell them ("إن ثلاثة من جنوده أصيبوا")."""
    after = tokens[own + 1] if own + 1 < len(tokens) else None
    return after is not None and after.folded.endswith("وا") and after.folded not in BEFELL


def _speakers_own_hit(article: _Article, scope: _Scope, reading: _Reading) -> ActorMention | None:
    """The force that tells of an incident in its sentence and whose own men or posts were hit
    ("أعلن جهاز مكافحة الإرهاب أن مسلحي التنظيم استهدفوا قواته", "قال الجيش الإسرائيلي إن
    ثلاثة من جنوده أصيبوا"): the target, though a teller is no side of what it tells."""
    tokens = article.tokens
    own = next(
        (
            i
            for i in range(scope.first, reading.clause.stop)
            if not _ITS_OWN_MEN.isdisjoint(tokens[i].forms)
        ),
        None,
    )
    if own is None or _own_men_struck(tokens, own):
        return None  # "قال الحزب إن مقاتليه فجروا عبوة": its men struck, they were not hit
    return next(
        (
            m
            for m in article.actor_index.between(scope.first, own)
            if m.key not in _NO_SIDE and named_as_source(tokens, m, scope.first)
        ),
        None,
    )


def _hit_as_its_side_says(
    article: _Article, scope: _Scope, reading: _Reading, roles: Roles
) -> Roles:
    """The target a side names as its own: the force telling of its men or posts hit
    (`_speakers_own_hit`), or the group mourning dead told only as persons (`_mourned_by`)."""
    if roles.target is None or roles.target.key == STATE:
        # "قال الجيش الإسرائيلي إن ثلاثة من جنوده أصيبوا … بعدما استُهدفت آلية عسكرية"
        speaker = _speakers_own_hit(article, scope, reading)
        if speaker is not None and (roles.attacker is None or roles.attacker.key != speaker.key):
            return Roles(roles.attacker, speaker)
        return roles
    mourning = _mourned_by(article, reading, roles.target)
    return roles if mourning is None else Roles(roles.attacker, mourning)


_MOURNED_REACH: Final = 80
"""How many words after an incident its dead may be mourned by their group."""


def _mourned_by(
    article: _Article, reading: _Reading, target: ActorMention | None
) -> ActorMention | None:
    """The armed group that mourns the dead of an incident told only as persons ("قُتل شخصان
    بغارة إسرائيلية … فيما نعى الحزب اثنين من مقاتليه"): they were its fighters."""
    if not only_people(target):
        return None
    return _mourner_in(article, reading.clause.begin, reading.clause.stop + _MOURNED_REACH)


def _clash_sides(article: _Article, scope: _Scope, reading: _Reading, roles: Roles) -> Roles:
    """A clash has two sides: a side left open is the other armed actor its clause names
    ("مقتل خمسة من عناصر داعش في اشتباكات مع الجيش العراقي"); the side its sentence says
    launched the assault is the attacker ("… إثر هجوم شنته قوات النظام على مواقع الهيئة")."""
    if reading.sub_event_type != "Armed clash" or (roles.attacker is None and roles.target is None):
        return roles
    if roles.attacker is not None and only_people(roles.target):
        # "قُتل ثلاثة أشخاص … في كمين نصبه مسلحون من العشائر لموكب عناصر حزب الله": the
        # dead of a clash named as persons; its other side is the armed group it names
        roles = Roles(roles.attacker, _other_side(article, reading, roles.attacker) or roles.target)
    if roles.attacker is not None and roles.target is not None:
        launched = _launched_by(article, scope, (roles.attacker.key, roles.target.key))
        if launched is not None:
            return roles if launched == roles.attacker.key else Roles(roles.target, roles.attacker)
        trigger = reading.triggers[0].first
        begin = reading.clause.begin
        if said_to_attack(roles.attacker, article.tokens, article.text, begin, trigger):
            return roles
        if only_people(roles.target):
            return roles  # "قُتل 11 شخصاً … في مواجهات بين مسلحي جماعة الحوثي و…": the dead
        # neither side is said to have attacked: the side named first
        first, second = sorted((roles.attacker, roles.target), key=lambda m: m.first_token)
        return Roles(first, second)
    known = roles.attacker or roles.target
    assert known is not None
    other = _other_side(article, reading, known)
    if other is None:
        return roles
    launched = _launched_by(article, scope, (known.key, other.key))
    if launched is not None:
        # "قُتل عنصران من وزارة الدفاع بهجوم نفذته خلية تابعة لتنظيم الدولة": who launched it
        return Roles(known, other) if launched == known.key else Roles(other, known)
    if roles.attacker is None and counted_among_dead(article.tokens, other, reading.clause.begin):
        # both sides lost men and neither is said to have attacked: the side named first
        first, second = sorted((known, other), key=lambda m: m.first_token)
        return Roles(first, second)
    return Roles(other, known) if roles.attacker is None else Roles(known, other)


_WITHOUT_FIGHT: Final = ("دون قتال", "دون مقاومة", "دون معارك", "دون اشتباكات")


def _without_fight(article: _Article, scope: _Scope, clause: _Clause) -> bool:
    """Whether a clause, and what follows it up to the sentence's next incident, says ground
    changed hands without a fight ("… على مدينة الميادين، أمس، بعد انسحاب مقاتلي النصرة
    منها من دون قتال"): ACLED's non-violent transfer of territory."""
    start = article.tokens[clause.begin].start
    later = [c for c in scope.clauses if c.begin > clause.begin]
    end = article.tokens[later[0].begin].start if later else scope.sentence.end
    words = fold_text(article.text[start:end])
    return any(fold_text(phrase) in words for phrase in _WITHOUT_FIGHT)


def _other_side(article: _Article, reading: _Reading, known: ActorMention) -> ActorMention | None:
    """The first armed actor a clash's clause names besides `known`, or None."""
    return next(
        (
            m
            for m in reading.mentions
            if m.key not in (known.key, "civilians", "unknown")
            and not not_a_party(article.tokens, m, reading.clause.begin)
        ),
        None,
    )


def _launched_by(article: _Article, scope: _Scope, sides: tuple[str, str]) -> str | None:
    """The one side of a clash its sentence says launched the assault, or the other side of
    the one it says repelled it; None if it says neither or both."""
    last = article.token_range(scope.sentence.start, scope.sentence.end)[1]
    mentions = [m for m in article.actor_index.between(scope.first, last) if m.key in sides]
    launched = {m.key for m in mentions if launched_attack(m, article.tokens, scope.first)}
    if not launched:
        repelled = {m.key for m in mentions if repelled_attack(m, article.tokens, scope.first)}
        launched = set(sides) - repelled if len(repelled) == 1 else set()
    return launched.pop() if len(launched) == 1 else None


_TERRITORY: Final = ("Government regains territory", "Non-state actor overtakes territory")
_NOT_FIGHTERS: Final = frozenset({"civilians", "unknown", PROTESTERS, UNKEYED})
"""Target keys that may be unarmed: ACLED's "Attack" on them stays an attack."""
_FIGHTER_NOUNS: Final = fold_words(
    "عنصر عنصرا عنصران عنصرين عناصر جندي جنديا جنديان جنديين جنود مقاتل مقاتلا مقاتلين مقاتلي"
    " ضابط ضابطا ضابطين ضباط قيادي قياديا قياديين قائد قائدا منتسب منتسبا منتسبين"
)
_EXECUTIONS: Final = fold_words("أعدم أعدمت إعدام اعدام بإعدام وأعدم أعدموا")


def _fighter_hit(article: _Article, reading: _Reading, roles: Roles) -> bool:
    """Whether an attack hit a fighter of a force, named by a fighter noun before the force
    ("اغتال مسلحون عنصراً في فرع الأمن العسكري"), and was no execution of captives: ACLED
    codes that as a clash, and an official's killing or an execution as an attack."""
    target = roles.target
    if target is None or target.key in _NOT_FIGHTERS:
        return False
    tokens = article.tokens
    if any(tokens[t.first].folded in _EXECUTIONS for t in reading.triggers):
        return False
    before = tokens[max(reading.clause.begin, target.first_token - 3) : target.first_token + 1]
    return any(token.folded in _FIGHTER_NOUNS for token in before)


_STATES: Final = frozenset({"syrian_gov", "iraqi_gov", "us", "russia", "turkey", "israel", "state"})
"""Keys of state forces: who takes ground back is a government, whoever else a non-state actor."""


def _violence_kind(sub_event_type: str, roles: Roles, fighter_hit: bool = False) -> str:
    """Shooting at civilians is an attack on them, not a clash (ACLED's "Attack"), and an
    attack on a force's fighter (`fighter_hit`) is a clash; ground taken by state forces is
    regained by a government, by anyone else overtaken."""
    civilians = roles.target is not None and roles.target.key == "civilians"
    protesters = roles.target is not None and roles.target.key == PROTESTERS
    if protesters and roles.attacker is not None and roles.attacker.key in _STATES:
        return "Excessive force against protesters"  # "أطلقت قوات الأمن النار على المتظاهرين"
    if roles.attacker is not None and roles.attacker.key == PROTESTERS:
        return "Violent demonstration"  # "أحرق محتجون غاضبون مبنى المجلس البلدي"
    if sub_event_type == "Armed clash" and civilians and not only_people(roles.target):
        return "Attack"
    if sub_event_type == "Attack" and fighter_hit and roles.attacker is not None:
        return "Armed clash"  # "اغتال مسلحون عنصراً في الأمن العسكري": no civilian was hit
    if sub_event_type in _TERRITORY and roles.attacker is not None:
        if roles.attacker.key == UNKEYED:
            return sub_event_type  # a force the record has no key for: as the text words it
        return _TERRITORY[0] if roles.attacker.key in _STATES else _TERRITORY[1]
    return sub_event_type


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
    clauses = _triggered_clauses(article, first, last)
    if not clauses:
        return []  # no trigger: the sentence reports nothing
    scope = _Scope(
        sentence,
        first,
        _in(article.place_index, sentence.start, sentence.end),
        _in(article.date_index, sentence.start, sentence.end),
        clauses,
        _same_time(article, first),
    )
    out: list[Candidate] = []
    also = _continues(article.text[sentence.start : sentence.end])
    accused = (
        _accuses(article.text[sentence.start : sentence.end])
        or _unclaimed_after(article, sentence.end)
        or _accused_after(article.text, sentence.end)
    )
    another = scope.same_time
    massacres: list[int] = []  # the candidates of clauses that only say "a massacre"
    for clause in scope.clauses:
        reading = _read_clause(article, clause)
        if reading is None:
            continue
        if _only_a_massacre(article, reading):
            massacres.append(len(out))
        previous = out[-1].place if out else None
        places = _clause_places(article, scope, reading, previous, carried)
        date = _clause_date(article, scope, reading, carried)
        if reading.sub_event_type == "Arrests":
            # "داهمت منزلاً … واعتقلت ثلاثة": not who; "أوقفت ثلاثة أشخاص": the held are no
            # civilians attacked, only people, whose group the text may name
            reading = replace(
                reading,
                mentions=[
                    m for m in reading.mentions if not _a_building(m) and not _just_people(m)
                ],
            )
        roles = _clash_sides(article, scope, reading, _clause_roles(article, scope, reading))
        roles = _hit_as_its_side_says(article, scope, reading, roles)
        sub_event_type = _violence_kind(
            reading.sub_event_type, roles, _fighter_hit(article, reading, roles)
        )
        if sub_event_type in _TERRITORY and _without_fight(article, scope, clause):
            sub_event_type = "Non-violent transfer of territory"
        recalls = _recalls(article, reading)
        chosen: list[PlaceMatch | None] = list(places) if places else [None]
        figures = _figures(article, reading, places)
        counted = [_has_figures(c) for c in figures]
        for place, casualties, has_figures in zip(chosen, figures, counted, strict=True):
            target = roles.target
            if (
                target is not None
                and target.key == "civilians"
                and any(counted)
                and bool(places)
                and target.start > max(p.start for p in places)
            ):
                # "قصف على مرعناز والمالكية، ما أدى إلى إصابة مدنيين في المالكية": the civilians
                # were the place's that counts them
                target = target if has_figures else None
            sides = _two_sides(
                _as_actor(article, roles.attacker, place, target),
                _as_actor(article, target, place, roles.attacker),
            )
            for kind, toll in _kinds_of(sub_event_type, casualties):
                out.append(
                    Candidate(
                        kind,
                        reading.strength,
                        sentence,
                        place,
                        *sides,
                        toll,
                        date,
                        recalls=recalls,
                        also=also,
                        accused=accused,
                        attacker_accused=accused
                        and sides[0] is not None
                        and _accused_before(
                            article.tokens,
                            max(first, sides[0].first_token - 8),
                            sides[0].first_token,
                        ),
                        another=another,
                    )
                )
    return _massacre_told_as(out, massacres)


_MASSACRE: Final = fold_text("مجزرة")


def _only_a_massacre(article: _Article, reading: _Reading) -> bool:
    """Whether a clause only names a massacre ("ارتكب العدو الصهيوني مجزرة جديدة")."""
    tokens = article.tokens
    return all(_MASSACRE in tokens[t.first].folded for t in reading.triggers)


def _massacre_told_as(out: list[Candidate], massacres: list[int]) -> list[Candidate]:
    """One massacre named in a sentence and then told as the incident it was ("ارتكب العدو
    الصهيوني مجزرة جديدة، إذ استشهد مواطن وزوجته وأطفاله الثلاثة … جراء غارة شنتها طائرة
    حربية معادية … على منزلهم في بلدة جويا"): one incident, of the kind and place the telling
    gives, by whom the massacre was committed."""
    if len(massacres) != 1 or massacres[0] + 1 >= len(out):
        return out
    named, told = out[massacres[0]], out[massacres[0] + 1]
    if told.place is None or (named.place is not None and _rank(named.place) > _rank(told.place)):
        return out
    attacker = named.attacker or told.attacker
    target = told.target
    if target is None or (attacker is not None and target.key == attacker.key):
        target = named.target
    casualties = Casualties(
        told.casualties.killed if told.casualties.killed is not None else named.casualties.killed,
        told.casualties.injured
        if told.casualties.injured is not None
        else named.casualties.injured,
        told.casualties.killed_vague or named.casualties.killed_vague,
    )
    merged = replace(told, attacker=attacker, target=target, casualties=casualties)
    return [*out[: massacres[0]], merged, *out[massacres[0] + 2 :]]


_BUILDINGS: Final = fold_words("منزل منزلا منازل المنزل المنازل منزلين منزلي")


def _a_building(mention: ActorMention | None) -> bool:
    """Whether a mention is a house a raid searched, not the people it arrested."""
    return mention is not None and fold_text(mention.text) in _BUILDINGS


def _has_figures(casualties: Casualties) -> bool:
    """Whether a place's share of a clause's toll counts anyone, dead or wounded."""
    return bool(casualties.killed or casualties.injured or casualties.killed_vague)


def _kinds_of(sub_event_type: str, casualties: Casualties) -> list[tuple[str, Casualties]]:
    """The events one clause's incident makes: a killing with abductions ("مقتل ٢ منهم
    واختطاف ٥ آخرين") is an attack with the dead and an abduction, as ACLED codes them."""
    killed = casualties.killed or casualties.killed_vague is not None
    if sub_event_type != "Abduction/forced disappearance" or not killed:
        return [(sub_event_type, casualties)]
    return [("Attack", casualties), (sub_event_type, Casualties())]


def _figures(article: _Article, reading: _Reading, places: list[PlaceMatch]) -> list[Casualties]:
    """The casualty figures of each place of a clause: the clause's own for one place; for
    several, each place's own when the clause gives them per place, else all of them to the
    one place it names again after them, else divided evenly among the places."""
    if len(places) < 2:
        return [reading.casualties]
    clause = reading.clause
    own = [p for p in places if reading.start <= p.start and p.end <= reading.end]
    per_place = (
        figures_per_place(
            article.tokens,
            article.text,
            article.numbers,
            article.casualty_index.between(clause.begin, clause.stop),
            (clause.begin, clause.stop),
            [article.token_range(p.start, p.end) for p in places],
        )
        if len(own) == len(places)
        else None
    )
    if per_place:
        return per_place
    told = _told_at(article, reading, places)
    if told is not None:  # "... ما أدى إلى إصابة 4 مدنيين في قرية المالكية"
        return [reading.casualties if p is told else Casualties() for p in places]
    return split_evenly(reading.casualties, len(places))


def _told_at(article: _Article, reading: _Reading, places: list[PlaceMatch]) -> PlaceMatch | None:
    """The one place of several that the clause names again after its casualty words."""
    words = article.casualty_index.between(reading.clause.begin, reading.clause.stop)
    if not words:
        return None
    after = article.tokens[words[0].first].start
    again = [m for m in _in(article.place_index, after, reading.end) if m.start >= after]
    keys = {m.place.key for m in again}
    told = [p for p in places if p.place.key in keys]
    return told[0] if len(told) == 1 else None


def _compatible(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates report the same incident.

    Same place and compatible dates, and the same kind, unless one of them
    only says "هجوم" (a generic word), which then takes the other's kind.
    """
    if a.place is None or b.place is None:
        return False
    if a.place.place.key != b.place.place.key and not (
        _quarter_of(b.place.place, a.place.place) or _quarter_of(a.place.place, b.place.place)
    ):
        return False
    if _struck_back(a, b):
        return False
    if (a.another or b.another) and a.sub_event_type != b.sub_event_type:
        return False  # "وفي الليلة ذاتها، انفجرت عبوة …": another incident at that time
    if _killing_and_abduction(a, b) or _killing_and_abduction(b, a):
        return False  # ACLED codes the killing and the abduction apart (`_kinds_of`)
    if _fire_of_the_assault(a, b):
        return True
    taken = _taken_in_fight(a, b)
    if a.date and b.date and a.date.date and b.date.date and a.date.date != b.date.date:
        if _one_fight(a, b, a.date.date, b.date.date):
            return True
        # "تحرير مركز القضاء بعد معارك استمرت منذ فجر أمس": fighting that led to the change
        return taken is not None and _fought_before(taken, b if taken is a else a)
    return a.sub_event_type == b.sub_event_type or min(a.strength, b.strength) == 1 or bool(taken)


_ASSAULT_AND_FIRE: Final = frozenset({"Armed clash", _SHELLING})


def _fire_of_the_assault(a: Candidate, b: Candidate) -> bool:
    """Whether one sentence tells an assault and the fire its side laid on the same place
    ("شنت «قسد» هجوماً معاكساً ضد مقاتلي العشائر في بلدة الصور، وقصفت أحياءها بالرشاشات
    الثقيلة، ما أدى إلى مقتل …"): one clash, as ACLED codes an assault with its fire."""
    return (
        a.sentence == b.sentence
        and {a.sub_event_type, b.sub_event_type} == _ASSAULT_AND_FIRE
        and a.attacker is not None
        and b.attacker is not None
        and a.attacker.key == b.attacker.key
    )


def _one_fight(a: Candidate, b: Candidate, a_day: dt.date, b_day: dt.date) -> bool:
    """Whether two clashes at one place dated a day or two apart are one fight that goes on:
    one sentence dates both ("تواصلت الاشتباكات اليوم … بعد يوم من هجوم شنه مسلحو التنظيم
    فجر أمس"), or one is told without a date of its own ("قُتل 46 من المسلحين خلال يومين")."""
    return (
        a.sub_event_type == b.sub_event_type == "Armed clash"
        and abs((a_day - b_day).days) <= 2
        and (a.sentence == b.sentence or _date_carried(a) or _date_carried(b))
        and _sides_meet(a, b)
    )


def _sides_meet(a: Candidate, b: Candidate) -> bool:
    """Whether two clashes may be one fight by their sides: one names none, or they share one
    ("بين قسد وداعش" and "بين الجيش السوري وفصائل المعارضة" are two fights)."""
    sides_a = {m.key for m in (a.attacker, a.target) if m is not None}
    sides_b = {m.key for m in (b.attacker, b.target) if m is not None}
    return not sides_a or not sides_b or not sides_a.isdisjoint(sides_b)


def _date_carried(candidate: Candidate) -> bool:
    """Whether a candidate's date is told outside its own sentence (carried from before)."""
    date, sentence = candidate.date, candidate.sentence
    return date is not None and not sentence.start <= date.start < sentence.end


_FIGHT_DAYS: Final = 7
"""How many days before a change of territory the fighting that led to it may have begun."""


def _killing_and_abduction(a: Candidate, b: Candidate) -> bool:
    """Whether `a` is an abduction and `b` an incident of another kind that killed people."""
    return (
        a.sub_event_type == "Abduction/forced disappearance"
        and b.sub_event_type != a.sub_event_type
        and bool(b.casualties.killed)
    )


def _fought_before(taken: Candidate, fight: Candidate) -> bool:
    """Whether a clash was dated up to `_FIGHT_DAYS` before the change of territory."""
    assert taken.date is not None and fight.date is not None
    assert taken.date.date is not None and fight.date.date is not None
    return 0 < (taken.date.date - fight.date.date).days <= _FIGHT_DAYS


def _struck_back(a: Candidate, b: Candidate) -> bool:
    """Whether one strike hit who carried out the other ("وقتل في الضربات الأميركية 14 مسلحاً
    موالياً لإيران" after their drone attack there): a strike and the strike back are two
    incidents. Never for clashes or changes of territory, whose sides fight each other."""
    if a.sub_event_type in _SIDED or b.sub_event_type in _SIDED:
        return False
    if a.attacker is None or b.attacker is None or a.attacker.key == b.attacker.key:
        return False
    return (b.target is not None and b.target.key == a.attacker.key) or (
        a.target is not None and a.target.key == b.attacker.key
    )


_SIDED: Final = frozenset({"Armed clash", *_TERRITORY, "Non-violent transfer of territory"})


def _taken_in_fight(a: Candidate, b: Candidate) -> Candidate | None:
    """Of a change of territory and a clash at one place and day ("استعادت السيطرة على البلدة
    بعد معارك مع مسلحي العشائر"), the change: ACLED codes the fighting that took ground as the
    change of territory alone. None for any other pair."""
    kinds = (a.sub_event_type, b.sub_event_type)
    if kinds[0] in _TERRITORY and kinds[1] == "Armed clash":
        return a
    if kinds[1] in _TERRITORY and kinds[0] == "Armed clash":
        return b
    return None


def _quarter_of(quarter: Place, town: Place) -> bool:
    """Whether a quarter lies in this town: an unlisted one placed there (extract.unlisted), a
    listed one within `_QUARTER_KM`; a later mention of an incident told at the town ("الغارات
    على المدينة … في حي الهجانة")."""
    if town.level not in ("town", "city") or quarter.lat is None or quarter.lon is None:
        return False
    if quarter.source == "unlisted":
        return (quarter.lat, quarter.lon) == (town.lat, town.lon)
    if quarter.level != "neighbourhood" or town.lat is None or town.lon is None:
        return False
    if not quarter.admin2 or quarter.admin2 != town.admin2:
        return False  # "حي المزة في دمشق" is not in Darayya, eight kilometres away
    # a listed quarter: within a few kilometres of the town (a degree of longitude here is
    # about 0.83 of one of latitude)
    north, east = quarter.lat - town.lat, (quarter.lon - town.lon) * 0.83
    return math.hypot(north, east) * 111.0 <= _QUARTER_KM


def _informative(candidate: Candidate) -> tuple[int, int, int]:
    known = (candidate.casualties.killed is not None) + (candidate.casualties.injured is not None)
    actors = (candidate.attacker is not None) + (candidate.target is not None)
    return (min(candidate.strength, 2), known, actors)


def _merge(into: Candidate, other: Candidate) -> Candidate:
    """Join two mentions of one incident: the more informative one leads, the other fills gaps."""
    base, extra = (other, into) if _informative(other) > _informative(into) else (into, other)
    killed = add_sides(base.casualties, extra.casualties)
    injured = [v for v in (base.casualties.injured, extra.casualties.injured) if v is not None]
    strongest = base if base.strength >= extra.strength else extra
    attacker, target = _doer(base) or _doer(extra), base.target or extra.target
    if attacker is not None and target is not None and attacker.key == target.key:
        # one side twice: keep the pair one mention gives whole
        whole = next((c for c in (base, extra) if c.attacker and c.target), base)
        attacker, target = whole.attacker, whole.target
    taken = _taken_in_fight(base, extra)
    if taken is not None:
        fight = extra if taken is base else base
        strongest = taken
        attacker, target = taken.attacker, taken.target
        if taken.date is not None and taken.date.date is not None:
            base = replace(base, date=taken.date)  # the day the ground changed hands
        if attacker is not None and target is None:  # the side it fought is who lost the ground
            sides = [m for m in (fight.target, fight.attacker) if m is not None]
            target = next((m for m in sides if m.key != attacker.key), None)
    if _fire_of_the_assault(base, extra):
        strongest = base if base.sub_event_type == "Armed clash" else extra
        target = strongest.target or target  # whom the assault was on, not who its fire hit
    place = base.place
    if (
        place is not None
        and extra.place is not None
        and _quarter_of(extra.place.place, place.place)
    ):
        place = extra.place  # "حي الثكنة" over "الرقة": the quarter says where
    return replace(
        base,
        place=place,
        sub_event_type=strongest.sub_event_type,
        strength=strongest.strength,
        attacker=attacker,
        target=target,
        casualties=Casualties(
            killed,
            max(injured, default=None),
            None
            if killed is not None
            else base.casualties.killed_vague or extra.casualties.killed_vague,
            base.casualties.sides + extra.casualties.sides,
        ),
        date=base.date if taken is not None else _merged_date(base, extra),
    )


def _merged_date(base: Candidate, extra: Candidate) -> DateMatch | None:
    """The date of two joined mentions: the leading one's, unless one sentence gives both,
    where the incident began on the earlier ("شن … فجر أمس هجوماً …، ولا تزال المعارك
    مستمرة اليوم")."""
    known = [d for d in (base.date, extra.date) if d and d.date]
    if len(known) == 2 and base.sentence == extra.sentence:
        return min(known, key=lambda d: d.date or dt.date.max)
    if (
        len(known) == 2
        and base.sub_event_type == extra.sub_event_type == "Armed clash"
        and _date_carried(base)
        and not _date_carried(extra)
    ):
        return extra.date  # a fight's date told with it beats one carried from before
    return known[0] if known else base.date or extra.date


_FILLED: Final = ("Air/drone strike", "Shelling/artillery/missile attack")
"""Kinds whose attacker an article names once for all its strikes ("the Israeli air force");
a clash's or a bomb's attacker is each incident's own."""


def fill_from_article(candidates: list[Candidate]) -> list[Candidate]:
    """Complete clauses from the rest of the article, as a reader does.

    A generic "قصف" in an article whose strikes are air strikes is an air
    strike; a strike whose clause names no attacker was carried out by the
    attacker the article names for strikes of that kind. A target is never
    filled in this way: who was hit is what the clause says, or unknown.
    """
    air_attackers = {
        c.attacker.key
        for c in candidates
        if c.sub_event_type == "Air/drone strike" and c.attacker and c.strength >= 2
    }
    kinds = ("Air/drone strike", "Shelling/artillery/missile attack")
    out: list[Candidate] = []
    for candidate in candidates:
        strong = [c for c in out if c.strength == 3]
        if candidate.strength == 1 and strong and _same_hand(strong[-1], candidate):
            # "كما استهدف العدو مواقع في محيط تدمر": the strikes just told, somewhere else
            candidate = replace(
                candidate, sub_event_type=strong[-1].sub_event_type, strength=_GENERIC_STRENGTH
            )
        if candidate.sub_event_type == kinds[1] and candidate.strength <= _GENERIC_STRENGTH:
            if candidate.attacker is not None:
                if candidate.attacker.key in air_attackers and not names_guns(
                    candidate.attacker.text
                ):
                    candidate = replace(candidate, sub_event_type=kinds[0])
            else:
                before = [c for c in out if c.strength == 3 and c.sub_event_type in kinds]
                if before:
                    candidate = replace(candidate, sub_event_type=before[-1].sub_event_type)
        out.append(candidate)
    for index, candidate in enumerate(out):
        if (
            candidate.attacker is None
            and candidate.sub_event_type in _FILLED
            and not candidate.accused
        ):
            known = Counter(
                c.attacker.key
                for c in out
                if c.attacker
                and c.sub_event_type == candidate.sub_event_type
                and (candidate.target is None or not _allied(c.attacker.key, candidate.target.key))
            )
            if known:
                key = known.most_common(1)[0][0]
                mention = next(c.attacker for c in out if c.attacker and c.attacker.key == key)
                out[index] = replace(candidate, attacker=mention)
    return out


_ALLIES: Final = frozenset(
    {("us", "coalition"), ("coalition", "us"), ("irgc", "iran_backed"), ("iran_backed", "irgc")}
)


def _allied(one: str, other: str) -> bool:
    """Whether two actor keys are one side (the same key, or one a member of the other: the
    US in the coalition, the IRGC among Iran's allies): no attacker of the other."""
    return one == other or (one, other) in _ALLIES


def _same_hand(strong: Candidate, generic: Candidate) -> bool:
    """Whether a generic attack word continues the strong report before it: no attacker of
    its own, or the same one, and the same day."""
    same_attacker = generic.attacker is None or (
        strong.attacker is not None and strong.attacker.key == generic.attacker.key
    )
    same_day = generic.date is None or strong.date is None or generic.date.date == strong.date.date
    return same_attacker and same_day and generic.also


_ALSO: Final = fold_words("كما وكذلك كذلك أيضا أيضاً")


_ACCUSES: Final = fold_words("اتهم واتهم اتهمت واتهمت يتهم ويتهم تتهم وتتهم متهما")


def _accuses(sentence: str) -> bool:
    """Whether a sentence accuses someone of its incident ("واتهم النظام فصائل المعارضة
    بتنفيذه"): who did it stays unknown, not the attacker the article names elsewhere."""
    if "تهم" not in sentence:
        return False  # the usual case, told without folding a word
    return any(fold_text(word) in _ACCUSES for word in sentence.split())


_UNCLAIMED: Final = tuple(
    fold_text(words)
    for words in (
        "لم تتبن",
        "ولم تتبن",
        "لم يتبن",
        "ولم يتبن",
        "لم تعلن أي جهة",
        "ولم تعلن أي جهة",
        "لم تعلن أية جهة",
        "ولم تعلن أية جهة",
    )
)


_UNCLAIMED_REACH: Final = 40
"""How many characters after a sentence its next one is read for `_UNCLAIMED`."""


def _unclaimed_after(article: _Article, end: int) -> bool:
    """Whether the next sentence opens by saying no one claimed the incident ("ولم تتبنَّ أي
    جهة الهجوم"): its attacker stays unknown, not the one the article names for other
    strikes. The words are found once in the folded article (`_Article.unclaimed`)."""
    text = article.text
    reach = min(end + _UNCLAIMED_REACH, len(text))
    begin = end
    while begin < reach and text[begin].isspace():
        begin += 1
    spans = article.unclaimed
    for start, stop in spans[bisect.bisect_left(spans, (begin, 0)) :]:
        if start >= reach:
            return False
        # the words open the sentence: only characters the fold drops come before them
        if stop <= reach and not fold_text(text[begin:start]):
            return True
    return False


def _accused_after(text: str, end: int) -> bool:
    """Whether the next sentence opens by accusing someone ("واتهم مسؤولون محليون طيران
    التحالف بتنفيذ الغارة"): the incident's attacker is only accused, not the one the article
    names for other strikes."""
    following = text[end : end + 30].lstrip(" .!?؟\n").split(maxsplit=1)
    return bool(following) and fold_text(following[0]) in _ACCUSES


def _continues(sentence: str) -> bool:
    """Whether a sentence says it goes on with the report before it ("كما استهدف …")."""
    head = sentence[:120]
    if "كما" not in head and "كذلك" not in head and "يضا" not in head:
        return False  # the usual case, told without folding a word
    return any(fold_text(word) in _ALSO for word in head.split()[:12])


def _doer(candidate: Candidate) -> ActorMention | None:
    """Who a candidate says did it; not whom its sentence only accuses ("واتهم المجلس المحلي
    وحدات حماية الشعب بالوقوف وراء التفجير")."""
    return None if candidate.attacker_accused else candidate.attacker


def _retold(existing: Candidate, retelling: Candidate) -> Candidate:
    """An incident joined with a later sentence that speaks of it again: its place and
    sentence stay, its sides are filled from the retelling, never one actor on both."""
    joined = _merge(existing, retelling)
    attacker = _doer(existing) or _doer(retelling)
    target = existing.target or retelling.target
    if attacker is not None and target is not None and attacker.key == target.key:
        attacker, target = joined.attacker, joined.target  # the pair _merge chose
    return replace(
        joined,
        place=existing.place,
        sentence=existing.sentence,
        attacker=attacker,
        target=target,
    )


def _hand_of(candidate: Candidate) -> str | None:
    """The key of a candidate's attacker, or None."""
    return candidate.attacker.key if candidate.attacker else None


def merge_candidates(candidates: list[Candidate]) -> list[Candidate]:
    """Merge candidates that report the same incident; drop vaguer duplicates of it."""
    merged: list[Candidate] = []
    for candidate in candidates:
        if candidate.recalls:
            earlier = [
                i
                for i, c in enumerate(merged)
                if (
                    c.sub_event_type == candidate.sub_event_type
                    or candidate.strength == 1
                    or _taken_in_fight(c, candidate) is c
                )
                and not _struck_back(c, candidate)
            ]
            if earlier:
                # "وأدانت الحكومة القصف الإيراني": the incident of that hand, else the last
                hand = candidate.attacker.key if candidate.attacker else None
                same_hand = [i for i in earlier if hand and _hand_of(merged[i]) == hand]
                at = (same_hand or earlier)[-1]
                existing = merged[at]
                merged[at] = _retold(existing, candidate)
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
    _told_after(merged)
    specific = [i for i, c in enumerate(merged) if c.place is not None and _specific(c.place)]
    dropped = {i for i, c in enumerate(merged) if c.place is None}
    for index, candidate in enumerate(merged):
        if candidate.place is None or _specific(candidate.place):
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


def _told_after(merged: list[Candidate]) -> None:
    """Give an incident the attacker a placeless retelling of it names in the next sentence ("قُتل
    52 جندياً … في تفجير انتحاري … عدن. وقال مصدر أمني إن الانتحاري … وتبنى تنظيم «داعش»
    الهجوم"), and its toll when it told none ("وأفادت مندوبة الوكالة بأن حصيلة الاشتباكات
    بلغت أربعة قتلى … إضافة إلى 12 جريحاً"): the retelling itself is left out later, as every
    placeless one is."""
    for index in range(1, len(merged)):
        retelling, told = merged[index], merged[index - 1]
        if (
            retelling.place is not None
            or told.place is None
            or retelling.another
            or retelling.sub_event_type != told.sub_event_type
            or retelling.sentence.paragraph - told.sentence.paragraph > 1
        ):
            continue
        if told.attacker is None and retelling.attacker is not None:
            told = merged[index - 1] = replace(told, attacker=retelling.attacker)
        if not _has_figures(told.casualties) and _has_figures(retelling.casualties):
            merged[index - 1] = replace(told, casualties=retelling.casualties)


def _specific(place: PlaceMatch) -> bool:
    """Whether a place is precise enough to stand as an incident's own: a settlement or site,
    or a district the text names ("في قضاء الحضر"); a wider place may only be another
    mention of a specific incident."""
    return _rank(place) >= 4 or place.place.level == "district"


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


def _two_sides(
    attacker: ActorMention | None, target: ActorMention | None
) -> tuple[ActorMention | None, ActorMention | None]:
    """Attacker and target, never one actor on both sides (then the target alone stands);
    two factions or clans of one key, named apart, may fight each other."""
    if attacker is not None and target is not None and attacker.key == target.key:
        if attacker.key in INFIGHTING and attacker.first_token != target.first_token:
            return attacker, target  # "اشتبك عناصر من «العمشات» مع مقاتلين من «الجبهة الشامية»"
        return None, target
    return attacker, target


def _country_of(article: _Article, place: PlaceMatch | None) -> str | None:
    """The country of an incident: its place's, else (a place the gazetteer lacks, none) the
    country the article's places lie in most."""
    if place is not None and place.place.country:
        return place.place.country
    return article.country


# Each pattern over a whole article is searched only when a word all its alternatives share
# is in it: a substring test is many times quicker than the regex's scan.
_INTERIOR: Final = re.compile(r"وزارة الداخلية السورية|لوزارة الداخلية|الداخلية السورية")
_SELF_ADMINISTRATION: Final = re.compile(r"الأسايش|الاسايش|الإدارة الذاتية|الادارة الذاتية")
_SDF_GOVERNORATES: Final = frozenset({"Al-Hasakah", "Raqqa", "Deir ez-Zor"})
_NEW_SYRIA: Final = dt.date(2025, 1, 1)


def _as_actor(
    article: _Article,
    mention: ActorMention | None,
    place: PlaceMatch | None,
    other: ActorMention | None = None,
) -> ActorMention | None:
    """A mention as the actor of the record it stands for at an incident's place, `other`
    the incident's other side: Syria's internal security forces (`_security_of`), the
    state's word for its enemies (`_enemy_of`), then any contextual name by the country
    (`_of_country`)."""
    country = _country_of(article, place)
    mention = _security_of(article, mention, place, country)
    return _of_country(_enemy_of(article, mention, other, country), country)


def _security_of(
    article: _Article, mention: ActorMention | None, place: PlaceMatch | None, country: str | None
) -> ActorMention | None:
    """The force "قوى الأمن الداخلي" is in Syria: the Asayish of the north-east's
    self-administration, or, since 2025, the interior ministry's forces elsewhere (or where the
    article names the ministry and not the Asayish)."""
    if mention is None or mention.key != INTERNAL_SECURITY:
        return mention
    if country != "Syria" or article.names_asayish:
        return mention
    recent = article.published is not None and article.published >= _NEW_SYRIA
    elsewhere = place is not None and place.place.admin1 not in _SDF_GOVERNORATES
    if article.names_interior or (recent and elsewhere):
        return replace(mention, key="syrian_gov")
    return mention


def _enemy_of(
    article: _Article,
    mention: ActorMention | None,
    other: ActorMention | None,
    country: str | None,
) -> ActorMention | None:
    """The state's word for its enemies ("الإرهابيين") that no named group resolved: Turkey's
    are the SDF in Syria and the PKK (no key) elsewhere; Syria's are the armed opposition only
    before 2025, when it took power (after, unknown to the record); elsewhere the country
    decides (`contextual_actor`)."""
    if mention is None or mention.key != TERRORISTS:
        return mention
    if other is not None and other.key == "turkey":
        # Turkey's "terrorists": the SDF in Syria, the PKK (no key) in Iraq
        return replace(mention, key="sdf") if country == "Syria" else None
    if country != "Syria":
        return mention
    if article.published is not None and article.published >= _NEW_SYRIA:
        return None
    return mention


def _of_country(mention: ActorMention | None, country: str | None) -> ActorMention | None:
    """A contextual mention (extract.lexicon.CONTEXTUAL) as the actor it stands for in the
    incident's country: the state's forces ("الجيش", "جنديان") in Syria are syrian_gov; None
    where it stands for no actor of the record, or without a country."""
    if mention is None or mention.key not in CONTEXTUAL:
        return mention
    key = contextual_actor(mention.key, country)
    return replace(mention, key=key) if key is not None else None


_NEAR: Final = fold_words(
    "قرب بالقرب مقربة بمقربة محيط بمحيط أطراف بأطراف ضواحي بضواحي ريف بريف وريف قربها جوار"
    " بجوار مشارف بمشارف تخوم بتخوم المحيطة المحيط قريبة القريبة قريب مزارع بساتين بمزارع"
    " ببساتين أراضي بأراضي الريف بالريف صحراء بصحراء بادية ببادية جرود بجرود وجرود جرد بجرد"
    " الأطراف بالأطراف الضواحي بالضواحي باتجاه نحو صوب"
)
"""Words that put an incident near a place, not in it (on its outskirts, in its countryside,
towards it)."""
_BETWEEN_NEAR: Final = fold_words(
    "من على في بلدة مدينة قرية ناحية منطقة البلدة المدينة القرية مخيم حي ب ل لمدينة لبلدة"
    " لقرية ببلدة بمدينة بقرية الشرقي الغربي الشمالي الجنوبي الزراعية الشرقية الغربية"
    " الشمالية الجنوبية"
)
"""Words that may stand between a near word and the place ("على أطراف بلدة …")."""
_NO_NEAR_LEVELS: Final = frozenset({"governorate", "region", "country", "water"})
"""Levels for which "near" says nothing: "ريف إدلب" is Idlib governorate's countryside."""
_WORD: Final = re.compile(r"[^\s،,.؛:()«»\"']+")


def near_place(text: str, match: PlaceMatch) -> bool:
    """Whether the words before the place put the incident near it ("قرب بلدة …",
    "على أطراف …", "في ريف البلدة", "بالقرب من …", "على الطريق بين القامشلي وعامودا"): up to
    three words back, over prepositions and place words."""
    if match.place.level in _NO_NEAR_LEVELS:
        return False
    if _between_words(text, match):
        return True
    words: list[str] = _WORD.findall(text[max(0, match.start - 60) : match.start])
    if _at_a_distance(words):
        return True  # "على بعد 5 كيلومترات شرق سراقب"
    for word in reversed(words[-4:]):
        folded = fold_text(word)
        if folded in _NEAR:
            return True
        if folded not in _BETWEEN_NEAR:
            return False
    return False


_DISTANCE: Final = fold_text("بعد")


def _at_a_distance(words: list[str]) -> bool:
    """Whether the words before a place give a distance from it ("على بعد 5 كم شرق")."""
    last = [fold_text(word) for word in words[-6:]]
    return _DISTANCE in last and any(word in _SIDES for word in last[-3:])


def _location(match: PlaceMatch | None, text: str = "") -> Location | None:
    if match is None:
        return None
    place = match.place
    return Location(
        text=match.text,
        name=place.name or None,  # a learned place may have no English name
        admin1=place.admin1,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        admin2=place.admin2,
        level=_level(match),
        qualifier="near" if text and near_place(text, match) else None,
    )


_SITE_WORDS: Final = fold_words("مطار قاعدة معسكر حقل معبر سجن سد مخيم")


def _level(match: PlaceMatch) -> LocationLevel | None:
    """A place's level; a site when its name begins with a site word ("مطار بغداد الدولي"),
    whatever the gazetteer files it under."""
    words = match.text.split()
    if words and fold_text(words[0]) in _SITE_WORDS:
        return "site"
    return match.place.level


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
    """What the sentences after `sentence` inherit: its main place and its first date (the
    date of what it reports first; a later one is often an earlier incident it recalls, "في
    أول رد على الهجوم الذي استهدف يوم الأحد الماضي …")."""
    places = _choose_places(
        article, _in(article.place_index, sentence.start, sentence.end), sentence.start
    )
    dates = _in(article.date_index, sentence.start, sentence.end)
    return _Carried(
        places[0] if places else carried.place,
        dates[0] if dates else carried.date,
        carried.told,
        carried.incident,
    )


def _around(text: str, place: PlaceMatch, told: list[Candidate]) -> bool:
    """Whether a place is only the governorate, named as such, that the incidents told lie in
    ("قيادة الأمن الداخلي في محافظة درعا")."""
    return (
        place.place.level == "governorate"
        and text[max(0, place.start - 7) : place.start].strip() == "محافظة"
        and any(c.place is not None and c.place.place.admin1 == place.place.admin1 for c in told)
    )


def _add_toll(
    article: _Article,
    sentence: Sentence,
    candidates: list[Candidate],
    count: int,
    retold: list[Candidate],
) -> bool:
    """Give the incident(s) of the sentence before (its `count` candidates, the last of
    `candidates`) the toll a sentence reports without an incident of its own ("وأفاد المرصد
    بمقتل ستة من مقاتلي العشائر وأربعة من عناصر قسد", "وأسفر القصف عن مقتل أربعة مدنيين",
    "وأضاف المصدر أن مقاتلي الحشد صدوا الهجوم وقتلوا اثنين من المهاجمين"), when the sentence
    names no other place nor a date of its own. One figure for several places is divided
    evenly; a figure for another side than the one counted before is added to it; a side the
    incident lacks is taken from the retelling's own reading (`retold`). Return whether the
    toll was given."""
    before = candidates[-count:]
    counted = [c for c in before if c.casualties.killed is not None or c.casualties.injured]
    if counted and len({c.place.place.key if c.place else None for c in before}) > 1:
        return False  # figures told for one of several places already
    first, stop = article.token_range(sentence.start, sentence.end)
    if article.cue_index.between(first, stop) or not _retells(article, first, stop, before):
        return False
    places = [
        p
        for p in _in(article.place_index, sentence.start, sentence.end)
        if not _around(article.text, p, before)  # "وأفادت قيادة الأمن في محافظة درعا بمقتل …"
    ]
    keys = {c.place.place.key for c in before if c.place is not None}
    if any(p.place.key not in keys for p in places):
        return False
    if places and (count > 1 or article.trigger_index.between(first, stop)):
        return False  # "في الميادين، أسفرت الضربات عن …": that place's own report
    own_dates = _in(article.date_index, sentence.start, sentence.end)
    if own_dates and article.trigger_index.between(first, stop):
        # "بعد معارك استمرت حتى ظهر اليوم" after "فجر اليوم": the same day, the same fight
        told_days = {c.date.date for c in before if c.date is not None}
        if any(d.date not in told_days for d in own_dates):
            return False
    toll = find_casualties(
        article.tokens,
        article.text,
        article.numbers,
        first,
        stop,
        article.casualty_index.between(first, stop),
    )
    if toll.killed is None and toll.injured is None:
        return False
    places_told: list[str | None] = [None]
    shares: dict[str | None, Casualties] = {None: toll}
    if counted:
        best = max(counted, key=lambda c: _informative(c))
        shares = {None: _joined_tolls(best.casualties, toll)}
    else:  # one share per place: candidates at one place are one incident, merged later
        places_told = list(dict.fromkeys(c.place.place.key if c.place else None for c in before))
        shares = dict(zip(places_told, split_evenly(toll, len(places_told)), strict=True))
    said = retold[0] if retold else None  # who the retelling names, where the first did not
    if said is not None and _other_hand(said, before):
        return False
    counted_group = None if said is not None else _counted_group(article, first, stop)
    for at in range(len(candidates) - count, len(candidates)):
        told = candidates[at]
        key = told.place.place.key if told.place and not counted else None
        attacker = told.attacker or (said.attacker if said else None)
        target = told.target or (said.target if said else None)
        if target is None and counted_group is not None:
            # "وأوضح البيان أن العدوان أدى إلى استشهاد عسكريين اثنين": whom it hit
            target = _as_actor(article, counted_group, told.place, attacker)
        if attacker is not None and target is not None and attacker.key == target.key:
            attacker, target = told.attacker, told.target  # never one actor on both sides
        # "وأضاف المرصد أن الاشتباكات أسفرت عن …" after "اقتحمت": the retelling names the kind
        strength = max(
            [told.strength]
            + [r.strength for r in retold if r.sub_event_type == told.sub_event_type]
        )
        candidates[at] = replace(
            told, casualties=shares[key], attacker=attacker, target=target, strength=strength
        )
    return True


def _counted_group(article: _Article, first: int, stop: int) -> ActorMention | None:
    """The group a toll counts right after its casualty word ("استشهاد عسكريين اثنين", "مقتل
    ثلاثة من عناصر الحشد"), for an incident told before without a target; else None."""
    words = article.casualty_index.between(first, stop)
    for mention in article.actor_index.between(first, stop):
        right_after = any(w.last <= mention.first_token <= w.last + 1 for w in words)
        if right_after or counted_among_dead(article.tokens, mention, first):
            return mention
    return None


def _other_hand(said: Candidate, before: list[Candidate]) -> bool:
    """Whether a toll's own reading tells another incident than the strikes before it: its
    dead are their attackers' men, or its strikes another hand's ("… تحرير مركز القضاء.
    وقالت القيادة إن القطعات قتلت ستين إرهابياً، فيما استشهد ضابط": who the taking side lost
    is no target of its own)."""
    for told in before:
        if told.attacker is None or told.sub_event_type == "Armed clash":
            continue
        if said.target is not None and said.target.key == told.attacker.key:
            return True
        if said.attacker is not None and said.attacker.key != told.attacker.key:
            return True
    return False


def _joined_tolls(first: Casualties, second: Casualties) -> Casualties:
    """A toll told again or completed: the dead of each side added, else the larger figures."""
    injured = [v for v in (first.injured, second.injured) if v is not None]
    killed = add_sides(first, second)
    return Casualties(
        killed,
        max(injured, default=None),
        None if killed is not None else first.killed_vague or second.killed_vague,
        first.sides + second.sides,
    )


_NEW_INCIDENT: Final = fold_words("منفصل آخر أخرى مماثل مماثلة")
"""Words that tell another incident ("وفي حادث منفصل", "في هجوم آخر")."""


_CLAIMS: Final = fold_words("تبنى تبنت وتبنى وتبنت تبنّى تبنّت")
_RESPONSIBILITY: Final = fold_words("مسؤوليتها مسؤوليته مسؤوليتهم")
_CLAIM_WORDS: Final = _CLAIMS | _RESPONSIBILITY


_THREATS: Final = fold_words("متوعدا متوعدة متوعدين مهددا مهددة محذرا محذرة وتوعد وهدد وحذر")


def _claimant(article: _Article, sentence: Sentence) -> ActorMention | None:
    """Who a sentence says claimed the attack ("وتبنى تنظيم داعش التفجير", "أعلنت جماعة …
    مسؤوليتها عن الهجوم"): the first armed group named after the claim, else None."""
    first, stop = article.token_range(sentence.start, sentence.end)
    claims = article.claims[bisect.bisect_left(article.claims, first) :]
    inside = claims[: bisect.bisect_left(claims, stop)]
    if not inside:
        return None
    tokens = article.tokens
    claim = next((i for i in inside if tokens[i].folded in _CLAIMS), None)
    if claim is None:
        claim = max(first, inside[0] - 12)  # "أعلنت جماعة … مسؤوليتها": the group named before
        end = stop
    else:
        # "وتبنى «لواء أحرار السنة» إطلاق الصواريخ …، متوعداً … «ما لم ينسحب حزب الله»":
        # the claimant comes before the claim's threats and quotes
        end = next(
            (
                i
                for i in range(claim + 1, stop)
                if tokens[i].folded in _THREATS or _turns_to_denial(tokens, i)
            ),
            stop,
        )
    return next(
        (
            m
            for m in article.actor_index.between(claim, end)
            if m.key not in ("civilians", "unknown") and m.key not in CONTEXTUAL
        ),
        None,
    )


_DENIES: Final = fold_words("نفت نفى ونفت ونفى تنفي ينفي")
_WHILE_WORDS: Final = fold_words("حين فيما بينما")


def _turns_to_denial(tokens: list[Token], index: int) -> bool:
    """Whether a claim's sentence turns at `index` to a group that denied ("في حين نفت «هيئة
    تحرير الشام» أي علاقة لها به"): the claimant stands before it. "فيما بعد" is no turn."""
    folded = tokens[index].folded
    if folded in _DENIES:
        return True
    if folded not in _WHILE_WORDS:
        return False
    following = [token.folded for token in tokens[index + 1 : index + 3]]
    return bool(following) and following[0] != "بعد" and not _DENIES.isdisjoint(following)


_MOURNS: Final = fold_words("نعى نعت ونعى ونعت ينعى تنعى")
_MOURNER_REACH: Final = 6


def _mourner(article: _Article, sentence: Sentence) -> ActorMention | None:
    """Who a sentence says mourned the dead ("ونعى «حزب الله» في بيان أحدهما"): the group
    they belonged to, the target of the incident told before; else None."""
    return _mourner_in(article, *article.token_range(sentence.start, sentence.end))


def _mourner_in(article: _Article, first: int, stop: int) -> ActorMention | None:
    """The group named right after the first word of mourning in tokens [first, stop), if
    one is ("ونعى «حزب الله»"); a country's forces mourn no fighter of a group."""
    found = bisect.bisect_left(article.mourns, first)
    if found == len(article.mourns) or article.mourns[found] >= stop:
        return None
    at = article.mourns[found]
    return next(
        (
            m
            for m in article.actor_index.between(at, min(stop, at + _MOURNER_REACH))
            if m.key not in _NO_SIDE and m.key != STATE
        ),
        None,
    )


def _mourned(
    article: _Article, candidates: list[Candidate], count: int, mourner: ActorMention
) -> None:
    """The incident(s) just told hit the group that mourned their dead, where the text named
    no other target than persons."""
    for at in range(len(candidates) - count, len(candidates)):
        told = candidates[at]
        group = _as_actor(article, mourner, told.place, told.attacker)
        if group is None or (told.attacker is not None and told.attacker.key == group.key):
            continue
        if told.target is None or only_people(told.target):
            candidates[at] = replace(told, target=group)


def _own_claim(article: _Article, sentence: Sentence) -> ActorMention | None:
    """Who a sentence telling no incident of its own says its men struck ("وأعلنت المقاومة
    الإسلامية في بيان أن مجاهديها استهدفوا التجمع"): the claimant of the incident before."""
    first, stop = article.token_range(sentence.start, sentence.end)
    return next(
        (
            m
            for m in article.actor_index.between(first, stop)
            if m.key not in ("civilians", "unknown")
            and claims_own_act(article.tokens, m, article.text)
        ),
        None,
    )


_TWO_ATTACKS: Final = fold_words(
    "الهجومين الهجومان الهجمتين الهجمتان التفجيرين التفجيران الاعتداءين العمليتين العمليتان"
)


def _claims_two(article: _Article, sentence: Sentence) -> bool:
    """Whether a claim names two attacks ("وتبنت «المقاومة الإسلامية» الهجومين"): the last two
    incidents told, not only the last."""
    first, stop = article.token_range(sentence.start, sentence.end)
    return any(not _TWO_ATTACKS.isdisjoint(article.tokens[i].forms) for i in range(first, stop))


def _credit(
    article: _Article, candidates: list[Candidate], count: int, claimant: ActorMention
) -> None:
    """The incident(s) just told, whose attacker the text did not name or called unknown,
    were carried out by who claimed them (a contextual name as the actor it stands for
    there)."""
    for at in range(len(candidates) - count, len(candidates)):
        told = candidates[at]
        doer = _as_actor(article, claimant, told.place, told.target)
        if doer is None or (told.attacker is not None and told.attacker.key != "unknown"):
            continue  # "برصاص مسلحين مجهولين … وتبنى تنظيم الدولة العملية": the claimant
        if told.target is None or told.target.key != doer.key:
            candidates[at] = replace(told, attacker=doer)


_THE_SAME_HANDS: Final = re.compile(
    r"(?:القوات|الميليشيات|المجموعات|المجموعة|العناصر|المسلحون|المسلحين|الطائرات|الطيران)"
    r" (?:ذاتها|نفسها|ذاته|نفسه|ذاتهم|أنفسهم)"
    r"|(?:أن|إن|ان) (?:المسلحين|المهاجمين|الخاطفين)"
)


_SAME_HANDS_WORDS: Final = ("ذات", "نفس", "المسلحين", "المهاجمين", "الخاطفين")
"""What every match of `_THE_SAME_HANDS` contains."""


def _by_the_same_hands(
    article: _Article, sentence: Sentence, before: list[Candidate], found: list[Candidate]
) -> list[Candidate]:
    """A sentence's incidents without an attacker, told as done by "the same forces" ("وفي
    اليوم التالي، اقتحمت القوات ذاتها حي رأس النبع") or by "the gunmen" of the incident before
    ("وأضاف المصدر أن المسلحين اختطفوا شاباً"): the attacker of the incident before."""
    text = article.text
    if not any(text.find(word, sentence.start, sentence.end) >= 0 for word in _SAME_HANDS_WORDS):
        return found  # the usual case, told without the regular expression
    if not _THE_SAME_HANDS.search(text, sentence.start, sentence.end):
        return found
    doer = next((c.attacker for c in reversed(before) if c.attacker is not None), None)
    if doer is None:
        return found
    return [
        replace(c, attacker=doer)
        if c.attacker is None and (c.target is None or c.target.key != doer.key)
        else c
        for c in found
    ]


def _retells(article: _Article, first: int, stop: int, before: list[Candidate]) -> bool:
    """Whether tokens [first, stop) tell no other incident than the one before: they trigger
    nothing, or name it again with a definite noun ("القصف", "الغارات"), or with words of its
    own kind ("صد الهجوم بعد اشتباك" after a clash), and say nothing of another incident."""
    if any(article.tokens[i].folded in _NEW_INCIDENT for i in range(first, stop)):
        return False
    kinds = {c.sub_event_type for c in before}
    for trigger in article.trigger_index.between(first, stop):
        word = article.tokens[trigger.first]
        bare = word.folded[1:] if word.folded[:1] in "وفب" else word.folded
        again = trigger.last - trigger.first == 1 and bool({word.folded, bare} & _AGAIN)
        if not again and kinds != {trigger.sub_event_type}:
            return False
    return True


def extract_events(
    text: str, published: str | dt.date | None = None, lexicon: Lexicon | None = None
) -> list[Event]:
    """Return the events an Arabic news article reports, in text order.

    `published` anchors relative dates ("أمس", "الثلاثاء الماضي"); `lexicon`
    adds the places and actor spellings a project's reviewers taught
    (extract.learned; None or an empty one: the built-in data alone). Never
    raises on a string; deterministic; offsets always lie inside `text`.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    # Reading an article allocates tens of thousands of short-lived tuples and lists that
    # reference counting frees and that form no cycles: the cyclic collector, run every 700
    # allocations, would only spend time looking at them. It runs again, if it ran before,
    # once the article is read.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _extract(text, published, lexicon)
    finally:
        if collecting:
            gc.enable()


def _extract(text: str, published: str | dt.date | None, lexicon: Lexicon | None) -> list[Event]:
    article = _Article(text[:MAX_TEXT], _as_date(published), learned_index(lexicon))
    candidates: list[Candidate] = []
    carried = _Carried()
    paragraph = -1
    previous: list[Candidate] = []
    last_told = 0  # how many candidates the last sentence that told an incident gave
    told: list[int] = []  # how many each sentence that told an incident gave
    for sentence in split_sentences(article.text):
        if sentence.paragraph != paragraph:
            paragraph = sentence.paragraph
            carried = _Carried(None, carried.date, carried.place or carried.told, carried.incident)
        found = _clause_candidates(article, sentence, carried)
        if previous and _add_toll(article, sentence, candidates, len(previous), found):
            found = []  # the toll of the incident told just before, not one of its own
        claimant = _claimant(article, sentence) or (
            None if found else _own_claim(article, sentence)
        )
        if claimant is not None and _unclaimed_after(article, sentence.start):
            claimant = None  # "ولم تتبنَّ أي جهة الهجوم، في حين سبق أن أعلنت فصائل …"
        if claimant is not None and last_told:
            both = len(told) >= 2 and _claims_two(article, sentence)
            _credit(article, candidates, told[-1] + told[-2] if both else last_told, claimant)
        if found and candidates:
            found = _by_the_same_hands(article, sentence, candidates, found)
        mourner = None if found else _mourner(article, sentence)
        if mourner is not None and last_told:
            _mourned(article, candidates, last_told, mourner)
        candidates.extend(found)
        previous = found
        last_told = len(found) or last_told
        if found:
            told.append(len(found))
        carried = _carry(article, sentence, carried)
        if found:
            carried = replace(carried, incident=found[-1].date)
    merged = merge_candidates(fill_from_article(candidates))
    return [to_event(candidate, article.text) for candidate in merged]
