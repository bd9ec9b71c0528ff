"""Agreement: Krippendorff's alpha checked by hand and against the package, units paired by
evidence, and `hadath agreement` on a small case built by hand."""

from __future__ import annotations

import json
import math
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from db.store import open_store
from extract.agreement import NONE, agreement, alpha_of, closed_form_alpha, units_of
from tests.conftest import make_event, run_cli, seed_ids

N = None  # a missing value in the tables below

# Krippendorff's own worked example ("Computing Krippendorff's Alpha-Reliability", 2011):
# four observers, twelve units, some values missing.
WORKED = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]


def test_krippendorffs_worked_example() -> None:
    nominal, units, _ = alpha_of(WORKED, "nominal")
    assert nominal == pytest.approx(0.743, abs=5e-4)  # his figure
    assert units == 11  # the twelfth unit has one value only
    interval, _, _ = alpha_of(WORKED, "interval")
    assert interval == pytest.approx(0.849, abs=5e-4)


def test_small_cases_computed_by_hand() -> None:
    # nominal: units (a,a) (a,b) (b,b) (b,b); D_o = 2/8, D_e = 2*3*5/(8*7): alpha = 8/15
    alpha, units, note = alpha_of([["a", "a", "b", "b"], ["a", "b", "b", "b"]], "nominal")
    assert alpha == pytest.approx(8 / 15)
    assert units == 4 and note == "only 4 units: too few to mean much"
    # interval: units (1,1) (2,3) (4,4); D_o = 2/6, D_e = 114/30: alpha = 104/114
    alpha, _, _ = alpha_of([[1.0, 2.0, 4.0], [1.0, 3.0, 4.0]], "interval")
    assert alpha == pytest.approx(104 / 114)


def test_one_value_everywhere_is_reported_not_raised() -> None:
    alpha, units, note = alpha_of([["x"] * 12, ["x"] * 12], "nominal")
    assert alpha is None and units == 12
    assert note == "every value is 'x': alpha is undefined for one value"
    alpha, units, note = alpha_of([[1.0, N], [N, 2.0]], "interval")
    assert (alpha, units, note) == (None, 0, "no unit has two values: nothing to compare")


values = st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=12, max_size=12)


@given(st.lists(values, min_size=2, max_size=4))
def test_alpha_is_the_packages(rows: list[list[int | None]]) -> None:
    """Where alpha is defined, it is the package's own over the same data."""
    ours, _, _ = alpha_of(rows, "interval")
    data = np.array([[math.nan if v is None else v for v in row] for row in rows], dtype=float)
    try:
        with np.errstate(invalid="ignore", divide="ignore"):
            theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="interval")
    except ValueError:  # the package refuses: so do we, with a note
        assert ours is None
        return
    if math.isnan(theirs):  # no variation at all: undefined, said rather than shown as nan
        assert ours is None
    else:
        assert ours == pytest.approx(theirs)


def test_units_pair_events_by_evidence_even_when_type_and_place_differ() -> None:
    strike = make_event(evidence={"start": 0, "end": 40})
    clash = make_event(sub_event_type="Armed clash", location=None,
                       evidence={"start": 20, "end": 60})  # fmt: skip
    later = make_event(evidence={"start": 100, "end": 140})
    units = units_of({"layla": [strike, later], "omar": [clash], "sara": [later]})
    assert [sorted(unit) for unit in units] == [["layla", "omar"], ["layla", "sara"]]
    report = agreement({"a1": {"layla": [strike, later], "omar": [clash], "sara": [later]}},
                       ["layla", "omar", "sara"])  # fmt: skip
    fields = {figure.field: figure for figure in report.fields}
    assert fields["sub_event_type"].units == 2
    (article,) = report.by_disagreement
    # two units; each lacks one of three annotators; type and place differ in the first
    assert article.disagreements == 2 + 2
    assert NONE == "(none)"


def test_the_agreement_command_on_a_case_built_by_hand(two_reviewers: Path) -> None:
    with open_store(two_reviewers) as store:
        machine = store.db.execute("SELECT count(*) FROM events").fetchone()[0]
        ids = seed_ids(store)
    result = run_cli(two_reviewers, "agreement", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["sources"] == ["layla", "omar", "extractor"] and report["articles"] == 5
    pairs = {(p["row"], p["column"]): p for p in report["pairs"]}
    layla_omar = pairs["layla", "omar"]
    assert (layla_omar["row_events"], layla_omar["column_events"]) == (machine, machine - 3)
    assert layla_omar["matched"] == machine - 3
    assert layla_omar["precision"] == pytest.approx((machine - 3) / machine)
    assert layla_omar["recall"] == 1.0
    assert layla_omar["f1"] == pytest.approx(2 * (machine - 3) / (2 * machine - 3))
    assert pairs["extractor", "layla"]["f1"] == 1.0  # she accepted every machine event
    fields = {f["field"]: f for f in report["fields"]}
    assert fields["sub_event_type"]["alpha"] == 1.0  # the same type in every unit...
    assert fields["sub_event_type"]["units"] == machine - 3
    assert fields["fatalities"]["alpha"] < 1.0  # ...but two more dead in five units
    order = [a["article_id"] for a in report["articles_by_disagreement"]]
    assert sorted(order) == sorted(ids)
    first = report["articles_by_disagreement"][0]
    assert first["article_id"] in ids[::2]  # a rejected event and a changed count
    assert first["disagreements"] == 2
    table = run_cli(two_reviewers, "agreement").output
    assert "5 articles finished by two or more of the annotators (layla, omar)" in table
    assert "Krippendorff's alpha" in table


def test_agreement_needs_two_annotators(two_reviewers: Path) -> None:
    result = run_cli(two_reviewers, "agreement", "--annotators", "layla")
    assert result.exit_code == 1
    assert "agreement needs two annotators or more (found: layla)" in result.stderr
    nobody = run_cli(two_reviewers, "agreement", "--annotators", "layla,zed")
    assert nobody.exit_code == 0
    assert "0 articles finished by two or more" in nobody.output


@given(st.lists(values, min_size=2, max_size=4), st.sampled_from(["nominal", "interval"]))
def test_the_closed_form_is_the_packages(rows: list[list[int | None]], level: str) -> None:
    """The sums hadath uses on large domains give the package's alpha."""
    data = np.array([[math.nan if v is None else v for v in row] for row in rows], dtype=float)
    pairable = data[:, (~np.isnan(data)).sum(axis=0) >= 2]
    assume(pairable.shape[1] > 0)  # alpha_of answers these itself, before any formula
    if len(np.unique(pairable[~np.isnan(pairable)])) < 2:
        with pytest.raises(ValueError):  # one value: undefined, as the package says too
            closed_form_alpha(pairable, level)  # type: ignore[arg-type]
        return
    theirs = krippendorff.alpha(reliability_data=pairable, level_of_measurement=level)
    assert closed_form_alpha(pairable, level) == pytest.approx(theirs)  # type: ignore[arg-type]


def test_a_large_domain_takes_the_closed_form(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dates over many units: the package would build a units x values x values array."""
    import extract.agreement

    rows = [WORKED[0], WORKED[1], WORKED[2], WORKED[3]]
    expected, _, _ = alpha_of(rows, "nominal")
    monkeypatch.setattr(extract.agreement, "PACKAGE_CELLS", 0)
    assert alpha_of(rows, "nominal")[0] == pytest.approx(expected)
    assert alpha_of(rows, "interval")[0] == pytest.approx(0.849, abs=5e-4)
