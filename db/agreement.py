"""The inputs of `hadath agreement`, read from the database: who finished which article, and
each source's events there (figures by extract.agreement).

The articles compared are those that two or more of the annotators finished
(marked done, or every machine event decided: db.evaluation). An
annotator's events in an article are their curated ones (accepted,
corrected, added: as db.curated selects them); the extractor's are the machine events of
the newest built-in extractor version that ran (all machine events where
none did). Each annotator's curated events are read in one ordered stream
and the machine events in one more, and only the members compared (type,
evidence, actor keys, place, date, counts) are read, so that 10,000
articles take seconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

import orjson

from db.curated import CURATED_FROM
from db.decisions import ADJUDICATED
from db.display import safe
from db.evaluation import newest_builtin, reviewed_articles
from db.lexicon import learned_articles
from db.store import Store
from extract.agreement import AgreementReport, agreement
from extract.record import Actor, Event, Location, Span

EXTRACTOR = "extractor"
"""The extractor's name among the sources."""
VIEW = "adjudicated"
"""The adjudicated view's name among the sources (where it exists)."""


class AgreementError(ValueError):
    """Agreement that cannot be measured as asked (the sentence says why)."""


def annotators_with_work(store: Store) -> list[str]:
    """Every annotator with a decision or an article state, by name."""
    sql = "SELECT annotator FROM decisions UNION SELECT annotator FROM article_state ORDER BY 1"
    names = [row[0] for row in store.db.execute(sql).fetchall()]
    return [name for name in names if not (name.startswith("(") and name.endswith(")"))]


def measure_agreement(store: Store, annotators: Sequence[str] | None = None) -> AgreementReport:
    """Agreement among `annotators` (default: everyone who worked) and with the extractor."""
    names = list(dict.fromkeys(annotators)) if annotators else annotators_with_work(store)
    if len(names) < 2:
        listed = ", ".join(safe(name) for name in names) or "none"
        raise AgreementError(f"agreement needs two annotators or more (found: {listed})")
    finished = {name: set(reviewed_articles(store, name)) for name in names}
    counts: dict[str, int] = defaultdict(int)
    for done in finished.values():
        for article_id in done:
            counts[article_id] += 1
    order = [row[0] for row in store.db.execute("SELECT id FROM articles ORDER BY seq")]
    shared = [article_id for article_id in order if counts[article_id] >= 2]
    articles: dict[str, dict[str, list[Event]]] = {
        article_id: {name: [] for name in names if article_id in finished[name]}
        for article_id in shared
    }
    extractor = newest_builtin(store)
    machine: dict[int, Event] = {}
    for article in articles.values():
        article[EXTRACTOR] = []
    for seq, article_id, made_by, event in _machine_events(store):
        sources = articles.get(article_id)
        if sources is None:
            continue
        machine[seq] = event  # an accepted event is this very one: built once
        if extractor is None or made_by == extractor:
            sources[EXTRACTOR].append(event)
    for name in names:
        for article_id, event in _curated_events(store, name, machine):
            found = articles.get(article_id)
            if found is not None and name in found:
                found[name].append(event)
    others = [EXTRACTOR]
    adjudicated = _adjudicated_articles(store) & set(articles)
    if adjudicated:
        others.append(VIEW)
        for article_id in adjudicated:
            articles[article_id][VIEW] = []
        for article_id, event in _curated_events(store, ADJUDICATED, machine):
            if article_id in adjudicated:
                articles[article_id][VIEW].append(event)
    fed = learned_articles(store, extractor)
    learned = [article_id for article_id in articles if article_id in fed]
    if not learned:
        return agreement(articles, names, others)
    apart = {article_id: dict(articles[article_id]) for article_id in learned}
    for article_id in learned:
        del articles[article_id][EXTRACTOR]  # the extractor is scored on these apart
    report = agreement(articles, names, others)
    report.learned = agreement(apart, names, others)
    return report


def _adjudicated_articles(store: Store) -> set[str]:
    """The articles the adjudicated view has decided something in."""
    sql = (
        "SELECT DISTINCT e.article_id FROM decisions d JOIN events e ON e.seq = d.event_seq"
        " WHERE d.annotator = ?"
    )
    return {row[0] for row in store.db.execute(sql, [ADJUDICATED]).fetchall()}


_COMPARED = (
    "e.sub_event_type, e.evidence_start, e.evidence_end, e.actor1_key, e.actor2_key,"
    " e.location_text, e.location_name, e.location_lat, e.location_lon, e.date,"
    " e.fatalities, e.injured"
)
"""The columns agreement compares (a correction holds the same members as JSON)."""

_CURATED = f"SELECT e.seq, e.article_id, d.status, d.corrected, {_COMPARED} FROM {CURATED_FROM}"
"""An annotator's curated events, as db.curated selects them, in the compared columns."""


def _compared(values: Sequence[Any]) -> Event:
    """An Event holding only what agreement compares, from the _COMPARED columns."""
    sub, start, end, key1, key2, text, name, lat, lon, date, dead, hurt = values
    place = None
    if text is not None or name is not None or lat is not None:
        place = Location(text, name, None, None, lat, lon)
    return Event(
        sub, Span(start, end), None if key1 is None else Actor(key=key1),
        None if key2 is None else Actor(key=key2), place, date, None, dead, hurt,
    )  # fmt: skip


def _corrected(record: dict[str, Any]) -> Event:
    """An Event holding only what agreement compares, from a stored correction."""
    place, span = record.get("location"), record["evidence"]
    actors = [record.get(side) for side in ("actor1", "actor2")]
    key1, key2 = (None if actor is None else actor.get("key") for actor in actors)
    return _compared((
        record["sub_event_type"], span["start"], span["end"], key1, key2,
        None if place is None else place.get("text"), None if place is None else place.get("name"),
        None if place is None else place.get("lat"), None if place is None else place.get("lon"),
        record.get("date"), record.get("fatalities"), record.get("injured"),
    ))  # fmt: skip


def _curated_events(
    store: Store, annotator: str, machine: dict[int, Event]
) -> Iterator[tuple[str, Event]]:
    """(article id, event) of the annotator's curated events, in storage order; an accepted
    event already in `machine` (by storage position) is taken from there."""
    for seq, article_id, status, corrected, *values in store.conn.execute(
        _CURATED + " ORDER BY d.event_seq", {"annotator": annotator}
    ):
        if status == "corrected":
            yield article_id, _corrected(orjson.loads(corrected))
        else:
            known = machine.get(seq)
            yield article_id, known if known is not None else _compared(values)


def _machine_events(store: Store) -> Iterator[tuple[int, str, str | None, Event]]:
    """(storage position, article id, extractor, event) of every machine event, in order."""
    sql = (
        f"SELECT e.seq, e.article_id, e.extractor, {_COMPARED} FROM events e"
        " WHERE e.origin = 'machine' ORDER BY e.seq"
    )
    for seq, article_id, extractor, *values in store.conn.execute(sql):
        yield seq, article_id, extractor, _compared(values)
