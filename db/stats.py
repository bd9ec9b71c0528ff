"""Counts for `hadath stats`: articles, events, decisions, and each annotator's progress."""

from __future__ import annotations

from typing import Any

from db.store import Store


def _scalar(store: Store, sql: str, params: Any = ()) -> int:
    return int(store.db.execute(sql, params).fetchone()[0] or 0)


def collect_stats(store: Store) -> dict[str, Any]:
    """Return the database's figures as a JSON-ready dict."""
    origins = dict(store.db.execute("SELECT origin, count(*) FROM events GROUP BY 1").fetchall())
    statuses = dict(
        store.db.execute("SELECT status, count(*) FROM decisions GROUP BY 1").fetchall()
    )
    machine = int(origins.get("machine", 0))
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
                "deleted": 0,
                "pending": machine,
                "articles_done": 0,
                "articles_flagged": 0,
                "seconds_spent": 0.0,
            },
        )

    decided = store.db.execute(
        "SELECT d.annotator, e.origin, d.status, count(*) FROM decisions d"
        " JOIN events e ON e.id = d.event_id GROUP BY 1, 2, 3"
    ).fetchall()
    for name, origin, status, count in decided:
        row = entry(name)
        if origin == "human":
            row["added"] += count
            if status == "deleted":
                row["deleted"] += count
        else:
            row[status] += count
            row["pending"] -= count
    states = store.db.execute(
        "SELECT annotator, sum(done), sum(flagged), sum(seconds_spent) FROM article_state"
        " GROUP BY 1"
    ).fetchall()
    for name, done, flagged, seconds in states:
        row = entry(name)
        row["articles_done"] = int(done or 0)
        row["articles_flagged"] = int(flagged or 0)
        row["seconds_spent"] = round(float(seconds or 0), 1)
    return {
        "articles": _scalar(store, "SELECT count(*) FROM articles"),
        "events": {"machine": machine, "human": int(origins.get("human", 0))},
        "decisions": {
            s: int(statuses.get(s, 0)) for s in ("accepted", "rejected", "corrected", "deleted")
        },
        "articles_done": _scalar(
            store, "SELECT count(DISTINCT article_id) FROM article_state WHERE done = 1"
        ),
        "articles_flagged": _scalar(
            store, "SELECT count(DISTINCT article_id) FROM article_state WHERE flagged = 1"
        ),
        "annotators": [per_annotator[name] for name in sorted(per_annotator)],
    }
