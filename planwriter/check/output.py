"""Findings as a rich table, stable JSON, or GitHub workflow annotations.

JSON (format "planwriter-check", version 1), one object for the whole run:
    {"format": "planwriter-check", "version": 1,
     "counts": {"error": n, "warning": n, "info": n},
     "plans": [{"file": str, "baseline": str | null,
                "counts": {"error": n, "warning": n, "info": n},
                "problems": [{"code": str, "severity": "error"|"warning"|"info",
                              "message": str, "file": str, "line": int, "column": int,
                              "domain": str, "task": str, "number": str}]}]}
counts cover every finding; problems only those at or above --min-severity.
line and column are 1-based (0 when the problem concerns a whole file); domain and task
are ids ("" for the whole plan); number is the task's printed number ("9.") or "".
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planwriter import model
from planwriter.catalogue import say
from planwriter.check.context import Finding
from planwriter.linebreak import cells, wrapped
from planwriter.problems import SEVERITY_LABELS, SEVERITY_RANK, SEVERITY_STYLE, Severity


@dataclass
class PlanReport:
    file: str
    plan: model.Plan
    baseline: str | None
    findings: list[Finding] = field(default_factory=list)
    minimum: Severity = Severity.INFO  # what is shown; counts always cover every finding
    verbose: bool = False  # list foldable findings one by one in the table

    def shown(self) -> list[Finding]:
        return [
            f for f in self.findings if SEVERITY_RANK[f.severity] <= SEVERITY_RANK[self.minimum]
        ]

    def counts(self) -> dict[str, int]:
        found = Counter(f.severity.value for f in self.findings)
        return {s.value: found.get(s.value, 0) for s in Severity}


def to_json(reports: list[PlanReport]) -> str:
    total: Counter[str] = Counter()
    plans = []
    for report in reports:
        total.update(report.counts())
        plans.append(
            {
                "file": report.file,
                "baseline": report.baseline,
                "counts": report.counts(),
                "problems": [_finding_json(f) for f in report.shown()],
            }
        )
    data = {
        "format": "planwriter-check",
        "version": 1,
        "counts": {s.value: total.get(s.value, 0) for s in Severity},
        "plans": plans,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message,
        "file": finding.where.file,
        "line": finding.where.line,
        "column": finding.where.column,
        "domain": finding.domain,
        "task": finding.task,
        "number": finding.number,
    }


def to_github(reports: list[PlanReport]) -> str:
    lines = []
    for report in reports:
        for f in report.shown():
            level = {"error": "error", "warning": "warning", "info": "notice"}[f.severity.value]
            props = [f"file={github_escape(f.where.file, True)}"]
            if f.where.line:
                props += [f"line={f.where.line}", f"col={f.where.column}"]
            props.append(f"title={github_escape('planwriter ' + f.code, True)}")
            lines.append(f"::{level} {','.join(props)}::{github_escape(f.message, False)}")
    return "\n".join(lines)


def github_escape(text: str, property_value: bool) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def print_table(report: PlanReport, console: Any) -> None:
    """Errors first, then warnings, then notes, each in file order; many alike notes
    (dropped-metric) counted in one row unless `report.verbose`; one summary line."""
    from rich.table import Table

    baseline = report.baseline or say("check_no_baseline")
    all_rows = _rows(report)
    rows = all_rows[:TABLE_ROWS]  # rich takes ~3 ms a row: 10 000 findings took minutes
    if not rows:
        console.print(
            say("check_clean", file=report.file) if not report.findings else summary_line(report)
        )
        return
    table = Table(
        title=say("check_title", file=report.file, baseline=baseline),
        title_justify="left",
        show_lines=False,
    )
    heads = [say(key) for key in COLUMNS]
    widths = fitted_widths(heads, rows, console.width, caps={WHERE: WHERE_MAX})
    for index, head in enumerate(heads):
        table.add_column(head, width=widths[index], no_wrap=index != WHERE, overflow="fold")
    previous = None
    for row, severity in zip(rows, _row_severities(report)[:TABLE_ROWS], strict=True):
        if previous is not None and severity is not previous:
            table.add_section()
        previous = severity
        table.add_row(*row[:-1], wrapped(row[-1], widths[-1]), style=SEVERITY_STYLE[severity])
    console.print(table)
    if len(rows) < len(all_rows):
        console.print(say("check_table_cut", shown=len(rows), count=len(all_rows)))
    console.print(summary_line(report))


TABLE_ROWS = 500
COLUMNS = (
    "check_col_severity",
    "check_col_rule",
    "check_col_number",
    "check_col_where",
    "check_col_message",
)
WHERE, WHERE_MAX, LAST_MIN = 3, 14, 16


def fitted_widths(
    heads: list[str], rows: list[list[str]], width: int, caps: dict[int, int] | None = None
) -> list[int]:
    """Every column as wide as its widest cell (or its cap); the last takes what is left
    of `width`, to be wrapped by Chinese rules (rich's own wrapping would start a line
    with ， or split 1020元)."""
    widths = [max(cells(text) for text in column) for column in zip(heads, *rows, strict=True)]
    for index, cap in (caps or {}).items():
        widths[index] = min(widths[index], cap)
    room = width - sum(widths[:-1]) - 3 * len(widths) - 1  # borders and padding
    widths[-1] = max(min(widths[-1], room), LAST_MIN)
    return widths


def _listed(report: PlanReport) -> tuple[list[Finding], list[Finding]]:
    """The findings shown row by row, by severity then file order; and those folded."""
    shown = sorted(report.shown(), key=lambda f: SEVERITY_RANK[f.severity])
    if report.verbose:
        return shown, []
    return [f for f in shown if not f.foldable], [f for f in shown if f.foldable]


def _rows(report: PlanReport) -> list[list[str]]:
    listed, folded = _listed(report)
    rows = [
        [
            SEVERITY_LABELS[f.severity],
            rule_name(f.code),
            f.number,
            _short_where(f, report),
            f.message,
        ]
        for f in listed
    ]
    for code, group in _by_code(folded):
        name = Path(group[0].where.file).name
        folded_row = say(f"check_folded_{code}", count=len(group), file=name)
        rows.append([SEVERITY_LABELS[group[0].severity], rule_name(code), "", "", folded_row])
    return rows


def _row_severities(report: PlanReport) -> list[Severity]:
    listed, folded = _listed(report)
    return [f.severity for f in listed] + [group[0].severity for _, group in _by_code(folded)]


def _by_code(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.code, []).append(finding)
    return list(groups.items())


def rule_name(code: str) -> str:
    """A rule as a clerk reads it (the code stays in JSON, github output, planwriter.toml)."""
    return say(f"rule_name_{code}")


def summary_line(report: PlanReport) -> str:
    """The counts at and above --min-severity: what was asked for, nothing more."""
    counts = report.counts()
    parts = [
        say("check_count", label=SEVERITY_LABELS[s], count=counts[s.value])
        for s in Severity
        if SEVERITY_RANK[s] <= SEVERITY_RANK[report.minimum]
    ]
    return "，".join(parts)


def _short_where(finding: Finding, report: PlanReport) -> str:
    """line:col in the plan itself; 上年 line:col in its baseline (the title names it);
    name:line:col for another file beside it; else the full path."""
    where, plan_file = str(finding.where), report.file
    if finding.where.file == plan_file:
        return where.removeprefix(f"{plan_file}:")
    if finding.where.file == report.baseline and finding.where.line:
        line, column = finding.where.line, finding.where.column
        return say("check_where_baseline", line=line, column=column)
    other = Path(finding.where.file)
    if other.parent == Path(plan_file).parent:
        return where.replace(finding.where.file, other.name, 1)
    return where


def print_summary(reports: list[PlanReport], console: Any) -> None:
    from rich.table import Table

    table = Table()
    table.add_column(say("check_col_plan"))
    for key in ("check_col_error", "check_col_warning", "check_col_info"):
        table.add_column(say(key), justify="right")
    total: Counter[str] = Counter()
    for report in reports:
        counts = report.counts()
        total.update(counts)
        table.add_row(report.file, *(str(counts[s.value]) for s in Severity))
    table.add_section()
    table.add_row(say("check_total"), *(str(total.get(s.value, 0)) for s in Severity), style="bold")
    console.print(table)
