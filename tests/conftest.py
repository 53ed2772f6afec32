"""Shared test settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same generated examples every time, so a red run can be reproduced and a green
# one is not luck; a developer's machine keeps exploring new ones.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")


# Each folder is a layer and carries its marker, so `pytest -m "not pdf and not slow"` (the fast
# part) or `pytest tests/unit` picks a layer without a hand-kept list. Tests that convert with
# LibreOffice are marked `pdf` where they are defined.
LAYERS = ("unit", "cli", "render", "importer", "tui")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        layer = Path(str(item.path)).parent.name
        if layer in LAYERS:
            item.add_marker(layer)


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """For the UI tests: a copy of the Changzhou plan and results, the editor's delays short.
    The UI is imported here, not at the top, so the other tests never load Textual."""
    from tui_support import make_workspace

    from planwriter.tui.checking import Checker
    from planwriter.tui.recovering import Recoverer

    monkeypatch.setattr(Checker, "CHECK_DELAY", 0.01)
    monkeypatch.setattr(Recoverer, "RECOVERY_DELAY", 0.05)
    return make_workspace(tmp_path)
