"""Several reviewers on one database file at once: nobody's decisions are lost."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from db.decisions import add_event, audit_log, decide, review_items
from db.events import add_machine_events
from db.store import open_store
from tests.conftest import make_event, seed_ids

EVENTS_PER_ARTICLE = 40


def review_everything(path: str, annotator: str, status: str, start, done) -> None:
    """One reviewer's process: decide every event, one transaction each, and add one per article."""
    with open_store(path) as store:
        start.wait(timeout=60)
        for article_id in seed_ids(store):
            for item in review_items(store, article_id, annotator):
                decide(store, annotator, item.stored.id, status)
            add_event(store, annotator, article_id, make_event(evidence={"start": 0, "end": 10}))
    done.put(annotator)


def test_two_reviewer_processes_lose_no_decision(seeded, db_path: Path) -> None:
    total = 0
    for article_id in seed_ids(seeded):
        events = [make_event(fatalities=n) for n in range(EVENTS_PER_ARTICLE)]
        total += len(add_machine_events(seeded, article_id, events))
    context = multiprocessing.get_context("spawn")
    start, done = context.Barrier(2), context.Queue()
    workers = [
        context.Process(target=review_everything, args=(str(db_path), name, status, start, done))
        for name, status in (("layla", "accepted"), ("omar", "rejected"))
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    assert sorted([done.get(timeout=5), done.get(timeout=5)]) == ["layla", "omar"]

    rows = seeded.db.execute(
        "SELECT d.annotator, d.status, e.origin, count(*) FROM decisions d"
        " JOIN events e ON e.id = d.event_id GROUP BY 1, 2, 3 ORDER BY 1, 3"
    ).fetchall()
    assert rows == [
        ("layla", "accepted", "human", 5),
        ("layla", "accepted", "machine", total),
        ("omar", "accepted", "human", 5),
        ("omar", "rejected", "machine", total),
    ]
    assert len(audit_log(seeded, "layla")) == total + 5
    assert len(audit_log(seeded, "omar")) == total + 5
