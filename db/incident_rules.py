"""When two curated events of different articles may report one incident, and how surely.

Two reports are one incident's when their dates, places, sub-event types and
actors are compatible (SPEC "Incidents"):

- **dates**: within `days` of each other; a date of week or month precision
  widens that by half its period (3 or 15 days). An undated event links only
  to a dated one of the same place and the same sub-event type, when its
  article's publication date is within `days` (plus that half period) of
  that date.
- **places**: within `km` of each other, or in the same district (admin2 of
  one country). A shared district scores well when one of the two reports
  places the incident no closer than the district (a district, governorate
  or region, water, or a place without coordinates). Two reports naming two
  places further apart than `km` in one district describe two locations,
  which ACLED codes as two events: they are proposed only when they agree
  on the sub-event type and name the same actors on both sides, and their
  place scores nothing, so that the link is shown to the reviewer but never
  joins them unreviewed (proposing every pair of a busy district's day would
  bury the reviewer); "the same place" (for undated events) is the same
  name in one country or within SAME_PLACE_KM.
- **sub-event types**: the same, or a pair of COMPATIBLE_TYPES: reports of
  one incident name its means differently (an air strike and a shelling),
  and ACLED aggregates shelling during a battle into the battle; a protest
  and a strike never are one incident.
- **actors**: side by side the same key, one of them unknown or missing, or
  one within the other (NESTED_ACTORS: irgc within iran_backed). The sides
  of two battles (or protests, riots) may come in either order; an attack's
  attacker and target may not, so a strike and the retaliation the next day
  stay apart.

Each candidate gets a score in 0..1 (the weighted agreement of the four) and
the reasons behind it, in words a reviewer reads.
"""

from __future__ import annotations

import math
from typing import Final, NamedTuple

from extract.vocabulary import SUB_EVENT_TYPES

SAME_PLACE_KM: Final = 1.0
"""Two places closer than this are one place (for events without a date)."""

PERIOD_SLACK: Final[dict[int, int]] = {1: 0, 2: 3, 3: 15}
"""Days a date of each precision may lie from the day it stands for (half its period)."""

MAX_SLACK: Final = max(PERIOD_SLACK.values())

NESTED_ACTORS: Final[dict[str, str]] = {
    "irgc": "iran_backed",
    "hezbollah": "iran_backed",
    "us": "coalition",
}
"""Actor keys that name a part of a wider actor: a report may name either."""

VAGUE_ACTORS: Final = frozenset({"unknown"})

_GROUPS: Final[tuple[frozenset[str], ...]] = (
    frozenset(
        {
            "Armed clash",
            "Government regains territory",
            "Non-state actor overtakes territory",
        }
    ),
    frozenset(
        {
            "Air/drone strike",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
            "Suicide bomb",
            "Chemical weapon",
        }
    ),
    frozenset({"Armed clash", "Shelling/artillery/missile attack", "Air/drone strike"}),
    frozenset(
        {
            "Attack",
            "Remote explosive/landmine/IED",
            "Grenade",
            "Suicide bomb",
            "Air/drone strike",
            "Shelling/artillery/missile attack",
        }
    ),
    frozenset({"Attack", "Abduction/forced disappearance", "Sexual violence"}),
    frozenset({"Abduction/forced disappearance", "Arrests"}),
    frozenset(
        {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
    ),
    frozenset({"Protest with intervention", "Violent demonstration", "Mob violence"}),
    frozenset({"Excessive force against protesters", "Violent demonstration"}),
    frozenset({"Government regains territory", "Non-violent transfer of territory"}),
    frozenset({"Non-state actor overtakes territory", "Non-violent transfer of territory"}),
)
"""Sets of sub-event types one incident may be reported as (each pair within a set)."""

COMPATIBLE_TYPES: Final[frozenset[frozenset[str]]] = frozenset(
    frozenset({first, second})
    for group in _GROUPS
    for first in group
    for second in group
    if first != second
)
"""Pairs of different sub-event types that may be one incident (the README lists them)."""

SYMMETRIC_EVENT_TYPES: Final = frozenset({"Battles", "Riots", "Protests"})
"""Event types whose two sides have no direction: their actors match in either order."""

SUB_EVENT_ORDER: Final[dict[str, int]] = {name: rank for rank, name in enumerate(SUB_EVENT_TYPES)}
"""ACLED's order of sub-event types: an incident takes the first of its reports'."""


class LinkEvent(NamedTuple):
    """What linking reads of one curated event (dates as day numbers, date.toordinal's;
    precision 1 a day, 2 a week, 3 a month, 0 undated)."""

    event_id: str
    article_id: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    lat: float | None
    lon: float | None
    place: str | None
    admin2: str | None
    level: str | None
    country: str | None
    day: int | None
    precision: int
    published: int | None
    sweep: int | None
    """The day the finder files the event under: its date, else its publication."""


class Candidate(NamedTuple):
    """Two events that may report one incident: ids in order, a score and the reasons."""

    event_a: str
    event_b: str
    score: float
    reasons: tuple[str, ...]


COMPATIBLE_PAIRS: Final[frozenset[tuple[str, str]]] = frozenset(
    (first, second) for pair in COMPATIBLE_TYPES for first in pair for second in pair
)
"""COMPATIBLE_TYPES as ordered pairs (both orders), for a lookup without a frozenset."""


def compatible_types(first: str, second: str) -> bool:
    """Whether reports of these two sub-event types may describe one incident."""
    return first == second or (first, second) in COMPATIBLE_PAIRS


def actor_agreement(first: str | None, second: str | None) -> tuple[float, str] | None:
    """How well two reports' actors on one side agree (None: they cannot be one)."""
    if first == second:
        if first is None or first in VAGUE_ACTORS:
            return 0.5, "neither names the actor" if first is None else "both unknown"
        return 1.0, f"{first} = {second}"
    if first is None or second is None or first in VAGUE_ACTORS or second in VAGUE_ACTORS:
        return 0.6, f"{first or 'none'} ~ {second or 'none'}"
    if NESTED_ACTORS.get(first) == second or NESTED_ACTORS.get(second) == first:
        inner, outer = (first, second) if NESTED_ACTORS.get(first) == second else (second, first)
        return 0.8, f"{inner} within {outer}"
    return None


def _undirected(first: LinkEvent, second: LinkEvent) -> bool:
    """Whether both reports' sides have no direction (a clash, not an attack)."""
    return (
        SUB_EVENT_TYPES.get(first.sub_event_type) in SYMMETRIC_EVENT_TYPES
        and SUB_EVENT_TYPES.get(second.sub_event_type) in SYMMETRIC_EVENT_TYPES
    )


def _sides(first: LinkEvent, second: LinkEvent) -> tuple[float, list[str]] | None:
    """The actors' agreement, side by side (or crosswise where the sides have no direction)."""
    orders = [(second.actor1, second.actor2)]
    if _undirected(first, second):
        orders.append((second.actor2, second.actor1))
    best: tuple[float, list[str]] | None = None
    for other1, other2 in orders:
        side1 = actor_agreement(first.actor1, other1)
        side2 = actor_agreement(first.actor2, other2)
        if side1 is None or side2 is None:
            continue
        found = ((side1[0] + side2[0]) / 2, [f"actors {side1[1]}; {side2[1]}"])
        if best is None or found[0] > best[0]:
            best = found
    return best


_KM_PER_RADIAN: Final = 6371.0088
_RADIANS: Final = math.pi / 180


def distance_km(first: LinkEvent, second: LinkEvent) -> float | None:
    """Distance between two events' places (None without coordinates): the equirectangular
    approximation, within 0.1 % of the great circle at the tens of kilometres linking
    compares (and away from the poles and the antimeridian)."""
    if first.lat is None or first.lon is None or second.lat is None or second.lon is None:
        return None
    east = (second.lon - first.lon) * math.cos((first.lat + second.lat) * _RADIANS / 2)
    north = second.lat - first.lat
    return _KM_PER_RADIAN * _RADIANS * math.hypot(east, north)


VAGUE_LEVELS: Final = frozenset({"district", "governorate", "region", "water", "country"})
"""Levels that place an incident no closer than a district."""


def vague_place(event: LinkEvent) -> bool:
    """Whether the event's place is no closer than a district (or has no coordinates)."""
    return event.lat is None or event.lon is None or event.level in VAGUE_LEVELS


def _one_district(first: LinkEvent, second: LinkEvent) -> bool:
    return bool(first.admin2) and first.admin2 == second.admin2 and first.country == second.country


def _known(key: str | None) -> bool:
    return key is not None and key not in VAGUE_ACTORS


def agree_fully(first: LinkEvent, second: LinkEvent) -> bool:
    """The same sub-event type and the same named actors on both sides (crosswise for two
    clashes): what two reports of two places in one district must share to be proposed."""
    if first.sub_event_type != second.sub_event_type:
        return False
    if not all(map(_known, (first.actor1, first.actor2, second.actor1, second.actor2))):
        return False
    if (first.actor1, first.actor2) == (second.actor1, second.actor2):
        return True
    return _undirected(first, second) and (first.actor1, first.actor2) == (
        second.actor2,
        second.actor1,
    )


def _same_named_place(first: LinkEvent, second: LinkEvent) -> bool:
    return bool(first.place) and first.place == second.place and first.country == second.country


def _places(first: LinkEvent, second: LinkEvent, km: float) -> tuple[float, str] | None:
    distance = distance_km(first, second)
    if distance is not None and distance <= km:
        score = 1.0 - distance / (2 * km)
        if distance < SAME_PLACE_KM or _same_named_place(first, second):
            return max(score, 0.95), "same place" if distance < 0.05 else f"{distance:.1f} km apart"
        return score, f"{distance:.1f} km apart"
    if _one_district(first, second):
        if vague_place(first) or vague_place(second):
            return 0.4, f"same district ({first.admin2})"
        if agree_fully(first, second):
            # two places named further apart than km: proposed, never joined unreviewed
            return 0.0, f"same district ({first.admin2}), {distance or 0:.1f} km apart"
    if distance is None and _same_named_place(first, second):
        return 0.95, "same place"
    return None


def _same_place(first: LinkEvent, second: LinkEvent) -> bool:
    if _same_named_place(first, second):
        return True
    distance = distance_km(first, second)
    return distance is not None and distance < SAME_PLACE_KM


def _dates(first: LinkEvent, second: LinkEvent, days: int) -> tuple[float, str] | None:
    """The dates' agreement, or the undated rule's; None when they are too far apart."""
    if first.day is None and second.day is None:
        return None
    if first.day is None or second.day is None:
        undated, dated = (first, second) if first.day is None else (second, first)
        assert dated.day is not None
        if undated.published is None or not _same_place(first, second):
            return None
        if first.sub_event_type != second.sub_event_type:
            return None
        gap = abs(undated.published - dated.day)
        if gap > days + PERIOD_SLACK.get(dated.precision, 0):
            return None
        return 0.6, f"undated, published {gap} day{'s' * (gap != 1)} from the other's date"
    gap = abs(first.day - second.day)
    allowed = days + PERIOD_SLACK.get(first.precision, 0) + PERIOD_SLACK.get(second.precision, 0)
    if gap > allowed:
        return None
    coarse = first.precision > 1 or second.precision > 1
    if gap == 0:
        return (0.8, "same week or month") if coarse else (1.0, "same day")
    return 1.0 - gap / (allowed + 1), f"{gap} day{'s' * (gap != 1)} apart"


_ACTORS_AGREE: dict[tuple[str | None, str | None], bool] = {}


def _actors_agree(first: str | None, second: str | None) -> bool:
    """actor_agreement(...) is not None, remembered per pair of keys (a handful of keys)."""
    pair = (first, second)
    agree = _ACTORS_AGREE.get(pair)
    if agree is None:
        agree = _ACTORS_AGREE[pair] = actor_agreement(first, second) is not None
    return agree


def could_link(first: LinkEvent, second: LinkEvent) -> bool:
    """The cheap half of `link`: different articles, compatible types and actors (most pairs
    the finder meets fail here, before any distance or date is worked out)."""
    if first.article_id == second.article_id:
        return False
    sub = first.sub_event_type
    if sub != second.sub_event_type and (sub, second.sub_event_type) not in COMPATIBLE_PAIRS:
        return False
    if _actors_agree(first.actor1, second.actor1) and _actors_agree(first.actor2, second.actor2):
        return True
    return _undirected(first, second) and (
        _actors_agree(first.actor1, second.actor2) and _actors_agree(first.actor2, second.actor1)
    )


def link(first: LinkEvent, second: LinkEvent, days: int, km: float) -> Candidate | None:
    """The candidate link between two events of different articles, or None if they cannot
    be one incident's reports."""
    if not could_link(first, second):
        return None
    if second.event_id < first.event_id:  # one order, so that the reasons read the same
        first, second = second, first
    dates = _dates(first, second, days)
    if dates is None:
        return None
    places = _places(first, second, km)
    if places is None:
        return None
    actors = _sides(first, second)
    if actors is None:
        return None
    same_type = first.sub_event_type == second.sub_event_type
    types = (1.0, "same sub-event type") if same_type else (0.6, "compatible sub-event types")
    score = 0.3 * dates[0] + 0.3 * places[0] + 0.2 * types[0] + 0.2 * actors[0]
    reasons = (dates[1], places[1], types[1], *actors[1])
    return Candidate(first.event_id, second.event_id, round(score, 3), reasons)
