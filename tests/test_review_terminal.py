"""The review app in a real terminal: decisions by key, a `kill -9`, and nothing lost.

`hadath demo --no-review` builds the demo database; `hadath review` runs in
tmux; keys are typed with send-keys and the screen read back with
capture-pane. After each key the test waits until the screen shows the
decision as saved, then kills the process with SIGKILL and checks that every
decision shown is in the database and that the export holds exactly the
curated events.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db.decisions import review_items
from db.store import open_store
from tests.conftest import seed_ids
from tests.tmux import SKIP_REASON, TMUX, tmux_session

pytestmark = pytest.mark.skipif(TMUX is None, reason=SKIP_REASON)

ROOT = Path(__file__).resolve().parent.parent
HADATH = [sys.executable, "-c", "from tui.cli import main; main()"]


def hadath(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the hadath command line in `cwd`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HADATH_CONFIG": str(cwd / "config.json")}
    return subprocess.run(
        [*HADATH, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def showing(text: str):
    """A screen condition: some row contains `text`."""
    return lambda screen: any(text in row for row in screen)


def layla(db: Path, article: int = 0) -> list[str | None]:
    """Layla's decision on each event of an article, in table order."""
    with open_store(db) as store:
        items = review_items(store, seed_ids(store)[article], "layla")
        return [item.decision.status if item.decision else None for item in items]


TABS_TO_KILLED = 13  # from the type selector: actors, place fields, coordinates, date, killed


def test_decisions_survive_kill_9_and_the_export_holds_them(tmp_path: Path) -> None:
    built = hadath(tmp_path, "demo", "--no-review")
    assert built.returncode == 0, built.stderr
    db = tmp_path / "hadath-demo.db"
    command = [*HADATH, "--db", str(db), "review", "--annotator", "layla", "--rtl", "app"]
    env = {"PYTHONPATH": str(ROOT), "HADATH_CONFIG": str(tmp_path / "config.json"),
           "HADATH_KEYS": str(tmp_path / "keys.toml")}  # fmt: skip
    with tmux_session(command, 160, 45, env=env, cwd=tmp_path) as tmux:
        tmux.wait_stable(showing("layla · article 1 of 5"), timeout=20)
        tmux.send_keys("a")  # accept the first event
        tmux.wait_stable(showing("events 1/"))
        tmux.send_keys("x")  # reject the second
        tmux.wait_stable(showing("events 2/"))
        tmux.send_keys("e")  # edit the third: 7 killed
        tmux.wait_stable(showing("Save  ctrl+s"), quiet=0.8)
        time.sleep(1.0)  # the form moves focus to its first field once it is mounted
        for _ in range(TABS_TO_KILLED):  # one at a time, as a person types: the place
            tmux.send_keys("Tab")  # field's suggestions run between two keys
            time.sleep(0.25)
        for key in ("BSpace", "BSpace", "7"):  # clear the count, then 7, key by key
            tmux.send_keys(key)
            time.sleep(0.3)
        tmux.send_keys("C-s")
        tmux.wait_stable(showing("events 3/"))
        tmux.send_keys("n")  # add an event on the sentence under the cursor
        tmux.wait_stable(showing("Save  ctrl+s"))
        tmux.send_keys("C-s")
        tmux.wait_stable(showing("events 4/4"))
        tmux.send_keys("u")  # undo once: the added event is withdrawn
        tmux.wait_stable(showing("events 3/3"))
        pid = int(tmux.display("#{pane_pid}"))
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while not tmux.dead():  # killed by a signal: tmux records no exit status
            assert time.monotonic() < deadline, "the review app survived SIGKILL"
            time.sleep(0.05)
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
