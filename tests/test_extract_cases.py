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


def test_a_sentence_listing_places_gives_each_place_its_own_figures() -> None:
    text = (
        "قتل ثلاثة مدنيين في سراقب واثنان في معرة النعمان وأصيب خمسة في كفرنبل "
        "جراء قصف مدفعي لقوات النظام أمس."
    )
    events = extract_events(text, FRIDAY)
    figures = {e.location.name: (e.fatalities, e.injured) for e in events if e.location is not None}
    assert figures == {
        "Saraqib": (3, None),
        "Maarat al-Numan": (2, None),
        "Kafr Nabl": (None, 5),
    }
    assert {keys(e) for e in events} == {("syrian_gov", "civilians")}


def test_one_figure_for_several_places_is_divided_evenly_among_them() -> None:
    text = "استهدف القصف مواقع في بادية مدينة الميادين وريف البوكمال، ما أدى إلى مقتل خمسة مسلحين."
    events = extract_events(text, FRIDAY)
    assert [e.fatalities for e in events] == [3, 2]  # the remainder to the place named first


def test_a_figure_told_at_one_of_several_places_is_that_place_s() -> None:
    text = (
        "قصفت القوات التركية قرى مرعناز والمالكية وشوارغة الأرز، ما أدى إلى إصابة 4 مدنيين "
        "في قرية المالكية."
    )
    figures = [(e.location.text if e.location else None, e.injured) for e in extract_events(text)]
    assert figures == [("مرعناز", None), ("المالكية", 4), ("شوارغة الأرز", None)]


def test_a_clash_names_both_sides_and_adds_up_their_dead() -> None:
    text = (
        "اندلعت اشتباكات بين مقاتلين من العشائر العربية وقوات سوريا الديمقراطية في بلدة ذيبان، "
        "أسفرت عن مقتل ستة من مقاتلي العشائر وثلاثة من عناصر قسد."
    )
    event = only(text)
    assert event.sub_event_type == "Armed clash"
    assert keys(event) == ("tribal", "sdf")
    assert event.fatalities == 9


def test_a_number_word_that_starts_with_waw_is_not_joined_to_the_figure_before() -> None:
    event = only("قتل ستة مدنيين من عائلة واحدة في قصف مدفعي على مدينة سراقب.")
    assert event.fatalities == 6


def test_the_owner_of_an_attack_noun_is_its_attacker() -> None:
    event = only("قتل خمسة عناصر من الجيش السوري في هجوم لتنظيم داعش في بادية حمص.")
    assert keys(event) == ("isis", "syrian_gov")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("قتل جنديان بانفجار عبوة ناسفة في ريف درعا الغربي.", "syrian_gov"),
        ("أصيب أربعة من عناصر الشرطة بانفجار سيارة مفخخة في مدينة الموصل.", "iraqi_gov"),
        ("قتل ثلاثة جنود في هجوم لمسلحين على حاجز للجيش قرب مدينة الصنمين.", "syrian_gov"),
        ("قتل جنديان بانفجار عبوة ناسفة في مدينة صور.", None),
    ],
)
def test_the_state_s_forces_named_without_a_country_are_the_place_s_government(
    text: str, target: str | None
) -> None:
    assert keys(only(text))[1] == target


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("هاجم مسلحون مجهولون حاجزا في مدينة درعا، ما أسفر عن مقتل شرطيين.", 2),
        ("قتل مدنيان في قصف مدفعي على مدينة سراقب.", 2),
        ("قتل مدنيين في قصف مدفعي على مدينة سراقب.", None),  # a plural, most often
    ],
)
def test_dual_nouns_count_two(text: str, killed: int | None) -> None:
    assert only(text).fatalities == killed


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("وفي عام 2019، قتل سبعة مدنيين في 12 آذار بقصف جوي روسي على مدينة سراقب.", "2019-03-12"),
        (
            "وتعود الحادثة إلى عام 2017 حين قصفت طائرات التحالف في الرابع من أيار مدرسة في بلدة "
            "المنصورة بريف الرقة، ما أدى إلى مقتل سبعة مدنيين.",
            "2017-05-04",
        ),
        ("قتل خمسة مدنيين في 3 كانون الأول بقصف مدفعي على بلدة كفرنبل.", "2023-12-03"),
        (
            "في عام 2019 انسحبت القوات. وقتل خمسة مدنيين في 3 كانون الأول بقصف مدفعي على بلدة "
            "كفرنبل.",
            "2023-12-03",
        ),
    ],
)
def test_a_date_without_a_year_takes_the_year_its_sentence_names(text: str, date: str) -> None:
    event = only(text, dt.date(2024, 2, 10))
    assert event.date == date
    assert event.fatalities in (5, 7)  # never the year


def test_a_year_before_a_casualty_word_is_no_figure() -> None:
    assert only("وفي عام 2019، قتل مدنيون في قصف جوي روسي على مدينة سراقب.").fatalities is None


def test_a_toll_told_in_the_next_sentence_belongs_to_the_incident_before() -> None:
    text = (
        "تجددت الاشتباكات بين مقاتلي العشائر العربية وقوات سوريا الديمقراطية في بلدة ذيبان.\n"
        "وأفاد المرصد السوري بمقتل ستة من مقاتلي العشائر وأربعة من عناصر قسد."
    )
    event = only(text)
    assert keys(event) == ("tribal", "sdf")
    assert event.fatalities == 10


def test_shooting_civilians_is_an_attack_and_an_unknown_gunman_is_the_attacker() -> None:
    event = only("قُتل لاجئ عراقي برصاص مسلحين مجهولين داخل مخيم الهول شرقي الحسكة.")
    assert event.sub_event_type == "Attack"
    assert keys(event) == ("unknown", "civilians")
    assert event.fatalities == 1


def test_where_fire_came_from_is_not_where_it_fell() -> None:
    event = only(
        "نفذ العدو الإسرائيلي عدواناً جوياً بعدد من الصواريخ من اتجاه منطقة التنف، مستهدفاً "
        "مواقع في مطار التيفور العسكري بريف حمص الشرقي."
    )
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 is not None and event.actor1.key == "israel"
    assert event.location is not None and event.location.level == "site"
    assert event.location is not None and "T4" in (event.location.name or "")


def test_a_place_named_again_as_the_same_airport_and_a_strike_told_as_going_on() -> None:
    text = (
        "نفذ العدو الإسرائيلي فجر اليوم عدواناً جوياً على مطار التيفور العسكري بريف حمص.\n"
        "كما استهدف العدو فجر اليوم ذاته مواقع في محيط مدينة تدمر، من دون وقوع خسائر بشرية.\n"
        "وكان العدو الإسرائيلي قد استهدف المطار ذاته الشهر الماضي، ما أدى إلى إصابة جنديين."
    )
    events = extract_events(text, dt.date(2022, 4, 5))
    found = [(e.location and e.location.name, e.date) for e in events]
    assert found == [
        ("T4 (Tiyas) airbase", "2022-04-05"),
        ("Palmyra", "2022-04-05"),
        ("T4 (Tiyas) airbase", "2022-03-15"),
    ]
    assert events[1].sub_event_type == "Air/drone strike"  # "كما": the strikes go on
    assert events[2].injured == 2


def test_the_date_of_the_report_is_not_the_date_of_the_incident_it_reports() -> None:
    event = only(
        "أعلنت قيادة العمليات المشتركة، اليوم الأربعاء، أن طائرات التحالف الدولي نفذت أمس "
        "الثلاثاء ضربات جوية على مواقع لتنظيم داعش في قضاء الحضر.",
        dt.date(2020, 9, 16),
    )
    assert event.date == "2020-09-15"


def test_an_aside_on_the_incident_does_not_unmake_it() -> None:
    event = only(
        "قُتل مدني برصاص مسلحين مجهولين في مدينة درعا، في حادثة هي الثالثة من نوعها منذ مطلع الشهر."
    )
    assert event.fatalities == 1


def test_an_incident_of_years_back_is_not_dated_today() -> None:
    text = (
        "طالبت منظمة حقوقية، اليوم الثلاثاء، بفتح تحقيق في غارة جوية نفذها التحالف الدولي على "
        "بلدة الباغوز قبل ست سنوات.\n"
        "وكانت طائرات التحالف الدولي قد شنت في 18 آذار/مارس 2019 غارتين على أطراف بلدة الباغوز."
    )
    event = only(text, dt.date(2025, 3, 18))
    assert event.date == "2019-03-18"


def test_since_last_evening_is_how_long_a_clash_lasts_not_a_trend() -> None:
    event = only(
        "دارت اشتباكات بين مقاتلي الهيئة وقوات النظام على أطراف قرية تل واسط منذ مساء أمس.",
        dt.date(2021, 6, 26),
    )
    assert keys(event) == ("hts", "syrian_gov")
    assert event.date == "2021-06-25"


def test_who_planted_the_bomb_is_its_attacker_over_words_like_elements_of() -> None:
    event = only(
        "قُتل جنديان من الجيش العراقي بانفجار عبوة ناسفة في ناحية الرشاد، وقالت قيادة العمليات "
        "المشتركة إن العبوة زرعها عناصر من تنظيم داعش."
    )
    assert keys(event) == ("isis", "iraqi_gov")


def test_the_side_that_tried_to_advance_attacked() -> None:
    event = only(
        "اندلعت اشتباكات بين مقاتلي هيئة تحرير الشام وقوات النظام على محور كبانة، إثر محاولة "
        "تقدم لقوات النظام، قُتل خلالها أحد عشر عنصراً من قوات النظام."
    )
    assert keys(event) == ("syrian_gov", "hts")


def test_where_a_reporter_is_is_not_where_the_strikes_fell() -> None:
    text = (
        "شنت الطائرات الروسية غارات على مدينة جسر الشغور.\n"
        "وقال مراسل عنب بلدي في إدلب إن الغارات استهدفت سوقاً شعبية في المدينة."
    )
    assert [e.location.name for e in extract_events(text) if e.location] == ["Jisr al-Shughur"]


def test_an_aircraft_names_the_kind_of_a_generic_attack_word() -> None:
    event = only("استهدف الطيران الإسرائيلي مستودعاً في أطراف مدينة صور، ما أدى إلى وقوع جرحى.")
    assert event.sub_event_type == "Air/drone strike"


def test_the_day_of_a_date_is_no_figure_and_a_military_bus_no_civilian() -> None:
    event = only(
        "وكان بضعة عناصر من قوات النظام قد قُتلوا يوم الأربعاء 15 آذار/مارس، في كمين نصبه "
        "عناصر من تنظيم داعش لحافلة عسكرية كانت تقلهم في البادية السورية.",
        dt.date(2023, 3, 18),
    )
    assert event.fatalities is None  # never 15
    assert keys(event) == ("isis", "syrian_gov")
    assert event.location is not None and event.location.name == "Syrian Desert"


def test_a_village_the_gazetteer_lacks_is_placed_by_its_place_word_and_area() -> None:
    event = only(
        "قصفت قوات النظام قرية كنصفرة في جبل الزاوية بريف إدلب، ما أدى إلى مقتل مدنيين اثنين."
    )
    assert event.location is not None
    assert (event.location.text, event.location.level) == ("كنصفرة", "village")
    assert (event.location.admin1, event.location.country) == ("Idlib", "Syria")
    assert event.location.lat is None  # unlisted: no coordinates are made up
    assert event.fatalities == 2


def test_a_quarter_the_gazetteer_lacks_takes_its_town_and_a_village_reading_gives_way() -> None:
    event = only("قتلت امرأة برصاص قناص في حي الشيخ مقصود بحلب.")
    assert event.location is not None
    assert (event.location.text, event.location.level) == ("الشيخ مقصود", "neighbourhood")
    assert event.location.admin1 == "Aleppo" and event.location.lat is not None


def test_a_dual_place_word_names_two_places() -> None:
    events = extract_events("قصفت طائرات حربية روسية صباح اليوم بلدتي البارة وكنصفرة.", FRIDAY)
    assert [e.location.text for e in events if e.location] == ["البارة", "كنصفرة"]


def test_the_toll_told_next_for_the_strikes_before_is_split_among_their_places() -> None:
    events = extract_events(
        "قصفت طائرات حربية روسية صباح اليوم بلدتي البارة وكنصفرة.\n"
        "وأسفر القصف عن مقتل أربعة مدنيين بينهم طفلان.",
        FRIDAY,
    )
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Air/drone strike", 2)] * 2


def test_a_camp_named_after_a_village_is_a_site_there() -> None:
    event = only("سقط صاروخ أطلقه الحوثيون على مخيم الجفينة للنازحين جنوب مدينة مأرب.")
    assert event.location is not None
    assert (event.location.text, event.location.level) == ("مخيم الجفينة", "site")
    assert event.location.admin1 == "Marib"


@pytest.mark.parametrize(
    ("text", "name"), [("في قضاء الطارمية", "Tarmia"), ("في مديرية صرواح بمحافظة مأرب", "Sirwah")]
)
def test_a_district_word_gives_the_district(text: str, name: str) -> None:
    event = only(f"قتل ثلاثة مدنيين بانفجار عبوة ناسفة {text}.")
    assert event.location is not None
    assert (event.location.name, event.location.level) == (name, "district")


def test_a_town_that_only_says_where_a_district_lies_is_not_the_place() -> None:
    event = only("نفذت طائرات التحالف ضربات جوية في صحراء قضاء الحضر جنوب غربي الموصل.")
    assert event.location is not None and event.location.level == "district"
    assert event.location.text == "الحضر"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("شن الطيران الحربي المعادي غارة على بلدة عيترون في جنوب لبنان.", "israel"),
        ("شن طيران العدوان غارة على مديرية مجز بمحافظة صعدة.", "coalition"),
    ],
)
def test_the_enemy_is_who_the_reporting_side_fights_where_the_strike_fell(
    text: str, expected: str
) -> None:
    assert keys(only(text))[0] == expected


def test_a_nationality_after_soldiers_names_their_country() -> None:
    event = only("أصيب جنديان إسرائيليان بصاروخ أطلقه حزب الله على موقع قرب بلدة عيترون.")
    assert keys(event) == ("hezbollah", "israel") and event.injured == 2


def test_a_group_without_a_key_is_no_civilian() -> None:
    event = only("شنت الطائرات التركية غارات على مواقع لحزب العمال الكردستاني في قضاء العمادية.")
    assert keys(event) == ("turkey", None)


@pytest.mark.parametrize(
    ("words", "killed"),
    [
        ("٧ من مقاتلي العشائر و٤ من عناصر قسد قُتلوا في المعارك", 11),
        ("مصرع عشرين من عناصر الميليشيا، فيما استشهد أربعة من أفراد الجيش", 24),
        ("مقتل ضابط وثلاثة جنود", 4),
        ("مقتل جندي وأصيب ثلاثة آخرون", 1),
    ],
)
def test_the_dead_of_each_side_add_up(words: str, killed: int) -> None:
    event = only(f"اندلعت اشتباكات في بلدة البصيرة أمس، أسفرت عن {words}.")
    assert event.fatalities == killed


def test_an_assassination_killed_its_victim_and_an_attempt_did_not() -> None:
    assert only("اغتال مسلحون مجهولون وجيهاً عشائرياً في بلدة ذيبان.").fatalities == 1
    assert only("نجا مختار من محاولة اغتيال في بلدة ذيبان برصاص مجهولين.").fatalities is None


def test_killing_and_abducting_in_one_attack_are_two_events() -> None:
    events = extract_events(
        "هاجم عناصر من تنظيم داعش مجموعة من جامعي الكمأ في صحراء قضاء الرطبة، ما أسفر عن مقتل "
        "٢ منهم واختطاف ٥ آخرين.",
        FRIDAY,
    )
    assert [(e.sub_event_type, e.fatalities) for e in events] == [
        ("Attack", 2),
        ("Abduction/forced disappearance", None),
    ]


def test_many_strikes_over_a_week_are_a_total_not_an_incident() -> None:
    text = "وكان العدوان قد شن خلال الأسبوع الماضي أكثر من 30 غارة على محافظات الحديدة وحجة وتعز."
    assert extract_events(text, FRIDAY) == []


def test_the_afternoon_does_not_cut_the_clause_from_its_place() -> None:
    event = only("كما قصفت المدفعية التركية بعد ظهر اليوم أحياء في بلدة تل تمر، من دون إصابات.")
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.location is not None and event.location.name == "Tell Tamer"


def test_a_voweled_passive_verb_makes_its_object_the_target() -> None:
    event = only(
        "استُهدف حاجز لقوات سوريا الديمقراطية عند مدخل بلدة الشحيل برصاص مسلحين مجهولين، ما أدى "
        "إلى مقتل عنصرين."
    )
    assert keys(event) == ("unknown", "sdf")


def test_the_owner_of_the_drone_attacked() -> None:
    event = only(
        "استهدفت طائرة مسيّرة تابعة للحرس الثوري الإيراني مقراً لحزب كردي معارض قرب بلدة كويه."
    )
    assert keys(event)[0] == "irgc"


def test_government_forces_take_ground_back_and_others_overtake_it() -> None:
    assert (
        only("سيطرت قوات سوريا الديمقراطية أمس على حي الثكنة في مدينة الرقة.").sub_event_type
        == "Non-state actor overtakes territory"
    )
    assert (
        only("استعادت قوات الجيش العراقي السيطرة على بلدة العظيم أمس.").sub_event_type
        == "Government regains territory"
    )


def test_a_killing_during_arrests_is_a_clash() -> None:
    event = only(
        "نفذت القوات الأمنية العراقية عملية في قضاء الحويجة أسفرت عن مقتل أربعة مسلحين "
        "واعتقال اثنين."
    )
    assert event.sub_event_type == "Armed clash" and event.fatalities == 4


def test_the_start_of_the_week_tells_only_the_week_and_accusative_civilians_are_civilians() -> None:
    event = only("قتل ١٣ مدنياً وأصيب ٢٥ في غارة على بلدة سرمين مطلع الأسبوع.")
    assert (event.date, event.date_precision) == ("2024-01-22", 2)  # four days before
    assert keys(event) == (None, "civilians") and (event.fatalities, event.injured) == (13, 25)


def test_the_other_sides_dead_told_next_add_up_and_the_organization_is_the_one_named() -> None:
    event = only(
        "قُتل ٤ من مقاتلي الحشد الشعبي فجر اليوم في هجوم شنه عناصر من تنظيم داعش على نقطة "
        "مراقبة قرب قرية الزوية.\n"
        "وأضاف المصدر أن مقاتلي الحشد تمكنوا من صد الهجوم بعد اشتباك، وقتلوا اثنين من المهاجمين."
    )
    assert event.fatalities == 6 and keys(event) == ("isis", "iran_backed")
    rawa = only(
        "قُتل ثلاثة من عناصر الشرطة المحلية بهجوم شنه مسلحون من التنظيم على نقطة تفتيش في "
        "أطراف مدينة راوة، فيما تمكنت القوات الأمنية من قتل أحد المهاجمين، بحسب مصدر عن داعش."
    )
    assert rawa.fatalities == 4 and keys(rawa)[0] == "isis"


def test_the_day_the_news_was_told_is_not_the_incidents() -> None:
    event = only(
        "أعلنت خلية الإعلام الأمني، اليوم الجمعة، مقتل خمسة من عناصر تنظيم داعش في اشتباكات "
        "قرب قرية الحسينية غربي كركوك، يوم الثلاثاء الماضي."
    )
    assert event.date == "2024-01-23"


def test_a_distance_is_no_casualty_figure() -> None:
    event = only(
        "أُصيبت سفينة على بعد 20 ميلاً بحرياً غربي الحديدة بصاروخ أطلقه الحوثيون في البحر "
        "الأحمر، من دون إصابات."
    )
    assert (event.fatalities, event.injured) == (0, 0)


@pytest.mark.parametrize(
    ("words", "killed", "vague", "injured"),
    [
        ("قتلت امرأة وأصيب طفلاها", 1, None, 2),
        ("كان بضعة عناصر من قوات النظام قد قُتلوا", None, "few", None),
    ],
)
def test_a_dual_with_its_owner_and_a_vague_count_before_its_verb(
    words: str, killed: int | None, vague: str | None, injured: int | None
) -> None:
    event = only(f"{words} بقصف مدفعي على قرية السرمانية أمس.")
    assert (event.fatalities, event.fatalities_vague, event.injured) == (killed, vague, injured)


def test_who_claimed_the_attack_in_the_next_sentence_carried_it_out() -> None:
    event = only(
        "انفجرت عبوة ناسفة بدورية للجيش العراقي قرب بلدة العظيم أمس، ما أدى إلى مقتل جنديين.\n"
        "وتبنى تنظيم داعش التفجير في بيان نشره على معرفاته."
    )
    assert keys(event) == ("isis", "iraqi_gov")


def test_security_forces_firing_on_protesters_and_protesters_rioting() -> None:
    shot = only("قتل متظاهران برصاص قوات الأمن قرب جسر الأحرار في بغداد أمس، وأصيب عشرون آخرون.")
    assert shot.sub_event_type == "Excessive force against protesters"
    assert keys(shot) == ("iraqi_gov", None) and (shot.fatalities, shot.injured) == (2, 20)
    assert shot.location is not None and shot.location.text == "جسر الأحرار"
    riot = only("شهد سجن رومية المركزي أمس أعمال شغب نفذها سجناء احتجاجاً على تأخر العفو.")
    assert riot.sub_event_type == "Violent demonstration"
    assert riot.location is not None and riot.location.level == "site"


def test_a_road_between_two_towns_is_a_site_of_its_own() -> None:
    event = only(
        "انفجرت عبوة ناسفة بدورية روسية على طريق حلب - اللاذقية الدولي أمس، ما أدى إلى إصابة "
        "ثلاثة جنود روس وجندي تركي."
    )
    assert event.location is not None
    assert (event.location.text, event.location.level) == ("طريق حلب - اللاذقية الدولي", "site")
    assert event.injured == 4


def test_where_the_attackers_withdrew_to_is_not_a_place_of_the_incident() -> None:
    text = (
        "قُتل ثلاثة من مقاتلي الحشد الشعبي بهجوم شنه عناصر من داعش على نقطة قرب ناحية آمرلي، "
        "وانسحب المهاجمون باتجاه جبال حمرين بعد اشتباك استمر ساعة."
    )
    assert [e.location.text for e in extract_events(text, FRIDAY) if e.location] == ["آمرلي"]


def test_aircraft_believed_to_be_russian_are_russian() -> None:
    event = only("استهدفت طائرات حربية يرجح أنها روسية سوقاً شعبية في حي الشعار بمدينة حلب أمس.")
    assert keys(event) == ("russia", "civilians")


def test_a_quoted_label_and_a_quoted_today_are_no_incident_nor_date() -> None:
    events = extract_events(
        "شنت القوات الأمريكية ليل أمس الخميس غارات على مواقع لفصائل موالية لإيران في مدينة "
        "القائم. وقال الرئيس إن «ردنا بدأ اليوم»، فيما وصفها مسؤول عراقي بأنها «اغتيال سافر».",
        FRIDAY,
    )
    assert [(e.sub_event_type, e.date) for e in events] == [("Air/drone strike", "2024-01-25")]


def test_a_town_named_in_brackets_after_a_village_reading_is_the_place() -> None:
    event = only(
        "استهدفت مسيّرة تركية مساء أمس سيارة عسكرية قرب بلدة تربه سبيه (القحطانية)، ما أسفر عن "
        "مقتل مقاتلين اثنين من قسد."
    )
    assert event.location is not None and event.location.text == "القحطانية"


def test_later_sentences_take_the_first_date_of_the_sentence_before() -> None:
    events = extract_events(
        "شنت القوات الأمريكية ليل أمس الخميس ضربات جوية، في أول رد على الهجوم الذي استهدف "
        "يوم الأحد الماضي قاعدة أمريكية.\nوقال المرصد إن الضربات استهدفت مقار في مدينة "
        "الميادين، وأسفرت عن مقتل ثلاثة عناصر من الميليشيات الموالية لإيران.",
        FRIDAY,
    )
    assert [(e.location.text, e.date) for e in events if e.location] == [("الميادين", "2024-01-25")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "انفجرت عبوة مساء أمس بسيارة تقل ثلاثة رعاة أغنام في صحراء النخيب، ما أدى إلى "
            "مقتلهم جميعاً.",
            ("Remote explosive/landmine/IED", 3, "near"),
        ),
        (
            "هاجم مسلحون مجهولون أمس حاجزاً للأمن العسكري في مدينة الصنمين بالأسلحة الخفيفة "
            "وقذائف آر بي جي، ما أسفر عن مقتل عنصرين.",
            ("Armed clash", 2, None),
        ),
    ],
)
def test_a_count_named_before_them_an_rpg_and_a_desert(
    text: str, expected: tuple[str, int, str | None]
) -> None:
    event = only(text)
    assert event.location is not None
    assert (event.sub_event_type, event.fatalities, event.location.qualifier) == expected


def test_attempts_counted_over_a_month_are_a_total() -> None:
    text = "ووثّق مكتب توثيق محلي 43 عملية ومحاولة اغتيال في محافظة درعا خلال تموز/يوليو وحده."
    assert extract_events(text, FRIDAY) == []


def test_a_dam_named_after_a_town_is_a_site_and_the_dam_named_again_is_it() -> None:
    events = extract_events(
        "تتواصل المعارك قرب سد تشرين بريف حلب الشرقي منذ أسابيع.\n"
        "وقال المرصد إن اشتباكات عنيفة دارت أمس في محيط السد، وأسفرت عن مقتل 12 عنصراً "
        "من الفصائل وخمسة من مقاتلي قسد.",
        FRIDAY,
    )
    assert [(e.location.text, e.location.level, e.fatalities) for e in events if e.location] == [
        ("سد تشرين", "site", 17)
    ]


def test_a_claim_after_a_sentence_without_an_incident_still_names_the_attacker() -> None:
    event = only(
        "تعرضت سفينة شحن مساء أمس لهجوم بصاروخين في البحر الأحمر، ما أدى إلى اشتعال حريق.\n"
        "وأضافت الهيئة أن أحداً من أفراد الطاقم لم يُصب بأذى.\n"
        "وتبنى المتحدث العسكري باسم جماعة الحوثي الهجوم."
    )
    assert keys(event)[0] == "houthi"


def test_the_fiercest_attack_since_is_an_aside_and_the_peshmerga_have_no_key() -> None:
    event = only(
        "هاجم عناصر من تنظيم داعش فجر اليوم مواقع لقوات البيشمركة قرب ناحية آلتون كوبري، في "
        "أعنف هجوم له منذ أشهر."
    )
    assert keys(event) == ("isis", None)


def test_the_force_a_hit_vehicle_belongs_to_is_the_target_and_two_shepherds_are_two() -> None:
    event = only(
        "انفجرت عبوة ناسفة بعجلة عسكرية تابعة للواء 59 في الجيش العراقي قرب الطارمية، ما أسفر "
        "عن مقتل مدني كان يمر في المكان وإصابة ضابط."
    )
    assert keys(event) == (None, "iraqi_gov")
    shepherds = only("قُتل راعيان بانفجار لغم أرضي في قضاء حديثة أمس.")
    assert (shepherds.fatalities, keys(shepherds)) == (2, (None, "civilians"))


def test_a_sniper_of_a_force_shot_and_sons_of_a_town_come_from_it() -> None:
    event = only("قُتل مدني برصاص قناص من قوات النظام في قرية الهبيط أمس، خلال توجهه إلى أرضه.")
    assert (event.sub_event_type, keys(event)) == ("Attack", ("syrian_gov", "civilians"))
    taken = only(
        "خطف مسلحون مجهولون تاجر خضار من أبناء السويداء على الطريق الدولي قرب بلدة المسمية أمس."
    )
    assert taken.location is not None and taken.location.text == "المسمية"


def test_villages_listed_together_share_the_area_named_after_them() -> None:
    """Al-Bara has one reading in the gazetteer, in Yemen: south of Idlib contradicts it."""
    events = extract_events(
        "قصفت طائرات حربية روسية صباح اليوم بلدتي البارة وكنصفرة في جبل الزاوية جنوبي إدلب.",
        FRIDAY,
    )
    places = [
        (e.location.text, e.location.admin1, e.location.country, e.location.lat)
        for e in events
        if e.location
    ]
    assert places == [("البارة", "Idlib", "Syria", None), ("كنصفرة", "Idlib", "Syria", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قُتل سبعة عناصر من قوات النظام وأربعة مقاتلين من هيئة تحرير الشام في اشتباكات في "
            "بلدة اللطامنة أمس، إثر هجوم شنته عناصر من الفرقة 25 على مواقع الهيئة.",
            ("syrian_gov", "hts"),
        ),
        (
            "اندلعت اشتباكات بين قوات سوريا الديمقراطية وعناصر تنظيم داعش في قرية الباغوز أمس، "
            "بعد هجوم معاكس شنه التنظيم على نقاطها.",
            ("isis", "sdf"),
        ),
        (
            "شن مقاتلو تنظيم داعش أمس هجوماً على مواقع وحدات حماية الشعب في مدينة الحسكة، وقُتل "
            "في الاشتباكات خمسة من الطرفين.",
            ("isis", "sdf"),
        ),
    ],
)
def test_the_side_said_to_have_launched_the_assault_is_the_attacker_of_a_clash(
    text: str, expected: tuple[str, str]
) -> None:
    event = only(text)
    assert (event.sub_event_type, keys(event)) == ("Armed clash", expected)


def test_a_force_that_does_not_join_the_fighting_makes_no_event() -> None:
    events = extract_events(
        "حشد الجيش التركي دباباته قبالة مدينة تل أبيض، من دون أن يتدخل في المعارك.", FRIDAY
    )
    assert events == []


@pytest.mark.parametrize(
    "text",
    [
        "قالت القيادة العامة للجيش إن طائرات إسرائيلية قصفت فجر اليوم محيط مطار الضمير العسكري.",
        "قالت قناة المسيرة التابعة للحوثيين إن طيران العدوان قصف منزلاً في مديرية رازح اليوم.",
    ],
)
def test_the_force_a_news_outlet_or_command_belongs_to_is_neither_side(text: str) -> None:
    event = only(text)
    assert event.actor1 is not None and event.actor1.key in ("israel", "coalition")
    assert event.actor2 is None or event.actor2.key == "civilians"


def test_ground_taken_after_fighting_is_one_change_of_territory_with_both_sides() -> None:
    event = only(
        "أعلنت قوات سوريا الديمقراطية أنها سيطرت أمس على بلدة الكشكية بعد معارك مع مسلحي "
        "العشائر، وقال المرصد إن 12 مسلحاً قُتلوا في المعارك، إلى جانب 5 من عناصر قسد."
    )
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert keys(event) == ("sdf", "tribal")
    assert event.fatalities == 17


def test_ground_left_without_a_fight_is_a_non_violent_transfer() -> None:
    event = only(
        "سيطر تنظيم داعش على بلدة الشحيل أمس بعد انسحاب مقاتلي جبهة النصرة منها من دون قتال."
    )
    assert event.sub_event_type == "Non-violent transfer of territory"
    assert keys(event) == ("isis", "hts")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "للتنظيم" is the organisation named again (ل + ال)
        (
            "سيطر تنظيم داعش على حقل التيم. وشن الطيران الحربي التابع للنظام غارات على مقرات "
            "للتنظيم في مدينة الميادين اليوم، أسفرت عن مقتل ستة أشخاص.",
            ("syrian_gov", "isis"),
        ),
        # a name after the word is its victims, not a name of its own
        (
            "هاجم تنظيم داعش حقل التيم. وأعدم التنظيم رجلين في ساحة بلدة الشحيل اليوم.",
            ("isis", "civilians"),
        ),
        # "الفصائل" after "فصائل الجيش الوطني"
        (
            "تواصلت المعارك بين قسد وفصائل الجيش الوطني. ودارت اشتباكات أمس في محيط سد تشرين "
            "بعد هجوم شنته الفصائل على نقاط لقسد.",
            ("syrian_opposition", "sdf"),
        ),
    ],
)
def test_a_group_named_again_by_a_common_noun_keeps_its_role(
    text: str, expected: tuple[str, str]
) -> None:
    events = extract_events(text, FRIDAY)
    assert keys(events[-1]) == expected


def test_the_backer_of_a_group_is_no_side_and_the_second_group_of_dead_is_the_other() -> None:
    event = only(
        "قُتل أربعة عناصر من فصائل الجيش الوطني الموالية لتركيا وعنصران من قوات سوريا "
        "الديمقراطية في اشتباكات قرب قرية عون الدادات أمس."
    )
    assert keys(event) == ("syrian_opposition", "sdf")
    assert event.fatalities == 6


def test_a_military_airport_is_no_soldier_and_a_place_fled_towards_is_not_the_place() -> None:
    event = only(
        "قصفت طائرات إسرائيلية فجر اليوم مطار المزة العسكري، فيما انسحب عناصر باتجاه ريف حماة."
    )
    assert keys(event) == ("israel", None)
    assert event.location is not None and event.location.level == "site"


def test_a_statement_that_its_fighters_struck_names_the_attacker_of_the_incident_before() -> None:
    event = only(
        "سقطت صواريخ ظهر اليوم على تجمع لجنود إسرائيليين قرب مستعمرة المطلة. وأعلنت المقاومة "
        "الإسلامية في بيان أن مجاهديها استهدفوا التجمع بصلية صاروخية."
    )
    assert keys(event) == ("hezbollah", "israel")
    said = only(
        "سقطت صواريخ مساء أمس داخل قاعدة عين الأسد الجوية. وتقول وزارة الدفاع الأمريكية إن "
        "قواتها تعرضت لأكثر من 150 هجوماً منذ تشرين الأول."
    )
    assert said.actor1 is None  # what befell its forces is no claim of a strike


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ساندت مقاتلات التحالف القوات الحكومية اليوم بسلسلة غارات دمرت تعزيزات لمسلحي "
            "الحوثي قرب مدينة حرض.",
            ("coalition", "houthi"),
        ),
        (
            "صدت القوات الحكومية مساء أمس هجوماً واسعاً لميليشيا الحوثي على مواقعها في مديرية صرواح، "
            "وقُتل في المواجهات عشرة من المهاجمين.",
            ("houthi", None),
        ),
        (
            "لقي خمسة من مقاتلي الحشد الشعبي مصرعهم اليوم بتفجير سيارة مفخخة في ناحية العلم.",
            (None, "iran_backed"),
        ),
    ],
)
def test_attackers_and_targets_named_around_the_object_of_the_strike(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert keys(only(text)) == expected


def test_a_command_announcing_it_took_a_town_after_fighting_since_yesterday_took_it() -> None:
    event = only(
        "أعلنت قيادة العمليات المشتركة، اليوم الخميس، تحرير مركز قضاء الحويجة بعد معارك مع "
        "عصابات داعش استمرت منذ فجر أمس."
    )
    assert event.sub_event_type == "Government regains territory"
    assert keys(event) == ("iraqi_gov", "isis")


def test_ground_taken_by_a_force_without_a_key_is_as_the_text_words_it() -> None:
    event = only("أعلنت قوات البيشمركة اليوم استعادة السيطرة على سد الموصل من تنظيم داعش.")
    assert event.sub_event_type == "Government regains territory"
    assert keys(event) == (None, "isis")


def test_a_clash_takes_no_attacker_from_another_incident_of_the_article() -> None:
    events = extract_events(
        "اندلعت اشتباكات بين قسد وتنظيم داعش في بلدة هجين أمس. واندلعت اشتباكات عنيفة صباح "
        "اليوم في بلدة الشحيل، ما أسفر عن مقتل ثلاثة أشخاص.",
        FRIDAY,
    )
    assert [e.location.text for e in events if e.location] == ["هجين", "الشحيل"]
    assert events[1].actor1 is None


def test_sarin_is_a_chemical_weapon_on_the_day_the_recalled_year_says() -> None:
    event = only(
        "يستذكر السوريون اليوم الذكرى الخامسة لمجزرة خان شيخون، حين ألقت طائرة حربية تابعة "
        "لقوات النظام قنابل محملة بغاز السارين على المدينة صباح الرابع من نيسان 2017، ما أدى "
        "إلى مقتل 91 مدنياً.",
        dt.date(2022, 4, 4),
    )
    assert (event.sub_event_type, event.date, event.fatalities) == (
        "Chemical weapon",
        "2017-04-04",
        91,
    )
    assert keys(event) == ("syrian_gov", "civilians")


def test_fire_from_a_camp_is_fired_by_whose_posts_it_came_from_and_falls_elsewhere() -> None:
    event = only(
        "استهدف قصف مدفعي مصدره مواقع قوات النظام في معسكر جورين أمس قرية قسطون في سهل الغاب، "
        "ما أدى إلى إصابة مزارع."
    )
    assert event.location is not None and event.location.text == "قسطون"
    assert keys(event) == ("syrian_gov", "civilians")


def test_the_group_that_mourns_the_dead_of_a_strike_was_its_target() -> None:
    event = only(
        "استهدفت مسيرة إسرائيلية اليوم سيارة قرب بلدة عيترون، ما أدى إلى مقتل شخصين. ونعى حزب "
        "الله في بيان أحدهما."
    )
    assert keys(event) == ("israel", "hezbollah")


def test_a_city_after_a_locative_and_a_command_named_after_a_province_is_no_place() -> None:
    events = extract_events(
        "أعلنت القوات الأمنية اليوم استعادة السيطرة على ناحية جرف الصخر بعد معارك مع تنظيم "
        "داعش. وقال قائد عمليات بابل إن المعارك أسفرت عن مقتل 60 من مسلحي التنظيم. وفي "
        "الإسكندرية، قُتل سبعة مدنيين بانفجار سيارة مفخخة مساء أمس.",
        FRIDAY,
    )
    assert [(e.location.name, e.fatalities) for e in events if e.location] == [
        ("Jurf al-Sakhar", 60),
        ("Iskandariya", 7),
    ]


def test_the_dead_named_as_persons_leave_a_clash_to_the_armed_group_it_names() -> None:
    event = only(
        "قُتل ثلاثة أشخاص أمس في كمين نصبه مسلحون من عشائر العرب لموكب يقل عناصر من حزب الله "
        "في بلدة خلدة."
    )
    assert keys(event) == ("tribal", "hezbollah")


def test_the_emirati_air_force_is_the_coalition() -> None:
    event = only("قُتل 30 جندياً في غارات نفذها الطيران الإماراتي أمس على مواقعهم في مدينة عدن.")
    assert event.actor1 is not None and event.actor1.key == "coalition"


def test_the_dead_of_who_attacked_before_are_the_toll_of_another_incident() -> None:
    event = extract_events(
        "أدى هجوم بطائرة مسيرة شنته جماعات موالية لإيران أمس على قاعدة للتحالف قرب مدينة "
        "الحسكة إلى مقتل مقاول أميركي. وقتل في الضربات الأميركية 14 مسلحاً موالياً لإيران.",
        FRIDAY,
    )[0]
    assert (event.fatalities, keys(event)) == (1, ("iran_backed", "coalition"))


def test_who_the_taking_side_lost_is_no_target_of_the_ground_it_took() -> None:
    event = only(
        "أعلنت قيادة العمليات المشتركة، اليوم الخميس، تحرير مركز قضاء الحويجة بعد معارك مع "
        "عصابات داعش. وقالت القيادة إن القطعات المشتركة قتلت أكثر من ستين إرهابياً خلال "
        "المعارك، فيما استشهد ضابط وجنديان."
    )
    assert (event.sub_event_type, keys(event)) == (
        "Government regains territory",
        ("iraqi_gov", "isis"),
    )


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        (
            "أعلنت القوات المسلحة اليمنية في بيان أنها استهدفت أمس سفينة تجارية في البحر الأحمر "
            "بعدد من الصواريخ.",
            "houthi",
        ),
        (
            "شنت طائرات حربية تابعة لسلاح الجو السوري غارات على مواقع الهيئة في جرود عرسال أمس.",
            "syrian_gov",
        ),
        ("قصفت مدفعية منظمة بدر أمس مواقع لتنظيم داعش قرب بلدة العوجة.", "iran_backed"),
    ],
)
def test_an_attacker_that_says_so_in_a_statement_or_is_named_by_its_arm(
    text: str, attacker: str
) -> None:
    event = only(text)
    assert event.actor1 is not None and event.actor1.key == attacker


def test_a_family_attacked_at_home_is_an_attack_on_civilians_not_a_clash() -> None:
    event = only(
        "قُتل أربعة أشخاص من عائلة واحدة بهجوم شنه مسلحون ينتمون لتنظيم داعش على منزلهم في "
        "ناحية العظيم مساء أمس."
    )
    assert (event.sub_event_type, keys(event)) == ("Attack", ("isis", "civilians"))
    assert event.actor2 is not None and event.actor2.text == "عائلة"


def test_a_common_word_read_as_a_village_of_another_country_is_no_place() -> None:
    events = extract_events(
        "اندلعت اشتباكات عنيفة أمس في مخيم عين الحلوة في لبنان، بعد أن أطلق مسلحون النار على "
        "القوة الأمنية أثناء انتشارها في أحد أحياء المخيم.",
        FRIDAY,
    )
    assert [e.location.country for e in events if e.location] == ["Lebanon"]


def test_the_internal_security_forces_are_the_asayish_in_syria_only() -> None:
    syria = only("انفجرت عبوة ناسفة بسيارة تابعة لقوى الأمن الداخلي في مدينة القامشلي أمس.")
    lebanon = only(
        "أصيب عشرة من عناصر قوى الأمن الداخلي بجروح في أعمال شغب نفذها سجناء في سجن رومية أمس."
    )
    assert keys(syria)[1] == "sdf"
    assert keys(lebanon)[1] is None


@pytest.mark.parametrize(
    "text",
    [
        "ومن المقرر أن تنطلق مساء اليوم مسيرات احتفالية في الموصل والرمادي.",
        "ويعيش في شمال غربي سوريا أربعة ملايين شخص، معظمهم نازحون فروا من القصف والمعارك.",
        "نفذت قطعات من الجيش اليوم مناورات بالذخيرة الحية في صحراء الأنبار بمشاركة سلاح المدفعية.",
        "أصدرت محكمة جنايات الرصافة في بغداد اليوم حكماً بالإعدام بحق مدان بالانتماء إلى داعش.",
    ],
)
def test_marches_refugees_drills_and_sentences_are_no_incidents(text: str) -> None:
    assert extract_events(text, FRIDAY) == []


def test_a_strike_on_the_road_between_two_towns_is_one_event_at_the_first() -> None:
    events = extract_events(
        "قُتل عنصران اليوم إثر استهداف طائرة مسيرة تركية سيارة عسكرية على الطريق الواصل بين "
        "القامشلي وعامودا.",
        FRIDAY,
    )
    assert [(e.location.text, e.fatalities) for e in events if e.location] == [("القامشلي", 2)]


def test_a_city_fire_came_from_beyond_a_side_of_it_is_not_where_it_fell() -> None:
    event = only(
        "شنت طائرات إسرائيلية فجر اليوم غارات على معمل قرب بلدة حيان. وأعلنت وزارة الدفاع أن "
        "العدو شن عدواناً جوياً من اتجاه جنوب شرقي حلب."
    )
    assert event.location is not None and event.location.text == "حيان"


def test_a_gas_field_the_gazetteer_lacks_is_a_site_and_an_illegal_crossing_no_name() -> None:
    field = only("قُتل أربعة عمال بهجوم بطائرة مسيرة استهدف حقل كورمور للغاز في قضاء جمجمال أمس.")
    assert field.location is not None
    assert (field.location.text, field.location.level) == ("حقل كورمور", "site")
    crossing = only("قُتل 22 عنصراً بغارات على معبر غير شرعي قرب مدينة البوكمال أمس.")
    assert crossing.location is not None and crossing.location.name == "Al-Bukamal"


def test_kamikaze_drones_are_an_air_strike_not_a_suicide_bombing() -> None:
    event = only(
        "استهدفت قسد بطائرات مسيرة انتحارية ظهر اليوم تجمعاً لعناصر الفصائل في محيط بلدة دير "
        "حافر، ما أسفر عن مقتل اثنين."
    )
    assert event.sub_event_type == "Air/drone strike"


def test_the_town_the_shooters_are_entrenched_in_is_where_fire_came_from() -> None:
    event = only(
        "استشهد مواطنان جراء سقوط قذائف هاون أطلقها مسلحون متحصنون في مدينة داريا على حي المزة "
        "في دمشق اليوم."
    )
    assert event.location is not None and event.location.text == "المزة"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where the shells fell, after "مصدره … على"
        ("قتل مدني اليوم بقصف مدفعي مصدره قوات النظام على بلدة كفرنبودة.", "كفرنبودة"),
        # a country fire came from does not make a village of another country a stray
        ("قتل مدني اليوم بقصف مدفعي على قرية غصم، وقالت مصادر إن القصف جاء من الأردن.", "غصم"),
        # live ammunition and people who fled are part of an incident, not background
        ("قتل شاب برصاص قوات النظام بالذخيرة الحية في بلدة كفرنبودة اليوم.", "كفرنبودة"),
        (
            "استهدفت غارة روسية اليوم نازحين فروا من المعارك في بلدة كفرنبودة، ما أدى إلى مقتل "
            "خمسة مدنيين.",
            "كفرنبودة",
        ),
    ],
)
def test_an_incident_survives_the_words_near_it(text: str, expected: str) -> None:
    event = only(text)
    assert event.location is not None and event.location.text == expected


def test_a_ceasefire_signed_years_ago_does_not_date_todays_shelling() -> None:
    event = only(
        "قتل جندي من قوات النظام اليوم بقصف للفصائل على بلدة كفرنبودة، في خرق لاتفاق وقف إطلاق "
        "النار الموقع في 5 آذار 2020."
    )
    assert event.date == "2024-01-26"


def test_fighters_loyal_to_a_group_are_its_men_and_the_wounded_are_not_dead() -> None:
    loyal = only(
        "قتل 5 من المسلحين الموالين لتنظيم داعش في اشتباكات مع الجيش العراقي في قضاء الحويجة اليوم."
    )
    assert set(keys(loyal)) == {"iraqi_gov", "isis"}
    wounded = only("قتل خمسة من عناصر قسد أمس، إلى جانب 10 جرحى، في اشتباكات في بلدة هجين.")
    assert (wounded.fatalities, wounded.injured) == (5, 10)


def test_who_they_attacked_after_a_plural_verb_did_not_launch_the_assault() -> None:
    event = only(
        "اندلعت اشتباكات بين تنظيم داعش وقوات النظام في مدينة تدمر أمس، بعد أن تسلل عناصر "
        "التنظيم إلى المدينة ثم هاجموا قوات النظام."
    )
    assert keys(event) == ("isis", "syrian_gov")


def test_each_change_of_territory_is_read_in_its_own_clause_and_on_its_own_day() -> None:
    events = extract_events(
        "سيطرت قوات النظام اليوم على بلدة كفرنبودة بعد معارك عنيفة مع الفصائل، فيما سيطرت على "
        "بلدة الهبيط دون قتال. وكانت اشتباكات عنيفة قد اندلعت أمس الأول في بلدة كفرنبودة بين "
        "قوات النظام والفصائل أسفرت عن مقتل 10 من عناصر الفصائل.",
        FRIDAY,
    )
    assert [(e.sub_event_type, e.location.text, e.date) for e in events if e.location] == [
        ("Government regains territory", "كفرنبودة", "2024-01-26"),
        ("Non-violent transfer of territory", "الهبيط", "2024-01-26"),
    ]


def test_factions_named_again_are_the_faction_the_article_named_first() -> None:
    events = extract_events(
        "شنت الفصائل الموالية لإيران أمس هجوماً على نقاط قسد في بلدة ذيبان. ثم قصفت الفصائل "
        "اليوم مواقع قسد في بلدة الشحيل. ويأتي ذلك بعد أسبوع من معارك قسد مع فصائل الجيش "
        "الوطني.",
        FRIDAY,
    )
    shelling = next(e for e in events if e.location and e.location.text == "الشحيل")
    assert keys(shelling) == ("iran_backed", "sdf")


def test_shells_fired_from_inside_a_city_fell_where_the_text_says() -> None:
    event = only(
        "سقطت قذائف هاون أطلقها مسلحو داعش من داخل مدينة الرمادي على ناحية الخالدية أمس، ما "
        "أدى إلى إصابة ثلاثة مدنيين."
    )
    assert event.location is not None and event.location.text == "الخالدية"


def test_fire_from_posts_around_a_town_further_back_is_not_where_it_fell() -> None:
    event = only(
        "أصيب ثلاثة مدنيين جراء قصف مدفعي مصدره القوات التركية المنتشرة في محيط مدينة "
        "رأس العين، استهدف اليوم قرية تل تمر."
    )
    assert event.location is not None and event.location.text == "تل تمر"
    assert keys(event) == ("turkey", "civilians")


def test_the_barrens_of_a_town_put_each_place_near_it() -> None:
    events = extract_events(
        "استهدفت مدفعية الجيش أمس تجمعات لمسلحي داعش في جرود رأس بعلبك والقاع.", FRIDAY
    )
    assert [(e.location.text, e.location.qualifier) for e in events if e.location] == [
        ("رأس بعلبك", "near"),
        ("القاع", None),
    ]


def test_an_assault_one_side_launched_on_another_is_an_incident_without_a_toll() -> None:
    event = only("شن حزب الله فجر اليوم هجوماً على مواقع هيئة تحرير الشام في جرود عرسال.")
    assert event.sub_event_type == "Armed clash"
    assert keys(event) == ("hezbollah", "hts")
    assert event.location is not None and event.location.qualifier == "near"


def test_fighting_that_goes_on_today_began_on_the_day_the_sentence_names_first() -> None:
    event = only(
        "شنت هيئة تحرير الشام فجر أمس هجوماً واسعاً على مواقع قوات النظام في بلدة كفرنبل، "
        "ولا تزال المعارك مستمرة اليوم."
    )
    assert event.date == "2024-01-25"


def test_workers_shot_by_unknown_gunmen_are_civilians_attacked() -> None:
    event = only("أصيب عاملان في حقل العمر النفطي أمس إثر إطلاق مسلحين مجهولين النار على سيارتهما.")
    assert event.sub_event_type == "Attack"
    assert keys(event) == ("unknown", "civilians")


def test_who_holds_the_area_is_no_side_and_a_man_in_a_force_is_its_target() -> None:
    event = only(
        "في المناطق الخاضعة لسيطرة «قسد»، قُتل عنصر في قوات سوريا الديمقراطية اليوم برصاص "
        "مسلحين مجهولين في بلدة ذيبان."
    )
    assert keys(event) == ("unknown", "sdf")


def test_that_day_in_a_new_paragraph_is_the_day_and_place_told_before() -> None:
    events = extract_events(
        "يستذكر الأهالي اليوم الذكرى الثالثة للهجوم الذي استهدف حاجزاً للجيش قرب مخيم "
        "الركبان، في 12 أيار 2021.\n"
        "ففي ذلك اليوم، انفجرت سيارة مفخخة يقودها انتحاري عند الحاجز، ما أدى إلى مقتل أربعة "
        "جنود.",
        dt.date(2024, 5, 12),
    )
    bomb = next(e for e in events if e.sub_event_type == "Suicide bomb")
    assert bomb.date == "2021-05-12"
    assert bomb.location is not None and bomb.location.text == "مخيم الركبان"
    assert bomb.fatalities == 4


def test_the_same_night_is_not_tonight() -> None:
    events = extract_events(
        "هاجم مسلحو داعش مساء أمس نقطة للحشد الشعبي قرب قرية العبارة في قضاء المقدادية، ما "
        "أسفر عن مقتل ثلاثة منهم.\n"
        "وفي الليلة ذاتها، انفجرت عبوة ناسفة بقوة من الحشد وصلت لتعقب المهاجمين، ما أدى إلى "
        "مقتل اثنين من عناصرها.",
        FRIDAY,
    )
    bomb = next(e for e in events if e.sub_event_type == "Remote explosive/landmine/IED")
    assert bomb.date == "2024-01-25"
    assert bomb.location is not None and bomb.location.text == "العبارة"


def test_the_right_bank_of_a_city_is_in_it_not_where_fire_came_from() -> None:
    event = only(
        "صدت الشرطة الاتحادية هجوماً شنه مسلحو داعش على مواقعها بالجانب الأيمن من الموصل "
        "فجر اليوم، وقتل ستة من المهاجمين."
    )
    assert event.location is not None and event.location.name == "Mosul"


def test_artillery_an_assault_used_does_not_make_it_shelling() -> None:
    event = only(
        "هاجمت قوات من الجيش العراقي مواقع للبيشمركة قرب ناحية الدبس فجر اليوم، مستخدمة "
        "المدفعية والعربات المدرعة، ما أسفر عن مقتل أربعة."
    )
    assert event.sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    ("victims", "killed"),
    [("امرأة وابنتها", 2), ("مدرّس وابنه", 2), ("مدرّس", 1), ("رجل وزوجته", 2)],
)
def test_a_victim_and_a_relative_named_with_them_are_two(victims: str, killed: int) -> None:
    event = only(f"قُتل {victims} اليوم بقذيفة أطلقها مسلحون مجهولون على بلدة طفس.")
    assert event.fatalities == killed


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("قُتل ثلاثة مدنيين اليوم بقصف على درعا البلد.", "Daraa al-Balad"),
        ("قُتل ثلاثة اليوم في اشتباكات في بلدة حوش السيد علي الحدودية.", "Hawsh al-Sayyid Ali"),
    ],
)
def test_places_added_by_hand_are_found_whole(text: str, name: str) -> None:
    event = only(text)
    assert event.location is not None and event.location.name == name


@pytest.mark.parametrize(
    ("text", "published", "force"),
    [
        (
            "قُتل عنصران من قوى الأمن الداخلي اليوم بهجوم مسلحين مجهولين على حاجز في بلدة "
            "تلدو، وفق قيادة الأمن الداخلي التابعة لوزارة الداخلية السورية.",
            dt.date(2025, 6, 21),
            "syrian_gov",
        ),
        (
            "قُتل عنصران من قوى الأمن الداخلي اليوم بهجوم مسلحين مجهولين على حاجز في بلدة "
            "تلدو بريف حمص.",
            dt.date(2025, 6, 21),
            "syrian_gov",
        ),
        (
            "قُتل عنصران من قوى الأمن الداخلي (الأسايش) اليوم بهجوم مسلحين مجهولين على حاجز "
            "في بلدة الشدادي.",
            dt.date(2025, 6, 21),
            "sdf",
        ),
        (
            "قُتل عنصران من قوى الأمن الداخلي اليوم بهجوم مسلحين مجهولين على حاجز في بلدة "
            "تلدو بريف حمص.",
            dt.date(2019, 6, 21),
            "sdf",
        ),
    ],
)
def test_internal_security_forces_are_the_ministrys_or_the_asayish(
    text: str, published: dt.date, force: str
) -> None:
    assert keys(only(text, published)) == ("unknown", force)


def test_the_states_word_for_terrorists_is_the_group_named_near_it_else_by_country() -> None:
    named = only(
        "استشهد مدنيان اليوم جراء اعتداء التنظيمات الإرهابية بالقذائف الصاروخية على حي "
        "الحمدانية في مدينة حلب، وقال المراسل إن إرهابيي جبهة النصرة أطلقوا القذائف."
    )
    assert keys(named) == ("hts", "civilians")
    unnamed = only("استشهد مدنيان اليوم جراء اعتداء التنظيمات الإرهابية بالقذائف على مدينة حلب.")
    assert keys(unnamed) == ("syrian_opposition", "civilians")


@pytest.mark.parametrize(
    ("aircraft", "force"),
    [
        ("مقاتلات سوخوي الروسية", "russia"),
        ("طائرات F-16 العراقية", "iraqi_gov"),
        ("طائرات إف-16 التركية", "turkey"),
        ("قاذفات B-1 الأمريكية", "us"),
    ],
)
def test_an_aircraft_model_between_the_noun_and_the_nationality(aircraft: str, force: str) -> None:
    event = only(f"شنت {aircraft} اليوم غارات على مواقع في بلدة تل تمر.")
    assert event.actor1 is not None and (event.actor1.text, event.actor1.key) == (aircraft, force)


def test_after_midnight_of_a_night_between_two_days_is_the_second_day() -> None:
    text = "ألقت مروحيات النظام براميل متفجرة على قرية كفر سجنة {} من دون إصابات."
    after = only(text.format("بعد منتصف ليل الخميس – الجمعة"))
    assert after.date == "2024-01-26"
    night = only(text.format("ليل الخميس – الجمعة"))
    assert night.date == "2024-01-25"


def test_a_patrol_that_raided_a_house_arrested_the_suspects() -> None:
    event = only(
        "داهمت دورية من الأمن العام فجر اليوم منزلاً في حي الوعر بمدينة حمص، واعتقلت خمسة "
        "أشخاص يُشتبه بانتمائهم إلى خلايا تنظيم داعش.",
        dt.date(2025, 6, 21),
    )
    assert event.sub_event_type == "Arrests"
    assert keys(event) == ("syrian_gov", "isis")
    assert event.location is not None and event.location.text == "الوعر"


def test_a_force_that_only_supported_a_raid_is_not_its_actor() -> None:
    event = only(
        "داهمت قوة من الأسايش، بمساندة من قوات التحالف الدولي، منازل في بلدة الهول اليوم، "
        "واعتقلت خمسة أشخاص."
    )
    assert event.actor1 is not None and event.actor1.key == "sdf"


def test_the_claimant_follows_the_claim_and_a_group_in_its_threat_is_not_it() -> None:
    events = extract_events(
        "سقطت ثلاثة صواريخ ليل أمس على أحياء سكنية في مدينة بعلبك، ما أدى إلى إصابة أربعة "
        "مواطنين. وتبنى «لواء أحرار السنة» إطلاق الصواريخ في بيان، متوعداً بمزيد من الهجمات "
        "«ما لم ينسحب حزب الله من سوريا».",
        FRIDAY,
    )
    assert [e.actor1 for e in events] == [None]


def test_what_arrested_men_are_suspected_of_is_no_incident() -> None:
    events = extract_events(
        "داهمت وحدة من الجيش فجر اليوم مخيماً على أطراف بلدة عرسال، وأوقفت ستة أشخاص "
        "للاشتباه بتورطهم في إطلاق الصواريخ.",
        FRIDAY,
    )
    assert not [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]


def test_the_hospital_the_wounded_were_taken_to_is_not_a_place_of_the_incident() -> None:
    event = only(
        "قُتل أربعة مهربين اليوم في اشتباك مع حرس الحدود قرب بلدة الطرة. وأسفر الاشتباك "
        "أيضاً عن إصابة جنديين نُقلا إلى مستشفى الرمثا الحكومي."
    )
    assert event.location is not None and event.location.text == "الطرة"
    assert (event.fatalities, event.injured) == (4, 2)


def test_a_toll_told_by_a_command_in_the_governorate_belongs_to_the_incident() -> None:
    event = only(
        "اندلعت اشتباكات أمس بين قوة من الأمن العام ومسلحين محليين في بلدة الحراك. وأفادت "
        "قيادة الأمن الداخلي في محافظة درعا بمقتل عنصر من قواتها وإصابة اثنين.",
        dt.date(2026, 3, 11),
    )
    assert (event.fatalities, event.injured) == (1, 2)


def test_a_road_between_two_towns_named_as_towns_is_one_incident_near_the_first() -> None:
    event = only(
        "قُتل عنصر اليوم بهجوم مسلح استهدف حاجزاً على الطريق الواصل بين بلدتي العريشة "
        "والشدادي جنوبي الحسكة."
    )
    assert event.location is not None
    assert (event.location.text, event.location.qualifier) == ("العريشة", "near")


@pytest.mark.parametrize(
    "fire",
    ["لقصف مدفعي إسرائيلي", "لقذائف أطلقتها زوارق حربية إسرائيلية"],
)
def test_shelling_and_gunboats_named_with_a_nationality(fire: str) -> None:
    events = extract_events(
        "شنت طائرات حربية إسرائيلية اليوم غارة على بلدة الخيام. "
        f"وتعرضت أطراف بلدة الناقورة {fire} اليوم، من دون إصابات.",
        FRIDAY,
    )
    second = next(e for e in events if e.location and e.location.text == "الناقورة")
    assert second.sub_event_type == "Shelling/artillery/missile attack"
    assert second.actor1 is not None and second.actor1.key == "israel"


def test_a_group_among_the_dead_is_the_target() -> None:
    event = only(
        "قصفت الطائرات الأمريكية اليوم مواقع في منطقة عكاشات، ما أسفر عن مقتل 16 شخصاً، بينهم "
        "عناصر من الحشد الشعبي ومدنيون."
    )
    assert keys(event) == ("us", "iran_backed")


def test_one_named_with_whose_he_is_counts_one() -> None:
    event = only(
        "شن طيران العدوان اليوم غارة على سيارة قرب حيس، ما أدى إلى استشهاد سائقها وإصابة مرافقه."
    )
    assert (event.fatalities, event.injured) == (1, 1)


def test_katyusha_rockets_are_shelling() -> None:
    event = only("سقط صاروخا كاتيوشا اليوم داخل المنطقة الخضراء، من دون أن يسفر ذلك عن إصابات.")
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.location is not None and event.location.name == "Green Zone (Baghdad)"


def test_storming_after_preparatory_shelling_is_a_clash() -> None:
    event = only(
        "اقتحمت قوات سوريا الديمقراطية اليوم الأحياء الشرقية من بلدة هجين، بعد قصف تمهيدي "
        "عنيف، وقتل في الاشتباكات 14 عنصراً من تنظيم داعش."
    )
    assert event.sub_event_type == "Armed clash"
    assert event.location is not None and event.location.text == "هجين"


def test_an_accused_group_is_not_filled_in_as_the_attacker() -> None:
    events = extract_events(
        "شنت طائرات حربية روسية اليوم غارات على محيط مدينة معرة مصرين. وجاء ذلك بعد هجوم "
        "بطائرات مسيّرة استهدف الكلية الحربية بمدينة حمص أمس، واتهم النظام فصائل المعارضة "
        "بتنفيذه.",
        FRIDAY,
    )
    homs = next(e for e in events if e.location and e.location.name == "Homs")
    assert homs.actor1 is None


def test_fire_a_soldier_shot_makes_him_the_attacker() -> None:
    event = only("أصيب راعي ماشية اليوم برصاص أطلقه جنود إسرائيليون من موقع على أطراف بلدة شبعا.")
    assert event.sub_event_type == "Attack"
    assert keys(event) == ("israel", "civilians")


def test_who_backs_or_what_a_group_is_takes_no_side_and_the_quarter_is_the_place() -> None:
    event = only(
        "سيطرت قوات سوريا الديمقراطية، وهي تحالف فصائل تدعمه واشنطن، اليوم على حي الثكنة في "
        "مدينة الرقة بعد معارك عنيفة مع تنظيم داعش."
    )
    assert keys(event) == ("sdf", "isis")
    assert event.location is not None and event.location.text == "الثكنة"


def test_a_party_whose_offices_were_hit_is_the_target_without_a_key() -> None:
    event = only(
        "قُتل تسعة أشخاص اليوم جراء قصف بالصواريخ شنه الحرس الثوري الإيراني على مقرات الحزب "
        "الديمقراطي الكردستاني الإيراني قرب بلدة كويسنجق."
    )
    assert keys(event) == ("irgc", None)  # not the people killed there: the party, unkeyed


def test_civilians_counted_at_one_of_several_places_are_that_places_target() -> None:
    events = extract_events(
        "قصفت القوات التركية اليوم قريتي مرعناز والمالكية، ما أدى إلى إصابة ثلاثة مدنيين في قرية "
        "المالكية.",
        FRIDAY,
    )
    targets = {e.location.text: keys(e)[1] for e in events if e.location}
    assert targets == {"مرعناز": None, "المالكية": "civilians"}


def test_a_toll_told_after_names_whom_the_incident_hit() -> None:
    event = only(
        "نفذ العدو الإسرائيلي ليل أمس عدواناً جوياً على محيط مدينة دمشق. وأوضح البيان أن "
        "العدوان أدى إلى استشهاد عسكريين اثنين وإصابة ستة آخرين بجروح."
    )
    assert keys(event) == ("israel", "syrian_gov")
    assert (event.fatalities, event.injured) == (2, 6)


def test_launch_pads_a_shelling_hit_do_not_make_it_an_air_strike() -> None:
    event = only(
        "ردت وحدات من الجيش اليوم بقصف مدفعي على مواقع المسلحين ومنصات إطلاق المسيّرات في "
        "محيط بلدة كفر روما."
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    ("victims", "killed"),
    [
        ("ثلاثة عناصر من قوى الأمن الداخلي ومدنيان، وأصيب ثمانية آخرون", 5),
        ("ضابط برتبة عقيد وجنديان", 3),
    ],
)
def test_another_group_of_dead_joined_after_the_first_is_added(victims: str, killed: int) -> None:
    event = only(f"قُتل {victims} اليوم بانفجار سيارة مفخخة في مدينة الميادين.")
    assert event.fatalities == killed


def test_inmates_and_migrants_hit_are_civilians_and_an_embassy_is_its_state() -> None:
    prison = only("قُتل 80 من نزلاء السجن اليوم بغارات شنها طيران العدوان على السجن في مدينة صعدة.")
    assert keys(prison)[1] == "civilians"
    embassy = only("سقط صاروخا كاتيوشا اليوم قرب السفارة الأمريكية في المنطقة الخضراء.")
    assert keys(embassy)[1] == "us"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("انفجرت عبوة ناسفة اليوم بسيارة عسكرية على بعد 8 كم من مدينة الميادين.", "الميادين"),
        ("اختطف مسلحون مجهولون اليوم رجلاً من بلدة طفس في ريف درعا.", "طفس"),
        ("قُتل طفل اليوم بقذيفة مصدرها قوات النظام أصابت منزلاً في بلدة كفرنبل.", "كفرنبل"),
    ],
)
def test_a_place_after_min_or_a_source_is_still_the_incidents(text: str, place: str) -> None:
    event = only(text)
    assert event.location is not None and event.location.text == place


def test_two_towns_a_few_kilometres_apart_are_two_incidents() -> None:
    events = extract_events(
        "قصفت قوات النظام اليوم مدينة داريا، ما أدى إلى مقتل مدنيين. كما سقطت قذائف هاون على "
        "حي المزة في دمشق، ما أدى إلى إصابة طفل.",
        FRIDAY,
    )
    assert sorted(e.location.text for e in events if e.location) == ["المزة", "داريا"]


@pytest.mark.parametrize(
    "text",
    [
        "قُتل ثلاثة مدنيين اليوم جراء قصف تمهيدي شنته قوات النظام على بلدة كفرنبل.",
        "قُتل قيادي مسؤول عن التخطيط للعمليات اليوم بغارة إسرائيلية على بلدة النبطية.",
    ],
)
def test_a_clause_with_its_own_toll_is_an_incident(text: str) -> None:
    assert only(text).fatalities is not None


def test_a_country_other_than_syria_keeps_its_internal_security_forces() -> None:
    event = only(
        "قُتل عنصر من قوى الأمن الداخلي اليوم برصاص مسلحين في مدينة طرابلس شمالي لبنان.",
        dt.date(2025, 3, 3),
    )
    assert keys(event)[1] is None


def test_turkeys_terrorists_are_the_sdf_and_syrias_unknown_since_2025() -> None:
    turkish = only("قصفت المدفعية التركية اليوم مواقع الإرهابيين في محيط بلدة تل رفعت.")
    assert keys(turkish) == ("turkey", "sdf")
    since = only(
        "قُتل عنصران من الأمن العام اليوم في هجوم شنه إرهابيون على حاجز في مدينة جبلة.",
        dt.date(2025, 3, 3),
    )
    assert keys(since)[0] is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "قصفت قوات النظام اليوم بلدة كفرنبل باستخدام الطائرات المسيرة، ما أدى إلى مقتل مدني.",
            "Air/drone strike",
        ),
        (
            "قصفت قوات النظام بمضادات الطيران اليوم أحياء بلدة كفرنبل، ما أدى إلى مقتل مدنيين.",
            "Shelling/artillery/missile attack",
        ),
        (
            "قُتل شخصان اليوم في انفجار يشتبه أنه لغم أرضي في بلدة الصنمين.",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_the_weapon_that_decides_the_kind_is_kept(text: str, kind: str) -> None:
    assert only(text).sub_event_type == kind


def test_a_verbal_attack_is_no_clash() -> None:
    assert extract_events("شن الجيش الإسرائيلي اليوم هجوماً إعلامياً على حزب الله.", FRIDAY) == []


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("أسفر القصف على بلدة كفرنبل اليوم عن 5 وفيات.", 5, None),
        ("سقطت قذيفة على بلدة كفرنبل اليوم، ما أدى إلى إصابة مدرسة بأضرار.", None, None),
    ],
)
def test_counts_the_letter_waw_or_a_school_do_not_fool(
    text: str, killed: int | None, injured: int | None
) -> None:
    event = only(text)
    assert (event.fatalities, event.injured) == (killed, injured)


def test_soldiers_beside_contractors_hit_are_no_attackers() -> None:
    event = only(
        "أصيب متعاقدون عراقيون إلى جانب جنود أمريكيين اليوم في هجوم صاروخي على قاعدة عين الأسد."
    )
    assert keys(event)[0] is None


def test_a_group_only_accused_after_the_incident_is_not_its_attacker() -> None:
    event = only(
        "قُتل ثمانية مدنيين أمس بانفجار سيارة مفخخة وسط مدينة عفرين. واتهم المجلس المحلي "
        "وحدات حماية الشعب بالوقوف وراء التفجير، فيما نفت الأخيرة ذلك."
    )
    assert keys(event) == (None, "civilians")


def test_a_force_named_as_anothers_is_its_owner_and_one_side() -> None:
    event = only(
        "اعتقلت الشرطة العسكرية التابعة للجيش الوطني اليوم مدنياً في بلدة جنديرس بريف عفرين."
    )
    assert keys(event) == ("syrian_opposition", "civilians")


@pytest.mark.parametrize("victim", ["طفلة", "شابة", "امرأة مسنة"])
def test_a_girl_or_a_woman_named_alone_is_one(victim: str) -> None:
    event = only(f"سقطت قذيفة على مدينة مارع اليوم، ما أدى إلى إصابة {victim}.")
    assert event.injured == 1


def test_sorties_on_a_gathering_are_air_strikes() -> None:
    event = only(
        "نفذ سلاح الجو في الجيش السوري أمس طلعات على تجمعات تنظيم داعش في مدينة تدمر، ما أسفر "
        "عن مقتل أكثر من 40 عنصراً."
    )
    assert event.sub_event_type == "Air/drone strike"
    assert keys(event) == ("syrian_gov", "isis")


def test_gunmen_in_military_uniform_are_no_soldiers() -> None:
    event = only("خطف مسلحون مجهولون يرتدون زياً عسكرياً صحفياً من منزله في حي الجهاد ببغداد اليوم.")
    assert keys(event) == ("unknown", "civilians")


def test_a_source_going_on_in_a_new_paragraph_speaks_of_the_same_place() -> None:
    events = extract_events(
        "قُتل أربعة أشخاص من عائلة واحدة بهجوم شنه مسلحو داعش على منزلهم في ناحية العظيم "
        "مساء أمس.\nوأضاف المصدر أن المسلحين اختطفوا شاباً من العائلة قبل أن ينسحبوا.",
        FRIDAY,
    )
    kinds = {e.sub_event_type: e.location.text for e in events if e.location}
    assert kinds == {"Attack": "العظيم", "Abduction/forced disappearance": "العظيم"}


def test_turkeys_terrorists_in_iraq_are_no_sdf_and_iraqs_are_still_isis_in_2025() -> None:
    turkish = only("قصفت المدفعية التركية اليوم مواقع الإرهابيين في منطقة الزاب شمالي العراق.")
    assert keys(turkish) == ("turkey", None)
    iraqi = only(
        "قُتل ثلاثة جنود عراقيين اليوم بهجوم شنه إرهابيون على نقطة عسكرية في قضاء الطارمية.",
        dt.date(2025, 3, 3),
    )
    assert keys(iraqi)[0] == "isis"


def test_an_accusation_after_the_attacker_is_told_leaves_the_attacker() -> None:
    event = only(
        "قصف الجيش التركي اليوم قرية تل طويل بريف الحسكة، ما أدى إلى مقتل ثلاثة مدنيين، فيما "
        "يتهم الأهالي أنقرة باستهداف المدنيين عمداً. وأسفر القصف عن إصابة خمسة آخرين."
    )
    assert keys(event) == ("turkey", "civilians")
    assert (event.fatalities, event.injured) == (3, 5)


def test_a_source_going_on_about_another_year_or_a_month_is_not_the_places_incident() -> None:
    events = extract_events(
        "قُتل مدنيان أمس بقصف مدفعي لقوات النظام على بلدة كفرنبل.\nوأضاف المصدر أن مسلحين "
        "مجهولين اغتالوا في عام 2019 مختار البلدة.\nوأضاف المرصد أن قوات النظام قصفت خلال "
        "الشهر الماضي عشرات القرى وقتلت 40 مدنياً.",
        FRIDAY,
    )
    assert [(e.sub_event_type, e.fatalities) for e in events] == [
        ("Shelling/artillery/missile attack", 2)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "نفذت طائرات التحالف الدولي اليوم طلعات استطلاعية مكثفة في أجواء مدينة الميادين.",
        "ألقت الشرطة القبض اليوم في مدينة كركوك على شخص يشتبه بزرعه عبوة ناسفة.",
    ],
)
def test_reconnaissance_flights_and_a_suspects_bomb_are_no_strike_or_bombing(text: str) -> None:
    kinds = {e.sub_event_type for e in extract_events(text, FRIDAY)}
    assert not kinds & {"Air/drone strike", "Remote explosive/landmine/IED"}


def test_a_named_group_keeps_its_key_beside_its_owner() -> None:
    event = only(
        "قُتل ثلاثة عناصر من هيئة تحرير الشام التابعة لتنظيم القاعدة اليوم بقصف لقوات النظام "
        "على بلدة كفرنبل."
    )
    assert keys(event) == ("syrian_gov", "hts")


def test_an_officers_rank_and_his_unit_before_the_next_figure() -> None:
    event = only("قُتل ضابط برتبة عقيد في الجيش السوري و3 جنود اليوم بقصف على بلدة كفرنبل.")
    assert event.fatalities == 4


def test_civilians_whose_houses_were_hit_everywhere_are_every_places_target() -> None:
    events = extract_events(
        "قصفت قوات النظام اليوم منازل المدنيين في بلدتي كفرنبل وحاس، ما أدى إلى إصابة 4 "
        "مدنيين في حاس.",
        FRIDAY,
    )
    assert {keys(e)[1] for e in events} == {"civilians"} and len(events) == 2


# rules-11


def test_the_states_word_for_terrorists_quoted_as_a_name_is_the_attacker() -> None:
    event = only(
        "قالت سانا إن امرأة قُتلت وأصيب ستة أشخاص بجروح جراء قذائف هاون أطلقتها «المجموعات "
        "الإرهابية المنتشرة في الغوطة الشرقية» على حي باب توما في دمشق.",
        dt.date(2018, 2, 8),
    )
    assert keys(event) == ("syrian_opposition", "civilians")
    assert (event.fatalities, event.injured) == (1, 6)


def test_a_quoted_speakers_word_for_terrorists_is_still_no_side() -> None:
    events = extract_events(
        "قصفت قوات النظام اليوم بلدة كفرنبل، وقال مسؤول إن العمليات مستمرة «حتى تفكيك مقرات "
        "الجماعات الإرهابية».",
        FRIDAY,
    )
    assert [keys(e)[0] for e in events] == ["syrian_gov"]
    assert all(e.actor2 is None or e.actor2.key != "syrian_opposition" for e in events)


def test_factions_named_as_turkeys_are_the_opposition_and_outskirts_are_near() -> None:
    event = only(
        "قُتل مدنيان وأصيب ثالث بجروح جراء قصف مدفعي نفذته الفصائل التابعة لتركيا، صباح اليوم، "
        "على الأطراف الشمالية لبلدة عين عيسى شمالي الرقة."
    )
    assert keys(event) == ("syrian_opposition", "civilians")
    assert event.location is not None and event.location.qualifier == "near"
    assert (event.fatalities, event.injured) == (2, 1)


def test_a_road_between_two_cities_after_the_town_is_no_second_place() -> None:
    event = only(
        "هاجم مقاتلون من الكتائب الثائرة فجر اليوم حاجزاً لقوات النظام عند المدخل الشمالي لبلدة "
        "حيش على الطريق الدولي بين حلب ودمشق. وأسفرت الاشتباكات عن مقتل سبعة من عناصر الحاجز، "
        "فيما قُتل ثلاثة من المقاتلين وأصيب خمسة آخرون بجروح."
    )
    assert event.location is not None and event.location.name == "Hish"
    assert keys(event) == ("syrian_opposition", "syrian_gov")
    assert (event.fatalities, event.injured) == (10, 5)


def test_supporting_aircraft_leave_a_counter_attack_a_clash_and_both_sides_dead_add() -> None:
    event = only(
        "شنت فصائل من الحشد الشعبي، بإسناد من طيران الجيش العراقي، هجوماً معاكساً صباح اليوم على "
        "مواقع تنظيم داعش في مدينة بيجي، أسفر عن مقتل تسعة مسلحين، فيما قُتل ثلاثة من مقاتلي الحشد."
    )
    assert event.sub_event_type == "Armed clash"
    assert event.fatalities == 12
    assert keys(event)[0] == "iran_backed"


@pytest.mark.parametrize(
    ("text", "killed", "attacker"),
    [
        (
            "قتل مسلحون مجهولون ثلاثة مدنيين، هم صيدلاني وشقيقاه، بعدما أطلقوا النار عليهم أمام "
            "صيدليتهم في مدينة سراقب مساء أمس.",
            3,
            "unknown",
        ),
        (
            "قتل مسلحون من تنظيم داعش، مساء أمس الخميس، 11 شخصاً من أبناء قرية الرشاد في قضاء "
            "المقدادية، في هجوم استهدف القرية من محورين.",
            11,
            "isis",
        ),
    ],
)
def test_an_active_killing_names_the_killers_and_their_victims(
    text: str, killed: int, attacker: str
) -> None:
    event = only(text)
    assert event.sub_event_type == "Attack"
    assert keys(event) == (attacker, "civilians")
    assert event.fatalities == killed


def test_gunmen_killed_in_a_clash_are_still_its_dead() -> None:
    event = only("قتل مسلحون في اشتباكات مع الجيش السوري في بلدة حيش أمس.")
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 is None or event.actor1.text != "مسلحون"  # the dead, not the killers


def test_the_group_of_a_member_whose_house_was_hit_is_the_target() -> None:
    event = only(
        "شن الطيران الحربي الإسرائيلي ظهر اليوم غارة على منزل يعود لقيادي في «حزب الله» في مدينة "
        "صور، ما أدى إلى استشهاد ثلاثة أشخاص."
    )
    assert keys(event) == ("israel", "hezbollah")


def test_an_unclaimed_strike_keeps_an_unknown_attacker_beside_a_named_one() -> None:
    events = extract_events(
        "استهدفت طائرة مسيّرة مفخخة ليل أمس حظيرة لقوات التحالف الدولي داخل مطار أربيل الدولي. "
        "ولم تتبنَّ أي جهة الهجوم.\nوفي قضاء سنجار، قُتل ثلاثة من مقاتلي «وحدات مقاومة سنجار» "
        "بضربة نفذتها طائرة مسيّرة تركية قرب ناحية سنوني عصر أمس.",
        FRIDAY,
    )
    assert [keys(e)[0] for e in events] == [None, "turkey"]
    assert keys(events[0])[1] == "coalition"


def test_a_fight_that_goes_on_is_one_incident_dated_when_it_began() -> None:
    event = only(
        "تواصلت الاشتباكات المتقطعة اليوم الجمعة في أحياء مدينة كركوك، بعد يوم من هجوم واسع شنه "
        "مسلحون من تنظيم داعش فجر أمس الخميس على مقار للشرطة في المدينة. وقال مصدر أمني إن 46 "
        "من المسلحين قُتلوا خلال يومين من المواجهات، فيما قُتل 19 من عناصر الشرطة."
    )
    assert keys(event) == ("isis", "iraqi_gov")
    assert event.date == "2024-01-25"
    assert event.fatalities == 65


def test_a_faction_after_fighters_abducts_and_an_unknown_destination_is_no_one() -> None:
    event = only(
        "اختطف مسلحون من فصيل «فرقة الحمزة» صباح اليوم أربعة مدنيين من أهالي بلدة جنديرس بريف "
        "عفرين، واقتادوهم إلى جهة مجهولة بعد مداهمة منازلهم."
    )
    assert event.sub_event_type == "Abduction/forced disappearance"
    assert keys(event) == ("syrian_opposition", "civilians")
    assert event.location is not None and event.location.name == "Jindires"


def test_towns_that_name_a_road_give_way_to_the_town_near_it() -> None:
    event = only(
        "تعرض رتل للقوات التركية لهجوم بسيارة مفخخة يقودها انتحاري على الطريق الدولي حلب – "
        "اللاذقية (M4) قرب مدينة أريحا جنوبي إدلب صباح أمس. وتبنت جماعة مجهولة الهجوم، في حين "
        "نفت «هيئة تحرير الشام» أي علاقة لها به."
    )
    assert event.location is not None and event.location.name == "Ariha"
    assert event.actor1 is None or event.actor1.key != "hts"  # it denied, it did not claim


def test_a_snipers_owner_is_the_attacker_and_a_soldier_adds_to_the_attackers_dead() -> None:
    sniper = only(
        "قُتل طفل برصاص قناص تابع لميليشيا الحوثي عصر أمس أمام منزل أسرته في مدينة تعز.",
        dt.date(2023, 2, 16),
    )
    assert sniper.sub_event_type == "Attack"
    assert keys(sniper) == ("houthi", "civilians")
    clash = only(
        "صدت قوات الجيش الوطني فجر اليوم هجوماً شنه مسلحو الحوثي على مواقعها في مديرية حيفان، "
        "وقُتل في المواجهات خمسة من المهاجمين، فيما قُتل جندي وأصيب اثنان آخران.",
        dt.date(2023, 2, 16),
    )
    assert (clash.fatalities, clash.injured) == (6, 2)


def test_killings_counted_over_a_month_are_no_incident() -> None:
    assert not extract_events(
        "ووثق مكتب توثيق الشهداء في درعا مقتل 47 شخصاً في عمليات اغتيال وهجمات متفرقة في "
        "المحافظة خلال آب/أغسطس الماضي.",
        dt.date(2022, 9, 20),
    )


def test_security_services_that_detain_make_an_arrest_and_stopped_traffic_none() -> None:
    event = only(
        "وأوقفت الأجهزة الأمنية، مساء أمس، ثلاثة أشخاص من معارف المسلح في مدينة الرصيفة للتحقيق "
        "في صلتهم بالحادثة.",
        dt.date(2024, 11, 25),
    )
    assert event.sub_event_type == "Arrests"
    assert not extract_events(
        "أوقفت الشرطة حركة السير على الطريق الدولي في مدينة الزرقاء أمس.", dt.date(2024, 11, 25)
    )


def test_one_gunman_firing_on_a_patrol_is_a_clash() -> None:
    event = only(
        "أعلنت مديرية الأمن العام أن مسلحاً أطلق النار، فجر أمس الأحد، على دورية تابعة لها في "
        "مدينة الرصيفة، ما أدى إلى إصابة ثلاثة من أفرادها بجروح.",
        dt.date(2024, 11, 25),
    )
    assert event.sub_event_type == "Armed clash"
    assert event.injured == 3


def test_the_force_a_storming_unit_belongs_to_is_the_attacker() -> None:
    event = only(
        "اقتحمت قطعات من الفرقة المدرعة التاسعة في الجيش العراقي فجر اليوم حي الكفاح في مدينة "
        "تلعفر، بعد اشتباكات عنيفة مع مسلحي تنظيم داعش أسفرت عن مقتل 21 من مسلحي التنظيم."
    )
    assert event.sub_event_type == "Armed clash"
    assert keys(event) == ("iraqi_gov", "isis")


@pytest.mark.parametrize(
    ("text", "kind", "sides", "killed"),
    [
        # the weapon's kind stays, the killers are not also the ones hit
        (
            "قتل الجيش الإسرائيلي ثلاثة مدنيين في غارة جوية على بلدة الخيام أمس.",
            "Air/drone strike",
            ("israel", "civilians"),
            3,
        ),
        (
            "قتل الجيش الإسرائيلي ثلاثة أشخاص في بلدة الخيام أمس.",
            "Attack",
            ("israel", "civilians"),
            3,
        ),
        # the victims' group a few words after the count: a clash
        (
            "وقتل عناصر من قسد خمسة مسلحين من داعش في بلدة الشحيل أمس.",
            "Armed clash",
            ("sdf", "isis"),
            5,
        ),
        (
            "قتل مسلحون من العشائر، الاثنين، ثلاثة عناصر من قسد في بلدة الشحيل.",
            "Armed clash",
            ("tribal", "sdf"),
            3,
        ),
        # "منهم" after the count: the passive, the gunmen were killed
        (
            "قتل مسلحون من داعش 2 منهم في اشتباك مع قسد في بلدة الشحيل أمس.",
            "Armed clash",
            ("sdf", "isis"),
            2,
        ),
    ],
)
def test_active_and_passive_killings_are_told_apart(
    text: str, kind: str, sides: tuple[str | None, str | None], killed: int
) -> None:
    event = only(text)
    assert (event.sub_event_type, keys(event), event.fatalities) == (kind, sides, killed)


def test_one_side_told_twice_by_its_nouns_is_not_added_to_itself() -> None:
    event = only("أسفر الهجوم عن مقتل ثلاثة عسكريين في بلدة حيش أمس، إذ قتل جنديان وضابط.")
    assert event.fatalities == 3


def test_two_clashes_of_other_sides_a_day_apart_stay_two() -> None:
    events = extract_events(
        "دارت اشتباكات أمس بين قسد وداعش في بلدة هجين، فيما اندلعت اليوم اشتباكات بين الجيش "
        "السوري وفصائل المعارضة في بلدة هجين.",
        FRIDAY,
    )
    assert sorted(keys(e) for e in events) == [
        ("sdf", "isis"),
        ("syrian_gov", "syrian_opposition"),
    ]


def test_gunmen_an_attack_is_ascribed_to_are_its_attackers() -> None:
    event = only("قتل عنصران من الجيش في هجوم نسب إلى مسلحين مجهولين على حاجز في بلدة الصنمين أمس.")
    assert keys(event)[0] == "unknown"


def test_an_assault_with_supporting_aircraft_is_a_clash_without_a_toll() -> None:
    event = only(
        "شنت فصائل المعارضة، بإسناد من الطيران التركي، هجوما على مواقع قسد في قرية تل تمر أمس."
    )
    assert event.sub_event_type == "Armed clash"
    assert keys(event) == ("syrian_opposition", "sdf")


def test_a_claim_told_later_still_names_the_claimant() -> None:
    event = only(
        "انفجرت عبوة ناسفة بدورية للجيش في بلدة حيش أمس، ما أدى إلى مقتل ثلاثة عناصر. وتبنى فيما "
        "بعد تنظيم داعش التفجير."
    )
    assert keys(event)[0] == "isis"


def test_a_road_named_by_two_word_towns_gives_way_to_the_town_near_it() -> None:
    event = only("انفجرت عبوة ناسفة على الطريق الدولي دير الزور – الحسكة قرب بلدة الشدادي أمس.")
    assert event.location is not None and event.location.name == "Al-Shaddadi"


def test_a_district_joined_to_a_town_outside_it_is_a_place_of_its_own() -> None:
    events = extract_events(
        "نفذت مروحيات طيران الجيش العراقي أمس ضربات على تجمعات لمسلحي داعش في قضاء عنه ومدينة "
        "راوة، ما أسفر عن مقتل 11 مسلحاً.",
        FRIDAY,
    )
    assert [(e.location.name, e.location.level, e.fatalities) for e in events if e.location] == [
        ("Ana", "district", 6),
        ("Rawa", "town", 5),
    ]


def test_a_district_and_its_own_seat_are_one_place() -> None:
    event = only(
        "قصفت طائرات التحالف أمس مواقع في قضاء القائم ومدينة القائم، ما أسفر عن مقتل خمسة."
    )
    assert event.location is not None and event.location.name == "Al-Qaim"


def test_a_nominative_dual_place_word_names_both_towns() -> None:
    events = extract_events(
        "وتعرضت بلدتا الخيام وكفركلا في قضاء مرجعيون لقصف مدفعي إسرائيلي اليوم، ما أدى إلى إصابة "
        "ثلاثة مسعفين.",
        FRIDAY,
    )
    assert [e.location.name for e in events if e.location] == ["Khiam", "Kfar Kila"]


def test_an_assassinated_fighter_makes_a_clash_and_a_former_one_an_attack() -> None:
    fighter = only(
        "اغتال مسلحون مجهولون، مساء أمس، عنصراً في فرع الأمن العسكري التابع للنظام السوري، "
        "بإطلاق النار عليه أمام منزله في مدينة طفس بريف درعا الغربي."
    )
    assert fighter.sub_event_type == "Armed clash"
    assert keys(fighter) == ("unknown", "syrian_gov")
    former = only(
        "اغتال مسلحون مجهولون، مساء أمس، قيادياً سابقاً في فصائل المعارضة، بإطلاق النار عليه أمام "
        "منزله في مدينة طفس بريف درعا الغربي."
    )
    assert former.sub_event_type == "Attack"
    assert keys(former) == ("unknown", None)


def test_who_the_dead_were_after_hum_adds_no_one() -> None:
    event = only(
        "قُتل خمسة مدنيين من عائلة واحدة، هم أب وأم وثلاثة من أطفالهما، في غارة نفذتها طائرة حربية "
        "روسية فجر اليوم على بلدة عربين."
    )
    assert event.fatalities == 5


@pytest.mark.parametrize(
    "text",
    [
        "أوقفت الأجهزة الأمنية حركة السير على الطريق الدولي في مدينة طرابلس أمس.",
        "أوقفت القوى الأمنية عمليات البحث عن المفقودين في مدينة الموصل أمس.",
        "أطلق شاب النار في الهواء ابتهاجاً بعودة الحجاج في بلدة حيش، ما أدى إلى مقتل طفل.",
        "قال مصدر أمني إن جندياً أطلق النار عن طريق الخطأ أثناء تنظيف سلاحه في بلدة حيش، ما أدى "
        "إلى مقتل زميله.",
    ],
)
def test_stopping_traffic_celebratory_and_accidental_gunfire_are_no_incident(text: str) -> None:
    assert not extract_events(text, FRIDAY)


def test_a_baghdad_quarter_joined_to_a_district_stays_one_place() -> None:
    events = extract_events(
        "قتل شخصان بانفجار عبوتين ناسفتين في حي الشعلة وقضاء الكاظمية أمس.", FRIDAY
    )
    assert len(events) == 1 and events[0].fatalities == 2


def test_executed_captives_and_a_killed_official_stay_attacks() -> None:
    executed = only(
        "أعدم تنظيم داعش ثلاثة عناصر من الجيش العراقي كان قد أسرهم في بلدة الشرقاط أمس."
    )
    official = only("اغتال مسلحون مجهولون مسؤولاً في الحكومة العراقية في مدينة الموصل أمس.")
    assert (executed.sub_event_type, official.sub_event_type) == ("Attack", "Attack")


def test_a_clause_about_the_dead_does_not_hide_the_other_sides_dead() -> None:
    event = only(
        "قتل ثلاثة جنود من الجيش السوري وهم في طريقهم إلى حلب وأربعة من مسلحي تنظيم داعش في "
        "اشتباكات في بلدة السفيرة أمس."
    )
    assert event.fatalities == 7


def test_the_arrested_after_the_arresting_force_are_not_its_unit() -> None:
    event = only("اعتقلت القوات الخاصة عناصر من قوات سوريا الديمقراطية في بلدة الشحيل أمس.")
    assert event.sub_event_type == "Arrests"
    assert keys(event)[1] == "sdf"


def test_the_owner_of_a_weapon_named_before_it_is_the_attacker() -> None:
    event = only(
        "قصفت مدفعية الجيش العراقي أمس مواقع تنظيم داعش في مدينة الدور، ما أسفر عن مقتل خمسة "
        "من عناصره."
    )
    assert keys(event) == ("iraqi_gov", "isis")
    stored = only("استهدفت غارة إسرائيلية أمس مستودعاً لصواريخ حزب الله في بلدة القصير.")
    assert keys(stored) == ("israel", "hezbollah")


def test_the_force_a_bomb_went_off_at_is_the_target() -> None:
    event = only(
        "انفجرت عبوة ناسفة زرعها عناصر التنظيم على الطريق الزراعي بقوة من الحشد الشعبي في قضاء "
        "الطارمية أمس، ما أدى إلى مقتل اثنين من عناصرها."
    )
    assert keys(event) == ("isis", "iran_backed")


def test_people_arrested_are_of_no_key_but_their_group_is_named() -> None:
    held = only(
        "وأوقفت الأجهزة الأمنية، مساء أمس، ثلاثة أشخاص في مدينة الرصيفة للتحقيق في صلتهم بالحادثة.",
        dt.date(2024, 11, 25),
    )
    assert held.sub_event_type == "Arrests" and held.actor2 is None
    suspects = only(
        "اعتقلت القوات الأمنية اليوم خمسة أشخاص يشتبه بانتمائهم إلى تنظيم داعش في مدينة كركوك."
    )
    assert keys(suspects)[1] == "isis"


# --- rules-12 ---------------------------------------------------------------------------


def test_an_assault_launched_with_an_adjective_between_is_the_launchers() -> None:
    event = only(
        "تصدت وحدات من الجيش العراقي، فجر اليوم، لهجوم واسع شنته عناصر من تنظيم داعش على "
        "النقاط العسكرية في محيط قضاء حديثة، وقضت على أكثر من 15 إرهابياً."
    )
    assert event.sub_event_type == "Armed clash"
    assert keys(event) == ("isis", "iraqi_gov")
    assert event.fatalities == 15


def test_the_dead_side_is_the_target_when_the_other_launched_the_attack() -> None:
    event = only(
        "قتل ثلاثة من عناصر الجيش العراقي وأصيب رابع بهجوم نفذته خلية تابعة لتنظيم داعش على "
        "نقطة عسكرية قرب قضاء الحويجة أمس."
    )
    assert keys(event) == ("isis", "iraqi_gov")


def test_the_side_that_repelled_the_assault_is_the_target() -> None:
    event = only(
        "صدّ مقاتلو الجيش السوري الحر، مساء أمس، محاولة تقدم لقوات النظام باتجاه بلدة "
        "اللطامنة، وقتل خلال الاشتباكات ستة من عناصر النظام."
    )
    assert keys(event) == ("syrian_gov", "syrian_opposition")
    broke = only(
        "كسر أبطال الجيش واللجان الشعبية، صباح اليوم، زحفاً لمرتزقة العدوان في مديرية صرواح، "
        "ما أسفر عن مصرع ثمانية منهم.",
        dt.date(2019, 3, 16),
    )
    assert keys(broke) == (None, "houthi")


def test_where_gunmen_fled_to_is_no_attacker_and_gunmen_storming_is_no_protest() -> None:
    event = only(
        "اقتحم مسلحون يرتدون زياً عسكرياً، فجر اليوم، منزل ضابط برتبة رائد في الشرطة الاتحادية "
        "في ناحية الإسحاقي، وأطلقوا النار عليه فأردوه قتيلاً، قبل أن يلوذوا بالفرار إلى جهة "
        "مجهولة.",
        dt.date(2013, 5, 19),
    )
    assert event.sub_event_type == "Attack"
    assert event.actor1 is not None
    # the unnamed gunmen, not "جهة مجهولة", the place they fled to
    assert (event.actor1.text, event.actor1.key) == ("مسلحون", "unknown")
    assert keys(event) == ("unknown", "iraqi_gov")


def test_a_group_after_its_members_and_a_following_word_is_the_abductor() -> None:
    event = only(
        "اختطفت عناصر تتبع لفصيل «السلطان مراد» ثلاثة شبان من بلدة راجو في ريف عفرين، "
        "واقتادتهم إلى جهة مجهولة.",
        dt.date(2018, 6, 12),
    )
    assert event.sub_event_type == "Abduction/forced disappearance"
    assert keys(event) == ("syrian_opposition", "civilians")


def test_the_subject_of_a_verb_of_dying_is_the_target() -> None:
    event = only(
        "أفاد مصدر أمني بأن قائد صحوة قرية الزوية وثلاثة من أفراد حمايته قُتلوا بانفجار عبوة "
        "لاصقة وضعت أسفل سيارتهم في قضاء بيجي، مساء أمس.",
        dt.date(2013, 5, 19),
    )
    assert keys(event) == (None, "tribal")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "قُتل شابان برصاص حرس الحدود التركي قرب بلدة دركوش أثناء محاولتهما عبور الحدود أمس.",
            dt.date(2018, 6, 12),
            ("turkey", "civilians"),
        ),
        (
            "هاجمت مجموعة من فلول النظام البائد حاجزاً للأمن العام في بلدة القدموس فجر اليوم، ما "
            "أدى إلى مقتل عنصرين.",
            dt.date(2025, 3, 25),
            (None, "syrian_gov"),
        ),
        (
            "قتل خمسة سياح بقصف مدفعي استهدف منتجعاً في قضاء زاخو عصر اليوم.",
            dt.date(2022, 7, 20),
            (None, "civilians"),
        ),
    ],
)
def test_new_names_take_their_keys(
    text: str, published: dt.date, expected: tuple[str | None, str | None]
) -> None:
    assert keys(only(text, published)) == expected


def test_fire_from_a_force_stationed_elsewhere_falls_on_the_place_after_it() -> None:
    event = only(
        "قُتل طفلان بقصف مدفعي من قوات النظام المتمركزة في مدينة محردة على بلدة كفرنبودة أمس."
    )
    assert keys(event)[0] == "syrian_gov"
    assert event.location is not None and event.location.name != "Mhardeh"
    from_posts = only(
        "تعرضت منازل المدنيين في قرية دبسي عفنان أمس لقصف بقذائف هاون أطلقتها «قسد» من "
        "مواقعها قرب سد الطبقة، ما أدى إلى مقتل امرأة.",
        dt.date(2026, 1, 18),
    )
    assert from_posts.location is not None and from_posts.location.text == "دبسي عفنان"


def test_a_claim_names_the_unknown_gunmen_and_two_attacks_when_it_says_both() -> None:
    text = (
        "قُتل رئيس مجلس بلدة ذيبان المدني برصاص مسلحين مجهولين أمام منزله فجر اليوم. وتبنى "
        "تنظيم داعش العملية في وقت لاحق."
    )
    assert keys(only(text, dt.date(2020, 11, 23)))[0] == "isis"
    events = extract_events(
        "تعرضت قاعدة عين الأسد التي تضم قوات أمريكية مساء الأربعاء لهجوم بطائرتين مسيّرتين من "
        "دون وقوع إصابات. كما استهدفت طائرات مسيّرة الأسبوع الماضي قاعدة حرير قرب أربيل. وتبنت "
        "«المقاومة الإسلامية في العراق» الهجومين.",
        dt.date(2023, 10, 27),
    )
    assert [keys(e)[0] for e in events] == ["iran_backed", "iran_backed"]


def test_a_group_that_claimed_other_attacks_is_no_claimant_of_an_unclaimed_one() -> None:
    events = extract_events(
        "تعرضت قاعدة التنف لهجوم بطائرة مسيّرة مجهولة فجر اليوم. ولم تتبنَّ أي جهة الهجوم حتى "
        "الآن، في حين سبق أن أعلنت فصائل عراقية موالية لإيران مسؤوليتها عن هجمات مماثلة.",
        dt.date(2024, 10, 24),
    )
    assert [keys(e)[0] for e in events] == ["unknown"]


def test_an_attacker_of_an_allied_force_is_not_filled_from_the_article() -> None:
    events = extract_events(
        "شنت طائرات حربية أمريكية فجر اليوم غارات على مواقع قرب مدينة البوكمال. وكانت قاعدة "
        "فيكتوريا، التي تضم قوات من التحالف الدولي، قد تعرضت مساء الأربعاء لهجوم بطائرتين "
        "مسيّرتين.",
        dt.date(2023, 10, 27),
    )
    assert len(events) == 2
    assert keys(events[1]) == (None, "coalition")


def test_a_casualty_word_in_a_groups_name_is_no_toll() -> None:
    event = only(
        "أصيب أربعة من عناصر «كتائب سيد الشهداء» (اللواء 14) بانفجار عبوة ناسفة قرب ناحية المعتصم."
    )
    assert (event.fatalities, event.injured) == (None, 4)


def test_fire_of_infiltrators_is_a_clash() -> None:
    event = only(
        "قُتل ثلاثة من مقاتلي الحشد الشعبي ليل أمس بنيران مسلحين من تنظيم داعش تسللوا إلى "
        "نقطة مراقبة قرب قرية بير أحمد في قضاء طوز خورماتو."
    )
    assert event.sub_event_type == "Armed clash"
    assert keys(event) == ("isis", "iran_backed")
    assert event.fatalities == 3


@pytest.mark.parametrize(
    ("words", "killed", "injured"),
    [
        ("قُتل طفل في التاسعة من عمره ووالدته", 2, None),
        ("أصيبت امرأة وطفلاها بجروح", None, 3),
        ("استهدف سيارة قيادي ما أدى إلى مقتله مع اثنين من مرافقيه", 3, None),
        ("قُتل رجل وزوجته وأطفالهما الثلاثة", 5, None),
        ("قُتل مدرّس وأطفاله الثلاثة", 4, None),
    ],
)
def test_relatives_and_companions_count(
    words: str, killed: int | None, injured: int | None
) -> None:
    event = only(f"{words} بقصف مدفعي على بلدة تل تمر أمس.")
    assert (event.fatalities, event.injured) == (killed, injured)


def test_fire_by_a_group_named_after_so_called_is_the_groups() -> None:
    event = only(
        "استشهد ثلاثة مواطنين جراء سقوط قذائف أطلقها إرهابيو ما يسمى «جيش الإسلام» على حي "
        "القصاع في دمشق صباح اليوم.",
        dt.date(2015, 6, 25),
    )
    assert keys(event) == ("syrian_opposition", "civilians")


def test_what_fired_belongs_to_its_owner_and_one_of_them_died() -> None:
    event = only(
        "تعرض قارب صيد يقل ثلاثة صيادين في مديرية الخوخة صباح اليوم لقذيفة أطلقها زورق تابع "
        "للميليشيات الحوثية، ما أدى إلى مقتل أحدهم.",
        dt.date(2019, 3, 16),
    )
    assert keys(event) == ("houthi", "civilians")
    assert event.fatalities == 1


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "تعرضت قرى في مديرية رازح عصر اليوم لقصف صاروخي ومدفعي مصدره مواقع الجيش السعودي.",
            dt.date(2019, 8, 9),
            ("coalition", None),
        ),
        (
            "أصيب ثلاثة عناصر من وزارة الدفاع بانفجار عبوة ناسفة قرب بلدة قلعة المضيق صباح اليوم.",
            dt.date(2025, 3, 25),
            (None, "syrian_gov"),
        ),
        (
            "قصفت طائرات تابعة لوزارة الدفاع التركية مواقع لقسد قرب بلدة عين عيسى أمس.",
            dt.date(2023, 1, 10),
            ("turkey", "sdf"),
        ),
    ],
)
def test_ministries_and_armies_take_their_countries_keys(
    text: str, published: dt.date, expected: tuple[str | None, str | None]
) -> None:
    assert keys(only(text, published)) == expected


def test_two_suicide_bombings_are_suicide_bombs() -> None:
    event = only("قُتل 40 شخصاً في تفجيرين انتحاريين استهدفا حافلات الزوار في حي الميدان بدمشق أمس.")
    assert event.sub_event_type == "Suicide bomb"


def test_an_outlet_or_a_sources_command_named_after_a_place_is_no_place() -> None:
    event = only(
        "قُتل ثمانية سياح بقصف مدفعي استهدف بعد ظهر اليوم منتجعاً في قضاء زاخو، وفق ما أفاد "
        "مسؤول محلي لـ«بغداد اليوم».",
        dt.date(2022, 7, 20),
    )
    assert event.location is not None and event.location.name != "Baghdad"
    events = extract_events(
        "استشهد عنصران من الأمن العام فجر اليوم جراء هجوم على حاجز عند مدخل بلدة القدموس. "
        "وأوضح مصدر في قيادة الأمن الداخلي بطرطوس أن عناصر الحاجز اشتبكوا مع المهاجمين.",
        dt.date(2025, 3, 25),
    )
    assert [e.location.text for e in events if e.location] == ["القدموس"]


def test_a_clash_with_supporting_fire_is_a_clash_between_its_sides_not_their_backer() -> None:
    event = only(
        "دارت اشتباكات عنيفة صباح اليوم بين فصائل «الجيش السوري الحر» المدعومة من تركيا ومسلحي "
        "«داعش» على أطراف قرية بزاعة، بإسناد من المدفعية التركية، ما أسفر عن مقتل سبعة.",
        dt.date(2016, 12, 9),
    )
    assert event.sub_event_type == "Armed clash"
    assert keys(event) == ("syrian_opposition", "isis")


def test_a_background_remark_on_the_attackers_leaves_their_assault_an_incident() -> None:
    events = extract_events(
        "قال مسؤول كردي إن مسلحي تنظيم داعش، الذين يحاصرون مدينة كوباني منذ أكثر من شهر، شنوا "
        "فجر اليوم هجوماً على مواقع وحدات حماية الشعب في الأحياء الجنوبية من المدينة.\n"
        "وأضاف أن مقاتلي الوحدات صدوا الهجوم بعد معارك استمرت حتى ظهر اليوم، قُتل فيها 27 من "
        "مسلحي التنظيم.",
        dt.date(2014, 10, 18),
    )
    assert len(events) == 1
    assert events[0].sub_event_type == "Armed clash"
    assert keys(events[0]) == ("isis", "sdf")
    assert events[0].fatalities == 27


def test_a_place_in_a_bodys_quoted_name_is_not_where_it_happened() -> None:
    event = only(
        "استهدفت طائرة مسيّرة تركية مساء أمس سيارة قيادي في «مجلس الحسكة العسكري» على طريق "
        "فرعي قرب ناحية تل براك، ما أدى إلى مقتله.",
        dt.date(2020, 11, 23),
    )
    assert event.location is not None and event.location.text == "تل براك"


def test_that_day_is_the_day_told_before_not_today() -> None:
    events = extract_events(
        "أحيا أهالي صعدة اليوم ذكرى مجزرة حافلة ضحيان التي ارتكبها طيران العدوان في التاسع من "
        "آب/أغسطس 2018.\nوكانت غارة لطيران العدوان قد استهدفت، في ذلك اليوم، حافلة تقل طلاباً "
        "في سوق مدينة ضحيان، ما أدى إلى استشهاد 51 مواطناً.",
        dt.date(2019, 8, 9),
    )
    assert [e.date for e in events] == ["2018-08-09"]


def test_a_group_belonging_to_a_force_that_acts_after_it_is_the_forces() -> None:
    event = only(
        "وكانت مجموعة تابعة للجيش السوري الحر قد خطفت، الاثنين الماضي، سائق شاحنة لبنانياً في "
        "حي المزة بدمشق.",
        dt.date(2012, 8, 16),
    )
    assert keys(event)[0] == "syrian_opposition"


def test_fighters_carried_by_vehicles_that_were_hit_are_the_target() -> None:
    events = extract_events(
        "قال مصدر إن مسلحي تنظيم داعش هاجموا أمس قرية في قضاء تلعفر.\nكما استهدفت مروحيات طيران "
        "الجيش العراقي، مساء أمس، عجلات تقل مسلحين من التنظيم قرب قرية عين طلاوي غربي تلعفر.",
        dt.date(2017, 8, 23),
    )
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert keys(strike) == ("iraqi_gov", "isis")


def test_an_offensive_operation_on_positions_is_a_clash() -> None:
    event = only(
        "نفذ أبطال الجيش واللجان الشعبية، أمس، عملية هجومية على مواقع مرتزقة العدوان في مديرية "
        "صرواح، أسفرت عن مصرع عدد منهم.",
        dt.date(2019, 8, 9),
    )
    assert event.sub_event_type == "Armed clash"
    assert keys(event) == ("houthi", None)


def test_a_council_head_shot_dead_is_one_civilian_killed() -> None:
    event = only(
        "قُتل الرئيس المشترك لمجلس بلدة ذيبان المدني برصاص مسلحين مجهولين أمام منزله فجر اليوم.",
        dt.date(2020, 11, 23),
    )
    assert event.sub_event_type == "Attack"
    assert keys(event) == ("unknown", "civilians")
    assert event.fatalities == 1


def test_a_groups_past_in_a_relative_clause_is_not_the_incidents_date_or_side() -> None:
    event = only(
        "قال المرصد إن مقاتلين من «لواء التوحيد»، الذي أعلن قبل أسبوع انضمامه إلى غرفة عمليات "
        "مشتركة مع فصائل أخرى، هاجموا فجر اليوم حاجزاً للقوات النظامية عند مدخل بلدة الزربة، ما "
        "أدى إلى مقتل سبعة من عناصره.",
        dt.date(2012, 11, 20),
    )
    assert keys(event) == ("syrian_opposition", "syrian_gov")
    assert event.date == "2012-11-20"


def test_a_besieged_place_since_weeks_still_has_its_incident() -> None:
    event = only(
        "خطف مسلحون ينتمون إلى تنظيم داعش أربعة فلاحين صباح اليوم قرب ناحية آمرلي المحاصرة منذ "
        "أسابيع، واقتادوهم إلى جهة مجهولة.",
        dt.date(2014, 7, 9),
    )
    assert event.sub_event_type == "Abduction/forced disappearance"
    assert keys(event) == ("isis", "civilians")


def test_gangs_that_launched_it_attack_and_the_fighters_backing_a_force_are_no_target() -> None:
    event = only(
        "تصدت قوة من شرطة قضاء بيجي، مسنودة بمقاتلين من أبناء العشائر، فجر اليوم لهجوم واسع "
        "شنته عصابات «داعش» الإرهابية على القضاء، وقتلت 23 إرهابياً.",
        dt.date(2014, 7, 9),
    )
    assert keys(event) == ("isis", "iraqi_gov")


def test_aircraft_of_a_named_model_strike_for_their_owner() -> None:
    event = only(
        "دمرت طائرات «سوخوي» تابعة للقوة الجوية العراقية عصر أمس رتلاً لعصابات «داعش» قرب "
        "قضاء الشرقاط.",
        dt.date(2014, 7, 9),
    )
    assert event.sub_event_type == "Air/drone strike"
    assert keys(event) == ("iraqi_gov", "isis")


def test_an_operation_launched_with_air_support_is_no_air_strike() -> None:
    assert (
        extract_events(
            "وكانت القوات العراقية قد أطلقت في السابع عشر من الشهر الجاري عملية واسعة لاستعادة "
            "مدينة الموصل من سيطرة التنظيم، بدعم من طيران التحالف الدولي.",
            dt.date(2016, 10, 27),
        )
        == []
    )


def test_operating_within_is_no_worker_and_a_cell_that_blew_it_up_is_its_groups() -> None:
    event = only(
        "فجّرت خلية تتبع لتنظيم «داعش»، ظهر اليوم، دراجة نارية مفخخة أمام مقر لفصيل «فرقة "
        "الحمزة» العامل ضمن غرفة عمليات «درع الفرات» في مدينة جرابلس.",
        dt.date(2017, 4, 19),
    )
    assert keys(event) == ("isis", "syrian_opposition")


def test_the_side_named_with_clashed_attacked_the_side_after_with() -> None:
    event = only(
        "اشتبكت فصائل «الجبهة الوطنية للتحرير» مع قوات النظام السوري في محيط قرية الحماميات، "
        "ما أسفر عن مقتل 19 عنصراً من قوات النظام.",
        dt.date(2019, 5, 23),
    )
    assert keys(event) == ("syrian_opposition", "syrian_gov")


def test_members_belonging_to_a_group_written_apart_are_the_groups() -> None:
    event = only(
        "اعتقلت عناصر تابعة لـ«هيئة تحرير الشام» الناشط الإعلامي عمار الخطيب من منزله في مدينة "
        "الدانا مساء الثلاثاء.",
        dt.date(2019, 5, 23),
    )
    assert event.sub_event_type == "Arrests"
    assert keys(event) == ("hts", "civilians")


def test_anadolus_names_of_the_ypg_are_the_sdf() -> None:
    event = only(
        "قُتل مدنيان جراء قذيفة صاروخية أطلقها إرهابيو «ي ب ك» على منزلهما وسط مدينة تل أبيض "
        "مساء أمس.",
        dt.date(2019, 10, 17),
    )
    assert keys(event) == ("sdf", "civilians")


def test_a_drone_that_fired_missiles_made_an_air_strike() -> None:
    event = only(
        "استهدفت مسيّرة معادية صباح اليوم مركزاً للدفاع المدني في بلدة فرون بصاروخين، ما أدى "
        "إلى استشهاد عنصرين.",
        dt.date(2024, 8, 6),
    )
    assert event.sub_event_type == "Air/drone strike"
    assert keys(event)[0] == "israel"


def test_hezbollahs_rocket_weapons_and_a_merkava_tank_shell() -> None:
    hezbollah = only(
        "أعلنت «المقاومة الإسلامية» أن مجاهديها استهدفوا عصر اليوم تجمعاً لجنود العدو "
        "الإسرائيلي قرب بلدة كفرشوبا بالأسلحة الصاروخية.",
        dt.date(2024, 8, 6),
    )
    assert hezbollah.sub_event_type == "Shelling/artillery/missile attack"
    assert keys(hezbollah) == ("hezbollah", "israel")
    tank = only(
        "أصيب عسكري في الجيش اللبناني بجروح جراء قذائف أطلقتها دبابة «ميركافا» إسرائيلية على "
        "أطراف بلدة دير ميماس بعد ظهر اليوم.",
        dt.date(2024, 8, 6),
    )
    assert keys(tank)[0] == "israel"


@pytest.mark.parametrize(
    ("words", "killed"), [("وأردوه قتيلاً", 1), ("فأرداه قتيلاً", 1), ("وأردوهما قتيلين", 2)]
)
def test_shot_dead_counts(words: str, killed: int) -> None:
    event = only(f"أطلق مسلحون النار على سائق صهريج قرب بلدة الكسرة {words} فجر اليوم.")
    assert event.fatalities == killed


def test_the_organization_names_the_group_not_an_unkeyed_force_named_first() -> None:
    events = extract_events(
        "صدت قوات البيشمركة فجر اليوم هجوماً شنه مسلحو «داعش» قرب ناحية بعشيقة.\nوفي تطور لافت، "
        "استهدف التنظيم بطائرة مسيّرة صغيرة مقراً لقوات البيشمركة قرب بلدة تلكيف مساء أمس، ما "
        "أدى إلى مقتل مقاتلين اثنين.",
        dt.date(2016, 10, 27),
    )
    assert [keys(e)[0] for e in events] == ["isis", "isis"]


def test_a_suicide_attack_in_the_accusative_and_masked_gunmen() -> None:
    bomb = only(
        "أحبطت قوات الحزام الأمني فجر اليوم هجوماً انتحارياً بسيارة مفخخة ضد معسكر في مديرية "
        "البريقة.",
        dt.date(2017, 6, 8),
    )
    assert bomb.sub_event_type == "Suicide bomb"
    gunmen = only(
        "اغتال مسلحان ملثمان عصر أمس إمام مسجد في مديرية المنصورة بعدن.", dt.date(2017, 6, 8)
    )
    assert keys(gunmen) == ("unknown", "civilians")


def test_a_foiled_advance_is_a_clash_and_who_tried_an_attack_is_its_attacker() -> None:
    advance = only(
        "أفشل أبطال الجيش واللجان الشعبية مساء أمس محاولة تقدم لمرتزقة العدوان باتجاه مواقعهم "
        "في مديرية صرواح، وأكد مصدر عسكري مصرع 17 مرتزقاً.",
        dt.date(2015, 9, 14),
    )
    assert advance.sub_event_type == "Armed clash"
    assert keys(advance) == (None, "houthi")
    tried = only(
        "أحبطت قوات الحزام الأمني فجر اليوم هجوماً انتحارياً بسيارة مفخخة حاول عنصر من تنظيم "
        "«داعش» تنفيذه ضد معسكر في مديرية البريقة.",
        dt.date(2017, 6, 8),
    )
    assert keys(tried)[0] == "isis"


def test_aircraft_believed_to_belong_to_a_force_and_a_branchs_patrol_are_the_forces() -> None:
    strike = only(
        "شنّت طائرات حربية يُرجّح أنها تابعة للقوات النظامية ظهر اليوم غارات على بلدة عندان، ما "
        "أدى إلى مقتل ثمانية مواطنين.",
        dt.date(2012, 9, 18),
    )
    assert keys(strike) == ("syrian_gov", "civilians")
    arrest = only(
        "اعتقلت دورية تابعة لفرع الأمن العسكري الأسبوع الماضي ثلاثة شبان من أبناء بلدة ناحتة.",
        dt.date(2021, 6, 14),
    )
    assert keys(arrest) == ("syrian_gov", "civilians")


def test_druze_gunmen_are_a_side_of_no_key() -> None:
    event = only(
        "اندلعت اشتباكات ليل الثلاثاء بين قوات الأمن العام السورية ومسلحين دروز محليين في بلدة "
        "أشرفية صحنايا، ما أسفر عن مقتل 11 من أفراد الأمن العام.",
        dt.date(2025, 5, 1),
    )
    assert keys(event) == ("syrian_gov", None)


def test_two_factions_of_the_opposition_clash_with_each_other() -> None:
    event = only(
        'اشتبك عناصر من "فرقة السلطان سليمان شاه" مع مقاتلين من "الجبهة الشامية" مساء أمس داخل '
        "بلدة شيخ الحديد، ما أسفر عن مقتل ثلاثة عناصر.",
        dt.date(2022, 4, 19),
    )
    assert event.sub_event_type == "Armed clash"
    assert keys(event) == ("syrian_opposition", "syrian_opposition")


def test_weather_in_war_words_and_a_hospital_the_wounded_went_to_are_no_incident_or_side() -> None:
    assert (
        extract_events(
            'تخوض كوادر الوزارة منذ فجر اليوم "معركة" مفتوحة مع الثلوج التي هاجمت المرتفعات في '
            "محافظة عجلون.",
            dt.date(2022, 1, 20),
        )
        == []
    )
    event = only(
        "اشتبكت قوات حرس الحدود فجر اليوم مع مجموعة من المهربين المسلحين قرب بلدة الرويشد، ما "
        "أسفر عن مقتل أربعة منهم ونُقل جريح إلى المستشفى.",
        dt.date(2026, 3, 12),
    )
    assert event.sub_event_type == "Armed clash"
    assert keys(event)[1] != "civilians"


def test_fire_a_patrol_came_under_and_a_district_west_of_a_city() -> None:
    patrol = only(
        "تعرّضت دورية من حرس الحدود مساء أمس لإطلاق نار من قبل مجموعة مسلحة قرب بلدة أم "
        "الجمال، ولم تسفر الحادثة عن أي إصابات.",
        dt.date(2026, 3, 12),
    )
    assert patrol.sub_event_type == "Armed clash"
    assert keys(patrol)[0] == "unknown"
    district = only(
        "أصيب عاملان في منظمة إغاثية بجروح صباح اليوم إثر تعرضهما لإطلاق نار من قناص تابع "
        "لميليشيا الحوثي في مديرية جبل حبشي غربي مدينة تعز.",
        dt.date(2021, 11, 9),
    )
    assert district.location is not None and district.location.text == "جبل حبشي"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "قُتلت طفلة وأصيبت والدتها جراء قصف مدفعي لميليشيات الأسد على بلدة دارة عزة صباح اليوم.",
            dt.date(2022, 4, 19),
            ("syrian_gov", "civilians"),
        ),
        (
            "أصيب ثلاثة مدنيين بقصف صاروخي لمرتزقة الاحتلال التركي على قرية حربل في منطقة "
            "الشهباء مساء أمس.",
            dt.date(2022, 11, 29),
            ("syrian_opposition", "civilians"),
        ),
        (
            "قتل مسلحون يُعتقد أنهم من خلايا تنظيم داعش، ليل أمس، عضواً في المجلس المحلي لبلدة "
            "محيميدة، بعد أن أطلقوا النار عليه أمام منزله.",
            dt.date(2022, 11, 29),
            ("isis", "civilians"),
        ),
        (
            "تصدّت وحدة من جيشنا الباسل فجر اليوم لمجموعة إرهابية مسلحة حاولت الاعتداء على نقطة "
            "عسكرية قرب قرية أم شرشوح.",
            dt.date(2013, 3, 25),
            ("syrian_opposition", "syrian_gov"),
        ),
    ],
)
def test_outlets_own_names_of_the_sides(
    text: str, published: dt.date, expected: tuple[str | None, str | None]
) -> None:
    assert keys(only(text, published)) == expected


def test_al_mazraa_west_of_as_suwayda_is_a_place_after_a_place_word() -> None:
    event = only(
        "اندلعت اشتباكات عنيفة منذ مساء أمس بين مسلحين من العشائر البدوية وفصائل محلية في بلدة "
        "المزرعة بريف السويداء، ما أسفر عن مقتل 19 شخصاً.",
        dt.date(2025, 7, 15),
    )
    assert event.location is not None and event.location.name == "Al-Mazraa"
    assert event.location.admin1 == "As-Suwayda"


def test_a_long_apposition_before_with_and_fire_from_areas_a_group_holds() -> None:
    clash = only(
        'اشتبكت قوات النظام، مدعومة بمقاتلين من "الفيلق الخامس" المدعوم روسياً، مع فصائل '
        '"الجبهة الوطنية للتحرير" على محور قرية داديخ منذ مساء أمس، ما أسفر عن مقتل 22 مقاتلاً.',
        dt.date(2020, 2, 13),
    )
    assert keys(clash) == ("syrian_gov", "syrian_opposition")
    shells = only(
        "قُتل ستة مدنيين في حي التواهي صباح اليوم جراء سقوط قذائف هاون مصدرها المناطق التي "
        "يسيطر عليها الحوثيون.",
        dt.date(2015, 4, 12),
    )
    assert keys(shells) == ("houthi", "civilians")


def test_turkeys_armed_forces_are_turkey() -> None:
    event = only(
        "دمرت طائرة مسيّرة تابعة للقوات المسلحة التركية صباح اليوم عربة مدرعة على الطريق بين رأس "
        "العين وتل تمر.",
        dt.date(2019, 10, 17),
    )
    assert keys(event)[0] == "turkey"


# --- rules-13 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "دارت اشتباكات عنيفة اليوم بين مقاتلين من الفصائل المعارضة وعناصر الفوج 46 في محيط "
            "مدينة الأتارب التي تحاصرها الفصائل منذ أشهر.",
            dt.date(2013, 5, 2),
            ("syrian_opposition", None),
        ),
        (
            "استعادت القوات العراقية السيطرة على قرية الحود جنوب الموصل اليوم، وقال ضابط في "
            "الجيش إن قواته قتلت 30 من مسلحي داعش خلال الاقتحام، ورفعت العلم فوق مبنى مستشفى "
            "القرية.",
            dt.date(2016, 10, 20),
            ("iraqi_gov", "isis"),
        ),
        (
            "قُتل شخصان بغارة شنتها مسيّرة إسرائيلية على دراجة نارية في بلدة عيتا الشعب اليوم، "
            "فيما نعى حزب الله اثنين من مقاتليه.",
            dt.date(2024, 3, 5),
            ("israel", "hezbollah"),
        ),
        (
            "نفذ الجيش الإسرائيلي ضربة ضد مجموعة قال إنها كانت تستعد لمهاجمة مدنيين قرب بلدة "
            "صحنايا، وقالت وزارة الداخلية السورية إن الضربة أصابت دورية للأمن العام.",
            dt.date(2025, 5, 1),
            ("israel", "syrian_gov"),
        ),
        (
            "فجّر مجهولون عبوة ناسفة أمام مقر لفصيل «فرقة الحمزة» في مدينة الباب، ما أدى إلى "
            "مقتل مقاتل من الفصيل ومدنيين اثنين.",
            dt.date(2018, 6, 2),
            ("unknown", "syrian_opposition"),
        ),
        (
            "تعرضت نقطة عسكرية لفصيل «فرقة السلطان مراد» قرب بلدة مارع لقصف مدفعي من قبل "
            "«وحدات حماية الشعب»، ما أدى إلى إصابة عنصرين.",
            dt.date(2017, 5, 2),
            ("sdf", "syrian_opposition"),
        ),
        (
            "أعلن جهاز مكافحة الإرهاب أن مسلحي داعش استهدفوا قواته في مدينة الموصل بسيارة "
            "مفخخة صباح اليوم.",
            dt.date(2017, 5, 2),
            ("isis", "iraqi_gov"),
        ),
        (
            "قال الجيش الإسرائيلي إن جنديين من جنوده أصيبوا بجروح بعدما استُهدفت آلية عسكرية "
            "قرب مستوطنة المطلة بصاروخ مضاد للدروع.",
            dt.date(2023, 11, 20),
            (None, "israel"),
        ),
        (
            "اختطف مسلحون مجهولون خمسة مسافرين على الطريق بين حمص وتدمر مساء أمس.",
            dt.date(2016, 4, 2),
            ("unknown", "civilians"),
        ),
    ],
)
def test_whose_men_and_posts_were_hit(
    text: str, published: dt.date, expected: tuple[str | None, str | None]
) -> None:
    """The side named first between two, the faction whose post was hit, the force telling
    of its own men, the group mourning its dead, and who was only meant to be attacked."""
    assert keys(only(text, published)) == expected


def test_a_retelling_without_a_place_gives_the_incident_its_claimant() -> None:
    event = only(
        "قُتل 12 جندياً وأصيب 20 آخرون صباح اليوم في تفجير انتحاري استهدف تجمعاً للجنود أمام "
        "بوابة معسكر في مدينة المكلا.\n"
        "وقال مصدر أمني إن الانتحاري كان يرتدي حزاماً ناسفاً وتسلل بين الجنود قبل أن يفجر "
        "نفسه. وتبنى تنظيم «داعش» الهجوم في بيان.",
        dt.date(2016, 5, 15),
    )
    assert event.sub_event_type == "Suicide bomb"
    assert keys(event)[0] == "isis"
    assert event.fatalities == 12


def test_the_same_forces_are_the_attackers_told_before() -> None:
    events = extract_events(
        "اقتحمت قوات النظام بلدة كفرنبودة صباح الأحد وأعدمت 20 مدنياً من سكانها. "
        "وفي اليوم التالي، اقتحمت القوات ذاتها قرية الهبيط وقتلت 11 مدنياً.",
        dt.date(2013, 5, 10),
    )
    second = next(e for e in events if e.location is not None and e.location.name == "Al Habit")
    assert keys(second)[0] == "syrian_gov"
    assert second.fatalities == 11


def test_the_gunmen_of_the_incident_before_are_its_attackers() -> None:
    events = extract_events(
        "قُتل ثلاثة أشخاص من عائلة واحدة بهجوم شنه مسلحون من تنظيم داعش على منزلهم في ناحية "
        "جلولاء مساء أمس. وأضاف المصدر أن المسلحين اختطفوا شاباً من العائلة قبل أن ينسحبوا "
        "نحو البساتين.",
        dt.date(2019, 11, 27),
    )
    abduction = next(e for e in events if e.sub_event_type == "Abduction/forced disappearance")
    assert keys(abduction) == ("isis", "civilians")


def test_an_attack_on_a_base_hits_the_force_it_hosts() -> None:
    event = only(
        "سقط صاروخان على قاعدة حرير الجوية، التي تضم قوات أمريكية، فجر اليوم، ما أدى إلى إصابة "
        "عامل مدني بجروح.",
        dt.date(2023, 11, 2),
    )
    assert keys(event) == (None, "us")
    assert event.injured == 1
    advised = only(
        "سقطت ثلاثة صواريخ على قاعدة بلد الجوية شمال بغداد، التي تضم مستشارين من التحالف "
        "الدولي، مساء أمس، ما أدى إلى إصابة جندي عراقي بجروح.",
        dt.date(2020, 3, 20),
    )
    assert keys(advised) == (None, "coalition")


def test_who_holds_the_place_is_no_side_and_still_is_no_negation() -> None:
    events = extract_events(
        "ألقت طائرة مسيّرة تابعة لتنظيم داعش قنبلة على تجمع للنازحين قرب ناحية حمام العليل "
        "أمس، ما أدى إلى إصابة ثلاثة مدنيين.\n"
        "وفي مدينة تلعفر، التي لا يزال التنظيم يسيطر عليها، قُتل ستة مدنيين في غارة جوية "
        "استهدفت منزلهم فجر اليوم. واتهم مسؤولون محليون طيران التحالف الدولي بتنفيذ الغارة.",
        dt.date(2017, 6, 8),
    )
    strike = next(e for e in events if e.location is not None and e.location.name == "Tal Afar")
    assert keys(strike) == (None, "civilians")
    assert strike.fatalities == 6


def test_a_massacre_named_then_told_is_one_incident_of_the_telling() -> None:
    event = only(
        "وفي قضاء بنت جبيل، ارتكب العدو الإسرائيلي مجزرة جديدة، إذ استشهد رجل وزوجته وطفلاهما، "
        "وأصيب ثلاثة من جيرانهم، جراء غارة شنتها مسيّرة معادية، ظهر اليوم، على منزلهم في بلدة "
        "عيناتا.",
        dt.date(2024, 10, 20),
    )
    assert event.sub_event_type == "Air/drone strike"
    assert keys(event) == ("israel", "civilians")
    assert (event.fatalities, event.injured) == (4, 3)
    assert event.location is not None and event.location.name == "Ainata"


def test_an_exercise_that_simulates_an_attack_is_no_incident() -> None:
    text = (
        "نفذت وحدات من الجيش اليوم تمريناً بالذخيرة الحية في منطقة الأزرق بمحافظة الزرقاء، وحاكى "
        "التمرين تعرض موقع حدودي لهجوم من مجموعة مسلحة، فيما شنت مروحيات سلاح الجو غارات على "
        "تجمعاتهم وقصفت المدفعية مواقعهم."
    )
    assert extract_events(text, dt.date(2020, 10, 6)) == []


def test_an_assault_and_its_fire_in_one_sentence_are_one_clash() -> None:
    event = only(
        "شنت «قسد» هجوماً معاكساً ضد مقاتلي العشائر في بلدة ذيبان مساء أمس، وقصفت أحياءها "
        "بالرشاشات الثقيلة، ما أدى إلى مقتل أربعة مقاتلين ومدنيين اثنين.",
        dt.date(2023, 9, 2),
    )
    assert event.sub_event_type == "Armed clash"
    assert keys(event) == ("sdf", "tribal")
    assert event.fatalities == 6


@pytest.mark.parametrize(
    ("text", "published", "expected", "place"),
    [
        (
            "قُتل مدنيان جراء انفجار سيارة مفخخة في سوق بلدة الراعي التابعة لمدينة الباب ظهر اليوم.",
            dt.date(2020, 6, 11),
            (None, "civilians"),
            "Al-Rai",
        ),
        (
            "اشتبكت «هيئة تحرير الشام» مع «جبهة تحرير سوريا» صباح اليوم في بلدة حزانو بريف إدلب، "
            "ما أسفر عن مقتل خمسة من عناصر الهيئة.",
            dt.date(2018, 2, 24),
            ("hts", "syrian_opposition"),
            "Hazzanu",
        ),
        (
            "وفي مديرية ميدي، استشهد صيادان وأصيب ثالث مساء أمس جراء استهداف بوارج العدوان قارب "
            "صيد كانوا على متنه.",
            dt.date(2016, 3, 8),
            ("coalition", "civilians"),
            "Midi",
        ),
        (
            "استهدف مسلحو «ي ب ك» بقذائف الهاون نقطة للجيش الوطني في بلدة مارع مساء أمس، ما أسفر "
            "عن إصابة عنصرين. وقال مصدر محلي إن المسلحين أطلقوا القذائف من مواقعهم في محيط بلدة "
            "تل رفعت.",
            dt.date(2020, 6, 11),
            ("sdf", "syrian_opposition"),
            "Mari",
        ),
        (
            "طالت غارة لطائرة حربية تركية ليل أمس مقراً لحزب الاتحاد الديمقراطي وسط بلدة رميلان.",
            dt.date(2024, 1, 17),
            ("turkey", "sdf"),
            "Rmelan",
        ),
    ],
)
def test_places_and_sides_named_in_passing(
    text: str, published: dt.date, expected: tuple[str | None, str | None], place: str
) -> None:
    """A town named before the town it belongs to, a faction with no key fought by one with
    it, warships firing, a launch site told after the incident, and the PYD's office."""
    event = only(text, published)
    assert keys(event) == expected
    assert event.location is not None and event.location.name == place


def test_the_armys_special_operations_and_their_vague_tolls() -> None:
    events = extract_events(
        "نفذت وحدات من الجيش، اليوم، عمليات نوعية ضد تجمعات إرهابيي «جبهة النصرة» في محيط "
        "بلدة يبرود، أوقعت خلالها العشرات منهم قتلى. وأفاد مصدر عسكري بأن من بين القتلى "
        "متزعماً لإحدى المجموعات.\n"
        "وفي ريف دمشق، أوقعت وحدة من الجيش عدداً من القتلى في صفوف إرهابيي «جيش الإسلام» خلال "
        "عملية نوعية على أوكارهم في مزارع حرستا فجر اليوم.",
        dt.date(2013, 11, 19),
    )
    assert [(e.location and e.location.name, e.sub_event_type) for e in events] == [
        ("Yabroud", "Armed clash"),
        ("Harasta", "Armed clash"),
    ]
    assert [(e.fatalities, e.fatalities_vague) for e in events] == [
        (None, "dozens"),
        (None, "several"),
    ]
    assert [keys(e) for e in events] == [("syrian_gov", "hts"), ("syrian_gov", "syrian_opposition")]


@pytest.mark.parametrize(
    ("text", "published", "place"),
    [
        (
            "استهدفت طائرة مسيّرة تركية مساء أمس سيارة تقل مقاتلين قرب مجمع خانصور في قضاء سنجار، "
            "ما أدى إلى مقتل ثلاثة منهم.",
            dt.date(2022, 11, 22),
            "Khanah Sur",
        ),
        (
            "اندلعت اشتباكات عنيفة اليوم بين قوات دفاع شبوة ومسلحين قبليين في مديرية نصاب، ما "
            "أسفر عن مقتل ثلاثة وإصابة خمسة.",
            dt.date(2022, 8, 10),
            "Nisab",
        ),
        (
            "أعلنت قيادة العمليات المشتركة، اليوم، تحرير ناحية الكرمة شمال شرقي الفلوجة بالكامل "
            "من عصابات داعش الإرهابية بعد معارك استمرت ثلاثة أيام.",
            dt.date(2016, 5, 31),
            "Nahiyat al Karmah",
        ),
    ],
)
def test_spellings_the_gazetteer_data_lacks(text: str, published: dt.date, place: str) -> None:
    event = only(text, published)
    assert event.location is not None and event.location.name == place


def test_a_clan_fight_in_a_district_a_governorate_named_and_police_between() -> None:
    event = only(
        "وفي ذي قار، أسفر نزاع عشائري مسلح اندلع بين عشيرتي البو عامر والحميدات في قضاء سوق "
        "الشيوخ أمس عن مقتل شخصين، قبل أن تتدخل قوة من الشرطة لفض الاشتباك.",
        dt.date(2021, 6, 22),
    )
    assert event.location is not None and event.location.level == "district"
    assert event.location.admin1 == "Dhi Qar"
    assert keys(event)[0] == "tribal" and keys(event)[1] != "iraqi_gov"


def test_weapons_used_in_a_clash_do_not_make_it_shelling() -> None:
    event = only(
        "شهد مخيم عين الحلوة بعد ظهر أمس اشتباكاً مسلحاً بين عناصر من حركة «فتح» ومسلحين من "
        "إحدى العائلات، استُخدمت فيه الأسلحة الرشاشة والقذائف الصاروخية، ما أدى إلى مقتل شخص.",
        dt.date(2017, 4, 13),
    )
    assert event.sub_event_type == "Armed clash"


def test_a_rocket_salvo_and_a_forces_own_aircraft() -> None:
    salvo = only(
        "استهدف مجاهدو المقاومة الإسلامية صباح اليوم تجمعاً لجنود جيش العدو الإسرائيلي عند "
        "الأطراف الجنوبية لبلدة مارون الراس بصلية صاروخية.",
        dt.date(2024, 10, 29),
    )
    assert salvo.sub_event_type == "Shelling/artillery/missile attack"
    assert keys(salvo) == ("hezbollah", "israel")
    strike = only(
        "وقال الجيش الإسرائيلي إن طائراته قصفت ظهر اليوم رتلاً لقوات وزارة الدفاع السورية قرب "
        "قرية سميع، ما أسفر عن مقتل جنديين.",
        dt.date(2025, 7, 14),
    )
    assert strike.sub_event_type == "Air/drone strike"
    assert keys(strike) == ("israel", "syrian_gov")


def test_two_factions_of_one_side_a_district_named_in_latin_only_and_his_death() -> None:
    infighting = only(
        "اندلعت اشتباكات بين فصيلي «أحرار الشرقية» و«الجبهة الشامية» في بلدة الغندورة مساء أمس، "
        "ما أسفر عن مقتل عنصر وإصابة طفلة كانت في منزل قريب.",
        dt.date(2021, 9, 7),
    )
    assert infighting.sub_event_type == "Armed clash"
    assert keys(infighting) == ("syrian_opposition", "syrian_opposition")
    drone = only(
        "تعرضت نقطة عسكرية تابعة لقوات الحزام الأمني في مديرية الوضيع، الأسبوع الماضي، لهجوم "
        "بطائرة مسيّرة مفخخة، دون أن يسفر عن إصابات.",
        dt.date(2026, 2, 10),
    )
    assert drone.location is not None and drone.location.name == "Al Wadea"
    bomb = only(
        "استُهدف ضابط في قوات الحزام الأمني صباح اليوم بعبوة ناسفة زُرعت في سيارته في مدينة "
        "جعار، ما أدى إلى استشهاده وإصابة اثنين من مرافقيه.",
        dt.date(2026, 2, 10),
    )
    assert (bomb.fatalities, bomb.injured) == (1, 2)


def test_the_dead_of_a_clash_a_statement_of_its_own_strikes_and_a_drones_owner() -> None:
    clash = only(
        "قُتل 11 شخصاً على الأقل في مواجهات عنيفة اندلعت منذ فجر أمس بين مسلحي جماعة الحوثي "
        "ومقاتلي المقاومة الشعبية في مدينة دمت شمال محافظة الضالع.",
        dt.date(2015, 7, 20),
    )
    assert keys(clash)[0] == "houthi"
    claimed = extract_events(
        "أعلن «حزب الله»، صباح اليوم الأحد، أن مقاتليه استهدفوا تجمعاً لجنود جيش الاحتلال "
        "الإسرائيلي في الأطراف الجنوبية لبلدة شيحين بصلية صاروخية. وقال الحزب في بيان لاحق إن "
        "مقاتليه فجروا عبوة ناسفة بقوة مشاة إسرائيلية لدى تقدمها عند الأطراف الشرقية لبلدة علما "
        "الشعب ظهر اليوم.",
        dt.date(2024, 10, 27),
    )
    assert [keys(e) for e in claimed] == [("hezbollah", "israel"), ("hezbollah", None)]
    drone = only(
        "قُتل ثلاثة مدنيين بينهم طفل مساء أمس بقصف بطائرة مسيّرة لـ«قسد» استهدف سيارتهم في "
        "بلدة الخفسة.",
        dt.date(2026, 1, 12),
    )
    assert keys(drone) == ("sdf", "civilians")


def test_where_the_wounded_were_taken_and_a_toll_told_after() -> None:
    events = extract_events(
        "تجددت بعد ظهر أمس الاشتباكات بين عناصر من حركة «فتح» ومسلحين من حركة «أنصار الله» "
        "الفلسطينية في مخيم المية ومية شرق صيدا.\n"
        "وأفادت مندوبة «الوكالة الوطنية للإعلام» بأن حصيلة الاشتباكات بلغت حتى صباح اليوم أربعة "
        "قتلى، إضافة إلى 12 جريحاً بينهم مدنيان نقلوا إلى مستشفيات صيدا.",
        dt.date(2018, 10, 17),
    )
    assert len(events) == 1
    assert (events[0].fatalities, events[0].injured) == (4, 12)
    assert events[0].location is not None and events[0].location.level == "site"


def test_cells_accused_of_a_bombing_are_not_whom_it_hit() -> None:
    event = only(
        "قال مصدر في الشرطة إن سيارة مفخخة مركونة انفجرت مساء أمس قرب سوق شعبية وسط مدينة "
        "المسيب، ما أسفر عن مقتل خمسة مدنيين، مضيفاً أن الأجهزة الأمنية تتهم خلايا نائمة تابعة "
        "لتنظيم «داعش» بالوقوف وراء التفجير.",
        dt.date(2016, 9, 12),
    )
    assert keys(event) == (None, "civilians")


def test_the_other_sides_dead_after_while_add_up_but_not_another_tellers_count() -> None:
    clash = only(
        "دارت اشتباكات عنيفة اليوم بين الجيش ومسلحين في محيط بلدة المليحة، وأسفرت عن مقتل 14 "
        "إرهابياً وتدمير ثلاث سيارات، فيما ارتقى اثنان من عناصر الجيش شهيدين.",
        dt.date(2014, 5, 1),
    )
    assert clash.fatalities == 16
    strike = only(
        "قصفت طائرات حربية سوقاً في بلدة الأتارب اليوم، وقال الدفاع المدني إن قرابة عشرة أشخاص "
        "قُتلوا، فيما أفاد مدير أحد المشافي بأن المشفى استقبل جثث ثمانية مدنيين.",
        dt.date(2014, 5, 1),
    )
    assert strike.fatalities in (8, 10)


def test_a_group_led_by_another_is_the_side_not_its_leader() -> None:
    event = only(
        "أعلن التحالف الدولي بقيادة واشنطن، اليوم، أن طائراته قصفت مواقع لتنظيم «داعش» قرب "
        "بلدة هجين.",
        dt.date(2018, 9, 20),
    )
    assert keys(event) == ("coalition", "isis")


def test_an_officer_killed_after_a_passive_verb_is_the_target_and_a_filmed_tape_no_one() -> None:
    event = only(
        "قُتل ضابط برتبة نقيب في الجيش العراقي بانفجار عبوة ناسفة استهدفت سيارته قرب بلدة "
        "الطارمية مساء أمس. ونشرت صفحات على مواقع التواصل لاحقاً شريطاً مصوراً للانفجار.",
        dt.date(2019, 3, 4),
    )
    assert keys(event) == (None, "iraqi_gov")


def test_a_full_stop_after_an_initial_does_not_end_the_sentence() -> None:
    event = only(
        "وفي البقاع، خطف مسلحون مجهولون مساء أمس المواطن (م. ح.)، وهو تاجر سيارات، على الطريق "
        "العام في بلدة مجدل عنجر.",
        dt.date(2015, 6, 2),
    )
    assert event.location is not None and event.location.name == "Majdal Anjar"


def test_the_sides_are_sought_after_a_between_that_only_places_the_town() -> None:
    event = only(
        "في ناحية العلم الواقعة بين تكريت وكركوك، اندلعت اشتباكات بين مقاتلين من العشائر "
        "المتحالفة مع الحكومة ومسلحين من تنظيم «داعش»، قُتل خلالها ثلاثة من مقاتلي العشائر.",
        dt.date(2015, 3, 9),
    )
    assert keys(event) == ("tribal", "isis")


def test_a_call_for_a_ceasefire_is_no_firing() -> None:
    events = extract_events(
        "قُتل أربعة مدنيين اليوم في قصف مدفعي على بلدة سرمين، بعد يوم من دعوة الأمم المتحدة "
        "إلى وقف لإطلاق النار في المنطقة.",
        dt.date(2019, 5, 20),
    )
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


def test_men_who_lost_their_lives_are_whom_the_attack_hit() -> None:
    event = only(
        "قالت «قوات سوريا الديمقراطية» في بيان إن اثنين من مقاتليها فقدا حياتهما في قصف مدفعي "
        "للجيش التركي على قرية قرب بلدة الدرباسية.",
        dt.date(2021, 8, 14),
    )
    assert keys(event) == ("turkey", "sdf")
    assert event.fatalities == 2


def test_the_zenki_movement_and_syrian_warplanes_have_their_keys() -> None:
    clash = only(
        "اندلعت اشتباكات صباح اليوم بين «حركة نور الدين الزنكي» ومسلحي «هيئة تحرير الشام» في "
        "بلدة معرة مصرين.",
        dt.date(2018, 2, 20),
    )
    assert keys(clash) == ("syrian_opposition", "hts")
    strike = only(
        "قُتل ثلاثة مدنيين في غارات شنتها طائرات حربية سورية على بلدة سرمين.",
        dt.date(2018, 2, 20),
    )
    assert keys(strike) == ("syrian_gov", "civilians")


def test_who_calls_for_a_ceasefire_is_no_side_and_men_who_lost_their_lives_were_hit() -> None:
    event = only(
        "وقالت «قوات سوريا الديمقراطية» في بيان إن ثلاثة من مقاتليها فقدوا حياتهم في قصف مدفعي "
        "للجيش التركي على قرية قرب بلدة الدرباسية، بعد يومين من دعوة واشنطن إلى وقف لإطلاق "
        "النار.",
        dt.date(2018, 9, 23),
    )
    assert keys(event) == ("turkey", "sdf")
    assert event.fatalities == 3


def test_the_heights_overlooking_a_town_are_no_place_but_metula_after_its_settlement_word_is() -> (
    None
):
    overlooking = only(
        "أصيب طفلان بجروح، صباح اليوم، جراء قذيفة أطلقها الحوثيون من مواقعهم في الجبال المطلة "
        "على مدينة الضالع.",
        dt.date(2019, 6, 2),
    )
    assert overlooking.location is not None
    assert overlooking.location.name == "Al-Dhale"
    settlement = only(
        "قصف «حزب الله» بصلية صاروخية تجمعاً لجنود الجيش الإسرائيلي في مستعمرة المطلة.",
        dt.date(2024, 10, 8),
    )
    assert settlement.location is not None
    assert settlement.location.name == "Metula"


def test_a_forces_men_are_named_with_the_force() -> None:
    event = only(
        "قُتل ثلاثة من جنود الجيش العراقي بانفجار عبوة ناسفة استهدفت دوريتهم في قضاء الطارمية.",
        dt.date(2020, 1, 1),
    )
    assert event.actor2 is not None
    assert (event.actor2.text, event.actor2.key) == ("جنود الجيش العراقي", "iraqi_gov")


def test_gunmen_no_group_is_named_for_are_an_unknown_attacker() -> None:
    attack = only(
        "قُتل ثلاثة من عناصر الصحوة في هجوم شنه مسلحون على نقطة تفتيش لهم عند مدخل مدينة سامراء.",
        dt.date(2014, 1, 6),
    )
    assert attack.actor1 is not None
    assert (attack.actor1.text, attack.actor1.key) == ("مسلحون", "unknown")
    raid = only(
        "قال مصدر أمني إن مسلحين يرتدون زياً عسكرياً اقتحموا منزل ضابط في الشرطة الاتحادية "
        "في ناحية الإسحاقي، وأطلقوا النار عليه فأردوه قتيلاً.",
        dt.date(2013, 5, 19),
    )
    assert keys(raid)[0] == "unknown"


def test_gunmen_a_group_claims_killed_or_characterised_are_not_unknown() -> None:
    claimed = only(
        "قُتل ثلاثة من عناصر الصحوة في هجوم شنه مسلحون على نقطة تفتيش لهم عند مدخل مدينة "
        "سامراء. وتبنى تنظيم داعش الهجوم في بيان.",
        dt.date(2014, 1, 6),
    )
    assert keys(claimed)[0] == "isis"
    killed = only(
        "قُتل ثلاثة مسلحين في اشتباك مع قوات الأمن العراقية قرب مدينة سامراء.",
        dt.date(2014, 1, 6),
    )
    assert keys(killed)[0] != "unknown"
    local = only(
        "هاجم مسلحون محليون حاجزاً لقوات النظام عند مدخل بلدة المزيريب، ما أدى إلى مقتل عنصرين.",
        dt.date(2021, 8, 11),
    )
    assert keys(local)[0] != "unknown"


def test_warplanes_whose_identity_is_not_known_are_an_unknown_attacker() -> None:
    event = only(
        "قُتل أربعة مدنيين جراء غارات جوية لطائرات حربية لم تُعرف هويتها استهدفت السوق الشعبية "
        "في بلدة أبو الظهور.",
        dt.date(2017, 11, 22),
    )
    assert keys(event) == ("unknown", "civilians")


def test_the_movement_named_again_is_the_movement_the_article_named() -> None:
    event = only(
        "تجددت مساء الثلاثاء الاشتباكات بين «هيئة تحرير الشام» و«حركة نور الدين الزنكي» في "
        "بلدة تقاد بريف حلب الغربي، بعد هجوم شنته الحركة على حاجز للهيئة عند مدخل البلدة.",
        dt.date(2017, 11, 22),
    )
    assert keys(event) == ("syrian_opposition", "hts")


def test_the_force_a_military_source_is_in_only_tells_the_news() -> None:
    event = only(
        'قال مصدر عسكري في "الجيش الوطني السوري" إن إرهابيي "ي ب ك/بي كا كا" هاجموا نقطة '
        "للجيش الوطني قرب قرية كفر كلبين شرقي مدينة أعزاز، ما أسفر عن مقتل ثلاثة من عناصر "
        "النقطة.",
        dt.date(2020, 6, 20),
    )
    assert keys(event)[0] == "sdf"


def test_rockets_fired_with_machine_guns_are_an_assaults_not_a_bombardment() -> None:
    event = only(
        "قال مصدر أمني إن مسلحي تنظيم القاعدة هاجموا نقطة أمنية في مديرية المحفد بالأسلحة "
        "الرشاشة والقذائف الصاروخية، ما أدى إلى مقتل أربعة جنود.",
        dt.date(2018, 10, 16),
    )
    assert event.sub_event_type == "Armed clash"


def test_a_syrian_faction_named_in_quotes_is_of_the_opposition_until_it_took_power() -> None:
    text = (
        "قُتل ضابط برتبة عقيد في القوات النظامية بانفجار عبوة ناسفة استهدفت سيارته قرب بلدة "
        "خان العسل. وبثت «كتيبة أنصار الحق» شريطاً مصوراً قالت فيه إن عناصرها زرعوا العبوة."
    )
    before = only(text, dt.date(2012, 10, 11))
    assert before.actor1 is not None
    assert (before.actor1.text, before.actor1.key) == ("«كتيبة أنصار الحق»", "syrian_opposition")
    after = only(text, dt.date(2025, 5, 4))
    assert after.actor1 is None or after.actor1.key != "syrian_opposition"


def test_martyrs_of_a_force_are_whom_the_attack_hit() -> None:
    event = only(
        "ارتقى ثلاثة شهداء من عناصر الجيش العربي السوري جراء قذائف هاون أطلقها مسلحون على "
        "بلدة مورك.",
        dt.date(2013, 11, 4),
    )
    assert keys(event) == ("unknown", "syrian_gov")
