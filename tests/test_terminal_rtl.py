"""Arabic in a real terminal: `python -m tui.article_app` run inside tmux, its screen read back.

tmux neither shapes nor reorders, so in `--rtl app` mode what tmux holds
must be exactly the layout engine's lines (right-aligned, presentation
forms, no plain Arabic letters), and in `--rtl terminal` mode the logical
text. A hostile article (escape sequences, control characters, markup,
bidi overrides) must reach the screen as inert text and change no terminal
state. The view's geometry (where the article's cells start, their width
and the number of rows) is read from the ArticleView itself at the same
size, so the tests follow the widget's CSS.
"""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.tmux import GATE_TITLE, SKIP_REASON, TMUX, TmuxSession, backgrounds, tmux_session
from tui.article_app import ArticleApp
from tui.layout.article import ArticleLayout, Row
from tui.layout.engine import Line

# Each test starts an app, reads a screen or two and quits: seconds, even on a loaded machine.
pytestmark = [pytest.mark.skipif(TMUX is None, reason=SKIP_REASON), pytest.mark.timeout(60)]

SEED = ROOT / "seeds" / "000_0c0554129731e279.txt"
TITLE = "غارات أمريكية على مواقع الميليشيات في سوريا"
UNSHAPED = re.compile("[\u0621-\u064a]")
PRESENTATION = re.compile("[\ufb50-\ufeff]")
HOSTILE = (
    "خبر عاجل \x1b]0;pwned\x07 عن الضربات الجوية.\n"
    "\x1b[31mنص كان سيظهر بالأحمر\n"
    "[link=https://evil.example]x[/link]\n"
    "[bold]x[/bold] \u202eمقلوب\x00 جرس\x07 \x9b31mنهاية الخبر.\n"
)
HOSTILE_TITLE = "عنوان \x1b]2;pwned-title\x07 \x1b[31mأحمر"


def article_text() -> str:
    """The seed article exactly as the app reads it."""
    return SEED.read_bytes().decode("utf-8")


def view_geometry(text: str, title: str | None, width: int, height: int) -> tuple[int, int, int]:
    """Where the ArticleView's text starts (column), its width, and its height, at this size."""

    async def measure() -> tuple[int, int, int]:
        app = ArticleApp(text, title, "app")
        async with app.run_test(size=(width, height)) as pilot:
            await pilot.pause()
            view = app.article_view
            region = view.scrollable_content_region
            return region.x, view.layout_width, region.height

    return asyncio.run(measure())


def cells_of(row: str) -> list[str]:
    """Split a captured row into terminal cells (zero-width marks stay with their cell)."""
    return [text for text, _ in backgrounds(row)]


def shown(row: str, x: int, width: int) -> str:
    """The text of a captured row between columns x and x + width (blank-padded)."""
    cells = cells_of(row)
    cells += [" "] * (x + width - len(cells))
    return "".join(cells[x : x + width])


def expected(line: Line | None, width: int, mode: str) -> str:
    """What the view shows for a line: right-aligned in app mode, logical from the left else."""
    if line is None:
        return " " * width
    if mode == "app":
        return " " * (width - line.width) + line.text
    return line.text + " " * (width - line.width)


def assert_rows_match(
    screen: list[str], rows: list[Row], x: int, width: int, height: int, mode: str
) -> None:
    """Every article row on screen is the engine's row (at scroll position 0)."""
    assert len(screen) >= height, screen
    for y in range(height):
        line = rows[y].line if y < len(rows) else None
        got = shown(screen[y], x, width).replace("\u200f", "")
        assert got == expected(line, width, mode), f"row {y} differs:\n{screen[y]!r}"


def hint_shown(screen: list[str]) -> bool:
    """The app has drawn its hint line."""
    return any("RTL mode" in row for row in screen)


def app_command(path: Path, *args: str) -> list[str]:
    """The command line running the article app on `path`."""
    return [sys.executable, "-m", "tui.article_app", str(path), *args]


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    """An article full of terminal escapes, controls, markup and a bidi override."""
    path = tmp_path / "hostile.txt"
    path.write_bytes(HOSTILE.encode("utf-8"))
    return path


@pytest.fixture
def terminal() -> Iterator[Callable[..., TmuxSession]]:
    """Start app sessions in tmux: `terminal(command, width, height)`; all are killed at the end."""
    with ExitStack() as stack:

        def start(command: list[str], width: int, height: int) -> TmuxSession:
            return stack.enter_context(tmux_session(command, width, height, cwd=ROOT))

        yield start


@pytest.mark.parametrize(("width", "height"), [(80, 24), (120, 40)])
def test_app_mode_shows_the_engine_rows(
    terminal: Callable[..., TmuxSession], width: int, height: int
) -> None:
    text = article_text()
    x, text_width, view_height = view_geometry(text, TITLE, width, height)
    rows = ArticleLayout(text, TITLE, "app").rows(text_width)
    command = app_command(SEED, "--title", TITLE, "--rtl", "app")
    tmux = terminal(command, width, height)
    screen = tmux.wait_stable(hint_shown)
    assert tmux.size() == (width, height)
    assert_rows_match(screen, rows, x, text_width, view_height, "app")
    assert rows[0].title
    assert "RTL mode app" in "\n".join(screen[view_height:])
    everything = "\n".join(screen)
    assert not UNSHAPED.findall(everything), "unshaped Arabic letters on screen"
    assert PRESENTATION.search(everything)
    tmux.send_keys("q")
    assert tmux.wait_dead() == 0


def test_terminal_mode_sends_logical_text(terminal: Callable[..., TmuxSession]) -> None:
    text = article_text()
    width, height = 80, 24
    x, text_width, view_height = view_geometry(text, None, width, height)
    rows = ArticleLayout(text, None, "logical").rows(text_width)
    tmux = terminal(app_command(SEED, "--rtl", "terminal"), width, height)
    screen = tmux.wait_stable(hint_shown)
    assert_rows_match(screen, rows, x, text_width, view_height, "terminal")
    body = screen[:view_height]
    assert UNSHAPED.search("\n".join(body))
    assert not PRESENTATION.search("\n".join(body))
    # the right-to-left mark reaches the terminal on every row with text
    assert all("\u200f" in screen[y] for y in range(view_height) if rows[y].line is not None)
    assert "RTL mode terminal" in "\n".join(screen[view_height:])


def test_r_cycles_the_mode_and_resize_relays_out(terminal: Callable[..., TmuxSession]) -> None:
    text = article_text()
    x, text_width, view_height = view_geometry(text, None, 80, 24)
    tmux = terminal(app_command(SEED, "--rtl", "app"), 80, 24)
    tmux.wait_stable(hint_shown)
    tmux.send_keys("r")
    screen = tmux.wait_stable(lambda s: any("RTL mode terminal" in row for row in s))
    logical = ArticleLayout(text, None, "logical").rows(text_width)
    assert_rows_match(screen, logical, x, text_width, view_height, "terminal")
    tmux.send_keys("r")
    screen = tmux.wait_stable(lambda s: any("RTL mode off" in row for row in s))
    assert_rows_match(screen, logical, x, text_width, view_height, "off")
    assert "\u200f" not in "\n".join(screen)
    tmux.send_keys("r")
    tmux.wait_stable(lambda s: any("RTL mode app" in row for row in s))
    tmux.resize(120, 40)
    x, text_width, view_height = view_geometry(text, None, 120, 40)
    screen = tmux.wait_stable(lambda s: len(s) >= 40 and "RTL mode app" in s[38])
    rows = ArticleLayout(text, None, "app").rows(text_width)
    assert_rows_match(screen, rows, x, text_width, view_height, "app")


def sgr_parameters(screen: list[str]) -> list[list[str]]:
    """The parameter lists of every SGR sequence in an escaped capture."""
    return [m.group(1).split(";") for m in re.finditer(r"\x1b\[([0-9;:]*)m", "\n".join(screen))]


def sets_red(parameters: list[str]) -> bool:
    """Whether an SGR parameter list selects the palette's red foreground (31, 91 or 38;5;1)."""
    i = 0
    while i < len(parameters):
        value = parameters[i]
        if value in ("38", "48"):
            if i + 2 < len(parameters) and parameters[i + 1] == "5":
                if value == "38" and parameters[i + 2] in ("1", "9"):
                    return True
                i += 3
                continue
            i += 5  # 38;2;r;g;b
            continue
        if value in ("31", "91"):
            return True
        i += 1
    return False


@pytest.mark.parametrize("mode", ["app", "terminal"])
def test_hostile_article_changes_no_terminal_state(
    terminal: Callable[..., TmuxSession], hostile_file: Path, mode: str
) -> None:
    text = HOSTILE
    x, text_width, view_height = view_geometry(text, HOSTILE_TITLE, 80, 24)
    engine = "app" if mode == "app" else "logical"
    rows = ArticleLayout(text, HOSTILE_TITLE, engine).rows(text_width)
    command = app_command(hostile_file, "--title", HOSTILE_TITLE, "--rtl", mode)
    tmux = terminal(command, 80, 24)
    screen = tmux.wait_stable(hint_shown)
    assert tmux.display("#{pane_title}") == GATE_TITLE
    assert_rows_match(screen, rows, x, text_width, view_height, mode)
    plain = "\n".join(screen)
    # the markup is on screen as text; in app mode its brackets are ordered by the
    # bidi algorithm (RTL paragraph), so look for its pieces
    for piece in ("[link=https://evil.example]", "[/link]", "[bold]", "[/bold]"):
        assert piece in plain, piece
    assert "pwned" not in plain
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", plain)
    escaped = tmux.capture(escapes=True)
    assert not any(sets_red(p) for p in sgr_parameters(escaped)), "red from the article"
    assert "\x1b]8" not in "\n".join(escaped), "a hyperlink reached the terminal"
    assert not tmux.dead()
    tmux.send_keys("q")
    assert tmux.wait_dead() == 0
    assert tmux.display("#{pane_title}") == GATE_TITLE
