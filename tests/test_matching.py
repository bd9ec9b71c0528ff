"""The one matching of events (extract.evaluate.match_events) that evaluate, agreement and
adjudication share: maximum one-to-one, then best agreement on date and evidence."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.evaluate import match_events, place_agrees, same_district
from extract.record import Event
from tests.conftest import make_event


def place(name: str, lat: float | None = None, lon: float | None = None) -> dict[str, Any]:
    return {"text": name, "name": name, "lat": lat, "lon": lon}


def test_the_most_pairs_win_over_the_best_first_pair() -> None:
    """Greedy pairing takes (p0, g0), the best-scored pair, and leaves p1 alone; the
    maximum matching pairs both."""
    g0 = make_event(location=place("Hajin", 34.70, 40.83), evidence={"start": 0, "end": 40})
    g1 = make_event(location=place("Susah"), date="2023-11-02", evidence={"start": 200, "end": 240})
    p0 = make_event(location=place("Susah", 34.72, 40.85), evidence={"start": 0, "end": 40})
    p1 = make_event(location=place("Hajin"), date="2023-12-30", evidence={"start": 500, "end": 540})
    assert place_agrees(p0.location, g0.location)  # 3 km apart
    assert place_agrees(p0.location, g1.location)  # the same name
    assert not place_agrees(p1.location, g1.location)
    assert match_events([p0, p1], [g0, g1]) == [(0, 1), (1, 0)]


def test_among_as_many_pairs_the_best_agreeing_are_taken() -> None:
    gold = [make_event(date="2023-10-27", evidence={"start": 0, "end": 40}),
            make_event(date="2023-10-28", evidence={"start": 100, "end": 140})]  # fmt: skip
    predicted = [make_event(date="2023-10-28", evidence={"start": 100, "end": 140}),
                 make_event(date="2023-10-27", evidence={"start": 0, "end": 40})]  # fmt: skip
    assert match_events(predicted, gold) == [(0, 1), (1, 0)]


def test_no_pair_across_types_or_places() -> None:
    assert match_events([make_event(sub_event_type="Armed clash")], [make_event()]) == []
    assert match_events([make_event(location=place("Hajin"))], [make_event()]) == []
    assert match_events([], [make_event()]) == [] and match_events([make_event()], []) == []


TYPES = ("Air/drone strike", "Armed clash")
PLACES = (place("Hajin"), place("Susah"), place("Al-Bukamal"))


@st.composite
def events(draw: st.DrawFn) -> list[Event]:
    chosen = draw(st.lists(st.tuples(st.sampled_from(TYPES), st.sampled_from(PLACES),
                                     st.sampled_from(("2023-10-27", "2023-10-28"))),
                           max_size=5))  # fmt: skip
    return [make_event(sub_event_type=t, location=p, date=d) for t, p, d in chosen]


def _most_pairs(predicted: list[Event], gold: list[Event]) -> int:
    """The size of a maximum matching, by trying every assignment (small lists only)."""
    best = 0
    for order in itertools.permutations(range(len(gold)), min(len(predicted), len(gold))):
        pairs = sum(
            1
            for i, j in enumerate(order)
            if predicted[i].sub_event_type == gold[j].sub_event_type
            and place_agrees(predicted[i].location, gold[j].location)
        )
        best = max(best, pairs)
    return best


@given(events(), events())
def test_the_matching_is_one_to_one_allowed_and_maximum(
    predicted: list[Event], gold: list[Event]
) -> None:
    pairs = match_events(predicted, gold)
    assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
    for i, j in pairs:
        assert predicted[i].sub_event_type == gold[j].sub_event_type
        assert place_agrees(predicted[i].location, gold[j].location)
    if len(predicted) <= len(gold):
        assert len(pairs) == _most_pairs(predicted, gold)
    else:
        assert len(pairs) == _most_pairs(gold, predicted)


def test_the_later_members_are_scored_when_asked() -> None:
    """A report over the later fields counts the place's district and level, the qualifier,
    the date's precision and a vague count on matched pairs."""
    from extract.evaluate import FIELDS, LATER_FIELDS, evaluate

    gold = make_event(location={"name": "Saraqib", "admin2": "Idlib", "level": "town",
                                "qualifier": "near"},
                      date="2024-05-02", date_precision=1, fatalities=None,
                      fatalities_vague="dozens")  # fmt: skip
    predicted = make_event(location={"name": "Saraqib", "admin2": "IDLIB", "level": "city"},
                           date="2024-05-02", date_precision=1)  # fmt: skip
    report = evaluate([("a", [predicted], [gold])], FIELDS + LATER_FIELDS)
    assert report.matched == 1
    assert report.accuracy("admin2") == 1.0  # the district's case does not matter
    assert report.accuracy("level") == 0.0 and report.accuracy("qualifier") == 0.0
    assert report.accuracy("date_precision") == 1.0 and report.accuracy("fatalities_vague") == 0
    assert "level" not in evaluate([("a", [predicted], [gold])]).to_dict()["fields"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Al-Bukamal", "Abu Kamal", True),
        ("Hawija", "Hawiga", True),
        ("Al-Mayadin", "mayadin", True),
        ("Maarrat al-Numan", "Maarrat al-Nu'man", True),
        ("Al-Bukamal", "Mayadin", False),
        ("Hawija", None, False),
        ("Nowhere-at-all", "Nowhere-at-all-2", False),
    ],
)
def test_a_district_is_right_under_any_of_its_names(a: str, b: str | None, same: bool) -> None:
    assert same_district(a, b) is same
