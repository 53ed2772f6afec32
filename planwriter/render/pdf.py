"""PDF through LibreOffice, when it is installed: a private profile, a timeout, Chinese errors."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from planwriter.messages import say
from planwriter.problems import InputError, Location, Problem

TIMEOUT_SECONDS = 180
CANDIDATES = ("soffice", "libreoffice")


def libreoffice() -> str | None:
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def libreoffice_available() -> bool:
    return libreoffice() is not None


def to_pdf(docx: Path, timeout: int = TIMEOUT_SECONDS) -> Path:
    """docx → PDF beside it. A private user profile lets it run beside an open LibreOffice."""
    program = libreoffice()
    if program is None:
        raise _error(docx, say("pdf_no_libreoffice"))
    with tempfile.TemporaryDirectory(prefix="planwriter-lo-") as profile:
        command = [program, f"-env:UserInstallation=file://{profile}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                  check=False)
        except subprocess.TimeoutExpired as err:
            raise _error(docx, say("pdf_timeout", seconds=timeout)) from err
    pdf = docx.with_suffix(".pdf")
    if done.returncode != 0 or not pdf.exists():
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise _error(docx, say("pdf_failed", detail=detail[-1] if detail else done.returncode))
    return pdf


def _error(path: Path, message: str) -> InputError:
    return InputError([Problem("pdf", message, Location(str(path)))])
