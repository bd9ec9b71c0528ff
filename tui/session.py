"""One reviewer's session: the current article, its events, and every decision key's effect.

The review screen calls these methods and redraws from what they return; the
session holds no Textual objects, so it is tested directly and its rules (a
decision is committed before the screen moves on, undo walks back across
articles) do not depend on the widgets.
"""

from __future__ import annotations

import dataclasses
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from db import navigation
from db.articles import Article, get_article
from db.assignments import scope_for
from db.decisions import (
    DecisionError,
    ReviewItem,
    UndoResult,
    Verdict,
    accept_all,
    add_event,
    add_time,
    decide,
    delete_event,
    get_state,
    redo,
    review_items,
    set_comment,
    set_done,
    set_flagged,
    undo,
)
from db.drafts import drop_draft, get_draft, keep_draft
from db.events import StoredEvent, get_event
from db.incidents import LinkedReport, linked_reports
from db.link_decisions import (
    LinkDecisionError,
    LinkStatus,
    decide_link,
    incident_state,
    set_incident_figure,
)
from db.store import SQLiteError, Store, StoreError, is_lock
from extract.record import Event

T = TypeVar("T")


@dataclass(frozen=True)
class Status:
    """What the status line shows: who, where, and how far."""

    annotator: str
    index: int
    total: int
    decided: int
    events: int
    done: int
    article_done: bool
    flagged: bool


class DatabaseBusy(DecisionError):
    """The write could not start: another process held the database's write lock too long.

    Nothing was stored; the same call can be made again once the lock is free
    (the review screen waits for that off the UI thread, see tui.database_wait).
    """


BUSY = "the database is locked by another reviewer's process"


def writes(method: Callable[..., T]) -> Callable[..., T]:
    """Turn database errors into DecisionErrors the screen shows: DatabaseBusy for a lock."""

    @functools.wraps(method)
    def guarded(*args: Any, **kwargs: Any) -> T:
        try:
            return method(*args, **kwargs)
        except (StoreError, SQLiteError) as error:
            if is_lock(error):
                raise DatabaseBusy(BUSY) from error
            raise DecisionError(f"the database refused the write ({error})") from error

    return guarded


class ReviewSession:
    """The state of one annotator's review over one database."""

    def __init__(self, store: Store, annotator: str) -> None:
        self.store = store
        self.annotator = annotator
        self.assigned_to = scope_for(store, annotator)
        """Whose assignments limit the articles walked: the annotator once the database has
        assignments (each walks their own), else None (everyone walks every article)."""
        self.article: Article | None = None
        self.items: list[ReviewItem] = []
        self._opened_at = time.monotonic()
        self._where: tuple[str, navigation.Position] | None = None
        """The last article whose position was worked out, and that position."""
        self._unsaved_time: dict[str, float] = {}
        """Seconds spent on articles that a locked database did not take yet, by article id."""

    # -- moving between articles -------------------------------------------------

    def open_start(self) -> Article | None:
        """Open the first article not done (or the first article when all are done)."""
        article = navigation.first_not_done(
            self.store, self.annotator, assigned_to=self.assigned_to
        )
        return self.open(
            article or navigation.first_article(self.store, assigned_to=self.assigned_to)
        )

    def open(self, article: Article | None) -> Article | None:
        """Make `article` the current one, recording the time spent on the one left."""
        if article is None:
            return self.article
        self._record_time()
        self.article = article
        self.reload()
        self._opened_at = time.monotonic()
        return article

    def open_id(self, article_id: str) -> Article | None:
        """Open the article with this id."""
        return self.open(get_article(self.store, article_id))

    def next_article(self) -> Article | None:
        """Go to the next article (stay at the last one)."""
        return self.open(
            self.article
            and navigation.next_article(self.store, self.article.id, assigned_to=self.assigned_to)
        )

    def previous_article(self) -> Article | None:
        """Go to the previous article (stay at the first one)."""
        return self.open(
            self.article
            and navigation.previous_article(
                self.store, self.article.id, assigned_to=self.assigned_to
            )
        )

    @writes
    def done_and_next(self) -> Article | None:
        """Mark the current article done and go to the next one not done."""
        if self.article is None:
            return None
        was_done = get_state(self.store, self.article.id, self.annotator).done
        if not was_done:  # a decision (audited, undoable) only when it changes something
            set_done(self.store, self.annotator, self.article.id, True)
        if not was_done and self._where is not None and self._where[0] == self.article.id:
            where = self._where[1]
            self._where = (self.article.id, dataclasses.replace(where, done=where.done + 1))
        following = navigation.next_not_done(
            self.store, self.annotator, self.article.id, assigned_to=self.assigned_to
        )
        return self.open(following) if following else self.reload()

    def upcoming(self) -> list[tuple[Article, tuple[int, int] | None]]:
        """The articles the next keys will likely open (`]`, and `space`'s next not done).

        Each comes with its first event's evidence span (None without events):
        the screen scrolls there first, so that is where to prepare the drawing.
        """
        if self.article is None:
            return []
        found: list[tuple[Article, tuple[int, int] | None]] = []
        for article in (
            navigation.next_article(self.store, self.article.id, assigned_to=self.assigned_to),
            navigation.next_not_done(
                self.store, self.annotator, self.article.id, assigned_to=self.assigned_to
            ),
        ):
            if article is None or any(article.id == seen.id for seen, _ in found):
                continue
            items = review_items(self.store, article.id, self.annotator)
            evidence = items[0].current.evidence if items else None
            found.append((article, (evidence.start, evidence.end) if evidence else None))
        return found

    def reload(self) -> Article | None:
        """Read the current article's events and decisions again."""
        if self.article is not None:
            self.items = review_items(self.store, self.article.id, self.annotator)
        return self.article

    def close(self) -> None:
        """Record the time spent on the current article (call when the app quits)."""
        self._record_time()

    def _record_time(self) -> None:
        if self.article is not None:
            spent = time.monotonic() - self._opened_at
            if spent > 0.05:
                self._unsaved_time[self.article.id] = (
                    self._unsaved_time.get(self.article.id, 0.0) + spent
                )
        self._opened_at = time.monotonic()
        # Bookkeeping must never stop the reviewer moving on: time a locked
        # database did not take is kept and added with the next article's.
        for article_id, seconds in list(self._unsaved_time.items()):
            try:
                add_time(self.store, self.annotator, article_id, round(seconds, 2))
            except (StoreError, SQLiteError):
                return
            del self._unsaved_time[article_id]

    # -- decisions -----------------------------------------------------------------

    @writes
    def accept(self, index: int) -> None:
        """Accept the event at `index` of the current article (committed on return)."""
        self._decide(index, "accepted")

    @writes
    def reject(self, index: int) -> None:
        """Reject the event at `index` of the current article (committed on return)."""
        self._decide(index, "rejected")

    def _decide(self, index: int, status: Verdict) -> None:
        if 0 <= index < len(self.items):
            decide(self.store, self.annotator, self.items[index].stored.id, status)
            self.reload()

    @writes
    def accept_all(self) -> list[str]:
        """Accept every pending event of the current article, as one undo step."""
        if self.article is None:
            return []
        accepted = accept_all(self.store, self.annotator, self.article.id)
        self.reload()
        return accepted

    @writes
    def correct(self, index: int, event: Event) -> None:
        """Record `event` as the correction of the event at `index` (committed on return).

        Raises db.decisions.DecisionError if the record does not fit the article.
        """
        if 0 <= index < len(self.items):
            decide(self.store, self.annotator, self.items[index].stored.id, "corrected", event)
            self.reload()

    @writes
    def add(self, event: Event) -> StoredEvent | None:
        """Store `event` as one this annotator adds to the current article (origin human).

        Committed on return; returns the stored event, or None without an
        article. Raises db.decisions.DecisionError if the record does not fit.
        """
        if self.article is None:
            return None
        stored = add_event(self.store, self.annotator, self.article.id, event)
        self.reload()
        return stored

    @writes
    def delete(self, index: int) -> bool:
        """Delete the event at `index` if this annotator added it; return whether it was.

        Machine events are never deleted (they are rejected instead): for them
        nothing is stored and False is returned.
        """
        if not 0 <= index < len(self.items):
            return False
        stored = self.items[index].stored
        if stored.added_by != self.annotator:
            return False
        delete_event(self.store, self.annotator, stored.id)
        self.reload()
        return True

    def comment(self) -> str | None:
        """The annotator's comment on the current article, if any."""
        if self.article is None:
            return None
        return get_state(self.store, self.article.id, self.annotator).comment

    @writes
    def set_comment(self, text: str | None) -> str | None:
        """Set the comment on the current article (blank clears it); return it as stored."""
        if self.article is None:
            return None
        return set_comment(self.store, self.annotator, self.article.id, text).comment

    @writes
    def toggle_flag(self) -> bool:
        """Flag the current article, or unflag it; return the new state."""
        if self.article is None:
            return False
        flagged = not get_state(self.store, self.article.id, self.annotator).flagged
        set_flagged(self.store, self.annotator, self.article.id, flagged)
        return flagged

    # -- incidents: links between reports of one incident -------------------------

    def links(self, index: int) -> list[LinkedReport]:
        """The other articles' reports linked to the event at `index`, as this reviewer
        curated them (db.incidents), best first."""
        if not 0 <= index < len(self.items):
            return []
        return linked_reports(self.store, self.annotator, self.items[index].stored.id)

    @writes
    def decide_link(self, index: int, other_id: str, status: LinkStatus) -> None:
        """Confirm or split the link between the event at `index` and `other_id`."""
        if 0 <= index < len(self.items):
            try:
                decide_link(
                    self.store, self.annotator, self.items[index].stored.id, other_id, status
                )
            except LinkDecisionError as error:
                raise DecisionError(str(error)) from error

    @writes
    def set_incident_figure(self, index: int, fatalities: int | None) -> None:
        """Set (None: clear) the fatalities of the incident of the event at `index`."""
        if 0 <= index < len(self.items):
            try:
                set_incident_figure(
                    self.store, self.annotator, self.items[index].stored.id, fatalities
                )
            except LinkDecisionError as error:
                raise DecisionError(str(error)) from error

    def incident_figure(self, index: int) -> int | None:
        """The fatalities this reviewer set for the incident of the event at `index` (one row
        read: the review screen asks on every move)."""
        if not 0 <= index < len(self.items):
            return None
        subject = {"figure": self.items[index].stored.id}
        figure: int | None = incident_state(self.store.conn, self.annotator, subject)["fatalities"]
        return figure

    def open_event(self, event_id: str) -> int | None:
        """Open the article holding `event_id`; return the event's row there (None if this
        reviewer does not see it)."""
        stored = get_event(self.store, event_id)
        if stored is None:
            return None
        self.open_id(stored.article_id)
        rows = [item.stored.id for item in self.items]
        return rows.index(event_id) if event_id in rows else None

    # -- drafts of the event form ------------------------------------------------

    def draft(self, target: str) -> dict[str, Any] | None:
        """The draft kept for `target` (an event id, or `new_target` of an article), if any."""
        return get_draft(self.store, self.annotator, target)

    def keep_draft(self, target: str, draft: dict[str, Any] | None) -> bool:
        """Keep (or, with None, drop) the draft for `target` on the current article.

        A database that cannot take the write now (another process holds the
        lock) is left alone: False, and the next change tries again.
        """
        if self.article is None:
            return False
        try:
            if draft is None:
                drop_draft(self.store, self.annotator, target)
            else:
                keep_draft(self.store, self.annotator, target, self.article.id, draft)
        except (StoreError, SQLiteError):
            return False
        return True

    def undecided(self) -> int:
        """How many events of the current article have no decision yet."""
        return sum(1 for item in self.items if item.decision is None)

    @writes
    def undo(self) -> UndoResult | None:
        """Undo the last decision, going back to its article if it was another one."""
        return self._step_back_or_forth(undo)

    @writes
    def redo(self) -> UndoResult | None:
        """Re-apply what the last undo took back, going to its article if it is another one."""
        return self._step_back_or_forth(redo)

    def _step_back_or_forth(
        self, step: Callable[[Store, str], UndoResult | None]
    ) -> UndoResult | None:
        result = step(self.store, self.annotator)
        if result is None:
            return None
        self._where = None  # an undo may take back a "done": count again
        if result.article_id and (self.article is None or result.article_id != self.article.id):
            self.open_id(result.article_id)
        else:
            self.reload()
        return result

    # -- what to show --------------------------------------------------------------

    def _position(self, article_id: str) -> navigation.Position:
        """The article's position, worked out from the last one known when there is one.

        The article count is the one read when the session first counted (or
        last counted again, after an undo).
        """
        if self._where is None:
            where = navigation.position(
                self.store, self.annotator, article_id, assigned_to=self.assigned_to
            )
        elif self._where[0] == article_id:
            where = self._where[1]
        else:
            where = navigation.position_after_move(
                self.store, self._where[0], article_id, self._where[1],
                assigned_to=self.assigned_to,
            )  # fmt: skip
        self._where = (article_id, where)
        return where

    def status(self) -> Status:
        """The figures of the status line."""
        if self.article is None:
            return Status(self.annotator, 0, 0, 0, 0, 0, False, False)
        where = self._position(self.article.id)
        state = get_state(self.store, self.article.id, self.annotator)
        decided = sum(1 for item in self.items if item.decision is not None)
        return Status(
            self.annotator, where.index, where.total, decided, len(self.items), where.done,
            state.done, state.flagged,
        )  # fmt: skip
