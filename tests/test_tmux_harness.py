"""The real-terminal harness itself: exit statuses are always read, never waited for in vain.

tmux 3.3a often reports a pane dead while `#{pane_dead_status}` stays empty,
so a harness reading the status from tmux waits forever on some runs. These
tests start many short commands and check that every exit status is read at
once, that a killed command reads as 128 + the signal, and that a command
that never exits fails with a clear message instead of a hang.
"""

from __future__ import annotations

import os
import signal

import pytest

from tests.tmux import SKIP_REASON, TMUX, TmuxError, backgrounds, tmux_session

pytestmark = [pytest.mark.skipif(TMUX is None, reason=SKIP_REASON), pytest.mark.timeout(120)]

STARTS = 50


def test_every_exit_status_is_read() -> None:
    for start in range(STARTS):
        status = start % 7
        with tmux_session(["sh", "-c", f"exit {status}"], 40, 10) as tmux:
            assert tmux.wait_dead(timeout=10) == status, f"start {start}"
            assert tmux.dead()


def test_the_command_sees_the_terminal_and_its_screen_stays_after_it_exits() -> None:
    with tmux_session(["sh", "-c", "test -t 0 && test -t 1 && echo on a terminal"], 40, 10) as tmux:
        assert tmux.wait_dead(timeout=10) == 0
        assert "on a terminal" in tmux.capture()


def test_a_command_killed_by_sigkill_reads_as_137() -> None:
    with tmux_session(["sleep", "600"], 40, 10) as tmux:
        assert not tmux.dead() and tmux.exit_status() is None
        os.kill(tmux.command_pid(), signal.SIGKILL)
        assert tmux.wait_dead(timeout=10) == 128 + signal.SIGKILL
        assert tmux.dead()


def test_a_command_that_never_exits_fails_with_its_screen() -> None:
    with tmux_session(["sh", "-c", "echo still here; exec sleep 600"], 40, 10) as tmux:
        tmux.wait_stable(lambda screen: "still here" in screen)
        with pytest.raises(TmuxError, match=r"did not exit within 0.5 s(.|\n)*still here"):
            tmux.wait_dead(timeout=0.5)


def test_waiting_for_a_screen_ends_when_the_command_exits_without_it() -> None:
    # "At once": a wait until the deadline would outlast the test's time limit.
    crashed = pytest.raises(TmuxError, match=r"exited \(status 4\)(.|\n)*crashed")
    with tmux_session(["sh", "-c", "echo crashed; exit 4"], 40, 10) as tmux, crashed:
        tmux.wait_stable(lambda screen: "ready" in "\n".join(screen), timeout=3600)


def test_a_pane_whose_shell_was_killed_fails_at_once() -> None:
    with tmux_session(["sleep", "600"], 40, 10) as tmux:
        command = tmux.command_pid()
        os.kill(int(tmux.display("#{pane_pid}")), signal.SIGKILL)  # nobody left to record
        os.kill(command, signal.SIGKILL)
        with pytest.raises(TmuxError, match="without recording the command's exit status"):
            tmux.wait_dead(timeout=3600)  # "at once": else the test's time limit ends it


def test_backgrounds_reads_each_cells_background() -> None:
    row = "a\x1b[38;2;9;9;9m\x1b[48;2;1;2;3mبُ漢\x1b[39mx\x1b[1;48;5;4my\x1b[49mz\x1b[41mw\x1b[0mv"
    assert backgrounds(row) == [
        ("a", ""),
        ("بُ", "48;2;1;2;3"),  # the mark stays with its letter
        ("漢", "48;2;1;2;3"),
        ("", "48;2;1;2;3"),  # a wide character takes two cells
        ("x", "48;2;1;2;3"),  # a foreground reset keeps the background
        ("y", "48;5;4"),
        ("z", ""),
        ("w", "41"),
        ("v", ""),
    ]
