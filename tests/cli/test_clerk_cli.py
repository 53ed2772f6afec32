"""The command line as a clerk who reads no English meets it: help, errors and choices in
Chinese, each mistake named in terms of what was given."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from paths import ROOT

from planwriter.linebreak import cells

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
RESULTS = ROOT / "plans" / "changzhou" / "2023.results.yaml"
COMMANDS = ["validate", "show", "fmt", "new", "import", "check", "report", "render", "diff"]
COMMANDS += ["textconv", "edit"]


def run(*args: str, cwd: Path | None = None, columns: int = 80) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planwriter", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        check=False,
        env={**os.environ, "COLUMNS": str(columns)},
    )


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_has_no_english_of_argparse_and_lines_up(command: str | None) -> None:
    done = run(*([command] if command else []), "--help")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for english in ("usage:", "options", "positional arguments", "show this help", "{"):
        assert english not in out, english
    assert not re.search(r"^\S[^\n]*:$", out, re.MULTILINE), "a heading with an ASCII colon"
    assert "选项：" in out
    for line in out.splitlines():
        assert cells(line) <= 80, line
        assert not line.strip() or line.strip()[0] not in "，。、；：）", line
    help_columns = {
        cells(line) - cells(line.lstrip()[len(flag) :].lstrip())
        for line in out.splitlines()
        if (flag := line.strip().split("  ")[0]).startswith("--") and "  " in line.strip()
    }
    assert len(help_columns) <= 1, "the help column does not line up"


def test_a_mistyped_flag_gets_the_subcommands_usage_and_a_suggestion() -> None:
    done = run("check", "--frmat", "json", str(PLAN))
    assert done.returncode == 2
    assert done.stderr.startswith("用法：planwriter check")
    assert "无法识别的参数：--frmat（是不是 --format？）" in done.stderr
    render = run("render", str(PLAN), "--templte", "plain")
    assert render.returncode == 2 and render.stderr.startswith("用法：planwriter render")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["check", str(PLAN), "--format", "表格"], None),
        (
            ["check", str(PLAN), "--format", "xml"],
            "“xml”不是可用的输出格式，可用：表格（table）、json、github",
        ),
        (["check", str(PLAN), "--min-severity", "提示"], None),
        (["report", str(RESULTS), "--format", "表格"], None),
        (["diff", "--format", "文本", str(PLAN), str(PLAN)], None),
        (
            ["import", "plan2", "x.txt"],
            "“plan2”不是可用的类型，可用：计划（plan）、实绩（results）",
        ),
    ],
)
def test_choices_take_chinese_words_and_name_them(args: list[str], said: str | None) -> None:
    done = run(*args)
    if said is None:  # taken (what the command then finds is another matter)
        assert "用法：" not in done.stderr and "参数" not in done.stderr, done.stderr
    else:
        assert done.returncode == 2 and said in done.stderr
        assert "invalid choice" not in done.stderr and "choose from" not in done.stderr
