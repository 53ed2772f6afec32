"""`planwriter import` from the command line: output, summary, refusals; nothing written on error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from paths import FIXTURES as TEST_FIXTURES
from paths import ROOT, SAMPLES, needs_samples

from planwriter import store

FIXTURES = TEST_FIXTURES / "import"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planwriter", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        check=False,
        env={**os.environ, "COLUMNS": "200"},
    )


def test_without_output_the_yaml_goes_to_stdout_and_the_summary_to_stderr() -> None:
    done = run("import", "plan", str(FIXTURES / "three-level.txt"))
    assert done.returncode == 0, done.stderr
    plan, _ = store.parse(done.stdout, "stdout.plan.yaml", is_results=False)
    assert plan.title == "某某县民政局2024年工作要点"
    assert done.stderr.splitlines()[0] == (
        "已导入：3 个领域，5 个节，10 项任务，14 个目标；跳过网页杂项 0 行"
    )
    assert "已导入" not in done.stdout


@needs_samples
def test_both_samples_through_the_command_line(tmp_path: Path) -> None:
    plan, results = tmp_path / "2024.plan.yaml", tmp_path / "2023.results.yaml"
    done = run("import", "results", str(SAMPLES / "changzhou-2023-report.txt"), "-o", str(results))
    assert done.returncode == 0, done.stderr
    assert "已导入：58 项实绩" in done.stderr and f"已写入：{results}" in done.stderr
    done = run(
        "import",
        "plan",
        str(SAMPLES / "changzhou-2024-workpoints.txt"),
        "-o",
        str(plan),
        "--like",
        str(results),
        "--verbose",
    )
    assert done.returncode == 0, done.stderr
    assert "已导入：10 个领域，0 个节，34 项任务，21 个目标；跳过网页杂项 3 行" in done.stderr
    assert "  跳过 第 1 行（网页杂项）：浏览次数：" in done.stderr
    assert "  跳过 第 54 行（网页杂项）：扫一扫在手机打开当前页" in done.stderr
    assert f"沿用 {results} 中的指标名称" in done.stderr
    assert "  指标“社区老年助餐点新增数”改用“老年助餐点新增数”" in done.stderr
    done = run("validate", str(plan), str(results))
    assert done.returncode == 0, done.stdout + done.stderr
    assert run("fmt", "--check", str(plan), str(results)).returncode == 0
    shown = run("show", str(plan))
    assert shown.returncode == 0
    assert (
        "9.大力发展居家和社区养老服务" in shown.stdout and "34.做好信访及稳定工作" in shown.stdout
    )


def test_an_existing_output_is_not_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "x.plan.yaml"
    out.write_text("旧内容\n", encoding="utf-8")
    done = run("import", "plan", str(FIXTURES / "unnumbered.txt"), "-o", str(out))
    assert done.returncode == 2
    assert "已存在，未覆盖；如需覆盖请加 --force" in done.stderr
    assert out.read_text(encoding="utf-8") == "旧内容\n"
    done = run("import", "plan", str(FIXTURES / "unnumbered.txt"), "-o", str(out), "--force")
    assert done.returncode == 0, done.stderr
    assert store.load(out).model.title == "某某区民政局2024年工作计划"


def test_a_mixed_report_says_what_it_left_out(tmp_path: Path) -> None:
    out = tmp_path / "2023.results.yaml"
    done = run("import", "results", str(FIXTURES / "mixed-report.txt"), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert (
        "未导入：第 10 行至第 13 行“三、2024年工作计划”（工作计划），本次导入的是工作总结（实绩）"
        in (done.stderr)
    )
    assert run("validate", str(out)).returncode == 0


def test_year_and_bureau_can_be_given(tmp_path: Path) -> None:
    source = tmp_path / "plain.txt"
    source.write_text(
        "工作要点\n一、社会救助\n1.提高标准。低保标准提高到每人每月900元。\n", encoding="utf-8"
    )
    done = run("import", "plan", str(source))
    assert done.returncode == 2 and "无法从文中确定年度，请用 --year 指定" in done.stderr
    done = run("import", "plan", str(source), "--year", "2025")
    assert done.returncode == 2 and "无法从文中确定单位名称，请用 --bureau 指定" in done.stderr
    done = run("import", "plan", str(source), "--year", "2025", "--bureau", "某县民政局")
    assert done.returncode == 0, done.stderr
    plan, _ = store.parse(done.stdout, "p.plan.yaml", is_results=False)
    assert (plan.year, plan.bureau, plan.title) == (2025, "某县民政局", "工作要点")
    assert run("import", "plan", str(source), "--year", "明年").returncode == 2


BAD = {
    "empty.txt": (b"", "文件是空的"),
    "blank.txt": (" \n\u3000\n".encode(), "文件是空的"),
    "binary.txt": (bytes(range(256)) * 8, "这不是文本文件，也不是能读的文档"),
    "fake.docx": ("这不是 Word 文档".encode(), "不是有效的 Word 文档：.docx 文件应为 zip 格式"),
    "old.doc": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200,
        "另存为 .docx",  # LibreOffice cannot convert it, or is not there to try
    ),
    "scan.pdf": (b"%PDF-1.7\n" + b"\x00\x01" * 50, "PDF 文件无法读取"),
    "prose.txt": (
        "今天天气很好，我们去公园散步。\n晚上一起吃饭。\n".encode(),
        "没有找到可识别的工作要点结构",
    ),
    "debris.txt": (
        "浏览次数:\n下载本信息公开文件\n扫一扫在手机打开当前页\n".encode(),
        "除网页杂项外没有正文",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
@pytest.mark.parametrize("kind", ["plan", "results"])
def test_bad_input_is_refused_in_chinese_and_nothing_is_written(
    tmp_path: Path, name: str, kind: str
) -> None:
    data, message = BAD[name]
    if name == "prose.txt" and kind == "results":
        message = "没有找到可作为实绩的数字"
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / f"out.{kind}.yaml"
    done = run("import", kind, str(source), "-o", str(out))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert f"{source}" in done.stderr and "错误：" in done.stderr
    assert message in done.stderr
    assert "文件未作任何改动" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    assert done.stdout == ""


def test_a_broken_docx_and_a_missing_file(tmp_path: Path) -> None:
    import zipfile

    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("word/document.xml", "<not-xml")
    done = run("import", "plan", str(broken))
    assert done.returncode == 2 and "Word 文档已损坏，无法读取" in done.stderr
    done = run("import", "plan", str(tmp_path / "none.txt"))
    assert done.returncode == 2 and "找不到文件" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_plan_imported_as_results_is_refused(tmp_path: Path) -> None:
    done = run("import", "results", str(FIXTURES / "three-level.txt"))
    assert done.returncode == 2
    assert "文中没有工作总结（实绩）部分（只找到：工作计划）" in done.stderr


def test_a_bad_like_file_is_refused(tmp_path: Path) -> None:
    like = tmp_path / "bad.results.yaml"
    like.write_text("planwriter: 1\nbureau: [\n", encoding="utf-8")
    out = tmp_path / "x.plan.yaml"
    done = run(
        "import", "plan", str(FIXTURES / "three-level.txt"), "--like", str(like), "-o", str(out)
    )
    assert done.returncode == 2 and f"{like}:" in done.stderr
    assert not out.exists()


def test_usage_errors_and_help_are_chinese() -> None:
    done = run("import", "plans", str(FIXTURES / "three-level.txt"))
    assert done.returncode == 2 and "“plans”不是可用的类型" in done.stderr
    done = run("import", "--help")
    assert done.returncode == 0
    assert (
        "导入为：计划（plan）、实绩（results）、分解表（progress）" in done.stdout
        and "--like" in done.stdout
    )
