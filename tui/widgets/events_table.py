"""EventsTable: an article's events, one row each, with the reviewer's decision on it.

A Textual Line API widget (a `ScrollView` implementing `render_line`), not a
`DataTable`: the table is redrawn on every decision key and every new
article, and a DataTable re-renders each cell through Rich and sizes its rows
lazily, which cost a second layout pass and about 15 ms a frame. Here the
rows are a handful of short plain strings, so each row is laid out once into
a `Strip` when the events are shown and painting is a lookup.

Values are never parsed as markup (they come from untrusted text): every cell
is a plain string, and Arabic values are drawn by the layout engine in the
chosen RTL mode, exactly as in the article. Columns take the width of their
longest value; when the table is narrower than that, the place and actor
columns are cut with an ellipsis, and then the confidence and date columns
are left out, rather than scrolled sideways (the edit form shows everything).

The first row is the header; the highlighted row is the selected event,
marked with ▶ as well as by colour. When the article's events come from more
than one source (two extractors, or a reviewer's added events beside the
machine's) a last column says which each came from.
The same table shows rows made elsewhere (`show_rows`): the adjudication
screen's items and, without a cursor (`cursor=False`), the annotators'
versions of one item, whose differing cells carry a style of their own.
Keys, as in a DataTable: up/down, page up/down, home/end move the cursor;
enter posts `EventsTable.Selected`. Every cursor move posts
`EventsTable.Highlighted`. A click selects a row, a click on the selected row
posts `Selected`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from db.decisions import DecisionStatus, ReviewItem
from extract.record import Event
from tui.layout.drawing import drawn, drawn_inline
from tui.layout.modes import DrawnMode

GLYPHS: dict[DecisionStatus | None, tuple[str, str]] = {
    None: ("·", "dim"),
    "accepted": ("✓", "green"),
    "rejected": ("✗", "red"),
    "corrected": ("✎", "yellow"),
    "deleted": ("−", "dim"),
}
ADDED = ("+", "cyan")
COLUMNS = ("", "type", "place", "attacker → target", "kill/inj", "date", "conf")
SOURCE_COLUMN = "from"
"""A last column, shown when the article's events come from more than one extractor (or a
reviewer and an extractor): which one each came from."""
SHORT_TYPES = {
    "Armed clash": "clash",
    "Government regains territory": "gov regains",
    "Non-state actor overtakes territory": "NSA takes",
    "Chemical weapon": "chemical",
    "Air/drone strike": "air strike",
    "Suicide bomb": "suicide bomb",
    "Shelling/artillery/missile attack": "shelling",
    "Remote explosive/landmine/IED": "IED/mine",
    "Abduction/forced disappearance": "abduction",
    "Peaceful protest": "protest",
    "Protest with intervention": "protest+int",
    "Excessive force against protesters": "force v prot",
    "Violent demonstration": "violent demo",
    "Mob violence": "mob",
    "Change to group/activity": "group change",
    "Disrupted weapons use": "disrupted",
    "Headquarters or base established": "HQ/base",
    "Looting/property destruction": "looting",
    "Non-violent transfer of territory": "transfer",
}
"""Short forms of sub-event types, shown when the full names would be cut (the help lists
them); a type not here is short already."""
MARKER = "▶"
"""Drawn left of the selected row, so that it is told by more than its colour."""
SHRINKABLE = ((1, 10), (3, 12), (2, 7))
"""Columns cut, in this order and down to these widths, when the table is too narrow:
the event type, the actors, the place."""
DROPPABLE = (7, 6, 5)
"""Columns left out, in this order, when cutting is not enough: source, confidence, date."""
GAP = 1
"""Blank cells between two columns."""
ELLIPSIS = "…"


def _count(value: int | None) -> str:
    return "?" if value is None else str(value)


@dataclass(frozen=True)
class Cell:
    """One cell: its text as drawn and a Rich style (only the glyph has one).

    An Arabic value also keeps the logical text it was drawn from (`source`),
    so that a cell too narrow for it is cut before drawing, not after.
    """

    text: str
    style: str = ""
    source: str | None = None


def source_of(item: ReviewItem) -> str:
    """Where an event came from: the reviewer who added it, or its extractor."""
    if item.stored.added_by is not None:
        return item.stored.added_by
    return item.stored.event.extractor or "?"


def row_cells(item: ReviewItem, mode: DrawnMode, with_source: bool = False) -> list[Cell]:
    """The cells of one event's row (and its source's, `with_source`)."""
    status = item.decision.status if item.decision else None
    glyph, style = ADDED if item.stored.added_by is not None else GLYPHS[status]
    if status in ("rejected", "corrected"):
        glyph, style = GLYPHS[status]
    return [
        Cell(glyph, style),
        *event_cells(item.current, mode),
        # a reviewer's name may be Arabic: drawn like the place
        *([name_cell(source_of(item), mode)] if with_source else []),
    ]


def name_cell(name: str, mode: DrawnMode, style: str = "") -> Cell:
    """A cell holding a name, or a short left-to-right phrase with a name in it, that may
    be Arabic: each Arabic run drawn like the article, where it stands."""
    shown = drawn_inline(name, mode)
    # a value that is one right-to-left run is cut before drawing (its start is kept)
    return Cell(shown, style, source=name if shown == drawn(name, mode) else None)


EVENT_FIELDS = ("sub_event_type", "place", "actors", "counts", "date", "confidence")
"""What each of `event_cells`' cells shows, in order."""


def event_cells(event: Event, mode: DrawnMode, styles: dict[str, str] | None = None) -> list[Cell]:
    """The cells of an event's values, one per `EVENT_FIELDS` entry (the columns after the
    glyph); `styles` gives some of them a style (by their EVENT_FIELDS name)."""
    styles = styles or {}
    place = event.location
    where = (place.text or place.name) if place else None
    attacker = event.actor1.key if event.actor1 and event.actor1.key else "?"
    target = event.actor2.key if event.actor2 and event.actor2.key else "?"
    confidence = "" if event.confidence is None else f"{event.confidence:.2f}"
    return [
        Cell(event.sub_event_type, styles.get("sub_event_type", "")),
        Cell(drawn(where, mode), styles.get("place", ""), source=where),
        Cell(f"{attacker} → {target}", styles.get("actors", "")),
        Cell(f"{_count(event.fatalities)}/{_count(event.injured)}", styles.get("counts", "")),
        Cell(event.date or "", styles.get("date", "")),
        Cell(confidence, styles.get("confidence", "")),
    ]


def cut(text: str, width: int) -> str:
    """`text` cut to at most `width` cells, ending in an ellipsis when it was cut."""
    if cell_len(text) <= width:
        return text
    kept: list[str] = []
    used = 0
    for char in text:
        size = cell_len(char)
        if used + size > width - 1:
            break
        kept.append(char)
        used += size
    return "".join(kept).rstrip() + ELLIPSIS


def fit(cell: Cell, width: int, mode: DrawnMode) -> str:
    """The cell's text in exactly `width` cells: cut if longer, padded if shorter.

    An Arabic value is cut in logical order and then drawn, so that what is
    kept is the start of the word (on the right in a right-to-left line).
    """
    if width <= 0:
        return ""
    text = cell.text
    if cell_len(text) > width:
        text = drawn(cut(cell.source, width), mode) if cell.source else cut(text, width)
    return text + " " * max(0, width - cell_len(text))


def column_widths(
    rows: list[list[Cell]],
    width: int,
    labels: tuple[str, ...] = COLUMNS,
    droppable: tuple[int, ...] = DROPPABLE,
) -> list[int]:
    """Each column's width: its longest value, the shrinkable ones cut so the row fits `width`,
    then the `droppable` ones left out in turn while it still does not."""
    widths = [cell_len(label) for label in labels]
    for row in rows:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], cell_len(cell.text))
    excess = sum(widths) + GAP * (len(widths) - 1) - width
    for index, floor in SHRINKABLE:
        if excess <= 0:
            break
        shrink = min(excess, widths[index] - max(floor, cell_len(labels[index])))
        if shrink > 0:
            widths[index] -= shrink
            excess -= shrink
    for index in droppable:
        if excess <= 0:
            break
        if index >= len(widths):
            continue
        excess -= widths[index] + GAP
        widths[index] = 0
    return widths


class EventsTable(ScrollView, can_focus=True):
    """The current article's events; the highlighted row is the selected event."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "events-table--header",
        "events-table--cursor",
        "events-table--even-row",
    }

    DEFAULT_CSS = """
    EventsTable {
        height: 1fr;
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
    }
    EventsTable > .events-table--header {
        text-style: bold;
        background: $panel;
        color: $foreground;
    }
    EventsTable > .events-table--even-row {
        background: $surface-lighten-1 50%;
    }
    EventsTable > .events-table--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    EventsTable:focus > .events-table--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "cursor_first", "First event", show=False),
        Binding("end", "cursor_last", "Last event", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, init=False)
    """Index of the highlighted row (the selected event)."""

    class RowMessage(Message):
        """A message about one row of the table: which table, which row."""

        def __init__(self, table: EventsTable, cursor_row: int) -> None:
            super().__init__()
            self.table = table
            self.cursor_row = cursor_row

        @property
        def control(self) -> EventsTable:
            """The table the message is about."""
            return self.table

    class Highlighted(RowMessage):
        """Posted when the cursor moves to another row (by a key, a click or `move_cursor`)."""

    class Selected(RowMessage):
        """Posted when the highlighted row is chosen (enter, or a click on it)."""

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
        cursor: bool = True,
    ) -> None:
        """An empty table; `show` fills it. Without `cursor` no row is marked as selected
        and the table takes no focus (a list to read, such as the versions of one item)."""
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.with_cursor = cursor
        self.can_focus = cursor
        self._given: tuple[tuple[str, ...], list[list[Cell]]] | None = None
        self._droppable: tuple[int, ...] = DROPPABLE
        """Rows made by the caller (`show_rows`), with their column labels."""
        self._cells: list[list[Cell]] = []
        self._labels: tuple[str, ...] = COLUMNS
        self._items: list[ReviewItem] = []
        self._mode: DrawnMode = "app"
        self._ids: list[str] = []
        self._strips: dict[tuple[int, bool], Strip] = {}
        self._widths: list[int] = []

    # -- content ---------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many events the table shows."""
        return len(self._cells)

    @property
    def row_keys(self) -> list[str]:
        """The stored event id of each row, in order."""
        return list(self._ids)

    def row_text(self, index: int) -> list[str]:
        """The plain text of row `index`'s cells."""
        return [cell.text for cell in self._cells[index]]

    def row_styles(self, index: int) -> list[str]:
        """The style of each of row `index`'s cells ("" for none)."""
        return [cell.style for cell in self._cells[index]]

    def show(self, items: list[ReviewItem], mode: DrawnMode, keep: int = 0) -> None:
        """Show these events, with the cursor on row `keep` (clamped).

        Posts no `Highlighted`: the caller, who chose the row, shows what goes with it.
        """
        self._mode = mode
        self._items = list(items)
        self._given = None
        self._droppable = DROPPABLE
        self._shown([item.stored.id for item in items], keep)

    def show_rows(
        self,
        rows: list[list[Cell]],
        ids: list[str],
        mode: DrawnMode,
        keep: int = 0,
        labels: tuple[str, ...] = (*COLUMNS, SOURCE_COLUMN),
        droppable: tuple[int, ...] = DROPPABLE,
    ) -> None:
        """Show rows made by the caller (a glyph cell, `event_cells`, then any more cells,
        one label each), `ids` naming each row, with the cursor on row `keep`; `droppable`
        are the columns left out first when the table is narrow."""
        self._mode = mode
        self._items = []
        self._droppable = droppable
        self._given = (labels, [list(row) for row in rows])
        self._shown(ids, keep)

    def _shown(self, ids: list[str], keep: int) -> None:
        self._fill()
        self._ids = list(ids)
        self._measure()
        self.virtual_size = Size(self._text_width(), len(self._cells) + 1)
        row = max(0, min(keep, len(ids) - 1)) if ids else 0
        self.set_reactive(EventsTable.cursor_row, row)
        self._invalidate()
        self._scroll_to_cursor()

    def _fill(self) -> None:
        """Make the rows' cells: full type names where they fit, else the short forms."""
        if self._given is not None:
            self._labels = self._given[0]
            self._cells = [list(row) for row in self._given[1]]
        else:
            items = self._items
            with_source = len({source_of(item) for item in items}) > 1
            self._labels = (*COLUMNS, SOURCE_COLUMN) if with_source else COLUMNS
            self._cells = [row_cells(item, self._mode, with_source) for item in items]
        width = self._text_width()
        longest = max((cell_len(row[1].text) for row in self._cells), default=0)
        widths = column_widths(self._cells, width, self._labels, self._droppable)
        if width and widths[1] < longest:
            for row in self._cells:  # only the type column changes
                row[1] = Cell(SHORT_TYPES.get(row[1].text, row[1].text), row[1].style)

    def _text_width(self) -> int:
        marker = cell_len(MARKER) if self.with_cursor else 0
        return max(0, self.scrollable_content_region.width - marker)

    def _measure(self) -> None:
        self._widths = column_widths(self._cells, self._text_width(), self._labels, self._droppable)

    def _invalidate(self) -> None:
        self._strips.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Fit the columns to the new width (short type names when the full ones do not fit)."""
        self._fill()
        self._measure()
        self.virtual_size = Size(self._text_width(), len(self._cells) + 1)
        self._invalidate()

    def notify_style_update(self) -> None:
        """Forget the drawn rows when the styles change (theme; focus: the cursor row's colour)."""
        self._strips.clear()
        super().notify_style_update()

    # -- the cursor ------------------------------------------------------------------------

    def validate_cursor_row(self, row: int) -> int:
        """Keep the cursor on an existing row."""
        return max(0, min(row, len(self._cells) - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        """Repaint the two rows, keep the cursor in view and say it moved."""
        self.refresh()  # the rows are cached strips: repainting them all is a lookup each
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, new))

    def move_cursor(self, row: int) -> None:
        """Put the cursor on `row` (clamped)."""
        self.cursor_row = row

    def _scroll_to_cursor(self) -> None:
        if not self._cells:
            return
        # the header is row 0 of the view and stays: the rows scroll beneath it
        visible = max(1, self.scrollable_content_region.height - 1)
        top = int(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, force=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, force=True)

    def action_cursor_down(self) -> None:
        """Select the next event."""
        self.cursor_row += 1

    def action_cursor_up(self) -> None:
        """Select the previous event."""
        self.cursor_row -= 1

    def action_page_down(self) -> None:
        """Move the cursor down by a screenful."""
        self.cursor_row += max(1, self.scrollable_content_region.height - 2)

    def action_page_up(self) -> None:
        """Move the cursor up by a screenful."""
        self.cursor_row -= max(1, self.scrollable_content_region.height - 2)

    def action_cursor_first(self) -> None:
        """Select the first event."""
        self.cursor_row = 0

    def action_cursor_last(self) -> None:
        """Select the last event."""
        self.cursor_row = len(self._cells) - 1

    def action_select_cursor(self) -> None:
        """Choose the highlighted event."""
        if self._cells:
            self.post_message(self.Selected(self, self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        """A click highlights a row; a click on the highlighted row chooses it."""
        if event.y <= 0:
            return
        row = int(self.scroll_y) + event.y - 1
        if not 0 <= row < len(self._cells):
            return
        if row == self.cursor_row:
            self.post_message(self.Selected(self, row))
        else:
            self.cursor_row = row

    # -- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """Draw line `y` of the view: the header, then the rows from the scroll position."""
        if y == 0:
            return self._strip(-1, False)
        index = int(self.scroll_y) + y - 1
        if index >= len(self._cells):
            return Strip.blank(self.size.width, self.rich_style)
        return self._strip(index, self.with_cursor and index == self.cursor_row)

    def _strip(self, index: int, cursor: bool) -> Strip:
        key = (index, cursor)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._build(index, cursor)
        return strip

    def _build(self, index: int, cursor: bool) -> Strip:
        width = self.size.width
        base = self.rich_style
        if index < 0:
            style = base + self.get_component_rich_style("events-table--header")
            cells = [Cell(label) for label in self._labels]
        else:
            style = base
            if index % 2:
                style += self.get_component_rich_style("events-table--even-row")
            if cursor:
                style += self.get_component_rich_style("events-table--cursor")
            cells = self._cells[index]
        marker = (MARKER if cursor else " " * cell_len(MARKER)) if self.with_cursor else ""
        segments = [Segment(marker, style)]
        gap = " " * GAP
        for column, (cell, size) in enumerate(zip(cells, self._widths, strict=True)):
            if not size:
                continue  # a column left out for want of room
            if column:
                segments.append(Segment(gap, style))
            cell_style = style + Style.parse(cell.style) if cell.style else style
            segments.append(Segment(fit(cell, size, self._mode), cell_style))
        return Strip(segments).extend_cell_length(width, style).crop(0, width)
