"""The event record: every valid record round-trips, and any JSON value is parsed or refused."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.record import RecordError, parse_event
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
    }
)
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
    }
)


@given(records)
def test_valid_records_round_trip(record: dict[str, Any]) -> None:
    event = parse_event(record)
    out = event.to_dict()
    assert out["event_type"] == SUB_EVENT_TYPES[record["sub_event_type"]]
    assert parse_event(out) == event
    assert {key: out[key] for key in record} == record


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
