"""Places the gazetteer lacks, found by the place word the text puts before them.

News names small villages and city quarters that no gazetteer lists: "قرية
كنصفرة في جبل الزاوية", "حي الشيخ مقصود بحلب", "بلدتي البارة وكنصفرة". The
word before the name (قرية، بلدة، حي، جبل، وادي، مخيم، مطار، سجن، طريق، حقل، معبر, or a
dual: قريتي، بلدتي، حيي) says that a place follows and of what kind, so the name is kept as an
unlisted place: its words as written, no English name, the level the word
gives, and no coordinates. A quarter takes its town (named right after it,
"بحلب", else the last named before it) as its area and position; a village
is given its area by the disambiguation that follows (`extract.disambiguation`:
"بريف إدلب" makes it a village of Idlib without coordinates). A gazetteer
match after the word is kept when its readings fit the word (a village after
قرية); one that does not ("حي الميدان" read as a village) gives way. A camp or
an airport named after a town ("مخيم الجفينة", "مطار الحديدة الدولي") is a
site at that town; a road ("طريق حلب - اللاذقية الدولي") a site of its own.

Written by hand: this is a rule of hadath's own over its gazetteer's matches.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final, NamedTuple

from extract.gazetteer import Place, PlaceMatch
from extract.normalize import fold_text, fold_words
from extract.record import LEVELS, LocationLevel
from extract.tokens import Token

__all__ = ["add_sites", "add_unlisted", "is_place_word"]


_PREFIXES: Final = ("", "و", "ب", "ل", "ف", "ك", "وب", "ول", "فب")


class _Word(NamedTuple):
    """A place word: the level of the place it introduces, whether it names two, and how many
    letters of clitics stand before it."""

    level: LocationLevel
    dual: bool
    clitics: int


def _place_words() -> dict[str, _Word]:
    words: list[tuple[str, LocationLevel, bool]] = [
        ("قرية", "village", False),
        ("بلدة", "village", False),
        ("مزرعة", "village", False),
        ("قريتي", "village", True),
        ("بلدتي", "village", True),
        ("قريتا", "village", True),
        ("بلدتا", "village", True),
        ("حي", "neighbourhood", False),
        ("حيي", "neighbourhood", True),
        ("جبل", "region", False),
        ("جبال", "region", False),
        ("وادي", "region", False),
        ("سهل", "region", False),
        ("مخيم", "site", False),
        ("مطار", "site", False),
        ("سجن", "site", False),
        ("جسر", "site", False),
        ("سد", "site", False),
        ("مستشفى", "site", False),
        ("طريق", "site", False),
        ("حقل", "site", False),
        ("معبر", "site", False),
        ("مصفاة", "site", False),
        ("ميناء", "site", False),
    ]
    return {
        prefix + fold_text(word): _Word(level, dual, len(prefix))
        for word, level, dual in words
        for prefix in _PREFIXES
    }


_PLACE_WORDS: Final = _place_words()
"""Place words with their attached و ب ل ف ك (never with ال, which refers back)."""
_FITS: Final[dict[LocationLevel, frozenset[str]]] = {
    "village": frozenset({"village", "town", "city", "neighbourhood"}),
    "neighbourhood": frozenset({"neighbourhood"}),
    "region": frozenset(LEVELS),
}
"""The gazetteer levels that fit a place word: such a match is kept."""
_SETTLEMENTS: Final = frozenset({"village", "town", "city"})
_KINDS: Final[dict[LocationLevel, str]] = {
    "village": "village",
    "neighbourhood": "neighbourhood",
    "region": "region",
}


_COMPOUND_HEADS: Final = fold_words(
    "كفر أبو أبي أم تل تلة عين دير بئر بير خربة رأس راس بيت جسر حوش بني قصر مرج وادي"
    " جبل الشيخ شيخ سيدي عرب البو آل حمام نبع خان قلعة برج سد باب ساحة دوار عزبة"
)
"""First words of names that never stand alone ("كفر جنة", "أم الكيف", "البو عجيل")."""
_NAME_TAILS: Final = fold_words(
    "الجديدة الجديد القديمة القديم الشرقية الغربية الشمالية الجنوبية الكبرى الصغرى الكبير"
    " الصغير الفوقاني التحتاني الفوقا التحتا الدولي العسكري المدني"
)
"""Words that end a name ("حلب الجديدة", "مطار الحديدة الدولي")."""
_NOT_NAMES: Final = fold_words(
    # words that describe or place the place, or start what follows it
    "صغيرة كبيرة الصغيرة الكبيرة مجاورة المجاورة قريبة القريبة نائية النائية حدودية"
    " الحدودية الواقعة واقعة التابعة تابعة المذكورة ذاتها نفسها ذاته نفسه أخرى الأخرى آخر"
    " واحدة ثالثة ثانية أولى سكني سكنية السكني شعبي الشعبي تجاري التجاري صناعي الصناعي"
    " قديم القديم مدمرة المدمرة محاصرة المحاصرة مستهدفة جديد الجديد جديدة الجديدة"
    " شمال جنوب شرق غرب شمالي جنوبي شرقي غربي الشمالي الجنوبي الشرقي الغربي وسط"
    " ريف أطراف محيط قرب بالقرب داخل خارج عند أمام خلف قرابة"
    " في من على إلى الى عن مع بين حتى منذ بعد قبل خلال أثناء التي الذي الذين اللتين"
    " كل جميع معظم بعض عدد عدة أهالي أهل سكان أبناء مختار وجهاء مدنيين مواطنين"
    " يوم اليوم أمس صباح مساء فجر ليل ليلة ظهر عصر"
    " قرية بلدة مدينة حي مخيم مزرعة منطقة ناحية محافظة قضاء مطار"
    # what a place is, not its name
    " سورية سوري عراقية عراقي لبنانية لبناني أردنية يمنية كردية عربية تركية إيرانية"
    " مؤقت مؤقتة عشوائي عشوائية نازحين النازحين لاجئين اللاجئين للنازحين للاجئين"
    " عسكري العسكري مدني المدني دولي الدولي غير شرعي الشرعي رسمي الرسمي"
)
"""Words that follow a place word without naming the place."""
_AREA_REACH: Final = 40
"""How many characters after a quarter's name its town may begin ("في مدينة حلب")."""


class _Name(NamedTuple):
    """A name after a place word: its source range."""

    start: int
    end: int


def _bare(token: Token, joined: bool) -> str:
    """A token's folded form, without the "و" that joins a second name ("والرميلة")."""
    return token.folded[1:] if joined and token.folded.startswith("و") else token.folded


def _name_at(tokens: list[Token], at: int, joined: bool = False) -> tuple[_Name, int] | None:
    """The name starting at token `at` (after "و" when `joined`), and the index of the token
    after it; None when no name stands there."""
    if at >= len(tokens):
        return None
    head = tokens[at]
    word = _bare(head, joined)
    if joined and word == head.folded:
        return None  # a second name is joined by "و"
    if word in _NOT_NAMES or len(word) < 2 or any(ch.isdigit() for ch in word):
        return None
    if not joined and not head.forms.isdisjoint(_NOT_NAMES):
        return None
    start = head.start + (1 if joined else 0)
    after = at + 1
    if word in _COMPOUND_HEADS:
        if after >= len(tokens) or tokens[after].folded in _NOT_NAMES:
            return None
        after += 1
    elif _owned_by(head, word, tokens[after] if after < len(tokens) else None):
        after += 1  # "حي بستان القصر": an indefinite word and the definite one it is of
    if after < len(tokens) and tokens[after].folded in _NAME_TAILS:
        after += 1
    return _Name(start, tokens[after - 1].end), after


def _owned_by(head: Token, word: str, following: Token | None) -> bool:
    """Whether a name goes on with the definite word right after it (a construct: "بستان
    القصر", "عين الفيجة"), not with a word that describes or places it."""
    return (
        following is not None
        and not word.startswith("ال")
        and following.folded.startswith("ال")
        and following.start - head.end <= 1
        and following.folded not in _NAME_TAILS
        and following.forms.isdisjoint(_NOT_NAMES)
        and following.folded not in _NOT_NAMES
    )


_DASHES: Final = ("-", "–", "—")
_ROAD_TAILS: Final = frozenset(
    fold_text(w) for w in ("الدولي", "السريع", "العام", "الدولية", "الرئيسي")
)


def _road(text: str, tokens: list[Token], at: int) -> _Name | None:
    """The name of a road after "طريق": a town, or two joined by a dash ("حلب - اللاذقية"),
    with "الدولي" or "السريع" after it."""
    first = _name_at(tokens, at)
    if first is None:
        return None
    name, after = first
    if after < len(tokens) and any(d in text[name.end : tokens[after].start] for d in _DASHES):
        second = _name_at(tokens, after)
        if second is not None:
            name, after = _Name(name.start, second[0].end), second[1]
    if after < len(tokens) and tokens[after].folded in _ROAD_TAILS:
        name, after = _Name(name.start, tokens[after].end), after + 1
    return name


def _names(tokens: list[Token], at: int, dual: bool) -> list[_Name]:
    """The name (or, after a dual place word, both names) starting at token `at`."""
    first = _name_at(tokens, at)
    if first is None:
        return []
    name, after = first
    if not dual:
        return [name]
    second = _name_at(tokens, after, joined=True)
    return [name] if second is None else [name, second[0]]


def _town_after(found: list[PlaceMatch], end: int, text: str) -> Place | None:
    """The town or city named right after a quarter's name, in the same sentence."""
    for match in found:
        if match.start < end:
            continue
        if match.start - end > _AREA_REACH or any(c in text[end : match.start] for c in ".،,؛\n"):
            return None
        if match.place.level in ("town", "city"):
            return match.place
        return None
    return None


def _town_of(found: list[PlaceMatch], name: _Name, text: str) -> Place | None:
    """The town a quarter belongs to: the one named right after it, else the last town or
    city named before it in the article ("الغارات على البوكمال … في حي الهجانة")."""
    after = _town_after(found, name.end, text)
    if after is not None:
        return after
    before = [m.place for m in found if m.end <= name.start and m.place.level in ("town", "city")]
    return before[-1] if before else None


def _fitting(listed: PlaceMatch, level: LocationLevel, town: Place | None) -> Place | None:
    """The reading of a gazetteer match that fits the place word before it (for a quarter,
    one in the town named after it), its default first; None when none fits."""
    for place in (listed.place, *listed.candidates):
        if place.level in _FITS[level] and (
            level != "neighbourhood" or town is None or place.admin1 == town.admin1
        ):
            return place
    return None


def _unlisted(words: str, level: LocationLevel, at: Place | None) -> Place:
    """An unlisted place of these words and level, at the place `at` when one is known."""
    base = Place(
        key=f"unlisted:{fold_text(words)}",
        name="",
        kind=_KINDS.get(level, "base"),
        admin1=None,
        country=None,
        lat=None,
        lon=None,
        population=None,
        arabic=(words,),
        source="unlisted",
        level=level,
    )
    if at is None:
        return base
    return replace(
        base, admin1=at.admin1, admin2=at.admin2, country=at.country, lat=at.lat, lon=at.lon
    )


class _Found:
    """The gazetteer's matches of a text, with the changes the place words make to them."""

    def __init__(self, found: list[PlaceMatch]) -> None:
        self.found = found
        self.starts = {match.start: match for match in found}
        self.added: list[PlaceMatch] = []
        self.dropped: set[int] = set()
        self.promoted: dict[int, PlaceMatch] = {}

    def overlapped(self, name: _Name) -> bool:
        """Whether a match the gazetteer knows overlaps the name without starting with it."""
        return any(
            m.start < name.end and name.start < m.end and m.start != name.start for m in self.found
        )

    def result(self) -> list[PlaceMatch]:
        if not self.added and not self.promoted:
            return self.found
        kept = [self.promoted.get(m.start, m) for m in self.found if m.start not in self.dropped]
        return sorted(kept + self.added, key=lambda match: match.start)


def _add_site(text: str, found: _Found, start: int, name: _Name) -> None:
    """ "مخيم الجفينة", "مطار الحديدة الدولي": a site named after a town, at that town (or
    unplaced when the town is unknown). Its words, from `start`, are the place word's and the
    name's."""
    listed = found.starts.get(name.start)
    if listed is not None and listed.end > name.end:
        name = _Name(name.start, listed.end)  # "جسر قره قوزاق": the longer name it knows
    if listed is None and found.overlapped(name):
        return
    town = None
    if listed is not None:
        town = next(
            (
                p
                for p in (listed.place, *listed.candidates)
                if p.level in _SETTLEMENTS or p.level == "neighbourhood"
            ),
            None,
        )
        if town is None:
            return  # the gazetteer knows the name as something else (a base, a region)
        found.dropped.add(listed.start)
    words = text[start : name.end]
    place = _unlisted(words, "site", town)
    found.added.append(PlaceMatch(place, start, name.end, words, None, (place,)))


def _add_place(
    text: str, found: _Found, level: LocationLevel, name: _Name, town: Place | None, start: int
) -> None:
    """A village, quarter or region named after its place word: the gazetteer's reading that
    fits the word (a quarter's, in its `town`), else an unlisted place whose words begin at
    `start` (the name's, or for a region the place word's: "جبال حمرين")."""
    listed = found.starts.get(name.start)
    if listed is not None:
        fitting = _fitting(listed, level, town)
        if listed.end >= name.end or fitting is not None:
            if fitting is not None and fitting is not listed.place:
                others = tuple(p for p in listed.candidates if p is not fitting)
                found.promoted[listed.start] = replace(
                    listed, place=fitting, candidates=(fitting, *others)
                )
            if fitting is not None or listed.end > name.end:
                return
    if found.overlapped(name):
        return
    if listed is not None:
        found.dropped.add(listed.start)
    words = text[start : name.end]
    place = _unlisted(words, level, town)
    found.added.append(PlaceMatch(place, start, name.end, words, None, (place,)))


def is_place_word(folded: str) -> bool:
    """Whether a folded word is a place word that names may follow ("قرية", "وبلدة")."""
    return folded in _PLACE_WORDS


def add_unlisted(
    text: str, tokens: list[Token], found: list[PlaceMatch], place_words: list[int]
) -> list[PlaceMatch]:
    """The gazetteer's matches `found` (left to right) with the villages and quarters named
    after a place word added, left to right (module docstring). `place_words` are the indices
    of the tokens that are place words (`is_place_word`), in order."""
    state = _Found(found)
    for index in place_words:
        token = tokens[index]
        word = _PLACE_WORDS[token.folded]
        if word.level == "site":
            continue
        names = _names(tokens, index + 1, word.dual)
        town = None
        if names and word.level == "neighbourhood":
            town = _town_of(found, names[-1], text)  # "حيي البدو والرميلة في مدينة الرقة"
        for name in names:
            start = token.start + word.clitics if word.level == "region" else name.start
            _add_place(text, state, word.level, name, town, start)
    return state.result()


def add_sites(
    text: str, tokens: list[Token], resolved: list[PlaceMatch], place_words: list[int]
) -> list[PlaceMatch]:
    """The place mentions `resolved` (left to right, each read as its context says) with the
    camps and airports named after a town ("مخيم الجفينة") made sites at that town.
    `place_words` as for `add_unlisted`."""
    state = _Found(resolved)
    for index in place_words:
        token = tokens[index]
        word = _PLACE_WORDS[token.folded]
        if word.level != "site":
            continue
        start = token.start + word.clitics
        if token.folded.endswith(_ROAD):
            road = _road(text, tokens, index + 1)
            if road is not None:
                _add_road(text, state, start, road)
            continue
        for name in _names(tokens, index + 1, word.dual):
            _add_site(text, state, start, name)
    return state.result()


_ROAD: Final = fold_text("طريق")


def _add_road(text: str, found: _Found, start: int, name: _Name) -> None:
    """ "طريق حلب - اللاذقية الدولي": a site of its own, placed at none of the towns it
    joins; the towns' own matches in its name give way."""
    if any(m.start < start < m.end or m.start < name.end < m.end for m in found.found):
        return
    inside = [m for m in found.found if start <= m.start and m.end <= name.end]
    if not inside or inside[0].start != name.start:
        return  # "طريق عام", "طريق ترابي": a road, but named after no town
    found.dropped.update(m.start for m in inside)
    words = text[start : name.end]
    place = replace(_unlisted(words, "site", None), kind="road")  # less exact than a village
    found.added.append(PlaceMatch(place, start, name.end, words, None, (place,)))
