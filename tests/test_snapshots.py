"""Pictures of the review app's screens on a seed article (pytest-textual-snapshot).

Update the stored pictures after a deliberate change with
`uv run pytest tests/test_snapshots.py --snapshot-update` and look at them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.conftest import SEEDS, run_cli
from tests.waiting import wait_for
from tui.app import ReviewApp
from tui.screens.articles import ArticlesScreen

SIZE = (150, 42)


@pytest.fixture(autouse=True)
def fixed_keys_path(monkeypatch) -> None:
    """The help screen names the keys file: keep its path the same on every machine."""
    monkeypatch.setenv("HADATH_KEYS", "/nonexistent/hadath/keys.toml")


@pytest.fixture
def seed_db(tmp_path: Path) -> Path:
    """The seed articles with their machine events, in a fresh database."""
    db = tmp_path / "snap.db"
    assert run_cli(db, "import", str(SEEDS)).exit_code == 0
    assert run_cli(db, "extract").exit_code == 0
    return db


def test_main_screen(snap_compare, seed_db: Path) -> None:
    app = ReviewApp(seed_db, "layla", rtl="app", environ={})
    assert snap_compare(app, terminal_size=SIZE, press=["j", "a"])


def test_main_screen_stacked_at_80x24(snap_compare, seed_db: Path) -> None:
    """Below 110 columns the events go above the article, with short type names."""
    app = ReviewApp(seed_db, "layla", rtl="app", environ={})
    assert snap_compare(app, terminal_size=(80, 24), press=["j"])


def test_edit_form(snap_compare, seed_db: Path) -> None:
    app = ReviewApp(seed_db, "layla", rtl="app", environ={})
    assert snap_compare(app, terminal_size=SIZE, press=["j", "e"])


def test_help_screen(snap_compare, seed_db: Path) -> None:
    app = ReviewApp(seed_db, "layla", rtl="app", environ={})
    assert snap_compare(app, terminal_size=SIZE, press=["question_mark"])


def test_articles_screen(snap_compare, seed_db: Path) -> None:
    """The list searched for "3": taken once the search has run and its rows are shown (it
    waits for typing to pause, then reads in a worker thread)."""
    app = ReviewApp(seed_db, "layla", rtl="app", environ={})

    async def searched(pilot: Pilot[None]) -> None:
        await pilot.press("slash", "3")

        def done() -> bool:
            screen = pilot.app.screen
            return (
                isinstance(screen, ArticlesScreen)
                and screen.query_text == "3"
                and screen.searching is None
                and screen.total is not None
            )

        await wait_for(pilot, done, "the search for 3 to show its rows")
        # a blinking cursor is drawn or not depending on when the picture is taken
        search = pilot.app.screen.query_one("#search", Input)
        search.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=searched)


def test_article_header(snap_compare, tmp_path: Path) -> None:
    """Title, source, publication date and URL above the article's text."""
    article = tmp_path / "a.txt"
    body = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text("utf-8")
    article.write_text(
        "---\ntitle: غارات أمريكية على مواقع في البوكمال والميادين\nsource: Enab Baladi\n"
        "published: 2024-02-03\nurl: https://example.org/news/1\n---\n" + body,
        "utf-8",
    )
    db = tmp_path / "header.db"
    assert run_cli(db, "import", str(article)).exit_code == 0
    assert run_cli(db, "extract").exit_code == 0
    app = ReviewApp(db, "layla", rtl="app", environ={})
    assert snap_compare(app, terminal_size=SIZE)
