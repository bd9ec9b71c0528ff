"""Linking reports of one incident across articles: hand-built cases, the finder against every
pair, decisions on links, and `export --by incident`."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.articles import import_articles
from db.decisions import accept_all, audit_log, decide, redo, undo
from db.events import add_machine_events
from db.incident_finder import find_candidates
from db.incident_rules import Candidate, LinkEvent, link
from db.incidents import AUTO_LINK_SCORE, links_of, run_incidents
from db.link_decisions import LinkDecisionError, decide_link, set_incident_figure
from db.store import Store, open_store
from tests.conftest import make_event, run_cli

BUKAMAL = {
    "text": "البوكمال",
    "name": "Al-Bukamal",
    "admin1": "Deir ez-Zor",
    "admin2": "Abu Kamal",
    "country": "Syria",
    "lat": 34.4537,
    "lon": 40.9186,
    "level": "town",
}
JAMIYAT = {**BUKAMAL, "text": "حي الجمعيات", "name": "Al-Jamiyat", "level": "neighbourhood",
           "lat": 34.4561, "lon": 40.9213}  # fmt: skip
HAJIN = {**BUKAMAL, "text": "هجين", "name": "Hajin", "lat": 34.6917, "lon": 40.8372}
SUSAH = {**BUKAMAL, "text": "السوسة", "name": "Al-Susah", "lat": 34.5667, "lon": 40.9167}
MAYADIN = {**BUKAMAL, "text": "الميادين", "name": "Al-Mayadin", "admin2": "Al-Mayadin",
           "lat": 35.0208, "lon": 40.4519}  # fmt: skip
IRGC = {"text": "الحرس الثوري", "key": "irgc", "name": "IRGC"}
IRAN_BACKED = {"text": "الميليشيات", "key": "iran_backed", "name": "Iran-backed militias"}
US = {"text": "القوات الأمريكية", "key": "us", "name": "United States"}
ISIS = {"text": "داعش", "key": "isis", "name": "Islamic State"}
HEZBOLLAH = {"text": "حزب الله", "key": "hezbollah", "name": "Hezbollah"}
SDF = {"text": "قسد", "key": "sdf", "name": "SDF"}
TEXT = "غارة جوية أمريكية على مواقع الميليشيات في البوكمال أسفرت عن مقتل خمسة عناصر من الحرس."


def add_article(store: Store, folder: Path, article_id: str, **metadata: Any) -> str:
    path = folder / f"{article_id}.jsonl"
    record = {"id": article_id, "text": TEXT + " " + article_id, **metadata}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    import_articles(store, [path])
    return article_id


def report(store: Store, article_id: str, annotator: str = "layla", **fields: Any) -> str:
    """A machine event in the article, accepted by the annotator; returns its id."""
    fields.setdefault("location", BUKAMAL)
    fields.setdefault("actor2", IRAN_BACKED)
    fields.setdefault("actor1", US)
    (event_id,) = add_machine_events(store, article_id, [make_event(**fields)])
    decide(store, annotator, event_id, "accepted")
    return event_id


@pytest.fixture
def incidents_db(db_path: Path, tmp_path: Path) -> Path:
    with open_store(db_path, create=True) as store:
        for number in range(1, 7):
            add_article(
                store, tmp_path, f"a{number}", published="2023-10-28", source=f"Source {number}"
            )
    return db_path


def three_reports(store: Store) -> tuple[str, str, str]:
    """One strike reported by three articles (5, 7 and 6 dead), linked."""
    first = report(store, "a1", fatalities=5)
    second = report(store, "a2", fatalities=7)
    third = report(store, "a3", fatalities=6)
    run_incidents(store, "layla")
    return first, second, third


def pairs(store: Store, annotator: str = "layla") -> set[tuple[str, str]]:
    rows = store.conn.execute(
        "SELECT event_a, event_b FROM incident_candidates WHERE annotator = ?", [annotator]
    )
    return {tuple(row) for row in rows}  # type: ignore[misc]


def linked(store: Store, first: str, second: str) -> bool:
    return tuple(sorted((first, second))) in pairs(store)


# -- hand-built cases ---------------------------------------------------------------------------


def test_one_strike_reported_by_three_articles_is_one_incident(incidents_db: Path) -> None:
    with open_store(incidents_db) as store:
        first = report(store, "a1", location=JAMIYAT, fatalities=5, date="2023-10-27")
        second = report(store, "a2", location=BUKAMAL, fatalities=7, date="2023-10-27")
        third = report(store, "a3", location=BUKAMAL, fatalities=None, date="2023-10-28")
        summary = run_incidents(store, "layla")
        assert summary.candidates == 3 and summary.events == 3
        assert pairs(store) == {
            tuple(sorted(pair)) for pair in ((first, second), (first, third), (second, third))
        }
        views = links_of(store.conn, "layla", first)
        assert {view.other_id for view in views} == {second, third}
        best = views[0]
        assert best.other_id == second and "same day" in best.reasons
        assert "same sub-event type" in best.reasons
    rows = export_rows(incidents_db, "--by", "incident", "--auto-link")
    assert len(rows) == 1
    (row,) = rows
    assert row["location"] == "Al-Jamiyat"  # the most specific place
    assert row["event_date"] == "2023-10-27"  # the earliest exact date
    assert row["fatalities"] == "5"  # the lowest figure reported
    assert row["source"] == "Source 1; Source 2; Source 3"
    assert len(export_rows(incidents_db, "--by", "incident")) == 3  # nothing confirmed yet
    assert len(export_rows(incidents_db)) == 3


def test_the_same_day_in_towns_far_apart_is_not_one_incident(incidents_db: Path) -> None:
    with open_store(incidents_db) as store:
        report(store, "a1", location=BUKAMAL)
        report(store, "a2", location={**MAYADIN})
        assert run_incidents(store, "layla").candidates == 0


def test_a_strike_and_the_retaliation_the_next_day_stay_apart(incidents_db: Path) -> None:
    with open_store(incidents_db) as store:
        report(store, "a1", date="2023-10-26")
        report(store, "a2", date="2023-10-27", actor1=IRAN_BACKED, actor2=US,
               sub_event_type="Shelling/artillery/missile attack")  # fmt: skip
        assert run_incidents(store, "layla").candidates == 0


def test_the_sides_of_a_clash_match_in_either_order(incidents_db: Path) -> None:
    with open_store(incidents_db) as store:
        first = report(store, "a1", sub_event_type="Armed clash", actor1=SDF, actor2=ISIS)
        second = report(store, "a2", sub_event_type="Armed clash", actor1=ISIS, actor2=SDF)
        run_incidents(store, "layla")
        assert linked(store, first, second)


def test_an_undated_report_links_to_a_dated_one_of_the_same_place_and_type(
    incidents_db: Path,
) -> None:
    with open_store(incidents_db) as store:
        dated = report(store, "a1", date="2023-10-27")
        undated = report(store, "a2", date=None, date_text=None)  # published 2023-10-28
        other_type = report(store, "a3", date=None, date_text=None,
                            sub_event_type="Shelling/artillery/missile attack")  # fmt: skip
        elsewhere = report(store, "a4", date=None, date_text=None, location=HAJIN)
        run_incidents(store, "layla")
        assert linked(store, dated, undated)
        assert not linked(store, dated, other_type)
        assert not linked(store, dated, elsewhere)
        assert not linked(store, undated, other_type)  # two undated reports never link
        reasons = next(v.reasons for v in links_of(store.conn, "layla", undated))
        assert reasons[0].startswith("undated, published 1 day")


def test_an_undated_report_published_too_late_does_not_link(db_path: Path, tmp_path: Path) -> None:
    with open_store(db_path, create=True) as store:
        add_article(store, tmp_path, "early", published="2023-10-27")
        add_article(store, tmp_path, "late", published="2023-11-02")
        report(store, "early", date="2023-10-27")
        report(store, "late", date=None, date_text=None)
        assert run_incidents(store, "layla").candidates == 0
        assert run_incidents(store, "layla", days=7).candidates == 1


def test_irgc_within_iran_backed_links_and_other_actors_do_not(incidents_db: Path) -> None:
    with open_store(incidents_db) as store:
        wide = report(store, "a1", actor2=IRAN_BACKED)
        narrow = report(store, "a2", actor2=IRGC)
        other = report(store, "a3", actor2=ISIS)
        unknown = report(store, "a4", actor2={"text": "مجهولون", "key": "unknown", "name": None})
        run_incidents(store, "layla")
        assert linked(store, wide, narrow)
        assert "actors us = us; irgc within iran_backed" in links_of(store.conn, "layla", wide)[
            0
        ].reasons or any(
            "irgc within iran_backed" in reason
            for view in links_of(store.conn, "layla", wide)
            for reason in view.reasons
        )
        assert not linked(store, wide, other) and not linked(store, narrow, other)
        assert linked(store, unknown, other) and linked(store, unknown, wide)


def test_one_district_links_a_vague_report_well_and_two_places_only_weakly(
    incidents_db: Path,
) -> None:
    district = {**BUKAMAL, "text": "منطقة البوكمال", "name": "Abu Kamal District",
                "level": "district", "lat": 34.55, "lon": 40.75}  # fmt: skip
    with open_store(incidents_db) as store:
        town = report(store, "a1", location=BUKAMAL)
        vague = report(store, "a2", location=district)  # 19 km from the town, its district
        village = report(store, "a3", location=SUSAH)  # 12 km from the town, the same district
        unnamed = report(store, "a4", location=SUSAH, actor1=None)  # no attacker named
        run_incidents(store, "layla")
        assert linked(store, town, vague) and linked(store, village, vague)
        views = {view.other_id: view for view in links_of(store.conn, "layla", town)}
        assert "same district (Abu Kamal)" in views[vague].reasons
        assert views[vague].score == 0.82 >= AUTO_LINK_SCORE
        # two places named in one district, the same type and actors: proposed, never joined
        assert "same district (Abu Kamal), 12.6 km apart" in views[village].reasons
        assert views[village].score == 0.7 < AUTO_LINK_SCORE
        assert not linked(store, town, unnamed)  # two places, and not the same actors named
    rows = export_rows(incidents_db, "--by", "incident", "--auto-link")
    assert len(rows) == 1  # every report joins the one that names only the district
    assert rows[0]["location"] in ("Al-Bukamal", "Al-Susah") and rows[0]["geo_precision"] == "1"


def test_a_protest_and_a_strike_are_not_one_incident_a_strike_and_shelling_may_be(
    incidents_db: Path,
) -> None:
    with open_store(incidents_db) as store:
        strike = report(store, "a1")
        protest = report(store, "a2", sub_event_type="Peaceful protest", actor1=None, actor2=None)
        shelling = report(store, "a3", sub_event_type="Shelling/artillery/missile attack")
        run_incidents(store, "layla")
        assert linked(store, strike, shelling)
        assert not linked(store, strike, protest)
        assert "compatible sub-event types" in links_of(store.conn, "layla", shelling)[0].reasons


def test_each_annotator_is_linked_on_their_own_curated_events(incidents_db: Path) -> None:
    with open_store(incidents_db) as store:
        mine = report(store, "a1")
        theirs = report(store, "a2", annotator="omar")
        (rejected,) = add_machine_events(store, "a3", [make_event(fatalities=2)])
        decide(store, "layla", rejected, "rejected")
        decide(store, "omar", rejected, "accepted")
        decide(store, "omar", mine, "accepted")
        assert run_incidents(store, "layla").candidates == 0  # omar's events are not hers
        assert run_incidents(store, "omar").candidates == 3
        assert pairs(store, "layla") == set()
        assert links_of(store.conn, "layla", mine) == []
        assert {v.other_id for v in links_of(store.conn, "omar", mine)} == {theirs, rejected}


# -- decisions on links -------------------------------------------------------------------------


def test_confirmed_and_split_links_are_audited_undone_and_kept_across_runs(
    incidents_db: Path,
) -> None:
    with open_store(incidents_db) as store:
        first, second, third = three_reports(store)
        decide_link(store, "layla", first, second, "confirmed")
        decide_link(store, "layla", first, third, "split")
        entries = [e for e in audit_log(store, "layla") if e["action"] in ("link", "split")]
        assert [e["action"] for e in entries] == ["link", "split"]
        assert entries[0]["after"]["link"] == sorted((first, second))
        assert entries[0]["before"]["status"] is None
        run_incidents(store, "layla")  # a re-run keeps the decisions
        statuses = {v.other_id: v.status for v in links_of(store.conn, "layla", first)}
        assert statuses == {second: "confirmed", third: "split"}
    rows = export_rows(incidents_db, "--by", "incident", "--auto-link")
    # first+second confirmed; third split from first, yet auto-linked to second (0.98 > 0.75)
    assert len(rows) == 1
    with open_store(incidents_db) as store:
        decide_link(store, "layla", second, third, "split")
    rows = export_rows(incidents_db, "--by", "incident", "--auto-link")
    assert sorted(row["fatalities"] for row in rows) == ["5", "6"]
    with open_store(incidents_db) as store:
        assert undo(store, "layla") is not None  # the second split
        assert undo(store, "layla") is not None  # the first split
        statuses = {v.other_id: v.status for v in links_of(store.conn, "layla", first)}
        assert statuses == {second: "confirmed", third: None}
        assert redo(store, "layla") is not None
        statuses = {v.other_id: v.status for v in links_of(store.conn, "layla", first)}
        assert statuses[third] == "split"
        assert [e["action"] for e in audit_log(store, "layla")][-3:] == ["undo", "undo", "redo"]


def test_a_link_within_one_article_or_to_no_event_is_refused(incidents_db: Path) -> None:
    with open_store(incidents_db) as store:
        first = report(store, "a1")
        same_article = report(store, "a1", fatalities=1)
        with pytest.raises(LinkDecisionError, match="two different articles"):
            decide_link(store, "layla", first, same_article, "confirmed")
        with pytest.raises(LinkDecisionError, match="there is no event"):
            decide_link(store, "layla", first, "m-none", "confirmed")
        assert store.conn.execute("SELECT count(*) FROM incident_links").fetchone()[0] == 0


def test_a_reviewers_figure_wins_over_the_lowest_reported(incidents_db: Path) -> None:
    with open_store(incidents_db) as store:
        first = report(store, "a1", fatalities=5)
        second = report(store, "a2", fatalities=7)
        decide_link(store, "layla", first, second, "confirmed")
        set_incident_figure(store, "layla", second, 6)
    (row,) = export_rows(incidents_db, "--by", "incident")
    assert row["fatalities"] == "6"
    (record,) = export_jsonl(incidents_db, "--by", "incident")
    assert record["rules"]["fatalities"] == f"set by the reviewer on event {second}"
    with open_store(incidents_db) as store:
        undo(store, "layla")
    (row,) = export_rows(incidents_db, "--by", "incident")
    assert row["fatalities"] == "5"


# -- export by incident -------------------------------------------------------------------------


def export_rows(db: Path, *args: str) -> list[dict[str, str]]:
    result = run_cli(db, "export", "--format", "csv", *args)
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout, newline="")))


def export_jsonl(db: Path, *args: str) -> list[dict[str, Any]]:
    result = run_cli(db, "export", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_the_incident_record_lists_its_members_and_the_rule_behind_each_field(
    incidents_db: Path,
) -> None:
    with open_store(incidents_db) as store:
        first = report(store, "a1", location=BUKAMAL, fatalities=5, date="2023-10-27",
                       sub_event_type="Shelling/artillery/missile attack")  # fmt: skip
        second = report(store, "a2", location=JAMIYAT, fatalities=None, date="2023-10-27",
                        actor2=IRGC)  # fmt: skip
        decide_link(store, "layla", first, second, "confirmed")
    (record,) = export_jsonl(incidents_db, "--by", "incident")
    assert [m["event_id"] for m in record["members"]] == sorted((first, second))
    assert {m["article_id"] for m in record["members"]} == {"a1", "a2"}
    assert record["sub_event_type"] == "Air/drone strike"  # before shelling in ACLED's order
    assert record["location"]["name"] == "Al-Jamiyat"
    assert record["fatalities"] == 5 and record["sources"] == ["Source 1", "Source 2"]
    assert record["links"] == [{"event_a": min(first, second), "event_b": max(first, second),
                                "how": "confirmed"}]  # fmt: skip
    assert record["rules"]["location"] == f"most specific place (event {second})"
    assert record["rules"]["sub_event_type"] == f"highest in ACLED's order (event {second})"


def test_an_incident_one_article_reports_on_two_days_is_two_acled_rows(incidents_db: Path) -> None:
    with open_store(incidents_db) as store:
        monday = report(store, "a1", date="2023-10-23", fatalities=3)
        tuesday = report(store, "a1", date="2023-10-24", fatalities=2)
        other = report(store, "a2", date="2023-10-23", fatalities=4)
        decide_link(store, "layla", monday, other, "confirmed")
        decide_link(store, "layla", other, tuesday, "confirmed")
    rows = export_rows(incidents_db, "--by", "incident")
    assert [(row["event_date"], row["fatalities"]) for row in rows] == [
        ("2023-10-23", "2"),  # a2's 4 against a1's 3 + 2: the lowest total, 4, over two days
        ("2023-10-24", "2"),
    ]
    assert len({row["event_id_cnty"] for row in rows}) == 2
    (record,) = export_jsonl(incidents_db, "--by", "incident")
    assert record["days"] == ["2023-10-23", "2023-10-24"] and record["fatalities"] == 4


def test_auto_link_needs_by_incident(incidents_db: Path) -> None:
    result = run_cli(incidents_db, "export", "--auto-link")
    assert result.exit_code == 2 and "use it with --by incident" in result.output


def test_the_incidents_command_reports_each_annotator(incidents_db: Path) -> None:
    with open_store(incidents_db) as store:
        report(store, "a1")
        report(store, "a2")
        report(store, "a3", annotator="omar")
    result = run_cli(incidents_db, "incidents")
    assert result.exit_code == 0, result.output
    assert "layla: 2 curated events, 1 candidate links (1 scoring >= 0.75)" in result.stdout
    assert "omar: 1 curated events, 0 candidate links" in result.stdout
    nobody = run_cli(incidents_db, "incidents", "--annotator", "zaid")
    assert nobody.exit_code == 1 and "no curated events by annotator 'zaid'" in nobody.stderr
    negative = run_cli(incidents_db, "incidents", "--days", "-1")
    assert negative.exit_code == 2


# -- the finder against every pair --------------------------------------------------------------

SUB_TYPES = ["Air/drone strike", "Shelling/artillery/missile attack", "Armed clash",
             "Peaceful protest", "Attack"]  # fmt: skip
KEYS = [None, "unknown", "us", "coalition", "iran_backed", "irgc", "isis"]


@st.composite
def link_events(draw: st.DrawFn) -> list[LinkEvent]:
    count = draw(st.integers(min_value=0, max_value=40))
    events = []
    for index in range(count):
        dated = draw(st.booleans()) or draw(st.booleans())
        day = 738_800 + draw(st.integers(0, 20))
        located = draw(st.integers(0, 3))
        lat = 34.0 + draw(st.integers(0, 60)) / 100 if located else None
        lon = 40.0 + draw(st.integers(0, 60)) / 100 if located else None
        events.append(
            LinkEvent(
                event_id=f"e{index:03d}",
                article_id=f"a{draw(st.integers(0, 8))}",
                sub_event_type=draw(st.sampled_from(SUB_TYPES)),
                actor1=draw(st.sampled_from(KEYS)),
                actor2=draw(st.sampled_from(KEYS)),
                lat=lat,
                lon=lon,
                place=draw(st.sampled_from([None, "Hajin", "Al-Bukamal"])),
                admin2=draw(st.sampled_from([None, "Abu Kamal", "Al-Mayadin"])),
                level=draw(st.sampled_from([None, "town", "village", "district", "governorate"])),
                country="Syria",
                day=day if dated else None,
                precision=draw(st.sampled_from([1, 1, 1, 2, 3])) if dated else 0,
                published=(published := day + draw(st.integers(0, 3))),
                sweep=day if dated else published,
            )
        )
    return events


def brute_force(events: list[LinkEvent], days: int, km: float) -> set[Candidate]:
    found = set()
    for index, first in enumerate(events):
        for second in events[index + 1 :]:
            candidate = link(first, second, days, km)
            if candidate is not None:
                found.add(candidate)
    return found


def finder(events: list[LinkEvent], days: int, km: float) -> set[Candidate]:
    ordered = sorted(events, key=lambda event: event.sweep or 0)
    return set(find_candidates(ordered, days, km))


@given(link_events(), st.integers(0, 3), st.sampled_from([1.0, 5.0, 30.0]), st.randoms())
def test_the_finder_finds_exactly_the_pairs_linking_every_pair_would(
    events: list[LinkEvent], days: int, km: float, shuffle: random.Random
) -> None:
    expected = brute_force(events, days, km)
    assert finder(events, days, km) == expected
    shuffle.shuffle(events)  # another order of the articles (the sweep keeps days in order)
    assert finder(events, days, km) == expected


@given(link_events(), st.integers(0, 3), st.sampled_from([1.0, 5.0]))
def test_linking_is_symmetric(events: list[LinkEvent], days: int, km: float) -> None:
    for first in events:
        for second in events:
            assert link(first, second, days, km) == link(second, first, days, km)


# -- the demo ------------------------------------------------------------------------------------

SEED_000, SEED_001 = "7fb0b7efe379acfe", "6a13bc2e4076d3f0"
"""The two seed articles that report the strike on Al-Bukamal's Jamiyat district."""


def test_on_the_demo_the_strike_that_killed_five_is_one_row_citing_both_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli(tmp_path / "unused.db", "demo", "--no-review").exit_code == 0
    demo = tmp_path / "hadath-demo.db"
    with open_store(demo) as store:
        for (article,) in store.conn.execute("SELECT id FROM articles").fetchall():
            accept_all(store, "layla", article)
    assert run_cli(demo, "incidents").exit_code == 0
    by_event = export_rows(demo)
    by_incident = export_rows(demo, "--by", "incident", "--auto-link")
    assert len(by_incident) < len(by_event)
    five = [row for row in by_incident if row["fatalities"] == "5"]
    assert len(five) == 1
    cited = five[0]["source"].split("; ")
    assert cited == sorted(f"article {seed}" for seed in (SEED_000, SEED_001))  # same day: by id
    assert five[0]["event_date"] == "2024-11-12" and five[0]["admin2"] == "Abu Kamal"
    records = export_jsonl(demo, "--by", "incident", "--auto-link")
    (strike,) = [record for record in records if record["fatalities"] == 5]
    assert {member["article_id"] for member in strike["members"]} == {SEED_000, SEED_001}
    for row in by_incident:  # the codebook's values in every row
        assert row["inter1"] in ("External/Other forces", "Political militia", "")
        assert row["civilian_targeting"] in ("", "Civilians targeted")
        assert row["geo_precision"] in ("1", "2", "3", "")
        assert row["time_precision"] in ("1", "2", "3", "")


# -- merging reviewers' copies ---------------------------------------------------------------


def copy_of(db: Path, target: Path) -> Path:
    with open_store(db) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target.write_bytes(db.read_bytes())
    return target


def test_merge_brings_in_link_decisions_and_their_undo_and_refuses_conflicts(
    incidents_db: Path, tmp_path: Path
) -> None:
    with open_store(incidents_db) as store:
        first, second, third = three_reports(store)
    copy = copy_of(incidents_db, tmp_path / "copy.db")
    with open_store(copy) as store:
        decide_link(store, "layla", first, second, "confirmed")
        set_incident_figure(store, "layla", first, 6)
    merged = run_cli(incidents_db, "merge", str(copy))
    assert merged.exit_code == 0, merged.output
    assert "2 incident decisions" in merged.stdout
    assert link_status(incidents_db, first, second) == "confirmed"
    with open_store(incidents_db) as store:
        assert undo(store, "layla") is not None  # the figure, brought in with its audit entry
        assert store.conn.execute("SELECT count(*) FROM incident_figures").fetchone()[0] == 0
        decide_link(store, "layla", first, third, "split")
    again = run_cli(incidents_db, "merge", str(copy))
    assert again.exit_code == 0 and link_status(incidents_db, first, third) == "split"
    with open_store(copy) as store:
        decide_link(store, "layla", first, third, "confirmed")
    conflict = run_cli(incidents_db, "merge", str(copy))
    assert conflict.exit_code == 1 and "conflict" in conflict.stderr
    assert "layla on link" in conflict.stderr
    assert link_status(incidents_db, first, third) == "split"  # nothing written


def link_status(db: Path, first: str, second: str) -> str | None:
    low, high = sorted((first, second))
    with open_store(db) as store:
        row = store.conn.execute(
            "SELECT status FROM incident_links WHERE event_a = ? AND event_b = ?", [low, high]
        ).fetchone()
    return row[0] if row else None


def test_merge_brings_in_source_scales_this_file_lacks(incidents_db: Path, tmp_path: Path) -> None:
    with open_store(incidents_db) as store:
        report(store, "a1")
    copy = copy_of(incidents_db, tmp_path / "copy.db")
    assert run_cli(copy, "sources", "scale", "Source 1", "National").exit_code == 0
    assert run_cli(copy, "sources", "scale", "Source 2", "Regional").exit_code == 0
    assert run_cli(incidents_db, "sources", "scale", "Source 2", "Local partner").exit_code == 0
    assert run_cli(incidents_db, "merge", str(copy)).exit_code == 0
    with open_store(incidents_db) as store:
        scales = dict(store.conn.execute("SELECT source, scale FROM source_scales").fetchall())
    assert scales == {"Source 1": "National", "Source 2": "Local partner"}
