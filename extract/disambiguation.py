"""Choosing among places that share a name, by what the article says around them.

About forty villages of Syria are called المشيرفة. The gazetteer gives every
reading of a name (`PlaceMatch.candidates`, its default first: the kind a
place word points to, else the best ranked); this module picks the reading
the article means, in this order:

1. An area named right beside the mention ("قرية المشيرفة في ريف حمص الشرقي",
   "المشيرفة بريف منبج", "في ريف حماة، قرية …"): a governorate keeps the
   readings in it, a district or a district's town the readings in that
   district (else in its governorate), nearest first. When no reading lies in
   the area named, the mention is dropped: an event is never placed in a
   village the text contradicts (its clause falls back to the area itself).
2. The other places of the article that have one reading only: the reading
   sharing most districts, governorates and countries with them, then the
   nearest to them.
3. The gazetteer's default order (kind, then rank and population).

Only readings of the default's sort compete in step 2 (a village with
villages, a district with districts), so that context never turns "ريف حمص"
(the governorate) into the city.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Final, NamedTuple

from extract.gazetteer import Place, PlaceMatch
from extract.normalize import fold_text

__all__ = ["joined_by_and", "resolve_places", "without_strays"]

_SETTLEMENTS: Final = frozenset({"village", "town", "city", "neighbourhood"})
_AREA_LEVELS: Final = frozenset({"governorate", "district"})
_AREA_TOWNS: Final = frozenset({"city", "town"})
_CITY_WORD: Final = "مدينة"
_AREA_WORDS_AFTER: Final = 4
"""At most this many words between a mention and the area named after it."""
_AREA_WORDS_BEFORE: Final = 3
"""At most this many words between an area and a mention named after it."""
_TOWN_REACH_KM: Final = 30.0
"""A reading this close to a town named as its area is not contradicted by a border between them."""
_POINTING_REACH_KM: Final = 60.0
"""How far a place said to lie south (or east…) of a town may be from it ("البارة جنوبي إدلب"):
a reading farther away, in Yemen say, is contradicted."""
_CHECKED_LEVELS: Final = frozenset({"village", "town", "neighbourhood"})
"""Levels of the mentions an area named beside them may place (a city places itself)."""
_SENTENCE_END: Final = re.compile(r"[.!?؟\n;؛]")
_WORD: Final = re.compile(r"[^\s،,.؛:()«»\"']+")


def _group(place: Place) -> str:
    """The sort of place a reading is, among which context may choose."""
    return "settlement" if place.level in _SETTLEMENTS else (place.level or "")


def distance_km(a: Place, b: Place) -> float:
    """Distance in km between two places with coordinates (equirectangular, ample here)."""
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    x = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    y = math.radians(b.lat - a.lat)
    return 6371.0 * math.hypot(x, y)


def _nearest(place: Place, others: Iterable[Place]) -> float:
    """The distance from a place to the nearest of `others`; infinite when unknown."""
    if place.lat is None or place.lon is None:
        return math.inf
    return min(
        (
            distance_km(place, other)
            for other in others
            if other.lat is not None and other.lon is not None
        ),
        default=math.inf,
    )


def _gap_words(text: str, start: int, end: int) -> int | None:
    """Words between two mentions, or None when a sentence ends between them."""
    gap = text[start:end]
    if _SENTENCE_END.search(gap):
        return None
    return len(gap.split())


_AREA_QUALIFIERS: Final = frozenset({"ريف", "منطقة", "ناحية", "قضاء", "مديرية", "محافظة", "بادية"})
"""Place words that make a town's name stand for its area ("ريف منبج", "منطقة الباب")."""
_RELATIONS: Final = frozenset(
    fold_text(word)
    for word in (
        "قرب", "بالقرب", "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي",
        "التابعة", "التابع", "تتبع", "يتبع", "بمحيط", "محيط", "ضواحي", "أطراف",
    )
)  # fmt: skip
"""Words that place a village relative to a town ("جنوب شرق منبج", "التابعة لمدينة الباب")."""
_SIDES: Final = {
    fold_text(word): vector
    for words, vector in (
        (("الشرقي", "شرقي"), (1.0, 0.0)),
        (("الغربي", "غربي"), (-1.0, 0.0)),
        (("الشمالي", "شمالي"), (0.0, 1.0)),
        (("الجنوبي", "جنوبي"), (0.0, -1.0)),
    )
    for word in words
}
"""Sides of an area's countryside, as (east, north) vectors."""


class _Area(NamedTuple):
    """An area named beside a mention: the mention naming it, the reading used as the area,
    and whether it binds (an administrative area) or only points (a town the mention is
    "south of")."""

    match: PlaceMatch
    place: Place
    binds: bool


def _as_area(match: PlaceMatch) -> Place | None:
    """The reading of a mention that names an area by itself: a governorate or district, or
    a place word's area ("ريف منبج", "منطقة الباب", "قضاء الشرقاط"); None for other places."""
    if match.place.level in _AREA_LEVELS:
        return match.place
    if match.qualifier not in _AREA_QUALIFIERS:
        return None
    district = next(
        (
            p
            for p in match.candidates
            if p.level in _AREA_LEVELS
            and (p.admin1, p.country) == (match.place.admin1, match.place.country)
        ),
        None,
    )
    if district is not None:
        return district
    return match.place if match.place.level in _AREA_TOWNS else None


def _related(text: str, start: int, end: int) -> bool:
    """Whether the words between a village and a town place the village by the town."""
    return any(fold_text(word) in _RELATIONS for word in _WORD.findall(text[start:end]))


_NOT_AND: Final = frozenset(
    fold_text(word)
    for word in ("وسط", "وفق", "وفقا", "وراء", "وادي", "وحدات", "وزارة", "ولاية", "وقت")
)
"""Words that begin with و without being "and" ("في المنطقة الخضراء وسط بغداد")."""


def joined_by_and(text: str, start: int, end: int) -> bool:
    """Whether a mention at `end` follows the one ending at `start` joined by "و" ("سراقب
    ومعرة النعمان", "سراقب، وفي معرة النعمان"), not by a word that begins with it ("وسط")."""
    if text[end - 1 : end] == "و":
        return True
    gap = text[start:end].lstrip(" ،,")
    if not gap.startswith("و"):
        return False
    first = _WORD.match(gap)
    return first is None or fold_text(first.group()) not in _NOT_AND


def _area_of(text: str, matches: list[PlaceMatch], index: int) -> _Area | None:
    """The area named right beside mention `index`: after it (over other places, as in
    "قرية … التابعة لناحية … في ريف الرقة", and over the villages listed with it), else
    before it."""
    match = matches[index]
    end = match.end
    for later in matches[index + 1 :]:
        words = _gap_words(text, end, later.start)
        if words is None or words > _AREA_WORDS_AFTER:
            break
        if joined_by_and(text, end, later.start):
            if later.place.level not in _SETTLEMENTS:
                break
            end = later.end  # "بلدتي البارة وكنصفرة في جبل الزاوية": one area for the list
            continue
        area = _as_area(later)
        if area is not None:
            return _Area(later, area, True)
        if later.place.level in _AREA_TOWNS and _related(text, match.end, later.start):
            return _Area(later, later.place, False)
        end = later.end
    for earlier in reversed(matches[:index]):
        words = _gap_words(text, earlier.end, match.start)
        if (
            words is None
            or words > _AREA_WORDS_BEFORE
            or joined_by_and(text, earlier.end, match.start)
        ):
            break
        if earlier.place.level in _AREA_LEVELS:
            return _Area(earlier, earlier.place, True)
    return None


def _within(area: Place, place: Place) -> bool:
    """Whether `place` lies in `area`, as far as the gazetteer's names tell."""
    if area.admin1 is None or place.admin1 != area.admin1:
        return False
    if area.level == "district":
        return place.admin2 is None or place.admin2 == area.admin2
    return True


def _in_area(area: _Area, candidates: tuple[Place, ...], rank: _Rank) -> list[Place]:
    """The readings an area allows, best first by `rank` (see `_ranking`)."""
    place = area.place
    allowed = [
        candidate
        for candidate in candidates
        if (not area.binds and _nearest(candidate, [place]) <= _POINTING_REACH_KM)
        or _within(place, candidate)
        or (place.level in _AREA_TOWNS and _nearest(candidate, [place]) <= _TOWN_REACH_KM)
    ]
    return sorted(allowed, key=rank)


_Rank = Callable[[Place], tuple[bool, float]]


def _ranking(area: _Area, text: str) -> _Rank:
    """How well a reading fits its area, smaller first: for a town, being in its district,
    then nearness (a town that only points, "جنوب الموصل": nearness); for a governorate
    with a side ("ريف حمص الشرقي"), being on that side of its chief town."""
    place = area.place
    if place.level in _AREA_TOWNS:
        return lambda c: (area.binds and c.admin2 != place.admin2, _nearest(c, [place]))
    side = _side(text, area.match.end)
    town = next(
        (c for c in area.match.candidates if c.level in _AREA_TOWNS and _within(place, c)), None
    )
    if side is None or town is None or town.lat is None or town.lon is None:
        return lambda c: (False, 0.0)
    return lambda c: (not _on_side(c, town, side), 0.0)


def _side(text: str, end: int) -> tuple[float, float] | None:
    """The compass side named right after an area ("الشرقي", "الشمالي الغربي"), as a vector."""
    east = north = 0.0
    for word in _WORD.findall(text[end : end + 30])[:2]:
        vector = _SIDES.get(fold_text(word))
        if vector is None:
            break
        east, north = east + vector[0], north + vector[1]
    return (east, north) if (east, north) != (0.0, 0.0) else None


def _on_side(place: Place, town: Place, side: tuple[float, float]) -> bool:
    """Whether a place lies on the given side of a town."""
    if place.lat is None or place.lon is None:
        return False
    assert town.lat is not None and town.lon is not None
    return (place.lon - town.lon) * side[0] + (place.lat - town.lat) * side[1] > 0


def _shared(place: Place, evidence: list[Place]) -> int:
    """How many countries, governorates and districts a reading shares with the article's other
    places (a district counting most)."""
    shared = 0
    for other in evidence:
        if other.country is not None and other.country == place.country:
            shared += 1
            if other.admin1 is not None and other.admin1 == place.admin1:
                shared += 2
                if other.admin2 is not None and other.admin2 == place.admin2:
                    shared += 4
    return shared


def _with_first(match: PlaceMatch, chosen: Place) -> PlaceMatch:
    """The mention read as `chosen`, its other readings after it in their order."""
    if chosen is match.place:
        return match
    others = tuple(place for place in match.candidates if place is not chosen)
    return replace(match, place=chosen, candidates=(chosen, *others))


def _by_article(match: PlaceMatch, readings: Iterable[Place], evidence: list[Place]) -> PlaceMatch:
    """The reading among `readings` that the article's other places favour: the one sharing
    most areas with them, then the nearest to them; the current reading unless another
    shares more."""
    group = _group(match.place)
    rivals = [place for place in readings if _group(place) == group]
    if len(rivals) < 2 or not evidence:
        return match
    settled = [other for other in evidence if other.level in _SETTLEMENTS]
    best = max(rivals, key=lambda p: (_shared(p, evidence), -_nearest(p, settled)))
    if _shared(best, evidence) > _shared(match.place, evidence):
        return _with_first(match, best)
    return match


def _one_region(match: PlaceMatch) -> bool:
    """Whether all the readings of a mention lie in one governorate (a town and its district)."""
    return len({(place.country, place.admin1) for place in match.candidates or (match.place,)}) == 1


def resolve_places(text: str, matches: list[PlaceMatch]) -> list[PlaceMatch]:
    """The place mentions of `text` (in text order), each read as its context says.

    Every mention keeps all its readings, the chosen one first; one whose every
    reading lies outside the area named beside it is read as an unplaced place
    of that area (see `_unplaced`). A name an area placed once is read the same
    wherever else the article uses it without an area of its own.
    """
    evidence = [match.place for match in matches if _one_region(match)]
    resolved = list(matches)
    placed: dict[str, PlaceMatch] = {}
    # From the last mention back, so that an area is read before the places it holds.
    for index in reversed(range(len(matches))):
        match = matches[index]
        checked = match.place.level in _CHECKED_LEVELS or _unlisted_site(match.place)
        area = _area_of(text, resolved, index) if checked else None
        if area is not None:
            resolved[index] = _placed(text, match, area, evidence)
            placed[match.place.key] = resolved[index]
    for index, match in enumerate(matches):
        if resolved[index] is not match or match.place.level not in _SETTLEMENTS:
            continue
        same = placed.get(match.place.key)
        if same is not None:
            resolved[index] = replace(match, place=same.place, candidates=same.candidates)
        else:
            others = [place for place in evidence if place is not match.place]
            resolved[index] = _by_article(match, match.candidates, others)
    return resolved


def _unlisted_site(place: Place) -> bool:
    """Whether a place is a site the gazetteer lacks, not yet in any area ("حقل كورمور")."""
    return place.source == "unlisted" and place.level == "site" and place.admin1 is None


def _placed(text: str, match: PlaceMatch, area: _Area, evidence: list[Place]) -> PlaceMatch:
    """A mention read within the area named beside it, or unplaced in that area when it has
    no reading there: of the readings the area allows equally, the one the article's other
    places favour."""
    if match.place.source == "unlisted" and match.place.admin1 is None:
        # "قرية كنصفرة جنوبي إدلب": a place the gazetteer lacks lies in the area beside it
        return _unplaced(match, area.place, district=area.binds)
    rank = _ranking(area, text)
    inside = _in_area(area, match.candidates or (match.place,), rank)
    if not inside:
        return _unplaced(match, area.place, district=area.binds)
    group = _group(match.place)  # a village stays a village, never its subdistrict
    inside = [place for place in inside if _group(place) == group] or inside
    if match.qualifier == _CITY_WORD:  # "مدينة عفرين": the town, not a village of its name
        inside = [place for place in inside if place.level in _AREA_TOWNS] or inside
    others = [place for place in evidence if place is not match.place]
    settled = [other for other in others if other.level in _SETTLEMENTS]
    top = rank(inside[0])
    equal = [place for place in inside if rank(place) == top]
    best = max(equal, key=lambda p: (_shared(p, others), -_nearest(p, settled)))
    return _with_first(match, best)


def _unplaced(match: PlaceMatch, area: Place, district: bool = True) -> PlaceMatch:
    """A mention whose every reading lies outside the area named beside it: the place the text
    names, in that area, without coordinates (the gazetteer's readings kept as candidates);
    in the area's district too unless `district` is False (a town it only lies south of)."""
    place = replace(
        match.place,
        key=f"unplaced:{match.place.key}",
        admin1=area.admin1,
        admin2=area.admin2 if district and area.level != "governorate" else None,
        country=area.country,
        lat=None,
        lon=None,
        population=None,
        source="context",
    )
    return replace(match, place=place, candidates=(place, *match.candidates))


_STRAY_LEVELS: Final = frozenset({"village", "neighbourhood"})


def without_strays(
    matches: list[PlaceMatch], elsewhere: Callable[[PlaceMatch], bool]
) -> list[PlaceMatch]:
    """The mentions without a village or quarter whose every reading lies in a country none of
    the article's other places is in ("في أحد أحياء المخيم" in a report from Lebanon is no
    village of Yemen called المخيم): a common word read as a far place's name. Kept when the
    text calls it a village ("قرية غصم"), when the article names no other country, or the
    gazetteer lacks the place. Places `elsewhere` says no incident is at (where fire came
    from: "جاء القصف من الأردن") do not count."""
    countries = {
        match.place.country
        for match in matches
        if match.place.country
        and (match.place.level not in _STRAY_LEVELS or match.place.source != "wof")
        and not elsewhere(match)
    }
    if not countries:
        return matches
    return [
        match
        for match in matches
        if match.place.level not in _STRAY_LEVELS
        or match.place.source != "wof"
        or match.qualifier in _VILLAGE_WORDS
        or any(place.country in countries for place in match.candidates or (match.place,))
    ]


_VILLAGE_WORDS: Final = frozenset({"قرية", "بلدة", "مزرعة"})
