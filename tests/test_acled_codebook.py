"""The CSV against ACLED's current codebook: actor types, interactions, targeting, precisions,
figures, ids, generic names, source scales, and a round trip through the csv module."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import pytest

from db.acled import (
    ACLED_COLUMNS,
    AcledStyle,
    acled_fatalities,
    acled_row,
    civilian_targeting,
    disorder_type,
    event_id_cnty,
    geo_precision,
    inter_code,
    interaction_code,
    source_scale,
)
from db.acled_codebook import INTER_LABELS, INTERACTIONS, SOURCE_SCALES
from db.store import open_store
from tests.conftest import accepted_seeds, run_cli


def actor(key: str | None, name: str = "x") -> dict[str, Any]:
    return {"text": "نص", "key": key, "name": name}


def place(**members: Any) -> dict[str, Any]:
    base = dict.fromkeys(("text", "name", "admin1", "admin2", "level", "qualifier"))
    return {**base, "country": "Syria", "lat": 35.0, "lon": 38.0, **members}


def record(**members: Any) -> dict[str, Any]:
    """A curated record as db.curated yields it, with `members` overriding."""
    base: dict[str, Any] = {
        "event_id": "m0123456789abcdef",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": actor("us", "United States"),
        "actor2": actor("iran_backed", "Iran-backed militias"),
        "location": place(name="Al-Bukamal", level="town"),
        "date": "2023-10-27",
        "date_precision": 1,
        "fatalities": None,
        "fatalities_vague": None,
        "assoc_actors1": [],
        "assoc_actors2": [],
        "article": {"source": None},
        "evidence_text": "نص",
        "decided_at": "2024-01-01T00:00:00Z",
    }
    return {**base, **members}


# -- the codebook's tables -----------------------------------------------------------------


def test_the_interaction_table_names_every_pair_of_types_once_in_acleds_order() -> None:
    assert len(INTERACTIONS) == 44
    for low in INTER_LABELS:
        assert INTERACTIONS[low * 10] == f"{INTER_LABELS[low]} only"
        for high in INTER_LABELS:
            code = interaction_code(low, high)
            assert code == interaction_code(high, low) == min(low, high) * 10 + max(low, high)
            assert code in INTERACTIONS
    assert INTERACTIONS[78] == "External/Other forces-Civilians"  # not sorted by code
    assert INTERACTIONS[17] == "State forces-Civilians"


@pytest.mark.parametrize(
    ("key", "country", "label"),
    [
        ("turkey", "Turkey", "State forces"),
        ("turkey", "Syria", "External/Other forces"),
        ("israel", "Palestine", "State forces"),
        ("israel", "Israel", "State forces"),
        ("israel", "Lebanon", "External/Other forces"),
        ("houthi", "Yemen", "State forces"),  # Yemen's competing forces are state forces
        ("houthi", "Israel", "External/Other forces"),
        ("syrian_gov", "Syria", "State forces"),
        ("iraqi_gov", "Syria", "External/Other forces"),
        ("irgc", "Iran", "State forces"),
        ("irgc", "Syria", "External/Other forces"),
        ("us", "Iraq", "External/Other forces"),
        ("us", None, "External/Other forces"),
        ("syrian_gov", None, "State forces"),
        ("coalition", "Iraq", "External/Other forces"),
        ("isis", "Iraq", "Rebel group"),
        ("iran_backed", "Syria", "Political militia"),
        ("unknown", "Syria", "Political militia"),
        ("tribal", "Syria", "Identity militia"),
        ("civilians", "Syria", "Civilians"),
    ],
)
def test_an_actors_type_depends_on_the_events_country(
    key: str, country: str | None, label: str
) -> None:
    code = inter_code(actor(key), country)
    assert code is not None and INTER_LABELS[code] == label


def test_a_key_without_a_type_and_a_missing_actor_leave_the_cells_blank() -> None:
    assert inter_code(actor("a_new_key"), "Syria") is None
    assert inter_code(None, "Syria") is None
    row = acled_row(record(actor1=actor("a_new_key"), actor2=None))
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("", "", "")


def test_civilians_targeted_only_where_civilians_are_the_target_and_never_in_battles() -> None:
    civilians = actor("civilians")
    assert civilian_targeting(record(actor2=civilians)) == "Civilians targeted"
    assert civilian_targeting(record(actor2=actor("iran_backed"))) == ""
    vac = record(event_type="Violence against civilians", sub_event_type="Attack", actor2=None)
    assert civilian_targeting(vac) == "Civilians targeted"
    battle = record(event_type="Battles", sub_event_type="Armed clash", actor2=civilians)
    assert civilian_targeting(battle) == ""
    excessive = record(
        event_type="Protests", sub_event_type="Excessive force against protesters", actor2=civilians
    )
    assert civilian_targeting(excessive) == "Civilians targeted"
    peaceful = record(event_type="Protests", sub_event_type="Peaceful protest", actor2=civilians)
    assert civilian_targeting(peaceful) == ""
    arrests = record(
        event_type="Strategic developments", sub_event_type="Arrests", actor2=civilians
    )
    assert civilian_targeting(arrests) == ""


def test_disorder_types_follow_the_codebooks_table() -> None:
    assert disorder_type("Riots", "Mob violence") == "Political violence"
    assert disorder_type("Riots", "Violent demonstration") == "Demonstrations"
    assert (
        disorder_type("Protests", "Excessive force against protesters")
        == "Political violence; Demonstrations"
    )
    assert disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert disorder_type("Battles", "Armed clash") == "Political violence"
    assert disorder_type("Strategic developments", "Arrests") == "Strategic developments"


@pytest.mark.parametrize(
    ("level", "qualifier", "precision"),
    [
        ("town", None, 1),
        ("village", None, 1),
        ("neighbourhood", None, 1),
        ("site", None, 1),
        ("city", None, 1),
        ("town", "near", 2),
        ("district", None, 2),
        ("governorate", None, 3),
        ("region", None, 3),
        ("water", None, 3),
        ("governorate", "near", 3),
        (None, None, 1),
    ],
)
def test_geo_precision_follows_the_places_level(
    level: str | None, qualifier: str | None, precision: int
) -> None:
    assert geo_precision(place(level=level, qualifier=qualifier)) == precision


def test_a_place_without_coordinates_has_no_geo_precision() -> None:
    assert geo_precision(place(lat=None, lon=None, level="town")) == ""


@pytest.mark.parametrize(
    ("fatalities", "vague", "figure"),
    [
        (None, None, 0),
        (0, None, 0),
        (7, None, 7),
        (None, "few", 3),
        (None, "several", 3),
        (None, "many", 10),
        (None, "dozens", 12),
        (None, "hundreds", 100),
        (4, "dozens", 4),
    ],
)
def test_fatalities_are_0_when_unknown_and_acleds_figure_for_a_vague_count(
    fatalities: int | None, vague: str | None, figure: int
) -> None:
    assert acled_fatalities(record(fatalities=fatalities, fatalities_vague=vague)) == figure


def test_time_precision_is_the_dates_and_the_date_is_kept() -> None:
    row = acled_row(record(date="2024-03-15", date_precision=3))
    assert (row["event_date"], row["time_precision"]) == ("2024-03-15", 3)
    assert acled_row(record(date_precision=None))["time_precision"] == 1
    assert acled_row(record(date=None, date_precision=None))["time_precision"] == ""


def test_event_id_cnty_is_the_iso_code_and_a_number_stable_for_the_event() -> None:
    first = event_id_cnty("m0123456789abcdef", "Syria")
    assert re.fullmatch(r"SYR\d+", first)
    assert event_id_cnty("m0123456789abcdef", "Syria") == first
    assert event_id_cnty("m0123456789abcdef", "Iraq") == "IRQ" + first[3:]
    assert event_id_cnty("m0123456789abcdef", None).startswith("XXX")
    numbers = {event_id_cnty(f"h{index:016x}", "Syria") for index in range(50_000)}
    assert len(numbers) == 50_000


def test_generic_names_carry_the_country_and_associated_actors_are_joined() -> None:
    row = acled_row(
        record(
            actor1=actor("unknown", "Unknown"),
            actor2=actor("civilians", "Civilians"),
            assoc_actors1=[actor("hezbollah", "Hezbollah"), actor("irgc", "IRGC")],
            assoc_actors2=[actor("civilians", "Civilians")],
        )
    )
    assert row["actor1"] == "Unidentified Armed Group (Syria)"
    assert row["actor2"] == "Civilians (Syria)"
    assert row["assoc_actor_1"] == "Hezbollah; IRGC"
    assert row["assoc_actor_2"] == "Civilians (Syria)"
    assert row["interaction"] == "Political militia-Civilians"


def test_source_scales_combine_as_acled_combines_them() -> None:
    scales = {"SANA": "National", "Reuters": "International", "SOHR": "Subnational"}
    assert source_scale("SANA", scales) == "National"
    assert source_scale("Reuters; SANA", scales) == "National-International"
    assert source_scale("Reuters; SANA; SOHR", scales) == "Subnational-International"
    assert source_scale("Unknown paper", scales) == ""
    assert source_scale(None, scales) == ""
    assert list(SOURCE_SCALES)[:2] == ["Local partner", "Other"]


def test_numeric_codes_on_request() -> None:
    row = acled_row(record(), AcledStyle(numeric_inter=True))
    assert (row["inter1"], row["inter2"], row["interaction"]) == (8, 3, 38)
    one_sided = acled_row(record(actor2=None), AcledStyle(numeric_inter=True))
    assert one_sided["interaction"] == 80
    assert acled_row(record(actor2=None))["interaction"] == "External/Other forces only"


# -- the CSV the command writes --------------------------------------------------------------


@pytest.fixture
def curated_seeds(db_path: Path) -> Path:
    """The seeds as the demo imports them, extracted, every event accepted by layla."""
    return accepted_seeds(db_path)


def read_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _date(cell: str) -> dt.date:
    return dt.date.fromisoformat(cell)


def test_every_csv_cell_reads_back_as_the_codebooks_type_and_values(curated_seeds: Path) -> None:
    result = run_cli(curated_seeds, "export", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = read_rows(result.stdout)
    assert len(rows) >= 20 and all(tuple(row) == ACLED_COLUMNS for row in rows)
    ids = [row["event_id_cnty"] for row in rows]
    assert len(set(ids)) == len(ids)
    for row in rows:
        assert re.fullmatch(r"(SYR|IRQ|XXX)\d+", row["event_id_cnty"])
        if row["event_date"]:
            assert str(_date(row["event_date"]).year) == row["year"]
            assert int(row["time_precision"]) in (1, 2, 3)
        else:
            assert row["year"] == row["time_precision"] == ""
        assert row["disorder_type"] in {
            "Political violence",
            "Demonstrations",
            "Strategic developments",
            "Political violence; Demonstrations",
        }
        for column in ("inter1", "inter2"):
            assert row[column] in {"", *INTER_LABELS.values()}
        assert row["interaction"] in {"", *INTERACTIONS.values()}
        assert bool(row["interaction"]) == bool(row["inter1"] or row["inter2"])
        if row["inter1"] and not row["inter2"]:
            assert row["interaction"] == f"{row['inter1']} only"
        assert row["civilian_targeting"] in ("", "Civilians targeted")
        if row["event_type"] == "Battles":
            assert row["civilian_targeting"] == ""
        if row["latitude"]:
            assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180
            assert int(row["geo_precision"]) in (1, 2, 3)
            assert int(row["iso"]) in (760, 368)
        assert int(row["fatalities"]) >= 0
        assert int(row["timestamp"]) > 1_600_000_000
    assert {"External/Other forces", "Political militia"} <= {row["inter1"] for row in rows}
    assert "Political militia-External/Other forces" in {row["interaction"] for row in rows}
    sources = {row["source"] for row in rows}
    assert "Reuters; AFP; Syrian Observatory for Human Rights" in sources


def test_the_same_dataset_gets_the_same_ids_in_every_export(curated_seeds: Path) -> None:
    first = read_rows(run_cli(curated_seeds, "export", "--format", "csv").stdout)
    again = read_rows(run_cli(curated_seeds, "export", "--format", "csv").stdout)
    assert [row["event_id_cnty"] for row in first] == [row["event_id_cnty"] for row in again]


def test_numeric_inter_codes_from_the_command_line(curated_seeds: Path) -> None:
    result = run_cli(curated_seeds, "export", "--format", "csv", "--inter-codes", "numeric")
    assert result.exit_code == 0, result.output
    rows = read_rows(result.stdout)
    for row in rows:
        if row["interaction"]:
            assert int(row["interaction"]) in INTERACTIONS
        for column in ("inter1", "inter2"):
            assert row[column] == "" or int(row[column]) in INTER_LABELS


def test_excel_starts_the_csv_with_a_byte_order_mark(curated_seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "curated.csv"
    result = run_cli(curated_seeds, "export", "-o", str(out), "--excel")
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfevent_id_cnty,")
    assert read_rows(data.decode("utf-8-sig"))[0]["event_id_cnty"]
    plain = run_cli(curated_seeds, "export", "--format", "csv").stdout_bytes
    assert plain.startswith(b"event_id_cnty,")


def test_excel_is_refused_for_json_lines(curated_seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "curated.jsonl"
    result = run_cli(curated_seeds, "export", "-o", str(out), "--excel")
    assert result.exit_code == 1
    assert "it is for CSV" in result.stderr
    assert not out.exists()


def test_a_sources_scale_fills_source_scale(curated_seeds: Path) -> None:
    source = "Reuters; AFP; Syrian Observatory for Human Rights"
    set_it = run_cli(curated_seeds, "sources", "scale", source, "international")
    assert set_it.exit_code == 0, set_it.output
    assert set_it.stdout == f"{source}: International\n"  # ACLED's spelling, as stored
    listing = run_cli(curated_seeds, "sources")
    assert "International" in listing.stdout and source in listing.stdout
    rows = read_rows(run_cli(curated_seeds, "export", "--format", "csv").stdout)
    scaled = {row["source_scale"] for row in rows if row["source"] == source}
    assert scaled == {"International"}
    assert {row["source_scale"] for row in rows if row["source"] != source} == {""}
    assert run_cli(curated_seeds, "sources", "scale", source, "--clear").exit_code == 0
    rows = read_rows(run_cli(curated_seeds, "export", "--format", "csv").stdout)
    assert {row["source_scale"] for row in rows} == {""}


def test_a_scale_acled_lacks_and_a_source_nobody_names_are_refused(curated_seeds: Path) -> None:
    source = "Reuters; AFP; Syrian Observatory for Human Rights"
    wrong = run_cli(curated_seeds, "sources", "scale", source, "Global")
    assert wrong.exit_code == 1 and "not one of ACLED's source scales" in wrong.stderr
    nobody = run_cli(curated_seeds, "sources", "scale", "Al-Nowhere", "National")
    assert nobody.exit_code == 1 and "no article names the source 'Al-Nowhere'" in nobody.stderr
    with open_store(curated_seeds) as store:
        assert store.conn.execute("SELECT count(*) FROM source_scales").fetchone()[0] == 0
