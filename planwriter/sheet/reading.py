"""A filled sheet's rows matched back to the plan: a progress report, and what stands in its way.

A row is matched by the id in its hidden column, then by its 重点任务; a target row (指标
filled, no task of its own) belongs to the task above it. 完成值 is read with the one
quantity reader and must be a definite figure; 进展情况 is kept as written. Rows that match
nothing and values that cannot be read are errors, placed at their sheet, row and column;
tasks that have no row any more (a deleted row) are warnings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from planwriter import model
from planwriter.catalogue import say
from planwriter.problems import Location, Problem, Severity
from planwriter.progress import ProgressEntry, ProgressReport
from planwriter.quantity import (
    IncomparableError,
    Quantity,
    QuantityError,
    compatible,
    parse_quantity,
)
from planwriter.sheet.xlsx import ReadRow, ReadSheet


@dataclass
class Reading:
    report: ProgressReport
    errors: list[Problem] = field(default_factory=list)  # nothing is written while any stand
    warnings: list[Problem] = field(default_factory=list)
    rows: int = 0  # rows that gave an entry


class _Matcher:
    def __init__(self, plan: model.Plan, sheet: ReadSheet, file: Path) -> None:
        self.plan, self.sheet, self.file = plan, sheet, file
        self.tasks = {task.id: task for task in plan.tasks()}
        self.by_title: dict[str, model.Task] = {}
        for task in plan.tasks():
            self.by_title.setdefault(task.title.strip(), task)
        self.domains = {domain.id for domain in plan.domains}
        self.labels = model.labels(plan)
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.seen: dict[tuple[str, str | None], int] = {}  # (task, metric) → its row

    def place(self, row: ReadRow, key: str) -> tuple[str, Location]:
        """第 12 行 K 列（完成值）, and the location file:12:11 that goes with it."""
        from openpyxl.utils import get_column_letter

        column = self.sheet.columns.get(key, 1)
        where = say(
            "sheet_place",
            sheet=self.sheet.name,
            row=row.number,
            column=get_column_letter(column),
            header=say(f"column_{key}"),
        )
        return where, Location(str(self.file), row.number, column)

    def error(self, row: ReadRow, key: str, message: str) -> None:
        where, location = self.place(row, key)
        self.errors.append(Problem("sheet", f"{where}：{message}", location))


def read_report(
    plan: model.Plan, sheet: ReadSheet, file: Path, as_of: dt.date, source: str | None
) -> Reading:
    matcher = _Matcher(plan, sheet, file)
    entries: list[ProgressEntry] = []
    task: model.Task | None = None  # the task the rows below belong to
    for row in sheet.rows:
        cells = row.cells
        row_id = cells.get("id", "")
        if row_id in matcher.domains or _is_domain_row(cells):
            task = None
            continue
        task = _task_of(matcher, row, task)
        if task is None:
            continue
        entry = _entry(matcher, row, task)
        if entry is not None:
            entries.append(entry)
    _missing(matcher)
    report = ProgressReport(as_of, source, tuple(entries))
    return Reading(report, matcher.errors, matcher.warnings, len(entries))


def _is_domain_row(cells: dict[str, str]) -> bool:
    """A row with only the 序号 column filled (一、…): a domain, whatever its id."""
    return bool(cells.get("number")) and not any(
        cells.get(k) for k in ("title", "metric", "done", "progress")
    )


def _task_of(matcher: _Matcher, row: ReadRow, above: model.Task | None) -> model.Task | None:
    cells = row.cells
    row_id, title, metric = cells.get("id", ""), cells.get("title", ""), cells.get("metric", "")
    if row_id in matcher.tasks:
        return matcher.tasks[row_id]
    if title:
        found = matcher.by_title.get(title.strip())
        if found is None:
            matcher.error(row, "title", say("sheet_unknown_task", title=title))
        return found
    if metric and above is not None and not row_id:
        return above  # a target row whose id was lost: it still follows its task
    if any(cells.get(k) for k in ("metric", "done", "progress")):
        key = "metric" if metric else "title"
        matcher.error(row, key, say("sheet_unmatched_row", id=row_id or say("sheet_no_id")))
    return None


def _entry(matcher: _Matcher, row: ReadRow, task: model.Task) -> ProgressEntry | None:
    cells = row.cells
    metric = cells.get("metric", "") or None
    target = next((t for t in task.targets if t.metric == metric), None) if metric else None
    label = matcher.labels[task.id]
    if metric and target is None:
        matcher.error(row, "metric", say("sheet_unknown_metric", task=label, metric=metric))
        return None
    key = (task.id, metric)
    if key in matcher.seen:
        duplicate = say("sheet_duplicate", row=matcher.seen[key])
        matcher.error(row, "metric" if metric else "title", duplicate)
        return None
    matcher.seen[key] = row.number
    done, note = cells.get("done", ""), cells.get("progress", "")
    if done and target is None:
        matcher.error(row, "done", say("sheet_value_on_task_row", task=label))
        return None
    value = _value(matcher, row, done, target) if done and target is not None else None
    if done and value is None:
        return None
    if value is None and not note:
        return None  # nothing written on this row yet
    unit = target.unit if target is not None else ""
    return ProgressEntry(task.id, metric, value, unit, note)


def _value(matcher: _Matcher, row: ReadRow, text: str, target: model.Target) -> Quantity | None:
    """The 完成值 as a definite quantity in a unit the target can be compared with."""
    try:
        quantity = parse_quantity(text)
    except QuantityError as err:
        matcher.error(row, "done", say("sheet_bad_value", value=text, reason=err))
        return None
    if quantity.bound.approximate:
        matcher.error(row, "done", say("approximate_progress", value=text))
        return None
    try:
        reached, goal = model.with_unit(quantity, target.unit), target.quantity()
    except (IncomparableError, QuantityError) as err:
        matcher.error(row, "done", say("sheet_unit", value=text, reason=err))
        return None
    if (reason := compatible(reached.unit, goal.unit)) is not None:
        matcher.error(row, "done", say("sheet_unit", value=text, reason=reason))
        return None
    return quantity


def _missing(matcher: _Matcher) -> None:
    """Tasks of the plan no row names any more (deleted?): said, not in the way."""
    named = {task for task, _ in matcher.seen}
    for task in matcher.plan.tasks():
        if task.id not in named:
            matcher.warnings.append(
                Problem(
                    "sheet",
                    say(
                        "sheet_task_missing",
                        sheet=matcher.sheet.name,
                        label=matcher.labels[task.id],
                        title=task.title,
                    ),
                    Location(str(matcher.file)),
                    Severity.WARNING,
                )
            )
