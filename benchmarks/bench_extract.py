"""Benchmark the built-in extractor: articles per second on one core, and long articles.

Run: uv run python benchmarks/bench_extract.py [--articles 1000] [--json]

Each row is the best of three passes. The corpus is the store benchmark's
synthetic one (seed sentences shuffled into articles of 20-40 sentences, about
4,600 characters each), plus the five seed articles (each copy made unique) as
they are, single long articles of 20,000 and 200,000 characters, and one clause
of 26,000 characters (a force named 2,000 times before its verb). The
extractor runs in this one process, so the figures are for one core. docs/contract.md
asks for at least 200 articles per second.

Then `hadath extract` itself over a database of `--db-articles` synthetic
articles (2,000 by default), storing what it finds, with `--jobs 1` and
`--jobs N` for N up to the machine's cores: wall time, articles/s and the
speed-up (the extractor runs in N processes, this one stores).

With `--compiled` it first builds the wheel with the extractor compiled by mypyc
(benchmarks/compiled.py, about two minutes) and measures that instead: the
extractor a release wheel installs. The table's first line says which it measured.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTRACTOR_SITE = "HADATH_BENCH_EXTRACTOR_SITE"
"""Where the measured hadath is imported from, if not the checkout (set by --compiled)."""
sys.path.insert(0, os.environ.get(EXTRACTOR_SITE) or str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_store import load_seed_sentences, synthetic_articles  # noqa: E402

from extract import extract_events, pipeline  # noqa: E402

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


def _database_rates(n: int, sentences: list[str]) -> list[dict[str, float]]:
    """`hadath extract --force --jobs J` over an `n`-article database, for J = 1 .. cores."""
    import os
    import tempfile

    from db.articles import import_articles
    from db.store import open_store
    from tui.cli import run_extractor

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for article in synthetic_articles(n, sentences):
                out.write(json.dumps(article, ensure_ascii=False) + "\n")
        with open_store(Path(folder) / "bench.db", create=True) as store:
            import_articles(store, [source])
            for jobs in range(1, (os.cpu_count() or 1) + 1):
                started = time.perf_counter()
                articles, _ = run_extractor(store, force=True, jobs=jobs)
                seconds = time.perf_counter() - started
                rows.append({"jobs": jobs, "articles": articles, "seconds": seconds})
    for row in rows:
        row["per_second"] = row["articles"] / row["seconds"]
        row["speed_up"] = rows[0]["seconds"] / row["seconds"]
    return rows


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--compiled", action="store_true", help="build and measure the mypyc-compiled extractor"
    )
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument(
        "--db-articles", type=int, default=2000, help="articles of the `hadath extract` run"
    )
    args = parser.parse_args()
    if args.compiled:
        from compiled import build_compiled

        site = build_compiled(ROOT / "benchmarks" / "out" / "compiled")
        again = [sys.executable, __file__, *(a for a in sys.argv[1:] if a != "--compiled")]
        sys.exit(subprocess.run(again, env={**os.environ, EXTRACTOR_SITE: str(site)}).returncode)
    compiled = Path(pipeline.__file__ or "").suffix == ".so"
    sentences = load_seed_sentences()
    synthetic = [a["text"] for a in synthetic_articles(args.articles, sentences)]
    seeds = [path.read_text("utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    joined = "\n".join(seeds)
    rows = {
        "synthetic corpus": _rate(synthetic),
        "seed articles x20": _rate([f"{text}\n({n})" for n in range(20) for text in seeds]),
        "one 20,000-char article": _rate([(joined * 3)[:20_000]]),
        "one 200,000-char article": _rate([(joined * 30)[:200_000]]),
        # one sentence of 26,000 characters naming a force 2,000 times before its verb:
        # the time must grow with the length, not with its square
        "one 26,000-char clause": _rate(["قوات النظام و" * 2000 + " قصفت بلدة كفرنبودة"]),
    }
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    database = _database_rates(args.db_articles, sentences)
    if args.json:
        print(json.dumps({"rows": rows, "peak_rss_mib": round(peak, 1), "extract": database,
                          "compiled": compiled}, indent=2))  # fmt: skip
        return
    built = "extractor compiled with mypyc" if compiled else "extractor in Python"
    print(f"hadath extractor benchmark (one core, Python {sys.version.split()[0]}, {built})")
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
    print(f"\nhadath extract --force over {args.db_articles:,} articles, stored")
    print(f"{'jobs':>4} {'seconds':>8} {'art/s':>8} {'speed-up':>8}")
    for row in database:
        print(f"{row['jobs']:>4} {row['seconds']:>8.2f} {row['per_second']:>8.1f}"
              f" {row['speed_up']:>8.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
