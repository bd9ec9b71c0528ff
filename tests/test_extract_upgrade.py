"""A new built-in extractor version reads articles again, keeping reviewers' work, and is measured.

An earlier version is simulated by storing the real extractor's events under
the name "rules-0" on a real database file; the decisions, the kept events
and the events the new version adds are then read back from the tables.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from db.decisions import accept_all, decide, set_done
from db.events import add_machine_events, machine_event_id
from db.extraction import count_to_extract, store_extractions
from db.store import Store, open_store
from extract import extract_events
from extract.record import Event, Span
from extract.version import BUILTIN_PREFIX, EXTRACTOR, EXTRACTOR_VERSION
from tests.conftest import SEEDS, make_event, run_cli, seed_ids

EARLIER = "rules-0"
NEWER = f"{BUILTIN_PREFIX}{EXTRACTOR_VERSION + 1}"


def events_by(store: Store, extractor: str) -> dict[str, list[str]]:
    """Ids of the extractor's machine events, by article."""
    rows = store.db.execute(
        "SELECT article_id, id FROM events WHERE extractor = ? ORDER BY seq", [extractor]
    ).fetchall()
    out: dict[str, list[str]] = {}
    for article_id, event_id in rows:
        out.setdefault(article_id, []).append(event_id)
    return out


def current_events(store: Store, article_id: str) -> list[Event]:
    """What the built-in extractor finds in an article today."""
    text, published = store.db.execute(
        "SELECT text, published FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    return extract_events(text, published)


def as_earlier(events: list[Event]) -> list[Event]:
    return [dataclasses.replace(event, extractor=EARLIER) for event in events]


def decisions(store: Store) -> list[tuple[str, str, str]]:
    sql = "SELECT event_id, annotator, status FROM decisions ORDER BY event_id, annotator"
    return [tuple(row) for row in store.db.execute(sql).fetchall()]


def test_an_upgrade_reads_every_article_again_and_keeps_decided_events(db_path: Path) -> None:
    assert run_cli(db_path, "import", str(SEEDS)).exit_code == 0
    with open_store(db_path) as store:
        ids = seed_ids(store)
        found = {article_id: current_events(store, article_id) for article_id in ids}
        article = max(ids, key=lambda a: len(found[a]))  # the article with the most events
        store_extractions(store, EARLIER, [(a, as_earlier(found[a])) for a in ids])
        earlier = events_by(store, EARLIER)
        assert sum(map(len, earlier.values())) == sum(map(len, found.values()))
        assert count_to_extract(store, EXTRACTOR) == 5  # read by rules-0 only: pending
        # A reviewer accepts the first event of the article and rejects the second; an
        # event of the earlier version the new one does not find is corrected.
        accepted, rejected = earlier[article][:2]
        decide(store, "layla", accepted, "accepted")
        decide(store, "omar", rejected, "rejected")
        (elsewhere,) = add_machine_events(
            store,
            article,
            [make_event(extractor=EARLIER, sub_event_type="Armed clash", fatalities=99)],
        )
        decide(store, "layla", elsewhere, "corrected", make_event(fatalities=98))
        # Another extractor's prediction, undecided, on the same article.
        (other,) = add_machine_events(store, article, [make_event(extractor="acme-ner-2")])
        decided_before = decisions(store)

    result = run_cli(db_path, "extract")
    assert result.exit_code == 0, result.output

    with open_store(db_path) as store:
        # Earlier version: the undecided events are gone, the decided ones stay.
        assert events_by(store, EARLIER) == {article: [accepted, rejected, elsewhere]}
        assert events_by(store, "acme-ner-2") == {article: [other]}
        assert decisions(store) == decided_before
        # New version: every article's events, except those repeating a decided one.
        new = events_by(store, EXTRACTOR)
        for article_id in ids:
            expected = [machine_event_id(article_id, event) for event in found[article_id]]
            if article_id == article:
                expected = expected[2:]  # the first two repeat the accepted and rejected events
            assert new.get(article_id, []) == expected, article_id
        total = sum(map(len, found.values())) - 2
        assert f"extracted {total} new events from 5 articles" in result.stdout
        runs = store.db.execute(
            "SELECT extractor, count(*), sum(events) FROM extractions GROUP BY 1 ORDER BY 1"
        ).fetchall()
        count = sum(map(len, found.values()))
        assert [tuple(row) for row in runs] == [(EARLIER, 5, count), (EXTRACTOR, 5, count)]
        assert count_to_extract(store, EXTRACTOR) == 0

    again = run_cli(db_path, "extract")
    assert "extracted 0 new events from 0 articles" in again.stdout


def test_a_new_event_repeats_a_decided_one_by_type_place_and_overlapping_evidence(
    db_path: Path,
) -> None:
    run_cli(db_path, "import", str(SEEDS))
    with open_store(db_path) as store:
        event = max(
            (e for a in seed_ids(store) for e in current_events(store, a) if e.location),
            key=lambda e: e.evidence.end - e.evidence.start,
        )
        article = next(a for a in seed_ids(store) if event in current_events(store, a))
        start, end = event.evidence.start, event.evidence.end
        assert event.location is not None
        place_by_text = dataclasses.replace(event.location, name=None)
        variants = {
            # same incident: overlapping evidence, place told by name or by text
            "overlap": dataclasses.replace(event, evidence=Span(end - 1, end + 5), fatalities=7),
            "by text": dataclasses.replace(event, location=place_by_text, injured=4),
            # other incidents
            "apart": dataclasses.replace(event, evidence=Span(end, end + 5)),
            "other type": dataclasses.replace(
                event,
                sub_event_type="Armed clash"
                if event.sub_event_type != "Armed clash"
                else "Grenade",
            ),
            "other place": dataclasses.replace(
                event, location=dataclasses.replace(event.location, name="Elsewhere", text="مكان")
            ),
        }
        assert start < end
        for name, variant in variants.items():
            (event_id,) = add_machine_events(
                store, article, [dataclasses.replace(variant, extractor=EARLIER)]
            )
            decide(store, "layla", event_id, "accepted")
            store_extractions(store, EXTRACTOR, [(article, [event])], redo=True)
            added = events_by(store, EXTRACTOR).get(article, [])
            same = name in ("overlap", "by text")
            assert (machine_event_id(article, event) in added) is not same, name
            with store.write() as db:
                db.execute("DELETE FROM decisions WHERE event_id = ?", [event_id])
                db.execute("DELETE FROM events WHERE article_id = ?", [article])


def test_an_older_version_does_not_read_what_a_newer_one_read(db_path: Path) -> None:
    run_cli(db_path, "import", str(SEEDS))
    with open_store(db_path) as store:
        first = seed_ids(store)[0]
        store_extractions(store, NEWER, [(first, [])])
        assert count_to_extract(store, EXTRACTOR) == 4
        assert count_to_extract(store, EXTRACTOR, force=True) == 5
    assert "from 4 articles" in run_cli(db_path, "extract").stdout


def evaluate(db_path: Path) -> dict[str, object]:
    result = run_cli(db_path, "evaluate", "--json")
    assert result.exit_code == 0, result.output
    figures: dict[str, object] = json.loads(result.stdout)
    return figures


def test_evaluate_measures_the_newest_built_in_version_by_default(db_path: Path) -> None:
    run_cli(db_path, "import", str(SEEDS))
    with open_store(db_path) as store:
        first, second = seed_ids(store)[:2]
        # Only another extractor ran: every machine event counts, as before.
        add_machine_events(store, first, [make_event(extractor="acme-ner-2")])
        accept_all(store, "layla", first)
        assert evaluate(db_path)["extractor"] is None
        assert evaluate(db_path)["predicted"] == 1
        earlier = as_earlier(current_events(store, second))
        store_extractions(store, EARLIER, [(second, earlier)])
        accept_all(store, "layla", second)
    figures = evaluate(db_path)
    assert figures["extractor"] == EARLIER and figures["predicted"] == len(earlier)
    assert run_cli(db_path, "extract").exit_code == 0
    with open_store(db_path) as store:
        set_done(store, "layla", first)
        newest = events_by(store, EXTRACTOR)
    assert second not in newest  # its events repeat decided ones
    figures = evaluate(db_path)
    assert figures["extractor"] == EXTRACTOR and figures["predicted"] == len(newest[first]) > 0
    chosen = run_cli(db_path, "evaluate", "--json", "--extractor", "acme-ner-2")
    assert json.loads(chosen.stdout)["predicted"] == 1
    table = run_cli(db_path, "evaluate").stdout
    assert f"extractor {EXTRACTOR}" in table
