"""Every validation problem names the file, line and column, in Chinese."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planwriter import model, source, store
from planwriter.problems import InputError

HEAD = "planwriter: 1\nbureau: 某市民政局\nyear: 2024\ntitle: 2024年工作要点\n"


def plan_text(domains: str) -> str:
    return HEAD + "domains:\n" + domains


TASK = "  - id: d1\n    title: 领域\n    tasks:\n      - id: t1\n        title: 任务\n"


def problems_of(text: str, name: str = "p.plan.yaml") -> list[tuple[int, int, str]]:
    with pytest.raises(InputError) as err:
        store.parse(text, name)
    return [(p.where.line, p.where.column, p.message) for p in err.value.problems]


def only_problem(text: str) -> tuple[int, int, str]:
    found = problems_of(text)
    assert len(found) == 1, found
    return found[0]


CASES = [
    pytest.param(
        plan_text(TASK + "        tittle: 重复\n"),
        (11, 9, "未知字段“tittle”，是不是“title”？"),
        id="unknown-key-with-suggestion",
    ),
    pytest.param(
        plan_text(TASK + "        colour: 红\n"),
        (11, 9, "未知字段“colour”；这里可用的字段："),
        id="unknown-key-lists-allowed",
    ),
    pytest.param(
        plan_text("  - id: d1\n    title: 领域\n    tasks:\n      - id: t1\n        text: 正文\n"),
        (9, 9, "缺少必填字段“title”（标题）"),
        id="task-without-title",
    ),
    pytest.param(
        plan_text("  - id: d1\n    title: 领域\n    tasks:\n      - id: t1\n        title:\n"),
        (10, 15, "“title”（标题）不能为空"),
        id="empty-title",
    ),
    pytest.param(
        plan_text(
            TASK + "        targets:\n          - metric: 人数\n            value: 十五万多\n"
        ),
        (13, 20, "目标值“十五万多”是约数，目标须写确定的数"),
        id="approximate-value",
    ),
    pytest.param(
        plan_text(TASK + "        targets:\n          - metric: 人数\n            value: 很多\n"),
        (13, 20, "数值“很多”无法识别"),
        id="unparseable-value",
    ),
    pytest.param(
        HEAD.replace("year: 2024", 'year: "二〇二四"') + "domains: []\n",
        (3, 7, "年份应写成阿拉伯数字，如 year: 2024；这里是“二〇二四”"),
        id="year-in-chinese",
    ),
    pytest.param(
        HEAD.replace("year: 2024", "year: 1024") + "domains: []\n",
        (3, 7, "年份 1024 不合常理"),
        id="year-out-of-range",
    ),
    pytest.param(
        plan_text(TASK + "      - id: t1\n        title: 另一个\n"),
        (11, 13, "id“t1”重复，第 9 行已用过"),
        id="duplicate-id",
    ),
    pytest.param(
        HEAD + "notice:\n  date: 2024-02-30\ndomains: []\n",
        (6, 9, "“2024-02-30”不是有效日期，请写成 2024-02-23"),
        id="impossible-date",
    ),
    pytest.param(
        HEAD + "notice:\n  date: 下周一\ndomains: []\n",
        (6, 9, "“下周一”不是有效日期"),
        id="date-not-a-date",
    ),
    pytest.param(
        HEAD + "domains:\n  title: 不是列表\n",
        (6, 3, "“domains”（领域）应为列表（以“- ”开头的各项），这里是映射"),
        id="wrong-type",
    ),
    pytest.param(
        "planwriter: 1\nbureau: 某局\nyear: 2024\ndomains: []\n",
        (1, 1, "缺少必填字段“title”（标题）"),
        id="missing-title",
    ),
    pytest.param(
        HEAD + "numbering: roman\ndomains: []\n",
        (5, 12, "“numbering”只能是 continuous / per-domain / per-section 之一"),
        id="bad-choice",
    ),
    pytest.param(
        HEAD.replace("planwriter: 1", "planwriter: 2") + "domains: []\n",
        (1, 13, "不支持的格式版本 2"),
        id="schema-version",
    ),
    pytest.param(
        HEAD + "title: 又一个标题\ndomains: []\n",
        (5, 1, "字段“title”重复出现，第 4 行已有"),
        id="duplicate-key",
    ),
    pytest.param(
        plan_text(
            TASK + "        targets:\n          - metric: 人数\n            value: 83个\n"
            "            unit: 户\n"
        ),
        (13, 20, "数值“83个”自带单位“个”，与 unit“户”不一致"),
        id="unit-conflict",
    ),
    pytest.param(
        plan_text(
            TASK + "        targets:\n          - metric: 抽查数\n"
            "            value: 不少于50家\n            op: <=\n"
        ),
        (14, 17, "数值“不少于50家”表示下限（不少于），与 op“<=”矛盾"),
        id="op-conflict",
    ),
    pytest.param(
        plan_text(
            TASK + "        targets:\n          - metric: 人数\n            value: 15万\n"
            "            kind: rate\n"
        ),
        (14, 19, "kind 为 rate（比率）时，数值应为百分数"),
        id="rate-without-percent",
    ),
    pytest.param(
        plan_text("  - id: 领域一\n    title: 领域\n"),
        (6, 9, "id“领域一”只能由英文字母、数字、连字符和下划线组成"),
        id="bad-id",
    ),
    pytest.param(
        plan_text("  - id: d1\n    title: 领域\n    tasks: []\n    sections: []\n"),
        (9, 15, "一个领域不能既直接含 tasks 又含 sections"),
        id="tasks-and-sections",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_validation_problem_has_position_and_message(
    text: str, expected: tuple[int, int, str]
) -> None:
    line, column, message = only_problem(text)
    assert (line, column) == expected[:2]
    assert message.startswith(expected[2]), message


def test_all_problems_are_reported_at_once() -> None:
    text = plan_text(
        "  - id: d1\n    tittle: x\n    tasks:\n      - id: t1\n"
        "        text: 无标题\n      - id: t1\n        title: 重复\n"
    )
    messages = [m for _, _, m in problems_of(text)]
    assert len(messages) == 4, messages  # tittle, missing domain title, missing task title, dup id


def syntax_problem(text: str) -> tuple[int, int, str]:
    with pytest.raises(InputError) as err:
        source.compose(text, "p.plan.yaml")
    (problem,) = err.value.problems
    return problem.where.line, problem.where.column, problem.message


def test_yaml_syntax_error_is_located_and_chinese() -> None:
    line, column, message = syntax_problem(HEAD + "domains:\n  - title: 领域\n   bad: [\n")
    assert message.startswith("YAML 语法错误：")
    assert line >= 6 and column > 0


def test_unclosed_quote() -> None:
    line, _, message = syntax_problem('title: "没有闭合\nyear: 2024\n')
    assert "引号没有闭合" in message
    assert line >= 1


def test_tab_indentation_is_named() -> None:
    line, column, message = syntax_problem("domains:\n\t- title: 领域\n")
    assert message == "缩进里有制表符（Tab），YAML 只能用空格缩进"
    assert (line, column) == (2, 1)


def test_alias_is_refused() -> None:
    text = HEAD + "preamble: &a 导语\nnotice: &n\n  signer: 某局\ndomains: []\nx: *n\n"
    messages = [
        m
        for _, _, m in problems_of(
            text.replace("x: *n\n", "").replace("domains: []", "domains:\n  - *n")
        )
    ]
    assert any("不支持 YAML 锚点和别名" in m for m in messages)


def test_multiple_documents_are_refused() -> None:
    _, _, message = syntax_problem("a: 1\n---\nb: 2\n")
    assert "一个文件只能有一个 YAML 文档" in message


def write(tmp_path: Path, data: bytes, name: str = "p.plan.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def file_problem(path: Path) -> tuple[int, int, str]:
    with pytest.raises(InputError) as err:
        store.load(path)
    (problem,) = err.value.problems
    assert problem.where.file == str(path)
    return problem.where.line, problem.where.column, problem.message


def test_empty_file(tmp_path: Path) -> None:
    assert file_problem(write(tmp_path, b"")) == (1, 1, "文件是空的")
    assert file_problem(write(tmp_path, b"# only a comment\n\n")) == (1, 1, "文件是空的")


def test_non_utf8_file_points_at_the_byte(tmp_path: Path) -> None:
    data = ("planwriter: 1\npreamble: 导语\n").encode("gb18030")
    line, column, message = file_problem(write(tmp_path, data))
    assert (line, column) == (2, 11)
    assert message.startswith("文件不是 UTF-8 编码")
    assert "GB18030" in message


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.plan.yaml"
    with path.open("wb") as handle:
        handle.truncate(10 * 1024 * 1024)
    _, _, message = file_problem(path)
    assert message.startswith("文件过大（10.0 MB）")


def test_missing_file(tmp_path: Path) -> None:
    assert file_problem(tmp_path / "nope.plan.yaml")[2] == "找不到文件"


def test_control_character_is_refused(tmp_path: Path) -> None:
    line, column, message = file_problem(write(tmp_path, (HEAD + "preamble: a\x07b\n").encode()))
    assert (line, column) == (5, 12)
    assert "控制字符（U+0007）" in message


def test_chinese_date_is_accepted() -> None:
    plan, _ = store.parse(HEAD + "notice:\n  date: 2024年2月23日\ndomains: []\n", "p.plan.yaml")
    assert isinstance(plan, model.Plan)
    assert plan.notice is not None and plan.notice.date == dt.date(2024, 2, 23)


def test_defaults_follow_the_written_value() -> None:
    text = plan_text(
        TASK + "        targets:\n"
        "          - {metric: 一, value: 90%}\n"
        "          - {metric: 二, value: 5家以内}\n"
        "          - {metric: 三, value: 83, unit: 个}\n"
    )
    plan, _ = store.parse(text, "p.plan.yaml")
    assert isinstance(plan, model.Plan)
    targets = plan.domains[0].tasks[0].targets
    assert [(t.op, t.kind) for t in targets] == [
        (model.Op.AT_LEAST, model.Kind.RATE),
        (model.Op.AT_MOST, model.Kind.STOCK),
        (model.Op.AT_LEAST, model.Kind.STOCK),
    ]


def test_source_map_locates_tasks() -> None:
    _, where = store.parse(plan_text(TASK), "p.plan.yaml")
    assert str(where.at("domains", 0, "tasks", 0)) == "p.plan.yaml:9:9"
    assert str(where.at("domains", 0, "tasks", 0, "title")) == "p.plan.yaml:10:16"
    assert str(where.at("domains", 0, "tasks", 0, "missing-key")) == "p.plan.yaml:9:9"


def test_tab_inside_text_is_refused_with_its_place(tmp_path: Path) -> None:
    path = write(tmp_path, (HEAD + "preamble: 导语\t粘贴\ndomains: []\n").encode())
    assert file_problem(path) == (
        5,
        13,
        "文件里有制表符（Tab），请改为空格（常见于从 Word 粘贴的文字）",
    )
    indented = write(tmp_path, (HEAD + "domains:\n\t- title: 领域\n").encode(), "i.plan.yaml")
    assert file_problem(indented) == (6, 1, "缩进里有制表符（Tab），YAML 只能用空格缩进")


def test_a_unit_holding_a_figure_is_refused() -> None:
    text = plan_text(
        TASK + "        targets:\n          - metric: 人数\n            value: 15万\n"
        "            unit: 16万\n"
    )
    line, column, message = only_problem(text)
    assert (line, column) == (13, 20)
    assert message.startswith("单位“16万”里有数字")
