"""The right-to-left layout engine: article text in, lines of terminal cells out.

No Textual dependency: this package turns text into positioned, shaped,
reordered cells that know their source offsets; tui.widgets draws them.
"""

from tui.layout.engine import Cell, Line, ParagraphLayout

__all__ = ["Cell", "Line", "ParagraphLayout"]
