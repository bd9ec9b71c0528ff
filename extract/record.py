"""The event record: one conflict event, its members, and strict parsing.

This module is the one definition of the event's fields. The record's
members (the dataclasses below, serialised by `Event.to_dict`) are also laid
out flat, one value per column, by `FLAT_FIELDS`: the events table, the rows
read back into records and the JSON that export builds all derive from it
(db.event_columns), and tests check that nothing drifts.

The record is shared by everything that produces events (the built-in
extractor, other extractors' JSONL, a reviewer's form) and the store. Parsing
is written by hand rather than with a schema library because the checks are
cross-field (the event type is implied by the sub-event type, offsets must lie
inside the article text) and every failure must read as one sentence naming
the field and the value at fault.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from extract.vocabulary import ACTORS, SUB_EVENT_TYPES

ORIGINS = ("machine", "human")

LocationLevel = Literal[
    "site",
    "neighbourhood",
    "village",
    "town",
    "city",
    "district",
    "governorate",
    "region",
    "water",
    "country",
]
"""How large the place is that a location names."""
LEVELS: tuple[str, ...] = get_args(LocationLevel)

Qualifier = Literal["near"]
"""How the text places the event relative to the place: "near" (outskirts, countryside of)."""
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)

VagueCount = Literal["few", "several", "many", "dozens", "hundreds"]
"""What the text says of the dead when it gives no number."""
VAGUE_COUNTS: tuple[str, ...] = get_args(VagueCount)

DATE_PRECISIONS = (1, 2, 3)
"""ACLED's time precision: 1 the day is known, 2 the week, 3 the month."""


class RecordError(ValueError):
    """A record that does not follow the event record contract."""


@dataclass(frozen=True)
class Actor:
    """Who acted or was acted on: the words in the text and the lexicon's key and name."""

    text: str | None = None
    key: str | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the actor as a JSON object."""
        return {"text": self.text, "key": self.key, "name": self.name}


@dataclass(frozen=True)
class Location:
    """Where the event happened: the words in the text and the gazetteer's entry."""

    text: str | None = None
    name: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin2: str | None = field(default=None, kw_only=True)
    level: LocationLevel | None = field(default=None, kw_only=True)
    qualifier: Qualifier | None = field(default=None, kw_only=True)

    def to_dict(self) -> dict[str, Any]:
        """Return the location as a JSON object, members in the record's order."""
        return {
            "text": self.text,
            "name": self.name,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "level": self.level,
            "qualifier": self.qualifier,
        }


@dataclass(frozen=True)
class Span:
    """A half-open range of code-point offsets [start, end) into an article's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """One event as an extractor or a reviewer states it (ids are assigned by the store)."""

    sub_event_type: str
    evidence: Span
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Location | None = None
    date: str | None = None
    date_text: str | None = None
    fatalities: int | None = None
    injured: int | None = None
    confidence: float | None = None
    origin: str = "machine"
    extractor: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    date_precision: int | None = field(default=None, kw_only=True)
    fatalities_vague: VagueCount | None = field(default=None, kw_only=True)
    assoc_actors1: tuple[Actor, ...] = field(default=(), kw_only=True)
    assoc_actors2: tuple[Actor, ...] = field(default=(), kw_only=True)

    @property
    def event_type(self) -> str:
        """The ACLED event type implied by the sub-event type."""
        return SUB_EVENT_TYPES[self.sub_event_type]

    def to_dict(self) -> dict[str, Any]:
        """Return the record as its JSON object (docs/contract.md), without the store's ids."""
        return {
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "location": self.location.to_dict() if self.location else None,
            "date": self.date,
            "date_text": self.date_text,
            "date_precision": self.date_precision,
            "fatalities": self.fatalities,
            "fatalities_vague": self.fatalities_vague,
            "injured": self.injured,
            "assoc_actors1": [actor.to_dict() for actor in self.assoc_actors1],
            "assoc_actors2": [actor.to_dict() for actor in self.assoc_actors2],
            "evidence": {"start": self.evidence.start, "end": self.evidence.end},
            "confidence": self.confidence,
            "origin": self.origin,
            "extractor": self.extractor,
        }

    def identity(self) -> dict[str, Any]:
        """The record as it identifies a machine event: `to_dict` less unset later members.

        Members added to the record after its first version are left out
        while they are null or empty, so an event stored by an earlier hadath
        keeps its id.
        """
        record = self.to_dict()
        for key in LATER_MEMBERS:
            if record[key] in (None, []):
                del record[key]
        if record["location"] is not None:
            for key in LATER_LOCATION_MEMBERS:
                if record["location"][key] is None:
                    del record["location"][key]
        return record


RECORD_MEMBERS: tuple[str, ...] = tuple(
    Event(sub_event_type="Armed clash", evidence=Span(0, 1)).to_dict()
)
"""The members of an event record, in the record's order (without the store's ids)."""
LOCATION_MEMBERS: tuple[str, ...] = tuple(Location().to_dict())
ACTOR_MEMBERS: tuple[str, ...] = tuple(Actor().to_dict())
LATER_MEMBERS = ("date_precision", "fatalities_vague", "assoc_actors1", "assoc_actors2")
"""Record members added after its first version: optional on import."""
LATER_LOCATION_MEMBERS = ("admin2", "level", "qualifier")
"""Location members added after the record's first version: optional on import."""

# Keys a record may carry; "event_id" and "article_id" are the store's and are
# accepted (and returned in `Event.extra`) only where the caller allows them.
RECORD_KEYS = frozenset(RECORD_MEMBERS)
ID_KEYS = frozenset({"event_id", "article_id"})
_ACTOR_KEYS = frozenset(ACTOR_MEMBERS)
_LOCATION_KEYS = frozenset(LOCATION_MEMBERS)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _optional_str(value: Any, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise RecordError(f"{where} must be a string or null, not {_show(value)}")


MAX_COUNT = 10_000_000  # more than any one incident; keeps counts inside SQLite's integers


def _count(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RecordError(f"{where} must be a whole number >= 0 or null, not {_show(value)}")
    if value > MAX_COUNT:
        raise RecordError(f"{where} must be at most {MAX_COUNT:,}, not {_show(value)}")
    return value


def _number(value: Any, where: str, low: float, high: float) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise RecordError(f"{where} must be a number or null, not {_show(value)}")
    if not low <= value <= high:
        raise RecordError(f"{where} must lie between {low:g} and {high:g}, not {_show(value)}")
    return float(value)


def _object(value: Any, where: str, allowed: frozenset[str]) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise RecordError(f"{where} must be an object or null, not {_show(value)}")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise RecordError(f"{where} has unknown key {unknown[0]!r}")
    return value


def parse_actor(value: Any, where: str) -> Actor | None:
    """Parse an actor object (or null); the key must be one of the actor keys."""
    data = _object(value, where, _ACTOR_KEYS)
    if data is None:
        return None
    key = _optional_str(data.get("key"), f"{where}.key")
    if key is not None and key not in ACTORS:
        raise RecordError(f"{where}.key {key!r} is not a known actor key")
    return Actor(
        text=_optional_str(data.get("text"), f"{where}.text"),
        key=key,
        name=_optional_str(data.get("name"), f"{where}.name"),
    )


def parse_location(value: Any, where: str = "location") -> Location | None:
    """Parse a location object (or null), checking coordinates are in range."""
    data = _object(value, where, _LOCATION_KEYS)
    if data is None:
        return None
    return Location(
        text=_optional_str(data.get("text"), f"{where}.text"),
        name=_optional_str(data.get("name"), f"{where}.name"),
        admin1=_optional_str(data.get("admin1"), f"{where}.admin1"),
        admin2=_optional_str(data.get("admin2"), f"{where}.admin2"),
        country=_optional_str(data.get("country"), f"{where}.country"),
        lat=_number(data.get("lat"), f"{where}.lat", -90, 90),
        lon=_number(data.get("lon"), f"{where}.lon", -180, 180),
        level=_choice(data.get("level"), f"{where}.level", LEVELS),
        qualifier=_choice(data.get("qualifier"), f"{where}.qualifier", QUALIFIERS),
    )


def _choice(value: Any, where: str, allowed: tuple[Any, ...]) -> Any:
    """`value` if it is null or one of `allowed`; else RecordError listing them."""
    if value is None or (value in allowed and not isinstance(value, bool)):
        return value
    shown = ", ".join(str(choice) for choice in allowed)
    raise RecordError(f"{where} must be one of {shown} or null, not {_show(value)}")


def parse_actors(value: Any, where: str) -> tuple[Actor, ...]:
    """Parse a list of further actors (absent or null: none); no entry may be null."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise RecordError(f"{where} must be a list of actors, not {_show(value)}")
    actors = []
    for index, item in enumerate(value):
        actor = parse_actor(item, f"{where}[{index}]")
        if actor is None:
            raise RecordError(f"{where}[{index}] must be an actor object, not null")
        actors.append(actor)
    return tuple(actors)


def parse_date(value: Any, where: str = "date") -> str | None:
    """Parse an ISO calendar date (YYYY-MM-DD) or null."""
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise RecordError(f"{where} must be an ISO date like 2023-10-27 or null, not {_show(value)}")


def parse_span(value: Any, text_length: int | None, where: str = "evidence") -> Span:
    """Parse an evidence span; with `text_length`, it must lie inside the text."""
    data = _object(value, where, frozenset({"start", "end"}))
    if data is None:
        raise RecordError(f"{where} is required")
    start, end = data.get("start"), data.get("end")
    for name, number in (("start", start), ("end", end)):
        if isinstance(number, bool) or not isinstance(number, int) or number < 0:
            raise RecordError(f"{where}.{name} must be a whole number >= 0, not {_show(number)}")
    assert isinstance(start, int) and isinstance(end, int)
    if start >= end:
        raise RecordError(f"{where} is empty or reversed (start {start}, end {end})")
    if text_length is not None and end > text_length:
        raise RecordError(f"{where}.end {end} lies past the end of the article ({text_length})")
    return Span(start, end)


def parse_event(
    data: Any,
    *,
    text_length: int | None = None,
    allow_ids: bool = False,
    origin: str | None = None,
) -> Event:
    """Parse and validate one event record; raise RecordError naming the field at fault.

    `text_length` bounds the evidence offsets. `allow_ids` admits event_id and
    article_id (returned in `Event.extra`). `origin`, if given, is the only
    origin accepted and the one assumed when the record omits it.
    """
    if not isinstance(data, dict):
        raise RecordError(f"an event record must be a JSON object, not {_show(data)}")
    allowed = RECORD_KEYS | ID_KEYS if allow_ids else RECORD_KEYS
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise RecordError(f"unknown key {unknown[0]!r}")
    sub = data.get("sub_event_type")
    if not isinstance(sub, str) or sub not in SUB_EVENT_TYPES:
        raise RecordError(f"sub_event_type {_show(sub)} is not an ACLED sub-event type")
    implied = SUB_EVENT_TYPES[sub]
    given_type = data.get("event_type", implied)
    if given_type != implied:
        raise RecordError(f"event_type {_show(given_type)} does not match {sub!r} ({implied!r})")
    record_origin = data.get("origin", origin or "machine")
    if record_origin not in ORIGINS or (origin is not None and record_origin != origin):
        expected = origin or " or ".join(ORIGINS)
        raise RecordError(f"origin must be {expected}, not {_show(record_origin)}")
    extractor = _optional_str(data.get("extractor"), "extractor")
    extra: dict[str, Any] = {}
    for key in ID_KEYS & set(data):
        value = data[key]
        if not isinstance(value, str) or not value.strip():
            raise RecordError(f"{key} must be a non-empty string, not {_show(value)}")
        extra[key] = value
    return Event(
        sub_event_type=sub,
        evidence=parse_span(data.get("evidence"), text_length),
        actor1=parse_actor(data.get("actor1"), "actor1"),
        actor2=parse_actor(data.get("actor2"), "actor2"),
        location=parse_location(data.get("location")),
        date=parse_date(data.get("date")),
        date_text=_optional_str(data.get("date_text"), "date_text"),
        date_precision=_choice(data.get("date_precision"), "date_precision", DATE_PRECISIONS),
        fatalities=_count(data.get("fatalities"), "fatalities"),
        fatalities_vague=_choice(data.get("fatalities_vague"), "fatalities_vague", VAGUE_COUNTS),
        injured=_count(data.get("injured"), "injured"),
        assoc_actors1=parse_actors(data.get("assoc_actors1"), "assoc_actors1"),
        assoc_actors2=parse_actors(data.get("assoc_actors2"), "assoc_actors2"),
        confidence=_number(data.get("confidence"), "confidence", 0, 1),
        origin=record_origin,
        extractor=extractor,
        extra=extra,
    )
