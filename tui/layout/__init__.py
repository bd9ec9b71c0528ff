"""The right-to-left layout engine: article text in, lines of terminal cells out.

No Textual dependency: this package turns text into positioned, shaped,
reordered cells that know their source offsets; tui.widgets draws them.
"""

from tui.layout import engine, shaping
from tui.layout.engine import Cell, Line, ParagraphLayout


def clear_caches() -> None:
    """Forget every laid-out paragraph and shaped word (for benchmarks and tests)."""
    engine.paragraph.cache_clear()
    engine._word_clusters.cache_clear()
    shaping.shape.cache_clear()
    shaping._WORDS.clear()


__all__ = ["Cell", "Line", "ParagraphLayout", "clear_caches"]
