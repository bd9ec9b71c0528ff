"""The review app: `hadath review` opens it on a database for one annotator."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from textual.app import App

from db.store import Store, open_store
from tui.layout.modes import resolve
from tui.screens.review import ReviewScreen
from tui.session import ReviewSession


class ReviewApp(App[None]):
    """Reviewing the events of a database's articles, one key per decision."""

    TITLE = "hadath"

    def __init__(
        self,
        db_path: str | Path,
        annotator: str,
        rtl: str = "auto",
        environ: Mapping[str, str] | None = None,
    ) -> None:
        """Review `db_path` as `annotator`, drawing Arabic in RTL mode `rtl`."""
        super().__init__()
        self.db_path = db_path
        self.annotator = annotator
        self.rtl_mode, self.hint = resolve(rtl, environ)
        self.store: Store | None = None
        self.session: ReviewSession | None = None

    def on_mount(self) -> None:
        """Open the database and the review screen."""
        self.store = open_store(self.db_path)
        self.session = ReviewSession(self.store, self.annotator)
        self.push_screen(ReviewScreen(self.session, self.rtl_mode, self.hint))

    def on_unmount(self) -> None:
        """Close the database (every decision is already committed)."""
        if self.store is not None:
            self.store.close()
