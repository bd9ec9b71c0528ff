"""The review screen: an article beside its events, one key per decision.

Every decision key calls the ReviewSession, which commits to the database
before returning; the screen then shows the stored state again
(`refresh_events`, or `show_article` when another article opens), so what
is shown as decided is on disk.

When another process holds the database's write lock, a write gives up after
the store's short busy timeout (the review app opens it with
`WRITE_WAIT_SECONDS`) instead of freezing the screen. The decision is kept
(a `WaitingWrite`), the status line says "waiting for the database", and a thread worker
(`tui.database_wait`) watches the lock on a connection of its own. When the
lock is free the screen writes the kept decision, and only then shows it as
saved. Keys pressed meanwhile are kept in order and run after it; escape drops
the kept decision and keys (nothing is stored); q asks for a second q.
"""

from __future__ import annotations

import asyncio
import functools
import subprocess
from collections import deque
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from db.articles import Article
from db.decisions import DecisionError, ReviewItem, UndoResult
from db.drafts import new_target
from db.events import StoredEvent
from db.link_decisions import LinkStatus
from db.search_folds import match_spans, start_folding
from extract.record import Event, Span
from tui.database_wait import PROBE_SECONDS, WaitingWrite, wait_until_writable
from tui.layout.drawing import drawn_inline
from tui.layout.modes import DrawnMode, next_mode, resolve
from tui.layout.sanitize import sanitize
from tui.screens.articles import ArticlesScreen
from tui.screens.comment import CommentScreen
from tui.screens.event_form import DEFAULT_SUB_EVENT_TYPE, EventForm
from tui.screens.figure import FigureScreen
from tui.screens.find import FindScreen
from tui.session import DatabaseBusy, ReviewSession
from tui.widgets.article_view import ArticleView
from tui.widgets.events_table import EventsTable
from tui.widgets.links_panel import LinksPanel

T = TypeVar("T")

WRITE_WAIT_SECONDS = 0.25
"""How long a write on the UI thread waits for another process's lock before the
screen keeps the decision and waits off the UI thread instead."""


ACTION_NAMES = {
    "link": "confirmed link",
    "split": "split link",
    "figure": "incident figure",
    "correct": "correction",
    "add": "added event",
    "delete": "deletion",
    "undone": "not done",
}
"""How an undo or redo names the reviewer's action, where its log name does not read well."""
MAX_COUNT = 999
"""The largest count a J or K takes."""
STACK_BELOW_COLUMNS = 110
"""Narrower than this, the events list goes above the article instead of beside it."""
FOLD_POLL_SECONDS = 0.2
"""How often the thread waiting on the folding process looks whether the screen has gone."""
PREPARE_AFTER_SECONDS = 0.05
"""How long after an article is shown the next ones are laid out: the new
article's frame and its messages come first."""


def in_turn(action: Callable[..., None]) -> Callable[..., None]:
    """Run a key's action, or keep it for later while a decision waits for the database.

    A kept key runs, in order, once the waiting decision is stored: its meaning
    (the next event, the next article) depends on that decision.
    """

    counted = action.__name__ in ("action_next_sentence", "action_previous_sentence")

    @functools.wraps(action)
    def run(screen: ReviewScreen, *args: Any) -> None:
        if not counted and screen.count:
            screen.count = 0  # a count applies to the sentence keys only
            screen.show_status()
        if screen.waiting:
            screen.kept_keys.append(functools.partial(action, screen, *args))
            screen.show_status()
            return
        action(screen, *args)

    return run


class ReviewScreen(Screen[None]):
    """The main screen of `hadath review`."""

    DEFAULT_CSS = """
    ReviewScreen ToastRack {
        align: left bottom;  /* over the events pane, never over the article's text */
    }
    ReviewScreen ToastHolder {
        align-horizontal: left;
    }
    ReviewScreen Toast {
        max-width: 40%;  /* the events pane's share (2fr of 5) */
    }
    ReviewScreen #status {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    ReviewScreen #status.-waiting {
        background: $warning;
        color: $text;
        text-style: bold;
    }
    ReviewScreen #events-pane {
        width: 2fr;
    }
    ReviewScreen #events {
        height: 1fr;
    }
    ReviewScreen #article {
        width: 3fr;
        border-left: solid $primary 40%;
    }
    ReviewScreen.-stacked #body {
        layout: vertical;
    }
    ReviewScreen.-stacked #events-pane {
        width: 100%;
        height: 35%;
    }
    ReviewScreen.-stacked #article {
        width: 100%;
        height: 1fr;
        border-left: none;
        border-top: solid $primary 40%;
    }
    ReviewScreen.-stacked Toast {
        max-width: 100%;
    }
    ReviewScreen.-stacked ToastRack {
        align: left top;  /* over the events list, above the article */
        dock: top;
        margin-top: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "next_event", "Next event", show=False, id="review.next_event"),
        Binding("k", "previous_event", "Previous event", show=False, id="review.previous_event"),
        Binding("a", "accept", "Accept", id="review.accept"),
        Binding("x", "reject", "Reject", id="review.reject"),
        Binding("e,enter", "edit_event", "Edit", id="review.edit_event"),
        Binding("n", "new_event", "New event", id="review.new_event"),
        Binding("d", "delete_event", "Delete added", show=False, id="review.delete_event"),
        Binding("A", "accept_all", "Accept all", show=False, id="review.accept_all"),
        Binding("u,ctrl+z", "undo", "Undo", id="review.undo"),
        Binding("U", "redo", "Redo", show=False, id="review.redo"),
        Binding("space", "done", "Done, next", id="review.done"),
        Binding(
            "right_square_bracket",
            "next_article",
            "Next article",
            show=False,
            id="review.next_article",
        ),
        Binding(
            "left_square_bracket",
            "previous_article",
            "Previous article",
            show=False,
            id="review.previous_article",
        ),
        Binding("f", "flag", "Flag", show=False, id="review.flag"),
        Binding(
            "l", "confirm_link", "Confirm link (one incident)", show=False, id="review.confirm_link"
        ),
        Binding(
            "s", "split_link", "Split link (not one incident)", show=False, id="review.split_link"
        ),
        Binding("o", "open_link", "Open the linked report", show=False, id="review.open_link"),
        Binding("L", "next_link", "Next linked report", show=False, id="review.next_link"),
        Binding(
            "F", "incident_figure", "Incident fatalities", show=False, id="review.incident_figure"
        ),
        Binding("c", "comment", "Comment", show=False, id="review.comment"),
        *(
            Binding(
                str(digit),
                f"count({digit})",
                "Count for J and K (5J: five sentences)",
                show=False,
                id="review.count",
            )
            for digit in range(10)
        ),
        Binding("J,ctrl+down", "next_sentence", "Next sentence", id="review.next_sentence"),
        Binding(
            "K,ctrl+up",
            "previous_sentence",
            "Previous sentence",
            show=False,
            id="review.previous_sentence",
        ),
        Binding("r", "cycle_mode", "RTL mode", id="review.cycle_mode"),
        Binding("ctrl+f", "find", "Find in article", show=False, id="review.find"),
        Binding("ctrl+g", "next_match", "Next search match", show=False, id="review.next_match"),
        Binding(
            "escape",
            "drop_waiting",
            "Drop the decision waiting for the database",
            show=False,
            id="review.drop_waiting",
        ),
        Binding("q", "quit", "Quit", id="review.quit"),
    ]
    """The review keys; a reviewer's keys file (tui/keymap.py) moves them by their ids."""

    class DatabaseWaited(Message):
        """Posted by the wait worker after each look at a database that is still locked."""

        def __init__(self, seconds: float) -> None:
            super().__init__()
            self.seconds = seconds

    class DatabaseFree(Message):
        """Posted by the wait worker when a write could start: time to store the kept decision."""

    def __init__(self, session: ReviewSession, mode: DrawnMode, hint: str) -> None:
        """Review with `session`, drawing Arabic in RTL `mode` (hint says how it was chosen)."""
        super().__init__()
        self.session = session
        self.mode = mode
        self.hint = hint
        self._waiting: WaitingWrite[Any] | None = None
        self._folding: subprocess.Popen[bytes] | None = None
        self._confirming_done: str | None = None
        self._last_find = ""
        self.count = 0
        """A count typed before J or K (digits), 0 for none."""
        """The last word found in an article (ctrl+f starts from it)."""
        """The article whose undecided events were just counted: the next `done` marks it."""
        self._quit_asked = False
        self._prepare_timer: Timer | None = None
        self.probe_seconds = PROBE_SECONDS
        """How often the wait worker looks at a locked database again."""
        self.kept_keys: deque[Callable[[], None]] = deque()
        """The actions of keys pressed while a decision waited for the database, in order."""
        self._matches: list[tuple[int, int]] = []
        """Where the search that opened this article matches it."""
        self._match: int | None = None
        """The match lit now; None while the selected event's evidence is lit."""
        self.listing: tuple[str, str] = ("all", "")
        """The article list's filter and search, kept from one opening to the next."""

    def compose(self) -> ComposeResult:
        """The status line, the events beside the article, the keys."""
        yield Static(id="status", markup=False)
        with Horizontal(id="body"):
            with Vertical(id="events-pane"):
                yield EventsTable(id="events")
                yield LinksPanel(id="links")
            yield ArticleView(mode=self.mode, id="article")
        yield Footer()

    @property
    def table(self) -> EventsTable:
        """The events table."""
        return self.query_one("#events", EventsTable)

    @property
    def article_view(self) -> ArticleView:
        """The view of the current article's text (the session's `article` is the article)."""
        return self.query_one(ArticleView)

    @property
    def waiting(self) -> bool:
        """Whether a decision is kept, waiting for another process to release the database."""
        return self._waiting is not None

    def on_resize(self, event: events.Resize) -> None:
        """Stack the events above the article when the screen is narrow; fit the status line."""
        self.set_class(event.size.width < STACK_BELOW_COLUMNS, "-stacked")
        if self.session.article is not None:
            self.show_status()

    def on_mount(self) -> None:
        """Open the first article not done and show it (stacked on a narrow screen)."""
        self.set_class(self.app.size.width < STACK_BELOW_COLUMNS, "-stacked")
        self.session.open_start()
        self.show_article()
        self.table.focus()
        self.notify(self.hint, timeout=4)
        self.fold_for_search()

    # -- storing ----------------------------------------------------------------------------

    def save(
        self, write: Callable[[], T], then: Callable[[T], None], failed: str = "not saved"
    ) -> None:
        """Store with `write` (a session call), then show the result with `then`.

        A write refused for a reason (a record that does not fit) is said as
        "`failed`: reason". A write that found the database locked is kept:
        the screen waits off the UI thread and stores it when it can, and
        `then` runs only after it is stored.
        """
        try:
            result = write()
        except DatabaseBusy:
            self._waiting = WaitingWrite(write, then, failed)
            self.show_status()
            self._wait_for_database()
            return
        except DecisionError as error:
            self.notify(f"{failed}: {error}", severity="error", markup=False, timeout=8)
            return
        then(result)

    @work(thread=True, exclusive=True, group="database-wait", exit_on_error=False)
    def _wait_for_database(self) -> None:
        worker = get_current_worker()
        free = wait_until_writable(
            self.session.store.path,
            stopped=lambda: worker.is_cancelled,
            waited=lambda seconds: self.post_message(self.DatabaseWaited(seconds)),
            probe_seconds=self.probe_seconds,
        )
        if free and not worker.is_cancelled:
            self.post_message(self.DatabaseFree())

    def on_review_screen_database_waited(self, message: DatabaseWaited) -> None:
        """Say how long the kept decision has waited."""
        if self._waiting is not None:
            self._waiting.waited = message.seconds
            self.show_status()

    def on_review_screen_database_free(self, message: DatabaseFree) -> None:
        """Store the kept decision now; then run the keys kept behind it."""
        waiting = self._waiting
        if waiting is None:
            return
        self._waiting = None
        self.save(waiting.write, waiting.then, waiting.failed)
        if self._waiting is None:
            self._quit_asked = False
            self.notify(f"saved after waiting {waiting.waited:.0f} s for the database")
            self.show_status()
            while self.kept_keys and self._waiting is None:
                self.kept_keys.popleft()()

    def action_drop_waiting(self) -> None:
        """Drop the decision waiting for the database, and the keys kept behind it."""
        if self._waiting is None:
            return
        self.workers.cancel_group(self, "database-wait")
        self._waiting = None
        self._quit_asked = False
        dropped = len(self.kept_keys)
        self.kept_keys.clear()
        self.refresh_events()
        self.notify(
            f"dropped the waiting decision{' and the keys kept behind it' if dropped else ''}:"
            " nothing of it was stored",
            severity="warning",
            markup=False,
        )

    # -- the article list ------------------------------------------------------------------

    def fold_for_search(self) -> None:
        """Fold for search the articles with no folded copy yet, in a process of its own
        (db.search_folds), unless one is at it.

        The process is started here, on the UI thread, so that two calls never
        start two; a thread worker waits for it. A process that cannot be
        started leaves the copies as they are: the search reads those articles
        as written (as it does when the database cannot take the writes now).
        """
        if self._folding is not None and self._folding.poll() is None:
            return
        try:
            process = self._folding = start_folding(self.session.store.path)
        except OSError:
            return
        self.run_worker(
            functools.partial(self._wait_for_folding, process), thread=True, group="folds",
            exit_on_error=False,
        )  # fmt: skip

    def _wait_for_folding(self, process: subprocess.Popen[bytes]) -> None:
        """Wait for the folding process; stop it if the screen goes away first."""
        worker = get_current_worker()
        while not worker.is_cancelled:
            try:
                process.wait(timeout=FOLD_POLL_SECONDS)
                return
            except subprocess.TimeoutExpired:
                continue
        _stop(process)

    def stop_folding(self) -> None:
        """Stop the folding process (what it stored stays; its open batch is rolled back)."""
        if self._folding is not None:
            _stop(self._folding)

    def on_unmount(self) -> None:
        """Leave no folding process behind."""
        self.stop_folding()

    def open_article_list(self) -> None:
        """Open the article list, search box focused; Enter there opens the article chosen.

        While a decision waits for the database the list stays closed, and
        the reviewer is told why: the article chosen would open before the
        decision is stored.
        """
        if self._waiting is not None:
            self.notify(
                "the last decision is waiting for the database: the list opens once it is"
                " saved (esc drops it)",
                severity="warning",
                markup=False,
            )
            return
        session = self.session
        current = session.article.id if session.article else None
        which, query = self.listing
        articles = ArticlesScreen(
            session.store, session.annotator, self.mode, which, query, current=current,
            assigned_to=session.assigned_to,
        )  # fmt: skip

        def chosen(article_id: str | None) -> None:
            self.listing = (articles.which, articles.query_text)
            if article_id is not None:
                session.open_id(article_id)
                self.show_article()
                self.show_matches(articles.query_text)

        self.fold_for_search()  # an import since the screen opened: fold its articles too
        self.app.push_screen(articles, chosen)

    # -- drawing -----------------------------------------------------------------------

    def show_article(self, row: int | None = None) -> None:
        """Show the session's article, just opened: its text, then its events from `row`.

        The cursor goes to the first event when `row` is None. Soon after,
        the articles the next keys will likely open are laid out.
        """
        self._matches, self._match = [], None
        article = self.session.article
        if article is not None:
            self.article_view.set_article(article.text, article_header(article))
        else:
            self.article_view.set_article("", None)
        self.refresh_events(0 if row is None else row)
        if self._prepare_timer is not None:
            self._prepare_timer.stop()
        self._prepare_timer = self.set_timer(PREPARE_AFTER_SECONDS, self._prepare_upcoming)

    def refresh_events(self, row: int | None = None) -> None:
        """Show the article's events as stored now, with the status line.

        The cursor goes to `row`, or stays where it is when `row` is None; the
        selected event's evidence is lit in the article.
        """
        keep = self.table.cursor_row if row is None else row
        if row is not None:  # a decision moved the cursor: its event's evidence, not a match
            self._match = None
        self.show_events(keep)
        self.show_selection()
        self.show_status()

    def show_events(self, row: int) -> None:
        """Fill the events table from the session, the cursor on `row`."""
        self.table.show(self.session.items, self.mode, row)

    def _prepare_upcoming(self) -> None:
        self._prepare_timer = None
        self.run_worker(self._prepare(), exclusive=True, group="prepare", exit_on_error=False)

    async def _prepare(self) -> None:
        """Lay out the articles the next keys will likely open, while the reviewer reads.

        Runs on the event loop in steps of about a paragraph, so a key pressed
        meanwhile waits for one step at most; `]` or `space` then draws an
        article that is already laid out.
        """
        for article, around in self.session.upcoming():
            steps = self.article_view.prefetch_steps(
                article.text, article_header(article), around=around
            )
            for _ in steps:
                await asyncio.sleep(0)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Notify as every widget does, Arabic in the message drawn in the screen's RTL mode."""
        super().notify(
            drawn_inline(message, self.mode),
            title=drawn_inline(title, self.mode),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def show_status(self) -> None:
        """Who, where, and how far; or, while a decision waits, that it waits."""
        status = self.query_one("#status", Static)
        waiting = self._waiting
        status.set_class(waiting is not None, "-waiting")
        if waiting is not None:
            line = (
                f"waiting for the database: another reviewer's process holds it"
                f" ({waiting.waited:.0f} s) · the last decision is not saved yet"
            )
            keys = len(self.kept_keys)
            if keys:
                line += f" · {keys} {'key' if keys == 1 else 'keys'} kept"
            line += " · esc drops it"
        else:
            line = self._status_line()
        # an Arabic name in the line is shaped and in visual order where it stands
        status.update(Text(drawn_inline(sanitize(line)[0], self.mode)), layout=False)

    def _status_line(self) -> str:
        """Who, where and how far, as much as the width holds; the help key always last."""
        s = self.session.status()
        help_key = f" · {self._key_for('help')} help"  # the key to every other key
        if s.total == 0:
            return f"{s.annotator} · no articles in this database (hadath import …)" + help_key
        line = f"{s.annotator} · article {s.index} of {s.total}"
        extras = [f"events {s.decided}/{s.events} decided", f"{s.done} done", f"RTL {self.mode}"]
        if s.article_done:
            extras.append("this article is done")
        if s.flagged:
            extras.append("flagged")
        if self.count:
            extras.insert(0, f"{self.count}×")  # a count waiting for J or K comes first
        room = self.size.width - 2  # the status line's padding
        for extra in extras:  # what does not fit is left out, so the help key is never cut
            if room and len(line) + len(extra) + 3 + len(help_key) > room:
                break
            line += f" · {extra}"
        return line + help_key

    def show_matches(self, query: str) -> None:
        """Light where the search `query` occurs in the article, the first one scrolled to.

        The matches stay lit until the reviewer moves to another event;
        `next_match` steps through them.
        """
        article = self.session.article
        self._matches = match_spans(article.text, query) if article and query.strip() else []
        self._match = 0 if self._matches else None
        self.show_selection()

    def show_selection(self) -> None:
        """Light the selected event's evidence in the article and scroll to it (or, after a
        search, the current match)."""
        view = self.article_view
        if self._match is not None:
            chosen = self._matches[self._match]
            view.set_highlights(chosen, [m for m in self._matches if m != chosen])
            view.scroll_to_span(*chosen)
            view.move_cursor_to(chosen[0])  # a new event there starts from that sentence
            return
        items = self.session.items
        row = self.table.cursor_row
        self.show_links()
        if not items or not 0 <= row < len(items):
            view.set_highlights(None, ())
            return
        spans = [(i.current.evidence.start, i.current.evidence.end) for i in items]
        selected = spans[row]
        view.set_highlights(selected, [s for i, s in enumerate(spans) if i != row])
        view.scroll_to_span(*selected)
        view.move_cursor_to(selected[0])  # the sentence cursor follows the selection

    @property
    def links_panel(self) -> LinksPanel:
        """The panel of the selected event's linked reports."""
        return self.query_one("#links", LinksPanel)

    def show_links(self) -> None:
        """Show the selected event's linked reports (this reviewer's own) and figure."""
        row = self.table.cursor_row
        keys = {
            name: self._key_for(name)
            for name in ("confirm_link", "split_link", "open_link", "next_link")
        }
        self.links_panel.show(
            self.session.links(row), self.mode, self.session.incident_figure(row), keys
        )

    def on_events_table_highlighted(self, message: EventsTable.Highlighted) -> None:
        """A new event was selected: show its evidence."""
        self.show_selection()

    def on_events_table_selected(self, message: EventsTable.Selected) -> None:
        """enter on an event (or a click on the selected one): edit it."""
        message.stop()
        self.action_edit_event()

    def selected(self) -> tuple[int, ReviewItem] | None:
        """The selected event's row and item, or None when the article has no events."""
        items = self.session.items
        row = self.table.cursor_row
        if not 0 <= row < len(items):
            return None
        return row, items[row]

    def _moved_from(self, article_id: str | None) -> bool:
        """Whether the session is now on another article than `article_id`."""
        return self.session.article is not None and self.session.article.id != article_id

    def _row_of(self, event_id: str) -> int | None:
        ids = [item.stored.id for item in self.session.items]
        return ids.index(event_id) if event_id in ids else None

    # -- keys --------------------------------------------------------------------------

    @in_turn
    def action_next_event(self) -> None:
        """Select the next event."""
        self._match = None
        row = self.table.cursor_row
        self.table.action_cursor_down()
        if self.table.cursor_row == row:  # no move, so no Highlighted message: light it here
            self.show_selection()

    @in_turn
    def action_previous_event(self) -> None:
        """Select the previous event."""
        self._match = None
        row = self.table.cursor_row
        self.table.action_cursor_up()
        if self.table.cursor_row == row:
            self.show_selection()

    def action_find(self) -> None:
        """Find a word in this article: its places lit, the sentence cursor on the first."""
        if self.session.article is None:
            return

        def found(query: str | None) -> None:
            if not query:
                return
            self._last_find = query
            self.show_matches(query)
            if not self._matches:
                self.notify(f"«{query}» is not in this article", markup=False)

        self.app.push_screen(FindScreen(self._last_find, self.mode), found)

    def action_next_match(self) -> None:
        """Light and scroll to the next place the last search matches in this article."""
        if not self._matches:
            self.notify("no search matches in this article (ctrl+f finds a word)", markup=False)
            return
        self._match = 0 if self._match is None else (self._match + 1) % len(self._matches)
        self.show_selection()

    @in_turn
    def action_accept(self) -> None:
        """Accept the selected event and move to the next one."""
        row = self.table.cursor_row
        self.save(lambda: self.session.accept(row), lambda _: self.refresh_events(row + 1))

    @in_turn
    def action_reject(self) -> None:
        """Reject the selected event and move to the next one."""
        row = self.table.cursor_row
        self.save(lambda: self.session.reject(row), lambda _: self.refresh_events(row + 1))

    @in_turn
    def action_accept_all(self) -> None:
        """Accept every pending event of the article."""

        def shown(accepted: list[str]) -> None:
            self.refresh_events()
            self.notify(f"accepted {len(accepted)} events")

        self.save(self.session.accept_all, shown)

    @in_turn
    def action_undo(self) -> None:
        """Undo the last decision (done included), going back to its article if needed."""
        self._step_back_or_forth(self.session.undo, "undid", "nothing to undo")

    @in_turn
    def action_redo(self) -> None:
        """Re-apply what the last undo took back, going to its article if needed."""
        self._step_back_or_forth(self.session.redo, "redid", "nothing to redo")

    def _step_back_or_forth(
        self, step: Callable[[], UndoResult | None], verb: str, nothing: str
    ) -> None:
        """Undo or redo with `step`, show the article it touched and say what and where."""
        before = self.session.article.id if self.session.article else None

        def shown(result: UndoResult | None) -> None:
            if result is None:
                self.notify(nothing, markup=False)
                return
            row = self._row_of(result.event_ids[0]) if result.event_ids else None
            if self._moved_from(before):
                self.show_article(row)
            else:
                self.refresh_events(row)
            self.notify(self._what_and_where(verb, result, row), markup=False)

        self.save(step, shown)

    def _key_for(self, action: str) -> str:
        """The key that runs `action` now, as the footer shows it (after the keys file)."""
        for active in self.active_bindings.values():
            if active.binding.action == action:
                return self.app.get_key_display(active.binding)
        return action

    def _what_and_where(self, verb: str, result: UndoResult, row: int | None) -> str:
        """ "undid accept of event 2 on article 3 of 5 (title)": what changed, and where."""
        action = ACTION_NAMES.get(result.action, result.action)
        what = f"{verb} {action}"
        if len(result.event_ids) > 1:
            what += f" of {len(result.event_ids)} events"
        elif row is not None:
            what += f" of event {row + 1}"
        status = self.session.status()
        where = f" on article {status.index} of {status.total}"
        title = self.session.article.title if self.session.article else None
        if title:
            where += f" ({title if len(title) <= 40 else title[:39] + '…'})"
        return what + where

    @in_turn
    def action_done(self) -> None:
        """Mark the article done and go to the next article not done; with events left
        undecided, say how many and wait for a second press."""
        article = self.session.article
        before = article.id if article else None
        undecided = self.session.undecided()
        if article is not None and undecided and self._confirming_done != article.id:
            self._confirming_done = article.id
            events = "event" if undecided == 1 else "events"
            key = self._key_for("done")
            self.notify(
                f"{undecided} {events} not decided yet: {key} again marks the article done",
                severity="warning",
                markup=False,
            )
            return
        self._confirming_done = None

        def shown(_: object) -> None:
            if self._moved_from(before):
                self.show_article()
            else:
                self.refresh_events()
                self.notify("every article is done")

        self.save(self.session.done_and_next, shown)

    @in_turn
    def action_next_article(self) -> None:
        """Go to the next article."""
        self.session.next_article()
        self.show_article()

    @in_turn
    def action_previous_article(self) -> None:
        """Go to the previous article."""
        self.session.previous_article()
        self.show_article()

    @in_turn
    def action_edit_event(self) -> None:
        """Open the form on the selected event; saving records a correction."""
        chosen = self.selected()
        if self.session.article is None or chosen is None:
            self.notify("no event to edit (n adds one)", markup=False)
            return
        row, item = chosen
        event_id = item.stored.id
        origin = (
            "added by you" if item.stored.added_by else f"machine, {item.stored.event.extractor}"
        )
        title = f"Edit event {row + 1} of {len(self.session.items)}  ({origin})"

        def saved(event: Event) -> None:
            if event == item.current:
                self.notify("no change: nothing stored", markup=False)
                return
            index = self._row_of(event_id)
            if index is None:
                self.notify(
                    "that event is no longer in this article", severity="error", markup=False
                )
                return

            def shown(_: object) -> None:
                self.refresh_events(index)
                self.notify("correction saved", markup=False)

            self.save(lambda: self.session.correct(index, event), shown)

        self.edit_in_form(item.current, event_id, title, saved)

    def edit_in_form(
        self, event: Event, target: str, title: str, saved: Callable[[Event], None]
    ) -> None:
        """Open the event form on `event` (with the draft kept for `target`, the event's id,
        if any); `saved` gets the event as saved, the draft dropped. Closed unsaved, what
        was typed stays a draft and the reviewer is told so."""
        article = self.session.article
        assert article is not None
        draft = self.session.draft(target)
        if draft is not None:
            title += "  · draft restored (ctrl+r reverts)"

        def closed(edited: Event | None) -> None:
            if edited is None:
                self._said_draft(form, self._key_for("edit_event"))
                return
            self.session.keep_draft(target, None)
            saved(edited)

        form = EventForm(
            event, article.text, title=title, mode=self.mode, draft=draft,
            keep=lambda kept: self.session.keep_draft(target, kept),
        )  # fmt: skip
        self.app.push_screen(form, closed)

    def _said_draft(self, form: EventForm, key: str) -> None:
        """After a form was closed without saving: say that what was typed is kept."""
        if form.changed:
            self.notify(f"draft kept: {key} reopens it, ctrl+r there reverts", markup=False)

    @in_turn
    def action_new_event(self) -> None:
        """Open the form on a new event whose evidence is the sentence under the article cursor."""
        article = self.session.article
        if article is None:
            self.notify("no article to add an event to", markup=False)
            return
        start, end = self.article_view.cursor_span
        if end <= start:
            self.notify("this article has no sentence to use as evidence", markup=False)
            return
        chosen = self.selected()
        sub = chosen[1].current.sub_event_type if chosen else DEFAULT_SUB_EVENT_TYPE
        target = new_target(article.id)
        draft = self.session.draft(target)
        evidence = draft.get("evidence") if draft else None
        if isinstance(evidence, list) and len(evidence) == 2:  # the draft's own sentence
            start, end = (int(evidence[0]), int(evidence[1]))
        template = Event(sub_event_type=sub, evidence=Span(start, end), origin="human")
        title = "New event" + ("  · draft restored (ctrl+r reverts)" if draft else "")

        def saved(event: Event | None) -> None:
            if event is None:
                self._said_draft(form, self._key_for("new_event"))
                return
            self.session.keep_draft(target, None)

            def shown(stored: StoredEvent | None) -> None:
                self.refresh_events(self._row_of(stored.id) if stored else None)
                self.notify("event added", markup=False)

            self.save(lambda: self.session.add(event), shown)

        # a new event is the extractor's miss: its place is what the reviewer types first
        form = EventForm(
            template, article.text, title=title, mode=self.mode, focus="place", draft=draft,
            keep=lambda kept: self.session.keep_draft(target, kept),
        )  # fmt: skip
        self.app.push_screen(form, saved)

    @in_turn
    def action_delete_event(self) -> None:
        """Delete the selected event if this reviewer added it (machine events are rejected)."""
        chosen = self.selected()
        if chosen is None:
            self.notify("no event to delete", markup=False)
            return
        row, item = chosen
        if item.stored.added_by is None:
            self.notify(
                "machine events are rejected with x, not deleted", severity="warning", markup=False
            )
            return

        def shown(deleted: bool) -> None:
            if deleted:
                self.refresh_events(row)
                self.notify("deleted the event you added (u brings it back)", markup=False)

        self.save(lambda: self.session.delete(row), shown, failed="not deleted")

    @in_turn
    def action_comment(self) -> None:
        """Edit the comment on the article; saving stores it."""
        if self.session.article is None:
            self.notify("no article to comment on", markup=False)
            return
        current = self.session.comment()

        def saved(text: str | None) -> None:
            if text is None:
                return
            if text == (current or ""):
                self.notify("comment unchanged", markup=False)
                return

            def shown(stored: str | None) -> None:
                self.show_status()
                self.notify("comment saved" if stored else "comment cleared", markup=False)

            self.save(lambda: self.session.set_comment(text), shown)

        self.app.push_screen(CommentScreen(current, mode=self.mode), saved)

    def action_count(self, digit: int) -> None:
        """Type a digit of a count: the next J or K moves that many sentences."""
        self.count = min(self.count * 10 + digit, MAX_COUNT)
        self.show_status()

    def _counted(self) -> int:
        """The count typed before a sentence key (1 without one), used up."""
        steps, self.count = max(1, self.count), 0
        self.show_status()
        return steps

    @in_turn
    def action_next_sentence(self) -> None:
        """Move the article's sentence cursor to the next sentence (or as many as counted)."""
        self.article_view.cursor += self._counted()

    @in_turn
    def action_previous_sentence(self) -> None:
        """Move the article's sentence cursor back a sentence (or as many as counted)."""
        self.article_view.cursor -= self._counted()

    def _chosen_link(self) -> tuple[int, str] | None:
        """The selected event's row and the chosen linked report's event id, or None (said)."""
        report = self.links_panel.current
        if report is None or self.selected() is None:
            self.notify(
                "no linked report for this event (hadath incidents proposes them)", markup=False
            )
            return None
        return self.table.cursor_row, report.link.other_id

    def _decide_link(self, status: LinkStatus, said: str) -> None:
        chosen = self._chosen_link()
        if chosen is None:
            return
        row, other = chosen

        def shown(_: object) -> None:
            self.show_links()
            self.notify(said, markup=False)

        self.save(lambda: self.session.decide_link(row, other, status), shown)

    @in_turn
    def action_confirm_link(self) -> None:
        """Confirm that the chosen linked report is of the selected event's incident."""
        self._decide_link("confirmed", "link confirmed: one incident")

    @in_turn
    def action_split_link(self) -> None:
        """Split the chosen linked report from the selected event: two incidents."""
        self._decide_link("split", "link split: not one incident")

    @in_turn
    def action_next_link(self) -> None:
        """Choose the next linked report of the selected event."""
        panel = self.links_panel
        if len(panel.reports) > 1:
            panel.chosen = (panel.chosen + 1) % len(panel.reports)

    @in_turn
    def action_open_link(self) -> None:
        """Open the chosen linked report's article at that event."""
        chosen = self._chosen_link()
        if chosen is None:
            return
        row = self.session.open_event(chosen[1])
        self.show_article(row)
        if row is None:
            self.notify("that report is not among your events any more", markup=False)

    @in_turn
    def action_incident_figure(self) -> None:
        """Set the fatalities of the selected event's incident (empty: the lowest reported)."""
        chosen = self.selected()
        if chosen is None:
            self.notify("no event selected", markup=False)
            return
        row = chosen[0]

        def typed(value: str | None) -> None:
            if value is None:
                return
            figure = int(value) if value.strip() else None

            def shown(_: object) -> None:
                self.show_links()
                self.notify(
                    "incident figure cleared" if figure is None else f"incident: {figure} killed",
                    markup=False,
                )

            self.save(lambda: self.session.set_incident_figure(row, figure), shown)

        self.app.push_screen(FigureScreen(self.session.incident_figure(row), self.mode), typed)

    @in_turn
    def action_flag(self) -> None:
        """Flag or unflag the article."""

        def shown(flagged: bool) -> None:
            self.show_status()
            self.notify("flagged" if flagged else "unflagged")

        self.save(self.session.toggle_flag, shown)

    def action_cycle_mode(self) -> None:
        """Draw Arabic in the next RTL mode."""
        self.mode, self.hint = resolve(next_mode(self.mode))
        self.article_view.mode = self.mode
        self.refresh_events()
        self.notify(self.hint, timeout=3)

    def action_quit(self) -> None:
        """Record the time spent and leave (asking first while a decision waits to be stored)."""
        if self._waiting is not None and not self._quit_asked:
            self._quit_asked = True
            self.notify(
                "the last decision is still waiting for the database and is not saved:"
                " q again quits without it",
                severity="warning",
                markup=False,
            )
            return
        self.workers.cancel_group(self, "database-wait")
        self.session.close()
        self.app.exit()


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a background process and reap it (nothing if it has ended)."""
    if process.poll() is None:
        process.terminate()
        process.wait()


def article_header(article: Article) -> str | None:
    """What the article pane shows above the text: the title, then the source, the
    publication date and the URL (None when the article has none of them)."""
    meta = " · ".join(part for part in (article.source, article.published, article.url) if part)
    if article.title and meta:
        return f"{article.title}\n{meta}"  # two rows: the title, then where and when
    return article.title or meta or None
