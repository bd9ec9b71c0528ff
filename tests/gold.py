"""Loading the hand-written gold sets of tests/data/gold/ (see GUIDELINES.md there)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extract.record import Event, parse_event

GOLD = Path(__file__).resolve().parent / "data" / "gold"


def load_gold(prefix: str) -> list[tuple[dict[str, Any], list[Event]]]:
    """Return (article, gold events) pairs of one gold set, in file order."""
    articles = [json.loads(line) for line in (GOLD / f"{prefix}_articles.jsonl").open()]
    events: dict[str, list[Event]] = {article["id"]: [] for article in articles}
    for line in (GOLD / f"{prefix}_events.jsonl").open():
        record = json.loads(line)
        events[record["article_id"]].append(parse_event(record, allow_ids=True, origin="human"))
    return [(article, events[article["id"]]) for article in articles]
