"""Event triggers: the words that state an incident, and the sub-event type they imply."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

from extract.phrases import PhraseMatcher
from extract.tokens import Token

# When several triggers share a clause, the more specific kind wins.
_SPECIFICITY: Final = {
    "Chemical weapon": 10,
    "Suicide bomb": 9,
    "Excessive force against protesters": 6,
    "Violent demonstration": 4,
    "Government regains territory": 5,
    "Non-state actor overtakes territory": 5,
    "Remote explosive/landmine/IED": 8,
    "Abduction/forced disappearance": 7,
    "Grenade": 7,
    "Attack": 6,
    "Air/drone strike": 5,
    "Shelling/artillery/missile attack": 4,
    "Armed clash": 3,
    "Arrests": 2,
}


@dataclass(frozen=True, init=False)
class Trigger:
    """A trigger found in text: token range, source range, sub-event type and strength."""

    first: int
    last: int
    start: int
    end: int
    sub_event_type: str
    strength: int

    def __init__(
        self,
        first: int,
        last: int,
        start: int,
        end: int,
        sub_event_type: str,
        strength: int,
    ) -> None:
        object.__setattr__(self, "first", first)
        object.__setattr__(self, "last", last)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "sub_event_type", sub_event_type)
        object.__setattr__(self, "strength", strength)


@cache
def _matcher() -> PhraseMatcher[tuple[str, int]]:
    data = resources.files("extract").joinpath("data/triggers.tsv").read_text("utf-8")
    matcher: PhraseMatcher[tuple[str, int]] = PhraseMatcher()
    for line in data.splitlines():
        if line.strip() and not line.startswith("#"):
            sub, strength, phrase = line.split("\t")
            matcher.add(phrase, (sub, int(strength)))
    return matcher


@cache
def trigger_first_words() -> frozenset[str]:
    """The words a trigger can start with."""
    return _matcher().first_words()


def find_triggers(
    tokens: list[Token], text: str, candidates: list[int] | None = None
) -> list[Trigger]:
    """Return the triggers among `tokens`, left to right."""
    return [
        Trigger(m.first, m.last, m.start, m.end, m.value[0], m.value[1])
        for m in _matcher().find(tokens, text, candidates)
    ]


def clause_type(triggers: list[Trigger]) -> tuple[str, int]:
    """Return the sub-event type a clause's triggers state, and the best strength.

    Strong triggers (3) decide over weaker ones; among equals, the more
    specific kind wins (a suicide bombing is also an attack).
    """
    best = max(triggers, key=lambda t: (t.strength, _SPECIFICITY.get(t.sub_event_type, 0)))
    strong = [t for t in triggers if t.strength == best.strength]
    chosen = max(strong, key=lambda t: _SPECIFICITY.get(t.sub_event_type, 0))
    return chosen.sub_event_type, best.strength
