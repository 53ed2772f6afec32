"""Reading a published document into lines: plain text in any common Chinese encoding, or .docx.

This is the only part of the importer that touches the disk. python-docx is imported
only when the input is a Word document.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planwriter import files
from planwriter.catalogue import say
from planwriter.importer import formats, pdf
from planwriter.importer.word_numbers import ListLabels
from planwriter.problems import InputError, Location, Problem
from planwriter.source import CONTROL_CHARS

MAX_TEXT_BYTES = 8 * 1024 * 1024
MAX_DOCX_BYTES = 64 * 1024 * 1024  # pictures make Word files large
MAX_DOCX_PART_BYTES = 32 * 1024 * 1024  # a 工作要点's document.xml is under 2 MB unpacked
MAX_DOCX_UNPACKED_BYTES = 256 * 1024 * 1024  # pictures hardly shrink when packed
_MAGIC = {  # what a file is when it is neither text nor .docx
    b"%PDF": "import_is_pdf",
    b"\xd0\xcf\x11\xe0": "import_is_old_office",  # .doc, .wps, .xls: OLE compound files
    b"{\\rtf": "import_is_rtf",
}


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line of a text file, or paragraph of a Word document
    text: str  # as read, without the line break


@dataclass(frozen=True)
class Source:
    name: str  # the file as the user named it, for messages
    lines: tuple[Line, ...]
    is_docx: bool = False

    def where(self, number: int = 0) -> Location:
        return Location(self.name, number, 1 if number else 0)


def fail(name: str, message: str, line: int = 0) -> InputError:
    return InputError([Problem("import", message, Location(name, line, 1 if line else 0))])


def read_source(path: Path | str) -> Source:
    """The document's lines; an InputError in Chinese when it cannot be read as one."""
    path = Path(path)
    name = str(path)
    binary = path.suffix.lower() in (".docx", ".doc", ".wps", ".pdf", ".rtf")
    limit = MAX_DOCX_BYTES if binary else MAX_TEXT_BYTES
    try:  # a regular file only, bounded by the bytes read (a FIFO, /dev/zero refused)
        data = files.read_bytes(path, limit, "import_too_large")
    except InputError as err:
        raise fail(name, err.problems[0].message) from err
    if not data.strip():
        raise fail(name, say("import_empty"))
    if path.suffix.lower() == ".docx" or _is_word_zip(path, data):
        return Source(name, tuple(docx_lines(path)), is_docx=True)
    if data.startswith(b"%PDF"):
        return source_from_text("\n".join(pdf.pdf_text(path)), name)
    if data.startswith((b"\xd0\xcf\x11\xe0", b"{\\rtf")):  # .doc, .wps (OLE); RTF
        with tempfile.TemporaryDirectory(prefix="planwriter-import-") as folder:
            converted = formats.as_docx(path, Path(folder))
            return Source(name, tuple(docx_lines(converted, name)), is_docx=True)
    return source_from_text(decode(data, name), name)


def source_from_text(text: str, name: str = "<text>") -> Source:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Source(name, tuple(Line(i, clean(line)) for i, line in enumerate(lines, 1)))


_LINE_BREAKS = re.compile("[\x0b\x0c]")  # Word's manual line break and page break in .txt


def clean(text: str) -> str:
    """What a plan file cannot hold: tabs become spaces (a row of tab-separated cells, the
    table cell separator |), Word's breaks spaces, other control characters go (the YAML reader
    refuses them, so an import could not be read back)."""
    tab = formats.SEPARATOR if text.strip().count("\t") >= 2 else " "
    return CONTROL_CHARS.sub("", _LINE_BREAKS.sub(" ", text.replace("\t", tab)))


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (which covers GBK and GB2312)."""
    for magic, key in _MAGIC.items():
        if data.startswith(magic):
            raise fail(name, say(key))
    if data.startswith(b"PK\x03\x04"):
        raise fail(name, say("import_zip_not_docx"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _try(data, "utf-16")
    elif b"\x00" in data:
        raise fail(name, say("import_binary"))
    else:
        text = _try(data, "utf-8-sig") or _try(data, "gb18030")
    if text is None or _looks_binary(text):
        raise fail(name, say("import_binary"))
    if not text.strip():
        raise fail(name, say("import_empty"))
    return text


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_binary(text: str) -> bool:
    """Random bytes often decode as GB18030; real text has almost no control characters."""
    sample = text[:20000]
    controls = len(CONTROL_CHARS.findall(sample))
    return controls > max(2, len(sample) // 200)


def _is_word_zip(path: Path, data: bytes) -> bool:
    """A .docx saved under another name is still a Word document."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


# --- Word documents ------------------------------------------------------------------


def docx_lines(path: Path, name: str = "") -> Iterator[Line]:
    """Every paragraph in order (table rows as one line each), with its list number restored.
    `name` is the file as the user named it, when `path` is a converted copy."""
    name = name or str(path)
    if not zipfile.is_zipfile(path):
        raise fail(name, say("import_docx_not_zip"))
    _refuse_bombs(path, name)
    try:
        import docx  # only Word input pays for python-docx

        document = docx.Document(str(path))
        paragraphs = list(_paragraph_texts(document))
    except InputError:
        raise
    except Exception as err:  # python-docx and lxml raise many kinds on a damaged file
        raise fail(name, say("import_docx_broken")) from err
    for number, text in enumerate(paragraphs, 1):
        for part in text.split("\n"):  # soft line breaks inside a paragraph
            yield Line(number, clean(part))


def _refuse_bombs(path: Path, name: str) -> None:
    """Members are limited by their unpacked size: zipfile never unpacks more than a
    member declares, so the declared sizes bound what python-docx can be made to hold."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise fail(name, say("import_docx_broken")) from err
    total = sum(m.file_size for m in members)
    largest_xml = max((m.file_size for m in members if m.filename.endswith(".xml")), default=0)
    if largest_xml > MAX_DOCX_PART_BYTES or total > MAX_DOCX_UNPACKED_BYTES:
        size = _mb(max(total, largest_xml))
        raise fail(name, say("import_docx_unpacks_too_large", size=size))


def _paragraph_texts(document: Any) -> Iterator[str]:
    label = ListLabels(document)
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):  # a table: one line per row, cells joined by |
            for row in block.rows:
                cells = (cell.text.strip().replace(formats.SEPARATOR, "｜") for cell in row.cells)
                yield formats.SEPARATOR.join(cells)
        else:
            yield label(block) + block.text


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
