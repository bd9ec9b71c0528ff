"""Benchmark `hadath incidents` (linking reports of one incident) on a large curated dataset.

For each size N (1,000,000 curated events by default) the script builds a
database of N / 10 articles with 10 events each, published over three years
(2021-2023), every event accepted (90 %) or corrected (10 %) by the
annotator ``bench``. Events are reports of synthetic incidents: each
incident has a place drawn from the gazetteer (`extract/data/places.tsv`:
Syria, Iraq, Lebanon, Jordan, Yemen; 20,000 places), a day, a sub-event type
and actors; a report gives the place's point as the gazetteer has it, or for
10 % of them a point up to a kilometre off (as a reviewer may type),
and is reported by one to four articles published on its day or the next
two, so that real links exist; 15 % of the reports carry no date, 5 % a
week or month date, 10 % name no actor.

Then it times `db.incidents.run_incidents` (a first run: earlier runs'
candidates are cleared beforehand) in a fresh interpreter: wall time, the
candidates written, and the peak RSS (memory stays flat: the
finder holds a few days of events, see db.incident_finder). The target
(SPEC "Performance"): under 30 s for 1,000,000 events.

Run:  uv run python benchmarks/bench_incidents.py [--sizes 333333,1000000 --years 1,3]
      [--workdir DIR]
The database is kept in the work folder and reused when its count matches.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import multiprocessing
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.incidents import run_incidents
from db.store import open_store, utc_now
from extract.vocabulary import ACTORS, SUB_EVENT_TYPES

ANNOTATOR = "bench"
EVENTS_PER_ARTICLE = 10
PLACES = Path(__file__).resolve().parents[1] / "extract" / "data" / "places.tsv"
FIRST_DAY = dt.date(2021, 1, 1)
TARGET_SECONDS = 30.0
_TYPES = (
    ["Air/drone strike"] * 4
    + ["Shelling/artillery/missile attack"] * 3
    + [
        "Armed clash",
        "Armed clash",
        "Remote explosive/landmine/IED",
        "Attack",
        "Abduction/forced disappearance",
        "Peaceful protest",
        "Arrests",
    ]
)
_KEYS = [key for key in ACTORS if key != "civilians"]


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load_places(limit: int = 20_000, seed: int = 0) -> list[dict[str, Any]]:
    """A sample of the gazetteer's places below the country level, with coordinates."""
    with PLACES.open(encoding="utf-8") as handle:
        rows = [
            row
            for row in csv.DictReader(handle, delimiter="\t")
            if row["lat"] and row["level"] not in ("country", "")
        ]
    random.Random(seed).shuffle(rows)
    return rows[:limit]


_EVENT_COLUMNS = (
    "seq, id, article_id, origin, extractor, added_by, event_type, sub_event_type,"
    " actor1_text, actor1_key, actor1_name, actor2_text, actor2_key, actor2_name,"
    " location_text, location_name, location_admin1, location_admin2, location_country,"
    " location_lat, location_lon, location_level, date, date_precision, fatalities,"
    " evidence_start, evidence_end, confidence, created_at"
)


def build(db_path: Path, events: int, years: float = 3.0, seed: int = 0) -> Path:
    """A database of `events` curated events reporting synthetic incidents over `years`
    (reused if it is one)."""
    if db_path.exists():
        with open_store(db_path) as store:
            found = store.conn.execute("SELECT count(*) FROM decisions").fetchone()[0]
        if found == events:
            return db_path
        db_path.unlink()
    rng = random.Random(seed)
    places = load_places(seed=seed)
    articles = events // EVENTS_PER_ARTICLE
    now = utc_now()
    text = "نص تجريبي لخبر عن غارة. " * 8
    with open_store(db_path, create=True) as store, store.write() as db:
        conn = db.conn
        published = [
            (FIRST_DAY + dt.timedelta(days=rng.randrange(max(1, round(365 * years))))).isoformat()
            for _ in range(articles)
        ]
        published.sort()
        conn.executemany(
            "INSERT INTO articles (seq, id, published, text, content_hash, imported_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            ((n + 1, f"a{n:07d}", day, text, f"h{n}", now) for n, day in enumerate(published)),
        )
        incident: dict[str, Any] = {}
        event_rows = []
        decision_rows = []
        seq = 0
        for article in range(articles):
            day = dt.date.fromisoformat(published[article])
            for _ in range(EVENTS_PER_ARTICLE):
                if not incident or rng.random() < 0.45:  # a new incident; else another report
                    place = rng.choice(places)
                    incident = {
                        "place": place,
                        "day": day - dt.timedelta(days=rng.randrange(3)),
                        "type": rng.choice(_TYPES),
                        "actors": (rng.choice(_KEYS), rng.choice(_KEYS)),
                    }
                seq += 1
                place = incident["place"]
                jitter = (0.0, 0.0)  # the gazetteer's point, as the extractor gives it
                if rng.random() < 0.1:  # a point a reviewer typed
                    jitter = (rng.uniform(-0.01, 0.01), rng.uniform(-0.01, 0.01))
                roll = rng.random()
                date = None if roll < 0.15 else incident["day"].isoformat()
                precision = None if date is None else (2 if roll > 0.95 else 1)
                key1, key2 = incident["actors"] if rng.random() > 0.1 else (None, None)
                sub = incident["type"]
                event_rows.append(
                    (
                        seq, f"m{seq:015x}", f"a{article:07d}", "machine", "bench-1", None,
                        SUB_EVENT_TYPES[sub], sub,
                        key1 and "فاعل", key1, key1 and ACTORS[key1],
                        key2 and "فاعل", key2, key2 and ACTORS[key2],
                        place["name"], place["name"], place["admin1"] or None,
                        place["admin2"] or None, place["country"],
                        float(place["lat"]) + jitter[0],
                        float(place["lon"]) + jitter[1],
                        place["level"], date, precision, rng.choice((None, 0, 1, 2, 5)),
                        0, 40, 0.8, now,
                    )
                )  # fmt: skip
                corrected = None
                status = "accepted"
                if rng.random() < 0.1:
                    status = "corrected"
                    corrected = json.dumps(
                        {
                            "sub_event_type": sub,
                            "actor1": key1 and {"text": "فاعل", "key": key1, "name": ACTORS[key1]},
                            "actor2": None,
                            "location": {
                                "text": place["name"],
                                "name": place["name"],
                                "admin1": place["admin1"] or None,
                                "admin2": place["admin2"] or None,
                                "country": place["country"],
                                "lat": float(place["lat"]),
                                "lon": float(place["lon"]),
                                "level": place["level"],
                                "qualifier": None,
                            },
                            "date": date,
                            "date_precision": precision,
                        }
                    )
                decision_rows.append((f"m{seq:015x}", ANNOTATOR, status, corrected, now, seq))
            if len(event_rows) >= 50_000:
                _flush(conn, event_rows, decision_rows)
        _flush(conn, event_rows, decision_rows)
    return db_path


def _flush(conn: Any, event_rows: list[Any], decision_rows: list[Any]) -> None:
    marks = ", ".join("?" * len(event_rows[0])) if event_rows else ""
    if event_rows:
        conn.executemany(f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES ({marks})", event_rows)
        conn.executemany(
            "INSERT INTO decisions (event_id, annotator, status, corrected, decided_at, event_seq)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            decision_rows,
        )
    event_rows.clear()
    decision_rows.clear()


def clear_runs(db_path: Path) -> None:
    """Forget earlier runs' candidates, so that the run measured is a first one."""
    with open_store(db_path) as store, store.write() as db:
        db.conn.execute("DELETE FROM incident_candidates")
        db.conn.execute("DELETE FROM incident_runs")


def _measure(db_path: str, days: int, km: float, queue: Any) -> None:
    started = time.perf_counter()
    with open_store(db_path) as store:
        summary = run_incidents(store, ANNOTATOR, days, km)
    seconds = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put({"seconds": seconds, "rss": rss, **summary.__dict__})


def measure(db_path: Path, days: int, km: float) -> dict[str, Any]:
    """Run one linking in a fresh interpreter; return its figures."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_measure, args=(str(db_path), days, km, queue))
    process.start()
    result: dict[str, Any] = queue.get()
    process.join()
    return result


def main(argv: list[str] | None = None) -> int:
    """Build each size's database, link it, and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000", help="curated events, comma-separated")
    parser.add_argument(
        "--years",
        default="3",
        help="years the events span, one per size (comma-separated) or one for all: the same"
        " events per year at two sizes shows whether memory stays flat",
    )
    parser.add_argument("--workdir", type=Path, default=Path("benchmarks/out/incidents"))
    parser.add_argument("--days", type=int, default=1)
    parser.add_argument("--km", type=float, default=5.0)
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    sizes = [int(value) for value in args.sizes.split(",")]
    spans = [float(value) for value in args.years.split(",")]
    spans = spans * len(sizes) if len(spans) == 1 else spans
    rows = []
    for size, years in zip(sizes, spans, strict=True):
        _log(f"building {size:,} curated events over {years:g} years ...")
        started = time.perf_counter()
        db_path = build(args.workdir / f"incidents-{size}-{years:g}y.db", size, years)
        clear_runs(db_path)
        _log(f"  built in {time.perf_counter() - started:.0f} s; linking ...")
        rows.append((size, years, measure(db_path, args.days, args.km)))
    print(
        "| curated events | years | seconds | events/s | candidates | >= 0.75 | peak RSS MiB"
        f" | target {TARGET_SECONDS:.0f} s |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for size, years, result in rows:
        verdict = "meets" if size < 1_000_000 or result["seconds"] < TARGET_SECONDS else "misses"
        print(
            f"| {size:,} | {years:g} | {result['seconds']:.1f} | {size / result['seconds']:,.0f} |"
            f" {result['candidates']:,} | {result['strong']:,} | {result['rss']:.0f} | {verdict} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
