"""The review screen: an article beside its events, one key per decision.

Every decision key calls the ReviewSession, which commits to the database
before returning; the screen then redraws from the stored state, so what is
shown as decided is on disk.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from db.decisions import DecisionError, ReviewItem
from extract.record import Event, Span
from tui.layout.modes import next_mode, resolve
from tui.layout.sanitize import sanitize
from tui.screens.comment import CommentScreen
from tui.screens.event_form import DEFAULT_SUB_EVENT_TYPE, EventForm
from tui.session import ReviewSession
from tui.widgets.article_view import ArticleView
from tui.widgets.events_table import EventsTable


def _shown(action: Callable[[ReviewScreen], None]) -> Callable[[ReviewScreen], None]:
    """Run a key's action; a decision that could not be stored is said, not raised."""

    @functools.wraps(action)
    def run(screen: ReviewScreen) -> None:
        try:
            action(screen)
        except DecisionError as error:
            screen.notify(str(error), severity="error", markup=False, timeout=8)

    return run


class ReviewScreen(Screen[None]):
    """The main screen of `hadath review`."""

    DEFAULT_CSS = """
    ReviewScreen #status {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    ReviewScreen #events {
        width: 2fr;
    }
    ReviewScreen #article {
        width: 3fr;
        border-left: solid $primary 40%;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "next_event", "Next event", show=False),
        Binding("k", "previous_event", "Previous event", show=False),
        Binding("a", "accept", "Accept"),
        Binding("x", "reject", "Reject"),
        Binding("e,enter", "edit_event", "Edit"),
        Binding("n", "new_event", "New event"),
        Binding("d", "delete_event", "Delete added"),
        Binding("A", "accept_all", "Accept all"),
        Binding("u,ctrl+z", "undo", "Undo"),
        Binding("space", "done", "Done, next"),
        Binding("right_square_bracket", "next_article", "Next article"),
        Binding("left_square_bracket", "previous_article", "Previous article"),
        Binding("f", "flag", "Flag"),
        Binding("c", "comment", "Comment"),
        Binding("ctrl+down,J", "next_sentence", "Next sentence", show=False),
        Binding("ctrl+up,K", "previous_sentence", "Previous sentence", show=False),
        Binding("r", "cycle_mode", "RTL mode"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, session: ReviewSession, mode: str, hint: str) -> None:
        """Review with `session`, drawing Arabic in RTL `mode` (hint says how it was chosen)."""
        super().__init__()
        self.session = session
        self.mode = mode
        self.hint = hint

    def compose(self) -> ComposeResult:
        """The status line, the events beside the article, the keys."""
        yield Static(id="status", markup=False)
        with Horizontal():
            yield EventsTable(id="events")
            yield ArticleView(mode=self.mode, id="article")
        yield Footer()

    @property
    def table(self) -> EventsTable:
        """The events table."""
        return self.query_one(EventsTable)

    @property
    def article(self) -> ArticleView:
        """The article view."""
        return self.query_one(ArticleView)

    def on_mount(self) -> None:
        """Open the first article not done and show it."""
        self.session.open_start()
        self.redraw(new_article=True)
        self.table.focus()
        self.notify(self.hint, timeout=4)

    # -- drawing -----------------------------------------------------------------------

    def redraw(self, new_article: bool = False, row: int | None = None) -> None:
        """Show the session's current article, its events and the status line."""
        article = self.session.article
        keep = self.table.cursor_row if row is None else row
        if new_article:
            keep = 0 if row is None else row
            if article is not None:
                self.article.set_article(article.text, article.title)
            else:
                self.article.set_article("", None)
        self.table.show(self.session.items, self.mode, keep)
        self.show_selection()
        self.show_status()

    def show_status(self) -> None:
        """Who, where, and how far."""
        s = self.session.status()
        if s.total == 0:
            line = f"{s.annotator} · no articles in this database (hadath import …)"
        else:
            line = (
                f"{s.annotator} · article {s.index} of {s.total} · events {s.decided}/{s.events}"
                f" decided · {s.done} done · RTL {self.mode}"
            )
            if s.article_done:
                line += " · this article is done"
            if s.flagged:
                line += " · flagged"
        self.query_one("#status", Static).update(Text(sanitize(line)[0]))

    def show_selection(self) -> None:
        """Light the selected event's evidence in the article and scroll to it."""
        items = self.session.items
        row = self.table.cursor_row
        if not items or not 0 <= row < len(items):
            self.article.set_highlights(None, ())
            return
        spans = [(i.current.evidence.start, i.current.evidence.end) for i in items]
        selected = spans[row]
        self.article.set_highlights(selected, [s for i, s in enumerate(spans) if i != row])
        self.article.scroll_to_span(*selected)

    def on_data_table_row_highlighted(self, message: DataTable.RowHighlighted) -> None:
        """A new event was selected: show its evidence."""
        self.show_selection()

    def on_data_table_row_selected(self, message: DataTable.RowSelected) -> None:
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

    def _row_of(self, event_id: str) -> int | None:
        ids = [item.stored.id for item in self.session.items]
        return ids.index(event_id) if event_id in ids else None

    # -- keys --------------------------------------------------------------------------

    def action_next_event(self) -> None:
        """Select the next event."""
        self.table.action_cursor_down()

    def action_previous_event(self) -> None:
        """Select the previous event."""
        self.table.action_cursor_up()

    @_shown
    def action_accept(self) -> None:
        """Accept the selected event and move to the next one."""
        row = self.table.cursor_row
        self.session.accept(row)
        self.redraw(row=row + 1)

    @_shown
    def action_reject(self) -> None:
        """Reject the selected event and move to the next one."""
        row = self.table.cursor_row
        self.session.reject(row)
        self.redraw(row=row + 1)

    @_shown
    def action_accept_all(self) -> None:
        """Accept every pending event of the article."""
        accepted = self.session.accept_all()
        self.redraw()
        self.notify(f"accepted {len(accepted)} events")

    @_shown
    def action_undo(self) -> None:
        """Undo the last decision, going back to its article if needed."""
        before = self.session.article.id if self.session.article else None
        result = self.session.undo()
        if result is None:
            self.notify("nothing to undo")
            return
        moved = self.session.article is not None and self.session.article.id != before
        ids = [item.stored.id for item in self.session.items]
        row = ids.index(result.event_ids[0]) if result.event_ids[0] in ids else None
        self.redraw(new_article=moved, row=row)
        self.notify(f"undid {result.action}")

    @_shown
    def action_done(self) -> None:
        """Mark the article done and go to the next article not done."""
        before = self.session.article.id if self.session.article else None
        self.session.done_and_next()
        moved = self.session.article is not None and self.session.article.id != before
        self.redraw(new_article=moved)
        if not moved:
            self.notify("every article is done")

    def action_next_article(self) -> None:
        """Go to the next article."""
        self.session.next_article()
        self.redraw(new_article=True)

    def action_previous_article(self) -> None:
        """Go to the previous article."""
        self.session.previous_article()
        self.redraw(new_article=True)

    def action_edit_event(self) -> None:
        """Open the form on the selected event; saving records a correction."""
        article = self.session.article
        chosen = self.selected()
        if article is None or chosen is None:
            self.notify("no event to edit (n adds one)", markup=False)
            return
        row, item = chosen
        event_id = item.stored.id
        origin = (
            "added by you" if item.stored.added_by else f"machine, {item.stored.event.extractor}"
        )
        title = f"Edit event {row + 1} of {len(self.session.items)}  ({origin})"

        def saved(event: Event | None) -> None:
            if event is None:
                return
            if event == item.current:
                self.notify("no change: nothing stored", markup=False)
                return
            index = self._row_of(event_id)
            if index is None:
                self.notify(
                    "that event is no longer in this article", severity="error", markup=False
                )
                return
            try:
                self.session.correct(index, event)
            except DecisionError as error:
                self.notify(f"not saved: {error}", severity="error", markup=False)
                return
            self.redraw(row=index)
            self.notify("correction saved", markup=False)

        form = EventForm(item.current, article.text, title=title, mode=self.mode)
        self.app.push_screen(form, saved)

    def action_new_event(self) -> None:
        """Open the form on a new event whose evidence is the sentence under the article cursor."""
        article = self.session.article
        if article is None:
            self.notify("no article to add an event to", markup=False)
            return
        start, end = self.article.cursor_span
        if end <= start:
            self.notify("this article has no sentence to use as evidence", markup=False)
            return
        chosen = self.selected()
        sub = chosen[1].current.sub_event_type if chosen else DEFAULT_SUB_EVENT_TYPE
        template = Event(sub_event_type=sub, evidence=Span(start, end), origin="human")

        def saved(event: Event | None) -> None:
            if event is None:
                return
            try:
                stored = self.session.add(event)
            except DecisionError as error:
                self.notify(f"not saved: {error}", severity="error", markup=False)
                return
            self.redraw(row=self._row_of(stored.id) if stored else None)
            self.notify("event added", markup=False)

        form = EventForm(template, article.text, title="New event", mode=self.mode)
        self.app.push_screen(form, saved)

    @_shown
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
        try:
            deleted = self.session.delete(row)
        except DecisionError as error:
            self.notify(f"not deleted: {error}", severity="error", markup=False)
            return
        if deleted:
            self.redraw(row=row)
            self.notify("deleted the event you added (u brings it back)", markup=False)

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
            stored = self.session.set_comment(text)
            self.show_status()
            self.notify("comment saved" if stored else "comment cleared", markup=False)

        self.app.push_screen(CommentScreen(current), saved)

    def action_next_sentence(self) -> None:
        """Move the article's sentence cursor to the next sentence."""
        self.article.action_next_sentence()

    def action_previous_sentence(self) -> None:
        """Move the article's sentence cursor to the previous sentence."""
        self.article.action_previous_sentence()

    @_shown
    def action_flag(self) -> None:
        """Flag or unflag the article."""
        flagged = self.session.toggle_flag()
        self.show_status()
        self.notify("flagged" if flagged else "unflagged")

    def action_cycle_mode(self) -> None:
        """Draw Arabic in the next RTL mode."""
        self.mode, self.hint = resolve(next_mode(self.mode))
        self.article.mode = self.mode
        self.redraw()
        self.notify(self.hint, timeout=3)

    def action_quit(self) -> None:
        """Record the time spent and leave."""
        self.session.close()
        self.app.exit()
