"""Unsaved edits kept beside the plan, so a crash (even kill -9) loses at most a moment's work.

The recovery file is hidden (`.2024.plan.yaml.recover`) and holds exactly the text a save
would write. It is written atomically a moment after each edit, removed after a clean save
or quit, and offered back when the same plan is opened again. No Textual here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from planwriter import files, source, store
from planwriter.problems import InputError

SUFFIX = ".recover"


def recovery_path(plan_path: Path) -> Path:
    return plan_path.with_name(f".{plan_path.name}{SUFFIX}")


@dataclass(frozen=True)
class Pending:
    """A recovery file found when opening a plan."""

    path: Path
    text: str
    written: dt.datetime
    plan_changed_since: bool  # the plan file is newer: it was changed after the crash


class RecoveryFile:
    """Writes from a worker thread, removes from the UI thread; the newest request wins.

    Each request takes a generation number; a write whose generation is no longer the
    latest (a newer edit, a save, a quit came after it) is dropped, so an old snapshot
    finishing late can never overwrite a newer one or bring back a removed file.
    """

    def __init__(self, plan_path: Path) -> None:
        self.plan_path = plan_path
        self.path = recovery_path(plan_path)
        self._lock = threading.Lock()
        self._generation = 0

    def next_generation(self) -> int:
        with self._lock:
            self._generation += 1
            return self._generation

    def write(self, text: str, generation: int) -> bool:
        with self._lock:
            if generation != self._generation:
                return False
            store.atomic_write(self.path, text)
            return True

    def remove(self) -> None:
        with self._lock:
            self._generation += 1
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()

    def pending(self) -> Pending | None:
        try:
            text = files.read_bytes(self.path, source.MAX_BYTES).decode("utf-8")
            written = self.path.stat().st_mtime
        except (InputError, OSError, UnicodeDecodeError):
            return None
        try:
            plan_mtime = self.plan_path.stat().st_mtime
        except FileNotFoundError:
            plan_mtime = 0.0
        return Pending(self.path, text, dt.datetime.fromtimestamp(written), plan_mtime > written)
