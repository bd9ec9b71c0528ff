"""ReviewSession on a real database file: what a locked database does to its writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import tui.session
from db import navigation
from db.decisions import get_state
from db.store import open_store
from tests.conftest import SEEDS, run_cli, seed_ids
from tui.session import DatabaseBusy, ReviewSession

pytestmark = pytest.mark.timeout(30)  # locked writes give up after 0.05 s


@pytest.fixture
def reviewed_db(db_path: Path) -> Path:
    """The seed articles with their machine events."""
    assert run_cli(db_path, "import", str(SEEDS)).exit_code == 0
    assert run_cli(db_path, "extract").exit_code == 0
    return db_path


def test_a_locked_write_raises_database_busy_and_stores_nothing(reviewed_db: Path) -> None:
    with open_store(reviewed_db) as store:
        store.set_busy_timeout(0.05)
        session = ReviewSession(store, "layla")
        session.open_start()
        other = sqlite3.connect(reviewed_db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(DatabaseBusy):
                session.accept(0)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert session.items[0].decision is None
        session.accept(0)  # the same call, once the lock is gone
        assert session.items[0].decision is not None


class Clock:
    """A monotonic clock that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        """The time now, in seconds."""
        return self.now


def test_time_spent_while_locked_is_kept_and_added_later(
    reviewed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    monkeypatch.setattr(tui.session, "time", clock)
    with open_store(reviewed_db) as store:
        store.set_busy_timeout(0.05)
        session = ReviewSession(store, "layla")
        first = session.open_start()
        assert first is not None
        clock.now += 12.5  # reading the first article
        other = sqlite3.connect(reviewed_db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            session.next_article()  # moving on works; the time cannot be written yet
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert get_state(store, first.id, "layla").seconds_spent == 0
        clock.now += 3.0  # reading the second article
        session.next_article()  # the next write adds the kept seconds too
        assert get_state(store, first.id, "layla").seconds_spent == 12.5
        assert get_state(store, seed_ids(store)[1], "layla").seconds_spent == 3.0
        assert seed_ids(store)[2] == session.article.id  # type: ignore[union-attr]


def test_status_counted_step_by_step_equals_counting_from_scratch(reviewed_db: Path) -> None:
    with open_store(reviewed_db) as store:
        session = ReviewSession(store, "layla")
        session.open_start()
        ids = seed_ids(store)
        moves = [
            session.next_article,
            session.next_article,
            session.done_and_next,
            session.previous_article,
            session.done_and_next,  # the article after is done already: the next not done
            lambda: session.open_id(ids[0]),
            session.done_and_next,
            session.done_and_next,  # done twice: counted once
            session.previous_article,
            session.done_and_next,
            session.undo,
            session.next_article,
            lambda: session.open_id(ids[4]),
            session.next_article,  # the last article: stays
        ]
        for move in moves:
            move()
            assert session.article is not None
            shown = session.status()
            counted = navigation.position(store, "layla", session.article.id)
            assert (shown.index, shown.total, shown.done) == (
                counted.index,
                counted.total,
                counted.done,
            ), move
