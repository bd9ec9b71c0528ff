"""The help screen: every key of the review screen and what it does, as bound right now.

It is built from the review screen's active bindings (the ones Textual
dispatches keys to, after the reviewer's keymap), so a remapped key shows
under its new key, and the events table's own keys (arrows, page keys) are
listed too. Beside each remappable key is the name to use in the keys file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from tui.keymap import Remappable
from tui.layout.drawing import drawn_inline
from tui.layout.modes import DrawnMode
from tui.widgets.events_table import SHORT_TYPES

NO_KEY = "(no key)"


@dataclass(frozen=True)
class KeyHelp:
    """One line of help: the keys, what they do, and the action's name in the keys file."""

    keys: str
    description: str
    name: str | None = None
    """The name in keys.toml, or None for keys that cannot be remapped."""
    group: str | None = None
    """The help's group for a line that is no action of the review screen (the form's keys)."""


def key_help(
    active: Mapping[str, ActiveBinding],
    key_display: Callable[[Binding], str],
    remappable: Sequence[Remappable] = (),
    keys_of: Callable[[Remappable], list[str]] | None = None,
) -> list[KeyHelp]:
    """Help lines from a screen's `active_bindings`: one per action, its keys joined.

    The `remappable` actions come first, in that order; one missing from the
    active bindings (disabled just now, or left without a key by the keys
    file) is listed with the keys `keys_of` gives it, or none. Then come the
    other keys in effect. System bindings and bindings without a description
    are left out.
    """
    grouped: dict[tuple[int, str], tuple[list[str], Binding]] = {}
    for active_binding in active.values():
        binding = active_binding.binding
        if binding.system or not binding.description:
            continue
        group = (id(active_binding.node), binding.action)
        keys, _ = grouped.setdefault(group, ([], binding))
        shown = key_display(binding)
        if shown not in keys:
            keys.append(shown)
    by_id = {action.id: action for action in remappable}
    first: dict[str, KeyHelp] = {}
    rest: list[KeyHelp] = []
    for keys, binding in grouped.values():
        action = by_id.get(binding.id or "")
        if action is None:
            rest.append(KeyHelp(", ".join(keys), binding.description))
        elif action.id not in first:
            first[action.id] = KeyHelp(", ".join(keys), binding.description, action.name)
    ordered: list[KeyHelp] = []
    for action in remappable:
        line = first.get(action.id)
        if line is None:
            bound = keys_of(action) if keys_of else []
            names = ", ".join(key_display(Binding(key, action.name)) for key in bound)
            line = KeyHelp(names or NO_KEY, action.description, action.name)
        ordered.append(line)
    return ordered + rest


TASKS: dict[str, tuple[str, ...]] = {
    "Deciding": ("accept", "reject", "accept_all", "done", "undo", "redo", "drop_waiting"),
    "Correcting and adding": ("edit_event", "new_event", "delete_event", "comment", "flag"),
    "Moving": (
        "next_event", "previous_event", "next_sentence", "previous_sentence", "count", "find",
        "next_match", "next_article", "previous_article", "search",
    ),
    "Incidents (hadath incidents)": (
        "confirm_link", "split_link", "next_link", "open_link", "incident_figure",
    ),
    "The app": ("cycle_mode", "help", "quit"),
}  # fmt: skip
"""The help's groups of actions (names in the keys file), in the order shown."""
OTHER_KEYS = "The events list and other keys"


def grouped_by_task(lines: Sequence[KeyHelp]) -> list[tuple[str, list[KeyHelp]]]:
    """The help lines under their task (TASKS), each group in its order; the rest last."""
    groups: list[tuple[str, list[KeyHelp]]] = []
    placed: set[int] = set()
    for task, names in TASKS.items():
        found = [line for name in names for line in lines if line.name == name]
        placed.update(id(line) for line in found)
        if found:
            groups.append((task, found))
    rest = [line for line in lines if id(line) not in placed and line.group is None]
    if rest:
        groups.append((OTHER_KEYS, rest))
    own = [line.group for line in lines if line.group is not None]
    for group in dict.fromkeys(own):
        groups.append((group, [line for line in lines if line.group == group]))
    return groups


FORM_KEYS = "In the event form"


def form_key_help(
    bindings: Sequence[BindingType],
    key_display: Callable[[Binding], str],
    remappable: Mapping[str, Remappable] | None = None,
    keys_of: Callable[[Remappable], list[str]] | None = None,
) -> list[KeyHelp]:
    """Help lines for the event form's own keys, one per binding, in order.

    A binding among the `remappable` actions shows the keys `keys_of` gives
    it (the keys file's) and its name in the keys file; the others (escape)
    their fixed keys.
    """
    by_id = {action.id: action for action in (remappable or {}).values()}
    lines = []
    for entry in bindings:
        binding = entry if isinstance(entry, Binding) else Binding(*entry)
        action = by_id.get(binding.id or "")
        keys = keys_of(action) if action and keys_of else binding.key.split(",")
        shown = ", ".join(key_display(Binding(key, binding.action)) for key in keys)
        name = action.name if action else None
        lines.append(KeyHelp(shown or NO_KEY, binding.description, name, FORM_KEYS))
    return lines


class HelpScreen(ModalScreen[None]):
    """The keys of the review screen; escape or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen #help-panel {
        width: auto;
        max-width: 100%;
        height: 90%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen #help-title {
        padding: 0 0 1 0;
        text-style: bold;
    }
    HelpScreen #help-keys {
        width: auto;
        height: 1fr;
    }
    HelpScreen #help-legend {
        padding: 1 0 0 0;
        color: $text-muted;
    }
    HelpScreen #help-file {
        padding: 1 0 0 0;
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "close", "Close"),
    ]

    def __init__(
        self,
        lines: Sequence[KeyHelp],
        keys_file: str,
        problems: Sequence[str] = (),
        mode: DrawnMode = "app",
    ) -> None:
        """Show these help lines, and where the keys file is (with the problems it had);
        Arabic in a path or a problem is drawn in RTL `mode`."""
        super().__init__()
        self.lines = list(lines)
        self.keys_file = keys_file
        self.problems = list(problems)
        self.mode: DrawnMode = mode

    def compose(self) -> ComposeResult:
        """A title, the keys table and a note on the keys file."""
        with Vertical(id="help-panel"):
            yield Static(Text("Keys of the review screen"), id="help-title")
            yield DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            note = f'Your keys: {self.keys_file}   (e.g.  accept = "y")'
            if self.problems:
                note += "\nProblems in it (those keys keep their defaults):"
                note += "".join(f"\n- {problem}" for problem in self.problems)
            yield Static(Text(drawn_inline(note, self.mode)), id="help-file")
            legend = ", ".join(f"{short} = {full}" for full, short in SHORT_TYPES.items())
            yield Static(Text(f"A narrow events list shortens event types: {legend}."),
                         id="help-legend")  # fmt: skip
        yield Footer()

    @property
    def table(self) -> DataTable[Text]:
        """The keys table."""
        return self.query_one("#help-keys", DataTable)

    def on_mount(self) -> None:
        """Fill the table, a group of rows per task."""
        table = self.table
        table.add_column(Text("keys"), key="keys")
        table.add_column(Text("what it does"), key="description")
        table.add_column(Text("name in keys.toml"), key="name")
        for task, lines in grouped_by_task(self.lines):
            table.add_row(Text(task, style="bold underline"), Text(""), Text(""))
            for line in lines:
                table.add_row(
                    Text(line.keys, style="bold"),
                    Text(line.description),
                    Text(line.name or "", style="dim"),
                )
        table.focus()

    def rows(self) -> list[tuple[str, str, str]]:
        """The table as plain strings (keys, description, name), for tests and inspection."""
        table = self.table
        return [
            (str(cells[0]), str(cells[1]), str(cells[2]))
            for cells in (table.get_row_at(index) for index in range(table.row_count))
        ]

    def action_close(self) -> None:
        """Back to the review screen."""
        self.dismiss(None)
