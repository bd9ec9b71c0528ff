"""Benchmark the built-in extractor: articles per second on one core, and long articles.

Run: uv run python benchmarks/bench_extract.py [--articles 1000] [--json]

Each row is the best of three passes. The corpus is the store benchmark's
synthetic one (seed sentences shuffled into articles of 20-40 sentences, about
4,600 characters each), plus the five seed articles (each copy made unique) as
they are, and single long articles of 20,000 and 200,000 characters. The
extractor runs in this one process, so the figures are for one core. docs/contract.md
asks for at least 200 articles per second.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_store import load_seed_sentences, synthetic_articles  # noqa: E402

from extract import extract_events  # noqa: E402

TARGET_PER_SECOND = 200.0


def _rate(texts: list[str], passes: int = 3) -> dict[str, float]:
    """Extract from every text, `passes` times; return the best pass's articles/s.

    The best of several passes is reported because other work on the machine
    only ever slows a pass down.
    """
    extract_events(texts[0], "2024-01-01")  # load the data files before timing
    best = float("inf")
    for _ in range(passes):
        events = 0
        started = time.perf_counter()
        for text in texts:
            events += len(extract_events(text, "2024-01-01"))
        best = min(best, time.perf_counter() - started)
    seconds = best
    return {
        "articles": len(texts),
        "chars": sum(map(len, texts)) / len(texts),
        "seconds": seconds,
        "per_second": len(texts) / seconds,
        "events": events,
    }


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    sentences = load_seed_sentences()
    synthetic = [a["text"] for a in synthetic_articles(args.articles, sentences)]
    seeds = [path.read_text("utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    joined = "\n".join(seeds)
    rows = {
        "synthetic corpus": _rate(synthetic),
        "seed articles x20": _rate([f"{text}\n({n})" for n in range(20) for text in seeds]),
        "one 20,000-char article": _rate([(joined * 3)[:20_000]]),
        "one 200,000-char article": _rate([(joined * 30)[:200_000]]),
    }
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.json:
        print(json.dumps({"rows": rows, "peak_rss_mib": round(peak, 1)}, indent=2))
        return
    print(f"hadath extractor benchmark (one core, Python {sys.version.split()[0]})")
    print(
        f"{'corpus':<26} {'articles':>8} {'chars/art':>9} {'seconds':>8} {'art/s':>8} {'events':>7}"
    )
    for name, row in rows.items():
        print(
            f"{name:<26} {row['articles']:>8,} {row['chars']:>9,.0f} {row['seconds']:>8.2f}"
            f" {row['per_second']:>8.1f} {row['events']:>7,}"
        )
    rate = rows["synthetic corpus"]["per_second"]
    verdict = "meets" if rate >= TARGET_PER_SECOND else "misses"
    print(f"\ntarget >= {TARGET_PER_SECOND:.0f} articles/s: {verdict} ({rate:.0f}/s)")
    print(f"peak RSS {peak:.1f} MiB")


if __name__ == "__main__":
    main()
