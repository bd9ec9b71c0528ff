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
dropping rejects them all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from db.decisions import (
    ADJUDICATED,
    Change,
    add_event,
    decide_batch,
    review_items,
)
from db.evaluation import finished
from db.events import StoredEvent, get_event
from db.store import Store
from extract.agreement import FIELD_LEVELS, field_values, units_of
from extract.record import Event

_FINISHERS = f"""
SELECT a.annotator FROM (
    SELECT annotator FROM decisions WHERE event_id IN (SELECT id FROM events WHERE article_id = :a)
    UNION SELECT annotator FROM article_state WHERE article_id = :a
) a
WHERE substr(a.annotator, 1, 1) != '(' AND {finished(":a", "a.annotator")}
ORDER BY a.annotator
"""


@dataclass(frozen=True)
class Version:
    """One annotator's version of an event: the event it is a version of, as they have it."""

    annotator: str
    event_id: str
    event: Event


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
    found = []
    for (article_id,) in store.db.execute("SELECT id FROM articles ORDER BY seq").fetchall():
        if len(finishers(store, article_id)) >= 2:
            found.append(article_id)
    return found


def items(store: Store, article_id: str) -> list[Item]:
    """The article's items (module docstring), in the order of their evidence."""
    names = finishers(store, article_id)
    versions: dict[str, list[Version]] = {}
    for name in names:
        versions[name] = [
            Version(name, item.stored.id, item.current)
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
        state, source = _view_state(store, list(members.values()))
        gathered.append(Item(members, agreed, state, source))
    gathered.sort(key=lambda item: min(v.event.evidence.start for v in item.versions.values()))
    return gathered


def _view_state(store: Store, members: list[Version]) -> tuple[str, dict[str, Any] | None]:
    """What the view holds of an item's events: its state and provenance."""
    ids = list(dict.fromkeys(version.event_id for version in members))
    marks = ",".join("?" * len(ids))
    rows = store.db.execute(
        f"SELECT status, source FROM decisions WHERE annotator = ? AND event_id IN ({marks})",
        [ADJUDICATED, *ids],
    ).fetchall()
    for status, source in rows:
        if status in ("accepted", "corrected"):
            provenance = json.loads(source) if source else None
            for state in ("edited", "agreed"):
                if provenance and state in provenance:
                    return state, provenance
            return "taken", provenance
    if len(rows) == len(ids) and all(status == "rejected" for status, _ in rows):
        return "dropped", json.loads(rows[0][1]) if rows[0][1] else None
    return "pending", None


def take(store: Store, adjudicator: str, item: Item, annotator: str) -> None:
    """Make `annotator`'s version of the item the view's (one undo step)."""
    _choose(store, item, annotator, None, {"adjudicator": adjudicator, "taken": annotator})


def edit(store: Store, adjudicator: str, item: Item, annotator: str, event: Event) -> None:
    """Make `event`, edited from `annotator`'s version, the view's (one undo step)."""
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
    """Leave the item out of the view: every event of it rejected (one undo step)."""
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
        raise KeyError(annotator)
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
