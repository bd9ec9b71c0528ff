"""`hadath incidents`: proposing links between one annotator's curated events, and reading
them back for review and export.

A run reads the annotator's curated events (db.curated's selection, each in
its corrected form) through a read-only connection of its own, in order of
their day, and feeds them to the finder (db.incident_finder, rules in
db.incident_rules). The candidates it finds are written as they come, a
batch per short transaction, so a reviewer saving a decision meanwhile waits
at most one batch; the run's number marks them, and once the run is through
the previous run's candidates are deleted (in batches too). A run that is
interrupted leaves the earlier proposals and part of the new ones, never a
half-written batch; running it again completes it.

Reviewers' decisions on links (db.link_decisions) are kept apart and survive
every run.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import orjson

from db.curated import CURATED_FROM
from db.database_files import sqlite_uri
from db.decisions import get_decision
from db.events import get_event
from db.incident_finder import find_candidates
from db.incident_rules import Candidate, LinkEvent
from db.store import DEFAULT_BUSY_TIMEOUT, Store, utc_now
from extract.record import Event

DEFAULT_DAYS = 1
DEFAULT_KM = 5.0
AUTO_LINK_SCORE = 0.75
"""Unreviewed candidates scoring at least this count as links in `export --auto-link`."""
WRITE_BATCH = 2_000
"""Candidates per write transaction: a reviewer's save waits for one batch at most."""

Progress = Callable[[int], None]


class IncidentError(ValueError):
    """An incidents run that cannot be made as asked (a bad window, nobody's events)."""


def _corrected(column: str, path: str) -> str:
    return (
        f"CASE WHEN d.status = 'corrected' THEN json_extract(d.corrected, '$.{path}')"
        f" ELSE e.{column} END"
    )


def _ordinal(date: str) -> str:
    """SQL for an ISO date's day number (Python's date.toordinal; NULL for no date)."""
    return f"CAST(julianday({date}) - 1721424.5 AS INTEGER)"


def _link_events_sql() -> str:
    """The annotator's curated events as linking reads them (LinkEvent's members in order,
    each in its corrected form), in order of their day."""
    location = "coalesce({}, {})".format(
        _corrected("location_name", "location.name"), _corrected("location_text", "location.text")
    )
    inner = ", ".join(
        [
            "e.id AS event_id",
            "e.article_id AS article_id",
            f"{_corrected('sub_event_type', 'sub_event_type')} AS sub",
            f"{_corrected('actor1_key', 'actor1.key')} AS key1",
            f"{_corrected('actor2_key', 'actor2.key')} AS key2",
            f"{_corrected('location_lat', 'location.lat')} AS lat",
            f"{_corrected('location_lon', 'location.lon')} AS lon",
            f"{location} AS place",
            f"{_corrected('location_admin2', 'location.admin2')} AS admin2",
            f"{_corrected('location_level', 'location.level')} AS level",
            f"{_corrected('location_country', 'location.country')} AS country",
            f"{_ordinal(_corrected('date', 'date'))} AS day",
            f"{_corrected('date_precision', 'date_precision')} AS precision",
            f"{_ordinal('substr(a.published, 1, 10)')} AS published",
        ]
    )
    source = CURATED_FROM.replace(
        "CROSS JOIN events e ON e.seq = d.event_seq",
        "CROSS JOIN events e ON e.seq = d.event_seq CROSS JOIN articles a ON a.id = e.article_id",
    )
    return (
        "SELECT event_id, article_id, sub, key1, key2, lat, lon, place, admin2, level, country,"
        " day, CASE WHEN day IS NULL THEN 0 ELSE coalesce(precision, 1) END, published,"
        " coalesce(day, published) AS sweep"
        f" FROM (SELECT {inner} FROM {source})"
        " WHERE sweep IS NOT NULL ORDER BY sweep"
    )


_LINK_EVENTS_SQL = _link_events_sql()


def link_events(conn: sqlite3.Connection, annotator: str) -> Iterator[LinkEvent]:
    """The annotator's curated events as linking reads them, in order of their day (events
    with neither a date nor a publication date are left out: they cannot be linked)."""
    return map(LinkEvent._make, conn.execute(_LINK_EVENTS_SQL, {"annotator": annotator}))


@dataclass(frozen=True)
class RunSummary:
    """What one run did for one annotator: events read, candidates proposed, the run's
    number, and how many of them score at least AUTO_LINK_SCORE."""

    annotator: str
    events: int
    candidates: int
    strong: int
    run: int


def _write_batch(store: Store, annotator: str, run: int, batch: list[Candidate]) -> None:
    with store.write() as db:
        db.conn.executemany(
            "INSERT INTO incident_candidates (annotator, event_a, event_b, score, reasons, run)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (annotator, event_a, event_b) DO UPDATE SET"
            " score = excluded.score, reasons = excluded.reasons, run = excluded.run",
            [
                (annotator, c.event_a, c.event_b, c.score, orjson.dumps(c.reasons).decode(), run)
                for c in batch
            ],
        )


def _drop_earlier_runs(store: Store, annotator: str, run: int) -> None:
    while True:
        with store.write() as db:
            cursor = db.conn.execute(
                "DELETE FROM incident_candidates WHERE (annotator, event_a, event_b) IN ("
                " SELECT annotator, event_a, event_b FROM incident_candidates"
                " WHERE annotator = ? AND run < ? LIMIT ?)",
                [annotator, run, WRITE_BATCH * 5],
            )
        if cursor.rowcount == 0:
            return


def _counting(events: Iterator[LinkEvent], tally: list[int]) -> Iterator[LinkEvent]:
    for event in events:
        tally[0] += 1
        yield event


def run_incidents(
    store: Store,
    annotator: str,
    days: int = DEFAULT_DAYS,
    km: float = DEFAULT_KM,
    progress: Progress | None = None,
) -> RunSummary:
    """Propose links among the annotator's curated events (see the module docstring)."""
    if not isinstance(days, int) or days < 0:
        raise IncidentError(f"--days must be a whole number of days >= 0, not {days!r}")
    if not km > 0:
        raise IncidentError(f"--km must be a distance > 0, not {km!r}")
    with store.write() as db:
        row = db.conn.execute(
            "SELECT run FROM incident_runs WHERE annotator = ?", [annotator]
        ).fetchone()
        run = (row[0] if row else 0) + 1
        db.conn.execute(
            "INSERT INTO incident_runs (annotator, run, days, km, events, candidates, finished_at)"
            " VALUES (?, ?, ?, ?, 0, 0, NULL) ON CONFLICT (annotator) DO UPDATE SET"
            " run = excluded.run, days = excluded.days, km = excluded.km, finished_at = NULL",
            [annotator, run, days, km],
        )
    reader = sqlite3.connect(
        sqlite_uri(store.path, "ro"), uri=True, isolation_level=None, timeout=DEFAULT_BUSY_TIMEOUT
    )
    tally = [0]
    candidates = strong = 0
    batch: list[Candidate] = []
    collecting = gc.isenabled()
    gc.disable()  # linking makes no reference cycles; the collector would walk the window
    try:
        reader.execute("PRAGMA cache_size = -16384")
        reader.execute("BEGIN")
        events = _counting(link_events(reader, annotator), tally)
        for candidate in find_candidates(events, days, km):
            batch.append(candidate)
            candidates += 1
            strong += candidate.score >= AUTO_LINK_SCORE
            if len(batch) >= WRITE_BATCH:
                _write_batch(store, annotator, run, batch)
                batch.clear()
                if progress:
                    progress(WRITE_BATCH)
        if batch:
            _write_batch(store, annotator, run, batch)
    finally:
        reader.close()
        if collecting:
            gc.enable()
    _drop_earlier_runs(store, annotator, run)
    with store.write() as db:
        db.conn.execute(
            "UPDATE incident_runs SET events = ?, candidates = ?, finished_at = ?"
            " WHERE annotator = ?",
            [tally[0], candidates, utc_now(), annotator],
        )
    return RunSummary(annotator, tally[0], candidates, strong, run)


@dataclass(frozen=True)
class LinkView:
    """A candidate link as the review app shows it from one of its events: the other
    event and its article, the score and reasons, and the reviewer's decision."""

    other_id: str
    other_article: str
    score: float
    reasons: tuple[str, ...]
    status: str | None


def links_of(conn: sqlite3.Connection, annotator: str, event_id: str) -> list[LinkView]:
    """The annotator's candidate links and decided links of one event, best first."""
    sql = """
    SELECT other, e.article_id, max(score), max(reasons), max(status) FROM (
        SELECT event_b AS other, score, reasons, NULL AS status FROM incident_candidates
            WHERE annotator = :who AND event_a = :id
        UNION ALL SELECT event_a, score, reasons, NULL FROM incident_candidates
            WHERE annotator = :who AND event_b = :id
        UNION ALL SELECT event_b, NULL, NULL, status FROM incident_links
            WHERE annotator = :who AND event_a = :id
        UNION ALL SELECT event_a, NULL, NULL, status FROM incident_links
            WHERE annotator = :who AND event_b = :id
    ) JOIN events e ON e.id = other
    GROUP BY other ORDER BY max(score) IS NULL, max(score) DESC, other
    """
    views = []
    for other, article, score, reasons, status in conn.execute(
        sql, {"who": annotator, "id": event_id}
    ):
        views.append(
            LinkView(
                other,
                article,
                float(score) if score is not None else 1.0,
                tuple(orjson.loads(reasons)) if reasons else ("linked by the reviewer",),
                status,
            )
        )
    return views


def linked_pairs(
    conn: sqlite3.Connection, annotator: str, auto_link: bool, threshold: float = AUTO_LINK_SCORE
) -> Iterator[tuple[str, str, str]]:
    """The links that join the annotator's incidents: (event_a, event_b, how), how being
    "confirmed" or, with `auto_link`, "auto" for an unreviewed candidate at or above
    `threshold` that the reviewer did not split."""
    for first, second in conn.execute(
        "SELECT event_a, event_b FROM incident_links WHERE annotator = ? AND status = 'confirmed'",
        [annotator],
    ):
        yield first, second, "confirmed"
    if not auto_link:
        return
    for first, second in conn.execute(
        "SELECT c.event_a, c.event_b FROM incident_candidates c"
        " LEFT JOIN incident_links l ON l.annotator = c.annotator AND l.event_a = c.event_a"
        " AND l.event_b = c.event_b"
        " WHERE c.annotator = ? AND c.score >= ? AND l.status IS NULL",
        [annotator, threshold],
    ):
        yield first, second, "auto"


def incident_figures(conn: sqlite3.Connection, annotator: str) -> dict[str, tuple[int, str]]:
    """The fatalities the annotator set for incidents: event id -> (figure, when)."""
    rows = conn.execute(
        "SELECT event_id, fatalities, decided_at FROM incident_figures WHERE annotator = ?",
        [annotator],
    )
    return {event_id: (fatalities, at) for event_id, fatalities, at in rows}


def describe_run(summary: RunSummary) -> str:
    """One line for a run's summary."""
    return (
        f"{summary.annotator}: {summary.events} curated events, {summary.candidates} candidate"
        f" links ({summary.strong} scoring >= {AUTO_LINK_SCORE})"
    )


@dataclass(frozen=True)
class LinkedReport:
    """Another article's report a link joins to an event, as the reviewer curated it: the
    link, the other article's title and publication date, and the event in the reviewer's
    own version (corrected form if corrected)."""

    link: LinkView
    title: str | None
    published: str | None
    event: Event


def linked_reports(store: Store, annotator: str, event_id: str) -> list[LinkedReport]:
    """The reports the annotator's links join to an event, best first: only events the
    annotator curated (accepted, corrected, added), so that review stays blind."""
    reports = []
    for view in links_of(store.conn, annotator, event_id):
        decision = get_decision(store, view.other_id, annotator)
        stored = get_event(store, view.other_id)
        if decision is None or stored is None or decision.status not in ("accepted", "corrected"):
            continue
        row = store.conn.execute(
            "SELECT title, published FROM articles WHERE id = ?", [stored.article_id]
        ).fetchone()
        title, published = row if row else (None, None)
        reports.append(LinkedReport(view, title, published, decision.corrected or stored.event))
    return reports
