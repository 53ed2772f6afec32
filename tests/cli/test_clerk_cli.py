"""The command line as a clerk who reads no English meets it: help, errors and choices in
Chinese, each mistake named in terms of what was given."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
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


@pytest.fixture
def bureau(tmp_path: Path) -> Path:
    """A bureau's folder: plans/cz with the example plan and its results, and a Word file."""
    folder = tmp_path / "plans" / "cz"
    folder.mkdir(parents=True)
    for source in (PLAN, RESULTS):
        (folder / source.name).write_bytes(source.read_bytes())
    with zipfile.ZipFile(tmp_path / "2024工作要点.docx", "w") as docx:
        docx.writestr("word/document.xml", "<w:document/>")
    return tmp_path


def said(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    return done.stderr


def test_a_missing_file_is_named_with_the_one_meant(bureau: Path) -> None:
    err = said(run("check", "plans/cz/2024.plan.yml", cwd=bureau))
    assert "plans/cz/2024.plan.yml: 错误：找不到文件，是不是“2024.plan.yaml”？" in err


def test_a_directory_names_the_plans_in_it(bureau: Path) -> None:
    err = said(run("check", "plans/cz", cwd=bureau))
    assert "这是一个目录，不是文件；其中的计划：2024.plan.yaml（可写 plans/cz/*.plan.yaml）" in err


def test_results_given_to_check_is_said_as_such(bureau: Path) -> None:
    err = said(run("check", "plans/cz/2023.results.yaml", cwd=bureau))
    assert "这是实绩文件" in err and "--baseline plans/cz/2023.results.yaml" in err
    assert "未知字段" not in err and "缺少必填字段" not in err


def test_a_word_file_given_to_validate_points_to_import(bureau: Path) -> None:
    err = said(run("validate", "2024工作要点.docx", cwd=bureau))
    assert "这是 Word 文档" in err and "planwriter import plan 2024工作要点.docx" in err
    assert "UTF-8" not in err


def test_render_refuses_an_output_that_is_not_docx(bureau: Path) -> None:
    err = said(run("render", "plans/cz/2024.plan.yaml", "-o", "out/x.txt", cwd=bureau))
    assert "输出文件应以 .docx 结尾，这里是“.txt”" in err
    assert not (bureau / "out").exists()


def test_an_unknown_template_lists_the_valid_names(bureau: Path) -> None:
    err = said(run("render", "plans/cz/2024.plan.yaml", "--template", "fancy", cwd=bureau))
    assert "没有名为“fancy”的模板；可用：notice、plain、report" in err
    assert "annex_names" not in err  # a file the templates include, not one to print


def test_diff_names_the_missing_file_not_the_present_one(bureau: Path) -> None:
    err = said(run("diff", "plans/cz/2024.plan.yaml", "plans/cz/2025.plan.yaml", cwd=bureau))
    assert "plans/cz/2025.plan.yaml: 错误：找不到文件" in err
    assert "git" not in err and "2024.plan.yaml: " not in err


def test_fmt_expands_a_quoted_glob_as_check_does(bureau: Path) -> None:
    done = run("fmt", "--check", "plans/**/*.yaml", cwd=bureau)
    assert done.returncode == 0, done.stderr
    assert "plans/cz/2024.plan.yaml" in done.stdout and "plans/cz/2023.results.yaml" in done.stdout


def test_new_takes_the_bureau_from_plans_when_it_holds_one(bureau: Path) -> None:
    done = run("new", "--year", "2025", cwd=bureau)
    assert done.returncode == 0, done.stderr
    created = bureau / "plans" / "cz" / "2025.plan.yaml"
    assert "bureau: 常州市民政局" in created.read_text(encoding="utf-8")
    other = bureau / "plans" / "wx"
    other.mkdir()
    (other / "2024.plan.yaml").write_text(
        PLAN.read_text(encoding="utf-8").replace("常州市民政局", "无锡市民政局"), encoding="utf-8"
    )
    assert "--bureau" in said(run("new", "--year", "2026", cwd=bureau))


def test_textconv_has_no_english_words() -> None:
    done = run("textconv", str(RESULTS))
    assert done.returncode == 0
    assert not re.search(r"\b(flow|stock|rate)\b", done.stdout)


def test_many_plans_are_summarised_in_the_order_a_person_counts(tmp_path: Path) -> None:
    for name in ("c1", "c2", "c10", "c11"):
        folder = tmp_path / "plans" / name
        folder.mkdir(parents=True)
        (folder / PLAN.name).write_bytes(PLAN.read_bytes())
    done = run("check", "plans/**/*.plan.yaml", cwd=tmp_path, columns=120)
    order = re.findall(r"plans/(c\d+)/2024\.plan\.yaml\s*│", done.stdout)
    assert order[-4:] == ["c1", "c2", "c10", "c11"], done.stdout[-800:]
