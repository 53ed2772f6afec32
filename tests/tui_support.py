"""Shared by the terminal UI tests: a plan in a git work tree of its own, and waiting."""

from __future__ import annotations

import asyncio
import functools
import os
import shutil
import subprocess
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot

from planwriter.tui.app import PlanApp, make_app
from planwriter.tui.editor import EditorScreen
from planwriter.widgets.outline import entry_label

ROOT = Path(__file__).resolve().parent.parent
PLAN = Path("plans/changzhou/2024.plan.yaml")  # relative: the tests run in the work tree
SIZE = (120, 40)
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def pilot_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """An async Pilot test as a plain pytest test (no async plugin needed)."""
    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def git(workspace: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=workspace, check=True, capture_output=True,
                          text=True, env={**os.environ, **GIT_ENV}).stdout


def make_workspace(tmp_path: Path) -> Path:
    """The example plans, committed in a fresh git repository."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "plans")
    git(tmp_path, "commit", "-q", "-m", "plans")
    return tmp_path


def editor_app(workspace: Path, plan: Path = PLAN) -> PlanApp:
    return make_app(workspace / plan, cwd=workspace)


def editor(pilot: Pilot) -> EditorScreen:
    screen = next(s for s in pilot.app.screen_stack if isinstance(s, EditorScreen))
    return screen


async def type_text(pilot: Pilot, text: str) -> None:
    """Characters as a terminal delivers them (an IME commits text the same way): a key
    event carrying the character. Pilot's press loses full-width punctuation (，。（）),
    whose key names do not map back to a character."""
    driver = pilot.app._driver
    assert driver is not None
    for char in text:
        event = events.Key(char if char.isalnum() else _character_to_key(char), char)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await pilot.pause()


async def settle(pilot: Pilot, seconds: float = 0.05) -> None:
    """Debounce timers fired, workers done, messages handled."""
    await pilot.pause(seconds)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def select(pilot: Pilot, item_id: str) -> None:
    screen = editor(pilot)
    screen.outline.select_id(item_id)
    screen.outline.focus()
    await pilot.pause()


def tree_lines(pilot: Pilot) -> list[str]:
    """The outline's lines as they read with room enough (9. 大力发展… 目标4 错)."""
    outline = editor(pilot).outline
    return [entry_label(outline.get_node_at_line(y).data).plain
            for y in range(outline.last_line + 1)]


def notifications(pilot: Pilot) -> list[str]:
    return [n.message for n in pilot.app._notifications]
