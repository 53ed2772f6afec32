"""Every failure a Chinese message at its place: libyaml's English translated, the real
character shown, the quote's true position; values that validate never crash later."""

from __future__ import annotations

import re

import pytest

from planwriter import store
from planwriter.problems import InputError

HEAD = "planwriter: 1\nbureau: 某市民政局\nyear: 2024\ntitle: 2024年工作要点\n"
TASK = "domains:\n  - title: 领域\n    tasks:\n      - title: 任务\n        text: 正文。\n"


OUR_WORDS = {"planwriter", "bureau", "domains", "results", "baseline", "PWNED"}


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as err:
        store.parse(text, "x.plan.yaml", is_results=False)
    return [str(p) for p in err.value.problems]


def target(value: str, unit: str = "") -> str:
    lines = f"        targets:\n          - metric: 人数\n            value: {value}\n"
    return HEAD + TASK + lines + (f"            unit: {unit}\n" if unit else "")


CASES = {
    "nesting": (HEAD + "domains: " + "[" * 2000 + "]" * 2000 + "\n", ":5:", "嵌套层数过多"),
    "alias": (HEAD.replace("title: 2024年工作要点", "title: *nope"), ":4:8:", "未定义的别名"),
    "at-sign": (HEAD.replace("title: 2024年工作要点", "title: @某"), ":4:8:", "不能出现字符“@”"),
    "backtick": (HEAD.replace("title: 2024年工作要点", "title: `某"), ":4:8:", "不能出现字符“`”"),
    "quote": (
        HEAD.replace("title: 2024年工作要点", 'title: "未闭合')
        + "domains:\n"
        + "  - title: 甲\n" * 40,
        ":4:8:",
        "引号没有闭合",
    ),
    "escape": (HEAD.replace("bureau: 某市民政局", 'bureau: "a\\qb"'), ":2:", "无法识别的转义"),
    "flow": (HEAD + "domains: [a, b\n", ":", "缺少“,”或“]”"),
    "negative": (
        HEAD.replace("planwriter: 1", "planwriter: -1") + "domains: []\n",
        ":1:13:",
        "应为不带正负号和小数点的整数，这里是“-1”",
    ),
    "tag": (
        HEAD.replace("title: 2024年工作要点", "title: !!int abc") + "domains: []\n",
        ":4:8:",
        "不支持 YAML 类型标记",
    ),
    "python-tag": (
        HEAD + "domains: !!python/object:os.system {}\n",
        ":5:10:",
        "不支持 YAML 类型标记",
    ),
    "complex-key": (HEAD + "domains: []\n? [a, b]\n: 1\n", ":6:3:", "字段名应为文字"),
    "escaped-esc": (
        HEAD.replace("title: 2024年工作要点", 'title: "2024年\\e]0;PWNED\\a\\e[2J要点"')
        + "domains: []\n",
        ":4:8:",
        "控制字符（U+001B）",
    ),
    "huge-figure": (target("9" * 1500), ":12:20:", "数字超过 100 位"),
    "scale-twice": (target("15万", "万人"), ":12:20:", "已带“万”或“亿”"),
    "foreign": ("root: x\ndaemon: y\n", "x.plan.yaml:", "这不是 planwriter 的计划或实绩文件"),
}


@pytest.mark.parametrize(("text", "place", "words"), CASES.values(), ids=CASES.keys())
def test_a_located_chinese_message(text: str, place: str, words: str) -> None:
    found = problems(text)
    assert any(place in p and words in p for p in found), found
    for p in found:
        said = re.sub("“[^”]*”", "", p.split("：", 1)[-1])  # the file's own text, quoted
        words = set(re.findall(r"[A-Za-z]{5,}", said)) - OUR_WORDS
        assert not words, p  # no English from libyaml, the OS or Python
        assert "Error" not in p and "“?”" not in p  # the real character, not a stand-in


def test_an_alias_bomb_as_a_key_is_refused_at_once() -> None:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    text = HEAD + "\n".join(lines) + "\n? *a9\n: 1\ndomains: []\n"
    found = problems(text)
    assert any("字段名应为文字" in p for p in found)
    assert all(len(p) < 300 for p in found)


def test_a_fmt_problem_names_its_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from planwriter import cli

    path = tmp_path / "2024.plan.yaml"
    path.write_text(HEAD + "domains: []\n")
    loaded = store.load_plan(path)
    with pytest.raises(InputError) as err:
        store.render(loaded.model, "a: [\n", normalise_quotes=True, name=str(path))
    assert str(err.value.problems[0]).startswith(f"{path}:")
    assert cli.main(["fmt", str(path)]) == 0
