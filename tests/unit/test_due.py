"""完成时限 read into a date or a period of the plan year, or refused with a reason."""

from __future__ import annotations

import datetime as dt

import pytest

from planwriter.due import Due, DueError, parse_due

D = dt.date


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("2024年6月底前", D(2024, 6, 30)),
        ("6月底前", D(2024, 6, 30)),
        ("6月30日前", D(2024, 6, 30)),
        ("2024年6月", D(2024, 6, 30)),
        ("六月底前", D(2024, 6, 30)),
        ("2月底", D(2024, 2, 29)),
        ("9月中旬", D(2024, 9, 20)),
        ("11 月 15 日前完成", D(2024, 11, 15)),
        ("2025年3月底前", D(2025, 3, 31)),
    ],
)
def test_dates(text: str, end: dt.date) -> None:
    due = parse_due(text, 2024)
    assert (due.kind, due.start, due.end, due.text) == ("date", D(2024, 1, 1), end, text)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("一季度", D(2024, 1, 1), D(2024, 3, 31)),
        ("第一季度", D(2024, 1, 1), D(2024, 3, 31)),
        ("二季度", D(2024, 4, 1), D(2024, 6, 30)),
        ("三季度", D(2024, 7, 1), D(2024, 9, 30)),
        ("第四季度末", D(2024, 10, 1), D(2024, 12, 31)),
        ("上半年", D(2024, 1, 1), D(2024, 6, 30)),
        ("下半年", D(2024, 7, 1), D(2024, 12, 31)),
        ("年底前", D(2024, 1, 1), D(2024, 12, 31)),
        ("2024年底前", D(2024, 1, 1), D(2024, 12, 31)),
        ("年内", D(2024, 1, 1), D(2024, 12, 31)),
        ("全年", D(2024, 1, 1), D(2024, 12, 31)),
    ],
)
def test_periods(text: str, start: dt.date, end: dt.date) -> None:
    due = parse_due(text, 2024)
    assert (due.kind, due.start, due.end) == ("period", start, end)
    assert due.period(2024) == (start, end)


@pytest.mark.parametrize("text", ["长期坚持", "持续推进", "常态化"])
def test_ongoing_work_is_paced_over_the_year(text: str) -> None:
    due = parse_due(text, 2024)
    assert due == Due(text, None, None, "ongoing")
    assert due.period(2024) == (D(2024, 1, 1), D(2024, 12, 31))


def test_a_date_is_paced_from_the_start_of_the_year() -> None:
    assert parse_due("6月底前", 2024).period(2024) == (D(2024, 1, 1), D(2024, 6, 30))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("尽快", "不是可识别的完成时限"),
        ("", "空的"),
        ("13月底前", "月份不存在"),
        ("2月30日前", "日期不存在"),
        ("底前", "不是可识别的完成时限"),
        ("五季度", "不是可识别的完成时限"),
    ],
)
def test_anything_else_is_refused_in_chinese(text: str, words: str) -> None:
    with pytest.raises(DueError, match=words):
        parse_due(text, 2024)
