"""Waiting for another process's write lock on a real database file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.store import open_store
from tui.database_wait import wait_until_writable

pytestmark = pytest.mark.timeout(30)  # a few probes of a tenth of a second each


def test_a_free_database_is_writable_at_once(db_path: Path) -> None:
    open_store(db_path, create=True).close()
    waits: list[float] = []
    assert wait_until_writable(str(db_path), stopped=lambda: False, waited=waits.append)
    assert waits == []


def test_waits_while_locked_and_returns_once_the_lock_is_released(db_path: Path) -> None:
    open_store(db_path, create=True).close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    waits: list[float] = []

    def waited(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 3:  # the other process lets go after the third probe
            other.execute("ROLLBACK")

    try:
        free = wait_until_writable(
            str(db_path), stopped=lambda: False, waited=waited, probe_seconds=0.1
        )
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
    assert free
    assert len(waits) == 3  # free at the first probe after the release
    assert waits == sorted(waits) and waits[0] > 0  # said how long, again and again
    # the probe gave the lock back: a write can start now
    with open_store(db_path, busy_timeout=0) as store, store.write():
        pass


def test_stops_when_told_to(db_path: Path) -> None:
    open_store(db_path, create=True).close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    probes = 0

    def stopped() -> bool:
        nonlocal probes
        probes += 1
        return probes > 3

    try:
        assert not wait_until_writable(str(db_path), stopped=stopped, probe_seconds=0.05)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert probes == 4
