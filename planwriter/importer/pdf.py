"""PDF text, read with pypdf (of pypdf, pdfminer.six and pdfplumber the one that kept Chinese
reading order in table cells, see bench/import_pdf.py; imported only when a PDF is read).

pypdf's text drops a paragraph's first-line indent and reads a table as it is drawn, cell
after cell, so a wrapped cell's second line lands between its neighbours (长护险参保人 /
数达到50万人 / 待遇保障科). Each run of text keeps its place on the page; from those places a
first line gets back its indent and a table its rows, written as a web copy writes them,
cells joined by formats.SEPARATOR.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from planwriter.catalogue import say
from planwriter.importer.formats import FIRST_LINE_INDENT, INDENT, SEPARATOR, failure
from planwriter.problems import InputError


class Run(NamedTuple):
    """A piece of text drawn at one place: x, y of its start on the page, in points."""

    text: str
    x: float
    y: float
    size: float  # the font's size on the page: one 汉字's width


# A first-line indent, in characters (its font's size); further in is a centred line
_INDENT_CHARACTERS = (FIRST_LINE_INDENT - 0.5, FIRST_LINE_INDENT + 1.5)
_CELL_GAP = 1.5  # characters of empty page between two runs: two cells, not one phrase
_TABLE_CELLS = 3  # a line in this many cells opens a table (a signature line has two)
_SAME_LINE = 0.3  # characters of height within which two runs stand on one line
_ALIGNED = 0.6  # characters within which a run starts where a column does
_BELOW_TABLE = 3.0  # characters below its last line past which a line is no longer the table
_FOOTER_CHARACTERS = 12  # a page's last lines this short (— 2 —, 第2页 共3页) end no table
_ROW_NUMBER = re.compile(r"^\s*[0-9]{1,3}[.、]?\s*$")


class Table(NamedTuple):
    """A table's columns (where each starts) and whether its first column numbers the rows."""

    columns: tuple[float, ...]
    numbered: bool


def pdf_text(path: Path) -> Iterator[str]:
    """The lines of a PDF's text layer, page after page."""
    name = str(path)
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError as err:  # a runtime dependency: only a broken install lacks it
        raise failure(name, say("import_pdf_needs_pypdf")) from err
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are no message of ours
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise failure(name, say("import_pdf_broken", reason=say("import_pdf_encrypted")))
        lines = document_lines(_runs(page) for page in reader.pages)
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, OSError) as err:
        # the reason in words, not pypdf's class name (issue 12: no exception names)
        raise failure(name, say("import_pdf_broken", reason=say("import_pdf_damaged"))) from err
    if not any(line.strip() for line in lines):
        raise failure(name, say("import_pdf_no_text"))
    yield from lines


def _runs(page: Any) -> list[list[Run]]:
    """The page's lines as pypdf finds them, each its runs of text and where they start."""
    lines: list[list[Run]] = [[]]

    def visit(chunk: str, cm: list[float], tm: list[float], _font: Any, font_size: float) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = font_size * tm[0] * cm[0]
        for n, piece in enumerate(chunk.split("\n")):
            if n:
                lines.append([])
            if piece:  # after a line break inside a chunk, where the piece stands is unknown
                lines[-1].append(Run(piece, x if n == 0 else math.nan, y, size))

    page.extract_text(visitor_text=visit)
    return lines


def document_lines(pages: Iterable[Sequence[Sequence[Run]]]) -> list[str]:
    """Every page's lines (page_lines); a table going on over a page break keeps its columns,
    and a row the break cut in two (its first cell empty on the new page) is one row again."""
    out: list[str] = []
    table: Table | None = None
    for page in pages:
        lines, going_on = page_lines(page, table)
        if table is not None and lines and lines[0].startswith(SEPARATOR):
            cut = max(n for n, line in enumerate(out) if SEPARATOR in line)
            before, after = out[cut].split(SEPARATOR), lines.pop(0).split(SEPARATOR)
            if len(before) == len(after):
                out[cut] = SEPARATOR.join(a + b for a, b in zip(before, after, strict=True))
            else:
                lines.insert(0, SEPARATOR.join(after))
        out.extend(lines)
        table = going_on
    return out


def page_lines(
    lines: Sequence[Sequence[Run]], going_on: Table | None = None
) -> tuple[list[str], Table | None]:
    """The page's lines as pypdf found them (each its runs), with indents and tables rebuilt;
    and the table the page ends in, if it does, for the next page to go on with (`going_on`,
    whose header the next page need not repeat)."""
    margin = _margin(lines)
    out: list[str] = []
    index = 0
    while index < len(lines):
        table, end = _table_at(lines, index, going_on if index == 0 else None)
        if table is None:
            out.append(_indented(lines[index], margin))
            index += 1
            continue
        out.extend(_table_rows(lines[index:end], table))
        if all(len(_text(line).strip()) <= _FOOTER_CHARACTERS for line in lines[end:]):
            return out + [_text(line) for line in lines[end:]], table
        index = end
    return out, None


def _table_at(
    lines: Sequence[Sequence[Run]], start: int, going_on: Table | None
) -> tuple[Table | None, int]:
    """The table that starts at `start` (a line in _TABLE_CELLS cells, or the top of a page
    going on with the last page's table) and the index of the first line after it."""
    table = going_on
    if table is None:
        cells = _cells(lines[start])
        if len(cells) < _TABLE_CELLS:
            return None, start
        following = _cells(lines[start + 1]) if start + 1 < len(lines) else []
        numbered = bool(following) and bool(_ROW_NUMBER.match(_text(following[0])))
        table = Table(tuple(cell[0].x for cell in cells), numbered)
        lowest, index = min(run.y for cell in cells for run in cell), start + 1
    else:
        lowest, index = math.nan, start  # no line above it on this page
    while index < len(lines):
        cells = _cells(lines[index], table.columns)
        if not cells or not _in_table(cells, table, lowest):
            break
        heights = [run.y for cell in cells for run in cell]
        lowest = min(heights) if math.isnan(lowest) else min(lowest, *heights)
        index += 1
    return (table, index) if index > start else (None, start)


def _text(runs: Iterable[Run]) -> str:
    return "".join(run.text for run in runs)


def _placed(runs: Iterable[Run]) -> list[Run]:
    """The runs with text and a known place (NaN: pypdf gave none)."""
    return [run for run in runs if run.text.strip() and not math.isnan(run.x)]


def _margin(lines: Sequence[Sequence[Run]]) -> float | None:
    """Where the body's lines begin: the commonest start."""
    starts = Counter(round(placed[0].x) for line in lines if (placed := _placed(line)))
    return starts.most_common(1)[0][0] if starts else None


def _indented(line: Sequence[Run], margin: float | None) -> str:
    text = _text(line)
    placed = _placed(line)
    if margin is None or not placed:
        return text
    low, high = _INDENT_CHARACTERS
    em = placed[0].size
    return INDENT + text.lstrip() if low * em <= placed[0].x - margin <= high * em else text


def _width(run: Run) -> float:
    """The run's width on the page, guessed: a 汉字 or full-width sign is one character, the
    rest half (fonts differ; the gap between cells is wider than the guess is wrong)."""
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in run.text)
    return (wide + (len(run.text) - wide) / 2) * run.size


def _cells(line: Sequence[Run], columns: Sequence[float] = ()) -> list[list[Run]]:
    """The line's runs in groups: a run begins a cell after empty page wider than _CELL_GAP
    characters, or (in a table) where it starts at a column's start."""
    cells: list[list[Run]] = []
    end = None
    for run in _placed(line):
        gap = end is None or run.x - end > _CELL_GAP * run.size or run.x < end - run.size
        aligned = any(abs(run.x - start) <= _ALIGNED * run.size for start in columns)
        if gap or (aligned and run.x > cells[-1][0].x + _ALIGNED * run.size):
            cells.append([run])
        else:
            cells[-1].append(run)
        end = run.x + _width(run)
    return cells


def _column(x: float, columns: Sequence[float], em: float) -> int:
    """The column a run starting at x stands in (-1: left of the table)."""
    found = -1
    for number, start in enumerate(columns):
        if x >= start - _ALIGNED * em:
            found = number
    return found


def _in_table(cells: Sequence[Sequence[Run]], table: Table, lowest: float) -> bool:
    """Whether a line goes on with the table: each cell in a column and not across the next,
    near the table's last line, and (in a numbered table) a row number in the first column."""
    em, columns = cells[0][0].size, table.columns
    if cells[0][0].y < lowest - _BELOW_TABLE * em:  # (never, below a NaN)
        return False
    for cell in cells:
        column = _column(cell[0].x, columns, em)
        if column < 0:
            return False
        ends = cell[-1].x + _width(cell[-1])
        if column + 1 < len(columns) and ends > columns[column + 1] + em:  # across the next
            return False
    first = cells[0]
    if table.numbered and _column(first[0].x, columns, em) == 0:
        return bool(_ROW_NUMBER.match(_text(first)))
    return True


def _table_rows(lines: Sequence[Sequence[Run]], table: Table) -> list[str]:
    """The table's rows, cells joined by SEPARATOR. Word and LibreOffice draw a table cell
    by cell, row after row, so a run joins the cell of its column in the row being drawn; a
    row begins where the first column's text begins again lower down: after another
    column's text, or, in a table whose first column numbers its rows, at a row number."""
    runs = [run for line in lines for run in _placed(line)]
    em, columns = runs[0].size, table.columns
    rows = [[""] * len(columns)]
    top, previous = runs[0].y, 0
    for run in runs:
        column = max(_column(run.x, columns, em), 0)
        lower = run.y < top - _SAME_LINE * em
        if column == 0 and lower:
            again = bool(_ROW_NUMBER.match(run.text)) if table.numbered else previous > 0
            if again:
                rows.append([""] * len(columns))
                top = run.y
        rows[-1][column] += run.text.strip()
        previous = column
    return [SEPARATOR.join(row) for row in rows]
