"""The official fonts in LibreOffice's PDF: a fontconfig substitution file for the conversion,
and, after it, which official fonts the PDF had to replace and by what.

LibreOffice ignores fontTable.xml's w:altName and asks fontconfig for a missing font, which on
its own answers one sans serif face for all of them: headings like the body. The shipped
templates/fonts.conf names the nearest faces (仿宋 → a 明/宋 face, 楷体 → a 楷 face, 黑体 →
a sans, 小标宋 → a bold serif), Simplified Chinese first; it is given to the conversion with
the system's own configuration, which it includes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from planwriter.render.engine import BUILTIN_DIR

SUBSTITUTIONS = BUILTIN_DIR / "fonts.conf"
SYSTEM_CONFIG = Path("/etc/fonts/fonts.conf")
# A font's name in the PDF: /BaseFont /ABCDEF+NotoSerifCJKjp-Bold-VKana (the subset tag first).
BASE_FONT = re.compile(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([^\s/\[\]<>()]+)")
STREAM = re.compile(rb"\bstream\r?\n.*?\bendstream", re.DOTALL)
# Noto CJK's collections share one CFF table, named after the JP face, among their SC, TC, HK,
# JP and KR faces: the PDF says NotoSerifCJKjp-… whichever was drawn, so the face is known by
# its family. The forms are Simplified Chinese (tests/render/test_pdf_glyph_forms.py): our
# documents say zh-CN (styles.py's w:lang), which selects them, and fontconfig gives SC faces.
REGION = re.compile(r"(?<=CJK)(sc|tc|jp|kr|hk)", re.IGNORECASE)


def environment(folder: Path) -> dict[str, str]:
    """The conversion's environment: FONTCONFIG_FILE naming a file in `folder` that includes
    our substitutions, then the configuration in force (the user's own FONTCONFIG_FILE, or
    the system's)."""
    system = os.environ.get("FONTCONFIG_FILE") or str(SYSTEM_CONFIG)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f'<fontconfig><include ignore_missing="yes">{_xml(str(SUBSTITUTIONS))}</include>'
        f'<include ignore_missing="yes">{_xml(system)}</include></fontconfig>\n',
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(config)}


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def pdf_fonts(pdf: Path) -> set[str]:
    """The faces a PDF LibreOffice wrote draws with (its dictionaries are plain text)."""
    names = BASE_FONT.findall(STREAM.sub(b"", pdf.read_bytes()))
    return {_face(name.decode("latin-1")) for name in names}


def _face(postscript: str) -> str:
    return REGION.sub("", postscript.split("-VKana")[0]).lower()


def substitutions(pdf: Path, official: list[str], env: dict[str, str]) -> dict[str, str]:
    """Each official font the PDF does not draw with → the family that stood in for it.
    Asked of fontconfig with the conversion's configuration, and kept only when that face
    is in the PDF (a font a document names but never prints is not reported)."""
    program = shutil.which("fc-match")
    used = pdf_fonts(pdf)
    found: dict[str, str] = {}
    for name in official:
        if program is None:
            break
        done = subprocess.run(
            [program, "-f", "%{family[0]}|%{postscriptname}|%{style[0]}", f"{name}:lang=zh-cn"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        family, postscript, style = [*done.stdout.split("|"), "", ""][:3]
        if done.returncode != 0 or not family or family == name:
            continue
        if _face(postscript) in used:
            bold = style.lower() == "bold"  # 小标宋's stand-in is a bold face
            found[name] = f"{family} Bold" if bold else family
    return found
