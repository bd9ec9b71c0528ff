"""Helpers for tests of refused input: the shape of a refusal, and feeding a named pipe."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from click.testing import Result


def assert_refused(result: Result, *fragments: str) -> None:
    """Exit 1, one line on stderr holding every fragment, no traceback."""
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


@contextmanager
def feeding(fifo: Path, data: bytes) -> Iterator[None]:
    """Write `data` into the named pipe from a thread while the body reads it."""

    def write() -> None:
        with suppress(BrokenPipeError), fifo.open("wb") as pipe:  # the reader may leave early
            pipe.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        yield
    finally:
        if writer.is_alive():  # nobody opened the pipe: open and drop it so the writer ends
            reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
            os.close(reader)
        writer.join(timeout=10)
        assert not writer.is_alive()
