"""The error raised for bad input files: one sentence naming the file, the line and the fault."""

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
