"""The review app: `hadath review` opens it on a database for one annotator.

Besides the review screen it holds the keys every screen of the review
shares: `/` opens the article list (ArticlesScreen) and `?` the help screen.
At start it reads the reviewer's keys file (tui/keymap.py) and applies it as
Textual's keymap; a problem in the file is shown as a notification (several
as one, listed in the help) and the
keys they concern keep their defaults.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Select

from db.store import SQLiteError, Store, StoreError, database_error, open_store
from tui import keymap
from tui.commands import palette_commands
from tui.layout.drawing import drawn_inline
from tui.layout.modes import RtlMode, resolve
from tui.screens.adjudication import AdjudicationScreen
from tui.screens.event_form import EventForm
from tui.screens.help import HelpScreen, KeyHelp, form_key_help, key_help
from tui.screens.review import WRITE_WAIT_SECONDS, ReviewScreen
from tui.session import ReviewSession
from tui.widgets.events_table import EventsTable
from tui.widgets.rtl_input import RtlInput
from tui.widgets.rtl_text_area import RtlTextArea

REVIEW_CACHE_MIB = 8
"""SQLite page cache of the review app: counting articles deep in a large database
would otherwise fill the 64 MiB a bulk import or export wants."""
SCREENS: tuple[type[ReviewScreen], ...] = (ReviewScreen, AdjudicationScreen)
"""The main screens a keys file speaks to: a name one of them knows is never reported as
unknown by an app that opens the other."""


class ReviewApp(App[None]):
    """Reviewing the events of a database's articles, one key per decision."""

    TITLE = "hadath"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="review.search"),
        Binding("question_mark", "help", "Help", id="review.help"),
    ]
    SCREEN: ClassVar[type[ReviewScreen]] = ReviewScreen
    """The main screen, whose bindings the keys file moves."""

    def __init__(
        self,
        db_path: str | Path,
        annotator: str,
        rtl: RtlMode = "auto",
        environ: Mapping[str, str] | None = None,
        keys_file: str | Path | None = None,
    ) -> None:
        """Review `db_path` as `annotator`, drawing Arabic in RTL mode `rtl`.

        The reviewer's keys come from `keys_file`, else from where
        `tui.keymap.keys_path` finds them in `environ` (default os.environ).
        """
        super().__init__()
        self.db_path = db_path
        self.annotator = annotator
        self.rtl_mode, self.hint = resolve(rtl, environ)
        self.store: Store | None = None
        self.session: ReviewSession | None = None
        self.actions = {
            **keymap.remappable(self.SCREEN.BINDINGS, layer=0),
            **keymap.remappable(self.BINDINGS, layer=1),
            **keymap.remappable(EventForm.form_bindings(), scope="form", in_text_fields=True),
        }
        """What the keys file can move: the main screen's actions, the app's, the form's."""
        elsewhere = {name for screen in SCREENS for name in keymap.remappable(screen.BINDINGS)}
        self.keys = keymap.load_keys(
            self.actions, self.reserved_keys(), environ, keys_file, elsewhere - set(self.actions)
        )
        self.failure: str | None = None
        """Why the app could not open the database, said by `hadath review` once it closes."""

    def reserved_keys(self) -> dict[str, dict[str, str]]:
        """Keys an action cannot take, by scope: a review action the events table's, a form
        action the fields' and the form's fixed escape; either the app's priority keys."""
        first = [
            binding
            for binding in map(keymap.as_binding, App.BINDINGS)
            if binding.priority and not binding.system
        ]
        app_keys = keymap.reserved_keys(first, "the app")
        if self.ENABLE_COMMAND_PALETTE:
            app_keys[self.COMMAND_PALETTE_BINDING] = "the command palette"
        review = keymap.reserved_keys(EventsTable.BINDINGS, "the events table")
        form = {
            **keymap.reserved_keys(keymap.inherited_bindings(RtlInput), "a field of the form"),
            **keymap.reserved_keys(keymap.inherited_bindings(Select), "a list of the form"),
            **keymap.reserved_keys(keymap.inherited_bindings(RtlTextArea), "the comment box"),
        }
        fixed = [b for b in EventForm.form_bindings() if b.id is None]
        form.update(keymap.reserved_keys(fixed, "the form"))
        return {"review": {**review, **app_keys}, "form": {**form, **app_keys}}

    def on_mount(self) -> None:
        """Apply the reviewer's keys, open the database and the review screen."""
        self.set_keymap(self.keys.keymap(self.actions))
        try:
            self.store = open_store(self.db_path)
            self.store.set_busy_timeout(WRITE_WAIT_SECONDS)  # a longer wait is a worker's
            self.store.set_cache_size(REVIEW_CACHE_MIB)  # reviewing reads a few pages per key
        except (StoreError, SQLiteError) as error:
            self.failure = str(
                error if isinstance(error, StoreError) else database_error(self.db_path, error)
            )
            self.exit(return_code=1)
            return
        screen = self.make_screen(self.store)
        self.session = screen.session
        self.push_screen(screen)
        problems = self.keys.problems
        if len(problems) == 1:  # a key may be an Arabic letter: drawn like the article
            shown = drawn_inline(problems[0], self.rtl_mode)
            self.notify(shown, title="keys file", severity="warning", timeout=20, markup=False)
        elif problems:
            where = self.keys.path or keymap.keys_path()
            summary = (
                f"{len(problems)} problems in {where}: ? lists them; the keys they concern"
                " keep their defaults"
            )
            self.notify(
                drawn_inline(summary, self.rtl_mode), title="keys file", severity="warning",
                timeout=20, markup=False,
            )  # fmt: skip

    def make_screen(self, store: Store) -> ReviewScreen:
        """The main screen, with its session on the open store."""
        return ReviewScreen(ReviewSession(store, self.annotator), self.rtl_mode, self.hint)

    def on_unmount(self) -> None:
        """Record the time on the last article (ctrl+q skips the screen's quit), close the file."""
        if self.session is not None:
            self.session.close()
        if self.store is not None:
            self.store.close()

    def action_search(self) -> None:
        """Open the article list over the review screen (not over a form or dialog)."""
        if isinstance(self.screen, ReviewScreen):
            self.screen.open_article_list()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands, then (over the review screen) every review action.

        Over the review screen Textual's Quit gives way to the review's, which
        asks again while a decision waits for the database.
        """
        review = isinstance(screen, ReviewScreen)
        for command in super().get_system_commands(screen):
            if not (review and command.title == "Quit"):  # the review's own quit asks first
                yield command
        if isinstance(screen, EventForm):  # the form's own keys, while it is open
            bindings = EventForm.form_bindings()
            for line, binding in zip(self.form_help(), bindings, strict=True):
                named = f"  ·  {line.name} in keys.toml" if line.name else ""
                yield SystemCommand(
                    line.description,
                    line.keys + named,
                    partial(screen.run_action, binding.action),
                )
        if isinstance(screen, ReviewScreen):
            actions = self.review_actions()
            lines = key_help(
                screen.active_bindings, self.get_key_display, actions, self.keys.effective
            )
            yield from palette_commands(
                lines,
                actions,
                lambda action: screen.run_action if action.layer == 0 else self.run_action,
            )

    def review_actions(self) -> list[keymap.Remappable]:
        """The remappable actions of the review screen and the app (not the form's)."""
        return [action for action in self.actions.values() if action.scope == "review"]

    def form_help(self) -> list[KeyHelp]:
        """The event form's keys as the keys file left them, one help line per binding."""
        return form_key_help(
            EventForm.form_bindings(), self.get_key_display, self.actions, self.keys.effective
        )

    def action_help(self) -> None:
        """Show every key of the review screen as it is bound now."""
        review = self.screen
        if not isinstance(review, ReviewScreen):
            return
        actions = self.review_actions()
        lines = key_help(review.active_bindings, self.get_key_display, actions, self.keys.effective)
        lines += self.form_help()
        where = str(self.keys.path or keymap.keys_path())
        self.push_screen(HelpScreen(lines, where, self.keys.problems, self.rtl_mode))
