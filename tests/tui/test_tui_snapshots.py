"""SVG snapshots of the editor on the Changzhou plan at 120x40 (pytest-textual-snapshot).

Run from the repository root, so the status line shows plans/changzhou/2024.plan.yaml on
every machine; cursors do not blink; nothing in the frame tells the time. Update after a
deliberate change of the screen with `pytest tests/test_tui_snapshots.py --snapshot-update`
and look at the new SVGs before committing them.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea
from tui_support import PLAN, ROOT, SIZE, editor, open_first_target, select, settle

from planwriter.recovery import recovery_path
from planwriter.tui.app import make_app
from planwriter.widgets.findings import FindingList


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(ROOT)
    assert not recovery_path(ROOT / PLAN).exists(), "a recovery file would open a dialog"
    return make_app(PLAN)


async def steady(pilot: Pilot) -> None:
    await settle(pilot)
    for field in pilot.app.screen.query("Input, TextArea").results():
        assert isinstance(field, Input | TextArea)
        field.cursor_blink = False
    await pilot.pause()


def test_main_screen(app, snap_compare) -> None:
    async def on_task_9(pilot: Pilot) -> None:
        await select(pilot, "home-care")
        await steady(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=on_task_9)


def test_target_form(app, snap_compare) -> None:
    async def editing_the_first_target(pilot: Pilot) -> None:
        await open_first_target(pilot, "home-care")
        await steady(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=editing_the_first_target)


def test_problems_panel(app, snap_compare) -> None:
    async def on_the_warning_of_10(pilot: Pilot) -> None:
        await settle(pilot)
        problems = editor(pilot).query_one(FindingList)
        problems.focus()
        problems.cursor = 1
        await steady(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=on_the_warning_of_10)
