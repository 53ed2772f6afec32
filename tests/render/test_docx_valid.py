"""Word-valid and styled: the Open XML SDK's schema rules (openxml-audit) find nothing in any
template's output, every part is parsed before a file is written, and formatting lives in
styles so a change to one style in Word changes every paragraph of that kind."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from openxml_audit import OpenXmlValidator
from paths import ROOT

from planwriter import model, store
from planwriter.problems import InputError
from planwriter.render import docx as writer_module
from planwriter.render import render_plan
from planwriter.render.blocks import Paragraph, Run
from planwriter.render.docx import write_docx
from planwriter.render.profile import load_profile

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
RESULTS = ROOT / "plans" / "changzhou" / "2023.results.yaml"


def changzhou(**notice: object) -> model.Plan:
    plan = store.load_plan(PLAN).model
    assert plan.notice is not None
    for key, value in notice.items():
        setattr(plan.notice, key, value)
    return plan


BANJI = {"cc": "市委办公室，市政府办公室", "printer": "常州市民政局办公室"}
MASTHEAD = {"number": "常民发〔2024〕5号", "copy_number": "000001", "secrecy": "秘密★1年"}
VARIANTS = {
    "notice": ({}, "notice"),
    "notice-banji": (BANJI, "notice"),
    "notice-masthead": (MASTHEAD, "notice"),
    "notice-masthead-banji": ({**MASTHEAD, **BANJI}, "notice"),
    "notice-joint-issuer": (
        {**MASTHEAD, "joint": "常州市财政局、常州市人力资源和社会保障局", "issuer": "张三、李四"},
        "notice",
    ),
    "plain": ({}, "plain"),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_openxml_audit_finds_no_error(tmp_path: Path, variant: str) -> None:
    notice, template = VARIANTS[variant]
    out = tmp_path / f"{variant}.docx"
    render_plan(changzhou(**notice), out, template=template)
    result = OpenXmlValidator().validate(out)
    assert result.error_count == 0, [str(e) for e in result.errors]


def test_openxml_audit_finds_no_error_in_the_report(tmp_path: Path) -> None:
    from planwriter.render.command import render_one

    class Args:
        output = str(tmp_path / "report.docx")
        profile = None
        template = None
        pdf = False

    rendered = render_one(RESULTS, Args(), many=False)  # type: ignore[arg-type]
    result = OpenXmlValidator().validate(rendered.docx)
    assert result.error_count == 0, [str(e) for e in result.errors]


def test_quotes_and_markup_in_a_style_name_stay_valid(tmp_path: Path) -> None:
    """A profile's style name goes into attributes escaped: never a corrupt styles.xml."""
    override = tmp_path / "ours.toml"
    override.write_text('[styles.\'我的"样式<&>\']\nfont = "fangsong"\n', encoding="utf-8")
    profile = load_profile(override)
    blocks = [Paragraph('我的"样式<&>', [Run('正文 "引号" <b> & 符号')])]
    out = tmp_path / "quoted.docx"
    write_docx(blocks, profile, out, title='标题"<&>', author="局", date=model.dt.date(2024, 1, 1))
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == '正文 "引号" <b> & 符号'
    assert document.paragraphs[0].style.name == '我的"样式<&>'
    assert '"' not in document.paragraphs[0].style.style_id
    assert OpenXmlValidator().validate(out).error_count == 0


def test_a_broken_part_is_a_located_error_and_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer_module, "settings", lambda: "<w:settings><w:zoom></w:settings>")
    out = tmp_path / "broken.docx"
    with pytest.raises(InputError) as raised:
        render_plan(changzhou(), out)
    (problem,) = raised.value.problems
    assert "word/settings.xml" in problem.message and "第 1 行" in problem.message
    assert problem.where.file == str(out)
    assert not out.exists()


# --- formatting in styles -------------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("styled") / "cz.docx"
    render_plan(changzhou(**BANJI), out)
    return out


def xml_of(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(name).decode("utf-8")


def test_runs_carry_no_formatting(rendered: Path) -> None:
    """At most 5% of runs may carry direct formatting; today none does: a bold title names the
    character style 公文任务标题, everything else inherits its paragraph's style."""
    runs = re.findall(r"<w:r>.*?</w:r>", xml_of(rendered, "word/document.xml"))
    direct = [r for r in runs if re.search(r"<w:rPr>(?!<w:rStyle [^>]*/></w:rPr>)", r)]
    assert len(runs) > 50 and len(direct) <= len(runs) * 0.05, direct[:3]
    assert not direct


def test_headings_and_title_go_on_in_the_body_style(rendered: Path) -> None:
    document = docx.Document(str(rendered))
    for style_id in ("Title", "Heading1", "Heading2"):
        style = next(s for s in document.styles if s.style_id == style_id)
        assert style.next_paragraph_style.style_id == "PWBody", style_id


@pytest.mark.parametrize(("style_id", "least"), [("PWBody", 2), ("PWTask", 30), ("Heading1", 10)])
def test_changing_a_style_changes_every_paragraph_of_its_kind(
    rendered: Path, tmp_path: Path, style_id: str, least: int
) -> None:
    """What a secretary does in Word: 公文正文 (or 公文任务, heading 1) to 12 pt, once."""
    changed = tmp_path / "changed.docx"
    with zipfile.ZipFile(rendered) as source, zipfile.ZipFile(changed, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/styles.xml":
                text = data.decode("utf-8")
                before = re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', text)
                assert before
                after = re.sub(r'<w:sz w:val="\d+"/>', '<w:sz w:val="24"/>', before[0])
                data = text.replace(before[0], after).encode("utf-8")
            target.writestr(item, data)
    document = docx.Document(str(changed))
    of_kind = [p for p in document.paragraphs if p.style.style_id == style_id and p.text]
    assert len(of_kind) >= least
    for paragraph in of_kind:
        assert paragraph.style.font.size == Pt(12)
        assert all(run.font.size is None for run in paragraph.runs)  # nothing overrides it
        for run in paragraph.runs:
            props = run._r.rPr
            assert props is None or props.find(qn("w:sz")) is None
