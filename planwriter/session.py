"""The plan being edited: its file, the text it was read from, its history and its baseline.

No Textual here: the screens call these and keep the results on the UI thread.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from planwriter import edit, model, source, store
from planwriter.check import Finding, baseline_path, check_plan
from planwriter.check.config import CheckConfig, check_config
from planwriter.problems import InputError, Problem
from planwriter.recovery import RecoveryFile
from planwriter.settings import settings_for


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
        self.baseline_file = baseline_path(self.path, self.plan)
        try:
            if self.baseline_file.exists():
                self.baseline = store.load_results(self.baseline_file).model
        except InputError as err:
            self.notes.extend(err.problems)
        try:
            self.config = check_config(settings_for(self.path))
        except InputError as err:
            self.notes.extend(err.problems)

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

    def save(self, plan: model.Plan) -> str:
        """Write `plan` through the round-trip store (atomic, comments kept); the new text."""
        return store.save(self.path, plan, self.original)

    def saved_as(self, plan: model.Plan, text: str) -> None:
        self.original, self.saved = text, plan

    def reload(self) -> None:
        """The file as it is now on disk; history starts again."""
        loaded = store.load_plan(self.path)
        self.history = edit.History.start(loaded.model)
        self.original, self.saved = loaded.text, loaded.model
        self.baseline, self.notes = None, []
        self._read_surroundings()

    def recovered_plan(self, text: str) -> model.Plan:
        """The plan a recovery file holds (InputError when it cannot be read)."""
        plan, _ = store.parse(
            text, os.fspath(self.recovery.path) if self.recovery else "", is_results=False
        )
        assert isinstance(plan, model.Plan)
        return plan
