"""Export cannot hurt its reader: no controls reach a terminal, no cell runs as a formula.

A hostile article (terminal escape sequences, C1 controls, DEL, bidi
overrides and isolates, a bare CR) is imported, its events decided, and
exported as CSV and as JSONL to stdout.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from db.acled import ACLED_COLUMNS
from db.articles import import_articles
from db.csvrows import CsvRows
from db.decisions import decide
from db.events import add_machine_events
from db.export import write_csv_rows
from db.store import open_store
from tests.conftest import make_event, run_cli

HOSTILE_TEXT = (
    "خبر عاجل \x1b]0;pwned-title\x07 عن الضربات \x1b]52;c;cHduZWQ=\x07 في البوكمال."
    " \x1b[2J\x1b[H مسح الشاشة \x1bPqpwned\x1b\\ ثم \x9b31m أحمر \x85 وحذف \x7f هنا."
    " \u202eمقلوب\u202c و\u2067معزول\u2069 مع علامات \u200e\u200f\u061c ولا\u200dم\u200cو."
)
HOSTILE_TITLE = "عنوان \x1b]2;pwned\x07 \x9d0;x\x9c"
HOSTILE_SOURCE = "وكالة\rالأنباء"
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
KEPT_MARKS = ("\u200e", "\u200f", "\u061c", "\u200d", "\u200c")


def build_hostile(db_path: Path, folder: Path) -> Path:
    """A database where layla accepted two events of a hostile article; return its path.

    The first event's evidence is the whole article; their actors and places
    start like formulas, hold a bare CR, and have negative coordinates.
    """
    articles = folder / "hostile.jsonl"
    record = {"id": "h-1", "text": HOSTILE_TEXT, "title": HOSTILE_TITLE, "source": HOSTILE_SOURCE}
    articles.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    place = {"name": "+Al-Bukamal", "admin1": "-Deir ez-Zor", "country": "Syria"}
    with open_store(db_path, create=True) as store:
        import_articles(store, [articles])
        events = add_machine_events(
            store,
            "h-1",
            [
                make_event(
                    evidence={"start": 0, "end": len(HOSTILE_TEXT)},
                    actor1={"text": "x", "key": "us", "name": '=HYPERLINK("http://e.x")'},
                    actor2={"text": "y", "key": "tribal", "name": "@SUM(A1)"},
                    location={**place, "lat": -33.1, "lon": -70.6},
                    fatalities=0,
                ),
                make_event(
                    evidence={"start": 5, "end": 30},
                    actor1={"text": "\tمسلحون", "key": "sdf", "name": None},
                    actor2={"text": "\rمدنيون", "key": "tribal", "name": None},
                    location={"text": "ميدان\rالساعة", "lat": 34.45, "lon": 40.92},
                ),
            ],
        )
        for event_id in events:
            decide(store, "layla", event_id, "accepted")
    return db_path


@pytest.fixture
def hostile(db_path: Path, tmp_path: Path) -> Path:
    """The hostile dataset of `build_hostile`."""
    return build_hostile(db_path, tmp_path)


def parse_csv(text: str) -> list[list[str]]:
    """Read CSV text back as every reader would (no newline translation)."""
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_to_stdout_carries_no_control_and_keeps_arabic_marks(hostile: Path) -> None:
    result = run_cli(hostile, "export", "--format", "csv")
    assert result.exit_code == 0, result.output
    out = result.stdout_bytes
    assert b"\x1b" not in out and b"\x07" not in out
    assert not UNSAFE.search(result.stdout)
    rows = [dict(zip(ACLED_COLUMNS, row, strict=True)) for row in parse_csv(result.stdout)[1:]]
    notes = rows[0]["notes"]
    assert "pwned-title" in notes and "مقلوب" in notes  # the text stays, its controls do not
    assert all(mark in notes for mark in KEPT_MARKS)


def test_csv_rows_hold_31_fields_however_cells_break_lines(hostile: Path) -> None:
    result = run_cli(hostile, "export", "--format", "csv")
    rows = parse_csv(result.stdout)
    assert len(rows) == 3
    assert all(len(row) == 31 for row in rows)
    assert rows[1][ACLED_COLUMNS.index("source")] == HOSTILE_SOURCE
    assert rows[2][ACLED_COLUMNS.index("location")] == "ميدان\rالساعة"


def test_csv_writer_quotes_every_field_holding_cr_lf_quote_or_comma(tmp_path: Path) -> None:
    fields = ["bare\rcr", "lf\nhere", "crlf\r\nhere", 'a "quote"', "a,comma", "\r", "plain"]
    row = fields + [""] * (31 - len(fields))
    text = CsvRows().text([row, ["next", *[""] * 30]])
    assert '"bare\rcr"' in text and '"\r"' in text
    assert text.count("\r\n") == 1 and text.endswith(",\nnext" + "," * 30 + "\n")  # rows end in LF
    assert parse_csv(text) == [row, ["next", *[""] * 30]]
    out = tmp_path / "rows.csv"
    with out.open("wb") as handle:  # through the export's writer, cells not sanitised first
        assert write_csv_rows(iter([list(row)]), handle, None, raw_cells=True) == 1
    back = parse_csv(out.read_bytes().decode("utf-8"))
    assert [len(r) for r in back] == [31, 31] and back[1] == row


def test_csv_formula_cells_are_neutralised_in_text_columns_only(hostile: Path) -> None:
    result = run_cli(hostile, "export", "--format", "csv")
    first, second = (dict(zip(ACLED_COLUMNS, r, strict=True)) for r in parse_csv(result.stdout)[1:])
    assert first["actor1"] == '\'=HYPERLINK("http://e.x")'
    assert first["actor2"] == "'@SUM(A1)"
    assert (first["location"], first["admin1"]) == ("'+Al-Bukamal", "'-Deir ez-Zor")
    assert (first["latitude"], first["longitude"]) == ("-33.1", "-70.6")  # numbers stay numbers
    assert first["fatalities"] == "0"
    assert (second["actor1"], second["actor2"]) == ("'\tمسلحون", "'\rمدنيون")


def test_raw_cells_keeps_formula_cells_as_they_are(hostile: Path) -> None:
    result = run_cli(hostile, "export", "--format", "csv", "--raw-cells")
    assert result.exit_code == 0, result.output
    first, second = (dict(zip(ACLED_COLUMNS, r, strict=True)) for r in parse_csv(result.stdout)[1:])
    assert (first["actor1"], first["actor2"]) == ('=HYPERLINK("http://e.x")', "@SUM(A1)")
    assert first["location"] == "+Al-Bukamal" and second["actor1"] == "\tمسلحون"
    assert b"\x1b" not in result.stdout_bytes  # controls are never written raw


def test_jsonl_escapes_controls_and_parses_back_to_the_same_text(hostile: Path) -> None:
    result = run_cli(hostile, "export")
    assert result.exit_code == 0, result.output
    out = result.stdout_bytes
    assert not UNSAFE.search(out.decode("utf-8"))
    for escaped in (b"\\u001b", b"\\u009b", b"\\u007f", b"\\u202e", b"\\u2067", b"\\u2069"):
        assert escaped in out
    records = [json.loads(line) for line in out.splitlines()]
    assert records[0]["evidence_text"] == HOSTILE_TEXT
    assert records[0]["article"]["title"] == HOSTILE_TITLE
    assert records[0]["article"]["source"] == HOSTILE_SOURCE
    assert records[1]["actor2"]["text"] == "\rمدنيون"
    assert all(mark.encode() in out for mark in KEPT_MARKS)


def test_jsonl_escapes_controls_in_corrected_records(db_path: Path, hostile: Path) -> None:
    with open_store(db_path) as store:
        (event_id,) = add_machine_events(store, "h-1", [make_event(fatalities=3)])
        fixed = make_event(fatalities=4, actor1={"text": "\x1b]0;t\x07\u202eقوة", "key": "us"})
        decide(store, "layla", event_id, "corrected", fixed)
    result = run_cli(db_path, "export")
    assert not UNSAFE.search(result.stdout)
    corrected = json.loads(result.stdout.splitlines()[-1])
    assert corrected["actor1"]["text"] == "\x1b]0;t\x07\u202eقوة"


def test_a_formula_behind_controls_or_spaces_is_neutralised_too() -> None:
    """Controls become spaces, and a spreadsheet that trims a cell would run what follows."""
    out = io.BytesIO()
    rows = [["x"] * len(ACLED_COLUMNS)]
    text = [i for i, name in enumerate(ACLED_COLUMNS) if name in ("actor1", "actor2", "notes")]
    rows[0][text[0]] = "\x1b=HYPERLINK(1)"
    rows[0][text[1]] = "\u202e+1"
    rows[0][text[2]] = "  @SUM(A1)"
    write_csv_rows(iter(rows), out, None, raw_cells=False)
    cells = parse_csv(out.getvalue().decode())[1]
    assert [cells[i] for i in text] == ["' =HYPERLINK(1)", "' +1", "'  @SUM(A1)"]
