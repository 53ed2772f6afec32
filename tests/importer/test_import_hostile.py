"""Hostile files given to `import`, each built here (no bomb is stored in the repository):
refused at once with a Chinese message, never a traceback, never gigabytes of memory."""

from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _zip(path: Path, parts: dict[str, bytes | Callable[[io.BufferedIOBase], None]]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            if callable(content):
                with package.open(name, "w", force_zip64=True) as member:
                    content(member)
            else:
                package.writestr(name, content)


def _zeros(megabytes: int) -> Callable[[io.BufferedIOBase], None]:
    def write(member: io.BufferedIOBase) -> None:
        block = b"\0" * (1 << 20)
        for _ in range(megabytes):
            member.write(block)

    return write


def document_bomb(path: Path) -> None:
    _zip(path, {"[Content_Types].xml": CONTENT_TYPES.encode(), "word/document.xml": _zeros(1100)})


def styles_bomb(path: Path) -> None:
    _zip(
        path,
        {
            "[Content_Types].xml": CONTENT_TYPES.encode(),
            "word/document.xml": f'<w:document xmlns:w="{W}"/>'.encode(),
            "word/styles.xml": _zeros(1100),
        },
    )


def laughs(path: Path) -> None:
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [{entities}]><w:document xmlns:w="{W}">&a9;</w:document>'
    )
    _zip(path, {"[Content_Types].xml": CONTENT_TYPES.encode(), "word/document.xml": xml.encode()})


def xxe(path: Path) -> None:
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
    )
    _zip(path, {"[Content_Types].xml": CONTENT_TYPES.encode(), "word/document.xml": xml.encode()})


def truncated(path: Path) -> None:
    document_bomb_small = path.with_suffix(".tmpzip")
    _zip(document_bomb_small, {"word/document.xml": b"<w:document/>" * 1000})
    path.write_bytes(document_bomb_small.read_bytes()[:300])
    document_bomb_small.unlink()


def deep_xml(path: Path) -> None:
    xml = f'<w:document xmlns:w="{W}">' + "<w:p>" * 100000 + "</w:p>" * 100000 + "</w:document>"
    _zip(path, {"[Content_Types].xml": CONTENT_TYPES.encode(), "word/document.xml": xml.encode()})


def many_members(path: Path) -> None:
    _zip(path, {f"word/media/{n}.xml": b"" for n in range(20000)})


HOSTILE: dict[str, tuple[str, Callable[[Path], None]]] = {
    "document-bomb": ("a.docx", document_bomb),
    "styles-bomb": ("a.docx", styles_bomb),
    "billion-laughs": ("a.docx", laughs),
    "xxe": ("a.docx", xxe),
    "truncated": ("a.docx", truncated),
    "deep-xml": ("a.docx", deep_xml),
    "many-members": ("a.docx", many_members),
    "renamed-bomb": ("a.txt", document_bomb),
    "pdf": ("a.txt", lambda p: p.write_bytes(b"%PDF-1.7\n" + os.urandom(2000))),
    "binary": ("a.txt", lambda p: p.write_bytes(os.urandom(5000))),
    "nul-text": ("a.txt", lambda p: p.write_bytes("一、领域\n".encode() + b"\0" * 100)),
    "huge-figure": (
        "a.txt",
        lambda p: p.write_text(
            "2024年工作要点\n一、领域\n1.任务。为" + "9" * 200000 + "人服务。\n"
        ),
    ),
    "too-large": ("a.txt", lambda p: p.write_bytes(b"x" * (9 * 1024 * 1024))),
    "fifo": ("a.txt", lambda p: os.mkfifo(p)),
}


@pytest.mark.parametrize(("name", "build"), HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_import_file_is_said_in_chinese(
    tmp_path: Path, name: str, build: Callable[[Path], None]
) -> None:
    path = tmp_path / name
    build(path)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "planwriter",
            "import",
            "plan",
            name,
            "--bureau",
            "某",
            "--year",
            "2024",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    assert done.returncode in (0, 2), done.stderr
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
    assert "root:" not in done.stdout  # the XXE's file is never read in
    assert peak_mb < 600, f"{peak_mb:.0f} MB"
