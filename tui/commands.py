"""The review screen's actions as command-palette entries, so every action is a search away.

Each remappable action (the review screen's and the app's) becomes one
entry: its description as the title, its keys as bound now and its name in
the keys file as the help line. An action the keys file left without a key
is still listed, and the palette is then the way to run it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Sequence
from functools import partial

from textual.app import SystemCommand

from tui.keymap import Remappable
from tui.screens.help import KeyHelp


def palette_commands(
    lines: Sequence[KeyHelp],
    actions: Sequence[Remappable],
    run_on: Callable[[Remappable], Callable[[str], Awaitable[object]]],
) -> Iterator[SystemCommand]:
    """One palette entry per remappable action in the help `lines` (in their order).

    `run_on(action)` is the `run_action` of the node whose action it is
    (the screen for the review screen's actions, the app for the app's).
    """
    by_name = {action.name: action for action in actions}
    for line in lines:
        action = by_name.get(line.name or "")
        if action is None:
            continue
        yield SystemCommand(
            line.description,
            f"{line.keys}  ·  {action.name} in keys.toml",
            partial(run_on(action), action.action),
        )
