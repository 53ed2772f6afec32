"""PDF through LibreOffice, when it is installed: a private profile, a timeout, Chinese errors.

A document with a 版记 must end on an even page. The 版记 stands on the foot of the body's
last page when the writer counted that page even with room (docx.FOOT), else in a last
section of one page that starts on an even page (w:type evenPage). LibreOffice 7.4 lays that
section out on an even page but leaves the blank page it inserts for that out of the PDF,
unless the export is told otherwise (IsSkipEmptyPages, in the JSON filter options it reads
since 7.4). An older one ignores those options, and LibreOffice may lay a body out a line
longer than counted; the page count tells, and the document is converted once more with the
版记 on a page of its own, then after a blank page of its own.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from planwriter import files
from planwriter.catalogue import say
from planwriter.problems import InputError, Location, Problem
from planwriter.render import fonts

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


@dataclass(frozen=True)
class Converted:
    pdf: Path
    substituted: dict[str, str]  # official font → the face that stood in for it


def to_pdf(
    docx: Path,
    timeout: int = TIMEOUT_SECONDS,
    *,
    even_copies: Sequence[Callable[[Path], object]] = (),
    official_fonts: list[str] | None = None,
) -> Converted:
    """docx → PDF beside it, within `timeout` seconds in all, the official fonts mapped to
    the nearest installed faces (fonts.py); which of `official_fonts` were replaced is read
    from the PDF.

    `even_copies`, given for a document that ends in a 版记, each write that document with
    its 版记 placed otherwise (on a page of its own; after a blank page) to the path given:
    converted in turn in place of `docx` while the PDF has an odd number of pages, the 版记
    not on an even page. The user's .docx stays as it is, for Word."""
    program = libreoffice()
    if program is None:
        raise _error(docx, say("pdf_no_libreoffice"))
    with tempfile.TemporaryDirectory(prefix="planwriter-fonts-") as config:
        env = fonts.environment(Path(config))
        convert = Converter(program, docx, timeout, time.monotonic() + timeout, env)
        # LibreOffice writes in place: it writes into a folder of ours, and the PDF is put
        # beside the .docx atomically (a kill leaves the old PDF or the new one)
        with tempfile.TemporaryDirectory(prefix="planwriter-pdf-") as folder:
            made = convert(docx, Path(folder))
            # 0 pages counted (a PDF written otherwise than we know) also keeps LibreOffice's
            for n, write_copy in enumerate(even_copies):
                if page_count(made) % 2 == 0:
                    break
                copy = Path(folder) / str(n) / docx.name
                copy.parent.mkdir()
                write_copy(copy)
                made = convert(copy, copy.parent)
            pdf = docx.with_suffix(".pdf")
            files.write_atomically(pdf, made.read_bytes())
            return Converted(pdf, fonts.substitutions(made, official_fonts or [], env))


@dataclass(frozen=True)
class Converter:
    """One LibreOffice and one deadline for every conversion of the user's `docx`."""

    program: str
    docx: Path  # named in errors, also when a copy of it is converted
    timeout: int
    deadline: float
    env: dict[str, str] | None = None  # the fontconfig file, with the rest of ours

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
                    command, capture_output=True, text=True, timeout=left, check=False, env=self.env
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
