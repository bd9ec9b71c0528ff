"""The article list (db/listing.py and the `/` screen) and the help screen (`?`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from db.decisions import decide, review_items, set_done, set_flagged
from db.listing import count_articles_matching, like_pattern, list_articles
from db.search_folds import count_unfolded
from db.store import Store, open_store
from tests.conftest import SEEDS, run_cli, seed_ids
from tests.waiting import wait_for
from tui.app import ReviewApp
from tui.layout.drawing import drawn
from tui.screens.articles import ArticlesScreen
from tui.screens.help import HelpScreen
from tui.screens.review import ReviewScreen

SIZE = (160, 40)
ONLY_IN_FOURTH = "مخزونات"  # a word of the fourth seed article's text (not its first line)


@pytest.fixture(autouse=True)
def no_user_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read the real ~/.config: no keys file."""
    monkeypatch.setenv("HADATH_KEYS", str(tmp_path / "no-keys.toml"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def reviewed_db(db_path: Path) -> Path:
    """The seed articles with their machine events."""
    assert run_cli(db_path, "import", str(SEEDS)).exit_code == 0
    assert run_cli(db_path, "extract").exit_code == 0
    return db_path


@pytest.fixture
def marked_db(reviewed_db: Path) -> Path:
    """Layla has finished the first two articles and flagged the third."""
    with open_store(reviewed_db) as store:
        ids = seed_ids(store)
        set_done(store, "layla", ids[0])
        set_done(store, "layla", ids[1])
        set_flagged(store, "layla", ids[2], True)
    return reviewed_db


def ids_of(store: Store, which: str, query: str | None = None, **page: int) -> list[str]:
    return [row.id for row in list_articles(store, "layla", which, query, **page)]


# -- the queries ---------------------------------------------------------------------------


def test_filters_list_in_review_order(marked_db: Path) -> None:
    with open_store(marked_db) as store:
        ids = seed_ids(store)
        assert ids_of(store, "all") == ids
        assert ids_of(store, "not done") == ids[2:]
        assert ids_of(store, "flagged") == [ids[2]]
        for which, expected in (("all", 5), ("not done", 3), ("flagged", 1)):
            assert count_articles_matching(store, "layla", which) == expected
        # another annotator has done nothing
        assert [row.id for row in list_articles(store, "omar", "not done")] == ids
        assert count_articles_matching(store, "omar", "flagged") == 0


def test_rows_carry_state_and_event_counts(marked_db: Path) -> None:
    with open_store(marked_db) as store:
        ids = seed_ids(store)
        first_events = review_items(store, ids[0], "layla")
        decide(store, "layla", first_events[0].stored.id, "accepted")
        rows = list_articles(store, "layla", "all")
        assert [row.seq for row in rows] == [1, 2, 3, 4, 5]
        assert [(row.done, row.flagged) for row in rows[:3]] == [
            (True, False),
            (True, False),
            (False, True),
        ]
        assert rows[0].events == len(first_events) and rows[0].decided == 1
        assert all(row.decided == 0 for row in rows[1:])
        text = store.db.execute("SELECT text FROM articles WHERE id = ?", [ids[0]]).fetchone()[0]
        assert rows[0].label == " ".join(text.split())[:60]  # no title: the start of the text
        assert "\n" not in rows[4].label


def test_search_matches_title_and_text_literally(marked_db: Path) -> None:
    with open_store(marked_db) as store:
        ids = seed_ids(store)
        assert ids_of(store, "all", ONLY_IN_FOURTH) == [ids[3]]
        assert count_articles_matching(store, "layla", "all", ONLY_IN_FOURTH) == 1
        assert ids_of(store, "not done", f"  {ONLY_IN_FOURTH} ") == [ids[3]]
        assert ids_of(store, "flagged", ONLY_IN_FOURTH) == []
        assert ids_of(store, "all", "centcom") == ids_of(store, "all", "CENTCOM") != []
        assert ids_of(store, "all", "%") == ids_of(store, "all", "_") == []
        assert ids_of(store, "all", "") == ids  # a blank search is no search
        assert count_articles_matching(store, "layla", "all", "no such words at all") == 0


def test_pages(marked_db: Path) -> None:
    with open_store(marked_db) as store:
        ids = seed_ids(store)
        first = list_articles(store, "layla", "all", limit=2)
        assert [row.id for row in first] == ids[:2]
        assert ids_of(store, "all", limit=2, after_seq=first[-1].seq) == ids[2:4]
        assert ids_of(store, "all", offset=4) == ids[4:]
        assert ids_of(store, "not done", limit=1, after_seq=3) == [ids[3]]


def test_like_pattern_and_bad_filter(store: Store) -> None:
    assert like_pattern("50%_a\\b") == "%50\\%\\_a\\\\b%"
    with pytest.raises(ValueError, match="which must be one of"):
        list_articles(store, "layla", "someday")


# -- the article list in the app -----------------------------------------------------------


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the search workers and the messages they posted."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def status_line(app: ReviewApp) -> str:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return str(screen.query_one("#status").render())


def listed(app: ReviewApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, ArticlesScreen)
    return [row.id for row in screen.rows]


async def test_filter_keys(marked_db: Path) -> None:
    with open_store(marked_db) as store:
        ids = seed_ids(store)
    app = ReviewApp(marked_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticlesScreen)
        assert screen.search.has_focus
        assert listed(app) == ids
        assert screen.table.row_count == 5
        await pilot.press("down")  # from the search box to the list
        assert screen.table.has_focus
        await pilot.press("1")
        assert listed(app) == ids[2:]
        assert screen.table.row_count == 3
        await pilot.press("2")
        assert listed(app) == [ids[2]]
        await pilot.press("3")
        assert listed(app) == ids
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        assert "article 3 of 5" in status_line(app)  # nothing opened


async def test_search_and_enter_opens_the_article(marked_db: Path) -> None:
    with open_store(marked_db) as store:
        ids = seed_ids(store)
    app = ReviewApp(marked_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "article 3 of 5" in status_line(app)
        await pilot.press("slash", *ONLY_IN_FOURTH)
        screen = app.screen
        assert isinstance(screen, ArticlesScreen)
        assert screen.search.value == ONLY_IN_FOURTH
        await pilot.press("enter")  # search now, on to the list
        await settle(pilot)
        assert listed(app) == [ids[3]]
        assert screen.table.has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "article 4 of 5" in status_line(app)
        assert app.session is not None and app.session.article is not None
        assert app.session.article.id == ids[3]
        # the list opens again on the same search
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, ArticlesScreen)
        assert app.screen.search.value == ONLY_IN_FOURTH
        assert listed(app) == [ids[3]]
        await pilot.press("escape")


async def test_search_follows_typing_after_a_pause(marked_db: Path) -> None:
    with open_store(marked_db) as store:
        ids = seed_ids(store)
    app = ReviewApp(marked_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"CENTCOM")
        await wait_for(pilot, lambda: listed(app) == [ids[0]], "the articles naming CENTCOM")
        await pilot.press(*["backspace"] * 7)
        await wait_for(pilot, lambda: listed(app) == ids, "every article once the search is empty")


async def test_the_list_reads_more_rows_near_the_end(marked_db: Path) -> None:
    with open_store(marked_db) as store:
        ids = seed_ids(store)
    app = ReviewApp(marked_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.store is not None
        screen = ArticlesScreen(app.store, "layla", page_size=2)
        await app.push_screen(screen)
        await pilot.pause()
        assert 2 <= len(screen.rows) < 5
        await pilot.press("down")  # focus the list
        await pilot.press("down", "down", "down", "down")
        assert [row.id for row in screen.rows] == ids
        assert screen.complete
        assert screen.table.row_count == 5


# -- help ----------------------------------------------------------------------------------


async def test_help_lists_the_keys_in_effect(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        rows = screen.rows()
        assert ("a", "Accept", "accept") in rows
        assert ("x", "Reject", "reject") in rows
        assert ("u, ^z", "Undo", "undo") in rows
        assert ("/", "Search", "search") in rows
        assert ("?", "Help", "help") in rows
        descriptions = [description for _, description, _ in rows]
        assert descriptions.index("Cursor down") > descriptions.index("Help")  # review keys first
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, ReviewScreen)


async def test_help_draws_an_arabic_keys_path_shaped(
    reviewed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = tmp_path / "مفاتيح" / "keys.toml"
    monkeypatch.setenv("HADATH_KEYS", str(keys))
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        note = str(app.screen.query_one("#help-file").render())
        assert drawn("مفاتيح", "app") in note
        assert not re.search("[\u0621-\u064a]", note)


async def test_one_folding_process_however_often_the_list_opens(reviewed_db: Path) -> None:
    """Opening the list while the articles are being folded starts no second process."""
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        first = screen._folding
        assert first is not None
        screen.fold_for_search()
        screen.fold_for_search()
        assert screen._folding is first or first.poll() is not None
        await settle(pilot)
        assert first.poll() == 0
    assert screen._folding is not None and screen._folding.poll() is not None  # none left


async def test_the_search_folds_what_the_reviewer_types(reviewed_db: Path) -> None:
    """`الامريكية`, typed without hamza, finds the articles that write `الأمريكية`."""
    with open_store(reviewed_db) as store:
        ids = seed_ids(store)
        texts = [store.conn.execute("SELECT text FROM articles WHERE id = ?", [i]).fetchone()[0]
                 for i in ids]  # fmt: skip
    expected = [i for i, text in zip(ids, texts, strict=True) if "الأمريكية" in text]
    assert expected and not any("الامريكية" in text for text in texts)
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)  # the app folds the articles for search in the background
        with open_store(reviewed_db) as store:
            assert count_unfolded(store) == 0
        await pilot.press("slash", *"الامريكية", "enter")
        await settle(pilot)
        assert listed(app) == expected
        await pilot.press("escape")


async def test_an_article_opened_from_a_search_shows_its_matches(reviewed_db: Path) -> None:
    """The first match is lit and scrolled to; ctrl+g steps to the next, and round again."""
    word = "الامريكية"  # written الأمريكية in the seed articles
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *word, "enter")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        article = app.session.article if app.session else None
        assert article is not None
        spans = [(s, e) for s, e in screen._matches]
        assert spans and all(article.text[s:e].startswith("الأمريكية") for s, e in spans)
        view = screen.article_view
        assert view._selected == spans[0]
        for step in range(1, len(spans) + 1):
            await pilot.press("ctrl+g")
            await pilot.pause()
            assert view._selected == spans[step % len(spans)]
        await pilot.press("j")  # another event: its evidence is lit again
        await pilot.pause()
        items = app.session.items if app.session else []
        evidence = items[screen.table.cursor_row].current.evidence
        assert view._selected == (evidence.start, evidence.end)
        await pilot.press("ctrl+g")  # back to the matches
        await pilot.pause()
        assert view._selected in spans


async def test_every_review_action_is_in_the_command_palette(reviewed_db: Path) -> None:
    """The palette lists each review action with its keys, and choosing one runs it."""
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        commands = list(app.get_system_commands(screen))
        titles = {command.title: command.help for command in commands}
        # one Quit: the review's, which asks again while a decision waits for the database
        assert [command.title for command in commands].count("Quit") == 1
        assert "quit in keys.toml" in titles["Quit"]
        for action in app.review_actions():
            assert action.description in titles, action.name
        assert titles["Next search match"].startswith(app.get_key_display(Binding("ctrl+g", "")))
        await pilot.press("slash", *"الامريكية", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        view = screen.article_view
        first = view._selected
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await pilot.press(*"Next search match")
        await wait_for(
            pilot, lambda: app.screen.query_one(CommandList).option_count > 0, "its hits"
        )
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: app.screen is screen and view._selected != first, "the next match"
        )
        assert view._selected == screen._matches[1 % len(screen._matches)]


async def test_help_groups_the_keys_by_task(reviewed_db: Path) -> None:
    from tui.screens.help import FORM_KEYS, OTHER_KEYS, TASKS

    app = ReviewApp(reviewed_db, "layla", rtl="app")
    grouped = {name for names in TASKS.values() for name in names}
    review = {action.name for action in app.review_actions()}
    assert review <= grouped  # every review action the keys file can move has its task
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        rows = screen.rows()
        headers = [keys for keys, description, name in rows if not description and not name]
        assert headers == [*TASKS, OTHER_KEYS, FORM_KEYS]
        form = rows.index((FORM_KEYS, "", ""))
        assert rows.index(("^r", "Revert to the event", "revert")) > form
        assert rows.index(("alt+k", "Go to killed", "to_killed")) > form
        deciding = rows.index(("Deciding", "", ""))
        moving = rows.index(("Moving", "", ""))
        assert deciding < rows.index(("U", "Redo", "redo")) < moving
        assert moving < rows.index(("^f", "Find in article", "find"))
