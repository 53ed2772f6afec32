"""Completion of last year's targets: metric, target, actual, completion %, met or not.

Targets come from the results' own `target:` fields and, given last year's plan, from its
targets for the same metrics (the plan's op then decides what "met" means).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from planwriter import model
from planwriter.catalogue import say
from planwriter.quantity import (
    Bound,
    Quantity,
    compatible,
    parse_quantity,
    quantity_or_none,
    ratio_text,
    shown,
)


@dataclass(frozen=True)
class Completion:
    metric: str
    target: Quantity
    actual: Quantity
    op: model.Op
    percent: Decimal | None  # actual / target, for floors; None for ceilings or mismatched units
    met: bool | None  # None: the two cannot be compared


def completions(results: model.Results, last_plan: model.Plan | None = None) -> list[Completion]:
    goals = _goals(results, last_plan)
    rows = []
    for item in results.results:
        actual = quantity_or_none(item)
        if actual is None or item.metric not in goals:
            continue
        goal, op = goals.pop(item.metric)
        rows.append(_completion(item.metric, goal, actual, op))
    return rows


def _goals(
    results: model.Results, last_plan: model.Plan | None
) -> dict[str, tuple[Quantity, model.Op]]:
    goals: dict[str, tuple[Quantity, model.Op]] = {}
    for item in results.results:
        if item.target:
            try:
                goal = model.with_unit(parse_quantity(item.target), item.unit)
            except ValueError:
                continue
            goals.setdefault(item.metric, (goal, model.default_op(goal)))
    for _, target in last_plan.targets() if last_plan else []:
        quantity = quantity_or_none(target)
        if quantity is not None:
            goals[target.metric] = (quantity, target.op)  # the plan's own words win
    return goals


def _completion(metric: str, goal: Quantity, actual: Quantity, op: model.Op) -> Completion:
    if compatible(goal.unit, actual.unit) is not None:
        return Completion(metric, goal, actual, op, None, None)
    if op is model.Op.AT_MOST:
        return Completion(metric, goal, actual, op, None, actual.amount <= goal.amount)
    percent = actual.amount / goal.amount * 100 if goal.amount else None
    reached = actual.amount > goal.amount or (
        actual.amount == goal.amount and actual.bound is not Bound.NEARLY
    )
    return Completion(metric, goal, actual, op, percent, reached)


def percent_text(row: Completion) -> str:
    return "—" if row.percent is None else f"{ratio_text(row.percent)}%"


def to_json(results: model.Results, rows: list[Completion]) -> str:
    """{"format": "planwriter-report", "version": 1, "bureau", "year", "counts": {met, missed,
    incomparable}, "rows": [{"metric", "target", "actual", "op", "completion" (number or null),
    "met" (true, false or null)}]}"""
    data = {
        "format": "planwriter-report",
        "version": 1,
        "bureau": results.bureau,
        "year": results.year,
        "counts": counts(rows),
        "rows": [
            {
                "metric": r.metric,
                "target": shown(r.target),
                "actual": shown(r.actual),
                "op": r.op.value,
                "completion": None if r.percent is None else float(round(r.percent, 1)),
                "met": r.met,
            }
            for r in rows
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def counts(rows: list[Completion]) -> dict[str, int]:
    return {
        "met": sum(r.met is True for r in rows),
        "missed": sum(r.met is False for r in rows),
        "incomparable": sum(r.met is None for r in rows),
    }


def document_report(results: model.Results, rows: list[Completion]) -> dict[str, Any]:
    """What the document's report template prints: a numbered table of the rows, the tally."""
    status = {
        True: say("report_met"),
        False: say("report_missed"),
        None: say("report_incomparable"),
    }
    table = [
        [str(i), r.metric, shown(r.target), shown(r.actual), percent_text(r), status[r.met]]
        for i, r in enumerate(rows, 1)
    ]
    tally = counts(rows)
    return {
        "bureau": results.bureau,
        "year": results.year,
        "count": len(rows),
        "met": tally["met"],
        "missed": tally["missed"],
        "incomparable": tally["incomparable"],
        "rows": table,
    }
