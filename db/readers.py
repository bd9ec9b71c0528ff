"""Reading untrusted input files: UTF-8 text and JSON Lines.

Every fault is raised as an InputError naming the file and line, before
anything is written. Strings are checked for lone surrogates (which JSON can
smuggle in as escapes and SQLite cannot store as UTF-8), and JSON values for
nesting deeper than any record needs (which would exhaust Python's stack).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from db.errors import InputError

# Records nest two levels (an event and its actor, location or evidence);
# the limit keeps every later walk over a value (repr, checks) far from the stack's.
MAX_DEPTH = 100
# Ids and names (an article id, an event id, an extractor) are shown in messages
# and on screen: printable, and short enough to fit a line.
MAX_NAME_LENGTH = 200


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


def check_name(value: str, source: str, line: int | None, what: str) -> str:
    """Refuse an id or a name that is not printable or longer than MAX_NAME_LENGTH."""
    if len(value) > MAX_NAME_LENGTH or not value.isprintable():
        raise InputError(
            source,
            f"{what} {value[:40]!r} must be printable and at most {MAX_NAME_LENGTH} characters",
            line,
        )
    return value


def check_no_nul(value: str, source: str, line: int | None, what: str) -> None:
    """Refuse a string holding NUL, which SQLite's text functions take for its end.

    `line` None means `value` is a whole file: the line is counted in it.
    """
    offset = value.find("\0")
    if offset >= 0:
        if line is None:
            line = 1 + value.count("\n", 0, offset)
        raise InputError(source, f"{what} holds a NUL character (U+0000) at offset {offset}", line)


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
    """Yield each non-blank line of a JSON Lines file parsed; refuse a file with none.

    The file is read once, front to back, so a named pipe works as well.
    """
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
            else:
                # An object of plain values (an article) cannot be deep: skip the walk.
                if not isinstance(value, dict) or any(
                    isinstance(item, dict | list) for item in value.values()
                ):
                    _check_depth(value, source, number)
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
    except RecursionError as error:  # far deeper than MAX_DEPTH: orjson stops at 1024
        raise _too_deep(source, number) from error
    _check_depth(value, source, number)
    check_strings(value, source, number)
    return value


def _too_deep(source: str, line: int) -> InputError:
    return InputError(source, f"JSON nested deeper than {MAX_DEPTH} levels", line)


def _check_depth(value: Any, source: str, line: int) -> None:
    """Refuse a value with lists or objects nested more than MAX_DEPTH levels."""
    if not isinstance(value, dict | list):
        return
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _too_deep(source, line)
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))


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
