"""Benchmark hadath's storage layer: article import and curated-dataset export.

What it measures, for each corpus size N (1,000 / 10,000 / 100,000 articles by
default):

1. ``import``: ``db.articles.import_articles`` of a synthetic ``.jsonl`` corpus
   into a fresh database file (articles per second), and ``import-plain``, the
   baseline it is held to: the same corpus parsed with orjson, hashed with
   SHA-256 and inserted with ``executemany`` into a fresh file of the same
   schema (triggers included), in one transaction. ``x plain`` is the ratio
   (the contract: within 1.2x).
2. ``fixtures``: building the review state an export needs, 10 machine events
   per article and one annotator's decisions on all of them (90 % accepted,
   10 % corrected). This step is *not* a contract figure: it bypasses the audited
   API (``decide``) and bulk-inserts rows for speed. It is timed only so a
   long run shows where its minutes go.
3. ``export-jsonl`` and ``export-csv``: ``db.export.export_file`` of that
   annotator's curated dataset (events per second). For N = 100,000 that is
   1,000,000 events; docs/contract.md asks for under 10 s with flat memory,
   and within 2x of ``export-sqlite3``: the ``sqlite3`` shell running the
   curated query itself (the decisions-events join of the annotator's
   accepted and corrected events, in export order, the event's columns and
   the evidence text by ``substr``) in ``.mode csv`` to a file. ``x plain``
   is each format's ratio to it. Without a ``sqlite3`` shell on the PATH that
   row says so and the ratios are left out.

The synthetic corpus is made from the sentences of ``seeds/*.txt`` (split on
``.``, ``؟``, ``!`` and newlines): article i is a numbered headline sentence
followed by 20-40 seed sentences drawn with ``random.Random(seed)``, so every
article is distinct (and so is its id, a hash of its text) and every run builds
the same corpus.

Every measurement runs in a fresh interpreter (``multiprocessing`` with the
``spawn`` start method), and the peak RSS reported is that process's
``ru_maxrss``, so no figure carries memory from an earlier step. ``base MiB``
is the child's peak RSS just before the timed call (interpreter, imports, open
database); ``peak - base`` is what the step itself needed. An export builds
its records in worker processes of its own (db.export_workers): the memory
notes give their peak too (the largest child's ``ru_maxrss``), and call a step
flat only if neither grows with N.

Run it from the project root::

    uv run python benchmarks/bench_store.py --quick           # 1,000 articles, seconds
    uv run python benchmarks/bench_store.py                   # 1k, 10k and 100k: minutes
    uv run python benchmarks/bench_store.py --sizes 10000 --json
    uv run python benchmarks/bench_store.py --quick --profile # cProfile of each step

Progress goes to stderr; the table (or, with ``--json``, a JSON list of rows)
goes to stdout. Files live in a temporary directory removed at the end unless
``--workdir`` names one (then the corpus and database files are kept there).
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import datetime as dt
import hashlib
import io
import json
import multiprocessing
import os
import pstats
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import orjson

from db.articles import import_articles, text_id
from db.event_columns import COLUMN_NAMES
from db.events import event_row, machine_event_id
from db.export import export_file
from db.schema import migrate
from db.store import open_store, utc_now
from extract.record import Actor, Event, Location, Span
from extract.vocabulary import ACTORS, SUB_EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DEFAULT_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000,)
EVENTS_PER_ARTICLE = 10
ANNOTATOR = "bench"
EXTRACTOR = "bench-synthetic"
CORRECTED_SHARE = 0.1

# Targets from docs/contract.md, "Performance" (2-core machine).
EXPORT_TARGET_SECONDS_PER_MILLION = 10.0  # 1,000,000 events in < 10 s
EXPORT_TARGET = 1_000_000 / EXPORT_TARGET_SECONDS_PER_MILLION  # events/s
IMPORT_RATIO_TARGET = 1.2  # import within 1.2x of the plain parse + hash + executemany
EXPORT_RATIO_TARGET = 2.0  # export within 2x of the sqlite3 shell's CSV dump
FLAT_TOLERANCE_MIB = 10.0  # peak growth between the two largest N still called flat

_SENTENCE = re.compile(r"[^.؟!\n]+[.؟!]*")

# Actors and places for synthetic machine events: (key, words in the text).
_ACTOR_WORDS = (
    ("us", "القوات الأمريكية"),
    ("iran_backed", "الميليشيات المدعومة من إيران"),
    ("syrian_gov", "قوات النظام السوري"),
    ("isis", "تنظيم داعش"),
    ("sdf", "قوات سوريا الديمقراطية"),
    ("civilians", "المدنيين"),
    ("israel", "الجيش الإسرائيلي"),
    ("hezbollah", "حزب الله"),
    ("houthi", "جماعة الحوثي"),
    ("unknown", "مسلحون مجهولون"),
)
_PLACES = (
    Location("دير الزور", "Deir ez-Zor", "Deir ez-Zor", "Syria", 35.336, 40.14),
    Location("البوكمال", "Al Bukamal", "Deir ez-Zor", "Syria", 34.453, 40.918),
    Location("دمشق", "Damascus", "Damascus", "Syria", 33.513, 36.292),
    Location("الحسكة", "Al Hasakah", "Al Hasakah", "Syria", 36.502, 40.747),
    Location("بغداد", "Baghdad", "Baghdad", "Iraq", 33.315, 44.366),
    Location("أربيل", "Erbil", "Erbil", "Iraq", 36.191, 44.009),
    Location("صنعاء", "Sanaa", "Amanat al Asimah", "Yemen", 15.369, 44.191),
    Location("غزة", "Gaza City", "Gaza Strip", "Palestine", 31.502, 34.467),
)
_SUB_EVENT_TYPES = tuple(SUB_EVENT_TYPES)


# --------------------------------------------------------------------------- corpus


def split_sentences(text: str) -> list[str]:
    """Split text into sentences on ``.``, ``؟``, ``!`` and newlines (punctuation kept)."""
    found = (match.group().strip() for match in _SENTENCE.finditer(text))
    return [sentence for sentence in found if len(sentence) > 3]


def load_seed_sentences(seeds: Path = SEEDS) -> list[str]:
    """Return the sentences of every ``*.txt`` seed article, in file order."""
    sentences: list[str] = []
    for path in sorted(seeds.glob("*.txt")):
        sentences.extend(split_sentences(path.read_text(encoding="utf-8")))
    if not sentences:
        raise SystemExit(f"no seed sentences found in {seeds}/*.txt")
    return sentences


def synthetic_articles(n: int, sentences: Sequence[str], seed: int = 0) -> Iterator[dict[str, Any]]:
    """Yield `n` distinct article records built deterministically from `sentences`.

    Each text is a numbered headline sentence (which makes it unique) followed
    by 20-40 seed sentences in paragraphs of up to five sentences.
    """
    rng = random.Random(seed)
    first_day = dt.date(2023, 1, 1)
    for number in range(1, n + 1):
        chosen = rng.choices(sentences, k=rng.randint(20, 40))
        paragraphs = [" ".join(chosen[start : start + 5]) for start in range(0, len(chosen), 5)]
        text = f"الخبر رقم {number}.\n" + "\n".join(paragraphs)
        yield {
            "id": text_id(text),
            "title": f"خبر {number}: {chosen[0][:60]}",
            "text": text,
            "published": (first_day + dt.timedelta(days=number % 730)).isoformat(),
        }


def build_corpus(path: Path, n: int, seed: int = 0, seeds: Path = SEEDS) -> int:
    """Write `n` synthetic articles to `path` as JSON Lines; return the bytes written."""
    sentences = load_seed_sentences(seeds)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for record in synthetic_articles(n, sentences, seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path.stat().st_size


# ------------------------------------------------------------------------- fixtures


def _synthetic_event(rng: random.Random, text_length: int) -> Event:
    start = rng.randrange(0, max(1, text_length - 40))
    end = min(text_length, start + rng.randint(20, 240))
    key1, words1 = rng.choice(_ACTOR_WORDS)
    actor2 = None
    if rng.random() < 0.7:
        key2, words2 = rng.choice(_ACTOR_WORDS)
        actor2 = Actor(words2, key2, ACTORS[key2])
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(730))
    return Event(
        sub_event_type=rng.choice(_SUB_EVENT_TYPES),
        evidence=Span(start, end),
        actor1=Actor(words1, key1, ACTORS[key1]),
        actor2=actor2,
        location=rng.choice(_PLACES) if rng.random() < 0.9 else None,
        date=day.isoformat() if rng.random() < 0.8 else None,
        date_text="أمس" if rng.random() < 0.5 else None,
        fatalities=rng.choice((None, 0, 1, 2, 3, 5, 12)),
        injured=rng.choice((None, 0, 1, 4, 7)),
        confidence=round(rng.random(), 3),
        origin="machine",
        extractor=EXTRACTOR,
    )


def _corrected_record(rng: random.Random, event: Event) -> str:
    """The JSON a correction stores, shaped as db.decisions.decide() stores it."""
    fixed = dataclasses.replace(
        event,
        sub_event_type=rng.choice(_SUB_EVENT_TYPES),
        fatalities=(event.fatalities or 0) + 1,
        evidence=Span(event.evidence.start, max(event.evidence.start + 1, event.evidence.end - 5)),
    )
    # decide() keeps the stored event's origin and extractor on the corrected record.
    record = {**fixed.to_dict(), "origin": event.origin, "extractor": event.extractor}
    return json.dumps(record, ensure_ascii=False)


def build_fixtures(
    db_path: Path, events_per_article: int = EVENTS_PER_ARTICLE, seed: int = 0
) -> tuple[int, int]:
    """Give every article machine events and the benchmark annotator's decisions on them.

    Returns (events, decisions) written. This deliberately bypasses the audited
    API for speed: events go in through ``insert_all`` of ``event_row`` rows
    (as ``add_machine_events`` does, but in one transaction instead of one per
    article), and decisions are bulk-inserted into the ``decisions`` table with
    no audit-log entries (``decide`` would run one transaction and audit entry
    per event). The rows have exactly the shape the real API writes.
    """
    rng = random.Random(seed)
    store = open_store(db_path)
    articles = store.conn.execute("SELECT id, length(text) FROM articles ORDER BY seq").fetchall()
    decision_sql = (
        "INSERT INTO decisions (event_id, annotator, status, corrected, decided_at, event_seq)"
        " VALUES (?, ?, ?, ?, ?, (SELECT seq FROM events WHERE id = ?))"
    )
    events = decisions = 0
    with store.write() as db:
        event_rows: list[dict[str, Any]] = []
        decision_rows: list[tuple[str, str, str, str | None, str, str]] = []

        def flush() -> None:
            db.table("events").insert_all(event_rows, batch_size=len(event_rows) or 1)
            store.conn.executemany(decision_sql, decision_rows)
            event_rows.clear()
            decision_rows.clear()

        for article_id, length in articles:
            decided_at = utc_now()
            seen: set[str] = set()
            while len(seen) < events_per_article:
                event = _synthetic_event(rng, length)
                event_id = machine_event_id(article_id, event)
                if event_id in seen:
                    continue
                seen.add(event_id)
                event_rows.append(event_row(event_id, article_id, event, None))
                if rng.random() < CORRECTED_SHARE:
                    corrected = _corrected_record(rng, event)
                    decision_rows.append(
                        (event_id, ANNOTATOR, "corrected", corrected, decided_at, event_id)
                    )
                else:
                    decision_rows.append(
                        (event_id, ANNOTATOR, "accepted", None, decided_at, event_id)
                    )
            events += events_per_article
            decisions += events_per_article
            if len(event_rows) >= 20_000:
                flush()
        flush()
    store.close()
    return events, decisions


# ------------------------------------------------------------------------ baselines


def plain_import(corpus: Path, db_path: Path) -> int:
    """The import baseline: parse, hash and executemany into a fresh file of hadath's schema.

    Same settings as a hadath database (WAL, synchronous=FULL), one
    transaction, rows in batches of 2,000 like the real import; no checks.
    """
    _remove_database(db_path)
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    migrate(conn, str(db_path))
    insert = (
        "INSERT INTO articles (id, title, url, source, published, text, content_hash,"
        " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    )
    now, count, rows = utc_now(), 0, []
    conn.execute("BEGIN IMMEDIATE")
    with corpus.open("rb") as lines:
        for line in lines:
            record = orjson.loads(line)
            text = record["text"]
            digest = hashlib.sha256(text.encode()).hexdigest()
            rows.append(
                (
                    record.get("id") or digest[:16],
                    record.get("title"),
                    record.get("url"),
                    record.get("source"),
                    record.get("published"),
                    text,
                    digest,
                    now,
                )
            )
            if len(rows) == 2000:
                conn.executemany(insert, rows)
                count += len(rows)
                rows.clear()
    conn.executemany(insert, rows)
    conn.execute("COMMIT")
    conn.close()
    return count + len(rows)


def curated_dump_sql(annotator: str) -> str:
    """The export baseline's query: the curated rows as export orders them, evidence by substr."""
    columns = ", ".join(f"e.{name}" for name in COLUMN_NAMES)
    quoted = annotator.replace("'", "''")
    return (
        f"SELECT e.id, e.article_id, d.status, d.corrected, d.decided_at, {columns},"
        " substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start)"
        " FROM decisions d CROSS JOIN events e ON e.seq = d.event_seq"
        " JOIN articles a ON a.id = e.article_id"
        f" WHERE d.annotator = '{quoted}' AND d.status IN ('accepted', 'corrected')"
        f" AND (e.added_by IS NULL OR e.added_by = '{quoted}')"
        " ORDER BY d.annotator, d.event_seq;"
    )


def sqlite3_shell_dump(db_path: Path, out: Path, annotator: str) -> None:
    """Run the sqlite3 shell's CSV dump of the curated rows to `out` (FileNotFoundError: none)."""
    shell = shutil.which("sqlite3")
    if shell is None:
        raise FileNotFoundError("sqlite3")
    script = f".mode csv\n.output {out}\n{curated_dump_sql(annotator)}\n"
    subprocess.run([shell, str(db_path)], input=script, text=True, check=True)


def csv_records(lines: Any) -> Iterator[None]:
    """Yield once per CSV record of a binary file (records may span lines inside quotes)."""
    open_quote = False
    for line in lines:
        if line.count(b'"') % 2:
            open_quote = not open_quote
        if not open_quote:
            yield None


# ----------------------------------------------------------------- measured steps


def _peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak RSS of this process (or, with RUSAGE_CHILDREN, of its largest child) in MiB."""
    peak = resource.getrusage(who).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _timed(call: Callable[[], Any], profile: bool) -> tuple[Any, float, str | None]:
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    result = profiler.runcall(call) if profiler else call()
    seconds = time.perf_counter() - started
    report = None
    if profiler:
        buffer = io.StringIO()
        stats = pstats.Stats(profiler, stream=buffer)
        stats.sort_stats("tottime").print_stats(15)
        report = buffer.getvalue()
    return result, seconds, report


def run_step(step: str, params: dict[str, Any]) -> dict[str, Any]:
    """Run one measured step in this process and return its figures.

    Meant to run in a fresh spawned process (see `measure`), so that the peak
    RSS it reports belongs to this step alone.
    """
    db_path = Path(params["db"])
    profile = bool(params.get("profile"))
    extra: dict[str, Any] = {}
    if step == "import":
        _remove_database(db_path)
        store = open_store(db_path, create=True)
        base = _peak_rss_mib()
        summary, seconds, report = _timed(
            lambda: import_articles(store, [params["corpus"]]), profile
        )
        store.close()
        count = summary.added
        extra["database_bytes"] = db_path.stat().st_size
    elif step == "import-plain":
        plain_db = Path(params["workdir"]) / f"plain-{params['n']}.db"
        base = _peak_rss_mib()
        count, seconds, report = _timed(
            lambda: plain_import(Path(params["corpus"]), plain_db), profile
        )
        extra["database_bytes"] = plain_db.stat().st_size
        _remove_database(plain_db)
    elif step == "export-sqlite3":
        out = Path(params["workdir"]) / f"export-{params['n']}-sqlite3.csv"
        base = _peak_rss_mib()
        try:
            _, seconds, report = _timed(lambda: sqlite3_shell_dump(db_path, out, ANNOTATOR), False)
        except FileNotFoundError:
            return {"missing": "no sqlite3 shell on the PATH"}
        with out.open("rb") as dumped:
            count = sum(1 for _ in csv_records(dumped))
        extra["output_bytes"] = out.stat().st_size
        out.unlink()
    elif step == "fixtures":
        base = _peak_rss_mib()
        (count, _), seconds, report = _timed(
            lambda: build_fixtures(db_path, params["events_per_article"], params["seed"]),
            profile,
        )
        extra["database_bytes"] = db_path.stat().st_size
    elif step in ("export-jsonl", "export-csv"):
        fmt = step.removeprefix("export-")
        out = Path(params["workdir"]) / f"export-{params['n']}.{fmt}"
        store = open_store(db_path)
        base = _peak_rss_mib()
        count, seconds, report = _timed(
            lambda: export_file(store, out, fmt=fmt, annotator=ANNOTATOR), profile
        )
        store.close()
        extra["output_bytes"] = out.stat().st_size
        out.unlink()
    else:
        raise ValueError(f"unknown step {step!r}")
    return {
        "seconds": seconds,
        "count": count,
        "peak_rss_mib": _peak_rss_mib(),
        "worker_peak_rss_mib": _peak_rss_mib(resource.RUSAGE_CHILDREN),
        "base_rss_mib": base,
        "profile": report,
        **extra,
    }


def measure(step: str, params: dict[str, Any]) -> dict[str, Any]:
    """Run `run_step` in a fresh spawned interpreter and return what it reported."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(run_step, step, params).result()


# ---------------------------------------------------------------------- reporting


BASELINES = {
    "import": "import-plain",
    "export-jsonl": "export-sqlite3",
    "export-csv": "export-sqlite3",
}
"""Each measured step and the baseline step it is compared with in the same run."""
RATIO_TARGETS = {"import": IMPORT_RATIO_TARGET, "export-jsonl": EXPORT_RATIO_TARGET}
RATIO_TARGETS["export-csv"] = EXPORT_RATIO_TARGET


def _target(step: str) -> tuple[str, float | None]:
    if step == "import":
        return f"<= {IMPORT_RATIO_TARGET}x plain", None
    if step in ("import-plain", "export-sqlite3"):
        return "- (baseline)", None
    if step.startswith("export"):
        seconds = EXPORT_TARGET_SECONDS_PER_MILLION
        return f"1M events < {seconds:g} s (>= {EXPORT_TARGET:,.0f}/s), flat RSS", EXPORT_TARGET
    return "- (not a contract figure; bypasses audit)", None


def make_row(step: str, n: int, events: int | None, result: dict[str, Any]) -> dict[str, Any]:
    """Turn one step's figures into a report row (rate, target and verdict added)."""
    unit = "articles" if step.startswith("import") else "events"
    count = result["count"]
    rate = count / result["seconds"] if result["seconds"] > 0 else float("inf")
    target, threshold = _target(step)
    return {
        "step": step,
        "articles": n,
        "events": events,
        "seconds": round(result["seconds"], 3),
        "rate_per_s": round(rate, 1),
        "rate_unit": unit,
        "peak_rss_mib": round(result["peak_rss_mib"], 1),
        "worker_peak_rss_mib": round(result["worker_peak_rss_mib"], 1),
        "base_rss_mib": round(result["base_rss_mib"], 1),
        "target": target,
        "meets_rate": None if threshold is None else rate >= threshold,
        "ratio": None,
        "meets_ratio": None,
        **{k: v for k, v in result.items() if k.endswith("_bytes")},
        "profile": result.get("profile"),
    }


def format_table(rows: Sequence[dict[str, Any]]) -> str:
    """Render rows as a plain-text table."""
    header = (
        "step",
        "articles",
        "events",
        "seconds",
        "rate/s",
        "peak MiB",
        "base MiB",
        "x plain",
        "target",
        "meets",
    )
    lines = [header]
    for row in rows:
        unit = "art/s" if row["rate_unit"] == "articles" else "ev/s"
        verdicts = [v for v in (row["meets_rate"], row["meets_ratio"]) if v is not None]
        meets = "-" if not verdicts else "yes" if all(verdicts) else "NO"
        ratio = "-" if row["ratio"] is None else f"{row['ratio']:.2f}x"
        lines.append(
            (
                row["step"],
                f"{row['articles']:,}",
                "-" if row["events"] is None else f"{row['events']:,}",
                f"{row['seconds']:.2f}",
                f"{row['rate_per_s']:,.0f} {unit}",
                f"{row['peak_rss_mib']:.1f}",
                f"{row['base_rss_mib']:.1f}",
                ratio,
                row["target"],
                meets,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = []
    for index, line in enumerate(lines):
        cells = [
            cell.ljust(width) if i in (0, 8) else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        text.append("  ".join(cells).rstrip())
        if index == 0:
            text.append("  ".join("-" * width for width in widths))
    return "\n".join(text)


def memory_notes(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Show each step's peak RSS across sizes and say whether it stays flat.

    The verdict compares the two largest sizes: below a few thousand articles
    some steps have not yet filled their fixed-size batches.
    """
    notes = []
    for step in dict.fromkeys(row["step"] for row in rows):
        mine = sorted((row for row in rows if row["step"] == step), key=lambda r: r["articles"])
        if len(mine) < 2:
            continue
        series = " / ".join(f"{row['peak_rss_mib']:.1f}" for row in mine)
        workers = " / ".join(f"{row['worker_peak_rss_mib']:.1f}" for row in mine)
        sizes = " / ".join(f"{row['articles']:,}" for row in mine)
        growth = max(
            mine[-1][key] - mine[-2][key] for key in ("peak_rss_mib", "worker_peak_rss_mib")
        )
        verdict = "flat" if growth <= FLAT_TOLERANCE_MIB else "GROWS with N"
        children = f", its largest child process {workers} MiB" if step.startswith("export") else ""
        notes.append(
            f"{step}: peak RSS {series} MiB{children} at {sizes} articles"
            f" ({growth:+.1f} MiB over the last step: {verdict})"
        )
    return notes


# --------------------------------------------------------------------------- main


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_size(n: int, workdir: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    """Build the corpus for `n` articles and run every measured step on it; return rows."""
    corpus = workdir / f"corpus-{n}.jsonl"
    db_path = workdir / f"bench-{n}.db"
    started = time.perf_counter()
    size = build_corpus(corpus, n, args.seed, args.seeds)
    _log(f"[{n:,}] corpus: {size / 2**20:.1f} MiB in {time.perf_counter() - started:.1f} s")
    params = {
        "n": n,
        "corpus": str(corpus),
        "db": str(db_path),
        "workdir": str(workdir),
        "seed": args.seed,
        "events_per_article": args.events_per_article,
        "profile": args.profile,
    }
    events = n * args.events_per_article
    rows: dict[str, dict[str, Any]] = {}
    steps = ("import-plain", "import", "fixtures", "export-sqlite3", "export-jsonl", "export-csv")
    for step in steps:
        _log(f"[{n:,}] {step} ...")
        result = measure(step, params)
        if "missing" in result:
            _log(f"[{n:,}] {step}: skipped, {result['missing']}")
            continue
        importing = step.startswith("import")
        expected = n if importing else events
        if result["count"] != expected:
            raise SystemExit(f"{step} for N={n}: counted {result['count']}, expected {expected}")
        row = make_row(step, n, None if importing else events, result)
        baseline = rows.get(BASELINES.get(step, ""))
        if baseline is not None and baseline["seconds"] > 0:
            row["ratio"] = round(row["seconds"] / baseline["seconds"], 2)
            row["meets_ratio"] = row["ratio"] <= RATIO_TARGETS[step]
        _log(f"[{n:,}] {step}: {row['seconds']:.2f} s, peak {row['peak_rss_mib']:.1f} MiB")
        rows[step] = row
    if not args.workdir:
        corpus.unlink()
        _remove_database(db_path)
    return list(rows.values())


def _sizes(value: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in value.split(",") if part.strip()]
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"sizes must be integers, not {value!r}") from error
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive integers")
    return sizes


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        help="comma-separated corpus sizes in articles (default 1000,10000,100000)",
    )
    parser.add_argument("--quick", action="store_true", help="1,000 articles only")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile each step (slows it; prints top functions)"
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--events-per-article", type=int, default=EVENTS_PER_ARTICLE, help="default 10"
    )
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of seed .txt articles")
    parser.add_argument(
        "--workdir", type=Path, help="keep corpus and databases here (default: a temp dir)"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes = list(QUICK_SIZES)
    return args


def rows_for_sizes(
    sizes: Sequence[int],
    workdir: Path | None,
    prefix: str,
    run: Callable[[int, Path, argparse.Namespace], list[dict[str, Any]]],
    args: argparse.Namespace,
) -> list[dict[str, Any]]:
    """Run `run` for each size, with its databases in `workdir` (kept) or a temporary folder."""
    if workdir:
        workdir.mkdir(parents=True, exist_ok=True)
        return [row for n in sizes for row in run(n, workdir, args)]
    with tempfile.TemporaryDirectory(prefix=prefix) as temporary:
        return [row for n in sizes for row in run(n, Path(temporary), args)]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table (or JSON); return the exit status."""
    args = parse_args(argv)
    rows = rows_for_sizes(args.sizes, args.workdir, "hadath-bench-", run_size, args)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(f"hadath store benchmark ({os.cpu_count()} CPUs, Python {sys.version.split()[0]})")
    print(format_table(rows))
    for note in memory_notes(rows):
        print(note)
    if args.profile:
        for row in rows:
            print(f"\n=== cProfile: {row['step']}, {row['articles']:,} articles (by tottime)")
            print(row["profile"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
