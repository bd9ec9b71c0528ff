"""Moving through the articles in review order (import order), for one annotator.

Each function is one indexed query, so that a database of 100,000 articles
opens and moves as fast as a small one, and nothing holds every article id
in memory.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.articles import Article, get_article
from db.store import Store


@dataclass(frozen=True)
class Position:
    """Where an article stands: its 1-based index, the article count, and articles done."""

    index: int
    total: int
    done: int


_NOT_DONE = (
    "NOT EXISTS (SELECT 1 FROM article_state s WHERE s.article_id = a.id"
    " AND s.annotator = :who AND s.done = 1)"
)


def _seq(store: Store, article_id: str) -> int:
    row = store.db.execute("SELECT seq FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise KeyError(article_id)
    return int(row[0])


def _one(store: Store, sql: str, params: dict[str, object]) -> Article | None:
    row = store.db.execute(sql, params).fetchone()
    return get_article(store, row[0]) if row else None


def first_article(store: Store) -> Article | None:
    """The first article in review order, or None in an empty database."""
    return _one(store, "SELECT id FROM articles ORDER BY seq LIMIT 1", {})


def first_not_done(store: Store, annotator: str) -> Article | None:
    """The first article the annotator has not marked done (None when all are done)."""
    sql = f"SELECT a.id FROM articles a WHERE {_NOT_DONE} ORDER BY a.seq LIMIT 1"
    return _one(store, sql, {"who": annotator})


def next_article(store: Store, article_id: str) -> Article | None:
    """The article after this one, or None at the end."""
    sql = "SELECT id FROM articles WHERE seq > :seq ORDER BY seq LIMIT 1"
    return _one(store, sql, {"seq": _seq(store, article_id)})


def previous_article(store: Store, article_id: str) -> Article | None:
    """The article before this one, or None at the start."""
    sql = "SELECT id FROM articles WHERE seq < :seq ORDER BY seq DESC LIMIT 1"
    return _one(store, sql, {"seq": _seq(store, article_id)})


def next_not_done(store: Store, annotator: str, article_id: str) -> Article | None:
    """The next article not done after this one, wrapping around; None when all are done."""
    seq = _seq(store, article_id)
    after = f"SELECT a.id FROM articles a WHERE a.seq > :seq AND {_NOT_DONE} ORDER BY a.seq LIMIT 1"
    found = _one(store, after, {"seq": seq, "who": annotator})
    if found is not None:
        return found
    before = (
        f"SELECT a.id FROM articles a WHERE a.seq < :seq AND {_NOT_DONE} ORDER BY a.seq LIMIT 1"
    )
    return _one(store, before, {"seq": seq, "who": annotator})


def position(store: Store, annotator: str, article_id: str) -> Position:
    """The article's 1-based index in review order, the article count and the done count."""
    seq = _seq(store, article_id)
    index = store.db.execute("SELECT count(*) FROM articles WHERE seq <= ?", [seq]).fetchone()[0]
    total = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    done = store.db.execute(
        "SELECT count(*) FROM article_state WHERE annotator = ? AND done = 1", [annotator]
    ).fetchone()[0]
    return Position(int(index), int(total), int(done))


def position_after_move(store: Store, from_id: str, to_id: str, before: Position) -> Position:
    """The position of `to_id`, from `before`, the known position of `from_id`.

    Counts only the articles between the two (a step to the next article
    counts one), where `position` counts every article before `to_id`: deep
    in a large database that is the difference between microseconds and tens
    of milliseconds per key. The total and done counts are carried over.
    """
    old, new = _seq(store, from_id), _seq(store, to_id)
    low, high = sorted((old, new))
    between = store.db.execute(
        "SELECT count(*) FROM articles WHERE seq > ? AND seq <= ?", [low, high]
    ).fetchone()[0]
    step = int(between) if new >= old else -int(between)
    return Position(before.index + step, before.total, before.done)
