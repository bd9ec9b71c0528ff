"""A text box of several paragraphs that draws Arabic shaped and in visual order as it is typed.

`RtlTextArea` is the comment box: a ScrollView (Textual's Line API) over a
`tui.layout.text_edit.TextEdit`, which wraps the text with the layout engine
and keeps the caret logical. In app mode each row is drawn shaped, in visual
order and right-aligned, with the caret at its visual cell (the cell after
it in reading order is lit); in terminal mode rows are sent logically, each
with a RIGHT-TO-LEFT MARK before it when it holds a right-to-left letter, and
in off mode logically as they are. Keys: letters type; enter breaks the
paragraph; arrows move (left and right visually); home and end go to the
paragraph's logical start and end, ctrl+home and ctrl+end to the text's;
backspace and delete; ctrl+z and ctrl+y undo and redo; a click puts the
caret where it lands. Pasted text is sanitised like article text.

It has no selection: Textual's own TextArea lays out logical text only, and
the comment box needs typing, moving and deleting more than marking.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.layout.bidi import has_right_to_left
from tui.layout.drawing import RLM
from tui.layout.line_edit import first_in_view, lit_chars
from tui.layout.modes import DrawnMode, engine_mode
from tui.layout.text_edit import TextEdit
from tui.widgets.key_order import run_own_binding


class RtlTextArea(ScrollView, can_focus=True):
    """A multi-line text box laid out right to left in app mode (see the module docstring)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"rtl-text-area--cursor"}

    DEFAULT_CSS = """
    RtlTextArea {
        background: $surface;
        color: $foreground;
        border: tall $border-blurred;
        padding: 0 1;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        height: 8;
    }
    RtlTextArea:focus {
        border: tall $border;
        background-tint: $foreground 5%;
    }
    RtlTextArea > .rtl-text-area--cursor {
        background: $foreground;
        color: $background;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move('left')", "Left", show=False),
        Binding("right", "move('right')", "Right", show=False),
        Binding("up", "move('up')", "Up", show=False),
        Binding("down", "move('down')", "Down", show=False),
        Binding("home", "move('home')", "Start of paragraph", show=False),
        Binding("end", "move('end')", "End of paragraph", show=False),
        Binding("ctrl+home", "move('text_start')", "Start of text", show=False),
        Binding("ctrl+end", "move('text_end')", "End of text", show=False),
        Binding("enter", "edit('newline')", "New paragraph", show=False),
        Binding("backspace", "edit('backspace')", "Delete left", show=False),
        Binding("delete", "edit('delete')", "Delete right", show=False),
        Binding("ctrl+z", "edit('undo')", "Undo", show=False),
        Binding("ctrl+y", "edit('redo')", "Redo", show=False),
    ]
    """Each key runs the text model's method of that name (tui.layout.text_edit.TextEdit)."""

    _MOVES = frozenset({"left", "right", "up", "down", "home", "end", "text_start", "text_end"})
    _EDITS = frozenset({"newline", "backspace", "delete", "undo", "redo"})

    class Changed(Message):
        """Posted when the text changes."""

        def __init__(self, text_area: RtlTextArea) -> None:
            super().__init__()
            self.text_area = text_area

        @property
        def control(self) -> RtlTextArea:
            """The text box that changed."""
            return self.text_area

    def __init__(
        self,
        text: str = "",
        *,
        mode: DrawnMode = "app",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        """Edit `text`, drawn in `mode` ("app", "terminal" or "off"); the caret at its end."""
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.mode: DrawnMode = mode
        self.edit = TextEdit(text, len(text), mode=engine_mode(mode))
        self.edit.text_end()
        self._caret_view = (0, 0)
        """The caret's row and the first of its cells shown (a row wider than the box)."""

    @property
    def text(self) -> str:
        """The text as typed (logical order, paragraphs joined by `\\n`)."""
        return self.edit.text

    # -- layout -------------------------------------------------------------------------

    def _shown_width(self) -> int:
        return max(3, self.scrollable_content_region.width)

    def _relayout(self) -> None:
        """Wrap at the box's width (two cells kept for the caret) and follow the caret."""
        self.edit.width = self._shown_width() - 2
        self.virtual_size = Size(self._shown_width(), len(self.edit.rows))
        self.scroll_to_region(
            Region(0, self.edit.caret_row(), 1, 1), animate=False, force=True, x_axis=False
        )
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Wrap again for the new width."""
        self._relayout()

    def on_mount(self) -> None:
        """Wrap for the width the box got."""
        self._relayout()

    def on_focus(self) -> None:
        """Light the caret."""
        self.refresh()

    def on_blur(self) -> None:
        """Put the caret out."""
        self.refresh()

    # -- drawing ------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """Draw box row `y`: the wrapped row at the scroll position plus `y`."""
        index = int(self.scroll_y) + y
        shown = self._shown_width()
        style = self.rich_style
        edit = self.edit
        if index >= len(edit.rows):
            return Strip.blank(shown, style)
        visual = edit.rows[index].visual
        left = edit.row_left(index, shown)
        line = " " * left + visual.text + " "
        used = left + visual.width + 1
        segments = (
            [Segment(RLM, style)] if self.mode == "terminal" and has_right_to_left(line) else []
        )
        first = used - shown if edit.rows_read_right_to_left else 0  # where reading starts
        if self.has_focus and index == edit.caret_row():
            lit = edit.lit_cell()
            chars = lit_chars(visual, lit, left)
            cursor = style + self.get_component_rich_style("rtl-text-area--cursor")
            segments += [
                Segment(line[: chars[0]], style),
                Segment(line[chars[0] : chars[1]], cursor),
                Segment(line[chars[1] :], style),
            ]
            if used > shown:
                first = first_in_view(first, shown, left + lit, used)
            self._caret_view = (index, first if used > shown else 0)
        else:
            segments.append(Segment(line, style))
        strip = Strip(segments, used)
        if used > shown:  # spaces typed past the width: the caret's end of the row stays in view
            return strip.crop(first, first + shown)
        return strip.extend_cell_length(shown, style)

    # -- keys ---------------------------------------------------------------------------

    def _after(self, changed: bool) -> None:
        self._relayout()
        if changed:
            self.post_message(self.Changed(self))

    async def _on_key(self, event: events.Key) -> None:
        """Run the key's binding, or type a printable character, in the order typed."""
        if await run_own_binding(self, event):
            return
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.edit.insert(event.character)
            self._after(True)

    def on_paste(self, event: events.Paste) -> None:
        """Insert pasted text, sanitised."""
        event.stop()
        before = self.edit.text
        self.edit.insert(event.text)
        self._after(self.edit.text != before)

    def on_click(self, event: events.Click) -> None:
        """Put the caret where the click lands."""
        offset = event.get_content_offset(self)
        if offset is None or not self.edit.rows:
            return
        index = min(int(self.scroll_y) + offset.y, len(self.edit.rows) - 1)
        view, first = self._caret_view
        x = (
            offset.x
            + (first if view == index else 0)
            - self.edit.row_left(index, self._shown_width())
        )
        self.edit.place(index, x, clicked=True)
        self._after(False)

    def action_move(self, name: str) -> None:
        """Move the caret by the text model's method `name` (left, up, home, ...)."""
        if name in self._MOVES:
            getattr(self.edit, name)()
            self._after(False)

    def action_edit(self, name: str) -> None:
        """Edit by the text model's method `name` (newline, backspace, delete, undo, redo)."""
        if name in self._EDITS:
            before = self.edit.text
            getattr(self.edit, name)()
            self._after(self.edit.text != before)
