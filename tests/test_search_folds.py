"""Folded search: the article list finds the spellings a reviewer does not type.

Real SQLite files; the folded copies are built as the review app builds them
(db.search_folds.fold_missing), and a search is right before they are built.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from db.articles import import_articles
from db.listing import count_articles_matching, list_articles
from db.search_folds import count_unfolded, fold_missing, main, start_folding
from db.store import Store, open_store

ARTICLES = [
    {"id": "hamza", "text": "أعلنت القوات الأمريكية عن غارة جوية."},
    {"id": "marks", "text": "قَصَفَت الطائراتُ مواقعَ في البوكمال."},
    {"id": "tatweel", "text": "قصــف مدفعي على دير الزور أمس"},
    {"id": "digits", "text": "قتل ١٢ شخصا في القصف", "title": "حصيلة: ١٢ قتيلا"},
    {"id": "latin", "text": "CENTCOM said the STRIKE hit a depot."},
    {"id": "other", "text": "لا علاقة لهذا الخبر بأي شيء آخر"},
]


@pytest.fixture
def store(tmp_path: Path):
    source = tmp_path / "articles.jsonl"
    source.write_text(
        "".join(json.dumps(article, ensure_ascii=False) + "\n" for article in ARTICLES), "utf-8"
    )
    with open_store(tmp_path / "search.db", create=True) as opened:
        import_articles(opened, [source])
        yield opened


def found(store: Store, query: str) -> list[str]:
    rows = list_articles(store, "layla", "all", query)
    assert count_articles_matching(store, "layla", "all", query) == len(rows)
    return [row.id for row in rows]


QUERIES = [
    ("الامريكية", ["hamza"]),  # alef with hamza and ta marbuta folded
    ("الأمريكيه", ["hamza"]),
    ("اعلنت", ["hamza"]),
    ("قصفت الطائرات", ["marks"]),  # harakat
    ("قصف مدفعي", ["tatweel"]),  # tatweel
    ("12 شخصا", ["digits"]),  # Arabic-Indic digits, typed as Latin digits
    ("١٢ قتيلا", ["digits"]),  # in the title
    ("strike", ["latin"]),  # case
]


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_folded_spellings_are_found_once_the_copies_are_built(
    store: Store, query: str, expected: list[str]
) -> None:
    assert count_unfolded(store) == len(ARTICLES)
    assert fold_missing(store) == len(ARTICLES)
    assert count_unfolded(store) == 0
    assert found(store, query) == expected


def test_before_the_copies_are_built_the_text_is_searched_as_written(store: Store) -> None:
    assert found(store, "الأمريكية") == ["hamza"]
    assert found(store, "الامريكية") == []  # not folded yet
    fold_missing(store, batch=2)
    assert found(store, "الامريكية") == ["hamza"]


def test_folding_stops_between_batches_and_resumes(store: Store) -> None:
    batches: list[int] = []
    assert fold_missing(store, stopped=lambda: len(batches) == 2, progress=batches.append, batch=2)
    assert count_unfolded(store) == len(ARTICLES) - 4
    assert fold_missing(store) == 2
    assert fold_missing(store) == 0


def test_a_percent_or_underscore_is_searched_literally(store: Store) -> None:
    fold_missing(store)
    assert found(store, "%") == [] and found(store, "_") == []


def test_matches_map_back_to_the_words_as_written() -> None:
    from db.search_folds import match_spans

    text = "قَصَفَت القوات الأمريكيةُ مواقع. ثم عادت القوات الامريكية"
    spans = match_spans(text, "الامريكية")
    assert [text[start:end] for start, end in spans] == ["الأمريكيةُ", "الامريكية"]
    assert match_spans(text, "  ") == [] and match_spans(text, "zz") == []
    assert [text[s:e] for s, e in match_spans(text, "قصفت")] == ["قَصَفَت"]


def test_the_folding_process_folds_every_article(store: Store) -> None:
    """`start_folding` runs `python -m db.search_folds` on the file; it exits once all are done."""
    assert count_unfolded(store) == len(ARTICLES)
    process = start_folding(store.path)
    assert process.wait(timeout=60) == 0
    assert count_unfolded(store) == 0
    assert found(store, "الامريكية") == ["hamza"]


def test_the_folding_process_stops_once_its_parent_is_gone(store: Store) -> None:
    assert main([str(store.path), str(os.getpid() + 1_000_000)]) == 0  # not its parent
    assert count_unfolded(store) == len(ARTICLES)
    assert main([str(store.path), str(os.getppid())]) == 0
    assert count_unfolded(store) == 0


def test_the_folding_process_leaves_a_database_it_cannot_open(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    assert main([str(missing), str(os.getppid())]) == 1
    assert not missing.exists()
