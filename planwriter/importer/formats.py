"""The formats bureaus receive and publish besides .txt and .docx: PDF, read with pypdf (of
pypdf, pdfminer.six and pdfplumber the one that kept Chinese reading order in table cells, see
bench/import_pdf.py); old Word (.doc), WPS (.wps) and RTF, converted to .docx by LibreOffice
when it is installed. Each library is imported only when such a file is read.
"""

from __future__ import annotations

import logging
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from planwriter.catalogue import say
from planwriter.problems import InputError, Location, Problem

CONVERT_SECONDS = 120


def pdf_text(path: Path) -> Iterator[str]:
    """The lines of a PDF's text layer, page after page."""
    name = str(path)
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError as err:  # a runtime dependency: only a broken install lacks it
        raise _fail(name, say("import_pdf_needs_pypdf")) from err
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are no message of ours
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _fail(name, say("import_pdf_broken", reason=say("import_pdf_encrypted")))
        pages = [_with_indents(page) for page in reader.pages]
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, OSError) as err:
        # the reason in words, not pypdf's class name (issue 12: no exception names)
        raise _fail(name, say("import_pdf_broken", reason=say("import_pdf_damaged"))) from err
    if not any(page.strip() for page in pages):
        raise _fail(name, say("import_pdf_no_text"))
    for page in pages:
        yield from page.splitlines()


FIRST_LINE_INDENT = 2  # characters, as GB/T 9704 and most documents indent a paragraph
# How a web copy shows a paragraph's first line, indented, and how join_wrapped knows it
INDENT = "\u3000" * FIRST_LINE_INDENT
# A first-line indent, in characters (its font's size); further in is a centred line
_INDENT_CHARACTERS = (1.5, 3.5)


def _with_indents(page: Any) -> str:
    """The page's text, each line indented on the page (a paragraph's first line) opening with
    INDENT: pypdf's text drops the indent, but says where each run of text starts."""
    lines: list[tuple[str, float | None, float]] = []  # text, where it starts, font size
    text, start, size = "", None, 0.0

    def visit(chunk: str, cm: list[float], tm: list[float], _font: Any, font_size: float) -> None:
        nonlocal text, start, size
        for n, piece in enumerate(chunk.split("\n")):
            if n:
                lines.append((text, start, size))
                text, start = "", None
            if piece.strip() and start is None:
                start = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]  # x on the page
                size = font_size * tm[0] * cm[0]
            text += piece

    page.extract_text(visitor_text=visit)
    lines.append((text, start, size))
    starts = Counter(round(x) for _, x, _ in lines if x is not None)
    if not starts:
        return "\n".join(line for line, _, _ in lines)
    margin = starts.most_common(1)[0][0]  # where the body's lines begin
    low, high = _INDENT_CHARACTERS
    return "\n".join(
        INDENT + line.lstrip() if x is not None and low * em <= x - margin <= high * em else line
        for line, x, em in lines
    )


def as_docx(path: Path, folder: Path) -> Path:
    """An old Word, WPS or RTF file converted by LibreOffice into `folder`/<name>.docx."""
    name = str(path)
    from planwriter.render.pdf import libreoffice  # one place knows how LibreOffice is called

    program = libreoffice()
    if program is None:
        raise _fail(name, say("import_needs_libreoffice"))
    with tempfile.TemporaryDirectory(prefix="planwriter-lo-") as profile:
        command = [
            program,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder),
            str(path),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=CONVERT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired as err:
            raise _fail(name, say("import_convert_timeout", seconds=CONVERT_SECONDS)) from err
    converted = folder / f"{path.stem}.docx"
    if done.returncode != 0 or not converted.is_file():
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise _fail(name, say("import_convert_failed", detail=lines[-1] if lines else ""))
    return converted


def _fail(name: str, message: str) -> InputError:
    return InputError([Problem("import", message, Location(name, 0, 0))])
