"""Waiting for another process to release a hadath database's write lock.

When a decision cannot be written because another reviewer's process (or a
running `hadath import`) holds the write lock, the review screen keeps the
decision and calls `wait_until_writable` in a thread worker: it probes the
file on a connection of its own (never the review session's, which stays on
the UI thread) until a write transaction can start, and reports the time
waited as it goes. The probe takes the lock only to learn that it can, and
gives it back at once; the screen then writes the kept decision itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from db.store import write_lock_free

T = TypeVar("T")

PROBE_SECONDS = 1.0
"""How long one probe waits on the lock before reporting progress and trying again."""


@dataclass
class WaitingWrite(Generic[T]):
    """A decision kept while another process holds the write lock, to be stored when it can.

    `write` stores it (a review session call, which raised DatabaseBusy);
    `then` shows its result once stored; a write refused for a reason is said
    as "`failed`: reason".
    """

    write: Callable[[], T]
    then: Callable[[T], None]
    failed: str
    waited: float = 0.0
    """Seconds waited for the lock so far."""


def wait_until_writable(
    path: str,
    stopped: Callable[[], bool],
    waited: Callable[[float], object] | None = None,
    probe_seconds: float = PROBE_SECONDS,
) -> bool:
    """Block until a write transaction can start on the database at `path`.

    Returns True when it can, or False as soon as `stopped()` says to give up
    (checked between probes, so within `probe_seconds`). `waited(seconds)` is
    called after each probe that found the database still locked. Errors other
    than a lock (a file that vanished, a disk error) end the wait with True,
    so that the caller's own write reports them.
    """
    started = time.monotonic()
    while not stopped():
        if write_lock_free(path, probe_seconds):
            return True
        if waited is not None:
            waited(time.monotonic() - started)
    return False
