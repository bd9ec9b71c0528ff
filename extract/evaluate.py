"""Measuring extracted events against gold events: precision, recall, F1, field accuracy.

A predicted event matches a gold event of the same article when their
sub-event types are equal and their places agree (same place name, same
words, or coordinates within 15 km; two events without a place agree).
Each event matches at most once, in a maximum one-to-one matching (the most
pairs; among those, pairs that also agree on date and overlap in evidence).
On matched pairs, each field (attacker key, target key, fatalities, injured,
date) counts as right when equal, null included. Gold written since the
record's later members exist is also scored on them (`LATER_FIELDS`: the
place's district, level and qualifier, the date's precision, a vague count);
a district is right under any of its names ("Al-Bukamal", "Abu Kamal": see
`same_district`), as transliterations of one district differ.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from extract.gazetteer import lookup
from extract.normalize import fold_text
from extract.record import Event, Location

FIELDS = ("actor1", "actor2", "fatalities", "injured", "date")
LATER_FIELDS = ("admin2", "level", "qualifier", "date_precision", "fatalities_vague")
"""Fields of the record's later members, scored when the gold gives them (`Report.fields`)."""
LOCATION_FIELDS = frozenset({"admin2", "level", "qualifier"})
PLACE_RADIUS_KM = 15.0


def _distance_km(a: Location, b: Location) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _same_words(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    x, y = fold_text(a).replace("ال", "").split(), fold_text(b).replace("ال", "").split()
    return x == y


def place_agrees(a: Location | None, b: Location | None) -> bool:
    """Tell whether two event places are the same place."""
    if a is None or b is None:
        return a is None and b is None
    if a.name and b.name and a.name.casefold() == b.name.casefold():
        return True
    if _same_words(a.text, b.text):
        return True
    distance = _distance_km(a, b)
    return distance is not None and distance <= PLACE_RADIUS_KM


def field_value(event: Event, name: str) -> Any:
    """Return the value compared for a field: actor keys, counts, date, the place's district,
    level and qualifier, the date's precision, a vague count."""
    if name in ("actor1", "actor2"):
        actor = getattr(event, name)
        return actor.key if actor else None
    if name in LOCATION_FIELDS:
        value = getattr(event.location, name) if event.location else None
        return value.casefold() if isinstance(value, str) and name == "admin2" else value
    return getattr(event, name)


_DISTRICT_LEVELS = frozenset({"district", "city", "town"})


@lru_cache(maxsize=4096)
def _districts(name: str) -> frozenset[tuple[str | None, str | None, str]]:
    """The districts a district name may stand for: the gazetteer's districts and seats of
    that name (any of their spellings), as (country, governorate, district)."""
    return frozenset(
        (place.country, place.admin1, place.admin2.casefold())
        for place in lookup(name)
        if place.level in _DISTRICT_LEVELS and place.admin2
    )


def same_district(a: Any, b: Any) -> bool:
    """Whether two district names name one district: "Al-Bukamal" and "Abu Kamal", "Hawija"
    and "Hawiga" (the gazetteer's district, or the town it is named after, for both)."""
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    return not _districts(a).isdisjoint(_districts(b))


_MAX_PAIR_SCORE = 3.0
"""The best `_pair_score`: the same date (2) and overlapping evidence (1)."""


def _pair_score(predicted: Event, gold: Event) -> float:
    overlap = min(predicted.evidence.end, gold.evidence.end) - max(
        predicted.evidence.start, gold.evidence.start
    )
    return (2.0 if predicted.date == gold.date else 0.0) + (1.0 if overlap > 0 else 0.0)


def match_events(predicted: list[Event], gold: list[Event]) -> list[tuple[int, int]]:
    """Pair predicted with gold events of one article; return (predicted, gold) indices.

    A maximum one-to-one matching over the pairs that may match (same
    sub-event type, places that agree): as many pairs as there can be, and
    among those matchings the one whose pairs agree best on date and
    evidence (`_pair_score`). Greedy pairing could take a pair that leaves
    two other events unmatched; an assignment solver cannot.
    """
    if not predicted or not gold:
        return []
    eligible = np.zeros((len(predicted), len(gold)), dtype=bool)
    score = np.zeros((len(predicted), len(gold)))
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if p.sub_event_type == g.sub_event_type and place_agrees(p.location, g.location):
                eligible[i, j] = True
                score[i, j] = _pair_score(p, g)
    if not eligible.any():
        return []
    # One more pair always outweighs any gain in score: a pair is worth more than the
    # largest total score a matching can have.
    pair_worth = _MAX_PAIR_SCORE * min(len(predicted), len(gold)) + 1.0
    weight = np.where(eligible, pair_worth + score, 0.0)
    rows, columns = linear_sum_assignment(weight, maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, columns, strict=True) if eligible[i, j])


@dataclass
class Report:
    """Event-level and field-level figures over a set of articles."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    articles: int = 0
    fields: tuple[str, ...] = FIELDS
    """The fields scored on matched pairs."""
    field_right: dict[str, int] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Matched predictions over all predictions (1 when nothing was predicted)."""
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Matched gold events over all gold events (1 when there is no gold)."""
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def accuracy(self, name: str) -> float:
        """Share of matched pairs whose field `name` is right (1 when nothing matched)."""
        return self.field_right.get(name, 0) / self.matched if self.matched else 1.0

    def add(self, article_id: str, predicted: list[Event], gold: list[Event]) -> None:
        """Score one article's predictions against its gold events."""
        pairs = match_events(predicted, gold)
        self.articles += 1
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.matched += len(pairs)
        for i, j in pairs:
            for name in self.fields:
                want, got = field_value(gold[j], name), field_value(predicted[i], name)
                if want == got or (name == "admin2" and same_district(want, got)):
                    self.field_right[name] = self.field_right.get(name, 0) + 1
                else:
                    self.misses.append(
                        {"article_id": article_id, "field": name, "gold": want, "predicted": got}
                    )
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        for i, event in enumerate(predicted):
            if i not in matched_p:
                self.misses.append(
                    {
                        "article_id": article_id,
                        "field": "event",
                        "gold": None,
                        "predicted": _brief(event),
                    }
                )
        for j, event in enumerate(gold):
            if j not in matched_g:
                self.misses.append(
                    {
                        "article_id": article_id,
                        "field": "event",
                        "gold": _brief(event),
                        "predicted": None,
                    }
                )

    def to_dict(self) -> dict[str, Any]:
        """Return the figures as a JSON-ready dict."""
        return {
            "articles": self.articles,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "fields": {name: round(self.accuracy(name), 4) for name in self.fields},
        }

    def table(self) -> str:
        """Return the figures as a plain-text table."""
        lines = [
            f"articles {self.articles}   gold {self.gold}   predicted {self.predicted}"
            f"   matched {self.matched}",
            f"precision {self.precision:.3f}   recall {self.recall:.3f}   F1 {self.f1:.3f}",
            "",
            "field            accuracy  right/matched",
        ]
        for name in self.fields:
            right = self.field_right.get(name, 0)
            lines.append(f"{name:<16} {self.accuracy(name):>8.3f}  {right}/{self.matched}")
        return "\n".join(lines)


def _brief(event: Event) -> str:
    place = event.location.name or event.location.text if event.location else None
    return f"{event.sub_event_type} @ {place} {event.date} k={event.fatalities} i={event.injured}"


def evaluate(
    articles: Iterable[tuple[str, list[Event], list[Event]]], fields: tuple[str, ...] = FIELDS
) -> Report:
    """Score (article_id, predicted, gold) triples on `fields` and return the report."""
    report = Report(fields=fields)
    for article_id, predicted, gold in articles:
        report.add(article_id, predicted, gold)
    return report
