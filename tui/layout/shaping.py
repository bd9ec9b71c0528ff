"""Arabic shaping (presentation forms) with a map from shaped characters to their sources.

arabic-reshaper does the shaping; it has no offset map, so this module
aligns its output with its input. That is safe because, as configured here
(harakat kept, only the lam-alef ligatures on), the reshaper keeps the order
of the text and turns each character into zero or one character: a letter
into one presentation form, a lam and the alef after it into one ligature, a
mark into itself, a ZWJ into nothing. If an alignment ever fails, the
paragraph is drawn unshaped rather than wrongly mapped.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.ligatures import LIGATURES

_LAM_ALEF = {name for name, _ in LIGATURES if name.startswith("ARABIC LIGATURE LAM WITH ALEF")} - {
    "ARABIC LIGATURE LAM WITH ALEF MAKSURA"
}
_CONFIG = {
    "delete_harakat": False,
    "delete_tatweel": False,
    "support_zwj": True,
    "shift_harakat_position": False,
    "support_ligatures": True,
    **{name: name in _LAM_ALEF for name, _ in LIGATURES},
}
_RESHAPER = ArabicReshaper(configuration=_CONFIG)


class _Settings:
    """The reshaper's settings as a plain dict: `reshape` reads five of them on every call
    through configparser, which costs more than shaping a short word."""

    def __init__(self, parsed: Any) -> None:
        self._values: dict[str, bool] = {}
        for key in parsed:
            try:
                self._values[key] = parsed.getboolean(key)
            except ValueError:
                continue  # not a boolean (e.g. "language"): reshape() never asks for it

    def getboolean(self, key: str) -> bool:
        """The setting's value (all of hadath's settings are booleans)."""
        return self._values[key.lower()]  # configparser keeps its keys lower-cased


_RESHAPER.configuration = _Settings(_RESHAPER.configuration)
_LIGATURE_CHARS = frozenset(chr(c) for c in range(0xFEF5, 0xFEFD))
_ALEFS = frozenset("\u0627\u0623\u0625\u0622")
_LAM = "\u0644"
_JOINERS = frozenset("\u200d\u200c")


def _is_mark(char: str) -> bool:
    return "\u064b" <= char <= "\u065f" or char == "\u0670" or "\u0610" <= char <= "\u061a"


Spans = tuple[tuple[int, int], ...]


@lru_cache(maxsize=4096)
def shape(text: str) -> tuple[str, Spans]:
    """Return the shaped text and, for each shaped character, the source range it stands for.

    A lam-alef ligature stands for its lam and alef; joiners (ZWJ, ZWNJ) are
    dropped and stand nowhere. Text without Arabic letters is returned as is.
    Letters never join across a space, so the text is shaped word by word,
    and each distinct word only once (news repeats its words a great deal).
    """
    if not any("\u0600" <= char <= "\u06ff" for char in text):
        return unshaped(text)
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    for word in text.split(" "):
        drawn, word_spans = _shape_word(word)
        out.append(drawn)
        spans.extend((position + start, position + end) for start, end in word_spans)
        position += len(word) + 1
        out.append(" ")
        spans.append((position - 1, position))
    out.pop()
    spans.pop()
    return "".join(out), tuple(spans)


_WORDS: dict[str, tuple[str, Spans]] = {}
_WORDS_LIMIT = 200_000


def _has_arabic(text: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" for char in text)


def shape_words(words: list[str]) -> None:
    """Shape, in one call of the reshaper, every word of `words` not shaped before.

    Letters join only inside a word, so reshaping the words joined by spaces
    gives each word's shaping between the spaces; calling the reshaper once
    per paragraph instead of once per word saves most of its cost. Words the
    batch cannot account for exactly are shaped one by one.
    """
    if len(_WORDS) > _WORDS_LIMIT:
        _WORDS.clear()
    fresh = list(
        dict.fromkeys(w for w in words if w not in _WORDS and "\u200d" not in w and _has_arabic(w))
    )
    if len(fresh) < 2:
        return
    try:
        shaped = _RESHAPER.reshape(" ".join(fresh)).split(" ")
    except Exception:
        return
    if len(shaped) != len(fresh):
        return
    for word, drawn in zip(fresh, shaped, strict=True):
        aligned = _align(word, drawn)
        if aligned is not None:
            _WORDS[word] = aligned


def _shape_word(text: str) -> tuple[str, Spans]:
    """Shape one space-free run of text (see `shape`), from the cache when it can."""
    found = _WORDS.get(text)
    if found is None:
        found = _WORDS[text] = _shape_single(text)
    return found


def _shape_single(text: str) -> tuple[str, Spans]:
    if not _has_arabic(text):
        return unshaped(text)
    # ZWJ goes before shaping: the reshaper mis-indexes ligatures after one (it raises
    # on "\u200dلا"), and a terminal has no use for it once letters are shaped.
    keep = [i for i, char in enumerate(text) if char != "\u200d"]
    core = "".join(text[i] for i in keep)
    try:
        shaped = _RESHAPER.reshape(core)
    except Exception:  # untrusted text must never break the view: draw it unshaped
        return unshaped(text)
    aligned = _align(core, shaped)
    if aligned is None:
        return unshaped(text)
    drawn, spans = aligned
    mapped = tuple((keep[start], keep[end - 1] + 1) for start, end in spans)
    return _with_emoji_joiners(text, drawn, mapped)


def unshaped(text: str) -> tuple[str, Spans]:
    """The text without joiners, each character standing for itself.

    A ZWJ inside an emoji sequence (👨‍👩‍👧) is kept: it makes the sequence one picture.
    """
    kept = [
        (char, i) for i, char in enumerate(text) if char not in _JOINERS or emoji_joiner(text, i)
    ]
    return "".join(char for char, _ in kept), tuple((i, i + 1) for _, i in kept)


def is_pictographic(char: str) -> bool:
    """Whether `char` is an emoji picture, or a modifier or presentation selector of one."""
    code = ord(char)
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2300 <= code <= 0x23FF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or char == "\ufe0f"
    )


def emoji_joiner(text: str, index: int) -> bool:
    """Whether text[index] is a ZWJ joining two emoji (which keeps them one cluster)."""
    return (
        text[index] == "\u200d"
        and 0 < index < len(text) - 1
        and is_pictographic(text[index - 1])
        and is_pictographic(text[index + 1])
    )


def _with_emoji_joiners(text: str, drawn: str, spans: Spans) -> tuple[str, Spans]:
    """Put back into shaped text the emoji joiners taken out before shaping."""
    joiners = [i for i in range(len(text)) if emoji_joiner(text, i)]
    if not joiners:
        return drawn, spans
    out, out_spans = list(drawn), list(spans)
    for joiner in reversed(joiners):
        after = next((k + 1 for k, (_, end) in enumerate(out_spans) if end == joiner), None)
        if after is not None:
            out.insert(after, "\u200d")
            out_spans.insert(after, (joiner, joiner + 1))
    return "".join(out), tuple(out_spans)


def _align(text: str, shaped: str) -> tuple[str, Spans] | None:
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    i = j = 0
    while i < len(text):
        char = text[i]
        if char in _JOINERS:
            if j < len(shaped) and shaped[j] == char:
                j += 1  # a joiner the reshaper kept: drawn as nothing
            i += 1
            continue
        if j >= len(shaped):
            return None
        glyph = shaped[j]
        if glyph in _LIGATURE_CHARS and char == _LAM:
            k = i + 1
            while k < len(text) and _is_mark(text[k]):
                k += 1
            if k >= len(text) or text[k] not in _ALEFS:
                return None
            out.append(glyph)
            spans.append((i, k + 1))  # the ligature stands for lam, its marks and alef
            j += 1
            for mark in range(i + 1, k):  # marks on the lam follow the ligature
                if j >= len(shaped) or shaped[j] != text[mark]:
                    return None
                out.append(shaped[j])
                spans.append((mark, mark + 1))
                j += 1
            i = k + 1
            continue
        if _is_mark(char) and glyph != char:
            return None
        out.append(glyph)
        spans.append((i, i + 1))
        i += 1
        j += 1
    if j != len(shaped):
        return None
    return "".join(out), tuple(spans)
