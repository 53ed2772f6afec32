"""Progress through the year: each target of the plan with its latest reported value, paced.

Pure functions over the plan, its progress file and last year's results (for the level a
stock or a rate started the year at). The shells (`planwriter progress`, `results`, the
progress document, the editor) load the files and say the statuses in Chinese.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from planwriter import model
from planwriter.catalogue import say
from planwriter.check.context import TaskEntry, task_entries
from planwriter.due import DueError, parse_due
from planwriter.pace import Goal, Pace, Period, Status, pace
from planwriter.problems import Problem
from planwriter.progress import Progress, ProgressEntry
from planwriter.quantity import Quantity, QuantityError, compatible
from planwriter.schema import SourceMap

STATUS_KEYS = {status: f"pace_{status.value.replace('-', '_')}" for status in Status}
# The order statuses are counted and said in: 已完成 N 项、进度正常 N 项、滞后 N 项……
STATUS_ORDER = (Status.DONE, Status.ON_TRACK, Status.LAGGING, Status.OVER, Status.UNREPORTED)


def status_label(status: Status) -> str:
    return say(STATUS_KEYS[status])


@dataclass(frozen=True)
class Reported:
    """The latest entry for one target on or before the as-of date."""

    entry: ProgressEntry
    as_of: dt.date
    report: int  # index of its report in the progress file
    index: int  # index of the entry in that report


@dataclass(frozen=True)
class Row:
    domain: model.Domain
    number: str  # the task's printed number: 9.
    task: model.Task
    target: model.Target
    path: tuple[str | int, ...]  # the target's place in the plan's YAML, for positions
    goal: Quantity  # the target's value
    start: Quantity | None  # last year's result, where the year began (stocks, rates)
    reported: Reported | None
    period: Period  # the target's due, else the year
    pace: Pace

    @property
    def value(self) -> Quantity | None:
        return self.reported.entry.amount() if self.reported else None

    @property
    def note(self) -> str:
        return self.reported.entry.note if self.reported else ""

    @property
    def lead(self) -> str:
        return self.task.lead


@dataclass(frozen=True)
class Tracked:
    plan: model.Plan
    as_of: dt.date
    rows: list[Row]
    notes: dict[str, Reported] = field(default_factory=dict)  # task id → its own 进展情况

    def counts(self) -> dict[Status, int]:
        found = Counter(row.pace.status for row in self.rows)
        return {status: found.get(status, 0) for status in STATUS_ORDER}

    def overdue(self) -> list[Row]:
        return [row for row in self.rows if row.pace.overdue]

    def lagging(self) -> list[Row]:
        return [row for row in self.rows if row.pace.status is Status.LAGGING]

    def by_domain(self) -> list[tuple[model.Domain, list[Row]]]:
        groups: dict[str, tuple[model.Domain, list[Row]]] = {}
        for row in self.rows:
            groups.setdefault(row.domain.id, (row.domain, []))[1].append(row)
        return list(groups.values())


def default_as_of(plan: model.Plan, progress: Progress | None, today: dt.date) -> dt.date:
    """The latest report's date; without one, today, kept within the plan's year."""
    if progress is not None and progress.reports:
        return progress.reports[-1].as_of
    return min(max(today, dt.date(plan.year, 1, 1)), dt.date(plan.year, 12, 31))


def target_period(plan: model.Plan, task: model.Task, target: model.Target) -> Period:
    """The target's `due`, else its task's, else the plan year (ongoing work: the year)."""
    text = target.due or task.due
    if text:
        try:
            start, end = parse_due(text, plan.year).period(plan.year)
            return Period(start, end)
        except DueError:  # the plan's validation says where; the year stands in meanwhile
            pass
    return Period.year(plan.year)


def latest_entries(progress: Progress | None, as_of: dt.date) -> dict[tuple[str, str], Reported]:
    """(task id, metric) → its latest entry with a value, on or before `as_of`.

    An entry without a metric speaks for its task as a whole: it is keyed (task, "") and
    stands for the task's only target, when it has one."""
    found: dict[tuple[str, str], Reported] = {}
    for r_index, report in enumerate(progress.reports if progress else ()):
        if report.as_of > as_of:
            break  # reports run oldest first
        for e_index, entry in enumerate(report.entries):
            key = (entry.task, entry.metric or "")
            old = found.get(key)
            # a later figure wins; a later note without one does not hide an earlier figure
            if old is None or entry.value is not None or old.entry.value is None:
                found[key] = Reported(entry, report.as_of, r_index, e_index)
    return found


def task_notes(progress: Progress | None, as_of: dt.date) -> dict[str, Reported]:
    """task id → its latest 进展情况 for the task as a whole (an entry without a metric)."""
    return {
        task: reported
        for (task, metric), reported in latest_entries(progress, as_of).items()
        if not metric and reported.entry.note
    }


def track(
    plan: model.Plan,
    progress: Progress | None,
    baseline: model.Results | None,
    as_of: dt.date,
) -> Tracked:
    """Every target of the plan, in document order, with its latest value and its pace."""
    entries = latest_entries(progress, as_of)
    starts = _starts(baseline)
    rows = []
    for entry in task_entries(plan):
        task = entry.task
        for index, target in enumerate(task.targets):
            goal = _quantity(target)
            if goal is None:
                continue  # an unreadable target: validation reports it
            reported = entries.get((task.id, target.metric))
            if reported is None and len(task.targets) == 1:
                reported = entries.get((task.id, ""))
            start = starts.get(target.metric)
            if start is not None and (
                start[1] is not target.kind or compatible(start[0].unit, goal.unit)
            ):
                start = None
            where = (*entry.path, "targets", index)
            rows.append(_row(plan, entry, where, target, goal, start, reported, as_of))
    return Tracked(plan, as_of, rows, task_notes(progress, as_of))


def _row(
    plan: model.Plan,
    entry: TaskEntry,
    where: tuple[str | int, ...],
    target: model.Target,
    goal: Quantity,
    start: tuple[Quantity, model.Kind] | None,
    reported: Reported | None,
    as_of: dt.date,
) -> Row:
    period = target_period(plan, entry.task, target)
    value = reported.entry.amount() if reported else None
    if value is not None and compatible(value.unit, goal.unit):
        value = None  # incomparable: unit_problems() names it
    amount = None if value is None else value.amount
    begin = None if start is None else start[0].amount
    paced = pace(model_goal(target, goal, begin), amount, period, as_of)
    return Row(
        entry.domain,
        entry.number,
        entry.task,
        target,
        where,
        goal,
        None if start is None else start[0],
        reported if value is not None else None,
        period,
        paced,
    )


def model_goal(target: model.Target, goal: Quantity, start: Decimal | None) -> Goal:
    return Goal(target.op, target.kind, goal.amount, start)


def unit_problems(
    plan: model.Plan, progress: Progress, where: SourceMap, progress_file: str
) -> list[Problem]:
    """Reported values whose unit cannot be compared with their target's (人 against 户)."""
    goals = {
        (task.id, target.metric): q
        for task, target in plan.targets()
        if (q := _quantity(target)) is not None
    }
    problems = []
    for r_index, report in enumerate(progress.reports):
        for e_index, entry in enumerate(report.entries):
            goal = goals.get((entry.task, entry.metric or ""))
            value = _amount(entry)
            if goal is None or value is None:
                continue
            if reason := compatible(value.unit, goal.unit):
                problems.append(
                    Problem(
                        "unit",
                        say("progress_unit", metric=entry.metric, reason=reason),
                        where.at("reports", r_index, "entries", e_index, "value"),
                    )
                )
    return problems


def _amount(entry: ProgressEntry) -> Quantity | None:
    try:
        return entry.amount()
    except (QuantityError, ValueError):
        return None


def _quantity(item: model.Target | model.Result) -> Quantity | None:
    try:
        return item.quantity()
    except (QuantityError, ValueError):
        return None


def _starts(baseline: model.Results | None) -> dict[str, tuple[Quantity, model.Kind]]:
    """metric → last year's first result: where a stock or a rate began this year."""
    found: dict[str, tuple[Quantity, model.Kind]] = {}
    for result in baseline.results if baseline else []:
        quantity = _quantity(result)
        if quantity is not None:
            found.setdefault(result.metric, (quantity, result.kind))
    return found


def counts_sentence(counts: dict[Status, int], always: Iterable[Status] = STATUS_ORDER[:3]) -> str:
    """已完成8项、进度正常17项、滞后5项: the `always` statuses even at 0, the others when any."""
    shown = set(always)
    parts = [
        say("pace_count", status=status_label(s), count=counts[s])
        for s in STATUS_ORDER
        if counts[s] or s in shown
    ]
    return "、".join(parts)
