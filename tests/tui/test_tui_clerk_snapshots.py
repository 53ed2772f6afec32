"""SVG snapshots of what issue 16 changed, at 120×40 and at 80×24: the target form over the
dimmed editor with its verdict in red, the problems without their hints (F10), the text
given the whole pane (Ctrl+E), the preview's Chinese line breaks, the footer.

Update after a deliberate change with `--snapshot-update`, and look at the SVGs."""

from __future__ import annotations

import pytest
from test_tui_snapshots import steady
from textual.pilot import Pilot
from tui_support import PLAN, ROOT, open_first_target, select

from planwriter.recovery import recovery_path
from planwriter.tui.app import make_app

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(ROOT)
    assert not recovery_path(ROOT / PLAN).exists(), "a recovery file would open a dialog"
    return make_app(PLAN)


@pytest.mark.parametrize("size", SIZES)
def test_task_9(app, snap_compare, size: tuple[int, int]) -> None:
    async def on_task_9(pilot: Pilot) -> None:
        await select(pilot, "home-care")
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=on_task_9)


@pytest.mark.parametrize("size", SIZES)
def test_target_form_over_the_editor(app, snap_compare, size: tuple[int, int]) -> None:
    async def below_last_year(pilot: Pilot) -> None:
        await open_first_target(pilot, "home-care")
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=below_last_year)


@pytest.mark.parametrize("size", SIZES)
def test_hints_hidden_and_text_in_the_whole_pane(app, snap_compare, size: tuple[int, int]) -> None:
    async def text_only(pilot: Pilot) -> None:
        await select(pilot, "home-care")
        await pilot.press("f10", "ctrl+e")
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=text_only)


@pytest.mark.parametrize("size", SIZES)
def test_preview(app, snap_compare, size: tuple[int, int]) -> None:
    async def preview(pilot: Pilot) -> None:
        await select(pilot, "home-care")
        await pilot.press("f5")
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=preview)
