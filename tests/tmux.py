"""A small harness for tests that run a program in a real terminal: a detached tmux session.

Each `TmuxSession` runs its own tmux server on a private socket (so it never
touches the user's tmux), with no configuration file, a fixed size and a
UTF-8 locale. The command is held behind a gate until the session is set
up (pane title, remain-on-exit), so nothing it prints is missed and its exit
status can be read. Tests read the screen with `capture()` (plain text, or
with `escapes=True` the attributes as SGR sequences), wait for it to settle
with `wait_stable()`, type with `send_keys()`, and always end with `kill()`
(the `tmux_session` context manager does that).

If tmux is not installed, `TMUX` is None and the tests skip themselves.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

TMUX = shutil.which("tmux")
"""Path of the tmux program, or None when it is not installed."""

SKIP_REASON = "tmux is not installed: the real-terminal tests need it"
GATE_TITLE = "hadath-tmux-test"
_GATE = 'IFS= read -r _gate; exec "$@"'
_POLL = 0.05
_DROP_ENV = ("TMUX", "TMUX_PANE", "NO_COLOR", "TEXTUAL", "TEXTUAL_DRIVER", "VTE_VERSION")


class TmuxError(RuntimeError):
    """A tmux command failed, or the screen did not reach the expected state in time."""


class TmuxSession:
    """One detached tmux session running one command, on a private tmux server."""

    def __init__(self, socket: Path, name: str = "hadath") -> None:
        """A session named `name` on the tmux server listening on `socket` (not started yet)."""
        if TMUX is None:
            raise TmuxError(SKIP_REASON)
        self.socket = socket
        self.name = name
        self.started = False

    def tmux(self, *args: str, check: bool = True) -> str:
        """Run one tmux command against this session's server and return its output."""
        assert TMUX is not None
        env = _environment({})
        done = subprocess.run(
            [TMUX, "-u", "-f", "/dev/null", "-S", str(self.socket), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            timeout=20,
            check=False,
        )
        if check and done.returncode != 0:
            raise TmuxError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def start(
        self,
        command: Sequence[str],
        width: int,
        height: int,
        env: Mapping[str, str] | None = None,
        cwd: str | Path | None = None,
    ) -> None:
        """Start `command` in a `width`x`height` pane with `env` added to a UTF-8 environment.

        The pane title is set to GATE_TITLE before the command runs, and the
        pane stays (dead) after the command exits, so that `exit_status()` works.
        """
        extra = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "COLORTERM": "truecolor", **(env or {})}
        session_env = [arg for key, value in extra.items() for arg in ("-e", f"{key}={value}")]
        self.tmux(
            "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
            "-c", str(cwd or os.getcwd()), *session_env,
            "sh", "-c", _GATE, "sh", *command,
        )  # fmt: skip
        self.started = True
        self.tmux("set-option", "-g", "status", "off")
        self.tmux("set-option", "-w", "-t", self.name, "remain-on-exit", "on")
        self.tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))
        self.tmux("select-pane", "-t", self.name, "-T", GATE_TITLE)
        self.tmux("send-keys", "-t", self.name, "Enter")  # open the gate

    def size(self) -> tuple[int, int]:
        """The pane's width and height in cells."""
        width, height = self.display("#{pane_width} #{pane_height}").split()
        return int(width), int(height)

    def resize(self, width: int, height: int) -> None:
        """Resize the window (and so the pane) to `width`x`height`."""
        self.tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    def display(self, fmt: str) -> str:
        """Expand a tmux format (e.g. '#{pane_title}') for the session's pane."""
        return self.tmux("display-message", "-p", "-t", self.name, fmt).rstrip("\n")

    def capture(self, escapes: bool = False) -> list[str]:
        """The visible screen, one string per row (trailing blanks removed by tmux).

        With `escapes`, text and background attributes are included as SGR
        escape sequences (`capture-pane -e`).
        """
        args = ["capture-pane", "-p", "-t", self.name]
        if escapes:
            args.append("-e")
        lines = self.tmux(*args).split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return lines

    def send_keys(self, *keys: str, literal: bool = False) -> None:
        """Type keys (tmux key names such as 'q', 'C-Down', 'Enter'; `literal` sends text as is)."""
        self.tmux("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)

    def dead(self) -> bool:
        """Whether the command has exited (its pane is dead)."""
        return self.display("#{pane_dead}") == "1"

    def exit_status(self) -> int | None:
        """The command's exit status once tmux has collected it, else None.

        tmux can see the pane's end (end of file on its terminal) a moment
        before it reaps the process, so a dead pane may not have a status yet.
        """
        dead, _, status = self.display("#{pane_dead} #{pane_dead_status}").partition(" ")
        status = status.strip()
        if dead != "1" or not status.lstrip("-").isdigit():
            return None
        return int(status)

    def wait_stable(
        self,
        until: Callable[[list[str]], bool] | None = None,
        timeout: float = 10.0,
        quiet: float = 0.3,
        escapes: bool = False,
    ) -> list[str]:
        """Wait until the screen has not changed for `quiet` seconds and `until(screen)` holds.

        Returns the screen. Raises TmuxError with the last screen after
        `timeout` seconds, or as soon as the command exits when `until` asks
        for something the screen does not show.
        """
        deadline = time.monotonic() + timeout
        screen = self.capture(escapes)
        changed = time.monotonic()
        while True:
            time.sleep(_POLL)
            now = time.monotonic()
            current = self.capture(escapes)
            if current != screen:
                screen, changed = current, now
            elif now - changed >= quiet and (until is None or until(screen)):
                return screen
            if now > deadline:
                shown = "\n".join(screen)
                raise TmuxError(f"screen did not settle in {timeout} s; last screen:\n{shown}")

    def wait_dead(self, timeout: float = 30.0) -> int:
        """Wait until the command has exited; return its exit status.

        The default wait is generous: with the whole suite running on two
        cores, a Textual app can take over ten seconds to shut down.
        """
        deadline = time.monotonic() + timeout
        while (status := self.exit_status()) is None:
            if time.monotonic() > deadline:
                raise TmuxError(f"the command did not exit within {timeout} s")
            time.sleep(_POLL)
        return status

    def kill(self) -> None:
        """Stop the session's tmux server (and so the command) and remove its socket."""
        if self.socket.exists():
            self.tmux("kill-server", check=False)
        self.socket.unlink(missing_ok=True)


@contextmanager
def tmux_session(
    command: Sequence[str],
    width: int,
    height: int,
    env: Mapping[str, str] | None = None,
    cwd: str | Path | None = None,
) -> Iterator[TmuxSession]:
    """Run `command` in a fresh `width`x`height` tmux session; always kill it afterwards."""
    with tempfile.TemporaryDirectory(prefix="hadath-tmux-") as folder:
        session = TmuxSession(Path(folder) / "socket")
        try:
            session.start(command, width, height, env=env, cwd=cwd)
            yield session
        finally:
            session.kill()


def _environment(extra: Mapping[str, str]) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in _DROP_ENV}
    env.update({"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    env.update(extra)
    return env
