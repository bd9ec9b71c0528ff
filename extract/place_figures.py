"""The casualty figures of each place in a sentence that lists several.

"قتل ثلاثة مدنيين في سراقب واثنان في معرة النعمان وأصيب خمسة في كفرنبل جراء
قصف": each place has its own figures. One figure for several places is
divided among them (`split_evenly`). The figures stand either before their
place (as there) or after it ("في سراقب قتل ثلاثة، وفي معرة النعمان اثنان");
a bare number ("واثنان") counts what the figure before it counted.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from extract.casualties import Casualties, find_casualties
from extract.numbers import NumberMatch, count_from_noun
from extract.phrases import PhraseMatch
from extract.tokens import Token

__all__ = ["figures_per_place", "split_evenly"]


def _bare_number(
    numbers: list[NumberMatch], tokens: list[Token], low: int, high: int
) -> int | None:
    """The value of the first number lying in tokens [low, high), or 2 for a dual noun there
    ("وطفلان في بلدة سقبا"), if any."""
    start, end = tokens[low].start, tokens[high - 1].end
    number = next(
        (n.value for n in numbers if start <= n.start and n.end <= end and n.value is not None),
        None,
    )
    if number is not None:
        return number
    dual = any(count_from_noun(t.folded.removeprefix("و")) == 2 for t in tokens[low:high])
    return 2 if dual else None


def figures_per_place(
    tokens: list[Token],
    text: str,
    numbers: list[NumberMatch],
    words: list[PhraseMatch[str]],
    clause: tuple[int, int],
    places: list[tuple[int, int]],
) -> list[Casualties] | None:
    """The figures of each place (token ranges `places`, in text order) of the clause of
    tokens [begin, stop); None unless the clause gives two places or more figures of their
    own (a single figure is the whole clause's, for all its places)."""
    begin, stop = clause
    if len(places) < 2:
        return None
    leading = find_casualties(tokens, text, numbers, begin, places[0][0], words)
    before = leading.killed is not None or leading.injured is not None
    if before:  # "قتل ثلاثة في سراقب واثنان في معرة النعمان"
        bounds = [begin, *(last for _, last in places[:-1]), places[-1][1]]
    else:  # "في سراقب قتل ثلاثة، وفي معرة النعمان اثنان"
        bounds = [places[0][0], *(first for first, _ in places[1:]), stop]
    figures: list[Casualties] = []
    counted = "killed"
    for low, high in itertools.pairwise(bounds):
        found = find_casualties(tokens, text, numbers, low, high, words)
        if found.killed is None and found.injured is None and high > low:
            value = _bare_number(numbers, tokens, low, high)
            if value is not None and counted == "killed":
                found = replace(found, killed=value)
            elif value is not None:
                found = replace(found, injured=value)
        elif found.killed is not None and found.injured is None:
            counted = "killed"
        elif found.injured is not None and found.killed is None:
            counted = "injured"
        figures.append(found)
    if sum(f.killed is not None or f.injured is not None for f in figures) < 2:
        return None  # "قتل خمسة في سراقب ومعرة النعمان": one figure for them all
    return figures


def _shares(total: int | None, parts: int) -> list[int | None]:
    if total is None:
        return [None] * parts
    share, rest = divmod(total, parts)
    return [share + (index < rest) for index in range(parts)]


def split_evenly(casualties: Casualties, parts: int) -> list[Casualties]:
    """One figure given for several places together, divided evenly among them as ACLED
    does, the remainder to the places named first (7 over three places: 3, 2, 2)."""
    killed = _shares(casualties.killed, parts)
    injured = _shares(casualties.injured, parts)
    return [Casualties(k, i, casualties.killed_vague) for k, i in zip(killed, injured, strict=True)]
