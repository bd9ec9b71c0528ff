"""Reviewing incident links in the review app (Pilot): the panel, the link keys, undo, opening
the other report, the incident's figure, and a keys file moving the link keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.decisions import audit_log, decide
from db.incidents import run_incidents
from db.store import open_store
from tests.conftest import accepted_seeds
from tui.app import ReviewApp
from tui.screens.review import ReviewScreen

SIZE = (160, 44)
SEED_000, SEED_001 = "7fb0b7efe379acfe", "6a13bc2e4076d3f0"


@pytest.fixture
def linked_db(db_path: Path) -> Path:
    """The seeds as the demo has them, every event accepted by layla, linked."""
    with open_store(accepted_seeds(db_path)) as store:
        run_incidents(store, "layla")
    return db_path


def five_killed(db_path: Path) -> tuple[str, str]:
    """The seed 000 event of the strike that killed five, and its report in seed 001."""
    with open_store(db_path) as store:
        ours = store.conn.execute(
            "SELECT id FROM events WHERE article_id = ? AND fatalities = 5", [SEED_000]
        ).fetchone()[0]
        theirs = store.conn.execute(
            "SELECT id FROM events WHERE article_id = ? AND fatalities = 5", [SEED_001]
        ).fetchone()[0]
    return ours, theirs


def link_status(db_path: Path, first: str, second: str, who: str = "layla") -> str | None:
    low, high = sorted((first, second))
    with open_store(db_path) as store:
        row = store.conn.execute(
            "SELECT status FROM incident_links WHERE annotator = ? AND event_a = ? AND event_b = ?",
            [who, low, high],
        ).fetchone()
    return row[0] if row else None


async def select_event(pilot, event_id: str) -> ReviewScreen:
    """Go to the event's article and select it."""
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    row = screen.session.open_event(event_id)
    assert row is not None
    screen.show_article(row)
    await pilot.pause()
    return screen


def panel_text(screen: ReviewScreen) -> str:
    return str(screen.links_panel.render())


async def test_the_panel_shows_the_other_report_and_the_keys_confirm_split_and_undo(
    linked_db: Path,
) -> None:
    ours, theirs = five_killed(linked_db)
    app = ReviewApp(linked_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await select_event(pilot, ours)
        text = panel_text(screen)
        assert "also reported in (3)" in text
        assert "Air/drone strike · Al-Jamiyat (Al-Bukamal) · 2024-11-12" in text
        assert "5 killed" in text and "same day" in text and "unreviewed" in text
        chosen = screen.links_panel.current
        assert chosen is not None
        other = chosen.link.other_id
        await pilot.press("l")
        assert link_status(linked_db, ours, other) == "confirmed"
        assert "· confirmed" in panel_text(screen)
        await pilot.press("s")
        assert link_status(linked_db, ours, other) == "split"
        await pilot.press("u")
        assert link_status(linked_db, ours, other) == "confirmed"
        await pilot.press("u")
        assert link_status(linked_db, ours, other) is None
        await pilot.press("L")  # the second linked report
        second = screen.links_panel.current
        assert second is not None and second.link.other_id != other
        await pilot.press("l")
        assert link_status(linked_db, ours, second.link.other_id) == "confirmed"
        await pilot.press("q")
    with open_store(linked_db) as store:
        actions = [entry["action"] for entry in audit_log(store, "layla")]
    assert actions[-5:] == ["link", "split", "undo", "undo", "link"]
    assert theirs in (other, second.link.other_id)


async def test_open_goes_to_the_other_article_at_that_event(linked_db: Path) -> None:
    ours, _ = five_killed(linked_db)
    app = ReviewApp(linked_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await select_event(pilot, ours)
        chosen = screen.links_panel.current
        assert chosen is not None
        await pilot.press("o")
        await pilot.pause()
        assert screen.session.article is not None
        assert screen.session.article.id == chosen.link.other_article
        row = screen.table.cursor_row
        assert screen.session.items[row].stored.id == chosen.link.other_id
        assert any(r.link.other_id == ours for r in screen.links_panel.reports)  # and back


async def test_the_incident_figure_is_typed_stored_and_undone(linked_db: Path) -> None:
    ours, _ = five_killed(linked_db)
    app = ReviewApp(linked_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await select_event(pilot, ours)
        await pilot.press("F")
        await pilot.pause()
        await pilot.press("backspace", "6", "enter")
        await pilot.pause()
        assert "incident: 6 killed (set by you)" in panel_text(screen)
        with open_store(linked_db) as store:
            figure = store.conn.execute(
                "SELECT fatalities FROM incident_figures WHERE annotator = 'layla'"
            ).fetchall()
        assert figure == [(6,)]
        await pilot.press("u")
        with open_store(linked_db) as store:
            assert store.conn.execute("SELECT count(*) FROM incident_figures").fetchone()[0] == 0


async def test_review_is_blind_to_another_annotators_links(linked_db: Path) -> None:
    ours, _ = five_killed(linked_db)
    with open_store(linked_db) as store:
        decide(store, "omar", ours, "accepted")
        run_incidents(store, "omar")
    app = ReviewApp(linked_db, "omar", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await select_event(pilot, ours)
        assert screen.links_panel.reports == []  # omar curated nothing else
        assert "also reported in" not in panel_text(screen)
        await pilot.press("l")
        await pilot.pause()
    with open_store(linked_db) as store:
        rows = store.conn.execute(
            "SELECT count(*) FROM incident_links WHERE annotator = 'omar'"
        ).fetchone()
    assert rows[0] == 0


async def test_a_keys_file_moves_the_link_keys(
    linked_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text('confirm_link = "y"\nsplit_link = "ctrl+y"\n', "utf-8")
    monkeypatch.setenv("HADATH_KEYS", str(keys))
    ours, _ = five_killed(linked_db)
    app = ReviewApp(linked_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await select_event(pilot, ours)
        chosen = screen.links_panel.current
        assert chosen is not None
        assert "y link · ^y split" in panel_text(screen)
        await pilot.press("l")  # no longer the key
        assert link_status(linked_db, ours, chosen.link.other_id) is None
        await pilot.press("y")
        assert link_status(linked_db, ours, chosen.link.other_id) == "confirmed"
        await pilot.press("ctrl+y")
        assert link_status(linked_db, ours, chosen.link.other_id) == "split"
