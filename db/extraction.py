"""Running an extractor over the database: which articles need it, and storing its events.

Each article's events are stored in one transaction together with a record
of the run, so an interrupted `hadath extract` resumes where it stopped and
an article in which nothing was found is not read again. Redoing an article
(`--force`) replaces the extractor's events that no reviewer has decided on;
events someone has decided on are kept, so no reviewer's work is lost.

The built-in extractor's name changes with its rules ("rules-1", "rules-2",
see extract.version). An article read only by an earlier built-in version is
read again by the new one, which then replaces the earlier versions'
undecided events of that article. Their decided events stay, and a new event
reporting the same incident as one of those (same sub-event type, same place,
overlapping evidence) is not added, so a reviewer is not asked twice. Other
extractors' events (imported predictions) are never touched. An article a
newer built-in version has read is not pending for an older one.

Each run also records the fingerprint of the learned lexicon it extracted
with (extract.learned; the empty lexicon's without one). A run with a
lexicon (`hadath extract --learned`) also reads again the articles its
version read with another lexicon, replacing their undecided events; a
run without one reads what it always did.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from db.articles import Article, get_article
from db.events import event_row, machine_event_id
from db.store import Store, utc_now
from extract.learned import EMPTY_FINGERPRINT
from extract.record import Event
from extract.version import builtin_version


def _readers(store: Store, extractor: str) -> list[str]:
    """The extractor, and the newer built-in versions that ran when it is built in.

    An article any of them has read is not pending for `extractor`.
    """
    version = builtin_version(extractor)
    if version is None:
        return [extractor]
    ran = [row[0] for row in store.db.execute("SELECT DISTINCT extractor FROM extractions")]
    return [extractor, *(name for name in ran if (builtin_version(name) or -1) > version)]


def _pending(
    store: Store, extractor: str, force: bool, lexicon: str | None
) -> tuple[str, list[str]]:
    """The FROM clause selecting the articles to process, and its parameters."""
    if force:
        return "FROM articles a", []
    readers = _readers(store, extractor)
    if lexicon is not None:
        newer = ", ".join("?" * (len(readers) - 1))
        sql = (
            "FROM articles a WHERE NOT EXISTS (SELECT 1 FROM extractions x"
            f" WHERE x.article_id = a.id AND (x.extractor IN ({newer}) OR (x.extractor = ?"
            " AND coalesce(x.lexicon, ?) = ?)))"
        )
        return sql, [*readers[1:], extractor, EMPTY_FINGERPRINT, lexicon]
    marks = ", ".join("?" * len(readers))
    sql = (
        "FROM articles a WHERE NOT EXISTS (SELECT 1 FROM extractions x"
        f" WHERE x.article_id = a.id AND x.extractor IN ({marks}))"
    )
    return sql, readers


def count_to_extract(
    store: Store, extractor: str, force: bool = False, lexicon: str | None = None
) -> int:
    """Return how many articles `extractor` would process (see `articles_to_extract`)."""
    where, parameters = _pending(store, extractor, force, lexicon)
    return int(store.db.execute(f"SELECT count(*) {where}", parameters).fetchone()[0])


def articles_to_extract(
    store: Store, extractor: str, force: bool = False, lexicon: str | None = None
) -> Iterator[Article]:
    """Yield the articles `extractor` has not processed yet (all of them with force).

    With `lexicon` (the fingerprint of a learned lexicon), also those it
    processed with another lexicon (or none). Ids are read first and texts
    one at a time, so memory stays flat and the caller may write between
    articles.
    """
    where, parameters = _pending(store, extractor, force, lexicon)
    ids = [
        row[0]
        for row in store.db.execute(f"SELECT a.id {where} ORDER BY a.seq", parameters).fetchall()
    ]
    for article_id in ids:
        article = get_article(store, article_id)
        if article is not None:
            yield article


@dataclass(frozen=True)
class _Stored:
    """A machine event already stored for an article, as far as redoing the article needs it."""

    id: str
    extractor: str | None
    sub_event_type: str
    location_name: str | None
    location_text: str | None
    evidence_start: int
    evidence_end: int
    decided: bool

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> _Stored:
        """Read a row of `_STORED`."""
        return cls(row[0], row[1], row[2], row[3], row[4], row[5], row[6], bool(row[7]))

    def overlaps(self, event: Event) -> bool:
        """Whether `event` is of this event's sub-event type and their evidence overlaps."""
        return (
            event.sub_event_type == self.sub_event_type
            and event.evidence.start < self.evidence_end
            and self.evidence_start < event.evidence.end
        )

    def same_incident(self, event: Event) -> bool:
        """Whether `event` reports this event's incident: same sub-event type, same place
        (location name or text, or neither has one) and overlapping evidence."""
        place = event.location
        if place is None:
            same_place = self.location_name is None and self.location_text is None
        else:
            same_place = (place.name is not None and place.name == self.location_name) or (
                place.text is not None and place.text == self.location_text
            )
        return (
            same_place
            and event.sub_event_type == self.sub_event_type
            and event.evidence.start < self.evidence_end
            and self.evidence_start < event.evidence.end
        )


_STORED = (
    "SELECT id, extractor, sub_event_type, location_name, location_text,"
    " evidence_start, evidence_end,"
    " EXISTS (SELECT 1 FROM decisions d WHERE d.event_id = events.id)"
    " FROM events WHERE article_id = ? AND origin = 'machine'"
)


@dataclass(frozen=True)
class _Run:
    """Which stored events a run of `extractor` replaces, and which it must not repeat."""

    extractor: str
    version: int | None  # None: not the built-in extractor
    redo: bool
    lexicon: str = EMPTY_FINGERPRINT
    """The fingerprint of the learned lexicon the run extracts with (extract.learned)."""

    def replaces(self, stored: _Stored) -> bool:
        """Undecided events of this extractor (when redoing) or of an earlier built-in version."""
        if stored.decided or stored.extractor is None:
            return False
        if stored.extractor == self.extractor:
            return self.redo
        earlier = builtin_version(stored.extractor)
        return self.version is not None and earlier is not None and earlier < self.version

    def keeps(self, stored: _Stored) -> bool:
        """Decided events of another built-in version: a new event must not repeat one."""
        return (
            stored.decided
            and self.version is not None
            and stored.extractor != self.extractor
            and builtin_version(stored.extractor or "") is not None
        )


def _relearned(db: sqlite_utils.Database, run: _Run, article_id: str) -> bool:
    """Whether the run's extractor read the article before with another lexicon."""
    row = db.execute(
        "SELECT coalesce(lexicon, ?) FROM extractions WHERE article_id = ? AND extractor = ?",
        [EMPTY_FINGERPRINT, article_id, run.extractor],
    ).fetchone()
    return row is not None and row[0] != run.lexicon


def _store_article(
    db: sqlite_utils.Database, run: _Run, article_id: str, events: Iterable[Event]
) -> int:
    """Replace and add one article's events, and record the run; return the new events.

    When the extractor read the article before with another lexicon, its own
    decided events stay and a new event of the same sub-event type whose
    evidence overlaps one of them is not added: the lexicon changed its place
    or actors, and a reviewer has decided on that incident already.
    """
    stored = [_Stored.from_row(row) for row in db.execute(_STORED, [article_id])]
    db.conn.executemany(
        "DELETE FROM events WHERE id = ?", [(old.id,) for old in stored if run.replaces(old)]
    )
    kept = [old for old in stored if run.keeps(old)]
    decided = (
        [old for old in stored if old.decided and old.extractor == run.extractor]
        if _relearned(db, run, article_id)
        else []
    )
    found = {machine_event_id(article_id, event): event for event in events}
    rows = [
        event_row(event_id, article_id, event, None)
        for event_id, event in found.items()
        if not any(old.same_incident(event) for old in kept)
        and not any(old.id != event_id and old.overlaps(event) for old in decided)
    ]
    if rows:
        db.table("events").insert_all(rows, ignore=True)
    db.execute(
        "INSERT INTO extractions (article_id, extractor, extracted_at, events, lexicon)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id, extractor) DO UPDATE SET"
        " extracted_at = excluded.extracted_at, events = excluded.events,"
        " lexicon = excluded.lexicon",
        [article_id, run.extractor, utc_now(), len(found), run.lexicon],
    )
    return len({row["id"] for row in rows} - {old.id for old in stored})


def store_extractions(
    store: Store,
    extractor: str,
    results: Iterable[tuple[str, Iterable[Event]]],
    redo: bool = False,
    lexicon: str = EMPTY_FINGERPRINT,
) -> int:
    """Store several articles' events from `extractor` in one transaction; return new events.

    Each article's run is recorded, with `lexicon`, the fingerprint of the
    learned lexicon it extracted with (the empty one's by default). With
    `redo`, the extractor's earlier events of those articles that nobody has
    decided on are replaced; a built-in version also replaces the undecided
    events of earlier built-in versions, and adds no event repeating a
    decided one of theirs.
    """
    run = _Run(extractor, builtin_version(extractor), redo, lexicon)
    added = 0
    with store.write() as db:
        for article_id, events in results:
            added += _store_article(db, run, article_id, events)
    return added
