"""`hadath import`: deep JSON, NUL characters and hostile file names get one safe sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SEEDS, run_cli, snapshot
from tests.refusals import assert_refused

MAX_DEPTH = 100  # db.readers.MAX_DEPTH, the deepest nesting an input line may have


def deep_list(levels: int) -> str:
    return "[" * levels + "]" * levels


DEEP_LINES = [
    ("orjson accepts, deeper than the limit", '{"text": ' + deep_list(MAX_DEPTH + 1) + "}"),
    ("about a thousand deep", '{"text": ' + deep_list(1000) + "}"),
    ("past orjson's limit", deep_list(1100)),
    ("a hundred thousand deep", deep_list(100_000)),
    ("deep and broken", "[" * 5000 + '"x\\ud800"'),
    ("deep objects", '{"a":' * 3000 + "1" + "}" * 3000),
]


@pytest.mark.parametrize(("case", "line"), DEEP_LINES, ids=[c[0] for c in DEEP_LINES])
def test_deeply_nested_json_is_refused_with_file_and_line(
    db_path: Path, tmp_path: Path, case: str, line: str
) -> None:
    run_cli(db_path, "import", str(SEEDS))
    before = snapshot(db_path)
    path = tmp_path / "deep.jsonl"
    path.write_text('{"text": "خبر"}\n' + line + "\n", "utf-8")
    result = run_cli(db_path, "import", str(path))
    assert_refused(result, f"{path}, line 2: JSON nested deeper than {MAX_DEPTH} levels")
    assert snapshot(db_path) == before


def test_nesting_up_to_the_limit_reaches_the_record_check(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text('{"text": ' + deep_list(MAX_DEPTH - 1) + "}\n", "utf-8")
    result = run_cli(db_path, "import", str(path))
    assert_refused(result, f"{path}, line 1: text is not a non-empty string")


NUL_RECORDS = [
    ("text", {"text": "قبل\x00بعد"}, "text holds a NUL character (U+0000) at offset 3"),
    ("title", {"text": "خبر", "title": "a\x00"}, "title holds a NUL character"),
    ("url", {"text": "خبر", "url": "https://x/\x00"}, "url holds a NUL character"),
    ("source", {"text": "خبر", "source": "\x00"}, "source holds a NUL character"),
    ("id", {"text": "خبر", "id": "a\x00b"}, "id 'a\\x00b' must be printable"),
]


@pytest.mark.parametrize(
    ("case", "fields", "message"), NUL_RECORDS, ids=[c[0] for c in NUL_RECORDS]
)
def test_nul_in_a_jsonl_field_is_refused(
    db_path: Path, tmp_path: Path, case: str, fields: dict[str, str], message: str
) -> None:
    run_cli(db_path, "import", str(SEEDS))
    before = snapshot(db_path)
    path = tmp_path / "nul.jsonl"
    path.write_text('{"text": "سليم"}\n' + json.dumps(fields) + "\n", "utf-8")
    result = run_cli(db_path, "import", str(path))
    assert_refused(result, f"{path}, line 2: {message}")
    assert snapshot(db_path) == before


def test_nul_in_a_txt_file_names_its_line(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes("سطر أول\nسطر\x00 ثان\n".encode())
    result = run_cli(db_path, "import", str(path))
    assert_refused(result, f"{path}, line 2: text holds a NUL character (U+0000) at offset 11")
    assert not db_path.exists()  # a refused first import leaves no database behind


HOSTILE_NAMES = [
    ("OSC title", "a\x1b]0;pwned\x07.txt", "a\\x1b]0;pwned\\x07.txt"),
    ("CSI clear", "b\x1b[2J.txt", "b\\x1b[2J.txt"),
    ("C1 CSI", "c\x9b31m.txt", "c\\x9b31m.txt"),
    ("bidi override", "d\u202etxt.exe.txt", "d\\u202etxt.exe.txt"),
    ("bidi isolate", "e\u2066x\u2069.txt", "e\\u2066x\\u2069.txt"),
    ("newline", "f\nError: fine.txt", "f\\nError: fine.txt"),
]


@pytest.mark.parametrize(
    ("case", "name", "shown"), HOSTILE_NAMES, ids=[c[0] for c in HOSTILE_NAMES]
)
def test_file_names_reach_the_terminal_escaped(
    db_path: Path, tmp_path: Path, case: str, name: str, shown: str
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / name).write_bytes(b"")
    result = run_cli(db_path, "import", str(folder))
    assert_refused(result, f"{folder}/{shown}: the file is empty")
    for raw in ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\u2069"):
        assert raw not in result.stderr


def test_values_in_messages_are_escaped(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "خبر", "title": ["\x1b]52;c;aGk=\x07", "\u202e"]}) + "\n")
    result = run_cli(db_path, "import", str(path))
    assert_refused(result, "title must be a string")
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
