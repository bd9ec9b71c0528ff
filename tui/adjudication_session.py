"""The adjudicator's session: the articles two or more annotators finished, each as items
of the annotators' versions, and every adjudication key's effect on the adjudicated view.

It is the review session (`tui.session.ReviewSession`) working under the
view's name (`db.decisions.ADJUDICATED`): time spent, done, flag, comment,
undo and redo, drafts of the form and the wait for a locked database are the
review's own, so the adjudication keeps every guarantee of the review (each
key one transaction, audited, undoable, nothing lost on a kill). What
changes is which articles are walked (`db.adjudication.articles_to_adjudicate`,
read once when the session starts) and what a row is: an item
(`db.adjudication.Item`) with every annotator's version, whose decisions are
`take`, `edit`, `drop` and `add`, each recording which version it came from.

`items` keeps the review session's shape (one `ReviewItem` per row: the
event the view holds, or the first annotator's version while pending) so
that the review screen's parts (evidence lighting, the new-event template)
work on it unchanged; `found` holds the items themselves.
"""

from __future__ import annotations

from db import adjudication
from db.adjudication import Item
from db.articles import Article, get_article
from db.decisions import ADJUDICATED, DecisionError, ReviewItem, get_state, set_done
from db.events import StoredEvent
from db.store import SQLiteError, Store, StoreError
from extract.record import Event
from tui.session import ReviewSession, Status, writes


class AdjudicationSession(ReviewSession):
    """One adjudicator's work on the adjudicated view of one database."""

    def __init__(
        self, store: Store, adjudicator: str, article_ids: list[str] | None = None
    ) -> None:
        """Adjudicate as `adjudicator` the `article_ids` (found in `store` when not given)."""
        super().__init__(store, ADJUDICATED)
        self.assigned_to = None  # assignments say who reviews, not what is adjudicated
        self.adjudicator = adjudicator
        self.article_ids = (
            adjudication.articles_to_adjudicate(store) if article_ids is None else article_ids
        )
        """The articles to adjudicate, in review order, as they were when the session began."""
        self.found: list[Item] = []
        """The current article's items, one per row."""
        self.annotators: list[str] = []
        """Who finished the current article, by name: annotator N is `annotators[N - 1]`."""
        self.pre_accepted = 0
        """How many agreed events opening the current article accepted into the view."""
        self.pre_accept_failed = False
        """Whether pre-accepting found the database locked (tried again at the next opening)."""

    # -- moving between articles -------------------------------------------------

    def open(self, article: Article | None) -> Article | None:
        """Make `article` current, accepting its agreed items on its first opening."""
        if article is not None:
            self.pre_accepted, self.pre_accept_failed = 0, False
            try:
                self.pre_accepted = adjudication.pre_accept(
                    self.store, self.adjudicator, article.id
                )
            except (StoreError, SQLiteError):
                self.pre_accept_failed = True
        return super().open(article)

    def _article_at(self, index: int) -> Article | None:
        if 0 <= index < len(self.article_ids):
            return get_article(self.store, self.article_ids[index])
        return None

    def _index(self) -> int:
        if self.article is None or self.article.id not in self.article_ids:
            return -1
        return self.article_ids.index(self.article.id)

    def _done_ids(self) -> set[str]:
        rows = self.store.db.execute(
            "SELECT article_id FROM article_state WHERE annotator = ? AND done = 1", [ADJUDICATED]
        ).fetchall()
        return {row[0] for row in rows}

    def _next_not_done(self, after: int) -> Article | None:
        """The next article not adjudicated yet after position `after`, wrapping around."""
        done = self._done_ids()
        count = len(self.article_ids)
        for step in range(1, count + 1):
            index = (after + step) % count
            if self.article_ids[index] not in done:
                return self._article_at(index)
        return None

    def open_start(self) -> Article | None:
        """Open the first article not adjudicated yet (the first one when all are)."""
        return self.open(self._next_not_done(-1) or self._article_at(0))

    def next_article(self) -> Article | None:
        """Go to the next article to adjudicate (stay at the last one)."""
        return self.open(self._article_at(self._index() + 1))

    def previous_article(self) -> Article | None:
        """Go to the previous article to adjudicate (stay at the first one)."""
        index = self._index()
        return self.open(self._article_at(index - 1) if index > 0 else None)

    @writes
    def done_and_next(self) -> Article | None:
        """Mark the article adjudicated and go to the next one not adjudicated yet."""
        if self.article is None:
            return None
        if not get_state(self.store, self.article.id, ADJUDICATED).done:
            set_done(self.store, ADJUDICATED, self.article.id, True)
        following = self._next_not_done(self._index())
        return self.open(following) if following else self.reload()

    def upcoming(self) -> list[tuple[Article, tuple[int, int] | None]]:
        """The next article in the walk, to be laid out while the adjudicator reads."""
        article = self._article_at(self._index() + 1)
        if article is None:
            return []
        found = adjudication.items(self.store, article.id)
        evidence = _shown_event(found[0]).evidence if found else None
        return [(article, (evidence.start, evidence.end) if evidence else None)]

    def reload(self) -> Article | None:
        """Read the current article's items again."""
        if self.article is not None:
            self.annotators = adjudication.finishers(self.store, self.article.id)
            self.found = adjudication.items(self.store, self.article.id, self.annotators)
            self.items = [_row_item(self.article.id, item) for item in self.found]
        return self.article

    # -- decisions -----------------------------------------------------------------

    def annotator_of(self, number: int) -> str | None:
        """The annotator a digit names (1 the first), None past the last."""
        return self.annotators[number - 1] if 1 <= number <= len(self.annotators) else None

    @writes
    def take(self, index: int, number: int) -> str:
        """Make annotator `number`'s version of the item at `index` the view's; whose it was.

        Raises DecisionError when there is no such annotator or they have no
        version of the item.
        """
        item = self._item(index)
        name = self.annotator_of(number)
        if name is None:
            raise DecisionError(f"there is no annotator {number} here ({self.legend()})")
        if item.added:
            raise DecisionError("this event is your own: e edits it, x withdraws it")
        adjudication.take(self.store, self.adjudicator, item, name)
        self.reload()
        return name

    def starting_version(self, index: int) -> tuple[str | None, Event]:
        """What an edit of the item at `index` starts from: the annotator whose version the
        view holds (the first annotator's while pending; None for the adjudicator's own
        event) and the event as the view holds it."""
        item = self._item(index)
        if item.view_event is not None:
            source = item.source or {}
            taken = source.get("taken") or source.get("edited")
            if item.added or taken in item.versions:
                return (None if item.added else taken), item.view_event
        name, version = next(iter(item.versions.items()))
        return name, item.view_event or version.event

    @writes
    def edit(self, index: int, annotator: str | None, event: Event) -> None:
        """Make `event`, edited from `annotator`'s version, the view's; taking the version
        itself when the edit changed nothing of it."""
        item = self._item(index)
        version = item.versions.get(annotator) if annotator is not None else None
        if annotator is not None and version is not None and event == version.event:
            adjudication.take(self.store, self.adjudicator, item, annotator)
            self.reload()
            return
        adjudication.edit(self.store, self.adjudicator, item, annotator, event)
        self.reload()

    @writes
    def drop(self, index: int) -> None:
        """Leave the item at `index` out of the view (withdraw it, if the adjudicator's)."""
        adjudication.drop(self.store, self.adjudicator, self._item(index))
        self.reload()

    @writes
    def add(self, event: Event) -> StoredEvent | None:
        """Add an event no annotator has to the view."""
        if self.article is None:
            return None
        stored = adjudication.add(self.store, self.adjudicator, self.article.id, event)
        self.reload()
        return stored

    def _item(self, index: int) -> Item:
        if not 0 <= index < len(self.found):
            raise DecisionError("no event selected")
        return self.found[index]

    # -- what to show --------------------------------------------------------------

    def legend(self) -> str:
        """Which digit takes whose version: "1 layla · 2 omar"."""
        return " · ".join(f"{n} {name}" for n, name in enumerate(self.annotators, 1))

    def row_of(self, event_id: str) -> int | None:
        """The row of the item that `event_id` is a version of (or the view's own event)."""
        for row, item in enumerate(self.found):
            if event_id == item.view_id or event_id in item.event_ids:
                return row
        return None

    def undecided(self) -> int:
        """How many items of the current article the view has not decided yet."""
        return sum(1 for item in self.found if item.state == "pending")

    def status(self) -> Status:
        """The figures of the status line, over the articles to adjudicate."""
        who = f"{self.adjudicator} adjudicating"
        if self.article is None:
            return Status(who, 0, 0, 0, 0, 0, False, False)
        state = get_state(self.store, self.article.id, ADJUDICATED)
        done = self.store.db.execute(  # only an article to adjudicate is marked by the view
            "SELECT count(*) FROM article_state WHERE annotator = ? AND done = 1", [ADJUDICATED]
        ).fetchone()[0]
        decided = len(self.found) - self.undecided()
        return Status(
            who, self._index() + 1, len(self.article_ids), decided, len(self.found), done,
            state.done, state.flagged,
        )  # fmt: skip


def _shown_event(item: Item) -> Event:
    """The event an item's row shows: the view's, else the first annotator's version."""
    if item.view_event is not None:
        return item.view_event
    return next(iter(item.versions.values())).event


def _row_item(article_id: str, item: Item) -> ReviewItem:
    """The item as the review screen's parts see a row: the event it shows, undecided."""
    event = _shown_event(item)
    if item.added:
        assert item.view_id is not None
        return ReviewItem(StoredEvent(item.view_id, article_id, event, ADJUDICATED, ""), None)
    first = next(iter(item.versions.values()))
    stored = first.stored
    return ReviewItem(
        StoredEvent(item.view_id or first.event_id, article_id, event, stored.added_by,
                    stored.created_at, stored.seq),
        None,
    )  # fmt: skip
