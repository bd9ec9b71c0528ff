"""Casualty figures of a clause: how many were killed and injured, or that none were.

A figure belongs to a casualty word ("مقتل أربعة عناصر", "14 قتيلاً", "قتيلان",
"أصيب جندي"); a figure with no casualty word next to it (troop numbers,
counts of attacks) is never taken. A negated casualty word ("لم يسفر عن
إصابات", "دون خسائر بشرية") gives zero; vague counts ("سقوط قتلى", "عشرات
الجرحى") leave the figure unknown, and the word is kept as ACLED groups vague counts
(`Casualties.killed_vague`: few, several, many, dozens, hundreds).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from typing import Final, cast

from extract.normalize import fold_words
from extract.numbers import NumberMatch, count_from_noun
from extract.phrases import PhraseMatch, PhraseMatcher
from extract.record import VagueCount
from extract.tokens import Token

KILLED: Final = "killed"
INJURED: Final = "injured"
BOTH: Final = "both"

_WORDS: Final = {
    KILLED: (
        "مقتل",
        "قتل",
        "قتلى",
        "قتيل",
        "قتيلا",
        "قتيلان",
        "قتيلين",
        "لقي حتفه",
        "حتفهم",
        "حتفه",
        "حتفهما",
        "مقتله",
        "مقتلها",
        "مقتلهما",
        "مقتلهم",
        "مصرعهم",
        "استشهادهم",
        "استشهاده",
        "استشهادها",
        "استشهادهما",
        "وفاتها",
        "مصرعه",
        "مصرعها",
        "مصرعهما",
        "وفاته",
        "لقوا حتفهم",
        "مصرع",
        "استشهاد",
        "شهداء",
        "شهيد",
        "شهيدا",
        "شهيدين",
        "وفاة",
        "توفي",
        "حصيلة القتلى",
        "قتلوا",
        "قتلت",
        "يقتل",
        "اغتيل",
        "اغتيلت",
        "جثث",
        "جثة",
        "جثتي",
        "جثامين",
        "أعدم",
        "أعدمت",
        "أعدموا",
        "إعدام",
        "استشهد",
        "استشهدت",
        "استشهدوا",
        "استشهدا",
        "قضوا",
        "قضى",
        "أردوه",
        "أرداه",
        "أردته",
        "أردوها",
        "أردتها",
        "أردوهما",
        "قضت على",
        "قضى على",
        "قضوا على",
        "القضاء على",
        "فارق الحياة",
        "قتلا",
        "قتلتا",
        "فقدت",
        "فقدوا حياتهم",
        "فقد حياته",
        "فقدت حياتها",
        "فقدا حياتهما",
        "خسرت",
        "خسر",
        "خسروا",
        "أودى بحياة",
        "أودت بحياة",
        "القتلى",
        "الوفيات",
        "وفيات",
    ),
    INJURED: (
        "إصابة",
        "أصيب",
        "أصيبا",
        "أصيبتا",
        "أصيبوا",
        "أصيبت",
        "جرح",
        "جرحى",
        "جريح",
        "جريحا",
        "جريحان",
        "جريحين",
        "مصابين",
        "مصابا",
        "بجروح",
        "إصابته",
        "إصابتهم",
        "يصب",
        "إصابتها",
        "إصابتهما",
        "الجرحى",
        "المصابين",
        "إصابات",
    ),
    BOTH: ("خسائر بشرية", "الخسائر البشرية", "ضحايا", "خسائر في صفوف", "خسائر"),
}
_NEGATIONS: Final = frozenset({"لم", "دون", "بدون", "عدم", "لا", "ولم", "ودون", "بلا", "وعدم"})
_UNSURE: Final = frozenset(
    {
        "يتضح",
        "يعرف",
        "تعرف",
        "يعلن",
        "تعلن",
        "يتسن",
        "يتسني",
        "ورود",
        "معلومات",
        "ترد",
        "يرد",
        "تتوفر",
        "تتوافر",
        "انباء",  # "دون أنباء عن ضحايا": nothing is known, not that nobody was hurt
        "يذكر",
        "تذكر",
        "تقارير",
    }
)
_PRONOUN_COUNTS: Final = {
    "اردوه": 1,
    "ارداه": 1,
    "اردته": 1,
    "اردوها": 1,
    "اردتها": 1,
    "اردوهما": 2,
    "مقتله": 1,
    "مقتلها": 1,
    "مقتلهما": 2,
    "اصابته": 1,
    "اصابتها": 1,
    "اصابتهما": 2,
    "وفاته": 1,
    "وفاتها": 1,
    "استشهاده": 1,
    "استشهادها": 1,
    "استشهادهما": 2,
    "مصرعه": 1,
    "مصرعها": 1,
    "مصرعهما": 2,
}
_VAGUE: Final = {
    "بضع": "few",
    "بضعه": "few",
    "عده": "several",
    "عدد": "several",
    "عددا": "several",  # "أوقعت عدداً من القتلى"
    "العديد": "many",
    "كثير": "many",
    "كثيرون": "many",
    "الكثير": "many",
    "عشرات": "dozens",
    "العشرات": "dozens",
    "ميات": "hundreds",
    "الميات": "hundreds",
}
"""Vague counts (folded) and ACLED's group for each."""
_VAGUE_SIZE: Final = {"كبير": "many", "كبيرا": "many", "قليل": "few", "قليلا": "few"}
"""A size after "عدد" that changes its group ("عدد كبير من": many)."""
_GENERIC_INJURY: Final = frozenset({"اصابات", "الاصابات", "اصابه", "باصابات", "يصب"})
_OTHER: Final = frozenset({"اخر", "اخري", "ثالث"})


@dataclass(frozen=True, init=False)
class Casualties:
    """Killed and injured figures of a clause (None when unknown)."""

    killed: int | None = None
    injured: int | None = None
    killed_vague: VagueCount | None = None
    """How the dead are counted when no number is given (few, several, many, dozens,
    hundreds), else None."""
    sides: tuple[tuple[str, int], ...] = ()
    """The dead counted per group the text names ("أربعة من عناصر الشرطة": "عناصر الشرطه",
    4), so that two reports of one clash, each counting one side, add up."""

    def __init__(
        self,
        killed: int | None = None,
        injured: int | None = None,
        killed_vague: VagueCount | None = None,
        sides: tuple[tuple[str, int], ...] = (),
    ) -> None:
        object.__setattr__(self, "killed", killed)
        object.__setattr__(self, "injured", injured)
        object.__setattr__(self, "killed_vague", killed_vague)
        object.__setattr__(self, "sides", sides)


@cache
def _matcher() -> PhraseMatcher[str]:
    return PhraseMatcher((word, kind) for kind, words in _WORDS.items() for word in words)


def _number_near(
    numbers: list[NumberMatch], tokens: list[Token], first: int, last: int, stop: int
) -> NumberMatch | None:
    """The count right before the casualty word, or within four words after it."""
    # "14 قتيلاً", not "وفي عام 2019، قتل": right before the word, and not a year
    word = tokens[first].folded
    # "اثنين وإصابة": the "و" joins; "5 وفيات": it is the word's own letter
    joined = word[:1] == "و" and word[1:] in tokens[first].forms and word not in _WAW_WORDS
    # "استشهاد عسكريين اثنين وإصابة ستة": a count before "و" is the words before's own
    if first > 0 and tokens[first].start - tokens[first - 1].end <= 1 and not joined:
        before = tokens[first - 1]
        for number in numbers:
            adjacent = number.end == before.end or number.start <= before.start < number.end
            if adjacent and not _is_year(tokens, number):
                return number
    reach = min(last + 4, stop)
    for index in range(last, reach):
        if not tokens[index].forms.isdisjoint(casualty_first_words()):
            reach = index  # "قتل جندي وأصيب ثلاثة": the number after "أصيب" is its own
            break
    window_end = tokens[reach - 1].end if last < reach else tokens[last - 1].end
    after_start = tokens[last - 1].end
    for number in numbers:
        if after_start <= number.start < window_end and not _measure(tokens, number):
            return number
    return None


_WAW_WORDS: Final = frozenset({"وفاه", "وفيات", "وفاة", "الوفيات"})
"""Casualty words that begin with the letter و ("5 وفيات")."""
_MEASURES: Final = frozenset(
    {"ميل", "ميلا", "اميال", "كم", "كيلومتر", "كيلومترا", "كيلومترات"}
    | {"متر", "مترا", "امتار", "ساعه", "ساعات", "دقيقه", "دقايق"}
)


def _measure(tokens: list[Token], number: NumberMatch) -> bool:
    """Whether a number measures a distance or a time ("على بعد 20 ميلاً"), not people."""
    at = bisect.bisect_left(tokens, number.end, key=lambda t: t.start)
    return at < len(tokens) and tokens[at].folded in _MEASURES


def _counts_before(
    numbers: list[NumberMatch], tokens: list[Token], first: int, words: int
) -> list[NumberMatch]:
    """The counts (not years) within `words` words before the casualty word at `first`."""
    reach = tokens[max(0, first - words)].start
    end = tokens[first].start
    return [n for n in numbers if reach <= n.start < end and not _is_year(tokens, n)]


def _joined_after(
    numbers: list[NumberMatch], tokens: list[Token], last: int, stop: int
) -> int | None:
    """A count joined by "و" within eight words after a singular casualty noun ("واثنان"),
    before the next casualty word or "بينهم"; None when there is none."""
    for index in range(last + 1, min(last + 9, stop)):
        token = tokens[index]
        if token.folded in _AMONG or not token.forms.isdisjoint(casualty_first_words()):
            return None
        if token.folded.startswith("و") and len(token.folded) > 1:
            count = _joined_noun_count(numbers, tokens, index, stop)
            if count is not None:
                return count
    return None


def _dual_within(tokens: list[Token], last: int, stop: int) -> bool:
    """Whether a dual noun stands within four words after a casualty word, before the next."""
    for index in range(last, min(last + 4, stop)):
        if index > last and not tokens[index].forms.isdisjoint(casualty_first_words()):
            return False
        if count_from_noun(tokens[index].folded) == 2:
            return True
    return False


_OF_THEM: Final = frozenset({"مقتلهم", "مصرعهم", "استشهادهم", "اصابتهم", "مقتلهن", "وفاتهم"})
_ONE_OF: Final = frozenset({"احد", "احدي", "احدهم", "احدهما", "احداهن", "احداهما"})
_AFTER_THE_DEAD: Final = frozenset(
    {
        "قتلوا",
        "قتلا",
        "قتلتا",
        "استشهدوا",
        "استشهدا",
        "قضوا",
        "اصيبوا",
        "اصيبا",
        "جرحوا",
        "لقوا",
        "فقدوا",
        "فقدا",
    }
)
"""Casualty verbs that follow the count they agree with ("سبعة من عناصر الجيش قُتلوا")."""
YEAR_WORDS: Final = frozenset({"عام", "العام", "لعام", "سنه", "السنه", "لسنه"})
"""Words before a number that make it a year ("عام 2019"), not a count."""


def _is_year(tokens: list[Token], number: NumberMatch) -> bool:
    """Whether a number is a year ("عام 2019"): after a year word."""
    at = bisect.bisect_left(tokens, number.start, key=lambda t: t.start)
    return at > 0 and tokens[at - 1].folded in YEAR_WORDS


def _negated(tokens: list[Token], first: int, begin: int) -> bool:
    # "من دون أن يسفر القصف عن إصابات": the negation five words before
    window = tokens[max(begin, first - 5) : first]
    if any(token.folded in _UNSURE or token.folded.startswith("يتض") for token in window):
        return False
    return any(
        token.folded in _NEGATIONS and not _at_least(tokens, index)
        for index, token in enumerate(window, start=max(begin, first - 5))
    )


def _at_least(tokens: list[Token], index: int) -> bool:
    """ "ما لا يقل عن ١٢": a lower bound, not a negation; nor is "لا يزال" (still) or "لا
    سيما" (above all): "في تلعفر، التي لا يزال التنظيم يسيطر عليها، قُتل تسعة مدنيين"."""
    return index + 1 < len(tokens) and tokens[index + 1].folded in _NOT_NEGATING


_NOT_NEGATING: Final = frozenset({"يقل", "تقل", "يزال", "تزال", "يزالون", "سيما"})


def _figure(
    numbers: list[NumberMatch], tokens: list[Token], first: int, last: int, stop: int
) -> tuple[bool, int | None]:
    """Return (found, value) for the casualty word at tokens[first:last]."""
    own = count_from_noun(tokens[first].folded) if last - first == 1 else None
    if own == 2:
        return True, 2
    if last - first == 1 and tokens[first].folded in _PRONOUN_COUNTS:
        own = _PRONOUN_COUNTS[tokens[first].folded]  # "أدى إلى مقتله": one person
        if last + 1 < stop and tokens[last].folded == "مع":
            # "ما أدى إلى مقتله مع اثنين من مرافقيه": he and those with him
            with_him = next((n for n in numbers if n.start == tokens[last + 1].start), None)
            if with_him is not None and with_him.value is not None:
                return True, own + with_him.value
        return True, own
    if last < stop and tokens[last].folded in _OTHER:
        return True, _plus_following(numbers, tokens, tokens[last].end, 1, stop)
    if (
        last < stop
        and tokens[last].folded in _ONE_OF
        and not any(n.start == tokens[last].start for n in numbers)  # not "إحدى عشرة"
    ):
        return True, 1  # "قتل أحد المهاجمين"
    if last < stop and count_from_noun(tokens[last].folded) == 2:
        # "مقتل شخصين وإصابة أربعة": the dual right after the word, not the next number
        return True, 2
    number = _number_near(numbers, tokens, first, last, stop)
    if number is not None:
        single = count_from_noun(tokens[last].folded) if last + 1 < stop else None
        if single == 1 and number.start > tokens[last].start:
            children = _children_counted(numbers, tokens, number, last, stop)
            if children is not None:
                return True, children
            # "مقتل ضابط وثلاثة جنود", "قُتل قيادي في كتائب حزب الله واثنان من مرافقيه": the
            # one and the figure joined to it
            joined = _joined_after(numbers, tokens, last, stop)
            if joined is not None:
                return True, 1 + joined
        return True, _with_each_side(numbers, tokens, number, stop)
    if tokens[first].folded in _OF_THEM:
        # "بسيارة تقل ثلاثة رعاة … ما أدى إلى مقتلهم": the count named before them
        before = _counts_before(numbers, tokens, first, 12)
        if before:
            return True, before[-1].value
    if tokens[first].folded in _AFTER_THE_DEAD:
        # "خمسة من عناصر الفصائل قُتلوا": the count and its group stand before the verb
        before = _counts_before(numbers, tokens, first, 8)
        if before:
            total = _with_each_side(numbers, tokens, before[0], first + 1)
            return True, _plus_alongside(numbers, tokens, total, first + 1, stop)
    if last < stop and count_from_noun(tokens[last].folded) == 1:
        ranked = _past_rank(tokens, last + 1, stop)
        if ranked is not None and ranked < stop and tokens[ranked].folded[:1] == "و":
            joined = count_from_noun(tokens[ranked].folded[1:])  # "… برتبة ملازم وجنديين"
            if joined is not None:
                return True, 1 + joined
    dual = _dual_within(tokens, last, stop)
    if dual:
        return True, 2  # "أعدم التنظيم يوم الأحد شقيقين"
    if tokens[first].folded.startswith("حتف"):
        # "لقي أربعة مدنيين، بينهم امرأتان، حتفهم": the count stands before.
        before = _counts_before(numbers, tokens, first, 7)
        if before:
            return True, before[0].value
    if last < stop:
        following = tokens[last]
        if following.folded in _OTHER:
            return True, _plus_following(numbers, tokens, following.end, 1, stop)
        single = count_from_noun(following.folded)
        if single is not None:
            kin = _kin_after(tokens, last + 1, stop) if single == 1 else 0
            if kin:
                return True, single + kin  # "قُتل مدرّس وابنه", "رجل وزوجته وأطفالهما الثلاثة"
            joined = _joined_after(numbers, tokens, last, stop) if single == 1 else None
            if joined is not None:
                return True, 1 + joined  # "مقتل مقاتل من الفصيل ومدنيين اثنين"
            # "مقتل ضابط وثلاثة جنود": the one and the figure joined to it
            ranked = _past_rank(tokens, last + 1, stop)
            end = tokens[ranked - 1].end if ranked is not None else following.end
            return True, _plus_following(numbers, tokens, end, single, stop)
    if (
        first > 0
        and tokens[first].folded in _ONE_DIED
        and count_from_noun(tokens[first - 1].folded) == 1
    ):
        return True, 1  # "إن امرأة قُتلت": the one the verb follows
    return False, None


_ONE_DIED: Final = frozenset({"قتل", "قتلت", "استشهد", "استشهدت", "اصيب", "اصيبت", "جرح", "جرحت"})
"""Casualty verbs of one person, after the noun they agree with ("امرأة قُتلت")."""


_AND_KIN: Final = fold_words(
    "وابنه وابنها وابنته وابنتها وزوجته وزوجها وشقيقه وشقيقها وشقيقته وشقيقتها وطفله وطفلها"
    " وطفلته وطفلتها ووالده ووالدها ووالدته ووالدتها وأخيه وأخوه وأخته وأخيها وأختها"
)
"""One relative named after a casualty ("مدرّس وابنه"): one more person."""
_AND_TWO_KIN: Final = fold_words(
    "وطفلاها وطفلاه وابناها وابناه ونجلاها ونجلاه وشقيقاها وشقيقاه وولداها وولداه وطفليها"
    " وطفليه وابنيها وابنيه ونجليها ونجليه وطفلاهما وابناهما ونجلاهما وولداهما وطفليهما"
    " وابنيهما ونجليهما وولديهما"
)
"""Two relatives named after a casualty ("أصيبت امرأة وطفلاها"): two more people."""
_KIN_REACH: Final = 6
_NOT_KIN_BETWEEN: Final = fold_words("بنيران برصاص بقصف بانفجار جراء اثر إثر بسبب")


def _kin_after(tokens: list[Token], begin: int, stop: int) -> int:
    """How many relatives are named right after one casualty, over a short description of
    them ("قُتل طفل في التاسعة من عمره ووالدته": one; "امرأة وطفلاها": two; "رجل وزوجته":
    one, before children counted by `_children_counted`)."""
    count = 0
    end = min(stop, begin + _KIN_REACH)
    for index in range(begin, end):
        folded = tokens[index].folded
        if folded in _AND_KIN:
            count += 1
            end = min(stop, index + 3)  # "وزوجته وأطفالهما الثلاثة": more kin may follow
        elif folded in _AND_TWO_KIN:
            count += 2
            end = min(stop, index + 3)
        elif folded in _NOT_KIN_BETWEEN or count:
            break
    return count


_AND_CHILDREN: Final = fold_words(
    "وأطفاله وأطفالها وأطفالهما وأبناؤه وأبناؤها وأبناؤهما وأبنائه وأبنائها وأبنائهما وأولاده"
    " وأولادها وأولادهما"
)


def _children_counted(
    numbers: list[NumberMatch], tokens: list[Token], number: NumberMatch, last: int, stop: int
) -> int | None:
    """One casualty, the relatives named after him and his children counted by the figure
    ("قُتل رجل وزوجته وأطفالهما الثلاثة": five), or None when the figure counts no children."""
    at = bisect.bisect_left(tokens, number.start, lo=last, hi=stop, key=lambda t: t.start)
    if number.value is None or at <= last + 1 or tokens[at - 1].folded not in _AND_CHILDREN:
        return None
    return 1 + _kin_after(tokens, last + 1, at - 1) + number.value


def _with_each_side(
    numbers: list[NumberMatch], tokens: list[Token], number: NumberMatch, stop: int
) -> int | None:
    """A figure and the ones joined to it group by group ("مقتل ستة من مقاتلي العشائر وأربعة
    من عناصر قسد": 10; "ثلاثة عناصر من الفصائل وعنصران من قسد": 5), as the dead of both
    sides of a clash add up."""
    if number.value is None or stop <= 0:
        return number.value
    total = number.value
    at = bisect.bisect_left(tokens, number.end, hi=stop, key=lambda t: t.start)
    grouped = False  # a "من" naming the group of the figure before
    for index in range(at, min(stop, at + _GROUP_REACH)):
        token = tokens[index]
        if (
            index > at
            and not token.forms.isdisjoint(casualty_first_words())
            and token.folded not in _AFTER_THE_DEAD  # "346 منهم قُتلوا …، إلى جانب 170"
        ):
            break
        if token.folded in _AMONG or _they_are(tokens, index, stop):
            # "تسعة مدنيين، بينهم طفلتان وامرأة", "خمسة مدنيين، هم أب وأم وثلاثة من أطفالهما":
            # who they were, not more of them
            break
        grouped = grouped or token.folded == "من"
        if grouped and _alongside(tokens, index):
            joined = _count_at(numbers, tokens[index + 1]) if index + 1 < stop else None
            if joined is not None and not _counts_other(numbers, tokens, tokens[index + 1], stop):
                total += joined
                grouped = False
            continue
        if index - at <= 3 and count_from_noun(token.folded[1:]) == 1 and token.folded[:1] == "و":
            total += 1  # "إصابة ثلاثة جنود روس وجندي تركي"
            continue
        # "إصابة ثلاثة عناصر وسبعة سجناء": another count right after the first one's noun
        grouped = grouped or (index - at <= 2 and token.folded[:1] == "و")
        if not grouped or not token.folded.startswith("و"):
            continue
        if len(token.folded) < 3 and not token.folded[1:].isdigit():
            continue  # "و" with a word too short to count, but "و4" is a figure
        joined = _joined_noun_count(numbers, tokens, index, stop)
        if joined is None or _counts_other(numbers, tokens, token, stop):
            continue
        total += joined
        grouped = False
    return total


def _counts_other(numbers: list[NumberMatch], tokens: list[Token], token: Token, stop: int) -> bool:
    """Whether the count a "و"-joined word starts is followed by a casualty word ("اثنين
    وثلاثين قتيلاً وأكثر من مئتين وعشرين جريحاً": the wounded, not more dead)."""
    number = next(
        (n for n in numbers if token.start <= n.start < token.end or n.start == token.start), None
    )
    end = number.end if number is not None else token.end
    at = bisect.bisect_left(tokens, end, hi=stop, key=lambda t: t.start)
    # right after it, as its noun: "ومدنيان، وأصيب ثمانية" is one more side's dead
    return (
        at < stop
        and tokens[at].start - end <= 1
        and not tokens[at].forms.isdisjoint(casualty_first_words())
    )


_AMONG: Final = frozenset({"بينهم", "بينهن", "بينها", "بينهما", "منهم", "منهن"})
_THEY_ARE: Final = frozenset({"هم", "هما", "هن"})
_NOT_A_LIST: Final = frozenset({"في", "على", "من", "الي", "بين", "داخل"})


def _they_are(tokens: list[Token], index: int, stop: int) -> bool:
    """Whether tokens[index] opens a list of who the dead were ("خمسة مدنيين، هم أب وأم"), not
    a clause about them ("وهم في طريقهم", "هم يحاولون"): a noun follows, no verb or preposition."""
    if tokens[index].folded not in _THEY_ARE or index + 1 >= stop:
        return False
    following = tokens[index + 1].folded
    return following not in _NOT_A_LIST and not following.startswith(("ي", "ت"))


_GROUP_REACH: Final = 12
"""How many words after a figure the next side's figure may stand."""


def _alongside(tokens: list[Token], index: int) -> bool:
    """Whether tokens[index] is the "جانب" of "إلى جانب": "346 من مقاتلي التنظيم، إلى جانب
    170 عنصراً من قوات النظام" counts the other side's dead too."""
    return tokens[index].folded == "جانب" and index > 0 and tokens[index - 1].folded == "الي"


def _plus_alongside(
    numbers: list[NumberMatch], tokens: list[Token], total: int | None, after: int, stop: int
) -> int | None:
    """A figure with the one "إلى جانب" adds within four words after its verb ("… قُتلوا في
    المعارك، إلى جانب 170 عنصراً")."""
    for index in range(after, min(stop - 1, after + 5)):
        if _alongside(tokens, index):
            joined = _count_at(numbers, tokens[index + 1])
            if (
                joined is None
                or total is None
                or _counts_other(numbers, tokens, tokens[index + 1], stop)
            ):
                return total  # "إلى جانب 10 جرحى": the wounded, not more dead
            return total + joined
    return total


def _count_at(numbers: list[NumberMatch], token: Token) -> int | None:
    """The value of the figure a token starts, if one does."""
    at = bisect.bisect_left(numbers, token.start, key=lambda n: n.start)
    if at < len(numbers) and numbers[at].start < token.end:
        return numbers[at].value
    return None


_TWO_AFTER: Final = frozenset({"اثنين", "اثنان", "اثنتين", "اثنتان"})
""""Two" written after its noun, as an adjective ("ومدنيين اثنين")."""


def _joined_noun_count(
    numbers: list[NumberMatch], tokens: list[Token], index: int, stop: int
) -> int | None:
    """`_joined_count` of tokens[index], or two for a noun with "two" after it ("مقتل أربعة
    مقاتلين ومدنيين اثنين")."""
    count = _joined_count(numbers, tokens[index])
    plural = tokens[index].folded.endswith(("ين", "ون"))  # people, not "واعتقال اثنين"
    if count is None and plural and index + 1 < stop and tokens[index + 1].folded in _TWO_AFTER:
        return 2
    return count


def _joined_count(numbers: list[NumberMatch], token: Token) -> int | None:
    """The count a "و"-joined word gives: "وأربعة", "و4", "وعنصران" (a dual noun)."""
    # bisect_right: a figure starting with the word's own و ("واحدة") joins nothing
    at = bisect.bisect_right(numbers, token.start, key=lambda n: n.start)  # in text order
    if at < len(numbers) and numbers[at].start < token.end and numbers[at].value is not None:
        return numbers[at].value
    return 2 if count_from_noun(token.folded[1:]) == 2 else None


def _vague(tokens: list[Token], first: int, last: int, begin: int, stop: int) -> str | None:
    """The vague count of a casualty word: two words before it or after it ("سقوط عشرات
    القتلى", "مقتل العشرات", "عدد كبير من القتلى")."""
    back = 6 if tokens[first].folded in _AFTER_THE_DEAD else 3  # "بضعة عناصر … قُتلوا"
    near = [*range(max(begin, first - back), first), *range(last, min(stop, last + 2))]
    for index in near:
        group = _VAGUE.get(tokens[index].folded)
        if group is None:
            continue
        following = tokens[index + 1].folded if index + 1 < len(tokens) else ""
        if tokens[index].folded in ("عدد", "عددا"):
            return _VAGUE_SIZE.get(following, group)
        return group
    return None


_RANK: Final = "برتبه"


def _past_rank(tokens: list[Token], index: int, stop: int) -> int | None:
    """The token after an officer's rank ("ضابط برتبة ملازم أول وجنديين"), so that the figure
    joined after it is added; None without a rank."""
    if index >= stop or tokens[index].folded != _RANK:
        return None
    at = index + 1
    while at < min(stop, index + 8) and not tokens[at].folded.startswith("و"):
        at += 1  # "ضابط برتبة عقيد في الجيش السوري و3 جنود"
    return at


def _plus_following(
    numbers: list[NumberMatch], tokens: list[Token], after: int, value: int, stop: int
) -> int:
    """Add a count joined by "و" right after a figure ("إصابة آخر وخمسة جنود": 1 + 5)."""
    limit = tokens[stop - 1].end if stop > 0 else after
    for number in numbers:
        if after < number.start <= after + 2 and number.start <= limit and number.value:
            return value + number.value
    return value


@cache
def casualty_first_words() -> frozenset[str]:
    """The words a casualty expression can start with."""
    return _matcher().first_words()


def casualty_words(
    tokens: list[Token], text: str, candidates: list[int] | None = None
) -> list[PhraseMatch[str]]:
    """Find every casualty word of a text once (token indices into `tokens`)."""
    return _matcher().find(tokens, text, candidates)


def find_casualties(
    tokens: list[Token],
    text: str,
    numbers: list[NumberMatch],
    begin: int,
    stop: int,
    words: list[PhraseMatch[str]] | None = None,
) -> Casualties:
    """Return the killed and injured figures stated in tokens[begin:stop].

    `words` are the text's casualty words found once by `casualty_words`;
    without them the clause is searched on its own.
    """
    figures: dict[str, list[int | None]] = {KILLED: [], INJURED: []}
    dead_at: list[tuple[int, int]] = []  # (first token, figure) of each count of the dead
    sides: dict[str, int] = {}  # the dead counted per side of a clash
    vague: str | None = None  # one of VAGUE_COUNTS
    if words is None:
        matches = [
            PhraseMatch(m.first + begin, m.last + begin, m.start, m.end, m.value)
            for m in _matcher().find(tokens[begin:stop], text)
        ]
    else:
        matches = [m for m in words if begin <= m.first and m.last <= stop]
    for match in matches:
        first, last = match.first, match.last
        kinds = (KILLED, INJURED) if match.value == BOTH else (match.value,)
        if tokens[first].folded in _GENERIC_INJURY:
            kinds = (KILLED, INJURED)  # "لم يسفر عن إصابات": nobody was hurt at all
        if _negated(tokens, first, begin):
            for kind in kinds:
                figures[kind].append(0)
            continue
        if first > begin and tokens[first - 1].folded == "بين":
            continue  # "وأن من بين القتلى متزعماً": who was among the dead, not how many
        if match.value == BOTH:
            continue
        found, value = _figure(numbers, tokens, first, last, stop)
        figures[match.value].append(value if found else None)
        if found and value and match.value == KILLED:
            dead_at.append((first, value))
        if (not found or value is None) and match.value == KILLED:
            vague = vague or _vague(tokens, first, last, begin, stop)
        side = None
        if found and match.value == KILLED:
            side = _side_after(tokens, numbers, last, stop)
            if side is None and tokens[first].folded in _AFTER_THE_DEAD:
                side = _side_after(tokens, numbers, max(begin, first - 4), first)
        if side is not None and value is not None:
            sides[side] = max(sides.get(side, 0), value)
    killed = _pick(figures[KILLED])
    if len(sides) >= 2 and killed is not None:
        # "مصرع عشرين من عناصر الميليشيا، فيما استشهد أربعة من أفراد الجيش": both sides
        killed = max(killed, sum(sides.values()))
    elif killed is not None and _the_other_sides_dead(tokens, dead_at):
        # "أسفرت عن مقتل 14 إرهابياً …، فيما ارتقى اثنان من عناصر الجيش شهيدين"
        killed = max(killed, dead_at[0][1] + dead_at[1][1])
    group = cast("VagueCount | None", vague if killed is None else None)
    return Casualties(killed, _pick(figures[INJURED]), group, tuple(sides.items()))


_WHILE: Final = frozenset({"فيما", "بينما"})
_NO_SECOND_SIDE: Final = frozenset(
    {"حصيله", "منذ", "ليرتفع", "لترتفع", "اجمالي", "عدد"}
    # "قرابة عشرة قُتلوا، فيما أفاد مدير المشفى بأنه استقبل جثث ثمانية": another teller
    | {"افاد", "افادت", "قال", "قالت", "ذكر", "ذكرت", "اكد", "اكدت", "اشار", "اشارت"}
    | {"اعلن", "اعلنت", "وثق", "وثقت", "بحسب", "وفق"}
)


def _the_other_sides_dead(tokens: list[Token], dead_at: list[tuple[int, int]]) -> bool:
    """Whether a clause gives two counts of the dead, the second after "فيما" or "بينما", with
    no total and no other teller between ("… فيما ارتقى اثنان من عناصر الجيش شهيدين"): the
    other side's, to be added."""
    if len(dead_at) != 2:
        return False
    (one, _), (other, _) = dead_at
    between = [token.folded for token in tokens[one:other]]
    return any(word in _WHILE for word in between) and _NO_SECOND_SIDE.isdisjoint(between)


def add_sides(first: Casualties, second: Casualties) -> int | None:
    """The dead of two reports of one incident: their sum when each counts other groups
    ("قتل ٤ من مقاتلي الحشد" … "وقتلوا اثنين من المهاجمين": 6), else the larger figure."""
    killed = [v for v in (first.killed, second.killed) if v is not None]
    groups = {group for group, _ in first.sides}
    if (
        len(killed) == 2
        and first.sides
        and second.sides
        and groups.isdisjoint(group for group, _ in second.sides)
    ):
        return killed[0] + killed[1]
    return max(killed, default=None)


_SIDE_REACH: Final = 5
_GROUP_WORDS: Final = frozenset({"من"}) | _ONE_OF


def _side_after(
    tokens: list[Token], numbers: list[NumberMatch], last: int, stop: int
) -> str | None:
    """The group a figure counts, named after "من" within a few words of its casualty word
    ("أربعة من أفراد الجيش": "افراد الجيش", not the "من" of "أكثر من عشرين"); None when
    none is named."""
    for index in range(last, min(stop, last + _SIDE_REACH)):
        if tokens[index].folded not in _GROUP_WORDS or index + 1 >= stop:
            continue
        group = tokens[index + 1 : min(stop, index + 3)]
        at = group[0].start
        if any(n.start <= at < n.end for n in numbers) or count_from_noun(group[0].folded):
            continue
        return " ".join(token.folded for token in group)
    for index in range(last, min(stop, last + 3)):
        side = _ARMED_MEN.get(tokens[index].folded)
        if side is not None:
            return side  # "مقتل تسعة مسلحين، فيما قُتل ثلاثة من مقاتلي الحشد"
    return None


_GUNMEN: Final = (
    "مسلحين",
    "مسلحا",
    "مسلحون",
    "مهاجمين",
    "مهاجما",
    "ارهابيين",
    "ارهابيا",
    "انتحاريين",
)
_SOLDIERS: Final = (
    "جندي",
    "جنديا",
    "جنديان",
    "جنديين",
    "جنود",
    "عسكري",
    "عسكريا",
    "عسكريان",
    "عسكريين",
)
_ARMED_MEN: Final = {word: "gunmen" for word in _GUNMEN} | {word: "soldiers" for word in _SOLDIERS}
"""Nouns that name a side of a clash on their own, without "من" and a group, each with the
side it names: "ثلاثة عسكريين، إذ قتل جنديان وضابط" counts one side twice, not two."""


def _pick(values: list[int | None]) -> int | None:
    """The most specific figure: the largest stated number, else zero, else unknown."""
    known = [value for value in values if value is not None]
    return max(known) if known else None
