"""Whether a target keeps pace with the year: completion %, time elapsed %, and a status.

Pure arithmetic on exact Decimals; the caller reads the plan, the progress file and last
year's results, and says the statuses in Chinese (catalogue keys `pace_<status>`).

The rules, made once here:

* Time elapsed is the share of the target's period (its `due`, else the year) gone by the
  as-of date, both ends counted: 2024-06-30 is 182 of 366 days, 49.7%.
* Completion is the share of the way travelled from where the year began to the target.
  A flow starts at zero. A stock or a rate starts at last year's result where it is known
  and lies short of the target; otherwise at zero, which flatters a stock (most of it stood
  before the year): give the baseline. A rate is measured in 个百分点 (90% from 85% is five
  points to go), never as a ratio of two percentages.
* A floor (>=) is 已完成 once reached, whatever the date: 提前完成. Short of it, it is
  进度正常 while completion keeps up with the time gone (时间过半、任务过半), else 滞后.
* A ceiling (<=) that the year starts above (a reduction, start known) travels down like a
  floor travels up. A ceiling to be held (start unknown or already below) has no
  completion: above it is 超标; below it is 进度正常 until its period ends, then 已完成.
* An exact target (=) travels like a floor (or down, like a reduction); going past it is
  超标.
* 滞后 at or after the period's last day is overdue: the command exits 1 for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from planwriter.model import Kind, Op

HUNDRED = Decimal(100)


class Status(StrEnum):
    DONE = "done"  # 已完成
    ON_TRACK = "on-track"  # 进度正常
    LAGGING = "lagging"  # 滞后
    UNREPORTED = "unreported"  # 未报送
    OVER = "over"  # 超标: above a ceiling, or past an exact target


@dataclass(frozen=True)
class Goal:
    op: Op
    kind: Kind
    target: Decimal
    start: Decimal | None = None  # the level the year began at (stocks, rates); flows ignore it


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # the last day, counted

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))


@dataclass(frozen=True)
class Pace:
    status: Status
    completion: Decimal | None  # percent of the way from the start to the target
    elapsed: Decimal  # percent of the period gone by the as-of date
    gap: Decimal | None  # still to go toward the target (negative: beyond it); rates in points
    overdue: bool  # 滞后 on or after the period's last day


def elapsed(period: Period, as_of: dt.date) -> Decimal:
    """Percent of the period gone by `as_of`, both ends counted, 0 before it, 100 after."""
    total = (period.end - period.start).days + 1
    gone = min(max((as_of - period.start).days + 1, 0), total)
    return Decimal(gone) / Decimal(total) * HUNDRED


def pace(goal: Goal, value: Decimal | None, period: Period, as_of: dt.date) -> Pace:
    """The status of one target whose value reached `value` by `as_of` (None: not reported)."""
    gone = elapsed(period, as_of)
    if value is None:
        return Pace(Status.UNREPORTED, None, gone, None, False)
    due = as_of >= period.end
    start = _start(goal)
    if goal.op is Op.AT_MOST and (start is None or start <= goal.target):
        return _held_below(goal, value, gone, due)
    downward = start is not None and start > goal.target
    origin = start if start is not None else Decimal(0)
    if downward:
        travelled, distance = origin - value, origin - goal.target
    else:
        travelled, distance = value - origin, goal.target - origin
    gap = distance - travelled
    completion = travelled / distance * HUNDRED if distance else None
    if gap < 0 and goal.op is Op.EQUAL:
        return Pace(Status.OVER, completion, gone, gap, False)
    if gap <= 0:
        return Pace(Status.DONE, completion, gone, gap, False)
    if completion is not None and completion >= gone:
        return Pace(Status.ON_TRACK, completion, gone, gap, False)
    return Pace(Status.LAGGING, completion, gone, gap, due)


def _start(goal: Goal) -> Decimal | None:
    """Where the way to the target begins; None: from zero (or, for a ceiling, unknown).

    A floor the year already began above (a level to keep) is measured from zero too, so
    its completion reads as the share of the target it stands at."""
    if goal.kind is Kind.FLOW or goal.start is None:
        return None
    if goal.op is Op.AT_LEAST and goal.start >= goal.target:
        return None
    return goal.start


def _held_below(goal: Goal, value: Decimal, gone: Decimal, due: bool) -> Pace:
    """A ceiling to stay under: 超标 above it; under it, done once its period is over."""
    gap = value - goal.target  # how far above the ceiling (negative: the room left)
    if gap > 0:
        return Pace(Status.OVER, None, gone, gap, False)
    return Pace(Status.DONE if due else Status.ON_TRACK, None, gone, gap, False)
