"""The review app in a real terminal: decisions by key, a `kill -9`, and nothing lost.

`hadath demo --no-review` builds the demo database; `hadath review` runs in
tmux; keys are typed with send-keys and the screen read back with
capture-pane. After each key the test waits until the screen shows what the
key did (the decision as saved, the focus moved to the next field, the value
typed), then kills the process with SIGKILL and checks that every decision
shown is in the database and that the export holds exactly the curated
events.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

from db.decisions import accept_all, review_items
from db.store import open_store
from tests.conftest import HADATH, ROOT, seed_ids
from tests.tmux import SKIP_REASON, TMUX, TmuxSession, backgrounds, tmux_session

pytestmark = pytest.mark.skipif(TMUX is None, reason=SKIP_REASON)


def hadath(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the hadath command line in `cwd`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HADATH_CONFIG": str(cwd / "config.json")}
    return subprocess.run(
        [*HADATH, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def demo_review(cwd: Path, annotator: str = "layla") -> tuple[list[str], dict[str, str]]:
    """Build the demo database in `cwd`; the command and environment that review it as
    `annotator` (layla unless told).

    App mode, and the config and keys files inside `cwd`, so that no file of
    the user running the tests is read.
    """
    built = hadath(cwd, "demo", "--no-review")
    assert built.returncode == 0, built.stderr
    db = cwd / "hadath-demo.db"
    command = [*HADATH, "--db", str(db), "review", "--annotator", annotator, "--rtl", "app"]
    env = {"PYTHONPATH": str(ROOT), "HADATH_CONFIG": str(cwd / "config.json"),
           "HADATH_KEYS": str(cwd / "keys.toml")}  # fmt: skip
    return command, env


def showing(text: str):
    """A screen condition: some row contains `text`."""
    return lambda screen: any(text in row for row in screen)


def layla(db: Path, article: int = 0) -> list[str | None]:
    """Layla's decision on each event of an article, in table order."""
    with open_store(db) as store:
        items = review_items(store, seed_ids(store)[article], "layla")
        return [item.decision.status if item.decision else None for item in items]


FORM_FIELDS = 14  # the fields of the event form, from the type selector to injured
FIELD_ROWS = ("type", "attacker", "target", "place", "name", "lat", "date", "killed")


def focused_field(screen: list[str]) -> tuple[int, int, str] | None:
    """The event form's focused field in a screen captured with escapes, if one shows focus.

    A field shows focus by its background (the focus tint, or its text
    selected): it is the first cell of a field row, inside the dialog's
    borders (left of the scrollbar a small screen gives the fields), drawn on
    another background than the dialog's. The field is
    given as its row, its first column and the word just before it (its
    label, or the actor selector's arrow): a blinking cursor changes none
    of them.
    """
    for y, row in enumerate(screen):
        cells = backgrounds(row)
        line = "".join(text[:1] or " " for text, _ in cells)
        left = max(line.find(f"█ {label} ") for label in FIELD_ROWS)
        right = line.find("█", left + 1)
        if left < 0 or right < 0:
            continue
        dialog = cells[left + 1][1]
        for x in range(left + 2, right - 4):  # not the fields' scrollbar, by the right border
            if cells[x][1] != dialog:
                return y, x, line[left + 1 : x].split()[-1]
    return None


def killed_value(screen: list[str]) -> str:
    """What the form's killed field shows (its placeholder when empty)."""
    rows = [row for row in screen if "█ killed " in row]
    assert rows, "no killed field on screen:\n" + "\n".join(screen)
    return rows[0].split("█ killed", 1)[1].split("injured", 1)[0].strip()


def focus_killed_field(tmux: TmuxSession) -> None:
    """Tab through the event form, one field at a time, until the killed field has focus.

    Each Tab is typed once the screen shows the previous one's effect (the
    focus drawn on the next field), as a person sees it before typing on.
    """
    screen = tmux.wait_stable(lambda shown: focused_field(shown) is not None, escapes=True)
    for _ in range(FORM_FIELDS):
        focus = focused_field(screen)
        assert focus is not None
        if focus[2] == "killed":
            return
        tmux.send_keys("Tab")
        screen = tmux.wait_stable(
            lambda shown, focus=focus: focused_field(shown) not in (None, focus), escapes=True
        )
    raise AssertionError("Tab never reached the killed field")


def test_decisions_survive_kill_9_and_the_export_holds_them(tmp_path: Path) -> None:
    command, env = demo_review(tmp_path)
    db = tmp_path / "hadath-demo.db"
    with tmux_session(command, 160, 45, env=env, cwd=tmp_path) as tmux:
        tmux.wait_stable(showing("layla · article 1 of 5"), timeout=20)
        tmux.send_keys("a")  # accept the first event
        tmux.wait_stable(showing("events 1/"))
        tmux.send_keys("x")  # reject the second
        tmux.wait_stable(showing("events 2/"))
        tmux.send_keys("e")  # edit the third: 7 killed
        tmux.wait_stable(showing("Save  ctrl+s"))
        focus_killed_field(tmux)
        while (shown := killed_value(tmux.capture())) != "number or empty":
            tmux.send_keys("BSpace")  # clear the count key by key
            tmux.wait_stable(lambda screen, shown=shown: killed_value(screen) != shown)
        tmux.send_keys("7")
        tmux.wait_stable(lambda screen: killed_value(screen) == "7")
        tmux.send_keys("C-s")
        tmux.wait_stable(showing("events 3/"))
        tmux.send_keys("n")  # add an event on the sentence under the cursor
        tmux.wait_stable(showing("Save  ctrl+s"))
        tmux.send_keys("C-s")
        tmux.wait_stable(showing("events 4/4"))
        tmux.send_keys("u")  # undo once: the added event is withdrawn
        tmux.wait_stable(showing("events 3/3"))
        os.kill(tmux.command_pid(), signal.SIGKILL)
        assert tmux.wait_dead(timeout=10) == 128 + signal.SIGKILL
    assert layla(db) == ["accepted", "rejected", "corrected"]
    with open_store(db) as store:
        third = review_items(store, seed_ids(store)[0], "layla")[2]
        assert third.current.fatalities == 7 and third.stored.event.fatalities != 7
        added = store.db.execute("SELECT count(*) FROM events WHERE origin = 'human'").fetchone()
        assert added[0] == 1  # the added event stays on record, withdrawn by the undo

    # reopening shows the same state
    with tmux_session(command, 160, 45, env=env, cwd=tmp_path) as tmux:
        screen = tmux.wait_stable(showing("layla · article 1 of 5"), timeout=20)
        assert any("events 3/3" in row for row in screen)
        tmux.send_keys("q")
        assert tmux.wait_dead() == 0

    exported = hadath(tmp_path, "--db", str(db), "export", "--annotator", "layla")
    assert exported.returncode == 0, exported.stderr
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    with open_store(db) as store:
        items = review_items(store, seed_ids(store)[0], "layla")
    assert [r["event_id"] for r in records] == [items[0].stored.id, items[2].stored.id]
    assert [r["decision"] for r in records] == ["accepted", "corrected"]
    assert records[1]["fatalities"] == 7
    assert records[1]["machine_event"]["fatalities"] == items[2].stored.event.fatalities


def test_alt_and_a_letter_go_to_a_field_in_a_real_terminal(tmp_path: Path) -> None:
    """alt+k arrives from a terminal as escape and k; the form takes it as its killed key,
    the field's text selected, so one digit replaces the count."""
    command, env = demo_review(tmp_path)
    db = tmp_path / "hadath-demo.db"
    with tmux_session(command, 160, 45, env=env, cwd=tmp_path) as tmux:
        tmux.wait_stable(showing("layla · article 1 of 5"), timeout=20)
        tmux.send_keys("e")
        tmux.wait_stable(showing("Save  ctrl+s"))
        tmux.send_keys("M-k")
        tmux.wait_stable(
            lambda screen: (focus := focused_field(screen)) is not None and focus[2] == "killed",
            escapes=True,
        )
        tmux.send_keys("9")
        tmux.wait_stable(lambda screen: killed_value(screen) == "9")
        tmux.send_keys("C-s")
        tmux.wait_stable(showing("events 1/"))
        tmux.send_keys("q")
        assert tmux.wait_dead() == 0
    with open_store(db) as store:
        first = review_items(store, seed_ids(store)[0], "layla")[0]
        assert first.current.fatalities == 9 != first.stored.event.fatalities


def test_a_linked_report_is_shown_and_confirmed_in_a_real_terminal(tmp_path: Path) -> None:
    command, env = demo_review(tmp_path)
    db = tmp_path / "hadath-demo.db"
    with open_store(db) as store:
        for article in seed_ids(store):
            accept_all(store, "layla", article)
        five = store.conn.execute(
            "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id"
            " WHERE e.article_id = ? AND e.fatalities = 5",
            [seed_ids(store)[0]],
        ).fetchone()[0]
        row = [item.stored.id for item in review_items(store, seed_ids(store)[0], "layla")]
    linked = hadath(tmp_path, "--db", str(db), "incidents")
    assert linked.returncode == 0, linked.stderr
    with tmux_session(command, 160, 45, env=env, cwd=tmp_path) as tmux:
        tmux.wait_stable(showing("layla · article 1 of 5"))
        for _ in range(row.index(five)):
            tmux.send_keys("j")
        tmux.wait_stable(showing("also reported in (3): l link · s split · o open · L next"))
        screen = tmux.wait_stable(showing("· unreviewed"))
        assert any("score 1.00: same day, same place" in line for line in screen)
        assert any("Air/drone strike ·" in line and "(2024-11-13)" in line for line in screen)
        tmux.send_keys("l")
        tmux.wait_stable(showing("· confirmed"))
        os.kill(tmux.command_pid(), signal.SIGKILL)
        assert tmux.wait_dead(timeout=10) == 128 + signal.SIGKILL
    with open_store(db) as store:
        confirmed = store.conn.execute(
            "SELECT count(*) FROM incident_links WHERE annotator = 'layla'"
            " AND status = 'confirmed' AND ? IN (event_a, event_b)",
            [five],
        ).fetchone()[0]
    assert confirmed == 1
