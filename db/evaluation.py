"""Pairing machine events with a reviewer's curated events, to measure an extractor.

Only articles the reviewer has finished count: those marked done, and those
whose every machine event carries the reviewer's decision. In them, the gold
events are the reviewer's curated dataset (accepted, corrected, added) and
the predictions are the machine events as the extractor produced them:
by default those of the newest built-in extractor version that ran on the
database (earlier versions' events that reviewers decided on stay in the
database, but are not that version's predictions).
"""

from __future__ import annotations

from collections.abc import Iterator

from db.decisions import review_items
from db.display import safe
from db.events import article_events
from db.store import Store
from extract.record import Event
from extract.version import builtin_version


class EvaluationError(ValueError):
    """An evaluation that cannot be made as asked (an extractor that never ran)."""


def known_extractors(store: Store) -> list[str]:
    """Return the names of the extractors that ran on this database (events or not), sorted."""
    sql = (
        "SELECT extractor FROM events WHERE origin = 'machine' AND extractor IS NOT NULL"
        " UNION SELECT extractor FROM extractions ORDER BY 1"
    )
    return [row[0] for row in store.db.execute(sql).fetchall()]


def check_extractor(store: Store, extractor: str) -> str:
    """Return `extractor` if it ran on this database; else refuse, listing those that did."""
    known = known_extractors(store)
    if extractor not in known:
        listed = ", ".join(safe(name) for name in known) or "none yet"
        raise EvaluationError(
            f"extractor {safe(repr(extractor))} never ran on this database; extractors: {listed}"
        )
    return extractor


def newest_builtin(store: Store) -> str | None:
    """Return the newest built-in extractor version that ran on this database, or None."""
    versions = [(builtin_version(name), name) for name in known_extractors(store)]
    built_in = [(version, name) for version, name in versions if version is not None]
    return max(built_in)[1] if built_in else None


_FINISHED = """(EXISTS (SELECT 1 FROM article_state s
              WHERE s.article_id = {article} AND s.annotator = {who} AND s.done = 1)
   OR (EXISTS (SELECT 1 FROM events e WHERE e.article_id = {article} AND e.origin = 'machine')
       AND NOT EXISTS (SELECT 1 FROM events e
                       WHERE e.article_id = {article} AND e.origin = 'machine'
                         AND NOT EXISTS (SELECT 1 FROM decisions d
                                         WHERE d.event_id = e.id AND d.annotator = {who}))))"""


def finished(article: str, annotator: str) -> str:
    """An SQL condition: the annotator (an SQL expression) finished the article (another):
    marked it done, or decided every machine event of it. What evaluation, agreement,
    assignment and adjudication count as finished."""
    return _FINISHED.format(article=article, who=annotator)


_REVIEWED = f"SELECT a.id FROM articles a WHERE {finished('a.id', ':who')} ORDER BY a.seq"


def reviewed_articles(store: Store, annotator: str) -> list[str]:
    """Return the ids of the articles the annotator has finished reviewing."""
    return [row[0] for row in store.db.execute(_REVIEWED, {"who": annotator}).fetchall()]


def evaluation_pairs(
    store: Store, annotator: str, extractor: str | None = None
) -> Iterator[tuple[str, list[Event], list[Event]]]:
    """Yield (article_id, machine events, curated events) for each reviewed article.

    With `extractor`, only that extractor's events count as predictions.
    """
    for article_id in reviewed_articles(store, annotator):
        predicted = [
            stored.event
            for stored in article_events(store, article_id)
            if stored.added_by is None
            and (extractor is None or stored.event.extractor == extractor)
        ]
        gold = [
            item.current
            for item in review_items(store, article_id, annotator)
            if item.decision is not None and item.decision.status in ("accepted", "corrected")
        ]
        yield article_id, predicted, gold
