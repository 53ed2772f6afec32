"""Editing a plan: pure functions that return a new plan, and the undo history.

No function changes its input. Each returns a new Plan that shares every untouched
domain, section and task with the old one, copying only the path down to the change.
So undo is keeping the old plan, an edit costs the size of one domain however long the
plan is, and a worker thread may read one plan (check, recovery file) while the UI
builds the next. The terminal UI calls these; nothing here knows about Textual.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from planwriter import model
from planwriter.catalogue import label, say
from planwriter.quantity import (
    Bound,
    IncomparableError,
    Quantity,
    QuantityError,
    compatible,
    find_quantities,
    format_amount,
    parse_quantity,
    plain_number,
    quantity_or_none,
    ratio_text,
    shown,
    states_figure,
)
from planwriter.show import OP_WORDS  # 不少于 / 不超过 / 等于, as `show` prints them
from planwriter.targets import read_typed

if TYPE_CHECKING:
    from planwriter.check import Finding


class EditError(ValueError):
    """An edit that cannot be made; str(err) is a Chinese sentence for the user."""


# --- where things are ------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """An item's position: a domain, a section of it, or a task in either."""

    domain: int
    section: int | None = None  # None: the domain itself, or a task directly under it
    task: int | None = None  # None: the domain or section itself

    @property
    def container(self) -> tuple[int, int | None]:
        return self.domain, self.section


def locate(plan: model.Plan, item_id: str) -> Place | None:
    for d, domain in enumerate(plan.domains):
        if domain.id == item_id:
            return Place(d)
        for t, task in enumerate(domain.tasks):
            if task.id == item_id:
                return Place(d, None, t)
        for s, section in enumerate(domain.sections):
            if section.id == item_id:
                return Place(d, s)
            for t, task in enumerate(section.tasks):
                if task.id == item_id:
                    return Place(d, s, t)
    return None


def place_of(plan: model.Plan, item_id: str) -> Place:
    place = locate(plan, item_id)
    if place is None:
        raise EditError(say("edit_not_found"))
    return place


def item_at(plan: model.Plan, place: Place) -> model.Domain | model.Section | model.Task:
    domain = plan.domains[place.domain]
    holder = domain if place.section is None else domain.sections[place.section]
    return holder if place.task is None else holder.tasks[place.task]


def find_item(plan: model.Plan, item_id: str) -> model.Domain | model.Section | model.Task | None:
    place = locate(plan, item_id)
    return None if place is None else item_at(plan, place)


def find_task(plan: model.Plan, task_id: str) -> model.Task | None:
    found = find_item(plan, task_id)
    return found if isinstance(found, model.Task) else None


def all_ids(plan: model.Plan) -> set[str]:
    ids = set()
    for domain in plan.domains:
        ids.add(domain.id)
        ids.update(section.id for section in domain.sections)
        ids.update(task.id for task in model.domain_tasks(domain))
    return ids


def containers(plan: model.Plan) -> Iterator[tuple[int, int | None]]:
    """Every list that holds tasks, in document order: a domain's sections, else the domain."""
    for d, domain in enumerate(plan.domains):
        if domain.sections:
            for s in range(len(domain.sections)):
                yield d, s
        else:
            yield d, None


def container_id(plan: model.Plan, container: tuple[int, int | None]) -> str:
    d, s = container
    return plan.domains[d].id if s is None else plan.domains[d].sections[s].id


def _tasks_in(plan: model.Plan, container: tuple[int, int | None]) -> list[model.Task]:
    d, s = container
    domain = plan.domains[d]
    return domain.tasks if s is None else domain.sections[s].tasks


# --- copying the path to a change ---------------------------------------------------------


def _with_domain(plan: model.Plan, d: int, domain: model.Domain) -> model.Plan:
    domains = list(plan.domains)
    domains[d] = domain
    return replace(plan, domains=domains)


def _with_tasks(
    plan: model.Plan, container: tuple[int, int | None], tasks: list[model.Task]
) -> model.Plan:
    d, s = container
    domain = plan.domains[d]
    if s is None:
        return _with_domain(plan, d, replace(domain, tasks=tasks))
    sections = list(domain.sections)
    sections[s] = replace(sections[s], tasks=tasks)
    return _with_domain(plan, d, replace(domain, sections=sections))


def _with_task(plan: model.Plan, task_id: str, task: model.Task) -> model.Plan:
    place = place_of(plan, task_id)
    tasks = list(_tasks_in(plan, place.container))
    tasks[place.task] = task  # type: ignore[index]
    return _with_tasks(plan, place.container, tasks)


def _task(plan: model.Plan, task_id: str) -> model.Task:
    task = find_task(plan, task_id)
    if task is None:
        raise EditError(say("edit_not_found"))
    return task


# --- adding ---------------------------------------------------------------------------------


def _new_id(plan: model.Plan, kind: str, title: str) -> str:
    return model.make_id(kind, title, all_ids(plan))


def _title(title: str) -> str:
    title = title.strip()
    if not title:
        raise EditError(say("edit_title_empty"))
    return title


def add_domain(plan: model.Plan, title: str, near: str | None = None) -> tuple[model.Plan, str]:
    """A new domain after the one holding `near` (the selected item), else at the end."""
    title = _title(title)
    place = locate(plan, near) if near else None
    at = place.domain + 1 if place else len(plan.domains)
    domain = model.Domain(id=_new_id(plan, "domain", title), title=title)
    domains = list(plan.domains)
    domains.insert(at, domain)
    return replace(plan, domains=domains), domain.id


def add_section(plan: model.Plan, title: str, near: str) -> tuple[model.Plan, str, int]:
    """A new section after the selected one, else at the end of the selected domain.

    A domain holds tasks or sections, never both: the first section of a domain that has
    tasks takes them in. Returns the plan, the section's id and how many tasks it took.
    """
    title = _title(title)
    place = place_of(plan, near)
    domain = plan.domains[place.domain]
    at = place.section + 1 if place.section is not None else len(domain.sections)
    section = model.Section(
        id=_new_id(plan, "section", title), title=title, tasks=list(domain.tasks)
    )
    sections = list(domain.sections)
    sections.insert(at, section)
    new_domain = replace(domain, tasks=[], sections=sections)
    return _with_domain(plan, place.domain, new_domain), section.id, len(domain.tasks)


def add_task(plan: model.Plan, title: str, near: str) -> tuple[model.Plan, str]:
    """A new task after the selected task, else at the end of the selected domain or section."""
    title = _title(title)
    place = place_of(plan, near)
    if place.task is not None:
        container, at = place.container, place.task + 1
    else:
        domain = plan.domains[place.domain]
        if place.section is None and domain.sections:
            container = (place.domain, len(domain.sections) - 1)
        else:
            container = place.container
        at = len(_tasks_in(plan, container))
    task = model.Task(id=_new_id(plan, "task", title), title=title)
    tasks = list(_tasks_in(plan, container))
    tasks.insert(at, task)
    return _with_tasks(plan, container, tasks), task.id


# --- deleting ---------------------------------------------------------------------------


def delete(plan: model.Plan, item_id: str) -> model.Plan:
    place = place_of(plan, item_id)
    if place.task is not None:
        tasks = list(_tasks_in(plan, place.container))
        del tasks[place.task]
        return _with_tasks(plan, place.container, tasks)
    if place.section is not None:
        domain = plan.domains[place.domain]
        sections = list(domain.sections)
        del sections[place.section]
        return _with_domain(plan, place.domain, replace(domain, sections=sections))
    domains = list(plan.domains)
    del domains[place.domain]
    return replace(plan, domains=domains)


def tasks_under(plan: model.Plan, item_id: str) -> int:
    """How many tasks deleting `item_id` takes with it (for the confirmation)."""
    found = find_item(plan, item_id)
    if isinstance(found, model.Domain):
        return sum(1 for _ in model.domain_tasks(found))
    if isinstance(found, model.Section):
        return len(found.tasks)
    return 0


# --- moving ----------------------------------------------------------------------------------


def move(plan: model.Plan, item_id: str, step: int) -> model.Plan:
    """One place up (step -1) or down (+1). A task at the edge of its domain or section moves
    to the end (or start) of the one before (or after), as a reader of the outline expects."""
    place = place_of(plan, item_id)
    if place.task is not None:
        return _move_task(plan, place, step)
    if place.section is not None:
        domain = plan.domains[place.domain]
        sections = _swapped(domain.sections, place.section, step, "edit_section_at_edge")
        return _with_domain(plan, place.domain, replace(domain, sections=sections))
    return replace(plan, domains=_swapped(plan.domains, place.domain, step, "edit_domain_at_edge"))


def _swapped(items: list, index: int, step: int, edge_message: str) -> list:
    other = index + step
    if not 0 <= other < len(items):
        raise EditError(say(edge_message))
    items = list(items)
    items[index], items[other] = items[other], items[index]
    return items


def _move_task(plan: model.Plan, place: Place, step: int) -> model.Plan:
    tasks = _tasks_in(plan, place.container)
    index = place.task
    assert index is not None
    if 0 <= index + step < len(tasks):
        return _with_tasks(plan, place.container, _swapped(tasks, index, step, ""))
    order = list(containers(plan))
    neighbour = order.index(place.container) + step
    if not 0 <= neighbour < len(order):
        raise EditError(say("edit_task_at_edge"))
    target = order[neighbour]
    at = len(_tasks_in(plan, target)) if step < 0 else 0
    return _move_task_into(plan, place, target, at)


def _move_task_into(
    plan: model.Plan, place: Place, target: tuple[int, int | None], at: int
) -> model.Plan:
    task = item_at(plan, place)
    remaining = list(_tasks_in(plan, place.container))
    del remaining[place.task]  # type: ignore[arg-type]
    plan = _with_tasks(plan, place.container, remaining)
    tasks = list(_tasks_in(plan, target))
    tasks.insert(at, task)  # type: ignore[arg-type]
    return _with_tasks(plan, target, tasks)


def destinations(plan: model.Plan, item_id: str) -> list[tuple[str, str]]:
    """Where `item_id` may move: (id, heading) of every domain or section it could go into.

    A task goes into any domain without sections or any section; a section into any other
    domain that holds no tasks directly.
    """
    place = place_of(plan, item_id)
    names = model.labels(plan)
    found: list[tuple[str, str]] = []
    if place.task is not None:
        for container in containers(plan):
            if container == place.container:
                continue
            d, s = container
            domain = plan.domains[d]
            heading = f"{names[domain.id]}{domain.title}"
            if s is not None:
                section = domain.sections[s]
                heading += f" / {names[section.id]}{section.title}"
            found.append((container_id(plan, container), heading))
    elif place.section is not None:
        found = [
            (domain.id, f"{names[domain.id]}{domain.title}")
            for d, domain in enumerate(plan.domains)
            if d != place.domain and not domain.tasks
        ]
    return found


def move_to(plan: model.Plan, item_id: str, destination_id: str) -> model.Plan:
    """A task to the end of another domain or section; a section to the end of another domain."""
    place = place_of(plan, item_id)
    target = place_of(plan, destination_id)
    if place.task is not None:
        domain = plan.domains[target.domain]
        if target.task is not None or (target.section is None and domain.sections):
            raise EditError(say("edit_bad_destination"))
        return _move_task_into(
            plan, place, target.container, len(_tasks_in(plan, target.container))
        )
    if place.section is None or target.section is not None or target.task is not None:
        raise EditError(say("edit_bad_destination"))
    if plan.domains[target.domain].tasks:
        raise EditError(say("edit_domain_has_tasks"))
    source = plan.domains[place.domain]
    section = source.sections[place.section]
    sections = list(source.sections)
    del sections[place.section]
    plan = _with_domain(plan, place.domain, replace(source, sections=sections))
    target_domain = plan.domains[target.domain]
    return _with_domain(
        plan, target.domain, replace(target_domain, sections=[*target_domain.sections, section])
    )


# --- changing text ------------------------------------------------------------------------


TASK_FIELDS = ("title", "lead", "partners", "due", "text", "note")
PARTNER_SEPARATORS = re.compile(r"\s*[、，,；;]\s*")


def update_task(plan: model.Plan, task_id: str, **fields: str) -> model.Plan:
    """The task with some of its fields changed, each given as the form shows it
    (title, lead, partners as 社会救助处、各辖市区民政局, due, text, note)."""
    unknown = set(fields) - set(TASK_FIELDS)
    if unknown:
        raise ValueError(f"not a task text field: {sorted(unknown)}")
    task = _task(plan, task_id)
    changes: dict[str, Any] = dict(fields)  # text fields (checked above); partners a list
    if "partners" in fields:
        changes["partners"] = split_partners(fields["partners"])
    return _with_task(plan, task_id, replace(task, **changes))


def split_partners(text: str) -> list[str]:
    """社会救助处、各辖市区民政局 (or commas, semicolons) → the list the plan keeps."""
    return [name for name in PARTNER_SEPARATORS.split(text.strip()) if name]


def field_text(task: model.Task, name: str) -> str:
    """A task's field as the form shows it: partners joined by 、."""
    value = getattr(task, name)
    return "、".join(value) if isinstance(value, list) else str(value)


def rename(plan: model.Plan, item_id: str, title: str) -> model.Plan:
    """A domain's or section's title (a task's goes through update_task)."""
    place = place_of(plan, item_id)
    if place.task is not None:
        return update_task(plan, item_id, title=title)
    domain = plan.domains[place.domain]
    if place.section is None:
        return _with_domain(plan, place.domain, replace(domain, title=title))
    sections = list(domain.sections)
    sections[place.section] = replace(sections[place.section], title=title)
    return _with_domain(plan, place.domain, replace(domain, sections=sections))


# --- targets --------------------------------------------------------------------------------


def set_target(
    plan: model.Plan, task_id: str, index: int | None, target: model.Target
) -> model.Plan:
    """Replace the task's target at `index`, or append it when `index` is None."""
    task = _task(plan, task_id)
    targets = list(task.targets)
    if index is None:
        targets.append(target)
    else:
        targets[index] = target
    return _with_task(plan, task_id, replace(task, targets=targets))


def delete_target(plan: model.Plan, task_id: str, index: int) -> model.Plan:
    task = _task(plan, task_id)
    targets = list(task.targets)
    del targets[index]
    return _with_task(plan, task_id, replace(task, targets=targets))


@dataclass(frozen=True)
class TargetReading:
    """What the target form's fields amount to: a target, or the reasons it is not one."""

    target: model.Target | None
    problems: list[str]
    quantity: Quantity | None = None


def read_value(
    value: str, unit: str = "", op: model.Op | None = None, kind: model.Kind | None = None
) -> tuple[Quantity | None, list[str]]:
    """A target's value read as the schema reads a file's: the quantity and what is wrong."""
    value, unit = value.strip(), unit.strip()
    if not value:
        return None, [say("empty_value", key="value", label=label("value"))]
    quantity, read = read_typed(value, unit, op, kind)
    problems = [problem.message for problem in read]
    if quantity is None:
        return None, problems
    try:
        quantity = model.with_unit(quantity, unit)
    except (QuantityError, IncomparableError) as err:
        problems.append(str(err))
    return quantity, problems


def read_target(
    metric: str, value: str, unit: str, op: model.Op | None = None, kind: model.Kind | None = None
) -> TargetReading:
    """The target the form describes, checked as the schema checks a file's target.

    `op` and `kind` None mean "as the value implies" (不少于/以内, a % is a rate).
    """
    quantity, problems = read_value(value, unit, op, kind)
    if not metric.strip():
        problems.insert(0, say("empty_value", key="metric", label=label("metric")))
    if quantity is None or problems:
        return TargetReading(None, problems, quantity)
    stored, stored_unit = stored_value(value, unit)
    target = model.Target(
        metric=metric.strip(),
        value=stored,
        unit=stored_unit,
        op=op or model.default_op(quantity),
        kind=kind or model.default_kind(quantity, unit.strip()),
    )
    return TargetReading(target, [], quantity)


def stored_value(value: str, unit: str) -> tuple[str, str]:
    """A value as typed split into what the file keeps: 不少于12个 → value 12, unit 个
    (the op says 不少于); 90% keeps its %; 十五万 (no digits) is kept as written."""
    value, unit = value.strip(), unit.strip()
    try:
        typed = parse_quantity(value)
    except QuantityError:
        return value, unit
    if not any(ch.isdigit() for ch in value):
        return value, unit
    figure = _typed_figure(value, typed)
    if typed.unit in ("%", "‰"):
        return figure + typed.unit, unit
    return figure, unit or typed.unit


def implied_op(value: str) -> model.Op | None:
    """The op a value's own words fix (以内 → <=), or None when they leave it open."""
    try:
        bound = parse_quantity(value).bound
    except QuantityError:
        return None
    return {Bound.AT_LEAST: model.Op.AT_LEAST, Bound.AT_MOST: model.Op.AT_MOST}.get(bound)


def reading_of(quantity: Quantity, op: model.Op) -> str:
    """How the program reads a value, for the form: 不少于 150000人."""
    return say(
        "edit_reads_as",
        op=say(OP_WORDS[op]),
        amount=format_amount(quantity.amount, quantity.unit),
        exact=plain_number(quantity.amount) + quantity.unit,
    )


# --- the figure in the task's text --------------------------------------------------------


@dataclass(frozen=True)
class Replacement:
    start: int
    end: int
    old: str
    new: str


def figure_replacements(text: str, old: model.Target, new: model.Target) -> list[Replacement]:
    """Where the text states the old target's figure, and what it reads with the new one.

    15万 → 16万 turns 为15万名老年人 into 为16万名老年人; the words around the figure
    (名, 以上, 不少于) stay as they are, and the new figure is written as the clerk typed
    it (2000 stays 2000, not 0.2万).
    """
    old_quantity, new_quantity = quantity_or_none(old), quantity_or_none(new)
    if old_quantity is None or new_quantity is None or old_quantity.amount == new_quantity.amount:
        return []
    replacements = []
    for found in find_quantities(text):
        if not states_figure(found, old_quantity):
            continue
        figure = _typed_figure(new.value, new_quantity)
        literal = text[found.start : found.end]
        span_start, span_end = _figure_span(literal, found.quantity)
        replacements.append(
            Replacement(
                found.start + span_start,
                found.start + span_end,
                literal[span_start:span_end],
                figure,
            )
        )
    return replacements


def _typed_figure(value: str, quantity: Quantity) -> str:
    """The digits and scale word of a value as typed: 不少于12个 → 12, 2000 → 2000."""
    start, end = _figure_span(value.strip(), quantity)
    return value.strip()[start:end]


def _figure_span(literal: str, quantity: Quantity) -> tuple[int, int]:
    """The digits and scale word inside a found quantity's literal: 不少于[15万]名."""
    start = next((i for i, char in enumerate(literal) if char.isdigit()), None)
    if start is None:  # a Chinese numeral (十五万): replace the whole figure
        return 0, len(literal)
    end = start
    while end < len(literal) and (literal[end].isdigit() or literal[end] in ".,"):
        end += 1
    for word in ("万亿", "亿", "万", "千", "百"):
        if literal.startswith(word, end):
            end += len(word)
            break
    return start, end


def replace_figures(text: str, replacements: list[Replacement]) -> str:
    for item in sorted(replacements, key=lambda r: r.start, reverse=True):
        text = text[: item.start] + item.new + text[item.end :]
    return text


# --- last year ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LastYear:
    figure: str  # last year's result as the report wrote it, unit included; "" when none
    change: str  # +8000人, +2个百分点, or why there is none
    percent: str = ""  # +5.3%: the change against last year's figure, when it has one


def last_year(target: model.Target, baseline: model.Results | None) -> LastYear:
    """Last year's result for the target's metric and how far the target moves from it."""
    if baseline is None:
        return LastYear("", "")
    result = next((r for r in baseline.results if r.metric == target.metric), None)
    if result is None:
        return LastYear("", say("edit_new_metric"))
    actual, planned = quantity_or_none(result), quantity_or_none(target)
    figure = shown(actual) if actual else result.value
    if actual is None or planned is None:
        return LastYear(figure, "")
    if result.kind is not target.kind:
        return LastYear(figure, say("edit_other_kind"))
    if compatible(planned.unit, actual.unit) is not None:
        return LastYear(figure, say("edit_other_unit"))
    difference = planned.amount - actual.amount
    if not difference:
        return LastYear(figure, say("edit_no_change"))
    sign = "+" if difference > 0 else ""
    if planned.unit == "%":  # a rate moves in percentage points, not in per cent of itself
        return LastYear(figure, say("edit_change_points", change=sign + format_amount(difference)))
    change = sign + format_amount(difference, planned.unit or actual.unit)
    if not actual.amount:
        return LastYear(figure, change)
    return LastYear(figure, change, f"{sign}{ratio_text(difference / actual.amount * 100)}%")


# What the check will say of one target against last year, asked before it is kept (the
# target form shows it): the check's own rules, run on a plan of that one target.
AGAINST_LAST_YEAR = ("below-last-year", "jump", "equals-last-year", "incomparable")


def against_last_year(target: model.Target, baseline: model.Results | None) -> list[Finding]:
    from planwriter.check import check_plan

    if baseline is None:
        return []
    task = model.Task(id="t", title="t", targets=[target])
    plan = model.Plan(
        bureau=baseline.bureau,
        year=baseline.year + 1,
        title="t",
        domains=[model.Domain(id="d", title="d", tasks=[task])],
    )
    found = check_plan(plan, baseline=baseline)
    return sorted(
        (f for f in found if f.code in AGAINST_LAST_YEAR),
        key=lambda f: AGAINST_LAST_YEAR.index(f.code),
    )


# --- finding a task ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    task_id: str
    number: str
    title: str
    snippet: str  # the text around the first match, or "" when the title matched


def search(plan: model.Plan, query: str, context: int = 12) -> list[Hit]:
    """Tasks whose title or text holds every word of `query`; title matches first."""
    words = [w.casefold() for w in query.split()]
    if not words:
        return []
    numbers = model.labels(plan)
    in_title, in_text = [], []
    for task in plan.tasks():
        title, text = task.title.casefold(), task.text.casefold()
        if not all(w in title or w in text for w in words):
            continue
        if all(w in title for w in words):
            in_title.append(Hit(task.id, numbers[task.id], task.title, ""))
            continue
        first = min(text.find(w) for w in words if w in text)
        start = max(0, first - context)
        snippet = task.text[start : first + context * 2].replace("\n", " ")
        in_text.append(Hit(task.id, numbers[task.id], task.title, snippet))
    return in_title + in_text


# --- what a save needs ------------------------------------------------------------------------


def invalid_items(plan: model.Plan) -> list[tuple[str, str]]:
    """(item id, Chinese reason) for what a saved file could not hold: empty titles, bad targets."""
    numbers = model.labels(plan)
    found = []
    for entry in model.outline(plan):
        item = entry.item
        if not item.title.strip():
            found.append((item.id, say("edit_item_title_empty", number=entry.label)))
        if isinstance(item, model.Task):
            for target in item.targets:
                reading = read_target(
                    target.metric, target.value, target.unit, target.op, target.kind
                )
                found.extend(
                    (item.id, say("edit_item_bad_target", number=numbers[item.id], problem=problem))
                    for problem in reading.problems
                )
    return found


def counts(plan: model.Plan) -> tuple[int, int, int]:
    """Domains, tasks and targets."""
    tasks = targets = 0
    for task in plan.tasks():
        tasks += 1
        targets += len(task.targets)
    return len(plan.domains), tasks, targets


# --- undo and redo --------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One edit: the plan it produced, what it was (for 已撤销：…) and where to look."""

    plan: model.Plan
    label: str
    before: str = ""  # the item selected before the edit: shown again when it is undone
    after: str = ""  # the item the edit made or changed: shown when it is redone
    merge_key: tuple[str, ...] | None = None  # typing in one field merges into one step
    at: float = 0.0


@dataclass
class History:
    """Every plan the user has had, for undo and redo across all edits.

    Typing in one field is one step until the user pauses or turns to another field, as
    in a word processor. Plans share structure, so a long history costs little.
    """

    steps: list[Step]
    position: int = 0
    limit: int = 1000
    merge_pause: float = 2.0  # seconds of quiet that end a run of typing
    _sealed: bool = field(default=True, repr=False)

    @classmethod
    def start(cls, plan: model.Plan) -> History:
        return cls([Step(plan, "")])

    @property
    def plan(self) -> model.Plan:
        return self.steps[self.position].plan

    @property
    def can_undo(self) -> bool:
        return self.position > 0

    @property
    def can_redo(self) -> bool:
        return self.position < len(self.steps) - 1

    def record(
        self,
        plan: model.Plan,
        label: str,
        before: str = "",
        after: str = "",
        merge_key: tuple[str, ...] | None = None,
        now: float | None = None,
    ) -> None:
        now = time.monotonic() if now is None else now
        current = self.steps[self.position]
        del self.steps[self.position + 1 :]
        merge = (
            merge_key is not None
            and not self._sealed
            and self.position > 0
            and current.merge_key == merge_key
            and now - current.at < self.merge_pause
        )
        if merge:  # the run of typing keeps the selection it started from
            self.steps[self.position] = Step(plan, label, current.before, after, merge_key, now)
        else:
            self.steps.append(Step(plan, label, before, after, merge_key, now))
            self.position += 1
        self._sealed = False
        if len(self.steps) > self.limit:
            drop = len(self.steps) - self.limit
            del self.steps[:drop]
            self.position -= drop

    def seal(self) -> None:
        """End the current run of typing: the next edit is a step of its own."""
        self._sealed = True

    def undo(self) -> Step | None:
        """The step undone (its label and focus), or None when there is nothing to undo."""
        if not self.can_undo:
            return None
        undone = self.steps[self.position]
        self.position -= 1
        self._sealed = True
        return undone

    def redo(self) -> Step | None:
        if not self.can_redo:
            return None
        self.position += 1
        self._sealed = True
        return self.steps[self.position]

    def next_undo(self) -> str:
        return self.steps[self.position].label if self.can_undo else ""

    def next_redo(self) -> str:
        return self.steps[self.position + 1].label if self.can_redo else ""
