"""The incident figure dialog: the fatalities a reviewer gives the selected event's incident.

`FigureScreen(current)` is a small modal with one field for a whole number
(digits only; empty clears the figure, so that export takes the lowest
figure the reports give again). ctrl+s or Save dismisses it with the text;
escape or Cancel with None, and nothing is stored.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from tui.layout.modes import DrawnMode
from tui.screens.dialog import DialogScreen
from tui.widgets.rtl_input import RtlInput


class FigureScreen(DialogScreen[str | None]):
    """Edit the incident's fatalities; dismissed with the digits typed, or None."""

    DEFAULT_CSS = """
    FigureScreen {
        align: center middle;
    }
    FigureScreen > #dialog {
        width: 64;
        max-width: 96%;
        height: auto;
        border: thick $primary 60%;
        background: $surface;
        padding: 0 1;
    }
    FigureScreen #figure-title {
        text-style: bold;
        color: $text-accent;
        margin-bottom: 1;
    }
    """

    AUTO_FOCUS = "#figure"

    def __init__(self, current: int | None, mode: DrawnMode = "app") -> None:
        """Edit the figure set now (None: none is set), drawn in RTL `mode` like every field."""
        super().__init__()
        self.current = current
        self.mode: DrawnMode = mode

    def compose(self) -> ComposeResult:
        """The title, the field and the buttons."""
        with Vertical(id="dialog"):
            yield Static(
                "Fatalities of this incident (every report of it; empty: the lowest reported)",
                id="figure-title",
                markup=False,
            )
            value = "" if self.current is None else str(self.current)
            yield RtlInput(value, mode=self.mode, restrict=r"[0-9]*", max_length=8, id="figure")
            with Horizontal(id="buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save")
                yield Button("Cancel  esc", id="cancel")

    def on_input_submitted(self) -> None:
        """enter in the field saves, as ctrl+s does."""
        self.action_save()

    def action_save(self) -> None:
        """Return the digits as typed (empty clears the figure)."""
        self.dismiss(self.query_one("#figure", Input).value)
