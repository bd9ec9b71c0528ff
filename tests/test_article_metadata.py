"""Article metadata: front matter in .txt files, --published/--source, filling on re-import,
the export's warning about undated events, and the article pane's header."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.articles import IMPORTER, front_matter
from db.decisions import accept_all, audit_log
from db.errors import InputError
from db.store import open_store
from tests.conftest import run_cli
from tui.app import ReviewApp
from tui.layout.drawing import drawn

BODY = "قصف مدفعي على البوكمال.\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def articles(db: Path) -> list[tuple]:
    with open_store(db) as store:
        return store.conn.execute(
            "SELECT title, source, published, url, text FROM articles ORDER BY seq"
        ).fetchall()


def test_front_matter_gives_the_metadata_and_the_text_is_what_follows() -> None:
    fields, body = front_matter(
        "---\ntitle: غارة\nsource: Enab Baladi\npublished: 2024-02-01\nurl: https://x.org/a\n"
        "---\n" + BODY,
        "a.txt",
    )
    assert fields == {"title": "غارة", "source": "Enab Baladi", "published": "2024-02-01",
                      "url": "https://x.org/a"}  # fmt: skip
    assert body == BODY
    assert front_matter(BODY, "b.txt") == ({}, BODY)  # no block: all text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("---\nauthor: x\n---\n" + BODY, ["a.txt", "line 2", "'author: x'"]),
        ("---\npublished: yesterday\n---\n" + BODY, ["a.txt", "line 2", "'yesterday'"]),
        ("---\ntitle: a\ntitle: b\n---\n" + BODY, ["a.txt", "line 3", "title twice"]),
        ("---\ntitle: a\n" + BODY, ["a.txt", "never ends"]),
        ("---\ntitle: a\n---\n\n", ["a.txt", "no text"]),
    ],
)
def test_a_bad_front_matter_is_one_sentence_naming_file_and_line(
    text: str, words: list[str]
) -> None:
    with pytest.raises(InputError) as raised:
        front_matter(text, "a.txt")
    message = str(raised.value)
    assert all(word in message for word in words), message


def test_import_reads_front_matter_and_the_options_fill_what_it_lacks(
    db_path: Path, tmp_path: Path
) -> None:
    full = write(tmp_path, "a.txt", "---\ntitle: غارة\nsource: Enab Baladi\n---\n" + BODY)
    bare = write(tmp_path, "b.txt", "قصف جوي على الميادين.\n")
    result = run_cli(db_path, "import", str(full), str(bare), "--source", "SANA",
                     "--published", "2024-02-03")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert articles(db_path) == [
        ("غارة", "Enab Baladi", "2024-02-03", None, BODY),  # its own source, the date given
        (None, "SANA", "2024-02-03", None, "قصف جوي على الميادين.\n"),
    ]
    bad = run_cli(db_path, "import", str(bare), "--published", "soon")
    assert bad.exit_code != 0 and "--published" in bad.output and "'soon'" in bad.output


def test_reimporting_fills_empty_metadata_audited_and_refuses_a_conflict(
    db_path: Path, tmp_path: Path
) -> None:
    bare = write(tmp_path, "a.txt", BODY)
    assert run_cli(db_path, "import", str(bare)).exit_code == 0
    again = write(tmp_path, "b.txt", "---\nsource: SANA\nurl: https://x.org/a\n---\n" + BODY)
    result = run_cli(db_path, "import", str(again), "--published", "2024-02-01")
    assert result.exit_code == 0 and "1 given metadata they lacked" in result.output
    assert articles(db_path) == [(None, "SANA", "2024-02-01", "https://x.org/a", BODY)]
    with open_store(db_path) as store:
        [entry] = audit_log(store, IMPORTER)
    assert entry["action"] == "fill_metadata" and entry["after"]["source"] == "SANA"
    conflict = write(tmp_path, "c.txt", "---\nsource: Enab Baladi\n---\n" + BODY)
    refused = run_cli(db_path, "import", str(conflict))
    assert refused.exit_code != 0
    assert "already has source 'SANA', not 'Enab Baladi'" in refused.output
    assert articles(db_path) == [(None, "SANA", "2024-02-01", "https://x.org/a", BODY)]
    with sqlite3.connect(db_path) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE articles SET text = 'x'")  # the text stays immutable


def test_export_warns_with_a_count_when_curated_events_have_no_date(
    db_path: Path, tmp_path: Path
) -> None:
    dated = write(tmp_path, "a.txt", "---\npublished: 2024-02-01\n---\nقصف جوي على الميادين أمس.\n")
    undated = write(tmp_path, "b.txt", "قصف جوي على البوكمال.\n")
    assert run_cli(db_path, "import", str(dated), str(undated)).exit_code == 0
    assert run_cli(db_path, "extract").exit_code == 0
    with open_store(db_path) as store:
        for (article_id,) in store.conn.execute("SELECT id FROM articles").fetchall():
            accept_all(store, "layla", article_id)
        dates = store.conn.execute("SELECT date FROM events ORDER BY seq").fetchall()
    missing = sum(1 for (date,) in dates if date is None)
    assert missing >= 1
    result = run_cli(db_path, "export", "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0
    noun = "events have" if missing != 1 else "event has"
    assert f"warning: {missing} curated {noun} no date" in result.output


async def test_the_article_pane_shows_title_source_date_and_url(
    db_path: Path, tmp_path: Path
) -> None:
    path = write(tmp_path, "a.txt", "---\ntitle: غارة على البوكمال\nsource: Enab Baladi\n"
                 "published: 2024-02-01\nurl: https://x.org/a\n---\n" + BODY)  # fmt: skip
    assert run_cli(db_path, "import", str(path)).exit_code == 0
    app = ReviewApp(db_path, "layla", rtl="app")
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("ArticleView")
        titles = [row.line.text for row in view.rows if row.title and row.line]
        header = " ".join(titles)
        assert drawn("غارة على البوكمال", "app") in titles[0]
        assert titles[-1] == "Enab Baladi · 2024-02-01 · https://x.org/a"  # a row of its own
        for part in ("Enab Baladi", "2024-02-01", "https://x.org/a"):
            assert part in header
