"""Turning the files, folders and pipes named to `import` into the list of files to read.

A folder is walked in full: symbolic links to folders are followed (each real
folder once, so a link back up the tree cannot loop), and anything that
cannot be looked at (a folder that cannot be listed, a broken or looping
link) is an InputError naming it, never a silent skip. A named pipe given
directly (`hadath import <(zcat batch.jsonl.gz)`) is read as a stream.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from db.display import file_kind
from db.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".jsonl")


def expand_paths(paths: Sequence[str | Path], suffixes: Sequence[str]) -> list[Path]:
    """Turn files, folders and named pipes into the list of files to read.

    A folder contributes every regular file below it with one of `suffixes`,
    sorted by path; a file named directly must have one of them; a named pipe
    named directly is taken whatever its name. Nothing is opened or read.
    """
    files: list[Path] = []
    wanted = " or ".join(suffixes)
    for given in paths:
        path = Path(given)
        mode = _stat(path, missing="no such file or folder").st_mode
        if stat.S_ISDIR(mode):
            found = sorted(_walk(path, suffixes))
            if not found:
                raise InputError(str(path), f"the folder holds no {wanted} files")
            files.extend(found)
        elif stat.S_ISREG(mode):
            if path.suffix not in suffixes:
                raise InputError(str(path), f"not a {wanted} file")
            files.append(path)
        elif stat.S_ISFIFO(mode):
            files.append(path)
        else:
            raise InputError(str(path), f"not a regular file or a named pipe ({file_kind(mode)})")
    return files


def _walk(folder: Path, suffixes: Sequence[str]) -> list[Path]:
    """Every regular file below `folder` with one of `suffixes`, links to folders followed."""
    top = folder.stat()
    seen = {(top.st_dev, top.st_ino)}
    found: list[Path] = []
    pending = [folder]  # a list, not recursion: folders may nest deeper than the stack
    while pending:
        current = pending.pop()
        for path in _list(current):
            if path.suffix not in ("", *suffixes) and not path.exists():
                continue  # a broken link or a file gone, that no article could be (.#notes.md)
            info = _stat(path, missing="vanished while the folder was read")
            if stat.S_ISDIR(info.st_mode):
                key = (info.st_dev, info.st_ino)
                if key not in seen:  # a folder reached twice (a link back up) is walked once
                    seen.add(key)
                    pending.append(path)
            elif path.suffix in suffixes:
                if not stat.S_ISREG(info.st_mode):
                    raise InputError(str(path), f"not a regular file ({file_kind(info.st_mode)})")
                found.append(path)
    return found


def _list(folder: Path) -> list[Path]:
    try:
        with os.scandir(folder) as entries:
            return [Path(entry.path) for entry in entries]
    except OSError as error:
        raise InputError(str(folder), f"the folder cannot be read ({error.strerror})") from error


def _stat(path: Path, missing: str) -> os.stat_result:
    """Stat `path` through links; a failure is an InputError saying why."""
    try:
        return path.stat()
    except OSError as error:
        if error.errno == errno.ENOENT:
            if path.is_symlink():
                target = os.readlink(path)
                raise InputError(
                    str(path), f"a symbolic link to {target}, which does not exist"
                ) from error
            raise InputError(str(path), missing) from error
        raise InputError(str(path), f"cannot be read ({error.strerror})") from error
