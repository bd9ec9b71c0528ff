"""The extractor on short hand-written reports, one phenomenon each (not taken from the gold)."""

from __future__ import annotations

import datetime as dt

import pytest

from extract import extract_events
from extract.record import Event

FRIDAY = dt.date(2024, 1, 26)


def only(text: str, published: dt.date | None = FRIDAY) -> Event:
    """The single event the extractor finds in `text`."""
    events = extract_events(text, published)
    assert len(events) == 1, [e.to_dict() for e in events]
    return events[0]


def keys(event: Event) -> tuple[str | None, str | None]:
    return (
        event.actor1.key if event.actor1 else None,
        event.actor2.key if event.actor2 else None,
    )


def test_active_voice_air_strike_with_attacker_target_place_and_toll() -> None:
    text = (
        "شنت طائرات حربية أمريكية فجر اليوم غارات على مواقع لكتائب حزب الله في مدينة القائم "
        "غربي العراق، ما أسفر عن مقتل أربعة عناصر."
    )
    event = only(text)
    assert event.sub_event_type == "Air/drone strike"
    assert keys(event) == ("us", "iran_backed")
    assert event.location is not None and event.location.name == "Al-Qaim"
    assert event.location.country == "Iraq"
    assert (event.fatalities, event.date) == (4, "2024-01-26")
    assert text[event.evidence.start : event.evidence.end] == text.rstrip()


def test_passive_voice_makes_the_subject_the_target() -> None:
    text = "تعرضت قاعدة للتحالف الدولي في حقل العمر النفطي أمس لهجوم بطائرة مسيرة مجهولة."
    event = only(text)
    assert event.sub_event_type == "Air/drone strike"
    assert keys(event) == ("unknown", "coalition")
    assert event.location is not None and event.location.name == "Al-Omar oil field"
    assert event.date == "2024-01-25"  # أمس, the day before publication


@pytest.mark.parametrize(
    ("words", "killed", "injured"),
    [
        ("قتل خمسة عشر عنصراً من قسد وأصيب ثلاثة وعشرون آخرون", 15, 23),
        ("قتل ١٢ عنصراً من قسد", 12, None),
        ("قتل عنصران من قسد وأصيب جريحان", 2, 2),
        ("قتل ما لا يقل عن سبعة عناصر من قسد", 7, None),
        ("سقط عشرات القتلى والجرحى من عناصر قسد", None, None),
        ("لم يسفر عن إصابات في صفوف قسد", 0, 0),
        ("قتلت إحدى عشرة امرأة", 11, None),
    ],
)
def test_casualty_figures(words: str, killed: int | None, injured: int | None) -> None:
    text = f"قصفت المدفعية التركية قرية قرب مدينة تل تمر، و{words}."
    event = only(text)
    assert (event.fatalities, event.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("words", "vague"),
    [
        ("سقط عشرات القتلى من عناصر قسد", "dozens"),
        ("قتل العشرات من عناصر قسد", "dozens"),
        ("قتل عدد من عناصر قسد", "several"),
        ("سقط عدد كبير من القتلى في صفوف قسد", "many"),
        ("قتل بضعة عناصر من قسد", "few"),
        ("قتل مئات المدنيين", "hundreds"),
        ("قتل خمسة عناصر من قسد", None),
        ("أصيب عشرات المدنيين", None),  # only the dead are counted vaguely
    ],
)
def test_vague_counts_are_kept_as_acled_groups_them(words: str, vague: str | None) -> None:
    text = f"قصفت المدفعية التركية قرية قرب مدينة تل تمر، و{words}."
    event = only(text)
    assert event.fatalities_vague == vague
    if vague is not None:
        assert event.fatalities is None


def test_last_week_and_last_month_give_the_dates_precision() -> None:
    week = only("قصفت المدفعية التركية الأسبوع الماضي قرية قرب مدينة تل تمر.")
    assert (week.date, week.date_precision) == ("2024-01-22", 2)
    month = only("قصفت المدفعية التركية الشهر الماضي قرية قرب مدينة تل تمر.")
    assert (month.date, month.date_precision) == ("2023-12-15", 3)
    day = only("قصفت المدفعية التركية أمس قرية قرب مدينة تل تمر.")
    assert (day.date, day.date_precision) == ("2024-01-25", 1)


def test_a_running_total_is_not_this_events_toll() -> None:
    text = (
        "استهدفت طائرة مسيرة تركية سيارة لقسد قرب مدينة القامشلي أمس. وارتفع بذلك عدد قتلى "
        "قسد بضربات المسيرات التركية منذ بداية العام إلى 54 قتيلاً."
    )
    event = only(text)
    assert event.fatalities is None


def test_dates_in_the_text_resolve_against_publication() -> None:
    text = "قصفت قوات النظام السوري بلدة كفرنبل في ريف إدلب الجنوبي يوم الثلاثاء الماضي."
    event = only(text)
    assert event.date == "2024-01-23"
    assert event.date_text is not None and "الثلاثاء" in event.date_text
    assert keys(event)[0] == "syrian_gov"
    dated = only("اندلعت اشتباكات بين قسد ومقاتلي العشائر في بلدة ذيبان يوم 3 كانون الثاني/يناير.")
    assert dated.date == "2024-01-03"
    assert keys(dated) == ("sdf", "tribal")


def test_no_date_is_ever_after_publication() -> None:
    event = only("انفجرت عبوة ناسفة بدورية للجيش العراقي في قضاء الطارمية في 29 كانون الثاني.")
    assert event.date is None or event.date <= FRIDAY.isoformat()


@pytest.mark.parametrize(
    "text",
    [
        "هددت جماعة الحوثي بقصف السفن الأمريكية في البحر الأحمر إذا استمرت الضربات.",
        "نفت وزارة الدفاع الروسية أن تكون طائراتها قد شنت غارات على مدينة إدلب.",
        "زادت الميليشيات المدعومة من إيران من هجماتها على القواعد الأمريكية في سوريا منذ عام 2021.",
        "قال وزير الخارجية إن بلاده ستتخذ كل الإجراءات لحماية قواتها في العراق.",
        "تعرضت القوات الأمريكية لأكثر من 150 هجوماً منذ منتصف أكتوبر الماضي.",
    ],
)
def test_threats_denials_plans_and_background_are_not_events(text: str) -> None:
    assert extract_events(text, FRIDAY) == []


def test_an_incident_mentioned_twice_is_one_event_with_the_specific_figure() -> None:
    text = (
        "قصفت طائرات روسية مدينة جسر الشغور في ريف إدلب أمس.\n"
        "وأفاد الدفاع المدني بأن القصف الروسي على جسر الشغور أسفر عن مقتل ستة مدنيين."
    )
    event = only(text)
    assert event.sub_event_type == "Air/drone strike"
    assert keys(event) == ("russia", "civilians")
    assert event.fatalities == 6


def test_two_places_joined_by_and_are_two_events() -> None:
    text = "شنت طائرات التحالف غارات على مواقع لتنظيم داعش في بلدتي هجين والباغوز شرق دير الزور."
    events = extract_events(text, FRIDAY)
    assert sorted(e.location.name for e in events if e.location) == ["Al-Baghuz Fawqani", "Hajin"]
    assert {keys(e) for e in events} == {("coalition", "isis")}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("انفجرت عبوة ناسفة بسيارة عسكرية في مدينة الرقة.", "Remote explosive/landmine/IED"),
        ("فجر انتحاري نفسه في سوق مدينة الموصل.", "Suicide bomb"),
        ("اختطف مسلحون مجهولون ثلاثة رعاة قرب بلدة الشولا.", "Abduction/forced disappearance"),
        ("نصب عناصر من داعش كميناً لدورية عراقية قرب بلدة مخمور.", "Armed clash"),
        ("سقطت قذائف هاون على حي سكني في مدينة درعا.", "Shelling/artillery/missile attack"),
    ],
)
def test_kinds_of_violence(text: str, kind: str) -> None:
    assert only(text).sub_event_type == kind


def test_evidence_is_the_sentence_stating_the_event() -> None:
    text = (
        "عقد مجلس الأمن جلسة طارئة. "
        "وقصفت المدفعية الإسرائيلية أطراف بلدة الخيام في جنوب لبنان. وانتهت الجلسة دون بيان."
    )
    event = only(text)
    assert text[event.evidence.start : event.evidence.end] == (
        "وقصفت المدفعية الإسرائيلية أطراف بلدة الخيام في جنوب لبنان."
    )


def test_an_article_without_any_incident_gives_nothing() -> None:
    text = (
        "استضافت العاصمة الكازاخية جولة جديدة من محادثات أستانا بشأن سوريا، بمشاركة روسيا "
        "وتركيا وإيران. وأكد البيان الختامي التزام الدول الضامنة بوحدة الأراضي السورية."
    )
    assert extract_events(text, FRIDAY) == []


def test_a_reporting_verb_stays_with_its_quotation() -> None:
    """`وقال: "..."` is one sentence (the new-event cursor and evidence take it whole); a full
    stop still ends one, and a semicolon before a quotation still does."""
    from extract.tokens import split_sentences

    text = 'قصفت الطائرات البوكمال. وقال: "رسالتنا واضحة: لن نتسامح". ثم أضاف؛ «لن نتراجع».'
    parts = [text[s.start : s.end] for s in split_sentences(text)]
    assert parts == [
        "قصفت الطائرات البوكمال.",
        'وقال: "رسالتنا واضحة: لن نتسامح".',
        "ثم أضاف؛",
        "«لن نتراجع».",
    ]


@pytest.mark.parametrize(
    ("text", "near"),
    [
        ("قصفت المدفعية التركية قرية قرب مدينة تل تمر.", "near"),
        ("قصفت المدفعية التركية محيط بلدة تل تمر.", "near"),
        ("قصفت المدفعية التركية مواقع بالقرب من مدينة تل تمر.", "near"),
        ("قصفت المدفعية التركية أطراف مدينة تل تمر.", "near"),
        ("قصفت المدفعية التركية مدينة تل تمر.", None),
        ("قصفت المدفعية التركية ريف الحسكة.", None),  # a governorate's countryside is itself
    ],
)
def test_near_a_place_is_the_qualifier(text: str, near: str | None) -> None:
    event = only(text)
    assert event.location is not None and event.location.qualifier == near
