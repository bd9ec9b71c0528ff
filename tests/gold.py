"""Loading the hand-written gold sets of tests/data/gold/ (see GUIDELINES.md there)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extract.record import Event, parse_event

GOLD = Path(__file__).resolve().parent / "data" / "gold"
DEVELOPMENT = (
    "dev2",
    "dev3",
    "dev4",
    "dev5",
    "dev6",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "dev11",
    "dev12",
    "dev13",
    "dev14",
    "dev15",
)
"""Sets the rules are developed on besides the seeds and the written set (README in each)."""
HELD_OUT = (
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
    "heldout13",
    "heldout14",
    "heldout15",
)
"""Sets that only measure the rules: never tuned on, their misses never listed."""
GOLD_SETS = ("seed", "written", *DEVELOPMENT, *HELD_OUT)
"""Every gold set, by the prefix of its files."""
WITH_LATER_MEMBERS = frozenset(GOLD_SETS) - {"seed", "written", "heldout"}
"""Sets written with the record's later members (GUIDELINES.md), scored on them too."""


def load_gold(prefix: str) -> list[tuple[dict[str, Any], list[Event]]]:
    """Return (article, gold events) pairs of one gold set, in file order."""
    articles = [json.loads(line) for line in (GOLD / f"{prefix}_articles.jsonl").open()]
    events: dict[str, list[Event]] = {article["id"]: [] for article in articles}
    for line in (GOLD / f"{prefix}_events.jsonl").open():
        record = json.loads(line)
        events[record["article_id"]].append(parse_event(record, allow_ids=True, origin="human"))
    return [(article, events[article["id"]]) for article in articles]
