"""Document blocks + style profile → a .docx file, written as OOXML parts directly.

python-docx costs more to import than pandoc takes to convert a whole document, and it has
no API for half of what GB/T 9704 needs (East Asian fonts, PAGE fields, odd/even footers,
a positioned 版记). So the parts are written here, and python-docx reads them back in tests.
Every number comes from the profile; this module only converts units.
"""

from __future__ import annotations

import datetime as dt
import math
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from planwriter.render.blocks import Banji, Block, Chart, Paragraph, Run, Signature, Table
from planwriter.render.profile import Profile

W = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same plan gives the same bytes
ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}
# built-in styles are matched by name in Word; ours keep Chinese names of their own
STYLE_IDS = {
    "body": ("PWBody", "公文正文"),
    "title": ("Title", "Title"),
    "heading1": ("Heading1", "heading 1"),
    "heading2": ("Heading2", "heading 2"),
    "task": ("PWTask", "公文任务"),
    "recipients": ("PWRecipients", "公文主送"),
    "signature": ("PWSignature", "公文署名"),
    "remark": ("PWRemark", "公文附注"),
    "attachment": ("PWAttachment", "公文附件说明"),
    "table": ("PWTable", "公文表格"),
    "chart": ("PWChart", "公文图表"),
    "progress_table": ("PWProgressTable", "公文进度表格"),
    "page_number": ("Footer", "footer"),
    "banji": ("PWBanji", "公文版记"),
}
OUTLINE_LEVEL = {"heading1": 0, "heading2": 1}
BUILTIN_STYLES = {"title", "heading1", "heading2", "page_number"}


def escape(text: str) -> str:
    """XML text: & < > escaped (xml.sax.saxutils would import urllib and http.client)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    return '"' + escape(text).replace('"', "&quot;") + '"'


def twips_from_mm(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def twips(points: float) -> int:
    return round(points * 20)


def text_width(text: str) -> float:
    """Width in characters: CJK and full-width 1, ASCII (digits of a date) ½."""
    return sum(0.5 if ch.isascii() else 1 for ch in text)


# Chinese line breaking (禁则): these never begin a line, so the character before them moves
# down with them when a line is full.
NOT_AT_LINE_START = "，。、；：？！）》”’」』〕】…—"


def wrapped_lines(text: str, first: float, rest: float) -> int:
    """How many lines `text` takes when the first line holds `first` characters and the
    others `rest` (a hanging indent), breaking as Word and LibreOffice do for Chinese."""
    count, used, room = 1, 0.0, first
    for index, ch in enumerate(text):
        width = text_width(ch)
        if used + width > room + 1e-9:
            count, room = count + 1, rest
            moved = text_width(text[index - 1]) if ch in NOT_AT_LINE_START and index else 0
            used = moved
        used += width
    return count


# Digits are measured generously: half a character in 仿宋_GB2312, nearer 0.6 in the fonts
# LibreOffice substitutes for it. (Too wide costs a table's text column a wrap; too narrow
# breaks 111.1% in two.) A cell's text needs its margins too: 108 twips a side, about 0.8
# character of 14 pt.
ASCII_PRINTED = 0.6
CELL_PADDING_CHARS = 1.0


def printed_width(text: str) -> float:
    """Width in characters as printed: digits generously (ASCII_PRINTED), and a fifth of a
    character where digits meet 汉字, the space Word and LibreOffice put there."""
    width = sum(ASCII_PRINTED if ch.isascii() else 1 for ch in text)
    meetings = sum(a.isascii() != b.isascii() for a, b in pairwise(text))
    return width + 0.2 * meetings


def column_widths(rows: list[list[str]], room: float) -> list[float]:
    """Column widths in characters for a table `room` characters wide, its header first:
    each column as wide as its widest cell, spare room shared out in proportion. When they
    do not all fit, the widest column wraps and the others keep their width, so no figure
    and no header (序号, 是否完成) is ever broken."""
    natural = [
        max(printed_width(cell) for cell in column) + CELL_PADDING_CHARS
        for column in zip(*rows, strict=True)
    ]
    total = sum(natural)
    if total <= room:
        return [n * room / total for n in natural]
    widest = natural.index(max(natural))
    rest = total - natural[widest]
    if room - rest < printed_width(rows[0][widest]) + CELL_PADDING_CHARS:
        return [n * room / total for n in natural]  # too many wide columns: all give way
    return [room - rest if index == widest else n for index, n in enumerate(natural)]


@dataclass(frozen=True)
class BanjiLine:
    """One framed paragraph of the 版记: its text, what stands at its right, its lines."""

    runs: list[Run]
    right: str
    count: int = 1
    hanging: int = 0  # twips: later lines of 抄送 align after its colon


def style_id(name: str) -> str:
    return STYLE_IDS.get(name, (f"PW{name.title().replace('_', '')}", name))[0]


# --- runs and paragraphs ------------------------------------------------------------


class Writer:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.charts: dict[int, Any] = {}  # id(Chart block) → its ChartPart (render/chart.py)

    def run_props(self, style: str, bold: bool = False) -> str:
        s = self.profile.style(style)
        east = self.profile.font(s["font"]).name
        latin = self.profile.font(s["latin_font"]).name
        parts = [
            f"<w:rFonts w:ascii={quoteattr(latin)} w:hAnsi={quoteattr(latin)} "
            f'w:eastAsia={quoteattr(east)} w:cs={quoteattr(latin)} w:hint="eastAsia"/>'
        ]
        if bold or s.get("bold"):
            parts.append("<w:b/><w:bCs/>")
        if s["char_spacing_pt"]:
            parts.append(f'<w:spacing w:val="{twips(s["char_spacing_pt"])}"/>')
        half_points = round(s["size_pt"] * 2)
        parts.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
        return "<w:rPr>" + "".join(parts) + "</w:rPr>"

    def run(self, style: str, run: Run) -> str:
        pieces = run.text.split("\n")
        body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(p)}</w:t>' for p in pieces)
        return f"<w:r>{self.run_props(style, run.bold)}{body}</w:r>"

    def char_twips(self, style: str) -> float:
        s = self.profile.style(style)
        return (s["size_pt"] + s["char_spacing_pt"]) * 20

    def indent(self, style: str, first: float = 0, left: float = 0, right: float = 0) -> str:
        unit = self.char_twips(style)
        return (
            f'<w:ind w:left="{round(left * unit)}" w:right="{round(right * unit)}" '
            f'w:firstLine="{round(first * unit)}" w:leftChars="{round(left * 100)}" '
            f'w:rightChars="{round(right * 100)}" w:firstLineChars="{round(first * 100)}"/>'
        )

    def paragraph(self, block: Paragraph, extra_props: str = "") -> str:
        props = f'<w:pStyle w:val="{style_id(block.style)}"/>'
        if block.page_break_before:
            props += "<w:pageBreakBefore/>"
        runs = [Run(line) for line in block.lines] if block.lines else block.runs
        if block.lines:
            line_break = f"<w:r>{self.run_props(block.style)}<w:br/></w:r>"
            body = line_break.join(self.run(block.style, r) for r in runs)
        else:
            body = "".join(self.run(block.style, r) for r in runs)
        return f"<w:p><w:pPr>{props}{extra_props}</w:pPr>{body}</w:p>"

    def signature(self, block: Signature) -> str:
        """GB/T 9704 7.3.5.2 without a seal: 署名 right 2 characters, the date's first
        character 2 right of the 署名's; a date longer than the 署名 goes right 2 instead
        and pushes the 署名 left.

        The 署名 is right-aligned and the date placed from the 署名's first character, as a
        left indent: so the 2 characters between their first characters hold whatever width
        the date's digits take (Word and LibreOffice add space between digits and 汉字)."""
        s = self.profile.style("signature")
        signer_w, date_w = printed_width(block.signer), printed_width(block.date)
        margin, shift = s["signer_right_chars"], s["date_shift_chars"]
        signer_right = margin + max(0.0, date_w + shift - signer_w)
        signer_start = self.body_width() / self.char_twips("signature") - signer_right - signer_w
        lines = []
        if block.signer:
            lines.append(("right", self.indent("signature", right=signer_right), block.signer))
        if block.date and block.signer:
            lines.append(("left", self.indent("signature", left=signer_start + shift), block.date))
        elif block.date:  # no 署名 to hang from: the date alone, right 2
            lines.append(("right", self.indent("signature", right=margin), block.date))
        brk = "<w:pageBreakBefore/>" if block.page_break_before else ""
        return "".join(
            f'<w:p><w:pPr><w:pStyle w:val="{style_id("signature")}"/>{brk if i == 0 else ""}'
            f'<w:jc w:val="{align}"/>{indent}</w:pPr>{self.run("signature", Run(text))}</w:p>'
            for i, (align, indent, text) in enumerate(lines)
        )

    def table(self, block: Table) -> str:
        width = self.body_width()
        unit = self.char_twips(block.style)
        widths = [round(w * unit) for w in column_widths([block.header, *block.rows], width / unit)]
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        rows = [self.table_row(block.header, widths, header=True, style=block.style)]
        rows += [self.table_row(row, widths, style=block.style) for row in block.rows]
        borders = "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        brk = (
            '<w:p><w:pPr><w:pStyle w:val="PWBody"/><w:pageBreakBefore/></w:pPr></w:p>'
            if block.page_break_before
            else ""
        )
        return (
            f'{brk}<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/>'
            f"<w:tblBorders>{borders}</w:tblBorders>"
            f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            f"{''.join(rows)}</w:tbl>"
        )

    def table_row(
        self, cells: list[str], widths: list[int], header: bool = False, style: str = "table"
    ) -> str:
        bold = header and self.profile.style(style).get("header_bold", False)
        out = []
        for text, w in zip(cells, widths, strict=False):
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/>'
                f'</w:tcPr><w:p><w:pPr><w:pStyle w:val="{style_id(style)}"/>'
                f'<w:jc w:val="center"/></w:pPr>'
                f"{self.run(style, Run(text, bold=bool(bold)))}</w:p></w:tc>"
            )
        head = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
        return f"<w:tr>{head}{''.join(out)}</w:tr>"

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
        lines: list[BanjiLine] = []
        if block.cc:
            cc = "抄送：" + (block.cc if block.cc.endswith("。") else block.cc + "。")
            hang = text_width("抄送：")
            lines.append(
                BanjiLine([Run(cc)], "", wrapped_lines(cc, room, room - hang), round(hang * unit))
            )
        printed = [Run(block.printer)] if block.printer else []
        lines.append(BanjiLine(printed, f"{block.print_date}印发" if block.print_date else ""))
        page = self.profile.page
        pitch = twips(page["line_pitch_pt"])
        y = twips_from_mm(page["height_mm"] - page["bottom_mm"]) - pitch * sum(
            line.count for line in lines
        )
        outer, inner = (round(s[k] * 8) for k in ("outer_rule_pt", "inner_rule_pt"))
        out = []
        for index, line in enumerate(lines):
            rules = {"bottom": outer if index == len(lines) - 1 else inner}
            if index == 0:
                rules["top"] = outer
            out.append(self.banji_line(line, y, rules, side))
            y += pitch * line.count
        return "".join(out)

    def banji_line(self, line: BanjiLine, y: int, rules: dict[str, int], side: int) -> str:
        width, pitch = self.body_width(), twips(self.profile.page["line_pitch_pt"])
        frame = (
            f'<w:framePr w:w="{width}" w:h="{pitch * line.count}" w:hRule="exact" '
            f'w:hSpace="0" w:vSpace="0" w:wrap="around" w:vAnchor="page" '
            f'w:hAnchor="margin" w:x="0" w:y="{y}"/>'
        )
        borders = "".join(
            f'<w:{edge} w:val="single" w:sz="{size}" w:space="0" w:color="000000"/>'
            for edge, size in sorted(rules.items(), reverse=True)
        )
        right = line.right
        tabs = f'<w:tabs><w:tab w:val="right" w:pos="{width - side}"/></w:tabs>' if right else ""
        body = "".join(self.run("banji", r) for r in line.runs)
        if right:
            body += f"<w:r>{self.run_props('banji')}<w:tab/></w:r>{self.run('banji', Run(right))}"
        indent = (
            f'<w:ind w:left="{side + line.hanging}" w:right="{side}" w:hanging="{line.hanging}"/>'
            if line.hanging
            else f'<w:ind w:left="{side}" w:right="{side}" w:firstLine="0"/>'
        )
        # a wrapped 抄送 keeps the page's line pitch, so its lines fill the frame evenly
        spacing = (
            f'<w:spacing w:before="0" w:after="0" w:line="{pitch}" w:lineRule="exact"/>'
            if line.count > 1
            else ""
        )
        return (
            f'<w:p><w:pPr><w:pStyle w:val="{style_id("banji")}"/>{frame}'
            f"<w:pBdr>{borders}</w:pBdr>{tabs}{spacing}{indent}</w:pPr>{body}</w:p>"
        )

    def body_width(self) -> int:
        page = self.profile.page
        return twips_from_mm(page["width_mm"] - page["left_mm"] - page["right_mm"])

    # --- a long title in lines: 梯形 or 菱形, never a lone tail ---
    def title_lines(self, text: str) -> list[str]:
        limit = self.profile.style("title").get("title_chars_per_line", 20)
        return break_title(text, limit)


# --- title breaking -----------------------------------------------------------------

GOOD_BREAKS_AFTER = ("关于", "印发", "》", "，")
GOOD_BREAKS_BEFORE = ("《", "的通知", "的意见", "的报告")


def break_title(text: str, limit: float) -> list[str]:
    """Lines of at most `limit` characters, as even as possible, the upper ones not longer
    than the lower (正梯形), preferring breaks after 关于/印发/》 and before 《/的通知, and
    never inside a number."""
    if text_width(text) <= limit:
        return [text]
    lines = math.ceil(text_width(text) / limit)
    best = _best_split(text, lines, limit)
    return best or [text]


def _best_split(text: str, lines: int, limit: float) -> list[str] | None:
    if lines == 1:
        return [text] if text_width(text) <= limit else None
    target = text_width(text) / lines
    options = []
    for cut in range(1, len(text)):
        head = text[:cut]
        if text_width(head) > limit or (text[cut - 1].isdigit() and text[cut].isdigit()):
            continue
        rest = _best_split(text[cut:], lines - 1, limit)
        if rest is None:
            continue
        score = abs(text_width(head) - target)
        score += 1.5 if text_width(head) > text_width(rest[0]) else 0
        score -= 1.0 if head.endswith(GOOD_BREAKS_AFTER) else 0
        score -= 1.0 if text[cut:].startswith(GOOD_BREAKS_BEFORE) else 0
        score += 2.0 if head.count("《") > head.count("》") else 0
        options.append((score, [head, *rest]))
    return min(options, key=lambda o: o[0])[1] if options else None


# --- the package ------------------------------------------------------------------------


def write_docx(
    blocks: list[Block],
    profile: Profile,
    path: Path,
    *,
    title: str,
    author: str,
    date: dt.date,
    blank_page_before_banji: bool = False,
) -> None:
    """The package. `blank_page_before_banji` is for LibreOffice alone (see pdf.py): Word,
    which honours the 版记's evenPage, would print a second blank page after that one."""
    writer = Writer(profile)
    if any(isinstance(block, Chart) for block in blocks):
        from planwriter.render.chart import chart_parts  # only documents with a chart pay

        writer.charts = chart_parts(blocks, profile)
    charts = list(writer.charts.values())
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": content_types([o for c in charts for o in c.overrides]),
        "_rels/.rels": package_rels(),
        "docProps/core.xml": core_props(title, author, date),
        "docProps/app.xml": app_props(),
        "word/document.xml": document(writer, blocks, blank_page_before_banji),
        "word/_rels/document.xml.rels": document_rels(
            [(c.rel_id, c.rel_type, c.target) for c in charts]
        ),
        "word/styles.xml": styles(writer),
        "word/settings.xml": settings(),
        "word/fontTable.xml": font_table(profile),
        "word/footer1.xml": footer(writer, odd=True),
        "word/footer2.xml": footer(writer, odd=False),
        "word/footer3.xml": empty_footer(),
    }
    for chart in charts:
        parts.update(chart.files)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, xml if isinstance(xml, bytes) else xml.encode("utf-8"))


def document(writer: Writer, blocks: list[Block], blank_page_before_banji: bool = False) -> str:
    body = list(_body(writer, blocks))
    banji = next((b for b in blocks if isinstance(b, Banji)), None)
    if banji is None:
        return _document_xml("".join(body) + section(writer, "main"))
    # the 版记 is its own section, starting on an even page, with no page number
    main = "".join(body)
    end = main.rfind("<w:pPr>")
    if end >= 0:
        cut = end + len("<w:pPr>")
        main = main[:cut] + section(writer, "main") + main[cut:]
    anchor = '<w:p><w:pPr><w:pStyle w:val="PWBody"/></w:pPr></w:p>'
    blank = (
        f'<w:p><w:pPr><w:pStyle w:val="PWBody"/>{section(writer, "blank")}</w:pPr></w:p>'
        if blank_page_before_banji
        else ""
    )
    return _document_xml(
        main + blank + anchor + writer.banji(banji) + anchor + section(writer, "banji")
    )


def _body(writer: Writer, blocks: list[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            if block.style == "title" and block.runs and not block.lines:
                block.lines = writer.title_lines("".join(r.text for r in block.runs))
            outline = OUTLINE_LEVEL.get(block.style)
            yield writer.paragraph(
                block, "" if outline is None else f'<w:outlineLvl w:val="{outline}"/>'
            )
        elif isinstance(block, Signature):
            yield writer.signature(block)
        elif isinstance(block, Table):
            yield writer.table(block)
        elif isinstance(block, Chart):
            from planwriter.render.chart import paragraph

            yield paragraph(writer.charts[id(block)], block, writer.body_width())


def _document_xml(body: str) -> str:
    return f"{XML_HEAD}<w:document {W}><w:body>{body}</w:body></w:document>"


def section(writer: Writer, kind: str) -> str:
    page = writer.profile.page
    if kind == "main":
        refs = (
            '<w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
            '<w:footerReference w:type="even" r:id="rIdFooterEven"/>'
        )
    else:  # "blank" and "banji": no page number on the blank page nor on the 版记's
        refs = (
            '<w:footerReference w:type="default" r:id="rIdFooterNone"/>'
            '<w:footerReference w:type="even" r:id="rIdFooterNone"/>'
        )
    start = '<w:type w:val="evenPage"/>' if kind == "banji" else ""
    margins = {k: twips_from_mm(page[f"{k}_mm"]) for k in ("top", "bottom", "left", "right")}
    pitch = twips(page["line_pitch_pt"])
    return (
        f"<w:sectPr>{refs}{start}"
        f'<w:pgSz w:w="{twips_from_mm(page["width_mm"])}" '
        f'w:h="{twips_from_mm(page["height_mm"])}"/>'
        f'<w:pgMar w:top="{margins["top"]}" w:right="{margins["right"]}" '
        f'w:bottom="{margins["bottom"]}" w:left="{margins["left"]}" w:header="851" '
        f'w:footer="{twips_from_mm(page["footer_mm"])}" w:gutter="0"/>'
        f'<w:cols w:space="425"/><w:docGrid w:linePitch="{pitch}"/></w:sectPr>'
    )


def footer(writer: Writer, odd: bool) -> str:
    """— N —: odd pages right, even pages left, one character in."""
    s = writer.profile.style("page_number")
    indent = round(s["indent_chars"] * s["size_pt"] * 20)
    side = "right" if odd else "left"
    dash = escape(s["dash"])
    props = writer.run_props("page_number")
    return (
        f'{XML_HEAD}<w:ftr {W}><w:p><w:pPr><w:pStyle w:val="Footer"/>'
        f'<w:jc w:val="{side}"/><w:ind w:{side}="{indent}"/></w:pPr>'
        f'<w:r>{props}<w:t xml:space="preserve">{dash} </w:t></w:r>'
        f'<w:fldSimple w:instr=" PAGE "><w:r>{props}<w:t>1</w:t></w:r></w:fldSimple>'
        f'<w:r>{props}<w:t xml:space="preserve"> {dash}</w:t></w:r></w:p></w:ftr>'
    )


def empty_footer() -> str:
    return f'{XML_HEAD}<w:ftr {W}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p></w:ftr>'


def styles(writer: Writer) -> str:
    profile = writer.profile
    page = profile.page
    body = profile.style("body")
    east = profile.font(body["font"]).name
    latin = profile.font(body["latin_font"]).name
    pitch = twips(page["line_pitch_pt"])
    defaults = (
        f"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii={quoteattr(latin)} "
        f"w:hAnsi={quoteattr(latin)} w:eastAsia={quoteattr(east)} "
        f'w:cs={quoteattr(latin)}/><w:sz w:val="{round(body["size_pt"] * 2)}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        f'<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:before="0" '
        f'w:after="0" w:line="{pitch}" w:lineRule="exact"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>"
    )
    normal = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:name w:val="Normal"/>'
        f'<w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr>'
        f"{writer.run_props('body')}</w:style>"
    )
    out = [normal]
    for name in [*profile.styles]:
        out.append(_style(writer, name, pitch))
    table_normal = (
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar>'
        '<w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
    )
    return f"{XML_HEAD}<w:styles {W}>{defaults}{''.join(out)}{table_normal}</w:styles>"


def _style(writer: Writer, name: str, pitch: int) -> str:
    s = writer.profile.style(name)
    sid, display = STYLE_IDS.get(name, (style_id(name), name))
    spacing = (
        f'<w:spacing w:before="0" w:after="0" w:line="{pitch}" w:lineRule="exact"/>'
        if name not in ("table", "progress_table", "page_number", "banji", "chart")
        else '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    )
    outline = (
        f'<w:keepNext/><w:outlineLvl w:val="{OUTLINE_LEVEL[name]}"/>'
        if name in OUTLINE_LEVEL
        else ""
    )
    ppr = (
        f'<w:pPr><w:widowControl w:val="0"/>{outline}{spacing}'
        f"{writer.indent(name, first=s['first_line_chars'])}"
        f'<w:jc w:val="{ALIGN[s["align"]]}"/></w:pPr>'
    )
    custom = 0 if name in BUILTIN_STYLES else 1
    return (
        f'<w:style w:type="paragraph" w:customStyle="{custom}" w:styleId="{sid}">'
        f'<w:name w:val="{escape(display)}"/><w:basedOn w:val="Normal"/>'
        f"<w:qFormat/>{ppr}{writer.run_props(name)}</w:style>"
    )


def settings() -> str:
    return (
        f'{XML_HEAD}<w:settings {W}><w:zoom w:percent="100"/><w:evenAndOddHeaders/>'
        '<w:defaultTabStop w:val="420"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>'
    )


def font_table(profile: Profile) -> str:
    fonts = []
    seen: set[str] = set()
    for font in profile.fonts.values():
        if font.name in seen:
            continue
        seen.add(font.name)
        chinese = not font.name.isascii()
        alt = f"<w:altName w:val={quoteattr(font.fallback)}/>" if font.fallback != font.name else ""
        fonts.append(
            f"<w:font w:name={quoteattr(font.name)}>{alt}"
            f'<w:charset w:val="{86 if chinese else 0}"/>'
            f'<w:family w:val="{"modern" if chinese else "roman"}"/>'
            f'<w:pitch w:val="{"fixed" if chinese else "variable"}"/></w:font>'
        )
    return f"{XML_HEAD}<w:fonts {W}>{''.join(fonts)}</w:fonts>"


def content_types(extra: list[tuple[str, str]] | None = None) -> str:
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    overrides = [
        ("/word/document.xml", f"{main}.document.main+xml"),
        ("/word/styles.xml", f"{main}.styles+xml"),
        ("/word/settings.xml", f"{main}.settings+xml"),
        ("/word/fontTable.xml", f"{main}.fontTable+xml"),
        ("/word/footer1.xml", f"{main}.footer+xml"),
        ("/word/footer2.xml", f"{main}.footer+xml"),
        ("/word/footer3.xml", f"{main}.footer+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        ),
        *(extra or []),
    ]
    items = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
    xlsx = (
        '<Default Extension="xlsx" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>'
        if extra
        else ""
    )
    return (
        f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{xlsx}{items}</Types>"
    )


def _rels(items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in items
    )
    return (
        f"{XML_HEAD}<Relationships "
        f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}'
        "</Relationships>"
    )


REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


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


def document_rels(extra: list[tuple[str, str, str]] | None = None) -> str:
    return _rels(
        [
            ("rIdStyles", f"{REL}/styles", "styles.xml"),
            ("rIdSettings", f"{REL}/settings", "settings.xml"),
            ("rIdFonts", f"{REL}/fontTable", "fontTable.xml"),
            ("rIdFooterOdd", f"{REL}/footer", "footer1.xml"),
            ("rIdFooterEven", f"{REL}/footer", "footer2.xml"),
            ("rIdFooterNone", f"{REL}/footer", "footer3.xml"),
            *(extra or []),
        ]
    )


def core_props(title: str, author: str, date: dt.date) -> str:
    stamp = f"{date.isoformat()}T00:00:00Z"
    return (
        f"{XML_HEAD}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>"
        f"<cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy><dc:language>zh-CN"
        f'</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def app_props() -> str:
    return (
        f"{XML_HEAD}<Properties "
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>planwriter</Application></Properties>"
    )
