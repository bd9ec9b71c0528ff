"""One incident from its reports: which member event gives each field, and why.

An incident is a group of one annotator's curated events joined by links
(db.incidents). Its record is built from the members' curated records:

- **place**: the most specific one (site, neighbourhood, village, town,
  city, district, governorate, region, water, country; "near" a place is
  less specific than the place; a place without coordinates least);
- **date**: the earliest exact date (precision 1), else the earliest of the
  most precise dates; the incident's **days** are that one day, unless one
  article reports the incident on several exact days: then every exact day
  its articles report is a day of the incident (ACLED records one event per
  day);
- **sub-event type**: the one highest in ACLED's order (Battles first);
- **fatalities**: the figure a reviewer set for the incident, else the
  lowest figure an article reports (an article's members' figures added up,
  for an article that reports the incident in parts); without any figure
  the lowest vague count; ACLED's rows split the total over the days, the
  first days taking one more where it does not divide evenly;
- **source**: every member article's source, else its url, else its id,
  joined by "; " in order of publication (then article id);
- **actors** and **notes**: from the most specific report: the one naming
  most actors, then with an exact date, a figure, the most specific place.

Ties go to the smaller event id, so the result never depends on the order
the members came in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from db.acled import AcledStyle, acled_values
from db.acled_codebook import VAGUE_FATALITIES
from db.incident_rules import SUB_EVENT_ORDER
from extract.vocabulary import SUB_EVENT_TYPES

PLACE_LEVELS: Final[dict[str | None, int]] = {
    "site": 0,
    "neighbourhood": 1,
    "village": 2,
    "town": 3,
    "city": 4,
    "district": 5,
    "governorate": 6,
    "region": 7,
    "water": 8,
    "country": 9,
}
_NO_LEVEL: Final = 4.5
"""A place with coordinates but no level ranks with a city: specific, not the most."""


def place_rank(record: dict[str, Any]) -> float:
    """How specific an event's place is: smaller is more specific."""
    place = record["location"]
    if not place:
        return 20.0
    if place.get("lat") is None or place.get("lon") is None:
        return 15.0
    rank = float(PLACE_LEVELS.get(place.get("level"), _NO_LEVEL))
    return rank + (0.5 if place.get("qualifier") == "near" else 0.0)


def _known(actor: dict[str, Any] | None) -> bool:
    return bool(actor and actor.get("key") and actor["key"] != "unknown")


def report_rank(record: dict[str, Any]) -> tuple[Any, ...]:
    """How specific a report is, smaller first: most actors named, an exact date, a figure,
    the most specific place, then the event id."""
    actors = _known(record["actor1"]) + _known(record["actor2"])
    associated = len(record.get("assoc_actors1") or ()) + len(record.get("assoc_actors2") or ())
    exact = record["date"] is not None and (record.get("date_precision") or 1) == 1
    return (
        -actors,
        -associated,
        not exact,
        record["fatalities"] is None,
        place_rank(record),
        record["event_id"],
    )


def _date_rank(record: dict[str, Any]) -> tuple[Any, ...]:
    precision = record.get("date_precision") or 1
    return (record["date"] is None, precision, record["date"] or "", record["event_id"])


def incident_days(members: Sequence[dict[str, Any]], date: str | None) -> list[str]:
    """The incident's days: several when one article reports it on several exact days."""
    exact: dict[str, set[str]] = {}
    for record in members:
        if record["date"] and (record.get("date_precision") or 1) == 1:
            exact.setdefault(record["article_id"], set()).add(record["date"])
    if any(len(dates) > 1 for dates in exact.values()):
        return sorted(set().union(*exact.values()))
    return [date] if date else []


def incident_fatalities(
    members: Sequence[dict[str, Any]], figure: tuple[int, str, str] | None
) -> tuple[int | None, str | None, str]:
    """(fatalities, vague word, the rule that chose them) for an incident."""
    if figure is not None:
        return figure[0], None, f"set by the reviewer on event {figure[2]}"
    totals: dict[str, int] = {}
    for record in members:
        if record["fatalities"] is not None:
            article = record["article_id"]
            totals[article] = totals.get(article, 0) + int(record["fatalities"])
    if totals:
        article = min(totals, key=lambda name: (totals[name], name))
        return totals[article], None, f"lowest figure reported (article {article})"
    vague = [record["fatalities_vague"] for record in members if record.get("fatalities_vague")]
    if vague:
        word = min(vague, key=lambda name: (VAGUE_FATALITIES.get(name, 0), name))
        return None, word, "lowest vague count reported"
    return None, None, "no report gives a figure"


def split_over_days(total: int, days: int) -> list[int]:
    """A total spread over days as ACLED does: evenly, the first days one more."""
    if days <= 1:
        return [total]
    base, extra = divmod(total, days)
    return [base + (1 if index < extra else 0) for index in range(days)]


def citation(record: dict[str, Any]) -> str:
    """How an incident's source column cites a member's article: its source, else its url,
    else its id ("article 7fb0b7efe379acfe")."""
    article = record["article"]
    return str(article.get("source") or article.get("url") or f"article {record['article_id']}")


def merge_incident(
    members: Sequence[dict[str, Any]],
    links: Sequence[tuple[str, str, str]] = (),
    figure: tuple[int, str, str] | None = None,
) -> dict[str, Any]:
    """The incident record of curated records `members` (db.curated), joined by `links`
    (event_a, event_b, how), with the reviewer's `figure` (fatalities, when, event) if any."""
    ordered = sorted(members, key=lambda record: record["event_id"])
    place_from = min(ordered, key=lambda record: (place_rank(record), record["event_id"]))
    date_from = min(ordered, key=_date_rank)
    type_from = min(
        ordered, key=lambda record: (SUB_EVENT_ORDER[record["sub_event_type"]], record["event_id"])
    )
    report = min(ordered, key=report_rank)
    fatalities, vague, fatalities_rule = incident_fatalities(ordered, figure)
    injured = [record["injured"] for record in ordered if record["injured"] is not None]
    days = incident_days(ordered, date_from["date"])
    by_article = sorted(
        ordered, key=lambda record: (record["article"].get("published") or "", record["article_id"])
    )
    sources = list(dict.fromkeys(citation(record) for record in by_article))
    sub_event_type = type_from["sub_event_type"]
    return {
        "incident_id": ordered[0]["event_id"],
        "event_type": SUB_EVENT_TYPES[sub_event_type],
        "sub_event_type": sub_event_type,
        "actor1": report["actor1"],
        "actor2": report["actor2"],
        "assoc_actors1": report.get("assoc_actors1") or [],
        "assoc_actors2": report.get("assoc_actors2") or [],
        "location": place_from["location"],
        "date": date_from["date"],
        "date_text": date_from["date_text"],
        "date_precision": date_from.get("date_precision"),
        "days": days,
        "fatalities": fatalities,
        "fatalities_vague": vague,
        "injured": min(injured) if injured else None,
        "sources": sources,
        "notes": " ".join((report["evidence_text"] or "").split()),
        "annotator": ordered[0]["annotator"],
        "decided_at": max(record["decided_at"] for record in ordered),
        "members": [
            {
                "event_id": record["event_id"],
                "article_id": record["article_id"],
                "article": record["article"],
                "decision": record["decision"],
                "sub_event_type": record["sub_event_type"],
                "date": record["date"],
                "location": (record["location"] or {}).get("name"),
                "fatalities": record["fatalities"],
                "evidence_text": record["evidence_text"],
            }
            for record in ordered
        ],
        "links": [{"event_a": a, "event_b": b, "how": how} for a, b, how in sorted(links)],
        "rules": {
            "location": f"most specific place (event {place_from['event_id']})",
            "date": f"earliest exact date (event {date_from['event_id']})"
            if date_from["date"] and (date_from.get("date_precision") or 1) == 1
            else f"earliest of the most precise dates (event {date_from['event_id']})",
            "days": "days one article reports" if len(days) > 1 else "one day",
            "sub_event_type": f"highest in ACLED's order (event {type_from['event_id']})",
            "fatalities": fatalities_rule,
            "actors": f"most specific report (event {report['event_id']})",
            "notes": f"most specific report (event {report['event_id']})",
            "source": "each member article's source (else its url, else its id), joined by '; '",
        },
    }


def incident_rows(incident: dict[str, Any], style: AcledStyle) -> list[list[Any]]:
    """The incident's ACLED rows: one per day, fatalities split over the days."""
    days = incident["days"] or [None]
    total = incident["fatalities"]
    shares = split_over_days(total, len(days)) if total is not None else [None] * len(days)
    rows = []
    for index, (day, share) in enumerate(zip(days, shares, strict=True)):
        record = {
            **incident,
            "event_id": incident["incident_id"]
            if index == 0
            else f"{incident['incident_id']}/{day}",
            "date": day if day is not None else incident["date"],
            "date_precision": 1 if len(days) > 1 else incident["date_precision"],
            "fatalities": share,
            "fatalities_vague": incident["fatalities_vague"] if index == 0 else None,
            "article": {"source": "; ".join(incident["sources"])},
            "evidence_text": incident["notes"],
        }
        rows.append(acled_values(record, style))
    return rows
