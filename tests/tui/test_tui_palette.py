"""The command palette in Chinese: ChinesePalette overrides a private method of Textual's
CommandPalette, so these tests fail when a Textual upgrade moves what it relies on (pyproject
pins textual to the range these tests passed with)."""

from __future__ import annotations

import hashlib
import inspect
from pathlib import Path

from rich.align import Align
from textual.command import CommandInput, CommandList, CommandPalette
from tui_support import open_editor, pilot_test, type_text

from planwriter.catalogue import say
from planwriter.tui.app import ChinesePalette

# Textual's own _start_no_matches_countdown, as ChinesePalette copied it (textual 8.2.8).
UPSTREAM_SHA256 = "0bc07d1794718e89d73d75d9d5cff5123c4dde7ffc68e68ffe0b6bf133ae53f2"


def test_the_method_copied_is_still_textuals_own() -> None:
    """A new Textual that changes the method copied: read it again, copy it again."""
    source = inspect.getsource(CommandPalette._start_no_matches_countdown)
    assert hashlib.sha256(source.encode()).hexdigest() == UPSTREAM_SHA256
    for name in ("_stop_no_matches_countdown", "_NO_MATCHES", "_NO_MATCHES_COUNTDOWN"):
        assert hasattr(CommandPalette, name), name


@pilot_test
async def test_the_palette_speaks_chinese_when_nothing_matches(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = pilot.app.screen
        assert isinstance(palette, ChinesePalette)
        assert palette.query_one(CommandInput).placeholder == say("palette_placeholder")
        await type_text(pilot, "无此命令")
        await pilot.pause(CommandPalette._NO_MATCHES_COUNTDOWN + 0.5)
        options = palette.query_one(CommandList)
        shown = [
            option.prompt.renderable.plain
            for option in options.options
            if isinstance(option.prompt, Align)
        ]
        assert shown == [say("palette_no_match")]
        assert options.options[-1].disabled
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, ChinesePalette)
