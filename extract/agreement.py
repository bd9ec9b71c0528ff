"""How far annotators agree: event-level F1 between sources and Krippendorff's alpha per field.

A *source* is one version of the events of a set of articles: an
annotator's curated events, the extractor's events, or the adjudicated
view. The input is, per article, each source's events there (a source that
did not finish an article is absent from it).

Event level: for each pair of sources, over the articles both have, events
are paired by the one matching of `extract.evaluate` (sub-event type and
place, a maximum one-to-one matching). Precision is the share of the row
source's events paired, recall the column source's; F1 is the same both
ways.

Field level: events are paired by overlapping evidence instead, so that two
versions of one event that disagree on type or place still meet. In each
article the sources' events are gathered into *units*, each source's events
joining the units by a maximum matching on evidence overlap (an event
overlapping none starts a unit). A unit holds at most one event per source.
Per field, Krippendorff's alpha is computed over the units that hold two or
more values, by the `krippendorff` package where it fits (it builds a units x
values x values array: for the dates of 90,000 units that is 358 GiB) and
from the coincidence sums otherwise (`closed_form_alpha`, held to the
package by the tests): nominal for the sub-event
type, the actor keys, the place and the date (a missing one is a value of
its own, "none"), interval for killed and injured (a count nobody gave is
missing, not zero). Each figure comes with the number of units behind it
and a note where it cannot mean much: too few units, or a single value in
every unit, where alpha is undefined (the package refuses it).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import krippendorff
import numpy as np
from scipy.optimize import linear_sum_assignment

from extract.evaluate import match_events
from extract.normalize import fold_text
from extract.record import Event, Location

Level = Literal["nominal", "interval"]
FIELD_LEVELS: dict[str, Level] = {
    "sub_event_type": "nominal",
    "actor1": "nominal",
    "actor2": "nominal",
    "place": "nominal",
    "date": "nominal",
    "fatalities": "interval",
    "injured": "interval",
}
"""The fields compared, with the level of measurement of each."""
FEW_UNITS = 10
"""Below this many units, a figure is reported with a warning that it means little."""
PACKAGE_CELLS = 20_000_000
"""The largest units x values x values array the package may build (160 MB of floats):
above it (dates or places over thousands of units) alpha comes from `closed_form_alpha`,
the same figure computed from sums, which the tests hold to the package's."""
NONE = "(none)"

ArticleSources = Mapping[str, Sequence[Event]]
"""One article's events by source."""


@dataclass(frozen=True)
class PairFigures:
    """Event-level agreement of two sources over the articles both have."""

    row: str
    column: str
    articles: int
    row_events: int
    column_events: int
    matched: int

    @property
    def precision(self) -> float:
        """The share of the row source's events that the column source has too."""
        return self.matched / self.row_events if self.row_events else 0.0

    @property
    def recall(self) -> float:
        """The share of the column source's events that the row source has too."""
        return self.matched / self.column_events if self.column_events else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (1.0 when neither source has an event)."""
        total = self.row_events + self.column_events
        return 2 * self.matched / total if total else 1.0


@dataclass(frozen=True)
class FieldAlpha:
    """Krippendorff's alpha for one field, with the units behind it."""

    field: str
    level: Level
    alpha: float | None
    units: int
    """Units with two or more values of the field (the ones alpha is computed over)."""
    note: str | None = None


@dataclass(frozen=True)
class ArticleDisagreement:
    """How much the annotators disagree on one article (higher: more)."""

    article_id: str
    sources: tuple[str, ...]
    units: int
    disagreements: int
    """Events some annotator lacks, plus each field's extra values in each unit."""


@dataclass
class AgreementReport:
    """Agreement figures over a set of articles."""

    sources: list[str]
    articles: int
    pairs: list[PairFigures] = field(default_factory=list)
    fields: list[FieldAlpha] = field(default_factory=list)
    by_disagreement: list[ArticleDisagreement] = field(default_factory=list)
    learned: AgreementReport | None = None
    """The same figures over the articles whose reviewers' corrections fed the lexicon the
    extractor read them with, where there are any: the extractor is scored on those here,
    not in this report (db.agreement)."""

    def pair(self, row: str, column: str) -> PairFigures | None:
        """The figures of `row` against `column`, if the two share an article."""
        return next((p for p in self.pairs if (p.row, p.column) == (row, column)), None)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "sources": self.sources,
            "articles": self.articles,
            "pairs": [
                {**asdict(p), "precision": p.precision, "recall": p.recall, "f1": p.f1}
                for p in self.pairs
            ],
            "fields": [asdict(f) for f in self.fields],
            "articles_by_disagreement": [asdict(a) for a in self.by_disagreement],
            "learned": None if self.learned is None else self.learned.to_dict(),
        }


# -- field values --------------------------------------------------------------------------


def place_key(location: Location | None) -> str:
    """A place as a nominal value: its name when it has one, else its words folded."""
    if location is None:
        return NONE
    if location.name:
        return location.name.casefold()
    if location.text:
        return " ".join(fold_text(location.text).replace("ال", "").split())
    return NONE


def field_value(event: Event, name: str) -> str | float | None:
    """The value of field `name` for alpha: a category, a count, or None (a count not given)."""
    if name in ("actor1", "actor2"):
        actor = getattr(event, name)
        return actor.key if actor and actor.key else NONE
    if name == "place":
        return place_key(event.location)
    if name == "date":
        return event.date or NONE
    if name in ("fatalities", "injured"):
        count = getattr(event, name)
        return None if count is None else float(count)
    return str(getattr(event, name))


def field_values(event: Event) -> tuple[str | float | None, ...]:
    """The event's values of every field compared, in FIELD_LEVELS order."""
    return tuple(field_value(event, name) for name in FIELD_LEVELS)


# -- units ---------------------------------------------------------------------------------


def units_of(article: ArticleSources) -> list[dict[str, Event]]:
    """The article's events gathered into units by overlapping evidence (module docstring)."""
    units: list[dict[str, Event]] = []
    starts: list[int] = []
    ends: list[int] = []
    for source, events in article.items():
        joined: dict[int, int] = {}
        if units and events:
            start = np.array([e.evidence.start for e in events])
            end = np.array([e.evidence.end for e in events])
            overlap = np.maximum(
                0,
                np.minimum(end[:, None], np.array(ends)[None, :])
                - np.maximum(start[:, None], np.array(starts)[None, :]),
            )
            found, into = linear_sum_assignment(overlap, maximize=True)
            for i, u in zip(found.tolist(), into.tolist(), strict=True):
                if overlap[i, u] > 0:
                    joined[i] = u
        for index, event in enumerate(events):
            if index in joined:
                u = joined[index]
                units[u][source] = event
                starts[u] = min(starts[u], event.evidence.start)
                ends[u] = max(ends[u], event.evidence.end)
            else:
                units.append({source: event})
                starts.append(event.evidence.start)
                ends.append(event.evidence.end)
    return units


# -- alpha ---------------------------------------------------------------------------------


def alpha_of(
    rows: Sequence[Sequence[str | float | None]], level: Level
) -> tuple[float | None, int, str | None]:
    """Krippendorff's alpha of reliability data (a row per source, a column per unit; NaN
    or None missing): (alpha or None, units with two values or more, a note or None)."""
    return alpha_of_units(list(zip(*rows, strict=True)) if rows else [], level)


def alpha_of_units(
    columns: Sequence[Sequence[str | float | None]], level: Level
) -> tuple[float | None, int, str | None]:
    """`alpha_of` with the data given a unit at a time (each unit: a value per source)."""
    if not columns:
        return None, 0, "no unit has two values: nothing to compare"
    codes: dict[str | float, int] = {}
    flat = np.empty(len(columns) * len(columns[0]))
    index = 0
    for column in columns:
        for value in column:
            if value is None or value != value:  # NaN is the one value unequal to itself
                flat[index] = np.nan
            elif level == "interval":
                flat[index] = float(value)
            else:
                flat[index] = codes.setdefault(value, len(codes))
            index += 1
    data = flat.reshape(len(columns), len(columns[0])).T  # a row per source
    data = data[:, (~np.isnan(data)).sum(axis=0) >= 2]
    units = data.shape[1]
    if not units:
        return None, 0, "no unit has two values: nothing to compare"
    distinct = np.unique(data[~np.isnan(data)])
    if len(distinct) == 1:
        named = {code: value for value, code in codes.items()}
        only = named[int(distinct[0])] if level == "nominal" else float(distinct[0])
        return None, units, f"every value is {only!r}: alpha is undefined for one value"
    try:
        if units * len(distinct) ** 2 <= PACKAGE_CELLS:
            result = float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))
        else:
            result = closed_form_alpha(data, level)
        result = result + 0.0  # no negative zero
    except ValueError as error:  # the package's own refusal, said rather than raised
        return None, units, str(error)
    note = f"only {units} units: too few to mean much" if units < FEW_UNITS else None
    return result, units, note


def closed_form_alpha(data: np.ndarray, level: Level) -> float:
    """Krippendorff's alpha of `data` (a row per source, a column per unit, NaN missing;
    nominal values as codes), from the coincidence sums in O(values).

    For nominal data the observed disagreement of a unit with m values is
    (m^2 - sum of its per-value counts squared) / (m - 1), the expected one
    (n^2 - sum of the overall per-value counts squared) / (n - 1); for
    interval data the sums of squared differences come from each unit's sum
    and sum of squares. Alpha is 1 - (n - 1) * observed / expected. Every
    unit given must hold two values or more.
    """
    values = data.T  # a row per unit
    given = ~np.isnan(values)
    m = given.sum(axis=1).astype(float)
    n = float(m.sum())
    if level == "nominal":
        width = int(np.nanmax(values)) + 1
        units, sources = np.nonzero(given)
        keys = units * width + values[units, sources].astype(int)  # one key per (unit, value)
        found, counts = np.unique(keys, return_counts=True)
        squared = counts.astype(float) ** 2
        per_unit = np.bincount(found // width, weights=squared, minlength=len(values))
        observed = float(((m * m - per_unit) / (m - 1)).sum())
        overall = np.unique(values[given], return_counts=True)[1].astype(float)
        expected = n * n - float((overall**2).sum())
    else:
        filled = np.where(given, values, 0.0)
        total, squares = filled.sum(axis=1), (filled**2).sum(axis=1)
        observed = float(((2 * m * squares - 2 * total**2) / (m - 1)).sum())
        every = values[given]
        expected = 2 * n * float((every**2).sum()) - 2 * float(every.sum()) ** 2
    if expected == 0:
        raise ValueError("There has to be more than one value in the domain.")
    return 1.0 - (n - 1) * observed / expected


# -- the report ----------------------------------------------------------------------------


def agreement(
    articles: Mapping[str, ArticleSources], annotators: Sequence[str], others: Sequence[str] = ()
) -> AgreementReport:
    """Agreement over `articles` (by id: each source's events) among `annotators`, and of
    each annotator with the `others` (the extractor, the adjudicated view).

    Field alpha and the disagreement order are over the annotators only.
    """
    sources = [*annotators, *others]
    report = AgreementReport(sources=sources, articles=len(articles))
    for row, column in itertools.combinations(sources, 2):
        if row in others and column in others:
            continue
        totals = [0, 0, 0, 0]
        for events in articles.values():
            if row in events and column in events:
                mine, theirs = list(events[row]), list(events[column])
                totals[0] += 1
                totals[1] += len(mine)
                totals[2] += len(theirs)
                totals[3] += len(match_events(mine, theirs))
        if totals[0]:
            articles_shared, row_events, column_events, matched = totals
            report.pairs.append(PairFigures(row, column, *totals))
            report.pairs.append(
                PairFigures(column, row, articles_shared, column_events, row_events, matched)
            )
    fields = list(FIELD_LEVELS)
    units_of_field: list[list[list[str | float | None]]] = [[] for _ in fields]
    for article_id, events in articles.items():
        present = {name: events[name] for name in annotators if name in events}
        if len(present) < 2:
            continue
        units = units_of(present)
        disagreements = 0
        for unit in units:
            disagreements += len(present) - len(unit)
            rows = [field_values(unit[s]) if s in unit else None for s in annotators]
            given = [row for row in rows if row is not None]
            for f, collected in enumerate(units_of_field):
                collected.append([None if row is None else row[f] for row in rows])
                # each value beyond the first is one disagreement (an unknown count
                # differs from a given one here; for alpha it is missing)
                disagreements += len({row[f] for row in given}) - 1
        report.by_disagreement.append(
            ArticleDisagreement(article_id, tuple(present), len(units), disagreements)
        )
    for (name, level), collected in zip(FIELD_LEVELS.items(), units_of_field, strict=True):
        alpha, behind, note = alpha_of_units(collected, level)
        report.fields.append(FieldAlpha(name, level, alpha, behind, note))
    order = {article_id: index for index, article_id in enumerate(articles)}
    report.by_disagreement.sort(key=lambda a: (-a.disagreements, order[a.article_id]))
    return report
