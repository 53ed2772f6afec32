"""Simplified Chinese glyph forms in the PDF, not Japanese ones.

Noto CJK's collection files hold the JP, KR, SC, TC and HK faces over one CFF table, whose name
is the JP one: LibreOffice's PDF calls the title's face `NotoSerifCJKjp-Bold-VKana` whichever
face it drew with, so the name cannot tell. The page can: 直, 写 and 画 are drawn differently in
the SC and JP faces. Each is rasterised where the PDF put it and compared with both faces of
the family the fonts notice names, drawn directly from the collection; it must be that face.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from planwriter import model
from planwriter.render.blocks import Block, Paragraph, Run
from planwriter.render.docx import write_docx
from planwriter.render.pdf import libreoffice_available, to_pdf
from planwriter.render.profile import load_profile

TOOLS = libreoffice_available() and all(
    shutil.which(tool) for tool in ("pdftoppm", "pdftotext", "fc-match")
)
if not TOOLS and os.environ.get("CI") == "true":
    pytest.fail("CI must install libreoffice-writer, fonts and poppler-utils", pytrace=False)
pytestmark = [
    pytest.mark.pdf,
    pytest.mark.skipif(not TOOLS, reason="LibreOffice, poppler or fontconfig not installed"),
]

CHARS = "直写画"  # SC and JP forms differ in each (measured below: test_the_two_forms_differ)
KINDS = ("title", "heading1", "heading2", "body", "masthead_note")
DPI = 400
SIDE = 64  # glyphs are compared as SIDE × SIDE bitmaps of their inked box
REGION = re.compile(r" (SC|TC|JP|KR|HK)$")


def bitmap(image: Image.Image) -> Image.Image:
    """The inked part of a grey image, black on white → white on black, scaled to SIDE²."""
    ink = ImageChops.invert(image.convert("L")).point(lambda v: 255 if v > 127 else 0)
    box = ink.getbbox()
    assert box is not None, "no ink"
    return (
        ink.crop(box)
        .resize((SIDE, SIDE), Image.Resampling.BILINEAR)
        .point(lambda v: 255 if v > 127 else 0)
    )


def distance(a: Image.Image, b: Image.Image) -> float:
    """The share of the SIDE² pixels inked in one bitmap and not the other."""
    histogram = ImageChops.difference(a, b).histogram()
    return 1 - histogram[0] / (SIDE * SIDE)


def face_file(family: str, bold: bool) -> tuple[str, int] | None:
    """The file and collection index fontconfig has for `family`, None when it has another."""
    pattern = f"{family}:weight={'bold' if bold else 'regular'}"
    found = subprocess.run(
        ["fc-match", "-f", "%{family[0]}|%{file}|%{index}", pattern],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split("|")
    if len(found) != 3 or found[0] != family:
        return None
    return found[1], int(found[2])


def drawn_directly(face: tuple[str, int], char: str) -> Image.Image:
    """`char` in one face of a collection, without shaping (so without language rules)."""
    font = ImageFont.truetype(face[0], 200, index=face[1], layout_engine=ImageFont.Layout.BASIC)
    image = Image.new("L", (300, 300), 255)
    ImageDraw.Draw(image).text((40, 20), char, font=font, fill=0)
    return bitmap(image)


def glyphs_on_page(pdf: Path, folder: Path) -> list[Image.Image]:
    """Page 1's characters of CHARS in reading order, each cut from the page at DPI where
    pdftotext places it (the characters are set apart by spaces, so each is a word)."""
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(DPI),
            "-gray",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(folder / "page"),
        ],
        check=True,
    )
    words = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    page = Image.open(folder / "page.png")
    scale = DPI / 72
    cut = []
    for box, text in re.findall(r"<word (xMin[^>]*)>([^<]*)</word>", words):
        if text not in CHARS:
            continue
        edges = {k: float(v) * scale for k, v in re.findall(r'(\w+)="([\d.]+)"', box)}
        cut.append(
            page.crop(
                (
                    round(edges["xMin"]) - 4,
                    round(edges["yMin"]) - 4,
                    round(edges["xMax"]) + 4,
                    round(edges["yMax"]) + 4,
                )
            )
        )
    return cut


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """One page holding CHARS in each kind of paragraph, converted as `render --pdf` does;
    with the substitutions the fonts notice reports."""
    folder = tmp_path_factory.mktemp("forms")
    profile = load_profile()
    blocks: list[Block] = [Paragraph(kind, [Run(" ".join(CHARS))]) for kind in KINDS]
    docx = folder / "forms.docx"
    write_docx(blocks, profile, docx, title="t", author="a", date=model.dt.date(2024, 1, 1))
    official = [font.name for font in profile.fonts.values() if not font.name.isascii()]
    converted = to_pdf(docx, official_fonts=official)
    return converted.pdf, converted.substituted


def regional_stand_ins(substituted: dict[str, str]) -> dict[str, tuple[str, bool]]:
    """Official font → (family, bold) for the stand-ins that are one region of a CJK family."""
    found = {}
    for official, named in substituted.items():
        bold = named.endswith(" Bold")
        family = named.removesuffix(" Bold")
        if REGION.search(family):
            found[official] = (family, bold)
    return found


def test_the_two_forms_differ(rendered: tuple[Path, dict[str, str]]) -> None:
    """The comparison can tell: SC and JP drawn directly are far apart for every character."""
    _, substituted = rendered
    for family, bold in regional_stand_ins(substituted).values():
        sc = face_file(REGION.sub(" SC", family), bold)
        jp = face_file(REGION.sub(" JP", family), bold)
        assert sc is not None and jp is not None, family
        for char in CHARS:
            assert distance(drawn_directly(sc, char), drawn_directly(jp, char)) > 0.1, char


def test_the_pdf_draws_the_simplified_forms_of_the_face_the_notice_names(
    rendered: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    pdf, substituted = rendered
    stand_ins = regional_stand_ins(substituted)
    if not stand_ins:
        pytest.skip(f"no official font stood in for by a regional CJK face: {substituted}")
    profile = load_profile()
    glyphs = glyphs_on_page(pdf, tmp_path)
    assert len(glyphs) == len(KINDS) * len(CHARS), len(glyphs)
    compared = 0
    for k, kind in enumerate(KINDS):
        official = profile.fonts[profile.style(kind)["font"]].name
        if official not in stand_ins:
            continue
        family, bold = stand_ins[official]
        assert family.endswith(" SC"), (official, family)  # Simplified Chinese named
        named = face_file(family, bold)
        japanese = face_file(REGION.sub(" JP", family), bold)
        assert named is not None and japanese is not None, family
        for c, char in enumerate(CHARS):
            page = bitmap(glyphs[k * len(CHARS) + c])
            to_named = distance(page, drawn_directly(named, char))
            to_japanese = distance(page, drawn_directly(japanese, char))
            assert to_named < 0.6 * to_japanese, (kind, char, to_named, to_japanese)
            compared += 1
    assert compared >= len(CHARS), substituted
