"""`hadath extract` and `hadath evaluate` on a real database, and the demo's machine events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db import extraction_jobs
from db.decisions import accept_all, add_event, decide, review_items, set_done
from db.events import add_machine_events, article_events
from db.store import open_store
from extract import extract_events, extractor_name
from tests.conftest import SEEDS, make_event, run_cli, seed_ids, snapshot


def machine_counts(db_path: Path) -> dict[str, int]:
    with open_store(db_path) as store:
        rows = store.db.execute(
            "SELECT article_id, count(*) FROM events WHERE origin = 'machine' GROUP BY 1"
        ).fetchall()
    return dict(rows)


def test_extract_stores_the_extractors_events_once(db_path: Path) -> None:
    assert run_cli(db_path, "import", str(SEEDS)).exit_code == 0
    result = run_cli(db_path, "extract")
    assert result.exit_code == 0, result.output
    with open_store(db_path) as store:
        expected = {}
        for article_id in seed_ids(store):
            text = store.db.execute(
                "SELECT text FROM articles WHERE id = ?", [article_id]
            ).fetchone()[0]
            expected[article_id] = [e.to_dict() for e in extract_events(text)]
            stored = [e.event.to_dict() for e in article_events(store, article_id)]
            assert stored == expected[article_id]
    total = sum(len(v) for v in expected.values())
    assert total >= 10
    assert f"extracted {total} new events from 5 articles" in result.stdout
    before = snapshot(db_path)
    again = run_cli(db_path, "extract")
    assert "extracted 0 new events from 0 articles" in again.stdout
    assert snapshot(db_path) == before


def test_an_article_without_events_is_not_read_again(db_path: Path, tmp_path: Path) -> None:
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("عقد مجلس الأمن جلسة لبحث الأوضاع الإنسانية في سوريا.", "utf-8")
    run_cli(db_path, "import", str(quiet))
    assert "from 1 articles" in run_cli(db_path, "extract").stdout
    assert "from 0 articles" in run_cli(db_path, "extract").stdout


def test_force_redoes_articles_but_keeps_events_someone_decided_on(db_path: Path) -> None:
    run_cli(db_path, "import", str(SEEDS))
    run_cli(db_path, "extract")
    name = extractor_name()
    with open_store(db_path) as store:
        article_id = seed_ids(store)[0]
        stale, kept = add_machine_events(
            store,
            article_id,
            [make_event(extractor=name, fatalities=99), make_event(extractor=name, fatalities=98)],
        )
        decide(store, "layla", kept, "accepted")
    counts = machine_counts(db_path)
    result = run_cli(db_path, "extract", "--force")
    assert result.exit_code == 0
    assert "extracted 0 new events from 5 articles" in result.stdout
    with open_store(db_path) as store:
        ids = {e.id for e in article_events(store, article_id)}
    assert stale not in ids and kept in ids  # undecided stale event replaced, decided one kept
    assert machine_counts(db_path)[article_id] == counts[article_id] - 1


def test_evaluate_compares_machine_events_with_the_curated_ones(db_path: Path) -> None:
    run_cli(db_path, "import", str(SEEDS))
    run_cli(db_path, "extract")
    with open_store(db_path) as store:
        first, second = seed_ids(store)[:2]
        accept_all(store, "layla", first)  # reviewed: every machine event accepted
        items = review_items(store, second, "layla")
        decide(store, "layla", items[0].stored.id, "rejected")
        for item in items[1:]:
            decide(store, "layla", item.stored.id, "accepted")
        add_event(store, "layla", second, make_event(sub_event_type="Armed clash"))
        set_done(store, "layla", second)
        machine = len(article_events(store, first)) + len(items)
    result = run_cli(db_path, "evaluate", "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["annotator"] == "layla" and figures["articles"] == 2
    assert figures["predicted"] == machine
    assert figures["gold"] == machine - 1 + 1  # one rejected, one added
    assert figures["matched"] == machine - 1
    assert figures["precision"] == round((machine - 1) / machine, 4)
    assert figures["fields"]["fatalities"] == 1.0
    table = run_cli(db_path, "evaluate")
    assert "precision" in table.stdout and "actor1" in table.stdout


def test_evaluate_without_any_review_says_so(db_path: Path) -> None:
    run_cli(db_path, "import", str(SEEDS))
    result = run_cli(db_path, "evaluate")
    assert result.exit_code == 1
    assert "nobody has reviewed anything yet" in result.stderr


def test_demo_database_carries_machine_events(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli(tmp_path / "unused.db", "demo", "--no-review")
    assert result.exit_code == 0, result.output
    counts = machine_counts(tmp_path / "hadath-demo.db")
    assert len(counts) == 5 and all(n > 0 for n in counts.values())


def test_extract_with_several_jobs_stores_what_one_job_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--jobs 2 extracts in two processes; the events stored are the same, in the same
    order, as with one (windows of 20 articles: one is stored while the next is read)."""
    monkeypatch.setattr(extraction_jobs, "WINDOW_PER_JOB", 10)
    articles = tmp_path / "many.jsonl"
    seeds = [path.read_text("utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    with articles.open("w", encoding="utf-8") as out:
        for n in range(90):
            text = f"{seeds[n % len(seeds)]}\n({n})"
            out.write(json.dumps({"text": text, "published": "2024-01-26"}) + "\n")
    stored = []
    for jobs in ("1", "2"):
        path = tmp_path / f"jobs-{jobs}.db"
        assert run_cli(path, "import", str(articles)).exit_code == 0
        result = run_cli(path, "extract", "--jobs", jobs)
        assert result.exit_code == 0, result.stderr
        assert "from 90 articles" in result.stdout
        with open_store(path) as store:
            stored.append(
                store.db.execute(
                    "SELECT e.id, e.article_id, e.sub_event_type, e.location_name, e.fatalities"
                    " FROM events e JOIN articles a ON a.id = e.article_id ORDER BY e.seq"
                ).fetchall()
            )
    assert stored[0] and stored[0] == stored[1]


def test_extract_refuses_a_job_count_below_one(db_path: Path) -> None:
    assert run_cli(db_path, "import", str(SEEDS)).exit_code == 0
    result = run_cli(db_path, "extract", "--jobs", "0")
    assert result.exit_code == 2
    assert "--jobs" in result.stderr
    with open_store(db_path) as store:
        assert store.db.execute("SELECT count(*) FROM events").fetchone()[0] == 0
