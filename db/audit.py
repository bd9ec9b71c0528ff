"""The audit log's one writer: every change a reviewer (or an import) makes appends an entry.

The log is append-only (triggers refuse updates and deletes); undo and redo
read it back (db.decisions).
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from db.store import utc_now


def append_audit(
    db: sqlite_utils.Database,
    annotator: str,
    action: str,
    *,
    article_id: str | None,
    event_id: str | None = None,
    before: Any = None,
    after: Any = None,
    batch: int | None = None,
    undoes: int | None = None,
) -> int:
    """Append one entry to the append-only audit log: who did what to which article or
    event, the row before and after (as JSON), and the batch or entry it belongs to or
    reverts; return the entry's id."""
    cursor = db.execute(
        "INSERT INTO audit (at, annotator, action, article_id, event_id, before, after,"
        " batch, undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            utc_now(),
            annotator,
            action,
            article_id,
            event_id,
            None if before is None else json.dumps(before, ensure_ascii=False),
            None if after is None else json.dumps(after, ensure_ascii=False),
            batch,
            undoes,
        ],
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid
