"""The 进展情况通报 and its charts, read back from the .docx: the text, the table by domain,
the lagging targets with their 牵头单位, and a native Word chart (DrawingML part, embedded
workbook, relationships, content types) that validates."""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import docx
import pytest
from paths import FIXTURES, ROOT

from planwriter import store
from planwriter.render.blocks import Chart
from planwriter.render.chart import wrap_label
from planwriter.render.command import render_one

SMALL = FIXTURES / "progress"
CHANGZHOU = ROOT / "plans" / "changzhou"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def render(plan: Path, out: Path, template: str, as_of: str | None = None) -> Path:
    args = argparse.Namespace(
        template=template, profile=None, pdf=False, output=str(out), as_of=as_of
    )
    return render_one(plan, args, many=False).docx


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("small")
    for name in ("2024.plan.yaml", "2023.results.yaml", "2024.progress.yaml"):
        shutil.copy(SMALL / name, folder / name)
    # meals short of 80 on its due date: lagging, past due
    text = (folder / "2024.progress.yaml").read_text(encoding="utf-8")
    (folder / "2024.progress.yaml").write_text(
        text.replace("value: 80\n", "value: 30\n"), encoding="utf-8"
    )
    return render(folder / "2024.plan.yaml", folder / "out.docx", "progress", "2024-06-30")


def texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def chart_xml(path: Path, number: int = 1) -> ET.Element:
    with zipfile.ZipFile(path) as package:
        return ET.fromstring(package.read(f"word/charts/chart{number}.xml"))


def test_summary_counts_and_title(small: Path) -> None:
    paragraphs = texts(small)
    assert paragraphs[0].replace("\n", "") == "某市民政局关于《2024年工作要点》上半年推进情况的通报"
    summary = next(p for p in paragraphs if p.startswith("对照《2024年工作要点》"))
    assert (
        "确定的4项量化目标，截至2024年6月30日，已完成0项、进度正常2项、滞后1项、未报送1项"
        in summary
    )


def test_a_heading_and_a_table_per_domain(small: Path) -> None:
    paragraphs = texts(small)
    assert "一、养老服务" in paragraphs and "二、安全" in paragraphs
    tables = docx.Document(str(small)).tables
    assert len(tables) == 2
    header = [c.text for c in tables[0].rows[0].cells]
    assert header == ["指标", "目标", "已达", "完成进度", "时间进度", "状态"]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in tables[0].rows[1:]}
    assert rows["助餐点新增数"] == ["助餐点新增数", "80个", "30个", "37.5%", "100%", "滞后"]
    assert rows["养老机构等级评定通过率"][4:] == ["49.7%", "进度正常"]
    assert rows["护理型床位占比"][3:] == ["—", "49.7%", "未报送"]
    assert [c.text for c in tables[1].rows[1].cells] == [
        "安全事故数",
        "3起",
        "1起",
        "—",
        "49.7%",
        "进度正常",
    ]


def test_lagging_items_named_with_their_lead(small: Path) -> None:
    paragraphs = texts(small)
    assert "三、需要加快推进的事项" in paragraphs
    item = next(p for p in paragraphs if p.startswith("（一）"))
    assert item.startswith("（一）助餐点新增数（牵头单位：养老服务处）。目标80个，已达30个")
    assert "已过完成时限（2024年6月底前）" in item
    assert "新增助餐点30个" not in item  # the note as written in the fixture
    assert sum(p.startswith("（二）") for p in paragraphs) == 0


def test_a_native_chart_per_domain_with_its_parts(small: Path) -> None:
    with zipfile.ZipFile(small) as package:
        names = set(package.namelist())
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
        body = package.read("word/document.xml").decode()
        chart_rels = package.read("word/charts/_rels/chart1.xml.rels").decode()
        book = package.read("word/embeddings/Microsoft_Excel_Worksheet1.xlsx")
    # the safety domain's only target is a ceiling held: no completion, so no chart
    assert {n for n in names if n.startswith("word/charts/chart")} == {"word/charts/chart1.xml"}
    assert (
        '<Override PartName="/word/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>'
        in types
    )
    assert (
        '<Override PartName="/word/embeddings/Microsoft_Excel_Worksheet1.xlsx" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>'
    ) in types
    assert 'Target="charts/chart1.xml"' in rels
    assert 'r:id="rIdChart1"' in body and "<wp:inline" in body
    assert "../embeddings/Microsoft_Excel_Worksheet1.xlsx" in chart_rels
    root = chart_xml(small)
    series = root.findall(f".//{C}ser")
    assert [s.find(f"{C}tx//{C}v").text for s in series] == ["完成进度", "时间进度"]
    categories = [v.text for v in series[0].findall(f"{C}cat//{C}pt/{C}v")]
    assert categories == ["助餐点新增数", "养老机构等级评定通过率"]
    completion = [v.text for v in series[0].findall(f"{C}val//{C}pt/{C}v")]
    elapsed = [v.text for v in series[1].findall(f"{C}val//{C}pt/{C}v")]
    assert (completion, elapsed) == (["37.5", "60"], ["100", "49.7"])
    # Chinese labels in the document's fonts: 仿宋 for the labels, 黑体 for the title
    faces = {e.get("typeface") for e in root.iter(f"{A}ea")}
    assert faces == {"仿宋_GB2312", "黑体"}
    # the workbook behind 编辑数据 holds the same figures
    with zipfile.ZipFile(io.BytesIO(book)) as workbook:
        sheet = workbook.read("xl/worksheets/sheet1.xml").decode()
        strings = workbook.read("xl/sharedStrings.xml").decode()
    assert "<v>37.5</v>" in sheet and "<v>49.7</v>" in sheet
    assert "助餐点新增数" in strings and "完成进度" in strings


def test_the_chart_parts_are_schema_valid(small: Path, tmp_path: Path) -> None:
    from openxml_audit import OpenXmlValidator

    found = OpenXmlValidator().validate(str(small))
    assert [str(e) for e in found.errors] == []  # the whole package, its charts included
    with zipfile.ZipFile(small) as package:
        book = tmp_path / "book.xlsx"
        book.write_bytes(package.read("word/embeddings/Microsoft_Excel_Worksheet1.xlsx"))
    assert [str(e) for e in OpenXmlValidator().validate(str(book)).errors] == []


def test_the_report_has_a_completion_chart_per_domain(tmp_path: Path) -> None:
    for name in ("2024.plan.yaml", "2024.progress.yaml"):
        shutil.copy(CHANGZHOU / name, tmp_path / name)
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "planwriter",
            "results",
            "2024.plan.yaml",
            "-o",
            "2024.results.yaml",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    out = render(tmp_path / "2024.results.yaml", tmp_path / "report.docx", "report")
    with zipfile.ZipFile(out) as package:
        charts = sorted(n for n in package.namelist() if n.startswith("word/charts/chart"))
    assert len(charts) == 5  # the domains of 2024's plan with a target reported
    root = chart_xml(out)
    assert root.find(f".//{C}title//{A}t").text == "推动老龄事业和养老服务高质量发展"
    assert [s.find(f"{C}tx//{C}v").text for s in root.findall(f".//{C}ser")] == ["完成率"]
    assert root.find(f".//{C}legend") is None


def test_other_templates_have_no_chart(tmp_path: Path) -> None:
    out = render(CHANGZHOU / "2024.plan.yaml", tmp_path / "plan.docx", "plain")
    with zipfile.ZipFile(out) as package:
        assert not [n for n in package.namelist() if "chart" in n or "embeddings" in n]
        assert "xlsx" not in package.read("[Content_Types].xml").decode()


def test_chart_code_is_imported_only_when_a_chart_is_drawn(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from planwriter import cli\n"
        "cli.main(sys.argv[1:])\n"
        "print('chart' if 'planwriter.render.chart' in sys.modules else 'none')\n"
    )
    plan = str(CHANGZHOU / "2024.plan.yaml")
    cases = {
        ("render", plan, "--template", "plain", "-o", str(tmp_path / "a.docx")): "none",
        ("check", plan, "--format", "json"): "none",
        ("render", plan, "--template", "progress", "-o", str(tmp_path / "b.docx")): "chart",
    }
    for argv, expected in cases.items():
        done = subprocess.run(
            [sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=False
        )
        assert done.stdout.strip().splitlines()[-1] == expected, (argv, done.stderr)
    # the editor's start: neither the charts nor progress tracking (loaded for a plan that
    # has a progress file, when a task is shown)
    editor = (
        "import sys\n"
        "import planwriter.tui.app, planwriter.tui.editor\n"
        "print(sorted(m for m in ('planwriter.render.chart', 'planwriter.tracking') "
        "if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", editor], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "text,lines",
    [
        ("助餐点新增数", ["助餐点新增数"]),
        (
            "镇（街道）综合性养老服务中心新建和提升改造数",
            ["镇（街道）综合性养老服", "务中心新建和提升改造数"],
        ),
        ("老年人智能技术专项普及培训人次", ["老年人智能技术专", "项普及培训人次"]),
        ("每个镇（街道）社区服务综合体数", ["每个镇（街道）社", "区服务综合体数"]),
        ("养老服务中心（站）建设数量统计", ["养老服务中心（站）", "建设数量统计"]),  # ） stays up
    ],
)
def test_long_labels_wrap_evenly(text: str, lines: list[str]) -> None:
    assert wrap_label(text).split("\n") == lines


def test_chart_height_grows_with_its_bars() -> None:
    from planwriter.render.chart import height_mm

    one = Chart("t", ["a"], [("s", [1.0])])
    eight = Chart("t", list("abcdefgh"), [("s", [1.0] * 8), ("u", [2.0] * 8)])
    assert height_mm(one) < height_mm(eight) <= 210


def test_the_example_progress_file_is_marked_and_valid() -> None:
    text = (CHANGZHOU / "2024.progress.yaml").read_text(encoding="utf-8")
    assert text.startswith("# 示例文件") and "虚构" in text
    progress = store.load_progress(CHANGZHOU / "2024.progress.yaml").model
    assert [r.as_of.isoformat() for r in progress.reports] == ["2024-03-31", "2024-06-30"]


def test_a_tasks_own_progress_is_said_under_its_domain(tmp_path: Path) -> None:
    out = render(CHANGZHOU / "2024.plan.yaml", tmp_path / "t.docx", "progress", "2024-06-30")
    paragraphs = texts(out)
    # 一、 has no targets: it is in the 通报 for its task's own 进展情况 alone, with no table
    first = paragraphs.index("一、始终保持民政事业发展的正确政治方向")
    assert paragraphs[first + 1] == (
        "1.深学细悟党的创新理论。开展党的创新理论专题学习12次，组织青年理论学习小组交流4次（示例）"
    )
    assert paragraphs[first + 2] == "二、推动老龄事业和养老服务高质量发展"
    assert any(
        p.startswith("8.加强工作统筹和政策创制。《常州市居家养老服务条例》") for p in paragraphs
    )
    assert len(docx.Document(str(out)).tables) == 5  # the five domains with targets
