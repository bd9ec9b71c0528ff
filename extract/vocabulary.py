"""The closed vocabularies of the event record: ACLED sub-event types and actor keys.

Sub-event types and their event types follow ACLED's codebook. Actor keys are
hadath's own stable identifiers (never renamed); the actor lexicon may add
keys later, so code that needs the full list asks `actor_keys()`.
"""

from __future__ import annotations

from typing import Final

SUB_EVENT_TYPES: Final[dict[str, str]] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}

EVENT_TYPES: Final[tuple[str, ...]] = tuple(dict.fromkeys(SUB_EVENT_TYPES.values()))

# key -> English name used in exports (ACLED's "actor1"/"actor2" columns).
ACTORS: Final[dict[str, str]] = {
    "us": "United States",
    "coalition": "International coalition",
    "israel": "Israel",
    "russia": "Russia",
    "turkey": "Turkey",
    "syrian_gov": "Syrian government",
    "iraqi_gov": "Iraqi government",
    "iran_backed": "Iran-backed militias",
    "irgc": "Islamic Revolutionary Guard Corps",
    "hezbollah": "Hezbollah",
    "sdf": "Syrian Democratic Forces",
    "isis": "Islamic State",
    "houthi": "Houthis (Ansar Allah)",
    "hts": "Hayat Tahrir al-Sham",
    "syrian_opposition": "Syrian opposition factions",
    "tribal": "Tribal fighters",
    "civilians": "Civilians",
    "unknown": "Unidentified armed group",
}


def actor_keys() -> tuple[str, ...]:
    """Return every actor key a record may carry."""
    return tuple(ACTORS)
