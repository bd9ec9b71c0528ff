"""The review app driven by keys (Textual Pilot), checked on the rows stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.decisions import audit_log, get_decision, get_state, review_items, set_done
from db.store import open_store
from tests.conftest import SEEDS, run_cli, seed_ids
from tui.app import ReviewApp
from tui.screens.review import ReviewScreen

SIZE = (160, 40)


@pytest.fixture
def reviewed_db(db_path: Path) -> Path:
    """The seed articles with their machine events."""
    assert run_cli(db_path, "import", str(SEEDS)).exit_code == 0
    assert run_cli(db_path, "extract").exit_code == 0
    return db_path


def decisions(db_path: Path, article_index: int = 0) -> list[str | None]:
    """Layla's decision on each event of an article, in table order."""
    with open_store(db_path) as store:
        article_id = seed_ids(store)[article_index]
        items = review_items(store, article_id, "layla")
        return [item.decision.status if item.decision else None for item in items]


def status_line(app: ReviewApp) -> str:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return str(screen.query_one("#status").render())


async def test_accept_reject_and_undo_are_stored(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "layla · article 1 of 5" in status_line(app)
        await pilot.press("a")
        assert decisions(reviewed_db)[0] == "accepted"
        await pilot.press("x")  # the cursor moved on to the second event
        assert decisions(reviewed_db)[:2] == ["accepted", "rejected"]
        assert "events 2/" in status_line(app)
        await pilot.press("u")
        assert decisions(reviewed_db)[:2] == ["accepted", None]
        await pilot.press("ctrl+z")
        assert decisions(reviewed_db)[:2] == [None, None]
        await pilot.press("j", "a")  # the second event
        assert decisions(reviewed_db)[:2] == [None, "accepted"]
        await pilot.press("q")
    with open_store(reviewed_db) as store:
        actions = [entry["action"] for entry in audit_log(store, "layla")]
    assert actions == ["accept", "reject", "undo", "undo", "accept"]


async def test_accept_all_done_and_undo_across_articles(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("A")
        first = decisions(reviewed_db, 0)
        assert first and all(status == "accepted" for status in first)
        await pilot.press("space")  # done: on to the second article
        assert "article 2 of 5" in status_line(app)
        with open_store(reviewed_db) as store:
            assert get_state(store, seed_ids(store)[0], "layla").done
        await pilot.press("u")  # the accept-all of article 1, undone as one step
        assert "article 1 of 5" in status_line(app)
        assert all(status is None for status in decisions(reviewed_db, 0))
        await pilot.press("q")


async def test_moving_between_articles_and_flagging(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert "article 3 of 5" in status_line(app)
        await pilot.press("left_square_bracket")
        assert "article 2 of 5" in status_line(app)
        await pilot.press("f")
        assert "flagged" in status_line(app)
        await pilot.press("q")
    with open_store(reviewed_db) as store:
        second = seed_ids(store)[1]
        assert get_state(store, second, "layla").flagged
        assert get_state(store, second, "layla").seconds_spent > 0  # time spent recorded


async def test_reopening_resumes_at_the_first_article_not_done(reviewed_db: Path) -> None:
    with open_store(reviewed_db) as store:
        ids = seed_ids(store)
        set_done(store, "layla", ids[0])
        set_done(store, "layla", ids[1])
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "article 3 of 5" in status_line(app)
        assert "2 done" in status_line(app)
        await pilot.press("q")


async def test_selecting_an_event_highlights_its_evidence(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        items = screen.session.items
        await pilot.press("j")
        selected, others = screen.article.highlights
        second = items[1].current.evidence
        assert selected == (second.start, second.end)
        assert len(others) == len(items) - 1
        await pilot.press("q")


async def test_another_reviewer_on_the_same_file_keeps_their_own_decisions(
    reviewed_db: Path,
) -> None:
    first = ReviewApp(reviewed_db, "layla", rtl="app")
    second = ReviewApp(reviewed_db, "omar", rtl="app")
    async with first.run_test(size=SIZE) as one, second.run_test(size=SIZE) as two:
        await one.pause()
        await two.pause()
        await one.press("a")
        await two.press("x")
        await one.press("q")
        await two.press("q")
    with open_store(reviewed_db) as store:
        article_id = seed_ids(store)[0]
        event_id = review_items(store, article_id, "layla")[0].stored.id
        assert get_decision(store, event_id, "layla").status == "accepted"  # type: ignore[union-attr]
        assert get_decision(store, event_id, "omar").status == "rejected"  # type: ignore[union-attr]


async def test_a_database_locked_by_another_process_is_said_not_raised(
    reviewed_db: Path,
) -> None:
    import sqlite3

    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        screen.session.store.conn.execute("PRAGMA busy_timeout = 50")
        other = sqlite3.connect(reviewed_db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another reviewer's process holds the write lock
        try:
            await pilot.press("a")
            await pilot.pause()
            stored = other.execute("SELECT count(*) FROM decisions WHERE annotator = 'layla'")
            assert stored.fetchone()[0] == 0  # not stored...
            shown = [n.message for n in app._notifications]
            assert any("locked by another reviewer" in message for message in shown)  # ...and said
            assert app.is_running
        finally:
            other.execute("ROLLBACK")
            other.close()
        await pilot.press("a")  # once the lock is gone the same key saves
        assert decisions(reviewed_db)[0] == "accepted"
        await pilot.press("q")
