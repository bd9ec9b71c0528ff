"""Mapping a curated event to a row in ACLED's CSV column layout, by ACLED's current codebook.

The tables are in db.acled_codebook. Per record: inter1/inter2 are the actors'
types as text (numbers with `AcledStyle.numeric_inter`), a state's forces
abroad being External/Other forces; interaction comes from the codebook's
table; civilian_targeting is "Civilians targeted" where civilians are the
main or only target (never on Battles); geo_precision follows the place's
level and "near"; time_precision is the date's; fatalities are 0 when
unknown and ACLED's figure for a vague count; event_id_cnty is the country's
ISO alpha-3 code and a number derived from the event id (stable across
exports and merges). Columns hadath cannot know (admin3, tags) stay blank.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from db.acled_codebook import (
    ACTOR_TYPES,
    CIVILIANS_TARGETED,
    COUNTRIES,
    DISORDER_TYPES,
    EXTERNAL_FORCES,
    GENERIC_ACTORS,
    GEO_PRECISION,
    HOME_STATES,
    INTER_LABELS,
    INTERACTIONS,
    NO_COUNTRY,
    SOURCE_SCALES,
    STATE_FORCES,
    SUB_EVENT_DISORDER,
    TARGETING_EVENT_TYPES,
    VAGUE_FATALITIES,
)
from extract.vocabulary import SUB_EVENT_TYPES

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

NUMERIC_COLUMNS = frozenset(
    {
        "year",
        "time_precision",
        "iso",
        "latitude",
        "longitude",
        "geo_precision",
        "fatalities",
        "timestamp",
    }
)
"""Columns that hold numbers (inter1, inter2 and interaction too with numeric codes)."""

INTER_COLUMNS = frozenset({"inter1", "inter2", "interaction"})
"""Columns of ACLED's own values (text, or numbers with numeric codes)."""

TEXT_COLUMN_INDEXES = tuple(
    index
    for index, name in enumerate(ACLED_COLUMNS)
    if name not in NUMERIC_COLUMNS and name not in INTER_COLUMNS
)
"""Positions of the columns that may hold text from articles or reviewers (the formula
guard's columns, db.cells)."""

ID_DIGITS = 15
"""Hex digits of an id's SHA-256 that make event_id_cnty's number for an id hadath did not
make (60 bits: two of a million events share one with a chance of 4 in 10 million)."""


@dataclass(frozen=True)
class AcledStyle:
    """How the CSV writes what the codebook lets a user choose: numeric inter codes (the
    classic numbers, as ACLED's API gives them with inter_num=1), and each source's
    source_scale (db.source_scales)."""

    numeric_inter: bool = False
    source_scales: dict[str, str] = field(default_factory=dict)


TEXT_STYLE = AcledStyle()


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """Return ACLED's disorder type for an event and sub-event type."""
    return SUB_EVENT_DISORDER.get(sub_event_type) or DISORDER_TYPES.get(event_type, "")


_DISORDER_OF: dict[str, str] = {
    sub: disorder_type(event_type, sub) for sub, event_type in SUB_EVENT_TYPES.items()
}


def inter_code(actor: dict[str, Any] | None, country: str | None) -> int | None:
    """The actor's numeric inter code in an event in `country` (None: no actor, or a key
    with no type). A state's forces outside their home state are External/Other forces;
    where the country is unknown, only forces of a state outside the region (the US,
    Russia) are taken to be abroad."""
    if not actor:
        return None
    key = actor["key"] or ""
    code = ACTOR_TYPES.get(key)
    if code != STATE_FORCES:
        return code
    home = HOME_STATES.get(key, frozenset())
    abroad = country not in home if country else not home & COUNTRIES.keys()
    return EXTERNAL_FORCES if abroad else STATE_FORCES


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """The joined interaction code: lower code first; one actor type alone times ten."""
    if inter1 and inter2:
        return min(inter1, inter2) * 10 + max(inter1, inter2)
    if inter1 or inter2:
        return (inter1 or inter2 or 0) * 10
    return None


def actor_name(actor: dict[str, Any] | None, country: str | None) -> str:
    """The actor's name in the CSV: ACLED's generic name with the country for civilians
    and unidentified armed groups ("Civilians (Syria)"), else hadath's name."""
    if not actor:
        return ""
    generic = GENERIC_ACTORS.get(actor["key"] or "")
    if generic:
        return f"{generic} ({country})" if country else generic
    return str(actor["name"] or actor["text"] or "")


def civilian_targeting(curated: dict[str, Any]) -> str:
    """ "Civilians targeted" when civilians are the event's main or only target: every
    violence against civilians, and explosions, riots and excessive force whose target
    (actor2) is civilians; blank otherwise, and always on Battles."""
    event_type = curated["event_type"]
    if event_type == "Violence against civilians":
        return CIVILIANS_TARGETED
    target = curated["actor2"]
    if not target or target["key"] != "civilians":
        return ""
    if (
        event_type in TARGETING_EVENT_TYPES
        or curated["sub_event_type"] == "Excessive force against protesters"
    ):
        return CIVILIANS_TARGETED
    return ""


def geo_precision(place: dict[str, Any]) -> int | str:
    """1 a named town, village, neighbourhood or site; 2 near one, or a district; 3 a
    governorate, region, water or country (blank without coordinates). A place without
    a level (from an earlier hadath or another extractor) counts as named."""
    if place["lat"] is None or place["lon"] is None:
        return ""
    precision = GEO_PRECISION.get(place.get("level") or "", 1)
    if place.get("qualifier") == "near":
        precision = max(precision, 2)
    return precision


def acled_fatalities(curated: dict[str, Any]) -> int:
    """The reported dead as ACLED records them: the figure, ACLED's figure for a vague
    count (several 3, many 10, dozens 12, hundreds 100), else 0."""
    fatalities = curated["fatalities"]
    if fatalities is not None:
        return int(fatalities)
    return VAGUE_FATALITIES.get(curated.get("fatalities_vague") or "", 0)


_HADATH_ID = re.compile("[mh][0-9a-f]{16}")
"""hadath's own event ids: m (machine) or h (human) and 16 hex digits of a hash or a token."""


def event_number(event_id: str) -> int:
    """event_id_cnty's number: stable for an event id wherever and whenever it is exported.

    One of hadath's own ids gives its 64-bit number (doubled, plus one for an event a
    reviewer added), so that two ids never share one; any other id the first 60 bits of
    its SHA-256.
    """
    if _HADATH_ID.fullmatch(event_id):
        return int(event_id[1:], 16) * 2 + (event_id[0] == "h")
    return int(hashlib.sha256(event_id.encode()).hexdigest()[:ID_DIGITS], 16)


def event_id_cnty(event_id: str, country: str | None) -> str:
    """ACLED's event id: the country's ISO alpha-3 code and the event's number."""
    prefix = COUNTRIES[country][0] if country in COUNTRIES else NO_COUNTRY
    return f"{prefix}{event_number(event_id)}"


def source_scale(source: str | None, scales: dict[str, str]) -> str:
    """The source_scale of an event's sources ("; "-separated) from each one's scale:
    one scale as it is, several as ACLED combines two ("National-International"): the
    most local and the most distant, in ACLED's order. Blank when none is known."""
    if not source or not scales:
        return ""
    if source in scales:  # a source named with several agencies, given one scale
        return scales[source]
    found = {scales[name.strip()] for name in source.split(";") if name.strip() in scales}
    ordered = [scale for scale in SOURCE_SCALES if scale in found]
    if len(ordered) > 2:
        ordered = [ordered[0], ordered[-1]]
    return "-".join(ordered)


def inter_cell(code: int | None, style: AcledStyle) -> Any:
    """An inter1 or inter2 cell: the text label, or the number with numeric codes."""
    if code is None:
        return ""
    return code if style.numeric_inter else INTER_LABELS[code]


def interaction_cell(code: int | None, style: AcledStyle) -> Any:
    """The interaction cell: the table's text, or the number with numeric codes."""
    if code is None:
        return ""
    return code if style.numeric_inter else INTERACTIONS.get(code, "")


def _assoc(actors: list[dict[str, Any]] | None, country: str | None) -> str:
    return "; ".join(name for actor in actors or () if (name := actor_name(actor, country)))


_EPOCHS: dict[str, int] = {}


def _epoch(timestamp: str) -> int:
    """Unix seconds of an ISO timestamp (decisions made together share one)."""
    seconds = _EPOCHS.get(timestamp)
    if seconds is None:
        if len(_EPOCHS) > 4096:
            _EPOCHS.clear()
        moment = dt.datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
        seconds = _EPOCHS[timestamp] = int(moment.timestamp())
    return seconds


def acled_row(curated: dict[str, Any], style: AcledStyle = TEXT_STYLE) -> dict[str, Any]:
    """Turn one exported curated record (see db.curated) into ACLED's columns, by name."""
    return dict(zip(ACLED_COLUMNS, acled_values(curated, style), strict=True))


def acled_values(curated: dict[str, Any], style: AcledStyle = TEXT_STYLE) -> list[Any]:
    """Turn one exported curated record into the values of ACLED's columns, in order.

    Written for speed (export calls it a million times): members are read
    with indexing, as every curated record carries them all.
    """
    actor1, actor2 = curated["actor1"], curated["actor2"]
    place = curated["location"] or _NO_PLACE
    country = place["country"]
    inter1, inter2 = inter_code(actor1, country), inter_code(actor2, country)
    _alpha3, iso, region = COUNTRIES.get(country or "", ("", "", ""))
    date = curated["date"]
    lat, lon = place["lat"], place["lon"]
    source = (curated["article"] or {}).get("source")
    return [
        event_id_cnty(curated["event_id"], country),
        date or "",
        date[:4] if date else "",
        (curated.get("date_precision") or 1) if date else "",
        _DISORDER_OF.get(curated["sub_event_type"])
        or disorder_type(curated["event_type"], curated["sub_event_type"]),
        curated["event_type"],
        curated["sub_event_type"],
        actor_name(actor1, country),
        _assoc(assoc1, country) if (assoc1 := curated.get("assoc_actors1")) else "",
        inter_cell(inter1, style),
        actor_name(actor2, country),
        _assoc(assoc2, country) if (assoc2 := curated.get("assoc_actors2")) else "",
        inter_cell(inter2, style),
        interaction_cell(interaction_code(inter1, inter2), style),
        civilian_targeting(curated),
        iso,
        region,
        country or "",
        place["admin1"] or "",
        place.get("admin2") or "",
        "",
        place["name"] or place["text"] or "",
        "" if lat is None else lat,
        "" if lon is None else lon,
        geo_precision(place),
        source or "",
        source_scale(source, style.source_scales),
        " ".join((curated["evidence_text"] or "").split()),
        acled_fatalities(curated),
        "",
        _epoch(curated["decided_at"]),
    ]


_NO_PLACE: dict[str, Any] = dict.fromkeys(
    ("text", "name", "admin1", "admin2", "country", "lat", "lon", "level", "qualifier")
)
