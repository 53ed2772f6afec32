"""The 版头 of a 文件式 notice (GB/T 9704 7.2): printed when the notice has a 发文字号, from the
plan's fields, off with one setting, never a 发文字号 silently dropped."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from paths import ROOT

from planwriter import model, store
from planwriter.problems import InputError
from planwriter.render import compose, render_plan
from planwriter.render.blocks import Masthead
from planwriter.render.profile import load_profile
from planwriter.settings import RenderSettings

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
NUMBER = "常民发〔2024〕5号"


def changzhou(**notice: str) -> model.Plan:
    plan = store.load_plan(PLAN).model
    assert plan.notice is not None
    for key, value in notice.items():
        setattr(plan.notice, key, value)
    return plan


def opening(plan: model.Plan, tmp_path: Path, settings: RenderSettings | None = None) -> list:
    out = tmp_path / "n.docx"
    render_plan(plan, out, settings=settings)
    document = docx.Document(str(out))
    return list(document.element.body.iterchildren())[:12]


def texts(elements: list) -> list[str]:
    return ["".join(t.text or "" for t in e.iter(qn("w:t"))) for e in elements]


def test_a_number_opens_the_notice_with_its_masthead(tmp_path: Path) -> None:
    out = tmp_path / "n.docx"
    render_plan(changzhou(number=NUMBER), out)
    document = docx.Document(str(out))
    paragraphs = document.paragraphs
    styles = [p.style.style_id for p in paragraphs[:9]]
    assert styles[:6] == ["PWMasthead", "PWBody", "PWBody", "PWDocNumber", "PWBody", "PWBody"]
    assert paragraphs[0].text == "常州市民政局文件" and paragraphs[3].text == NUMBER
    assert paragraphs[6].style.style_id == "Title"
    mark = document.styles.element.get_by_id("PWMasthead")
    assert mark.rPr.find(qn("w:color")).get(qn("w:val")) == "FF0000"
    assert mark.pPr.find(qn("w:jc")).get(qn("w:val")) == "center"
    rule = paragraphs[3]._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert rule.get(qn("w:color")) == "FF0000"
    profile = load_profile()
    # the mark's top edge 35 mm into the 版心: space before it, half its line's lead taken off
    before = int(paragraphs[0]._p.pPr.find(qn("w:spacing")).get(qn("w:before")))
    size = profile.style("masthead")["size_pt"]
    lead = (size * profile.masthead["mark_line_ratio"] - size) / 2
    assert abs(before / 20 + lead - profile.masthead["top_mm"] * 72 / 25.4) < 1


def test_without_a_number_no_masthead(tmp_path: Path) -> None:
    first = opening(changzhou(), tmp_path)[0]
    assert first.style == "Title"


def test_mark_and_notes_come_from_the_plan(tmp_path: Path) -> None:
    plan = changzhou(
        number=NUMBER,
        mark="常州市民政局文件（试行）",
        copy_number="000123",
        secrecy="秘密★1年",
        urgency="特急",
    )
    shown = texts(opening(plan, tmp_path))
    assert shown[:4] == ["000123", "秘密★1年", "特急", "常州市民政局文件（试行）"]


def test_joint_issue_stacks_the_agencies_beside_wenjian(tmp_path: Path) -> None:
    plan = changzhou(number=NUMBER, joint="常州市财政局、常州市人力资源和社会保障局")
    out = tmp_path / "joint.docx"
    render_plan(plan, out)
    (table, *_) = docx.Document(str(out)).tables
    names = [row.cells[0].text for row in table.rows]
    assert names == ["常州市民政局", "常州市财政局", "常州市人力资源和社会保障局"]
    assert {row.cells[1].text for row in table.rows} == {"文件"}  # one merged cell
    # 13 characters and 文件 at 42 pt would not fit the 156 mm 版心: the mark is made smaller
    size = table.rows[2].cells[0].paragraphs[0].runs[0].font.size.pt
    assert size * (13 + 3) <= 156 * 72 / 25.4 and size >= 20


def test_an_upward_document_puts_the_issuer_at_the_right(tmp_path: Path) -> None:
    plan = changzhou(number=NUMBER, issuer="张三")
    out = tmp_path / "up.docx"
    render_plan(plan, out)
    number = next(
        p for p in docx.Document(str(out)).paragraphs if p.style.style_id == "PWDocNumber"
    )
    assert number.text == f"\t{NUMBER}\t签发人：张三"
    assert number.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.LEFT
    name = number.runs[-1]
    assert name.style.style_id == "PWIssuerName" and name.style.font.name == "楷体_GB2312"


def test_one_setting_turns_it_off_and_says_so(tmp_path: Path) -> None:
    settings = RenderSettings(masthead=False)
    composed = compose(changzhou(number=NUMBER), settings=settings)
    assert not any(isinstance(b, Masthead) for b in composed.blocks)
    assert any(NUMBER in w and "masthead" in w for w in composed.warnings)
    toml = tmp_path / "planwriter.toml"
    toml.write_text("[render]\nmasthead = false\n", encoding="utf-8")
    plan = tmp_path / "2024.plan.yaml"
    plan.write_text(
        PLAN.read_text(encoding="utf-8").replace("notice:\n", f"notice:\n  number: {NUMBER}\n"),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "planwriter", "render", str(plan), "-o", str(tmp_path / "o.docx")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and f"发文字号 {NUMBER} 未印出" in done.stderr
    toml.write_text("[render]\nmasthead = 0\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "planwriter", "render", str(plan), "-o", str(tmp_path / "o.docx")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "planwriter.toml:2:" in done.stderr


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("copy_number", "12", "份号应为 6 位"),
        ("secrecy", "内部", "密级应为"),
        ("urgency", "急", "紧急程度应为"),
    ],
)
def test_masthead_fields_are_checked_where_they_are(
    tmp_path: Path, key: str, value: str, says: str
) -> None:
    plan = tmp_path / "2024.plan.yaml"
    text = PLAN.read_text(encoding="utf-8").replace("notice:\n", f"notice:\n  {key}: '{value}'\n")
    plan.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        store.load_plan(plan)
    (problem,) = raised.value.problems
    assert says in problem.message and problem.where.line == 7


# --- measured in LibreOffice's PDF -----------------------------------------------------------

DPI = 144


@dataclass
class Ink:
    """Of page 1, in mm from the top: rows with a red rule across, any red, any black ink."""

    rule: list[float]
    red: list[float]
    black: list[float]


def ink(pdf: Path, tmp_path: Path) -> Ink:
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    (image,) = tmp_path.glob("p*.ppm")
    header, size, _depth, pixels = image.read_bytes().split(b"\n", 3)
    assert header == b"P6"
    width, height = map(int, size.split())
    found = Ink([], [], [])
    for y in range(height):
        line = pixels[y * width * 3 : (y + 1) * width * 3]
        samples = range(0, width * 3, 6)  # every other pixel
        reds = sum(1 for x in samples if line[x] > 180 and line[x + 1] < 90)
        mm = y / DPI * 25.4
        if reds:
            found.red.append(mm)
        if reds > len(samples) / 2:  # across more than half the page: the 版心's width
            found.rule.append(mm)
        if any(max(line[x : x + 3]) < 90 for x in samples):
            found.black.append(mm)
    return found


@pytest.mark.pdf
def test_masthead_measured_on_the_page(tmp_path: Path) -> None:
    from planwriter.render.pdf import libreoffice_available

    if not libreoffice_available():
        pytest.skip("LibreOffice not installed")
    rendered = render_plan(changzhou(number=NUMBER), tmp_path / "m.docx", pdf=True)
    assert rendered.pdf is not None
    found = ink(rendered.pdf, tmp_path)
    profile = load_profile()
    mark_top = min(found.red)
    assert abs(mark_top - profile.page["top_mm"] - profile.masthead["top_mm"]) < 1, mark_top
    assert found.rule, "no red rule"
    number_bottom = max(mm for mm in found.black if mm < found.rule[0])
    assert 3.3 < found.rule[0] - number_bottom < 4.7, (found.rule, number_bottom)  # 4 mm
    title_top = min(mm for mm in found.black if mm > found.rule[-1])
    pitch_mm = profile.page["line_pitch_pt"] * 25.4 / 72
    assert 1.5 * pitch_mm < title_top - found.rule[-1] < 2.8 * pitch_mm  # two blank lines
