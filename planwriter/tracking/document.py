"""The 进展情况通报 as templates see it: plain dicts and lists of text, figures as printed.

templates/progress.j2 decides the wording and order; this module only gathers the facts
(counts, a table and a chart per domain, the lagging targets with their 牵头单位).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from planwriter import model
from planwriter.catalogue import say
from planwriter.completion import Completion
from planwriter.pace import Status
from planwriter.quantity import shown
from planwriter.tracking import STATUS_ORDER, Row, Tracked, counts_sentence, status_label
from planwriter.tracking.output import figures, gap_text, percent, value_text

# The reporting periods a 通报 is usually named after, by the as-of day.
PERIOD_KEYS = {
    (3, 31): "period_q1",
    (6, 30): "period_h1",
    (9, 30): "period_q3",
    (12, 31): "period_year",
}


def period_name(as_of: dt.date) -> str:
    """一季度, 上半年, 前三季度, 全年; any other day: 截至6月15日."""
    key = PERIOD_KEYS.get((as_of.month, as_of.day))
    return say(key) if key else say("period_until", date=f"{as_of.month}月{as_of.day}日")


def chart_values(rows: list[Row]) -> dict[str, Any]:
    """Completion against time gone, a pair of bars per target that has a completion."""
    paced = [row for row in rows if row.pace.completion is not None]
    return {
        "title": "",
        "categories": [row.target.metric for row in paced],
        "series": [
            [say("chart_completion"), [_bar(r.pace.completion) for r in paced]],
            [say("chart_elapsed"), [_bar(r.pace.elapsed) for r in paced]],
        ],
    }


def _bar(percent: Decimal | None) -> float:
    """A bar's length for the chart: the percent to one decimal (0 for none)."""
    return float(round(percent, 1)) if percent is not None else 0.0


def _table_row(row: Row) -> list[str]:
    return [*figures(row), status_label(row.pace.status)]


def _lagging(row: Row) -> dict[str, Any]:
    return {
        "number": row.number,
        "task": row.task.title,
        "metric": row.target.metric,
        "lead": row.lead or say("lead_missing"),
        "partners": "、".join(row.task.partners),
        "target": shown(row.goal),
        "value": value_text(row),
        "completion": percent(row.pace.completion),
        "elapsed": percent(row.pace.elapsed),
        "gap": gap_text(row),
        "overdue": row.pace.overdue,
        "due": row.target.due or row.task.due,
        "note": row.note,
    }


def progress_context(tracked: Tracked) -> dict[str, Any]:
    plan = tracked.plan
    labels = model.labels(plan)
    counts = tracked.counts()
    domains: list[dict[str, Any]] = []
    by_domain = {domain.id: rows for domain, rows in tracked.by_domain()}
    for domain in plan.domains:  # those with targets or with a task's own 进展情况
        rows = by_domain.get(domain.id, [])
        notes = [
            {
                "number": labels[task.id],
                "title": task.title,
                "note": tracked.notes[task.id].entry.note,
            }
            for task in model.domain_tasks(domain)
            if task.id in tracked.notes
        ]
        if not rows and not notes:
            continue
        chart = chart_values(rows)
        chart["title"] = domain.title
        domains.append(
            {
                "label": model.domain_label(len(domains)),  # the 通报's own numbering
                "plan_label": labels[domain.id],
                "title": domain.title,
                "rows": [_table_row(row) for row in rows],
                "chart": chart if chart["categories"] else None,
                "counts": counts_sentence(_counts(rows), always=()),
                "notes": notes,
            }
        )
    notice = plan.notice
    return {
        "bureau": plan.bureau,
        "year": plan.year,
        "plan_title": plan.title,
        "as_of": model.chinese_date(tracked.as_of),
        "period": period_name(tracked.as_of),
        "total": len(tracked.rows),
        "counts": {status.value.replace("-", "_"): counts[status] for status in STATUS_ORDER},
        "counts_sentence": counts_sentence(counts),
        "domains": domains,
        "next_label": model.domain_label(len(domains)),
        "lagging": _numbered(row for row in tracked.rows if row.pace.status is Status.LAGGING),
        "over": _numbered(row for row in tracked.rows if row.pace.status is Status.OVER),
        "header": [say(key) for key in TABLE_HEADER],
        "signer": (notice.signer if notice and notice.signer else plan.bureau),
    }


TABLE_HEADER = (
    "progress_col_metric",
    "progress_col_target",
    "progress_col_value",
    "progress_col_completion",
    "progress_col_elapsed",
    "progress_col_status",
)


def _numbered(rows: Iterable[Row]) -> list[dict[str, Any]]:
    """Each with its （一） label: 1. would run into a metric that begins with a digit."""
    return [{**_lagging(row), "label": model.section_label(i)} for i, row in enumerate(rows)]


def _counts(rows: list[Row]) -> dict[Status, int]:
    return {status: sum(row.pace.status is status for row in rows) for status in STATUS_ORDER}


def report_charts(
    rows: list[Completion], last_plan: model.Plan | None, year: int
) -> list[dict[str, Any]]:
    """The completion report's charts: a 完成率 bar per target, a chart per domain of last
    year's plan (one for the whole year without it). Ceilings, which have no rate, are left
    to the table."""
    domain_of = {
        target.metric: domain.title
        for domain in (last_plan.domains if last_plan else [])
        for task in model.domain_tasks(domain)
        for target in task.targets
    }
    whole = say("chart_report_title", year=year)
    groups: dict[str, list[Completion]] = {}
    for row in rows:
        if row.percent is not None:
            groups.setdefault(domain_of.get(row.metric, whole), []).append(row)
    return [
        {
            "title": title,
            "categories": [row.metric for row in group],
            "series": [[say("chart_report_completion"), [_bar(r.percent) for r in group]]],
        }
        for title, group in groups.items()
    ]
