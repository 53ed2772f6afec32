"""Nothing lost between the .docx and the PDF: every character Word would print, LibreOffice
prints too (a line-final ，、。 hung under the condensed body spacing was not drawn)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from paths import ROOT

from planwriter import store
from planwriter.render import render_plan
from planwriter.render.pdf import libreoffice_available

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
RESULTS = ROOT / "plans" / "changzhou" / "2023.results.yaml"
TOOLS = libreoffice_available() and shutil.which("pdftotext") is not None
if not TOOLS and os.environ.get("CI") == "true":
    pytest.fail("CI must install libreoffice-writer and poppler-utils", pytrace=False)
pytestmark = [
    pytest.mark.pdf,
    pytest.mark.skipif(not TOOLS, reason="LibreOffice or pdftotext not installed"),
]
PAGE_NUMBER = re.compile(r"—\s*\d+\s*—")
W_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def docx_characters(path: Path) -> Counter[str]:
    """The printed characters of the body (footers hold only the page numbers)."""
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    text = "".join(W_TEXT.findall(xml))
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&amp;", "&")):
        text = text.replace(entity, char)
    return Counter(ch for ch in text if not ch.isspace())


def chart_characters(path: Path) -> Counter[str]:
    """The text of the charts' parts: titles, categories and series names."""
    with zipfile.ZipFile(path) as package:
        names = [n for n in package.namelist() if re.fullmatch(r"word/charts/chart\d+\.xml", n)]
        xml = "".join(package.read(name).decode("utf-8") for name in names)
    text = "".join(re.findall(r"<(?:c:v|a:t)>([^<]*)</(?:c:v|a:t)>", xml))
    return Counter(ch for ch in text if not ch.isspace())


def pdf_characters(path: Path) -> Counter[str]:
    # -layout: the plain mode joins a word broken at a line-final hyphen and drops the hyphen
    command = ["pdftotext", "-layout", str(path), "-"]
    text = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return Counter(ch for ch in PAGE_NUMBER.sub("", text) if not ch.isspace())


def shifted(by: int) -> object:
    """The example with every task's text `by` characters longer at its start, so each mark
    that ended a line lands elsewhere."""
    plan = store.load_plan(PLAN).model
    for domain in plan.domains:
        for task in [*domain.tasks, *(t for s in domain.sections for t in s.tasks)]:
            task.text = "甲乙丙"[:by] + task.text
    return plan


@pytest.mark.parametrize(
    ("template", "by"),
    [("notice", 0), ("plain", 0), ("notice", 1), ("notice", 2), ("notice", 3)],
)
def test_every_character_of_the_docx_is_in_the_pdf(tmp_path: Path, template: str, by: int) -> None:
    out = tmp_path / f"{template}-{by}.docx"
    rendered = render_plan(shifted(by), out, template=template, pdf=True)  # type: ignore[arg-type]
    assert rendered.pdf is not None
    wanted, printed = docx_characters(out), pdf_characters(rendered.pdf)
    assert sum(wanted.values()) > 5000
    assert wanted - printed == Counter() and printed - wanted == Counter()


def test_every_character_of_the_report_is_in_the_pdf(tmp_path: Path) -> None:
    from planwriter.render.command import render_one

    class Args:
        output = str(tmp_path / "report.docx")
        profile = None
        template = None
        pdf = True

    rendered = render_one(RESULTS, Args(), many=False)  # type: ignore[arg-type]
    wanted, printed = docx_characters(rendered.docx), pdf_characters(rendered.pdf)
    assert sum(wanted.values()) > 50
    assert wanted - printed == Counter()
    # what the PDF has beyond the text is the charts' own: their titles, 指标 and series
    # names, and the figures they draw (data labels and axis ticks, set from numbers)
    extra = printed - wanted
    drawn = set(chart_characters(rendered.docx)) | set("0123456789.%")
    assert set(extra) <= drawn, set(extra) - drawn
