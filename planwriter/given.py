"""What the user gave, named in their terms when it is not what a command reads: a file
that is not there (and the one they probably meant), a directory (and the plans in it),
a Word or PDF document where YAML is read, last year's results where a plan is read."""

from __future__ import annotations

from pathlib import Path

from planwriter.catalogue import say

# A document's first bytes: .docx is a ZIP, .doc an OLE compound file.
SIGNATURES = {
    b"PK\x03\x04": "file_is_docx",
    b"\xd0\xcf\x11\xe0": "file_is_doc",
    b"%PDF": "file_is_pdf",
}


def document_kind(data: bytes) -> str | None:
    """The catalogue key that says what this non-YAML document is, or None."""
    for signature, key in SIGNATURES.items():
        if data.startswith(signature):
            return key
    return None


def near_names(path: Path) -> str:
    """ "，是不是“2024.plan.yaml”？" when a file beside the missing one has a name like it."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        names = [p.name for p in folder.iterdir() if p.is_file()]
    except OSError:
        return ""
    import difflib  # only for a missing file: every command's start would pay for it

    close = difflib.get_close_matches(path.name, names, n=1, cutoff=0.8)
    return say("file_missing_near", name=close[0]) if close else ""


def inside(folder: Path) -> str:
    """The plans in a directory given where a file was expected, and the pattern for them."""
    plans = sorted(p.name for p in folder.glob("*.plan.yaml"))
    if not plans:
        return ""
    shown = "、".join(plans[:3]) + ("……" if len(plans) > 3 else "")
    return say("file_is_dir_plans", names=shown, pattern=f"{folder}/*.plan.yaml")
