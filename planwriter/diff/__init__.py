"""What changed in the plan between two versions, as a reviewer reads it.

Items are matched by id, then by title similarity where ids differ. A task that leaves the
longest run of tasks kept in order is a move; every other changed number is renumbering,
summed up in one line. Text changes are diffed by character (Chinese has no spaces).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from planwriter import model
from planwriter.catalogue import say
from planwriter.quantity import QuantityError, compatible, format_amount, ratio_text

SIMILAR_TITLE = 0.6  # difflib ratio above which two titles name the same item
CONTEXT = 8  # characters of unchanged text shown around a change
PLAN_FIELDS = ("bureau", "year", "title", "baseline", "numbering")


@dataclass(frozen=True)
class Change:
    kind: str  # stable: plan-field, notice, preamble, domain-added, task-moved, target-value, …
    message: str  # the Chinese line a reviewer reads
    item: str = ""  # the id of the domain, section or task concerned
    detail: dict[str, Any] = field(default_factory=dict)  # figures for JSON readers


@dataclass(frozen=True)
class Node:
    """A domain, section or task with where it stands in one version."""

    item: model.Domain | model.Section | model.Task
    label: str  # 一、 / （一） / 9.
    parent: str  # the id of the domain (or section) holding it; "" for domains
    level: int


def nodes(plan: model.Plan) -> dict[str, Node]:
    out: dict[str, Node] = {}
    for entry in model.outline(plan):
        parent = "" if entry.level == 1 else entry.domain.id
        if entry.level == 3 and isinstance(entry.item, model.Task):
            parent = _section_of(entry.domain, entry.item) or entry.domain.id
        out[entry.item.id] = Node(entry.item, entry.label, parent, entry.level)
    return out


def _section_of(domain: model.Domain, task: model.Task) -> str:
    return next((s.id for s in domain.sections if any(t is task for t in s.tasks)), "")


def diff_plans(old: model.Plan, new: model.Plan) -> list[Change]:
    changes: list[Change] = []
    changes += _plan_fields(old, new)
    changes += _notice(old.notice, new.notice)
    if old.preamble != new.preamble:
        changes.append(
            Change("preamble", say("diff_preamble", text=text_diff(old.preamble, new.preamble)))
        )
    before, after = nodes(old), nodes(new)
    pairs = match(before, after)
    changes += _structure(before, after, pairs)
    return changes


def _plan_fields(old: model.Plan, new: model.Plan) -> list[Change]:
    out = []
    for name in PLAN_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            out.append(
                Change(
                    "plan-field",
                    say("diff_field", field=_label(name), old=_shown(a), new=_shown(b)),
                    detail={"field": name, "old": _plain(a), "new": _plain(b)},
                )
            )
    return out


def _notice(old: model.Notice | None, new: model.Notice | None) -> list[Change]:
    if old is None and new is None:
        return []
    if old is None or new is None:
        key = "diff_notice_added" if old is None else "diff_notice_removed"
        return [Change("notice", say(key))]
    out = []
    for name in model.NOTICE_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            shown = (
                text_diff(a, b)
                if isinstance(a, str) and isinstance(b, str) and a and b
                else f"{_shown(a)} → {_shown(b)}"
            )
            out.append(
                Change(
                    "notice",
                    say("diff_notice_field", field=_label(name), change=shown),
                    detail={"field": name, "old": _plain(a), "new": _plain(b)},
                )
            )
    return out


# --- matching --------------------------------------------------------------------------


def match(before: dict[str, Node], after: dict[str, Node]) -> dict[str, str]:
    """old id → new id: the same id first, then the most similar title of the same level."""
    pairs = {key: key for key in before if key in after and before[key].level == after[key].level}
    taken = set(pairs.values())
    for key, node in before.items():
        if key in pairs:
            continue
        best, best_ratio = "", SIMILAR_TITLE
        for other, candidate in after.items():
            if other in taken or candidate.level != node.level:
                continue
            ratio = difflib.SequenceMatcher(None, node.item.title, candidate.item.title).ratio()
            if ratio > best_ratio:
                best, best_ratio = other, ratio
        if best:
            pairs[key] = best
            taken.add(best)
    return pairs


# --- structure: added, removed, moved, retitled, renumbered -------------------------------


def _structure(
    before: dict[str, Node], after: dict[str, Node], pairs: dict[str, str]
) -> list[Change]:
    out: list[Change] = []
    reverse = {new: old for old, new in pairs.items()}
    moved = _moved(before, after, pairs)
    for key, node in before.items():
        if key not in pairs:
            out.append(
                Change(
                    f"{_kind(node)}-removed",
                    say("diff_removed", what=_what(node), label=node.label, title=node.item.title),
                    key,
                )
            )
    for key, node in after.items():
        old_key = reverse.get(key)
        if old_key is None:
            out.append(
                Change(
                    f"{_kind(node)}-added",
                    say(
                        "diff_added",
                        what=_what(node),
                        label=node.label,
                        title=node.item.title,
                        where=_where(after, node),
                    ),
                    key,
                )
            )
            continue
        old = before[old_key]
        if old_key in moved:
            out.append(
                Change(
                    f"{_kind(node)}-moved",
                    say(
                        "diff_moved",
                        what=_what(node),
                        title=node.item.title,
                        old=_position(before, old),
                        new=_position(after, node),
                    ),
                    key,
                    {"old": old.label, "new": node.label},
                )
            )
        if old.item.title != node.item.title:
            out.append(
                Change(
                    f"{_kind(node)}-retitled",
                    say(
                        "diff_retitled",
                        what=_what(node),
                        label=node.label,
                        change=text_diff(old.item.title, node.item.title),
                    ),
                    key,
                )
            )
        if isinstance(node.item, model.Task) and isinstance(old.item, model.Task):
            out += _task(old.item, node.item, node.label)
    out += _renumbering(before, after, pairs, moved)
    return out


def _moved(before: dict[str, Node], after: dict[str, Node], pairs: dict[str, str]) -> set[str]:
    """Old ids of items that moved: a new parent, or outside the longest run kept in order."""
    moved: set[str] = set()
    for level in (1, 2, 3):
        old_order = [k for k, n in before.items() if n.level == level and k in pairs]
        new_order = [pairs[k] for k in old_order]
        position = {key: i for i, key in enumerate(k for k, n in after.items() if n.level == level)}
        kept = _longest_in_order([position[k] for k in new_order])
        for index, key in enumerate(old_order):
            if index not in kept or _parent_changed(before[key], after[pairs[key]], pairs):
                moved.add(key)
    return moved


def _parent_changed(old: Node, new: Node, pairs: dict[str, str]) -> bool:
    return bool(old.parent or new.parent) and pairs.get(old.parent, old.parent) != new.parent


def _longest_in_order(values: list[int]) -> set[int]:
    """Indexes of a longest increasing subsequence (patience sorting, O(n log n))."""
    import bisect

    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for i, value in enumerate(values):
        at = bisect.bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[at] = value
            tail_index[at] = i
        previous[i] = tail_index[at - 1] if at else -1
    kept: set[int] = set()
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        kept.add(i)
        i = previous[i]
    return kept


def _renumbering(
    before: dict[str, Node], after: dict[str, Node], pairs: dict[str, str], moved: set[str]
) -> list[Change]:
    """One line for the tasks whose number changed only because others moved or came."""
    shifted = [
        (before[k].label, after[pairs[k]].label)
        for k, n in before.items()
        if n.level == 3
        and k in pairs
        and k not in moved
        and before[k].label != after[pairs[k]].label
    ]
    if not shifted:
        return []
    olds, news = [o for o, _ in shifted], [n for _, n in shifted]
    return [
        Change(
            "renumbered",
            say("diff_renumbered", count=len(shifted), old=_span(olds), new=_span(news)),
            detail={"count": len(shifted), "old": olds, "new": news},
        )
    ]


def _span(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else f"{labels[0].rstrip('.')}–{labels[-1]}"


# --- a task's own content ------------------------------------------------------------------


def _task(old: model.Task, new: model.Task, label: str) -> list[Change]:
    out = []
    for name in ("lead", "partners", "due", "note"):
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            out.append(
                Change(
                    "task-field",
                    say(
                        "diff_task_field",
                        label=label,
                        field=_label(name),
                        old=_shown(a),
                        new=_shown(b),
                    ),
                    new.id,
                    {"field": name, "old": a, "new": b},
                )
            )
    if old.text != new.text:
        out.append(
            Change(
                "task-text",
                say("diff_text", label=label, change=text_diff(old.text, new.text)),
                new.id,
            )
        )
    out += _targets(old, new, label)
    return out


def _targets(old: model.Task, new: model.Task, label: str) -> list[Change]:
    out = []
    before = {t.metric: t for t in old.targets}
    after = {t.metric: t for t in new.targets}
    for metric, target in after.items():
        if metric not in before:
            out.append(
                Change(
                    "target-added",
                    say("diff_target_added", label=label, metric=metric, value=_value(target)),
                    new.id,
                )
            )
            continue
        out += _target(before[metric], target, label, new.id)
    for metric, target in before.items():
        if metric not in after:
            out.append(
                Change(
                    "target-removed",
                    say("diff_target_removed", label=label, metric=metric, value=_value(target)),
                    new.id,
                )
            )
    return out


def _target(old: model.Target, new: model.Target, label: str, task: str) -> list[Change]:
    out = []
    if (old.value, old.unit) != (new.value, new.unit):
        out.append(_value_change(old, new, label, task))
    for name in ("op", "kind", "due"):
        a, b = _plain(getattr(old, name)), _plain(getattr(new, name))
        if a != b:
            out.append(
                Change(
                    f"target-{name}",
                    say(
                        "diff_target_field",
                        label=label,
                        metric=new.metric,
                        field=_label(name),
                        old=_shown(a),
                        new=_shown(b),
                    ),
                    task,
                    {"metric": new.metric, "old": a, "new": b},
                )
            )
    return out


def _value_change(old: model.Target, new: model.Target, label: str, task: str) -> Change:
    """83个 → 100个（+17，+20.5%）; the figures are omitted where the units differ."""
    detail: dict[str, Any] = {"metric": new.metric, "old": _value(old), "new": _value(new)}
    figures = ""
    try:
        a, b = old.quantity(), new.quantity()
        if compatible(a.unit, b.unit) is None:
            delta = b.amount - a.amount
            detail["difference"] = float(delta)
            figures = f"{'+' if delta >= 0 else '−'}{format_amount(abs(delta))}"
            if a.amount:
                percent = delta / a.amount * 100
                detail["percent"] = float(round(percent, 1))
                figures += f"，{'+' if percent >= 0 else '−'}{ratio_text(abs(percent))}%"
        else:
            detail["unit_changed"] = True
    except (QuantityError, ValueError):
        pass
    message = say(
        "diff_target_value",
        label=label,
        metric=new.metric,
        old=_value(old),
        new=_value(new),
        figures=f"（{figures}）" if figures else "",
    )
    return Change("target-value", message, task, detail)


# --- text ----------------------------------------------------------------------------------


def text_diff(old: str, new: str, context: int = CONTEXT) -> str:
    """A character diff: [-removed-]{+added+}, long unchanged runs elided to …."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    parts = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(_elide(old[a1:a2], context, first=a1 == 0, last=a2 == len(old)))
            continue
        if a2 > a1:
            parts.append(f"[-{old[a1:a2]}-]")
        if b2 > b1:
            parts.append(f"{{+{new[b1:b2]}+}}")
    return "".join(parts)


def _elide(run: str, context: int, first: bool, last: bool) -> str:
    if len(run) <= context * 2 + 1:
        return run
    head = "" if first else run[:context]
    tail = "" if last else run[-context:]
    return f"{head}…{tail}"


# --- words ---------------------------------------------------------------------------------


def _kind(node: Node) -> str:
    return {1: "domain", 2: "section", 3: "task"}[node.level]


def _what(node: Node) -> str:
    return say(f"diff_what_{_kind(node)}")


def _position(nodes_: dict[str, Node], node: Node) -> str:
    """9.（三、推动老龄事业…）: the number and the heading it stands under."""
    if node.level == 1:
        return node.label
    parent = nodes_.get(node.parent)
    return f"{node.label}（{parent.label}{parent.item.title}）" if parent else node.label


def _where(nodes_: dict[str, Node], node: Node) -> str:
    parent = nodes_.get(node.parent)
    return f"（{parent.label}{parent.item.title}）" if parent else ""


def _value(target: model.Target) -> str:
    return model.written(target.value, target.unit)


def _label(name: str) -> str:
    from planwriter.catalogue import label

    return label(name)


def _shown(value: object) -> str:
    if value in (None, "", []):
        return say("diff_empty")
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if hasattr(value, "value"):
        return str(value.value)
    if hasattr(value, "year") and hasattr(value, "month"):
        return model.chinese_date(value)  # type: ignore[arg-type]
    return str(value)


def _plain(value: object) -> object:
    if hasattr(value, "value"):
        return value.value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
