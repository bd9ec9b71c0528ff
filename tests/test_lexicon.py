"""The project lexicon: what reviewers' corrections teach, `hadath lexicon`, and
`hadath extract --learned`, on real database files with the real extractor."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

from db.decisions import (
    accept_all,
    add_event,
    decide,
    delete_event,
    redo,
    review_items,
    set_done,
    undo,
)
from db.events import article_events
from db.lexicon import list_entries, load_lexicon
from db.store import open_store
from extract import extract_events
from extract.gazetteer import find_places, lookup
from extract.learned import EMPTY_FINGERPRINT, LearnedActor, LearnedPlace, Lexicon
from extract.record import Actor, Event, Location, Span
from tests.conftest import SEEDS, run_cli, snapshot

VILLAGE = "الأرميلة"
"""A village name the gazetteer does not know (checked below)."""
FORCE = "لواء الأرميلة"
"""A force named after the village: an actor name that holds the place name."""
ARMILA = Location(
    text=VILLAGE, name="Al-Armila", admin1="Deir ez-Zor", country="Syria", lat=35.05, lon=40.55
)
ARTICLE_A = (
    "قتل مدنيان في قصف مدفعي شنه لواء الأرميلة على قرية الأرميلة في ريف دير الزور الشرقي أمس."
)
ARTICLE_B = (
    "استهدفت طائرة مسيرة تجمعا لعناصر ميليشيا بالإرميلة صباح اليوم، ما أسفر عن مقتل ثلاثة منهم.\n"
    "وفي وقت لاحق، سقطت قذائف مدفعية على وارميلة دون أن تسفر عن إصابات.\n"
    "كما انفجرت عبوة ناسفة بسيارة متجهة للأرميلة، ما أدى إلى إصابة شخصين.\n"
    "من جهة أخرى، هاجم مسلحو لواء الأرميلة حاجزا لقوات النظام في مدينة البوكمال، وقتل جنديان."
)
ARTICLE_C = "قتل ثلاثة عناصر من قوات النظام بهجوم على حاجز في بلدة الميادين أمس."


@pytest.fixture
def two_articles(db_path: Path, tmp_path: Path) -> Path:
    """Articles A, B and C imported and extracted without a lexicon."""
    batch = tmp_path / "batch.jsonl"
    rows = [
        {"id": "A", "text": ARTICLE_A, "published": "2024-03-01"},
        {"id": "B", "text": ARTICLE_B, "published": "2024-03-02"},
        {"id": "C", "text": ARTICLE_C, "published": "2024-03-02"},
    ]
    batch.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    assert run_cli(db_path, "import", str(batch)).exit_code == 0
    assert run_cli(db_path, "extract").exit_code == 0
    return db_path


def correct_article_a(db_path: Path, who: str = "layla") -> str:
    """The reviewer puts A's event in the village and names the force that shelled it."""
    with open_store(db_path) as store:
        (item,) = review_items(store, "A", who)
        corrected = dataclasses.replace(
            item.current, location=ARMILA, actor1=Actor(FORCE, "tribal", "Tribal forces")
        )
        decide(store, who, item.stored.id, "corrected", corrected)
        return item.stored.id


def lexicon_json(db_path: Path, *args: str) -> list[dict[str, object]]:
    result = run_cli(db_path, "lexicon", "list", "--json", *args)
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)
    assert isinstance(entries, list)
    return entries


def places_of(db_path: Path, article: str) -> list[tuple[str | None, str | None, int, int]]:
    """(words, name, start, end) of the place of each machine event of an article."""
    with open_store(db_path) as store:
        found = []
        for stored in article_events(store, article):
            where = stored.event.location
            if where is not None:
                start = ARTICLE_B.find(where.text or "\0")
                found.append((where.text, where.name, start, start + len(where.text or "")))
        return found


def test_a_corrected_village_is_found_in_another_article_under_other_forms(
    two_articles: Path,
) -> None:
    """THE case: a reviewer places an event of article A in a village the gazetteer does not
    know; `extract --learned` then finds it in article B written with ب, و and ل, without
    its article and with other hamza forms, and not inside the force named after it."""
    assert lookup(VILLAGE) == [] and lookup("إرميلة") == []
    assert not any(m.place.name == "Al-Armila" for m in find_places(ARTICLE_B))
    assert all(name != "Al-Armila" for _, name, _, _ in places_of(two_articles, "B"))
    decided = correct_article_a(two_articles)

    entries = lexicon_json(two_articles)
    assert [(e["kind"], e["surface"], e["key"]) for e in entries] == [
        ("place", VILLAGE, None),
        ("actor", FORCE, "tribal"),
    ]
    result = run_cli(two_articles, "extract", "--learned")
    assert result.exit_code == 0, result.output
    assert "from 3 articles" in result.stdout  # read again: another lexicon

    places = places_of(two_articles, "B")
    in_village = sorted(text for text, name, _, _ in places if name == "Al-Armila")
    assert in_village == sorted(["الإرميلة", "ارميلة", "أرميلة"])  # ب + إ, و without ال, لل
    force = ARTICLE_B.index(FORCE)
    inside = [p for p in places if force <= p[2] and p[3] <= force + len(FORCE)]
    assert inside == []  # the force's name is not a place
    with open_store(two_articles) as store:
        clash = [
            s.event for s in article_events(store, "B") if s.event.sub_event_type == "Armed clash"
        ]
        assert [e.location.name for e in clash if e.location] == ["Al-Bukamal"]
        assert [e.actor1.key for e in clash if e.actor1] == ["tribal"]  # the learned spelling
        assert {s.id for s in article_events(store, "A")} == {decided}  # kept, not repeated


def test_a_place_inside_an_actor_name_is_not_taken() -> None:
    places = Lexicon(places=(LearnedPlace(VILLAGE, 35.05, 40.55, "Al-Armila"),))
    lexicon = dataclasses.replace(places, actors=(LearnedActor(FORCE, "tribal"),))
    text = "هاجم مسلحو لواء الأرميلة حاجزا لقوات النظام في البوكمال، وقتل جنديان."
    assert [e.location.name for e in extract_events(text, None, places) if e.location] == [
        "Al-Armila"
    ]  # "لواء" alone names no force: the village is read as the place
    found = extract_events(text, None, lexicon)
    assert [e.location.name for e in found if e.location] == ["Al-Bukamal"]
    assert [e.actor1.text for e in found if e.actor1] == [FORCE]


def test_a_place_word_before_the_learned_name_is_context() -> None:
    village = LearnedPlace("قرية " + VILLAGE, 35.05, 40.55, "Al-Armila")
    assert village.spellings() == ("الارميله", "ارميله")
    assert LearnedPlace("قرية تل", 35.05, 40.55).spellings() == ()  # too short to tell
    found = extract_events("قتل مدنيان بقصف على بلدة بالإرميلة.", None, Lexicon((village,)))
    assert [e.location.text for e in found if e.location] == ["الإرميلة"]


def test_without_a_lexicon_the_extractor_reads_as_before() -> None:
    texts = [path.read_text("utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    assert Lexicon().fingerprint() == EMPTY_FINGERPRINT
    for text in [*texts, ARTICLE_A, ARTICLE_B]:
        assert extract_events(text, "2024-03-01", Lexicon()) == extract_events(text, "2024-03-01")


def test_the_fingerprint_is_the_entries_whatever_their_order() -> None:
    one = LearnedPlace(VILLAGE, 35.05, 40.55, "Al-Armila")
    two = LearnedActor(FORCE, "tribal")
    three = LearnedActor("جيش العشائر", "tribal")
    first = Lexicon((one,), (two, three))
    again = Lexicon((one, one), (three, two))
    assert first == again and first.fingerprint() == again.fingerprint()
    assert len(first) == 3 and first.fingerprint() != Lexicon((one,), (two,)).fingerprint()
    assert len(EMPTY_FINGERPRINT) == 64 and first.fingerprint() != EMPTY_FINGERPRINT


def test_an_edit_teaches_and_its_undo_takes_it_back(two_articles: Path) -> None:
    event_id = correct_article_a(two_articles)
    with open_store(two_articles) as store:
        entries = list_entries(store)
        decided_at = store.db.execute(
            "SELECT decided_at FROM decisions WHERE event_id = ?", [event_id]
        ).fetchone()[0]
        assert {(e.annotator, e.article_id, e.event_id, e.created_at) for e in entries} == {
            ("layla", "A", event_id, decided_at)
        }
        place = next(e for e in entries if e.kind == "place")
        assert (place.name, place.lat, place.lon, place.admin1) == (
            "Al-Armila", 35.05, 40.55, "Deir ez-Zor"
        )  # fmt: skip
        assert load_lexicon(store) == Lexicon(
            (LearnedPlace(VILLAGE, 35.05, 40.55, "Al-Armila", "Deir ez-Zor", None, "Syria"),),
            (LearnedActor(FORCE, "tribal"),),
        )
        undo(store, "layla")
        assert list_entries(store) == []
        redo(store, "layla")
        assert len(list_entries(store)) == 2
        (item,) = review_items(store, "A", "layla")
        decide(store, "layla", item.stored.id, "accepted")  # the machine's version after all
        assert list_entries(store) == []


def test_what_teaches_nothing_is_not_kept(two_articles: Path) -> None:
    with open_store(two_articles) as store:
        (item,) = review_items(store, "A", "layla")
        elsewhere = dataclasses.replace(ARMILA, text="قرية نائية")  # words not in the article
        known = Location(text="دير الزور", name="Deir ez-Zor", lat=35.336, lon=40.141)
        for location in (elsewhere, known, dataclasses.replace(ARMILA, lat=None, lon=None)):
            decide(store, "layla", item.stored.id, "corrected",
                   dataclasses.replace(item.current, location=location))  # fmt: skip
            assert list_entries(store) == []
        actor = dataclasses.replace(item.current, actor1=Actor("قوات النظام", "syrian_gov"))
        decide(store, "layla", item.stored.id, "corrected", actor)  # the bundled lexicon's
        assert list_entries(store) == []


def test_an_added_event_teaches_until_it_is_withdrawn(two_articles: Path) -> None:
    with open_store(two_articles) as store:
        start = ARTICLE_C.index("قتل")
        event = Event(
            sub_event_type="Armed clash",
            evidence=Span(start, len(ARTICLE_C)),
            actor1=Actor("قوات النظام", "tribal"),  # another key than the bundled one's
            location=Location(text="الميادين", name="Al-Mayadin", lat=35.02, lon=40.45),
            origin="human",
        )
        added = add_event(store, "omar", "C", event)
        entries = list_entries(store)
        assert [(e.kind, e.surface, e.key, e.annotator) for e in entries] == [
            ("actor", "قوات النظام", "tribal", "omar")
        ]  # the place is the gazetteer's own Al-Mayadin: nothing learned
        far = Location(text="الميادين", name="Elsewhere", lat=33.0, lon=36.0)
        again = add_event(store, "omar", "C", dataclasses.replace(event, location=far))
        assert {e.kind for e in list_entries(store)} == {"actor", "place"}
        delete_event(store, "omar", again.id)
        delete_event(store, "omar", added.id)
        assert list_entries(store) == []


def test_editing_an_added_event_keeps_what_it_taught(two_articles: Path) -> None:
    """Correcting one's own added event compares it with nothing, as adding it did: what the
    edit leaves alone is still taught."""
    with open_store(two_articles) as store:
        start = ARTICLE_C.index("قتل")
        far = Location(text="الميادين", name="Elsewhere", lat=33.0, lon=36.0)
        event = Event(
            sub_event_type="Armed clash",
            evidence=Span(start, len(ARTICLE_C)),
            actor1=Actor("قوات النظام", "tribal"),
            location=far,
            origin="human",
        )
        added = add_event(store, "omar", "C", event)
        taught = {(e.kind, e.surface) for e in list_entries(store)}
        assert taught == {("actor", "قوات النظام"), ("place", "الميادين")}
        edited = dataclasses.replace(event, sub_event_type="Attack")
        decide(store, "omar", added.id, "corrected", edited)
        assert {(e.kind, e.surface) for e in list_entries(store)} == taught


def test_lexicon_list_and_remove(two_articles: Path) -> None:
    correct_article_a(two_articles)
    table = run_cli(two_articles, "lexicon", "list")
    assert table.exit_code == 0
    header, *rows = table.stdout.splitlines()
    assert header.split() == ["id", "kind", "surface", "key/place", "who", "when", "article"]
    assert len(rows) == 2 and "Al-Armila (35.05, 40.55)" in rows[0] and "tribal" in rows[1]
    assert [e["kind"] for e in lexicon_json(two_articles, "--kind", "actor")] == ["actor"]
    ids = [e["id"] for e in lexicon_json(two_articles)]

    before = snapshot(two_articles)
    refused = run_cli(two_articles, "lexicon", "remove", str(ids[0]), "999")
    assert refused.exit_code == 1
    assert "there is no lexicon entry 999; nothing was removed" in refused.stderr
    assert "Traceback" not in refused.output
    assert snapshot(two_articles) == before

    removed = run_cli(two_articles, "lexicon", "remove", str(ids[0]))
    assert removed.exit_code == 0 and "removed 1 lexicon entry" in removed.stdout
    assert [e["id"] for e in lexicon_json(two_articles)] == ids[1:]
    empty = run_cli(two_articles, "lexicon", "remove", str(ids[1]))
    assert empty.exit_code == 0
    assert "the lexicon is empty" in run_cli(two_articles, "lexicon", "list").stdout


def test_stats_shows_the_lexicon_size(two_articles: Path) -> None:
    figures = json.loads(run_cli(two_articles, "stats", "--json").stdout)
    assert figures["lexicon"] == {"places": 0, "actors": 0}
    correct_article_a(two_articles)
    figures = json.loads(run_cli(two_articles, "stats", "--json").stdout)
    assert figures["lexicon"] == {"places": 1, "actors": 1}
    lines = run_cli(two_articles, "stats").stdout.splitlines()
    assert "lexicon           1 places, 1 actors" in lines


def extractions(db_path: Path) -> dict[str, str | None]:
    with open_store(db_path) as store:
        rows = store.db.execute("SELECT article_id, lexicon FROM extractions").fetchall()
    return dict(rows)


def test_each_run_records_the_lexicon_it_used(two_articles: Path) -> None:
    assert set(extractions(two_articles).values()) == {EMPTY_FINGERPRINT}
    empty = run_cli(two_articles, "extract", "--learned")
    assert "from 0 articles" in empty.stdout  # the empty lexicon changes nothing
    correct_article_a(two_articles)
    with open_store(two_articles) as store:
        fingerprint = load_lexicon(store).fingerprint()
    assert "from 3 articles" in run_cli(two_articles, "extract", "--learned").stdout
    assert set(extractions(two_articles).values()) == {fingerprint}
    assert "from 0 articles" in run_cli(two_articles, "extract", "--learned").stdout
    assert "from 0 articles" in run_cli(two_articles, "extract").stdout  # plain: as before
    ids = [e["id"] for e in lexicon_json(two_articles)]
    run_cli(two_articles, "lexicon", "remove", str(ids[1]))
    assert "from 3 articles" in run_cli(two_articles, "extract", "--learned").stdout
    assert fingerprint not in extractions(two_articles).values()
    assert "from 3 articles" in run_cli(two_articles, "extract", "--force").stdout
    assert set(extractions(two_articles).values()) == {EMPTY_FINGERPRINT}


def test_learned_extraction_never_touches_decided_events(two_articles: Path) -> None:
    correct_article_a(two_articles)
    with open_store(two_articles) as store:
        accept_all(store, "omar", "B")  # omar decided B's one event as the extractor gave it
        decided = {s.id: s.event for s in article_events(store, "B")}
    assert len(decided) == 1
    before = {row for row in snapshot(two_articles) if 'INSERT INTO "decisions"' in row}
    assert run_cli(two_articles, "extract", "--learned").exit_code == 0
    with open_store(two_articles) as store:
        after = {s.id: s.event for s in article_events(store, "B")}
    assert all(after[event_id] == event for event_id, event in decided.items())
    new = [event for event_id, event in after.items() if event_id not in decided]
    (kept,) = decided.values()
    assert new and all(
        e.sub_event_type != kept.sub_event_type
        or e.evidence.end <= kept.evidence.start
        or kept.evidence.end <= e.evidence.start
        for e in new
    )  # nothing repeats the decided clash
    assert {row for row in snapshot(two_articles) if 'INSERT INTO "decisions"' in row} == before


def test_learned_extraction_with_several_jobs_stores_what_one_job_does(
    two_articles: Path, tmp_path: Path
) -> None:
    correct_article_a(two_articles)
    stored = []
    for jobs in ("1", "2"):
        copy = tmp_path / f"jobs-{jobs}.db"
        with open_store(two_articles) as store:
            store.conn.execute("VACUUM INTO ?", [str(copy)])
        result = run_cli(copy, "extract", "--learned", "--jobs", jobs)
        assert result.exit_code == 0, result.output
        with open_store(copy) as store:
            stored.append(
                store.db.execute("SELECT id FROM events ORDER BY article_id, id").fetchall()
            )
    assert stored[0] == stored[1]


def finish(db_path: Path, who: str) -> None:
    with open_store(db_path) as store:
        for article in ("A", "B", "C"):
            accept_all(store, who, article)
            set_done(store, who, article)


def test_evaluate_scores_the_articles_the_lexicon_learned_from_apart(
    two_articles: Path,
) -> None:
    correct_article_a(two_articles)
    finish(two_articles, "layla")
    plain = json.loads(run_cli(two_articles, "evaluate", "--json").stdout)
    assert plain["articles"] == 3 and plain["learned"] is None  # read without the lexicon
    assert run_cli(two_articles, "extract", "--learned").exit_code == 0
    finish(two_articles, "layla")  # the new events of B and C
    figures = json.loads(run_cli(two_articles, "evaluate", "--json").stdout)
    assert figures["articles"] == 2
    assert figures["learned"]["article_ids"] == ["A"] and figures["learned"]["articles"] == 1
    table = run_cli(two_articles, "evaluate").stdout
    assert "1 articles whose corrections fed the lexicon" in table


def test_agreement_scores_the_extractor_apart_on_what_it_learned_from(
    two_articles: Path,
) -> None:
    correct_article_a(two_articles, "layla")
    assert run_cli(two_articles, "extract", "--learned").exit_code == 0
    for who in ("layla", "omar"):
        finish(two_articles, who)
    report = json.loads(run_cli(two_articles, "agreement", "--json").stdout)
    pairs = {(p["row"], p["column"]): p for p in report["pairs"]}
    assert report["articles"] == 3 and pairs["layla", "omar"]["articles"] == 3
    assert pairs["extractor", "omar"]["articles"] == 2  # not A
    learned = report["learned"]
    assert learned["articles"] == 1
    apart = {(p["row"], p["column"]): p for p in learned["pairs"]}
    assert apart["extractor", "layla"]["articles"] == 1
    table = run_cli(two_articles, "agreement").stdout
    assert "1 articles whose corrections fed the lexicon the extractor read them" in table


def test_a_merge_brings_what_the_other_files_decisions_taught(
    two_articles: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    with open_store(two_articles) as store:
        store.conn.execute("VACUUM INTO ?", [str(other)])
    correct_article_a(other)
    result = run_cli(two_articles, "merge", str(other))
    assert result.exit_code == 0, result.output
    entries = lexicon_json(two_articles)
    assert [(e["kind"], e["annotator"], e["article_id"]) for e in entries] == [
        ("place", "layla", "A"),
        ("actor", "layla", "A"),
    ]


def test_an_upgraded_file_learns_from_the_decisions_it_holds(two_articles: Path) -> None:
    correct_article_a(two_articles)
    with open_store(two_articles) as store:
        taught = [(e.kind, e.surface, e.event_id) for e in list_entries(store)]
    conn = sqlite3.connect(two_articles)
    conn.executescript(
        "DROP TABLE lexicon; DROP TABLE lexicon_articles;"
        " ALTER TABLE extractions DROP COLUMN lexicon;"
        " DROP TABLE source_scales; DROP TABLE incident_candidates; DROP TABLE incident_runs;"
        " DROP TABLE incident_links; DROP TABLE incident_figures; PRAGMA user_version = 11;"
    )  # the file as schema version 11 left it
    conn.close()
    with open_store(two_articles) as store:
        assert store.previous_version == 11
        assert [(e.kind, e.surface, e.event_id) for e in list_entries(store)] == taught
