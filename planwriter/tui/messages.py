"""Every message the editor's parts post, in one place: what happened, typed.

Workers (the check, the save, the recovery file, the export) run off the UI thread and post
one of these when done; the screen hands it to the part that owns that concern. Messages
about one widget (TaskEditor's Edited, TargetTable's requests, ProblemsPanel.Jump) are
declared on the widget, as Textual's own widgets declare theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from planwriter import model
from planwriter.check import Finding
from planwriter.problems import Problem


@dataclass
class ChecksFinished(Message):
    """The check of `plan` is done; stale when the plan has changed since."""

    plan: model.Plan
    findings: list[Finding]


@dataclass
class SaveFinished(Message):
    """The plan is on disk as `text`; quit now when the save was asked for on the way out."""

    plan: model.Plan
    text: str  # what was written: the new original
    then_quit: bool = False


@dataclass
class SaveFailed(Message):
    """The save wrote nothing; the problems say why (the file is as it was)."""

    problems: list[Problem]
    then_quit: bool = False


@dataclass
class ExportFinished(Message):
    """The document is written: the .docx (and the PDF when LibreOffice made one)."""

    files: list[Path]
    warnings: list[str]
    unsaved: bool  # exported edits that are not yet saved


@dataclass
class ExportFailed(Message):
    """No document was written; the problems name the setting or template at fault."""

    problems: list[Problem]


@dataclass
class RecoveryFailed(Message):
    """The recovery file could not be written (the plan itself is untouched)."""

    reason: str
