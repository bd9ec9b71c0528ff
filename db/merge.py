"""`hadath merge OTHER.db`: bring another hadath file's work into this one, per annotator.

Reviewers who work on copies of a file are combined here. The other file is
never written: one with this hadath's schema is attached read-only and read
in the merge's one transaction; an older one is copied with SQLite's backup
API into a temporary file, upgraded there, and read from the copy.
Everything is one write transaction on this file: a refused merge writes
nothing.

- **Articles** match by content (`content_hash`): the same text under
  another id maps to this file's id, and everything that names the article
  follows the mapping. A new article keeps its id, unless this file has
  that id for another text (refused). Empty metadata here is filled from
  the other file's.
- **Events** are immutable and named by id: a machine event's id is a hash
  of its article's id and record, so under a mapped article it is computed
  again (and then finds the one this file already has); an added event
  keeps its random id.
- **Decisions, article states and the audit log, per annotator.** An audit
  entry is known by what it says (when, what, which article and event, the
  row before and after), not by its id. The other file's entries that this
  file lacks are appended in their order, with their `batch` and `undoes`
  links pointing at the entries' ids here; the decisions and article states
  they changed are taken from the other file. When this file's history of
  an annotator is part of the other's, that is a fast-forward. When both
  files have entries the other lacks, the merge is a union, except where
  both changed the same event (or article) and ended up with different
  rows: that is a conflict, and every conflict is listed and nothing
  written. A row no audit entry explains (written by an older tool) is
  taken when this file lacks it and is a conflict when it differs.
- **Incident decisions** (links confirmed or split, incident figures) follow
  the same rules by link or figure (db.merge_incidents); **source scales**
  this file lacks are brought in.
- **Assignments and extractions** are unions (an extraction with the
  fingerprint of the lexicon it used, and the articles that fed each such
  lexicon). **Drafts** stay local (unsaved typing in one copy).
- **The project lexicon** follows the decisions: each decision the merge
  brings in teaches here what it taught there (db.lexicon), under this
  file's rules.

Merging the same file twice adds nothing: its entries are then known here.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.database_files import check_database_path, database_error, sqlite_uri
from db.display import safe
from db.event_columns import COLUMN_NAMES, event_from_record, record_from_values
from db.events import machine_event_id
from db.lexicon import capture_decisions
from db.merge_incidents import (
    apply_incident_rows,
    entry_subject,
    merge_source_scales,
    plan_incident_rows,
    rename_events,
)
from db.schema import SCHEMA_VERSION, SchemaError
from db.store import Store, StoreError, open_store, utc_now

MERGE_CACHE_MIB = 512
"""SQLite's page cache for each file during a merge: every decision of the other file is
looked up here by key, and a cache that holds both files' decision indexes turns those
random reads into memory reads (at 100,000 articles: 56 s instead of 70 s with 64 MiB)."""
_STATE_ACTIONS = {"done", "undone", "flag", "unflag", "comment"}


class MergeError(ValueError):
    """A merge that cannot be made: the sentence says why (and lists every conflict)."""


@dataclass
class MergeSummary:
    """What a merge brought in."""

    articles: int = 0
    articles_matched: int = 0
    """Articles of the other file this one already had (by content)."""
    events: int = 0
    decisions: int = 0
    states: int = 0
    audit: int = 0
    assignments: int = 0
    incident_decisions: int = 0
    """Links confirmed or split, and incident figures, written here."""
    fast_forwarded: list[str] = field(default_factory=list)
    united: list[str] = field(default_factory=list)


Key = tuple[str, str, str | None, str | None, str | None, str | None]
"""An audit entry as it is known across files: at, action, article, event, before, after."""


def merge(store: Store, other_path: str | Path) -> MergeSummary:
    """Merge the hadath file at `other_path` into `store` (see the module docstring)."""
    check_database_path(other_path)
    with contextlib.suppress(OSError):
        if os.path.samefile(store.path, other_path):
            raise MergeError(f"{safe(str(other_path))} is this database: nothing to merge")
    with tempfile.TemporaryDirectory(prefix="hadath-merge-") as folder:
        readable = _readable(other_path, Path(folder) / "other.db")
        store.conn.execute("ATTACH DATABASE ? AS other", [readable])
        store.conn.execute(f"PRAGMA other.cache_size = {-1024 * MERGE_CACHE_MIB}")
        try:
            with store.cache_limited(MERGE_CACHE_MIB), store.write():
                return _merge_attached(store)
        finally:
            store.conn.execute("DETACH DATABASE other")


def _readable(other_path: str | Path, copy: Path) -> str:
    """What to attach: the other file itself, read-only, when it has this schema; else an
    upgraded snapshot of it at `copy` (the other file is never written either way)."""
    found = _schema_of(other_path)
    if found == SCHEMA_VERSION:
        return sqlite_uri(other_path, "ro")
    _snapshot(other_path, copy)
    try:
        open_store(copy).close()  # upgrades the copy, never the original
    except (StoreError, SchemaError) as error:  # say it of the file named, not the copy
        said = str(error).replace(str(copy), safe(str(other_path)))
        raise type(error)(said) from None
    return str(copy)


def _schema_of(path: str | Path) -> int | None:
    """The schema version the file at `path` records (None when it cannot be read)."""
    try:
        connection = sqlite3.connect(sqlite_uri(path, "ro"), uri=True)
    except sqlite3.Error:
        return None
    try:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def _snapshot(source: str | Path, target: Path) -> None:
    """Copy `source` as it stands now (its write-ahead log included) into `target`."""
    try:
        reader = sqlite3.connect(sqlite_uri(source, "ro"), uri=True)
    except sqlite3.Error as error:
        raise database_error(source, error) from error
    try:
        writer = sqlite3.connect(target)
        try:
            reader.backup(writer)
        finally:
            writer.close()
    except sqlite3.Error as error:
        raise database_error(source, error) from error
    finally:
        reader.close()


def _merge_attached(store: Store) -> MergeSummary:
    conn = store.conn
    summary = MergeSummary()
    articles = _map_articles(conn, summary)
    events = _map_events(conn, articles, summary)
    conn.execute(
        "INSERT OR IGNORE INTO main.extractions (article_id, extractor, extracted_at, events,"
        " lexicon) SELECT m.main_id, x.extractor, x.extracted_at, x.events, x.lexicon"
        " FROM other.extractions x JOIN temp.article_map m ON m.other_id = x.article_id"
    )
    conn.execute(
        "INSERT OR IGNORE INTO main.lexicon_articles (fingerprint, article_id)"
        " SELECT x.fingerprint, m.main_id FROM other.lexicon_articles x"
        " JOIN temp.article_map m ON m.other_id = x.article_id"
    )
    conflicts: list[str] = []
    plans = []
    for annotator in _annotators(conn):
        plans.append(_plan(conn, annotator, articles, events, conflicts, summary))
    if conflicts:
        listed = "; ".join(conflicts)
        raise MergeError(
            f"{len(conflicts)} conflict(s): the same annotator changed the same thing"
            f" differently in both files, so nothing was merged: {listed}"
        )
    for plan in plans:
        _apply(conn, plan, summary)
    merge_source_scales(conn)
    summary.assignments = conn.execute(
        "INSERT OR IGNORE INTO main.assignments (annotator, seq, assigned_at)"
        " SELECT x.annotator, m.main_seq, x.assigned_at FROM other.assignments x"
        " JOIN temp.article_map m ON m.other_seq = x.seq"
    ).rowcount
    return summary


# -- articles and events -------------------------------------------------------------------


def _map_articles(conn: sqlite3.Connection, summary: MergeSummary) -> dict[str, str]:
    """Map the other file's article ids to this file's, inserting the new articles."""
    conn.execute("DROP TABLE IF EXISTS temp.article_map")
    conn.execute(
        "CREATE TEMP TABLE article_map (other_id TEXT PRIMARY KEY, main_id TEXT,"
        " other_seq INTEGER, main_seq INTEGER)"
    )
    conn.execute("DROP TABLE IF EXISTS temp.main_texts")
    conn.execute("CREATE TEMP TABLE main_texts AS SELECT content_hash, id, seq FROM main.articles")
    conn.execute("CREATE INDEX temp.main_texts_by_hash ON main_texts(content_hash)")
    conn.execute(
        "INSERT INTO temp.article_map (other_id, main_id, other_seq, main_seq)"
        " SELECT o.id, (SELECT t.id FROM temp.main_texts t WHERE t.content_hash = o.content_hash"
        " ORDER BY t.seq LIMIT 1), o.seq, NULL FROM other.articles o"
    )
    clash = conn.execute(
        "SELECT m.other_id FROM temp.article_map m JOIN main.articles a ON a.id = m.other_id"
        " WHERE m.main_id IS NULL LIMIT 1"
    ).fetchone()
    if clash is not None:
        raise MergeError(
            f"article {safe(clash[0])} holds different texts in the two files: nothing merged"
        )
    summary.articles_matched = conn.execute(
        "SELECT count(*) FROM temp.article_map WHERE main_id IS NOT NULL"
    ).fetchone()[0]
    summary.articles = conn.execute(
        "INSERT INTO main.articles (id, title, url, source, published, text, content_hash,"
        " imported_at) SELECT o.id, o.title, o.url, o.source, o.published, o.text,"
        " o.content_hash, o.imported_at FROM other.articles o"
        " JOIN temp.article_map m ON m.other_id = o.id WHERE m.main_id IS NULL ORDER BY o.seq"
    ).rowcount
    conn.execute("UPDATE temp.article_map SET main_id = other_id WHERE main_id IS NULL")
    conn.execute("CREATE INDEX temp.article_map_by_main ON article_map(main_id)")
    conn.execute(
        "UPDATE temp.article_map SET main_seq = (SELECT a.seq FROM main.articles a"
        " WHERE a.id = article_map.main_id)"
    )
    for column in ("title", "url", "source", "published"):  # fill what is empty here
        conn.execute(
            f"UPDATE main.articles SET {column} = (SELECT o.{column} FROM other.articles o"
            " JOIN temp.article_map m ON m.other_id = o.id WHERE m.main_id = articles.id"
            f" AND o.{column} IS NOT NULL LIMIT 1) WHERE {column} IS NULL AND EXISTS"
            " (SELECT 1 FROM other.articles o JOIN temp.article_map m ON m.other_id = o.id"
            f" WHERE m.main_id = articles.id AND o.{column} IS NOT NULL)"
        )
    moved = conn.execute(
        "SELECT other_id, main_id FROM temp.article_map WHERE other_id != main_id"
    ).fetchall()
    return dict(moved)


def _map_events(
    conn: sqlite3.Connection, moved: dict[str, str], summary: MergeSummary
) -> dict[str, str]:
    """Insert the other file's events; return the ids that change (under a mapped article)."""
    columns = ", ".join(COLUMN_NAMES)
    before = conn.execute("SELECT count(*) FROM main.events").fetchone()[0]
    conn.execute(
        f"INSERT OR IGNORE INTO main.events (id, article_id, added_by, {columns}, created_at)"
        f" SELECT e.id, e.article_id, e.added_by, {columns}, e.created_at FROM other.events e"
        " JOIN temp.article_map m ON m.other_id = e.article_id WHERE m.other_id = m.main_id"
        " ORDER BY e.seq"
    )
    renamed: dict[str, str] = {}
    conn.execute("DROP TABLE IF EXISTS temp.event_map")
    conn.execute("CREATE TEMP TABLE event_map (other_id TEXT PRIMARY KEY, main_id TEXT)")
    if moved:
        marks = ",".join("?" * len(moved))
        rows = conn.execute(
            f"SELECT e.id, e.article_id, e.added_by, e.created_at, {columns} FROM other.events e"
            f" WHERE e.article_id IN ({marks}) ORDER BY e.seq",
            list(moved),
        ).fetchall()
        for event_id, article_id, added_by, created_at, *values in rows:
            target = moved[article_id]
            new_id = event_id
            if added_by is None:
                new_id = machine_event_id(target, event_from_record(record_from_values(values)))
            renamed[event_id] = new_id
            placeholders = ",".join("?" * (len(values) + 4))
            conn.execute(
                f"INSERT OR IGNORE INTO main.events (id, article_id, added_by, {columns},"
                f" created_at) VALUES ({placeholders})",
                [new_id, target, added_by, *values, created_at],
            )
    conn.executemany("INSERT INTO temp.event_map VALUES (?, ?)", renamed.items())
    summary.events = conn.execute("SELECT count(*) FROM main.events").fetchone()[0] - before
    return renamed


# -- decisions, states and the audit log, per annotator ------------------------------------


@dataclass
class _Plan:
    annotator: str
    entries: list[dict[str, Any]]
    """The other file's audit entries this file lacks, in order (ids still the other's)."""
    known: dict[int, int]
    """Other-file audit ids of entries this file has, to the ids they have here."""
    decisions: list[tuple[Any, ...]]
    """Rows that differ here and are taken from the other file (the missing ones are copied
    in SQL by `_apply`)."""
    states: list[tuple[Any, ...]]
    incident_rows: list[dict[str, Any]] = field(default_factory=list)
    """Links and incident figures to write (db.merge_incidents)."""


_THEIR_EVENT = "coalesce(x.main_id, d.event_id)"
"""The other file's decision's event as this file names it (temp.event_map: renamed ones).
The joins below are CROSS JOINs so that SQLite walks the other file's rows and looks each
up here by key: looked up through this expression, the other order scans."""
_DIFFERING_DECISIONS = f"""
SELECT {_THEIR_EVENT}, d.status, d.corrected, d.decided_at, d.source, m.status
FROM other.decisions d LEFT JOIN temp.event_map x ON x.other_id = d.event_id
CROSS JOIN main.decisions m ON m.event_id = {_THEIR_EVENT} AND m.annotator = d.annotator
WHERE d.annotator = ? AND (m.status IS NOT d.status OR m.corrected IS NOT d.corrected)
"""
"""An annotator's decisions both files have and that differ (the same decision made at
another moment does not)."""
_COPY_DECISIONS = f"""
INSERT INTO main.decisions (event_id, annotator, status, corrected, decided_at, source,
                            event_seq)
SELECT {_THEIR_EVENT}, d.annotator, d.status, d.corrected, d.decided_at, d.source, e.seq
FROM other.decisions d LEFT JOIN temp.event_map x ON x.other_id = d.event_id
CROSS JOIN main.events e ON e.id = {_THEIR_EVENT}
WHERE d.annotator = ? AND NOT EXISTS (SELECT 1 FROM main.decisions m
                                      WHERE m.event_id = {_THEIR_EVENT}
                                        AND m.annotator = d.annotator)
ORDER BY 1
"""
"""An annotator's decisions this file lacks, copied in its primary key's order."""
_THEIR_ARTICLE = "coalesce(am.main_id, s.article_id)"
_DIFFERING_STATES = f"""
SELECT {_THEIR_ARTICLE}, s.done, s.flagged, s.comment, m.done, m.flagged
FROM other.article_state s LEFT JOIN temp.article_map am ON am.other_id = s.article_id
CROSS JOIN main.article_state m
  ON m.article_id = {_THEIR_ARTICLE} AND m.annotator = s.annotator
WHERE s.annotator = ?
  AND (m.done IS NOT s.done OR m.flagged IS NOT s.flagged OR m.comment IS NOT s.comment)
"""
_COPY_STATES = f"""
INSERT INTO main.article_state (article_id, annotator, done, flagged, comment, seconds_spent,
                                updated_at)
SELECT {_THEIR_ARTICLE}, s.annotator, s.done, s.flagged, s.comment, s.seconds_spent, ?
FROM other.article_state s LEFT JOIN temp.article_map am ON am.other_id = s.article_id
WHERE s.annotator = ? AND NOT EXISTS (SELECT 1 FROM main.article_state m
                                      WHERE m.article_id = {_THEIR_ARTICLE}
                                        AND m.annotator = s.annotator)
ORDER BY 1
"""
_LONGER_TIMES = """
UPDATE main.article_state SET seconds_spent = max(seconds_spent, (
    SELECT max(s.seconds_spent) FROM temp.article_map am
    CROSS JOIN other.article_state s ON s.article_id = am.other_id AND s.annotator = ?1
    WHERE am.main_id = article_state.article_id))
WHERE annotator = ?1 AND EXISTS (
    SELECT 1 FROM temp.article_map am
    CROSS JOIN other.article_state s ON s.article_id = am.other_id AND s.annotator = ?1
    WHERE am.main_id = article_state.article_id AND s.seconds_spent > article_state.seconds_spent)
"""
"""Time spent takes the longer of the two files' (never counted twice)."""


def _annotators(conn: sqlite3.Connection) -> list[str]:
    sql = (
        "SELECT annotator FROM other.audit UNION SELECT annotator FROM other.decisions"
        " UNION SELECT annotator FROM other.article_state ORDER BY 1"
    )
    return [row[0] for row in conn.execute(sql)]


def _entries(
    conn: sqlite3.Connection, schema: str, annotator: str, articles: dict[str, str],
    events: dict[str, str],
) -> list[dict[str, Any]]:  # fmt: skip
    cursor = conn.execute(f"SELECT * FROM {schema}.audit WHERE annotator = ? ORDER BY id",
                          [annotator])  # fmt: skip
    names = [column[0] for column in cursor.description]
    entries = []
    for row in cursor:
        entry = dict(zip(names, row, strict=True))
        entry["article_id"] = articles.get(entry["article_id"], entry["article_id"])
        entry["event_id"] = events.get(entry["event_id"], entry["event_id"])
        rename_events(entry, events)
        entries.append(entry)
    return entries


def _key(entry: dict[str, Any]) -> Key:
    return (entry["at"], entry["action"], entry["article_id"], entry["event_id"],
            entry["before"], entry["after"])  # fmt: skip


def _touched(entries: list[dict[str, Any]]) -> tuple[set[str], set[str]]:
    """The events and the articles (their states) that these entries changed (an undo or
    redo names the event, or only the article, that its entry changed)."""
    changed_events, changed_articles = set(), set()
    for entry in entries:
        if entry_subject(entry) is not None:
            continue  # a link or an incident figure (db.merge_incidents)
        if entry["action"] in _STATE_ACTIONS or entry["event_id"] is None:
            if entry["article_id"] is not None:
                changed_articles.add(entry["article_id"])
        else:
            changed_events.add(entry["event_id"])
    return changed_events, changed_articles


def _plan(
    conn: sqlite3.Connection,
    annotator: str,
    articles: dict[str, str],
    events: dict[str, str],
    conflicts: list[str],
    summary: MergeSummary,
) -> _Plan:
    """What merging `annotator`'s work takes; conflicts are added to `conflicts`."""
    here = _entries(conn, "main", annotator, {}, {})
    there = _entries(conn, "other", annotator, articles, events)
    here_ids = {_key(entry): entry["id"] for entry in here}
    there_keys = {_key(entry) for entry in there}
    new = [entry for entry in there if _key(entry) not in here_ids]
    only_here = [entry for entry in here if _key(entry) not in there_keys]
    known = {entry["id"]: here_ids[_key(entry)] for entry in there if _key(entry) in here_ids}
    if new and not only_here:
        summary.fast_forwarded.append(annotator)
    elif new:
        summary.united.append(annotator)
    new_events, new_articles = _touched(new)
    local_events, local_articles = _touched(only_here)

    decisions = []
    for event_id, *theirs, mine in conn.execute(_DIFFERING_DECISIONS, [annotator]):
        if event_id in new_events and event_id not in local_events:
            decisions.append((event_id, annotator, *theirs))
        elif event_id in local_events and event_id not in new_events:
            continue  # changed here since the files parted: this file's row is the newer
        else:
            conflicts.append(
                f"{safe(annotator)} on event {safe(event_id)}: {mine} here, {theirs[0]} there"
            )
    states = []
    for article_id, *theirs, done, flagged in conn.execute(_DIFFERING_STATES, [annotator]):
        if article_id in new_articles and article_id not in local_articles:
            states.append((article_id, annotator, *theirs))
        elif article_id in local_articles and article_id not in new_articles:
            continue
        else:
            conflicts.append(
                f"{safe(annotator)} on article {safe(article_id)}: done {done}, flagged"
                f" {flagged} here; done {theirs[0]}, flagged {theirs[1]} there"
            )
    incident_rows = plan_incident_rows(
        conn,
        annotator,
        events,
        {subject for entry in new if (subject := entry_subject(entry))},
        {subject for entry in only_here if (subject := entry_subject(entry))},
        conflicts,
    )
    return _Plan(annotator, new, known, decisions, states, incident_rows)


def _apply(conn: sqlite3.Connection, plan: _Plan, summary: MergeSummary) -> None:
    """Write one annotator's plan: audit entries, decisions, states, time."""
    ids = dict(plan.known)
    for entry in plan.entries:
        cursor = conn.execute(
            "INSERT INTO main.audit (at, annotator, action, article_id, event_id, before, after,"
            " batch, undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                entry["at"], plan.annotator, entry["action"], entry["article_id"],
                entry["event_id"], entry["before"], entry["after"],
                None if entry["batch"] is None else ids.get(entry["batch"]),
                None if entry["undoes"] is None else ids.get(entry["undoes"]),
            ],
        )  # fmt: skip
        assert cursor.lastrowid is not None
        ids[entry["id"]] = cursor.lastrowid  # a batch head or an undone entry comes earlier
    summary.audit += len(plan.entries)
    summary.decisions += conn.execute(_COPY_DECISIONS, [plan.annotator]).rowcount
    conn.executemany(
        "UPDATE main.decisions SET status = ?, corrected = ?, decided_at = ?, source = ?"
        " WHERE event_id = ? AND annotator = ?",
        [(*row[2:], row[0], row[1]) for row in plan.decisions],
    )
    summary.decisions += len(plan.decisions)
    now = utc_now()
    summary.states += conn.execute(_COPY_STATES, [now, plan.annotator]).rowcount
    conn.executemany(
        "UPDATE main.article_state SET done = ?, flagged = ?, comment = ?, updated_at = ?"
        " WHERE article_id = ? AND annotator = ?",
        [(*row[2:], now, row[0], row[1]) for row in plan.states],
    )
    summary.states += len(plan.states)
    conn.execute(_LONGER_TIMES, [plan.annotator])
    summary.incident_decisions += apply_incident_rows(conn, plan.annotator, plan.incident_rows)
    changed = _touched(plan.entries)[0] | {row[0] for row in plan.decisions}
    capture_decisions(conn, ((event_id, plan.annotator) for event_id in sorted(changed)))


def describe(summary: MergeSummary) -> Iterator[str]:
    """The summary as lines for the command line."""
    yield (
        f"merged: {summary.articles} new articles ({summary.articles_matched} already here),"
        f" {summary.events} events, {summary.decisions} decisions, {summary.states} article"
        f" states, {summary.audit} audit entries, {summary.assignments} assignments"
        + (
            f", {summary.incident_decisions} incident decisions"
            if summary.incident_decisions
            else ""
        )
    )
    if summary.fast_forwarded:
        names = ", ".join(safe(name) for name in summary.fast_forwarded)
        yield f"fast-forwarded: {names} (only continued in the other file)"
    if summary.united:
        names = ", ".join(safe(name) for name in summary.united)
        yield f"combined: {names} (worked in both files, on different things)"
