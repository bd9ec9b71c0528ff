"""Benchmark hadath's review app on a large database: first article, key presses, memory.

What it measures, for each corpus size N (10,000 and 100,000 articles by
default; 10 machine events per article, so 1,000,000 events at 100,000):

1. ``startup``: wall time from constructing ``ReviewApp`` (``App.run_test``
   at 160x45, headless) to the first frame whose status line reads
   "article K of N" with the events table filled. The database queries
   alone (``open_store``, ``ReviewSession.open_start()``, ``status()``)
   are timed separately in the ``db`` rows, in a process without Textual.
2. ``key ]``, ``key a``, ``key space``: the time from sending a key to the
   app to the repainted screen, over 50 presses (median, p95, max). ``]``
   goes to the next article, ``space`` marks the article done and goes to
   the next one not done (both wait for the status line's new index; the
   article's events being undecided, an untimed first ``space`` is answered
   by the app's question, and the second is timed), and
   ``a`` accepts the selected event (waits for "events k/10 decided"; after
   an article's ten events one untimed ``]`` moves on). Between presses the
   script waits ``--think`` seconds (0.1 s), as a reviewer would: long enough
   for the app to record the time spent on an article (one more write).
3. Peak RSS of each process (``ru_maxrss``); after the table the script
   compares each step's peak across the sizes: it should not grow with N.

Search folds (``--folds``). The review app folds articles for search in a
background thread when it opens (db.search_folds). By default every article
is folded before each step, the steady state; ``--folds running`` drops the
folded copies before each step instead, so that the keys are timed while the
app folds the whole corpus behind them (at 100,000 articles that takes longer
than the step).

Each step runs at two places in the review order: ``start`` (a reviewer with
nothing done opens at article 1) and ``late`` (a reviewer who has marked the
first 90 % of the articles done resumes at article 0.9 N + 1), because a
query that is fast at article 1 may count or scan every article before the
current one.

How a key press is timed. ``Pilot.press`` is not used for the timings: it
sleeps at least 2 x 20 ms waiting for the CPU to go idle. The script sends the
same ``events.Key`` to the app's driver and polls the event loop. Three
times are kept per press:

- ``handled``: the status line (a Static) holds the new text;
- ``frame``: the first compositor frame drawn with that status line (Textual
  paints on a timer of 1/60 s, so this includes up to one frame of waiting);
- ``settled``: every widget of the screen has processed its pending messages
  (the table's cursor move, the article's scroll to the evidence) and the
  compositor has painted what was left. This is the figure compared with the
  target: the screen is then entirely the new article's.

In headless mode Textual composes frames but does not turn them into terminal
output; the benchmark's app subclass does that too (``render_segments``) so
that a frame costs what it would on a terminal, minus the write itself.

The database is built once per size with ``bench_store``'s builders (synthetic
corpus from ``seeds/*.txt``, ``import_articles``, ``build_fixtures``). Those
fixtures also give every event a decision by the annotator ``bench``; the
reviewers here have other names (new ones each run, so a reused database
still starts them with every event pending), and the 1,000,000 decisions of
``bench`` stay in the table as another reviewer's work would. After the run
their article states and decisions are deleted (their audit entries stay: the
log is append-only).

Run it from the project root::

    uv run python benchmarks/bench_review.py                      # 10k and 100k: minutes
    uv run python benchmarks/bench_review.py --articles 2000      # seconds
    uv run python benchmarks/bench_review.py --workdir /tmp/hr    # keep (and reuse) databases
    uv run python benchmarks/bench_review.py --articles 2000 --profile
    uv run python benchmarks/bench_review.py --articles 100000 --folds running

Progress goes to stderr; the table (or, with ``--json``, the rows) to stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import functools
import io
import json
import multiprocessing
import os
import pstats
import re
import resource
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_store import (
    EVENTS_PER_ARTICLE,
    SEEDS,
    build_corpus,
    build_fixtures,
    rows_for_sizes,
)
from db.articles import import_articles
from db.store import open_store, utc_now

DEFAULT_SIZES = (10_000, 100_000)
PRESSES = 50
THINK_SECONDS = 0.1
LATE_SHARE = 0.9
SCREEN = (160, 45)
REVIEWER_PREFIX = "bench-review"

# Targets from docs/contract.md, "Performance" (2-core machine).
STARTUP_TARGET_S = 1.0  # 100,000 articles / 1,000,000 events open to the first article
KEY_TARGET_MS = 50.0  # key press to the repainted next article, median
FLAT_TOLERANCE_MIB = 10.0  # peak growth from the smaller to the larger N still called flat

KEYS = {  # step -> (key name for events.Key, character)
    "key ]": ("right_square_bracket", "]"),
    "key a": ("a", "a"),
    "key space": ("space", " "),
}
UI_STEPS = ("startup", *KEYS)
STEP_NAMES = {"db": "db", "startup": "startup", "next": "key ]", "accept": "key a"}
STEP_NAMES["done"] = "key space"

_INDEX = re.compile(r"article (\d+) of (\d+)")
_DECIDED = re.compile(r"events (\d+)/(\d+) decided")


# --------------------------------------------------------------------------- database


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _counts(db_path: Path) -> tuple[int, int]:
    with open_store(db_path) as store:
        articles = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        events = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    return int(articles), int(events)


def build_database(db_path: Path, n: int, events_per_article: int, seed: int, seeds: Path) -> None:
    """Make `db_path` a database of `n` articles with their machine events (reused if it is)."""
    events = n * events_per_article
    if db_path.exists():
        if _counts(db_path) == (n, events):
            _log(f"[{n:,}] reusing {db_path}")
            return
        _remove_database(db_path)
    corpus = db_path.with_suffix(".jsonl")
    started = time.perf_counter()
    build_corpus(corpus, n, seed, seeds)
    with open_store(db_path, create=True) as store:
        added = import_articles(store, [corpus]).added
    corpus.unlink()
    _log(f"[{n:,}] corpus and import: {added:,} articles in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    build_fixtures(db_path, events_per_article, seed)
    _log(f"[{n:,}] fixtures: {events:,} events in {time.perf_counter() - started:.1f} s")
    if _counts(db_path) != (n, events):
        raise SystemExit(f"{db_path}: expected {n} articles and {events} events")


def add_reviewer(db_path: Path, annotator: str, done: int) -> None:
    """Give `annotator` the first `done` articles (review order) marked done, and nothing else."""
    if done <= 0:
        return
    with open_store(db_path) as store, store.write() as db:
        db.execute(
            "INSERT INTO article_state (article_id, annotator, done, flagged, comment,"
            " seconds_spent, updated_at)"
            " SELECT id, ?, 1, 0, NULL, 0, ? FROM articles ORDER BY seq LIMIT ?",
            [annotator, utc_now(), done],
        )


def set_folds(db_path: Path, state: str) -> int:
    """Fold every article for search (`done`), or drop every folded copy (`running`: the app
    then folds them in the background while the keys are timed); return how many changed."""
    from db.search_folds import fold_missing

    with open_store(db_path) as store:
        if state == "done":
            return fold_missing(store, batch=2000)
        with store.write() as db:
            return int(db.execute("DELETE FROM article_folds").rowcount)


def remove_reviewers(db_path: Path, annotators: Sequence[str]) -> None:
    """Delete the benchmark reviewers' article states and decisions (the audit log stays)."""
    with open_store(db_path) as store, store.write() as db:
        for annotator in annotators:
            db.execute("DELETE FROM article_state WHERE annotator = ?", [annotator])
            db.execute("DELETE FROM decisions WHERE annotator = ?", [annotator])


# -------------------------------------------------------------------- measured steps


def _peak_rss_mib() -> float:
    """This process's ru_maxrss in MiB.

    On Linux a spawned child's ru_maxrss starts at its parent's RSS at fork
    time (the peak survives execve), so the parent does no heavy work itself:
    building and setting up databases run in child processes too.
    """
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _vm_hwm_mib() -> float | None:
    """The peak RSS of this process's own address space (Linux VmHWM), to cross-check."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) / 1024 if found else None


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def _profile_report(profiler: cProfile.Profile | None) -> str | None:
    if profiler is None:
        return None
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    buffer.write("--- by own time (all code)\n")
    stats.sort_stats("tottime").print_stats(20)
    buffer.write("--- by cumulative time (all code)\n")
    stats.sort_stats("cumulative").print_stats(30)
    buffer.write("--- by cumulative time (hadath code: db/, tui/, extract/)\n")
    stats.sort_stats("cumulative").print_stats(r"/(db|tui|extract)/", 25)
    return buffer.getvalue()


def _timed(call: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def _accept_and_status(session: Any, row: int) -> Any:
    session.accept(row)
    return session.status()


def run_queries(params: dict[str, Any]) -> dict[str, Any]:
    """The database side of the review alone: opening, and what each key asks of it."""
    from tui.session import ReviewSession

    profiler = cProfile.Profile() if params["profile"] else None
    base = _peak_rss_mib()
    if profiler:
        profiler.enable()
    store, open_seconds = _timed(lambda: open_store(params["db"]))
    session = ReviewSession(store, params["annotator"])
    article, start_seconds = _timed(session.open_start)
    status, status_seconds = _timed(session.status)
    expected = params["start_index"]
    if article is None or status.index != expected:
        raise RuntimeError(f"opened at article {status.index}, expected {expected}")
    presses = params["presses"]
    timings: dict[str, list[float]] = {"next": [], "accept": [], "done": []}
    for _ in range(presses):
        _, seconds = _timed(lambda: (session.next_article(), session.status()))
        timings["next"].append(seconds)
    for _ in range(presses):
        if all(item.decision is not None for item in session.items):
            session.next_article()
        row = next(i for i, item in enumerate(session.items) if item.decision is None)
        _, seconds = _timed(functools.partial(_accept_and_status, session, row))
        timings["accept"].append(seconds)
    for _ in range(presses):
        _, seconds = _timed(lambda: (session.done_and_next(), session.status()))
        timings["done"].append(seconds)
    store.close()
    if profiler:
        profiler.disable()
    return {
        "open_store": open_seconds,
        "open_start": start_seconds,
        "status": status_seconds,
        "timings": timings,
        "base_rss_mib": base,
        "peak_rss_mib": _peak_rss_mib(),
        "profile": _profile_report(profiler),
    }


def _bench_app_class() -> type:
    """ReviewApp, plus terminal output of each frame and a log of status lines and frames.

    The status line is logged by wrapping `ReviewScreen.show_status` (in this
    benchmark process only): after the original has updated the Static, the
    wrapper notes the time and the text. Frames are logged in `App._display`.
    Nothing polls: the driver waits on an asyncio.Event the frame log sets.
    """
    from textual._compositor import CompositorUpdate
    from textual.widgets import Static

    from tui.app import ReviewApp
    from tui.screens.review import ReviewScreen

    original_show_status = ReviewScreen.show_status
    if not getattr(original_show_status, "_bench_wrapped", False):

        def show_status(self: ReviewScreen) -> None:
            original_show_status(self)
            app = self.app
            if isinstance(app, BenchReviewApp):
                text = str(self.query_one("#status", Static).render())
                app.status = text
                app.statuses.append((time.perf_counter(), text))

        show_status._bench_wrapped = True  # type: ignore[attr-defined]
        ReviewScreen.show_status = show_status  # type: ignore[method-assign]

    class BenchReviewApp(ReviewApp):
        status = ""
        output_bytes = 0

        def setup_log(self) -> None:
            self.statuses: list[tuple[float, str]] = []
            self.frames: list[tuple[float, str, int]] = []  # (time, status line, table rows)
            self.waiting: tuple[Callable[[str, int], bool], asyncio.Event] | None = None

        def table_rows(self) -> int:
            screen = self.screen
            return screen.table.row_count if isinstance(screen, ReviewScreen) else 0

        def _display(self, screen: Any, renderable: Any) -> None:
            super()._display(screen, renderable)
            if self.is_headless and isinstance(renderable, CompositorUpdate):
                # What a terminal driver would write (the headless one skips it).
                self.output_bytes += len(renderable.render_segments(self.console))
                rows = self.table_rows()
                self.frames.append((time.perf_counter(), self.status, rows))
                if self.waiting and self.waiting[0](self.status, rows):
                    self.waiting[1].set()

        async def frame_where(
            self, wanted: Callable[[str, int], bool], timeout: float = 60.0
        ) -> None:
            """Wait for a frame drawn with a status line and table that satisfy `wanted`."""
            if self.frames and wanted(*self.frames[-1][1:]):
                return
            event = asyncio.Event()
            self.waiting = (wanted, event)
            try:
                await asyncio.wait_for(event.wait(), timeout)
            except TimeoutError as error:
                raise RuntimeError(
                    f"no frame as expected within {timeout:g} s; status line: {self.status!r}"
                ) from error
            finally:
                self.waiting = None

    return BenchReviewApp


def _first(log: Sequence[tuple[Any, ...]], since: float, wanted: Callable[..., bool]) -> float:
    return next(float(entry[0]) for entry in log if entry[0] >= since and wanted(*entry[1:]))


async def _settle(pilot: Any) -> None:
    """Let every widget process what is queued, then paint whatever is still dirty."""
    await pilot._wait_for_screen()  # Pilot.pause() without its idle sleep
    pilot.app.screen._on_timer_update()  # the screen's paint timer, now


def _send_key(app: Any, key: str, character: str) -> None:
    from textual import events

    event = events.Key(key, character)
    event.set_sender(app)
    app._driver.send_message(event)  # what Pilot.press does, without sleeping


async def _drive(
    step: str, params: dict[str, Any], profiler: cProfile.Profile | None
) -> dict[str, Any]:
    app_class = _bench_app_class()
    n = params["n"]
    opened = f"article {params['start_index']} of {n} "

    def first_article(status: str, rows: int) -> bool:
        return opened in status and rows > 0

    result: dict[str, Any] = {"base_rss_mib": _peak_rss_mib()}
    if profiler and step == "startup":
        profiler.enable()
    started = time.perf_counter()
    app = app_class(params["db"], params["annotator"], rtl=params["rtl"])
    app.setup_log()
    async with app.run_test(size=params["size"]) as pilot:
        ready = time.perf_counter()
        await app.frame_where(first_article)
        await _settle(pilot)
        settled = time.perf_counter()
        if step == "startup":
            if profiler:
                profiler.disable()
            result["startup"] = {
                "run_test_ready": ready - started,
                "handled": _first(app.statuses, started, lambda s: opened in s) - started,
                "frame": _first(app.frames, started, first_article) - started,
                "settled": settled - started,
            }
        else:
            if profiler:  # the presses only, not the start
                profiler.enable()
            result["presses"] = await _press_all(step, pilot, params)
            if profiler:
                profiler.disable()
        result["frames"] = len(app.frames)
        result["output_bytes"] = app.output_bytes
        await pilot.press("q")
    result["peak_rss_mib"] = _peak_rss_mib()
    return result


async def _press_all(step: str, pilot: Any, params: dict[str, Any]) -> list[dict[str, float]]:
    app = pilot.app
    key, character = KEYS[step]
    presses: list[dict[str, float]] = []

    def index() -> int:
        found = _INDEX.search(app.status)
        return int(found.group(1)) if found else -1

    def decided() -> tuple[int, int]:
        found = _DECIDED.search(app.status)
        return (int(found.group(1)), int(found.group(2))) if found else (-1, -1)

    while len(presses) < params["presses"]:
        if step == "key a" and decided()[0] == decided()[1]:
            # Every event of this article is decided: move on, untimed.
            wanted = f"article {index() + 1} of {params['n']} "
            _send_key(app, *KEYS["key ]"])
            await app.frame_where(lambda status, _rows, wanted=wanted: wanted in status)
            await _settle(pilot)
        if step == "key space":
            # The article's events are undecided: the first space only says how many and
            # asks for a second (untimed); the second marks it done and moves on (timed).
            _send_key(app, key, character)
            await _settle(pilot)
        await asyncio.sleep(params["think"])
        if step == "key a":
            count, events = decided()
            wanted = f"events {count + 1}/{events} decided"
        else:
            wanted = f"article {index() + 1} of {params['n']} "

        def shown(status: str, _rows: int = 0, wanted: str = wanted) -> bool:
            return wanted in status

        sent = time.perf_counter()
        _send_key(app, key, character)
        await app.frame_where(shown)
        await _settle(pilot)
        settled = time.perf_counter()
        presses.append(
            {
                "handled": _first(app.statuses, sent, shown) - sent,
                "frame": _first(app.frames, sent, shown) - sent,
                "settled": settled - sent,
            }
        )
    return presses


def run_step(step: str, params: dict[str, Any]) -> dict[str, Any]:
    """Run one measured step in this (fresh, spawned) process and return its figures."""
    if step == "build":
        build_database(Path(params["db"]), params["n"], params["events_per_article"],
                       params["seed"], Path(params["seeds"]))  # fmt: skip
        return {}
    if step == "add-reviewer":
        add_reviewer(Path(params["db"]), params["annotator"], params["done"])
        return {}
    if step == "folds":
        return {"changed": set_folds(Path(params["db"]), params["state"])}
    if step == "remove-reviewers":
        remove_reviewers(Path(params["db"]), params["annotators"])
        return {}
    if step == "db":
        result = run_queries(params)
        result["vm_hwm_mib"] = _vm_hwm_mib()
        return result
    imported = time.perf_counter()
    import tui.app  # noqa: F401 - import time is reported apart from the startup time

    import_seconds = time.perf_counter() - imported
    profiler = cProfile.Profile() if params["profile"] else None
    result = asyncio.run(_drive(step, params, profiler))
    result["import_seconds"] = import_seconds
    result["vm_hwm_mib"] = _vm_hwm_mib()
    result["profile"] = _profile_report(profiler)
    return result


def measure(step: str, params: dict[str, Any]) -> dict[str, Any]:
    """Run `run_step` in a fresh spawned interpreter and return what it reported."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(run_step, step, params).result()


# ---------------------------------------------------------------------- reporting


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _row(
    step: str,
    n: int,
    place: str,
    values_ms: Sequence[float],
    peak: float | None,
    target: str = "-",
    meets: bool | None = None,
    **extra: Any,
) -> dict[str, Any]:
    many = len(values_ms) > 1
    return {
        "step": step,
        "articles": n,
        "place": place,
        "count": len(values_ms),
        "median_ms": round(statistics.median(values_ms), 2),
        "p95_ms": round(_percentile(values_ms, 0.95), 2) if many else None,
        "max_ms": round(max(values_ms), 2) if many else None,
        "peak_rss_mib": None if peak is None else round(peak, 1),
        "target": target,
        "meets": meets,
        **extra,
    }


def rows_for(step: str, n: int, place: str, result: dict[str, Any]) -> list[dict[str, Any]]:
    """Turn one step's figures into report rows."""
    peak = result["peak_rss_mib"]
    profile = {"profile": result.get("profile")}
    if step == "db":
        rows = [
            _row("db open_store", n, place, [_ms(result["open_store"])], None),
            _row("db open_start", n, place, [_ms(result["open_start"])], None),
            _row("db status", n, place, [_ms(result["status"])], None),
        ]
        names = {"next": "db ] next+status", "accept": "db a accept+status"}
        names["done"] = "db space done+status"
        for key, name in names.items():
            rows.append(_row(name, n, place, [_ms(s) for s in result["timings"][key]], None))
        hwm = result.get("vm_hwm_mib")
        rows[-1].update(peak_rss_mib=round(peak, 1), vm_hwm_mib=hwm and round(hwm, 1), **profile)
        return rows
    extra = {
        "base_rss_mib": round(result["base_rss_mib"], 1),
        "vm_hwm_mib": result.get("vm_hwm_mib") and round(result["vm_hwm_mib"], 1),
        "import_s": round(result["import_seconds"], 3),
        "frames": result["frames"],
        **profile,
    }
    if step == "startup":
        times = result["startup"]
        settled = times["settled"]
        return [
            _row(
                "startup",
                n,
                place,
                [_ms(settled)],
                peak,
                f"< {STARTUP_TARGET_S:g} s",
                settled < STARTUP_TARGET_S,
                handled_ms=round(_ms(times["handled"]), 1),
                frame_ms=round(_ms(times["frame"]), 1),
                ready_ms=round(_ms(times["run_test_ready"]), 1),
                **extra,
            )
        ]
    presses = result["presses"]
    settled = [_ms(p["settled"]) for p in presses]
    median = statistics.median(settled)
    return [
        _row(
            step,
            n,
            place,
            settled,
            peak,
            f"< {KEY_TARGET_MS:g} ms median",
            median < KEY_TARGET_MS,
            handled_median_ms=round(statistics.median(_ms(p["handled"]) for p in presses), 2),
            frame_median_ms=round(statistics.median(_ms(p["frame"]) for p in presses), 2),
            **extra,
        )
    ]


def format_table(rows: Sequence[dict[str, Any]]) -> str:
    """Render rows as a plain-text table."""
    header = (
        "step",
        "articles",
        "at",
        "n",
        "median ms",
        "p95 ms",
        "max ms",
        "handled/frame ms",
        "peak MiB",
        "target",
        "meets",
    )
    lines = [header]

    def num(value: float | None) -> str:
        return "-" if value is None else f"{value:,.1f}"

    for row in rows:
        if "handled_median_ms" in row:
            detail = f"{row['handled_median_ms']:.1f} / {row['frame_median_ms']:.1f}"
        elif "handled_ms" in row:
            detail = f"{row['handled_ms']:.0f} / {row['frame_ms']:.0f}"
        else:
            detail = "-"
        lines.append(
            (
                row["step"],
                f"{row['articles']:,}",
                row["place"],
                str(row["count"]),
                num(row["median_ms"]),
                num(row["p95_ms"]),
                num(row["max_ms"]),
                detail,
                num(row["peak_rss_mib"]),
                row["target"],
                {None: "-", True: "yes", False: "NO"}[row["meets"]],
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = []
    for index, line in enumerate(lines):
        cells = [
            cell.ljust(width) if i in (0, 2, 9) else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        text.append("  ".join(cells).rstrip())
        if index == 0:
            text.append("  ".join("-" * width for width in widths))
    return "\n".join(text)


def memory_notes(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Each process's peak RSS across sizes, and whether it stays flat (target: it should)."""
    notes = []
    keys = dict.fromkeys(
        (row["step"], row["place"]) for row in rows if row["peak_rss_mib"] is not None
    )
    for step, place in keys:
        mine = sorted(
            (r for r in rows if (r["step"], r["place"]) == (step, place) and r["peak_rss_mib"]),
            key=lambda r: r["articles"],
        )
        if len(mine) < 2:
            continue
        name = "db (all queries)" if step.startswith("db") else step
        series = " / ".join(f"{r['peak_rss_mib']:.1f}" for r in mine)
        sizes = " / ".join(f"{r['articles']:,}" for r in mine)
        growth = mine[-1]["peak_rss_mib"] - mine[0]["peak_rss_mib"]
        verdict = "flat" if growth <= FLAT_TOLERANCE_MIB else "GROWS with N"
        hwm = ""
        if all(r.get("vm_hwm_mib") for r in mine):
            hwm = "; VmHWM " + " / ".join(f"{r['vm_hwm_mib']:.1f}" for r in mine)
        notes.append(
            f"{name} ({place}): peak RSS {series} MiB at {sizes} articles"
            f" ({growth:+.1f} MiB: {verdict}{hwm})"
        )
    return notes


# --------------------------------------------------------------------------- main


def run_size(n: int, workdir: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    """Build (or reuse) the database for `n` articles and run every step on it; return rows."""
    db_path = workdir / f"review-{n}-e{args.events_per_article}-s{args.seed}.db"
    measure(
        "build",
        {"db": str(db_path), "n": n, "events_per_article": args.events_per_article,
         "seed": args.seed, "seeds": str(args.seeds)},
    )  # fmt: skip
    run = uuid.uuid4().hex[:8]
    places = {"start": 0}
    if args.late > 0:
        places["late"] = min(n - 1, int(n * args.late))
    reviewers: list[str] = []
    rows: list[dict[str, Any]] = []
    try:
        for place, done in places.items():
            for step in args.steps:
                annotator = f"{REVIEWER_PREFIX}-{run}-{place}-{step.replace(' ', '')}"
                reviewers.append(annotator)
                measure("add-reviewer", {"db": str(db_path), "annotator": annotator, "done": done})
                changed = measure("folds", {"db": str(db_path), "state": args.folds})["changed"]
                if changed:
                    _log(f"[{n:,}] folds {args.folds}: {changed:,} articles")
                params = {
                    "db": str(db_path),
                    "n": n,
                    "annotator": annotator,
                    "start_index": done + 1,
                    "presses": args.presses,
                    "think": args.think,
                    "rtl": args.rtl,
                    "size": args.size,
                    "profile": args.profile,
                }
                _log(f"[{n:,}] {step} at {place} (article {done + 1}) ...")
                result = measure(step, params)
                new = rows_for(step, n, place, result)
                for row in new:
                    _log(f"[{n:,}]   {row['step']}: median {row['median_ms']:.1f} ms")
                rows.extend(new)
    finally:
        measure("remove-reviewers", {"db": str(db_path), "annotators": reviewers})
        if not args.workdir:
            _remove_database(db_path)
    return rows


def _sizes(value: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in value.split(",") if part.strip()]
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"sizes must be integers, not {value!r}") from error
    if not sizes or min(sizes) < 2:
        raise argparse.ArgumentTypeError("sizes must be integers of at least 2")
    return sizes


def _steps(value: str) -> list[str]:
    names = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [name for name in names if name not in STEP_NAMES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"steps are among {', '.join(STEP_NAMES)}")
    return [STEP_NAMES[name] for name in names]


def _screen(value: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in value.lower().split("x"))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"size must be WIDTHxHEIGHT, not {value!r}") from error
    return width, height


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        help="comma-separated corpus sizes (default 10000,100000: the contract figure is"
        " for 100,000, the smaller size is there to see that memory stays flat)",
    )
    parser.add_argument("--presses", type=int, default=PRESSES, help="presses per key (50)")
    parser.add_argument(
        "--think", type=float, default=THINK_SECONDS, help="seconds between presses (0.1)"
    )
    parser.add_argument(
        "--late",
        type=float,
        default=LATE_SHARE,
        help="share of articles done for the 'late' reviewer (0.9; 0 skips it)",
    )
    parser.add_argument(
        "--steps",
        type=_steps,
        default=list(STEP_NAMES.values()),
        help="comma-separated steps among " + ",".join(STEP_NAMES) + " (default: all)",
    )
    parser.add_argument("--rtl", default="app", help="RTL drawing mode (default app)")
    parser.add_argument("--size", type=_screen, default=SCREEN, help="screen, default 160x45")
    parser.add_argument(
        "--folds",
        choices=("done", "running"),
        default="done",
        help="'done' (default): every article folded for search before a step; 'running':"
        " none, so the app folds them in the background while the keys are timed",
    )
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
        "--workdir", type=Path, help="keep (and reuse) the databases here (default: a temp dir)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table (or JSON); return the exit status."""
    args = parse_args(argv)
    rows = rows_for_sizes(args.articles, args.workdir, "hadath-bench-review-", run_size, args)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    width, height = args.size
    print(
        f"hadath review benchmark ({os.cpu_count()} CPUs, Python {sys.version.split()[0]},"
        f" {width}x{height}, RTL {args.rtl}, {args.presses} presses, {args.think:g} s apart,"
        f" folds {args.folds})"
    )
    print(format_table(rows))
    print(
        "median/p95/max: startup = constructing ReviewApp to the first article settled on"
        " screen; keys = key sent to screen settled. handled/frame: the status line updated /"
        " first frame painted with it."
    )
    for note in memory_notes(rows):
        print(note)
    if args.profile:
        for row in rows:
            if row.get("profile"):
                print(f"\n=== cProfile: {row['step']} at {row['place']}, {row['articles']:,}")
                print(row["profile"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
