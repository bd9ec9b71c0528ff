"""The actor lexicon: Arabic names and spellings of conflict actors, mapped to actor keys.

The data lives in extract/data/actors.tsv (key, phrase). Actor keys are stable
identifiers: the keys of `extract.vocabulary.ACTORS` are never renamed, and a
key the lexicon adds becomes a valid actor key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from extract.phrases import PhraseMatcher
from extract.tokens import Token
from extract.vocabulary import ACTORS

STATE = "state"
"""The key of the state's own forces named without a country ("الجيش", "جنديان", "الشرطة"),
resolved by the country of the incident's place (`state_actor`); never in a record."""
_STATE_BY_COUNTRY = {"Syria": "syrian_gov", "Iraq": "iraqi_gov"}


def state_actor(country: str | None) -> str | None:
    """The actor key of a country's state forces, or None where the record has none."""
    return _STATE_BY_COUNTRY.get(country or "")


@dataclass(frozen=True)
class ActorMention:
    """An actor named in the text: source range, the words, and the actor key."""

    start: int
    end: int
    text: str
    key: str
    first_token: int
    last_token: int

    @property
    def name(self) -> str:
        """The English name of the actor key."""
        return ACTORS.get(self.key, self.key)


def lexicon_entries() -> list[tuple[str, str]]:
    """Return (phrase, key) pairs from the bundled lexicon file."""
    data = resources.files("extract").joinpath("data/actors.tsv").read_text("utf-8")
    entries = []
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, phrase = line.split("\t", 1)
        entries.append((phrase.strip(), key.strip()))
    return entries


@cache
def _matcher() -> PhraseMatcher[str]:
    return PhraseMatcher((phrase, key) for phrase, key in lexicon_entries())


def actor_matcher(learned: Iterable[tuple[str, str]] = ()) -> PhraseMatcher[str]:
    """The bundled lexicon's matcher; with `learned` (phrase, key) pairs, a new matcher of the
    bundled phrases and those (a learned phrase's key replaces a bundled phrase's)."""
    added = list(learned)
    if not added:
        return _matcher()
    return PhraseMatcher([*lexicon_entries(), *added])


def actor_first_words() -> frozenset[str]:
    """The words an actor name can start with."""
    return _matcher().first_words()


def find_actors(
    tokens: list[Token],
    text: str,
    candidates: list[int] | None = None,
    matcher: PhraseMatcher[str] | None = None,
) -> list[ActorMention]:
    """Return the actor mentions among `tokens` (of `text`), left to right, by `matcher`
    (default: the bundled lexicon's)."""
    found = (matcher or _matcher()).find(tokens, text, candidates)
    return [
        ActorMention(m.start, m.end, text[m.start : m.end], m.value, m.first, m.last) for m in found
    ]
