"""The plan being edited: its file, the text it was read from, its history and its baseline.

No Textual here: the screens call these and keep the results on the UI thread.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from planwriter import edit, files, model, source, store
from planwriter.catalogue import say
from planwriter.check import Finding, baseline_path, check_plan
from planwriter.check.config import CheckConfig, check_config
from planwriter.problems import InputError, Location, Problem
from planwriter.progress import Progress, ProgressEntry, progress_path
from planwriter.recovery import RecoveryFile
from planwriter.settings import settings_for

if TYPE_CHECKING:  # tracking is imported when a plan has a progress file, not at every start
    from planwriter.pace import Pace
    from planwriter.tracking import Tracked


def shown_path(path: Path, cwd: Path | None = None) -> str:
    """The path as the user would type it: relative to the working directory when inside it."""
    cwd = cwd or Path.cwd()
    try:
        return str(path.resolve().relative_to(cwd.resolve()))
    except ValueError:
        return str(path)


@dataclass
class Document:
    path: Path
    name: str  # the path as shown: relative to the working directory
    history: edit.History
    original: str  # the text read, or last written: a save merges into it
    saved: model.Plan  # the plan as the file holds it
    baseline: model.Results | None = None
    baseline_file: Path | None = None
    config: CheckConfig = field(default_factory=CheckConfig)
    notes: list[Problem] = field(default_factory=list)  # baseline or settings unreadable
    recovery: RecoveryFile | None = None
    cwd: Path | None = None  # paths are shown relative to it (None: the process's)
    progress: Progress | None = None  # <year>.progress.yaml beside the plan, when there is one
    _tracked: Tracked | None = field(default=None, repr=False)

    @classmethod
    def open(cls, path: Path | str, cwd: Path | None = None) -> Document:
        """Read the plan (InputError if it cannot be), its baseline and check settings."""
        loaded = store.load_plan(path)
        document = cls(
            loaded.path,
            shown_path(loaded.path, cwd),
            edit.History.start(loaded.model),
            loaded.text,
            loaded.model,
            recovery=RecoveryFile(loaded.path),
            cwd=cwd,
        )
        document._read_surroundings()
        return document

    def _read_surroundings(self) -> None:
        """Last year's results and planwriter.toml; either failing is said, not fatal."""
        try:
            self.baseline_file = baseline_path(self.path, self.plan)
            if files.exists(self.baseline_file):
                self.baseline = store.load_results(self.baseline_file).model
        except InputError as err:
            self.notes.extend(err.problems)
        try:
            self.config = check_config(settings_for(self.path))
        except InputError as err:
            self.notes.extend(err.problems)
        try:
            if progress_path(self.path).exists():
                self.progress = store.load_progress(progress_path(self.path)).model
        except InputError as err:
            self.notes.extend(err.problems)

    def tracked(self, plan: model.Plan) -> Tracked | None:
        """Each target's progress as of the latest report; None without a progress file.
        Kept for the plan it was worked out for (every edit makes a new plan)."""
        if self.progress is None:
            return None
        from planwriter.tracking import default_as_of, track

        if self._tracked is None or self._tracked.plan is not plan:
            as_of = default_as_of(plan, self.progress, dt.date.today())
            self._tracked = track(plan, self.progress, self.baseline, as_of)
        return self._tracked

    def record_progress(self, plan: model.Plan, as_of: dt.date, entry: ProgressEntry) -> Path:
        """Write `entry` into the progress file's report of `as_of` (the file made when there
        is none; read again first, comments kept); the file written. InputError when the
        file on disk cannot be read."""
        from planwriter.tracking.record import record

        path = progress_path(self.path)
        original, current = None, None
        if path.exists():
            loaded = store.load_progress(path)
            original, current = loaded.text, loaded.model
        updated = record(current, plan, self.path, as_of, entry)
        store.save(path, updated, original)
        self.progress, self._tracked = updated, None
        return path

    def paces(self, plan: model.Plan, task: model.Task) -> list[Pace | None] | None:
        """The pace of each of `task`'s targets, for the task form's 进度 column."""
        tracked = self.tracked(plan)
        if tracked is None:
            return None
        found = {(row.task.id, row.target.metric): row.pace for row in tracked.rows}
        return [found.get((task.id, target.metric)) for target in task.targets]

    @property
    def plan(self) -> model.Plan:
        return self.history.plan

    @property
    def dirty(self) -> bool:
        # Plans share their unchanged parts, so this compares little but the edited path.
        return self.plan != self.saved

    def check(self, plan: model.Plan) -> list[Finding]:
        baseline_name = self.shown(self.baseline_file) if self.baseline_file else ""
        return check_plan(
            plan,
            plan_file=self.name,
            baseline=self.baseline,
            baseline_file=baseline_name,
            config=self.config,
        )

    def shown(self, path: Path) -> str:
        return shown_path(path, self.cwd)

    # --- the file on disk --------------------------------------------------------------

    def changed_on_disk(self) -> bool:
        """Whether the file no longer holds the text read or last written (git pull, another
        editor, deleted)."""
        try:
            return source.read_text(self.path) != self.original
        except InputError:
            return True

    def save(self, plan: model.Plan, overwrite: bool = False) -> str:
        """Write `plan` through the round-trip store (atomic, comments kept); the new text.

        The file must still hold the text read or last written, checked again just before
        it is replaced (an InputError with code "changed" otherwise), unless `overwrite`."""
        if overwrite:
            return store.save(self.path, plan, self.original)
        try:
            now, stamp = source.read_stamped(self.path)
        except InputError as err:
            raise self._changed() from err
        if now != self.original:
            raise self._changed()
        return store.save(self.path, plan, self.original, expected=stamp)

    def _changed(self) -> InputError:
        return InputError([Problem("changed", say("write_changed_on_disk"), Location(self.name))])

    def on_disk(self) -> store.Loaded[model.Plan]:
        """The plan as the file holds it now (InputError when it cannot be read)."""
        return store.load_plan(self.path)

    def took_in(self, disk: store.Loaded[model.Plan]) -> None:
        """The file as read now becomes what a save merges into and checks against."""
        self.original, self.saved = disk.text, disk.model

    def saved_as(self, plan: model.Plan, text: str) -> None:
        self.original, self.saved = text, plan

    def reload(self) -> None:
        """The file as it is now on disk; history starts again."""
        loaded = store.load_plan(self.path)
        self.history = edit.History.start(loaded.model)
        self.original, self.saved = loaded.text, loaded.model
        self.baseline, self.notes, self.progress, self._tracked = None, [], None, None
        self._read_surroundings()

    def recovered_plan(self, text: str) -> model.Plan:
        """The plan a recovery file holds (InputError when it cannot be read)."""
        plan, _ = store.parse(
            text, os.fspath(self.recovery.path) if self.recovery else "", is_results=False
        )
        assert isinstance(plan, model.Plan)
        return plan
