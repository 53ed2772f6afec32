"""PDF through LibreOffice, when it is installed: a private profile, a timeout, Chinese errors.

A document with a 版记 has it in a last section of one page that starts on an even page
(w:type evenPage), so the PDF must end on an even page. LibreOffice 7.4 lays the section out
on an even page but leaves the blank page it inserts for that out of the PDF, unless the
export is told otherwise (IsSkipEmptyPages, in the JSON filter options it reads since 7.4).
An older one ignores those options; the page count tells, and the document is converted
once more with a blank page of its own before the 版记.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from planwriter.catalogue import say
from planwriter.problems import InputError, Location, Problem

TIMEOUT_SECONDS = 180
CANDIDATES = ("soffice", "libreoffice")
EXPORT = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'
# Every page of a PDF is a dictionary of /Type /Page (the page tree's nodes are /Pages).
# Counted in the file itself: pdfinfo is not on every machine that has LibreOffice, and
# LibreOffice writes its dictionaries as plain text (no object streams). Streams are left
# out first, so compressed page content can never pass for a dictionary.
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z0-9])")
STREAM = re.compile(rb"\bstream\r?\n.*?\bendstream", re.DOTALL)


def libreoffice() -> str | None:
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def libreoffice_available() -> bool:
    return libreoffice() is not None


def page_count(pdf: Path) -> int:
    """The pages of a PDF LibreOffice wrote; 0 when none can be found."""
    return len(PAGE_OBJECT.findall(STREAM.sub(b"", pdf.read_bytes())))


def to_pdf(
    docx: Path,
    timeout: int = TIMEOUT_SECONDS,
    *,
    blank_page_copy: Callable[[Path], None] | None = None,
) -> Path:
    """docx → PDF beside it, within `timeout` seconds in all.

    `blank_page_copy`, given for a document that ends in a 版记, writes that document with a
    blank page before the 版记 to the path it is given: converted in place of `docx` when
    the 版记 came out on an odd page. The user's .docx stays as it is, for Word."""
    program = libreoffice()
    if program is None:
        raise _error(docx, say("pdf_no_libreoffice"))
    convert = Converter(program, docx, timeout, time.monotonic() + timeout)
    pdf = convert(docx, docx.parent)
    # 0 pages counted (a PDF written otherwise than we know) also leaves LibreOffice's result
    if blank_page_copy is None or page_count(pdf) % 2 == 0:
        return pdf
    with tempfile.TemporaryDirectory(prefix="planwriter-pdf-") as folder:
        copy = Path(folder) / docx.name
        blank_page_copy(copy)
        shutil.copyfile(convert(copy, Path(folder)), pdf)
    return pdf


@dataclass(frozen=True)
class Converter:
    """One LibreOffice and one deadline for every conversion of the user's `docx`."""

    program: str
    docx: Path  # named in errors, also when a copy of it is converted
    timeout: int
    deadline: float

    def __call__(self, source: Path, folder: Path) -> Path:
        """`source` → `folder`/<its name>.pdf. A private user profile lets it run beside an
        open LibreOffice."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise _error(self.docx, say("pdf_timeout", seconds=self.timeout))
        pdf = folder / f"{source.stem}.pdf"
        before = _stamp(pdf)
        with tempfile.TemporaryDirectory(prefix="planwriter-lo-") as profile:
            command = [
                self.program,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                EXPORT,
                "--outdir",
                str(folder),
                str(source),
            ]
            try:
                done = subprocess.run(
                    command, capture_output=True, text=True, timeout=left, check=False
                )
            except subprocess.TimeoutExpired as err:
                raise _error(self.docx, say("pdf_timeout", seconds=self.timeout)) from err
        # LibreOffice can exit 0 without writing: an earlier PDF left there is no result
        if done.returncode != 0 or _stamp(pdf) in (None, before):
            lines = (done.stderr or done.stdout).strip().splitlines()
            detail = lines[-1] if lines else say("pdf_wrote_nothing", code=done.returncode)
            raise _error(self.docx, say("pdf_failed", detail=detail))
        return pdf


def _stamp(path: Path) -> tuple[int, int] | None:
    """When and how large `path` was written, or None when it is not there."""
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    return found.st_mtime_ns, found.st_size


def _error(path: Path, message: str) -> InputError:
    return InputError([Problem("pdf", message, Location(str(path)))])
