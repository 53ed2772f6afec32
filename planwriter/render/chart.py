"""A bar chart as a native Word chart: a DrawingML chart part, its embedded workbook, and
the inline drawing that places it in the text.

Word and LibreOffice both draw a chart from the figures cached in the chart part; the
embedded workbook (see workbook.py) is what Word's 编辑数据 opens, so the chart stays
editable. Labels are in the document's own fonts (the profile's `chart` style), so the
chart's Chinese matches the text around it. Imported only when a document has a chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from planwriter.render.blocks import Block, Chart
from planwriter.render.ooxml import escape
from planwriter.render.profile import Profile
from planwriter.render.workbook import column_letter, workbook

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_REL = f"{R}/chart"
PACKAGE_REL = f"{R}/package"
EMU_PER_MM = 36000
# Printed in black and white as often as in colour: a dark and a light fill stay apart.
FILLS = ("2F5597", "BFBFBF", "C55A11", "548235")
SHEET = "Sheet1"


@dataclass(frozen=True)
class Fonts:
    east_asian: str
    latin: str
    size_pt: float
    title: str = ""  # the title's face (the 一、 headings' 黑体); empty: east_asian


@dataclass(frozen=True)
class ChartPart:
    """One chart's parts in the package, and how document.xml reaches it."""

    number: int
    rel_id: str  # in word/_rels/document.xml.rels
    chart: str  # word/charts/chartN.xml
    rels: str  # word/charts/_rels/chartN.xml.rels: the chart's link to its workbook
    workbook: bytes  # word/embeddings/Microsoft_Excel_WorksheetN.xlsx


class Package(Protocol):
    """docx.Package, as far as the charts use it."""

    parts: dict[str, str | bytes]

    def add(
        self, name: str, xml: str | bytes, relation: tuple[str, str] | None, kind: str
    ) -> None: ...


def add_charts(package: Package, blocks: Sequence[Block], profile: Profile) -> dict[int, ChartPart]:
    """Every chart of `blocks` into `package`, numbered in document order; id(block) → its
    part, for the paragraph that places it."""
    charts = chart_parts(blocks, profile)
    for part in charts.values():
        n = part.number
        package.add(f"word/charts/chart{n}.xml", part.chart, (part.rel_id, "chart"), CHART_TYPE)
        # a part's relationships are a part without a content type of their own
        package.parts[f"word/charts/_rels/chart{n}.xml.rels"] = part.rels
        package.add(
            f"word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx", part.workbook, None, XLSX_TYPE
        )
    return charts


def chart_parts(blocks: Sequence[Block], profile: Profile) -> dict[int, ChartPart]:
    """id(block) → its part, numbered in document order."""
    style = profile.style("chart") if "chart" in profile.styles else profile.style("table")
    fonts = Fonts(
        profile.font(style["font"]).name,
        profile.font(style["latin_font"]).name,
        style["size_pt"],
        profile.font(profile.style("heading1")["font"]).name,
    )
    charts = [block for block in blocks if isinstance(block, Chart)]
    return {id(chart): chart_part(chart, n, fonts) for n, chart in enumerate(charts, 1)}


def paragraph(part: ChartPart, chart: Chart, width_twips: int) -> str:
    """A centred paragraph of its own, spaced by its content: the body's exact line pitch
    would clip the drawing to one line."""
    brk = "<w:pageBreakBefore/>" if chart.page_break_before else ""
    return (
        f'<w:p><w:pPr><w:pStyle w:val="PWChart"/>{brk}'
        '<w:spacing w:before="120" w:after="120" w:line="240" w:lineRule="auto"/>'
        '<w:ind w:left="0" w:right="0" w:firstLine="0" w:firstLineChars="0"/>'
        f'<w:jc w:val="center"/></w:pPr>{inline(part, chart, width_twips * 635)}</w:p>'
    )


LABEL_CHARS = 12  # a category label's line: the plot keeps about two thirds of the width
NOT_AT_LINE_START = "，。、；：？！）》”’」』〕】…—"


def wrap_label(text: str, width: int = LABEL_CHARS) -> str:
    """A long 指标 broken into even lines (Word and LibreOffice keep a label on one line and
    shrink the plot instead); closing punctuation never begins a line."""
    if len(text) <= width:
        return text
    lines = -(-len(text) // width)
    size = -(-len(text) // lines)
    out, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        while end < len(text) and text[end] in NOT_AT_LINE_START:
            end += 1
        out.append(text[start:end])
        start = end
    return "\n".join(out)


def labelled(chart: Chart) -> Chart:
    return chart._replace(categories=[wrap_label(c) for c in chart.categories])


def chart_part(chart: Chart, number: int, fonts: Fonts) -> ChartPart:
    chart = labelled(chart)
    rels = (
        f'{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{PACKAGE_REL}" '
        f'Target="../embeddings/Microsoft_Excel_Worksheet{number}.xlsx"/></Relationships>'
    )
    book = workbook(chart.categories, chart.series)
    return ChartPart(number, f"rIdChart{number}", chart_space(chart, fonts), rels, book)


def height_mm(chart: Chart) -> float:
    """Room for the title, the axis and the legend, and a band per category."""
    band = 4.0 + 3.0 * len(chart.series)
    return min(36.0 + band * len(chart.categories), 210.0)


def inline(part: ChartPart, chart: Chart, width_emu: int) -> str:
    """The run that places the chart in a paragraph, as wide as the text."""
    height = round(height_mm(chart) * EMU_PER_MM)
    title = escape(chart.title)
    return (
        f'<w:r><w:drawing><wp:inline xmlns:wp="{WP}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{width_emu}" cy="{height}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{1000 + part.number}" name="图表 {part.number}" descr="{title}"/>'
        "<wp:cNvGraphicFramePr/>"
        f'<a:graphic xmlns:a="{A}"><a:graphicData uri="{C}">'
        f'<c:chart xmlns:c="{C}" xmlns:r="{R}" r:id="{part.rel_id}"/>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


def chart_space(chart: Chart, fonts: Fonts) -> str:
    series = "".join(
        _series(index, name, values, chart) for index, (name, values) in enumerate(chart.series)
    )
    top = max([100.0, *(v for _, values in chart.series for v in values if v is not None)])
    legend = (  # one series: its name says nothing the title does not
        f'<c:legend><c:legendPos val="b"/><c:overlay val="0"/>{_text(fonts)}</c:legend>'
        if len(chart.series) > 1
        else ""
    )
    return (
        f'{XML_HEAD}<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{R}">'
        '<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>'
        f"<c:chart>{_title(chart.title, fonts)}"
        '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>'
        '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/>'
        f'<c:varyColors val="0"/>{series}<c:gapWidth val="60"/>'
        '<c:axId val="10"/><c:axId val="20"/></c:barChart>'
        f"{_category_axis(fonts)}{_value_axis(chart, _nice_top(top), fonts)}"
        "</c:plotArea>"
        f'{legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        f"{_text(fonts)}"
        '<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData>'
        "</c:chartSpace>"
    )


def _series(index: int, name: str, values: Sequence[float | None], chart: Chart) -> str:
    column = column_letter(index + 1)  # B, C, … (A holds the categories)
    rows = len(chart.categories)
    names = "".join(
        f'<c:pt idx="{i}"><c:v>{escape(text)}</c:v></c:pt>'
        for i, text in enumerate(chart.categories)
    )
    points = "".join(
        f'<c:pt idx="{i}"><c:v>{value:g}</c:v></c:pt>'
        for i, value in enumerate(values)
        if value is not None
    )
    fill = FILLS[index % len(FILLS)]
    number_format = escape(f'General"{chart.unit}"') if chart.unit else "General"
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>'
        f"<c:tx><c:strRef><c:f>{SHEET}!${column}$1</c:f><c:strCache>"
        f'<c:ptCount val="1"/><c:pt idx="0"><c:v>{escape(name)}</c:v></c:pt>'
        "</c:strCache></c:strRef></c:tx>"
        f'<c:spPr><a:solidFill><a:srgbClr val="{fill}"/></a:solidFill></c:spPr>'
        '<c:invertIfNegative val="0"/>'
        f'<c:dLbls><c:numFmt formatCode="{number_format}" sourceLinked="0"/>'
        "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        '<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/>'
        f'<c:showVal val="{1 if index == 0 else 0}"/><c:showCatName val="0"/>'
        '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>'
        "</c:dLbls>"
        f"<c:cat><c:strRef><c:f>{SHEET}!$A$2:$A${rows + 1}</c:f><c:strCache>"
        f'<c:ptCount val="{rows}"/>{names}</c:strCache></c:strRef></c:cat>'
        f"<c:val><c:numRef><c:f>{SHEET}!${column}$2:${column}${rows + 1}</c:f><c:numCache>"
        f'<c:formatCode>General</c:formatCode><c:ptCount val="{rows}"/>{points}'
        "</c:numCache></c:numRef></c:val></c:ser>"
    )


def _category_axis(fonts: Fonts) -> str:
    # maxMin: the first category at the top, in the order of the table beside it
    return (
        '<c:catAx><c:axId val="10"/><c:scaling><c:orientation val="maxMin"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'{_line("7F7F7F")}{_text(fonts)}<c:crossAx val="20"/><c:crosses val="autoZero"/>'
        '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>'
        '<c:noMultiLvlLbl val="0"/></c:catAx>'
    )


def _value_axis(chart: Chart, top: float, fonts: Fonts) -> str:
    number_format = escape(f'0"{chart.unit}"') if chart.unit else "General"
    return (
        '<c:valAx><c:axId val="20"/><c:scaling><c:orientation val="minMax"/>'
        f'<c:max val="{top:g}"/><c:min val="0"/></c:scaling><c:delete val="0"/>'
        f'<c:axPos val="b"/><c:majorGridlines>{_line("D9D9D9")}</c:majorGridlines>'
        f'<c:numFmt formatCode="{number_format}" sourceLinked="0"/>'
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'{_line("7F7F7F")}{_text(fonts)}<c:crossAx val="10"/><c:crosses val="max"/>'
        f'<c:crossBetween val="between"/><c:majorUnit val="{_step(top):g}"/></c:valAx>'
    )


def _nice_top(top: float) -> float:
    """The axis' end: 100, or the next multiple of 20 above the largest bar."""
    return float(-(-top // 20) * 20)


def _step(top: float) -> float:
    return 20.0 if top <= 200 else float(-(-top // 200) * 20)


def _line(color: str) -> str:
    fill = f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>'
    return f'<c:spPr><a:ln w="6350">{fill}</a:ln></c:spPr>'


def _run_props(fonts: Fonts, bold: bool = False) -> str:
    size = round(fonts.size_pt * 100)
    return (
        f'sz="{size}" b="{1 if bold else 0}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
        f'<a:latin typeface="{escape(fonts.latin)}"/><a:ea typeface="{escape(fonts.east_asian)}"/>'
        f'<a:cs typeface="{escape(fonts.latin)}"/>'
    )


def _text(fonts: Fonts) -> str:
    """c:txPr: every label of an element in the document's font and size."""
    return (
        f"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr {_run_props(fonts)}"
        '</a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>'
    )


def _title(text: str, fonts: Fonts) -> str:
    face = fonts.title or fonts.east_asian
    big = Fonts(face, face, fonts.size_pt + 1.5)
    return (
        "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>"
        f"<a:defRPr {_run_props(big)}</a:defRPr></a:pPr>"
        f'<a:r><a:rPr lang="zh-CN" {_run_props(big)}</a:rPr><a:t>{escape(text)}</a:t>'
        '</a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>'
    )
