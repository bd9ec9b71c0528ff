"""The extractor compiled with mypyc finds exactly what the Python extractor finds.

A release wheel is built with the mypyc hook on (pyproject.toml); the tests
build it the same way (benchmarks/compiled.py, about two minutes of one core),
import it in another process and compare what it finds with what the sources
find here: every gold article, synthetic articles, hostile text, a reviewers'
lexicon, and `hadath extract --jobs 2` storing into a database.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path
from typing import Any

import pytest

from extract import extract_events
from extract.learned import LearnedActor, LearnedPlace, Lexicon
from tests.conftest import ROOT, run_cli
from tests.gold import GOLD_SETS, load_gold

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_store import load_seed_sentences, synthetic_articles


def _can_compile() -> bool:
    """Whether this machine has what mypyc's C build needs: a compiler and Python's headers."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    return shutil.which(compiler) is not None and headers.exists()


pytestmark = [
    pytest.mark.timeout(1500),
    pytest.mark.skipif(not _can_compile(), reason="no C compiler or Python headers"),
]

LEXICON = Lexicon(
    places=(LearnedPlace("الإرميلة", 35.05, 40.55, "Al-Armila"),),
    actors=(LearnedActor("سرايا الفجر", "iran_backed"),),
)
EXTRACT = """
import json, sys
from extract import extract_events
from extract.learned import LearnedActor, LearnedPlace, Lexicon
lexicon = Lexicon(
    places=(LearnedPlace("الإرميلة", 35.05, 40.55, "Al-Armila"),),
    actors=(LearnedActor("سرايا الفجر", "iran_backed"),),
)
for line in open(sys.argv[1], encoding="utf-8"):
    text, published, learned = json.loads(line)
    events = extract_events(text, published, lexicon if learned else None)
    print(json.dumps([event.to_dict() for event in events]))
"""


def _hostile_texts() -> list[str]:
    """Text no article should be, but any imported file may hold."""
    rng = random.Random(20261205)
    alphabet = "قتل مدني بقصف على بلدة الرقة ٣ 12 ، . « » \n\u200f\u202b\u0640\u064b%-"
    texts = [
        "",
        " ",
        "\x00\x01",
        "قصف",
        "قوات النظام و" * 400 + " قصفت بلدة كفرنبودة",
        "\ud800 قتل 3 مدنيين في غارة على الرقة",
        "٠١٢٣٤٥٦٧٨٩" * 50,
        "قتل " + "9" * 400 + " مدنياً في الرقة أمس.",
    ]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 600))) for _ in range(60)]
    return texts


def _inputs() -> list[tuple[str, str | None, bool]]:
    """(text, published, with the lexicon) of every comparison."""
    inputs: list[tuple[str, str | None, bool]] = []
    for prefix in GOLD_SETS:
        inputs += [
            (article["text"], article["published"], False) for article, _ in load_gold(prefix)
        ]
    synthetic = synthetic_articles(120, load_seed_sentences())
    inputs += [(article["text"], "2024-01-01", False) for article in synthetic]
    inputs += [(text, "2023-06-30", False) for text in _hostile_texts()]
    inputs += [
        ("قتل مدنيان بقصف على بلدة بالإرميلة أمس. وهاجمت سرايا الفجر حاجزاً للجيش.", None, True),
        (
            "استهدفت غارة جوية سيارة لسرايا الفجر قرب الإرميلة، ما أدى إلى مقتل ثلاثة.",
            "2024-02-03",
            True,
        ),
    ]
    return inputs


@pytest.fixture(scope="module")
def compiled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The unpacked compiled wheel: put first on PYTHONPATH, it is the hadath imported."""
    folder = tmp_path_factory.mktemp("compiled")
    built = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "compiled.py"), str(folder)],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    return Path(built.stdout.strip())


def _in_compiled(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run Python with the compiled hadath first on its path (never the checkout's)."""
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONSAFEPATH": "1"}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd, env=env, check=False
    )


def test_every_module_the_hook_names_is_compiled(compiled_site: Path, tmp_path: Path) -> None:
    hook = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["hatch"]["build"]
    excluded = {Path(path).name for path in hook["targets"]["wheel"]["hooks"]["mypyc"]["exclude"]}
    modules = sorted(p.stem for p in (ROOT / "extract").glob("*.py") if p.name not in excluded)
    assert "pipeline" in modules and "phrases" in modules
    code = (
        "import importlib, sys\nfor m in sys.argv[1:]: print(importlib.import_module(m).__file__)"
    )
    done = _in_compiled(compiled_site, "-c", code, *(f"extract.{m}" for m in modules), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    files = [Path(line) for line in done.stdout.splitlines()]
    assert [path.name.split(".")[0] for path in files] == modules
    assert all(path.suffix == ".so" and path.is_relative_to(compiled_site) for path in files)


def test_the_compiled_extractor_finds_what_the_python_one_finds(
    compiled_site: Path, tmp_path: Path
) -> None:
    inputs = _inputs()
    source = tmp_path / "inputs.jsonl"
    source.write_text("".join(json.dumps(item) + "\n" for item in inputs), "utf-8")
    script = tmp_path / "extract_all.py"
    script.write_text(EXTRACT, "utf-8")
    done = _in_compiled(compiled_site, str(script), str(source), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    compiled = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(compiled) == len(inputs)
    found = 0
    for (text, published, learned), theirs in zip(inputs, compiled, strict=True):
        ours = extract_events(text, published, LEXICON if learned else None)
        assert theirs == [event.to_dict() for event in ours], text[:200]
        found += len(ours)
    assert found > 1000  # the comparison covers what an extractor does, not empty lists
    assert any(json.dumps(events).count("Al-Armila") for events in compiled[-2:])


def _stored_events(path: Path) -> list[dict[str, Any]]:
    """The events a database holds, without their ids and times."""
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        rows = [dict(row) for row in connection.execute("SELECT * FROM events")]
    finally:
        connection.close()
    for row in rows:
        for column in ("seq", "id", "created_at"):
            row.pop(column)
    return sorted(rows, key=lambda row: json.dumps(row, sort_keys=True, ensure_ascii=False))


def test_hadath_extract_with_jobs_stores_the_same_events(
    compiled_site: Path, tmp_path: Path
) -> None:
    articles = tmp_path / "articles.jsonl"
    with articles.open("w", encoding="utf-8") as out:
        for article in synthetic_articles(40, load_seed_sentences()):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    python_db, compiled_db = tmp_path / "python.db", tmp_path / "compiled.db"
    for path in (python_db, compiled_db):
        assert run_cli(path, "import", str(articles)).exit_code == 0
    assert run_cli(python_db, "extract").exit_code == 0
    cli = "import sys; from tui.cli import main; sys.argv[0] = 'hadath'; main()"
    done = _in_compiled(
        compiled_site, "-c", cli, "--db", str(compiled_db), "extract", "--jobs", "2", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    stored = _stored_events(compiled_db)
    assert len(stored) > 40
    assert stored == _stored_events(python_db)


def test_the_benchmark_measures_the_compiled_extractor(compiled_site: Path) -> None:
    env = {**os.environ, "HADATH_BENCH_EXTRACTOR_SITE": str(compiled_site)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_extract.py"), "--articles", "10",
         "--db-articles", "10"],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "extractor compiled with mypyc" in done.stdout.splitlines()[0]
    assert "synthetic corpus" in done.stdout
