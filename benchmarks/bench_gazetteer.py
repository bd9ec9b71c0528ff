"""Benchmark the gazetteer: its size, its load in a fresh process, and place finding per article.

Run: uv run python benchmarks/bench_gazetteer.py [--repeat 200] [--json]

Each measurement of loading runs in a freshly spawned Python process (so that
nothing is cached): the time and the resident memory (VmRSS) the first
`find_places` call adds, which reads extract/data/places.tsv through
importlib.resources and builds the index of Arabic names; then what the first
English `lookup` and the first `suggest` add (their indexes are built on first
use). The load is asked to stay under 0.3 s and 100 MB. `find_places` speed is
the mean time per seed article over `--repeat` passes of the five seed
articles, in this process, after the load.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract import gazetteer  # noqa: E402

LOAD_SECONDS_TARGET = 0.3
LOAD_MB_TARGET = 100.0

# Runs in a fresh interpreter: prints the seconds and the RSS growth (MB) of each step.
_PROBE = """
import json, sys, time
sys.path.insert(0, {root!r})

def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

import extract.normalize, extract.record  # what any caller of the extractor has loaded
steps = []
for name, call in [
    ("load (first find_places)", "g.find_places('في البوكمال')"),
    ("first English lookup", "g.lookup('Aleppo')"),
    ("first suggest", "g.suggest('حل')"),
]:
    before, started = rss_mb(), time.perf_counter()
    if name.startswith("load"):
        import extract.gazetteer as g
    eval(call)
    steps.append((name, time.perf_counter() - started, rss_mb() - before))
print(json.dumps(steps))
"""


def fresh_process_steps() -> list[tuple[str, float, float]]:
    """(step, seconds, RSS growth in MB) of loading, measured in a new interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(root=str(ROOT))],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return [tuple(step) for step in json.loads(done.stdout)]  # type: ignore[misc]


def seed_texts() -> list[str]:
    """The five seed articles."""
    return [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]


def find_speed(repeat: int) -> dict[str, float]:
    """Mean seconds and matches per seed article of find_places, after the load."""
    texts = seed_texts()
    gazetteer.find_places(texts[0])
    matches = 0
    started = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            matches += len(gazetteer.find_places(text))
    seconds = time.perf_counter() - started
    runs = repeat * len(texts)
    return {
        "articles": float(runs),
        "chars_per_article": sum(map(len, texts)) / len(texts),
        "ms_per_article": 1000 * seconds / runs,
        "matches_per_article": matches / runs,
    }


def sizes() -> dict[str, Any]:
    """Places (in all, with Arabic spellings, per country) and distinct spellings."""
    places = gazetteer.places()
    per_country: dict[str, int] = {}
    for place in places:
        country = place.country or "(none)"
        per_country[country] = per_country.get(country, 0) + 1
    spellings = {spelling for place in places for spelling in place.arabic}
    return {
        "places": len(places),
        "with_arabic": sum(1 for place in places if place.arabic),
        "distinct_spellings": len(spellings),
        "indexed_names": len(gazetteer._gazetteer().names),
        "per_country": dict(sorted(per_country.items())),
    }


def main() -> None:
    """Measure and print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="passes over the seed articles")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    steps = fresh_process_steps()
    speed = find_speed(args.repeat)
    size = sizes()
    if args.json:
        print(json.dumps({"load": steps, "find_places": speed, "sizes": size}, indent=2))
        return
    print("hadath gazetteer benchmark")
    print(f"places {size['places']:,} ({size['with_arabic']:,} with Arabic spellings); "
          f"distinct Arabic spellings {size['distinct_spellings']:,} "
          f"({size['indexed_names']:,} folded names indexed)")  # fmt: skip
    print("  " + ", ".join(f"{c} {n:,}" for c, n in size["per_country"].items()))
    print(f"{'step (fresh process)':<28} {'seconds':>8} {'RSS growth MB':>14}")
    for name, seconds, megabytes in steps:
        print(f"{name:<28} {seconds:>8.3f} {megabytes:>14.1f}")
    load_seconds, load_mb = steps[0][1], steps[0][2]
    verdict = (
        "meets" if load_seconds < LOAD_SECONDS_TARGET and load_mb < LOAD_MB_TARGET else "misses"
    )
    print(f"load target < {LOAD_SECONDS_TARGET} s and < {LOAD_MB_TARGET:.0f} MB: {verdict}")
    print(f"find_places on the seed articles ({speed['chars_per_article']:,.0f} chars): "
          f"{speed['ms_per_article']:.2f} ms per article, "
          f"{speed['matches_per_article']:.1f} matches per article")  # fmt: skip


if __name__ == "__main__":
    main()
