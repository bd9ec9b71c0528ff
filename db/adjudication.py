"""Adjudication: the annotators' versions of each event side by side, and the adjudicated
view made from them, with provenance.

The articles adjudicated are those two or more annotators finished (marked
done, or every machine event decided). In each, the annotators' curated
events are gathered into *items* by overlapping evidence (the units of
`extract.agreement`), so that two versions of one event that disagree on
type or place are one item. An item is *agreed* when every annotator has a
version and every compared field (type, actor keys, place, date, killed,
injured) is equal.

The adjudicated view is stored as decisions of its own, under the name
`ADJUDICATED`, through the same write path as a reviewer's (one transaction
each, audited, undone and redone the same way, nothing lost on a kill).
Each of its decisions carries its provenance (`source`): who adjudicated,
and which annotator's version was taken (`taken`), edited (`edited`),
agreed by all (`agreed`), dropped, or added by the adjudicator. Taking a
version decides the event it is a version of (accepted as stored, or
corrected to that annotator's version) and rejects the item's other events;
dropping rejects them all. The adjudicator's own events (`add`) are items
of their own, with no version; dropping one withdraws it.

Agreed items are *pre-accepted*: the first time an article is opened for
adjudication (`pre_accept`), those not decided yet are accepted into the
view in one undo step. The article's state row for the view marks that it
was opened, so an undone pre-acceptance is not made again behind the
adjudicator's back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from db.decisions import (
    ADJUDICATED,
    Change,
    DecisionError,
    add_event,
    decide_batch,
    delete_event,
    review_items,
)
from db.evaluation import finished
from db.events import StoredEvent, get_event
from db.store import Store, utc_now
from extract.agreement import FIELD_LEVELS, field_values, units_of
from extract.record import Event, parse_event

_PEOPLE = "substr({who}, 1, 1) != '('"
"""An SQL condition: the annotator is a person, not one of hadath's own entries."""

_FINISHERS = f"""
SELECT a.annotator FROM (
    SELECT annotator FROM decisions WHERE event_id IN (SELECT id FROM events WHERE article_id = :a)
    UNION SELECT annotator FROM article_state WHERE article_id = :a
) a
WHERE {_PEOPLE.format(who="a.annotator")} AND {finished(":a", "a.annotator")}
ORDER BY a.annotator
"""

_TO_ADJUDICATE = f"""
WITH pairs(article, who) AS (
    SELECT e.article_id, d.annotator FROM decisions d JOIN events e ON e.id = d.event_id
    WHERE {_PEOPLE.format(who="d.annotator")}
    UNION SELECT article_id, annotator FROM article_state
    WHERE {_PEOPLE.format(who="annotator")}
)
SELECT p.article FROM pairs p JOIN articles a ON a.id = p.article
WHERE {finished("p.article", "p.who")}
GROUP BY p.article HAVING count(*) >= 2
ORDER BY min(a.seq)
"""

_VIEW_DECISIONS = """SELECT event_id, status, corrected, source FROM decisions
WHERE annotator = ? AND event_id IN ({marks})"""

_OPENED = "SELECT 1 FROM article_state WHERE article_id = ? AND annotator = ?"


@dataclass(frozen=True)
class Version:
    """One annotator's version of an event: the event it is a version of, as they have it."""

    annotator: str
    event_id: str
    event: Event
    stored: StoredEvent
    """The event as stored (the machine's, or the one the annotator added)."""


@dataclass(frozen=True)
class Item:
    """One event as the annotators have it: their versions, whether they agree, and what
    the adjudicated view holds of it."""

    versions: dict[str, Version]
    """By annotator, in the order the annotators are listed."""
    agreed: bool
    state: str
    """"pending", "taken", "edited", "agreed" (accepted as agreed) or "dropped"."""
    source: dict[str, Any] | None
    """The provenance of the view's decision, once there is one."""
    view_id: str | None = None
    """The event whose view decision holds the item (taken, edited, agreed or added)."""
    view_event: Event | None = None
    """The event as the view holds it, once it holds one."""

    @property
    def added(self) -> bool:
        """Whether the adjudicator added this event (no annotator has a version of it)."""
        return not self.versions

    @property
    def event_ids(self) -> list[str]:
        """The distinct events the versions are versions of."""
        return list(dict.fromkeys(version.event_id for version in self.versions.values()))

    def differing(self) -> set[str]:
        """The compared fields on which the versions differ (all of them for a lone version)."""
        rows = [field_values(version.event) for version in self.versions.values()]
        return {name for i, name in enumerate(FIELD_LEVELS) if len({row[i] for row in rows}) > 1}


def finishers(store: Store, article_id: str) -> list[str]:
    """The annotators (not hadath's own entries) who finished the article, by name."""
    return [row[0] for row in store.db.execute(_FINISHERS, {"a": article_id}).fetchall()]


def articles_to_adjudicate(store: Store) -> list[str]:
    """The ids of the articles two or more annotators finished, in review order."""
    return [row[0] for row in store.db.execute(_TO_ADJUDICATE).fetchall()]


def items(store: Store, article_id: str, names: list[str] | None = None) -> list[Item]:
    """The article's items (module docstring), in the order of their evidence; the
    adjudicator's own events among them. `names` are the article's finishers, when the
    caller has them already."""
    names = finishers(store, article_id) if names is None else names
    versions: dict[str, list[Version]] = {}
    for name in names:
        versions[name] = [
            Version(name, item.stored.id, item.current, item.stored)
            for item in review_items(store, article_id, name)
            if item.decision is not None and item.decision.status in ("accepted", "corrected")
        ]
    by_event = {id(v.event): v for found in versions.values() for v in found}
    units = units_of({name: [v.event for v in found] for name, found in versions.items()})
    gathered = []
    for unit in units:
        members = {name: by_event[id(event)] for name, event in unit.items()}
        rows = {field_values(version.event) for version in members.values()}
        agreed = len(members) == len(names) and len(rows) == 1
        gathered.append(_with_view(store, members, agreed))
    for own in review_items(store, article_id, ADJUDICATED):
        if own.stored.added_by == ADJUDICATED:
            source = _view_decisions(store, [own.stored.id])[0][3]
            gathered.append(Item({}, False, "added", source, own.stored.id, own.current))
    gathered.sort(key=_evidence_start)
    return gathered


def _evidence_start(item: Item) -> int:
    events = [v.event for v in item.versions.values()]
    if item.view_event is not None:
        events.append(item.view_event)
    return min(event.evidence.start for event in events)


def _view_decisions(
    store: Store, event_ids: list[str]
) -> list[tuple[str, str, str | None, dict[str, Any] | None]]:
    """The view's decisions on these events: id, status, corrected JSON, provenance."""
    sql = _VIEW_DECISIONS.format(marks=",".join("?" * len(event_ids)))
    return [
        (event_id, status, corrected, json.loads(source) if source else None)
        for event_id, status, corrected, source in store.db.execute(
            sql, [ADJUDICATED, *event_ids]
        ).fetchall()
    ]


def _with_view(store: Store, members: dict[str, Version], agreed: bool) -> Item:
    """An item of these versions, with what the view holds of it: state and provenance."""
    ids = list(dict.fromkeys(version.event_id for version in members.values()))
    stored = {version.event_id: version.stored.event for version in members.values()}
    rows = _view_decisions(store, ids)
    for event_id, status, corrected, source in rows:
        if status in ("accepted", "corrected"):
            held = parse_event(json.loads(corrected)) if corrected else stored[event_id]
            state = next((s for s in ("edited", "agreed") if source and s in source), "taken")
            return Item(members, agreed, state, source, event_id, held)
    if len(rows) == len(ids) and all(status == "rejected" for _, status, _, _ in rows):
        return Item(members, agreed, "dropped", rows[0][3])
    return Item(members, agreed, "pending", None)


def was_opened(store: Store, article_id: str) -> bool:
    """Whether the article was opened for adjudication before (its agreed items were
    pre-accepted then, or time was spent on it)."""
    return store.db.execute(_OPENED, [article_id, ADJUDICATED]).fetchone() is not None


def pre_accept(store: Store, adjudicator: str, article_id: str) -> int:
    """On the article's first opening for adjudication, accept its agreed items into the view
    (one undo step) and mark it opened; how many were accepted (0 on a later opening)."""
    if was_opened(store, article_id):
        return 0
    accepted = accept_agreed(store, adjudicator, article_id)
    with store.write() as db:
        db.execute(
            "INSERT OR IGNORE INTO article_state (article_id, annotator, updated_at)"
            " VALUES (?, ?, ?)",
            [article_id, ADJUDICATED, utc_now()],
        )
    return accepted


def take(store: Store, adjudicator: str, item: Item, annotator: str) -> None:
    """Make `annotator`'s version of the item the view's (one undo step)."""
    _choose(store, item, annotator, None, {"adjudicator": adjudicator, "taken": annotator})


def edit(store: Store, adjudicator: str, item: Item, annotator: str | None, event: Event) -> None:
    """Make `event`, edited from `annotator`'s version, the view's (one undo step); for the
    adjudicator's own event (`annotator` None), correct it."""
    if item.added:
        assert item.view_id is not None
        source = {"adjudicator": adjudicator, "added": True}
        decide_batch(store, ADJUDICATED, [Change(item.view_id, "corrected", event, source)])
        return
    if annotator is None:
        raise DecisionError("say whose version the edit starts from")
    _choose(store, item, annotator, event, {"adjudicator": adjudicator, "edited": annotator})


def accept_agreed(store: Store, adjudicator: str, article_id: str) -> int:
    """Accept into the view every agreed item not decided yet (one undo step); how many."""
    changes: list[Change] = []
    for item in items(store, article_id):
        if item.agreed and item.state == "pending":
            first = next(iter(item.versions.values()))
            source = {"adjudicator": adjudicator, "agreed": sorted(item.versions)}
            changes.extend(_changes(store, item, first, None, source))
    if changes:
        decide_batch(store, ADJUDICATED, changes)
    return sum(1 for change in changes if change.status != "rejected")


def drop(store: Store, adjudicator: str, item: Item) -> None:
    """Leave the item out of the view: every event of it rejected (one undo step); the
    adjudicator's own event is withdrawn."""
    if item.added:
        assert item.view_id is not None
        delete_event(store, ADJUDICATED, item.view_id)
        return
    source = {"adjudicator": adjudicator, "dropped": True}
    decide_batch(store, ADJUDICATED, [Change(e, "rejected", None, source) for e in item.event_ids])


def add(store: Store, adjudicator: str, article_id: str, event: Event) -> StoredEvent:
    """Add an event no annotator has to the view."""
    return add_event(store, ADJUDICATED, article_id, event, {"adjudicator": adjudicator,
                                                             "added": True})  # fmt: skip


def _choose(
    store: Store, item: Item, annotator: str, edited: Event | None, source: dict[str, Any]
) -> None:
    if annotator not in item.versions:
        raise DecisionError(f"{annotator} has no version of this event")
    decide_batch(store, ADJUDICATED, _changes(store, item, item.versions[annotator], edited,
                                              source))  # fmt: skip


def _changes(
    store: Store, item: Item, chosen: Version, edited: Event | None, source: dict[str, Any]
) -> list[Change]:
    """The view's decisions taking `chosen` (or `edited` from it) and rejecting the rest."""
    stored = get_event(store, chosen.event_id)
    assert stored is not None
    wanted = edited or chosen.event
    if wanted == stored.event:
        first = Change(chosen.event_id, "accepted", None, source)
    else:
        first = Change(chosen.event_id, "corrected", wanted, source)
    rest = [
        Change(event_id, "rejected", None, {**source, "superseded_by": chosen.event_id})
        for event_id in item.event_ids
        if event_id != chosen.event_id
    ]
    return [first, *rest]
