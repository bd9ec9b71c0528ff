"""Count expressions in Arabic news: values, flags and exact spans, and safety on any string."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import numbers
from extract.normalize import fold_char
from extract.numbers import (
    FoldedWords,
    NumberMatch,
    clitic_splits,
    count_from_noun,
    dual_count,
    find_numbers,
    folded_text,
    parse_number_words,
    strip_clitics,
    tokenize,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def found(text: str) -> list[tuple[str, int | None]]:
    """(surface, value) of every match, checking the offset invariants on the way."""
    matches = find_numbers(text)
    check_offsets(text, matches)
    return [(text[m.start : m.end], m.value) for m in matches]


def only(text: str) -> NumberMatch:
    matches = find_numbers(text)
    assert len(matches) == 1, matches
    return matches[0]


def check_offsets(text: str, matches: list[NumberMatch]) -> None:
    previous_end = 0
    for match in matches:
        assert 0 <= match.start < match.end <= len(text)
        assert match.start >= previous_end
        previous_end = match.end
        assert (match.value is None) == match.vague


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # from the seed articles
        ("أسفرت عن مقتل أربعة عناصر من الميليشيات", [("أربعة", 4)]),
        ("عن مقتل خمسة عناصر آخرين", [("خمسة", 5)]),
        ("وغداة مقتل 14 مسلحاً موالياً لإيران", [("14", 14)]),
        ("نفذت ضربات جوية على تسع مواقع", [("تسع", 9)]),
        ("الضربات التي نفذت في موقعين", []),  # a dual alone is count_from_noun's job
        ("هوجمت القوات 12 مرة في العراق و4 مرّات في سوريا", [("12", 12), ("4", 4)]),
        ("قصف 11 من 13 مخبأ في المجمّع", [("11", 11), ("13", 13)]),
        ("عن استهداف اثنين من هذه المخابئ", [("اثنين", 2)]),
        ("ما أدى إلى تدميره بالكامل ومقتل ستة من عناصرها", [("ستة", 6)]),
        ("وكانت حصيلة سابقة أفادت بمقتل ثمانية مسلحين", [("ثمانية", 8)]),
        ("وإصابة آخر وخمسة جنود أميركيين", [("خمسة", 5)]),
        ("أطلقت ثلاثة صواريخ صباح الجمعة، سقط اثنان منها", [("ثلاثة", 3), ("اثنان", 2)]),
        ("ونفذتها طائرتان مقاتلتان من طراز إف-16", []),
        ("إجلاء الجنود الثلاثة الآخرين", [("الثلاثة", 3)]),
        # number words: gender, case, compounds
        ("قتل واحد وأصيب إحدى النساء", [("واحد", 1), ("إحدى", 1)]),
        ("أحد عشر قتيلاً وإحدى عشرة امرأة", [("أحد عشر", 11), ("إحدى عشرة", 11)]),
        ("اثنا عشر جندياً واثني عشر مدنياً", [("اثنا عشر", 12), ("اثني عشر", 12)]),
        ("ثلاث عشرة امرأة وتسعة عشر رجلاً", [("ثلاث عشرة", 13), ("تسعة عشر", 19)]),
        ("عشرون قتيلاً وتسعين جريحاً", [("عشرون", 20), ("تسعين", 90)]),
        ("ثلاثة وعشرون شخصاً", [("ثلاثة وعشرون", 23)]),
        ("خمس وأربعين دقيقة", [("خمس وأربعين", 45)]),
        ("واحد و ثلاثون", [("واحد و ثلاثون", 31)]),
        (
            "مئة ومائة ومئتان ومئتين ومائتي جندي",
            [
                ("مئة", 100),
                ("مائة", 100),
                ("مئتان", 200),
                ("مئتين", 200),
                ("مائتي", 200),
            ],
        ),
        ("ثلاثمئة وثلاث مئة وخمسمائة", [("ثلاثمئة", 300), ("ثلاث مئة", 300), ("خمسمائة", 500)]),
        ("مئة وخمسة وعشرون", [("مئة وخمسة وعشرون", 125)]),
        ("ألف وألفين وثلاثة آلاف", [("ألف", 1000), ("ألفين", 2000), ("ثلاثة آلاف", 3000)]),
        ("خمسة عشر ألفاً", [("خمسة عشر ألفاً", 15000)]),
        ("ثلاثة آلاف وخمسمئة وعشرون", [("ثلاثة آلاف وخمسمئة وعشرون", 3520)]),
        ("ألف ومئتا شخص", [("ألف ومئتا", 1200)]),
        ("مئة ألف نازح", [("مئة ألف", 100_000)]),
        ("مليون ومئتا ألف", [("مليون ومئتا ألف", 1_200_000)]),
        # digits and mixtures
        ("ويقدّر وجود 15 ألف مسلح", [("15 ألف", 15000)]),
        ("نشر 3 آلاف جندي", [("3 آلاف", 3000)]),
        ("قتل 1,500 شخص و1٬600 آخرون", [("1,500", 1500), ("1٬600", 1600)]),
        ("١٢ قتيلاً و۱۲ جريحاً و١٬٥٠٠ نازح", [("١٢", 12), ("۱۲", 12), ("١٬٥٠٠", 1500)]),
        ("نزوح 1.5 مليون شخص", [("1.5 مليون", 1_500_000)]),
        ("و2500 جندي في العراق", [("2500", 2500)]),
        ("ارتفع العدد بـ15 قتيلاً", [("15", 15)]),
        # clitics: the span starts after them
        (
            "وثلاثة جرحى بخمسة عشر صاروخاً لأربعة أيام",
            [
                ("ثلاثة", 3),
                ("خمسة عشر", 15),
                ("أربعة", 4),
            ],
        ),
        # harakat and tatweel
        ("قُتِلَ ثَلاثَةُ أشخاص وخَمْسَةَ عَشَرَ", [("ثَلاثَةُ", 3), ("خَمْسَةَ عَشَرَ", 15)]),
        ("مقتل ثلاثـــة عناصر", [("ثلاثـــة", 3)]),
        ("عشرين ألفاً.", [("عشرين ألفاً", 20000)]),
    ],
)
def test_values_and_spans(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "في حوالي الساعة 4:30 صباح اليوم",
        "(01:30 بتوقيت غرينتش)",
        "مقاتلات F-16 ومدفعية من طراز إم777",
        "طائرات إيه سي-130",
        "بتاريخ 26/10/2023",
        "2023-10-26",
        "بنسبة 2.5 في الباقي",
        "لم يصب أحد بأذى",
        "لم تسفر عن إصابة أي أحد",
        "بعده جاء الرد ووعده بالرد",
        "لست أدري",
        "الأحد والاثنين",
        "",
        "   ",
    ],
)
def test_not_counts(text: str) -> None:
    assert found(text) == []


def test_one_of_is_one() -> None:
    assert found("حسبما ذكر أحد المسؤولين") == [("أحد", 1)]


def test_years_and_days_are_numbers_too() -> None:
    assert found("الخميس 26 أكتوبر/تشرين الأول 2023") == [("26", 26), ("2023", 2023)]


@pytest.mark.parametrize(
    ("text", "surface", "value", "at_least", "approximate"),
    [
        ("تعرّضت لما لا يقلّ عن 16 هجوماً", "ما لا يقلّ عن 16", 16, True, False),
        ("لا يقل عن عشرة قتلى", "لا يقل عن عشرة", 10, True, False),
        ("قتل على الأقل 5 أشخاص", "على الأقل 5", 5, True, False),
        ("قتل 5 على الأقل", "5 على الأقل", 5, True, False),
        ("مقتل أكثر من 20 شخصاً", "أكثر من 20", 20, True, False),
        ("ولواشنطن نحو 900 جندي في سوريا", "نحو 900", 900, False, True),
        ("حوالي 30 قتيلاً", "حوالي 30", 30, False, True),
        ("حوالى ثلاثين قتيلاً", "حوالى ثلاثين", 30, False, True),
        ("قرابة مئة شخص", "قرابة مئة", 100, False, True),
        ("زهاء ألفي عنصر", "زهاء ألفي", 2000, False, True),
        ("ما يقارب 40 مدنياً", "ما يقارب 40", 40, False, True),
        ("ويقدّر وجود نحو 15 ألف مسلح", "نحو 15 ألف", 15000, False, True),
        ("بنحو 12 صاروخاً", "نحو 12", 12, False, True),
        ("قتل 7 تقريباً", "7 تقريباً", 7, False, True),
    ],
)
def test_qualifiers(text: str, surface: str, value: int, at_least: bool, approximate: bool) -> None:
    match = only(text)
    assert text[match.start : match.end] == surface
    assert (match.value, match.at_least, match.approximate) == (value, at_least, approximate)


def test_at_least_after_the_noun_sets_the_flag_but_keeps_the_span() -> None:
    text = "مقتل 5 أشخاص على الأقل"
    match = only(text)
    assert text[match.start : match.end] == "5"
    assert match.at_least and match.value == 5


def test_qualifier_not_followed_by_a_number_is_ignored() -> None:
    assert found("اتجهت القوات نحو المدينة") == []
    assert found("وقع الهجوم حوالى الساعة 11 صباحاً") == [("11", 11)]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("مقتل شخصين أو ثلاثة أشخاص يشتبه في أنّهم مسلّحون", "شخصين أو ثلاثة", 2),
        ("مقتل 2 أو 3 مسلحين", "2 أو 3", 2),
        ("بين 5 و7 قتلى", "بين 5 و7", 5),
        ("ما بين عشرة و عشرين", "بين عشرة و عشرين", 10),
        ("ثلاثة أو اثنين", "ثلاثة أو اثنين", 2),
    ],
)
def test_ranges_give_the_lower_bound_over_the_whole_range(
    text: str, surface: str, value: int
) -> None:
    match = only(text)
    assert text[match.start : match.end] == surface
    assert match.value == value and match.approximate and not match.vague


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("سقوط عشرات القتلى", "عشرات"),
        ("أصيب العشرات", "العشرات"),
        ("وينتشر مئات الجنود الأميركيين", "مئات"),
        ("نزوح المئات", "المئات"),
        ("فرار آلاف المدنيين", "آلاف"),
        ("نزوح عشرات الآلاف", "عشرات الآلاف"),
        ("لكنّ عدداً من الاشتباكات تلت ذلك", "عدداً من"),
        ("اعتقال عدد من الشبان", "عدد من"),
        ("مقتل العديد من المدنيين", "العديد من"),
        ("في قواعد عدة في محافظة الحسكة", "عدة"),
        ("خلفت عدة قتلى وجرحى", "عدة"),
        ("بعد بضعة أيام", "بضعة"),
        ("تدمير ثلاث سيارات وبعض قاذفات الصواريخ", "بعض"),
        ("وسط عدد كبير من الجرحى", "عدد كبير من"),
    ],
)
def test_vague_counts(text: str, surface: str) -> None:
    match = find_numbers(text)[-1]
    assert text[match.start : match.end] == surface
    assert match.vague and match.value is None
    assert not match.at_least and not match.approximate


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("خمسة عشر", 15),
        ("ثلاثة وعشرون", 23),
        ("مئتين", 200),
        ("١٢", 12),
        ("  اثنتا عشرة  ", 12),
        ("إحدى وعشرين", 21),
        ("تسعمائة", 900),
        ("ثمانمئة", 800),
        ("ثلاثة آلاف", 3000),
        ("15 ألف", 15000),
        ("1,500", 1500),
        ("وخمسة", 5),
        ("ألفان وخمسمئة", 2500),
        ("ثمانٍ", 8),
    ],
)
def test_parse_number_words(words: str, value: int) -> None:
    assert parse_number_words(words) == value


@pytest.mark.parametrize(
    "words", ["", "خمسة رجال", "عشرات", "نحو 5", "4:30", "قتيل", "hello", "12.5", "ثلاثة."]
)
def test_parse_number_words_refuses_anything_else(words: str) -> None:
    assert parse_number_words(words) is None


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("قتيلان", 2),
        ("قتيلين", 2),
        ("جريحان", 2),
        ("جريحين", 2),
        ("عنصرين", 2),
        ("عنصران", 2),
        ("جنديين", 2),
        ("جنديان", 2),
        ("شخصين", 2),
        ("والشخصين", 2),
        ("لطفلين", 2),
        ("امرأتين", 2),
        ("قتيل", 1),
        ("جريح", 1),
        ("جندي", 1),
        ("جندياً", 1),
        ("عنصر", 1),
        ("مدني", 1),
        ("مقاتل", 1),
        ("شخص", 1),
        ("للجندي", 1),
        ("مدنيين", None),  # sound plural, spelt like the dual
        ("مسلحين", None),
        ("مقاتلين", None),
        ("قتلى", None),
        ("جنود", None),
        ("سيارة", None),
        ("", None),
    ],
)
def test_count_from_noun(word: str, count: int | None) -> None:
    assert count_from_noun(word) == count
    assert dual_count(word) == (count == 2)


def test_seed_articles() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    for text in texts:
        check_offsets(text, find_numbers(text))
    seed_002, seed_004 = texts[2], texts[4]
    assert ("نحو 900", 900) in found(seed_002)
    assert ("ما لا يقلّ عن 16", 16) in found(seed_002)
    for code in ("4:30", "01:30", "F-16"):  # a time, a time, a designator
        at = seed_002.index(code)
        assert all(m.end <= at or m.start >= at + len(code) for m in find_numbers(seed_002))
    assert ("نحو 15 ألف", 15000) in found(seed_004)
    assert found(seed_004).count(("14", 14)) == 2


# --- robustness ----------------------------------------------------------------------------

WORDS = (
    "ثلاثة عشر عشرة وعشرون و مئة مئتين ألف آلاف مليون أحد إحدى اثنا نحو ما لا يقل عن "
    "على الأقل أكثر من عشرات عدد عدة بين أو شخصين قتيل لم 12 ١٢ 1,500 ٬ 4:30 F-16 "
    "إم777 1.5 . , - ـ بـ لل ال "
)
VOCABULARY = [*WORDS.split(), "ألفاً", "،", "/", "\u064b", "\u0651", "\n", "\x00", "\u200f"]


@st.composite
def arabicish(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.sampled_from(VOCABULARY) | st.text(max_size=3), max_size=40))
    separators = draw(st.lists(st.sampled_from(["", " ", "  ", "\t"]), min_size=len(pieces)))
    return "".join(piece + sep for piece, sep in zip(pieces, separators, strict=False))


@given(st.text())
def test_any_text_never_raises(text: str) -> None:
    check_offsets(text, find_numbers(text))
    parse_number_words(text)
    count_from_noun(text)
    dual_count(text)


@given(arabicish())
@settings(max_examples=300)
def test_number_like_text_never_raises(text: str) -> None:
    matches = find_numbers(text)
    check_offsets(text, matches)
    for match in matches:
        assert match.value is None or match.value >= 0
    parse_number_words(text)


def test_huge_text() -> None:
    rng = random.Random(7)
    pieces = [*VOCABULARY, " ", " ", " ", "9" * 40, "\x1f", "\u0670"]
    text = "".join(rng.choice(pieces) for _ in range(40_000))[:100_000]
    text += "x" * (100_000 - len(text))
    check_offsets(text, find_numbers(text))
    assert find_numbers("9" * 100_000) == []


# --- the fast paths give what the plain definitions give ----------------------------------


def every_start(text: str) -> list[NumberMatch]:
    """`find_numbers` without its pre-filter: a count is tried at every token."""
    doc = FoldedWords(text)
    matches: list[NumberMatch] = []
    index = 0
    while index < len(doc.words):
        found = numbers._match_at(doc, index)
        if found is None:
            index += 1
            continue
        match, index = found
        matches.append(match)
    return matches


def fold_by_character(text: str) -> tuple[str, list[int]]:
    """The fold's plain definition: each character folded on its own, with its source index."""
    offsets = [index for index, char in enumerate(text) for _ in fold_char(char)]
    return "".join(map(fold_char, text)), [*offsets, len(text)]


def check_folded(text: str) -> None:
    doc = FoldedWords(text)
    folded, offsets = fold_by_character(text)
    assert doc.folded == folded
    assert doc.offsets == offsets
    assert [doc.source_index(i) for i in range(len(folded) + 1)] == offsets
    assert doc.tokens == tokenize(folded)
    assert doc.gaps == [token.gap for token in doc.tokens]
    assert doc.digit_indices == [i for i, token in enumerate(doc.tokens) if token.is_digits]


def test_folded_agrees_with_folding_each_character_on_every_code_point() -> None:
    # Code points whose case fold is one character take the fast path; the others
    # ("ß", "İ", ligatures) are checked with dropped marks and digits around them.
    single, several = [], []
    for code in range(0x110000):
        (single if len(chr(code).casefold()) == 1 else several).append(chr(code))
    for start in range(0, len(single), 4096):
        check_folded(" ".join(single[start : start + 4096]))
        check_folded("".join(single[start : start + 4096]))
    mixed = "".join(f"{char}\u064e5ـ{char}ة" for char in several)
    check_folded(mixed)
    check_folded("\u0651" + mixed + "Σ")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\u064e\u0651",
        "ـ5ـ",
        "بـ15 و2023م و٣٫٥ و1٬500 و१२ و²٣ و_7_ ألفاً",
        "إم777 F-16 4:30 ١٢/١٠/٢٠٢٣ x²y ½ Ⅻ 12abc",
        "ß İstanbul ΣΑΣ ﬁ",
        "\u200f\u200e١٤\ufeff\u200b",
    ],
)
def test_folded_agrees_with_folding_each_character(text: str) -> None:
    check_folded(text)


def test_clitic_splits_is_strip_clitics() -> None:
    stems = {"العشرات", "عشر", "بين", "لست", "بعد", "ل", "اليوم"}
    table = clitic_splits(stems)
    words = {
        prefix + stem
        for prefix in (
            "",
            "و",
            "ف",
            "ب",
            "ل",
            "وب",
            "ول",
            "فب",
            "فل",
            "لل",
            "ولل",
            "بال",
            "ا",
            "وو",
        )
        for stem in stems
    }
    words |= {"للعشرات", "وللعشرات", "فلليوم", "لست", "بعده", "", "ل", "لل", "و"}
    for word in words:
        assert table.get(word) == strip_clitics(word, stems), word


# Every kind of count start, with every clitic: a pre-filter that forgot a start word (a
# qualifier, "بين", a dual, a number word, a vague quantity) would lose one of these.
START_PHRASES = [
    *(" ".join(words) for words in numbers._BEFORE),
    *(" ".join(words) for words in numbers._VAGUE),
    *numbers._NUMBER_WORDS,
    *(f"{dual} او ثلاثه" for dual in sorted(numbers._DUALS)),
    "بين 5 و7",
    "5",
]
CLITICS = ["", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"]


def test_every_count_start_is_tried() -> None:
    texts = [
        f"قال {clitic}{phrase} {tail}"
        for phrase in START_PHRASES
        for clitic in CLITICS
        for tail in ("", "5 اشخاص علي الاقل", "ثلاثه", "الاف")
    ]
    found_some = 0
    for text in texts:
        expected = every_start(text)
        assert find_numbers(text) == expected, text
        found_some += bool(expected)
    assert found_some > len(texts) // 2


@given(arabicish())
@settings(max_examples=500)
def test_pre_filter_changes_nothing(text: str) -> None:
    folded_text.cache_clear()
    assert find_numbers(text) == every_start(text)
    check_folded(text)


@given(st.text())
def test_pre_filter_changes_nothing_on_any_text(text: str) -> None:
    assert find_numbers(text) == every_start(text)
    check_folded(text)


def test_shared_fold_is_reused_and_unchanged() -> None:
    text = "قتل 5 أشخاص"
    assert folded_text(text) is folded_text(text)
    assert find_numbers(text) == find_numbers(text) == every_start(text)
