"""Two sets of edits to one plan, merged item by item (no Textual here).

`base` is the plan as the editor read it, `mine` the clerk's unsaved edits, `theirs` the file
as someone else left it since (git pull, a colleague's save). Each item (the plan's own
fields, every domain, section and task with its targets) is taken from the side that changed
it; an item both sides changed differently is a conflict for the clerk to choose. The outline
(which tasks stand where, in what order) is the changed side's, the items only the other side
added put where that side had them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from planwriter import model
from planwriter.catalogue import say

Side = Literal["mine", "theirs"]
HEADER_FIELDS = ("bureau", "year", "title", "baseline", "numbering", "notice", "preamble")
# A container of tasks: (domain id, section id or "" for the domain's own tasks).
Container = tuple[str, str]


@dataclass(frozen=True)
class Conflict:
    key: str  # "task:<id>", "domain:<id>", "section:<id>" or "plan:<field>"
    label: str  # what it is, for the clerk: 任务“…”
    mine: str  # the clerk's version, as text
    theirs: str  # the version on disk, as text


@dataclass
class Merged:
    base: model.Plan
    mine: model.Plan
    theirs: model.Plan
    came_in: list[str] = field(default_factory=list)  # what was taken from the file
    conflicts: list[Conflict] = field(default_factory=list)

    def plan(self, choices: dict[str, Side] | None = None) -> model.Plan:
        """The merged plan; a conflict not chosen keeps the clerk's version."""
        return _build(self, choices or {})


# --- the items of a plan ------------------------------------------------------------------


@dataclass(frozen=True)
class _Items:
    header: dict[str, Any]
    domains: dict[str, str]  # id → title
    sections: dict[str, str]
    tasks: dict[str, model.Task]
    outline: list[tuple[str, list[tuple[str, list[str]]]]]  # domain → containers → task ids


def _items(plan: model.Plan) -> _Items:
    outline = []
    sections: dict[str, str] = {}
    tasks: dict[str, model.Task] = {}
    for domain in plan.domains:
        containers = [("", [t.id for t in domain.tasks])]
        tasks.update((t.id, t) for t in domain.tasks)
        for section in domain.sections:
            sections[section.id] = section.title
            containers.append((section.id, [t.id for t in section.tasks]))
            tasks.update((t.id, t) for t in section.tasks)
        outline.append((domain.id, containers))
    return _Items(
        {name: getattr(plan, name) for name in HEADER_FIELDS},
        {d.id: d.title for d in plan.domains},
        sections,
        tasks,
        outline,
    )


_ABSENT = object()


def _three_way(base: Any, mine: Any, theirs: Any) -> tuple[Any, Side | None, bool]:
    """(the value, the side it came from when only one changed, whether both changed apart).

    A task both sides changed is merged field by field, its targets one by one (by metric):
    a conflict only when one field or one target was changed differently on both sides."""
    if mine == theirs:
        return mine, None, False
    if mine == base:
        return theirs, "theirs", False
    if theirs == base:
        return mine, "mine", False
    if all(isinstance(x, model.Task) for x in (base, mine, theirs)):
        task = _task_fields(base, mine, theirs)
        if task is not None:
            return task, "theirs", False
    return mine, None, True


TASK_FIELDS = ("title", "lead", "text", "note")


def _task_fields(base: model.Task, mine: model.Task, theirs: model.Task) -> model.Task | None:
    fields = {}
    for name in TASK_FIELDS:
        value, _, clash = _three_way(
            getattr(base, name), getattr(mine, name), getattr(theirs, name)
        )
        if clash:
            return None
        fields[name] = value
    targets = _targets(base.targets, mine.targets, theirs.targets)
    if targets is None:
        return None
    return dataclasses.replace(mine, **fields, targets=targets)


def _targets(
    base: list[model.Target], mine: list[model.Target], theirs: list[model.Target]
) -> list[model.Target] | None:
    """Targets merged one by one, known by their metric; None when one metric was changed
    differently on both sides (or a side has a metric twice)."""
    sides = [{t.metric: t for t in side} for side in (base, mine, theirs)]
    if any(len(by) != len(side) for by, side in zip(sides, (base, mine, theirs), strict=True)):
        return None
    old, ours, other = sides
    kept: dict[str, model.Target] = {}
    for metric in dict.fromkeys([*ours, *other, *old]):
        value, _, clash = _three_way(
            old.get(metric, _ABSENT), ours.get(metric, _ABSENT), other.get(metric, _ABSENT)
        )
        if clash:
            return None
        if value is not _ABSENT:
            kept[metric] = value
    order = [t.metric for t in (mine if mine != base else theirs)]
    order += [m for m in kept if m not in order]
    return [kept[m] for m in order if m in kept]


def merge(base: model.Plan, mine: model.Plan, theirs: model.Plan) -> Merged:
    merged = Merged(base, mine, theirs)
    b, m, t = _items(base), _items(mine), _items(theirs)
    for name in HEADER_FIELDS:
        _, side, clash = _three_way(b.header[name], m.header[name], t.header[name])
        label = say("merge_field", field=say(f"merge_field_{name}"))
        _note(merged, f"plan:{name}", label, side, clash, m.header[name], t.header[name])
    for kind, pick in (("domain", "domains"), ("section", "sections"), ("task", "tasks")):
        old, ours, other = getattr(b, pick), getattr(m, pick), getattr(t, pick)
        for item_id in _ordered(ours, other, old):
            mine_value, their_value = ours.get(item_id, _ABSENT), other.get(item_id, _ABSENT)
            _, side, clash = _three_way(old.get(item_id, _ABSENT), mine_value, their_value)
            label = _label(kind, mine_value, their_value, old.get(item_id, _ABSENT))
            _note(merged, f"{kind}:{item_id}", label, side, clash, mine_value, their_value)
    return merged


def _ordered(*maps: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys(key for m in maps for key in m))


def _note(
    merged: Merged, key: str, label: str, side: Side | None, clash: bool, mine: Any, theirs: Any
) -> None:
    if clash:
        merged.conflicts.append(Conflict(key, label, *_told_apart(mine, theirs)))
    elif side == "theirs":
        if theirs is _ABSENT:
            merged.came_in.append(say("merge_came_deleted", item=label))
        elif mine is _ABSENT:
            merged.came_in.append(say("merge_came_added", item=label))
        else:
            merged.came_in.append(say("merge_came_changed", item=label))


def _label(kind: str, *values: Any) -> str:
    value = next(v for v in values if v is not _ABSENT)
    title = value.title if isinstance(value, model.Task) else str(value)
    return say(f"merge_{kind}", title=title)


SHOWN_CHARS = 70  # a long text is cut in the question: the clerk needs the difference


def _told_apart(mine: Any, theirs: Any) -> tuple[str, str]:
    """Both versions as the clerk reads them; of a task, the title and what differs."""
    ours, other = _lines(mine), _lines(theirs)
    if isinstance(mine, model.Task) and isinstance(theirs, model.Task):
        ours = [line for n, line in enumerate(ours) if n == 0 or line not in other]
        other = [line for n, line in enumerate(other) if n == 0 or line not in _lines(mine)]
    return "\n".join(ours) or say("merge_deleted"), "\n".join(other) or say("merge_deleted")


def _lines(value: Any) -> list[str]:
    if isinstance(value, model.Task):
        lines = [value.title]
        lines += [f"{say('merge_lead')}：{value.lead}"] if value.lead else []
        lines += [f"{say('merge_text')}：{value.text}"] if value.text else []
        lines += [
            f"{say('merge_target')}：{t.metric} {model.written(t.value, t.unit)}"
            for t in value.targets
        ]
        lines += [f"{say('merge_note')}：{value.note}"] if value.note else []
        return [_cut(line) for line in lines]
    return [_cut(_shown(value))]


def _cut(line: str) -> str:
    return line if len(line) <= SHOWN_CHARS else line[: SHOWN_CHARS - 1] + "…"


def _shown(value: Any) -> str:
    """A version of a field or title as the clerk reads it."""
    if value is _ABSENT:
        return say("merge_deleted")
    if isinstance(value, model.Notice):
        fields = dataclasses.asdict(value)
        return "；".join(f"{k}={v}" for k, v in fields.items() if v)
    return str(getattr(value, "value", value))


# --- building the merged plan ---------------------------------------------------------------


def _chosen(merged: Merged, choices: dict[str, Side], key: str, b: Any, m: Any, t: Any) -> Any:
    value, _, clash = _three_way(b, m, t)
    if clash:
        return t if choices.get(key) == "theirs" else m
    return value


def _build(merged: Merged, choices: dict[str, Side]) -> model.Plan:
    b, m, t = _items(merged.base), _items(merged.mine), _items(merged.theirs)
    header = {
        name: _chosen(merged, choices, f"plan:{name}", b.header[name], m.header[name], v)
        for name, v in t.header.items()
    }

    def pick(kind: str, item_id: str) -> Any:
        old, ours, other = (getattr(x, f"{kind}s") for x in (b, m, t))
        return _chosen(
            merged,
            choices,
            f"{kind}:{item_id}",
            old.get(item_id, _ABSENT),
            ours.get(item_id, _ABSENT),
            other.get(item_id, _ABSENT),
        )

    wanted = {
        item_id
        for kind in ("domain", "section", "task")
        for item_id in _ordered(*(getattr(x, f"{kind}s") for x in (b, m, t)))
        if pick(kind, item_id) is not _ABSENT
    }
    outline = _outline(b.outline, m.outline, t.outline, wanted)
    domains = []
    for domain_id, containers in outline:
        title = pick("domain", domain_id)
        if title is _ABSENT:
            continue
        domain = model.Domain(domain_id, title)
        for section_id, task_ids in containers:
            tasks = [task for task in (pick("task", i) for i in task_ids) if task is not _ABSENT]
            if not section_id:
                domain.tasks = tasks
                continue
            section_title = pick("section", section_id)
            if section_title is not _ABSENT:
                domain.sections.append(model.Section(section_id, section_title, tasks))
        domains.append(domain)
    return dataclasses.replace(merged.theirs, **header, domains=domains)


Outline = list[tuple[str, list[tuple[str, list[str]]]]]


def _outline(base: Outline, mine: Outline, theirs: Outline, wanted: set[str]) -> Outline:
    """The changed side's outline, and the items kept that only the other side has, put in
    where that side had them."""
    chosen, other = (_copy(theirs), mine) if mine == base else (_copy(mine), theirs)
    _add_missing(chosen, other, wanted)
    return chosen


def _copy(outline: Outline) -> Outline:
    return [(d, [(s, list(ids)) for s, ids in containers]) for d, containers in outline]


def _ids(outline: Outline) -> Iterator[str]:
    for domain_id, containers in outline:
        yield domain_id
        for section_id, task_ids in containers:
            if section_id:
                yield section_id
            yield from task_ids


def _add_missing(chosen: Outline, other: Outline, wanted: set[str]) -> None:
    """Domains, sections and tasks kept in the merge that only `other` places."""
    present = set(_ids(chosen))

    def missing(item_id: str) -> bool:
        return item_id in wanted and item_id not in present

    for d_index, (domain_id, containers) in enumerate(other):
        if missing(domain_id):
            chosen.insert(
                min(d_index, len(chosen)), (domain_id, _copy([(domain_id, containers)])[0][1])
            )
            present.update(_ids([(domain_id, containers)]))
            continue
        target = next((c for d, c in chosen if d == domain_id), None)
        if target is None:
            continue  # the domain is gone in the merge: its tasks go with it
        for section_id, task_ids in containers:
            if section_id and missing(section_id):
                target.append((section_id, list(task_ids)))
                present.update([section_id, *task_ids])
                continue
            place = next((ids for s, ids in target if s == section_id), None)
            if place is None:
                place = target[0][1]  # its section is gone: the domain's first container
            for t_index, task_id in enumerate(task_ids):
                if missing(task_id):
                    after = task_ids[t_index - 1] if t_index else None
                    at = place.index(after) + 1 if after in place else len(place)
                    place.insert(at, task_id)
                    present.add(task_id)
