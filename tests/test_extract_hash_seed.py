"""The extractor gives the same events whatever Python's string hashing seed.

Sets of strings iterate in an order that changes with PYTHONHASHSEED, so a rule
that takes "the first" of a set (or builds a phrase from one) finds different
events from one run to the next. Each run here is a fresh process over every
gold article, with its own seed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_EXTRACT_ALL = """
import json, sys
sys.path.insert(0, {root!r})
from extract import extract_events
from tests.gold import GOLD_SETS, load_gold
out = {{}}
for prefix in GOLD_SETS:
    for article, _ in load_gold(prefix):
        events = extract_events(article["text"], article["published"])
        out[article["id"]] = [event.to_dict() for event in events]
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


def _events_with_seed(seed: str) -> dict[str, list[dict[str, object]]]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _EXTRACT_ALL.format(root=str(ROOT))],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    result: dict[str, list[dict[str, object]]] = json.loads(done.stdout)
    return result


def test_every_gold_article_gives_the_same_events_under_other_hash_seeds() -> None:
    first = _events_with_seed("1")
    assert sum(map(len, first.values())) > 300  # the gold sets were all read
    for seed in ("2", "4"):
        other = _events_with_seed(seed)
        changed = sorted(aid for aid in first if first[aid] != other.get(aid))
        assert not changed, f"PYTHONHASHSEED={seed} changes the events of {changed}"
