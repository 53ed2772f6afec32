"""A value recorded as of a date (the editor's 记录进度 form): read as the progress file's
loader reads it, and put into the progress file's report of that date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from planwriter import model
from planwriter.catalogue import say
from planwriter.progress import Progress, ProgressEntry, ProgressReport
from planwriter.quantity import IncomparableError, QuantityError, compatible
from planwriter.targets import read_typed


def read_date(text: str) -> dt.date:
    """2024-06-30 or 2024年6月30日; ValueError with the Chinese reason otherwise."""
    written = text.strip()
    try:
        if match := model.CHINESE_DATE.fullmatch(written):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        return dt.date.fromisoformat(written)
    except ValueError:
        raise ValueError(say("progress_bad_date", value=text)) from None


@dataclass(frozen=True)
class Reading:
    as_of: dt.date | None
    entry: ProgressEntry | None
    problems: list[str]


def read_record(
    task: model.Task, target: model.Target, as_of: str, value: str, note: str, year: int
) -> Reading:
    """The form's fields as an entry for `target`, or what is wrong with them."""
    problems: list[str] = []
    date = None
    try:
        date = read_date(as_of)
        if date.year not in (year, year + 1):
            problems.append(say("progress_as_of_year", value=date, year=year))
    except ValueError as err:
        problems.append(str(err))
    entry = None
    written = value.strip()
    # the one reader of a typed value, as the progress file's loader reads it (a figure
    # reached, so approximate reads; progress then refuses it)
    quantity, found = read_typed(written, target.unit, achieved=True)
    problems += [problem.message for problem in found]
    if quantity is not None:
        if quantity.bound.approximate:
            problems.append(say("approximate_progress", value=written))
        unit = "" if quantity.unit else target.unit
        try:
            reached = model.with_unit(quantity, unit)
            if reason := compatible(reached.unit, target.quantity().unit):
                problems.append(say("progress_unit", metric=target.metric, reason=reason))
        except (QuantityError, IncomparableError) as err:
            problems.append(str(err))
        entry = ProgressEntry(task.id, target.metric, quantity, unit, note.strip())
    return Reading(date, entry if not problems else None, problems)


def record(
    progress: Progress | None,
    plan: model.Plan,
    plan_path: Path,
    as_of: dt.date,
    entry: ProgressEntry,
) -> Progress:
    """`entry` in the report of `as_of` (a new report when there is none), replacing the
    target's earlier entry of that date in place, so the file's diff is the one line."""
    if progress is None:
        progress = Progress(bureau=plan.bureau, year=plan.year, plan=plan_path.name)
    report = next((r for r in progress.reports if r.as_of == as_of), None)
    if report is None:
        return progress.with_report(ProgressReport(as_of, None, (entry,)))
    key = (entry.task, entry.metric)
    entries = list(report.entries)
    for index, old in enumerate(entries):
        if (old.task, old.metric) == key:
            entries[index] = entry
            break
    else:
        entries.append(entry)
    return progress.with_report(replace(report, entries=tuple(entries)))
