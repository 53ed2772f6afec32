"""Messages the editor's workers post back to the UI thread when their work is done."""

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
    plan: model.Plan
    text: str  # what was written: the new original
    then_quit: bool = False


@dataclass
class SaveFailed(Message):
    problems: list[Problem]
    then_quit: bool = False


@dataclass
class ExportFinished(Message):
    files: list[Path]
    warnings: list[str]
    unsaved: bool  # exported edits that are not yet saved


@dataclass
class ExportFailed(Message):
    problems: list[Problem]


@dataclass
class RecoveryFailed(Message):
    reason: str
