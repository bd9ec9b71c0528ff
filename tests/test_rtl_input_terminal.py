"""Arabic typed into the edit form and the search box, in a real terminal (tmux), app mode.

The form opens on a seed event; the place field is cleared and Arabic typed
into it key by key, as a reviewer types; the captured row must hold the
layout engine's rendering of the value, and no Arabic base letter (an
unshaped letter) may be anywhere on the screen. The same for the article
list's search box.
"""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path

import pytest

from tests.test_review_terminal import demo_review, focused_field, showing
from tests.tmux import SKIP_REASON, TMUX, TmuxSession, tmux_session
from tui.layout.drawing import drawn

pytestmark = pytest.mark.skipif(TMUX is None, reason=SKIP_REASON)

ARABIC_LETTERS = re.compile("[\u0621-\u064a]")
VALUES = ("البوكمال", "قاعدة T2 شرق دير الزور")
FORM_VALUES = (
    ("▼", ("الحرس الثوري",)),  # the attacker's words in the text (the field after its key)
    ("▼", ("قوات سوريا الديمقراطية",)),  # the target's
    ("place", VALUES),
    ("name", ("البوكمال",)),
    ("admin1", ("دير الزور",)),
    ("country", ("سوريا",)),
    ("written", ("أمس الأربعاء",)),  # the date as written
    ("killed", ("١٢",)),  # Arabic-Indic digits
)
"""The edit form's text fields, in Tab order, and the Arabic typed into each."""


def unshaped(screen: list[str]) -> list[str]:
    """The rows of a screen that hold an Arabic base letter."""
    return [row for row in screen if ARABIC_LETTERS.search(row)]


def focus_field(
    tmux: TmuxSession, label: str, after: tuple[int, int] | None = None
) -> tuple[int, int]:
    """Tab through the event form until the field labelled `label` has focus (not the one
    at `after`, the field typed into last); return where that field is."""
    screen = tmux.wait_stable(lambda shown: focused_field(shown) is not None, escapes=True)
    for _ in range(20):
        focus = focused_field(screen)
        assert focus is not None
        if focus[2] == label and focus[:2] != after:
            return focus[:2]
        tmux.send_keys("Tab")
        screen = tmux.wait_stable(
            lambda shown, focus=focus: focused_field(shown) not in (None, focus), escapes=True
        )
    raise AssertionError(f"Tab never reached the {label} field")


def type_into_focused(tmux: TmuxSession, value: str, row_label: str) -> list[str]:
    """Clear the focused field, type `value` key by key, return the screen once it shows it."""
    tmux.send_keys("C-u")  # delete everything left of the caret
    tmux.send_keys("C-k")  # and right of it
    for char in value:
        tmux.send_keys(char, literal=True)
    expected = drawn(value, "app")
    return tmux.wait_stable(
        lambda screen: any(row_label in row and expected in row for row in screen)
    )


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
def test_arabic_typed_into_the_form_and_the_search_box_is_drawn_shaped(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    command, env = demo_review(tmp_path)
    with tmux_session(command, *size, env=env, cwd=tmp_path) as tmux:
        screen = tmux.wait_stable(showing("article 1 of 5"), timeout=20)
        assert unshaped(screen) == []
        tmux.send_keys("e")
        tmux.wait_stable(showing("Save"))
        last: tuple[int, int] | None = None
        for label, values in FORM_VALUES:
            last = focus_field(tmux, label, after=last)
            for value in values:
                screen = type_into_focused(tmux, value, label)
                assert unshaped(screen) == [], "\n".join(screen)
        tmux.send_keys("Escape")
        tmux.wait_stable(lambda shown: not showing("Save")(shown))
        tmux.send_keys("/")
        tmux.wait_stable(showing("search titles"))
        screen = type_into_focused(tmux, VALUES[0], "")
        assert unshaped(screen) == [], "\n".join(screen)
        tmux.send_keys("Escape")


def comment_rows(screen: list[str]) -> list[str]:
    """The rows of the comment dialog, from its title to its buttons."""
    top = next(y for y, row in enumerate(screen) if "Comment on this article" in row)
    bottom = next(y for y, row in enumerate(screen) if y > top and "Save" in row)
    return screen[top:bottom]


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
def test_an_arabic_name_comment_and_new_event_are_drawn_shaped(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """Reviewing as ليلى: the status line, the comment box and the new-event form."""
    name = "ليلى"
    command, env = demo_review(tmp_path, annotator=name)
    with tmux_session(command, *size, env=env, cwd=tmp_path) as tmux:
        screen = tmux.wait_stable(showing(drawn(name, "app")), timeout=20)
        assert unshaped(screen) == [], "\n".join(screen)
        tmux.send_keys("c")
        tmux.wait_stable(showing("Comment on this article"))
        for char in "تحقق من التاريخ":
            tmux.send_keys(char, literal=True)
        tmux.send_keys("Enter")
        for char in VALUES[1]:
            tmux.send_keys(char, literal=True)
        lines = [drawn("تحقق من التاريخ", "app"), drawn(VALUES[1], "app")]
        screen = tmux.wait_stable(lambda shown: all(showing(line)(shown) for line in lines))
        assert unshaped(screen) == [], "\n".join(screen)
        rows = comment_rows(screen)
        first = next(row for row in rows if lines[0] in row)
        assert rows.index(first) < next(i for i, row in enumerate(rows) if lines[1] in row)
        tmux.send_keys("C-s")
        tmux.wait_stable(lambda shown: not showing("Comment on this article")(shown))
        tmux.send_keys("n")
        tmux.wait_stable(showing("New event"))
        focus_field(tmux, "place")
        screen = type_into_focused(tmux, VALUES[0], "place")
        assert unshaped(screen) == [], "\n".join(screen)
        tmux.send_keys("Escape")


def test_a_draft_survives_a_dropped_connection(tmp_path: Path) -> None:
    """SIGHUP (a dropped SSH connection) with the form open: reopening restores the text."""
    command, env = demo_review(tmp_path)
    with tmux_session(command, 160, 45, env=env, cwd=tmp_path) as tmux:
        tmux.wait_stable(showing("article 1 of 5"), timeout=20)
        tmux.send_keys("e")
        tmux.wait_stable(showing("Save"))
        focus_field(tmux, "place")
        type_into_focused(tmux, VALUES[1], "place")
        os.kill(tmux.command_pid(), signal.SIGHUP)
        assert tmux.wait_dead() != 0
    with tmux_session(command, 160, 45, env=env, cwd=tmp_path) as tmux:
        tmux.wait_stable(showing("article 1 of 5"), timeout=20)
        tmux.send_keys("e")
        screen = tmux.wait_stable(showing("draft restored"))
        assert any("place" in row and drawn(VALUES[1], "app") in row for row in screen)
        tmux.send_keys("Escape")
