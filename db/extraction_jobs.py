"""Running the built-in extractor over many articles, in this process or in several.

`extract_batches` reads the articles to extract in windows and yields each
window's results, in the articles' order, for the caller (the one writer)
to store. With `jobs` above one, a pool of worker processes extracts while
the caller stores the previous window: the extractor is pure Python and
CPU-bound, so processes, not threads, spread it over the cores. Workers get
only an article's id, text and publication date, never a database
connection; they are started with "spawn", so nothing of this process (an
open SQLite file, its locks) is copied into them.

Results do not depend on `jobs`: each article is extracted on its own and the
windows keep their order. A learned lexicon (extract.learned) is sent to each
worker once, when it starts, and indexed there once.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from db.articles import Article
from extract.learned import Lexicon
from extract.record import Event

WINDOW_PER_JOB = 200
"""Articles a worker is given per window: enough to keep it busy while the previous
window is stored, few enough to bound memory on a large database."""
CHUNK = 20
"""Articles sent to a worker at a time within a window."""

Extracted = list[tuple[str, list[Event]]]


_LEXICON: Lexicon | None = None
"""The learned lexicon a worker process extracts with, set once when it starts."""


def _start_worker(lexicon: Lexicon | None) -> None:
    """Set the worker's lexicon (the pool's initializer: sent once, not with every article)."""
    global _LEXICON
    _LEXICON = lexicon


def _extract_with(
    job: tuple[str, str, str | None], lexicon: Lexicon | None
) -> tuple[str, list[Event]]:
    """Extract one article's events with a lexicon (or none)."""
    from extract import extract_events

    article_id, text, published = job
    return article_id, extract_events(text, published, lexicon)


def _extract_one(job: tuple[str, str, str | None]) -> tuple[str, list[Event]]:
    """Extract one article's events (in a worker process, with its lexicon)."""
    return _extract_with(job, _LEXICON)


def _windows(articles: Iterable[Article], size: int) -> Iterator[list[tuple[str, str, Any]]]:
    iterator = iter(articles)
    while window := list(islice(iterator, size)):
        yield [(a.id, a.text, a.published) for a in window]


def extract_batches(
    articles: Iterable[Article], jobs: int = 1, size: int = 100, lexicon: Lexicon | None = None
) -> Iterator[Extracted]:
    """Yield the articles' extracted events window by window, in order (`size` articles a
    window with one job; `WINDOW_PER_JOB` per worker with several), extracted with the
    learned `lexicon` when one is given (each worker gets it once)."""
    if jobs <= 1:
        for window in _windows(articles, size):
            yield [_extract_with(job, lexicon) for job in window]
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, initializer=_start_worker, initargs=(lexicon,)) as pool:
        pending = None
        for window in _windows(articles, WINDOW_PER_JOB * jobs):
            started = pool.map_async(_extract_one, window, chunksize=CHUNK)
            if pending is not None:
                yield pending.get()
            pending = started
        if pending is not None:
            yield pending.get()
