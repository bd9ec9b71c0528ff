"""CSV export of a hostile article to a real terminal (tmux) leaves its title and state alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.test_export_cells import build_hostile
from tests.tmux import GATE_TITLE, SKIP_REASON, TMUX, tmux_session

pytestmark = pytest.mark.skipif(TMUX is None, reason=SKIP_REASON)

# The export waits for one more Enter, sent once the state is recorded, and the pane
# stays alive after it (a dead pane hides its cursor) until the session is killed.
_HOLD = 'IFS= read -r _; "$@"; IFS= read -r _'
# Modes an escape sequence could switch: the alternate screen, the cursor, the keypad, the mouse.
STATE = (
    "#{alternate_on} #{cursor_flag} #{insert_flag} #{keypad_cursor_flag} #{keypad_flag}"
    " #{mouse_any_flag} #{mouse_all_flag} #{origin_flag} #{wrap_flag}"
)


def test_csv_of_a_hostile_article_changes_no_terminal_state(tmp_path: Path) -> None:
    db = build_hostile(tmp_path / "hostile.db", tmp_path)
    expected = run_cli(db, "export", "--format", "csv").stdout
    last_row_end = expected.rstrip("\n").rsplit(",", 2)[-2:]  # its tags and timestamp
    hadath = [sys.executable, "-c", "from tui.cli import main; main()"]
    command = ["sh", "-c", _HOLD, "sh", *hadath, "--db", str(db), "export", "--format", "csv"]
    env = {"PYTHONPATH": str(ROOT)}
    with tmux_session(command, 200, 50, env=env, cwd=tmp_path) as tmux:
        tmux.tmux("set-option", "-g", "set-clipboard", "on")  # OSC 52 would make a buffer
        before = tmux.display(STATE)
        tmux.send_keys("Enter")
        screen = tmux.wait_stable(lambda rows: ",".join(last_row_end) in "".join(rows), 30)
        assert tmux.display("#{pane_title}") == GATE_TITLE
        assert tmux.display(STATE) == before
        assert tmux.tmux("list-buffers") == ""
        assert any(row.startswith("event_id_cnty,event_date") for row in screen)  # not cleared
