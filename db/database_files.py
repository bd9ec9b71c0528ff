"""Whether a path can hold a hadath database, and SQLite's errors about one in one sentence.

A path is checked before SQLite opens it: a FIFO would block the opening
process, a folder or device gives SQLite's least helpful messages, and a
file that is not SQLite must be refused before anything is written to it.
A command that creates a database claims the path first, so that a refused
run removes only a file it created itself.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import urllib.parse
from pathlib import Path

from db.display import file_kind, safe
from db.errors import DatabaseLocked, StoreError

CREATE_HINT = "hadath import FILES creates one"


def check_database_path(path: str | Path, *, create: bool = False) -> None:
    """Refuse a path that cannot hold a hadath database, before anything opens it.

    A missing file is refused unless `create` (and then its folder must exist);
    a folder, FIFO, device or socket is refused without being opened (so a FIFO
    never blocks), and an existing file must be empty (only when `create`) or
    start with SQLite's header.
    """
    where = safe(str(path))
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if not create:
            raise StoreError(f"{where}: no such database ({CREATE_HINT})") from None
        folder = Path(path).parent
        if not folder.is_dir():
            raise StoreError(
                f"cannot create the database {where}: no such folder {safe(str(folder))}"
            ) from None
        return
    except NotADirectoryError:
        raise StoreError(f"{where}: a part of this path is a file, not a folder") from None
    except OSError as error:
        raise StoreError(f"{where}: cannot be opened ({error.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"{where} is a folder, not a database file")
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"{where} is {file_kind(info.st_mode)}, not a database file")
    if info.st_size == 0:
        if not create:
            raise StoreError(f"{where} is an empty file, not a hadath database")
        return
    if not os.access(path, os.R_OK):
        raise StoreError(f"{where}: cannot be read (Permission denied)")
    if not _has_sqlite_header(path):
        raise StoreError(f"{where} is not an SQLite database (it lacks SQLite's header)")


def _has_sqlite_header(path: str | Path) -> bool:
    """Whether SQLite, reading `path` read-only, finds its header there.

    Read through SQLite rather than with open(): closing a descriptor of
    our own would drop every POSIX lock this process holds on the file, so
    another process closing its connection would think itself the last and
    delete the write-ahead log under this process's open connection, whose
    later commits no other process would then see. SQLite's own descriptors
    know about each other and keep the locks. Any failure other than "not a
    database" (a lock held, an unreadable file) answers True: the opening
    that follows reports it.
    """
    try:
        connection = sqlite3.connect(sqlite_uri(path, "ro"), uri=True, timeout=0)
    except sqlite3.Error:
        return True
    try:
        connection.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error as error:
        code = getattr(error, "sqlite_errorcode", None)
        return not (isinstance(code, int) and code & 0xFF == sqlite3.SQLITE_NOTADB)
    finally:
        connection.close()
    return True


def is_lock(error: BaseException) -> bool:
    """Whether `error` means only that another process holds the database's lock.

    Decided by SQLite's primary result code (SQLITE_BUSY or SQLITE_LOCKED),
    never by the message, which may quote a path or a value.
    """
    if isinstance(error, DatabaseLocked):
        return True
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def damaged_text(path: str | Path) -> StoreError:
    """The error for a database whose schema or data holds text that is not UTF-8."""
    return StoreError(
        f"{safe(str(path))} is damaged (it holds text that is not UTF-8): restore it from a copy"
    )


def database_error(path: str | Path, error: sqlite3.Error) -> StoreError:
    """Turn an error SQLite raised on the database at `path` into one sentence naming it.

    The kind comes from SQLite's primary result code (which Python 3.11 gives
    every error it raises), never from the text, which may quote a path.
    """
    where = safe(str(path))
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error)
    if primary == sqlite3.SQLITE_CORRUPT:
        return StoreError(f"{where} is damaged ({text}): restore it from a copy")
    if primary == sqlite3.SQLITE_NOTADB:
        return StoreError(f"{where} is not an SQLite database ({text})")
    if primary == sqlite3.SQLITE_READONLY:
        return StoreError(
            f"{where} cannot be written: the file or its folder is read-only ({text})"
        )
    if primary == sqlite3.SQLITE_CANTOPEN:
        folder = safe(str(Path(path).parent))
        return StoreError(
            f"{where} cannot be opened: SQLite keeps a -wal and a -shm file beside it,"
            f" so its folder {folder} must be writable ({text})"
        )
    if primary == sqlite3.SQLITE_FULL:
        return StoreError(f"{where}: the disk is full ({text}); nothing of this run was written")
    if primary == sqlite3.SQLITE_IOERR:
        return StoreError(f"{where}: the disk failed to read or write ({text})")
    if is_lock(error):
        return DatabaseLocked(f"{where} is locked by another process and stayed locked ({text})")
    return StoreError(f"{where}: the database refused the command ({text})")


def sqlite_uri(path: str | Path, mode: str) -> str:
    """An SQLite URI opening `path` in `mode` ("ro" or "rw"): never creating it."""
    return "file:" + urllib.parse.quote(os.path.abspath(path)) + f"?mode={mode}"


def claim_new_database(path: str | Path) -> bool:
    """Create an empty file at `path` if nothing is there; return whether this call did.

    Atomic (O_EXCL): of two runs creating the same database, one claims it.
    Any other failure is left to the opening, which says what is wrong.
    """
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except OSError:
        return False
    return True


def remove_new_database(path: str | Path) -> None:
    """Remove a database this run claimed and could not fill (with its -wal and -shm).

    A file in which another process has stored articles meanwhile is kept.
    """
    try:
        conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True)
        try:
            stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        stored = 0  # empty, or no articles table yet
    if stored:
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
