"""`planwriter check` and `planwriter report` from the command line."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from paths import ROOT

from planwriter import store
from planwriter.linebreak import cells

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
RESULTS = ROOT / "plans" / "changzhou" / "2023.results.yaml"
PLAN_NAME = "plans/changzhou/2024.plan.yaml"


def run(*args: str, cwd: Path = ROOT, columns: int = 200) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": str(columns)}  # wrapping is display; most tests read words
    return subprocess.run(
        [sys.executable, "-m", "planwriter", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        env=env,
    )


def test_table_puts_errors_first_in_chinese_and_exits_1_on_errors() -> None:
    done = run("check", PLAN_NAME)
    assert done.returncode == 1, done.stderr
    out = done.stdout
    assert "对照 plans/changzhou/2023.results.yaml" in out
    rows = [line for line in out.splitlines() if line.startswith("│ ") and line[2:4].strip()]
    severities = [row.split("│")[1].strip() for row in rows]
    assert severities == sorted(severities, key=["错误", "警告", "提示"].index)
    assert severities[0] == "错误" and "低于上年" in rows[0] and "9." in rows[0]
    assert not re.search(r"[a-z]+-[a-z]+", out), "a rule's English code on screen"
    assert out.rstrip().endswith("错误 1 个，警告 2 个，提示 52 个")


def message_lines(out: str) -> list[str]:
    """The 说明 column of a check table, line by line."""
    return [line.split("│")[-2].strip() for line in out.splitlines() if line.count("│") >= 6]


def test_default_output_fits_one_screen_and_folds_dropped_metrics() -> None:
    done = run("check", PLAN_NAME, columns=80)
    lines = done.stdout.splitlines()
    assert len(lines) <= 40, done.stdout
    assert max(cells(line) for line in lines) <= 80
    wide = run("check", PLAN_NAME).stdout  # one line a row
    (folded,) = re.findall(r"上年有实绩、本年无目标的指标 (\d+) 个", wide)
    dropped = json.loads(run("check", PLAN_NAME, "--format", "json").stdout)["plans"][0]
    dropped = [p for p in dropped["problems"] if p["code"] == "dropped-metric"]
    # every one counted in the row, but those whose figure had a target last year, listed
    targeted = [r.metric for r in store.load_results(RESULTS).model.results if r.target]
    had_target = [p for p in dropped if any(f"：{m}（" in p["message"] for m in targeted)]
    assert int(folded) == len(dropped) - len(had_target) > 40
    assert "城市公益性骨灰安放（葬）设施服务覆盖率" in wide
    assert "低保标准" not in wide
    verbose = run("check", PLAN_NAME, "-v").stdout
    assert "低保标准" in verbose and "本年无目标的指标" not in verbose


def test_piped_table_breaks_lines_by_chinese_rules() -> None:
    """No line of a message starts with ，。 etc., and no figure is split from its digits
    or its unit (1 / 020元)."""
    out = run("check", PLAN_NAME, "-v", columns=80).stdout
    lines = message_lines(out)
    assert len(lines) > 60
    for line, following in itertools.pairwise(lines):
        assert not line or line[0] not in "，。、；：）」”", line
        assert not line or line[-1] not in "“（「", line
        if line and following:
            assert not (line[-1].isdigit() and following[0].isdigit()), (line, following)
            assert not (line[-1].isdigit() and following[0] in "元个人户家次"), (line, following)


def test_min_severity_in_chinese_or_english_and_the_summary_follows_it() -> None:
    for word in ("警告", "warning"):
        done = run("check", PLAN_NAME, "--min-severity", word)
        assert done.returncode == 1, done.stderr
        assert "提示" not in done.stdout
        assert done.stdout.rstrip().endswith("错误 1 个，警告 2 个")
    bad = run("check", PLAN_NAME, "--min-severity", "严重")
    assert bad.returncode == 2
    assert "错误、警告、提示" in bad.stderr and "用法：planwriter check" in bad.stderr


def test_json_is_stable_and_complete() -> None:
    done = run("check", PLAN_NAME, "--format", "json")
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert (data["format"], data["version"]) == ("planwriter-check", 1)
    (plan,) = data["plans"]
    assert plan["file"] == PLAN_NAME and plan["baseline"].endswith("2023.results.yaml")
    below = [
        p for p in plan["problems"] if p["code"] == "below-last-year" and p["severity"] == "error"
    ]
    assert len(below) == 1
    problem = below[0]
    assert set(problem) == {
        "code",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "domain",
        "task",
        "number",
    }
    assert (problem["number"], problem["task"], problem["domain"]) == (
        "9.",
        "home-care",
        "elderly-care",
    )
    assert problem["message"] == "目标低于上年实绩：居家养老上门服务人数 15万人 < 2023年 15.8万人"
    lines = PLAN.read_text(encoding="utf-8").splitlines()
    assert lines[problem["line"] - 1][problem["column"] - 1 :] == "15万"
    assert data["counts"] == plan["counts"] and plan["counts"]["error"] == 1


def test_github_annotations() -> None:
    done = run("check", PLAN_NAME, "--format", "github", "--min-severity", "warning")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"::error file={PLAN_NAME},line=")
    assert ",title=planwriter below-last-year::目标低于上年实绩" in lines[0]
    assert all(line.startswith(("::error", "::warning")) for line in lines)


def test_min_severity_filters_what_is_shown_not_the_exit_code() -> None:
    done = run("check", PLAN_NAME, "--format", "json", "--min-severity", "error")
    assert done.returncode == 1
    plan = json.loads(done.stdout)["plans"][0]
    assert [p["severity"] for p in plan["problems"]] == ["error"]
    assert plan["counts"]["warning"] == 2  # counts cover what the filter hides
    table = run("check", PLAN_NAME, "--min-severity", "error")
    assert table.stdout.rstrip().endswith("错误 1 个") and "超上年数倍" not in table.stdout


def copy_plan(folder: Path, results: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(PLAN, folder / PLAN.name)
    if results:
        shutil.copy(RESULTS, folder / RESULTS.name)
    return folder / PLAN.name


def test_missing_baseline_is_said_once_and_other_checks_run(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path, results=False)
    done = run("check", str(plan), "--format", "json")
    assert done.returncode == 0
    problems = json.loads(done.stdout)["plans"][0]["problems"]
    missing = [p for p in problems if p["code"] == "baseline"]
    assert len(missing) == 1
    assert missing[0]["message"] == (
        f"未找到上年实绩文件 {tmp_path / '2023.results.yaml'}，与上年比较的各项检查未运行"
    )
    assert json.loads(done.stdout)["plans"][0]["baseline"] is None


def test_baseline_from_another_bureau_is_a_warning(tmp_path: Path) -> None:
    other = tmp_path / "other.results.yaml"
    other.write_text(
        RESULTS.read_text(encoding="utf-8").replace("常州市民政局", "无锡市民政局"),
        encoding="utf-8",
    )
    done = run("check", PLAN_NAME, "--baseline", str(other))
    assert done.returncode == 1
    assert "上年实绩属于 无锡市民政局" in done.stdout


def test_explicit_missing_baseline_is_bad_input(tmp_path: Path) -> None:
    done = run("check", PLAN_NAME, "--baseline", str(tmp_path / "none.results.yaml"))
    assert done.returncode == 2 and "找不到文件" in done.stderr


def test_broken_results_file_is_bad_input_with_position(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    results = tmp_path / RESULTS.name
    text = results.read_text(encoding="utf-8").replace("value: 15.8万", "value: 十五点八万多点")
    results.write_text(text, encoding="utf-8")
    done = run("check", str(plan))
    assert done.returncode == 2
    assert f"{results}:" in done.stderr and "数值“十五点八万多点”无法识别" in done.stderr
    assert "Traceback" not in done.stderr


def test_invalid_plan_shows_its_validation_problems(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("title: 大力发展", "tittle: 大力发展"),
        encoding="utf-8",
    )
    done = run("check", str(plan))
    assert done.returncode == 2
    assert "未知字段“tittle”，是不是“title”？" in done.stderr


def test_many_plans_get_a_summary_with_totals(tmp_path: Path) -> None:
    copy_plan(tmp_path / "plans" / "a")
    copy_plan(tmp_path / "plans" / "b", results=False)
    done = run("check", "plans/**/*.plan.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert "plans/a/2024.plan.yaml" in done.stdout and "plans/b/2024.plan.yaml" in done.stdout
    assert "合计" in done.stdout


def test_config_switches_rules_and_sets_thresholds(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path / "plans" / "cz")
    (tmp_path / "planwriter.toml").write_text(
        '[check]\njump_factor = 5\n[check.rules]\nbelow-last-year = "warning"\n'
        "dropped-metric = false\n",
        encoding="utf-8",
    )
    done = run("check", str(plan), "--format", "json")
    assert done.returncode == 0, done.stdout
    codes = [p["code"] for p in json.loads(done.stdout)["plans"][0]["problems"]]
    assert "dropped-metric" not in codes and "jump" not in codes
    assert "below-last-year" in codes


@pytest.mark.parametrize(
    ("config", "place", "message"),
    [
        ("[check]\njump_factr = 5\n", "2:1", "未知设置“check.jump_factr”，是不是“jump_factor”？"),
        (
            "[check.rules]\nbelow-last-yr = false\n",
            "2:1",
            "未知检查规则“below-last-yr”，是不是“below-last-year”？",
        ),
        (
            '[check.rules]\njump = "loud"\n',
            "2:1",
            "设置“check.rules.jump”应为true、false 或 错误、警告、提示（也可写 error、warning、info）",
        ),
        ("[check]\n  jump_factor = 0.5\n", "2:3", "设置“check.jump_factor”应为大于 1 的数"),
        ("[check\n", "1:7", "TOML 格式错误：表头应以“]”结束"),
        ("[check]\njump_factor 3\n", "2:13", "TOML 格式错误：键后应有“=”"),
        ("[check]\njump_factor = 3\n[chek]\n", "3:1", "未知设置节“[chek]”，是不是“check”？"),
        ('[render]\ntemplate = "fancy"\n', "2:1", "设置“render.template”应为notice 或 plain"),
        ("[bureau]\nname = 5\n", "2:1", "设置“bureau.name”应为文字"),
    ],
)
def test_bad_config_names_file_line_and_key(
    tmp_path: Path, config: str, place: str, message: str
) -> None:
    plan = copy_plan(tmp_path)
    (tmp_path / "planwriter.toml").write_text(config, encoding="utf-8")
    done = run("check", str(plan))
    assert done.returncode == 2
    assert f"{tmp_path / 'planwriter.toml'}:{place}: " in done.stderr
    assert message in done.stderr


def test_config_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    (tmp_path / "planwriter.toml").write_bytes("[bureau]\nname = '常州'\n".encode("gb18030"))
    done = run("check", str(plan))
    assert done.returncode == 2 and "不是 UTF-8 编码的文本" in done.stderr


def test_list_rules() -> None:
    done = run("check", "--list-rules")
    assert done.returncode == 0
    for code in ("below-last-year", "text-drift", "notice-number", "baseline"):
        assert code in done.stdout


def test_check_without_plans_is_a_usage_error() -> None:
    done = run("check")
    assert done.returncode == 2 and "请给出计划文件" in done.stderr


def test_check_does_not_import_textual_or_docx() -> None:
    code = (
        "import sys\nfrom planwriter.cli import main\n"
        f"main(['check', {str(PLAN)!r}, '--format', 'json'])\n"
        "print('MODULES', *sorted({m.split('.')[0] for m in sys.modules}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    ).stdout
    modules = out.split("MODULES", 1)[1].split()
    assert "textual" not in modules and "docx" not in modules and "ruamel" not in modules


def test_report_needs_targets(tmp_path: Path) -> None:
    bare = tmp_path / "2023.results.yaml"
    bare.write_text(
        "planwriter: 1\nbureau: 某局\nyear: 2023\nresults:\n  - {metric: 床位数, value: 435}\n",
        encoding="utf-8",
    )
    done = run("report", str(bare))
    assert done.returncode == 2 and "没有带目标（target）的指标" in done.stderr
    done = run("render", str(bare), "-o", str(tmp_path / "r.docx"))
    assert done.returncode == 2 and "没有带目标（target）的指标" in done.stderr
    assert "--plan" not in done.stderr  # render has no such flag
    assert "2023.plan.yaml" in done.stderr


def test_the_bundled_example_reports_out_of_the_box(tmp_path: Path) -> None:
    done = run("report", str(RESULTS))
    assert done.returncode == 0, done.stderr
    assert "城市公益性骨灰安放（葬）设施服务覆盖率" in done.stdout
    done = run("render", str(RESULTS), "-o", str(tmp_path / "report.docx"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "report.docx").stat().st_size > 0


def test_report_with_last_plan_table_and_json(tmp_path: Path) -> None:
    done = run("report", str(RESULTS), "--plan", PLAN_NAME)
    assert done.returncode == 0
    assert "居家养老上门服务人数" in done.stdout and "105.3%" in done.stdout
    assert "是 2024 年的计划，实绩是 2023 年的" in done.stderr
    data = json.loads(run("report", str(RESULTS), "--plan", PLAN_NAME, "--format", "json").stdout)
    assert data["format"] == "planwriter-report"
    row = next(r for r in data["rows"] if r["metric"] == "居家养老上门服务人数")
    assert row == {
        "metric": "居家养老上门服务人数",
        "target": "15万人",
        "actual": "15.8万人",
        "op": ">=",
        "completion": 105.3,
        "met": True,
    }


def test_report_from_targets_in_the_results_file(tmp_path: Path) -> None:
    results = tmp_path / "2023.results.yaml"
    results.write_text(
        "planwriter: 1\nbureau: 某局\nyear: 2023\nresults:\n"
        "  - {metric: 床位数, value: 435, unit: 张, target: 500}\n"
        "  - {metric: 投诉件数, value: 80, unit: 件, target: 100以内}\n"
        "  - {metric: 覆盖率, value: 95%, target: 90%}\n",
        encoding="utf-8",
    )
    data = json.loads(run("report", str(results), "--format", "json").stdout)
    assert [(r["metric"], r["met"], r["completion"]) for r in data["rows"]] == [
        ("床位数", False, 87.0),
        ("投诉件数", True, None),
        ("覆盖率", True, 105.6),
    ]
    assert data["counts"] == {"met": 2, "missed": 1, "incomparable": 0}
