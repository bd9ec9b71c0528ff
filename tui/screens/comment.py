"""The comment dialog: the reviewer's free-text note on the current article.

`CommentScreen(comment, mode=...)` is a small modal with a text box
(`RtlTextArea`: Arabic shaped and in visual order as it is typed, in the
review's RTL mode) prefilled with the current comment. ctrl+s or Save
dismisses it with the text (an empty text clears the comment); escape or
Cancel dismisses it with None, and the review screen stores nothing. The
comment is shown only as plain text, never as markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui.layout.drawing import drawn_inline
from tui.layout.modes import DrawnMode
from tui.screens.dialog import DialogScreen
from tui.widgets.rtl_text_area import RtlTextArea


class CommentScreen(DialogScreen[str | None]):
    """Edit an article's comment; dismissed with the new text, or None if cancelled."""

    DEFAULT_CSS = """
    CommentScreen {
        align: center middle;
    }
    CommentScreen > #dialog {
        width: 80;
        max-width: 96%;
        height: auto;
        border: thick $primary 60%;
        background: $surface;
        padding: 0 1;
    }
    CommentScreen #comment-title {
        text-style: bold;
        color: $text-accent;
        margin-bottom: 1;
    }
    CommentScreen #comment {
        height: 8;
    }
    """

    AUTO_FOCUS = "#comment"

    def __init__(
        self, comment: str | None, title: str = "Comment on this article", mode: DrawnMode = "app"
    ) -> None:
        """Edit `comment` (None: the article has none yet), drawn in RTL `mode`."""
        super().__init__()
        self.comment = comment or ""
        self.dialog_title = title
        self.mode: DrawnMode = mode

    def compose(self) -> ComposeResult:
        """The title, the text area and the buttons."""
        with Vertical(id="dialog"):
            yield Static(Text(drawn_inline(self.dialog_title, self.mode)), id="comment-title")
            yield RtlTextArea(self.comment, mode=self.mode, id="comment")
            with Horizontal(id="buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save")
                yield Button("Cancel  esc", id="cancel")

    def action_save(self) -> None:
        """Return the text as it stands (empty clears the comment)."""
        self.dismiss(self.query_one("#comment", RtlTextArea).text)
