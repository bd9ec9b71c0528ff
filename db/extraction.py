"""Running an extractor over the database: which articles need it, and storing its events.

Each article's events are stored in one transaction together with a record
of the run, so an interrupted `hadath extract` resumes where it stopped and
an article in which nothing was found is not read again. Redoing an article
(`--force`) replaces the extractor's events that no reviewer has decided on;
events someone has decided on are kept, so no reviewer's work is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from db.articles import Article, get_article
from db.events import event_row, machine_event_id
from db.store import Store, utc_now
from extract.record import Event

_PENDING = (
    "FROM articles a WHERE NOT EXISTS (SELECT 1 FROM extractions x"
    " WHERE x.article_id = a.id AND x.extractor = :extractor)"
)


def count_to_extract(store: Store, extractor: str, force: bool = False) -> int:
    """Return how many articles `extractor` would process."""
    where = "FROM articles a" if force else _PENDING
    sql = f"SELECT count(*) {where}"
    return int(store.db.execute(sql, {"extractor": extractor}).fetchone()[0])


def articles_to_extract(store: Store, extractor: str, force: bool = False) -> Iterator[Article]:
    """Yield the articles `extractor` has not processed yet (all of them with force).

    Ids are read first and texts one at a time, so memory stays flat and the
    caller may write between articles.
    """
    where = "FROM articles a" if force else _PENDING
    ids = [
        row[0]
        for row in store.db.execute(
            f"SELECT a.id {where} ORDER BY a.seq", {"extractor": extractor}
        ).fetchall()
    ]
    for article_id in ids:
        article = get_article(store, article_id)
        if article is not None:
            yield article


def store_extractions(
    store: Store,
    extractor: str,
    results: Iterable[tuple[str, Iterable[Event]]],
    redo: bool = False,
) -> int:
    """Store several articles' events from `extractor` in one transaction; return new events.

    Each article's run is recorded; with `redo`, the extractor's earlier
    events of those articles that nobody has decided on are replaced.
    """
    added = 0
    with store.write() as db:
        for article_id, events in results:
            rows = {}
            for event in events:
                event_id = machine_event_id(article_id, event)
                rows[event_id] = event_row(event_id, article_id, event, None)
            known = {
                row[0]
                for row in db.execute(
                    "SELECT id FROM events WHERE article_id = ? AND origin = 'machine'",
                    [article_id],
                ).fetchall()
            }
            if redo:
                db.execute(
                    "DELETE FROM events WHERE article_id = ? AND extractor = ?"
                    " AND origin = 'machine' AND NOT EXISTS"
                    " (SELECT 1 FROM decisions d WHERE d.event_id = events.id)",
                    [article_id, extractor],
                )
            if rows:
                db.table("events").insert_all(rows.values(), ignore=True)
            added += len(set(rows) - known)
            db.execute(
                "INSERT INTO extractions (article_id, extractor, extracted_at, events)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (article_id, extractor) DO UPDATE SET"
                " extracted_at = excluded.extracted_at, events = excluded.events",
                [article_id, extractor, utc_now(), len(rows)],
            )
    return added
