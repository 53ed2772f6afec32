"""The page as LibreOffice lays it out: 22 lines of 28 characters, — N — alternating sides,
the 版记 at the foot of an even page.

Needs LibreOffice and poppler-utils; skipped without them, except in CI (CI=true), where
.ci/run installs them and their absence is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from paths import ROOT

from planwriter import model, store
from planwriter.render import pdf as pdf_module
from planwriter.render import render_plan
from planwriter.render.docx import text_width
from planwriter.render.pdf import libreoffice_available
from planwriter.render.profile import load_profile

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
TOOLS = libreoffice_available() and shutil.which("pdftotext") is not None
if not TOOLS and os.environ.get("CI") == "true":
    pytest.fail(
        "CI must install libreoffice-writer, fonts-noto-cjk and poppler-utils", pytrace=False
    )
pytestmark = [
    pytest.mark.pdf,
    pytest.mark.skipif(not TOOLS, reason="LibreOffice or pdftotext not installed"),
]
PAGE_NUMBER = re.compile(r"^—\s*(\d+)\s*—$")
MM = 72 / 25.4


@dataclass
class Line:
    text: str
    x_min: float
    y_min: float


def pages(pdf: Path) -> list[tuple[float, list[Line]]]:
    """(page width, lines) for every page, from pdftotext's bounding boxes."""
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    root = ET.fromstring(html)
    out = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        lines = []
        for line in page.iter("{http://www.w3.org/1999/xhtml}line"):
            words = [w.text or "" for w in line.iter("{http://www.w3.org/1999/xhtml}word")]
            lines.append(Line("".join(words), float(line.get("xMin")), float(line.get("yMin"))))
        out.append((float(page.get("width")), lines))
    return out


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "cz.docx"
    rendered = render_plan(store.load_plan(PLAN).model, out, pdf=True)
    assert rendered.pdf is not None and rendered.pdf.exists()
    return rendered.pdf


@pytest.fixture(scope="module")
def laid_out(pdf_path: Path) -> list[tuple[float, list[Line]]]:
    return pages(pdf_path)


def body_and_number(lines: list[Line]) -> tuple[list[Line], Line]:
    numbers = [line for line in lines if PAGE_NUMBER.match(line.text)]
    assert len(numbers) == 1, [line.text for line in lines]
    return [line for line in lines if line is not numbers[0]], numbers[0]


def slots(lines: list[Line]) -> list[int]:
    """Which of the page's grid lines (0..21) each text line stands on."""
    page = load_profile().page
    top, pitch = page["top_mm"] * MM, page["line_pitch_pt"]
    return [int((line.y_min - top) // pitch) for line in lines]


def test_the_date_starts_two_characters_right_of_the_signer(
    laid_out: list[tuple[float, list[Line]]],
) -> None:
    """GB/T 9704 7.3.5.2, measured on the page whatever width the date's digits took."""
    _, lines = laid_out[0]
    signer = next(line for line in lines if line.text == "常州市民政局")
    date = next(line for line in lines if line.text.replace(" ", "") == "2024年2月23日")
    style = load_profile().style("signature")
    char = style["size_pt"] + style["char_spacing_pt"]
    assert abs((date.x_min - signer.x_min) / char - 2) < 0.1


def test_the_date_ends_two_characters_from_the_right_margin(pdf_path: Path) -> None:
    """GB/T 9704 7.3.5.2: a date longer than the 署名 ends 2 characters in (右空二字),
    measured on the page: the right edge of its last glyph."""
    html = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-bbox", str(pdf_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)</word>', html)
    day = [float(x) for x, text in words if text == "日"]
    page = load_profile().page
    right = (page["width_mm"] - page["right_mm"]) * MM
    style = load_profile().style("signature")
    char = style["size_pt"] + style["char_spacing_pt"]
    assert abs((right - day[-1]) / char - 2) < 0.05, (right - day[-1]) / char


def test_every_full_page_has_22_lines(laid_out: list[tuple[float, list[Line]]]) -> None:
    assert len(laid_out) >= 10
    for index, (_, lines) in enumerate(laid_out[1:-1], start=2):  # the notice and last pages
        body, _ = body_and_number(lines)  # are not full
        used = slots(body)
        assert max(used) == 21 and min(used) == 0, (index, used)
        assert len(set(used)) == len(used), (index, used)  # one line per slot
        blank_after_title = index == 2
        assert len(body) == (21 if blank_after_title else 22), (index, len(body))


def test_full_lines_hold_28_characters(laid_out: list[tuple[float, list[Line]]]) -> None:
    widths = [
        text_width(line.text) for _, lines in laid_out[1:-1] for line in body_and_number(lines)[0]
    ]
    assert max(widths) <= 28.5  # a half-width digit may round the count up by ½
    assert sum(1 for w in widths if w >= 28) >= len(widths) * 0.5
    # no full line stops at 27: what Word does without condensed characters
    assert sum(1 for w in widths if w == 27) < sum(1 for w in widths if w == 28) / 4


def test_page_numbers_read_dash_n_dash_and_alternate(
    laid_out: list[tuple[float, list[Line]]],
) -> None:
    for number, (width, lines) in enumerate(laid_out, start=1):
        _, found = body_and_number(lines)
        match = PAGE_NUMBER.match(found.text)
        assert match and int(match[1]) == number
        assert "—" in found.text
        odd = number % 2 == 1
        assert (found.x_min > width / 2) is odd, (number, found.x_min)


def test_the_last_line_fills_the_type_area(laid_out: list[tuple[float, list[Line]]]) -> None:
    page = load_profile().page
    bottom = (page["height_mm"] - page["bottom_mm"]) * MM
    _, lines = laid_out[2]
    body, number = body_and_number(lines)
    last = max(line.y_min for line in body)
    assert bottom - page["line_pitch_pt"] < last < bottom
    assert number.y_min > bottom + 5 * MM  # the page number stands 7 mm below the 版心


# The Changzhou plan's body ends on page 14; without its last task, on page 13.
BODY_ENDS = {"even": 0, "odd": 1}  # tasks taken off the end
BANJI = ["抄送：市委办公室，市政府办公室。", "常州市民政局办公室", "2024年2月23日印发"]
Laid = list[tuple[float, list[Line]]]


def banji_plan(body_ends: str) -> model.Plan:
    plan = store.load_plan(PLAN).model
    assert plan.notice is not None
    plan.notice.cc = "市委办公室，市政府办公室"
    plan.notice.printer = "常州市民政局办公室"
    plan.notice.print_date = plan.notice.date
    tasks = plan.domains[-1].tasks
    del tasks[len(tasks) - BODY_ENDS[body_ends] :]
    return plan


@pytest.fixture(
    scope="module",
    params=[(ends, export) for ends in BODY_ENDS for export in ("lo74", "older")],
    ids=lambda p: f"body-{p[0]}-{p[1]}",
)
def banji_laid(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Laid]:
    """The plan with a 版记, its body ending on an odd or an even page, through LibreOffice
    as it is (lo74) and as one older than 7.4 that drops the blank page (plain `pdf`
    export, as before 7.4 when the JSON filter options were ignored)."""
    body_ends, export = request.param
    with pytest.MonkeyPatch.context() as patch:
        if export == "older":
            patch.setattr(pdf_module, "EXPORT", "pdf")
        out = tmp_path_factory.mktemp("banji") / "banji.docx"
        rendered = render_plan(banji_plan(body_ends), out, pdf=True)
    assert rendered.pdf is not None
    return body_ends, pages(rendered.pdf)


def numbered(laid: Laid) -> list[int]:
    """The page numbers printed, one per page that has one."""
    return [int(m[1]) for _, lines in laid for line in lines if (m := PAGE_NUMBER.match(line.text))]


def test_banji_on_the_even_last_page_else_the_next_even_page(
    banji_laid: tuple[str, Laid],
) -> None:
    """Ending even with room, the body's last page takes the 版记 at its foot (no sheet
    wasted); ending odd, the 版记 has the next (even) page to itself, without a number."""
    body_ends, laid = banji_laid
    body = numbered(laid)[-1]  # the body's last page
    assert (body % 2 == 0) is (body_ends == "even"), body  # else this case proves nothing
    assert len(laid) % 2 == 0
    texts = [line.text for line in laid[-1][1] if not PAGE_NUMBER.match(line.text)]
    assert texts[-3:] == BANJI
    if body_ends == "even":
        assert len(laid) == body and len(texts) > len(BANJI)  # the body above it
    else:
        assert len(laid) == body + 1 and texts == BANJI


def test_body_pages_keep_their_numbers(banji_laid: tuple[str, Laid]) -> None:
    _, laid = banji_laid
    body = numbered(laid)[-1]
    for number, (width, lines) in enumerate(laid[:body], start=1):
        _, found = body_and_number(lines)
        assert found.text.replace(" ", "") == f"—{number}—"
        assert (found.x_min > width / 2) is (number % 2 == 1), number


def test_banji_lands_at_the_foot_of_its_page(banji_laid: tuple[str, Laid]) -> None:
    _, laid = banji_laid
    last = [line for line in laid[-1][1] if not PAGE_NUMBER.match(line.text)]
    printer, date = last[-2], last[-1]
    assert date.x_min > printer.x_min + 150  # the date stands at the right, the office left
    page = load_profile().page
    assert last[-1].y_min > (page["height_mm"] - page["bottom_mm"] - 20) * MM


def test_the_users_docx_keeps_one_section_for_the_banji(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Also when the PDF needed a copy with a blank page: the .docx is Word's, and Word
    inserts the blank page itself (evenPage)."""
    monkeypatch.setattr(pdf_module, "EXPORT", "pdf")
    plan = banji_plan("even")
    render_plan(plan, tmp_path / "with-pdf.docx", pdf=True)
    render_plan(plan, tmp_path / "alone.docx")
    assert (tmp_path / "with-pdf.docx").read_bytes() == (tmp_path / "alone.docx").read_bytes()
    assert {p.name for p in tmp_path.iterdir()} == {
        "with-pdf.docx",
        "with-pdf.pdf",
        "alone.docx",
    }  # no copy left beside


def test_short_plan_on_one_page(tmp_path: Path) -> None:
    plan = model.Plan(
        bureau="某局",
        year=2024,
        title="要点",
        domains=[
            model.Domain(
                id="d", title="领域", tasks=[model.Task(id="t", title="任务", text="正文。")]
            )
        ],
    )
    rendered = render_plan(plan, tmp_path / "one.docx", pdf=True)
    assert rendered.pdf is not None
    ((_, lines),) = pages(rendered.pdf)
    assert [line.text for line in lines][:3] == ["要点", "一、领域", "1.任务。正文。"]


def test_a_long_cc_wraps_under_its_first_word_and_nothing_is_cut(tmp_path: Path) -> None:
    plan = banji_plan("odd")
    assert plan.notice is not None
    plan.notice.cc = "市委办公室，市人大常委会办公室，市政府办公室，市政协办公室"
    rendered = render_plan(plan, tmp_path / "long-cc.docx", pdf=True)
    assert rendered.pdf is not None
    _, last = pages(rendered.pdf)[-1]
    first, second, printer, date = last
    assert first.text + second.text == "抄送：" + plan.notice.cc + "。"
    size = load_profile().style("banji")["size_pt"]
    assert abs(second.x_min - (first.x_min + 3 * size)) < 2  # under the word after 抄送：
    assert first.y_min < second.y_min < printer.y_min  # three lines, none over another
    assert printer.y_min - second.y_min > size  # the wrapped line is not under the rule
    assert date.text == "2024年2月23日印发"


def test_the_report_table_breaks_no_header_and_no_figure(tmp_path: Path) -> None:
    results = model.Results(
        bureau="常州市民政局",
        year=2023,
        results=[
            model.Result(
                metric="“冬暖夏凉”赠送用电低收入家庭户数", value="1.2万", unit="户", target="1.3万"
            ),
            model.Result(metric="低保标准", value="1020", unit="元", target="918"),
            model.Result(
                metric="“寒冬送温暖”专项救助服务人数", value="147", unit="人", target="132"
            ),
        ],
    )
    path = tmp_path / "2023.results.yaml"
    store.save(path, results, None)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "planwriter",
            "render",
            str(path),
            "--pdf",
            "-o",
            str(tmp_path / "report.docx"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # pdftotext joins the cells of one baseline into a line: a broken cell leaves its
    # pieces on two lines, so it is found whole in none
    texts = [line.text for _, lines in pages(tmp_path / "report.pdf") for line in lines]
    for whole in (
        "序号",
        "指标",
        "完成率",
        "是否完成",
        "1.3万户",
        "1.2万户",
        "1020元",
        "111.1%",
        "111.4%",
        "92.3%",
        "未完成",
    ):
        assert any(whole in text for text in texts), (whole, texts)
