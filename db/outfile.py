"""Writing a file whole or not at all: a temporary file beside it, renamed over it when complete.

The target is the file a path names after following symlinks, so writing
through a symlink replaces the file it points to and keeps the link. The
temporary file's name carries its writer: `.hadath-export-PID-START-XXXX.tmp`,
with the writing process's id and start time (so a reused process id is not
mistaken for the writer), and the writer holds an exclusive flock on it while
it writes. A writer killed half-way leaves its temporary file behind; the
next write into that folder removes every such file whose writer is gone and
whose lock is free, and never one still being written (by this host's
processes or, where the file system shares flocks, another's).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from db.display import safe

PREFIX = ".hadath-export-"
SUFFIX = ".tmp"
_TEMPORARY = re.compile(rf"{re.escape(PREFIX)}(\d+)-(\d+)-[A-Za-z0-9_]+{re.escape(SUFFIX)}")


def start_time(pid: int) -> int | None:
    """The start time of process `pid` (clock ticks after boot, /proc/PID/stat field 22).

    None when the process does not exist; 0 where /proc is not available.
    """
    try:
        line = Path(f"/proc/{pid}/stat").read_bytes()
    except FileNotFoundError:
        return None if Path("/proc/self/stat").exists() else _start_time_without_proc(pid)
    except OSError:
        return 0
    # The command name (field 2) is in parentheses and may hold spaces or ")".
    fields = line[line.rindex(b")") + 2 :].split()
    return int(fields[22 - 3])


def _start_time_without_proc(pid: int) -> int | None:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # alive, another user's
    return 0


def writer_gone(name: str) -> bool:
    """Whether `name` is a temporary file of this module whose writing process has ended."""
    match = _TEMPORARY.fullmatch(name)
    if match is None:
        return False
    pid, started = int(match.group(1)), int(match.group(2))
    now = start_time(pid)
    return now is None or (now != 0 and started != 0 and now != started)


def sweep(folder: Path) -> list[Path]:
    """Remove the temporary files in `folder` left by writers that are gone; return them.

    A file whose lock is held is kept whatever its name says. Best effort:
    a file that cannot be inspected or removed is left where it is.
    """
    removed: list[Path] = []
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.startswith(PREFIX)]
    except OSError:
        return removed
    for name in names:
        if not writer_gone(name):
            continue
        path = folder / name
        try:
            handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # its writer holds it: alive, maybe on another host
        except OSError:
            pass  # a file system without locks: the name alone decides
        finally:
            os.close(handle)
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def create_temporary(folder: Path) -> tuple[int, Path]:
    """Create and lock a temporary file in `folder` named after this process; return fd, path."""
    pid = os.getpid()
    handle, name = tempfile.mkstemp(
        prefix=f"{PREFIX}{pid}-{start_time(pid) or 0}-", suffix=SUFFIX, dir=folder
    )
    with contextlib.suppress(OSError):  # a file system without locks: the name still tells
        fcntl.flock(handle, fcntl.LOCK_EX)
    return handle, Path(name)


def target_of(path: str | Path) -> Path:
    """The file that writing to `path` replaces: `path` with every symlink followed."""
    return Path(os.path.realpath(path))


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


@contextlib.contextmanager
def replacing(path: str | Path) -> Iterator[IO[bytes]]:
    """Yield a binary file that replaces `path`'s target when the block completes.

    A target that is a device or a pipe is written in place instead (it
    cannot be replaced), and a folder is refused (IsADirectoryError) before
    anything is written.

    The data is written to a temporary file beside the target, flushed to
    disk, and renamed over the target; if the block raises, the temporary
    file is removed and the target is as it was. The new file keeps the
    target's permissions (a new target gets the umask's). OSError (a
    missing folder, a full disk) propagates after the cleanup.
    """
    target = target_of(path)
    try:
        kind = target.stat().st_mode
    except FileNotFoundError:
        kind = stat.S_IFREG
    if stat.S_ISDIR(kind):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    if not stat.S_ISREG(kind):
        # A device or a pipe (/dev/null, a FIFO, /dev/stdout) is a stream, never
        # replaced by a file: written in place, as it comes.
        with open(target, "wb") as stream:
            yield stream
        return
    folder = target.parent
    sweep(folder)
    handle, temporary = create_temporary(folder)
    try:
        with os.fdopen(handle, "wb", buffering=1 << 20) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
            os.chmod(temporary, _mode_for(target))
            os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _blocking_ancestor(folder: Path) -> Path:
    """The nearest existing ancestor of `folder` (itself included)."""
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate):
            return candidate
    return folder


_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the file grew beyond the largest size allowed",
    errno.EROFS: "the file system is read-only",
    errno.EISDIR: "it is a folder",
}


def failure(path: str | Path, error: OSError) -> str:
    """One sentence saying why writing `path` failed, naming the folder at fault if one is."""
    folder = target_of(path).parent
    if error.errno == errno.ENOENT:
        missing = safe(str(folder))
        reason = f"no such folder {missing}"
    elif error.errno == errno.ENOTDIR:
        blocking = safe(str(_blocking_ancestor(folder)))
        reason = f"{blocking} is a file, not a folder"
    elif error.errno in (errno.EACCES, errno.EPERM):
        reason = f"no permission to write in {safe(str(folder))}"
    else:
        reason = _REASONS.get(error.errno or 0, error.strerror or str(error))
    return f"cannot write {safe(str(path))}: {reason}"
