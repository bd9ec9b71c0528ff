"""Short values and single rows as the article view draws them, for any widget to reuse.

A drawn mode (`tui.layout.modes`) decides how a row of Arabic reaches the
terminal: `app` right-aligns shaped, reordered text; `terminal` leads each
row with a RIGHT-TO-LEFT MARK so that a terminal doing its own bidi treats
the row as right to left; `off` sends the logical text as it is.
"""

from __future__ import annotations

import re

from tui.layout.engine import paragraph
from tui.layout.modes import DrawnMode, engine_mode

RLM = "\u200f"
"""U+200F RIGHT-TO-LEFT MARK, put at the start of each row in `terminal` mode."""

_ONE_LINE = 200
"""The width a short value is laid out in: wide enough never to wrap."""


def drawn(text: str | None, mode: DrawnMode) -> str:
    """A short value as the article view would draw it in `mode` (one line, no controls)."""
    if not text:
        return ""
    lines = paragraph(text, 0, engine_mode(mode)).lines(_ONE_LINE)  # cached: tables redraw often
    return lines[0].text if lines else ""


def drawn_row(text: str, used: int, width: int, mode: DrawnMode) -> str:
    """A laid-out line (`used` cells wide) as a row of `width` cells is drawn in `mode`.

    `app` pads on the left (the row is right-aligned); `terminal` puts RLM
    first; `off` leaves the text alone.
    """
    if mode == "app":
        return " " * max(0, width - used) + text
    if mode == "terminal":
        return RLM + text
    return text


_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_RUN = re.compile(f"[{_ARABIC}]+(?:[ \u00a0]+[{_ARABIC}]+)*")
"""Arabic words, with the spaces between them: one right-to-left run inside other text."""


def drawn_inline(text: str, mode: DrawnMode) -> str:
    """A left-to-right message with Arabic in it (a name, a quoted value) as drawn in `mode`.

    In app mode each run of Arabic words is shaped and put in visual order
    where it stands; the rest of the message keeps its order. Other modes
    leave the text to the terminal.
    """
    if mode != "app":
        return text
    return _ARABIC_RUN.sub(lambda run: drawn(run.group(), mode), text)
