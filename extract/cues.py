"""Non-event cues: words showing that a clause threatens, plans, denies or summarises.

Such clauses mention violence without reporting an incident ("سنرد على أي
هجوم", "تعرضت القوات لـ 78 هجوماً منذ 2021"); the extractor leaves them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

from extract.normalize import fold_text
from extract.phrases import PhraseMatcher
from extract.tokens import Token


@dataclass(frozen=True, init=False)
class Cue:
    """A non-event cue: token range and kind (modal or background)."""

    first: int
    last: int
    kind: str

    def __init__(self, first: int, last: int, kind: str) -> None:
        object.__setattr__(self, "first", first)
        object.__setattr__(self, "last", last)
        object.__setattr__(self, "kind", kind)


@cache
def _matcher() -> PhraseMatcher[str]:
    data = resources.files("extract").joinpath("data/cues.tsv").read_text("utf-8")
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for line in data.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, phrase = line.split("\t")
            matcher.add(phrase, kind)
    return matcher


@cache
def cue_first_words() -> frozenset[str]:
    """The words a non-event cue can start with."""
    return _matcher().first_words()


_SINCE: Final = fold_text("منذ")
_RECENT: Final = frozenset(
    fold_text(word)
    for word in ("أمس", "مساء", "صباح", "فجر", "ظهر", "ليل", "ليلة", "الليلة", "ساعات", "الصباح")
)
"""Times just past: "منذ مساء أمس" tells how long an incident has lasted, not a trend."""


def _lasting(tokens: list[Token], cue: Cue) -> bool:
    """Whether a "منذ" cue only says since when an incident goes on ("منذ مساء أمس")."""
    return (
        cue.last - cue.first == 1
        and tokens[cue.first].folded == _SINCE
        and cue.last < len(tokens)
        and tokens[cue.last].folded in _RECENT
    )


def find_cues(tokens: list[Token], text: str, candidates: list[int] | None = None) -> list[Cue]:
    """Return the non-event cues among `tokens`, left to right."""
    found = [Cue(m.first, m.last, m.value) for m in _matcher().find(tokens, text, candidates)]
    return [cue for cue in found if not _lasting(tokens, cue)]
