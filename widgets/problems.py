"""The check's findings: errors first, each selectable to jump to its task.

One line per finding keeps a thousand of them cheap to redraw; the full sentence of the
highlighted one stands, wrapped, under the table.
"""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from planwriter import model
from planwriter.check import Finding
from planwriter.messages import say
from planwriter.problems import SEVERITY_LABELS, Severity

SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow",
                  Severity.INFO: "dim"}


def ordered(findings: list[Finding], plan: model.Plan) -> list[Finding]:
    """Errors, then warnings, then notes; each in the order of the plan."""
    position = {line.item.id: index for index, line in enumerate(model.outline(plan))}
    last = len(position)
    return sorted(findings, key=lambda f: (SEVERITY_RANK[f.severity],
                                           position.get(f.task or f.domain, last)))


def severity_counts(findings: list[Finding]) -> dict[Severity, int]:
    counted = Counter(f.severity for f in findings)
    return {severity: counted.get(severity, 0) for severity in SEVERITY_RANK}


class ProblemsPanel(Vertical):
    """The findings of the last check over the plan being edited."""

    class Jump(Message):
        """The user chose a finding: show its task (or domain)."""

        def __init__(self, item_id: str) -> None:
            super().__init__()
            self.item_id = item_id

    DEFAULT_CSS = """
    ProblemsPanel > DataTable { height: 1fr; scrollbar-size-vertical: 1; }
    ProblemsPanel > #problem-detail { height: auto; max-height: 3; color: $text-muted;
                                      padding: 0 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.findings: list[Finding] = []
        self._places: list[str] = []  # what the number column shows, row by row
        self._message_width = 0

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row", id="problem-table")
        yield Static("", id="problem-detail", markup=False)

    @property
    def table(self) -> DataTable:
        return self.query_one("#problem-table", DataTable)

    def on_mount(self) -> None:
        self.border_title = say("problems_title_empty")

    def show(self, findings: list[Finding], plan: model.Plan, plan_file: str) -> None:
        findings = ordered(findings, plan)
        counts = severity_counts(findings)
        self.border_title = say("problems_title", error=counts[Severity.ERROR],
                                warning=counts[Severity.WARNING], info=counts[Severity.INFO])
        if findings == self.findings and self._message_width:
            return
        self.findings = findings
        labels = model.labels(plan)
        self._places = [f.number or labels.get(f.domain, "") or say(
            "problems_plan_wide" if f.where.file == plan_file else "problems_last_year")
            for f in findings]
        self._fill()

    def _fill(self) -> None:
        """All rows again, the message column as wide as the panel leaves it."""
        table = self.table
        row = table.cursor_row
        table.clear(columns=True)
        self._message_width = max(10, self.scrollable_content_region.width - 4 - 6 - 6 - 1)
        table.add_column(say("problems_col_severity"), key="severity", width=4)
        table.add_column(say("problems_col_number"), key="number", width=6)
        table.add_column(say("problems_col_message"), key="message", width=self._message_width)
        table.add_rows((Text(SEVERITY_LABELS[f.severity], style=SEVERITY_STYLE[f.severity]),
                        place, f.message) for f, place in zip(self.findings, self._places,
                                                               strict=True))
        if self.findings:
            table.move_cursor(row=min(row, len(self.findings) - 1))
        self._show_detail()

    def on_resize(self) -> None:
        if self.findings and self._message_width:
            self._fill()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        finding = self.findings[event.cursor_row]
        if finding.task or finding.domain:
            self.post_message(self.Jump(finding.task or finding.domain))
        else:
            self.app.notify(finding.message, title=say("problems_no_task"))

    def _show_detail(self) -> None:
        table = self.table
        detail = self.query_one("#problem-detail", Static)
        if not self.findings:
            detail.update(say("problems_none"))
            return
        finding = self.findings[min(table.cursor_row, len(self.findings) - 1)]
        detail.update(finding.message)
