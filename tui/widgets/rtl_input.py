"""A text input that draws Arabic shaped and in visual order as the reviewer types.

`RtlInput` is Textual's `Input` (value, validators, suggester, messages,
selection and clipboard keys all as Textual has them) with the drawing and
the left and right keys of an RTL line (tui.layout.line_edit):

- in app mode the value is laid out by the layout engine, right-aligned,
  and the caret, a logical index, is drawn at its visual cell; left and
  right move one cluster on screen; the selection is lit cluster by cluster;
- in terminal and off modes the value is sent logically, as `Input` draws
  it (a terminal doing its own bidi reorders it);
- typed and pasted text is cleaned like article text (controls, escape
  sequences, bidi controls) and kept on one line.

The caret is drawn as a lit cell: the cell after the caret in reading
order, which is the cell on its left where the text reads right to left.
A value with no right-to-left letter (a Latin name, a date, a number) is
drawn by `Input` in every mode. An Arabic value's inline completion is laid
out with it, faded, where the engine puts it (left of the value, when the
completion reads right to left). A value wider than the field scrolls so
that the caret stays in view.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.strip import Strip
from textual.widgets import Input
from textual.widgets._input import Selection

from tui.layout.bidi import has_right_to_left
from tui.layout.drawing import RLM
from tui.layout.line_edit import (
    Affinity,
    LineEdit,
    Visual,
    clean_typed,
    first_in_view,
    lit_chars,
    visual_line,
)
from tui.layout.modes import DrawnMode, engine_mode
from tui.widgets.key_order import run_own_binding


class RtlInput(Input):
    """An `Input` that lays its value out right to left in app mode (see the module docstring)."""

    def __init__(
        self, value: str | None = None, *, mode: DrawnMode = "app", **options: object
    ) -> None:
        """Like `Input`, plus the drawn `mode` ("app", "terminal" or "off")."""
        super().__init__(value, **options)  # type: ignore[arg-type]
        self.mode: DrawnMode = mode
        self._affinity: Affinity = "before"
        self._window: int | None = None
        """The first drawn cell shown, when the laid-out value is wider than the field."""

    # -- the text model -----------------------------------------------------------------

    def _edit(self) -> LineEdit:
        edit = LineEdit(self.value, self.cursor_position, self._affinity, engine_mode(self.mode))
        return edit

    def _follow(self, edit: LineEdit) -> None:
        self._affinity = edit.affinity
        self.cursor_position = edit.caret

    @property
    def visual(self) -> Visual:
        """The value as drawn in the input's mode."""
        return self._edit().visual

    def caret_cell(self) -> int:
        """Where the caret is drawn: the gap between cells, counted from the value's left."""
        return self._edit().caret_cell()

    # -- typing and moving --------------------------------------------------------------

    async def _on_key(self, event: events.Key) -> None:
        """Run the key's binding (a move, backspace, enter) as the key arrives, else as `Input`
        does: keys then stay in the order typed (tui.widgets.key_order)."""
        self._restart_blink()
        if await run_own_binding(self, event):
            return
        await super()._on_key(event)

    def insert_text_at_cursor(self, text: str) -> None:
        """Type `text` at the caret, cleaned like article text and kept on one line."""
        clean = clean_typed(text)
        if clean:
            self._affinity = "before"
            super().insert_text_at_cursor(clean)

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace a range (the selection) with `text`, cleaned."""
        self._affinity = "before"
        super().replace(clean_typed(text), start, end)

    def action_cursor_left(self, select: bool = False) -> None:
        """Move one cluster left on screen (app mode), or as `Input` does."""
        if not self._laid_out() or select or not self.selection.is_empty:
            super().action_cursor_left(select)
            return
        edit = self._edit()
        edit.left()
        self._follow(edit)

    def action_cursor_right(self, select: bool = False) -> None:
        """Move one cluster right on screen (app mode), or as `Input` does.

        At the logical end with a completion on offer, right takes it, as in `Input`.
        """
        taking = self.cursor_at_end and bool(self._suggestion)
        if not self._laid_out() or select or not self.selection.is_empty or taking:
            super().action_cursor_right(select)
            return
        edit = self._edit()
        edit.right()
        self._follow(edit)

    def action_delete_left(self) -> None:
        """Backspace: the code point before the caret, or a whole emoji sequence or flag."""
        if not self.selection.is_empty:
            super().action_delete_left()
            return
        start, end = self._edit().backspace_range()
        if start != end:
            self._affinity = "before"
            self.delete(start, end)

    def action_home(self, select: bool = False) -> None:
        """Go to the logical start."""
        super().action_home(select)
        self._affinity = "after"

    def action_end(self, select: bool = False) -> None:
        """Go to the logical end."""
        super().action_end(select)
        self._affinity = "before"

    # -- drawing -------------------------------------------------------------------------

    def _laid_out(self) -> bool:
        """Whether the engine draws the value: app mode and a right-to-left letter in it.

        A value without one (a Latin name, a date, a number) reads left to
        right whatever the mode, and `Input` draws it, inline completion and all.
        """
        return self.mode == "app" and has_right_to_left(self.value)

    def _shown(self) -> tuple[str, bool]:
        """The text drawn: the value, and the completion on offer after it when focused."""
        suggestion = self._suggestion
        value = self.value
        if self.has_focus and len(suggestion) > len(value):
            shown = value + suggestion[len(value) :]
            # a completion that begins with a mark for the value's last letter is not drawn:
            # the caret would have no place between the two
            clusters = visual_line(shown, engine_mode(self.mode)).clusters
            if any(cluster.start == len(value) for cluster in clusters):
                return shown, True
        return value, False

    def render_line(self, y: int) -> Strip:
        """Draw the value laid out right to left in app mode; as `Input` does otherwise.

        In terminal mode a value with a right-to-left letter is sent after a
        RIGHT-TO-LEFT MARK, so that a terminal doing its own bidi reads it as
        a right-to-left line.
        """
        if y != 0 or not self._laid_out():
            strip = super().render_line(y)
            if y == 0 and self.mode == "terminal" and has_right_to_left(self.value):
                strip = Strip([Segment(RLM), *strip], strip.cell_length)
            return strip
        shown, completing = self._shown()
        edit = LineEdit(shown, self.cursor_position, self._affinity, engine_mode(self.mode))
        visual = edit.visual
        width = max(self.scrollable_content_region.width, 1)
        # one spare cell each side, for a caret before the first or after the last cell
        padding = max(0, width - visual.width - 2)
        left = padding + 1
        text = Text(" " * left + visual.text + " ", no_wrap=True, end="")
        value_end = len(self.value)
        focused = self.has_focus
        start, end = sorted(self.selection)
        for cluster in visual.clusters:
            first, last = visual.chars_of(cluster)
            if completing and cluster.start >= value_end:
                style = self.get_component_rich_style("input--suggestion")
                text.stylize(style, left + first, left + last)
            elif focused and start <= cluster.start < end:
                style = self.get_component_rich_style("input--selection")
                text.stylize(style, left + first, left + last)
        lit = edit.lit_cell()
        cell = left + lit
        if focused and self._cursor_visible:
            first, last = lit_chars(visual, lit, left)
            text.stylize(self.get_component_rich_style("input--cursor"), first, last)
        total = padding + visual.width + 2
        cells = width + 1
        start = total - cells if self._window is None else self._window  # an RTL line's start
        self._window = first_in_view(start, cells, cell, total)
        console = self.app.console
        options = self.app.console_options.update_width(total)
        strip = Strip(list(console.render(text, options)))
        first = self._window
        strip = strip.crop(first, first + width + 1)
        return strip.extend_cell_length(width + 1).apply_style(self.rich_style)

    def _cell_offset_to_index(self, offset: int) -> int:
        """The logical index a click at `offset` cells lands on (app mode: the cluster there)."""
        if not self._laid_out():
            return super()._cell_offset_to_index(offset)
        visual = visual_line(self._shown()[0], engine_mode(self.mode))
        width = max(self.scrollable_content_region.width, 1)
        x = offset + (self._window or 0) - (max(0, width - visual.width - 2) + 1)
        for cluster in visual.clusters:
            if cluster.x <= x < cluster.x + cluster.width:
                return cluster.start
        return len(self.value) if x < 0 else 0

    def _watch_selection(self, selection: Selection) -> None:
        super()._watch_selection(selection)
        self.refresh()
