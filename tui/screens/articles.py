"""The article list: find an article by state or by a word in it, and open it for review.

A modal screen over the review screen. `1`, `2`, `3` show the articles not
done, flagged, or all of them; the search box (focused by `/`) keeps those
whose title or text contains what is typed (see db/listing.py for how it
matches). Enter on a row dismisses the screen with that article's id, escape
with None. Rows are read 200 at a time: the next page is read when the cursor
or the scroll position nears the end of what is loaded, so a database of
100,000 articles opens the list as fast as a small one.

The filters are indexed queries, run at once. A search reads the text of
every article until a page is full (seconds on 100,000 long articles when
the word is rare), so it runs in a worker thread on a connection of its own:
the screen stays responsive, typing more interrupts the search under way
(`Store.interrupt`), and the count of matches follows the first
page when it takes another scan.

Every cell is a `rich.text.Text` of plain strings (titles are untrusted), and
Arabic titles are drawn by the layout engine in the review screen's RTL mode.
"""

from __future__ import annotations

import contextlib
import threading
import unicodedata
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Input, Static
from textual.worker import get_current_worker

from db.listing import (
    DEFAULT_LIMIT,
    FILTERS,
    ArticleRow,
    count_articles_matching,
    list_articles,
)
from db.store import SQLiteError, Store, StoreError, open_store
from tui.layout.drawing import drawn
from tui.layout.modes import DrawnMode
from tui.layout.sanitize import sanitize
from tui.widgets.rtl_input import RtlInput

LABEL_CELLS = 60
SEARCH_DELAY = 0.3
"""Seconds of no typing before the list follows the search box (Enter searches at once)."""
NEAR_END = 20
"""Rows from the end of what is loaded at which the next page is read."""
COLUMNS = ("№", "article", "published", "state", "events")


def right_to_left(text: str) -> bool:
    """Whether the first strong character of `text` is right-to-left (Arabic, Hebrew...)."""
    for character in text:
        direction = unicodedata.bidirectional(character)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def row_cells(row: ArticleRow, mode: DrawnMode) -> list[Text]:
    """The cells of one article's row: position, label, date, state, decided/events."""
    label = row.label if len(row.label) <= LABEL_CELLS else row.label[: LABEL_CELLS - 1] + "…"
    state = Text()
    if row.done:
        state.append("✓ done", style="green")
    if row.flagged:
        state.append(" ⚑" if row.done else "⚑", style="yellow")
    published = sanitize(row.published or "")[0][:10]
    return [
        Text(str(row.seq), justify="right"),
        Text(drawn(label, mode), justify="right" if right_to_left(label) else "left"),
        Text(published),
        state,
        Text(f"{row.decided}/{row.events}", justify="right"),
    ]


class ArticlesScreen(ModalScreen[str | None]):
    """The articles of the database for one annotator, filtered and searched."""

    DEFAULT_CSS = """
    ArticlesScreen {
        align: center middle;
    }
    ArticlesScreen #articles-panel {
        height: 1fr;
        margin: 1 2 0 2;
        border: round $primary;
        background: $surface;
    }
    ArticlesScreen #articles-heading {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    ArticlesScreen #articles {
        height: 1fr;
    }
    """

    AUTO_FOCUS = "#search"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("1", "show('not done')", "Not done"),
        Binding("2", "show('flagged')", "Flagged"),
        Binding("3", "show('all')", "All"),
        Binding("slash", "focus_search", "Search"),
        Binding("down", "focus_list", "List", show=False),
    ]

    class Found(Message):
        """A search worker's page of rows (or its failure, as an error sentence)."""

        def __init__(
            self, generation: int, rows: list[ArticleRow], append: bool, error: str | None = None
        ) -> None:
            super().__init__()
            self.generation = generation
            self.rows = rows
            self.append = append
            self.error = error

    class Counted(Message):
        """A search worker's count of all the matching articles."""

        def __init__(self, generation: int, total: int) -> None:
            super().__init__()
            self.generation = generation
            self.total = total

    def __init__(
        self,
        store: Store,
        annotator: str,
        mode: DrawnMode = "app",
        which: str = "all",
        query: str = "",
        current: str | None = None,
        page_size: int = DEFAULT_LIMIT,
        assigned_to: str | None = None,
    ) -> None:
        """List `store`'s articles for `annotator`, drawn in RTL `mode`, starting at a filter.

        `current` is the article under review: the cursor starts on it when
        it is on the first page. With `assigned_to`, only that annotator's
        assigned articles are listed.
        """
        super().__init__()
        self.store = store
        self.annotator = annotator
        self.assigned_to = assigned_to
        self.mode = mode
        self.which = which if which in FILTERS else "all"
        self.query_text = query
        self.current = current
        self.page_size = page_size
        self.rows: list[ArticleRow] = []
        self.total: int | None = 0
        """How many articles match; None while a search is still counting."""
        self.complete = True
        """Whether every matching article is loaded."""
        self.searching: str | None = None
        """What a search worker is reading: "rows" (a new list), "more" (the next page), or None."""
        self.error: str | None = None
        self._generation = 0
        self._keep: str | None = None
        self._search_timer: Timer | None = None
        self._lock = threading.Lock()
        self._searches: dict[int, Store] = {}

    def compose(self) -> ComposeResult:
        """The heading, the search box, the list and the keys."""
        with Vertical(id="articles-panel"):
            yield Static(id="articles-heading", markup=False)
            yield RtlInput(
                self.query_text,
                mode=self.mode,
                placeholder="search titles and text (enter: to the list, esc: back)",
                id="search",
            )
            yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Footer()

    @property
    def table(self) -> DataTable[Text]:
        """The list of articles."""
        return self.query_one("#articles", DataTable)

    @property
    def search(self) -> Input:
        """The search box."""
        return self.query_one("#search", Input)

    @property
    def searched(self) -> str | None:
        """The search in effect, or None."""
        return self.query_text.strip() or None

    def on_mount(self) -> None:
        """Set up the columns, read the first page and follow scrolling."""
        for label in COLUMNS:
            self.table.add_column(Text(label), key=label)
        self.watch(self.table, "scroll_y", self._scrolled, init=False)
        self.reload(keep=self.current)

    def on_unmount(self) -> None:
        """Stop any search under way (its worker closes its own connection)."""
        self._generation += 1
        self._interrupt()

    # -- reading rows ------------------------------------------------------------------

    def reload(self, keep: str | None = None) -> None:
        """Read the first page for the filter and search, cursor on `keep` if it is there.

        Without a search this is one indexed query, run now; a search goes to
        a worker thread and the rows arrive in a `Found` message.
        """
        self._generation += 1
        self._interrupt()
        self._keep = keep
        self.error = None
        if self.searched is None:
            self.searching = None
            rows = list_articles(self.store, self.annotator, self.which, limit=self.page_size,
                                 assigned_to=self.assigned_to)  # fmt: skip
            self._show_rows(rows, append=False)
            self.total = count_articles_matching(
                self.store, self.annotator, self.which, assigned_to=self.assigned_to
            )
            self.show_heading()
            return
        self.searching = "rows"
        self.total = None
        self.show_heading()
        self._search(self._generation, self.which, self.searched, None)

    def load_more(self) -> None:
        """Read the next page after the last row loaded, if there is one."""
        if self.complete or not self.rows or self.searching:
            return
        after = self.rows[-1].seq
        if self.searched is None:
            page = list_articles(
                self.store, self.annotator, self.which, limit=self.page_size, after_seq=after,
                assigned_to=self.assigned_to,
            )  # fmt: skip
            self._show_rows(page, append=True)
            self.show_heading()
            return
        self.searching = "more"
        self.show_heading()
        self._search(self._generation, self.which, self.searched, after)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, generation: int, which: str, query: str, after_seq: int | None) -> None:
        """Search on a connection of this thread's own; post the rows, then the count."""
        worker = get_current_worker()
        try:
            store = open_store(self.store.path)
        except StoreError as error:
            self._post(self.Found(generation, [], after_seq is not None, str(error)))
            return
        try:
            with self._lock:
                if worker.is_cancelled or generation != self._generation:
                    return
                self._searches[generation] = store
            rows = list_articles(
                store, self.annotator, which, query, limit=self.page_size, after_seq=after_seq,
                assigned_to=self.assigned_to,
            )  # fmt: skip
            self._post(self.Found(generation, rows, after_seq is not None))
            if after_seq is None:
                total = len(rows)
                if len(rows) >= self.page_size:
                    total = count_articles_matching(
                        store, self.annotator, which, query, assigned_to=self.assigned_to
                    )
                self._post(self.Counted(generation, total))
        except SQLiteError as error:
            if generation == self._generation:  # not interrupted for a newer search
                self._post(self.Found(generation, [], after_seq is not None, str(error)))
        finally:
            with self._lock:
                self._searches.pop(generation, None)
            store.close()

    def _post(self, message: Message) -> None:
        """Post from the worker thread; after the app has stopped there is no one to tell."""
        with contextlib.suppress(RuntimeError):  # the event loop is closed
            self.post_message(message)

    def _interrupt(self) -> None:
        """Stop the searches under way (their results would be for an older query)."""
        with self._lock:
            for store in self._searches.values():
                store.interrupt()

    def on_articles_screen_found(self, message: Found) -> None:
        """A search's page of rows: show it, if it is for the search in effect."""
        if message.generation != self._generation:
            return
        self.searching = None
        self.error = message.error
        self._show_rows(message.rows, message.append)
        self.show_heading()

    def on_articles_screen_counted(self, message: Counted) -> None:
        """A search's count of matches."""
        if message.generation == self._generation:
            self.total = message.total
            self.show_heading()

    def _show_rows(self, rows: list[ArticleRow], append: bool) -> None:
        table = self.table
        self.complete = len(rows) < self.page_size
        if append:
            self.rows.extend(rows)
            table.add_rows([row_cells(row, self.mode) for row in rows])
            return
        self.rows = list(rows)
        table.clear()
        table.add_rows([row_cells(row, self.mode) for row in rows])
        ids = [row.id for row in rows]
        if self._keep in ids:
            table.move_cursor(row=ids.index(self._keep), animate=False)
        elif rows:
            table.move_cursor(row=0, animate=False)

    def show_heading(self) -> None:
        """Which filter, how many articles, what is searched."""
        names = {"not done": "not done", "flagged": "flagged", "all": "all articles"}
        line = names[self.which]
        if self.searched:
            line += f" containing «{drawn(self.searched, self.mode)}»"
        if self.error:
            line += f" · the search failed: {self.error}"
        elif self.searching == "rows":
            line += " · searching…"
        else:
            found = len(self.rows) if self.complete else self.total
            line += f": {found}" if found is not None else f": {len(self.rows)}+ (counting…)"
            if not self.rows:
                line += " · nothing to show"
            elif self.searching == "more":
                line += f" · {len(self.rows)} shown, reading more…"
            elif not self.complete:
                line += f" · {len(self.rows)} shown, more as you scroll"
        line += " · in the list: 1 not done, 2 flagged, 3 all, enter opens"
        self.query_one("#articles-heading", Static).update(Text(sanitize(line)[0]))

    def selected_id(self) -> str | None:
        """The id of the article under the cursor, if any."""
        row = self.table.cursor_row
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    # -- events ------------------------------------------------------------------------

    def _scrolled(self, scroll_y: float) -> None:
        if self.table.max_scroll_y - scroll_y <= NEAR_END:
            self.load_more()

    def on_data_table_row_highlighted(self, message: DataTable.RowHighlighted) -> None:
        """Read the next page when the cursor nears the end of the loaded rows."""
        if message.cursor_row >= len(self.rows) - NEAR_END:
            self.load_more()

    def on_data_table_row_selected(self, message: DataTable.RowSelected) -> None:
        """Enter on a row: open that article."""
        message.stop()
        if 0 <= message.cursor_row < len(self.rows):
            self.dismiss(self.rows[message.cursor_row].id)

    def on_input_changed(self, message: Input.Changed) -> None:
        """Search again once typing pauses."""
        message.stop()
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self._search_now)

    def on_input_submitted(self, message: Input.Submitted) -> None:
        """Enter in the search box: search now and move to the list."""
        message.stop()
        self._search_now()
        self.action_focus_list()

    def _search_now(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        value = self.search.value
        if value != self.query_text:
            self.query_text = value
            self.reload(keep=self.selected_id())

    # -- keys --------------------------------------------------------------------------

    def action_show(self, which: str) -> None:
        """Show the articles not done, flagged, or all."""
        if which in FILTERS and which != self.which:
            self.which = which
            self.reload(keep=self.selected_id())

    def action_focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search.focus()

    def action_focus_list(self) -> None:
        """Put the focus on the list."""
        self.table.focus()

    def action_back(self) -> None:
        """Back to the review screen, opening nothing."""
        self.dismiss(None)
