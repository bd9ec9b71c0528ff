"""Event dates from Arabic text: spans, kinds, resolution against the publication date, safety."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import dates
from extract.dates import DateMatch, find_dates
from extract.numbers import FoldedWords, folded_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FRIDAY = dt.date(2023, 10, 27)  # publication date of seed 002 ("صباح اليوم الجمعة")


def check(text: str, matches: list[DateMatch], published: dt.date | None) -> None:
    previous_end = 0
    for match in matches:
        assert 0 <= match.start < match.end <= len(text)
        assert match.start >= previous_end
        previous_end = match.end
        assert match.text == text[match.start : match.end]
        assert match.kind in ("absolute", "weekday", "relative", "week", "month")
        if match.date is not None and published is not None:
            assert match.date <= published
        if match.kind == "month" and match.date is not None:  # the middle, or publication
            assert match.date.day == 15 or match.date == published
        assert (match.precision is None) == (match.date is None)


def found(text: str, published: dt.date | None = FRIDAY) -> list[tuple[str, str | None, str]]:
    matches = find_dates(text, published)
    check(text, matches, published)
    return [(m.text, m.date.isoformat() if m.date else None, m.kind) for m in matches]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # from the seed articles, published Friday 27 October 2023
        (
            'نفذت وزارة الدفاع الأمريكية "البنتاغون"، الخميس 26 أكتوبر/تشرين الأول 2023، ضربات',
            [("الخميس 26 أكتوبر/تشرين الأول 2023", "2023-10-26", "absolute")],
        ),
        (
            "استهدفت قاعدة عسكرية في الشدادي في 12 نوفمبر/تشرين الثاني.",
            [("12 نوفمبر/تشرين الثاني", "2022-11-12", "absolute")],
        ),
        (
            "والتي بدأت في 17 أكتوبر/تشرين الأول",
            [("17 أكتوبر/تشرين الأول", "2023-10-17", "absolute")],
        ),
        ("ضربات 23 آب/أغسطس لحماية", [("23 آب/أغسطس", "2023-08-23", "absolute")]),
        ("هجومين استهدفا في 15 آب/أغسطس مواقع", [("15 آب/أغسطس", "2023-08-15", "absolute")]),
        (
            "في السابع من أكتوبر/تشرين الأول الجاري على إسرائيل",
            [("السابع من أكتوبر/تشرين الأول الجاري", "2023-10-07", "absolute")],
        ),
        (
            "لمهمة التحالف القتالية في ديسمبر/كانون الأول 2021، بينما",
            [("ديسمبر/كانون الأول 2021", "2021-12-15", "month")],
        ),
        (
            "منذ بداية أكتوبر/تشرين الأول الجاري لما",
            [("أكتوبر/تشرين الأول الجاري", None, "month")],  # since: a period
        ),
        ("لغارات جوية ليلة أمس، كما", [("ليلة أمس", "2023-10-26", "relative")]),
        ("وتكررت الغارات صباح اليوم على المدينة", [("صباح اليوم", "2023-10-27", "relative")]),
        (
            "ووقعت الضربات في حوالي الساعة 4:30 صباح اليوم الجمعة في سوريا (01:30 بتوقيت غرينتش)",
            [("صباح اليوم الجمعة", "2023-10-27", "weekday")],
        ),
        ("في يوم الثلاثاء، أسفرت ضربة جوية", [("يوم الثلاثاء", "2023-10-24", "weekday")]),
        ("والخميس، ذكر البيت الأبيض", [("الخميس", "2023-10-26", "weekday")]),
        ("وفي وقت سابق الخميس، أعلنت", [("الخميس", "2023-10-26", "weekday")]),
        ("أصدرت بياناً مساء الأربعاء أعلنت", [("مساء الأربعاء", "2023-10-25", "weekday")]),
        ("تعرضت لهجوم صاروخي صباح الجمعة.", [("صباح الجمعة", "2023-10-27", "weekday")]),
        ("أصيب بجروح يوم الجمعة.", [("يوم الجمعة", "2023-10-27", "weekday")]),
        # not dates
        ("حاولوا في اليوم التالي الانتقام", []),
        ("قتل في شرق سوريا خلال 24 ساعة أربعة عناصر", []),
        ("هوجمت القوات 12 مرة في العراق", []),
        ("منذ بداية عام 2021", []),
        ("وذلك غداة تنفيذ الجيش ضربات", []),
        ("الرئيس مارس الضغط", []),
        ("", []),
    ],
)
def test_seed_sentences(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("٢٦ أكتوبر / تشرين الأول ٢٠٢٣", ("٢٦ أكتوبر / تشرين الأول ٢٠٢٣", "2023-10-26")),
        ("في 7 أكتوبر (تشرين الأول)", ("7 أكتوبر (تشرين الأول)", "2023-10-07")),
        ("يوم 7 أكتوبر", ("يوم 7 أكتوبر", "2023-10-07")),
        ("في 3 كانون الثاني", ("3 كانون الثاني", "2023-01-03")),
        ("في 3 شباط 2020", ("3 شباط 2020", "2020-02-03")),
        ("في 30 أكتوبر", ("30 أكتوبر", "2022-10-30")),  # latest not after publication
        ("في 27 أكتوبر", ("27 أكتوبر", "2023-10-27")),
        ("في 29 فبراير", ("29 فبراير", "2020-02-29")),
        ("في الحادي والثلاثين من أكتوبر", ("الحادي والثلاثين من أكتوبر", "2022-10-31")),
        ("في الثالث عشر من أيار", ("الثالث عشر من أيار", "2023-05-13")),
        ("في العشرين من أيلول", ("العشرين من أيلول", "2023-09-20")),
        ("في الأول من نيسان", ("الأول من نيسان", "2023-04-01")),
        ("في 7 أكتوبر من العام الماضي", ("7 أكتوبر من العام الماضي", "2022-10-07")),
        ("في 5 أغسطس الماضي", ("5 أغسطس الماضي", "2023-08-05")),
        ("في 5 نوفمبر الماضي", ("5 نوفمبر الماضي", "2022-11-05")),
        ("في 2 سبتمبر عام 2021", ("2 سبتمبر عام 2021", "2021-09-02")),
        ("في 2 سبتمبر 2021م", ("2 سبتمبر 2021م", "2021-09-02")),
        ("الجمعة، 20 أكتوبر 2023", ("الجمعة، 20 أكتوبر 2023", "2023-10-20")),
        ("بتاريخ 26/10/2023", ("26/10/2023", "2023-10-26")),
        ("بتاريخ 2023-10-26", ("2023-10-26", "2023-10-26")),
        ("في ١٥ آب/ أغسطس", ("١٥ آب/ أغسطس", "2023-08-15")),
        ("في 2 جانفي", ("2 جانفي", "2023-01-02")),
    ],
)
def test_absolute_dates(text: str, expected: tuple[str, str]) -> None:
    assert found(text) == [(*expected, "absolute")]


@pytest.mark.parametrize(
    "text",
    [
        "في 12 نوفمبر 2025",  # after publication
        "في 31 نوفمبر 2022",  # no such day
        "في 10 نوفمبر الجاري",  # this year's November is still to come
        "في 10 نوفمبر المقبل",
    ],
)
def test_absolute_dates_that_do_not_resolve(text: str) -> None:
    [(_, date, kind)] = found(text)
    assert date is None and kind == "absolute"


def test_missing_year_without_publication_date() -> None:
    assert found("في 12 نوفمبر/تشرين الثاني", None) == [
        ("12 نوفمبر/تشرين الثاني", None, "absolute")
    ]
    assert found("في 12 نوفمبر 2022", None) == [("12 نوفمبر 2022", "2022-11-12", "absolute")]


@pytest.mark.parametrize(
    ("text", "surface", "date"),
    [
        ("في أكتوبر/تشرين الأول", "أكتوبر/تشرين الأول", "2023-10-15"),
        ("في تشرين الأول", "تشرين الأول", "2023-10-15"),
        ("مارس 2023", "مارس 2023", "2023-03-15"),
        ("أكتوبر الماضي", "أكتوبر الماضي", "2022-10-15"),
        ("في سبتمبر من العام الجاري", "سبتمبر من العام الجاري", "2023-09-15"),
        ("في نوفمبر/تشرين الثاني", "نوفمبر/تشرين الثاني", "2022-11-15"),
    ],
)
def test_months_without_a_day(text: str, surface: str, date: str) -> None:
    """A month is dated its 15th (ACLED's middle of the month), precision 3."""
    assert found(text) == [(surface, date, "month")]
    assert find_dates(text, FRIDAY)[0].precision == 3


@pytest.mark.parametrize(
    ("text", "published", "surface", "date", "kind"),
    [
        ("قتل الأسبوع الماضي", FRIDAY, "الأسبوع الماضي", "2023-10-23", "week"),
        ("خلال الأسبوع الفائت", FRIDAY, "الأسبوع الفائت", "2023-10-23", "week"),
        ("في الشهر الماضي", FRIDAY, "الشهر الماضي", "2023-09-15", "month"),
        ("والشهر الماضي", dt.date(2024, 1, 3), "الشهر الماضي", "2023-12-15", "month"),
        ("هذا الشهر", FRIDAY, "هذا الشهر", "2023-10-15", "month"),
        ("الشهر الجاري", dt.date(2023, 10, 9), "الشهر الجاري", "2023-10-09", "month"),
        ("في أيار/مايو", dt.date(2023, 5, 9), "أيار/مايو", "2023-05-09", "month"),
    ],
)
def test_a_week_or_a_month_before_publication(
    text: str, published: dt.date, surface: str, date: str, kind: str
) -> None:
    """Last week is dated four days before publication (precision 2), a month its middle
    (precision 3), never after publication."""
    assert found(text, published) == [(surface, date, kind)]
    assert find_dates(text, published)[0].precision == (2 if kind == "week" else 3)


def test_since_a_month_is_a_period_not_a_date() -> None:
    assert found("منذ أكتوبر/تشرين الأول الماضي") == [("أكتوبر/تشرين الأول الماضي", None, "month")]
    assert found("منذ بداية الشهر الجاري")[0][1] is None
    assert found("هذا الأسبوع") == []  # the day is not told


def test_a_day_has_precision_one() -> None:
    assert [m.precision for m in find_dates("الخميس 26 أكتوبر وأمس", FRIDAY)] == [1, 1]


def test_a_lone_month_name_is_not_a_date() -> None:
    assert found("في أكتوبر") == []
    assert found("زار أب الضحية") == []


@pytest.mark.parametrize(
    ("text", "published", "surface", "date"),
    [
        ("الجمعة", FRIDAY, "الجمعة", "2023-10-27"),  # the publication day itself
        ("الجمعة الماضية", FRIDAY, "الجمعة الماضية", "2023-10-20"),  # a week before
        ("الجمعة الماضي", dt.date(2023, 10, 28), "الجمعة الماضي", "2023-10-27"),
        ("السبت", FRIDAY, "السبت", "2023-10-21"),
        ("الأحد", FRIDAY, "الأحد", "2023-10-22"),
        ("الاثنين", FRIDAY, "الاثنين", "2023-10-23"),
        ("الإثنين الفائت", FRIDAY, "الإثنين الفائت", "2023-10-23"),
        ("الثلاثاء المنصرم", dt.date(2023, 10, 24), "الثلاثاء المنصرم", "2023-10-17"),
        ("وبالأربعاء", FRIDAY, "الأربعاء", "2023-10-25"),
        ("فالخميس", FRIDAY, "الخميس", "2023-10-26"),
        ("للسبت", FRIDAY, "لسبت", "2023-10-21"),
        ("ويوم الأحد", FRIDAY, "يوم الأحد", "2023-10-22"),
        ("يوم سبت", FRIDAY, "يوم سبت", "2023-10-21"),
        ("فجر الخميس", FRIDAY, "فجر الخميس", "2023-10-26"),
        ("ليلة الخميس", FRIDAY, "ليلة الخميس", "2023-10-26"),
        ("الخميس المقبل", FRIDAY, "الخميس المقبل", None),
        ("الجمعة", None, "الجمعة", None),
    ],
)
def test_weekdays(text: str, published: dt.date | None, surface: str, date: str | None) -> None:
    assert found(text, published) == [(surface, date, "weekday")]


@pytest.mark.parametrize(
    ("text", "surface", "date"),
    [
        ("اليوم", "اليوم", "2023-10-27"),
        ("أمس", "أمس", "2023-10-26"),
        ("يوم أمس", "يوم أمس", "2023-10-26"),
        ("بالأمس", "الأمس", "2023-10-26"),
        ("البارحة", "البارحة", "2023-10-26"),
        ("ليلة البارحة", "ليلة البارحة", "2023-10-26"),
        ("أمس الأول", "أمس الأول", "2023-10-25"),
        ("أول أمس", "أول أمس", "2023-10-25"),
        ("أول من أمس", "أول من أمس", "2023-10-25"),
        ("فجر اليوم", "فجر اليوم", "2023-10-27"),
        ("ظهر اليوم", "ظهر اليوم", "2023-10-27"),
        ("مساء أمس", "مساء أمس", "2023-10-26"),
        ("الليلة الماضية", "الليلة الماضية", "2023-10-26"),
        ("غداً", "غداً", None),
        ("يوم غد", "يوم غد", None),
        ("بعد غد", "بعد غد", None),
        ("قبل يومين", "قبل يومين", "2023-10-25"),
        ("قبل ثلاثة أيام", "قبل ثلاثة أيام", "2023-10-24"),
        ("منذ 10 أيام", "منذ 10 أيام", "2023-10-17"),
        ("قبل أسبوع", "قبل أسبوع", "2023-10-20"),
        ("قبل أسبوعين", "قبل أسبوعين", "2023-10-13"),
    ],
)
def test_relative_dates(text: str, surface: str, date: str | None) -> None:
    assert found(text) == [(surface, date, "relative")]


def test_relative_dates_need_the_publication_date() -> None:
    assert found("أمس", None) == [("أمس", None, "relative")]


def test_weekday_wins_over_today_when_they_disagree() -> None:
    saturday = dt.date(2023, 10, 28)
    assert found("صباح اليوم الجمعة", saturday) == [("صباح اليوم الجمعة", "2023-10-27", "weekday")]
    assert found("أمس الخميس", FRIDAY) == [("أمس الخميس", "2023-10-26", "weekday")]


@pytest.mark.parametrize(
    "text",
    [
        "قبل يومين من الهجوم",
        "بعد أيام من غارات أخرى",
        "في اليوم الأول من الحرب",
        "في اليوم 15 من الحرب",
        "وقع الهجوم حوالى الساعة 11 صباحاً (09:00 بتوقيت غرينتش)",
        "على مدار آخر 24 ساعة",
        "قبل 24 ساعة",
    ],
)
def test_not_dates(text: str) -> None:
    assert found(text) == []


def test_harakat_and_tatweel() -> None:
    text = "في السَّابِعِ مِنْ أُكْتُوبَر، وصبـــاح الجُمُعَةِ"
    assert found(text) == [
        ("السَّابِعِ مِنْ أُكْتُوبَر", "2023-10-07", "absolute"),
        ("صبـــاح الجُمُعَةِ", "2023-10-27", "weekday"),
    ]


def test_published_datetime_is_accepted() -> None:
    published = dt.datetime(2023, 10, 27, 23, 59)
    [match] = find_dates("أمس", published)
    assert match.date == dt.date(2023, 10, 26)


def test_seed_articles() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        check(text, find_dates(text, FRIDAY), FRIDAY)
        check(text, find_dates(text, None), None)


# --- robustness ----------------------------------------------------------------------------

WORDS = (
    "26 ١٢ 2023 12 31 4:30 , - أكتوبر تشرين الأول الثاني كانون آب أغسطس فبراير 29 من "
    "العام الماضي الجاري المقبل عام م في يوم اليوم أمس أول غد بعد قبل منذ يومين أيام "
    "ثلاثة 999999999999 الجمعة الخميس الماضية صباح ليلة الليلة السابع الحادي "
    "والثلاثين عشر و ـ التالي "
)
VOCABULARY = [*WORDS.split(), "/", "(", ")", "،", "\u064e", "\n", "\x00"]


@st.composite
def dateish(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.sampled_from(VOCABULARY) | st.text(max_size=3), max_size=40))
    separators = draw(st.lists(st.sampled_from(["", " ", "  "]), min_size=len(pieces)))
    return "".join(piece + sep for piece, sep in zip(pieces, separators, strict=False))


published_dates = st.none() | st.dates() | st.sampled_from([dt.date.min, dt.date.max])


@given(st.text(), published_dates)
def test_any_text_never_raises(text: str, published: dt.date | None) -> None:
    check(text, find_dates(text, published), published)


@given(dateish(), published_dates)
@settings(max_examples=300)
def test_date_like_text_never_raises(text: str, published: dt.date | None) -> None:
    check(text, find_dates(text, published), published)


def test_huge_text() -> None:
    rng = random.Random(11)
    pieces = [*VOCABULARY, " ", " ", " "]
    text = "".join(rng.choice(pieces) for _ in range(40_000))[:100_000]
    text += "x" * (100_000 - len(text))
    check(text, find_dates(text, FRIDAY), FRIDAY)
    check(text, find_dates(text, dt.date.min), dt.date.min)


# --- the pre-filter changes nothing ----------------------------------------------------------


def every_start(text: str, published: dt.date | None) -> list[DateMatch]:
    """`find_dates` without its pre-filter: a date is tried at every token."""
    doc = FoldedWords(text)
    matches: list[DateMatch] = []
    index = 0
    while index < len(doc.words):
        found = dates._longest(doc, index, published)
        if found is None or found.next <= index:
            index += 1
            continue
        matches.append(dates._to_match(doc, index, found, published))
        index = found.next
    return matches


# Every kind of date start, with every clitic: a pre-filter that forgot a start word (a part
# of the day, "يوم", a relative word, a weekday, an ordinal day, قبل/منذ, a month) would
# lose one of these.
START_PHRASES = [
    *(f"{part} الخميس" for part in dates._PARTS_OF_DAY),
    *(f"{part} اليوم" for part in dates._PARTS_OF_DAY),
    "يوم الخميس",
    "يوم غد",
    "يوم 5 اكتوبر",
    *(" ".join(phrase) for phrase in dates._RELATIVE),
    *(f"{weekday} الماضي" for weekday in dates._WEEKDAYS.table),
    *(f"{day} من اكتوبر" for day in dates._ORDINAL_ALONE.table),
    *(f"{day} عشر من اكتوبر" for day in dates._ORDINAL_UNITS.table),
    *(f"{day} والعشرين من اكتوبر" for day in dates._ORDINAL_UNITS.table),
    "قبل يومين",
    "منذ ثلاثه ايام",
    *(f"{' '.join(month)} 2023" for month in dates._TWO_WORD_MONTHS),
    *(f"{month} 2023" for month in dates._MONTHS.table),
    *(f"{month}/تشرين الاول" for month in dates._MONTHS.table),
    "5 اكتوبر",
    "26/10/2023",
]
CLITICS = ["", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"]


def test_every_date_start_is_tried() -> None:
    texts = [f"وقع الهجوم {clitic}{phrase}" for phrase in START_PHRASES for clitic in CLITICS]
    found_some = 0
    for text in texts:
        expected = every_start(text, FRIDAY)
        assert find_dates(text, FRIDAY) == expected, text
        found_some += bool(expected)
    assert found_some > len(texts) // 2


@given(dateish(), published_dates)
@settings(max_examples=500)
def test_pre_filter_changes_nothing(text: str, published: dt.date | None) -> None:
    folded_text.cache_clear()
    assert find_dates(text, published) == every_start(text, published)


@given(st.text(), published_dates)
def test_pre_filter_changes_nothing_on_any_text(text: str, published: dt.date | None) -> None:
    assert find_dates(text, published) == every_start(text, published)


def test_seed_articles_with_and_without_the_pre_filter() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert find_dates(text, FRIDAY) == every_start(text, FRIDAY)
