"""EventsTable: an article's events, one row each, with the reviewer's decision on it.

A Textual DataTable. Every cell is a `rich.text.Text` built from plain
strings (a DataTable would read a `str` as markup, and the values come from
untrusted text); Arabic values are drawn by the layout engine in the chosen
RTL mode, exactly as in the article.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from db.decisions import ReviewItem
from extract.record import Event
from tui.layout.engine import APP, LOGICAL, paragraph

GLYPHS = {
    None: ("·", "dim"),
    "accepted": ("✓", "green"),
    "rejected": ("✗", "red"),
    "corrected": ("✎", "yellow"),
    "deleted": ("−", "dim"),
}
ADDED = ("+", "cyan")
COLUMNS = ("", "type", "place", "attacker → target", "killed/injured", "date", "conf")


def drawn(text: str | None, mode: str) -> str:
    """A short value as the article view would draw it in `mode` (one line, no controls)."""
    if not text:
        return ""
    engine = APP if mode == "app" else LOGICAL
    lines = paragraph(text, 0, engine).lines(200)  # cached: the table redraws on every key
    return lines[0].text if lines else ""


def _count(value: int | None) -> str:
    return "?" if value is None else str(value)


def row_cells(item: ReviewItem, mode: str) -> list[Text]:
    """The cells of one event's row."""
    event: Event = item.current
    status = item.decision.status if item.decision else None
    glyph, style = ADDED if item.stored.added_by is not None else GLYPHS[status]
    if status in ("rejected", "corrected"):
        glyph, style = GLYPHS[status]
    place = event.location
    where = drawn(place.text or place.name, mode) if place else ""
    attacker = event.actor1.key if event.actor1 and event.actor1.key else "?"
    target = event.actor2.key if event.actor2 and event.actor2.key else "?"
    confidence = "" if event.confidence is None else f"{event.confidence:.2f}"
    return [
        Text(glyph, style=style),
        Text(event.sub_event_type),
        Text(where),
        Text(f"{attacker} → {target}"),
        Text(f"{_count(event.fatalities)}/{_count(event.injured)}"),
        Text(event.date or ""),
        Text(confidence),
    ]


class EventsTable(DataTable[Text]):
    """The current article's events; the highlighted row is the selected event."""

    DEFAULT_CSS = """
    EventsTable {
        height: 1fr;
    }
    """

    def on_mount(self) -> None:
        """Set up the columns and row-wise selection."""
        self.cursor_type = "row"
        self.zebra_stripes = True
        for label in COLUMNS:
            self.add_column(Text(label), key=label or "status")

    def show(self, items: list[ReviewItem], mode: str, keep: int = 0) -> None:
        """Show these events, with the cursor on row `keep` (clamped)."""
        self.clear()
        for item in items:
            self.add_row(*row_cells(item, mode), key=item.stored.id)
        if items:
            self.move_cursor(row=max(0, min(keep, len(items) - 1)))
