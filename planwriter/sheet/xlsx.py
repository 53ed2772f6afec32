"""The sheet in and out of .xlsx with openpyxl (imported here only, when a command needs it).

Writing: the title across the top, a frozen header, columns as wide as Chinese text needs,
domain rows grey and bold across the table (not merged: a division may sort or filter),
the cells to fill in yellow, the ids in a hidden column, printed landscape with the header
on every page. Reading: the columns are found by their headers, each cell given back as the
text it shows.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from planwriter.catalogue import say
from planwriter.problems import InputError, Location, Problem
from planwriter.sheet import (
    ABOUT_SHEET,
    COLUMNS,
    HEADER_ROW,
    SHEET_NAME,
    SheetRow,
    column_widths,
    display_width,
)

FONT = "宋体"
FONT_SIZE = 11
LINE_HEIGHT_PT = 15  # one line of 11 pt text in a row
GREY, YELLOW = "D9D9D9", "FFF2CC"


# --- writing ----------------------------------------------------------------------------------


def workbook_bytes(title: str, body: list[SheetRow], about: dict[str, Any]) -> bytes:
    """The .xlsx file's bytes (the caller writes them atomically)."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)  # rows streamed out as they come: twice as fast
    sheet = book.create_sheet(SHEET_NAME)
    looks = _looks(book)
    widths = column_widths(body)
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = widths[column.key]
    sheet.column_dimensions["A"].hidden = True  # the ids: how rows are matched back
    sheet.freeze_panes = f"D{HEADER_ROW + 1}"  # title, header, 序号 and 重点任务 stay in view
    _print_setup(sheet)
    sheet.row_dimensions[1].height = LINE_HEIGHT_PT * 2
    sheet.append([None, _cell(sheet, title, looks["title"])])  # reads across the empty cells
    sheet.append([_cell(sheet, column.header, looks["header"]) for column in COLUMNS])
    for number, row in enumerate(body, start=HEADER_ROW + 1):
        _append(sheet, number, row, looks, widths)
    _about(book, about)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _looks(book: Any) -> dict[str, Any]:
    """One named style per look, registered once; each cell is made with its style array
    (what assigning the style's name gives it, without looking the name up 24 000 times)."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    def look(name: str, bold: bool = False, fill: str = "", **align: Any) -> Any:
        named = NamedStyle(name=f"planwriter {name}")
        named.font = Font(name=FONT, size=FONT_SIZE + (3 if name == "title" else 0), bold=bold)
        named.alignment = Alignment(vertical="center", **align)
        if name != "title":
            named.border = box
        if fill:
            named.fill = PatternFill("solid", start_color=fill, end_color=fill)
        book.add_named_style(named)
        return named.as_tuple()

    return {
        "title": look("title", bold=True, horizontal="left"),  # reads on across empty cells
        "header": look("header", bold=True, fill=GREY, horizontal="center", wrap_text=True),
        "domain": look("domain", bold=True, fill=GREY, horizontal="left"),
        "text": look("text", horizontal="left", wrap_text=True),
        "center": look("center", horizontal="center", wrap_text=True),
        "fill": look("fill", fill=YELLOW, horizontal="left", wrap_text=True),
    }


def _cell(sheet: Any, value: str | None, look: Any) -> Any:
    from openpyxl.cell.cell import Cell

    # row and column are placeholders (as WriteOnlyCell makes them): append places the cell
    return Cell(sheet, row=1, column=1, value=value or None, style_array=look)


CENTRED = {"number", "lead", "partners", "due", "target", "last"}


def _append(
    sheet: Any, number: int, row: SheetRow, looks: dict[str, Any], widths: dict[str, float]
) -> None:
    if row.kind == "domain":  # grey and bold across the table; not merged, so sorting works
        texts = [row.cells.get("id"), row.cells.get("number")] + [None] * (len(COLUMNS) - 2)
        sheet.append([_cell(sheet, text, looks["domain"]) for text in texts])
        return
    cells: list[Any] = [row.cells.get("id")]  # hidden: the value alone
    lines = 1
    for column in COLUMNS[1:]:
        text = row.cells.get(column.key, "")
        if column.fill_in and not (row.kind == "task" and column.key == "done"):
            look = looks["fill"]  # a task's 完成值 is its targets': only theirs are yellow
        elif text:
            look = looks["center" if column.key in CENTRED else "text"]
        else:
            cells.append(None)  # left blank, without a frame: the task's cells above a target
            continue
        cells.append(_cell(sheet, text, look))
        if text and column.wrap:
            room = max(widths[column.key] - 1, 1)
            lines = max(lines, sum(math.ceil(display_width(p) / room) for p in text.split("\n")))
    if lines > 1:  # Excel does not grow a row for wrapped text it did not lay out itself
        sheet.row_dimensions[number].height = LINE_HEIGHT_PT * lines
    sheet.append(cells)


def _print_setup(sheet: Any) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = "9"  # A4 (ECMA-376 paper size 9)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"  # the header on every printed page
    sheet.print_options.gridLines = True  # the cells left unframed print their grid too


def _about(book: Any, about: dict[str, Any]) -> None:
    sheet = book.create_sheet(ABOUT_SHEET)
    sheet.sheet_state = "hidden"
    for key, value in about.items():
        sheet.append([key, value])


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReadRow:
    number: int  # the row as Excel numbers it
    cells: dict[str, str]  # column key → the text the cell shows ("" when empty)


@dataclass(frozen=True)
class ReadSheet:
    name: str
    columns: dict[str, int]  # column key → its 1-based column
    rows: list[ReadRow]
    about: dict[str, str]


REQUIRED_KEYS = ("title", "metric", "done", "progress")


def read_workbook(path: Path) -> ReadSheet:
    """The filled sheet: its columns found by their headers, each cell as text."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise _error(path, say("file_missing")) from None
    except Exception as err:  # zipfile, XML and openpyxl's own errors: not a workbook we can read
        raise _error(path, say("sheet_unreadable", reason=err)) from err
    try:
        sheet = book[SHEET_NAME] if SHEET_NAME in book.sheetnames else book.worksheets[0]
        about = _read_about(book)
        rows = enumerate(sheet.iter_rows(), start=1)
        columns = _find_header(rows, path, sheet.title)
        body = [_read_row(number, cells, columns) for number, cells in rows]
    finally:
        book.close()
    return ReadSheet(sheet.title, columns, [r for r in body if r is not None], about)


def _read_about(book: Any) -> dict[str, str]:
    if ABOUT_SHEET not in book.sheetnames:
        return {}
    return {
        str(key): str(value)
        for key, value, *_ in book[ABOUT_SHEET].iter_rows(values_only=True)
        if key is not None and value is not None
    }


def _find_header(rows: Any, path: Path, sheet: str) -> dict[str, int]:
    """The first row (of the first ten) that names the columns; its columns by key."""
    by_header = {column.header: column.key for column in COLUMNS}
    for _ in range(10):
        _, cells = next(rows, (0, None))
        if cells is None:
            break
        found = {
            by_header[str(cell.value).strip()]: cell.column
            for cell in cells
            if cell.value is not None and str(cell.value).strip() in by_header
        }
        if "title" in found and "done" in found:
            missing = [k for k in REQUIRED_KEYS if k not in found]
            if missing:
                names = "、".join(f"“{say('column_' + k)}”" for k in missing)
                raise _error(path, say("sheet_missing_columns", sheet=sheet, columns=names))
            return found
    raise _error(path, say("sheet_no_header", sheet=sheet, columns=say("column_done")))


def _read_row(number: int, cells: tuple, columns: dict[str, int]) -> ReadRow | None:
    values = {}
    for key, column in columns.items():
        cell = cells[column - 1] if column <= len(cells) else None
        value = getattr(cell, "value", None)
        values[key] = cell_text(value, getattr(cell, "number_format", "General"))
    if not any(values.values()):
        return None  # an empty row
    return ReadRow(number, values)


def cell_text(value: Any, number_format: str = "General") -> str:
    """What the cell shows: 82000 for a number, 95% for 0.95 in a percent format, text trimmed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if "%" in (number_format or ""):
            return _plain(number * 100) + "%"
        return _plain(number)
    return str(value).strip()


def _plain(number: Decimal) -> str:
    """82000, 8.2, 0.95: no exponent, no trailing zeros."""
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _error(path: Path, message: str) -> InputError:
    return InputError([Problem("sheet", message, Location(str(path)))])
