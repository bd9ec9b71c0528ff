"""`hadath import`: each input format, idempotence, and refusals that write nothing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from db.articles import get_article, text_id
from db.store import open_store
from tests.conftest import SEEDS, run_cli, snapshot


def article_rows(db_path: Path) -> list[dict]:
    with open_store(db_path) as store:
        return list(store.db.query("SELECT id, title, url, source, published, text FROM articles"))


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_seed_folder_imports_five_articles_with_text_hash_ids(db_path: Path) -> None:
    result = run_cli(db_path, "import", str(SEEDS))
    assert result.exit_code == 0, result.output
    assert "imported 5 articles (0 already present) from 5 files" in result.stdout
    rows = article_rows(db_path)
    assert len(rows) == 5
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text("utf-8")
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        match = [row for row in rows if row["id"] == digest]
        assert match and match[0]["text"] == text  # stored byte for byte


def test_importing_the_seeds_twice_leaves_five_articles(db_path: Path) -> None:
    run_cli(db_path, "import", str(SEEDS))
    before = snapshot(db_path)
    result = run_cli(db_path, "import", str(SEEDS))
    assert result.exit_code == 0
    assert "imported 0 articles (5 already present)" in result.stdout
    assert len(article_rows(db_path)) == 5
    assert snapshot(db_path) == before


def test_single_txt_files_and_a_bom(db_path: Path, tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_bytes("\ufeffقصفت طائرات مسيرة موقعاً.\n".encode())
    two = tmp_path / "two.txt"
    two.write_text("اشتباكات في دير الزور.", "utf-8")
    result = run_cli(db_path, "import", str(one), str(two))
    assert result.exit_code == 0, result.output
    texts = sorted(row["text"] for row in article_rows(db_path))
    assert texts == sorted(["قصفت طائرات مسيرة موقعاً.\n", "اشتباكات في دير الزور."])


def test_jsonl_records_keep_their_fields(db_path: Path, tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "batch.jsonl",
        [
            {
                "id": "a-1",
                "text": "نص الخبر الأول",
                "title": "عنوان",
                "url": "https://example.org/1",
                "source": "وكالة",
                "published": "2023-10-27",
            },
            {"text": "نص الخبر الثاني", "published": "2023-10-28T09:30:00+03:00"},
            {"id": 42, "text": "رقم معرّف"},
        ],
    )
    result = run_cli(db_path, "import", str(source))
    assert result.exit_code == 0, result.output
    with open_store(db_path) as store:
        first = get_article(store, "a-1")
        assert first is not None
        assert (first.title, first.url, first.source, first.published) == (
            "عنوان",
            "https://example.org/1",
            "وكالة",
            "2023-10-27",
        )
        second = get_article(store, text_id("نص الخبر الثاني"))
        assert second is not None and second.published == "2023-10-28T09:30:00+03:00"
        assert get_article(store, "42") is not None


def test_folder_with_txt_and_jsonl_inside_subfolders(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "batch" / "day1"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("خبر أ", "utf-8")
    write_jsonl(folder.parent / "b.jsonl", [{"text": "خبر ب"}, {"text": "خبر ج"}])
    (folder / "notes.md").write_text("ignored", "utf-8")
    result = run_cli(db_path, "import", str(tmp_path / "batch"))
    assert result.exit_code == 0, result.output
    assert sorted(r["text"] for r in article_rows(db_path)) == ["خبر أ", "خبر ب", "خبر ج"]


def test_blank_lines_in_jsonl_are_skipped(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "gaps.jsonl"
    path.write_text('{"text": "أ"}\n\n   \n{"text": "ب"}\n', "utf-8")
    assert run_cli(db_path, "import", str(path)).exit_code == 0
    assert len(article_rows(db_path)) == 2


def test_duplicate_inside_one_file_is_stored_once(db_path: Path, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "dup.jsonl", [{"text": "نفس النص"}, {"text": "نفس النص"}])
    result = run_cli(db_path, "import", str(path))
    assert "imported 1 articles (1 already present)" in result.stdout
    assert len(article_rows(db_path)) == 1


def test_jsonl_broken_on_line_3_names_line_3_and_writes_nothing(
    db_path: Path, tmp_path: Path
) -> None:
    run_cli(db_path, "import", str(SEEDS))
    before = snapshot(db_path)
    path = tmp_path / "broken.jsonl"
    path.write_text('{"text": "أول"}\n{"text": "ثان"}\n{"text": "ثالث"\n{"text": "رابع"}\n')
    result = run_cli(db_path, "import", str(path))
    assert result.exit_code == 1
    assert f"{path}, line 3: invalid JSON" in result.stderr
    assert result.stderr.count("\n") == 1  # one sentence
    assert snapshot(db_path) == before


BAD_JSONL = [
    ("missing text", ['{"id": "x"}'], 1, "text is missing"),
    ("empty text", ['{"text": "ok"}', '{"text": "   "}'], 2, "text is not a non-empty string"),
    ("text not a string", ['{"text": 5}'], 1, "text is not a non-empty string"),
    ("not an object", ['["text"]'], 1, "must be a JSON object"),
    ("unknown key", ['{"text": "a", "titel": "b"}'], 1, "unknown key 'titel'"),
    ("bad published", ['{"text": "a", "published": "27/10/2023"}'], 1, "published must be"),
    ("bad id", ['{"text": "a", "id": ""}'], 1, "id must be a non-empty string"),
    ("control char id", ['{"text": "a", "id": "a\\u001b[31m"}'], 1, "must be printable"),
    ("title type", ['{"text": "a", "title": ["x"]}'], 1, "title must be a string"),
    ("lone surrogate", ['{"text": "a"}', '{"text": "x\\ud800y"}'], 2, "unpaired surrogate"),
]


@pytest.mark.parametrize(
    ("case", "lines", "line", "message"), BAD_JSONL, ids=[c[0] for c in BAD_JSONL]
)
def test_bad_jsonl_is_refused_with_file_and_line(
    db_path: Path, tmp_path: Path, case: str, lines: list[str], line: int, message: str
) -> None:
    run_cli(db_path, "import", str(SEEDS))
    before = snapshot(db_path)
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = run_cli(db_path, "import", str(path))
    assert result.exit_code == 1, case
    assert f"{path}, line {line}: " in result.stderr
    assert message in result.stderr
    assert snapshot(db_path) == before


def test_not_utf8_names_the_line(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    result = run_cli(db_path, "import", str(path))
    assert result.exit_code == 1
    assert f"{path}, line 2: not valid UTF-8 (byte 0xe9)" in result.stderr
    assert not db_path.exists()  # a refused first import leaves no database behind


def test_txt_not_utf8_names_the_line(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "cp1256.txt"
    path.write_bytes("سطر أول\n".encode() + "سطر ثان".encode("cp1256"))
    result = run_cli(db_path, "import", str(path))
    assert result.exit_code == 1
    assert f"{path}, line 2: not valid UTF-8" in result.stderr


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_empty_files_are_refused(
    db_path: Path, tmp_path: Path, suffix: str, content: bytes
) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(content)
    result = run_cli(db_path, "import", str(path))
    assert result.exit_code == 1
    assert f"{path}: the file is empty" in result.stderr


def test_one_bad_file_among_good_ones_writes_nothing(db_path: Path, tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "a_good.jsonl", [{"text": f"خبر {i}"} for i in range(3000)])
    bad = tmp_path / "b_bad.jsonl"
    bad.write_text('{"text": "x"}\n{oops}\n', "utf-8")
    result = run_cli(db_path, "import", str(good), str(SEEDS), str(bad))
    assert result.exit_code == 1
    assert f"{bad}, line 2: invalid JSON" in result.stderr
    assert not db_path.exists()  # a refused first import leaves no database behind


def test_same_id_with_other_text_is_refused(db_path: Path, tmp_path: Path) -> None:
    write_jsonl(tmp_path / "v1.jsonl", [{"id": "n1", "text": "النص الأصلي"}])
    assert run_cli(db_path, "import", str(tmp_path / "v1.jsonl")).exit_code == 0
    before = snapshot(db_path)
    write_jsonl(tmp_path / "v2.jsonl", [{"text": "جديد"}, {"id": "n1", "text": "نص آخر"}])
    result = run_cli(db_path, "import", str(tmp_path / "v2.jsonl"))
    assert result.exit_code == 1
    assert "line 2: article 'n1' is already stored with a different text" in result.stderr
    assert snapshot(db_path) == before


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.txt", "no such file or folder"), ("notes.csv", "not a .txt or .jsonl file")],
)
def test_paths_that_cannot_be_imported(
    db_path: Path, tmp_path: Path, name: str, message: str
) -> None:
    path = tmp_path / name
    if name.endswith(".csv"):
        path.write_text("a,b\n")
    result = run_cli(db_path, "import", str(path))
    assert result.exit_code == 1
    assert f"{path}: {message}" in result.stderr


def test_folder_without_articles_is_refused(db_path: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run_cli(db_path, "import", str(tmp_path / "empty"))
    assert result.exit_code == 1
    assert "the folder holds no .txt or .jsonl files" in result.stderr


def test_hostile_text_is_stored_verbatim(db_path: Path, tmp_path: Path) -> None:
    hostile = "\x1b]0;pwned\x07[link=https://evil]x[/link]\u202e\x01 نص"  # NUL is refused
    write_jsonl(tmp_path / "h.jsonl", [{"id": "h", "text": hostile}])
    assert run_cli(db_path, "import", str(tmp_path / "h.jsonl")).exit_code == 0
    with open_store(db_path) as store:
        article = get_article(store, "h")
        assert article is not None and article.text == hostile
