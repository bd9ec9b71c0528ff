"""hadath's refusals: bad input files, and databases that cannot be used as asked.

Each carries one sentence naming the file (and line) or the database at fault."""

from __future__ import annotations

from db.display import safe


class InputError(ValueError):
    """Input that hadath refuses; nothing of the run that met it is written.

    The sentence is made terminal-safe (see `db.display.safe`): file names and
    values from the input cannot send escape sequences or bidi controls.
    """

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}, line {line}" if line is not None else source
        super().__init__(safe(f"{where}: {message}"))


class StoreError(RuntimeError):
    """A problem with the database itself: locked too long, unreadable, or not hadath's."""


class DatabaseLocked(StoreError):
    """Another process held the database's lock longer than the busy timeout."""
