"""The 版记's even page in the PDF, without LibreOffice: the page count read from the file, and
the second conversion (a copy with a blank page) run by a stand-in for soffice."""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from planwriter import model
from planwriter.catalogue import say
from planwriter.problems import InputError
from planwriter.render import pdf as pdf_module
from planwriter.render import render_plan
from planwriter.render.pdf import page_count, to_pdf

# Writes <outdir>/<name>.pdf with FAKE_PAGES pages, one more for each section past the two
# of a document with a 版记 (the copy's blank page), after FAKE_SECONDS; logs what it read.
FAKE_SOFFICE = """\
import os, pathlib, sys, time, zipfile
args = sys.argv[1:]
source, folder = pathlib.Path(args[-1]), pathlib.Path(args[args.index("--outdir") + 1])
xml = zipfile.ZipFile(source).read("word/document.xml").decode()
time.sleep(float(os.environ.get("FAKE_SECONDS", "0")))
pages = int(os.environ["FAKE_PAGES"]) + max(xml.count("<w:sectPr>") - 2, 0)
with open(os.environ["FAKE_LOG"], "a") as log:
    log.write(f"{source}\\n")
objects = b"".join(b"%d 0 obj\\n<</Type/Page/Parent 99 0 R>>\\nendobj\\n" % (n + 1)
                   for n in range(pages))
(folder / f"{source.stem}.pdf").write_bytes(
    b"%PDF-1.6\\n" + objects + b"99 0 obj\\n<</Type/Pages/Count %d>>\\nendobj\\n%%%%EOF\\n" % pages)
"""


def pdf_bytes(*objects: bytes) -> bytes:
    return (
        b"%PDF-1.6\n"
        + b"".join(b"%d 0 obj\n%s\nendobj\n" % (n, o) for n, o in enumerate(objects, start=1))
        + b"%%EOF\n"
    )


def test_page_count_counts_page_dictionaries(tmp_path: Path) -> None:
    stream = b"<</Length 30/Filter/FlateDecode>>\nstream\n/Type /Page x/Type/Page\nendstream"
    path = tmp_path / "three.pdf"
    path.write_bytes(
        pdf_bytes(
            b"<</Type/Pages/Kids[2 0 R 3 0 R 5 0 R]/Count 3>>",
            b"<</Type/Page/Parent 1 0 R>>",
            b"<< /Type /Page >>",
            stream,
            b"<</Type\n/Page\n/Parent 1 0 R>>",
            b"<</Type/PageLabel>>",
        )
    )
    assert page_count(path) == 3  # not the tree node, the stream's bytes nor a /PageLabel


def test_page_count_is_zero_when_nothing_reads_as_a_page(tmp_path: Path) -> None:
    path = tmp_path / "odd.pdf"
    path.write_bytes(pdf_bytes(b"<</Type/ObjStm/N 4>>"))
    assert page_count(path) == 0  # and to_pdf leaves such a PDF as LibreOffice made it


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """soffice replaced by FAKE_SOFFICE; returns the log of the documents it converted."""
    script = tmp_path / "soffice"
    script.write_text(f"#!{sys.executable}\n{FAKE_SOFFICE}", encoding="utf-8")
    script.chmod(0o755)
    log = tmp_path / "converted.log"
    log.touch()
    monkeypatch.setattr(pdf_module, "libreoffice", lambda: str(script))
    monkeypatch.setenv("FAKE_LOG", str(log))
    return log


def plan(banji: bool) -> model.Plan:
    notice = model.Notice(
        recipients="各区民政局",
        cc="市委办公室" if banji else "",
        printer="某局办公室" if banji else "",
    )
    return model.Plan(
        bureau="某局",
        year=2024,
        title="要点",
        notice=notice,
        domains=[
            model.Domain(
                id="d", title="领域", tasks=[model.Task(id="t", title="任务", text="正文。")]
            )
        ],
    )


def sections(docx: Path) -> int:
    return zipfile.ZipFile(docx).read("word/document.xml").decode().count("<w:sectPr>")


@pytest.mark.parametrize(
    ("pages", "banji", "conversions", "pdf_pages"),
    [
        # the short plan's body ends on page 2, so its 版记 is put on that page's foot; the
        # stand-in lays every document out on FAKE_PAGES pages, one more per extra section
        (15, True, 3, 16),  # odd: again on a page of its own (15), then after a blank (16)
        (14, True, 1, 14),  # already even: once
        (15, False, 1, 15),  # no 版记, no parity to keep
    ],
)
def test_copies_only_while_the_banji_is_odd(
    tmp_path: Path,
    fake_soffice: Path,
    monkeypatch: pytest.MonkeyPatch,
    pages: int,
    banji: bool,
    conversions: int,
    pdf_pages: int,
) -> None:
    monkeypatch.setenv("FAKE_PAGES", str(pages))
    out = tmp_path / "out" / "要点.docx"
    rendered = render_plan(plan(banji), out, pdf=True)
    converted = fake_soffice.read_text(encoding="utf-8").splitlines()
    assert len(converted) == conversions and converted[0] == str(out)
    for copy in converted[1:]:  # the copies live elsewhere, under the same name
        assert Path(copy).name == out.name and Path(copy).parent != out.parent
    assert rendered.pdf == out.with_suffix(".pdf") and page_count(rendered.pdf) == pdf_pages
    assert sections(out) == 1  # the user's .docx: the 版记 at the foot, no blank page for Word
    assert sorted(p.name for p in out.parent.iterdir()) == ["要点.docx", "要点.pdf"]


def test_the_second_conversion_shares_the_timeout(
    tmp_path: Path, fake_soffice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_PAGES", "15")
    monkeypatch.setenv("FAKE_SECONDS", "1.2")  # each conversion fits in 2 s, both do not
    docx = tmp_path / "要点.docx"
    render_plan(plan(True), docx)
    with pytest.raises(InputError) as err:
        to_pdf(docx, timeout=2, even_copies=[lambda copy: shutil.copyfile(docx, copy)])
    (problem,) = err.value.problems
    assert problem.message == say("pdf_timeout", seconds=2)
    assert problem.where.file == str(docx)  # the user's file, not the copy


def test_an_earlier_pdf_is_no_result_when_libreoffice_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LibreOffice can exit 0 without converting: the PDF already beside the .docx is old."""
    silent = tmp_path / "soffice"
    silent.write_text(f"#!{sys.executable}\nimport sys\nsys.exit(0)\n", encoding="utf-8")
    silent.chmod(0o755)
    monkeypatch.setattr(pdf_module, "libreoffice", lambda: str(silent))
    docx = tmp_path / "要点.docx"
    render_plan(plan(False), docx)
    docx.with_suffix(".pdf").write_bytes(pdf_bytes(b"<</Type/Page>>"))  # last week's
    with pytest.raises(InputError) as err:
        to_pdf(docx)
    assert err.value.problems[0].message == say(
        "pdf_failed", detail=say("pdf_wrote_nothing", code=0)
    )
