"""A small harness for tests that run a program in a real terminal: a detached tmux session.

Each `TmuxSession` runs its own tmux server on a private socket (so it never
touches the user's tmux), with no configuration file, a fixed size and a
UTF-8 locale. The command is held behind a gate until the session is set
up (pane title, remain-on-exit), so nothing it prints is missed. Tests read
the screen with `capture()` (plain text, or with `escapes=True` the
attributes as SGR sequences), wait for it to settle with `wait_stable()`,
type with `send_keys()`, and always end with `kill()` (the `tmux_session`
context manager does that).

The exit status is recorded by the harness itself, not read from tmux:
tmux 3.3a often reports the pane dead while `#{pane_dead_status}` stays
empty for good, so waiting on tmux's status can hang. The gate shell runs
the command as its child and reports on a FIFO in the session's private
folder: `ready`, `started PID`, `exited STATUS` (a killed command reads as
128 + the signal). The gate holds the FIFO open for its whole life, so the
end of the FIFO is the end of the gate: the harness blocks on the FIFO
(select with the caller's timeout) instead of polling, and a gate that was
itself killed is seen at once.

If tmux is not installed, `TMUX` is None and the tests skip themselves.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.cells import cell_len

TMUX = shutil.which("tmux")
"""Path of the tmux program, or None when it is not installed."""

SKIP_REASON = "tmux is not installed: the real-terminal tests need it"
GATE_TITLE = "hadath-tmux-test"
# Run in the pane as `sh GATE EVENTS COMMAND...`: hold the events FIFO open
# (fd 3, never passed to the command), say `ready`, wait for the gate to open
# (a line on stdin), run the command in the foreground, report its pid and its
# exit status. Each report is one short line: a single atomic write to the FIFO.
_GATE = """\
exec 3>"$1"
shift
echo ready >&3
IFS= read -r _gate
sh -c 'echo "started $$" >&3 && exec "$@" 3>&-' sh "$@"
echo "exited $?" >&3
"""
_POLL = 0.05
_SGR = re.compile(r"\x1b\[([0-9;:]*)m")
_DROP_ENV = ("TMUX", "TMUX_PANE", "NO_COLOR", "TEXTUAL", "TEXTUAL_DRIVER", "VTE_VERSION")


class TmuxError(RuntimeError):
    """A tmux command failed, or the screen did not reach the expected state in time."""


class TmuxSession:
    """One detached tmux session running one command, on a private tmux server."""

    def __init__(self, folder: Path, name: str = "hadath") -> None:
        """A session named `name` whose socket and records live in the private `folder`.

        Not started yet; `folder` must exist and be the session's alone.
        """
        if TMUX is None:
            raise TmuxError(SKIP_REASON)
        self.folder = folder
        self.socket = folder / "socket"
        self.name = name
        self.started = False
        self._ready = False
        self.pid: int | None = None
        """The command's process id, once the gate has reported it."""
        self.status: int | None = None
        """The command's exit status, once the gate has reported it."""
        self._events: int | None = None
        self._gate_gone = False
        self._pending = b""

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
        pane stays (dead) after the command exits, so its last screen can be read.
        """
        gate = self.folder / "gate.sh"
        gate.write_text(_GATE, encoding="utf-8")
        events = self.folder / "events"
        os.mkfifo(events)
        self._events = os.open(events, os.O_RDONLY | os.O_NONBLOCK)
        # Until the gate has opened its end, this writer keeps the FIFO from
        # reading as ended; it is closed once the gate says it is ready.
        holder = os.open(events, os.O_WRONLY)
        extra = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "COLORTERM": "truecolor", **(env or {})}
        session_env = [arg for key, value in extra.items() for arg in ("-e", f"{key}={value}")]
        try:
            self.tmux(
                "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
                "-c", str(cwd or os.getcwd()), *session_env,
                "sh", str(gate), str(events), *command,
            )  # fmt: skip
            if not self._read_events(until=lambda: self._ready, timeout=20):
                raise TmuxError("the gate shell did not start within 20 s")
        finally:
            os.close(holder)
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

    def cursor(self) -> tuple[int, int]:
        """The terminal cursor's column and row (Textual puts it in the focused Input)."""
        x, y = self.display("#{cursor_x} #{cursor_y}").split()
        return int(x), int(y)

    def send_keys(self, *keys: str, literal: bool = False) -> None:
        """Type keys (tmux key names such as 'q', 'C-Down', 'Enter'; `literal` sends text as is)."""
        self.tmux("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)

    def dead(self) -> bool:
        """Whether the command has exited (its exit status is reported)."""
        return self.exit_status() is not None

    def exit_status(self) -> int | None:
        """The command's exit status once it has exited, else None (never waits).

        A command killed by a signal has 128 + the signal's number (137 for
        SIGKILL), as the shell that ran it saw it.
        """
        self._read_events(until=lambda: True, timeout=0)
        return self.status

    def command_pid(self, timeout: float = 10.0) -> int:
        """The process id of the command (not of the gate shell that waits for it)."""
        if not self._read_events(until=lambda: self.pid is not None, timeout=timeout):
            raise TmuxError(f"the command did not start within {timeout} s")
        assert self.pid is not None
        return self.pid

    def _read_events(self, until: Callable[[], bool], timeout: float) -> bool:
        """Take the gate's reports from the FIFO, blocking until `until()` or `timeout`.

        Returns whether `until()` holds; also returns (False) once the gate
        is gone, since nothing more can come.
        """
        deadline = time.monotonic() + timeout
        while True:
            if self._events is not None and not self._gate_gone:
                while chunk := self._read_available():
                    self._take(chunk)
            if until() or self._gate_gone or self._events is None:
                return until()
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._events], [], [], left)[0]:
                return until()

    def _read_available(self) -> bytes:
        assert self._events is not None
        try:
            chunk = os.read(self._events, 4096)
        except BlockingIOError:
            return b""
        if not chunk and self._ready:
            self._gate_gone = True  # every writer closed: the gate shell has ended
        return chunk

    def _take(self, chunk: bytes) -> None:
        self._pending += chunk
        *lines, self._pending = self._pending.split(b"\n")
        for line in lines:
            word, _, value = line.decode("ascii").partition(" ")
            if word == "ready":
                self._ready = True
            elif word == "started":
                self.pid = int(value)
            elif word == "exited":
                self.status = int(value)

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
            if until is not None and (status := self.exit_status()) is not None:
                final = self.capture(escapes)  # nothing changes the screen any more
                if until(final):
                    return final
                shown = "\n".join(final)
                raise TmuxError(
                    f"the command exited (status {status}) before the screen showed"
                    f" what was awaited; last screen:\n{shown}"
                )
            if now > deadline:
                shown = "\n".join(screen)
                raise TmuxError(f"screen did not settle in {timeout} s; last screen:\n{shown}")

    def wait_dead(self, timeout: float = 30.0) -> int:
        """Wait until the command has exited; return its exit status.

        The default wait is generous: with the whole suite running on two
        cores, a Textual app can take over ten seconds to shut down. Raises
        TmuxError with the last screen if the command is still running then,
        or at once if the pane ended without a status (its shell was killed).
        """
        if self._read_events(until=lambda: self.status is not None, timeout=timeout):
            assert self.status is not None
            return self.status
        if self._gate_gone:
            raise TmuxError("the pane ended without recording the command's exit status")
        shown = "\n".join(self.capture())
        raise TmuxError(f"the command did not exit within {timeout} s; last screen:\n{shown}")

    def kill(self) -> None:
        """Stop the session's tmux server (and so the command) and remove its socket."""
        if self.socket.exists():
            self.tmux("kill-server", check=False)
        self.socket.unlink(missing_ok=True)
        if self._events is not None:
            os.close(self._events)
            self._events = None


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
        session = TmuxSession(Path(folder))
        try:
            session.start(command, width, height, env=env, cwd=cwd)
            yield session
        finally:
            session.kill()


def backgrounds(row: str) -> list[tuple[str, str]]:
    """The cells of a row captured with escapes: each cell's text and its background.

    The background is the SGR parameters that set it ("48;2;30;30;30"), or
    "" for the terminal's own. A wide character takes two cells (the second
    with empty text); a zero-width mark stays with the cell before it.
    """
    cells: list[tuple[str, str]] = []
    background = ""
    position = 0
    for match in [*_SGR.finditer(row), None]:
        end = match.start() if match else len(row)
        for char in row[position:end]:
            width = cell_len(char)
            if width == 0 and cells:
                cells[-1] = (cells[-1][0] + char, cells[-1][1])
                continue
            cells.append((char, background))
            if width == 2:
                cells.append(("", background))
        if match is None:
            break
        position = match.end()
        background = _background(match.group(1).split(";"), background)
    return cells


def _background(parameters: list[str], background: str) -> str:
    """The background after one SGR sequence with these parameters."""
    i = 0
    while i < len(parameters):
        value = parameters[i]
        if value in ("", "0", "49"):
            background = ""
        elif value in ("38", "48", "58"):
            size = 3 if parameters[i + 1 : i + 2] == ["5"] else 5
            if value == "48":
                background = ";".join(parameters[i : i + size])
            i += size
            continue
        elif value.isdigit() and (40 <= int(value) <= 47 or 100 <= int(value) <= 107):
            background = value
        i += 1
    return background


def _environment(extra: Mapping[str, str]) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in _DROP_ENV}
    env.update({"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    env.update(extra)
    return env
