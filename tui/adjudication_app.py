"""The adjudication app: `hadath adjudicate` opens it on a database for one adjudicator.

It is the review app (`tui.app.ReviewApp`: keys file, help, palette, the
article's drawing) with the adjudication screen and session in place of the
review's.
"""

from __future__ import annotations

from typing import Any, ClassVar

from db.store import Store
from tui.adjudication_session import AdjudicationSession
from tui.app import ReviewApp
from tui.screens.adjudication import AdjudicationScreen
from tui.screens.review import ReviewScreen


class AdjudicationApp(ReviewApp):
    """Making one version of each event from the annotators' versions, one key per decision."""

    SCREEN: ClassVar[type[ReviewScreen]] = AdjudicationScreen

    def __init__(self, *args: Any, article_ids: list[str] | None = None, **kwargs: Any) -> None:
        """The review app's arguments; `article_ids` are the articles to adjudicate when the
        caller has found them already (else the session finds them)."""
        super().__init__(*args, **kwargs)
        self.article_ids = article_ids

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The article list (`/`) is the review's: adjudication walks with ] and [."""
        return action != "search"

    def make_screen(self, store: Store) -> ReviewScreen:
        """The adjudication screen, with its session on the open store."""
        session = AdjudicationSession(store, self.annotator, self.article_ids)
        return AdjudicationScreen(session, self.rtl_mode, self.hint)
