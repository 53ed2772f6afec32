"""The progress file: read with positions, checked against the plan, saved round-trip."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest
from paths import ROOT

from planwriter import progress, store
from planwriter.problems import InputError

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"

TEXT = """\
planwriter: 1
bureau: 常州市民政局
year: 2024
plan: 2024.plan.yaml
reports:
  # the half-year sheet
  - as_of: 2024年6月30日
    source: tasks-2024-06.xlsx
    entries:
      - task: home-care
        metric: 居家养老上门服务人数
        value: 8.2万
        unit: 人
        note: 已为8.2万名老年人提供上门服务
      - task: party-theory
        note: 开展专题学习12次   # no figure: the task as a whole
"""


def read(text: str = TEXT, name: str = "2024.progress.yaml") -> progress.Progress:
    return store.parse_document(text, name)[0]


def test_read() -> None:
    data = read()
    assert (data.bureau, data.year, data.plan) == ("常州市民政局", 2024, "2024.plan.yaml")
    [report] = data.reports
    assert (report.as_of, report.source) == (dt.date(2024, 6, 30), "tasks-2024-06.xlsx")
    first, second = report.entries
    assert (first.task, first.metric, first.unit) == ("home-care", "居家养老上门服务人数", "人")
    assert first.value is not None and first.value.literal == "8.2万"
    assert first.amount() is not None and first.amount().amount == 82000
    assert (second.metric, second.value, second.note) == (None, None, "开展专题学习12次")


def test_told_apart_by_shape_when_the_name_does_not_say() -> None:
    assert isinstance(read(name="june.yaml"), progress.Progress)


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("value: 8.2万", "value: 约8万", 12, "“约8万”是约数"),
        ("value: 8.2万", "value: 很多", 12, "无法识别"),
        ("as_of: 2024年6月30日", "as_of: 2022-06-30", 7, "不在 2024 年度内"),
        ("as_of: 2024年6月30日", "as_of: 六月底", 7, "不是有效日期"),
        ("      - task: party-theory", "      - metric: 某项", 15, "缺少必填字段“task”"),
        ("        unit: 人", "        units: 人", 13, "未知字段“units”"),
    ],
)
def test_bad_values_are_located(old: str, new: str, line: int, words: str) -> None:
    with pytest.raises(InputError) as caught:
        read(TEXT.replace(old, new))
    [problem] = caught.value.problems
    assert (problem.where.file, problem.where.line) == ("2024.progress.yaml", line)
    assert words in problem.message


def test_reports_run_oldest_first() -> None:
    text = TEXT + "  - as_of: 2024-03-31\n"
    with pytest.raises(InputError) as caught:
        read(text)
    [problem] = caught.value.problems
    assert problem.where.line == 17 and "从早到晚" in problem.message


def test_entries_are_checked_against_the_plan() -> None:
    text = TEXT.replace("task: party-theory", "task: no-such-task").replace(
        "metric: 居家养老上门服务人数", "metric: 上门人数"
    )
    data, where = store.parse_document(text, "2024.progress.yaml")
    plan = store.load_plan(PLAN).model
    problems = progress.check_against(data, where, plan, "2024.plan.yaml")
    assert [(p.where.line, p.message) for p in problems] == [
        (11, "任务“home-care”没有名为“上门人数”的目标"),
        (15, "计划 2024.plan.yaml 里没有 id 为“no-such-task”的任务"),
    ]


def test_untouched_saves_byte_identical() -> None:
    assert store.render(read(), TEXT) == TEXT


def test_adding_a_report_appends_it_and_keeps_comments() -> None:
    data = read()
    entry = progress.ProgressEntry(
        "home-care", "居家养老上门服务人数", read().reports[0].entries[0].value, "人", ""
    )
    later = progress.ProgressReport(dt.date(2024, 9, 30), None, (entry,))
    new = store.render(data.with_report(later), TEXT)
    assert new.startswith(TEXT)
    assert new[len(TEXT) :] == (
        "  - as_of: 2024-09-30\n"
        "    entries:\n"
        "      - task: home-care\n"
        "        metric: 居家养老上门服务人数\n"
        "        value: 8.2万\n"
        "        unit: 人\n"
    )
    assert read(new).reports[1] == later


def test_a_report_of_the_same_date_replaces_the_old_one() -> None:
    data = read()
    again = progress.ProgressReport(dt.date(2024, 6, 30), "v2.xlsx", ())
    assert data.with_report(again).reports == (again,)


def test_a_new_file_is_written_from_scratch(tmp_path: Path) -> None:
    path = progress.progress_path(tmp_path / "2024.plan.yaml")
    assert path.name == "2024.progress.yaml"
    store.save(path, read(), None)
    assert read(path.read_text(encoding="utf-8")) == read()
    loaded = store.load_document(path)
    assert loaded.model == read()


def test_changing_one_value_is_one_changed_line() -> None:
    data = read()
    entry = data.reports[0].entries[0]
    value = read(TEXT.replace("8.2万", "9万")).reports[0].entries[0].value
    changed = progress.ProgressReport(
        data.reports[0].as_of,
        data.reports[0].source,
        (
            progress.ProgressEntry(entry.task, entry.metric, value, entry.unit, entry.note),
            data.reports[0].entries[1],
        ),
    )
    new = store.render(data.with_report(changed), TEXT)
    lines = [
        line
        for line in difflib.unified_diff(TEXT.splitlines(), new.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert lines == ["-        value: 8.2万", "+        value: 9万"]
