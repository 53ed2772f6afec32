"""A target as the user wrote it, read once for a file (schema.py) and for the editor's form
(edit.py): the quantity its value is, and every rule the value, unit, op and kind must keep.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from planwriter.catalogue import say
from planwriter.model import Kind, Op, with_unit
from planwriter.quantity import (
    PEOPLE_UNITS,
    Bound,
    Quantity,
    QuantityError,
    parse_quantity,
    unit_problem,
)


class TargetProblem(NamedTuple):
    """What is wrong, and which field a file places it at (value, op or kind)."""

    field: str
    code: str  # the problem code: quantity, unit, op, kind
    message: str


def read_typed(
    value: str,
    unit: str = "",
    op: Op | None = None,
    kind: Kind | None = None,
    *,
    achieved: bool = False,
) -> tuple[Quantity | None, list[TargetProblem]]:
    """The quantity `value` is, and what is wrong with the target (nothing: a good one).

    The quantity is None when the value does not read or the unit is no unit: the other
    rules need both. `op` and `kind` None mean "as the value implies". `achieved`: a result
    (last year's figure), which may be approximate (近15万)."""
    value, unit = value.strip(), unit.strip()
    try:
        quantity = parse_quantity(value)
    except QuantityError as err:
        shown = value if len(value) <= 40 else value[:20] + "…"  # 1 500 digits said in 20
        return None, [
            TargetProblem("value", "quantity", say("bad_quantity", value=shown, reason=err))
        ]
    if unit and (problem := unit_problem(unit)):
        return None, [TargetProblem("value", "unit", problem)]
    return quantity, list(_problems(quantity, value, unit, op, kind, achieved))


def _problems(
    quantity: Quantity, value: str, unit: str, op: Op | None, kind: Kind | None, achieved: bool
) -> Iterator[TargetProblem]:
    written = quantity.unit
    if unit and written and written != unit and not {written, unit} <= set(PEOPLE_UNITS):
        message = say("unit_conflict", value=value, written=written, unit=unit)
        yield TargetProblem("value", "unit", message)
    else:
        try:
            with_unit(quantity, unit)  # what fmt, check and render do with the two (15万, 万人)
        except QuantityError as err:
            yield TargetProblem("value", "unit", say("bad_quantity", value=value, reason=err))
    if quantity.bound.approximate and not achieved:
        yield TargetProblem("value", "quantity", say("approximate_target", value=value))
    contradicts = {Bound.AT_LEAST: Op.AT_MOST, Bound.AT_MOST: Op.AT_LEAST}
    if op is not None and contradicts.get(quantity.bound) is op:
        bound = say("bound_at_least" if quantity.bound is Bound.AT_LEAST else "bound_at_most")
        yield TargetProblem("op", "op", say("op_conflict", value=value, bound=bound, op=op.value))
    percent = (unit or written) == "%"
    if kind is Kind.RATE and not percent:
        yield TargetProblem("kind", "kind", say("rate_needs_percent", value=value))
    if kind in (Kind.STOCK, Kind.FLOW) and percent:
        message = say("percent_needs_rate", value=value, kind=kind.value)
        yield TargetProblem("kind", "kind", message)
