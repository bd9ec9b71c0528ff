"""Count expressions in Arabic news text, for casualty figures.

Arabic news gives counts as digits (14, ١٤, 1,500, 1٬500), as number words in
every gender and case with clitics glued on (وثلاثة، بخمسة عشر، ثلاثة وعشرون،
مئتين، ثلاثمئة، ثلاثة آلاف), as mixtures (15 ألف, "3 آلاف"), behind qualifiers
(نحو، ما لا يقل عن، أكثر من) and as vague quantities (عشرات، عدد من، عدة).
`find_numbers` finds all of them, with offsets into the article exactly as
stored, so that a casualty figure can be shown and checked in context.

The module is hand-written because no maintained library parses Arabic number
words, and none reports offsets into unnormalised text. Matching runs on the
text folded by `extract.normalize` (hamza, ta marbuta, alef maqsura, harakat,
tatweel, Arabic-Indic digits) split into tokens, and every span is mapped back
to the source.

Decisions (the pipeline relies on them):
- A span starts after a clitic glued to its first word: in "وثلاثة" or "بـ15"
  the span is "ثلاثة" / "15"; the definite article is kept ("العشرات").
- Harakat and tatweel right after the last letter belong to the span ("ألفاً").
- A range ("2 أو 3", "بين 5 و7", "شخصين أو ثلاثة") is one match spanning the
  whole range, valued at its lower bound, with approximate=True.
- "أكثر من" sets at_least (it gives a lower bound, like "لا يقل عن").
- "على الأقل" / "تقريباً" right after the count are included in the span; when
  one word (the counted noun) stands between, as in "5 أشخاص على الأقل", the
  flag is set but the span stays on the count, so that spans never cover nouns.
- Qualifiers are only attached to exact counts, never to vague ones.
- "أحد" is skipped after a negation or "أي" ("لم يصب أحد" means nobody).
- With the article, only units in their ة form count ("الجنود الثلاثة"):
  "الأحد" and "الاثنين" are weekdays, and "العشرين" or "الثلاثين" are
  mostly ordinals ("القرن العشرين").
- Digits that are part of a time, date, decimal or designator ("4:30",
  "26/10/2023", "2.5", "F-16", "إم777") are not counts; a decimal followed by
  ألف/مليون is ("1.5 مليون").
- Years and days of the month are numbers too: removing those that are dates
  is the caller's job (see `extract.dates`).
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass
from typing import Final, TypeVar

from extract.normalize import fold_runs, fold_text

M = TypeVar("M")

__all__ = [
    "FoldedWords",
    "NumberMatch",
    "Token",
    "candidates",
    "clitic_splits",
    "count_from_noun",
    "dual_count",
    "find_numbers",
    "folded_text",
    "joins",
    "number_at",
    "parse_number_words",
    "plain_digits",
    "strip_clitics",
    "tokenize",
]


@dataclass(frozen=True, init=False)
class NumberMatch:
    """One count expression: its value and flags, and its span [start, end) in the source."""

    value: int | None
    start: int
    end: int
    vague: bool
    at_least: bool
    approximate: bool

    def __init__(
        self,
        value: int | None,
        start: int,
        end: int,
        vague: bool,
        at_least: bool,
        approximate: bool,
    ) -> None:
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "vague", vague)
        object.__setattr__(self, "at_least", at_least)
        object.__setattr__(self, "approximate", approximate)


# --- tokens over folded text (shared with extract.dates) -----------------------------------

_DIGITS: Final = frozenset("0123456789")


@dataclass(frozen=True)
class Token:
    """A run of letters or of ASCII digits in folded text, and the folded text before it."""

    text: str
    start: int
    end: int
    gap: str

    @property
    def is_digits(self) -> bool:
        """True for a run of ASCII digits (Arabic-Indic digits are folded to these)."""
        return self.text[0] in _DIGITS


def tokenize(folded: str) -> list[Token]:
    """Split folded text into letter runs and ASCII digit runs, keeping the gaps between them."""
    tokens: list[Token] = []
    start = -1
    kind = ""
    previous_end = 0
    for index, char in enumerate(folded):
        char_kind = "d" if char in _DIGITS else ("w" if char.isalpha() else "")
        if char_kind == kind:
            continue
        if kind:
            tokens.append(Token(folded[start:index], start, index, folded[previous_end:start]))
            previous_end = index
        kind, start = char_kind, index
    if kind:
        tokens.append(Token(folded[start:], start, len(folded), folded[previous_end:start]))
    return tokens


def joins(gap: str) -> bool:
    """True when two tokens separated by `gap` belong to one phrase (no punctuation, no newline)."""
    return gap == " " or (not gap.strip() and "\n" not in gap and "\r" not in gap)


class FoldedWords:
    """A text folded for matching (`extract.normalize.fold`) and split into tokens.

    Tokens are kept as parallel lists (`words`, `starts`, `ends`, `gaps`) so that a
    long article is tokenised without building an object per token; `tokens`
    gives the same values as `tokenize`, built on first use. Offsets are folded
    offsets; `span` maps them back to the source.
    """

    def __init__(self, text: str) -> None:
        self.source = text
        runs = fold_runs(text)
        self._folded = runs.folded
        self.folded = self._folded.text
        self.words, self.starts, self.ends, self.gaps, self.digit_indices = _split_tokens(
            self.folded, runs.parts, runs.offsets
        )
        # `word` of every token, and '' past the end (index len(words)) and before the
        # start (index -1): the matchers ask for these words many times.
        self._letters = [*self.words, "", ""]
        for index in self.digit_indices:
            self._letters[index] = ""

    @functools.cached_property
    def tokens(self) -> list[Token]:
        """The tokens of the folded text, as `tokenize` gives them."""
        return [
            Token(word, start, end, gap)
            for word, start, end, gap in zip(
                self.words, self.starts, self.ends, self.gaps, strict=True
            )
        ]

    @functools.cached_property
    def offsets(self) -> list[int]:
        """Source index of every folded character, then len(source)."""
        return self._folded.offsets

    def source_index(self, index: int) -> int:
        """Source index of folded character `index` (len(source) for len(folded))."""
        return self._folded.source_index(index)

    def gap(self, index: int) -> str:
        """The folded text between token `index` and the token before it."""
        return self.gaps[index]

    def is_digits(self, index: int) -> bool:
        """True when token `index` is a run of ASCII digits."""
        return self.words[index][0] in _DIGITS

    def word(self, index: int) -> str:
        """The folded letters of token `index`, or '' for digits or past the end."""
        if -1 <= index <= len(self.words):
            return self._letters[index]
        return ""

    def joined_word(self, index: int) -> str:
        """Like `word`, but '' unless the token is joined to the one before it."""
        if 0 < index < len(self.words) and joins(self.gaps[index]):
            return self._letters[index]
        return ""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source range of the folded range [start, end), with trailing harakat/tatweel."""
        return self._folded.source_span(start, end, marks=True)


@functools.lru_cache(maxsize=8)
def folded_text(text: str) -> FoldedWords:
    """`FoldedWords(text)`, shared between calls on the same text (find_dates, then find_numbers).

    Callers must not change the returned object.
    """
    return FoldedWords(text)


def _split_tokens(
    folded: str, parts: list[str], offsets: list[int]
) -> tuple[list[str], list[int], list[int], list[str], list[int]]:
    """(words, starts, ends, gaps, indices of digit tokens) of `folded`, as `tokenize` splits it.

    Tokens are runs of letters or of ASCII digits: they lie inside the runs of
    \\w characters (letters, digits of any script, other numerals) that
    `extract.normalize.fold_runs` cut the text into (`parts`, where each part
    starts at `offsets`). Runs of letters only or of ASCII digits only are
    tokens as they are; the others ("2023م", "ب15", or with digits of other
    scripts) are split by `tokenize`.
    """
    words = parts[1::2]
    starts = offsets[1:-1:2]
    ends = offsets[2:-1:2]
    odd = list(itertools.compress(itertools.count(), map(operator.not_, map(str.isalpha, words))))
    mixed = [index for index in odd if not (words[index].isascii() and words[index].isdigit())]
    if not mixed:
        return words, starts, ends, parts[0:-1:2], odd
    gaps = parts[0:-1:2]
    for index in reversed(mixed):
        word = words[index]
        pieces = tokenize(word)
        offset = starts[index]
        # What no piece covers joins the gaps: before the first piece, after the last.
        if index + 1 < len(gaps):
            after = word[pieces[-1].end :] if pieces else gaps[index] + word
            gaps[index + 1] = after + gaps[index + 1]
        words[index : index + 1] = [piece.text for piece in pieces]
        starts[index : index + 1] = [offset + piece.start for piece in pieces]
        ends[index : index + 1] = [offset + piece.end for piece in pieces]
        gaps[index : index + 1] = [
            gaps[index] + piece.gap if k == 0 else piece.gap for k, piece in enumerate(pieces)
        ]
    first_chars = map(operator.itemgetter(0), words)
    digits = list(itertools.compress(itertools.count(), map(_DIGITS.__contains__, first_chars)))
    return words, starts, ends, gaps, digits


_CLITICS: Final = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
# Words whose clitic split would be a false number: لست "I am not", بعده "after it",
# وعده "his promise".
_NOT_SPLIT: Final = frozenset({"لست", "بعده", "وعده", "فعده", "وبعده", "فبعده"})


def strip_clitics(word: str, stems: Container[str]) -> tuple[int, str] | None:
    """Split a folded word into clitic prefix (و ف ب ل) and a stem found in `stems`.

    Returns (prefix length, stem), trying the bare word first. "لل" is read as
    ل + ال: "للعشرات" gives (1, "العشرات").
    """
    if word in _NOT_SPLIT:
        return None
    for prefix in _CLITICS:
        if not word.startswith(prefix):
            continue
        stem = word[len(prefix) :]
        if stem in stems:
            return len(prefix), stem
        if prefix.endswith("ل") and stem.startswith("ل") and "ا" + stem in stems:
            return len(prefix), "ا" + stem
    return None


def clitic_splits(stems: Iterable[str]) -> dict[str, tuple[int, str]]:
    """Every word that `strip_clitics` splits against `stems`, with its split.

    `clitic_splits(stems).get(word)` is `strip_clitics(word, stems)` for any
    word: a split word is a clitic prefix and a stem, or a prefix ending in ل
    and a stem "ال..." without its alef (للعشرات).
    """
    stem_set = frozenset(stems)
    table: dict[str, tuple[int, str]] = {}
    for stem in stem_set:
        for prefix in _CLITICS:
            words = [prefix + stem]
            if prefix.endswith("ل") and stem.startswith("ال"):
                words.append(prefix + stem[1:])
            for word in words:
                split = strip_clitics(word, stem_set)
                if split is not None:
                    table[word] = split
    return table


# --- lexicon -------------------------------------------------------------------------------

_UNIT, _TEN, _HUNDRED, _SCALE, _SCALES, _SCALE2 = "unit", "ten", "hundred", "scale", "scales", "2x"
_NUMBER_WORDS: Final[dict[str, tuple[str, int]]] = {}


def _words(spec: str) -> tuple[str, ...]:
    """The space-separated words of `spec`."""
    return tuple(spec.split())


def _add(kind: str, value: int, forms: str) -> None:
    for form in forms.split():
        _NUMBER_WORDS[form] = (kind, value)


_add(_UNIT, 1, "واحد واحده احد احدي")
_add(_UNIT, 2, "اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي ثنتان ثنتين الاثنان الاثنتان")
_UNIT_STEMS: Final = {
    3: "ثلاث",
    4: "اربع",
    5: "خمس",
    6: "ست",
    7: "سبع",
    8: "ثماني",
    9: "تسع",
    10: "عشر",
}
for _value, _stem in _UNIT_STEMS.items():
    _add(_UNIT, _value, f"{_stem} {_stem}ه ال{_stem}ه")
_add(_UNIT, 8, "ثمان")
_TEN_STEMS: Final = {20: "عشر", 30: "ثلاث", 40: "اربع", 50: "خمس", 60: "ست", 70: "سبع", 80: "ثمان"}
for _value, _stem in {**_TEN_STEMS, 90: "تسع"}.items():
    _add(_TEN, _value, f"{_stem}ون {_stem}ين")
_HUNDRED_WORDS: Final = frozenset({"ميه", "مايه", "مءه"})  # مئة / مائة after folding ئ to ي
_add(_HUNDRED, 100, " ".join(_HUNDRED_WORDS))
_add(_HUNDRED, 200, "ميتان ميتين ميتا ميتي مايتان مايتين مايتا مايتي")
for _value, _stem in [*_UNIT_STEMS.items(), (8, "ثمان")]:
    if 3 <= _value <= 9:
        _add(_HUNDRED, _value * 100, f"{_stem}ميه {_stem}مايه")
_add(_SCALE, 1000, "الف الفا")
_add(_SCALES, 1000, "الاف الوف")
_add(_SCALE2, 1000, "الفان الفين الفي")
_add(_SCALE, 1_000_000, "مليون مليونا")
_add(_SCALES, 1_000_000, "ملايين")
_add(_SCALE2, 1_000_000, "مليونان مليونين مليوني")

_TEENS_TAIL: Final = frozenset({"عشر", "عشره"})
_NEGATIONS: Final = frozenset(
    {"لم", "ولم", "فلم", "لا", "ولا", "فلا", "لن", "ولن", "ما", "وما", "اي"}
)


def _phrases(*items: str) -> dict[tuple[str, ...], str]:
    """Map 'word word=flag' specs to {(word, word): flag}."""
    table: dict[tuple[str, ...], str] = {}
    for item in items:
        words, _, flag = item.partition("=")
        table[tuple(words.split())] = flag
    return table


_BEFORE: Final = _phrases(
    "ما لا يقل عن=at_least",
    "ما لا تقل عن=at_least",
    "لا يقل عن=at_least",
    "لا تقل عن=at_least",
    "علي الاقل=at_least",
    "اكثر من=at_least",
    "ما يزيد عن=at_least",
    "ما يزيد علي=at_least",
    "ما يربو علي=at_least",
    "نحو=approximate",
    "حوالي=approximate",
    "قرابه=approximate",
    "زهاء=approximate",
    "ما يقارب=approximate",
    "ما يقرب من=approximate",
    "ما يناهز=approximate",
)
_AFTER: Final = _phrases("علي الاقل=at_least", "تقريبا=approximate")
_VAGUE: Final = _phrases(
    "عشرات=scale",
    "العشرات=scale",
    "ميات=scale",
    "الميات=scale",
    "الاف=scale",
    "الالاف=scale",
    "الوف=scale",
    "ملايين",
    "الملايين",
    "عده",
    "بضعه",
    "بضع",
    "بعض",
    "العديد من",
    "عدد من",
    "عددا من",
    "عدد كبير من",
    "عددا كبيرا من",
)
# "عشرات الآلاف", "مئات الآلاف": a vague scale takes one of these after it.
_VAGUE_TAIL: Final = frozenset({"الالاف", "الاف", "الوف", "الملايين", "ملايين"})


_Firsts = dict[str, tuple[int, tuple[tuple[tuple[str, ...], str], ...]]]
"""A word -> (length of its clitic, the phrases of a table starting with the rest, with flags)."""


def _firsts(table: Mapping[tuple[str, ...], str]) -> _Firsts:
    """`clitic_splits` of the first words of `table`, each with its phrases in table order."""
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, flag in table.items():
        phrases.setdefault(phrase[0], []).append((phrase, flag))
    return {
        word: (length, tuple(phrases[stem]))
        for word, (length, stem) in clitic_splits(phrases).items()
    }


_BEFORE_FIRST: Final = _firsts(_BEFORE)
_AFTER_FIRST: Final = _firsts(_AFTER)
_VAGUE_FIRST: Final = _firsts(_VAGUE)

# Casualty nouns whose plural is broken (قتلى، جرحى، عناصر، جنود ...), so that a final
# ين can only be the dual. Nouns with a sound plural in ون/ين (مدني، مسلح، مقاتل، عسكري،
# مصاب، مواطن، صحفي) are left out: "مقاتلين" is far more often plural than dual.
_DUAL_STEMS: Final = _words(
    "قتيل جريح شهيد جندي عنصر شخص طفل رجل امرات ضابط شاب فرد حارس شرطي زميل مصور منتسب"
    " موظف عامل شقيق ابن راعي"
)
# Nouns whose "-ين" form is more often a plural ("مقتل مدنيين": civilians): dual as "-ان" only.
_NOMINATIVE_DUAL_STEMS: Final = _words(
    "مدني مقاتل مسلح عسكري مواطن صحفي مزارع ناشط سائق متظاهر محتج صياد مسعف طبيب ممرض معلم"
    " مهندس تاجر فلاح مدرس"
)
_DUALS: Final = frozenset(
    article + stem + ending
    for stem in _DUAL_STEMS
    for ending in ("ان", "ين")
    for article in ("", "ال")
) | frozenset(article + stem + "ان" for stem in _NOMINATIVE_DUAL_STEMS for article in ("", "ال"))
_DUAL_STEM_SET: Final = frozenset(_DUAL_STEMS) | frozenset(_NOMINATIVE_DUAL_STEMS) | {"ابن", "شقيق"}
_PRONOUNS: Final = ("هما", "ها", "هم", "ه")
_SINGULAR_STEMS: Final = _words(
    "قتيل جريح جندي عنصر مدني مقاتل شخص شهيد مسلح عسكري مصاب طفل ضابط مواطن مقاول متعاقد"
    " لاجي شاب رجل مزارع قيادي ناشط صحفي سايق شرطي مسن مختار فتي فتاه سيده طالب موظف"
    " اعلامي مهندس طبيب معلم راعي عامل مجند مصور زميل امر قائد وجيه منتسب مسوول عضو حارس"
    " مدرس ممرض تاجر رييس مدير شيخ محافظ امام قاضي محامي صيدلي صياد مسعف فلاح"
)
_OWNED_SINGULARS: Final = frozenset(_SINGULAR_STEMS) | {
    "مرافق",
    "حارس",
    "سايق",
    "نجل",
    "زوج",
    "زوجت",
    "قايد",
}
_FEMININE_SINGULARS: Final = frozenset(
    article + word
    for word in ("طفله", "شابه", "مسنه", "طالبه", "معلمه", "ممرضه", "موظفه", "صحفيه", "ناشطه")
    for article in ("", "ال")
)
"""Women and girls named alone ("إصابة طفلة"): one each."""
_OWNED_WITH_HA: Final = frozenset({"مرافق", "حارس", "سايق", "نجل", "زوج", "قايد", "شقيق", "مسوول"})
_SINGULARS: Final = frozenset(
    article + stem + ending
    for stem in _SINGULAR_STEMS
    for ending in ("", "ا")
    for article in ("", "ال")
) | {"امراه", "الامراه"}
_NUMBER_SPLITS: Final = clitic_splits(_NUMBER_WORDS)
_DUAL_SPLITS: Final = clitic_splits(_DUALS)
_BETWEEN_SPLITS: Final = clitic_splits(["بين"])
# A count can only start at a digit token or at one of these words (see `_match_at`): a
# qualifier, "بين", a dual, a number word or a vague quantity, each with its clitics.
_COUNT_STARTS: Final = frozenset([*_BETWEEN_SPLITS, *_DUAL_SPLITS, *_NUMBER_SPLITS, *_VAGUE_FIRST])
_STARTS: Final = _COUNT_STARTS | frozenset(_BEFORE_FIRST)


# --- digits --------------------------------------------------------------------------------

_CODE_GAPS: Final = frozenset({":", "/", "-", ".", "\\"})
_DIGIT_PREFIXES: Final = frozenset(_CLITICS[1:]) | {"ال", "وال", "فال", "بال", "لل", "ولل"}
_MAX_DIGITS: Final = 15


def _is_code_digit(doc: FoldedWords, index: int) -> bool:
    """True when digit token `index` continues a time, date, decimal or designator."""
    if index == 0:
        return False
    gap = doc.gap(index)
    if doc.is_digits(index - 1):
        return gap in _CODE_GAPS
    if gap == "-":
        return True
    return gap == "" and doc.words[index - 1] not in _DIGIT_PREFIXES


def _thousands_continues(doc: FoldedWords, index: int) -> bool:
    """True when the digit group after token `index` is a thousands group (1,500 / 1٬500)."""
    following = index + 1
    if following >= len(doc.words):
        return False
    if doc.gap(following) != "," or not doc.is_digits(following):
        return False
    if len(doc.words[following]) != 3:
        return False
    return doc.source[doc.source_index(doc.starts[following] - 1)] in ",\u066c"


def _digits(doc: FoldedWords, index: int) -> tuple[int, int, int] | None:
    """(numerator, denominator, next token) of the digit number at `index`, None if a code."""
    if _is_code_digit(doc, index):
        return None
    text = doc.words[index]
    end = index
    if len(text) <= 3:
        while _thousands_continues(doc, end):
            end += 1
            text += doc.words[end]
    if len(text) > _MAX_DIGITS:
        return None
    following = end + 1
    if following >= len(doc.words) or not doc.is_digits(following):
        return int(text), 1, end + 1
    gap = doc.gap(following)
    if gap not in _CODE_GAPS:
        return int(text), 1, end + 1
    decimals = doc.words[following]
    if gap == "." and len(decimals) <= 6:
        return int(text + decimals), 10 ** len(decimals), end + 2
    return None


def plain_digits(doc: FoldedWords, index: int) -> int | None:
    """Value of digit token `index` when it stands alone (not a time, code or decimal)."""
    if not 0 <= index < len(doc.words) or not doc.is_digits(index):
        return None
    if len(doc.words[index]) > _MAX_DIGITS or _is_code_digit(doc, index):
        return None
    following = index + 1
    if following < len(doc.words) and doc.is_digits(following) and doc.gap(following) in _CODE_GAPS:
        return None
    if _thousands_continues(doc, index):
        return None
    return int(doc.words[index])


# --- number grammar ------------------------------------------------------------------------


def _entry(doc: FoldedWords, index: int, skip: int = 0) -> tuple[str, int] | None:
    """Lexicon entry of word token `index` without its first `skip` letters (لل = ل + ال)."""
    word = doc.word(index)
    stem = word[skip:]
    if skip and word[skip - 1] == "ل" and stem.startswith("ل") and stem not in _NUMBER_WORDS:
        stem = "ا" + stem
    return _NUMBER_WORDS.get(stem) if stem else None


def _after_and(doc: FoldedWords, index: int) -> tuple[int, int] | None:
    """Where a number joined by و starts at token `index`: (token, letters to skip)."""
    word = doc.joined_word(index)
    if word == "و":
        if index + 1 < len(doc.words) and joins(doc.gap(index + 1)):
            return index + 1, 0
        return None
    if len(word) > 1 and word.startswith("و"):
        return index, 1
    return None


def _scaled(doc: FoldedWords, num: int, den: int, index: int) -> tuple[int, int, int] | None:
    """Apply a following ألف/آلاف/مليون to num/den: (value, scale, next token)."""
    entry = _entry(doc, index) if doc.joined_word(index) else None
    if entry is not None and entry[0] in (_SCALE, _SCALES) and num > 0:
        return num * entry[1] // den, entry[1], index + 1
    if den != 1:
        return None
    return num, 1, index


def _plus_small(doc: FoldedWords, value: int, index: int) -> tuple[int, int]:
    """Add a و-joined number below 100 after a hundred: مئة وخمسة وعشرون."""
    after = _after_and(doc, index)
    entry = _entry(doc, *after) if after else None
    if after is None or entry is None or entry[0] not in (_UNIT, _TEN):
        return value, index
    small, end = _below_thousand(doc, entry, after[0] + 1)
    return (value + small, end) if small < 100 else (value, index)


def _below_thousand(doc: FoldedWords, entry: tuple[str, int], index: int) -> tuple[int, int]:
    """Value below 1000 that starts with `entry`, the tokens after it starting at `index`."""
    kind, value = entry
    if kind == _HUNDRED:
        return _plus_small(doc, value, index)
    if kind != _UNIT or value > 9:
        return value, index
    if doc.joined_word(index) in _TEENS_TAIL:
        return value + 10, index + 1
    after = _after_and(doc, index)
    tens = _entry(doc, *after) if after else None
    if after is not None and tens is not None and tens[0] == _TEN:
        return value + tens[1], after[0] + 1
    if value >= 3 and doc.joined_word(index) in _HUNDRED_WORDS:
        return _plus_small(doc, value * 100, index + 1)
    return value, index


def _group(doc: FoldedWords, index: int, skip: int) -> tuple[int, int, int] | None:
    """(value, scale, next token) of a number group: a count below 1000 and its scale word."""
    if doc.is_digits(index):
        digits = _digits(doc, index) if skip == 0 else None
        return None if digits is None else _scaled(doc, *digits)
    entry = _entry(doc, index, skip)
    if entry is None or entry[0] == _SCALES:
        return None
    if entry[0] == _SCALE:
        return entry[1], entry[1], index + 1
    if entry[0] == _SCALE2:
        return 2 * entry[1], entry[1], index + 1
    value, end = _below_thousand(doc, entry, index + 1)
    return _scaled(doc, value, 1, end)


def _number(doc: FoldedWords, index: int, skip: int) -> tuple[int, int] | None:
    """(value, next token) of a full number: groups joined by و in falling scale."""
    group = _group(doc, index, skip)
    if group is None:
        return None
    total, scale, end = group
    while scale > 1:
        after = _after_and(doc, end)
        following = _group(doc, *after) if after else None
        if following is None or following[0] >= scale:
            break
        total, scale, end = total + following[0], following[1], following[2]
    return total, end


def _negated(doc: FoldedWords, index: int) -> bool:
    return any(doc.word(back) in _NEGATIONS for back in range(max(0, index - 3), index))


def _number_start(doc: FoldedWords, index: int) -> tuple[int, int, int] | None:
    """(value, folded start, next token) of a number at token `index`, clitics allowed."""
    start = doc.starts[index]
    if doc.is_digits(index):
        number = _number(doc, index, 0)
        return None if number is None else (number[0], start, number[1])
    split = _NUMBER_SPLITS.get(doc.words[index])
    if split is None or (split[1] == "احد" and _negated(doc, index)):
        return None
    number = _number(doc, index, split[0])
    return None if number is None else (number[0], start + split[0], number[1])


def number_at(doc: FoldedWords, index: int) -> tuple[int, int] | None:
    """(value, next token) of the exact number starting at token `index`, else None.

    Shared with `extract.dates` ("قبل ثلاثة أيام"); clitics on the first word are allowed.
    """
    if not 0 <= index < len(doc.words):
        return None
    found = _number_start(doc, index)
    return None if found is None else (found[0], found[2])


# --- counts: numbers, ranges, vague quantities ----------------------------------------------


@dataclass(frozen=True, init=False)
class _Count:
    value: int | None
    start: int  # folded offset
    next: int  # token index after the count
    vague: bool = False
    approximate: bool = False

    def __init__(
        self,
        value: int | None,
        start: int,
        next: int,
        vague: bool = False,
        approximate: bool = False,
    ) -> None:
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "next", next)
        object.__setattr__(self, "vague", vague)
        object.__setattr__(self, "approximate", approximate)


def _exact_number(doc: FoldedWords, index: int) -> tuple[int, int] | None:
    """A number at `index` joined to the token before it, with no clitic."""
    if not 0 < index < len(doc.words) or not joins(doc.gap(index)):
        return None
    return _number(doc, index, 0)


def _range_tail(doc: FoldedWords, index: int) -> tuple[int, int] | None:
    """The "أو 3" of "2 أو 3": (value, next token)."""
    if doc.joined_word(index) != "او":
        return None
    return _exact_number(doc, index + 1)


def _number_or_range(doc: FoldedWords, index: int) -> _Count | None:
    start = _number_start(doc, index)
    if start is None:
        return None
    value, folded_start, end = start
    tail = _range_tail(doc, end)
    if tail is not None:
        return _Count(min(value, tail[0]), folded_start, tail[1], approximate=True)
    return _Count(value, folded_start, end)


def _dual_range(doc: FoldedWords, index: int) -> _Count | None:
    """ "شخصين أو ثلاثة": a dual noun, أو, a number."""
    split = _DUAL_SPLITS.get(doc.word(index))
    tail = _range_tail(doc, index + 1) if split else None
    if split is None or tail is None:
        return None
    return _Count(min(2, tail[0]), doc.starts[index] + split[0], tail[1], approximate=True)


def _between(doc: FoldedWords, index: int) -> _Count | None:
    """ "بين 5 و7": the lower bound over the whole range."""
    split = _BETWEEN_SPLITS.get(doc.word(index))
    low = _exact_number(doc, index + 1) if split else None
    after = _after_and(doc, low[1]) if low else None
    high = _number(doc, *after) if after else None
    if split is None or low is None or high is None:
        return None
    start = doc.starts[index] + split[0]
    return _Count(min(low[0], high[0]), start, high[1], approximate=True)


def _phrase_at(doc: FoldedWords, index: int, firsts: _Firsts) -> tuple[int, int, str] | None:
    """Longest phrase of a table at token `index`: (clitic length, next token, flag).

    `firsts` is the table's `_firsts`.
    """
    split = firsts.get(doc.word(index))
    if split is None:
        return None
    best: tuple[int, int, str] | None = None
    for phrase, flag in split[1]:
        if best is not None and index + len(phrase) <= best[1]:
            continue
        if all(doc.joined_word(index + k) == word for k, word in enumerate(phrase[1:], 1)):
            best = (split[0], index + len(phrase), flag)
    return best


def _vague(doc: FoldedWords, index: int) -> _Count | None:
    found = _phrase_at(doc, index, _VAGUE_FIRST)
    if found is None:
        return None
    prefix, end, flag = found
    if flag == "scale" and doc.joined_word(end) in _VAGUE_TAIL:
        end += 1
    return _Count(None, doc.starts[index] + prefix, end, vague=True)


def _count_at(doc: FoldedWords, index: int) -> _Count | None:
    """The count starting at token `index`: a range, a number or a vague quantity."""
    return (
        _between(doc, index)
        or _dual_range(doc, index)
        or _number_or_range(doc, index)
        or _vague(doc, index)
    )


def _trailing(doc: FoldedWords, index: int) -> tuple[str, int] | None:
    """A qualifier after the count, right after it or after one word: (flag, new end token)."""
    found = _phrase_at(doc, index, _AFTER_FIRST) if doc.joined_word(index) else None
    if found is not None and found[0] == 0:
        return found[2], found[1]
    if doc.joined_word(index) and _entry(doc, index) is None:
        found = _phrase_at(doc, index + 1, _AFTER_FIRST)
        if found is not None and found[0] == 0 and doc.joined_word(index + 1):
            return found[2], index
    return None


def _match_at(doc: FoldedWords, index: int) -> tuple[NumberMatch, int] | None:
    """The longest count expression at token `index`, qualifiers included: (match, next)."""
    flags: set[str] = set()
    start: int | None = None
    count: _Count | None = None
    qualifier = _phrase_at(doc, index, _BEFORE_FIRST)
    if qualifier is not None and _joined(doc, qualifier[1]):
        count = _count_at(doc, qualifier[1])
        if count is not None and not count.vague:
            flags.add(qualifier[2])
            start = doc.starts[index] + qualifier[0]
    if start is None:
        if doc.words[index] not in _COUNT_STARTS and not doc.is_digits(index):
            return None  # a qualifier's first word ("على" of "على الأقل") and no count after it
        count = _count_at(doc, index)
    if count is None:
        return None
    return _finish(doc, count, count.start if start is None else start, flags)


def _joined(doc: FoldedWords, index: int) -> bool:
    return 0 < index < len(doc.words) and joins(doc.gap(index))


def _finish(
    doc: FoldedWords, count: _Count, start: int, flags: set[str]
) -> tuple[NumberMatch, int]:
    end = count.next
    trailing = None if count.vague else _trailing(doc, end)
    if trailing is not None:
        flags.add(trailing[0])
        end = max(end, trailing[1])
    first, last = doc.span(start, doc.ends[end - 1])
    match = NumberMatch(
        value=count.value,
        start=first,
        end=last,
        vague=count.vague,
        at_least="at_least" in flags,
        approximate=count.approximate or "approximate" in flags,
    )
    return match, end


# --- public API ----------------------------------------------------------------------------


def find_numbers(text: str) -> list[NumberMatch]:
    """Every count expression in `text`, in order, non-overlapping, longest match first.

    Offsets are into `text` as given. Never raises.
    """
    doc = folded_text(text)
    return scan(doc, _STARTS, lambda start: _match_at(doc, start))


def candidates(doc: FoldedWords, starts: Container[str]) -> list[int]:
    """Indices of the digit tokens and of the word tokens in `starts`, in order."""
    words = itertools.compress(itertools.count(), map(starts.__contains__, doc.words))
    return sorted([*words, *doc.digit_indices])


def scan(
    doc: FoldedWords, starts: Container[str], match_at: Callable[[int], tuple[M, int] | None]
) -> list[M]:
    """The matches `match_at` finds from each candidate token on, none overlapping.

    `match_at(i)` gives a match starting at token i and the token after it,
    or None; the scan goes on from the token after the last match.
    """
    matches: list[M] = []
    index = 0
    for start in candidates(doc, starts):
        if start < index:
            continue
        found = match_at(start)
        if found is not None:
            match, index = found
            matches.append(match)
    return matches


def parse_number_words(words: str) -> int | None:
    """Value of a bare number phrase ("خمسة عشر" 15, "ثلاثة وعشرون" 23, "مئتين" 200, "١٢" 12).

    The whole phrase (surrounding spaces aside, a clitic on the first word
    allowed) must be one exact number; otherwise None.
    """
    doc = FoldedWords(words)
    if not doc.words or doc.gap(0).strip() or doc.folded[doc.ends[-1] :].strip():
        return None
    found = _number_start(doc, 0)
    if found is None or found[2] != len(doc.words):
        return None
    return found[0]


def dual_count(word: str) -> bool:
    """True when `word` is the dual of a casualty noun with a broken plural (قتيلين، عنصران).

    The list (قتيل جريح شهيد جندي عنصر شخص طفل رجل امرأة ضابط شاب فرد حارس)
    leaves out nouns whose sound plural is spelt like the dual (مدنيين، مسلحين،
    مقاتلين، عسكريين، مصابين): undiacritised, those are read as plurals.
    Clitics (و ف ب ل) and the article are allowed.
    """
    return strip_clitics(fold_text(word).strip(), _DUALS) is not None


@functools.lru_cache(maxsize=16384)
def count_from_noun(word: str) -> int | None:
    """2 for a dual casualty noun, 1 for a singular one used alone (قتيل، جندياً), else None.

    Meant for casualty contexts only ("مقتل جندي", "إصابة عنصرين").
    """
    folded = fold_text(word).strip()
    if strip_clitics(folded, _DUALS) is not None:
        return 2
    for pronoun in _PRONOUNS:  # "طفلاها", "ابناه": a dual in construct with its owner
        # (not "ـيها": "مقاتليها" is her fighters, a plural spelt like the dual)
        if folded.endswith(pronoun) and len(folded) > len(pronoun) + 3:
            stem = folded[: -len(pronoun)]
            if stem[-1] == "ا" and stem[:-1] in _DUAL_STEM_SET:
                return 2
    if strip_clitics(folded, _SINGULARS) is not None or folded in _FEMININE_SINGULARS:
        return 1
    for pronoun in _PRONOUNS[1:]:  # "استشهاد سائقها وإصابة مرافقه": one, its owner's
        stem = folded[: -len(pronoun)]
        # ه is also ة folded: "مدرسه" is a school; only stems whose ة form is a person too
        owned = _OWNED_SINGULARS if pronoun != "ه" else _OWNED_WITH_HA
        if folded.endswith(pronoun) and stem in owned:
            return 1
    return None
