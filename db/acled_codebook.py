"""ACLED's codebook as tables: actor types, interactions, countries, figures, source scales.

Every value here is ACLED's own (the ACLED Codebook, acleddata.com/methodology/
acled-codebook; the README cites each rule). `db.acled` applies them to one
curated record; the tables are kept apart so that a reader can check them
against the codebook line by line.
"""

from __future__ import annotations

from typing import Final

INTER_LABELS: Final[dict[int, str]] = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
"""ACLED's actor types: the classic numeric inter code and today's text value."""

STATE_FORCES: Final = 1
EXTERNAL_FORCES: Final = 8

INTERACTIONS: Final[dict[int, str]] = {
    10: "State forces only",
    11: "State forces-State forces",
    12: "State forces-Rebel group",
    13: "State forces-Political militia",
    14: "State forces-Identity militia",
    15: "State forces-Rioters",
    16: "State forces-Protesters",
    17: "State forces-Civilians",
    18: "State forces-External/Other forces",
    20: "Rebel group only",
    22: "Rebel group-Rebel group",
    23: "Rebel group-Political militia",
    24: "Rebel group-Identity militia",
    25: "Rebel group-Rioters",
    26: "Rebel group-Protesters",
    27: "Rebel group-Civilians",
    28: "Rebel group-External/Other forces",
    30: "Political militia only",
    33: "Political militia-Political militia",
    34: "Political militia-Identity militia",
    35: "Political militia-Rioters",
    36: "Political militia-Protesters",
    37: "Political militia-Civilians",
    38: "Political militia-External/Other forces",
    40: "Identity militia only",
    44: "Identity militia-Identity militia",
    45: "Identity militia-Rioters",
    46: "Identity militia-Protesters",
    47: "Identity militia-Civilians",
    48: "Identity militia-External/Other forces",
    50: "Rioters only",
    55: "Rioters-Rioters",
    56: "Rioters-Protesters",
    57: "Rioters-Civilians",
    58: "Rioters-External/Other forces",
    60: "Protesters only",
    66: "Protesters-Protesters",
    67: "Protesters-Civilians",
    68: "Protesters-External/Other forces",
    70: "Civilians only",
    77: "Civilians-Civilians",
    78: "External/Other forces-Civilians",
    80: "External/Other forces only",
    88: "External/Other forces-External/Other forces",
}
"""ACLED's interaction table (codebook, Table 3): the joined code, lower inter code first
(a one-sided event is its code times ten), and its text value. The text is read from
here, never built: 78 is "External/Other forces-Civilians", not "Civilians-...". """

ACTOR_TYPES: Final[dict[str, int]] = {
    "us": STATE_FORCES,
    "israel": STATE_FORCES,
    "russia": STATE_FORCES,
    "turkey": STATE_FORCES,
    "irgc": STATE_FORCES,
    "syrian_gov": STATE_FORCES,
    "iraqi_gov": STATE_FORCES,
    "houthi": STATE_FORCES,
    "coalition": EXTERNAL_FORCES,
    "iran_backed": 3,
    "hezbollah": 3,
    "unknown": 3,
    "sdf": 2,
    "isis": 2,
    "hts": 2,
    "syrian_opposition": 2,
    "tribal": 4,
    "civilians": 7,
}
"""Each actor key's type where the actor is at home. A state's forces abroad are
External/Other forces (`HOME_STATES`). The Houthis' forces are State forces in Yemen:
ACLED records Yemen's competing forces since 2015 as state forces ("Military Forces of
Yemen (2017-) Houthi"). An unidentified armed group is a Political militia (codebook,
footnote 9). Keys the lexicon adds later have no type: their inter cells stay blank."""

HOME_STATES: Final[dict[str, frozenset[str]]] = {
    "us": frozenset({"United States"}),
    "israel": frozenset({"Israel", "Palestine"}),
    "russia": frozenset({"Russia"}),
    "turkey": frozenset({"Turkey"}),
    "irgc": frozenset({"Iran"}),
    "syrian_gov": frozenset({"Syria"}),
    "iraqi_gov": frozenset({"Iraq"}),
    "houthi": frozenset({"Yemen"}),
}
"""Where each state's forces are at home: anywhere else they are External/Other forces
("the military of Turkey active in northern Syria"). Israel's forces are State forces in
Israel and in Palestine."""

GENERIC_ACTORS: Final[dict[str, str]] = {
    "civilians": "Civilians",
    "unknown": "Unidentified Armed Group",
}
"""ACLED's generic actor names, written "Civilians (Syria)" with the event's country."""

COUNTRIES: Final[dict[str, tuple[str, int, str]]] = {
    "Syria": ("SYR", 760, "Middle East"),
    "Iraq": ("IRQ", 368, "Middle East"),
    "Lebanon": ("LBN", 422, "Middle East"),
    "Yemen": ("YEM", 887, "Middle East"),
    "Israel": ("ISR", 376, "Middle East"),
    "Palestine": ("PSE", 275, "Middle East"),
    "Jordan": ("JOR", 400, "Middle East"),
    "Turkey": ("TUR", 792, "Middle East"),
    "Iran": ("IRN", 364, "Middle East"),
    "Saudi Arabia": ("SAU", 682, "Middle East"),
    "Kuwait": ("KWT", 414, "Middle East"),
    "Bahrain": ("BHR", 48, "Middle East"),
    "Qatar": ("QAT", 634, "Middle East"),
    "United Arab Emirates": ("ARE", 784, "Middle East"),
    "Oman": ("OMN", 512, "Middle East"),
    "Egypt": ("EGY", 818, "Northern Africa"),
    "Libya": ("LBY", 434, "Northern Africa"),
    "Sudan": ("SDN", 729, "Northern Africa"),
}
"""Country -> (ISO 3166-1 alpha-3, ISO 3166-1 numeric, ACLED region)."""

NO_COUNTRY: Final = "XXX"
"""event_id_cnty's prefix for an event whose country is unknown (ISO's "unspecified")."""

DISORDER_TYPES: Final[dict[str, str]] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
"""Each event type's disorder type (codebook, Table 2); two sub-event types differ."""

SUB_EVENT_DISORDER: Final[dict[str, str]] = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}

CIVILIANS_TARGETED: Final = "Civilians targeted"
"""The civilian_targeting value (codebook: "Either "Civilians targeted" or blank")."""

TARGETING_EVENT_TYPES: Final = frozenset(
    {"Violence against civilians", "Explosions/Remote violence", "Riots"}
)
"""Event types whose events may have civilians as the main or only target (with the
sub-event type Excessive force against protesters); never Battles."""

VAGUE_FATALITIES: Final[dict[str, int]] = {
    "few": 3,
    "several": 3,
    "many": 10,
    "dozens": 12,
    "hundreds": 100,
}
"""ACLED's figures for a vague count of the dead ("several" 3 or 10 by scale: 3 here)."""

GEO_PRECISION: Final[dict[str, int]] = {
    "site": 1,
    "neighbourhood": 1,
    "village": 1,
    "town": 1,
    "city": 1,
    "district": 2,
    "governorate": 3,
    "region": 3,
    "water": 3,
    "country": 3,
}
"""geo_precision by the place's level: 1 the place itself, 2 a district, 3 a larger
area, a region or water; "near" a place makes 1 a 2."""

SOURCE_SCALES: Final[tuple[str, ...]] = (
    "Local partner",
    "Other",
    "New media",
    "Subnational",
    "National",
    "Regional",
    "International",
)
"""ACLED's source scales, in the order its combined values name them ("National-
International", "Other-New media"): the most local first."""
