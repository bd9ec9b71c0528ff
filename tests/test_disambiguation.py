"""Places sharing a name, read by their context (extract.disambiguation), real gazetteer."""

from __future__ import annotations

import pytest

from extract import extract_events
from extract.disambiguation import resolve_places
from extract.gazetteer import PlaceMatch, find_places, lookup


def _read(text: str) -> dict[str, PlaceMatch]:
    return {match.text: match for match in resolve_places(text, find_places(text))}


def test_the_name_has_many_homonyms_so_the_tests_below_choose_among_them() -> None:
    homonyms = lookup("المشيرفة")
    assert len(homonyms) >= 15
    assert len({place.admin1 for place in homonyms}) >= 6


@pytest.mark.parametrize(
    ("text", "admin1", "admin2"),
    [
        ("استهدفت طائرة مسيرة قرية المشيرفة بريف منبج.", "Aleppo", "Manbij"),
        ("قصفت المدفعية قرية المشيرفة في منطقة جسر الشغور غربي إدلب.", "Idlib", "Jisr al-Shughur"),
        ("سقطت قذائف على قرية المشيرفة في ريف اللاذقية.", "Latakia", None),
        ("قتل مدني في قرية المشيرفة بريف حماة الشرقي.", "Hama", "Al-Salamiyah"),
        ("انفجرت عبوة في قرية المشيرفة شرقي القامشلي بريف الحسكة.", "Al-Hasakah", None),
    ],
)
def test_an_area_named_beside_the_village_chooses_among_its_homonyms(
    text: str, admin1: str, admin2: str | None
) -> None:
    place = _read(text)["المشيرفة"].place
    assert place.admin1 == admin1
    if admin2 is not None:
        assert place.admin2 == admin2
    assert place.lat is not None


def test_the_side_of_the_countryside_chooses_among_the_homonyms_of_one_governorate() -> None:
    homs = [p for p in lookup("المشيرفة") if p.admin1 == "Homs"]
    assert len(homs) >= 3
    east = _read("قصف على قرية المشيرفة في ريف حمص الشرقي.")["المشيرفة"].place
    west = _read("قصف على قرية المشيرفة في ريف حمص الغربي.")["المشيرفة"].place
    assert east.admin1 == west.admin1 == "Homs"
    assert east.lon is not None and west.lon is not None
    assert east.lon > 37.0 > west.lon


def test_the_article_s_other_places_choose_when_no_area_is_named() -> None:
    text = (
        "سقطت قذائف على قرية المشيرفة صباح اليوم.\n\n"
        "وكانت قرى في منطقة جسر الشغور قد تعرضت للقصف أمس."
    )
    place = _read(text)["المشيرفة"].place
    assert (place.admin1, place.admin2) == ("Idlib", "Jisr al-Shughur")


def test_a_town_the_village_is_only_said_to_be_near_prefers_the_nearest_reading() -> None:
    place = _read("قصفت القوات التركية قرية المشيرفة جنوب شرق منبج.")["المشيرفة"].place
    manbij = next(p for p in lookup("منبج") if p.level == "town")
    others = [p for p in lookup("المشيرفة") if p.key != place.key]
    assert place.lat is not None and manbij.lat is not None
    distance = abs(place.lat - manbij.lat) + abs((place.lon or 0) - (manbij.lon or 0))
    assert all(
        distance <= abs((p.lat or 90) - manbij.lat) + abs((p.lon or 180) - (manbij.lon or 0))
        for p in others
    )


def test_a_village_the_area_contradicts_is_never_placed_there() -> None:
    # No الرصافة of the gazetteer lies in Raqqa governorate: the text says it does.
    assert not [p for p in lookup("الرصافة") if p.admin1 == "Raqqa"]
    match = _read("قتل اثنان في ناحية الرصافة في ريف الرقة.")["الرصافة"]
    assert match.place.admin1 == "Raqqa"
    assert (match.place.lat, match.place.lon) == (None, None)
    assert match.place.key.startswith("unplaced:")
    # the gazetteer's readings stay for the reviewer to choose from
    assert {p.key for p in lookup("الرصافة")} <= {p.key for p in match.candidates}


def test_places_listed_together_do_not_place_each_other() -> None:
    place = _read("قصف على المشيرفة وتلكلخ.")["المشيرفة"].place
    assert place.lat is not None  # a listed town is no area: the reading is not dropped


def test_a_name_an_area_placed_is_read_the_same_elsewhere_in_the_article() -> None:
    text = (
        "استهدفت طائرة مسيرة قرية المشيرفة بريف منبج.\n\n"
        "وأفاد سكان أن القصف على المشيرفة أدى إلى نزوح عشرات العائلات."
    )
    mentions = [m for m in resolve_places(text, find_places(text)) if m.text == "المشيرفة"]
    assert len(mentions) == 2
    assert mentions[0].place.key == mentions[1].place.key
    assert mentions[1].place.admin2 == "Manbij"


def test_a_governorate_is_never_turned_into_its_city_by_context() -> None:
    text = "قصفت قوات النظام ريف حمص. وقتل مدني في مدينة تلكلخ."
    assert _read(text)["حمص"].place.level == "governorate"


def test_the_event_is_placed_in_the_village_the_area_names() -> None:
    text = "قتل ثلاثة مدنيين بقصف مدفعي على قرية المشيرفة بريف منبج أمس."
    (event,) = extract_events(text, "2024-03-10")
    assert event.location is not None
    assert (event.location.admin1, event.location.admin2) == ("Aleppo", "Manbij")
    assert event.location.level == "village"
    assert event.fatalities == 3
