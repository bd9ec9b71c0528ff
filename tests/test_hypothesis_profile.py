"""Every property test runs under the Hypothesis profile that HYPOTHESIS_PROFILE names.

CI sets `ci` (derandomized: the same examples on every run); developers get
`dev` (new random examples). A test file that loaded another profile when
imported would change the settings of every file imported after it, and
could run properties randomly in CI: this test imports every test file and
checks the settings each property will run with.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest
from hypothesis import settings

TESTS = Path(__file__).resolve().parent

pytestmark = pytest.mark.timeout(30)  # imports the test files, runs none


def test_every_property_runs_under_the_chosen_profile() -> None:
    profile = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
    properties = 0
    for path in sorted(TESTS.glob("test_*.py")):
        module = importlib.import_module(f"tests.{path.stem}")
        for name, function in vars(module).items():
            if not hasattr(function, "hypothesis"):
                continue
            properties += 1
            chosen = getattr(function, "_hypothesis_internal_use_settings", settings.default)
            runs = (chosen.derandomize, chosen.deadline, chosen.print_blob, chosen.database)
            wanted = (profile.derandomize, profile.deadline, profile.print_blob, profile.database)
            assert runs == wanted, f"{path.name}::{name} runs with {runs}, not {wanted}"
    assert properties >= 10  # the property tests were found
    assert settings.default.derandomize == profile.derandomize
