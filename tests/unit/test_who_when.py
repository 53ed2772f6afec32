"""lead / partners / due: read, validated with positions, saved one line at a time, diffed."""

from __future__ import annotations

import difflib

import pytest
from paths import ROOT

from planwriter import diff, store
from planwriter.problems import InputError

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"

SMALL = """\
planwriter: 1
bureau: 局
year: 2024
title: 要点
domains:
  - id: d
    title: 领域
    tasks:
      # the task the table's first row shows
      - id: t1
        title: 任务一
        lead: 养老服务处
        partners: [社会救助处, 各辖市区民政局]
        due: 6月底前
        targets:
          - metric: 人数
            value: 15万
            unit: 人
            due: 三季度
"""


def changed_lines(old: str, new: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_fields_are_read() -> None:
    plan, _ = store.parse(SMALL, "x.plan.yaml")
    task = next(plan.tasks())
    assert (task.lead, task.partners, task.due) == (
        "养老服务处",
        ["社会救助处", "各辖市区民政局"],
        "6月底前",
    )
    assert task.targets[0].due == "三季度"


def test_partners_as_block_list_are_read() -> None:
    text = SMALL.replace(
        "partners: [社会救助处, 各辖市区民政局]", "partners:\n          - 社会救助处"
    )
    plan, _ = store.parse(text, "x.plan.yaml")
    assert next(plan.tasks()).partners == ["社会救助处"]


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("due: 6月底前", "due: 尽快", 14, "“尽快”不是可识别的完成时限"),
        ("due: 三季度", "due: 13月底", 19, "月份不存在"),
        ("partners: [社会救助处, 各辖市区民政局]", "partners: 社会救助处", 13, "责任单位"),
        ("partners: [社会救助处, 各辖市区民政局]", "partners: [社会救助处, '']", 13, "空的一项"),
    ],
)
def test_bad_values_are_located(old: str, new: str, line: int, words: str) -> None:
    with pytest.raises(InputError) as caught:
        store.parse(SMALL.replace(old, new), "x.plan.yaml")
    [problem] = caught.value.problems
    assert problem.where.line == line
    assert words in problem.message


def test_one_changed_due_is_one_changed_line() -> None:
    plan, _ = store.parse(SMALL, "x.plan.yaml")
    next(plan.tasks()).due = "三季度"
    assert changed_lines(SMALL, store.render(plan, SMALL)) == [
        "-        due: 6月底前",
        "+        due: 三季度",
    ]


def test_one_more_partner_is_one_changed_line_and_comments_stay() -> None:
    plan, _ = store.parse(SMALL, "x.plan.yaml")
    next(plan.tasks()).partners.append("财务处")
    new = store.render(plan, SMALL)
    assert changed_lines(SMALL, new) == [
        "-        partners: [社会救助处, 各辖市区民政局]",
        "+        partners: [社会救助处, 各辖市区民政局, 财务处]",
    ]
    assert "# the task the table's first row shows" in new


def test_new_fields_land_in_their_canonical_place_in_the_example() -> None:
    loaded = store.load_plan(PLAN)
    task = next(loaded.model.tasks())
    task.partners, task.due = ["办公室"], "年底前"
    lines = changed_lines(loaded.text, store.render(loaded.model, loaded.text))
    assert lines == ["+        partners: [办公室]", "+        due: 年底前"]
    text = store.render(loaded.model, loaded.text)
    assert (
        "title: 深学细悟党的创新理论\n        partners: [办公室]\n        due: 年底前\n        text:"
        in text
    )


def test_removed_fields_leave_no_trace() -> None:
    plan, _ = store.parse(SMALL, "x.plan.yaml")
    task = next(plan.tasks())
    task.partners, task.due, task.targets[0].due = [], "", ""
    new = store.render(plan, SMALL)
    assert "partners" not in new and "due" not in new
    assert store.parse(new, "x.plan.yaml")[0] == plan


def test_fmt_keeps_the_fields() -> None:
    plan, _ = store.parse(SMALL, "x.plan.yaml")
    assert store.render(plan, SMALL, normalise_quotes=True) == SMALL


def test_diff_reads_each_change_as_one() -> None:
    old, _ = store.parse(SMALL, "x.plan.yaml")
    new, _ = store.parse(SMALL, "x.plan.yaml")
    task = next(new.tasks())
    task.lead, task.partners, task.due = "社会事务处", ["社会救助处"], "三季度"
    task.targets[0].due = "年底前"
    messages = [c.message for c in diff.diff_plans(old, new)]
    assert messages == [
        "1. 牵头处室：养老服务处 → 社会事务处",
        "1. 责任单位：社会救助处、各辖市区民政局 → 社会救助处",
        "1. 完成时限：6月底前 → 三季度",
        "1. 目标 人数 的完成时限：三季度 → 年底前",
    ]
