"""Where the tests find the repository, its fixtures and ../shared/samples (one place for all layers)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLES = ROOT.parent / "shared" / "samples"
IN_CI = os.environ.get("CI") == "true"

# The real samples sit beside the repository (../shared/samples). Without them a developer's run
# skips the tests that read them; under CI a missing folder is a broken checkout, so it fails.
needs_samples = pytest.mark.skipif(
    not SAMPLES.is_dir() and not IN_CI, reason="../shared/samples is absent"
)
