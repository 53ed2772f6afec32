"""Official fonts in the PDF: LibreOffice is given the shipped fontconfig substitutions, so
body, 一、 and （一） headings and the title keep distinct faces where the official fonts are
missing, and the user is told, once, which fonts stood in for which."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from paths import ROOT

from planwriter import model
from planwriter.render import fonts
from planwriter.render.blocks import Paragraph, Run
from planwriter.render.docx import write_docx
from planwriter.render.pdf import libreoffice, libreoffice_available, to_pdf
from planwriter.render.profile import load_profile

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
TOOLS = libreoffice_available() and shutil.which("pdffonts") is not None
if not TOOLS and os.environ.get("CI") == "true":
    pytest.fail("CI must install libreoffice-writer, fonts and poppler-utils", pytrace=False)
pytestmark = [
    pytest.mark.pdf,
    pytest.mark.skipif(not TOOLS, reason="LibreOffice or pdffonts not installed"),
]
KINDS = ("body", "heading1", "heading2", "title")


def faces(pdf: Path) -> set[str]:
    """The faces a PDF draws with, by name without the subset tag."""
    listing = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    return {re.sub(r"^[A-Z]{6}\+", "", line.split()[0]) for line in listing if line.strip()}


@pytest.fixture(scope="module")
def by_kind(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, set[str]], dict[str, str]]:
    """A document for the page number alone and one per kind of paragraph, converted at once
    with the conversion's font configuration; and the substitutions to_pdf reads from a PDF
    holding them all."""
    folder = tmp_path_factory.mktemp("fonts")
    profile = load_profile()
    date = model.dt.date(2024, 1, 1)
    documents = []
    for kind in ("numbers", *KINDS):
        blocks = [Paragraph("body", [])]
        if kind != "numbers":
            blocks.append(Paragraph(kind, [Run("二〇二四年全市民政工作要点")]))
        documents.append(folder / f"{kind}.docx")
        write_docx(blocks, profile, documents[-1], title="t", author="a", date=date)
    program = libreoffice()
    assert program is not None
    env = fonts.environment(folder)
    profile_dir = (folder / "lo").as_uri()
    subprocess.run(
        [
            program,
            f"-env:UserInstallation={profile_dir}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, documents),
        ],
        capture_output=True,
        env=env,
        check=True,
        timeout=300,
    )
    numbers = faces(folder / "numbers.pdf")
    pages = {kind: faces(folder / f"{kind}.pdf") - numbers for kind in KINDS}
    everything = [Paragraph(kind, [Run("公文")]) for kind in KINDS]
    write_docx(everything, profile, folder / "all.docx", title="t", author="a", date=date)
    official = [font.name for font in profile.fonts.values() if not font.name.isascii()]
    return pages, to_pdf(folder / "all.docx", official_fonts=official).substituted


def test_body_headings_and_title_come_out_in_three_faces_or_more(
    by_kind: tuple[dict[str, set[str]], dict[str, str]],
) -> None:
    pages, _ = by_kind
    assert all(len(found) == 1 for found in pages.values()), pages
    distinct = {next(iter(found)) for found in pages.values()}
    assert len(distinct) >= 3, pages
    assert not any("jp" in face.lower() and "CJK" not in face for face in distinct)


def test_the_substitutions_are_read_from_the_pdf(
    by_kind: tuple[dict[str, set[str]], dict[str, str]],
) -> None:
    installed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    _, substituted = by_kind
    for official in ("仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体"):
        if official in installed:
            assert official not in substituted
        else:
            assert substituted.get(official), (official, substituted)


def test_the_cli_says_it_once_in_chinese(tmp_path: Path) -> None:
    plans = []
    for name in ("a", "b"):
        copy = tmp_path / f"{name}.plan.yaml"
        copy.write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
        plans.append(str(copy))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "planwriter",
            "render",
            *plans,
            "--pdf",
            "-o",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    notes = [line for line in done.stderr.splitlines() if "公文字体" in line]
    installed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    if "仿宋_GB2312" in installed:
        return
    assert len(notes) == 1, done.stderr
    assert "仿宋_GB2312 → " in notes[0] and "PDF 中已用相近字体代替" in notes[0]
