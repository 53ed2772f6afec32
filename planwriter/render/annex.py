"""A 附件 as a table on landscape pages (the 任务分解表), and the sections around it.

GB/T 9704 10.1: an A4 table printed landscape keeps the page's 版心, turned a quarter: the
table's head faces the 订口 (the portrait page's left edge), so the landscape page's top
margin is the portrait left one, its right margin the portrait top one (天头), and so on.
Its page numbers continue the document's. Every number comes from the profile; this module
only turns the page and shares out the width.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Protocol

from planwriter.render.blocks import Annex, AnnexRow, Banji, Block, Run
from planwriter.render.ooxml import el, table_start, w
from planwriter.render.styles import ALIGN


class Writer(Protocol):
    """What this module asks of docx.Writer (which imports this module, not the reverse)."""

    profile: Any

    def para(self, style: str, body: str, *props: str, page_break: bool = False) -> str: ...

    def run(self, style: str, run: Run) -> str: ...

    def char_twips(self, style: str) -> float: ...

    def title_lines(self, title: str) -> list[str]: ...


# A cell's lines at single spacing are about 1.3 times the font size apart, in both Word and
# LibreOffice: enough to tell a row that fits on a page from one that does not.
SINGLE_LINE_FACTOR = 1.3
CELL_MARGINS_TWIPS = 2 * 108  # TableNormal's left and right cell margins (docx.styles)
TWIPS_PER_MM = 1440 / 25.4


def page_box(page: dict[str, Any], landscape: bool) -> tuple[float, float, dict[str, float]]:
    """(width, height, margins) in mm: the portrait page, or the same page turned so its
    left edge (订口) is on top."""
    margins = {side: page[f"{side}_mm"] for side in ("top", "right", "bottom", "left")}
    if not landscape:
        return page["width_mm"], page["height_mm"], margins
    turned = {
        "top": margins["left"],
        "right": margins["top"],
        "bottom": margins["right"],
        "left": margins["bottom"],
    }
    return page["height_mm"], page["width_mm"], turned


# --- the 附件 ------------------------------------------------------------------------------


def annex_xml(writer: Writer, block: Annex) -> str:
    """附件 on the first line (3号黑体, flush left), the title centred on the third (broken as
    the document's title is), a blank line, then the table."""
    title = "<w:r><w:br/></w:r>".join(
        writer.run("title", Run(line)) for line in writer.title_lines(block.title)
    )
    parts = [
        writer.para("annex_label", writer.run("annex_label", Run(block.label))),
        writer.para("body", ""),
        writer.para("title", title),
        writer.para("body", ""),
        table_xml(writer, block, landscape_size(writer)[0]),
    ]
    return "".join(parts)


def landscape_size(writer: Writer) -> tuple[int, int]:
    """The turned 版心 in twips: (width, height)."""
    width, height, margins = page_box(writer.profile.page, landscape=True)
    return (
        round((width - margins["left"] - margins["right"]) * TWIPS_PER_MM),
        round((height - margins["top"] - margins["bottom"]) * TWIPS_PER_MM),
    )


def column_widths(writer: Writer, columns: int, width: int) -> list[int]:
    """The profile's column weights shared out over `width`; equal columns if they do not match."""
    weights = [float(w) for w in writer.profile.style("breakdown").get("column_weights", [])]
    if len(weights) != columns or not all(w > 0 for w in weights):
        weights = [1.0] * columns
    widths = [int(width * w / sum(weights)) for w in weights]
    widths[-1] += width - sum(widths)  # rounding: the columns fill the 版心 exactly
    return widths


def table_xml(writer: Writer, block: Annex, width: int) -> str:
    widths = column_widths(writer, len(block.header), width)
    aligns = list(writer.profile.style("breakdown").get("column_align", []))
    aligns += ["center"] * (len(widths) - len(aligns))
    page = landscape_size(writer)[1] - row_height(writer, block.header, widths)
    room = page * writer.profile.style("breakdown").get("whole_row_share", 1.0)
    rows = [header_row(writer, block.header, widths)]
    for row in block.rows:
        if row.span:
            rows.append(span_row(writer, row, width, len(widths)))
        else:
            rows.append(task_row(writer, row, widths, aligns, room))
    props, grid = table_start(width, widths)
    return el("w:tbl", None, props, grid, *rows)


def _cell(writer: Writer, text: str, width: int, style: str, align: str, bold: bool) -> str:
    body = writer.run(style, Run(text, bold=bold)) if text else ""
    return el(
        "w:tc",
        None,
        el("w:tcPr", None, w("tcW", w=width, type="dxa"), w("vAlign", "center")),
        writer.para(style, body, w("jc", ALIGN[align])),
    )


def header_row(writer: Writer, cells: list[str], widths: list[int]) -> str:
    """The header: repeated at the top of every page (tblHeader), never split."""
    bold = bool(writer.profile.style("table").get("header_bold", False))
    body = [
        _cell(writer, text, width, "table", "center", bold)
        for text, width in zip(cells, widths, strict=True)
    ]
    return el("w:tr", None, el("w:trPr", None, w("cantSplit"), w("tblHeader")), *body)


def span_row(writer: Writer, row: AnnexRow, width: int, columns: int) -> str:
    """A domain (一、…) across the whole table: one cell merged over every column (gridSpan),
    kept with the task below it."""
    text = row.cells[0] if row.cells else ""
    align = ALIGN[writer.profile.style("breakdown")["align"]]
    body = writer.run("breakdown", Run(text)) if text else ""
    cell = el(
        "w:tc",
        None,
        el(
            "w:tcPr",
            None,
            w("tcW", w=width, type="dxa"),
            w("gridSpan", columns),
            w("vAlign", "center"),
        ),
        writer.para("breakdown", body, w("keepNext"), w("jc", align)),
    )
    return el("w:tr", None, el("w:trPr", None, w("cantSplit")), cell)


def task_row(
    writer: Writer, row: AnnexRow, widths: list[int], aligns: list[str], room: float
) -> str:
    """One task; kept on one page (cantSplit) when it takes at most `room` twips. A taller row
    may break across pages under the repeated header: kept whole, the rows of long tasks left
    most pages half empty (34 tasks on 19 landscape pages)."""
    fits = row_height(writer, row.cells, widths) <= room
    body = [
        _cell(writer, text, width, "table", align, False)
        for text, width, align in zip(row.cells, widths, aligns, strict=False)
    ]
    return el("w:tr", None, el("w:trPr", None, w("cantSplit")) if fits else "", *body)


def row_height(writer: Writer, cells: list[str], widths: list[int]) -> float:
    """Twips the row takes, about: its tallest cell's lines at single spacing (a 汉字 one
    character wide, anything else half)."""
    unit = writer.char_twips("table")
    line = writer.profile.style("table")["size_pt"] * 20 * SINGLE_LINE_FACTOR
    lines = 1
    for text, width in zip(cells, widths, strict=False):
        room = max((width - CELL_MARGINS_TWIPS) / unit, 1.0)
        count = sum(
            max(1, math.ceil(sum(0.5 if ch.isascii() else 1 for ch in part) / room))
            for part in text.split("\n")
        )
        lines = max(lines, count)
    return lines * line


# --- sections -----------------------------------------------------------------------------


def sections(blocks: list[Block], xml_of: Callable[[Block], str]) -> tuple[list[str], str]:
    """The body's XML with every section but the last closed: a portrait "main" section, an
    "annex" section for each 附件 table. Returns (pieces, the last section's kind); the
    caller closes the last section (in the body's own sectPr, or before the 版记)."""
    pieces: list[str] = []
    current = "main"
    for block in blocks:
        if isinstance(block, Banji):
            continue  # placed after every section, at the foot of its own page
        kind = "annex" if isinstance(block, Annex) else "main"
        if pieces and (kind != current or kind == "annex"):  # each 附件 a section of its own
            pieces.append(SECTION_BREAK.format(kind=current))
        current = kind
        xml = xml_of(block)
        if xml:
            pieces.append(xml)
        if kind == "annex":
            pieces.append(HAIRLINE)  # a table cannot end a section: a paragraph after it
    return pieces, current


# Placeholders, replaced by `close` once the sectPr of each kind is known.
SECTION_BREAK = "\x00section:{kind}\x00"
HAIRLINE = (
    '<w:p><w:pPr><w:pStyle w:val="PWBody"/><w:spacing w:before="0" w:after="0" w:line="20" '
    'w:lineRule="exact"/></w:pPr></w:p>'
)  # a paragraph one point high after a table (Word wants one before a section ends)


def close(pieces: list[str], section_of: Callable[[str], str]) -> str:
    """Each section break put in the paragraph before it (at the end of its pPr, where the
    schema places sectPr), or in a hairline paragraph of its own when that is a table."""
    out: list[str] = []
    for piece in pieces:
        if not (piece.startswith("\x00section:") and piece.endswith("\x00")):
            out.append(piece)
            continue
        sect = section_of(piece[len("\x00section:") : -1])
        last = out[-1] if out else ""
        start = last.rfind("<w:p>")
        paragraph = last[start:] if start >= 0 else ""
        if paragraph.endswith("</w:p>") and paragraph.count("</w:p>") == 1:
            end = paragraph.find("</w:pPr>")
            if end >= 0 and "<w:sectPr" not in paragraph:
                out[-1] = last[:start] + paragraph[:end] + sect + paragraph[end:]
                continue
        out.append(HAIRLINE.replace("</w:pPr>", sect + "</w:pPr>"))
    return "".join(out)
