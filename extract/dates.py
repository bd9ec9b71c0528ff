"""The date of an event, resolved from Arabic news text against the publication date.

Arabic news dates an event in many ways: a day and a month under its
Levantine or its Egyptian/Gulf name, often both ("26 أكتوبر/تشرين الأول 2023",
"23 آب/أغسطس"), an ordinal day ("في السابع من أكتوبر"), a weekday
("الثلاثاء الماضي"), or a word relative to the day of writing ("أمس",
"صباح اليوم الجمعة", "قبل يومين"). `find_dates` finds these expressions with
offsets into the article as stored and turns each into a calendar date, using
the publication date for what the text leaves out.

It is hand-written because no maintained library parses Arabic month and
weekday names with offsets into the source text. Matching runs on the
tokens of `extract.numbers.FoldedWords` (text folded by `extract.normalize`).

Decisions:
- No date after `published` is ever returned: future expressions ("غداً",
  "الخميس المقبل") and explicit dates after it match with date None.
- A day and month without a year is the latest such date on or before
  `published`; "الجاري" means the publication year, "الماضي" the last such
  month before the publication month.
- A weekday is the most recent such day on or before `published`; with
  الماضي/الفائت/المنصرم/السابق strictly before (a week back when it is the
  same weekday).
- When a relative word and a weekday disagree ("اليوم الجمعة" in an article
  dated Saturday), the weekday wins: publication dates are often a day off
  (time zones, after-midnight publishing) while the weekday is what the
  writer saw. An explicit day and month win over both.
- A month without a day ("ديسمبر/كانون الأول 2021", "أكتوبر/تشرين الأول
  الجاري", "الشهر الماضي", "هذا الشهر") is kind "month", precision 3, dated
  the 15th of that month (ACLED's middle of the period), or the publication
  date when the 15th is after it; after "منذ" (since) it is the start of a
  period, not a date. A lone single-word month name is not matched at all
  ("مارس" is also a verb, "آب" a noun).
- "الأسبوع الماضي" (the seven days before publication), "مطلع الأسبوع" is kind "week",
  precision 2, dated the middle of them: four days before publication.
- "ليلة الخميس" is read as Thursday; "في" is never part of a span, "يوم" and
  a part of the day (فجر صباح ظهر عصر مساء ليلة) are.
- A span starts after a clitic (و ف ب ل) glued to its first word.
- "قبل/منذ يومين، ثلاثة أيام، أسبوع" count back from `published`, except when
  followed by "من" ("قبل يومين من الهجوم" is relative to something else).
- Times ("4:30"), durations ("24 ساعة") and bare years are not dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Final

from extract.numbers import (
    FoldedWords,
    clitic_splits,
    folded_text,
    joins,
    number_at,
    plain_digits,
    scan,
)

__all__ = ["DateMatch", "anchor_years", "find_dates"]


@dataclass(frozen=True, init=False)
class DateMatch:
    """One date expression: its span [start, end) and surface text, and the date it names.

    `kind` is "absolute" (day and month), "weekday", "relative" (اليوم، أمس،
    قبل يومين), "week" (last week), "month" (a month without a day) or "past"
    ("قبل ست سنوات": months or years back, the day unknown, `date` None). `date`
    is None when the expression cannot be resolved or names a day after the
    publication date.
    """

    date: dt.date | None
    start: int
    end: int
    text: str
    kind: str

    def __init__(self, date: dt.date | None, start: int, end: int, text: str, kind: str) -> None:
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "kind", kind)

    @property
    def precision(self) -> int | None:
        """ACLED's time precision of the date: 1 a day, 2 a week, 3 a month (None undated)."""
        if self.date is None:
            return None
        return {"week": 2, "month": 3}.get(self.kind, 1)


# --- lexicon -------------------------------------------------------------------------------


def _words(spec: str) -> frozenset[str]:
    """The set of space-separated words in `spec`."""
    return frozenset(spec.split())


def _table(spec: str) -> dict[str, int]:
    """Map "word word=value ..." lines to {word: value}."""
    table: dict[str, int] = {}
    for line in spec.strip().splitlines():
        words, _, value = line.partition("=")
        for word in words.split():
            table[word] = int(value)
    return table


class _Words:
    """Words with their values, and the clitic splits of each (`strip_clitics` as a table)."""

    def __init__(self, table: Mapping[str, int]) -> None:
        self.table = table
        self.splits = clitic_splits(table)

    @classmethod
    def of(cls, words: Iterable[str]) -> _Words:
        return cls(dict.fromkeys(words, 0))

    @classmethod
    def table_of(cls, spec: str) -> _Words:
        return cls(_table(spec))


_MONTHS: Final = _Words.table_of(
    """
    يناير جانفي=1
    فبراير فيفري شباط=2
    مارس اذار=3
    ابريل افريل نيسان=4
    مايو ماي ايار=5
    يونيو يونيه جوان حزيران=6
    يوليو يوليه جويليه تموز=7
    اغسطس اوت اب=8
    سبتمبر ايلول=9
    اكتوبر=10
    نوفمبر=11
    ديسمبر=12
    """
)
_TWO_WORD_MONTHS: Final[dict[tuple[str, ...], int]] = {
    ("تشرين", "الاول"): 10,
    ("تشرين", "اول"): 10,
    ("تشرين", "الثاني"): 11,
    ("تشرين", "ثاني"): 11,
    ("كانون", "الاول"): 12,
    ("كانون", "اول"): 12,
    ("كانون", "الثاني"): 1,
    ("كانون", "ثاني"): 1,
}
_TWO_WORD_FIRSTS: Final = _Words.of(phrase[0] for phrase in _TWO_WORD_MONTHS)

_ORDINAL_UNITS: Final = _Words.table_of(
    """
    الاول الحادي=1
    الثاني=2
    الثالث=3
    الرابع=4
    الخامس=5
    السادس=6
    السابع=7
    الثامن=8
    التاسع=9
    """
)
_ORDINAL_ALONE: Final = _Words.table_of("العاشر=10\nالعشرين العشرون=20\nالثلاثين الثلاثون=30")
_ORDINAL_TENS: Final = _table("والعشرين والعشرون=20\nوالثلاثين والثلاثون=30")

# Python weekday numbers: Monday is 0.
_WEEKDAYS: Final = _Words.table_of(
    """
    الاثنين=0
    الثلاثاء=1
    الاربعاء=2
    الخميس=3
    الجمعه=4
    السبت=5
    الاحد=6
    """
)
_BARE_WEEKDAYS: Final = _Words(
    {word[2:]: value for word, value in _WEEKDAYS.table.items()}
)  # after يوم
_PAST: Final = _words("الماضي الماضيه الفايت الفايته المنصرم المنصرمه السابق السابقه")
_FUTURE: Final = _words("المقبل المقبله القادم القادمه")
_CURRENT: Final = frozenset({"الجاري", "الحالي"})
_PARTS_OF_DAY: Final = _words("فجر صباح ظهر ظهيره عصر مساء ليله ليل")

_FUTURE_DAYS: Final = -1  # marker: a relative word that names a future day
_RELATIVE: Final[dict[tuple[str, ...], int]] = {
    ("اليوم",): 0,
    ("الليله",): 0,
    ("الليله", "الماضيه"): 1,
    ("امس",): 1,
    ("الامس",): 1,
    ("البارحه",): 1,
    ("امس", "الاول"): 2,
    ("اول", "امس"): 2,
    ("اول", "من", "امس"): 2,
    ("غدا",): _FUTURE_DAYS,
    ("الغد",): _FUTURE_DAYS,
    ("بعد", "غد"): _FUTURE_DAYS,
}
_RELATIVE_FIRSTS: Final = _Words.of(phrase[0] for phrase in _RELATIVE)
# "اليوم التالي" is the next day, not today.
_NOT_TODAY: Final = _words(
    "التالي التاليه السابق السابقه الذي الاول الثاني الثالث الرابع الخامس الاخير الاخيره "
    "نفسه ذاته نفسها ذاتها الوطني العالمي الدولي ال"
)
_THAT: Final = frozenset(_words("ذلك ذاك تلك"))
_SAME_DAY_NOUNS: Final = frozenset(_words("اليوم الليله"))
"""Today and tonight, which "ذاته", "التالي" or "ذلك" make another day's."""
_AGO: Final = _Words.of(["قبل", "منذ"])
_PERIOD_UNITS: Final = _Words.table_of("الاسبوع=7\nالشهر=30")
_THIS: Final = _Words.of(["هذا"])
MID_MONTH: Final = 15
"""The day a month-precision date is given (ACLED's middle of the month)."""
WEEK_BACK: Final = 4
"""Days before publication a "last week" date is given (the middle of the seven days)."""
_AGO_ALONE: Final = _Words(_table("يومين يومان=2\nاسبوع=7\nاسبوعين اسبوعان=14"))
_AGO_UNITS: Final = _table("ايام يوما يوم=1\nاسابيع اسبوعا اسبوع=7")
_AGO_LONG: Final = frozenset(_words("سنوات سنه سنين عاما اعوام عام اشهر شهور شهرا شهر"))
_MAX_BACK: Final = 36_600
_SINCE: Final = frozenset({"منذ", "طيله", "طوال"})
"""Words before a month or week (or one word before it: "منذ بداية") that make it a period,
not the date of an incident."""
_CODE_GAPS: Final = frozenset({"/", "-", ".", ":"})


# --- date arithmetic (never raises) --------------------------------------------------------


def _days_before(published: dt.date | None, days: int) -> dt.date | None:
    if published is None or days < 0 or days > _MAX_BACK:
        return None
    try:
        return published - dt.timedelta(days=days)
    except OverflowError:
        return None


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weekday_date(published: dt.date | None, weekday: int, past: bool) -> dt.date | None:
    """Most recent `weekday` on or before `published` (strictly before when `past`)."""
    if published is None:
        return None
    back = (published.weekday() - weekday) % 7
    return _days_before(published, 7 if past and back == 0 else back)


def _latest(published: dt.date, month: int, day: int) -> dt.date | None:
    """Latest day/month on or before `published` (29 February may be years back)."""
    for year in range(published.year, published.year - 9, -1):
        found = _make(year, month, day) if year >= dt.MINYEAR else None
        if found is not None and found <= published:
            return found
    return None


def _mid_month(published: dt.date | None, month: int, year: int | str | None) -> dt.date | None:
    """The 15th of the month meant (a year, a year word or none: the latest such month on or
    before `published`), never after `published` (then `published`, in its own month)."""
    if year is None and published is not None:
        year = published.year - (month > published.month)
    found = _absolute_date(published, MID_MONTH, month, year)
    if found is not None and published is not None and found > published:
        same_month = (found.year, found.month) == (published.year, published.month)
        return published if same_month else found
    return found


def _absolute_date(
    published: dt.date | None, day: int, month: int, year: int | str | None
) -> dt.date | None:
    """Resolve day/month with a year, a year word ("current", "last", "future") or none."""
    if isinstance(year, int):
        return _make(year, month, day)
    if published is None or year == "future":
        return None
    if year == "current":
        return _make(published.year, month, day)
    if year == "last":
        return _make(published.year - (month >= published.month), month, day)
    return _latest(published, month, day)


# --- pieces of a date expression -----------------------------------------------------------


@dataclass(frozen=True, init=False)
class _Piece:
    """A matched piece: its value, clitic length on its first token, next token, folded end."""

    value: int
    prefix: int
    next: int
    end: int

    def __init__(self, value: int, prefix: int, next: int, end: int) -> None:
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "prefix", prefix)
        object.__setattr__(self, "next", next)
        object.__setattr__(self, "end", end)


def _split(doc: FoldedWords, index: int, words: _Words, first: bool) -> tuple[int, str] | None:
    """(clitic length, stem) of token `index`: clitics only on the first word of a match."""
    if first:
        return words.splits.get(doc.word(index))
    word = doc.joined_word(index)
    return (0, word) if word in words.table else None


def _word_piece(doc: FoldedWords, index: int, words: _Words, first: bool) -> _Piece | None:
    """A one-word piece from `words`."""
    split = _split(doc, index, words, first)
    if split is None:
        return None
    return _Piece(words.table[split[1]], split[0], index + 1, doc.ends[index])


def _phrase_piece(
    doc: FoldedWords,
    index: int,
    table: dict[tuple[str, ...], int],
    firsts: _Words,
    first: bool,
) -> _Piece | None:
    """Longest multi-word piece from `table` (whose first words are `firsts`) at `index`."""
    split = _split(doc, index, firsts, first)
    if split is None:
        return None
    best: _Piece | None = None
    for phrase, value in table.items():
        if phrase[0] != split[1] or (best is not None and index + len(phrase) <= best.next):
            continue
        if all(doc.joined_word(index + k) == word for k, word in enumerate(phrase[1:], 1)):
            end = index + len(phrase)
            best = _Piece(value, split[0], end, doc.ends[end - 1])
    return best


def _month_name(doc: FoldedWords, index: int, first: bool) -> _Piece | None:
    two = _phrase_piece(doc, index, _TWO_WORD_MONTHS, _TWO_WORD_FIRSTS, first)
    return two if two is not None else _word_piece(doc, index, _MONTHS, first)


def _second_name(doc: FoldedWords, name: _Piece) -> tuple[int, int] | None:
    """The other name of a double form after `name`: "/تشرين الأول" or "(تشرين الأول)"."""
    if name.next >= len(doc.words) or "\n" in doc.gap(name.next):
        return None
    separator = doc.gap(name.next).strip()
    other = _month_name(doc, name.next, first=True) if separator in ("/", "(") else None
    if other is None or other.prefix:
        return None
    if separator == "/":
        return other.next, other.end
    rest = doc.folded[other.end : other.end + 4]
    if not rest.lstrip(" ").startswith(")"):
        return None
    return other.next, other.end + rest.index(")") + 1


def _month(doc: FoldedWords, index: int, first: bool) -> tuple[_Piece, bool] | None:
    """A month name, single or double ("أكتوبر/تشرين الأول"): (piece, is double)."""
    name = _month_name(doc, index, first)
    if name is None:
        return None
    second = _second_name(doc, name)
    if second is None:
        return name, False
    return _Piece(name.value, name.prefix, second[0], second[1]), True


def _year_number(doc: FoldedWords, index: int) -> _Piece | None:
    """A four-digit year 1900-2100, optionally written "2023م"."""
    if index >= len(doc.words) or doc.gap(index).strip() not in ("", ","):
        return None
    if "\n" in doc.gap(index) or len(doc.words[index]) != 4:
        return None
    year = plain_digits(doc, index)
    if year is None or not 1900 <= year <= 2100:
        return None
    suffix = index + 1
    if suffix < len(doc.words) and doc.gap(suffix) == "" and doc.words[suffix] == "م":
        return _Piece(year, 0, index + 2, doc.ends[suffix])
    return _Piece(year, 0, index + 1, doc.ends[index])


_YEAR_WORDS: Final = {"current": _CURRENT, "last": _PAST, "future": _FUTURE}


def _year(doc: FoldedWords, index: int) -> tuple[int | str, int, int] | None:
    """What follows a month: a year, "الجاري", "الماضي", "من العام الماضي": (year, next, end)."""
    at = index
    if doc.joined_word(at) == "من" and doc.joined_word(at + 1) in ("عام", "العام"):
        at += 2
    elif doc.joined_word(at) in ("عام", "العام"):
        at += 1
    number = _year_number(doc, at)
    if number is not None and (at == index or joins(doc.gap(at))):
        return number.value, number.next, number.end
    word = doc.joined_word(at)
    for name, words in _YEAR_WORDS.items():
        if word in words:
            return name, at + 1, doc.ends[at]
    return None


def _ordinal_day(doc: FoldedWords, index: int, first: bool) -> _Piece | None:
    """ "السابع", "الحادي عشر", "الثالث والعشرين", "الثلاثين"."""
    alone = _word_piece(doc, index, _ORDINAL_ALONE, first)
    if alone is not None:
        return alone
    unit = _word_piece(doc, index, _ORDINAL_UNITS, first)
    if unit is None:
        return None
    following = doc.joined_word(unit.next)
    if following in ("عشر", "عشره"):
        return _Piece(unit.value + 10, unit.prefix, unit.next + 1, doc.ends[unit.next])
    if following in _ORDINAL_TENS and unit.value + _ORDINAL_TENS[following] <= 31:
        tens = _ORDINAL_TENS[following]
        return _Piece(unit.value + tens, unit.prefix, unit.next + 1, doc.ends[unit.next])
    is_hadi = doc.word(index)[unit.prefix :] == "الحادي"
    return None if is_hadi else unit


def _day(doc: FoldedWords, index: int, first: bool) -> _Piece | None:
    """A day of the month: 1-31 in digits or an ordinal word."""
    if index >= len(doc.words) or (not first and not joins(doc.gap(index))):
        return None
    if doc.is_digits(index):
        value = plain_digits(doc, index)
        if value is None or not 1 <= value <= 31 or len(doc.words[index]) > 2:
            return None
        return _Piece(value, 0, index + 1, doc.ends[index])
    return _ordinal_day(doc, index, first)


@dataclass(frozen=True, init=False)
class _Found:
    """A date expression: resolved date, kind, clitic length, next token, folded end."""

    date: dt.date | None
    kind: str
    prefix: int
    next: int
    end: int

    def __init__(self, date: dt.date | None, kind: str, prefix: int, next: int, end: int) -> None:
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "prefix", prefix)
        object.__setattr__(self, "next", next)
        object.__setattr__(self, "end", end)


def _absolute(
    doc: FoldedWords, index: int, first: bool, published: dt.date | None
) -> _Found | None:
    """Day, optional "من", month (single or double), optional year or الجاري/الماضي."""
    day = _day(doc, index, first)
    if day is None:
        return None
    at = day.next + (doc.joined_word(day.next) == "من")
    month = _month(doc, at, first=False) if doc.joined_word(at) else None
    if month is None:
        return None
    piece = month[0]
    year = _year(doc, piece.next)
    next_index, end = (year[1], year[2]) if year else (piece.next, piece.end)
    date = _absolute_date(published, day.value, piece.value, year[0] if year else None)
    return _Found(date, "absolute", day.prefix, next_index, end)


def _month_only(doc: FoldedWords, index: int, published: dt.date | None) -> _Found | None:
    """A month without a day: with a year, الجاري/الماضي, or in double or two-word form."""
    month = _month(doc, index, first=True)
    if month is None:
        return None
    piece, double = month
    year = _year(doc, piece.next)
    if year is not None:
        date = _mid_month(published, piece.value, year[0])
        return _Found(date, "month", piece.prefix, year[1], year[2])
    two_words = piece.next - index >= 2
    if not (double or two_words):
        return None
    date = _mid_month(published, piece.value, None)
    return _Found(date, "month", piece.prefix, piece.next, piece.end)


def _period(doc: FoldedWords, index: int, published: dt.date | None) -> _Found | None:
    """ "الأسبوع الماضي", "الشهر الماضي", "الشهر الجاري", "هذا الشهر": a week or a month."""
    this = _split(doc, index, _THIS, first=True)
    at = index if this is None else index + 1
    unit = _word_piece(doc, at, _PERIOD_UNITS, first=this is None)
    if unit is None or published is None:
        return None
    prefix = unit.prefix if this is None else this[0]
    modifier = doc.joined_word(unit.next)
    if this is not None or modifier in _CURRENT:
        if unit.value == 7:
            return None  # this week: the day is not told
        next_index = unit.next if this is not None else unit.next + 1
        date = _mid_month(published, published.month, "current")
        return _Found(date, "month", prefix, next_index, doc.ends[next_index - 1])
    if modifier not in _PAST:
        return None
    if unit.value == 7:
        date = _days_before(published, WEEK_BACK)
        return _Found(date, "week", prefix, unit.next + 1, doc.ends[unit.next])
    date = _mid_month(published, (published.month - 2) % 12 + 1, "last")
    return _Found(date, "month", prefix, unit.next + 1, doc.ends[unit.next])


_WEEK_PARTS: Final = _Words.of(_words("مطلع بدايه اوايل منتصف اواخر نهايه"))


def _part_of_week(doc: FoldedWords, index: int, published: dt.date | None) -> _Found | None:
    """ "مطلع الأسبوع", "أواخر الأسبوع الماضي": only the week is told, as of "last week"."""
    part = _word_piece(doc, index, _WEEK_PARTS, first=True)
    if part is None or published is None:
        return None
    unit = _word_piece(doc, part.next, _PERIOD_UNITS, first=False)
    if unit is None or unit.value != 7:
        return None
    after, end = unit.next, unit.end
    if doc.joined_word(after) in _CURRENT | _PAST:
        after, end = after + 1, doc.ends[after]
    return _Found(_days_before(published, WEEK_BACK), "week", part.prefix, after, end)


def _numeric(doc: FoldedWords, index: int) -> _Found | None:
    """ "26/10/2023", "26-10-2023", "2023-10-26"."""
    if index + 2 >= len(doc.words) or not all(doc.is_digits(i) for i in range(index, index + 3)):
        return None
    separator = doc.gap(index + 1)
    if separator not in ("/", "-", ".") or doc.gap(index + 2) != separator:
        return None
    before = index > 0 and doc.is_digits(index - 1) and doc.gap(index) in _CODE_GAPS
    after = index + 3 < len(doc.words) and doc.is_digits(index + 3)
    if before or (after and doc.gap(index + 3) in _CODE_GAPS):
        return None
    numbers = doc.words[index : index + 3]
    lengths = [len(number) for number in numbers]
    values = [int(number) for number in numbers if len(number) <= 4]
    if len(values) != 3:
        return None
    if lengths[0] <= 2 and lengths[1] <= 2 and lengths[2] == 4:
        found = _make(values[2], values[1], values[0])
    elif lengths[0] == 4 and lengths[1] <= 2 and lengths[2] <= 2:
        found = _make(values[0], values[1], values[2])
    else:
        return None
    if found is None:
        return None
    return _Found(found, "absolute", 0, index + 3, doc.ends[index + 2])


def _ago(doc: FoldedWords, index: int, published: dt.date | None) -> _Found | None:
    """ "قبل يومين", "منذ ثلاثة أيام", "قبل أسبوع" (not "قبل يومين من ...")."""
    split = _AGO.splits.get(doc.word(index))
    if split is None:
        return None
    alone = _word_piece(doc, index + 1, _AGO_ALONE, first=False)
    if alone is not None:
        days, next_index = alone.value, alone.next
    else:
        number = (
            number_at(doc, index + 1)
            if doc.joined_word(index + 1) or _joined_digits(doc, index + 1)
            else None
        )
        word = doc.joined_word(number[1]) if number else ""
        unit = _AGO_UNITS.get(word)
        if number is not None and unit is None and word in _AGO_LONG:
            # "قبل ست سنوات": another year, its day unknown
            return _Found(None, "past", split[0], number[1] + 1, doc.ends[number[1]])
        if number is None or unit is None:
            return None
        days, next_index = number[0] * unit, number[1] + 1
    if doc.joined_word(next_index) == "من":
        return None
    date = _days_before(published, days)
    return _Found(date, "relative", split[0], next_index, doc.ends[next_index - 1])


def _joined_digits(doc: FoldedWords, index: int) -> bool:
    return 0 < index < len(doc.words) and doc.is_digits(index) and joins(doc.gap(index))


def _relative(doc: FoldedWords, index: int, first: bool) -> _Piece | None:
    """اليوم، أمس، أول أمس، غداً ... ("اليوم التالي" excluded)."""
    piece = _phrase_piece(doc, index, _RELATIVE, _RELATIVE_FIRSTS, first)
    if piece is None:
        return None
    if doc.word(index)[piece.prefix :] in _SAME_DAY_NOUNS and piece.next == index + 1:
        following = doc.joined_word(index + 1)
        if following in _NOT_TODAY or _joined_digits(doc, index + 1):
            return None
        if piece.prefix == 0 and doc.word(index - 1) in _THAT and joins(doc.gap(index)):
            return None  # "ففي ذلك اليوم": the day told before, not today
    return piece


def _weekday(
    doc: FoldedWords, index: int, first: bool, after_yawm: bool
) -> tuple[_Piece, str] | None:
    """A weekday (value 0 = Monday) and its modifier: "past", "future" or "" (none)."""
    piece = _word_piece(doc, index, _WEEKDAYS, first)
    if piece is None and after_yawm:
        piece = _word_piece(doc, index, _BARE_WEEKDAYS, first=False)
    if piece is None:
        return None
    modifier = doc.joined_word(piece.next)
    mode = "past" if modifier in _PAST else "future" if modifier in _FUTURE else ""
    if not mode:
        return piece, mode
    return _Piece(piece.value, piece.prefix, piece.next + 1, doc.ends[piece.next]), mode


class _Chain:
    """Builds "[part of day] [يوم] [relative] [weekday [modifier]] [day month [year]]"."""

    def __init__(self, doc: FoldedWords, index: int, published: dt.date | None) -> None:
        self.doc, self.published = doc, published
        self.at, self.prefix, self.end = index, -1, 0
        self.relative: int | None = None
        self.weekday: tuple[_Piece, str] | None = None
        self.absolute: _Found | None = None

    @property
    def first(self) -> bool:
        return self.prefix < 0

    def take(self, prefix: int, next_index: int, end: int) -> None:
        if self.first:
            self.prefix = prefix
        self.at, self.end = next_index, end

    def optional(self, words: _Words) -> bool:
        piece = _word_piece(self.doc, self.at, words, self.first)
        if piece is not None:
            self.take(piece.prefix, piece.next, piece.end)
        return piece is not None

    def read(self) -> _Found | None:
        self.optional(_PARTS_TABLE)
        after_yawm = self.optional(_YAWM)
        self.read_relative(after_yawm)
        self.weekday = _weekday(self.doc, self.at, self.first, after_yawm)
        if self.weekday is not None:
            piece = self.weekday[0]
            self.take(piece.prefix, piece.next, piece.end)
        self.read_absolute()
        return self.found()

    def read_relative(self, after_yawm: bool) -> None:
        piece = _relative(self.doc, self.at, self.first)
        if piece is None and after_yawm and self.doc.joined_word(self.at) == "غد":
            piece = _Piece(_FUTURE_DAYS, 0, self.at + 1, self.doc.ends[self.at])
        if piece is not None:
            self.relative = piece.value
            self.take(piece.prefix, piece.next, piece.end)

    def read_absolute(self) -> None:
        doc, at = self.doc, self.at
        first = self.first
        if not first and self.weekday is not None and at < len(doc.words):
            gap = doc.gap(at)
            first = gap.strip() in ("", ",") and "\n" not in gap
            if not first:
                return
        self.absolute = _absolute(doc, at, first, self.published)
        if self.absolute is not None:
            self.take(self.absolute.prefix, self.absolute.next, self.absolute.end)

    def found(self) -> _Found | None:
        if self.absolute is not None:
            return _Found(self.absolute.date, "absolute", self.prefix, self.at, self.end)
        if self.weekday is not None:
            weekday, mode = self.weekday[0].value, self.weekday[1]
            date = None
            if mode != "future":
                date = _weekday_date(self.published, weekday, mode == "past")
            return _Found(date, "weekday", self.prefix, self.at, self.end)
        if self.relative is not None:
            date = _days_before(self.published, self.relative)
            return _Found(date, "relative", self.prefix, self.at, self.end)
        return None


_PARTS_TABLE: Final = _Words(dict.fromkeys(_PARTS_OF_DAY, 0))
_YAWM: Final = _Words({"يوم": 0})
# A date expression can only start at a digit token or at one of these words (see
# `_longest` and `_Chain.read`), each with its clitics.
_STARTS: Final = frozenset(
    word
    for words in (
        _PARTS_TABLE,
        _YAWM,
        _RELATIVE_FIRSTS,
        _WEEKDAYS,
        _ORDINAL_ALONE,
        _ORDINAL_UNITS,
        _AGO,
        _TWO_WORD_FIRSTS,
        _MONTHS,
        _PERIOD_UNITS,
        _THIS,
        _WEEK_PARTS,
    )
    for word in words.splits
)


def _longest(doc: FoldedWords, index: int, published: dt.date | None) -> _Found | None:
    """The longest date expression starting at token `index`."""
    candidates = (
        _Chain(doc, index, published).read(),
        _ago(doc, index, published),
        _month_only(doc, index, published),
        _period(doc, index, published),
        _part_of_week(doc, index, published),
        _numeric(doc, index),
    )
    best: _Found | None = None
    for candidate in candidates:
        if candidate is not None and (best is None or candidate.end > best.end):
            best = candidate
    return best


def _to_match(doc: FoldedWords, index: int, found: _Found, published: dt.date | None) -> DateMatch:
    date = found.date
    if date is not None and published is not None and date > published:
        date = None
    if found.kind in ("month", "week") and _SINCE & {doc.word(index - 1), doc.word(index - 2)}:
        date = None  # "since October": a period begins, no incident's date
    start, end = doc.span(doc.starts[index] + found.prefix, found.end)
    return DateMatch(date, start, end, doc.source[start:end], found.kind)


def find_dates(text: str, published: dt.date | None) -> list[DateMatch]:
    """Every date expression in `text`, in order, non-overlapping, longest match first.

    Offsets are into `text` as given. Dates are resolved against `published`
    (None leaves every date that needs it unresolved) and are never after it.
    Never raises.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    doc = folded_text(text)
    day = published

    def match_at(start: int) -> tuple[DateMatch, int] | None:
        found = _longest(doc, start, day)
        if found is None or found.next <= start:
            return None
        return _to_match(doc, start, found, day), found.next

    return _nights_between(text, scan(doc, _STARTS, match_at))


_DASHES: Final = frozenset("-–—/")


def _nights_between(text: str, dates: list[DateMatch]) -> list[DateMatch]:
    """The dates with "ليل الأربعاء – الخميس" read as one night: told "بعد منتصف" (after
    midnight), the second day; else the first."""
    out: list[DateMatch] = []
    for date in dates:
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind == date.kind == "weekday"
            and last.text.startswith("ليل")
            and text[last.end : date.start].strip() in _DASHES
        ):
            after_midnight = "بعد منتصف" in text[max(0, last.start - 14) : last.start]
            out[-1] = DateMatch(
                date.date if after_midnight else last.date,
                last.start,
                date.end,
                text[last.start : date.end],
                "weekday",
            )
            continue
        out.append(date)
    return out


_YEAR_MENTION: Final = re.compile(
    r"(?:عام|العام|لعام|سنة|السنة|لسنة)\s+([12١٢][0-9٠-٩]{3})(?![0-9٠-٩])"
)
_STATED_YEAR: Final = re.compile(r"[0-9٠-٩]{4}|الماضي|الجاري|الحالي|المقبل|القادم|الفائت|المنصرم")
_SENTENCE_END: Final = re.compile(r"[.!؟?\n]")


def anchor_years(text: str, dates: list[DateMatch]) -> list[DateMatch]:
    """Dates whose text gives no year, dated in the year the sentence names before them.

    "وفي عام 2019، قتل سبعة مدنيين في 12 آذار": the 12th of March 2019, not
    the latest 12th of March before publication. `dates` are `find_dates`'s,
    in order; a date given a year it cannot have (29 February) keeps its own.
    """
    years = [(m.end(), int(m.group(1))) for m in _YEAR_MENTION.finditer(text)]  # int reads ٢٠١٩
    if not years:
        return dates
    out: list[DateMatch] = []
    previous_end = 0
    for match in dates:
        out.append(_in_named_year(text, match, years, previous_end))
        previous_end = match.end
    return out


def _in_named_year(
    text: str, match: DateMatch, years: list[tuple[int, int]], previous_end: int
) -> DateMatch:
    """A date moved to the year named after the previous date and before it, in its sentence."""
    if match.date is None or match.kind not in ("absolute", "month"):
        return match
    if _STATED_YEAR.search(match.text):
        return match
    year = next(
        (
            value
            for end, value in reversed(years)
            if previous_end <= end <= match.start
            and not _SENTENCE_END.search(text, end, match.start)
        ),
        None,
    )
    if year is None or year == match.date.year:
        return match
    moved = _make(year, match.date.month, match.date.day)
    return replace(match, date=moved) if moved is not None and moved <= match.date else match
