"""What every rule sees: the plan, the baseline, the settings and where things stand."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from planwriter import model
from planwriter.check.config import CheckConfig
from planwriter.problems import Location, Problem, Severity
from planwriter.quantity import Found, Quantity, find_quantities, quantity_or_none
from planwriter.schema import SourceMap


@dataclass(frozen=True)
class Finding(Problem):
    """A problem the check found, tied to the task (and domain) it concerns."""

    domain: str = ""  # domain id
    task: str = ""  # task id
    number: str = ""  # the task's number as the document prints it: 9.
    # one of many alike that a table may count in one line instead of listing (dropped-metric)
    foldable: bool = False
    # a target that would answer it, as (field, value) pairs: the editor offers the form
    # filled in (untracked-figure: the figure and the suggested metric)
    fill: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class TaskEntry:
    task: model.Task
    domain: model.Domain
    number: str
    path: tuple[str | int, ...]  # the task's YAML path, for positions


@dataclass
class Context:
    plan: model.Plan
    config: CheckConfig
    plan_file: str
    source: SourceMap | None = None
    baseline: model.Results | None = None
    baseline_file: str = ""
    baseline_source: SourceMap | None = None
    tasks: list[TaskEntry] = field(default_factory=list)
    # quantities parsed once per run: every rule walks them
    _targets: list[tuple[TaskEntry, int, model.Target, Quantity]] = field(default_factory=list)
    _results: list[tuple[int, model.Result, Quantity]] = field(default_factory=list)
    _by_task: dict[int, list[tuple[TaskEntry, int, model.Target, Quantity]]] = field(
        default_factory=dict
    )
    _figures: dict[int, list[Found]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.tasks = list(task_entries(self.plan))
        self._targets = [
            (entry, index, target, quantity)
            for entry in self.tasks
            for index, target in enumerate(entry.task.targets)
            if (quantity := quantity_or_none(target)) is not None
        ]
        for row in self._targets:
            self._by_task.setdefault(id(row[0]), []).append(row)
        results = self.baseline.results if self.baseline else []
        self._results = [
            (index, result, quantity)
            for index, result in enumerate(results)
            if (quantity := quantity_or_none(result)) is not None
        ]

    # positions
    def at(self, *path: str | int) -> Location:
        return self.source.at(*path) if self.source else Location(self.plan_file)

    def at_task(self, entry: TaskEntry, *rest: str | int) -> Location:
        return self.at(*entry.path, *rest)

    def at_result(self, index: int) -> Location:
        if self.baseline_source:
            return self.baseline_source.at("results", index)
        return Location(self.baseline_file)

    # findings
    def finding(
        self,
        code: str,
        severity: Severity,
        message: str,
        where: Location,
        entry: TaskEntry | None = None,
        domain: model.Domain | None = None,
        foldable: bool = False,
        fill: tuple[tuple[str, str], ...] = (),
    ) -> Finding:
        return Finding(
            code,
            message,
            where,
            severity,
            domain=(entry.domain.id if entry else domain.id if domain else ""),
            task=entry.task.id if entry else "",
            number=entry.number if entry else "",
            foldable=foldable,
            fill=fill,
        )

    # the baseline
    def results(self) -> Iterator[tuple[int, model.Result, Quantity]]:
        """Last year's results whose quantity reads (validation already refused the rest)."""
        yield from self._results

    def targets(self) -> Iterator[tuple[TaskEntry, int, model.Target, Quantity]]:
        yield from self._targets

    def figures(self, entry: TaskEntry) -> list[Found]:
        """The quantities in a task's text, found once per run (two rules read them)."""
        key = id(entry)
        if key not in self._figures:
            self._figures[key] = find_quantities(entry.task.text) if entry.task.text else []
        return self._figures[key]

    def task_targets(self, entry: TaskEntry) -> list[tuple[TaskEntry, int, model.Target, Quantity]]:
        """One task's targets whose quantities read (indexed once: rules ask per task)."""
        return self._by_task.get(id(entry), [])


def task_entries(plan: model.Plan) -> Iterator[TaskEntry]:
    labels = model.labels(plan)
    for d_index, domain in enumerate(plan.domains):
        for t_index, task in enumerate(domain.tasks):
            yield TaskEntry(task, domain, labels[task.id], ("domains", d_index, "tasks", t_index))
        for s_index, section in enumerate(domain.sections):
            for t_index, task in enumerate(section.tasks):
                path = ("domains", d_index, "sections", s_index, "tasks", t_index)
                yield TaskEntry(task, domain, labels[task.id], path)
