"""Mapping a curated event to a row in ACLED's CSV column layout.

Actor types use ACLED's classic numeric "inter" codes (1 state forces,
2 rebel groups, 3 political militias, 4 identity militias, 7 civilians,
8 external/other forces); `interaction` joins the two codes, smaller first.
Columns hadath cannot know (admin2, admin3, source_scale, tags) stay blank.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

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
        "inter1",
        "inter2",
        "interaction",
        "iso",
        "latitude",
        "longitude",
        "geo_precision",
        "fatalities",
        "timestamp",
    }
)
"""Columns that hold numbers; every other column holds text."""

TEXT_COLUMN_INDEXES = tuple(
    index for index, name in enumerate(ACLED_COLUMNS) if name not in NUMERIC_COLUMNS
)
"""Positions of the text columns in ACLED_COLUMNS."""

INTER_CODES: dict[str, int] = {
    "us": 8,
    "coalition": 8,
    "israel": 8,
    "russia": 8,
    "turkey": 8,
    "irgc": 8,
    "syrian_gov": 1,
    "iraqi_gov": 1,
    "iran_backed": 3,
    "hezbollah": 3,
    "unknown": 3,
    "sdf": 2,
    "isis": 2,
    "houthi": 2,
    "hts": 2,
    "syrian_opposition": 2,
    "tribal": 4,
    "civilians": 7,
}

# country -> (ISO 3166-1 numeric, ACLED region)
COUNTRIES: dict[str, tuple[int, str]] = {
    "Syria": (760, "Middle East"),
    "Iraq": (368, "Middle East"),
    "Lebanon": (422, "Middle East"),
    "Yemen": (887, "Middle East"),
    "Israel": (376, "Middle East"),
    "Palestine": (275, "Middle East"),
    "Jordan": (400, "Middle East"),
    "Turkey": (792, "Middle East"),
    "Iran": (364, "Middle East"),
    "Saudi Arabia": (682, "Middle East"),
    "Kuwait": (414, "Middle East"),
    "Bahrain": (48, "Middle East"),
    "Qatar": (634, "Middle East"),
    "United Arab Emirates": (784, "Middle East"),
    "Oman": (512, "Middle East"),
    "Egypt": (818, "Northern Africa"),
    "Libya": (434, "Northern Africa"),
    "Sudan": (729, "Northern Africa"),
}

_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """Return ACLED's disorder type for an event and sub-event type."""
    if sub_event_type in ("Excessive force against protesters", "Mob violence"):
        return "Political violence; Demonstrations"
    return _DISORDER.get(event_type, "")


def _actor_name(actor: dict[str, Any] | None) -> str:
    if not actor:
        return ""
    return str(actor["name"] or actor["text"] or "")


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


def acled_row(curated: dict[str, Any]) -> dict[str, Any]:
    """Turn one exported curated record (see db.curated) into ACLED's columns, by name."""
    return dict(zip(ACLED_COLUMNS, acled_values(curated), strict=True))


def acled_values(curated: dict[str, Any]) -> list[Any]:
    """Turn one exported curated record into the values of ACLED's columns, in order.

    Written for speed (export calls it a million times): members are read
    with indexing, as every curated record carries them all.
    """
    actor1, actor2 = curated["actor1"], curated["actor2"]
    place = curated["location"] or _NO_PLACE
    inter1 = INTER_CODES.get(actor1["key"] or "") if actor1 else None
    inter2 = INTER_CODES.get(actor2["key"] or "") if actor2 else None
    if inter1 and inter2:
        interaction: Any = int(f"{min(inter1, inter2)}{max(inter1, inter2)}")
    elif inter1 or inter2:
        interaction = (inter1 or inter2 or 0) * 10
    else:
        interaction = ""
    country = place["country"]
    iso, region = COUNTRIES.get(country or "", (None, None))
    date = curated["date"]
    lat, lon = place["lat"], place["lon"]
    fatalities = curated["fatalities"]
    source = (curated["article"] or {}).get("source")
    return [
        curated["event_id"],
        date or "",
        date[:4] if date else "",
        1 if date else "",
        disorder_type(curated["event_type"], curated["sub_event_type"]),
        curated["event_type"],
        curated["sub_event_type"],
        _actor_name(actor1),
        "",
        "" if inter1 is None else inter1,
        _actor_name(actor2),
        "",
        "" if inter2 is None else inter2,
        interaction,
        "Civilian targeting" if actor2 and actor2["key"] == "civilians" else "",
        "" if iso is None else iso,
        region or "",
        country or "",
        place["admin1"] or "",
        "",
        "",
        place["name"] or place["text"] or "",
        "" if lat is None else lat,
        "" if lon is None else lon,
        1 if lat is not None and lon is not None else "",
        source or "",
        "",
        " ".join((curated["evidence_text"] or "").split()),
        "" if fatalities is None else fatalities,
        "",
        _epoch(curated["decided_at"]),
    ]


_NO_PLACE: dict[str, Any] = dict.fromkeys(
    ("text", "name", "admin1", "admin2", "country", "lat", "lon", "level", "qualifier")
)
