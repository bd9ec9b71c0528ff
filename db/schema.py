"""The SQLite schema of a hadath database and the migrations that build and upgrade it.

The schema version lives in `PRAGMA user_version`. `MIGRATIONS[i]` upgrades a
file from version i to i + 1; opening an older file runs the missing steps in
one transaction, so an upgrade either completes or leaves the file as it was.
Tables are written as DDL (not `table.create`) because they need CHECK
constraints and triggers that sqlite-utils does not express.
"""

from __future__ import annotations

import sqlite3

from db.display import safe

# Version 1: articles, events, decisions per (event, annotator), the audit log.
_V1 = """
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    url TEXT,
    source TEXT,
    published TEXT,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE TRIGGER articles_immutable BEFORE UPDATE ON articles
BEGIN SELECT RAISE(ABORT, 'articles are immutable'); END;

CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL REFERENCES articles(id),
    origin TEXT NOT NULL CHECK (origin IN ('machine', 'human')),
    extractor TEXT,
    added_by TEXT,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1_text TEXT, actor1_key TEXT, actor1_name TEXT,
    actor2_text TEXT, actor2_key TEXT, actor2_name TEXT,
    location_text TEXT, location_name TEXT, location_admin1 TEXT,
    location_country TEXT, location_lat REAL, location_lon REAL,
    date TEXT,
    date_text TEXT,
    fatalities INTEGER CHECK (fatalities >= 0),
    injured INTEGER CHECK (injured >= 0),
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL CHECK (evidence_end > evidence_start),
    confidence REAL CHECK (confidence BETWEEN 0 AND 1),
    created_at TEXT NOT NULL,
    CHECK ((origin = 'human') = (added_by IS NOT NULL))
);
CREATE INDEX events_by_article ON events(article_id, seq);
CREATE TRIGGER events_immutable BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are immutable: record a decision instead'); END;

CREATE TABLE decisions (
    event_id TEXT NOT NULL REFERENCES events(id),
    annotator TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected', 'corrected', 'deleted')),
    corrected TEXT CHECK ((status = 'corrected') = (corrected IS NOT NULL)),
    decided_at TEXT NOT NULL,
    PRIMARY KEY (event_id, annotator)
) WITHOUT ROWID;
CREATE INDEX decisions_by_annotator ON decisions(annotator, status);

CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    annotator TEXT NOT NULL,
    action TEXT NOT NULL,
    article_id TEXT,
    event_id TEXT,
    before TEXT,
    after TEXT,
    batch INTEGER,
    undoes INTEGER REFERENCES audit(id)
);
CREATE INDEX audit_by_annotator ON audit(annotator, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""

# Version 2: per-article state per annotator (done, flagged, comment, time spent),
# and the undo index on the audit log.
_V2 = """
CREATE TABLE article_state (
    article_id TEXT NOT NULL REFERENCES articles(id),
    annotator TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
    comment TEXT,
    seconds_spent REAL NOT NULL DEFAULT 0 CHECK (seconds_spent >= 0),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (article_id, annotator)
) WITHOUT ROWID;
CREATE INDEX article_state_by_annotator ON article_state(annotator, done);
CREATE INDEX audit_undone ON audit(undoes) WHERE undoes IS NOT NULL;
"""

# Version 3: which extractor has processed which article, so that an article in
# which the extractor found nothing is not extracted again.
_V3 = """
CREATE TABLE extractions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    extractor TEXT NOT NULL,
    extracted_at TEXT NOT NULL,
    events INTEGER NOT NULL,
    PRIMARY KEY (article_id, extractor)
) WITHOUT ROWID;
"""

# Version 4: each decision also names its event's storage position, so that an
# annotator's decisions read in that order walk the events table front to back
# (event ids are hashes: ordered by id, every lookup would be a random seek).
_V4 = """
ALTER TABLE decisions ADD COLUMN event_seq INTEGER;
UPDATE decisions SET event_seq = (SELECT seq FROM events WHERE events.id = decisions.event_id);
CREATE INDEX decisions_in_event_order ON decisions(annotator, event_seq, status, decided_at);
"""

# Version 5: a slim index in review order, so that counting the articles before
# one ("article i of N") and finding the first one not done walk the index,
# not the table whose rows hold the article texts.
_V5 = """
CREATE INDEX articles_in_order ON articles(seq, id);
"""

# Version 6: the record members added after its first version (all optional):
# a location's admin2, level and qualifier, the date's precision, a vague count
# of the dead, and each side's further actors (a JSON list, null when none).
_V6 = """
ALTER TABLE events ADD COLUMN location_admin2 TEXT;
ALTER TABLE events ADD COLUMN location_level TEXT;
ALTER TABLE events ADD COLUMN location_qualifier TEXT;
ALTER TABLE events ADD COLUMN date_precision INTEGER CHECK (date_precision IN (1, 2, 3));
ALTER TABLE events ADD COLUMN fatalities_vague TEXT;
ALTER TABLE events ADD COLUMN assoc_actors1 TEXT;
ALTER TABLE events ADD COLUMN assoc_actors2 TEXT;
"""

# Version 7: each article's title and text folded for search (extract.normalize:
# hamza and alef forms, ta marbuta, alef maqsura, harakat, tatweel, digits, case),
# filled in the background by the review app (db.search_folds); an article
# without its row is searched as written.
_V7 = """
CREATE TABLE article_folds (
    seq INTEGER PRIMARY KEY REFERENCES articles(seq),
    title TEXT,
    text TEXT NOT NULL
);
"""

# Version 8: the event form's drafts, per annotator and event (or new event of an
# article): what was typed and not saved yet, kept across escape, quitting and a
# dropped connection (db.drafts). Not decisions: never audited, never exported.
_V8 = """
CREATE TABLE drafts (
    annotator TEXT NOT NULL,
    target TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    draft TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (annotator, target)
);
"""

# Version 9: an article's empty title, url, source and published may be filled once
# (a re-import that brings them, audited); its id, text and the rest stay immutable.
_V9 = """
DROP TRIGGER articles_immutable;
CREATE TRIGGER articles_immutable BEFORE UPDATE ON articles
WHEN NEW.id IS NOT OLD.id OR NEW.seq IS NOT OLD.seq OR NEW.text IS NOT OLD.text
    OR NEW.content_hash IS NOT OLD.content_hash OR NEW.imported_at IS NOT OLD.imported_at
    OR (OLD.title IS NOT NULL AND NEW.title IS NOT OLD.title)
    OR (OLD.url IS NOT NULL AND NEW.url IS NOT OLD.url)
    OR (OLD.source IS NOT NULL AND NEW.source IS NOT OLD.source)
    OR (OLD.published IS NOT NULL AND NEW.published IS NOT OLD.published)
BEGIN SELECT RAISE(ABORT, 'articles are immutable (only empty metadata can be filled)'); END;
"""

# Version 10: who reviews which article (db.assignments). An article's rows are its
# annotators; an annotator's rows, in review order, are the articles they walk.
_V10 = """
CREATE TABLE assignments (
    annotator TEXT NOT NULL,
    seq INTEGER NOT NULL REFERENCES articles(seq),
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (annotator, seq)
) WITHOUT ROWID;
CREATE INDEX assignments_by_article ON assignments(seq, annotator);
"""

# Version 11: a decision's provenance (JSON, null for a reviewer's own): for the
# adjudicated view, who adjudicated and which annotator's version was taken or edited
# (db.adjudication).
_V11 = """
ALTER TABLE decisions ADD COLUMN source TEXT;
"""

# Version 12: the project lexicon (db.lexicon): places (words of the text with coordinates)
# and actor spellings (words with an actor key) that reviewers' decisions taught, each with
# who, when, and the article and decision (event, annotator) it came from; the fingerprint
# of the lexicon each extraction used (extract.learned; null: written before there was
# one, read as the empty lexicon's); and which articles fed each lexicon a run used.
# The upgrade also fills the lexicon from the decisions already made (db.lexicon).
_V12 = """
CREATE TABLE lexicon (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('place', 'actor')),
    surface TEXT NOT NULL,
    folded TEXT NOT NULL,
    key TEXT,
    name TEXT, admin1 TEXT, admin2 TEXT, country TEXT, level TEXT,
    lat REAL, lon REAL,
    annotator TEXT NOT NULL,
    created_at TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    event_id TEXT NOT NULL REFERENCES events(id),
    CHECK ((kind = 'actor') = (key IS NOT NULL)),
    CHECK ((kind = 'place') = (lat IS NOT NULL AND lon IS NOT NULL))
);
CREATE INDEX lexicon_by_decision ON lexicon(event_id, annotator);
CREATE TABLE lexicon_articles (
    fingerprint TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    PRIMARY KEY (fingerprint, article_id)
) WITHOUT ROWID;
ALTER TABLE extractions ADD COLUMN lexicon TEXT;
"""

# Version 13: each source's scale (db.source_scales), for the CSV's source_scale column:
# one of ACLED's seven, set by a dataset maintainer (`hadath sources scale`).
_V13 = """
CREATE TABLE source_scales (
    source TEXT PRIMARY KEY,
    scale TEXT NOT NULL CHECK (scale IN ('Local partner', 'Other', 'New media', 'Subnational',
                                         'National', 'Regional', 'International')),
    set_at TEXT NOT NULL
) WITHOUT ROWID;
"""

# Version 14: incidents across articles (db.incidents). `incident_candidates` holds the
# links `hadath incidents` proposed between one annotator's curated events (event_a <
# event_b), each with its score, its reasons (JSON) and the run that proposed it;
# `incident_runs` each annotator's latest run; `incident_links` the reviewers' decisions
# on links (confirmed or split, audited like any decision, kept across runs);
# `incident_figures` the fatalities a reviewer set for an incident, on one of its events.
_V14 = """
CREATE TABLE incident_candidates (
    annotator TEXT NOT NULL,
    event_a TEXT NOT NULL,
    event_b TEXT NOT NULL,
    score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
    reasons TEXT NOT NULL,
    run INTEGER NOT NULL,
    CHECK (event_a < event_b),
    PRIMARY KEY (annotator, event_a, event_b)
) WITHOUT ROWID;
CREATE INDEX incident_candidates_by_b ON incident_candidates(annotator, event_b);
CREATE TABLE incident_runs (
    annotator TEXT PRIMARY KEY,
    run INTEGER NOT NULL,
    days INTEGER NOT NULL,
    km REAL NOT NULL,
    events INTEGER NOT NULL,
    candidates INTEGER NOT NULL,
    finished_at TEXT
) WITHOUT ROWID;
CREATE TABLE incident_links (
    annotator TEXT NOT NULL,
    event_a TEXT NOT NULL,
    event_b TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'split')),
    decided_at TEXT NOT NULL,
    CHECK (event_a < event_b),
    PRIMARY KEY (annotator, event_a, event_b)
) WITHOUT ROWID;
CREATE INDEX incident_links_by_b ON incident_links(annotator, event_b);
CREATE TABLE incident_figures (
    annotator TEXT NOT NULL,
    event_id TEXT NOT NULL,
    fatalities INTEGER NOT NULL CHECK (fatalities >= 0),
    decided_at TEXT NOT NULL,
    PRIMARY KEY (annotator, event_id)
) WITHOUT ROWID;
"""

_LEXICON_VERSION = 12
"""The version that brought the project lexicon: an upgrade across it fills the lexicon
(once every step has run, so that the events table is as this hadath reads it)."""

MIGRATIONS: tuple[str, ...] = (
    _V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9, _V10, _V11, _V12, _V13, _V14,
)  # fmt: skip
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(RuntimeError):
    """A database file this version of hadath cannot use."""


def _statements(script: str) -> list[str]:
    """Split a DDL script into statements, keeping trigger bodies whole."""
    statements, current = [], ""
    for line in script.strip().splitlines():
        current += line + "\n"
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return statements


def schema_version(conn: sqlite3.Connection) -> int:
    """Return the schema version recorded in the file (0 for a new file)."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def check_schema(conn: sqlite3.Connection, path: str) -> int:
    """Return the file's schema version, refusing (SchemaError) a file hadath cannot use.

    Reads only, without a write lock: a newer schema or another program's
    SQLite file is refused before anything is written to it.
    """
    found = schema_version(conn)
    if found > SCHEMA_VERSION:
        raise SchemaError(
            f"{safe(path)} has schema version {found}, newer than this hadath knows "
            f"({SCHEMA_VERSION}): upgrade hadath to open it"
        )
    if found == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise SchemaError(f"{safe(path)} is an SQLite file but not a hadath database")
    return found


def _learn_from_earlier_decisions(conn: sqlite3.Connection) -> None:
    """Version 12's fill: what the decisions made before the lexicon existed teach."""
    from db.lexicon import learn_from_decisions  # the lexicon's rules are the extractor's

    learn_from_decisions(conn)


def migrate(conn: sqlite3.Connection, path: str, target: int = SCHEMA_VERSION) -> int:
    """Upgrade the file to `target` in one transaction; return the version it had.

    The version is read again under the write lock: another process may have
    upgraded the file since it was first read.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = check_schema(conn, path)
        for step in range(found, target):
            for statement in _statements(MIGRATIONS[step]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step + 1}")
        if found < _LEXICON_VERSION <= target:
            _learn_from_earlier_decisions(conn)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return found
