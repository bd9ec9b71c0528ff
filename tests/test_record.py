"""The event record: every valid record round-trips, and any JSON value is parsed or refused."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.record import LEVELS, VAGUE_COUNTS, RecordError, parse_event
from extract.vocabulary import ACTORS, EVENT_TYPES, SUB_EVENT_TYPES

maybe_text = st.none() | st.text(max_size=20)
actor = st.none() | st.fixed_dictionaries(
    {"text": maybe_text, "key": st.none() | st.sampled_from(sorted(ACTORS)), "name": maybe_text}
)
location = st.none() | st.fixed_dictionaries(
    {
        "text": maybe_text,
        "name": maybe_text,
        "admin1": maybe_text,
        "country": maybe_text,
        "lat": st.none() | st.floats(-90, 90),
        "lon": st.none() | st.floats(-180, 180),
    },
    optional={
        "admin2": maybe_text,
        "level": st.none() | st.sampled_from(LEVELS),
        "qualifier": st.none() | st.just("near"),
    },
)
actors = st.lists(actor.filter(lambda value: value is not None), max_size=3)
span = st.integers(0, 10_000).flatmap(
    lambda start: st.integers(start + 1, start + 500).map(lambda end: {"start": start, "end": end})
)
records = st.fixed_dictionaries(
    {
        "sub_event_type": st.sampled_from(sorted(SUB_EVENT_TYPES)),
        "actor1": actor,
        "actor2": actor,
        "location": location,
        "date": st.none() | st.dates().map(lambda d: d.isoformat()),
        "date_text": maybe_text,
        "fatalities": st.none() | st.integers(0, 10**6),
        "injured": st.none() | st.integers(0, 10**6),
        "evidence": span,
        "confidence": st.none() | st.floats(0, 1),
        "origin": st.sampled_from(["machine", "human"]),
        "extractor": maybe_text,
    },
    optional={
        "date_precision": st.none() | st.sampled_from([1, 2, 3]),
        "fatalities_vague": st.none() | st.sampled_from(VAGUE_COUNTS),
        "assoc_actors1": actors,
        "assoc_actors2": actors,
    },
)


@given(records)
def test_valid_records_round_trip(record: dict[str, Any]) -> None:
    event = parse_event(record)
    out = event.to_dict()
    assert out["event_type"] == SUB_EVENT_TYPES[record["sub_event_type"]]
    assert parse_event(out) == event
    given_location = record["location"]
    assert {key: out[key] for key in record if key != "location"} == {
        key: value for key, value in record.items() if key != "location"
    }
    if given_location is None:
        assert out["location"] is None
    else:  # members the record left out (added after the first version) are null
        assert {key: out["location"][key] for key in given_location} == given_location
        assert all(
            out["location"][key] is None for key in set(out["location"]) - set(given_location)
        )
    for later in ("date_precision", "fatalities_vague"):
        assert out[later] == record.get(later)
    for later in ("assoc_actors1", "assoc_actors2"):
        assert out[later] == record.get(later, [])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=20,
)


@given(json_values)
def test_any_json_value_is_parsed_or_refused_with_a_record_error(value: Any) -> None:
    try:
        parse_event(value)
    except RecordError as error:
        assert str(error)


@given(
    records,
    st.sampled_from(["sub_event_type", "evidence", "fatalities", "actor1", "date"]),
    json_values,
)
def test_a_damaged_field_is_named_in_the_refusal(
    record: dict[str, Any], key: str, value: Any
) -> None:
    damaged = {**record, key: value}
    try:
        parse_event(damaged)
    except RecordError as error:
        assert key in str(error) or "sub_event_type" in str(error)


def test_vocabulary_matches_the_contract() -> None:
    assert len(SUB_EVENT_TYPES) == 25
    assert EVENT_TYPES == (
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    )
    assert list(ACTORS) == [
        "us",
        "coalition",
        "israel",
        "russia",
        "turkey",
        "syrian_gov",
        "iraqi_gov",
        "iran_backed",
        "irgc",
        "hezbollah",
        "sdf",
        "isis",
        "houthi",
        "hts",
        "syrian_opposition",
        "tribal",
        "civilians",
        "unknown",
    ]


@pytest.mark.parametrize("ids_allowed", [False, True])
def test_ids_are_admitted_only_where_asked(ids_allowed: bool) -> None:
    record = {"sub_event_type": "Grenade", "evidence": {"start": 0, "end": 1}, "event_id": "e1"}
    if ids_allowed:
        assert parse_event(record, allow_ids=True).extra == {"event_id": "e1"}
    else:
        with pytest.raises(RecordError, match="unknown key 'event_id'"):
            parse_event(record)


_GRENADE = {"sub_event_type": "Grenade", "evidence": {"start": 0, "end": 1}}


@pytest.mark.parametrize(
    ("member", "value", "named"),
    [
        ("location", {"level": "planet"}, "location.level must be one of site, neighbourhood"),
        ("location", {"qualifier": "inside"}, "location.qualifier must be one of near or null"),
        ("location", {"admin2": 7}, "location.admin2 must be a string or null"),
        ("date_precision", 4, "date_precision must be one of 1, 2, 3 or null"),
        ("date_precision", True, "date_precision must be one of 1, 2, 3 or null"),
        ("fatalities_vague", "a lot", "fatalities_vague must be one of few, several"),
        ("assoc_actors1", {"key": "us"}, "assoc_actors1 must be a list of actors"),
        ("assoc_actors2", [None], "assoc_actors2[0] must be an actor object, not null"),
        ("assoc_actors1", [{"key": "martians"}], "assoc_actors1[0].key 'martians' is not a known"),
        ("assoc_actors1", [{"colour": "red"}], "assoc_actors1[0] has unknown key 'colour'"),
    ],
)
def test_later_members_are_checked_like_the_rest(member: str, value: Any, named: str) -> None:
    with pytest.raises(RecordError, match=re.escape(named)):
        parse_event({**_GRENADE, member: value})


def test_later_members_are_optional_and_round_trip() -> None:
    bare = parse_event(_GRENADE)
    assert (bare.date_precision, bare.fatalities_vague) == (None, None)
    assert bare.assoc_actors1 == bare.assoc_actors2 == ()
    full = {
        **_GRENADE,
        "location": {"text": "قرب البوكمال", "admin2": "Al-Bukamal", "level": "town"},
        "date_precision": 2,
        "fatalities_vague": "dozens",
        "assoc_actors1": [{"text": "الحرس الثوري", "key": "irgc", "name": None}],
    }
    full["location"]["qualifier"] = "near"
    event = parse_event(full)
    assert event.location is not None and event.location.level == "town"
    assert event.assoc_actors1[0].key == "irgc"
    assert parse_event(event.to_dict()) == event
    assert event.to_dict()["assoc_actors1"] == full["assoc_actors1"]
