"""Opening a hadath database: connection settings, migrations and write transactions.

Every write goes through `Store.write()`, a `BEGIN IMMEDIATE` transaction:
taking the write lock up front means a second reviewer's process waits on the
busy timeout instead of failing half-way, and with `synchronous=FULL` a
committed decision survives a crash or power loss.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from db.schema import SCHEMA_VERSION, migrate

DEFAULT_BUSY_TIMEOUT = 30.0


class StoreError(RuntimeError):
    """A problem with the database itself: locked too long, unreadable, or not hadath's."""


def utc_now() -> str:
    """Return the current time as an ISO-8601 UTC timestamp with microseconds."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


class Store:
    """An open hadath database: a sqlite-utils Database plus hadath's transaction rules."""

    def __init__(self, path: str | Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self.path = str(path)
        try:
            conn = sqlite3.connect(
                self.path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
            )
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MiB: bulk imports and exports
            self.previous_version = migrate(conn, self.path)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot open the database ({error})") from error
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        self.conn = conn

    @property
    def schema_version(self) -> int:
        """The schema version of the open file (always the current one after opening)."""
        return SCHEMA_VERSION

    def set_busy_timeout(self, seconds: float) -> None:
        """How long a statement waits for another process's lock before it fails."""
        self.conn.execute(f"PRAGMA busy_timeout = {max(0, int(seconds * 1000))}")

    def set_cache_size(self, mib: int) -> None:
        """Limit SQLite's page cache for this connection to `mib` MiB (64 MiB by default)."""
        self.conn.execute(f"PRAGMA cache_size = {-1024 * max(1, int(mib))}")

    def close(self) -> None:
        """Close the connection; committed work is already on disk."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """Run the block as one write transaction, committed on success, rolled back on error."""
        if self.conn.in_transaction:
            # Nested use: let sqlite-utils' savepoints handle it inside ours.
            with self.db.atomic():
                yield self.db
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise StoreError(
                f"{self.path} is locked by another process and stayed locked ({error})"
            ) from error
        try:
            yield self.db
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise


def open_store(path: str | Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> Store:
    """Open (creating or upgrading as needed) the hadath database at `path`."""
    return Store(path, busy_timeout=busy_timeout)
