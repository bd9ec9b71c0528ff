"""A small standalone app that shows one article full screen, for tests and trying RTL modes.

    python -m tui.article_app FILE [--title T] [--rtl auto|app|terminal|off]

FILE is a UTF-8 text file, shown exactly as stored (source offsets index
into its decoded text). The article fills the screen in an `ArticleView`;
a hint line names the RTL mode in use and why ("RTL mode auto → app: ...");
the footer lists the keys: `r` cycles the RTL mode (app → terminal → off),
`q` quits. The review app reuses `ArticleView`; this app is what the
terminal tests (tests/test_terminal_rtl.py) run inside tmux.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Footer, Static

from tui.layout.modes import MODES, RtlMode, next_mode, resolve
from tui.layout.sanitize import sanitize
from tui.widgets.article_view import ArticleView


def safe_line(text: str) -> Content:
    """Plain-text content for one screen line: sanitised, never parsed as markup."""
    return Content(sanitize(text)[0])


class ArticleApp(App[None]):
    """Shows one article full screen, with the RTL mode hint and the keys."""

    CSS = """
    #article {
        height: 1fr;
    }
    #hint {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "cycle_mode", "RTL mode"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self,
        text: str,
        title: str | None = None,
        mode: RtlMode = "auto",
        environ: Mapping[str, str] | None = None,
    ) -> None:
        """Show `text` (and `title`) in RTL `mode` ("auto" looks at `environ`, else os.environ).

        Raises ValueError for a mode that is not one of tui.layout.modes.MODES.
        """
        super().__init__()
        self.article_text = text
        self.article_title = title
        self.rtl_mode, self.hint = resolve(mode, environ)

    def compose(self) -> ComposeResult:
        """The article, the hint line, the footer."""
        yield ArticleView(self.article_text, self.article_title, mode=self.rtl_mode, id="article")
        yield Static(safe_line(self.hint), id="hint", markup=False)
        yield Footer()

    @property
    def article_view(self) -> ArticleView:
        """The ArticleView showing the article."""
        return self.query_one("#article", ArticleView)

    def action_cycle_mode(self) -> None:
        """Switch to the next RTL mode (app → terminal → off → app) and say so."""
        self.rtl_mode, self.hint = resolve(next_mode(self.rtl_mode))
        self.article_view.mode = self.rtl_mode
        self.query_one("#hint", Static).update(safe_line(self.hint))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app on the article file named on the command line; return the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m tui.article_app", description="Show one article as hadath draws it."
    )
    parser.add_argument("file", type=Path, help="a UTF-8 text file holding the article")
    parser.add_argument("--title", default=None, help="a title shown above the article")
    parser.add_argument("--rtl", choices=MODES, default="auto", help="RTL mode (default: auto)")
    args = parser.parse_args(argv)
    try:
        text = args.file.read_bytes().decode("utf-8")
    except OSError as error:
        print(f"cannot read {args.file}: {error.strerror or error}", file=sys.stderr)
        return 1
    except UnicodeDecodeError as error:
        print(f"{args.file} is not UTF-8 text (byte {error.start} is invalid)", file=sys.stderr)
        return 1
    ArticleApp(text, args.title, args.rtl).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
