"""Opening a hadath database: connection settings, migrations and write transactions.

Opening reads before it writes. The path is checked first
(db.database_files: a missing file is refused unless the caller creates
databases, a folder, FIFO or device is refused without being opened, a
file that is not SQLite is refused from its header); then the schema
version is read without a lock, and a file
hadath refuses (another program's SQLite file, a newer schema) is closed
untouched, still in its own journal mode. Only an older file takes the write
lock, to upgrade. So a reader never waits for another process's import.

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

from db.database_files import (
    CREATE_HINT,
    check_database_path,
    damaged_text,
    database_error,
    is_lock,
    sqlite_uri,
)
from db.display import safe
from db.errors import DatabaseLocked, StoreError
from db.schema import SCHEMA_VERSION, check_schema, migrate

__all__ = [
    "DatabaseLocked",
    "SQLiteError",
    "Store",
    "StoreError",
    "database_error",
    "is_lock",
    "open_store",
    "utc_now",
    "write_lock_free",
]

SQLiteError = sqlite3.Error
"""What SQLite raises; the front end catches it by this name and never imports sqlite3."""

DEFAULT_BUSY_TIMEOUT = 30.0


def utc_now() -> str:
    """Return the current time as an ISO-8601 UTC timestamp with microseconds."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _connect(path: str, create: bool, busy_timeout: float) -> sqlite3.Connection:
    # Without `create`, mode=rw makes SQLite itself refuse to create the file,
    # even if it vanished since check_database_path looked.
    target = path if create else sqlite_uri(path, "rw")
    return sqlite3.connect(
        target,
        timeout=busy_timeout,
        isolation_level=None,
        check_same_thread=False,
        uri=not create,
    )


class Store:
    """An open hadath database: a sqlite-utils Database plus hadath's transaction rules."""

    def __init__(
        self, path: str | Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT, create: bool = False
    ) -> None:
        self.path = str(path)
        self.busy_timeout = busy_timeout
        check_database_path(path, create=create)
        try:
            conn = _connect(self.path, create, busy_timeout)
        except sqlite3.Error as error:
            raise database_error(self.path, error) from error
        except UnicodeDecodeError as error:  # text that is not UTF-8: a damaged page
            raise damaged_text(self.path) from error
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            found = check_schema(conn, self.path)  # reads only: a refused file stays as it was
            if found == 0 and not create:
                raise StoreError(
                    f"{safe(self.path)} is an empty SQLite database, not a hadath one"
                    f" ({CREATE_HINT})"
                )
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MiB: bulk imports and exports
            self.previous_version = migrate(conn, self.path) if found < SCHEMA_VERSION else found
        except sqlite3.Error as error:
            conn.close()
            raise database_error(self.path, error) from error
        except UnicodeDecodeError as error:
            conn.close()
            raise damaged_text(self.path) from error
        except BaseException:
            conn.close()
            raise
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        self.conn = conn

    @property
    def schema_version(self) -> int:
        """The schema version of the open file (always the current one after opening)."""
        return SCHEMA_VERSION

    def set_busy_timeout(self, seconds: float) -> None:
        """How long a statement waits for another process's lock before it fails."""
        self.busy_timeout = seconds
        self.conn.execute(f"PRAGMA busy_timeout = {max(0, int(seconds * 1000))}")

    def set_cache_size(self, mib: int) -> None:
        """Limit SQLite's page cache for this connection to `mib` MiB (64 MiB by default)."""
        self.conn.execute(f"PRAGMA cache_size = {-1024 * max(1, int(mib))}")

    @contextmanager
    def cache_limited(self, mib: int) -> Iterator[None]:
        """Run the block with SQLite's page cache held to `mib` MiB, then restore it.

        For work that reads the file front to back once (an export), where a
        large cache would only hold pages that are not read again.
        """
        (previous,) = self.conn.execute("PRAGMA cache_size").fetchone()
        self.set_cache_size(mib)
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(previous)}")

    def check_writable(self) -> None:
        """Refuse (StoreError) a database this process can read but not write.

        SQLite finds a read-only file only at the first write, so this writes
        the schema version over itself and rolls back: nothing reaches the
        disk. It never waits: a lock another process holds means the file is
        writable, just busy now.
        """
        try:
            self.conn.execute("PRAGMA busy_timeout = 0")
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            finally:
                self.conn.execute("ROLLBACK")
        except sqlite3.OperationalError as error:
            refusal = database_error(self.path, error)
            if not isinstance(refusal, DatabaseLocked):
                raise refusal from error
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")

    def interrupt(self) -> None:
        """Stop the statement running on this connection (from any thread).

        The statement raises SQLiteError in the thread that runs it; nothing
        is written by a read, so the connection stays usable.
        """
        self.conn.interrupt()

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
            raise database_error(self.path, error) from error
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


def open_store(
    path: str | Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT, create: bool = False
) -> Store:
    """Open the hadath database at `path`, upgrading an older one in place.

    A missing file is refused (StoreError) unless `create` is true; only the
    commands that bring data in (`import`, `demo`) create databases.
    """
    return Store(path, busy_timeout=busy_timeout, create=create)


def write_lock_free(path: str | Path, timeout: float) -> bool:
    """Whether a write transaction can start on the database at `path` within `timeout` s.

    Probes on a connection of its own (so any thread may call it): takes the
    write lock and gives it back at once. Only a lock another process holds
    answers False; any other failure (a file that vanished, a disk error)
    answers True, so that the caller's own write reports it.
    """
    try:
        connection = sqlite3.connect(
            sqlite_uri(path, "rw"), timeout=timeout, isolation_level=None, uri=True
        )
    except sqlite3.Error:
        return True
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
    except sqlite3.Error as error:
        return not is_lock(error)
    finally:
        connection.close()
    return True
