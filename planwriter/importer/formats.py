"""The formats bureaus receive and publish besides .txt, .docx and PDF (importer.pdf): old
Word (.doc), WPS (.wps) and RTF, converted to .docx by LibreOffice when it is installed; and
how a paragraph's first line is indented and a table's cells joined, as the importer
writes them.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from planwriter.catalogue import say
from planwriter.problems import InputError, Location, Problem

CONVERT_SECONDS = 120


FIRST_LINE_INDENT = 2  # characters, as GB/T 9704 and most documents indent a paragraph
# How a web copy shows a paragraph's first line, indented, and how join_wrapped knows it
INDENT = "\u3000" * FIRST_LINE_INDENT
# How a web copy joins a table's cells; a Word table's, a PDF's and tab-separated rows are
# written with it too, and importer.tables reads them all
SEPARATOR = "|"


def as_docx(path: Path, folder: Path) -> Path:
    """An old Word, WPS or RTF file converted by LibreOffice into `folder`/<name>.docx."""
    name = str(path)
    from planwriter.render.pdf import libreoffice  # one place knows how LibreOffice is called

    program = libreoffice()
    if program is None:
        raise failure(name, say("import_needs_libreoffice"))
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
            raise failure(name, say("import_convert_timeout", seconds=CONVERT_SECONDS)) from err
    converted = folder / f"{path.stem}.docx"
    if done.returncode != 0 or not converted.is_file():
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise failure(name, say("import_convert_failed", detail=lines[-1] if lines else ""))
    return converted


def failure(name: str, message: str) -> InputError:
    """The problem of a file that cannot be read, as the importer says it."""
    return InputError([Problem("import", message, Location(name, 0, 0))])
