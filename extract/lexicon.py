"""The actor lexicon: Arabic names and spellings of conflict actors, mapped to actor keys.

The data lives in extract/data/actors.tsv (key, phrase). Actor keys are stable
identifiers: the keys of `extract.vocabulary.ACTORS` are never renamed, and a
key the lexicon adds becomes a valid actor key.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Final

from extract.normalize import fold_words
from extract.phrases import PhraseMatcher
from extract.tokens import Token
from extract.vocabulary import ACTORS

STATE: Final = "state"
"""The key of the state's own forces named without a country ("الجيش", "جنديان", "الشرطة"),
resolved by the country of the incident's place (`contextual_actor`); never in a record."""
PROTESTERS: Final = "protesters"
"""The key of protesters, rioters and prisoners who riot: no actor of the record, but what
makes the kind of an event (`extract.pipeline._violence_kind`)."""
UNKEYED: Final = "unkeyed"
"""The key of groups the record has no key for (the PKK, the Peshmerga, Jordan's army): found,
so that they take their role, and left without a key."""
INTERNAL_SECURITY: Final = "internal_security"
"""The key of "قوى الأمن الداخلي": the SDF's Asayish in Syria unless the article says the
interior ministry's (extract.pipeline); Lebanon's police, which has no key; never in a record."""
TERRORISTS: Final = "terrorists"
"""The key of the state's word for its armed enemies ("التنظيمات الإرهابية", "الإرهابيين"):
the armed group the article names, else resolved by the country of the incident's place; never
in a record."""
_ARMED_GROUPS: Final = ("hts", "isis", "syrian_opposition", "sdf")
_BY_COUNTRY: Final[dict[str, dict[str, str]]] = {
    STATE: {"Syria": "syrian_gov", "Iraq": "iraqi_gov"},
    # "الطيران المعادي", "العدو": Israel in Lebanese and Syrian news, the Saudi-led
    # coalition in Yemen's Houthi-run press
    "enemy": {"Lebanon": "israel", "Syria": "israel", "Palestine": "israel", "Yemen": "coalition"},
    # "الجيش الوطني": the Turkish-backed Syrian National Army in Syria, Yemen's army in Yemen
    "national_army": {"Syria": "syrian_opposition"},
    # "قوى الأمن الداخلي": the Asayish in Syria; in Lebanon its police, which has no key
    INTERNAL_SECURITY: {"Syria": "sdf"},
    # "التنظيمات الإرهابية", "الإرهابيين" in the state's wording: the armed opposition in
    # Syria's official press, the Islamic State in Iraq's
    TERRORISTS: {"Syria": "syrian_opposition", "Iraq": "isis"},
    # "المقاومة الإسلامية" without a country: Hezbollah, or the Iraqi factions in Iraq
    "islamic_resistance": {"Lebanon": "hezbollah", "Israel": "hezbollah", "Iraq": "iran_backed"},
    # "العمليات المشتركة": Iraq's Joint Operations Command, not "غرفة عمليات مشتركة" elsewhere
    "joint_operations": {"Iraq": "iraqi_gov"},
    # groups the record has no key for (the PKK, Iranian Kurdish parties, Jordan's army):
    # found, so that they take their role, and left without a key
    UNKEYED: {},
    PROTESTERS: {},
}
_BACK_TO: Final[dict[str, tuple[str, ...]]] = {
    "organization": ("isis", UNKEYED),  # "التنظيم" after "تنظيم داعش", "تنظيم القاعدة"
    "party": ("hezbollah",),  # "الحزب" after "حزب الله"
    "committee": ("hts",),  # "الهيئة" after "هيئة تحرير الشام"
    "movement": ("syrian_opposition", "iran_backed"),  # "الحركة" after "حركة نور الدين الزنكي"
    "militia": ("houthi", "iran_backed"),  # "الميليشيا" after "ميليشيا الحوثي"
    "factions": ("syrian_opposition", "iran_backed", "hts"),  # "الفصائل" after "فصائل الجيش الوطني"
    "units": ("sdf",),  # "الوحدات" after "وحدات حماية الشعب"
}
"""Lexicon keys of a word that names again a group the article has named ("مسلحون من
التنظيم"), with the keys it may stand for, the first the article names winning; never in a
record (`resolve_references`)."""
CONTEXTUAL: Final = frozenset(_BY_COUNTRY)
"""Lexicon keys that stand for an actor only in the country of the incident's place; never
in a record."""


def contextual_actor(key: str, country: str | None) -> str | None:
    """The actor key a contextual lexicon key stands for in `country`, or None where the
    record has none."""
    return _BY_COUNTRY[key].get(country or "")


def state_actor(country: str | None) -> str | None:
    """The actor key of a country's state forces, or None where the record has none."""
    return contextual_actor(STATE, country)


@dataclass(frozen=True, init=False)
class ActorMention:
    """An actor named in the text: source range, the words, and the actor key."""

    start: int
    end: int
    text: str
    key: str
    first_token: int
    last_token: int

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        key: str,
        first_token: int,
        last_token: int,
    ) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "first_token", first_token)
        object.__setattr__(self, "last_token", last_token)

    @property
    def name(self) -> str:
        """The English name of the actor key."""
        return ACTORS.get(self.key, self.key)


_SOLDIER_ONLY: Final = frozenset({"syrian_gov", "iraqi_gov"})


def _data_lines(name: str) -> Iterable[tuple[str, str]]:
    data = resources.files("extract").joinpath(f"data/{name}").read_text("utf-8")
    for line in data.splitlines():
        if line.strip() and not line.startswith("#"):
            key, words = line.split("\t", 1)
            yield key.strip(), words.strip()


def nationality_entries() -> list[tuple[str, str]]:
    """(phrase, key) pairs of a force or soldier noun and a country's adjective
    (data/nationalities.tsv): "جنديان إسرائيليان" names Israel's forces."""
    lines = dict(_data_lines("nationalities.tsv"))
    nouns = [noun.replace("_", " ") for noun in lines.pop("nouns").split()]
    soldiers = [noun.replace("_", " ") for noun in lines.pop("soldiers").split()]
    hedges = [words.replace("_", " ") + " " for words in lines.pop("believed").split()]
    aircraft = [noun.replace("_", " ") for noun in lines.pop("aircraft").split()]
    models = [words.replace("_", " ") + " " for words in lines.pop("models").split()]
    weapons = [noun for noun in nouns if noun not in soldiers]
    entries = [
        (f"{noun} {hedge}{form}", key)
        for key, forms in lines.items()
        for noun, hedge in [
            *((noun, "") for noun in (soldiers if key in _SOLDIER_ONLY else nouns)),
            *((noun, hedge) for noun in weapons for hedge in hedges if key not in _SOLDIER_ONLY),
        ]
        for form in forms.split()
    ]
    # "طائرات F-16 العراقية": a model leaves no doubt, even for Syria's and Iraq's; the aircraft
    # nouns are feminine, so only the feminine adjective ("التركية") follows them
    return entries + [
        (f"{noun} {model}{form}", key)
        for key, forms in lines.items()
        for noun in aircraft
        for model in models
        for form in forms.split()
        if form.endswith("ة")
    ]


def lexicon_entries() -> list[tuple[str, str]]:
    """Return (phrase, key) pairs: the nationality phrases, then the bundled lexicon file's
    (whose key wins for a phrase in both)."""
    data = resources.files("extract").joinpath("data/actors.tsv").read_text("utf-8")
    entries = nationality_entries()
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, phrase = line.split("\t", 1)
        entries.append((phrase.strip(), key.strip()))
    return entries


@cache
def _matcher() -> PhraseMatcher[str]:
    return PhraseMatcher((phrase, key) for phrase, key in lexicon_entries())


def actor_matcher(learned: Iterable[tuple[str, str]] = ()) -> PhraseMatcher[str]:
    """The bundled lexicon's matcher; with `learned` (phrase, key) pairs, a new matcher of the
    bundled phrases and those (a learned phrase's key replaces a bundled phrase's)."""
    added = list(learned)
    if not added:
        return _matcher()
    return PhraseMatcher([*lexicon_entries(), *added])


@cache
def actor_first_words() -> frozenset[str]:
    """The words an actor name can start with."""
    return _matcher().first_words()


def find_actors(
    tokens: list[Token],
    text: str,
    candidates: list[int] | None = None,
    matcher: PhraseMatcher[str] | None = None,
) -> list[ActorMention]:
    """Return the actor mentions among `tokens` (of `text`), left to right, by `matcher`
    (default: the bundled lexicon's)."""
    matcher = matcher or _matcher()
    mentions: list[ActorMention] = []
    for m in matcher.find(tokens, text, candidates):
        if m.value == STATE and m.last - m.first == 1 and tokens[m.first].folded in _ADJECTIVE:
            continue
        if mentions and m.first < mentions[-1].last_token:
            continue  # inside a generic mention `_named_force` has extended
        mention = ActorMention(m.start, m.end, text[m.start : m.end], m.value, m.first, m.last)
        if m.value == STATE and m.last - m.first > 1:
            mention = _named_force(mention, tokens, text, matcher)
        mentions.append(mention)
    return mentions


def _named_force(
    mention: ActorMention, tokens: list[Token], text: str, matcher: PhraseMatcher[str]
) -> ActorMention:
    """A generic mention whose last word begins a force's name, as that force: "عناصر الجيش
    العربي السوري" is the Syrian army's men, not a state's of "عناصر الجيش" and "العربي السوري"."""
    longer = matcher.find(tokens, text, [mention.last_token - 1])
    if not longer or longer[0].last <= mention.last_token or longer[0].value == STATE:
        return mention
    named = longer[0]
    return ActorMention(
        mention.start, named.end, text[mention.start : named.end], named.value,
        mention.first_token, named.last,
    )  # fmt: skip


_ADJECTIVE: Final = fold_words("العسكري والعسكري")
"""A state's soldier only without the article: "مطار المزة العسكري" is a military airport."""


_TERRORISTS_REACH: Final = 60
"""How many words apart the state's word for its enemies and the group it stands for may be."""


def _named_terrorists(
    mention: ActorMention, armed: list[ActorMention], starts: list[int]
) -> ActorMention:
    """The state's word for its enemies as the armed group named nearest to it (`armed` in
    text order, `starts` their first tokens), within `_TERRORISTS_REACH` words; else left to
    the country (`contextual_actor`)."""
    at = bisect.bisect_left(starts, mention.first_token)
    near = [armed[i] for i in (at - 1, at) if 0 <= i < len(armed)]
    nearest = min(near, key=lambda m: abs(m.first_token - mention.first_token))
    if abs(nearest.first_token - mention.first_token) > _TERRORISTS_REACH:
        return mention
    return replace(mention, key=nearest.key)


def resolve_references(
    mentions: list[ActorMention], tokens: list[Token], text: str
) -> list[ActorMention]:
    """The mentions with each word that names a group again ("التنظيم", "الحزب") read as
    the group the article names (`_BACK_TO`), or left out when it names none."""
    named: dict[str, int] = {}  # each key and where the article first names it
    for m in mentions:
        if m.key == UNKEYED and "تنظيم" not in m.text:
            continue  # "قوات البيشمركة" is named, but "التنظيم" is no name of it
        named.setdefault(m.key, m.first_token)
    armed = [m for m in mentions if m.key in _ARMED_GROUPS]  # in text order
    if armed:
        # "إرهابيي جبهة النصرة … التنظيمات الإرهابية": the group the state's press named
        firsts = [m.first_token for m in armed]
        mentions = [
            _named_terrorists(m, armed, firsts) if m.key == TERRORISTS else m for m in mentions
        ]
    if not any(m.key in _BACK_TO for m in mentions):
        return mentions
    # "ميليشيا الحرس الثوري": a name right after the word says which group, not a victim
    # ("أعدم التنظيم رجلين")
    starts = {m.first_token for m in mentions if m.key != "civilians"}
    out = []
    for mention in mentions:
        if mention.key in _BACK_TO:
            keys = [k for k in _BACK_TO[mention.key] if k in named]
            key = min(keys, key=named.__getitem__) if keys else None
            # only the definite word names a group again, and not before a name of its
            # own ("ميليشيا الحرس الثوري": the name that follows says which)
            # ("للتنظيم" is the definite word after "ل", which takes the article's alif)
            clitics = text[tokens[mention.first_token].start : mention.start]
            definite = mention.text.startswith("ال") or clitics.endswith("لل")
            if key is None or not definite or mention.last_token in starts:
                continue
            mention = replace(mention, key=key)
        out.append(mention)
    return out
