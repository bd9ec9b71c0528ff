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
    return str(actor.get("name") or actor.get("text") or "")


def _inter(actor: dict[str, Any] | None) -> int | None:
    return INTER_CODES.get(actor.get("key") or "") if actor else None


def _blank(value: Any) -> Any:
    return "" if value is None else value


def _epoch(timestamp: str) -> int:
    return int(dt.datetime.fromisoformat(timestamp.replace("Z", "+00:00")).timestamp())


def acled_row(curated: dict[str, Any]) -> dict[str, Any]:
    """Turn one exported curated record (see db.export) into ACLED's columns, by name."""
    return dict(zip(ACLED_COLUMNS, acled_values(curated), strict=True))


def acled_values(curated: dict[str, Any]) -> list[Any]:
    """Turn one exported curated record into the values of ACLED's columns, in order."""
    actor1, actor2 = curated.get("actor1"), curated.get("actor2")
    place = curated.get("location") or {}
    inter1, inter2 = _inter(actor1), _inter(actor2)
    if inter1 and inter2:
        interaction: Any = int(f"{min(inter1, inter2)}{max(inter1, inter2)}")
    elif inter1 or inter2:
        interaction = (inter1 or inter2 or 0) * 10
    else:
        interaction = ""
    country = place.get("country")
    iso, region = COUNTRIES.get(country or "", (None, None))
    date = curated.get("date")
    has_point = place.get("lat") is not None and place.get("lon") is not None
    targets_civilians = (actor2 or {}).get("key") == "civilians"
    return [
        curated["event_id"],
        _blank(date),
        date[:4] if date else "",
        1 if date else "",
        disorder_type(curated["event_type"], curated["sub_event_type"]),
        curated["event_type"],
        curated["sub_event_type"],
        _actor_name(actor1),
        "",
        _blank(inter1),
        _actor_name(actor2),
        "",
        _blank(inter2),
        interaction,
        "Civilian targeting" if targets_civilians else "",
        _blank(iso),
        _blank(region),
        _blank(country),
        _blank(place.get("admin1")),
        "",
        "",
        place.get("name") or place.get("text") or "",
        _blank(place.get("lat")),
        _blank(place.get("lon")),
        1 if has_point else "",
        _blank((curated.get("article") or {}).get("source")),
        "",
        " ".join((curated.get("evidence_text") or "").split()),
        _blank(curated.get("fatalities")),
        "",
        _epoch(curated["decided_at"]),
    ]
