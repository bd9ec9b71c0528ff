"""Benchmark the RTL layout engine: laying out whole articles, and re-laying one out on resize.

Run: uv run python benchmarks/bench_layout.py [--width 80] [--json]

Articles of 2,000, 20,000 and 200,000 characters are built from the seed
articles' paragraphs, each copy of a paragraph numbered so that no two
paragraphs are alike (the engine caches shaping per paragraph text; repeated
paragraphs would flatter it). Every timed layout starts cold: the paragraph
caches (`tui.layout.clear_caches()`: prepared paragraphs, shaped text and
words) are cleared first, and a new `ArticleLayout` is
built and asked for its rows at the given width (80 columns). "resize" times
`rows(width)` at a width the already prepared article has not seen (shaping
and bidi levels are kept; only wrapping and reordering run again). Each row
is the best of three passes. docs/contract.md asks for a 20,000-character article to
lay out in under 50 ms.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.layout import clear_caches  # noqa: E402
from tui.layout.article import ArticleLayout  # noqa: E402

SIZES = (2_000, 20_000, 200_000)
TARGET_MS = 50.0
TARGET_CHARS = 20_000
T = TypeVar("T")
TITLE = "غارات أمريكية على مواقع الميليشيات المدعومة من إيران في سوريا"


def seed_paragraphs() -> list[str]:
    """The non-blank paragraphs of the seed articles, in file order."""
    paragraphs = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        paragraphs.extend(p for p in path.read_text("utf-8").split("\n") if p.strip())
    return paragraphs


def build_article(size: int, paragraphs: list[str]) -> str:
    """An article of exactly `size` characters: numbered copies of the seed paragraphs."""
    parts: list[str] = []
    length = 0
    copy = 0
    while length < size:
        for paragraph in paragraphs:
            part = f"({copy + 1}) {paragraph}"
            parts.append(part)
            length += len(part) + 1
            if length >= size:
                break
        copy += 1
    return "\n".join(parts)[:size]


def best_of(passes: int, setup: Callable[[], T], timed: Callable[[T], object]) -> float:
    """The fastest of `passes` runs of `timed(setup())`, in milliseconds (setup not timed)."""
    best = float("inf")
    for _ in range(passes):
        prepared = setup()
        started = time.perf_counter()
        timed(prepared)
        best = min(best, time.perf_counter() - started)
    return best * 1000


@dataclass(frozen=True)
class Result:
    """One measured case: what was timed, on how many characters and rows, and the best time."""

    case: str
    chars: int
    rows: int
    ms: float


def measure(width: int, passes: int = 3) -> list[Result]:
    """Time cold layouts in app and logical mode, and a resize, for each article size."""
    paragraphs = seed_paragraphs()
    results: list[Result] = []
    for size in SIZES:
        text = build_article(size, paragraphs)
        rows = len(ArticleLayout(text, TITLE).rows(width))
        for mode in ("app", "logical"):
            ms = best_of(
                passes,
                clear_caches,
                lambda _, text=text, mode=mode: ArticleLayout(text, TITLE, mode).rows(width),
            )
            results.append(Result(f"layout ({mode})", size, rows, ms))

        def prepared(text: str = text) -> ArticleLayout:
            clear_caches()
            layout = ArticleLayout(text, TITLE)
            layout.rows(width)
            return layout

        new_widths = iter(range(width + 1, width + 1 + passes))
        ms = best_of(passes, prepared, lambda layout, w=new_widths: layout.rows(next(w)))
        results.append(Result("resize (app)", size, rows, ms))
    return results


def main() -> None:
    """Measure and print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=80, help="columns to wrap at (default 80)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument(
        "--passes", type=int, default=3, help="runs per case; the fastest is reported (default 3)"
    )
    args = parser.parse_args()
    results = measure(args.width, args.passes)
    if args.json:
        print(json.dumps({"width": args.width, "rows": [asdict(r) for r in results]}, indent=2))
        return
    print(
        f"hadath layout benchmark (width {args.width}, best of 3, Python {sys.version.split()[0]})"
    )
    print(f"{'case':<16} {'chars':>9} {'rows':>6} {'ms':>9}  target")
    for row in results:
        target = ""
        if row.chars == TARGET_CHARS and row.case == "layout (app)":
            verdict = "meets" if row.ms < TARGET_MS else "misses"
            target = f"< {TARGET_MS:.0f} ms: {verdict}"
        print(f"{row.case:<16} {row.chars:>9,} {row.rows:>6,} {row.ms:>9.2f}  {target}")


if __name__ == "__main__":
    main()
