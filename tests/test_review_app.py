"""The review app driven by keys (Textual Pilot), checked on the rows stored."""

from __future__ import annotations

import contextlib
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import tui.screens.review
from db.articles import get_article
from db.decisions import audit_log, get_decision, get_state, review_items, set_done, set_flagged
from db.store import open_store
from tests.conftest import SEEDS, run_cli, seed_ids
from tests.waiting import wait_for
from tui.app import ReviewApp
from tui.database_wait import PROBE_SECONDS, wait_until_writable
from tui.layout.drawing import drawn
from tui.screens.review import ReviewScreen
from tui.widgets.events_table import SHORT_TYPES

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


async def review_screen(pilot) -> ReviewScreen:
    """The review screen, once the app has shown the first article."""
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


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
        await pilot.press("u")  # done is a decision: undone first, back on article 1
        assert "article 1 of 5" in status_line(app)
        with open_store(reviewed_db) as store:
            assert not get_state(store, seed_ids(store)[0], "layla").done
        assert decisions(reviewed_db, 0) == first
        await pilot.press("u")  # the accept-all of article 1, undone as one step
        assert all(status is None for status in decisions(reviewed_db, 0))
        await pilot.press("U")  # redo: the accept-all again, whole
        assert decisions(reviewed_db, 0) == first
        await pilot.press("U")  # and done again
        with open_store(reviewed_db) as store:
            assert get_state(store, seed_ids(store)[0], "layla").done
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
        screen = await review_screen(pilot)
        items = screen.session.items
        await pilot.press("j")
        selected, others = screen.article_view.highlights
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


@contextlib.contextmanager
def write_lock_held(db_path: Path) -> Iterator[sqlite3.Connection]:
    """Another process's connection holding the database's write lock for the block."""
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()


def stored_count(connection: sqlite3.Connection) -> int:
    """How many decisions layla has stored (read through another connection)."""
    row = connection.execute("SELECT count(*) FROM decisions WHERE annotator = 'layla'")
    return int(row.fetchone()[0])


@dataclass
class Probes:
    """What the review screen's wait for a locked database did, seen from the test."""

    locked: list[float] = field(default_factory=list)
    """One entry per probe that found the database still locked (seconds waited)."""
    ended: threading.Event = field(default_factory=threading.Event)
    """Set once the wait has returned (the database free, or the wait stopped)."""


@pytest.fixture
def probes(monkeypatch: pytest.MonkeyPatch) -> Probes:
    """Watch the review screen's wait for a locked database, which runs in a thread."""
    seen = Probes()

    def watched(
        path: str,
        stopped: Callable[[], bool],
        waited: Callable[[float], None] | None = None,
        probe_seconds: float = PROBE_SECONDS,
    ) -> bool:
        def locked(seconds: float) -> None:
            seen.locked.append(seconds)
            if waited is not None:
                waited(seconds)

        try:
            return wait_until_writable(path, stopped, locked, probe_seconds)
        finally:
            seen.ended.set()

    monkeypatch.setattr(tui.screens.review, "wait_until_writable", watched)
    return seen


async def test_a_locked_database_keeps_the_decision_and_stores_it_once_free(
    reviewed_db: Path, probes: Probes
) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_screen(pilot)
        screen.probe_seconds = 0.1
        with write_lock_held(reviewed_db) as other:
            await pilot.press("a")
            await wait_for(pilot, lambda: "waiting for the database" in status_line(app), "waiting")
            assert screen.waiting and app.is_running
            await pilot.press("x", "k")  # kept: they run after the accept, in order
            await wait_for(pilot, lambda: "2 keys kept" in status_line(app), "2 keys kept")
            probed = len(probes.locked)
            await wait_for(pilot, lambda: len(probes.locked) > probed, "one more probe")
            assert stored_count(other) == 0  # nothing shown as saved, nothing stored
            assert "events 0/" not in status_line(app)
        await wait_for(pilot, lambda: not screen.waiting, "the decision stored")
        assert decisions(reviewed_db)[:2] == ["accepted", "rejected"]
        assert "events 2/" in status_line(app)
        assert screen.table.cursor_row == 1  # x moved on to the third event, k back one
        shown = [n.message for n in app._notifications]
        assert any(message.startswith("saved after waiting") for message in shown)
        await pilot.press("q")
    with open_store(reviewed_db) as store:
        actions = [entry["action"] for entry in audit_log(store, "layla")]
    assert actions == ["accept", "reject"]


async def test_escape_drops_the_decision_waiting_for_a_locked_database(
    reviewed_db: Path, probes: Probes
) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_screen(pilot)
        screen.probe_seconds = 0.1
        with write_lock_held(reviewed_db):
            await pilot.press("a", "a")
            await wait_for(pilot, lambda: "1 key kept" in status_line(app), "1 key kept")
            await pilot.press("escape")
            assert not screen.waiting
            assert "events 0/" in status_line(app)
        await wait_for(pilot, probes.ended.is_set, "the wait for the database to stop")
        await pilot.pause()  # anything the wait posted has been handled
        assert decisions(reviewed_db)[:2] == [None, None]  # dropped, and said so
        assert any("dropped" in n.message for n in app._notifications)
        await pilot.press("a")  # the database is free again: the key saves at once
        assert decisions(reviewed_db)[0] == "accepted"
        await pilot.press("q")


async def test_quitting_while_a_decision_waits_asks_for_a_second_q(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await review_screen(pilot)
        with write_lock_held(reviewed_db) as other:
            await pilot.press("a")
            await pilot.press("q")
            assert app.is_running
            assert any("q again" in n.message for n in app._notifications)
            await pilot.press("q")
            await wait_for(pilot, lambda: not app.is_running, "the app to quit")
            assert stored_count(other) == 0


async def test_the_next_article_is_laid_out_while_the_reviewer_reads(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_screen(pilot)
        with open_store(reviewed_db) as store:
            second = get_article(store, seed_ids(store)[1])
        assert second is not None
        prepared = lambda: screen.article_view.is_prepared(second.text, second.title)  # noqa: E731
        await wait_for(pilot, prepared, "the next article laid out")
        await pilot.press("right_square_bracket")
        assert "article 2 of 5" in status_line(app)
        assert screen.article_view.text == second.text
        await pilot.press("q")


ARABIC_LETTERS = re.compile("[\u0621-\u064a]")
"""Arabic base letters: in app mode they are drawn as presentation forms, never as these."""


@pytest.mark.parametrize(("mode", "shaped"), [("app", True), ("terminal", False)])
async def test_an_arabic_annotator_name_is_drawn_in_the_status_line(
    reviewed_db: Path, mode: str, shaped: bool
) -> None:
    app = ReviewApp(reviewed_db, "ليلى", rtl=mode)
    async with app.run_test(size=SIZE) as pilot:
        await review_screen(pilot)
        line = status_line(app)
        assert line.startswith(drawn("ليلى", "app" if shaped else "terminal"))
        assert bool(ARABIC_LETTERS.search(line)) is not shaped
        await pilot.press("q")


async def test_arabic_in_a_notification_is_drawn_in_app_mode(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        screen = await review_screen(pilot)
        screen.notify("no place named البوكمال here", title="ليلى")
        await pilot.pause()
        (note,) = [n for n in app._notifications if "no place named" in n.message]
        assert note.message == f"no place named {drawn('البوكمال', 'app')} here"
        assert note.title == drawn("ليلى", "app")
        assert not ARABIC_LETTERS.search(note.message + note.title)
        await pilot.press("q")


async def test_space_with_events_undecided_asks_for_a_second_space(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        undecided = len(decisions(reviewed_db, 0))
        assert undecided > 1
        await pilot.press("a")  # one decided, the others not
        await pilot.press("space")
        messages = [n.message for n in app._notifications]
        assert f"{undecided - 1} events not decided yet: space again marks the article done" in (
            messages
        )
        assert "article 1 of 5" in status_line(app)
        with open_store(reviewed_db) as store:
            assert not get_state(store, seed_ids(store)[0], "layla").done
        await pilot.press("space")  # the second press marks it done
        assert "article 2 of 5" in status_line(app)
        with open_store(reviewed_db) as store:
            assert get_state(store, seed_ids(store)[0], "layla").done
        await pilot.press("u")  # says what it undid, and where; shows that article
        assert "article 1 of 5" in status_line(app)
        assert any(
            str(n.message).startswith("undid done on article 1 of 5") for n in app._notifications
        )
        await pilot.press("u")
        assert any(
            str(n.message).startswith("undid accept of event 1 on article 1 of 5")
            for n in app._notifications
        )
        await pilot.press("U")
        assert any(
            str(n.message).startswith("redid accept of event 1 on article 1 of 5")
            for n in app._notifications
        )
        await pilot.press("q")
    with open_store(reviewed_db) as store:
        actions = [entry["action"] for entry in audit_log(store, "layla")]
    assert actions == ["accept", "done", "undo", "undo", "redo"]


async def test_notifications_stay_off_the_article_and_help_is_always_named(
    reviewed_db: Path,
) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await pilot.press("a")
        await wait_for(pilot, lambda: bool(screen.query("Toast")), "a notification")
        article = screen.article_view.region
        for toast in screen.query("Toast"):
            assert not toast.region.overlaps(article), toast.region
        assert status_line(app).endswith("· ? help")  # the key to every other key, at 80x24


async def test_at_80x24_the_events_stack_above_the_article_with_every_key_field(
    reviewed_db: Path,
) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.has_class("-stacked")
        table, view = screen.table, screen.article_view
        assert table.region.bottom <= view.region.y  # above, not beside
        header = table.render_line(0).text
        for label in ("type", "place", "attacker → target", "kill/inj", "date"):
            assert label in header
        item = screen.session.items[0]
        row = table.render_line(1).text
        event = item.current
        assert SHORT_TYPES[event.sub_event_type] in row
        assert f"{event.actor1.key if event.actor1 else '?'} →" in row
        # the selected event's evidence is lit and in view in the article below
        start = item.current.evidence.start
        rows = [i for i, r in enumerate(view.rows) if r.line and r.line.start <= start < r.line.end]
        assert (
            rows
            and view.scroll_y <= rows[0] < view.scroll_y + view.scrollable_content_region.height
        )
        assert view.highlights[0] == (start, item.current.evidence.end)
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=(260, 45)) as pilot:  # room for the full names: shown whole
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and not screen.has_class("-stacked")
        assert event.sub_event_type in screen.table.render_line(1).text


async def test_the_help_key_stays_in_a_long_status_line_at_80_columns(reviewed_db: Path) -> None:
    with open_store(reviewed_db) as store:
        first = seed_ids(store)[0]
        set_done(store, "layla", first)
        set_flagged(store, "layla", first, True)
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("left_square_bracket")  # back to the done, flagged first article
        await pilot.pause()
        line = status_line(app)
        assert len(line) <= 78 and line.endswith("· ? help")
        assert line.startswith("layla · article 1 of 5")
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "this article is done · flagged · ? help" in status_line(app)  # room for all
