"""The rendered .docx, opened with python-docx and read as XML: GB/T 9704 as the profile says."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from paths import ROOT, SAMPLES, needs_samples

from planwriter import model, store
from planwriter.problems import InputError
from planwriter.render import default_output, render_plan, safe_name
from planwriter.render.blocks import Signature
from planwriter.render.docx import (
    Writer,
    break_title,
    column_widths,
    printed_width,
    set_width,
    text_width,
    wrapped_lines,
)
from planwriter.render.engine import render_blocks
from planwriter.render.profile import load_profile
from planwriter.settings import RenderSettings

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
SAMPLE = SAMPLES / "changzhou-2024-workpoints.txt"
FULL_WIDTH = str.maketrans(
    {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("render") / "cz.docx"
    render_plan(store.load_plan(PLAN).model, out)
    return out


@pytest.fixture(scope="module")
def document(rendered: Path) -> docx.document.Document:
    return docx.Document(str(rendered))


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(name).decode("utf-8")


def test_page_geometry_and_grid(document: docx.document.Document) -> None:
    (section,) = document.sections
    sect = section._sectPr
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    assert (size.get(qn("w:w")), size.get(qn("w:h"))) == ("11906", "16838")  # A4
    assert {k: margins.get(qn(f"w:{k}")) for k in ("top", "bottom", "left", "right")} == {
        "top": "2098",
        "bottom": "1984",
        "left": "1587",
        "right": "1474",
    }  # 37/35/28/26 mm
    grid = sect.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579" and grid.get(qn("w:charSpace")) is None


def style_fonts(document: docx.document.Document, style_id: str) -> tuple[str, str, str]:
    style = next(s for s in document.styles if s.style_id == style_id)
    fonts = style.element.rPr.find(qn("w:rFonts"))
    size = style.element.rPr.find(qn("w:sz")).get(qn("w:val"))
    return fonts.get(qn("w:eastAsia")), fonts.get(qn("w:ascii")), size


@pytest.mark.parametrize(
    ("style_id", "east", "half_points"),
    [
        ("PWBody", "仿宋_GB2312", "32"),
        ("Title", "方正小标宋简体", "44"),
        ("Heading1", "黑体", "32"),
        ("Heading2", "楷体_GB2312", "32"),
        ("PWTask", "仿宋_GB2312", "32"),
        ("Footer", "宋体", "28"),
    ],
)
def test_style_fonts_and_sizes(
    document: docx.document.Document, style_id: str, east: str, half_points: str
) -> None:
    got_east, _, size = style_fonts(document, style_id)
    assert (got_east, size) == (east, half_points)


def test_every_paragraph_style_names_its_east_asian_font(rendered: Path) -> None:
    styles = re.findall(
        r'<w:style w:type="paragraph".*?</w:style>', part(rendered, "word/styles.xml")
    )
    named = [s for s in styles if 'w:styleId="Normal"' not in s]
    assert named and all('w:eastAsia="' in s and 'w:hint="eastAsia"' in s for s in named)


def test_no_japanese_defaults_left(rendered: Path) -> None:
    with zipfile.ZipFile(rendered) as package:
        everything = "".join(package.read(n).decode("utf-8") for n in package.namelist())
    assert "Mincho" not in everything and "ja-JP" not in everything
    assert "eastAsiaTheme" not in everything
    assert 'w:eastAsia="zh-CN"' in part(rendered, "word/styles.xml")


def test_exact_line_pitch_condensed_body_and_no_widow_control(
    rendered: Path, document: docx.document.Document
) -> None:
    styles = part(rendered, "word/styles.xml")
    assert '<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>' in styles
    body = next(s for s in document.styles if s.style_id == "PWBody").element
    assert body.rPr.find(qn("w:spacing")).get(qn("w:val")) == "-5"  # −0.25 pt: 28 per line
    assert body.pPr.find(qn("w:widowControl")).get(qn("w:val")) == "0"
    indent = body.pPr.find(qn("w:ind"))
    assert indent.get(qn("w:firstLineChars")) == "200"


def test_odd_and_even_page_numbers(rendered: Path, document: docx.document.Document) -> None:
    assert "<w:evenAndOddHeaders/>" in part(rendered, "word/settings.xml")
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    odd, even = section.footer._element, section.even_page_footer._element
    for footer, side in ((odd, "right"), (even, "left")):
        xml = footer.xml
        assert f'<w:jc w:val="{side}"/>' in xml and f'w:{side}="280"' in xml
        assert 'w:instr=" PAGE "' in xml
        assert "".join(t.text for t in footer.iter(qn("w:t"))) == "— 1 —"
        assert '<w:pStyle w:val="Footer"/>' in xml
    numbers = next(s for s in document.styles if s.style_id == "Footer").element
    fonts = numbers.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "宋体" and fonts.get(qn("w:ascii")) == "宋体"


def paragraphs(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def test_notice_page(document: docx.document.Document) -> None:
    texts = paragraphs(document)
    assert texts[:6] == [
        "常州市民政局关于印发\n《2024年全市民政工作要点》的通知",
        "各辖市、区民政局，常州经开区社会保障局，局机关各处室，各直属单位：",
        "现将《2024年全市民政工作要点》印发给你们，请结合实际认真抓好贯彻落实。",
        "常州市民政局",
        "2024年2月23日",
        "（此件公开发布）",
    ]
    plan_title = next(p for p in document.paragraphs if p.text == "2024年全市民政工作要点")
    assert plan_title.paragraph_format.page_break_before
    assert plan_title.style.style_id == "Title"


def test_signature_placed_as_the_standard_says(document: docx.document.Document) -> None:
    signer = next(p for p in document.paragraphs if p.text == "常州市民政局")
    date = next(p for p in document.paragraphs if p.text == "2024年2月23日")
    chars = {
        p.text: {
            k: int(p._p.pPr.find(qn("w:ind")).get(qn(f"w:{k}Chars"))) / 100
            for k in ("left", "right")
        }
        for p in (signer, date)
    }
    assert signer.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert date.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    # the date, set ≈ 7.6 characters (digits and the space where they meet 汉字), and 2 more
    # is longer than the 署名 (6): the date ends 2 characters in, the 署名 moves left
    assert chars["2024年2月23日"]["right"] == 2
    signer_right = chars["常州市民政局"]["right"]
    assert signer_right == pytest.approx(2 + set_width("2024年2月23日") + 2 - 6, abs=0.01)


def test_a_short_date_under_a_long_signer() -> None:
    """署名 right 2; the date from 2 characters right of the 署名's first character."""
    writer = Writer(load_profile())
    xml = writer.signature(Signature("常州市民政局办公室综合科", "2024年2月3日"))
    lefts = re.findall(r'w:leftChars="(\d+)"', xml)
    rights = re.findall(r'w:rightChars="(\d+)"', xml)
    line = writer.body_width() / writer.char_twips("signature")  # 28 characters and a bit
    assert rights[0] == "200" and lefts[1] == str(round((line - 2 - 12 + 2) * 100))


def published_body() -> list[str]:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    start = lines.index("2024年全市民政工作要点")
    body = [line.translate(FULL_WIDTH).replace("8. ", "8.") for line in lines[start + 1 :]]
    return [line for line in body if line and not line.startswith(("下载本信息", "扫一扫"))]


@needs_samples
def test_plan_reads_as_published(document: docx.document.Document) -> None:
    texts = paragraphs(document)
    start = texts.index("2024年全市民政工作要点")
    assert texts[start + 1 :] == published_body()


def test_headings_and_task_paragraphs(document: docx.document.Document) -> None:
    headings = [p.text for p in document.paragraphs if p.style.style_id == "Heading1"]
    assert (
        len(headings) == 10 and headings[0].startswith("一、") and headings[-1].startswith("十、")
    )
    tasks = [p for p in document.paragraphs if p.style.style_id == "PWTask"]
    assert len(tasks) == 34
    for number, task in enumerate(tasks, 1):
        first, *rest = task.runs
        assert first.style.style_id == "PWTaskTitle" and first.style.font.bold
        assert first.text.startswith(f"{number}.") and first.text.endswith("。")
        assert rest and not any(r.style.font.bold or r.bold for r in rest)
    assert tasks[8].runs[0].text == "9.大力发展居家和社区养老服务。"


def test_core_properties(document: docx.document.Document) -> None:
    props = document.core_properties
    assert (props.title, props.author) == ("2024年全市民政工作要点", "常州市民政局")
    assert props.created.date() == dt.date(2024, 2, 23)


def test_same_plan_same_bytes(tmp_path: Path, rendered: Path) -> None:
    again = tmp_path / "again.docx"
    render_plan(store.load_plan(PLAN).model, again)
    assert again.read_bytes() == rendered.read_bytes()


def small_plan(text: str = "正文。") -> model.Plan:
    return model.Plan(
        bureau="某局",
        year=2024,
        title="要点",
        domains=[
            model.Domain(id="d", title="领域", tasks=[model.Task(id="t", title="任务", text=text)])
        ],
    )


def test_xml_illegal_characters_are_cleaned_with_a_warning(tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    rendered = render_plan(small_plan("从Word粘贴\x0b的文字\x07。"), out)
    assert rendered.warnings == ["任务 1.含有 Word 无法保存的控制字符，已删除 2 个"]
    task = next(p for p in docx.Document(str(out)).paragraphs if p.style.style_id == "PWTask")
    assert task.text == "1.任务。从Word粘贴的文字。"


def test_markup_characters_come_out_literally(tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    render_plan(small_plan('比较 a<b & c>d，“引号”和"quotes"。{{ 1+1 }}'), out)
    task = next(p for p in docx.Document(str(out)).paragraphs if p.style.style_id == "PWTask")
    assert task.text == '1.任务。比较 a<b & c>d，“引号”和"quotes"。{{ 1+1 }}'


def test_plain_template_has_no_notice(tmp_path: Path) -> None:
    out = tmp_path / "plain.docx"
    render_plan(store.load_plan(PLAN).model, out, template="plain")
    texts = paragraphs(docx.Document(str(out)))
    assert texts[0] == "2024年全市民政工作要点" and "常州市民政局" not in texts[:3]


def test_notice_template_needs_a_notice(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="不能用 notice 模板"):
        render_plan(small_plan(), tmp_path / "x.docx", template="notice")


def test_sections_print_as_second_level_headings(tmp_path: Path) -> None:
    plan = model.Plan(
        bureau="局",
        year=2024,
        title="要点",
        numbering=model.Numbering.PER_SECTION,
        domains=[
            model.Domain(
                id="d",
                title="甲",
                sections=[
                    model.Section(id="s1", title="乙", tasks=[model.Task(id="a", title="丙")]),
                    model.Section(id="s2", title="丁", tasks=[model.Task(id="b", title="戊")]),
                ],
            )
        ],
    )
    out = tmp_path / "s.docx"
    render_plan(plan, out)
    texts = [(p.style.style_id, p.text) for p in docx.Document(str(out)).paragraphs if p.text]
    assert texts[1:] == [
        ("Heading1", "一、甲"),
        ("Heading2", "（一）乙"),
        ("PWTask", "1.丙。"),
        ("Heading2", "（二）丁"),
        ("PWTask", "1.戊。"),
    ]


# --- templates and profiles --------------------------------------------------------------


def test_user_template_error_names_file_and_line(tmp_path: Path) -> None:
    template = tmp_path / "mine.j2"
    template.write_text('{{ title(plan.title) }}\n{{ p("body", "x" }}\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        render_plan(small_plan(), tmp_path / "x.docx", template=str(template))
    (problem,) = err.value.problems
    assert problem.where.file.endswith("mine.j2") and problem.where.line == 2
    assert problem.message.startswith("模板语法错误")


@pytest.mark.parametrize(
    "expression",
    [
        "''.__class__.__mro__",
        "cycler.__init__.__globals__",
        "p.__globals__",
        "plan.__class__.__subclasses__()",
    ],
)
def test_sandbox_refuses_python_internals(tmp_path: Path, expression: str) -> None:
    template = tmp_path / "evil.j2"
    template.write_text(
        f"{{{{ title(plan.title) }}}}\n{{{{ p('body', {expression}) }}}}\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as err:
        render_plan(small_plan(), tmp_path / "x.docx", template=str(template))
    message = err.value.problems[0].message
    assert message.startswith("模板试图访问不允许的内容“__") and message.endswith(
        "已被安全沙箱拒绝"
    )
    assert err.value.problems[0].where.file.endswith("evil.j2")


def test_template_in_a_bureau_folder_overrides_the_builtin(tmp_path: Path) -> None:
    (tmp_path / "plan.j2").write_text(
        "{{ title('本局自定义：' ~ plan.title) }}\n", encoding="utf-8"
    )
    out = tmp_path / "x.docx"
    render_plan(small_plan(), out, template="plain", settings=RenderSettings(template_dir=tmp_path))
    assert paragraphs(docx.Document(str(out))) == ["本局自定义：要点"]


def test_unknown_style_in_a_template_is_named(tmp_path: Path) -> None:
    template = tmp_path / "odd.j2"
    template.write_text("{{ p('shouting', plan.title) }}\n", encoding="utf-8")
    with pytest.raises(InputError, match="shouting"):
        render_plan(small_plan(), tmp_path / "x.docx", template=str(template))


def test_profile_override_changes_the_look_not_the_rest(tmp_path: Path) -> None:
    override = tmp_path / "big.toml"
    override.write_text(
        '[styles.body]\nsize_pt = 18\n[fonts.fangsong]\nname = "仿宋"\n', encoding="utf-8"
    )
    out = tmp_path / "x.docx"
    render_plan(small_plan(), out, profile=override)
    east, _, size = style_fonts(docx.Document(str(out)), "PWBody")
    assert (east, size) == ("仿宋", "36")
    assert 'w:linePitch="579"' in part(out, "word/document.xml")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "[styles.body]\nsize = 18\n",
            2,
            "样式配置中有未知设置“styles.body.size”，是不是“size_pt”？",
        ),
        ('# ours\n[page]\ntop_mm = "37"\n', 3, "样式配置“page.top_mm”应为数字"),
        (
            '[styles.title]\nfont = "comic"\n',
            2,
            "样式配置“styles.title.font”应为[fonts] 中定义的字体角色",
        ),
        ("[styles.title\n", 1, "TOML 格式错误：表头应以“]”结束"),
    ],
)
def test_bad_profile_names_file_line_and_key(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    override = tmp_path / "bad.toml"
    override.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_profile(override)
    (problem,) = err.value.problems
    assert (problem.where.file, problem.where.line) == (str(override), line)
    assert problem.message.startswith(message)


def test_bureau_default_template_plain_leaves_out_the_notice(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLAN, plans / PLAN.name)
    (tmp_path / "planwriter.toml").write_text('[render]\ntemplate = "plain"\n', encoding="utf-8")
    out = tmp_path / "out.docx"
    done = subprocess.run(
        [sys.executable, "-m", "planwriter", "render", str(plans / PLAN.name), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    texts = [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    assert texts[0] == "2024年全市民政工作要点"
    assert not any("印发" in text for text in texts[:3])
    notice = tmp_path / "notice.docx"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "planwriter",
            "render",
            str(plans / PLAN.name),
            "-o",
            str(notice),
            "--template",
            "notice",
        ],
        capture_output=True,
        check=True,
    )
    assert "关于印发" in docx.Document(str(notice)).paragraphs[0].text  # -t still wins


def test_every_number_of_the_format_lives_in_the_profile() -> None:
    source = (ROOT / "planwriter" / "render" / "docx.py").read_text(encoding="utf-8")
    for number in ("28.95", "579", "2098", "1984", "1587", "1474", "11906", "16838", "-0.25"):
        assert number not in source, number


# --- layout helpers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("2024年全市民政工作要点", ["2024年全市民政工作要点"]),
        (
            "常州市民政局关于印发《2024年全市民政工作要点》的通知",
            ["常州市民政局关于印发", "《2024年全市民政工作要点》的通知"],
        ),
    ],
)
def test_title_breaks_as_a_trapezoid(title: str, lines: list[str]) -> None:
    assert break_title(title, 20) == lines


def test_long_title_lines_fit_and_never_split_a_number() -> None:
    title = "某某省某某市民政局关于印发《2024年某某市民政事业高质量发展三年行动计划实施方案》的通知"
    lines = break_title(title, 20)
    assert "".join(lines) == title and len(lines) == 3
    assert all(text_width(line) <= 20 for line in lines)
    assert not any(a[-1:].isdigit() and b[:1].isdigit() for a, b in itertools.pairwise(lines))


def test_safe_file_names() -> None:
    assert safe_name("2024年全市民政工作要点") == "2024年全市民政工作要点"
    assert safe_name("../../etc/passwd") == "etc_passwd"
    assert safe_name('a/b\\c:d*e?"f"<g>|') == "a_b_c_d_e_f_g"
    assert safe_name("...") == "plan"
    assert (
        default_output(PLAN, store.load_plan(PLAN).model)
        == PLAN.parent / "2024年全市民政工作要点.docx"
    )


def test_template_blocks_follow_the_outline() -> None:
    from planwriter.render.context import Cleaner, plan_context

    blocks = render_blocks("plain", plan_context(store.load_plan(PLAN).model, Cleaner()))
    styles = [getattr(b, "style", "") for b in blocks]
    assert styles.count("heading1") == 10 and styles.count("task") == 34


# --- the command line ------------------------------------------------------------------


def run(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planwriter", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        env=env,
    )


def test_render_writes_beside_the_plan_by_title(tmp_path: Path) -> None:
    plan = tmp_path / "2024.plan.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    done = run("render", str(plan))
    assert done.returncode == 0, done.stderr
    out = tmp_path / "2024年全市民政工作要点.docx"
    assert out.exists() and f"已生成：{out}" in done.stdout


def test_render_many_plans_into_a_folder(tmp_path: Path) -> None:
    for name in ("a", "b"):
        folder = tmp_path / "plans" / name
        folder.mkdir(parents=True)
        text = PLAN.read_text(encoding="utf-8").replace(
            "title: 2024年全市民政工作要点", f"title: 2024年{name}区民政工作要点"
        )
        (folder / "2024.plan.yaml").write_text(text, encoding="utf-8")
    done = run("render", "plans/**/*.plan.yaml", "-o", "out/", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "2024年a区民政工作要点.docx",
        "2024年b区民政工作要点.docx",
    ]


def test_render_bad_plan_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    plan = tmp_path / "bad.plan.yaml"
    plan.write_text(
        "planwriter: 1\nbureau: 局\nyear: 二〇二四\ntitle: 要点\ndomains: []\n", encoding="utf-8"
    )
    done = run("render", str(plan), "-o", str(tmp_path / "x.docx"))
    assert done.returncode == 2 and "年份应写成阿拉伯数字" in done.stderr
    assert not (tmp_path / "x.docx").exists()


def test_pdf_without_libreoffice_names_the_package(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}
    done = run("render", str(PLAN), "-o", str(tmp_path / "x.docx"), "--pdf", env=env)
    assert done.returncode == 2
    assert "未找到 LibreOffice" in done.stderr and "libreoffice-writer" in done.stderr


def test_report_template_renders_the_completion_table(tmp_path: Path) -> None:
    results = tmp_path / "2023.results.yaml"
    results.write_text(
        "planwriter: 1\nbureau: 某局\nyear: 2023\nresults:\n"
        "  - {metric: 床位数, value: 435, unit: 张, target: 500}\n"
        "  - {metric: 覆盖率, value: 95%, target: 90%}\n",
        encoding="utf-8",
    )
    done = run("render", str(results), "-o", str(tmp_path / "r.docx"))
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(tmp_path / "r.docx"))
    assert paragraphs(document)[0] == "某局2023年工作目标完成情况"
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == [
        "序号",
        "指标",
        "目标",
        "实际",
        "完成率",
        "是否完成",
    ]
    assert [c.text for c in table.rows[1].cells] == [
        "1",
        "床位数",
        "500张",
        "435张",
        "87%",
        "未完成",
    ]


def test_template_typo_is_a_located_error(tmp_path: Path) -> None:
    template = tmp_path / "typo.j2"
    template.write_text(
        "{{ title(plan.title) }}\n\n{{ p('body', plan.titel) }}\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as err:
        render_plan(small_plan(), tmp_path / "x.docx", template=str(template))
    (problem,) = err.value.problems
    assert (problem.message, problem.where.line) == ("模板用了不存在的名称“titel”", 3)
    assert problem.where.file.endswith("typo.j2")


def banji_plan(drop_last_task: bool) -> model.Plan:
    plan = store.load_plan(PLAN).model
    assert plan.notice is not None
    plan.notice.cc, plan.notice.printer = "市委办公室", "常州市民政局办公室"
    plan.notice.print_date = dt.date(2024, 2, 23)
    if drop_last_task:  # the body then ends on page 13, odd
        plan.domains[-1].tasks.pop()
    return plan


def test_banji_on_the_foot_of_an_even_last_page_with_room(tmp_path: Path) -> None:
    """The body ends on page 14 with half of it free: no blank page, no new sheet."""
    from planwriter.render.layout import body_end

    out = tmp_path / "banji.docx"
    render_plan(banji_plan(drop_last_task=False), out)
    document = docx.Document(str(out))
    (main,) = document.sections
    assert "PAGE" in main.even_page_footer._element.xml  # the page keeps its number
    framed = [p for p in document.paragraphs if p._p.pPr.find(qn("w:framePr")) is not None]
    assert framed[0].text == "抄送：市委办公室。"
    from planwriter.render import compose

    end = body_end(compose(banji_plan(drop_last_task=False)).blocks, load_profile())
    assert end is not None and end.page == 14 and end.lines <= 22 - 3


def test_banji_is_its_own_even_page_section_without_a_number(tmp_path: Path) -> None:
    out = tmp_path / "banji.docx"
    render_plan(banji_plan(drop_last_task=True), out)
    document = docx.Document(str(out))
    main, banji = document.sections
    assert main._sectPr.find(qn("w:type")) is None
    assert banji._sectPr.find(qn("w:type")).get(qn("w:val")) == "evenPage"
    assert (
        "PAGE" not in banji.footer._element.xml
        and "PAGE" not in banji.even_page_footer._element.xml
    )
    framed = [p for p in document.paragraphs if p._p.pPr.find(qn("w:framePr")) is not None]
    assert [p.text for p in framed] == [
        "抄送：市委办公室。",
        "常州市民政局办公室\t2024年2月23日印发",
    ]
    frames = [p._p.pPr.find(qn("w:framePr")) for p in framed]
    assert [f.get(qn("w:vAnchor")) for f in frames] == ["page", "page"]
    assert [int(f.get(qn("w:y"))) for f in frames] == [16838 - 1984 - 2 * 579, 16838 - 1984 - 579]
    rules = [
        {e.tag.split("}")[1]: e.get(qn("w:sz")) for e in p._p.pPr.find(qn("w:pBdr"))}
        for p in framed
    ]
    assert rules == [{"top": "8", "bottom": "6"}, {"bottom": "8"}]  # 0.35 mm outer, 0.25 mm inner


@pytest.mark.parametrize(
    ("text", "first", "rest", "lines"),
    [
        ("抄送：" + "甲" * 26, 29, 26, 1),  # fits the line exactly
        ("抄送：" + "甲" * 27, 29, 26, 2),  # one character over: a second line
        ("抄送：" + "甲" * 25 + "。", 29, 26, 1),  # the full stop still fits
        ("抄送：" + "甲" * 26 + "。", 29, 26, 2),  # 。 never starts a line: 甲 goes down with it
        ("抄送：" + "甲" * 26 + "乙" * 52, 29, 26, 3),
        ("2024年2月23日", 6, 6, 2),  # digits are half as wide
    ],
)
def test_wrapped_lines_count_as_chinese_lines_break(
    text: str, first: float, rest: float, lines: int
) -> None:
    assert wrapped_lines(text, first, rest) == lines


def test_a_long_cc_gets_the_lines_it_needs_aligned_after_the_colon(tmp_path: Path) -> None:
    """A 抄送 too long for one line was clipped by its one-line frame."""
    plan = store.load_plan(PLAN).model
    assert plan.notice is not None
    plan.notice.cc = "市委办公室，市人大常委会办公室，市政府办公室，市政协办公室"
    plan.notice.printer = "常州市民政局办公室"
    out = tmp_path / "banji.docx"
    render_plan(plan, out)
    framed = [
        p._p.pPr
        for p in docx.Document(str(out)).paragraphs
        if p._p.pPr is not None and p._p.pPr.find(qn("w:framePr")) is not None
    ]
    frames = [p.find(qn("w:framePr")) for p in framed]
    pitch, foot = 579, 16838 - 1984
    assert [int(f.get(qn("w:h"))) for f in frames] == [2 * pitch, pitch]
    assert [int(f.get(qn("w:y"))) for f in frames] == [foot - 3 * pitch, foot - pitch]
    indent = framed[0].find(qn("w:ind"))
    style = load_profile().style("banji")
    char = (style["size_pt"] + style["char_spacing_pt"]) * 20
    assert int(indent.get(qn("w:hanging"))) == round(3 * char)  # 抄送： is 3 characters
    assert framed[0].find(qn("w:spacing")).get(qn("w:line")) == str(pitch)


HEADER = ["序号", "指标", "目标", "实际", "完成率", "是否完成"]


def test_columns_take_their_widest_cell_and_share_what_is_left() -> None:
    widths = column_widths([["序号", "指标"], ["1", "床位数"]], 20)
    assert widths == pytest.approx([3 * 20 / 7, 4 * 20 / 7])  # naturals 3 and 4, in proportion
    assert sum(widths) == pytest.approx(20)


def test_when_columns_do_not_fit_only_the_widest_wraps() -> None:
    rows = [
        HEADER,
        ["1", "“冬暖夏凉”赠送用电低收入家庭户数", "1.3万户", "1.2万户", "111.1%", "未完成"],
    ]
    widths = column_widths(rows, 31.6)
    assert sum(widths) == pytest.approx(31.6)
    for index, width in enumerate(widths):
        if index != 1:  # every figure and header keeps its whole width
            assert width >= max(printed_width(row[index]) for row in rows) + 1
    assert widths[1] < printed_width(rows[1][1])  # the text column wraps


def test_too_many_wide_columns_all_give_way() -> None:
    rows = [["甲" * 10] * 4]
    assert column_widths(rows, 20) == pytest.approx([5, 5, 5, 5])
