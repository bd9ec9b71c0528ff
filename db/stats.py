"""Counts for `hadath stats`: articles, events, decisions, and each annotator's progress.

Every event is counted the same way in every line: the decisions line and
each annotator's accepted, rejected and corrected count decisions on machine
events only; `added` counts the events reviewers added that still stand, and
`withdrawn` those they added and then deleted or undid (the event stays on
record, so it is counted, but never as added). The annotators' rows add up
to the top lines. Where articles are assigned (db.assignments), each
annotator's row also has `assigned` and, of those, `assigned_done` (finished:
marked done or every machine event decided). `lexicon` counts the project
lexicon's entries: places and actor spellings reviewers taught (db.lexicon).
"""

from __future__ import annotations

from typing import Any

from db.assignments import assignment_counts
from db.lexicon import lexicon_size
from db.store import Store

MACHINE_STATUSES = ("accepted", "rejected", "corrected")

# One row per human event: its author and whether the author's own decision still stands.
_ADDED = """
SELECT e.added_by,
       sum(d.status IS NOT NULL AND d.status != 'deleted'),
       sum(d.status IS NULL OR d.status = 'deleted')
FROM events e
LEFT JOIN decisions d ON d.event_id = e.id AND d.annotator = e.added_by
WHERE e.origin = 'human'
GROUP BY 1
"""


def _scalar(store: Store, sql: str, params: Any = ()) -> int:
    return int(store.db.execute(sql, params).fetchone()[0] or 0)


def collect_stats(store: Store) -> dict[str, Any]:
    """Return the database's figures as a JSON-ready dict."""
    machine = _scalar(store, "SELECT count(*) FROM events WHERE origin = 'machine'")
    per_annotator: dict[str, dict[str, Any]] = {}

    def entry(name: str) -> dict[str, Any]:
        return per_annotator.setdefault(
            name,
            {
                "annotator": name,
                "accepted": 0,
                "rejected": 0,
                "corrected": 0,
                "added": 0,
                "withdrawn": 0,
                "pending": machine,
                "articles_done": 0,
                "articles_flagged": 0,
                "seconds_spent": 0.0,
                "assigned": 0,
                "assigned_done": 0,
            },
        )

    decided = store.db.execute(
        "SELECT d.annotator, d.status, count(*) FROM decisions d"
        " JOIN events e ON e.id = d.event_id WHERE e.origin = 'machine' GROUP BY 1, 2"
    ).fetchall()
    for name, status, count in decided:
        row = entry(name)
        row[status] += count
        row["pending"] -= count
    for name, standing, withdrawn in store.db.execute(_ADDED).fetchall():
        row = entry(name)
        row["added"] += int(standing or 0)
        row["withdrawn"] += int(withdrawn or 0)
    states = store.db.execute(
        "SELECT annotator, sum(done), sum(flagged), sum(seconds_spent) FROM article_state"
        " GROUP BY 1"
    ).fetchall()
    for name, done, flagged, seconds in states:
        row = entry(name)
        row["articles_done"] = int(done or 0)
        row["articles_flagged"] = int(flagged or 0)
        row["seconds_spent"] = round(float(seconds or 0), 1)
    for name, counts in assignment_counts(store).items():
        row = entry(name)
        row["assigned"], row["assigned_done"] = counts["assigned"], counts["done"]
    people = [per_annotator[name] for name in sorted(per_annotator)]
    return {
        "articles": _scalar(store, "SELECT count(*) FROM articles"),
        "events": {
            "machine": machine,
            "human": sum(person["added"] for person in people),
            "human_withdrawn": sum(person["withdrawn"] for person in people),
        },
        "decisions": {
            status: sum(person[status] for person in people) for status in MACHINE_STATUSES
        },
        "articles_done": _scalar(
            store, "SELECT count(DISTINCT article_id) FROM article_state WHERE done = 1"
        ),
        "articles_flagged": _scalar(
            store, "SELECT count(DISTINCT article_id) FROM article_state WHERE flagged = 1"
        ),
        "annotators": people,
        "assignments": any(person["assigned"] for person in people),
        "lexicon": lexicon_size(store),
    }
