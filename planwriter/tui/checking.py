"""Checking the plan: debounced after each edit, in a thread for big plans, shown as the
findings panel and as markers in the outline.

`Checker` owns the findings, the outline's markers and its timer; the screen asks it to
check after a change and hands it `ChecksFinished` when a threaded check is done.
"""

from __future__ import annotations

from functools import partial

from textual.timer import Timer

from planwriter import edit, model
from planwriter.check import Finding
from planwriter.problems import Severity
from planwriter.tui.host import EditorHost
from planwriter.tui.messages import ChecksFinished

MARKED = (Severity.ERROR, Severity.WARNING)  # infos are many and mild: no marker in the tree


class Checker:
    CHECK_DELAY = 0.1  # seconds of quiet after a keystroke before the check runs
    THREAD_CHECK_TASKS = 200  # larger plans are checked in a thread, so typing never waits

    def __init__(self, host: EditorHost) -> None:
        self.host = host
        self.findings: list[Finding] | None = None  # None until the first check is done
        self.marks: dict[str, Severity] = {}
        self._timer: Timer | None = None

    def first(self) -> None:
        if edit.counts(self.host.plan)[1] <= self.THREAD_CHECK_TASKS:
            self.run()  # a small plan's first frame already shows its problems
        else:
            self.schedule()

    def schedule(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.host.set_timer(self.CHECK_DELAY, self.run)

    def forget(self) -> None:
        """The plan was read anew: what was found is no longer known."""
        self.findings = None

    def run(self) -> None:
        plan = self.host.plan
        if edit.counts(plan)[1] > self.THREAD_CHECK_TASKS:
            work = partial(self._check_in_thread, plan)
            self.host.run_worker(work, thread=True, exclusive=True, group="check")
            return
        self.show(plan, self.host.document.check(plan))

    def _check_in_thread(self, plan: model.Plan) -> None:
        self.host.post_message(ChecksFinished(plan, self.host.document.check(plan)))

    def finished(self, message: ChecksFinished) -> None:
        if message.plan is self.host.plan:  # a newer edit has its own check coming
            self.show(message.plan, message.findings)

    def show(self, plan: model.Plan, findings: list[Finding]) -> None:
        self.findings = findings
        marks: dict[str, Severity] = {}
        for finding in findings:
            item = finding.task or finding.domain
            if item and finding.severity in MARKED and marks.get(item) is not Severity.ERROR:
                marks[item] = finding.severity
        self.marks = marks
        self.host.outline.show(plan, marks)
        self.host.problems.show(findings, plan, self.host.document.name)
        self.host.update_status()
