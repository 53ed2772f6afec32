"""Progress as a rich table, stable JSON, or GitHub workflow annotations.

JSON (format "planwriter-progress", version 1), one object:
    {"format": "planwriter-progress", "version": 1,
     "plan": str, "progress": str | null, "baseline": str | null, "as_of": "YYYY-MM-DD",
     "counts": {"done": n, "on-track": n, "lagging": n, "over": n, "unreported": n},
     "overdue": n,
     "targets": [{"domain": str, "domain_title": str, "task": str, "number": str,
                  "lead": str, "metric": str, "op": ">="|"<="|"=",
                  "kind": "stock"|"flow"|"rate", "target": str, "start": str | null,
                  "value": str | null, "reported": "YYYY-MM-DD" | null,
                  "completion": number | null, "elapsed": number,
                  "gap": number | null, "gap_unit": str,
                  "status": "done"|"on-track"|"lagging"|"over"|"unreported",
                  "status_label": str, "overdue": bool,
                  "due": str, "period": ["YYYY-MM-DD", "YYYY-MM-DD"], "note": str,
                  "file": str, "line": int, "column": int}]}
Targets in document order. completion and elapsed are percents rounded to 0.1; completion
is null for a ceiling to be held and for a target not reported. gap is what remains toward
the target (negative: beyond it; for a ceiling held, above it when positive), in gap_unit
(个百分点 for rates). start is last year's result where the year began (stocks, rates).
file/line/column locate the target's value in the plan. overdue: 滞后 on or after the last
day of the target's period; the command exits 1 when any target is overdue.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from planwriter import model
from planwriter.catalogue import say
from planwriter.check.output import github_escape
from planwriter.pace import Status
from planwriter.problems import Location
from planwriter.quantity import format_amount, ratio_text, shown
from planwriter.schema import SourceMap
from planwriter.tracking import STATUS_ORDER, Row, Tracked, counts_sentence, status_label

STATUS_STYLE = {
    Status.DONE: "green",
    Status.ON_TRACK: "",
    Status.LAGGING: "bold red",
    Status.OVER: "bold magenta",
    Status.UNREPORTED: "dim",
}
POINTS = "个百分点"


def percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{ratio_text(value)}%"


def gap_unit(row: Row) -> str:
    return POINTS if row.target.kind is model.Kind.RATE else row.goal.unit


def gap_text(row: Row) -> str:
    """差11家, 超出2000人, 差3.5个百分点; for a ceiling held: 距上限20, 超出上限1."""
    gap = row.pace.gap
    if gap is None or gap == 0:
        return ""
    amount = format_amount(abs(gap), gap_unit(row))
    held = row.target.op is model.Op.AT_MOST and row.pace.completion is None
    if held:
        return say("gap_over_ceiling" if gap > 0 else "gap_room", amount=amount)
    return say("gap_short" if gap > 0 else "gap_beyond", amount=amount)


def figures(row: Row) -> list[str]:
    """指标, 目标, 已达, 完成进度, 时间进度: a row's figures as the table and the 通报 show them."""
    return [
        row.target.metric,
        shown(row.goal),
        value_text(row),
        percent(row.pace.completion),
        percent(row.pace.elapsed),
    ]


def value_text(row: Row) -> str:
    return "—" if row.value is None else shown(row.value)


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(round(value, 1))


def to_json(
    tracked: Tracked,
    plan_file: str,
    progress_file: str | None,
    baseline_file: str | None,
    source: SourceMap | None,
) -> str:
    counts = tracked.counts()
    data = {
        "format": "planwriter-progress",
        "version": 1,
        "plan": plan_file,
        "progress": progress_file,
        "baseline": baseline_file,
        "as_of": tracked.as_of.isoformat(),
        "counts": {status.value: counts[status] for status in STATUS_ORDER},
        "overdue": len(tracked.overdue()),
        "targets": [_row_json(row, _where(row, plan_file, source)) for row in tracked.rows],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _where(row: Row, plan_file: str, source: SourceMap | None) -> Location:
    return source.at(*row.path, "value") if source else Location(plan_file)


def _row_json(row: Row, where: Location) -> dict[str, Any]:
    return {
        "domain": row.domain.id,
        "domain_title": row.domain.title,
        "task": row.task.id,
        "number": row.number,
        "lead": row.lead,
        "metric": row.target.metric,
        "op": row.target.op.value,
        "kind": row.target.kind.value,
        "target": shown(row.goal),
        "start": None if row.start is None else shown(row.start),
        "value": None if row.value is None else shown(row.value),
        "reported": row.reported.as_of.isoformat() if row.reported else None,
        "completion": _number(row.pace.completion),
        "elapsed": _number(row.pace.elapsed),
        "gap": None if row.pace.gap is None else float(row.pace.gap),
        "gap_unit": gap_unit(row),
        "status": row.pace.status.value,
        "status_label": status_label(row.pace.status),
        "overdue": row.pace.overdue,
        "due": row.target.due or row.task.due,
        "period": [row.period.start.isoformat(), row.period.end.isoformat()],
        "note": row.note,
        "file": where.file,
        "line": where.line,
        "column": where.column,
    }


def to_github(tracked: Tracked, plan_file: str, source: SourceMap | None) -> str:
    """An annotation per target 滞后 (error when overdue, else warning) or 超标 (warning)."""
    lines = []
    for row in tracked.rows:
        if row.pace.status not in (Status.LAGGING, Status.OVER):
            continue
        level = "error" if row.pace.overdue else "warning"
        where = _where(row, plan_file, source)
        props = [f"file={github_escape(where.file, True)}"]
        if where.line:
            props += [f"line={where.line}", f"col={where.column}"]
        props.append(f"title={github_escape('planwriter progress ' + row.pace.status.value, True)}")
        lines.append(f"::{level} {','.join(props)}::{github_escape(sentence(row), False)}")
    return "\n".join(lines)


def sentence(row: Row) -> str:
    """One line for a target: 9. 社区老年助餐点新增数：目标83个，截至6月30日46个，完成55.4%，
    时间进度49.7%，进度正常。"""
    return say(
        "progress_line",
        number=row.number,
        metric=row.target.metric,
        target=shown(row.goal),
        value=value_text(row),
        completion=percent(row.pace.completion),
        elapsed=percent(row.pace.elapsed),
        status=status_label(row.pace.status),
        gap=f"，{gap}" if (gap := gap_text(row)) else "",
        due=say("progress_overdue") if row.pace.overdue else "",
    )


def print_table(tracked: Tracked, plan_file: str, console: Any) -> None:
    from rich.table import Table

    table = Table(
        title=say("progress_title", file=plan_file, date=model.chinese_date(tracked.as_of)),
        title_justify="left",
    )
    table.add_column(say("progress_col_number"), no_wrap=True)
    table.add_column(say("progress_col_metric"), overflow="fold", ratio=1, min_width=10)
    table.add_column(say("progress_col_target"), overflow="fold", justify="right")
    table.add_column(say("progress_col_value"), overflow="fold", justify="right")
    table.add_column(say("progress_col_completion"), no_wrap=True, justify="right")
    table.add_column(say("progress_col_elapsed"), no_wrap=True, justify="right")
    table.add_column(say("progress_col_status"), overflow="fold", min_width=10)
    for domain, rows in tracked.by_domain():
        table.add_section()
        label = model.labels(tracked.plan)[domain.id]
        table.add_row("", f"{label}{domain.title}", "", "", "", "", "", style="bold")
        for row in rows:
            status = status_label(row.pace.status)
            if row.pace.overdue:
                status += say("progress_overdue_mark")
            if gap := gap_text(row):
                status += f"\n{gap}"
            table.add_row(row.number, *figures(row), status, style=STATUS_STYLE[row.pace.status])
    console.print(table)
    console.print(
        say("progress_counts", count=len(tracked.rows), counts=counts_sentence(tracked.counts()))
    )
    for row in tracked.overdue():
        console.print(say("progress_overdue_line", line=sentence(row)), style="bold red")
