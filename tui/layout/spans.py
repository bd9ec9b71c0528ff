"""Growing and shrinking an evidence span by a word or a clause of the article's text.

An event's evidence is a range [start, end) of the article text. The event
form moves its edges a word or a clause at a time: a word is a run of
non-space characters, and a clause ends after a comma, semicolon, colon or
sentence mark (Arabic ، ؛ ؟ included) or at a line break. A span never
becomes empty (at least one word stays) and never leaves the text. Pure
functions on offsets, so the form's keys are tested without an app.
"""

from __future__ import annotations

import re
from typing import Literal

Edge = Literal["start", "end"]
Unit = Literal["word", "clause"]

_WORD = re.compile(r"\S+")
_CLAUSE_END = re.compile(r"[,،;؛:.!?؟…\n]+")


def _ends(text: str, unit: Unit) -> list[int]:
    """Offsets where a unit ends (just after it)."""
    if unit == "word":
        return [match.end() for match in _WORD.finditer(text)]
    return [match.end() for match in _CLAUSE_END.finditer(text)] + [len(text)]


def _starts(text: str, unit: Unit) -> list[int]:
    """Offsets where a unit starts (its first non-space character)."""
    if unit == "word":
        return [match.start() for match in _WORD.finditer(text)]
    starts = [0]
    for match in _CLAUSE_END.finditer(text):
        after = _WORD.search(text, match.end())
        if after:
            starts.append(after.start())
    return starts


def moved(text: str, span: tuple[int, int], edge: Edge, grow: bool, unit: Unit) -> tuple[int, int]:
    """`span` with its `edge` moved by one `unit`: outwards to `grow`, inwards to shrink."""
    start, end = span
    if edge == "end":
        ends = _ends(text, unit)
        if grow:
            end = min((e for e in ends if e > end), default=end)
        else:
            first_word_end = min((e for e in _ends(text, "word") if e > start), default=end)
            end = max((e for e in ends if first_word_end <= e < end), default=end)
        return start, end
    starts = _starts(text, unit)
    if grow:
        start = max((s for s in starts if s < start), default=start)
    else:
        last_word_start = max((s for s in _starts(text, "word") if s < end), default=start)
        start = min((s for s in starts if start < s <= last_word_start), default=start)
    return start, end
