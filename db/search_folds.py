"""Articles folded for search: the one Arabic fold of extract.normalize, stored per article.

A reviewer searching for الامريكية expects to find الأمريكية: the search
compares folded text (hamza and alef forms, ta marbuta and ha, alef maqsura
and ya, harakat, tatweel, Arabic-Indic digits and case all folded alike, see
`extract.normalize`). Folding costs about half a millisecond per article, five
times what importing one costs, so it is not done at import: the review app
folds the articles that lack a folded copy in the background, a batch per
write transaction (`fold_missing`), and a search reads each article's folded
copy where it has one and its text as written where it does not yet
(db.listing). So a search is right at once and folds more as the copies fill.

The folding runs in a process of its own (`start_folding`: `python -m
db.search_folds DB PARENT_PID`), not in a thread of the review app: folding
is pure Python, and a thread holding the GIL would slow every key the
reviewer presses (measured in benchmarks/bench_review.py, `--folds
running`). The process stops between batches once its parent is gone, and a
batch it was writing when killed is rolled back by SQLite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from db.errors import StoreError
from db.store import SQLiteError, Store, open_store
from db.subprocesses import module_command
from extract.normalize import fold, fold_text

FOLD_BATCH = 200
"""Articles folded per write transaction: a short hold on the lock, for other writers."""


def count_unfolded(store: Store) -> int:
    """How many articles have no folded copy yet."""
    sql = (
        "SELECT count(*) FROM articles a"
        " WHERE NOT EXISTS (SELECT 1 FROM article_folds f WHERE f.seq = a.seq)"
    )
    return int(store.conn.execute(sql).fetchone()[0])


def fold_missing(
    store: Store,
    stopped: Callable[[], bool] = lambda: False,
    progress: Callable[[int], None] | None = None,
    batch: int = FOLD_BATCH,
) -> int:
    """Store the folded copy of every article that lacks one, in batches; return how many.

    Stops between batches once `stopped()` says so (what is stored stays).
    """
    done = 0
    after = -1
    while not stopped():
        rows = store.conn.execute(
            "SELECT a.seq, a.title, a.text FROM articles a WHERE a.seq > ?"
            " AND NOT EXISTS (SELECT 1 FROM article_folds f WHERE f.seq = a.seq)"
            " ORDER BY a.seq LIMIT ?",
            [after, batch],
        ).fetchall()
        if not rows:
            break
        folded = [
            (seq, None if title is None else fold_text(title), fold_text(text))
            for seq, title, text in rows
        ]
        with store.write() as db:
            db.conn.executemany(
                "INSERT OR IGNORE INTO article_folds (seq, title, text) VALUES (?, ?, ?)", folded
            )
        done += len(rows)
        after = rows[-1][0]
        if progress:
            progress(len(rows))
    return done


def folded_query(query: str) -> str:
    """The search words as the folded copies hold them."""
    return fold_text(query)


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the folded `query` occurs in `text`, as spans of `text` itself, in order.

    The spans come back through the fold's offset map, marks written after
    the last letter included, so that highlighting one lights the word as the
    article writes it.
    """
    needle = folded_query(query.strip())
    if not needle:
        return []
    folded = fold(text)
    spans, start = [], folded.text.find(needle)
    while start >= 0:
        spans.append(folded.source_span(start, start + len(needle), marks=True))
        start = folded.text.find(needle, start + len(needle))
    return spans


FOLD_BUSY_TIMEOUT = 5.0
"""How long the folding process waits for a writer's lock before it gives up (seconds)."""


def start_folding(path: str | Path) -> subprocess.Popen[bytes]:
    """Start folding `path`'s articles that lack a folded copy, in a process of its own."""
    command, env = module_command("db.search_folds", str(path), str(os.getpid()))
    return subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m db.search_folds DB PARENT_PID`: fold DB's articles while PARENT_PID lives.

    Exits 0 when every article has its folded copy (or the parent is gone),
    1 when the database cannot be written now (read-only, locked, damaged):
    the search then reads those articles as written.
    """
    path, parent = argv if argv is not None else sys.argv[1:]
    try:
        with open_store(path, busy_timeout=FOLD_BUSY_TIMEOUT) as store:
            fold_missing(store, stopped=lambda: os.getppid() != int(parent))
    except (StoreError, SQLiteError):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
