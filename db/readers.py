"""Reading untrusted input files: UTF-8 text, JSON Lines, and folders of them.

Every fault is raised as an InputError naming the file and line, before
anything is written. Strings are checked for lone surrogates (which JSON can
smuggle in as escapes and SQLite cannot store as UTF-8).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from db.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".jsonl")


@dataclass(frozen=True)
class JsonLine:
    """One parsed line of a JSON Lines file and where it came from."""

    source: str
    line: int
    value: Any
    end_offset: int


def decode_utf8(data: bytes, source: str, first_line: int = 1) -> str:
    """Decode bytes as strict UTF-8, naming the line of the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = first_line + data.count(b"\n", 0, error.start)
        bad = data[error.start : error.start + 1].hex()
        raise InputError(source, f"not valid UTF-8 (byte 0x{bad})", line) from error


def check_text(value: str, source: str, line: int | None, what: str) -> str:
    """Refuse strings holding lone surrogates, which cannot be stored as UTF-8."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(
            source, f"{what} holds an unpaired surrogate at offset {error.start}", line
        ) from error
    return value


def read_text_file(path: Path) -> str:
    """Return a .txt file's text (a leading byte-order mark removed); refuse empty files."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(source, f"cannot be read ({error.strerror})") from error
    text = decode_utf8(data, source)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError(source, "the file is empty")
    return text


def iter_json_lines(path: Path) -> Iterator[JsonLine]:
    """Yield each non-blank line of a JSON Lines file parsed; refuse a file with none."""
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise InputError(source, f"cannot be read ({error.strerror})") from error
    offset, seen = 0, False
    with handle:
        for number, raw in enumerate(handle, start=1):
            offset += len(raw)
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            try:
                value = orjson.loads(raw)  # fast; validates UTF-8 and refuses lone surrogates
            except orjson.JSONDecodeError:
                value = _parse_slowly(raw, source, number)
            seen = True
            yield JsonLine(source, number, value, offset)
    if not seen:
        raise InputError(source, "the file is empty")


def _parse_slowly(raw: bytes, source: str, number: int) -> Any:
    """Parse a line orjson refused, to say exactly what is wrong with it."""
    text = decode_utf8(raw, source, number)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(source, f"invalid JSON ({error.msg})", number) from error
    check_strings(value, source, number)
    return value


def check_strings(value: Any, source: str, line: int | None) -> None:
    """Refuse a parsed JSON value holding a string with a lone surrogate anywhere."""
    if isinstance(value, str):
        check_text(value, source, line, "a string")
    elif isinstance(value, dict):
        for key, item in value.items():
            check_text(key, source, line, "a key")
            check_strings(item, source, line)
    elif isinstance(value, list):
        for item in value:
            check_strings(item, source, line)


def expand_paths(paths: Sequence[str | Path], suffixes: Sequence[str]) -> list[Path]:
    """Turn files and folders into the sorted list of files to read.

    A folder contributes every file below it with one of `suffixes`; a file
    named directly must have one of them.
    """
    files: list[Path] = []
    wanted = " or ".join(suffixes)
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in suffixes)
            if not found:
                raise InputError(str(path), f"the folder holds no {wanted} files")
            files.extend(found)
        elif path.is_file():
            if path.suffix not in suffixes:
                raise InputError(str(path), f"not a {wanted} file")
            files.append(path)
        else:
            raise InputError(str(path), "no such file or folder")
    return files
