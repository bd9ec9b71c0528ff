"""`hadath stats`: figures that match what was stored."""

from __future__ import annotations

import json
from pathlib import Path

from db.decisions import add_event, add_time, decide, delete_event, set_done, set_flagged
from db.events import add_machine_events
from db.store import open_store
from tests.conftest import SEEDS, make_event, run_cli, seed_ids


def test_stats_count_articles_events_decisions_and_annotators(db_path: Path) -> None:
    assert run_cli(db_path, "import", str(SEEDS)).exit_code == 0
    with open_store(db_path) as store:
        first, second = seed_ids(store)[:2]
        ids = add_machine_events(
            store,
            first,
            [make_event(fatalities=n, evidence={"start": n, "end": n + 9}) for n in range(4)],
        )
        decide(store, "layla", ids[0], "accepted")
        decide(store, "layla", ids[1], "rejected")
        decide(store, "layla", ids[2], "corrected", make_event(fatalities=1))
        decide(store, "omar", ids[0], "rejected")
        added = add_event(store, "layla", second, make_event())
        gone = add_event(store, "layla", second, make_event())
        delete_event(store, "layla", gone.id)
        set_done(store, "layla", first)
        set_done(store, "omar", first)
        set_flagged(store, "omar", second, True)
        add_time(store, "layla", first, 42.5)
    assert added.id
    result = run_cli(db_path, "stats", "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["articles"] == 5
    assert figures["events"] == {"machine": 4, "human": 1, "human_withdrawn": 1}
    assert figures["decisions"] == {"accepted": 1, "rejected": 2, "corrected": 1}
    assert (figures["articles_done"], figures["articles_flagged"]) == (1, 1)
    layla, omar = figures["annotators"]
    assert layla == {
        "annotator": "layla",
        "accepted": 1,
        "rejected": 1,
        "corrected": 1,
        "added": 1,
        "withdrawn": 1,
        "pending": 1,
        "articles_done": 1,
        "articles_flagged": 0,
        "seconds_spent": 42.5,
        "assigned": 0,
        "assigned_done": 0,
    }
    assert figures["assignments"] is False
    assert (omar["annotator"], omar["rejected"], omar["pending"], omar["articles_flagged"]) == (
        "omar",
        1,
        3,
        1,
    )

    text = run_cli(db_path, "stats")
    assert text.exit_code == 0
    lines = text.stdout.splitlines()
    assert lines[0].split() == ["articles", "5"]
    assert any(line.split()[:4] == ["layla", "1", "1", "1"] for line in lines)
