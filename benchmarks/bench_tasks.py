"""Benchmark a reviewer's everyday tasks in a real terminal: key presses and time per task.

A scripted reviewer works in tmux (160x45, app mode) on the demo database,
as a person at the keyboard would, one key at a time, each once the screen
shows the effect of the one before:

1. ``correct place``: edit the first event, go to the place field (``alt+p``,
   which selects its text, where the checkout has field keys; else Tab to it
   and clear it), type البوكمال, save;
2. ``correct killed``: edit it again, go to killed the same way (``alt+k``),
   type 7, save;
3. ``add, 10th sentence``: with the first event selected, move the sentence
   cursor to the 10th sentence of seed 000 with ``J`` (after a count, ``5J``,
   where the checkout takes one), ``n``, Tab to place, type الميادين, save;
4. ``done``: ``space`` (and ``space`` again if the app asks, because events
   are undecided) until the next article shows;
5. ``undo``: ``u``, and what the app says it undid;
6. ``redo``: ``U``, if the app has it.

For each task it reports the keys pressed (typed characters counted apart)
and the time from the first key to the screen showing the result, waiting
on the screen (tmux capture-pane), never on fixed sleeps. The time includes
tmux's round trips and a 50 ms quiet period per key; it is the app's share of
a reviewer's time, not the reviewer's typing.

How many ``J`` presses task 3 takes depends on where the sentence cursor
starts. Before the timed keys, the script opens the new-event form once
(``n``, then escape) and reads the evidence span it shows: the place a
person sees the cursor at before pressing anything.

``--repo PATH`` runs another checkout of hadath (for example a git worktree
of an earlier commit) with this one's Python environment, so that two
versions can be compared in one table::

    uv run python benchmarks/bench_tasks.py
    git worktree add /tmp/hadath-before <commit>
    uv run python benchmarks/bench_tasks.py --repo /tmp/hadath-before --label before
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_review_terminal import focused_field  # noqa: E402
from tests.tmux import TmuxError, TmuxSession, tmux_session  # noqa: E402

SIZE = (160, 45)
QUIET = 0.05
_SPAN = re.compile(r"evidence\s+\[(\d+), (\d+)\)")


@dataclass
class Task:
    """One task's figures: keys pressed, characters typed, seconds, and what the app said."""

    name: str
    keys: int = 0
    typed: int = 0
    seconds: float = 0.0
    said: str = ""


class Reviewer:
    """Presses keys in a tmux session one at a time, counting them, waiting on the screen."""

    def __init__(self, tmux: TmuxSession) -> None:
        self.tmux = tmux
        self.task: Task | None = None

    def start(self, name: str) -> Task:
        """Begin timing a task."""
        self.task = Task(name)
        self._started = time.monotonic()
        return self.task

    def finish(self, until: Callable[[list[str]], bool], timeout: float = 10.0) -> list[str]:
        """Wait for the task's result on screen; stop its clock."""
        assert self.task is not None
        screen = self.tmux.wait_stable(until, timeout=timeout, quiet=QUIET)
        self.task.seconds = time.monotonic() - self._started - QUIET
        self.task = None  # keys pressed between tasks count for none
        return screen

    def press(self, key: str, escapes: bool = False) -> list[str]:
        """Press one key and wait until the screen has settled."""
        if self.task is not None:
            self.task.keys += 1
        # with escapes: a key may change only styles (the sentence cursor's underline)
        before = self.tmux.capture(escapes=True)
        self.tmux.send_keys(key)
        with contextlib.suppress(TmuxError):  # a key that changes nothing on screen
            self.tmux.wait_stable(
                lambda shown: shown != before, timeout=2.0, quiet=QUIET, escapes=True
            )
        return self.tmux.capture(escapes)

    def type(self, text: str) -> None:
        """Type characters one by one, then wait for the screen to settle.

        (A character may change nothing in the plain screen: with a place's
        completion on offer the whole name is drawn already, faded.)
        """
        for char in text:
            if self.task is not None:
                self.task.typed += 1
            self.tmux.send_keys(char, literal=True)
        self.tmux.wait_stable(quiet=QUIET)

    def wait_for_focus(self, label: str) -> None:
        """Wait until the field labelled `label` has focus."""
        self.tmux.wait_stable(
            lambda shown: (focus := focused_field(shown)) is not None and focus[2] == label,
            escapes=True, quiet=QUIET,
        )  # fmt: skip

    def tab_to(self, label: str) -> None:
        """Tab through the form until the field labelled `label` has focus."""
        screen = self.tmux.wait_stable(
            lambda shown: focused_field(shown) is not None, escapes=True, quiet=QUIET
        )
        for _ in range(20):
            focus = focused_field(screen)
            if focus is not None and focus[2] == label:
                return
            screen = self.press("Tab", escapes=True)
        raise TmuxError(f"Tab never reached the {label} field")


def showing(text: str) -> Callable[[list[str]], bool]:
    """A screen condition: some row contains `text`."""
    return lambda screen: any(text in row for row in screen)


def line_with(screen: list[str], *words: str) -> str:
    """The first row holding one of `words`, stripped (what the app said)."""
    for row in screen:
        if any(word in row for word in words):
            # a notification's text: after its left edge, before the article pane's border
            said = row.rsplit("▌", 1)[-1].split("│", 1)[0]
            return " ".join(said.split())
    return ""


def counts_sentences(repo: Path) -> bool:
    """Whether the checkout's review screen takes a count before J and K (5J)."""
    review = (repo / "tui" / "screens" / "review.py").read_text("utf-8")
    return "def action_count" in review


def jumps_to_fields(repo: Path) -> bool:
    """Whether the checkout's event form has keys that go straight to a field (alt+k)."""
    form = (repo / "tui" / "screens" / "event_form.py").read_text("utf-8")
    return "form.to_killed" in form


def sentence_spans(db: Path, repo: Path) -> list[tuple[int, int]]:
    """The sentences of seed 000 as (start, end), as the checkout's splitter cuts them."""
    with sqlite3.connect(db) as conn:
        text = conn.execute("SELECT text FROM articles ORDER BY seq LIMIT 1").fetchone()[0]
    code = (
        "import json, sys\nfrom extract.tokens import split_sentences\n"
        "print(json.dumps([[s.start, s.end] for s in split_sentences(sys.stdin.read())]))"
    )
    done = subprocess.run(
        [sys.executable, "-P", "-c", code], input=text, capture_output=True, text=True,
        check=True, env={"PYTHONPATH": str(repo)},
    )  # fmt: skip
    return [(int(start), int(end)) for start, end in json.loads(done.stdout)]


def run(repo: Path) -> list[Task]:
    """Run the tasks against the hadath in `repo`; return their figures."""
    hadath = [sys.executable, "-c", "from tui.cli import main; main()"]
    env = {"PYTHONPATH": str(repo)}
    with tempfile.TemporaryDirectory(prefix="hadath-tasks-") as folder:
        cwd = Path(folder)
        env |= {"HADATH_CONFIG": str(cwd / "config.json"), "HADATH_KEYS": str(cwd / "keys.toml")}
        built = subprocess.run(
            [*hadath, "demo", "--no-review"], cwd=cwd, env=env, capture_output=True, text=True
        )
        if built.returncode:
            raise SystemExit(built.stderr)
        db = cwd / "hadath-demo.db"
        spans = sentence_spans(db, repo)
        command = [*hadath, "--db", str(db), "review", "--annotator", "bench", "--rtl", "app"]
        with tmux_session(command, *SIZE, env=env, cwd=cwd) as tmux:
            tmux.wait_stable(showing("article 1 of 5"), timeout=30)
            return _tasks(Reviewer(tmux), spans, counts_sentences(repo), jumps_to_fields(repo))


def _evidence(screen: list[str]) -> tuple[int, int] | None:
    """The evidence span the event form shows, if it is open."""
    match = next((m for row in screen if (m := _SPAN.search(row))), None)
    return (int(match.group(1)), int(match.group(2))) if match else None


def _tasks(
    reviewer: Reviewer, spans: list[tuple[int, int]], has_count: bool, has_jumps: bool
) -> list[Task]:
    tasks = []
    for name, label, jump, value in (("correct place", "place", "M-p", "البوكمال"),
                                     ("correct killed", "killed", "M-k", "7")):  # fmt: skip
        tasks.append(reviewer.start(name))
        reviewer.press("e")
        if has_jumps:  # the field's text is selected: typing replaces it
            reviewer.press(jump)
            reviewer.wait_for_focus(label)
        else:
            reviewer.tab_to(label)
            reviewer.press("C-u")
            reviewer.press("C-k")
        reviewer.type(value)
        reviewer.press("C-s")
        tasks[-1].said = line_with(reviewer.finish(showing("correction saved")), "correction")

    # where the sentence cursor starts: what a person sees before pressing anything
    cursor = _evidence(reviewer.press("n"))
    reviewer.press("Escape")
    # the form gone, not just the caret blinking: a key sent while Textual still waits to
    # see whether the escape starts a sequence would arrive as alt+key
    reviewer.tmux.wait_stable(lambda shown: _evidence(shown) is None, quiet=QUIET)
    if cursor not in spans:
        raise TmuxError(f"the new-event form showed no sentence's span: {cursor}")
    steps = 9 - spans.index(cursor)
    tasks.append(reviewer.start("add, 10th sentence"))
    if abs(steps) > 1 and has_count:  # a count first: 5J moves five sentences
        for digit in str(abs(steps)):
            reviewer.press(digit)
        reviewer.press("J" if steps > 0 else "K")
    else:
        for _ in range(abs(steps)):
            reviewer.press("J" if steps > 0 else "K")
    shown = _evidence(reviewer.press("n"))
    if shown != spans[9]:
        raise TmuxError(f"the new event's evidence is {shown}, not the 10th sentence {spans[9]}")
    reviewer.tab_to("place")
    reviewer.type("الميادين")
    reviewer.press("C-s")
    tasks[-1].said = line_with(reviewer.finish(showing("event added")), "event added")

    tasks.append(reviewer.start("done"))
    screen = reviewer.press("Space")
    if not showing("article 2 of 5")(screen) and showing("again")(screen):
        tasks[-1].said = line_with(screen, "again")
        reviewer.press("Space")
    reviewer.finish(showing("article 2 of 5"))

    for name, key, word in (("undo", "u", "undid"), ("redo", "U", "redid")):
        tasks.append(reviewer.start(name))
        reviewer.press(key)
        try:
            screen = reviewer.finish(showing(word), timeout=3.0)
            tasks[-1].said = line_with(screen, word)
        except TmuxError:
            tasks[-1].said = "(nothing on screen: the key does nothing)"
            tasks[-1].seconds = float("nan")
    return tasks


def format_table(label: str, tasks: Sequence[Task]) -> str:
    """The figures as a table."""
    lines = [f"{label}: {'task':<20} {'keys':>4} {'typed':>5} {'ms':>7}  what the app said"]
    for task in tasks:
        ms = "-" if task.seconds != task.seconds else f"{task.seconds * 1000:7.0f}"
        lines.append(
            f"{'':{len(label)}}  {task.name:<20} {task.keys:>4} {task.typed:>5} {ms:>7}"
            f"  {task.said[:70]}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the tasks and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=ROOT, help="the hadath checkout to run")
    parser.add_argument("--label", default="this checkout", help="the table's label")
    args = parser.parse_args(argv)
    print(format_table(args.label, run(args.repo.resolve())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
