"""Measure the built-in extractor against the hand-written gold events in tests/data/gold/.

Run: uv run python scripts/evaluate_gold.py [--misses] [--json]
Prints event-level precision, recall and F1 and per-field accuracy; with
--misses, every unmatched event and wrong field of the sets the rules are developed on
(seeds, written and every development set), to guide work on the rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract import extract_events  # noqa: E402
from extract.evaluate import FIELDS, LATER_FIELDS, Report, evaluate  # noqa: E402
from tests.gold import DEVELOPMENT, GOLD, WITH_LATER_MEMBERS, load_gold  # noqa: E402

SETS = {
    "seeds": "seed",
    "written": "written",
    "held out": "heldout",
    "held out 2 (2026-12-05)": "heldout2",
    "development 2 (2026-12-05; the rules are developed on these)": "dev2",
    "held out 3 (2026-12-05, after rules-7)": "heldout3",
    "held out 4 (2026-12-05, before rules-8)": "heldout4",
    "development 3 (2026-12-05; the rules are developed on these)": "dev3",
    "development 4 (2026-12-05; the rules are developed on these)": "dev4",
    "held out 5 (2026-12-05, after rules-8 was developed on development 2 to 4)": "heldout5",
    "development 5 (2026-12-05; the rules are developed on these)": "dev5",
    "held out 6 (2026-12-05, after rules-8 was developed on development 2 to 5)": "heldout6",
    "development 6 (2026-12-05; the rules are developed on these)": "dev6",
    "development 7 (2026-12-05; the rules are developed on these)": "dev7",
    "development 8 (2026-12-05; the rules are developed on these)": "dev8",
    "development 9 (2026-12-05; the rules are developed on these)": "dev9",
    "development 10 (2026-12-05; the rules are developed on these)": "dev10",
    "development 11 (2026-12-05; the rules are developed on these)": "dev11",
    "development 12 (2026-12-05; the rules are developed on these)": "dev12",
    "development 13 (2026-12-05; the rules are developed on these)": "dev13",
    "development 14 (2026-12-05; the rules are developed on these)": "dev14",
    "development 15 (2026-12-05; the rules are developed on these)": "dev15",
    "held out 7 (2026-12-05, after rules-8, before rules-9)": "heldout7",
    "held out 8 (2026-12-05, after rules-9, before rules-10)": "heldout8",
    "held out 9 (2026-12-05, during rules-10)": "heldout9",
    "held out 10 (2026-12-05, after rules-10)": "heldout10",
    "held out 11 (2026-12-05, during rules-11)": "heldout11",
    "held out 12 (2026-12-05, during rules-11's last parts)": "heldout12",
    "held out 13 (2026-12-05, after rules-11)": "heldout13",
    "held out 14 (2026-12-05, during rules-12)": "heldout14",
    "held out 15 (2026-12-05, during rules-13)": "heldout15",
}


def measure(prefix: str) -> Report:
    """Run the extractor over one gold set and score it."""
    fields = FIELDS + LATER_FIELDS if prefix in WITH_LATER_MEMBERS else FIELDS
    return evaluate(
        ((article["id"], extract_events(article["text"], article["published"]), gold)
         for article, gold in load_gold(prefix)),
        fields,
    )  # fmt: skip


def main() -> None:
    """Print the tables (and misses) for the seed gold, the written gold and both."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sets = {name: p for name, p in SETS.items() if (GOLD / f"{p}_articles.jsonl").exists()}
    reports = {name: measure(prefix) for name, prefix in sets.items()}
    total = evaluate(
        (article["id"], extract_events(article["text"], article["published"]), gold)
        for prefix in ("seed", "written")
        for article, gold in load_gold(prefix)
    )
    reports["seeds + written (the rules were developed on these)"] = total
    pooled = f"all development sets (seeds, written, development 2 to {len(DEVELOPMENT) + 1})"
    reports[pooled] = evaluate(
        (article["id"], extract_events(article["text"], article["published"]), gold)
        for prefix in ("seed", "written", *DEVELOPMENT)
        for article, gold in load_gold(prefix)
    )
    if args.json:
        print(json.dumps({name: r.to_dict() for name, r in reports.items()}, indent=2))
        return
    for name, report in reports.items():
        print(f"== {name}")
        print(report.table())
        print()
    if args.misses:
        for miss in total.misses:
            print(miss)
        for name, prefix in sets.items():
            if prefix in DEVELOPMENT:
                print(f"\n== misses: {name}")
                for miss in reports[name].misses:
                    print(miss)


if __name__ == "__main__":
    main()
