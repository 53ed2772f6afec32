"""Checking the plan: debounced after each edit, in a thread for big plans, shown as the
findings panel and as markers in the outline.

A part of `EditorScreen` (see editor_base.py for why the parts are Screen subclasses).
"""

from __future__ import annotations

from textual import on, work
from textual.timer import Timer

from planwriter import edit, model
from planwriter.check import Finding
from planwriter.problems import Severity
from planwriter.tui.editor_base import EditorBase
from planwriter.tui.events import ChecksFinished
from planwriter.widgets.findings import ProblemsPanel

MARKED = (Severity.ERROR, Severity.WARNING)  # infos are many and mild: no marker in the tree


class Checking(EditorBase):
    CHECK_DELAY = 0.1  # seconds of quiet after a keystroke before the check runs
    THREAD_CHECK_TASKS = 200  # larger plans are checked in a thread, so typing never waits
    _check_timer: Timer | None = None

    def first_check(self) -> None:
        if edit.counts(self.plan)[1] <= self.THREAD_CHECK_TASKS:
            self.run_check()  # a small plan's first frame already shows its problems
        else:
            self.schedule_check()

    def schedule_check(self) -> None:
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(self.CHECK_DELAY, self.run_check)

    def run_check(self) -> None:
        plan = self.plan
        if edit.counts(plan)[1] > self.THREAD_CHECK_TASKS:
            self._check_in_thread(plan)
            return
        self.show_findings(plan, self.document.check(plan))

    @work(thread=True, exclusive=True, group="check")
    def _check_in_thread(self, plan: model.Plan) -> None:
        findings = self.document.check(plan)
        self.post_message(ChecksFinished(plan, findings))

    @on(ChecksFinished)
    def _checks_finished(self, message: ChecksFinished) -> None:
        if message.plan is self.plan:  # a newer edit has its own check coming
            self.show_findings(message.plan, message.findings)

    def show_findings(self, plan: model.Plan, findings: list[Finding]) -> None:
        self.findings = findings
        marks: dict[str, Severity] = {}
        for finding in findings:
            item = finding.task or finding.domain
            if item and finding.severity in MARKED and marks.get(item) is not Severity.ERROR:
                marks[item] = finding.severity
        self.marks = marks
        self.outline.show(plan, marks)
        self.query_one(ProblemsPanel).show(findings, plan, self.document.name)
        self.update_status()

    @on(ProblemsPanel.Jump)
    def _jump(self, message: ProblemsPanel.Jump) -> None:
        self.outline.select_id(message.item_id)
        self.show_item(message.item_id)
