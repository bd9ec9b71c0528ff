"""The built-in extractor's name changes whenever its rules or data change."""

from __future__ import annotations

import hashlib

from extract import extract_events, extractor_name
from extract.version import (
    BUILTIN_PREFIX,
    EXTRACTOR,
    EXTRACTOR_VERSION,
    RULES_HASH,
    builtin_version,
)
from tests.conftest import ROOT

EXTRACT = ROOT / "extract"
NOT_RULES = frozenset({"version.py", "record.py", "evaluate.py", "agreement.py"})


def rules_hash() -> str:
    """SHA-256 of the extractor's rules and data files, as extract.version describes them."""
    files = [path for path in EXTRACT.glob("*.py") if path.name not in NOT_RULES]
    files += list((EXTRACT / "data").glob("*.tsv"))
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.relative_to(EXTRACT).as_posix()):
        content = path.read_bytes().replace(b"\r\n", b"\n")  # a Windows checkout hashes alike
        digest.update(path.relative_to(EXTRACT).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


def test_rules_and_data_have_not_changed_without_a_version_bump() -> None:
    assert rules_hash() == RULES_HASH, (
        "extract/ rules or data changed: bump EXTRACTOR_VERSION and update the recorded hash"
        f" (RULES_HASH in extract/version.py) to {rules_hash()!r}; keep the version only"
        " if no extractor output can change"
    )


def test_the_events_carry_the_versioned_name() -> None:
    assert EXTRACTOR == extractor_name() == f"{BUILTIN_PREFIX}{EXTRACTOR_VERSION}"
    events = extract_events("قتل خمسة مدنيين في غارة جوية على مدينة البوكمال", "2024-01-01")
    assert events and {event.extractor for event in events} == {EXTRACTOR}


def test_built_in_names_are_told_from_other_extractors() -> None:
    assert builtin_version(EXTRACTOR) == EXTRACTOR_VERSION
    assert builtin_version("rules-0") == 0
    assert builtin_version("rules-12") == 12
    for other in (
        "acme-ner-2",
        "rules",
        "rules-",
        "rules-2b",
        "rules-٢",
        "Rules-2",
        "bench-synthetic",
    ):
        assert builtin_version(other) is None
