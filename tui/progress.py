"""A progress bar for long commands: shown on a terminal, silent when output is piped."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn


def _noop(amount: int) -> None:
    """Accept progress and show nothing."""


@contextmanager
def progress_bar(label: str, total: int | None) -> Iterator[Callable[[int], None]]:
    """Yield a function advancing a bar of `total` units on stderr if it is a terminal."""
    if not sys.stderr.isatty():
        yield _noop
        return
    console = Console(file=sys.stderr)
    columns = (
        TextColumn(label),
        BarColumn(),
        TaskProgressColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda amount: progress.advance(task, amount)
