"""The adjudication screen: the review screen over the annotators' versions of each event.

It is the review screen (`ReviewScreen`) with an `AdjudicationSession`: the
article view, the events table, the status line, the wait for a locked
database, undo and redo, done, the form and its drafts are the review's.
What it adds:

- the events table lists *items* (one event as the annotators have it): a
  glyph for what the view holds (= agreed, ✓ taken, ✎ edited, ✗ dropped,
  + added by the adjudicator, ≠ versions that differ and wait), and where
  it came from;
- below it, every annotator's version of the selected item side by side, one
  row each, numbered; the fields on which the versions differ are lit (and
  named above the rows, for a screen without colour);
- digits 1-9 take annotator N's version, `x` drops the item, `e` edits it
  (from the version the view holds, else the first), `n` adds an event.

Agreed items are accepted into the view when the article is first opened
(`db.adjudication.pre_accept`); the screen says how many.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Static

from db.adjudication import Item
from extract.record import Event
from tui.adjudication_session import AdjudicationSession
from tui.layout.drawing import drawn_inline
from tui.layout.modes import DrawnMode
from tui.layout.sanitize import sanitize
from tui.screens.review import ReviewScreen, in_turn
from tui.widgets.article_view import ArticleView
from tui.widgets.events_table import (
    COLUMNS,
    Cell,
    EventsTable,
    event_cells,
    name_cell,
)

SHARED_ACTIONS = (
    "next_event", "previous_event", "edit_event", "new_event", "undo", "redo", "done",
    "next_article", "previous_article", "flag", "comment", "next_sentence",
    "previous_sentence", "cycle_mode", "find", "next_match", "drop_waiting", "quit",
)  # fmt: skip
"""The review screen's actions that adjudication keeps, with the review's keys and names."""

ITEM_GLYPHS = {
    "agreed": ("=", "green"),
    "taken": ("✓", "green"),
    "edited": ("✎", "yellow"),
    "dropped": ("✗", "red"),
    "added": ("+", "cyan"),
    "pending": ("≠", "bold magenta"),
}
"""How an item's row shows what the view holds of it."""
WAITING_AGREED = ("=", "dim")
"""An agreed item the view has not accepted yet (its article could not be written to)."""
DIFFERS = "bold black on yellow"
"""The style of a version's value that differs from another version's."""
FIELD_CELLS = {
    "sub_event_type": "sub_event_type",
    "actor1": "actors",
    "actor2": "actors",
    "place": "place",
    "date": "date",
    "fatalities": "counts",
    "injured": "counts",
}
"""The compared fields (extract.agreement.FIELD_LEVELS) and the cell each is shown in."""
FIELD_WORDS = {
    "sub_event_type": "type",
    "actor1": "attacker",
    "actor2": "target",
    "place": "place",
    "date": "date",
    "fatalities": "killed",
    "injured": "injured",
}
"""How the versions' title names a field on which they differ."""
VERSION_COLUMNS = ("#", *COLUMNS[1:], "annotator")
"""The versions list's column labels: the digit that takes a version, ..., whose it is."""
DROP_FIRST = (6, 7, 5)
"""Columns left out first when the pane is narrow: the extractor's confidence (nothing to
adjudicate), then where the row came from, then the date."""
MAX_VERSION_ROWS = 9
"""The versions list shows this many annotators before it scrolls."""


def item_cells(item: Item, shown: Event, mode: DrawnMode) -> list[Cell]:
    """The cells of an item's row: what the view holds, the event shown, where it came from."""
    glyph, style = ITEM_GLYPHS[item.state]
    if item.state == "pending" and item.agreed:
        glyph, style = WAITING_AGREED
    source = item.source or {}
    if item.state == "agreed":
        origin = "all"
    elif item.state == "taken":
        origin = str(source.get("taken", "?"))
    elif item.state == "edited":
        origin = f"{source.get('edited', '?')} ✎"
    elif item.state == "added":
        origin = "added"
    elif len(item.versions) == 1:
        origin = f"{next(iter(item.versions))} only"
    else:
        origin = f"{len(item.versions)} versions"
    return [Cell(glyph, style), *event_cells(shown, mode), name_cell(origin, mode)]


def version_cells(
    number: int, name: str, item: Item, differing: set[str], mode: DrawnMode
) -> list[Cell]:
    """The cells of annotator `number`'s version of the item, its `differing` fields lit."""
    version = item.versions.get(name)
    if version is None:
        blank = [Cell("")] * (len(COLUMNS) - 2)
        return [Cell(str(number), "dim"), Cell("(none)", "dim"), *blank, name_cell(name, mode)]
    lit = {FIELD_CELLS[field]: DIFFERS for field in differing}
    return [
        Cell(str(number), "bold"),
        *event_cells(version.event, mode, lit),
        name_cell(name, mode),
    ]


class AdjudicationScreen(ReviewScreen, inherit_bindings=False):
    """The main screen of `hadath adjudicate`."""

    DEFAULT_CSS = """
    AdjudicationScreen #side {
        width: 2fr;
    }
    AdjudicationScreen #side > #events {
        width: 100%;
        height: 1fr;
    }
    AdjudicationScreen #versions-title {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    AdjudicationScreen #side > #versions {
        height: 3;
    }
    AdjudicationScreen.-stacked #side {
        width: 100%;
        height: 50%;
    }
    AdjudicationScreen.-stacked #side > #events {
        height: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            binding
            for binding in ReviewScreen.BINDINGS
            if isinstance(binding, Binding) and binding.action.split("(")[0] in SHARED_ACTIONS
        ),
        *(
            Binding(
                str(number),
                f"take({number})",
                f"Take version {number}",
                show=number == 1,
                id=f"review.take_{number}",
            )
            for number in range(1, 10)
        ),
        Binding("x", "drop", "Drop", id="review.drop"),
    ]
    """The review's keys that adjudication keeps, then its own; remappable by their ids."""

    def __init__(self, session: AdjudicationSession, mode: DrawnMode, hint: str) -> None:
        """Adjudicate with `session`, drawing Arabic in RTL `mode` (hint says how)."""
        super().__init__(session, mode, hint)
        self.session: AdjudicationSession = session

    def compose(self) -> ComposeResult:
        """The status line; the items, and the selected one's versions, beside the article."""
        yield Static(id="status", markup=False)
        with Horizontal(id="body"):
            with Vertical(id="side"):
                yield EventsTable(id="events")
                yield Static(id="versions-title", markup=False)
                yield EventsTable(id="versions", cursor=False)
            yield ArticleView(mode=self.mode, id="article")
        yield Footer()

    @property
    def versions(self) -> EventsTable:
        """The selected item's versions, one row per annotator."""
        return self.query_one("#versions", EventsTable)

    # -- drawing -----------------------------------------------------------------------

    def show_article(self, row: int | None = None) -> None:
        """Show the article just opened; say how many agreed events were accepted."""
        super().show_article(row)
        session = self.session
        if session.pre_accept_failed:
            self.notify(
                "the database was busy: agreed events are accepted the next time this article"
                " opens",
                severity="warning",
                markup=False,
            )
        elif session.pre_accepted:
            events = "event" if session.pre_accepted == 1 else "events"
            self.notify(f"{session.pre_accepted} agreed {events} accepted (u undoes)", markup=False)
        session.pre_accepted, session.pre_accept_failed = 0, False

    def show_events(self, row: int) -> None:
        """Fill the items table (the versions follow the selection)."""
        session = self.session
        rows = [
            item_cells(item, shown.current, self.mode)
            for item, shown in zip(session.found, session.items, strict=True)
        ]
        ids = [shown.stored.id for shown in session.items]
        self.table.show_rows(rows, ids, self.mode, row, droppable=DROP_FIRST)

    def show_links(self) -> None:
        """Adjudication shows no incident links: they are each reviewer's own."""

    def show_selection(self) -> None:
        """Light the selected item's evidence; show its versions side by side."""
        super().show_selection()
        self.show_versions()

    def show_versions(self) -> None:
        """Every annotator's version of the selected item, what differs lit and named."""
        session = self.session
        title = self.query_one("#versions-title", Static)
        row = self.table.cursor_row
        item = session.found[row] if 0 <= row < len(session.found) else None
        if item is None or item.added:
            line = "no versions: an event you added" if item else "no events in this article"
            self.versions.show_rows([], [], self.mode)
        else:
            differs = item.differing()
            rows = [
                version_cells(number, name, item, differs, self.mode)
                for number, name in enumerate(session.annotators, 1)
            ]
            self.versions.show_rows(
                rows, session.annotators, self.mode, labels=VERSION_COLUMNS, droppable=DROP_FIRST
            )
            differing = [FIELD_WORDS[f] for f in FIELD_WORDS if f in differs]
            if item.agreed:
                line = "versions: all agree"
            elif len(item.versions) < len(session.annotators):
                missing = len(session.annotators) - len(item.versions)
                line = f"versions: {missing} without this event"
                if len(item.versions) > 1 and differing:
                    line += f" · differ in {', '.join(differing)}"
            else:
                line = f"versions differ in {', '.join(differing)}"
        count = min(MAX_VERSION_ROWS, max(1, len(session.annotators))) + 1
        self.versions.styles.height = count
        title.update(drawn_inline(sanitize(f"{line} · {session.legend()}")[0], self.mode))

    def _row_of(self, event_id: str) -> int | None:
        return self.session.row_of(event_id)

    def open_article_list(self) -> None:
        """The article list is the review's: here ] and [ walk the articles to adjudicate."""
        keys = f"{self._key_for('next_article')} and {self._key_for('previous_article')}"
        self.notify(f"{keys} walk the articles to adjudicate", markup=False)

    # -- keys --------------------------------------------------------------------------

    @in_turn
    def action_drop(self) -> None:
        """Leave the selected event out of the adjudicated view (withdraw it, if yours)."""
        row = self.table.cursor_row

        def shown(_: object) -> None:
            self.refresh_events(row + 1)
            self.notify("dropped from the adjudicated view", markup=False)

        self.save(lambda: self.session.drop(row), shown)

    @in_turn
    def action_take(self, number: int) -> None:
        """Take annotator `number`'s version of the selected event into the view."""
        row = self.table.cursor_row

        def shown(name: str) -> None:
            self.refresh_events(row + 1)
            self.notify(f"took {name}'s version", markup=False)

        self.save(lambda: self.session.take(row, number), shown)

    @in_turn
    def action_edit_event(self) -> None:
        """Open the form on the selected event as the view holds it (or its first version);
        saving makes the edited version the view's."""
        session = self.session
        row = self.table.cursor_row
        if session.article is None or not 0 <= row < len(session.found):
            self.notify("no event to edit (n adds one)", markup=False)
            return
        name, start = session.starting_version(row)
        target = session.items[row].stored.id
        origin = "your own event" if name is None else f"from {name}'s version"
        title = f"Adjudicate event {row + 1} of {len(session.found)}  ({origin})"

        def saved(event: Event) -> None:
            index = session.row_of(target)
            if index is None:
                self.notify("that event is no longer in this article", severity="error")
                return

            def shown(_: object) -> None:
                self.refresh_events(index)
                self.notify("edited version saved", markup=False)

            self.save(lambda: session.edit(index, name, event), shown)

        self.edit_in_form(start, target, title, saved)
