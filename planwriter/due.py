"""完成时限 as people write it: 2024年6月底前, 三季度, 全年, 长期坚持.

The text is what the plan keeps and prints; `parse_due` reads it into a date or a period
of the plan's year, so progress can be paced against the time elapsed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from planwriter.catalogue import say
from planwriter.numerals import chinese_int

DueKind = Literal["date", "period", "ongoing"]

# Months and quarters may be written in Chinese numerals: 六月底前, 第三季度.
_NUMBER = r"\d{1,2}|十[一二]?|[一二三四五六七八九]"
_BEFORE = r"(?:前|以前|之前|止|为止|完成|前完成|底前完成)?"

# 2024年6月底前, 6月30日前, 2024年6月, 六月中旬
_DATE = re.compile(
    rf"(?:(?P<year>\d{{4}})年)?(?P<month>{_NUMBER})月"
    rf"(?:(?P<day>\d{{1,2}})日|(?P<part>底|末|上旬|中旬|下旬|初))?{_BEFORE}"
)
# 三季度, 第一季度末
_QUARTER = re.compile(
    rf"(?:(?P<year>\d{{4}})年)?第?(?P<quarter>[一二三四1-4])季度(?:末|底)?{_BEFORE}"
)
# 上半年, 年底前, 全年, 2024年底前
_HALF_OR_YEAR = re.compile(
    rf"(?:(?P<year>\d{{4}})年)?(?P<span>上半年|下半年|年底|年末|年内|全年|底|年){_BEFORE}"
)
ONGOING = ("长期坚持", "持续推进", "常态化", "常态化推进", "长期", "持续", "持续开展", "长期推进")

_PART_DAY = {"上旬": 10, "初": 10, "中旬": 20}


class DueError(ValueError):
    """Not a 完成时限; str(err) is a short Chinese reason."""


@dataclass(frozen=True)
class Due:
    text: str  # as written, printed as is
    start: dt.date | None
    end: dt.date | None
    kind: DueKind

    def period(self, year: int) -> tuple[dt.date, dt.date]:
        """The window for "time elapsed": the plan year for ongoing work."""
        if self.kind == "ongoing" or self.end is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        return self.start or dt.date(year, 1, 1), self.end


def parse_due(text: str, year: int) -> Due:
    """The date or period `text` names in plan year `year`, or DueError saying why not."""
    written = text.strip()
    compact = re.sub(r"\s+", "", written)
    if not compact:
        raise DueError(say("due_empty"))
    if compact in ONGOING:
        return Due(written, None, None, "ongoing")
    if match := _DATE.fullmatch(compact):
        return _date(written, match, year)
    if match := _QUARTER.fullmatch(compact):
        quarter = _number(match["quarter"])
        first = dt.date(_year(match, year), 3 * quarter - 2, 1)
        return Due(written, first, _month_end(first.year, 3 * quarter), "period")
    if match := _HALF_OR_YEAR.fullmatch(compact):
        return _half_or_year(written, match, year)
    raise DueError(say("due_unknown", value=written))


def _date(written: str, match: re.Match[str], year: int) -> Due:
    month = _number(match["month"])
    if not 1 <= month <= 12:
        raise DueError(say("due_bad_month", value=written))
    at_year = _year(match, year)
    if match["day"]:
        try:
            end = dt.date(at_year, month, int(match["day"]))
        except ValueError:
            raise DueError(say("due_bad_day", value=written)) from None
    elif match["part"] in _PART_DAY:
        end = dt.date(at_year, month, _PART_DAY[match["part"]])
    else:
        end = _month_end(at_year, month)
    return Due(written, dt.date(year, 1, 1), end, "date")


def _half_or_year(written: str, match: re.Match[str], year: int) -> Due:
    at_year = _year(match, year)
    span = match["span"]
    if span in ("年", "底") and not match["year"]:
        raise DueError(say("due_unknown", value=written))
    if span == "上半年":
        return Due(written, dt.date(at_year, 1, 1), dt.date(at_year, 6, 30), "period")
    if span == "下半年":
        return Due(written, dt.date(at_year, 7, 1), dt.date(at_year, 12, 31), "period")
    return Due(written, dt.date(at_year, 1, 1), dt.date(at_year, 12, 31), "period")


def _year(match: re.Match[str], year: int) -> int:
    return int(match["year"]) if match["year"] else year


def _number(text: str) -> int:
    return int(text) if text.isdecimal() else chinese_int(text) or 0


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])
