"""Speed of the terminal UI: cold start to the first frame, and an edit's check and redraw.

Run: python bench/tui.py      Bars (issue 6): first frame of the Changzhou plan within 0.8 s;
an edit's check and redraw within 30 ms at 34 tasks and 300 ms at 1000 tasks, with the UI
answering keys while a large plan is checked. Prints figures; asserts nothing.

- first frame: `planwriter edit` started in a pseudo-terminal (120x40); the time until the
  status line with the plan's counts has been written, i.e. the whole first screen.
- edit → check → redraw: a character typed into the task's text, in the running app
  (headless, 120x40): the model edit, the check, the outline, problems and status updated,
  and the frame composed. The debounce wait is left out, as it is a pause by design.
- while a 1000-task plan is checked in its thread: the longest the UI's event loop is kept
  from answering a key (a 1 ms timer's lateness).
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from dataclasses import dataclass
from pathlib import Path

from generate import ENV, generated_plan, generated_results
from textual.pilot import Pilot
from textual.screen import Screen

from planwriter import store
from planwriter.recovery import recovery_path
from planwriter.tui.app import make_app
from planwriter.tui.checking import Checker
from planwriter.tui.editor import EditorScreen
from planwriter.tui.recovering import Recoverer
from planwriter.widgets.task_editor import Edited

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"


# --- cold start -------------------------------------------------------------------------


def first_frame(plan: Path, marker: str, cwd: Path) -> float:
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(ENV, TERM="xterm-256color")
        os.execv(sys.executable, [sys.executable, "-m", "planwriter", "edit", str(plan)])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen = b""
    try:
        while marker.encode() not in seen:
            ready, _, _ = select.select([fd], [], [], 10)
            if not ready:
                raise TimeoutError(f"no first frame: {seen[-500:]!r}")
            seen += os.read(fd, 65536)
        return time.perf_counter() - started
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def cold_start(runs: int = 7) -> float:
    first_frame(PLAN, "34 项任务", ROOT)  # writes the .pyc files
    return statistics.median(first_frame(PLAN, "34 项任务", ROOT) for _ in range(runs))


# --- an edit, checked and drawn ------------------------------------------------------------


class FrameClock:
    """The frames the screen composes (Screen._compositor_refresh), with their start and end,
    so the app's own work is told apart from Pilot's waits and Textual's frame pacing."""

    def __init__(self) -> None:
        self.frames: list[tuple[float, float]] = []
        original = Screen._compositor_refresh

        def timed(screen: Screen) -> None:
            start = time.perf_counter()
            original(screen)
            self.frames.append((start, time.perf_counter()))

        Screen._compositor_refresh = timed  # type: ignore[method-assign]

    def since(self, moment: float) -> tuple[float, float]:
        """Seconds spent composing frames after `moment`, and when the last one ended."""
        frames = [(a, b) for a, b in self.frames if a >= moment]
        return sum(b - a for a, b in frames), max((b for _, b in frames), default=moment)


async def longest_stall(pilot: Pilot) -> float:
    """While the check runs in its thread: the longest the UI's event loop could not act
    (a 1 ms timer that fires late), i.e. how long a keystroke could wait."""
    worst = 0.0
    while any(worker.is_running for worker in pilot.app.workers):
        asked = time.perf_counter()
        await asyncio.sleep(0.001)
        worst = max(worst, time.perf_counter() - asked - 0.001)
    return worst


@dataclass
class Timing:
    work: float  # the edit, the check, updating the widgets, composing the frames
    latency: float  # from the edit to the last frame, Textual's frame pacing included
    stall: float  # the longest the UI could not answer a key while a large plan is checked


async def edit_and_redraw(plan: Path, task_id: str, runs: int, changes_findings: bool) -> Timing:
    """An edit of the task's text: one that adds a figure the check reports, or one that
    leaves the findings as they were (most keystrokes)."""
    Checker.CHECK_DELAY = 3600  # the bench runs the check itself, without the debounce
    Recoverer.RECOVERY_DELAY = 3600
    clock = FrameClock()
    app = make_app(plan)
    works, latencies, stalls = [], [], []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, EditorScreen)
        screen.outline.select_id(task_id)
        await pilot.pause()
        text = next(t for t in screen.document.plan.tasks() if t.id == task_id).text
        for n in range(runs + 1):  # the first edit also redraws the footer (undo appears)
            added = f"新增{n % 2 + 1}个" if changes_findings else ("。" if n % 2 else "；")
            started = time.perf_counter()
            screen.on_edited(Edited(task_id, "text", text + added))
            screen.checker.run()  # at 1000 tasks this starts the thread worker
            handled = time.perf_counter() - started
            if pilot.app.workers:
                stalls.append(await longest_stall(pilot))
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()  # ChecksFinished handled, the frames composed
            await pilot.pause(0.05)
            drawing, last_frame = clock.since(started)
            if n:
                works.append(handled + drawing)
                latencies.append(last_frame - started)
    recovery_path(plan).unlink(missing_ok=True)  # left by the unsaved edits; not a crash
    return Timing(statistics.median(works), statistics.median(latencies), max(stalls, default=0.0))


def large_plan(folder: Path, tasks: int = 1000) -> Path:
    plans = folder / "plans"
    plans.mkdir()
    store.atomic_write(plans / "2024.plan.yaml", store.render(generated_plan(tasks)))
    store.atomic_write(plans / "2023.results.yaml", store.render(generated_results(tasks)))
    return plans / "2024.plan.yaml"


def main() -> None:
    print(f"{'measure':<58} {'value':>9}  bar")
    print(
        f"{'cold start to first frame, Changzhou (median of 7)':<58} {cold_start():>8.3f}s  0.8 s"
    )
    folder = Path(tempfile.mkdtemp())  # edited copies: no recovery file beside the real plan
    try:
        shutil.copytree(PLAN.parent, folder / "changzhou")
        changzhou = folder / "changzhou" / PLAN.name
        large = large_plan(folder)
        for name, plan, task_id, runs, bar in (
            ("34 tasks", changzhou, "home-care", 20, 30),
            ("1000 tasks", large, "t500", 7, 300),
        ):
            for changes, what in ((False, "findings unchanged"), (True, "a new finding")):
                timing = asyncio.run(edit_and_redraw(plan, task_id, runs, changes))
                print(
                    f"{f'edit → check → redraw, {name}, {what}':<58} "
                    f"{timing.work * 1000:>7.1f}ms  {bar} ms"
                )
                print(
                    f"{'  until its last frame, frame pacing included':<58} "
                    f"{timing.latency * 1000:>7.1f}ms"
                )
                if timing.stall:
                    print(
                        f"{'  longest the UI cannot answer a key meanwhile':<58} "
                        f"{timing.stall * 1000:>7.1f}ms"
                    )
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
