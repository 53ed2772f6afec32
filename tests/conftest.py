"""Shared test settings."""

from __future__ import annotations

import os

from hypothesis import settings

# CI runs the same generated examples every time, so a red run can be reproduced and a green
# one is not luck; a developer's machine keeps exploring new ones.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")
