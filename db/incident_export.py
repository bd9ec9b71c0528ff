"""`export --by incident`: one record (JSONL) or one row per day (CSV) for each incident.

The links that join one annotator's incidents (confirmed ones, and with
`--auto-link` the unreviewed candidates scoring at least the threshold that
nobody split) make groups of their curated events (a union-find over the
links; a link to an event that is no longer curated is dropped). The
curated stream (db.curated) is then read once, in storage order, in one
read transaction: an event in no group is an incident of its own, written
at once; the events of a group wait until its last member has come, and
the group is written then (db.incident_merge builds the record). Memory
holds the groups, not the dataset.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from db import curated
from db.acled import AcledStyle
from db.cells import escape_unsafe_json
from db.curated import CURATED_FROM
from db.incident_merge import incident_rows, merge_incident
from db.incidents import AUTO_LINK_SCORE, incident_figures, linked_pairs

CHUNK_INCIDENTS = 2_000
_LOOKUP = 500


class _Groups:
    """Union-find over event ids: which events one incident joins."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def root(self, event_id: str) -> str:
        parent = self.parent
        root = event_id
        while parent[root] != root:
            root = parent[root]
        while parent[event_id] != root:
            parent[event_id], event_id = root, parent[event_id]
        return root

    def join(self, first: str, second: str) -> None:
        for event_id in (first, second):
            self.parent.setdefault(event_id, event_id)
        one, other = self.root(first), self.root(second)
        if one != other:
            low, high = sorted((one, other))
            self.parent[high] = low


def _curated_among(conn: sqlite3.Connection, annotator: str, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), _LOOKUP):
        names = {f"p{index}": value for index, value in enumerate(ids[start : start + _LOOKUP])}
        marks = ",".join(f":{name}" for name in names)  # CURATED_FROM names its parameters
        sql = f"SELECT e.id FROM {CURATED_FROM} AND e.id IN ({marks})"
        found.update(row[0] for row in conn.execute(sql, {"annotator": annotator, **names}))
    return found


def incident_groups(
    conn: sqlite3.Connection, annotator: str, auto_link: bool, threshold: float = AUTO_LINK_SCORE
) -> tuple[dict[str, str], dict[str, list[tuple[str, str, str]]]]:
    """(event id -> its group's root, root -> the group's links) of the annotator's curated
    events that links join; events in no group are absent."""
    pairs = list(linked_pairs(conn, annotator, auto_link, threshold))
    linked = sorted({event_id for pair in pairs for event_id in pair[:2]})
    curated_ids = _curated_among(conn, annotator, linked)
    groups = _Groups()
    kept = []
    for first, second, how in pairs:
        if first in curated_ids and second in curated_ids:
            groups.join(first, second)
            kept.append((first, second, how))
    root_of = {event_id: groups.root(event_id) for event_id in groups.parent}
    links: dict[str, list[tuple[str, str, str]]] = {}
    for first, second, how in kept:
        links.setdefault(root_of[first], []).append((first, second, how))
    return root_of, links


def _figure_of(
    members: Iterable[dict[str, Any]], figures: dict[str, tuple[int, str]]
) -> tuple[int, str, str] | None:
    """The newest figure the reviewer set on any member: (fatalities, when, event)."""
    set_on = [(*figures[m["event_id"]], m["event_id"]) for m in members if m["event_id"] in figures]
    return max(set_on, key=lambda found: (found[1], found[2])) if set_on else None


def iter_incidents(
    conn: sqlite3.Connection, annotator: str, auto_link: bool, threshold: float = AUTO_LINK_SCORE
) -> Iterator[dict[str, Any]]:
    """The annotator's incidents (db.incident_merge records), each once its last member
    has been read; call inside one read transaction for one snapshot."""
    root_of, links = incident_groups(conn, annotator, auto_link, threshold)
    figures = incident_figures(conn, annotator)
    size: dict[str, int] = {}
    for group_root in root_of.values():
        size[group_root] = size.get(group_root, 0) + 1
    waiting: dict[str, list[dict[str, Any]]] = {}
    for record in curated.iter_curated(conn, annotator):
        root = root_of.get(record["event_id"])
        if root is None:
            yield merge_incident([record], (), _figure_of([record], figures))
            continue
        group = waiting.setdefault(root, [])
        group.append(record)
        if len(group) == size[root]:
            del waiting[root]
            yield merge_incident(group, links.get(root, ()), _figure_of(group, figures))


def encode_incidents(
    incidents: list[dict[str, Any]], fmt: str, style: AcledStyle
) -> tuple[list[list[Any]] | None, bytes]:
    """JSONL bytes of incident records, or (for CSV) their ACLED rows to encode."""
    if fmt == "jsonl":
        lines = b"".join(orjson.dumps(item, option=orjson.OPT_APPEND_NEWLINE) for item in incidents)
        return None, escape_unsafe_json(lines)
    return [row for incident in incidents for row in incident_rows(incident, style)], b""
