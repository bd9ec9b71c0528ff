"""The right-to-left layout engine: article text in, lines of terminal cells out.

No Textual dependency: this package turns text into positioned, shaped,
reordered cells that know their source offsets; tui.widgets draws them.
Importing the package loads nothing else, so that the command line can use
`tui.layout.modes` without the shaping tables.
"""


def clear_caches() -> None:
    """Forget every laid-out paragraph and shaped word (for benchmarks and tests)."""
    from tui.layout import engine, shaping

    engine.paragraph.cache_clear()
    engine._word_clusters.cache_clear()
    shaping.shape.cache_clear()
    shaping._WORDS.clear()


__all__ = ["clear_caches"]
