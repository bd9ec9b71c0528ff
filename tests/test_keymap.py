"""The reviewer's keys file (tui/keymap.py) and its use in the review app."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Button

from db.decisions import get_decision, review_items
from db.store import open_store
from tests.conftest import SEEDS, run_cli, seed_ids
from tui import keymap
from tui.app import ReviewApp
from tui.layout.drawing import drawn
from tui.screens.event_form import EventForm
from tui.screens.help import HelpScreen, KeyHelp, key_help
from tui.screens.review import ReviewScreen
from tui.widgets.events_table import EventsTable

SIZE = (160, 40)


@pytest.fixture
def keys_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The path $HADATH_KEYS names (no file yet); the real ~/.config is never read."""
    path = tmp_path / "keys.toml"
    monkeypatch.setenv("HADATH_KEYS", str(path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return path


@pytest.fixture
def reviewed_db(db_path: Path) -> Path:
    """The seed articles with their machine events."""
    assert run_cli(db_path, "import", str(SEEDS)).exit_code == 0
    assert run_cli(db_path, "extract").exit_code == 0
    return db_path


ACTIONS = {
    **keymap.remappable(ReviewScreen.BINDINGS, layer=0),
    **keymap.remappable(ReviewApp.BINDINGS, layer=1),
    **keymap.remappable(EventForm.form_bindings(), scope="form", in_text_fields=True),
}
RESERVED = {"review": keymap.reserved_keys(EventsTable.BINDINGS, "the events table")}


def read(path: Path, text: str) -> keymap.KeyConfig:
    path.write_text(text, "utf-8")
    return keymap.read_keys(path, ACTIONS, RESERVED)


def first_decision(db_path: Path) -> str | None:
    with open_store(db_path) as store:
        event = review_items(store, seed_ids(store)[0], "layla")[0].stored.id
        decision = get_decision(store, event, "layla")
        return decision.status if decision else None


# -- where the file is ---------------------------------------------------------------------


def test_keys_path_follows_the_environment() -> None:
    assert keymap.keys_path({"HADATH_KEYS": "/x/k.toml", "XDG_CONFIG_HOME": "/c"}) == Path(
        "/x/k.toml"
    )
    assert keymap.keys_path({"XDG_CONFIG_HOME": "/c"}) == Path("/c/hadath/keys.toml")
    assert keymap.keys_path({"HOME": "/h"}) == Path("/h/.config/hadath/keys.toml")
    assert keymap.keys_path({}) is None  # an empty environment: no keys file
    assert keymap.load_keys(ACTIONS, RESERVED, environ={}).keys == {}


# -- reading it ----------------------------------------------------------------------------


def test_every_review_binding_has_an_id_and_a_name() -> None:
    assert {"accept", "reject", "undo", "accept_all", "quit", "search", "help"} <= set(ACTIONS)
    assert ACTIONS["accept"].id == "review.accept"
    assert ACTIONS["undo"].keys == ("u", "ctrl+z")
    assert all(keymap.as_binding(binding).id for binding in ReviewScreen.BINDINGS)
    review = {name: action for name, action in ACTIONS.items() if action.scope == "review"}
    assert all(action.id == f"review.{name}" for name, action in review.items())


def test_a_good_file(keys_file: Path) -> None:
    config = read(
        keys_file,
        'accept = "y"\nundo = ["z", "ctrl+y"]\nhelp = "?,f1"\n'
        'accept_all = "ش"\nnext_article = "]"\n',
    )
    assert config.problems == []
    assert config.keys == {
        "accept": ["y"],
        "undo": ["z", "ctrl+y"],
        "help": ["question_mark", "f1"],
        "accept_all": ["ش"],
        "next_article": ["right_square_bracket"],
    }
    assert config.keymap(ACTIONS)["review.undo"] == "z,ctrl+y"


def test_a_missing_file_is_no_problem(keys_file: Path) -> None:
    config = keymap.load_keys(ACTIONS, RESERVED)
    assert config.path == keys_file
    assert config.keys == {} and config.problems == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('acept = "y"', ['acept = "y" is ignored', "there is no action 'acept'", "accept"]),
        ("accept = 3", ["accept = 3 is ignored", "as a string"]),
        ('accept = ""', ['accept = "" is ignored']),
        ('accept = ["y", 2]', ["accept = ['y', 2] is ignored"]),
        ("[review]\naccept = 'y'", ["review = {'accept': 'y'} is ignored", "no action"]),
        ('accept = "ctrl+"', ['accept = "ctrl+"', "not a key name", "ignored"]),
        ('accept = "hyperdrive"', ["'hyperdrive' is not a key name"]),
        ('accept = "cmd+y"', ["'cmd' is not a modifier"]),
        ('accept = "shift+y"', ["'shift+y' arrives as 'Y': write that"]),
        ('accept = "down"', ["'down' goes to the events table (Cursor down) first"]),
    ],
)
def test_each_bad_entry_is_one_clear_sentence(keys_file: Path, text: str, words: list[str]) -> None:
    config = read(keys_file, 'reject = "z"\n' + text + "\n")
    assert config.keys == {"reject": ["z"]}  # the good entry still applies
    problems = [p for p in config.problems if "reject" not in p.split(":")[1]]
    assert len(problems) == 1
    problem = problems[0]
    assert problem.startswith(f"{keys_file}: ")
    assert problem.endswith(".")
    assert "\n" not in problem
    for word in words:
        assert word in problem


def test_the_apps_priority_keys_cannot_be_taken(keys_file: Path, db_path: Path) -> None:
    reserved = ReviewApp(db_path, "layla", environ={}).reserved_keys()
    assert reserved["review"]["ctrl+q"] == "the app (Quit)"
    assert reserved["review"]["ctrl+p"] == "the command palette"
    assert reserved["form"]["ctrl+q"] == "the app (Quit)"
    keys_file.write_text('accept = "ctrl+q,y"\n', "utf-8")
    config = keymap.load_keys(ACTIONS, reserved)
    assert config.keys == {"accept": ["y"]}
    assert config.problems == [
        f"{keys_file}: accept = \"ctrl+q,y\": 'ctrl+q' goes to the app (Quit) first;"
        " that key is ignored."
    ]


def test_effective_keys_and_help_for_actions_not_bound_now(keys_file: Path) -> None:
    config = read(keys_file, 'reject = "a"\nundo = "U"\n')
    assert config.effective(ACTIONS["reject"]) == ["a"]
    assert config.effective(ACTIONS["accept"]) == []
    assert config.effective(ACTIONS["flag"]) == ["f"]
    actions = [ACTIONS["accept"], ACTIONS["undo"], ACTIONS["flag"]]
    lines = key_help({}, lambda binding: binding.key, actions, config.effective)
    assert lines == [
        KeyHelp("(no key)", "Accept", "accept"),
        KeyHelp("U", "Undo", "undo"),
        KeyHelp("f", "Flag", "flag"),
    ]


def test_a_bad_key_in_a_list_drops_only_that_key(keys_file: Path) -> None:
    config = read(keys_file, 'accept = "y,hyperdrive"\n')
    assert config.keys == {"accept": ["y"]}
    assert len(config.problems) == 1 and "that key is ignored" in config.problems[0]


def test_a_key_taken_from_another_action_is_said(keys_file: Path) -> None:
    config = read(keys_file, 'reject = "a"\n')
    assert config.keys == {"reject": ["a"]}
    assert config.problems == [
        f"{keys_file}: reject takes a from accept, which is left without a key"
        " (give accept a key of its own in the file)."
    ]
    screen_first = read(keys_file, 'help = "a,h"\n')
    assert screen_first.keys == {"help": ["h"]}  # the screen's accept would get a first
    assert screen_first.problems == [
        f"{keys_file}: help = \"a,h\": 'a' stays with accept, whose keys are looked up first;"
        " help does not get it."
    ]
    freed = read(keys_file, 'help = "a"\naccept = "y"\n')
    assert freed.problems == [] and freed.keys == {"help": ["a"], "accept": ["y"]}
    swapped = read(keys_file, 'reject = "a"\naccept = "x"\n')
    assert swapped.problems == []
    twice = read(keys_file, 'reject = "y"\naccept = "y,b"\n')
    assert twice.keys == {"reject": ["y"], "accept": ["b"]}
    assert twice.problems == [
        f"{keys_file}: accept = \"y,b\": 'y' is already given to reject; accept does not get it."
    ]


@pytest.mark.parametrize(
    "text",
    ['accept = "y"\nthis is not toml', b"accept = '\xff'"],
)
def test_a_file_that_cannot_be_read_leaves_the_defaults(keys_file: Path, text: str | bytes) -> None:
    if isinstance(text, bytes):
        keys_file.write_bytes(text)
    else:
        keys_file.write_text(text, "utf-8")
    config = keymap.load_keys(ACTIONS, RESERVED)
    assert config.keys == {}
    assert len(config.problems) == 1
    assert config.problems[0].startswith(str(keys_file))
    assert config.problems[0].endswith("the default keys are used.")


# -- in the app ----------------------------------------------------------------------------


async def test_a_remapped_key_decides(keys_file: Path, reviewed_db: Path) -> None:
    keys_file.write_text('accept = "y"\n', "utf-8")
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("a")  # no longer accept
        assert first_decision(reviewed_db) is None
        await pilot.press("y")
        assert first_decision(reviewed_db) == "accepted"
        assert "y" in app.screen.active_bindings
        assert "a" not in app.screen.active_bindings
        await pilot.press("question_mark")
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        assert ("y", "Accept", "accept") in screen.rows()
        await pilot.press("escape")
        await pilot.press("q")


async def test_a_bad_file_is_reported_and_the_defaults_work(
    keys_file: Path, reviewed_db: Path
) -> None:
    keys_file.write_text("accept = \nreject = 'n'", "utf-8")
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert len(app.keys.problems) == 1
        problem = app.keys.problems[0]
        assert problem.startswith(f"{keys_file} is not valid TOML (")
        assert "line 1" in problem
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert any(str(keys_file) in toast for toast in toasts)
        await pilot.press("a")
        assert first_decision(reviewed_db) == "accepted"
        await pilot.press("q")


async def test_help_shows_an_action_left_without_a_key(keys_file: Path, reviewed_db: Path) -> None:
    keys_file.write_text('reject = "a"\n', "utf-8")
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        rows = screen.rows()
        assert ("a", "Reject", "reject") in rows
        assert ("(no key)", "Accept", "accept") in rows
        await pilot.press("escape", "a")
        assert first_decision(reviewed_db) == "rejected"


async def test_an_app_key_can_take_a_key_the_screen_gave_up(
    keys_file: Path, reviewed_db: Path
) -> None:
    keys_file.write_text('help = "a"\naccept = "y"\nsearch = "w"\n', "utf-8")
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.keys.problems == []
        await pilot.press("a")
        assert isinstance(app.screen, HelpScreen)
        assert first_decision(reviewed_db) is None
        await pilot.press("escape", "question_mark", "slash")  # the old keys do nothing now
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("y")
        assert first_decision(reviewed_db) == "accepted"
        await pilot.press("w")
        assert type(app.screen).__name__ == "ArticlesScreen"
        await pilot.press("escape", "q")


async def test_a_problem_naming_an_arabic_key_is_shown_shaped(
    keys_file: Path, reviewed_db: Path
) -> None:
    keys_file.write_text('accept = "ق"\nreject = "ق"\n', "utf-8")
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert any("'ق'" in problem for problem in app.keys.problems)
        await pilot.press("question_mark")  # the help lists the problems, Arabic drawn
        await pilot.pause()
        note = str(app.screen.query_one("#help-file").render())
        assert f"'{drawn('ق', 'app')}'" in note
        assert not re.search("[\u0621-\u064a]", note)
        await pilot.press("escape", "q")


async def test_several_problems_are_one_notification_and_listed_in_help(
    keys_file: Path, reviewed_db: Path
) -> None:
    keys_file.write_text('acept = "y"\nreject = "nope-key"\nhelp = 3\n', "utf-8")
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        problems = app.keys.problems
        assert len(problems) >= 2
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert [t for t in toasts if "keys file" in t or "problems" in t] == [
            t for t in toasts if f"{len(problems)} problems in" in t
        ]
        await pilot.press("question_mark")
        await pilot.pause()
        note = str(app.screen.query_one("#help-file").render())
        assert all(problem.split(":")[-1].strip()[:20] in note for problem in problems)
        await pilot.press("escape", "q")


# -- the event form's keys -------------------------------------------------------------------


def test_the_forms_keys_are_remappable_in_their_own_scope(keys_file: Path, db_path: Path) -> None:
    """A form key may be a key the review screen uses (the form is modal), never a key a
    field takes first or one that types a character."""
    reserved = ReviewApp(db_path, "layla", environ={}).reserved_keys()
    assert reserved["form"]["ctrl+left"].startswith("a field of the form")
    assert reserved["form"]["escape"] == "the form (Cancel)"
    keys_file.write_text(
        'to_killed = "alt+m"\nsave = "f2"\nrevert = "ctrl+g"\n'
        'to_injured = "j"\nevidence_left = "ctrl+left,alt+h"\nto_date = "escape"\n',
        "utf-8",
    )
    config = keymap.load_keys(ACTIONS, reserved)
    assert config.keys == {
        "to_killed": ["alt+m"],
        "save": ["f2"],
        "revert": ["ctrl+g"],  # ctrl+g is next_match on the review screen: no clash
        "evidence_left": ["alt+h"],
    }
    assert len(config.problems) == 3, config.problems
    injured, left, date = config.problems
    assert "'j' would be typed into the form's fields" in injured
    assert "'ctrl+left' goes to a field of the form (Move cursor left a word) first" in left
    assert "'escape' goes to the form (Cancel) first" in date
    assert config.keymap(ACTIONS)["form.to_killed"] == "alt+m"
    assert config.effective(ACTIONS["next_match"]) == ["ctrl+g"]  # kept on the review screen


def test_a_form_key_taken_from_another_form_action_is_said(keys_file: Path) -> None:
    config = read(keys_file, 'revert = "alt+k"\n')
    assert config.keys == {"revert": ["alt+k"]}
    assert config.effective(ACTIONS["to_killed"]) == []
    (problem,) = config.problems
    assert "revert takes alt+k from to_killed, which is left without a key" in problem


async def test_remapped_form_keys_work_and_help_shows_them(
    keys_file: Path, reviewed_db: Path
) -> None:
    keys_file.write_text('to_killed = "alt+m"\nsave = "f2"\n', "utf-8")
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e", "alt+m", "8", "f2")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)  # saved and closed by f2
        lines = {line.name: line for line in app.form_help()}
        assert lines["to_killed"].keys == "alt+m"
        assert lines["save"].keys == "f2"
        assert lines["to_injured"].keys == "alt+i"
        await pilot.press("e")
        await pilot.pause()
        assert str(app.screen.query_one("#save", Button).label) == "Save  f2"
        commands = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert commands["Go to killed"] == "alt+m  ·  to_killed in keys.toml"
    with open_store(reviewed_db) as store:
        event = review_items(store, seed_ids(store)[0], "layla")[0].stored.id
        decision = get_decision(store, event, "layla")
        assert decision is not None and decision.corrected is not None
        assert decision.corrected.fatalities == 8


def test_the_default_keys_clash_with_nothing(db_path: Path) -> None:
    """Each default key has one action in its scope, and none is a key that something else
    gets first (the events table, a field of the form, the app's priority keys)."""
    reserved = ReviewApp(db_path, "layla", environ={}).reserved_keys()
    for scope in ("review", "form"):
        owners: dict[str, str] = {}
        for name, action in ACTIONS.items():
            if action.scope != scope:
                continue
            for key in action.keys:
                assert key not in owners, f"{key} is both {owners[key]} and {name}"
                owners[key] = name
                if (name, key) == ("edit_event", "enter"):
                    continue  # the table's own enter selects the event, which edits it
                assert key not in reserved[scope], f"{name}: {key} goes to {reserved[scope][key]}"
                if action.in_text_fields:
                    assert not keymap.types_a_character(key), f"{name}: {key} types a character"
