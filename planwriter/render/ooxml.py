"""The one way OOXML is written here: elements built with every text and attribute escaped,
property children put in the order the schema requires, every part parsed before it is kept.

Word is strict about the ORDER of children in w:pPr, w:rPr, w:sectPr, w:style, w:tblPr and
w:tcPr (ECMA-376 sequences) where LibreOffice is not; writing them through `el` with the
sequences below means no caller has to remember them. Strings, not an element tree: the
parts are built and written once, and string joining keeps a cold render near Python's start.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from xml.parsers import expat

from planwriter.catalogue import say
from planwriter.problems import InputError, Location, Problem

XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = {"xmlns:w": W_NS, "xmlns:r": R_NS}

# ECMA-376 Part 1, the sequences of the property elements we write (unknown names go last).
SEQUENCES: dict[str, list[str]] = {
    "w:pPr": [
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "framePr",
        "widowControl",
        "numPr",
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ],
    "w:rPr": [
        "rStyle",
        "rFonts",
        "b",
        "bCs",
        "i",
        "iCs",
        "caps",
        "smallCaps",
        "strike",
        "dstrike",
        "outline",
        "shadow",
        "emboss",
        "imprint",
        "noProof",
        "snapToGrid",
        "vanish",
        "webHidden",
        "color",
        "spacing",
        "w",
        "kern",
        "position",
        "sz",
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
    ],
    "w:sectPr": [
        "headerReference",
        "footerReference",
        "footnotePr",
        "endnotePr",
        "type",
        "pgSz",
        "pgMar",
        "paperSrc",
        "pgBorders",
        "lnNumType",
        "pgNumType",
        "cols",
        "formProt",
        "vAlign",
        "noEndnote",
        "titlePg",
        "textDirection",
        "bidi",
        "rtlGutter",
        "docGrid",
        "printerSettings",
        "sectPrChange",
    ],
    "w:style": [
        "name",
        "aliases",
        "basedOn",
        "next",
        "link",
        "autoRedefine",
        "hidden",
        "uiPriority",
        "semiHidden",
        "unhideWhenUsed",
        "qFormat",
        "locked",
        "personal",
        "personalCompose",
        "personalReply",
        "rsid",
        "pPr",
        "rPr",
        "tblPr",
        "trPr",
        "tcPr",
        "tblStylePr",
    ],
    "w:tblPr": [
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
    ],
    "w:tcPr": [
        "cnfStyle",
        "tcW",
        "gridSpan",
        "hMerge",
        "vMerge",
        "tcBorders",
        "shd",
        "noWrap",
        "tcMar",
        "textDirection",
        "tcFitText",
        "vAlign",
        "hideMark",
    ],
    "w:pBdr": ["top", "left", "bottom", "right", "between", "bar"],
    "w:tblBorders": ["top", "left", "start", "bottom", "right", "end", "insideH", "insideV"],
}
# the two reference kinds of a section may come in any order among themselves
_RANKS = {
    parent: {name: (0 if name == "footerReference" else i) for i, name in enumerate(names)}
    for parent, names in SEQUENCES.items()
}


_SPECIAL = re.compile('[&<>"]')
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_TAG = re.compile(r"<(?:\w+:)?(\w+)")


def escape(text: str) -> str:
    """Text or attribute value: & < > " escaped (xml.sax.saxutils would import urllib)."""
    if _SPECIAL.search(text) is None:
        return text
    return _SPECIAL.sub(lambda m: _ENTITIES[m[0]], text)


def el(tag: str, attrs: Mapping[str, object] | None = None, *children: str) -> str:
    """`<tag attrs>children</tag>` with the attributes escaped; `children` are built XML
    (from `el` or `text`), put in the schema's order when `tag` has one. Attributes whose
    value is None are left out."""
    head = tag + "".join(
        f' {name}="{escape(str(value))}"'
        for name, value in (attrs or {}).items()
        if value is not None
    )
    parts = [c for c in children if c]
    if tag in _RANKS:
        parts = ordered(tag, parts)
    if not parts:
        return f"<{head}/>"
    return f"<{head}>{''.join(parts)}</{tag}>"


@lru_cache(maxsize=256)
def properties(tag: str, *children: str) -> str:
    """A property element (w:pPr, w:rPr, w:tcPr…) of built children, in the schema's order;
    remembered like `w`, since paragraphs of one kind share theirs."""
    return el(tag, None, *children)


def text(value: str) -> str:
    """A w:t holding `value` escaped, spaces kept."""
    return f'<w:t xml:space="preserve">{escape(value)}</w:t>'


def ordered(parent: str, children: Iterable[str]) -> list[str]:
    ranks = _RANKS[parent]
    unknown = len(ranks)
    return sorted(children, key=lambda child: ranks.get(_local_name(child), unknown))


def _local_name(xml: str) -> str:
    found = _TAG.match(xml)
    return found[1] if found else ""


@lru_cache(maxsize=4096)
def w(name: str, val: object | None = None, /, **attrs: object) -> str:
    """A w: element with w:val and other w: attributes (keyword names without the prefix).
    Remembered: a document repeats the same few hundred property elements."""
    values = {} if val is None else {"w:val": val}
    values.update({f"w:{key}": value for key, value in attrs.items()})
    return el(f"w:{name}", values)


def part(root: str, attrs: Mapping[str, object], *children: str) -> str:
    return XML_HEAD + el(root, attrs, *children)


def check_parts(parts: Mapping[str, str], where: str) -> None:
    """Every part must parse: a broken one is a located error, never a file written."""
    for name, xml in parts.items():
        parser = expat.ParserCreate()
        try:
            parser.Parse(xml.encode("utf-8"), True)
        except expat.ExpatError as err:
            message = say("docx_broken_part", part=name, line=err.lineno, column=err.offset + 1)
            raise InputError([Problem("docx", message, Location(where))]) from err


def table_start(width: int, widths: list[int]) -> tuple[str, str]:
    """A ruled table's properties and grid: `width` twips centred, fixed columns of `widths`,
    single black rules all round and between cells (the report, progress and 附件 tables)."""
    borders = el(
        "w:tblBorders",
        None,
        *(
            w(side, "single", sz=4, space=0, color="000000")
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        ),
    )
    props = el(
        "w:tblPr",
        None,
        w("tblW", w=width, type="dxa"),
        w("jc", "center"),
        borders,
        w("tblLayout", type="fixed"),
    )
    return props, el("w:tblGrid", None, *(w("gridCol", w=x) for x in widths))
