"""The find bar: a word to look for in the article on screen.

`FindScreen(query, mode)` is a one-line modal at the foot of the screen with
an `RtlInput` (Arabic typed into it is drawn as the article is). Enter
dismisses it with what was typed; escape with None. The review screen then
lights every place the word occurs (folded: hamza, harakat and the like
match alike), puts the sentence cursor on the first, and `next_match` steps
through the others, so a new event can start from any sentence in a few keys.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.layout.modes import DrawnMode
from tui.widgets.rtl_input import RtlInput


class FindScreen(ModalScreen[str | None]):
    """Ask for a word to find in the article; dismissed with it, or None."""

    DEFAULT_CSS = """
    FindScreen {
        align: center bottom;
        background: $background 0%;
    }
    FindScreen > #find-bar {
        width: 100%;
        height: 3;
        background: $surface;
        border-top: tall $primary;
        padding: 0 1;
    }
    FindScreen #find-label {
        width: auto;
        padding: 0 1 0 0;
        color: $text-muted;
    }
    FindScreen RtlInput {
        width: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, query: str = "", mode: DrawnMode = "app") -> None:
        """Start from `query` (the last word found), drawn in RTL `mode`."""
        super().__init__()
        self.query_text = query
        self.mode: DrawnMode = mode

    def compose(self) -> ComposeResult:
        """A label and the input."""
        with Horizontal(id="find-bar"):
            yield Label("find in this article", id="find-label", markup=False)
            yield RtlInput(self.query_text, mode=self.mode, compact=True, id="find")

    def on_mount(self) -> None:
        """Focus the input, with what it holds selected (typing replaces it)."""
        self.query_one("#find", RtlInput).focus()

    @on(Input.Submitted, "#find")
    def _found(self, message: Input.Submitted) -> None:
        self.dismiss(message.value.strip() or None)

    def action_cancel(self) -> None:
        """Close without finding."""
        self.dismiss(None)
