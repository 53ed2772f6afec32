"""Shared by the terminal UI tests: a plan in a git work tree of its own, waiting, and the
steps a user takes (open the editor, select a task, type into a field, answer a question),
so that each test reads as those steps."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import shutil
import subprocess
from collections.abc import AsyncIterator, Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

from paths import ROOT
from textual import events
from textual.keys import _character_to_key
from textual.message import Message
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from planwriter import model
from planwriter.tui import dialogs
from planwriter.tui.app import PlanApp, make_app
from planwriter.tui.editor import EditorScreen
from planwriter.widgets.outline import entry_label
from planwriter.widgets.target_table import TargetTable

PLAN = Path("plans/changzhou/2024.plan.yaml")  # relative: the tests run in the work tree
SIZE = (120, 40)
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
}
S = TypeVar("S", bound=Screen)


def pilot_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """An async Pilot test as a plain pytest test (no async plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def git(workspace: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args],
        cwd=workspace,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_ENV},
    ).stdout


def make_workspace(tmp_path: Path) -> Path:
    """The example plans, committed in a fresh git repository."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "plans")
    git(tmp_path, "commit", "-q", "-m", "plans")
    return tmp_path


def editor_app(workspace: Path, plan: Path = PLAN) -> PlanApp:
    return make_app(workspace / plan, cwd=workspace)


@contextlib.asynccontextmanager
async def open_editor(
    workspace: Path, plan: Path = PLAN, message_hook: Callable[[Message], None] | None = None
) -> AsyncIterator[Pilot]:
    """`planwriter edit plan` in the workspace, at the size the tests are written for;
    `message_hook` sees every message posted (the parts' typed messages among them)."""
    async with editor_app(workspace, plan).run_test(size=SIZE, message_hook=message_hook) as pilot:
        yield pilot


@contextlib.asynccontextmanager
async def open_picker(folder: Path) -> AsyncIterator[Pilot]:
    """`planwriter edit` without a plan in `folder`: the plans under folder/plans."""
    app = make_app(None, plans_dir=folder / "plans", cwd=folder)
    async with app.run_test(size=SIZE) as pilot:
        yield pilot


def editor(pilot: Pilot) -> EditorScreen:
    screen = next(s for s in pilot.app.screen_stack if isinstance(s, EditorScreen))
    return screen


def plan_of(pilot: Pilot) -> model.Plan:
    """The plan as edited so far (saved or not)."""
    return editor(pilot).document.plan


def on_top(pilot: Pilot, kind: type[S]) -> S:
    """The screen the last step opened, which must be a `kind`."""
    screen = pilot.app.screen
    assert isinstance(screen, kind), f"{type(screen).__name__} is on top, not {kind.__name__}"
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


async def type_into(pilot: Pilot, field: str, text: str, first: str | None = None) -> Widget:
    """Focus a field of the screen on top, press `first` there (home, end), then type."""
    widget = pilot.app.screen.query_one(field)
    widget.focus()
    if first:
        await pilot.press(first)
    await type_text(pilot, text)
    return widget


async def retype(pilot: Pilot, field: str, text: str) -> None:
    """Replace what an input of the screen on top holds by typing `text`."""
    widget = pilot.app.screen.query_one(field, Input)
    widget.focus()
    widget.value = ""
    await type_text(pilot, text)


async def add_titled(pilot: Pilot, key: str, title: str) -> None:
    """Add a task (f2), section (f3) or domain (f4) near the selection, titled `title`."""
    await pilot.press(key)
    on_top(pilot, dialogs.TitlePrompt)
    await type_text(pilot, title)
    await pilot.press("enter")
    await settle(pilot)


async def choose(pilot: Pilot, choice: str) -> None:
    """Click one answer of the question on top (delete, overwrite…) and let it take effect."""
    await pilot.click(f"#choice-{choice}")
    await settle(pilot)


async def open_first_target(pilot: Pilot, task_id: str) -> dialogs.TargetForm:
    """The task's first target in the form, as enter on the target table opens it."""
    await select(pilot, task_id)
    editor(pilot).query_one(TargetTable).focus()
    await pilot.press("enter")
    return on_top(pilot, dialogs.TargetForm)


async def open_new_target(pilot: Pilot, task_id: str) -> dialogs.TargetForm:
    """An empty target form for the task (f7)."""
    await select(pilot, task_id)
    await pilot.press("f7")
    return on_top(pilot, dialogs.TargetForm)


def tree_lines(pilot: Pilot) -> list[str]:
    """The outline's lines as they read with room enough (9. 大力发展… 目标4 错)."""
    outline = editor(pilot).outline
    return [
        entry_label(outline.get_node_at_line(y).data).plain for y in range(outline.last_line + 1)
    ]


def notifications(pilot: Pilot) -> list[str]:
    return [n.message for n in pilot.app._notifications]
