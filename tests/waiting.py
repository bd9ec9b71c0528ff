"""Waiting on state in app tests: let the app run until a condition holds, never a fixed time."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot


async def wait_for(
    pilot: Pilot[Any], condition: Callable[[], object], what: str, timeout: float = 10.0
) -> None:
    """Let the app run (`pilot.pause()`) until `condition()` holds.

    Fails the test after `timeout` seconds, saying `what` was awaited. The
    limit is generous (two loaded cores): a test that gets there returns as
    soon as it does, so the limit only bounds a test that never would.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s in vain for {what}")
        await pilot.pause()
