"""Who is annotating: --annotator, else $HADATH_ANNOTATOR, else remembered, else asked once."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest

from tui import cli, config


@pytest.fixture(autouse=True)
def private_config(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "config.json"
    monkeypatch.setenv("HADATH_CONFIG", str(path))
    monkeypatch.delenv("HADATH_ANNOTATOR", raising=False)
    return path


def test_the_option_wins(monkeypatch) -> None:
    monkeypatch.setenv("HADATH_ANNOTATOR", "omar")
    assert cli.choose_annotator("layla") == "layla"


def test_then_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("HADATH_ANNOTATOR", "omar")
    assert cli.choose_annotator(None) == "omar"


def test_then_the_remembered_name(private_config: Path) -> None:
    config.remember_annotator("salma")
    assert json.loads(private_config.read_text("utf-8")) == {"annotator": "salma"}
    assert cli.choose_annotator(None) == "salma"


def test_asked_once_on_a_terminal_and_remembered(monkeypatch, private_config: Path) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    asked = []
    monkeypatch.setattr(click, "prompt", lambda *a, **k: asked.append(1) or "  nour ")
    assert cli.choose_annotator(None) == "nour"
    assert cli.choose_annotator(None) == "nour"
    assert asked == [1]
    assert config.remembered_annotator() == "nour"


def test_without_a_terminal_it_says_what_to_do(monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(click.ClickException, match="give --annotator NAME or set HADATH_ANNOTATOR"):
        cli.choose_annotator(None)


def test_a_broken_config_file_is_ignored(private_config: Path) -> None:
    private_config.write_text("{not json", "utf-8")
    assert config.remembered_annotator() is None
    config.remember_annotator("layla")
    assert config.remembered_annotator() == "layla"


def test_demo_opens_the_review_app_on_the_demo_database(tmp_path: Path, monkeypatch) -> None:
    opened = []
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cli, "open_review", lambda *args: opened.append(args))
    from tests.conftest import run_cli

    result = run_cli(tmp_path / "unused.db", "demo")
    assert result.exit_code == 0, result.output
    assert opened == [("hadath-demo.db", None, "auto")]
