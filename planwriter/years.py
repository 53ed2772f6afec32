"""The years a plan or results file may be for: the one range, read and named in one place."""

from __future__ import annotations

from planwriter.catalogue import say

YEARS = range(1949, 2101)


def plan_year(value: str) -> int | None:
    """A plan's year as typed (2025), or None when it is not one."""
    if not (value.isascii() and value.isdigit() and int(value) in YEARS):
        return None
    return int(value)


def year_problem(value: str) -> str:
    """What is wrong with a year typed for a plan."""
    return say("new_year_bad", value=value, low=YEARS[0], high=YEARS[-1])
