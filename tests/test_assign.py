"""`hadath assign`: articles handed out with an overlap, balanced, deterministic, only added
to on a re-run; reassigning; each annotator then walks their own articles."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from db.decisions import (
    add_event,
    decide,
    review_items,
    set_comment,
    set_done,
    set_flagged,
)
from db.navigation import first_article, next_article, position
from db.store import open_store
from tests.conftest import SEEDS, make_event, run_cli, seed_ids
from tui.app import ReviewApp
from tui.screens.review import ReviewScreen


@pytest.fixture
def seeded_db(db_path: Path) -> Path:
    """The five seed articles with their machine events."""
    assert run_cli(db_path, "import", str(SEEDS)).exit_code == 0
    assert run_cli(db_path, "extract").exit_code == 0
    return db_path


def assignments(db_path: Path) -> list[tuple[str, str]]:
    """(article id, annotator) of every assignment, in review order then name."""
    with open_store(db_path) as store:
        rows = store.db.execute(
            "SELECT a.id, x.annotator FROM assignments x JOIN articles a ON a.seq = x.seq"
            " ORDER BY a.seq, x.annotator"
        ).fetchall()
        return [(row[0], row[1]) for row in rows]


def test_each_article_gets_overlap_annotators_balanced(seeded_db: Path) -> None:
    result = run_cli(seeded_db, "assign", "--annotators", "layla,omar,sara", "--overlap", "2")
    assert result.exit_code == 0, result.output
    rows = assignments(seeded_db)
    per_article = Counter(article for article, _ in rows)
    assert sorted(per_article.values()) == [2] * 5  # every article, twice, two different people
    assert len(set(rows)) == len(rows) == 10
    load = Counter(name for _, name in rows)
    assert sorted(load.values()) == [3, 3, 4]  # ten assignments over three: as even as can be
    assert "assigned 5 articles, each to 2 annotator(s)" in result.output
    for name in ("layla", "omar", "sara"):
        assert f"({load[name]} in all)" in result.output.split(name, 1)[1].splitlines()[0]


def test_the_same_seed_assigns_the_same_way(seeded_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(seeded_db, copy)
    for path in (seeded_db, copy):
        result = run_cli(path, "assign", "--annotators", "a,b,c", "--seed", "7")
        assert result.exit_code == 0, result.output
    assert assignments(seeded_db) == assignments(copy)
    seeds = set()
    for seed in range(8):  # the seed decides the ties: not every seed gives one hand-out
        other = tmp_path / f"seed{seed}.db"
        shutil.copy(seeded_db, other)
        with open_store(other) as store, store.write() as db:
            db.execute("DELETE FROM assignments")
        run_cli(other, "assign", "--annotators", "a,b,c", "--seed", str(seed))
        seeds.add(tuple(assignments(other)))
    assert len(seeds) > 1


def test_a_rerun_adds_without_moving(seeded_db: Path, tmp_path: Path) -> None:
    assert run_cli(seeded_db, "assign", "--annotators", "layla,omar", "--limit", "3").exit_code == 0
    first = assignments(seeded_db)
    assert len({article for article, _ in first}) == 3
    more = tmp_path / "more.txt"
    more.write_text("قصفت طائرات حربية بلدة سرمين في ريف إدلب.", "utf-8")
    assert run_cli(seeded_db, "import", str(more)).exit_code == 0
    result = run_cli(seeded_db, "assign", "--annotators", "layla,omar,sara")
    assert result.exit_code == 0, result.output
    second = assignments(seeded_db)
    assert set(first) <= set(second)  # nothing assigned before moved
    assert len({article for article, _ in second}) == 6  # the two left and the new one
    assert Counter(name for _, name in second if (_, name) not in first)["sara"] >= 1
    again = run_cli(seeded_db, "assign", "--annotators", "layla,omar,sara")
    assert "assigned 0 articles" in again.output and assignments(seeded_db) == second


def test_an_article_someone_already_reviewed_stays_theirs(seeded_db: Path) -> None:
    with open_store(seeded_db) as store:
        third = seed_ids(store)[2]
        event = review_items(store, third, "sara")[0].stored.id
        decide(store, "sara", event, "accepted")
    assert run_cli(seeded_db, "assign", "--annotators", "layla,omar,sara").exit_code == 0
    assert (third, "sara") in assignments(seeded_db)
    assert [name for article, name in assignments(seeded_db) if article == third] == ["sara"]


def test_reassign_moves_only_unfinished_articles(seeded_db: Path) -> None:
    assert (
        run_cli(seeded_db, "assign", "--annotators", "layla,omar", "--overlap", "2").exit_code == 0
    )
    with open_store(seeded_db) as store:
        ids = seed_ids(store)
        set_done(store, "layla", ids[0], True)
    result = run_cli(seeded_db, "assign", "--reassign", "layla", "--to", "sara")
    assert result.exit_code == 0, result.output
    rows = assignments(seeded_db)
    assert [a for a, name in rows if name == "layla"] == [ids[0]]  # finished: still hers
    assert sorted(a for a, name in rows if name == "sara") == sorted(ids[1:])
    assert "moved 4 of layla's unfinished articles to sara (0 sara had already; 1 finished" in (
        result.output
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--annotators", "a,b", "--overlap", "3"], "--overlap 3 must be between 1 and"),
        (["--annotators", "a,b,a"], "annotator 'a' is named twice"),
        (["--annotators", "a,", "--overlap", "1"], "must not be empty"),
        (["--annotators", "a", "--limit", "0"], "--limit 0 must be at least 1"),
        (["--reassign", "nobody", "--to", "a"], "'nobody' has no article assigned"),
    ],
)
def test_a_refused_assignment_is_one_sentence_and_writes_nothing(
    seeded_db: Path, args: list[str], words: str
) -> None:
    result = run_cli(seeded_db, "assign", *args)
    assert result.exit_code == 1
    assert words in result.stderr and result.stderr.count("\n") == 1
    assert assignments(seeded_db) == []


def test_usage_errors(seeded_db: Path) -> None:
    assert run_cli(seeded_db, "assign").exit_code == 2
    assert run_cli(seeded_db, "assign", "--reassign", "a").exit_code == 2


def test_each_annotator_walks_their_own_articles(seeded_db: Path) -> None:
    assert run_cli(seeded_db, "assign", "--annotators", "layla,omar").exit_code == 0
    mine = [article for article, name in assignments(seeded_db) if name == "layla"]
    with open_store(seeded_db) as store:
        walked, article = [], first_article(store, assigned_to="layla")
        while article is not None:
            walked.append(article.id)
            article = next_article(store, article.id, assigned_to="layla")
        assert walked == mine
        where = position(store, "layla", mine[-1], assigned_to="layla")
        assert (where.index, where.total, where.done) == (len(mine), len(mine), 0)


async def test_the_review_app_walks_the_assigned_articles_only(seeded_db: Path) -> None:
    assert run_cli(seeded_db, "assign", "--annotators", "layla,omar").exit_code == 0
    mine = [article for article, name in assignments(seeded_db) if name == "omar"]
    app = ReviewApp(seeded_db, "omar", rtl="app")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        seen = [screen.session.article.id if screen.session.article else None]
        for _ in range(len(mine) + 1):  # one more: the last article stays
            await pilot.press("right_square_bracket")
            seen.append(screen.session.article.id if screen.session.article else None)
        assert list(dict.fromkeys(seen)) == mine
        assert f"article {len(mine)} of {len(mine)}" in str(screen.query_one("#status").render())


def test_review_refuses_an_annotator_with_no_article(seeded_db: Path) -> None:
    assert run_cli(seeded_db, "assign", "--annotators", "layla").exit_code == 0
    result = run_cli(seeded_db, "review", "--annotator", "zed")
    assert result.exit_code == 1
    assert "zed has no article assigned" in result.stderr


def test_stats_show_assigned_and_done(seeded_db: Path) -> None:
    assert (
        run_cli(seeded_db, "assign", "--annotators", "layla,omar", "--overlap", "2").exit_code == 0
    )
    with open_store(seeded_db) as store:
        set_done(store, "omar", seed_ids(store)[1], True)
    figures = json.loads(run_cli(seeded_db, "stats", "--json").output)
    people = {person["annotator"]: person for person in figures["annotators"]}
    assert (people["layla"]["assigned"], people["layla"]["assigned_done"]) == (5, 0)
    assert (people["omar"]["assigned"], people["omar"]["assigned_done"]) == (5, 1)
    table = run_cli(seeded_db, "stats").output
    assert "assigned  assigned_done" in table


async def test_review_is_blind_to_the_other_annotators_work(seeded_db: Path) -> None:
    """Omar sees none of Layla's decisions, added events, comment or marks."""
    with open_store(seeded_db) as store:
        first = seed_ids(store)[0]
        machine = [item.stored.id for item in review_items(store, first, "layla")]
        decide(store, "layla", machine[0], "rejected")
        add_event(store, "layla", first, make_event(evidence={"start": 0, "end": 20}))
        set_comment(store, "layla", first, "تحقق من المصدر")
        set_flagged(store, "layla", first, True)
    app = ReviewApp(seeded_db, "omar", rtl="app")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        session = screen.session
        assert session.article is not None and session.article.id == first
        assert [item.stored.id for item in session.items] == machine  # no added event of hers
        assert all(item.decision is None for item in session.items)
        status = str(screen.query_one("#status").render())
        assert f"events 0/{len(machine)} decided" in status and "flagged" not in status
        assert session.comment() in (None, "")
