"""Benchmark team work on a large database: `hadath agreement` (and, as it comes, merge).

For each corpus size N (10,000 articles by default, 10 machine events each,
so 100,000 events) the script builds a database with bench_store's builders
(synthetic articles, machine events, and the annotator ``bench``'s decision
on every event: 90 % accepted, 10 % corrected), adds a second annotator,
``bench2``, who decides every event too (80 % as ``bench`` did, 10 %
rejected, 10 % corrected with two more dead), and marks every article done
for both. Then it times:

- ``agreement``: ``db.agreement.measure_agreement`` over the two annotators
  and the extractor (event-level F1 of every pair, Krippendorff's alpha per
  field, the articles by disagreement), in a fresh interpreter; wall time
  and peak RSS. The target: under 10 s at 10,000 articles.
- ``merge``: ``db.merge.merge`` of that file into a copy of it as it was
  before ``bench2`` worked (the same articles and events, ``bench``'s
  decisions): every article matched by content, every event found, each of
  ``bench``'s decisions compared, each of ``bench2``'s brought in. The
  target: under 60 s for a 100,000-article file (``--sizes 100000``).
- ``adjudicate``: the adjudication session on a copy of that file, as
  ``hadath adjudicate`` uses it: starting (finding the articles two
  annotators finished, opening the first with its agreed events accepted),
  then per key the mean of 50 steps to the next article (its items and
  versions read, its agreed events accepted) and of 50 takes of a version.

Run:  uv run python benchmarks/bench_team.py [--sizes 10000] [--workdir DIR]
The database is kept in the work folder and reused when its counts match.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import ANNOTATOR, build_corpus, build_fixtures

from db.articles import import_articles
from db.store import open_store, utc_now
from tests.conftest import SEEDS

SECOND = "bench2"
EVENTS_PER_ARTICLE = 10


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build(db_path: Path, n: int) -> Path:
    """A database of `n` articles reviewed in full by two annotators (reused if it is one)."""
    if db_path.exists():
        with open_store(db_path) as store:
            found = store.db.execute(
                "SELECT count(*) FROM article_state WHERE annotator = ? AND done = 1", [SECOND]
            ).fetchone()[0]
        if found == n and _before(db_path).exists():
            _log(f"[{n:,}] reusing {db_path}")
            return _before(db_path)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    corpus = db_path.with_suffix(".jsonl")
    build_corpus(corpus, n, 0, SEEDS)
    with open_store(db_path, create=True) as store:
        import_articles(store, [corpus])
    corpus.unlink()
    build_fixtures(db_path, EVENTS_PER_ARTICLE, 0)
    _before(db_path).unlink(missing_ok=True)
    with open_store(db_path) as store:  # the file as it was before bench2 worked
        store.conn.execute("VACUUM INTO ?", [str(_before(db_path))])
    rng = random.Random(1)
    with open_store(db_path) as store, store.write() as db:
        rows = db.execute(
            "SELECT d.event_id, d.status, d.corrected, d.event_seq, e.fatalities"
            " FROM decisions d JOIN events e ON e.seq = d.event_seq WHERE d.annotator = ?",
            [ANNOTATOR],
        ).fetchall()
        second = []
        now = utc_now()
        for event_id, status, corrected, event_seq, fatalities in rows:
            roll = rng.random()
            if roll < 0.1:
                second.append((event_id, SECOND, "rejected", None, now, event_seq))
            elif roll < 0.2:
                record = json.loads(corrected) if corrected else None
                if record is None:
                    record = _record_of(db, event_id)
                record["fatalities"] = (fatalities or 0) + 2
                second.append((event_id, SECOND, "corrected", json.dumps(record), now, event_seq))
            else:
                second.append((event_id, SECOND, status, corrected, now, event_seq))
        db.conn.executemany(
            "INSERT INTO decisions (event_id, annotator, status, corrected, decided_at,"
            " event_seq) VALUES (?, ?, ?, ?, ?, ?)",
            second,
        )
        for name in (ANNOTATOR, SECOND):
            db.execute(
                "INSERT INTO article_state (article_id, annotator, done, flagged, comment,"
                " seconds_spent, updated_at) SELECT id, ?, 1, 0, NULL, 0, ? FROM articles",
                [name, now],
            )
    _log(f"[{n:,}] built in {time.perf_counter() - started:.1f} s")
    return _before(db_path)


def _before(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + "-before.db")


def _record_of(db: Any, event_id: str) -> dict[str, Any]:
    from db.event_columns import COLUMN_NAMES, record_from_values

    columns = ", ".join(COLUMN_NAMES)
    values = db.execute(f"SELECT {columns} FROM events WHERE id = ?", [event_id]).fetchone()
    return dict(record_from_values(values))


def _measure_agreement(db_path: str, queue: Any) -> None:
    from db.agreement import measure_agreement

    with open_store(db_path) as store:
        started = time.perf_counter()
        report = measure_agreement(store, [ANNOTATOR, SECOND])
        seconds = time.perf_counter() - started
    pair = report.pair(ANNOTATOR, SECOND)
    alpha = {f.field: f.alpha for f in report.fields}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put({
        "seconds": seconds, "peak_mib": peak, "articles": report.articles,
        "f1": pair.f1 if pair else None, "alpha_fatalities": alpha["fatalities"],
    })  # fmt: skip


def _measure_merge(db_path: str, before: str, queue: Any) -> None:
    import shutil
    import tempfile

    from db.merge import merge

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "this.db"
        shutil.copy(before, target)
        with open_store(target) as store:
            started = time.perf_counter()
            summary = merge(store, db_path)
            seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put({"seconds": seconds, "peak_mib": peak, "decisions": summary.decisions,
               "matched": summary.articles_matched})  # fmt: skip


def _measure_adjudication(db_path: str, queue: Any) -> None:
    import shutil
    import tempfile

    from tui.adjudication_session import AdjudicationSession

    steps = 50
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "view.db"
        shutil.copy(db_path, target)
        with open_store(target) as store:
            started = time.perf_counter()
            session = AdjudicationSession(store, "bench-adjudicator")
            session.open_start()
            start = time.perf_counter() - started
            started = time.perf_counter()
            for _ in range(steps):
                session.next_article()
            opening = (time.perf_counter() - started) / steps
            taken = 0.0
            for _ in range(steps):
                session.next_article()
                row = next(i for i, item in enumerate(session.found) if item.versions)
                whose = list(session.found[row].versions)[-1]  # a version there is
                started = time.perf_counter()
                session.take(row, session.annotators.index(whose) + 1)
                taken += time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put({"seconds": start, "peak_mib": peak, "articles": len(session.article_ids),
               "open_ms": opening * 1000, "take_ms": taken / steps * 1000})  # fmt: skip


def _in_child(target: Any, *args: str) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=target, args=(*args, queue))
    child.start()
    figures: dict[str, Any] = queue.get()
    child.join()
    return figures


def run(n: int, workdir: Path) -> list[dict[str, Any]]:
    """Build the size-`n` database and time agreement and merge on it, each in a fresh
    interpreter."""
    db_path = workdir / f"team-{n}.db"
    before = build(db_path, n)
    agreement = _in_child(_measure_agreement, str(db_path))
    merging = _in_child(_measure_merge, str(db_path), str(before))
    adjudicating = _in_child(_measure_adjudication, str(db_path))
    return [
        {"n": n, "step": "agreement", **agreement},
        {"n": n, "step": "merge", **merging},
        {"n": n, "step": "adjudicate", **adjudicating},
    ]


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000", help="Article counts, comma-separated.")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/hadath-bench-team"))
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows = [row for size in args.sizes.split(",") for row in run(int(size), args.workdir)]
    print(f"{'articles':>9} {'events/ann.':>11} {'step':<10} {'seconds':>8} {'peak MiB':>9}"
          f"  result")  # fmt: skip
    for row in rows:
        if row["step"] == "agreement":
            result = (f"{row['articles']:,} articles, F1 {row['f1']:.3f},"
                      f" alpha(killed) {row['alpha_fatalities']:.3f}")  # fmt: skip
        elif row["step"] == "merge":
            result = f"{row['matched']:,} articles matched, {row['decisions']:,} decisions in"
        else:
            result = (f"start; {row['articles']:,} articles to adjudicate; next article"
                      f" {row['open_ms']:.1f} ms, take {row['take_ms']:.1f} ms")  # fmt: skip
        print(
            f"{row['n']:>9,} {row['n'] * EVENTS_PER_ARTICLE:>11,} {row['step']:<10}"
            f" {row['seconds']:>8.2f} {row['peak_mib']:>9.0f}  {result}"
        )


if __name__ == "__main__":
    main()
