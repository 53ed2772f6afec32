"""The smallest .xlsx a chart's 编辑数据 opens: one sheet, categories in column A, one column
per series; shared strings, one cell style and a plain theme, so Excel need not repair it."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_ML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
Series = Sequence[tuple[str, Sequence[float | None]]]


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def workbook(categories: Sequence[str], series: Series) -> bytes:
    strings: list[str] = []

    def text(ref: str, value: str) -> str:
        strings.append(value)
        return f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>'

    rows = [
        '<row r="1">'
        + "".join(text(f"{column_letter(i + 1)}1", name) for i, (name, _) in enumerate(series))
        + "</row>"
    ]
    for r, category in enumerate(categories, start=2):
        cells = [text(f"A{r}", category)]
        for i, (_, values) in enumerate(series):
            value = values[r - 2] if r - 2 < len(values) else None
            if value is not None:
                cells.append(f'<c r="{column_letter(i + 1)}{r}"><v>{value:g}</v></c>')
        rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    shared = "".join(f'<si><t xml:space="preserve">{_esc(s)}</t></si>' for s in strings)
    parts = {
        "[Content_Types].xml": _content_types(),
        "_rels/.rels": _rels([("rId1", "officeDocument", "xl/workbook.xml")]),
        "xl/workbook.xml": (
            f'{XML_HEAD}<workbook xmlns="{MAIN}" xmlns:r="{R}"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": _rels(
            [
                ("rId1", "worksheet", "worksheets/sheet1.xml"),
                ("rId2", "styles", "styles.xml"),
                ("rId3", "sharedStrings", "sharedStrings.xml"),
                ("rId4", "theme", "theme/theme1.xml"),
            ]
        ),
        "xl/worksheets/sheet1.xml": (
            f'{XML_HEAD}<worksheet xmlns="{MAIN}"><sheetData>{"".join(rows)}</sheetData>'
            "</worksheet>"
        ),
        "xl/sharedStrings.xml": (
            f'{XML_HEAD}<sst xmlns="{MAIN}" count="{len(strings)}" '
            f'uniqueCount="{len(strings)}">{shared}</sst>'
        ),
        "xl/styles.xml": STYLES,
        "xl/theme/theme1.xml": THEME,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, xml.encode("utf-8"))
    return buffer.getvalue()


def _rels(items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f'<Relationship Id="{i}" Type="{R}/{kind}" Target="{target}"/>' for i, kind, target in items
    )
    return f'{XML_HEAD}<Relationships xmlns="{PKG_RELS}">{body}</Relationships>'


def _content_types() -> str:
    overrides = {
        "/xl/workbook.xml": f"{SHEET_ML}.sheet.main+xml",
        "/xl/worksheets/sheet1.xml": f"{SHEET_ML}.worksheet+xml",
        "/xl/styles.xml": f"{SHEET_ML}.styles+xml",
        "/xl/sharedStrings.xml": f"{SHEET_ML}.sharedStrings+xml",
        "/xl/theme/theme1.xml": "application/vnd.openxmlformats-officedocument.theme+xml",
    }
    items = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides.items())
    return (
        f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{items}</Types>'
    )


STYLES = (
    f'{XML_HEAD}<styleSheet xmlns="{MAIN}"><fonts count="1"><font><sz val="11"/>'
    '<name val="宋体"/><charset val="134"/></font></fonts><fills count="2"><fill>'
    '<patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
    '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    '</cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" '
    'xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" '
    'builtinId="0"/></cellStyles></styleSheet>'
)


def _theme() -> str:
    colors = (
        ("dk1", '<a:sysClr val="windowText" lastClr="000000"/>'),
        ("lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'),
        *(
            (name, f'<a:srgbClr val="{rgb}"/>')
            for name, rgb in (
                ("dk2", "44546A"),
                ("lt2", "E7E6E6"),
                ("accent1", "2F5597"),
                ("accent2", "BFBFBF"),
                ("accent3", "C55A11"),
                ("accent4", "548235"),
                ("accent5", "7F7F7F"),
                ("accent6", "404040"),
                ("hlink", "0563C1"),
                ("folHlink", "954F72"),
            )
        ),
    )
    scheme = "".join(f"<a:{name}>{color}</a:{name}>" for name, color in colors)
    font = '<a:latin typeface="宋体"/><a:ea typeface="宋体"/><a:cs typeface=""/>'
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="6350">{fill}</a:ln>'
    return (
        f'{XML_HEAD}<a:theme xmlns:a="{A}" name="planwriter"><a:themeElements>'
        f'<a:clrScheme name="planwriter">{scheme}</a:clrScheme>'
        f'<a:fontScheme name="planwriter"><a:majorFont>{font}</a:majorFont>'
        f"<a:minorFont>{font}</a:minorFont></a:fontScheme>"
        f'<a:fmtScheme name="planwriter"><a:fillStyleLst>{fill * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst>"
        f"<a:effectStyleLst>{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}"
        f"</a:effectStyleLst><a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst></a:fmtScheme>"
        "</a:themeElements></a:theme>"
    )


THEME = _theme()
