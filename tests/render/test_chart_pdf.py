"""The native chart as LibreOffice draws it: its labels in the PDF's text, its bars in the
page's pixels (the completion bars' dark blue, the time bars' grey, nowhere else in the
document), at their lengths.

Needs LibreOffice and poppler-utils; skipped without them, except in CI (CI=true), where
.ci/run installs them and their absence is a failure.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from paths import FIXTURES

from planwriter.render.command import render_one
from planwriter.render.pdf import libreoffice_available

TOOLS = libreoffice_available() and shutil.which("pdftoppm") is not None
if not TOOLS and os.environ.get("CI") == "true":
    pytest.fail(
        "CI must install libreoffice-writer, fonts-noto-cjk and poppler-utils", pytrace=False
    )
pytestmark = [
    pytest.mark.pdf,
    pytest.mark.skipif(not TOOLS, reason="LibreOffice or poppler not installed"),
]
BLUE, GREY = (0x2F, 0x55, 0x97), (0xBF, 0xBF, 0xBF)  # chart.FILLS[0], FILLS[1]


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("chart")
    for name in ("2024.plan.yaml", "2023.results.yaml", "2024.progress.yaml"):
        shutil.copy(FIXTURES / "progress" / name, folder / name)
    # meals short of its 80: completion 37.5% of a period gone by (100%)
    text = (folder / "2024.progress.yaml").read_text(encoding="utf-8")
    (folder / "2024.progress.yaml").write_text(
        text.replace("value: 80\n", "value: 30\n"), encoding="utf-8"
    )
    args = argparse.Namespace(
        template="progress",
        profile=None,
        pdf=True,
        output=str(folder / "p.docx"),
        as_of="2024-06-30",
    )
    rendered = render_one(folder / "2024.plan.yaml", args, many=False)
    assert rendered.pdf is not None
    return rendered.pdf


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")


def pixels(pdf: Path, page: int) -> tuple[int, int, bytes]:
    """The page at 50 dpi as (width, height, RGB bytes), from pdftoppm's binary PPM."""
    root = pdf.with_name(f"page{page}")
    subprocess.run(
        ["pdftoppm", "-r", "50", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), root],
        capture_output=True,
        check=True,
    )
    data = root.with_suffix(".ppm").read_bytes()
    fields = data.split(maxsplit=4)  # P6, width, height, maxval, pixels
    assert fields[0] == b"P6"
    return int(fields[1]), int(fields[2]), fields[4]


def near(rgb: tuple[int, int, int], color: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 12 for a, b in zip(rgb, color, strict=True))


def runs(width: int, height: int, raw: bytes, color: tuple[int, int, int]) -> list[int]:
    """For each pixel row, its longest run of `color` (0 where none): a bar is a long run,
    the grey edge of an anti-aliased character a short one."""
    out = []
    for y in range(height):
        row = raw[y * width * 3 : (y + 1) * width * 3]
        longest = current = 0
        for x in range(0, len(row), 3):
            current = current + 1 if near(tuple(row[x : x + 3]), color) else 0
            longest = max(longest, current)
        out.append(longest)
    return out


def test_the_chart_labels_are_in_the_pdf(pdf: Path) -> None:
    pages = page_texts(pdf)
    chart_page = next(i for i, text in enumerate(pages) if "时间进度" in text and "0%" in text)
    text = pages[chart_page]
    for label in ("养老服务", "完成进度", "时间进度", "助餐点新增数", "37.5%", "100%"):
        assert label in text, label


def test_the_bars_are_drawn_at_their_lengths(pdf: Path) -> None:
    pages = page_texts(pdf)
    number = next(i for i, text in enumerate(pages) if "时间进度" in text and "0%" in text) + 1
    width, height, raw = pixels(pdf, number)
    blue = [n for n in runs(width, height, raw, BLUE) if n > 5]
    grey = [n for n in runs(width, height, raw, GREY) if n > 5]
    assert blue and grey, "no bars drawn"
    # two targets: completion 37.5% and 60% (blue), time 100% and 49.7% (grey)
    longest_blue, longest_grey = max(blue), max(grey)
    assert 0.5 < longest_blue / longest_grey < 0.7  # 60 against 100
    shortest_grey = min(n for n in grey if n > longest_grey / 5)  # not the legend's key
    assert 0.4 < shortest_grey / longest_grey < 0.6  # 49.7 against 100
    # nothing else on any other page uses the bars' colours
    for other in range(1, len(pages)):
        if other != number:
            w, h, r = pixels(pdf, other)
            assert not any(n > 5 for n in runs(w, h, r, BLUE)), other
