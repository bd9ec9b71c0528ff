"""DialogScreen: what hadath's modal forms share (the comment dialog, the event form).

ctrl+s or the Save button calls the subclass's `action_save`; escape or the
Cancel button dismisses the dialog with None. The Save and Cancel buttons sit
right-aligned in a `#buttons` row.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import events, on
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Button

ResultType = TypeVar("ResultType")


class DialogScreen(ModalScreen[ResultType]):
    """A modal form with Save (ctrl+s) and Cancel (escape) keys and buttons."""

    DEFAULT_CSS = """
    DialogScreen #buttons {
        height: auto;
        align-horizontal: right;
        margin-top: 1;
    }
    DialogScreen #buttons Button {
        margin-left: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="form.save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    @on(events.Mount)
    def _name_the_save_key(self) -> None:
        """The Save button names the key that saves as the reviewer's keys file has it."""
        keys = [  # as the keys file writes them: "ctrl+s", "f2"
            active.binding.key
            for active in self.active_bindings.values()
            if active.node is self and active.binding.action == "save"
        ]
        for button in self.query("#save").results(Button):
            button.label = f"Save  {keys[0]}" if keys else "Save"

    def action_save(self) -> None:
        """Dismiss with what the dialog holds (each dialog says what that is)."""
        raise NotImplementedError

    def action_cancel(self) -> None:
        """Close the dialog; nothing is returned and nothing is stored."""
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
