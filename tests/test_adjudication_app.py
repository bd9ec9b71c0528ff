"""The adjudication screen driven by keys (Textual Pilot), checked on the rows stored.

The database is the two-reviewer case (conftest `two_reviewers`): on the first
article Layla has the first event and Omar has not, both have the second with
Omar's two more dead, and they agree on the rest.
"""

from __future__ import annotations

import json
from pathlib import Path

from db.adjudication import items
from db.decisions import ADJUDICATED, audit_log, get_decision, get_state
from db.store import open_store
from tests.conftest import run_cli, seed_ids
from tui.adjudication_app import AdjudicationApp
from tui.app import ReviewApp
from tui.screens.adjudication import DIFFERS, AdjudicationScreen
from tui.screens.help import HelpScreen

SIZE = (160, 40)


def adjudication_screen(app: ReviewApp) -> AdjudicationScreen:
    screen = app.screen
    assert isinstance(screen, AdjudicationScreen)
    return screen


def view_of(db: Path, article_index: int = 0) -> list[tuple[str, dict[str, object] | None]]:
    """What the adjudicated view holds of each item of an article: state and provenance."""
    with open_store(db) as store:
        article = seed_ids(store)[article_index]
        return [(item.state, item.source) for item in items(store, article)]


def notifications(app: ReviewApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_opening_accepts_the_agreed_and_shows_the_versions_side_by_side(
    two_reviewers: Path,
) -> None:
    app = AdjudicationApp(two_reviewers, "sara", rtl="app", environ={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = adjudication_screen(app)
        status = str(screen.query_one("#status").render())
        assert "sara adjudicating · article 1 of 5" in status
        view = view_of(two_reviewers)
        agreed = len(view) - 2
        assert view[:2] == [("pending", None), ("pending", None)]
        assert view[2:] == [("agreed", {"adjudicator": "sara", "agreed": ["layla", "omar"]})] * (
            agreed
        )
        said = "event" if agreed == 1 else "events"
        assert f"{agreed} agreed {said} accepted" in " ".join(notifications(app))
        table = screen.table
        assert [table.row_text(row)[0] for row in range(table.row_count)] == [
            "≠",
            "≠",
            *["="] * agreed,
        ]
        assert table.row_text(0)[-1] == "layla only" and table.row_text(1)[-1] == "2 versions"

        # the first item: Omar has no version of it
        versions = screen.versions
        assert [versions.row_text(row)[-1] for row in range(versions.row_count)] == [
            "layla",
            "omar",
        ]
        assert versions.row_text(1)[1] == "(none)"
        await pilot.press("j")  # the second: the counts differ, lit in both rows
        for row in (0, 1):
            styles = versions.row_styles(row)
            assert styles[4] == DIFFERS  # kill/inj
            assert DIFFERS not in (styles[1], styles[2], styles[3])  # type, place, actors
        assert versions.row_text(0)[4] != versions.row_text(1)[4]
        title = str(screen.query_one("#versions-title").render())
        assert "differ in killed" in title and "1 layla · 2 omar" in title


async def test_digits_take_a_version_x_drops_e_edits_n_adds_and_u_undoes(
    two_reviewers: Path,
) -> None:
    with open_store(two_reviewers) as store:
        article = seed_ids(store)[0]
        first, second, *_ = items(store, article)
    omar = second.versions["omar"]
    app = AdjudicationApp(two_reviewers, "sara", rtl="app", environ={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")  # Omar has no version of the first item: nothing stored
        await pilot.pause()
        assert view_of(two_reviewers)[0] == ("pending", None)
        assert any("omar has no version" in text for text in notifications(app))
        await pilot.press("1")  # Layla's; the cursor moves on to the second item
        assert view_of(two_reviewers)[0] == ("taken", {"adjudicator": "sara", "taken": "layla"})
        await pilot.press("2")  # Omar's version of the second: his count
        assert view_of(two_reviewers)[1] == ("taken", {"adjudicator": "sara", "taken": "omar"})
        with open_store(two_reviewers) as store:
            decision = get_decision(store, omar.event_id, ADJUDICATED)
            assert decision is not None and decision.corrected is not None
            assert decision.corrected.fatalities == omar.event.fatalities

        await pilot.press("k", "x")  # drop the second item
        assert view_of(two_reviewers)[1][0] == "dropped"
        await pilot.press("u")  # the drop undone: Omar's version is the view's again
        assert view_of(two_reviewers)[1][0] == "taken"

        await pilot.press("e", "alt+k")  # the undo left the cursor on it: edit, 9 killed
        await pilot.pause()
        await pilot.press("9", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AdjudicationScreen)
        assert view_of(two_reviewers)[1] == ("edited", {"adjudicator": "sara", "edited": "omar"})
        with open_store(two_reviewers) as store:
            decision = get_decision(store, omar.event_id, ADJUDICATED)
            assert decision is not None and decision.corrected is not None
            assert decision.corrected.fatalities == 9
            assert decision.corrected.location == omar.event.location

        await pilot.press("n")  # an event neither annotator has
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        view = view_of(two_reviewers)
        assert ("added", {"adjudicator": "sara", "added": True}) in view
        await pilot.press("q")
    with open_store(two_reviewers) as store:
        actions = [entry["action"] for entry in audit_log(store, ADJUDICATED)]
    assert actions[0] == "accept"  # the agreed items, pre-accepted
    assert actions[-6:] == ["accept", "correct", "reject", "undo", "correct", "add"]

    exported = run_cli(two_reviewers, "export", "--adjudicated")
    assert exported.exit_code == 0, exported.stderr
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    on_first = [record for record in records if record["article_id"] == article]
    assert len(on_first) == len(view)
    by_id = {record["event_id"]: record for record in on_first}
    assert by_id[first.versions["layla"].event_id]["adjudication"]["taken"] == "layla"
    assert by_id[omar.event_id]["fatalities"] == 9
    assert by_id[omar.event_id]["adjudication"]["edited"] == "omar"


async def test_agreed_items_are_pre_accepted_once(two_reviewers: Path) -> None:
    """An undone pre-acceptance stays undone when the article opens again."""
    app = AdjudicationApp(two_reviewers, "sara", rtl="app", environ={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert view_of(two_reviewers)[2][0] == "agreed"
        await pilot.press("u")
        assert {state for state, _ in view_of(two_reviewers)} == {"pending"}
        await pilot.press("right_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert adjudication_screen(app).session.article is not None
        assert {state for state, _ in view_of(two_reviewers)} == {"pending"}
        assert view_of(two_reviewers, 1)[-1][0] == "agreed"  # the second article's, on opening
        await pilot.press("q")
    again = AdjudicationApp(two_reviewers, "sara", rtl="app", environ={})
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert {state for state, _ in view_of(two_reviewers)} == {"pending"}


async def test_done_asks_about_undecided_items_then_marks_and_moves_on(
    two_reviewers: Path,
) -> None:
    app = AdjudicationApp(two_reviewers, "sara", rtl="app", environ={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = adjudication_screen(app)
        first = screen.session.article
        assert first is not None
        await pilot.press("space")
        assert "2 events not decided yet" in " ".join(notifications(app))
        assert screen.session.article == first
        await pilot.press("space")
        await pilot.pause()
        assert screen.session.article is not None and screen.session.article != first
        assert "article 2 of 5" in str(screen.query_one("#status").render())
        with open_store(two_reviewers) as store:
            assert get_state(store, first.id, ADJUDICATED).done
            assert not get_state(store, first.id, "sara").done  # the view's, not a reviewer's


async def test_take_keys_are_remappable_and_a_reviewers_keys_file_is_welcome(
    two_reviewers: Path, tmp_path: Path
) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text('take_2 = "o"\naccept = "y"\ncount = "0"\n', encoding="utf-8")
    app = AdjudicationApp(two_reviewers, "sara", rtl="app", keys_file=keys)
    assert app.keys.problems == []  # accept and count are the review's: not reported
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "2")  # 2 is no longer a take key
        await pilot.pause()
        assert view_of(two_reviewers)[1][0] == "pending"
        await pilot.press("o")
        assert view_of(two_reviewers)[1] == ("taken", {"adjudicator": "sara", "taken": "omar"})
        await pilot.press("question_mark")  # the help lists the keys as bound
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        lines = {line.name: line.keys for line in help_screen.lines if line.name}
        assert lines["take_2"] == "o" and lines["take_1"] == "1" and lines["drop"] == "x"
        assert "accept" not in lines and "count" not in lines  # the review's own
    review = ReviewApp(two_reviewers, "layla", rtl="app", keys_file=keys)
    assert review.keys.problems == []  # take_2 is adjudication's: not reported either
    keys.write_text('take_2 = "o"\ntake_7 = "o"\n', encoding="utf-8")
    clash = AdjudicationApp(two_reviewers, "sara", rtl="app", keys_file=keys)
    assert any("'o' is already given to take_2" in problem for problem in clash.keys.problems)


def test_adjudicate_refuses_a_database_with_nothing_to_adjudicate(db_path: Path) -> None:
    from tests.conftest import SEEDS

    assert run_cli(db_path, "import", str(SEEDS)).exit_code == 0
    result = run_cli(db_path, "adjudicate", "--adjudicator", "sara")
    assert result.exit_code == 1
    assert "nothing to adjudicate in" in result.stderr
    assert "no article is finished by two or more annotators" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_adjudicate_refuses_the_views_own_name(two_reviewers: Path) -> None:
    result = run_cli(two_reviewers, "adjudicate", "--adjudicator", ADJUDICATED)
    assert result.exit_code == 1
    assert "kept for hadath's own entries" in result.stderr
