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


def _walk(assigned_to: str | None) -> tuple[str, str, str, dict[str, object]]:
    """The articles walked: FROM (with `a` the article), its condition, the column that
    orders it, and the condition's params.

    With `assigned_to`, only that annotator's assigned articles, read from the
    assignments index in review order; else every article. Conditions name the
    order column `{seq}`, so that a range is read from the index walked.
    """
    if assigned_to is None:
        return "articles a", "1", "a.seq", {}
    walked = "assignments x JOIN articles a ON a.seq = x.seq"
    return walked, "x.annotator = :mine", "x.seq", {"mine": assigned_to}


def _first(store: Store, where: str, params: dict[str, object], assigned_to: str | None,
           descending: bool = False) -> Article | None:  # fmt: skip
    walked, mine, seq, more = _walk(assigned_to)
    order = "DESC" if descending else ""
    condition = where.format(seq=seq)
    sql = f"SELECT a.id FROM {walked} WHERE {mine} AND {condition} ORDER BY {seq} {order} LIMIT 1"
    return _one(store, sql, {**params, **more})


def first_article(store: Store, *, assigned_to: str | None = None) -> Article | None:
    """The first article in review order (of `assigned_to`'s, if given), or None."""
    return _first(store, "1", {}, assigned_to)


def first_not_done(
    store: Store, annotator: str, *, assigned_to: str | None = None
) -> Article | None:
    """The first article the annotator has not marked done (None when all are done)."""
    return _first(store, _NOT_DONE, {"who": annotator}, assigned_to)


def next_article(
    store: Store, article_id: str, *, assigned_to: str | None = None
) -> Article | None:
    """The article after this one, or None at the end."""
    return _first(store, "{seq} > :seq", {"seq": _seq(store, article_id)}, assigned_to)


def previous_article(
    store: Store, article_id: str, *, assigned_to: str | None = None
) -> Article | None:
    """The article before this one, or None at the start."""
    seq = _seq(store, article_id)
    return _first(store, "{seq} < :seq", {"seq": seq}, assigned_to, descending=True)


def next_not_done(
    store: Store, annotator: str, article_id: str, *, assigned_to: str | None = None
) -> Article | None:
    """The next article not done after this one, wrapping around; None when all are done."""
    params = {"seq": _seq(store, article_id), "who": annotator}
    found = _first(store, "{seq} > :seq AND " + _NOT_DONE, params, assigned_to)
    if found is not None:
        return found
    return _first(store, "{seq} < :seq AND " + _NOT_DONE, params, assigned_to)


def _count(store: Store, where: str, params: dict[str, object], assigned_to: str | None) -> int:
    walked, mine, seq, more = _walk(assigned_to)
    sql = f"SELECT count(*) FROM {walked} WHERE {mine} AND {where.format(seq=seq)}"
    return int(store.db.execute(sql, {**params, **more}).fetchone()[0])


def position(
    store: Store, annotator: str, article_id: str, *, assigned_to: str | None = None
) -> Position:
    """The article's 1-based index in review order, the article count and the done count."""
    seq = _seq(store, article_id)
    index = _count(store, "{seq} <= :seq", {"seq": seq}, assigned_to)
    total = _count(store, "1", {}, assigned_to)
    if assigned_to is None:
        done = store.db.execute(
            "SELECT count(*) FROM article_state WHERE annotator = ? AND done = 1", [annotator]
        ).fetchone()[0]
    else:
        done = _count(store, "NOT " + _NOT_DONE, {"who": annotator}, assigned_to)
    return Position(index, total, int(done))


def position_after_move(
    store: Store,
    from_id: str,
    to_id: str,
    before: Position,
    *,
    assigned_to: str | None = None,
) -> Position:
    """The position of `to_id`, from `before`, the known position of `from_id`.

    Counts only the articles between the two (a step to the next article
    counts one), where `position` counts every article before `to_id`: deep
    in a large database that is the difference between microseconds and tens
    of milliseconds per key. The total and done counts are carried over.
    """
    old, new = _seq(store, from_id), _seq(store, to_id)
    low, high = sorted((old, new))
    between = _count(store, "{seq} > :low AND {seq} <= :high", {"low": low, "high": high},
                     assigned_to)  # fmt: skip
    step = between if new >= old else -between
    return Position(before.index + step, before.total, before.done)
