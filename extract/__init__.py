"""hadath's built-in Arabic event extractor and the event record it produces.

Pure Python, offline and deterministic, with no dependency on the storage or
the terminal app:

    from extract import extract_events
    events = extract_events(text, published="2023-10-27")
    records = [event.to_dict() for event in events]

A project's learned lexicon (extract.learned.Lexicon) is passed as
`extract_events(text, published, lexicon)`.

The frozen dataclasses made for every word or clause (tokens' sentences, matches, clauses,
readings) write their `__init__` out (`init=False`): mypyc compiles a written one, while the
one `dataclass` generates runs as interpreted code, about five times as slow in a release
wheel.

What else keeps an article quick to read: it is folded and cut into words once
(`extract.normalize.fold_runs`, shared by the tokens, numbers, dates and places); what each
distinct word may start or be is worked out once and kept (`pipeline._words_flagged`); and
the cyclic garbage collector is paused while an article is read, since reading one makes
tens of thousands of short-lived objects and no reference cycles.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from extract.record import Actor, Event, Location, RecordError, Span, parse_event

if TYPE_CHECKING:
    from extract.learned import Lexicon


def extract_events(
    text: str, published: str | dt.date | None = None, lexicon: Lexicon | None = None
) -> list[Event]:
    """Return the events an Arabic news article reports (see extract.pipeline); `lexicon`
    adds what a project's reviewers taught (extract.learned)."""
    from extract.pipeline import extract_events as run  # loaded on first use: data files

    return run(text, published, lexicon)


def extractor_name() -> str:
    """Return the name-version of the built-in extractor, as stored on its events.

    It changes whenever the extractor's rules or data do (see extract.version).
    """
    from extract.version import EXTRACTOR

    return EXTRACTOR


__all__ = [
    "Actor",
    "Event",
    "Location",
    "RecordError",
    "Span",
    "extract_events",
    "extractor_name",
    "parse_event",
]
