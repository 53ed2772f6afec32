"""Which PDF library keeps Chinese reading order: pypdf, pdfminer.six, pdfplumber (and poppler's
pdftotext as a peer), on PDFs LibreOffice makes from corpus documents and from a Word table whose
cells wrap over several lines. Score: how much of the source text comes back in order
(difflib ratio over the text without whitespace), and the time taken.

Run: python bench/import_pdf.py   (needs LibreOffice; pdfminer.six and pdfplumber only for the
comparison: pip install pdfminer.six pdfplumber). Prints figures; asserts nothing.
Chosen: pypdf (the only one of the three that kept each table cell's text together); the
last row of each document is what planwriter reads from it (pypdf's runs, rows rebuilt).
"""

from __future__ import annotations

import difflib
import re
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from planwriter.render.pdf import libreoffice

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
TEXTS = (
    "xiaoxian-2025-minsheng-progress",
    "yidu-2018-minzheng-jiuzhu",
    "xianju-2023-minzheng-summary",
)
ROWS = (
    ("项目名称", "年度目标任务", "完成情况", "完成率"),
    (
        "老年助餐",
        "新建老年助餐点15个，覆盖全县所有乡镇",
        "已建成老年助餐点18个，其中农村助餐点12个",
        "120%",
    ),
    ("适老化改造", "完成困难老年人家庭适老化改造400户", "已完成改造412户", "103%"),
)


def _pypdf(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(str(path)))


def _pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _planwriter(path: Path) -> str:
    """What the importer reads: pypdf's runs with indents and table rows rebuilt; the cells'
    separators are dropped for the comparison, as the source has none."""
    from planwriter.importer import formats, pdf

    return "\n".join(pdf.pdf_text(path)).replace(formats.SEPARATOR, "")


def _pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True
    ).stdout


READERS: dict[str, Callable[[Path], str]] = {
    "pypdf": _pypdf,
    "pdfminer.six": _pdfminer,
    "pdfplumber": _pdfplumber,
    "pdftotext (peer)": _pdftotext,
    "planwriter": _planwriter,
}


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pdf(source: Path, folder: Path, program: str) -> Path:
    subprocess.run(
        [program, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(source)],
        capture_output=True,
        check=True,
        timeout=180,
    )
    return folder / f"{source.stem}.pdf"


def _rows_kept(text: str) -> int:
    """How many of the table's rows come back whole on one line (an importer reads a row a
    line), whitespace aside."""
    lines = [_plain(line) for line in text.splitlines()]
    return sum(any("".join(row) in line for line in lines) for row in ROWS)


def _table_docx(folder: Path) -> tuple[Path, str]:
    import docx

    document = docx.Document()
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, row in enumerate(ROWS):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    path = folder / "table.docx"
    document.save(str(path))
    return path, "".join("".join(row) for row in ROWS)


def main() -> None:
    program = libreoffice()
    if program is None:
        print("LibreOffice is not installed: nothing to measure")
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        cases = []
        for stem in TEXTS:
            source = folder / f"{stem}.txt"
            source.write_text(
                (CORPUS / f"{stem}.txt").read_text(encoding="utf-8"), encoding="utf-8"
            )
            cases.append((stem, _pdf(source, folder, program), _plain(source.read_text())))
        table, truth = _table_docx(folder)
        cases.append(("a table with wrapped cells", _pdf(table, folder, program), truth))
        print(f"{'document':<34} {'reader':<17} {'in order':>8} {'time':>8} {'rows whole':>10}")
        for title, pdf, truth in cases:
            for reader, read in READERS.items():
                try:
                    start = time.perf_counter()
                    text = read(pdf)
                    took = time.perf_counter() - start
                except ImportError:
                    print(f"{title:<34} {reader:<17} {'not installed':>17}")
                    continue
                ratio = difflib.SequenceMatcher(None, _plain(text), truth, autojunk=False).ratio()
                rows = f"{_rows_kept(text)}/{len(ROWS)}" if pdf.stem == "table" else ""
                print(f"{title:<34} {reader:<17} {ratio:>8.3f} {took * 1000:>6.0f}ms {rows:>10}")


if __name__ == "__main__":
    main()
