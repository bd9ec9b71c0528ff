"""The project lexicon: places and actor spellings the reviewers' decisions taught.

What is captured: when a decision stores an event in a reviewer's own form
(a correction, or an event the reviewer added, accepted by its author), each
place (the words of the text with coordinates) and each actor (the words of
the text with an actor key) that differs from the event as stored (what the
extractor gave; nothing, for an added event) becomes an entry, with who
(the annotator), when (the decision's time), the article and the decision
(event id and annotator) it came from. Only what teaches the extractor
something is kept (extract.learned): the words must be found in the
article's text as the extractor would find them, and a place must not be
the one the gazetteer already gives the name, an actor spelling not one the
bundled lexicon already gives that key.

A decision's entries follow the decision: they are brought in line whenever
its row is written (decide, add, delete, accept-all, undo, redo, merge), so
undoing a correction takes its entries away and redoing it brings them back.
`remove_entries` deletes entries (`hadath lexicon remove`); writing the same
decision again (an edit, an undo and redo) captures afresh. A file upgraded
to the schema version that brought the lexicon learns, in the upgrade, what
its decisions standing then teach (`learn_from_decisions`).

An extraction run with the lexicon (`hadath extract --learned`) reads it with
`lexicon_for_run`, which also records which articles fed that lexicon (by its
fingerprint), so that `hadath evaluate` and `hadath agreement` can score the
extractor on those articles apart (`learned_articles`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from db.events import event_from_row
from db.store import Store
from extract.gazetteer import bare_name_key, name_key
from extract.learned import (
    LearnedActor,
    LearnedPlace,
    Lexicon,
    worth_learning_actor,
    worth_learning_place,
)
from extract.record import Actor, Event, Location, RecordError, parse_event

Kind = Literal["place", "actor"]
KINDS: tuple[Kind, ...] = ("place", "actor")
_TAUGHT_BY = ("accepted", "corrected")
"""Decisions whose event may teach something (an accepted one only when its author added it)."""
_LESSON = ("kind", "surface", "key", "name", "admin1", "admin2", "country", "level", "lat", "lon")
"""The columns that say what an entry teaches."""


class LexiconError(ValueError):
    """A lexicon change that cannot be made (an unknown entry)."""


@dataclass(frozen=True)
class LexiconEntry:
    """One entry: what it teaches (a place, or an actor spelling and its key) and where from."""

    id: int
    kind: Kind
    surface: str
    folded: str
    key: str | None
    name: str | None
    admin1: str | None
    admin2: str | None
    country: str | None
    level: str | None
    lat: float | None
    lon: float | None
    annotator: str
    created_at: str
    article_id: str
    event_id: str

    def to_dict(self) -> dict[str, Any]:
        """The entry as JSON-ready data."""
        return asdict(self)


_Lesson = tuple[Any, ...]
"""An entry's `_LESSON` values."""


def _place_lesson(place: LearnedPlace) -> _Lesson:
    return ("place", place.surface, None, place.name, place.admin1, place.admin2, place.country,
            place.level, place.lat, place.lon)  # fmt: skip


def _actor_lesson(actor: LearnedActor) -> _Lesson:
    return ("actor", actor.surface, actor.key, None, None, None, None, None, None, None)


def _learned_place(location: Location | None) -> LearnedPlace | None:
    """A location as a learned place, if it has words and coordinates."""
    if location is None or location.lat is None or location.lon is None:
        return None
    surface = (location.text or "").strip()
    if not surface:
        return None
    return LearnedPlace(
        surface, location.lat, location.lon, location.name, location.admin1, location.admin2,
        location.country, location.level,
    )  # fmt: skip


def _actors(event: Event) -> list[Actor]:
    found = [event.actor1, event.actor2, *event.assoc_actors1, *event.assoc_actors2]
    return [actor for actor in found if actor is not None]


def differences(mine: Event, base: Event | None) -> list[LearnedPlace | LearnedActor]:
    """The places and actors of a reviewer's event `mine` that `base` (the event as stored;
    None for one the reviewer added) does not have: a place with other words or coordinates,
    an actor whose words or key differ from each of base's actors."""
    out: list[LearnedPlace | LearnedActor] = []
    place = _learned_place(mine.location)
    before = _learned_place(base.location) if base is not None else None
    if place is not None and (
        before is None
        or (name_key(before.surface), before.lat, before.lon)
        != (name_key(place.surface), place.lat, place.lon)
    ):
        out.append(place)
    known = {(name_key(a.text or ""), a.key) for a in _actors(base)} if base else set()
    for actor in _actors(mine):
        surface = (actor.text or "").strip()
        if surface and actor.key and (name_key(surface), actor.key) not in known:
            out.append(LearnedActor(surface, actor.key))
    return out


def _lessons(
    conn: sqlite3.Connection, event_id: str, annotator: str, state: dict[str, Any] | None
) -> tuple[str | None, list[_Lesson]]:
    """(the event's article, what the decision `state` on it teaches)."""
    if state is None or state.get("status") not in _TAUGHT_BY:
        return None, []
    cursor = conn.execute("SELECT * FROM events WHERE id = ?", [event_id])
    row = cursor.fetchone()
    if row is None:
        return None, []
    fields = dict(zip([c[0] for c in cursor.description], row, strict=True))
    own = fields["added_by"] == annotator  # the reviewer's own added event teaches all of it
    if state["status"] == "accepted" and not own:
        return None, []  # most decisions: a machine event accepted as it is teaches nothing
    stored = event_from_row(fields)
    if state["status"] == "corrected":
        corrected = state["corrected"]
        record = json.loads(corrected) if isinstance(corrected, str) else corrected
        found = differences(parse_event(record), None if own else stored.event)
    else:
        found = differences(stored.event, None)
    if not found:
        return stored.article_id, []
    text = conn.execute("SELECT text FROM articles WHERE id = ?", [stored.article_id]).fetchone()
    lessons = []
    for entry in dict.fromkeys(found):
        if isinstance(entry, LearnedPlace) and worth_learning_place(entry, text[0]):
            lessons.append(_place_lesson(entry))
        elif isinstance(entry, LearnedActor) and worth_learning_actor(entry, text[0]):
            lessons.append(_actor_lesson(entry))
    return stored.article_id, lessons


def _folded(lesson: _Lesson) -> str:
    """An entry's words folded as they are matched (a place's without a place word)."""
    return bare_name_key(lesson[1]) if lesson[0] == "place" else name_key(lesson[1])


def capture(
    conn: sqlite3.Connection, event_id: str, annotator: str, state: dict[str, Any] | None
) -> None:
    """Bring the entries of the annotator's decision on the event in line with the decision's
    new `state` (as written to the decisions table; None: no decision), inside the caller's
    transaction. Entries still taught are kept as they are."""
    existing = {
        tuple(row[1:]): row[0]
        for row in conn.execute(
            f"SELECT id, {', '.join(_LESSON)} FROM lexicon WHERE event_id = ? AND annotator = ?",
            [event_id, annotator],
        )
    }
    article_id, lessons = _lessons(conn, event_id, annotator, state)
    stale = [(entry,) for lesson, entry in existing.items() if lesson not in lessons]
    conn.executemany("DELETE FROM lexicon WHERE id = ?", stale)
    new = [lesson for lesson in lessons if lesson not in existing]
    if not new:
        return
    assert state is not None
    conn.executemany(
        f"INSERT INTO lexicon ({', '.join(_LESSON)}, folded, annotator, created_at, article_id,"
        " event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (*lesson, _folded(lesson), annotator, state["decided_at"], article_id, event_id)
            for lesson in new
        ],
    )


def capture_decisions(conn: sqlite3.Connection, decisions: Iterable[tuple[str, str]]) -> None:
    """`capture` for each (event, annotator) from its decision as it stands (after a merge)."""
    for event_id, annotator in decisions:
        row = conn.execute(
            "SELECT status, corrected, decided_at FROM decisions"
            " WHERE event_id = ? AND annotator = ?",
            [event_id, annotator],
        ).fetchone()
        names = ("status", "corrected", "decided_at")
        state = None if row is None else dict(zip(names, row, strict=True))
        capture(conn, event_id, annotator, state)


_TEACHING = (
    "SELECT d.event_id, d.annotator FROM decisions d JOIN events e ON e.id = d.event_id"
    " WHERE d.status = 'corrected' OR (d.status = 'accepted' AND e.added_by = d.annotator)"
    " ORDER BY d.decided_at, d.event_id"
)
"""The decisions that may teach something, oldest first."""


def learn_from_decisions(conn: sqlite3.Connection) -> None:
    """Capture what every decision standing teaches (a file upgraded to the lexicon's schema
    version); a decision whose record this hadath cannot read teaches nothing."""
    for event_id, annotator in conn.execute(_TEACHING).fetchall():
        try:
            capture_decisions(conn, [(event_id, annotator)])
        except RecordError:
            continue


_COLUMNS = ", ".join(LexiconEntry.__dataclass_fields__)


def list_entries(store: Store, kind: Kind | None = None) -> list[LexiconEntry]:
    """The lexicon's entries (of one kind), oldest first."""
    where, parameters = ("WHERE kind = ?", [kind]) if kind else ("", [])
    rows = store.db.execute(f"SELECT {_COLUMNS} FROM lexicon {where} ORDER BY id", parameters)
    return [LexiconEntry(*row) for row in rows.fetchall()]


def remove_entries(store: Store, ids: Sequence[int]) -> int:
    """Delete the entries `ids` in one transaction; return how many. An id that names no
    entry is refused (LexiconError) and nothing is deleted; so is a file hadath cannot write
    (StoreError), before anything is read."""
    wanted = list(dict.fromkeys(ids))
    store.check_writable()
    with store.write() as db:
        marks = ", ".join("?" * len(wanted))
        found = {
            row[0] for row in db.execute(f"SELECT id FROM lexicon WHERE id IN ({marks})", wanted)
        }
        unknown = [str(entry) for entry in wanted if entry not in found]
        if unknown:
            raise LexiconError(
                f"there is no lexicon entry {', '.join(unknown)}; nothing was removed"
                " (hadath lexicon list shows the entries)"
            )
        db.conn.executemany("DELETE FROM lexicon WHERE id = ?", [(entry,) for entry in wanted])
    return len(wanted)


def _lexicon(entries: Iterable[LexiconEntry]) -> Lexicon:
    places, actors = [], []
    for entry in entries:
        if entry.kind == "actor" and entry.key is not None:
            actors.append(LearnedActor(entry.surface, entry.key))
        elif entry.kind == "place" and entry.lat is not None and entry.lon is not None:
            places.append(
                LearnedPlace(
                    entry.surface, entry.lat, entry.lon, entry.name, entry.admin1, entry.admin2,
                    entry.country, entry.level,  # type: ignore[arg-type]
                )
            )  # fmt: skip
    return Lexicon(tuple(places), tuple(actors))


def load_lexicon(store: Store) -> Lexicon:
    """The lexicon as it stands, as the extractor takes it."""
    return _lexicon(list_entries(store))


def lexicon_for_run(store: Store) -> Lexicon:
    """The lexicon for an extraction run; in the same transaction, the articles whose
    decisions fed it are recorded under its fingerprint (`learned_articles`)."""
    with store.write() as db:
        lexicon = load_lexicon(store)
        if len(lexicon):
            db.execute(
                "INSERT OR IGNORE INTO lexicon_articles (fingerprint, article_id)"
                " SELECT DISTINCT ?, article_id FROM lexicon",
                [lexicon.fingerprint()],
            )
    return lexicon


def lexicon_size(store: Store) -> dict[str, int]:
    """How many entries the lexicon holds, per kind."""
    counts = dict(store.db.execute("SELECT kind, count(*) FROM lexicon GROUP BY 1").fetchall())
    return {f"{kind}s": int(counts.get(kind, 0)) for kind in KINDS}


def learned_articles(store: Store, extractor: str | None) -> set[str]:
    """The articles whose events `extractor` read with a lexicon that their own decisions
    fed: scoring the extractor there would score what it learned."""
    if extractor is None:
        return set()
    sql = (
        "SELECT x.article_id FROM extractions x WHERE x.extractor = ? AND EXISTS"
        " (SELECT 1 FROM lexicon_articles l"
        "  WHERE l.fingerprint = x.lexicon AND l.article_id = x.article_id)"
    )
    return {row[0] for row in store.db.execute(sql, [extractor]).fetchall()}
