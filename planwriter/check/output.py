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
from planwriter.problems import SEVERITY_LABELS, SEVERITY_RANK, SEVERITY_STYLE, Severity


@dataclass
class PlanReport:
    file: str
    plan: model.Plan
    baseline: str | None
    findings: list[Finding] = field(default_factory=list)
    minimum: Severity = Severity.INFO  # what is shown; counts always cover every finding

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
    """Grouped by domain (the whole plan first), each row a finding."""
    from rich.table import Table

    baseline = report.baseline or say("check_no_baseline")
    if not report.shown():
        console.print(
            say("check_clean", file=report.file)
            if not report.findings
            else say("check_counts", **report.counts())
        )
        return
    table = Table(
        title=say("check_title", file=report.file, baseline=baseline),
        title_justify="left",
        show_lines=False,
    )
    table.add_column(say("check_col_number"), no_wrap=True)
    table.add_column(say("check_col_rule"), overflow="fold", max_width=16)
    table.add_column(say("check_col_severity"), no_wrap=True)
    table.add_column(say("check_col_where"), overflow="fold", max_width=12)
    table.add_column(say("check_col_message"), overflow="fold", min_width=24, ratio=1)
    for heading, findings in _groups(report):
        table.add_section()
        table.add_row("", "", "", "", heading, style="bold")
        for f in findings:
            table.add_row(
                f.number,
                f.code,
                SEVERITY_LABELS[f.severity],
                _short_where(f, report.file),
                f.message,
                style=SEVERITY_STYLE[f.severity],
            )
    console.print(table)
    console.print(say("check_counts", **report.counts()))


def _short_where(finding: Finding, plan_file: str) -> str:
    """line:col in the plan itself; name:line:col for a file beside it; else the full path."""
    where = str(finding.where)
    if finding.where.file == plan_file:
        return where.removeprefix(f"{plan_file}:")
    other = Path(finding.where.file)
    if other.parent == Path(plan_file).parent:
        return where.replace(finding.where.file, other.name, 1)
    return where


def _groups(report: PlanReport) -> list[tuple[str, list[Finding]]]:
    """The plan as a whole, then each domain in order, then what stands in other files."""
    labels = {
        entry.item.id: f"{entry.label}{entry.item.title}"
        for entry in model.outline(report.plan)
        if entry.level == 1
    }
    plan_wide, elsewhere = say("check_group_plan"), say("check_group_elsewhere")
    groups: dict[str, list[Finding]] = {plan_wide: []}
    groups.update({label: [] for label in labels.values()})
    groups[elsewhere] = []
    for finding in report.shown():
        if finding.where.file != report.file:
            groups[elsewhere].append(finding)
        else:
            groups[labels.get(finding.domain, plan_wide)].append(finding)
    return [(heading, items) for heading, items in groups.items() if items]


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
