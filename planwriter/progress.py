"""What the divisions report back: `<year>.progress.yaml` beside the plan.

One report per reporting date (oldest first), each a list of entries: a task, optionally
one of its targets (metric), the value reached so far and the 进展情况 text. Values are
read with the one quantity reader; an approximate value (约300) is refused, as a progress
figure must be one the bureau can add up.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from planwriter import model, schema
from planwriter.catalogue import say
from planwriter.problems import InputError, Problem
from planwriter.quantity import Quantity
from planwriter.targets import read_typed

PROGRESS_SUFFIX = ".progress.yaml"

# Keys of each mapping, True where required, in the order a file writes them.
PROGRESS_KEYS = {
    "planwriter": True,
    "bureau": True,
    "year": True,
    "plan": False,
    "reports": False,
}
REPORT_KEYS = {"as_of": True, "source": False, "entries": False}
ENTRY_KEYS = {"task": True, "metric": False, "value": False, "unit": False, "note": False}
# Written even when empty (saving leaves every other empty value out).
REQUIRED = frozenset({"planwriter", "bureau", "year", "as_of", "task"})


@dataclass(frozen=True)
class ProgressEntry:
    task: str  # the task's id
    metric: str | None  # which target of the task; None: the task as a whole
    value: Quantity | None  # reached so far, as written (8.2万)
    unit: str = ""
    note: str = ""  # 进展情况

    def amount(self) -> Quantity | None:
        """The value with the `unit` field applied, comparable with the target."""
        return None if self.value is None else model.with_unit(self.value, self.unit)


@dataclass(frozen=True)
class ProgressReport:
    as_of: dt.date
    source: str | None
    entries: tuple[ProgressEntry, ...]


@dataclass(frozen=True)
class Progress:
    bureau: str
    year: int
    plan: str  # the plan's file name, relative to this file
    reports: tuple[ProgressReport, ...] = ()
    schema: int = model.SCHEMA_VERSION

    def with_report(self, report: ProgressReport) -> Progress:
        """A report added in date order; one of the same date is replaced (a sheet read again)."""
        kept = [r for r in self.reports if r.as_of != report.as_of]
        reports = sorted([*kept, report], key=lambda r: r.as_of)
        return replace(self, reports=tuple(reports))

    def latest(self) -> ProgressReport | None:
        return self.reports[-1] if self.reports else None


def progress_path(plan_path: Path | str) -> Path:
    """2024.plan.yaml → 2024.progress.yaml, in the same folder."""
    path = Path(plan_path)
    name = path.name.removesuffix(".yaml").removesuffix(".plan")
    return path.with_name(name + PROGRESS_SUFFIX)


def plan_path(progress_file: Path | str, progress: Progress) -> Path:
    """The plan a progress file reports on: its `plan` field, else <year>.plan.yaml beside it."""
    path = Path(progress_file)
    return path.with_name(progress.plan or f"{progress.year}.plan.yaml")


def is_progress(root: yaml.Node, path: Path | str) -> bool:
    """Told by name (*.progress.yaml), else by shape (a `reports` key, no `domains`)."""
    if str(path).endswith(PROGRESS_SUFFIX):
        return True
    if not isinstance(root, yaml.MappingNode):
        return False
    keys = {str(k.value) for k, _ in root.value}
    return "reports" in keys and "domains" not in keys and "results" not in keys


# --- reading -------------------------------------------------------------------------


def read_progress(root: yaml.Node, file: str) -> tuple[Progress, schema.SourceMap]:
    reader = schema.Reader(file)
    fields = reader.mapping(root, PROGRESS_KEYS, (), "planwriter")
    if fields is None:
        raise InputError(reader.problems)
    schema.check_schema_version(reader, fields)
    year = reader.year(fields)
    read: list[tuple[ProgressReport, yaml.Node]] = []
    nodes = reader.sequence(fields["reports"], "reports") if "reports" in fields else []
    for index, node in enumerate(nodes):
        report = _report(reader, node, ("reports", index), year)
        if report is not None:
            read.append((report, node))
    _check_order(reader, read)
    reports = [report for report, _ in read]
    if reader.problems:
        raise InputError(reader.problems)
    progress = Progress(
        bureau=reader.text(fields, "bureau"),
        year=year,
        plan=reader.text(fields, "plan"),
        reports=tuple(reports),
    )
    return progress, reader.source


def _report(
    reader: schema.Reader, node: yaml.Node, path: schema.Path_, year: int
) -> ProgressReport | None:
    fields = reader.mapping(node, REPORT_KEYS, path, "reports")
    if fields is None:
        return None
    as_of = reader.date(fields, "as_of")
    if as_of is not None and year and as_of.year not in (year, year + 1):
        reader.error("as-of", say("progress_as_of_year", value=as_of, year=year), fields["as_of"])
    entries = []
    nodes = reader.sequence(fields["entries"], "entries") if "entries" in fields else []
    for index, child in enumerate(nodes):
        entry = _entry(reader, child, (*path, "entries", index))
        if entry is not None:
            entries.append(entry)
    if as_of is None:
        return None
    return ProgressReport(as_of, reader.text(fields, "source") or None, tuple(entries))


def _entry(reader: schema.Reader, node: yaml.Node, path: schema.Path_) -> ProgressEntry | None:
    fields = reader.mapping(node, ENTRY_KEYS, path, "entries")
    if fields is None:
        return None
    unit = reader.text(fields, "unit")
    value: Quantity | None = None
    if "value" in fields:
        written = reader.text(fields, "value")
        value, problems = read_typed(written, unit, achieved=True)  # approximate: said below
        for problem in problems:
            reader.error(problem.code, problem.message, fields["value"])
        if problems:
            value = None
        elif value is not None and value.bound.approximate:
            reader.error("quantity", say("approximate_progress", value=written), fields["value"])
            value = None
    return ProgressEntry(
        task=reader.text(fields, "task"),
        metric=reader.text(fields, "metric") or None,
        value=value,
        unit=unit,
        note=reader.text(fields, "note"),
    )


def _check_order(reader: schema.Reader, reports: list[tuple[ProgressReport, yaml.Node]]) -> None:
    """Reports run oldest first, one per date: a later report must be later."""
    for (before, _), (after, node) in itertools.pairwise(reports):
        if after.as_of <= before.as_of:
            reader.error(
                "as-of", say("progress_order", value=after.as_of, before=before.as_of), node
            )


# --- against the plan ------------------------------------------------------------------


def check_against(
    progress: Progress, where: schema.SourceMap, plan: model.Plan, plan_file: str
) -> list[Problem]:
    """Entries naming a task or a target the plan does not have, located in the progress file."""
    targets = {task.id: {t.metric for t in task.targets} for task in plan.tasks()}
    problems = []
    if progress.year and plan.year and progress.year != plan.year:
        problems.append(
            Problem(
                "year",
                say("progress_year", year=progress.year, plan=plan_file, plan_year=plan.year),
                where.at("year"),
            )
        )
    for r_index, report in enumerate(progress.reports):
        for e_index, entry in enumerate(report.entries):
            path = ("reports", r_index, "entries", e_index)
            if entry.task not in targets:
                problems.append(
                    Problem(
                        "task",
                        say("progress_unknown_task", task=entry.task, plan=plan_file),
                        where.at(*path, "task"),
                    )
                )
            elif entry.metric and entry.metric not in targets[entry.task]:
                problems.append(
                    Problem(
                        "metric",
                        say("progress_unknown_metric", task=entry.task, metric=entry.metric),
                        where.at(*path, "metric"),
                    )
                )
    return problems


# --- writing (store.render/save merge this into the file's text) -------------------------


def to_data(progress: Progress) -> dict[str, Any]:
    return {
        "planwriter": progress.schema,
        "bureau": progress.bureau,
        "year": progress.year,
        "plan": progress.plan,
        "reports": [
            {
                "as_of": report.as_of,
                "source": report.source or "",
                "entries": [_entry_data(e) for e in report.entries],
            }
            for report in progress.reports
        ],
    }


def _entry_data(entry: ProgressEntry) -> dict[str, Any]:
    return {
        "task": entry.task,
        "metric": entry.metric or "",
        "value": entry.value.literal if entry.value is not None else "",
        "unit": entry.unit,
        "note": entry.note,
    }
