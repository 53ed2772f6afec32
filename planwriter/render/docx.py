"""Document blocks + style profile → a .docx file, written as OOXML parts directly.

python-docx costs more to import than pandoc takes to convert a whole document, and it has
no API for half of what GB/T 9704 needs (East Asian fonts, PAGE fields, odd/even footers,
a positioned 版记). So the parts are written here, every element through ooxml.el, and
python-docx reads them back in tests. Every number comes from the profile; this module only
converts units. Formatting lives in styles.py: paragraphs name a style, runs carry nothing.

Where to add a kind of block: a dataclass in blocks.py, a method of Writer here, one line
in Writer.block. A part of its own (an image, a chart) goes through Package.add.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import field
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from planwriter.records import record
from planwriter.render import annex
from planwriter.render.blocks import (
    Annex,
    Banji,
    Block,
    Chart,
    Masthead,
    Paragraph,
    Run,
    Signature,
    Table,
)
from planwriter.render.layout import banji_fits_at_the_foot
from planwriter.render.measure import (
    column_widths,
    printed_width,
    set_width,
    text_width,
    wrapped_lines,
)
from planwriter.render.ooxml import (
    NAMESPACES,
    check_parts,
    el,
    escape,
    part,
    properties,
    table_start,
    text,
    w,
)
from planwriter.render.profile import Profile
from planwriter.render.styles import (
    char_style_id,
    char_twips,
    font_table,
    indent,
    style_id,
    styles,
    theme,
    twips,
)
from planwriter.render.titles import break_title

__all__ = [
    "Writer",
    "break_title",
    "column_widths",
    "printed_width",
    "text_width",
    "wrapped_lines",
    "write_docx",
]

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same plan gives the same bytes
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def twips_from_mm(mm: float) -> int:
    return round(mm * 1440 / 25.4)


class BanjiLine(NamedTuple):
    """One framed paragraph of the 版记: its text, what stands at its right, its lines."""

    runs: list[Run]
    right: str
    height: int = 1  # in lines
    hanging: int = 0  # twips: later lines of 抄送 align after its colon


@record
class Package:
    """The parts of the .docx, by name; relationships and content types follow from them."""

    parts: dict[str, str | bytes] = field(default_factory=dict)
    relations: list[tuple[str, str, str]] = field(default_factory=list)  # id, type, target
    types: list[tuple[str, str]] = field(default_factory=list)  # part name, content type

    def add(self, name: str, xml: str | bytes, relation: tuple[str, str] | None, kind: str) -> None:
        """`relation` (id, type) links the part from document.xml. XML as text (parsed before
        writing); bytes (an image, a chart's picture) go in as they are."""
        self.parts[name] = xml
        self.types.append((f"/{name}", kind))
        if relation:
            rid, rtype = relation
            self.relations.append((rid, f"{REL}/{rtype}", name.removeprefix("word/")))


# --- runs and paragraphs ------------------------------------------------------------


class Writer:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.charts: dict[int, Any] = {}  # id(Chart block) → its ChartPart (render/chart.py)

    def run(self, style: str, run: Run) -> str:
        """A run names a character style when bold; it carries no formatting of its own."""
        pieces = run.text.split("\n")
        body = w("br").join(text(p) for p in pieces)
        # the one direct formatting: a mark shrunk to fit the 版心 (a few runs of a document)
        props = [w("rStyle", char_style_id(style))] if run.bold else []
        if run.size_pt:
            props += [w("sz", round(run.size_pt * 2)), w("szCs", round(run.size_pt * 2))]
        return f"<w:r>{el('w:rPr', None, *props) if props else ''}{body}</w:r>"

    def char_twips(self, style: str) -> float:
        return char_twips(self.profile, style)

    def indent(self, style: str, first: float = 0, left: float = 0, right: float = 0) -> str:
        return indent(self.profile, style, first, left, right)

    def para(self, style: str, body: str, *props: str, page_break: bool = False) -> str:
        ppr = properties(
            "w:pPr",
            w("pStyle", style_id(style)),
            w("pageBreakBefore") if page_break else "",
            *props,
        )
        return f"<w:p>{ppr}{body}</w:p>"

    def block(self, block: Block) -> str:
        if isinstance(block, Paragraph):
            return self.paragraph(block)
        if isinstance(block, Signature):
            return self.signature(block)
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Masthead):
            return self.masthead(block)
        if isinstance(block, Annex):
            return annex.annex_xml(self, block)
        if isinstance(block, Chart):
            from planwriter.render.chart import paragraph

            return paragraph(self.charts[id(block)], block, self.body_width())
        return ""  # the 版记 is placed by `document`, at the end

    def paragraph(self, block: Paragraph) -> str:
        lines = []
        if block.style == "title" and block.runs:
            lines = self.title_lines("".join(r.text for r in block.runs))
        if lines:
            body = "<w:r><w:br/></w:r>".join(self.run(block.style, Run(li)) for li in lines)
        else:
            body = "".join(self.run(block.style, r) for r in block.runs)
        return self.para(block.style, body, page_break=block.page_break_before)

    def signature(self, block: Signature) -> str:
        """GB/T 9704 7.3.5.2 without a seal: 署名 right 2 characters, the date's first
        character 2 right of the 署名's; a date longer than the 署名 goes right 2 instead
        and pushes the 署名 left.

        What the standard fixes exactly is placed by alignment, whatever width the date's
        digits take: a longer date is right-aligned 2 characters in (and the 署名 placed from
        its measured width), a shorter one starts from the 署名's first character."""
        s = self.profile.style("signature")
        signer_w, date_w = set_width(block.signer), set_width(block.date)
        margin, shift = s["signer_right_chars"], s["date_shift_chars"]
        signer_right = margin + max(0.0, date_w + shift - signer_w)
        signer_start = self.body_width() / self.char_twips("signature") - signer_right - signer_w
        lines = []
        if block.signer:
            lines.append(("right", self.indent("signature", right=signer_right), block.signer))
        if block.date and (not block.signer or date_w + shift > signer_w):  # right 2
            lines.append(("right", self.indent("signature", right=margin), block.date))
        elif block.date:
            lines.append(("left", self.indent("signature", left=signer_start + shift), block.date))
        return "".join(
            self.para(
                "signature",
                self.run("signature", Run(line)),
                w("jc", align),
                ind,
                page_break=block.page_break_before and i == 0,
            )
            for i, (align, ind, line) in enumerate(lines)
        )

    def table(self, block: Table) -> str:
        width = self.body_width()
        unit = self.char_twips(block.style)
        widths = [round(w * unit) for w in column_widths([block.header, *block.rows], width / unit)]
        rows = [self.table_row(block.header, widths, header=True, style=block.style)]
        rows += [self.table_row(row, widths, style=block.style) for row in block.rows]
        brk = self.para("body", "", page_break=True) if block.page_break_before else ""
        props, grid = table_start(width, widths)
        return brk + el("w:tbl", None, props, grid, *rows)

    def table_row(
        self, cells: list[str], widths: list[int], header: bool = False, style: str = "table"
    ) -> str:
        bold = header and bool(self.profile.style(style).get("header_bold", False))
        out = [
            el(
                "w:tc",
                None,
                el("w:tcPr", None, w("tcW", w=width, type="dxa"), w("vAlign", "center")),
                self.para(style, self.run(style, Run(cell, bold=bold))),
            )
            for cell, width in zip(cells, widths, strict=False)
        ]
        head = el("w:trPr", None, w("tblHeader")) if header else ""
        return el("w:tr", None, head, *out)

    def masthead(self, block: Masthead) -> str:
        """版头, GB/T 9704 7.2: notes top left, the mark's top edge `top_mm` into the 版心,
        发文字号 two lines below it, the red rule `rule_gap_mm` under that, and the title
        `title_gap_lines` lower (the blank lines are written here)."""
        m = self.profile.masthead
        pitch = twips(self.profile.page["line_pitch_pt"])
        notes = [n for n in (block.copy_number, block.secrecy, block.urgency) if n]
        out = [self.para("masthead_note", self.run("masthead_note", Run(n))) for n in notes]
        size = self.mark_size(block)
        line = twips(size * m["mark_line_ratio"])
        # the glyphs stand centred in their exact line: their top edge is half the lead lower
        before = twips_from_mm(m["top_mm"]) - pitch * len(notes) - (line - twips(size)) // 2
        spacing = w("spacing", before=max(0, before), after=0, line=line, lineRule="exact")
        shrunk = size if size != self.profile.style("masthead")["size_pt"] else None
        if len(block.marks) == 1:
            body = self.run("masthead", Run(block.marks[0], size_pt=shrunk))
            out.append(self.para("masthead", body, spacing))
        else:
            out.append(self.para("body", "", w("spacing", before=max(0, before), after=0)))
            out.append(self.joint_marks(block, line, shrunk))
        out += [self.para("body", "")] * m["number_gap_lines"]
        rule = w(
            "bottom",
            "single",
            sz=round(m["rule_pt"] * 8),
            space=round(m["rule_gap_pt"]),
            color=m["rule_color"],
        )
        borders = el("w:pBdr", None, rule)
        if block.issuers:  # 上行文: 发文字号 left, 签发人 right, each 1 character in
            # placed by tabs, not indents: the red rule under the line spans the whole 版心
            side = round(m["issuer_side_chars"] * self.char_twips("doc_number"))
            tabs = el(
                "w:tabs",
                None,
                w("tab", "left", pos=side),
                w("tab", "right", pos=self.body_width() - side),
            )
            body = (
                "<w:r><w:tab/></w:r>"
                + self.run("doc_number", Run(block.number))
                + "<w:r><w:tab/></w:r>"
                + self.run("doc_number", Run("签发人："))
                + self.run("doc_number", Run("　".join(block.issuers), bold=True))
            )
            props = [borders, tabs, w("jc", "left"), self.indent("doc_number")]
            out.append(self.para("doc_number", body, *props))
        else:
            out.append(self.para("doc_number", self.run("doc_number", Run(block.number)), borders))
        out += [self.para("body", "")] * m["title_gap_lines"]
        return "".join(out)

    def mark_size(self, block: Masthead) -> float:
        """The style's size, or smaller when the longest 机关 (and 文件 beside it) would not
        fit the 版心 (practice: the mark is condensed to fit), to the half point."""
        style = self.profile.style("masthead")
        longest = max(text_width(mark) for mark in block.marks)
        room = self.body_width() / 20 - style["char_spacing_pt"] * longest
        chars = longest + (text_width(block.suffix) + 1 if block.suffix else 0)
        return min(style["size_pt"], int(room / chars * 2) / 2)

    def joint_marks(self, block: Masthead, line: int, shrunk: float | None) -> str:
        """联合行文: the 机关 stacked, each line spread to the same width, `suffix` beside
        them, centred on their height: a table without borders across the 版心."""
        width = self.body_width()
        unit = twips(shrunk) if shrunk else self.char_twips("masthead")
        longest = max(text_width(mark) for mark in block.marks)
        suffix_w = round((text_width(block.suffix) + 0.5) * unit)
        names_w = min(round(longest * unit) + unit // 2, width - suffix_w)
        margin = (width - names_w - suffix_w) // 2
        spacing = w("spacing", before=0, after=0, line=line, lineRule="exact")
        rows = []
        for index, mark in enumerate(block.marks):
            merge = w("vMerge", "restart") if index == 0 else w("vMerge")
            suffix = self.run("masthead", Run(block.suffix, size_pt=shrunk)) if index == 0 else ""
            rows.append(
                el(
                    "w:tr",
                    None,
                    el(
                        "w:tc",
                        None,
                        el("w:tcPr", None, w("tcW", w=names_w, type="dxa")),
                        self.para(
                            "masthead",
                            self.run("masthead", Run(mark, size_pt=shrunk)),
                            spacing,
                            w("jc", "distribute"),
                        ),
                    ),
                    el(
                        "w:tc",
                        None,
                        el(
                            "w:tcPr",
                            None,
                            w("tcW", w=suffix_w, type="dxa"),
                            merge,
                            w("vAlign", "center"),
                        ),
                        self.para("masthead", suffix, spacing, w("jc", "right")),
                    ),
                )
            )
        props = el(
            "w:tblPr",
            None,
            w("tblW", w=names_w + suffix_w, type="dxa"),
            w("tblInd", w=margin, type="dxa"),
            w("tblLayout", type="fixed"),
            el("w:tblCellMar", None, w("left", w=0, type="dxa"), w("right", w=0, type="dxa")),
        )
        grid = el("w:tblGrid", None, w("gridCol", w=names_w), w("gridCol", w=suffix_w))
        return el("w:tbl", None, props, grid, *rows)

    def banji(self, block: Banji) -> str:
        """抄送 and 印发, one framed paragraph each, the last rule on the foot of the 版心.

        Framed paragraphs at an absolute place: Word and LibreOffice both honour them, while
        LibreOffice keeps a floating table in the text flow (at the top of the page). A frame
        has the exact height of its lines, so a 抄送 that wraps is given the lines it needs,
        its later lines aligned after the colon (GB/T 9704 7.3.5.1)."""
        s = self.profile.style("banji")
        unit = self.char_twips("banji")
        side = round(s["side_chars"] * unit)
        room = (self.body_width() - 2 * side) / unit  # characters a line holds
        lines = self.banji_lines(block, room, unit)
        page = self.profile.page
        pitch = twips(page["line_pitch_pt"])
        y = twips_from_mm(page["height_mm"] - page["bottom_mm"]) - pitch * sum(
            line.height for line in lines
        )
        outer, inner = (round(s[k] * 8) for k in ("outer_rule_pt", "inner_rule_pt"))
        out = []
        for index, line in enumerate(lines):
            rules = {"bottom": outer if index == len(lines) - 1 else inner}
            if index == 0:
                rules["top"] = outer
            out.append(self.banji_line(line, y, rules, side))
            y += pitch * line.height
        return "".join(out)

    def banji_lines(self, block: Banji, room: float, unit: float) -> list[BanjiLine]:
        lines: list[BanjiLine] = []
        if block.cc:
            cc = "抄送：" + (block.cc if block.cc.endswith("。") else block.cc + "。")
            hang = text_width("抄送：")
            lines.append(
                BanjiLine([Run(cc)], "", wrapped_lines(cc, room, room - hang), round(hang * unit))
            )
        printed = [Run(block.printer)] if block.printer else []
        lines.append(BanjiLine(printed, f"{block.print_date}印发" if block.print_date else ""))
        return lines

    def banji_height(self, block: Banji) -> int:
        """Lines of the page the 版记 takes."""
        s = self.profile.style("banji")
        unit = self.char_twips("banji")
        room = (self.body_width() - 2 * round(s["side_chars"] * unit)) / unit
        return sum(line.height for line in self.banji_lines(block, room, unit))

    def banji_line(self, line: BanjiLine, y: int, rules: dict[str, int], side: int) -> str:
        width, pitch = self.body_width(), twips(self.profile.page["line_pitch_pt"])
        frame = w(
            "framePr",
            w=width,
            h=pitch * line.height,
            hRule="exact",
            hSpace=0,
            vSpace=0,
            wrap="around",
            vAnchor="page",
            hAnchor="margin",
            x=0,
            y=y,
        )
        borders = el(
            "w:pBdr",
            None,
            *(w(edge, "single", sz=size, space=0, color="000000") for edge, size in rules.items()),
        )
        right = line.right
        tabs = el("w:tabs", None, w("tab", "right", pos=width - side)) if right else ""
        body = "".join(self.run("banji", r) for r in line.runs)
        if right:
            body += "<w:r><w:tab/></w:r>" + self.run("banji", Run(right))
        ind = (
            w("ind", left=side + line.hanging, right=side, hanging=line.hanging)
            if line.hanging
            else w("ind", left=side, right=side, firstLine=0)
        )
        # a wrapped 抄送 keeps the page's line pitch, so its lines fill the frame evenly
        spacing = (
            w("spacing", before=0, after=0, line=pitch, lineRule="exact") if line.height > 1 else ""
        )
        return self.para("banji", body, frame, borders, tabs, spacing, ind)

    def body_width(self) -> int:
        page = self.profile.page
        return twips_from_mm(page["width_mm"] - page["left_mm"] - page["right_mm"])

    def title_lines(self, title: str) -> list[str]:
        limit = self.profile.style("title").get("title_chars_per_line", 20)
        return break_title(title, limit)


# --- the package ------------------------------------------------------------------------


def write_docx(
    blocks: list[Block],
    profile: Profile,
    path: Path,
    *,
    title: str,
    author: str,
    date: dt.date,
    banji_place: str | None = None,
    into: BinaryIO | None = None,
) -> str | None:
    """The package, every part parsed before the file is written (a broken part is an
    InputError naming it), into `into` when given (files.write_atomically's temp file, `path`
    still naming it). Returns where the 版记 went (None without one): `banji_place`
    None decides it (see `document`); SECTION and AFTER_BLANK are for LibreOffice's PDF
    (pdf.py) when it laid the body out otherwise than counted, or drops its blank page."""
    writer = Writer(profile)
    package = Package()
    if any(isinstance(block, Chart) for block in blocks):
        from planwriter.render.chart import add_charts  # only documents with a chart pay

        writer.charts = add_charts(package, blocks, profile)
    xml, placed = document(writer, blocks, banji_place)
    package.add("word/document.xml", xml, None, f"{MAIN}.document.main+xml")
    package.add("word/styles.xml", styles(profile), ("rIdStyles", "styles"), f"{MAIN}.styles+xml")
    package.add(
        "word/settings.xml", settings(), ("rIdSettings", "settings"), f"{MAIN}.settings+xml"
    )
    package.add(
        "word/fontTable.xml",
        font_table(profile),
        ("rIdFonts", "fontTable"),
        f"{MAIN}.fontTable+xml",
    )
    package.add(
        "word/theme/theme1.xml",
        theme(),
        ("rIdTheme", "theme"),
        "application/vnd.openxmlformats-officedocument.theme+xml",
    )
    for rid, name, xml in (
        ("rIdFooterOdd", "footer1.xml", footer(writer, odd=True)),
        ("rIdFooterEven", "footer2.xml", footer(writer, odd=False)),
        ("rIdFooterNone", "footer3.xml", empty_footer()),
    ):
        package.add(f"word/{name}", xml, (rid, "footer"), f"{MAIN}.footer+xml")
    package.add(
        "docProps/core.xml",
        core_props(title, author, date),
        None,
        "application/vnd.openxmlformats-package.core-properties+xml",
    )
    package.add(
        "docProps/app.xml",
        app_props(),
        None,
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    )
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": content_types(package.types),
        "_rels/.rels": package_rels(),
        "word/_rels/document.xml.rels": _rels(package.relations),
        **package.parts,
    }
    check_parts({name: data for name, data in parts.items() if isinstance(data, str)}, str(path))
    with zipfile.ZipFile(into or path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return placed


# where the 版记 goes: on the foot of the body's last page, or in a section of its own that
# starts on the next even page (Word inserts the blank page itself), or after a blank page
# written out (for a LibreOffice that drops the one it inserts)
FOOT, SECTION, AFTER_BLANK = "foot", "section", "after-blank"


def document(
    writer: Writer, blocks: list[Block], banji_place: str | None = None
) -> tuple[str, str | None]:
    # sections: the portrait body, a landscape one for each 附件 table (annex.py)
    pieces, last = annex.sections(blocks, writer.block)
    body = [annex.close(pieces, lambda kind: _section_of(writer, kind))]
    banji = next((b for b in blocks if isinstance(b, Banji)), None)
    if banji is None:
        return _document_xml("".join(body) + _section_of(writer, last)), None
    if banji_place is None:
        counted = not any(isinstance(b, Annex) for b in blocks)  # the layout counts portrait
        fits = counted and banji_fits_at_the_foot(
            blocks, writer.profile, writer.banji_height(banji)
        )
        banji_place = FOOT if fits else SECTION
    anchor = writer.para("body", "")
    if banji_place == FOOT:  # framed at the page's foot, anchored on the body's last page
        xml = "".join(body) + writer.banji(banji) + anchor + section(writer, "main")
        return _document_xml(xml), FOOT
    # its own section, starting on an even page, with no page number: the last section
    # ends with the last paragraph of the body (its sectPr last in that w:pPr)
    main = annex.close([*body, annex.SECTION_BREAK.format(kind=last)], partial(_section_of, writer))
    blank = writer.para("body", "", section(writer, "blank")) if banji_place == AFTER_BLANK else ""
    xml = main + blank + anchor + writer.banji(banji) + anchor + section(writer, "banji")
    return _document_xml(xml), banji_place


def _section_of(writer: Writer, kind: str) -> str:
    """The sectPr that closes a section of `annex.sections`: the body's, or a 附件's turned."""
    return section(writer, "main", landscape=kind == "annex")


def _document_xml(body: str) -> str:
    return part("w:document", NAMESPACES, el("w:body", None, body))


def section(writer: Writer, kind: str, landscape: bool = False) -> str:
    """A section's properties: `kind` main (numbered), blank or banji (not numbered, the
    版记's starting on an even page); `landscape` turns the page (a wide 附件 table)."""
    page = writer.profile.page
    # turned, the 版心 keeps its margins a quarter round: its head to the 订口 (annex.page_box)
    width_mm, height_mm, box = annex.page_box(page, landscape)
    width, height = twips_from_mm(width_mm), twips_from_mm(height_mm)
    footers = (
        ("rIdFooterOdd", "rIdFooterEven")
        if kind == "main"  # "blank" and "banji": no number on the blank page nor the 版记's
        else ("rIdFooterNone", "rIdFooterNone")
    )
    margins = {k: twips_from_mm(mm) for k, mm in box.items()}
    return el(
        "w:sectPr",
        None,
        el("w:footerReference", {"w:type": "default", "r:id": footers[0]}),
        el("w:footerReference", {"w:type": "even", "r:id": footers[1]}),
        w("type", "evenPage") if kind == "banji" else "",
        w("pgSz", w=width, h=height, orient="landscape" if landscape else None),
        w(
            "pgMar",
            top=margins["top"],
            right=margins["right"],
            bottom=margins["bottom"],
            left=margins["left"],
            header=851,
            footer=twips_from_mm(page["footer_mm"]),
            gutter=0,
        ),
        w("cols", space=425),
        w("docGrid", linePitch=twips(page["line_pitch_pt"])),
    )


def footer(writer: Writer, odd: bool) -> str:
    """— N —: odd pages right, even pages left, one character in."""
    s = writer.profile.style("page_number")
    ind = round(s["indent_chars"] * s["size_pt"] * 20)
    side = "right" if odd else "left"
    dash = s["dash"]
    number = el("w:fldSimple", {"w:instr": " PAGE "}, f"<w:r>{text('1')}</w:r>")
    body = f"<w:r>{text(dash + ' ')}</w:r>{number}<w:r>{text(' ' + dash)}</w:r>"
    props = (w("ind", **{side: ind}), w("jc", side))
    return part("w:ftr", NAMESPACES, writer.para("page_number", body, *props))


def empty_footer() -> str:
    return part("w:ftr", NAMESPACES, el("w:p", None, el("w:pPr", None, w("pStyle", "Footer"))))


def settings() -> str:
    return part(
        "w:settings",
        NAMESPACES,
        w("zoom", percent=100),
        w("defaultTabStop", 420),
        w("evenAndOddHeaders"),
        w("characterSpacingControl", "doNotCompress"),
        el(
            "w:compat",
            None,
            w(
                "compatSetting",
                name="compatibilityMode",
                uri="http://schemas.microsoft.com/office/word",
                val=15,
            ),
        ),
        w("themeFontLang", "en-US", eastAsia="zh-CN"),
    )


def content_types(overrides: list[tuple[str, str]]) -> str:
    return part(
        "Types",
        {"xmlns": "http://schemas.openxmlformats.org/package/2006/content-types"},
        el(
            "Default",
            {
                "Extension": "rels",
                "ContentType": "application/vnd.openxmlformats-package.relationships+xml",
            },
        ),
        el("Default", {"Extension": "xml", "ContentType": "application/xml"}),
        *(el("Override", {"PartName": name, "ContentType": kind}) for name, kind in overrides),
    )


def _rels(items: list[tuple[str, str, str]]) -> str:
    return part(
        "Relationships",
        {"xmlns": "http://schemas.openxmlformats.org/package/2006/relationships"},
        *(el("Relationship", {"Id": i, "Type": t, "Target": target}) for i, t, target in items),
    )


def package_rels() -> str:
    return _rels(
        [
            ("rId1", f"{REL}/officeDocument", "word/document.xml"),
            (
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                "core-properties",
                "docProps/core.xml",
            ),
            ("rId3", f"{REL}/extended-properties", "docProps/app.xml"),
        ]
    )


def core_props(title: str, author: str, date: dt.date) -> str:
    stamp = f"{date.isoformat()}T00:00:00Z"
    return part(
        "cp:coreProperties",
        {
            "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
            "xmlns:dcterms": "http://purl.org/dc/terms/",
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        },
        f"<dc:title>{escape(title)}</dc:title>",
        f"<dc:creator>{escape(author)}</dc:creator>",
        f"<cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy>",
        "<dc:language>zh-CN</dc:language>",
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>',
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>',
    )


def app_props() -> str:
    return part(
        "Properties",
        {"xmlns": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"},
        "<Application>planwriter</Application>",
    )
