"""Rules that hold this year's targets against last year's results."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from planwriter import model
from planwriter.catalogue import say
from planwriter.check.context import Context, Finding, TaskEntry
from planwriter.check.registry import rule
from planwriter.problems import Severity
from planwriter.quantity import Bound, Quantity, compatible, parse_quantity, ratio_text, shown

KIND_NAMES = {kind: say(f"kind_{kind.value}") for kind in model.Kind}


def _last_year(ctx: Context) -> dict[str, tuple[int, model.Result, Quantity]]:
    """metric → last year's first result for it."""
    found: dict[str, tuple[int, model.Result, Quantity]] = {}
    for index, result, quantity in ctx.results():
        found.setdefault(result.metric, (index, result, quantity))
    return found


def _pairs(
    ctx: Context,
) -> Iterator[tuple[TaskEntry, int, model.Target, Quantity, model.Result, Quantity]]:
    """Targets with a comparable result of the same metric (same kind, compatible unit)."""
    last = _last_year(ctx)
    for entry, index, target, quantity in ctx.targets():
        if target.metric not in last:
            continue
        _, result, actual = last[target.metric]
        if target.kind is result.kind and compatible(quantity.unit, actual.unit) is None:
            yield entry, index, target, quantity, result, actual


def _compare(target: Quantity, actual: Quantity) -> int:
    """-1, 0, 1; an approximate result (近9万, 1600余) tips a tie to the side it leans."""
    if target.amount != actual.amount:
        return -1 if target.amount < actual.amount else 1
    return {Bound.MORE_THAN: -1, Bound.NEARLY: 1}.get(actual.bound, 0)


def _figures(
    ctx: Context, target: model.Target, quantity: Quantity, actual: Quantity
) -> dict[str, object]:
    year = ctx.baseline.year if ctx.baseline else ctx.plan.year - 1
    return {
        "metric": target.metric,
        "target": shown(quantity),
        "actual": shown(actual),
        "year": year,
    }


@rule("below-last-year", Severity.ERROR, needs_baseline=True)
def below_last_year(ctx: Context) -> Iterator[Finding]:
    """Stock and rate targets below last year's level: error; a flow below last year's flow:
    warning (a year may plan fewer new places on purpose). Ceilings (op <=) are not floors."""
    for entry, index, target, quantity, _, actual in _pairs(ctx):
        if target.op is model.Op.AT_MOST or _compare(quantity, actual) >= 0:
            continue
        flow = target.kind is model.Kind.FLOW
        message = say(
            "below_last_year_flow" if flow else "below_last_year",
            **_figures(ctx, target, quantity, actual),
        )
        yield ctx.finding(
            "below-last-year",
            Severity.WARNING if flow else Severity.ERROR,
            message,
            ctx.at_task(entry, "targets", index, "value"),
            entry,
        )


@rule("incomparable", Severity.WARNING, needs_baseline=True)
def incomparable(ctx: Context) -> Iterator[Finding]:
    last = _last_year(ctx)
    for entry, index, target, quantity in ctx.targets():
        if target.metric not in last:
            continue
        _, result, actual = last[target.metric]
        figures = _figures(ctx, target, quantity, actual)
        where = ctx.at_task(entry, "targets", index, "value")
        if reason := compatible(quantity.unit, actual.unit):
            yield ctx.finding(
                "incomparable",
                Severity.WARNING,
                say("incomparable", reason=reason, **figures),
                where,
                entry,
            )
        elif target.kind is not result.kind:
            yield ctx.finding(
                "incomparable",
                Severity.WARNING,
                say(
                    "kind_mismatch",
                    metric=target.metric,
                    year=figures["year"],
                    kind=KIND_NAMES[target.kind],
                    last_kind=KIND_NAMES[result.kind],
                ),
                where,
                entry,
            )


@rule("equals-last-year", Severity.INFO, needs_baseline=True)
def equals_last_year(ctx: Context) -> Iterator[Finding]:
    for entry, index, target, quantity, _, actual in _pairs(ctx):
        if _compare(quantity, actual) == 0:
            yield ctx.finding(
                "equals-last-year",
                Severity.INFO,
                say("equals_last_year", **_figures(ctx, target, quantity, actual)),
                ctx.at_task(entry, "targets", index, "value"),
                entry,
            )


@rule("jump", Severity.WARNING, needs_baseline=True)
def jump(ctx: Context) -> Iterator[Finding]:
    factor = Decimal(str(ctx.config.jump_factor))
    for entry, index, target, quantity, _, actual in _pairs(ctx):
        if actual.amount > 0 and quantity.amount > factor * actual.amount:
            ratio = ratio_text(quantity.amount / actual.amount)
            yield ctx.finding(
                "jump",
                Severity.WARNING,
                say(
                    "jump",
                    ratio=ratio,
                    factor=ratio_text(factor),
                    **_figures(ctx, target, quantity, actual),
                ),
                ctx.at_task(entry, "targets", index, "value"),
                entry,
            )


def _missed(ctx: Context) -> Iterator[tuple[int, model.Result, Quantity, Quantity]]:
    """Last year's results that carry a target they fell short of, not targeted again."""
    planned = {target.metric for _, _, target, _ in ctx.targets()}
    for index, result, actual in ctx.results():
        if not result.target or result.metric in planned:
            continue
        try:
            goal = model.with_unit(parse_quantity(result.target), result.unit)
        except ValueError:
            continue
        if compatible(goal.unit, actual.unit) is None and _compare(actual, goal) < 0:
            yield index, result, goal, actual


@rule("missed-last-year", Severity.WARNING, needs_baseline=True)
def missed_last_year(ctx: Context) -> Iterator[Finding]:
    year = ctx.baseline.year if ctx.baseline else ctx.plan.year - 1
    for index, result, goal, actual in _missed(ctx):
        yield ctx.finding(
            "missed-last-year",
            Severity.WARNING,
            say(
                "missed_last_year",
                metric=result.metric,
                year=year,
                target=shown(goal),
                actual=shown(actual),
            ),
            ctx.at_result(index),
        )


@rule("dropped-metric", Severity.INFO, needs_baseline=True)
def dropped_metric(ctx: Context) -> Iterator[Finding]:
    """Said once per metric; a missed target is already reported by missed-last-year.
    A figure that had no target last year is foldable: the table counts those in one line."""
    said = {target.metric for _, _, target, _ in ctx.targets()}
    said |= {result.metric for _, result, _, _ in _missed(ctx)}
    year = ctx.baseline.year if ctx.baseline else ctx.plan.year - 1
    for index, result, actual in ctx.results():
        if result.metric in said:
            continue
        said.add(result.metric)
        yield ctx.finding(
            "dropped-metric",
            Severity.INFO,
            say("dropped_metric", metric=result.metric, year=year, actual=shown(actual)),
            ctx.at_result(index),
            foldable=not result.target,
        )
