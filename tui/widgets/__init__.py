"""Textual widgets of the hadath terminal app (drawing only: no database access here)."""

from tui.widgets.article_view import ArticleView

__all__ = ["ArticleView"]
