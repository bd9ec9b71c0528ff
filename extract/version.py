"""The built-in extractor's name-version: "rules-N", changed whenever its rules or data change.

Every machine event names the extractor that produced it, and the database
records which extractor has read which article. `hadath extract` reads an
article again when the built-in extractor's name differs from the one that
read it, and `hadath evaluate` measures the newest built-in version by
default, so the name must change whenever the extractor's output can.

How: `EXTRACTOR_VERSION` is a number bumped by hand, and `RULES_HASH` records
a SHA-256 of the extractor's rules and data (every extract/*.py file except
this one, record.py, evaluate.py and agreement.py, and every extract/data/*.tsv
file). A
test recomputes the hash and fails, saying "bump EXTRACTOR_VERSION and update
the recorded hash", whenever those files change and the hash was not updated.

Why a number and not a name derived from the hash: versions are ordered
(rules-3 is newer than rules-2), which is how `hadath evaluate` finds the
newest built-in version that ran on a database, and how a reader tells an
upgrade from a downgrade; and an edit that cannot change the output (a
comment, a docstring, a rename) needs no re-reading of every article: the
developer updates the hash and keeps the version. record.py (the event
record's shape and parsing), evaluate.py (scoring) and agreement.py
(annotators' agreement) are left out because they do not decide which events
are found.
"""

from __future__ import annotations

__all__ = ["BUILTIN_PREFIX", "EXTRACTOR", "EXTRACTOR_VERSION", "RULES_HASH", "builtin_version"]

BUILTIN_PREFIX = "rules-"
EXTRACTOR_VERSION = 17
EXTRACTOR = f"{BUILTIN_PREFIX}{EXTRACTOR_VERSION}"
RULES_HASH = "02e21157c20c9a0edcac9c374d7c21f812233b379c6b9ad2377b24e514915f23"


def builtin_version(extractor: str) -> int | None:
    """The version of a built-in extractor name ("rules-3" gives 3); None for any other name.

    Other extractors' predictions (imported with `hadath predictions import`)
    carry names of their own; only "rules-" followed by digits is built in.
    """
    if not extractor.startswith(BUILTIN_PREFIX):
        return None
    number = extractor[len(BUILTIN_PREFIX) :]
    if not (number.isascii() and number.isdigit()):
        return None
    return int(number)
