"""Who reviews which article: assignments with an overlap, balanced and deterministic.

`assign` gives each article `overlap` annotators out of those named. It only
adds: an article keeps the annotators it has, and one that has fewer than
`overlap` is topped up, first with a named annotator who has already worked
on it (a decision or a done mark: that work is not moved), then with the
named annotators who have the fewest assignments so far. Ties are broken by
an order of the annotators drawn from `seed`, so the same seed over the same
database assigns the same way. Re-running after an import assigns the new
articles; re-running with a larger overlap or another annotator tops up.

`reassign` moves an annotator's unfinished articles to another annotator
(someone leaves the team): what they finished stays theirs.

A database with no assignment at all is reviewed as a whole by everyone;
once it has one, each annotator walks only their own articles
(db.navigation, db.listing take `assigned_to`).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from db.decisions import check_person
from db.display import safe
from db.evaluation import finished, reviewed_articles
from db.store import Store, utc_now


class AssignmentError(ValueError):
    """An assignment that cannot be made as asked (the sentence says why)."""


@dataclass
class AssignSummary:
    """What an `assign` run did: articles given annotators, and each annotator's share."""

    articles: int = 0
    """Articles that were given at least one annotator."""
    added: dict[str, int] = field(default_factory=dict)
    """New assignments per annotator."""
    totals: dict[str, int] = field(default_factory=dict)
    """Each named annotator's assignments after the run."""
    short: int = 0
    """Articles still below the overlap once --limit was reached."""


@dataclass
class ReassignSummary:
    """What a `reassign` run did."""

    moved: int = 0
    """Articles now the new annotator's."""
    dropped: int = 0
    """Articles the new annotator had already: only the old assignment was removed."""
    kept: int = 0
    """Articles the old annotator finished: still theirs."""


def uses_assignments(store: Store) -> bool:
    """Whether the database has any assignment (then each annotator walks their own)."""
    return store.db.execute("SELECT 1 FROM assignments LIMIT 1").fetchone() is not None


def is_assigned(store: Store, annotator: str) -> bool:
    """Whether the annotator has at least one article assigned."""
    sql = "SELECT 1 FROM assignments WHERE annotator = ? LIMIT 1"
    return store.db.execute(sql, [annotator]).fetchone() is not None


def scope_for(store: Store, annotator: str) -> str | None:
    """The annotator whose assignments limit what `annotator` walks, or None for all articles."""
    return annotator if uses_assignments(store) else None


def check_team(annotators: Sequence[str]) -> list[str]:
    """The annotator names, checked: usable names, each once."""
    names = [check_person(name.strip()) for name in annotators]
    if not names:
        raise AssignmentError("name at least one annotator (--annotators A,B,C)")
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise AssignmentError(f"annotator {safe(name)!r} is named twice")
        seen.add(name)
    return names


def assign(
    store: Store,
    annotators: Sequence[str],
    overlap: int = 1,
    limit: int | None = None,
    seed: int = 0,
) -> AssignSummary:
    """Give each article `overlap` of `annotators` (see the module docstring), in one transaction.

    `limit` caps how many articles get new annotators in this run.
    """
    team = check_team(annotators)
    if not 1 <= overlap <= len(team):
        raise AssignmentError(
            f"--overlap {overlap} must be between 1 and the number of annotators ({len(team)})"
        )
    if limit is not None and limit < 1:
        raise AssignmentError(f"--limit {limit} must be at least 1")
    order = list(team)
    random.Random(seed).shuffle(order)
    rank = {name: index for index, name in enumerate(order)}
    summary = AssignSummary(added=dict.fromkeys(team, 0))
    with store.write() as db:
        assigned: dict[int, set[str]] = defaultdict(set)
        load = dict.fromkeys(team, 0)
        for seq, name in db.execute("SELECT seq, annotator FROM assignments").fetchall():
            assigned[seq].add(name)
            if name in load:
                load[name] += 1
        worked = _worked_on(store, team)
        rows: list[tuple[str, int, str]] = []
        now = utc_now()
        for (seq,) in db.execute("SELECT seq FROM articles ORDER BY seq").fetchall():
            have = assigned[seq]
            if len(have) >= overlap:
                continue
            if limit is not None and summary.articles >= limit:
                summary.short += 1
                continue
            free = [name for name in team if name not in have]
            free.sort(key=lambda name: (name not in worked[seq], load[name], rank[name]))
            for name in free[: overlap - len(have)]:
                rows.append((name, seq, now))
                load[name] += 1
                summary.added[name] += 1
            summary.articles += 1
        db.conn.executemany(
            "INSERT INTO assignments (annotator, seq, assigned_at) VALUES (?, ?, ?)", rows
        )
    summary.totals = load
    return summary


def _worked_on(store: Store, team: Sequence[str]) -> dict[int, set[str]]:
    """For each article (by seq), the named annotators who decided or marked something in it."""
    marks = ",".join("?" * len(team))
    sql = f"""
        SELECT a.seq, d.annotator FROM decisions d
        JOIN events e ON e.id = d.event_id JOIN articles a ON a.id = e.article_id
        WHERE d.annotator IN ({marks})
        UNION
        SELECT a.seq, s.annotator FROM article_state s JOIN articles a ON a.id = s.article_id
        WHERE s.annotator IN ({marks}) AND (s.done = 1 OR s.flagged = 1 OR s.comment IS NOT NULL)
    """
    worked: dict[int, set[str]] = defaultdict(set)
    for seq, name in store.db.execute(sql, [*team, *team]).fetchall():
        worked[seq].add(name)
    return worked


def reassign(store: Store, from_annotator: str, to_annotator: str) -> ReassignSummary:
    """Move `from_annotator`'s unfinished articles to `to_annotator`, in one transaction."""
    source, target = check_team([from_annotator, to_annotator])
    finished = set(reviewed_articles(store, source))
    summary = ReassignSummary()
    with store.write() as db:
        mine = db.execute(
            "SELECT x.seq, a.id FROM assignments x JOIN articles a ON a.seq = x.seq"
            " WHERE x.annotator = ? ORDER BY x.seq",
            [source],
        ).fetchall()
        if not mine:
            raise AssignmentError(f"{safe(source)!r} has no article assigned: nothing to move")
        theirs = {
            row[0]
            for row in db.execute("SELECT seq FROM assignments WHERE annotator = ?", [target])
        }
        now = utc_now()
        for seq, article_id in mine:
            if article_id in finished:
                summary.kept += 1
                continue
            db.execute("DELETE FROM assignments WHERE annotator = ? AND seq = ?", [source, seq])
            if seq in theirs:
                summary.dropped += 1
            else:
                db.execute(
                    "INSERT INTO assignments (annotator, seq, assigned_at) VALUES (?, ?, ?)",
                    [target, seq, now],
                )
                summary.moved += 1
    return summary


_COUNTS = f"""
SELECT x.annotator, count(*), sum({finished("a.id", "x.annotator")})
FROM assignments x JOIN articles a ON a.seq = x.seq
GROUP BY x.annotator ORDER BY x.annotator
"""


def assignment_counts(store: Store) -> dict[str, dict[str, int]]:
    """Each assigned annotator's articles assigned and, of those, finished."""
    return {
        name: {"assigned": int(assigned), "done": int(done or 0)}
        for name, assigned, done in store.db.execute(_COUNTS).fetchall()
    }
