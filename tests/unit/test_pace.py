"""The status arithmetic as a table: floor, ceiling, exact × stock, flow, rate × early, on
time, late. Early: mid-period (2024-06-30 of the year, 49.7% gone); on time: the due day;
late: after the due day (a 上半年 target looked at on 2024-09-30)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from planwriter.model import Kind, Op
from planwriter.pace import Goal, Period, Status, elapsed, pace

YEAR = Period.year(2024)
FIRST_HALF = Period(dt.date(2024, 1, 1), dt.date(2024, 6, 30))
MID = dt.date(2024, 6, 30)
END = dt.date(2024, 12, 31)
AFTER_H1 = dt.date(2024, 9, 30)

GE, LE, EQ = Op.AT_LEAST, Op.AT_MOST, Op.EQUAL
STOCK, FLOW, RATE = Kind.STOCK, Kind.FLOW, Kind.RATE
DONE, ON, LAG, NONE, OVER = (
    Status.DONE,
    Status.ON_TRACK,
    Status.LAGGING,
    Status.UNREPORTED,
    Status.OVER,
)

# op, kind, target, start, value, period, as_of → status, completion % (1 decimal; None: —),
# gap (toward the target; rates in 个百分点), overdue
# fmt: off
CASES = [
    # --- floors ---
    pytest.param(GE, STOCK, 150000, 140000, 146000, YEAR, MID, ON, "60.0", 4000, False, id="floor-stock-early-from-start"),
    pytest.param(GE, STOCK, 150000, 140000, 143000, YEAR, MID, LAG, "30.0", 7000, False, id="floor-stock-early-behind"),
    pytest.param(GE, STOCK, 150000, None, 80000, YEAR, MID, ON, "53.3", 70000, False, id="floor-stock-early-no-start"),
    pytest.param(GE, STOCK, 150000, 158000, 155000, YEAR, MID, DONE, "103.3", -5000, False, id="floor-stock-early-kept-above"),
    pytest.param(GE, STOCK, 150000, 140000, 150000, YEAR, END, DONE, "100.0", 0, False, id="floor-stock-on-time-reached"),
    pytest.param(GE, STOCK, 150000, 140000, 149000, YEAR, END, LAG, "90.0", 1000, True, id="floor-stock-on-time-short"),
    pytest.param(GE, STOCK, 150000, 140000, 145000, FIRST_HALF, AFTER_H1, LAG, "50.0", 5000, True, id="floor-stock-late"),
    pytest.param(GE, FLOW, 83, 70, 42, YEAR, MID, ON, "50.6", 41, False, id="floor-flow-early-start-ignored"),
    pytest.param(GE, FLOW, 83, None, 40, YEAR, MID, LAG, "48.2", 43, False, id="floor-flow-early-behind"),
    pytest.param(GE, FLOW, 83, None, 83, YEAR, END, DONE, "100.0", 0, False, id="floor-flow-on-time"),
    pytest.param(GE, FLOW, 83, None, 90, FIRST_HALF, AFTER_H1, DONE, "108.4", -7, False, id="floor-flow-late-exceeded"),
    pytest.param(GE, FLOW, 83, None, 60, FIRST_HALF, AFTER_H1, LAG, "72.3", 23, True, id="floor-flow-late-short"),
    pytest.param(GE, RATE, 90, 85, 88, YEAR, MID, ON, "60.0", 2, False, id="floor-rate-early-in-points"),
    pytest.param(GE, RATE, 90, 85, 86, YEAR, MID, LAG, "20.0", 4, False, id="floor-rate-early-behind"),
    pytest.param(GE, RATE, 90, 85, 90, YEAR, END, DONE, "100.0", 0, False, id="floor-rate-on-time"),
    pytest.param(GE, RATE, 90, 85, 89, FIRST_HALF, AFTER_H1, LAG, "80.0", 1, True, id="floor-rate-late"),
    pytest.param(GE, RATE, 90, 92, 91, YEAR, MID, DONE, "101.1", -1, False, id="floor-rate-kept-above"),
    # --- ceilings ---
    pytest.param(LE, STOCK, 100, None, 80, YEAR, MID, ON, None, -20, False, id="ceiling-stock-early-held"),
    pytest.param(LE, STOCK, 100, None, 120, YEAR, MID, OVER, None, 20, False, id="ceiling-stock-early-over"),
    pytest.param(LE, STOCK, 100, 120, 110, YEAR, MID, ON, "50.0", 10, False, id="ceiling-stock-early-reducing"),
    pytest.param(LE, STOCK, 100, 120, 115, YEAR, MID, LAG, "25.0", 15, False, id="ceiling-stock-early-reducing-slowly"),
    pytest.param(LE, STOCK, 100, 120, 100, YEAR, END, DONE, "100.0", 0, False, id="ceiling-stock-on-time-reduced"),
    pytest.param(LE, STOCK, 100, 120, 105, YEAR, END, LAG, "75.0", 5, True, id="ceiling-stock-on-time-still-above"),
    pytest.param(LE, STOCK, 100, 90, 95, FIRST_HALF, AFTER_H1, DONE, None, -5, False, id="ceiling-stock-late-held"),
    pytest.param(LE, FLOW, 3, None, 4, YEAR, MID, OVER, None, 1, False, id="ceiling-flow-early-over"),
    pytest.param(LE, FLOW, 3, 10, 2, YEAR, MID, ON, None, -1, False, id="ceiling-flow-early-start-ignored"),
    pytest.param(LE, FLOW, 3, None, 2, YEAR, END, DONE, None, -1, False, id="ceiling-flow-on-time"),
    pytest.param(LE, FLOW, 3, None, 3, FIRST_HALF, AFTER_H1, DONE, None, 0, False, id="ceiling-flow-late-at-ceiling"),
    pytest.param(LE, RATE, 5, None, 4, YEAR, MID, ON, None, -1, False, id="ceiling-rate-early-held"),
    pytest.param(LE, RATE, 5, 8, 6, YEAR, MID, ON, "66.7", 1, False, id="ceiling-rate-early-reducing-in-points"),
    pytest.param(LE, RATE, 5, 4, 6, YEAR, END, OVER, None, 1, False, id="ceiling-rate-on-time-over"),
    pytest.param(LE, RATE, 5, 8, 7, FIRST_HALF, AFTER_H1, LAG, "33.3", 2, True, id="ceiling-rate-late"),
    # --- exact targets ---
    pytest.param(EQ, STOCK, 100, 90, 95, YEAR, MID, ON, "50.0", 5, False, id="exact-stock-early"),
    pytest.param(EQ, STOCK, 100, 90, 105, YEAR, MID, OVER, "150.0", -5, False, id="exact-stock-early-past"),
    pytest.param(EQ, STOCK, 100, 120, 100, YEAR, END, DONE, "100.0", 0, False, id="exact-stock-on-time-down"),
    pytest.param(EQ, STOCK, 100, 120, 95, FIRST_HALF, AFTER_H1, OVER, "125.0", -5, False, id="exact-stock-late-below"),
    pytest.param(EQ, FLOW, 83, None, 40, YEAR, MID, LAG, "48.2", 43, False, id="exact-flow-early"),
    pytest.param(EQ, FLOW, 83, None, 83, YEAR, END, DONE, "100.0", 0, False, id="exact-flow-on-time"),
    pytest.param(EQ, FLOW, 83, None, 85, YEAR, END, OVER, "102.4", -2, False, id="exact-flow-on-time-past"),
    pytest.param(EQ, FLOW, 83, None, 80, FIRST_HALF, AFTER_H1, LAG, "96.4", 3, True, id="exact-flow-late"),
    pytest.param(EQ, RATE, 100, 95, 98, YEAR, MID, ON, "60.0", 2, False, id="exact-rate-early"),
    pytest.param(EQ, RATE, 100, 95, 100, YEAR, END, DONE, "100.0", 0, False, id="exact-rate-on-time"),
    pytest.param(EQ, RATE, 100, 95, 98, FIRST_HALF, AFTER_H1, LAG, "60.0", 2, True, id="exact-rate-late"),
    # --- nothing reported ---
    pytest.param(GE, STOCK, 150000, 140000, None, YEAR, MID, NONE, None, None, False, id="floor-unreported"),
    pytest.param(LE, FLOW, 3, None, None, FIRST_HALF, AFTER_H1, NONE, None, None, False, id="ceiling-unreported-late"),
]
# fmt: on


@pytest.mark.parametrize(
    "op,kind,target,start,value,period,as_of,status,completion,gap,overdue", CASES
)
def test_pace(
    op: Op,
    kind: Kind,
    target: int,
    start: int | None,
    value: int | None,
    period: Period,
    as_of: dt.date,
    status: Status,
    completion: str | None,
    gap: int | None,
    overdue: bool,
) -> None:
    goal = Goal(op, kind, Decimal(target), None if start is None else Decimal(start))
    result = pace(goal, None if value is None else Decimal(value), period, as_of)
    assert result.status is status
    got = None if result.completion is None else round(result.completion, 1)
    assert got == (None if completion is None else Decimal(completion))
    assert result.gap == (None if gap is None else Decimal(gap))
    assert result.overdue is overdue
    assert result.elapsed == elapsed(period, as_of)


@pytest.mark.parametrize(
    "period,as_of,percent",
    [
        (YEAR, dt.date(2024, 1, 1), "0.3"),  # the first day counts: 1 of 366
        (YEAR, MID, "49.7"),  # 182 of 366: 时间过半 falls on 1 July in a leap year
        (YEAR, dt.date(2024, 7, 1), "50.0"),
        (YEAR, END, "100.0"),
        (YEAR, dt.date(2023, 12, 31), "0.0"),  # before the period
        (FIRST_HALF, AFTER_H1, "100.0"),  # after it
        (Period(dt.date(2024, 7, 1), dt.date(2024, 9, 30)), dt.date(2024, 8, 15), "50.0"),
    ],
)
def test_elapsed(period: Period, as_of: dt.date, percent: str) -> None:
    assert round(elapsed(period, as_of), 1) == Decimal(percent)


def test_a_rate_is_measured_in_points_not_as_a_ratio() -> None:
    # 88% of a 90% target is 97.8% as a ratio; from last year's 85% it is 3 of 5 points.
    result = pace(Goal(GE, RATE, Decimal(90), Decimal(85)), Decimal(88), YEAR, MID)
    assert result.completion == Decimal(60)
    assert result.gap == Decimal(2)


def test_on_pace_exactly_is_on_track() -> None:
    # 时间过半、任务过半: completion equal to the time gone is on track, a hair less is not.
    at = dt.date(2024, 7, 1)  # 183 of 366 days: exactly half
    goal = Goal(GE, FLOW, Decimal(366))
    assert pace(goal, Decimal(183), YEAR, at).status is ON
    assert pace(goal, Decimal("182.9"), YEAR, at).status is LAG
