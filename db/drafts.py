"""Drafts of the event form: what a reviewer typed and has not saved yet.

The review app writes the form's fields here as they change, one short
write per change, so that escape, quitting, a dropped SSH connection
(SIGHUP) or a killed process lose nothing typed; opening the form on the same
event (or a new event on the same article) restores the draft, and saving or
reverting the form drops it. A draft is the form's raw field texts, valid or
not: it is not a decision, is never audited and never exported.

`target` names what the form edits: an event's id, or `new_target(article)`
for a new event of that article.
"""

from __future__ import annotations

import json
from typing import Any

from db.store import Store, utc_now


def new_target(article_id: str) -> str:
    """The draft target of a new event on `article_id`."""
    return f"new:{article_id}"


def keep_draft(
    store: Store, annotator: str, target: str, article_id: str, draft: dict[str, Any]
) -> None:
    """Store (or replace) the annotator's draft for `target`."""
    with store.write() as db:
        db.execute(
            "INSERT INTO drafts (annotator, target, article_id, draft, saved_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (annotator, target) DO UPDATE SET"
            " draft = excluded.draft, saved_at = excluded.saved_at",
            [annotator, target, article_id, json.dumps(draft, ensure_ascii=False), utc_now()],
        )


def get_draft(store: Store, annotator: str, target: str) -> dict[str, Any] | None:
    """The annotator's draft for `target`, or None."""
    row = store.conn.execute(
        "SELECT draft FROM drafts WHERE annotator = ? AND target = ?", [annotator, target]
    ).fetchone()
    if row is None:
        return None
    draft = json.loads(row[0])
    return draft if isinstance(draft, dict) else None


def drop_draft(store: Store, annotator: str, target: str) -> None:
    """Forget the annotator's draft for `target` (nothing if there is none)."""
    with store.write() as db:
        db.execute("DELETE FROM drafts WHERE annotator = ? AND target = ?", [annotator, target])
