"""Adjudication in a real terminal: two annotators' versions of a seed article, one taken,
another edited, a `kill -9`, and `export --adjudicated` holding exactly the result.

The annotators work through the storage API (as `hadath review` stores their
keys); `hadath adjudicate` runs in tmux and each key is typed once the screen
shows what the previous one did.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
from pathlib import Path

import pytest

from db.adjudication import items
from db.decisions import accept_all, decide, review_items, set_done
from db.store import open_store
from tests.conftest import HADATH, ROOT, SEEDS, seed_ids
from tests.test_review_terminal import focused_field, hadath, killed_value, showing
from tests.tmux import SKIP_REASON, TMUX, tmux_session

pytestmark = pytest.mark.skipif(TMUX is None, reason=SKIP_REASON)


def two_annotators(db: Path) -> str:
    """Layla accepts every event of the first seed article; Omar rejects its first event and
    gives its second two more dead. Both mark it done. Returns the article's id."""
    with open_store(db) as store:
        article = seed_ids(store)[0]
        accept_all(store, "layla", article)
        set_done(store, "layla", article, True)
        for position, item in enumerate(review_items(store, article, "omar")):
            if position == 0:
                decide(store, "omar", item.stored.id, "rejected")
            elif position == 1:
                dead = (item.current.fatalities or 0) + 2
                decide(store, "omar", item.stored.id, "corrected",
                       dataclasses.replace(item.current, fatalities=dead))  # fmt: skip
            else:
                decide(store, "omar", item.stored.id, "accepted")
        set_done(store, "omar", article, True)
    return article


def test_adjudicate_takes_one_version_edits_another_and_the_export_holds_them(
    tmp_path: Path,
) -> None:
    db = tmp_path / "team.db"
    for args in (("import", str(SEEDS)), ("extract",)):
        done = hadath(tmp_path, "--db", str(db), *args)
        assert done.returncode == 0, done.stderr
    article = two_annotators(db)
    with open_store(db) as store:
        first, second, *agreed = items(store, article)
    command = [*HADATH, "--db", str(db), "adjudicate", "--adjudicator", "sara", "--rtl", "app"]
    env = {"PYTHONPATH": str(ROOT), "HADATH_CONFIG": str(tmp_path / "config.json"),
           "HADATH_KEYS": str(tmp_path / "keys.toml")}  # fmt: skip
    with tmux_session(command, 160, 45, env=env, cwd=tmp_path) as tmux:
        tmux.wait_stable(showing("sara adjudicating · article 1 of 1"), timeout=20)
        tmux.wait_stable(showing("1 layla · 2 omar"))
        tmux.send_keys("j")  # the second event: the annotators' counts differ
        tmux.wait_stable(showing("versions differ in killed"))
        tmux.send_keys("2")  # take Omar's version; the cursor moves on to the third event
        tmux.wait_stable(showing("took omar's version"))
        tmux.wait_stable(showing("versions: all agree"))
        tmux.send_keys("k")
        tmux.wait_stable(showing("versions differ in killed"))
        tmux.send_keys("k")  # the first event: only Layla has it
        tmux.wait_stable(showing("versions: 1 without this event"))
        tmux.send_keys("e")  # edit Layla's version: 7 killed
        tmux.wait_stable(showing("Save  ctrl+s"))
        tmux.send_keys("M-k")
        tmux.wait_stable(
            lambda screen: (focus := focused_field(screen)) is not None and focus[2] == "killed",
            escapes=True,
        )
        tmux.send_keys("7")
        tmux.wait_stable(lambda screen: killed_value(screen) == "7")
        tmux.send_keys("C-s")
        tmux.wait_stable(showing("edited version saved"))
        os.kill(tmux.command_pid(), signal.SIGKILL)
        assert tmux.wait_dead(timeout=10) == 128 + signal.SIGKILL

    exported = hadath(tmp_path, "--db", str(db), "export", "--adjudicated")
    assert exported.returncode == 0, exported.stderr
    records = {
        record["event_id"]: record for record in map(json.loads, exported.stdout.splitlines())
    }
    layla = first.versions["layla"]
    omar = second.versions["omar"]
    expected = {layla.event_id, omar.event_id} | {
        item.versions["layla"].event_id for item in agreed
    }
    assert set(records) == expected
    assert records[layla.event_id]["fatalities"] == 7
    assert records[layla.event_id]["adjudication"] == {"adjudicator": "sara", "edited": "layla"}
    assert records[omar.event_id]["fatalities"] == omar.event.fatalities
    assert records[omar.event_id]["adjudication"] == {"adjudicator": "sara", "taken": "omar"}
    for item in agreed:
        record = records[item.versions["layla"].event_id]
        assert record["adjudication"] == {"adjudicator": "sara", "agreed": ["layla", "omar"]}
