"""The 任务分解表 as a GB/T 9704 附件: a landscape section, merged domain rows, the header
repeated, short rows kept whole and long ones free to break; alone (--template breakdown) or after the notice's plan."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from paths import ROOT

from planwriter import model, store
from planwriter.problems import InputError
from planwriter.render import default_output, render_plan
from planwriter.render.annex import page_box
from planwriter.render.pdf import libreoffice_available
from planwriter.render.profile import load_profile

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
HEADER = ["序号", "重点任务", "目标与举措", "牵头单位", "责任单位", "完成时限"]
TOOLS = libreoffice_available() and shutil.which("pdftotext") is not None


def plan_with_who_and_when() -> model.Plan:
    plan = store.load_plan(PLAN).model
    tasks = {task.id: task for task in plan.tasks()}
    tasks["home-care"].lead = "养老服务处"
    tasks["home-care"].partners = ["社会救助处", "各辖市区民政局"]
    tasks["home-care"].due = "2024年6月底前"
    tasks["home-care"].targets[0].due = "三季度"
    return plan


@pytest.fixture(scope="module")
def alone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("breakdown") / "bd.docx"
    render_plan(plan_with_who_and_when(), out, template="breakdown")
    return out


def body_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")


def cell_texts(row) -> list[str]:
    return ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in row.iter(qn("w:tc"))]


def test_the_section_is_landscape_with_the_type_area_turned(alone: Path) -> None:
    document = docx.Document(str(alone))
    (section,) = document.sections
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((297, 210), abs=0.1)
    # the 订口 (portrait left, 28 mm) on top, the 天头 (37 mm) on the right: 225 × 156 mm
    margins = [section.top_margin.mm, section.right_margin.mm]
    margins += [section.bottom_margin.mm, section.left_margin.mm]
    assert margins == pytest.approx([28, 37, 26, 35], abs=0.1)
    assert section.page_width.mm - section.left_margin.mm - section.right_margin.mm == (
        pytest.approx(225, abs=0.1)
    )


def test_page_box_turns_the_profile_page() -> None:
    page = load_profile().page
    assert page_box(page, landscape=False) == (
        210,
        297,
        {"top": 37, "right": 26, "bottom": 35, "left": 28},
    )
    assert page_box(page, landscape=True) == (
        297,
        210,
        {"top": 28, "right": 37, "bottom": 26, "left": 35},
    )


def test_annex_label_and_title(alone: Path) -> None:
    document = docx.Document(str(alone))
    label, blank, title = document.paragraphs[:3]
    assert label.text == "附件" and label.style.style_id == "PWAnnexLabel"
    fonts = label.style.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "黑体"
    assert label.style.element.rPr.find(qn("w:sz")).get(qn("w:val")) == "32"  # 3号 = 16 pt
    assert blank.text == ""
    assert title.text == "2024年全市民政工作要点任务分解表" and title.style.style_id == "Title"


def test_one_row_per_task_numbered_as_in_the_plan_and_a_merged_row_per_domain(alone: Path) -> None:
    plan = plan_with_who_and_when()
    (table,) = docx.Document(str(alone)).tables
    rows = table._tbl.findall(qn("w:tr"))
    assert cell_texts(rows[0]) == HEADER
    spans = [r for r in rows if r.find(f".//{qn('w:gridSpan')}") is not None]
    assert [cell_texts(r) for r in spans] == [
        [f"{d_label}{d.title}"]
        for d_label, d in zip(
            [model.domain_label(i) for i in range(len(plan.domains))], plan.domains, strict=True
        )
    ]
    assert all(r.find(f".//{qn('w:gridSpan')}").get(qn("w:val")) == "6" for r in spans)
    task_rows = [cell_texts(r) for r in rows[1:] if r not in spans]
    assert [row[0] for row in task_rows] == [str(n) for n in range(1, 35)]
    home_care = next(row for row in task_rows if row[1] == "大力发展居家和社区养老服务")
    assert home_care[0] == "9"
    assert home_care[3:] == [
        "养老服务处",
        "社会救助处、各辖市区民政局",
        "2024年6月底前居家养老上门服务人数：三季度",
    ]


def kept_whole(row) -> bool:
    return row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None


def test_the_header_repeats_and_short_rows_are_kept_whole(tmp_path: Path) -> None:
    plan = plan_with_who_and_when()
    next(plan.tasks()).text = "建成10个示范点。"
    render_plan(plan, tmp_path / "short.docx", template="breakdown")
    rows = docx.Document(str(tmp_path / "short.docx")).tables[0]._tbl.findall(qn("w:tr"))
    assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None for r in rows[1:])
    assert kept_whole(rows[0]) and kept_whole(rows[1])  # the header and the first domain
    tasks = [r for r in rows if cell_texts(r)[0].isdigit()]
    lines = {cell_texts(r)[0]: len(cell_texts(r)[2]) / 20 for r in tasks}  # ≈ 20 字 a line
    # a landscape page holds about 16 lines: a row of more than a third of it may break
    # rather than push itself, whole, to the next page and leave this one half empty
    assert lines["1"] <= 3 and kept_whole(tasks[0])
    long = [r for r in tasks if lines[cell_texts(r)[0]] >= 8]
    assert long and not any(kept_whole(r) for r in long)


def test_with_a_whole_row_share_of_one_every_row_that_fits_a_page_is_kept_whole(
    tmp_path: Path,
) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text("[styles.breakdown]\nwhole_row_share = 1.0\n", encoding="utf-8")
    out = tmp_path / "whole.docx"
    render_plan(plan_with_who_and_when(), out, template="breakdown", profile=profile)
    rows = docx.Document(str(out)).tables[0]._tbl.findall(qn("w:tr"))
    assert all(kept_whole(r) for r in rows)


def test_a_row_taller_than_a_page_may_split(tmp_path: Path) -> None:
    plan = store.load_plan(PLAN).model
    next(plan.tasks()).text = "很长的举措。" * 400
    out = tmp_path / "long.docx"
    render_plan(plan, out, template="breakdown")
    rows = docx.Document(str(out)).tables[0]._tbl.findall(qn("w:tr"))
    first_task = rows[2]
    assert cell_texts(first_task)[0] == "1"
    assert not kept_whole(first_task)


def test_cells_take_the_table_style_and_widths_fill_the_type_area(alone: Path) -> None:
    xml = body_xml(alone)
    grid = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', xml)]
    assert len(grid) == 6 and sum(grid) == round((297 - 35 - 37) * 1440 / 25.4)
    weights = load_profile().style("breakdown")["column_weights"]
    assert [round(w / sum(grid) * sum(weights)) for w in grid] == [round(w) for w in weights]
    assert xml.count('w:pStyle w:val="PWTable"') >= 35 * 6 - 6


def test_the_notice_carries_it_after_the_plan(tmp_path: Path) -> None:
    out = tmp_path / "notice.docx"
    plan = plan_with_who_and_when()
    plan.notice.cc = "市委办公室"  # type: ignore[union-attr]
    plan.notice.printer = "常州市民政局办公室"  # type: ignore[union-attr]
    render_plan(plan, out, breakdown=True)
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert "附件：2024年全市民政工作要点任务分解表" in texts
    assert texts.index("附件：2024年全市民政工作要点任务分解表") < texts.index("常州市民政局")
    orientations = [s.orientation for s in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    main, annex, banji = document.sections
    # the 附件 numbers its pages on from the plan's: same footers, no restart
    for part in (main, annex):
        refs = {
            r.get(qn("w:type")): r.get(qn("r:id"))
            for r in part._sectPr.findall(qn("w:footerReference"))
        }
        assert refs == {"default": "rIdFooterOdd", "even": "rIdFooterEven"}
        assert part._sectPr.find(qn("w:pgNumType")) is None
    assert banji._sectPr.find(qn("w:type")).get(qn("w:val")) == "evenPage"
    xml = body_xml(out)
    assert xml.rindex("2024年全市民政工作要点任务分解表</w:t>") > xml.index(
        "大力发展居家和社区养老服务"
    )
    # a sectPr closes its paragraph's properties (the schema's order), never opens them
    assert not re.search(r"<w:pPr><w:sectPr", xml)


def test_without_the_flag_the_notice_has_no_annex(tmp_path: Path) -> None:
    out = tmp_path / "notice.docx"
    render_plan(plan_with_who_and_when(), out)
    document = docx.Document(str(out))
    assert len(document.sections) == 1 and not document.tables
    assert not any(p.text.startswith("附件") for p in document.paragraphs)


def test_default_output_name(tmp_path: Path) -> None:
    plan = store.load_plan(PLAN).model
    assert default_output(tmp_path / "x.plan.yaml", plan, "breakdown").name == (
        "2024年全市民政工作要点任务分解表.docx"
    )


def test_a_bad_column_setting_in_the_profile_is_located(tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text(
        '[styles.breakdown]\ncolumn_align = ["center", "middle"]\n', encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        load_profile(profile)
    [problem] = caught.value.problems
    assert problem.where.line == 2 and "column_align" in problem.message


@pytest.mark.pdf
@pytest.mark.skipif(
    not TOOLS and os.environ.get("CI") != "true", reason="LibreOffice or pdftotext not installed"
)
def test_libreoffice_repeats_the_header_on_every_page(alone: Path) -> None:
    assert TOOLS, "CI must install libreoffice-writer and poppler-utils"
    rendered = render_plan(
        plan_with_who_and_when(), alone.with_name("pdf.docx"), template="breakdown", pdf=True
    )
    assert rendered.pdf is not None
    info = subprocess.run(
        ["pdfinfo", str(rendered.pdf)], capture_output=True, text=True, check=True
    ).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info)[1])  # type: ignore[index]
    assert pages > 2
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(rendered.pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        lines = [line.split() for line in text.splitlines() if line.strip()]
        header = lines[2] if page == 1 else lines[0]  # page 1: 附件 and the title come first
        assert header == HEADER, (page, lines[:3])
        assert re.search(rf"—\s*{page}\s*—", text), page  # numbered, in order
        if page < pages:  # no page left half empty by a long row kept whole (≈ 28 lines full)
            assert len(lines) >= 20, (page, len(lines))
    sizes = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(pages), str(rendered.pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert sizes.count("841.89 x 595.3") == pages  # every page landscape


@pytest.mark.parametrize("with_notice", [False, True], ids=["alone", "notice-masthead-banji"])
def test_openxml_audit_finds_no_error(tmp_path: Path, with_notice: bool) -> None:
    """Word-valid: the landscape section, the merged rows and the sectPr inside a paragraph."""
    from openxml_audit import OpenXmlValidator

    plan = plan_with_who_and_when()
    out = tmp_path / "bd.docx"
    if with_notice:
        assert plan.notice is not None
        plan.notice.number, plan.notice.cc = "常民发〔2024〕5号", "市委办公室"
        plan.notice.printer = "常州市民政局办公室"
        render_plan(plan, out, breakdown=True)
    else:
        render_plan(plan, out, template="breakdown")
    result = OpenXmlValidator().validate(out)
    assert result.error_count == 0, [str(e) for e in result.errors]
