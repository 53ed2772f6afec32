"""The command line: Chinese text, exit codes 0/1/2, no traceback, nothing changed on bad input."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from paths import ROOT

from planwriter import cli, store

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
RESULTS = ROOT / "plans" / "changzhou" / "2023.results.yaml"
HEAD = "planwriter: 1\nbureau: 某市民政局\nyear: 2024\ntitle: 2024年工作要点\n"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planwriter", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        check=False,
    )


def test_show_prints_the_numbered_outline() -> None:
    done = run("show", str(PLAN))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "2024年全市民政工作要点" in out
    assert "一、始终保持民政事业发展的正确政治方向" in out
    assert "十、更好统筹发展和安全" in out
    assert "1.深学细悟党的创新理论" in out
    assert "34.做好信访及稳定工作" in out
    assert "9.大力发展居家和社区养老服务" in out
    assert "居家养老上门服务人数 不少于 15万人（总量）" in out
    assert "10 个领域，34 项任务" in out


def test_validate_reports_counts_for_plan_and_results() -> None:
    done = run("validate", str(PLAN), str(RESULTS))
    assert done.returncode == 0, done.stderr
    assert "格式正确（10 个领域，34 项任务" in done.stdout
    assert "格式正确（2023 年实绩" in done.stdout


BAD_INPUTS = {
    "syntax": HEAD + "domains:\n  - title: [未闭合\n",
    "tabs": HEAD + "domains:\n\t- title: 领域\n",
    "no-title": HEAD + "domains:\n  - id: d\n    title: 领域\n    tasks:\n      - text: 正文\n",
    "vague-value": HEAD + "domains:\n  - title: 领域\n    tasks:\n      - title: 任务\n"
    "        targets:\n          - metric: 人数\n            value: 十五万多\n",
    "chinese-year": HEAD.replace("year: 2024", 'year: "二〇二四"') + "domains: []\n",
    "unknown-key": HEAD + "domains:\n  - title: 领域\n    tasks:\n      - tittle: 任务\n",
    "duplicate-id": HEAD + "domains:\n  - id: x\n    title: 甲\n  - id: x\n    title: 乙\n",
    "empty": "",
}


@pytest.mark.parametrize("command", ["validate", "show", "fmt"])
@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_exits_2_with_location_and_changes_nothing(
    tmp_path: Path, command: str, case: str
) -> None:
    path = tmp_path / "bad.plan.yaml"
    path.write_text(BAD_INPUTS[case], encoding="utf-8")
    before = path.read_bytes()
    done = run(command, str(path))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert f"{path}:" in done.stderr  # file:line:col
    assert "错误：" in done.stderr
    assert "文件未作任何改动" in done.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.plan.yaml"]


def test_non_utf8_and_huge_files(tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.plan.yaml"
    gbk.write_bytes((HEAD + "domains: []\n").encode("gbk"))
    big = tmp_path / "big.plan.yaml"
    big.write_bytes(b"a: 1\n" * (2 * 1024 * 1024))
    done = run("validate", str(gbk), str(big))
    assert done.returncode == 2
    assert f"{gbk}:2:9: 错误：文件不是 UTF-8 编码" in done.stderr
    assert f"{big}: 错误：文件过大（10.0 MB）" in done.stderr
    assert "Traceback" not in done.stderr


def test_usage_errors_are_chinese_and_exit_2() -> None:
    done = run("validate")
    assert done.returncode == 2
    assert "用法：" in done.stderr and "缺少参数" in done.stderr
    done = run("bogus")
    assert done.returncode == 2 and "无效的选择" in done.stderr
    done = run()
    assert done.returncode == 2 and "请给出命令" in done.stderr


def test_help_is_chinese() -> None:
    done = run("--help")
    assert done.returncode == 0
    assert "用法：planwriter" in done.stdout
    for command in ("validate", "show", "fmt", "new"):
        assert command in done.stdout
    assert "显示帮助并退出" in done.stdout
    done = run("fmt", "--help")
    assert "只检查不改写" in done.stdout


def test_fmt_is_idempotent_and_check_reports(tmp_path: Path) -> None:
    path = tmp_path / "messy.plan.yaml"
    path.write_text(
        HEAD + 'domains:\n- title: "领域"\n  tasks:\n  - title: 任务\n'
        "    targets:\n    - metric: 人数\n      value: '15万'\n      unit: 人\n",
        encoding="utf-8",
    )
    assert run("fmt", "--check", str(path)).returncode == 1
    done = run("fmt", str(path))
    assert done.returncode == 0 and "已整理" in done.stdout
    once = path.read_text(encoding="utf-8")
    assert "  - id: d-" in once and "      - id: t-" in once
    assert "            value: 15万\n" in once
    done = run("fmt", "--check", str(path))
    assert done.returncode == 0 and "无需整理" in done.stdout
    assert run("fmt", str(path)).returncode == 0
    assert path.read_text(encoding="utf-8") == once


def test_fmt_keeps_the_example_plan_unchanged() -> None:
    done = run("fmt", "--check", str(PLAN), str(RESULTS))
    assert done.returncode == 0, done.stdout + done.stderr


def test_new_carries_domains_over_from_last_year(tmp_path: Path) -> None:
    plans = tmp_path / "plans" / "changzhou"
    plans.mkdir(parents=True)
    shutil.copy(PLAN, plans / PLAN.name)
    done = run("new", "--bureau", "常州市民政局", "--year", "2025", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    created = plans / "2025.plan.yaml"
    assert "已创建" in done.stdout and created.exists()
    plan = store.load_plan(created).model
    old = store.load_plan(PLAN).model
    assert plan.year == 2025 and plan.title == "2025年全市民政工作要点"
    assert [d.title for d in plan.domains] == [d.title for d in old.domains]
    assert [d.id for d in plan.domains] == [d.id for d in old.domains]
    assert not list(plan.tasks())
    assert plan.notice is not None and old.notice is not None
    assert plan.notice.recipients == old.notice.recipients
    assert plan.notice.date is None
    assert plan.notice.body == old.notice.body.replace("2024", "2025")
    again = run("new", "--bureau", "常州市民政局", "--year", "2025", cwd=tmp_path)
    assert again.returncode == 2 and "已存在" in again.stderr


def test_new_without_a_previous_plan_writes_a_valid_skeleton(tmp_path: Path) -> None:
    out = tmp_path / "x.plan.yaml"
    done = run("new", "--bureau", "某县民政局", "--year", "2025", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "最小骨架" in done.stdout
    plan = store.load_plan(out).model
    assert (plan.bureau, plan.year, plan.domains) == ("某县民政局", 2025, [])
    assert run("validate", str(out)).returncode == 0
    assert run("new", "--bureau", "某县民政局", "--year", "二〇二五", cwd=tmp_path).returncode == 2


def test_new_takes_the_bureau_and_its_notice_from_planwriter_toml(tmp_path: Path) -> None:
    (tmp_path / "planwriter.toml").write_text(
        '[bureau]\nname = "某县民政局"\nrecipients = "各乡镇人民政府，县各有关单位"\n'
        'remark = "此件公开发布"\ncc = "县委办公室"\nprinter = "某县民政局办公室"\n',
        encoding="utf-8",
    )
    done = run("new", "--year", "2025", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    plan = store.load_plan(tmp_path / "plans" / "某县民政局" / "2025.plan.yaml").model
    assert plan.bureau == "某县民政局" and plan.notice is not None
    notice = plan.notice
    assert (notice.recipients, notice.remark, notice.cc, notice.printer) == (
        "各乡镇人民政府，县各有关单位",
        "此件公开发布",
        "县委办公室",
        "某县民政局办公室",
    )
    other = run("new", "--bureau", "另一县民政局", "--year", "2025", cwd=tmp_path)
    assert other.returncode == 0, other.stderr
    assert (
        store.load_plan(tmp_path / "plans/另一县民政局/2025.plan.yaml").model.bureau
        == "另一县民政局"
    )


def test_new_without_a_bureau_anywhere_says_where_to_give_one(tmp_path: Path) -> None:
    done = run("new", "--year", "2025", cwd=tmp_path)
    assert done.returncode == 2
    assert "请用 --bureau 给出单位名称，或在 planwriter.toml 的 [bureau] 中写明 name" in done.stderr
    assert not (tmp_path / "plans").exists()


def test_main_in_process_returns_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["validate", str(PLAN)]) == 0
    assert "格式正确" in capsys.readouterr().out


def test_show_lists_a_results_file() -> None:
    done = run("show", str(RESULTS))
    assert done.returncode == 0, done.stderr
    assert "居家养老上门服务人数" in done.stdout and "15.8万人" in done.stdout
    assert "共 58 项实绩" in done.stdout


@pytest.mark.parametrize("command", ["check", "render", "new"])
def test_every_command_refuses_a_misspelt_check_key(tmp_path: Path, command: str) -> None:
    """planwriter.toml is checked whole by whichever command reads it: [check] too."""
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLAN, plans / PLAN.name)
    (tmp_path / "planwriter.toml").write_text("[check]\njump_factr = 3\n", encoding="utf-8")
    args = {
        "check": ["check", str(plans / PLAN.name)],
        "render": ["render", str(plans / PLAN.name), "-o", str(tmp_path / "out.docx")],
        "new": ["new", "--year", "2025", "--plans-dir", str(plans)],
    }[command]
    done = run(*args, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert f"{tmp_path / 'planwriter.toml'}:2:1: " in done.stderr
    assert "未知设置“check.jump_factr”，是不是“jump_factor”？" in done.stderr
    assert sorted(p.name for p in plans.iterdir()) == [PLAN.name]
    assert not (tmp_path / "out.docx").exists()
