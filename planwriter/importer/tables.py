"""Tables: rows of a Word table, or of a web page copied with cells joined by "|" or tabs.

The header row says what each column holds: the item (项目名称), its target (目标任务, 年度目标,
主要内容), what was done (完成情况, 进展情况, 进度) or a share done (完成率: neither); a unit
in a header (城镇新增就业（人）) belongs to the bare figures below it. Each row below the header
becomes an item (items.Item) whose commitment is the target cell and whose progress the
progress cell, so a plan import takes the targets and a results import the results, named
after them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum

from planwriter.importer.formats import SEPARATOR
from planwriter.importer.item import Item
from planwriter.importer.text import Para
from planwriter.quantity import find_quantities


class Column(Enum):
    SKIP = "skip"
    UNIT = "unit"  # 单位: the unit of the row's bare figures
    SHARE = "share"
    PROGRESS = "progress"
    NAME = "name"
    TARGET = "target"


_ROLES = (
    (Column.UNIT, r"^(?:计量)?单位$"),
    (
        Column.SKIP,
        r"序号|编号|(?:责任|牵头|配合|协同|协办)(?:单位|部门)|责任领导|分管领导|责任人|完成时限"
        r"|时限|备注|联系|是否|原因|序时进度"  # 序时进度: the pace the calendar expects
        r"|下一步|存在问题|建议",  # 下一步推进计划: what comes after the report, not the target
    ),
    (Column.SHARE, r"完成率|完成比例|完成百分比|占比|之比|占.{0,6}比例|^占|进度[（(]%[）)]"),
    (
        Column.PROGRESS,
        r"完成情况|进展|进度|实际完成|推进情况|落实情况|完成数|已完成|截至|截止"
        r"|(?<!计划)(?<!应)完成(?!目标|任务)",  # 累计完成, 1-6月完成, 完成值; not 计划完成
    ),
    (
        Column.NAME,
        r"^(?:考核|主要|重点|考评)?(?:项目名称|项目|名称|事项|指标名称|指标|实事名称|民生实事"
        r"|任务名称)$",
    ),
    (
        Column.TARGET,
        r"目标|任务|计划|应完成|主要内容|建设内容|工作内容|内容|举措|措施|项目|事项|指标",
    ),
)
_HEADER_UNIT = re.compile(r"[（(]\s*(?:单位\s*[:：]\s*)?([^（）()\d]{1,4})\s*[）)]")
_BARE_FIGURE = re.compile(r"^[0-9][0-9,.]*$")
_HEADER_MAX = 20
# 进度标识（√完成，→正常，↓慢）: a header cell's note on how to read its column, not its name
_NOTE = re.compile(r"[（(][^（）()]*[）)]")
# 最新进度（8月24日）, 1-6月完成, 2024年建设内容: a header may date its column or name its period
_DATED = re.compile(
    r"[（(][^（）()]*[日月][）)]|\d{4}\s*年度?|\d{1,2}\s*[-—–~～至]\s*\d{1,2}\s*月份?"
    r"|\d{1,2}\s*月(?:\d{1,2}日)?(?:份|底|末)?"
)


@dataclass(frozen=True)
class _Header:
    roles: tuple[Column, ...]
    labels: tuple[str, ...]  # each header cell without its unit
    units: tuple[str, ...]


def cells(text: str) -> list[str] | None:
    """The cells of a table row; None when the line is no row (fewer than two cells)."""
    if text.count(SEPARATOR) < 1:
        return None
    parts = [part.strip() for part in text.strip().strip(SEPARATOR).split(SEPARATOR)]
    return parts if len(parts) >= 2 else None


def rows_of_cell_lines(paras: list[Para]) -> list[Para]:
    """A web table copied one cell a line, each line ending in "|" (序号 | / 责任单位 | / … /
    15 | / 民政局 | …): its rows joined again. The header ends where the first row's 序号
    comes, and each row starts at its own 序号."""
    out: list[Para] = []
    n = 0
    while n < len(paras):
        end = n
        while end < len(paras) and _is_cell_line(paras[end].text):
            end += 1
        if n < end and not _cell_text(paras[n]):
            out.append(paras[n])  # a lone "|" before the header: the row's mark, no cell
            n += 1
            continue
        width = _header_width(paras[n:end]) if end - n >= _MIN_CELL_LINES else 0
        named = _named_header_width(paras[n:end]) if not width else 0
        if named:
            header = _header([_cell_text(p) for p in paras[n : n + named]])
            assert header is not None  # _named_header_width checked it
            out.append(_joined(list(paras[n : n + named]), header))
            out.extend(_rows_by_kind(paras[n + named : end], header))
            n = end
            continue
        if not width:
            out.extend(paras[n : max(end, n + 1)])
            n = max(end, n + 1)
            continue
        header = _header([_cell_text(p) for p in paras[n : n + width]])
        assert header is not None  # _header_width checked it
        out.append(_joined_row(paras[n : n + width], width, header))
        row: list[Para] = [paras[n + width]]
        serial = int(_cell_text(paras[n + width]))  # 序号 go on from the first row's: 15, 16, …
        for para in paras[n + width + 1 : end]:
            if len(row) >= 2 and _cell_text(para) == str(serial + 1):
                out.append(_joined_row(row, width, header))
                row, serial = [], serial + 1
            row.append(para)
        if row:
            out.append(_joined_row(row, width, header))
        n = end
    return out


_MIN_CELL_LINES = 4
_EMPTY = "—"  # a cell lost in the copy: a mark, so a row's first and last cells keep their place


def _is_cell_line(text: str) -> bool:
    """A cell and its "|", or its "| |" when the empty cell after it kept its mark (→正常 | |)."""
    return bool(_CELL_LINE.fullmatch(text.strip()))


_CELL_LINE = re.compile(r"[^|]*\|[\s|]*")


def _cell_text(para: Para) -> str:
    return para.text.strip().rstrip(f"{SEPARATOR} ").strip()


def _header_width(run: list[Para]) -> int:
    texts = [_cell_text(p) for p in run]
    if not re.fullmatch(r"序号|编号", texts[0]):
        return 0
    width = next((k for k, t in enumerate(texts) if k and re.fullmatch(r"\d{1,3}", t)), 0)
    return width if width >= 2 and _header(texts[:width]) is not None else 0


def _joined_row(cells_: list[Para], width: int, header: _Header) -> Para:
    """The cells side by side. The copy loses empty cells, so a short row cannot be read by
    position: its cells with figures go to the target and progress columns, in order, when
    there are as many of them as of those columns; otherwise the row is padded at its end."""
    placed: list[Para | None] = list(cells_) + [None] * (width - len(cells_))
    if len(cells_) < width:
        wanted = [k for k, r in enumerate(header.roles) if r in (Column.TARGET, Column.PROGRESS)]
        figured = [p for p in cells_ if re.search(r"[0-9]", _cell_text(p)) and len(p.text) > 8]
        if len(figured) == len(wanted):
            placed = [None] * width
            for k, cell in zip(wanted, figured, strict=True):
                placed[k] = cell
    return _joined(placed, header)


def _joined(placed: Sequence[Para | None], header: _Header) -> Para:
    """A row's cells (None where the copy lost one) as one "|"-joined line."""
    text, joined = "", []
    for where in placed:
        if where is not None:
            joined.append((len(text), where.line, where.offset))
        text += (_cell_text(where) if where is not None else _EMPTY) + f" {SEPARATOR} "
    first = next(p for p in placed if p is not None)
    return Para(text.rstrip(), first.line, first.offset, joined)


# 考核指标, 全年任务目标（个）, 下一步推进计划和意见建议: a header cell names its column
_COLUMN_NAME_MAX = 12


def _names_column(text: str) -> bool:
    """Whether a cell reads as a column's name: short, no figure, words a header uses."""
    cell = re.sub(r"\s+", "", text)
    # 存在问题（含原因分析）: the note says how to fill the column, it is no part of its name
    if not cell or len(_NOTE.sub("", _HEADER_UNIT.sub("", cell))) > _COLUMN_NAME_MAX:
        return False
    if re.search(r"[0-9]", _DATED.sub("", cell)):
        return False
    return any(re.search(pattern, cell) for _, pattern in _ROLES)


def _named_header_width(run: list[Para]) -> int:
    """A table copied one cell a line without a 序号 column (考核指标 | / 计量单位 | / 工作目标 |
    / 已完成数 | / 占年度任务 | / 新增养老床位1671张 | …): its header is the run of cells that
    name columns, at least three of them, one a target's or a progress's, rows after it."""
    texts = [_cell_text(p) for p in run]
    width = 0
    while width < len(texts) and _names_column(texts[width]):
        width += 1
    if width < _NAMED_COLUMNS or len(texts) - width < width:
        return 0
    return width if _header(texts[:width]) is not None else 0


def _rows_by_kind(run: list[Para], header: _Header) -> list[Para]:
    """The rows of a table copied one cell a line, without a 序号 to start each row. The copy
    drops empty and merged cells, so each cell goes to the next column that can hold what it is
    (a unit, a share, a figure, words); a cell that fits no column after the last one filled
    starts a new row, at the first column that can hold it. A merged cell (a name over several
    rows) stays with its first row."""
    width = len(header.roles)
    rows: list[list[Para | None]] = []
    column = width
    for para in run:
        fits = _columns_for(_cell_text(para), header.roles)
        if not fits:
            continue  # an empty cell: the copy keeps no trace of where it stood
        ahead = [k for k in fits if k >= column]
        if not ahead:
            rows.append([None] * width)
            ahead = fits
        rows[-1][ahead[0]] = para
        column = ahead[0] + 1
    return [_joined(row, header) for row in rows]


def rows_of_plain_cells(paras: list[Para]) -> list[Para]:
    """A web table copied one cell a line with no "|" at all (序号 / 项目名称 / 年度目标 /
    完成情况 / 完成率 / 1 / 新增养老床位 / 300张 / 320张 / 106.7% / 2 / …): its rows joined
    again. The header is 序号 and the column names after it; each row starts at the next
    serial number (1, 2, 3 in turn), its cells placed by what they are; the table ends when a
    row has as many cells as the header or the serial numbers stop.

    A table that is an extract of a longer numbered list (指标序号 / 任务 / 时限 / 推进落实情况 /
    22 / … / 24 / …) numbers its rows in order with gaps (22, 24, 30, 36,37); a cell of numbered
    points (1、… / 2、…) keeps its later points, each as a row of that column alone."""
    out: list[Para] = []
    n = 0
    while n < len(paras):
        width = _plain_header_width(paras, n)
        if not width:
            out.append(paras[n])
            n += 1
            continue
        header = _header([p.text for p in paras[n : n + width]])
        assert header is not None  # _plain_header_width checked it
        out.append(_joined(list(paras[n : n + width]), header))
        n += width
        first = _serials(paras[n].text)
        extract = first is not None and first[0] != 1
        serial = first[0] - 1 if first is not None and extract else 0
        # rows numbered from the list they were taken from (分解表17) still count their place
        labelled = bool(_LABELLED_SERIAL.match(paras[n].text.strip()))
        place = 1 if labelled else 0
        while n < len(paras) and _starts_row(paras[n].text, serial, extract, place):
            place += labelled
            cell = paras[n].text.strip()
            serial = int(cell[len(cell) // 2 :]) if _run_together(cell, serial) else 0
            serial = serial or (_serials(cell) or [serial + 1])[-1]
            row = [paras[n]]
            points: list[Para] = []
            n += 1
            while (
                n < len(paras)
                and len(row) < width
                and not _ends_row(paras[n], serial, extract, place)
            ):
                if extract and _continues_points(paras[n].text, row[-1].text, points):
                    points.append(paras[n])
                else:
                    row.append(paras[n])
                n += 1
            out.append(_joined(_placed_by_kind(row, header), header))
            for point in points:  # 2、…: a later point of the cell above, in its column
                column = next((k for k, c in enumerate(_placed_by_kind(row, header)) if c), 0)
                column = _column_of_points(row, header) or column
                placed: list[Para | None] = [None] * width
                placed[column] = point
                out.append(_joined(placed, header))
    return out


# 1.城乡低保提标: a row's number written at the start of its item's name
_NUMBERED_NAME = re.compile(r"\s*(\d{1,2})\s*[.．、]\s*(\S.*)")


def serials_split_out(paras: list[Para]) -> list[Para]:
    """A table copied one cell a line whose header has no 序号 (项目名称 / 目标任务 / 完成情况 /
    1.城乡低保提标 / …): the rows are numbered in their names' cells, so each number is the
    row's serial, read as if the table had its 序号 column."""
    out: list[Para] = []
    n = 0
    while n < len(paras):
        end = n
        while end < len(paras) and _names_column(paras[end].text) and not _serials(paras[end].text):
            end += 1
        first = _NUMBERED_NAME.fullmatch(paras[end].text) if end < len(paras) else None
        named = paras[n:end]
        if (
            end - n < _NAMED_COLUMNS
            or first is None
            or first[1] != "1"
            or not _header(["序号"] + [p.text for p in named])
        ):
            out.append(paras[n])
            n += 1
            continue
        out += [replace(named[0], text="序号"), *named]
        serial, since = 0, 0
        for k, para in enumerate(paras[end:], end):
            numbered = _NUMBERED_NAME.fullmatch(para.text)
            if since > 2 * len(named):  # no next row within two rows' cells: the table ended
                return out + paras[k:]
            if numbered and int(numbered[1]) == serial + 1:
                serial, since = serial + 1, 0
                name = replace(para, text=numbered[2], offset=para.offset + numbered.start(2))
                out += [replace(para, text=numbered[1]), name]
            else:
                out.append(para)
                since += 1
        return out
    return out


def _plain_header_width(paras: list[Para], n: int) -> int:
    if not _SERIAL_HEADER.fullmatch(paras[n].text.strip()):
        return 0
    end = n + 1
    while end < len(paras) and _names_column(paras[end].text) and SEPARATOR not in paras[end].text:
        end += 1
    width = end - n
    if width < _NAMED_COLUMNS or end >= len(paras) or _serials(paras[end].text) is None:
        return 0
    header = _header([p.text for p in paras[n:end]])
    if header is None:
        return 0
    # rows numbered from 1, or an extract of a numbered list: a task table with its progress
    first = paras[end].text.strip() == "1"
    return width if first or Column.PROGRESS in header.roles else 0


# 序号, 编号, 指标序号: the header cell over the rows' numbers
_SERIAL_HEADER = re.compile(r"(?:[\u4e00-\u9fff]{1,4})?(?:序号|编号)")
# 分解表17: row 17 of the list it was taken from, named before its number
_SERIAL_CELL = re.compile(r"(?:[\u4e00-\u9fff]{1,4}表)?\d{1,3}(?:\s*[,，、]\s*\d{1,3})*")
_LABELLED_SERIAL = re.compile(r"[\u4e00-\u9fff]{1,4}表\d")
_GAP_MAX = 20  # rows an extract may leave out between two it keeps
_POINT = re.compile(r"^\s*(\d{1,2})\s*[、.．]")


def is_serial_header(text: str) -> bool:
    """序号, 编号, 指标序号: a cell alone on its line that heads a table's row numbers."""
    return bool(_SERIAL_HEADER.fullmatch(text.strip()))


def _serials(text: str) -> list[int] | None:
    """The row numbers a cell holds: 22 → [22]; 36,37 → [36, 37]; None when it is no number."""
    cell = text.strip()
    if not _SERIAL_CELL.fullmatch(cell):
        return None
    return [int(n) for n in re.findall(r"\d+", cell)]


def _run_together(cell: str, after: int) -> bool:
    """4243 after 41: two row numbers whose separator the copy lost (42, 43)."""
    half = len(cell) // 2
    if len(cell) != 2 * half or not cell.isdigit() or half == 0:
        return False
    low, high = int(cell[:half]), int(cell[half:])
    return after < low and high == low + 1


def _starts_row(text: str, serial: int, extract: bool, place: int = 0) -> bool:
    """Whether a cell opens the next row: its number follows the last row's, or, after rows
    numbered from another list (分解表17, 分解表18), it is the row's place in the table (3)."""
    if place and text.strip() == str(place):
        return True
    if not extract:
        return text.strip() == str(serial + 1)
    if _run_together(text.strip(), serial):
        return True
    numbers = _serials(text)
    return numbers is not None and numbers[0] > serial and (numbers[0] <= serial + _GAP_MAX)


def _ends_row(para: Para, serial: int, extract: bool, place: int = 0) -> bool:
    if SEPARATOR in para.text or (place and para.text.strip() == str(place)):
        return True
    return _starts_row(para.text, serial, extract) if extract else _next_row(para, serial)


def _continues_points(text: str, last: str, points: list[Para]) -> bool:
    """2、… after a cell that opened with 1、…: the same cell's next point."""
    found = _POINT.match(text)
    before = _POINT.match(points[-1].text if points else last)
    return bool(found and before and int(found[1]) == int(before[1]) + 1)


def _column_of_points(row: list[Para], header: _Header) -> int:
    placed = _placed_by_kind(row, header)
    return next((k for k, c in enumerate(placed) if c is not None and _POINT.match(c.text)), 0)


def _next_row(para: Para, serial: int) -> bool:
    return para.text.strip() == str(serial + 1) or SEPARATOR in para.text


def _placed_by_kind(row: list[Para], header: _Header) -> list[Para | None]:
    """One row's cells, its 序号 first, the others each in the next column that can hold it."""
    placed: list[Para | None] = [None] * len(header.roles)
    placed[0] = row[0]
    column = 1
    for para in row[1:]:
        ahead = [k for k in _columns_for(para.text.strip(), header.roles) if k >= column]
        if ahead:
            placed[ahead[0]] = para
            column = ahead[0] + 1
    return placed


# 80%, and 80%（新区实验幼儿园进度滞后）: a share with a note on why it lags (closed or cut)
_SHARE_CELL = re.compile(r"^[0-9][0-9.]*\s*[%‰]\s*(?:[（(][^（）()]*[）)]?)?$")


def _columns_for(text: str, roles: Sequence[Column]) -> list[int]:
    """The columns that can hold a cell, by what it is: a unit (张, 元/月/人) its unit column,
    a share (101%) a share column, a figure (900, 18所) a target or progress column, words any
    column but those."""
    if not text or text == _EMPTY:
        return []
    if Column.UNIT in roles and _is_unit(text):
        kinds: tuple[Column, ...] = (Column.UNIT,)
    elif _SHARE_CELL.match(text) and Column.SHARE in roles:
        kinds = (Column.SHARE,)
    elif _FIGURE_CELL.match(text):
        kinds = (Column.TARGET, Column.PROGRESS)
    else:
        kinds = (Column.NAME, Column.TARGET, Column.PROGRESS, Column.SKIP)
    return [k for k, role in enumerate(roles) if role in kinds]


def table_items(paras: Sequence[Para]) -> list[Item]:
    """An item for each row under a recognised header, in every table of the text."""
    items: list[Item] = []
    header: _Header | None = None
    merged: tuple[Para, list[Item]] | None = None  # a name cell and the rows under it
    for para in paras:
        row = cells(para.text)
        if row is None:
            header = None
            continue
        if (found := _header(row)) is not None:
            header = found
            continue
        if header is not None and 2 <= len(row) < len(header.roles):
            para = _padded(para, header)  # a merged cell lost in the copy
            row = cells(para.text) or []
        if (
            header is not None
            and len(row) == len(header.roles)
            and (item := _item(para, row, header))
        ):
            items.append(item)
            name_at = next((k for k, r in enumerate(header.roles) if r is Column.NAME), None)
            if name_at is None:
                continue
            if row[name_at] not in ("", _EMPTY):
                _total(merged)
                at = _cell_starts(para.text)[name_at]
                merged = (_cell_para(para, row[name_at], at), [item])
            elif merged is not None:
                merged[1].append(item)
    _total(merged)
    return items


def _padded(para: Para, header: _Header) -> Para:
    """A row with fewer cells than its header (张 | 日间照料中心新增床位100张 | 90 | 90% under
    考核指标 | 计量单位 | 工作目标 | 已完成数 | 完成率): each cell in the next column that can hold
    what it is, the lost ones empty."""
    pieces = []
    for start, text in zip(_cell_starts(para.text), cells(para.text) or [], strict=True):
        line, column = para.position(start)
        pieces.append(Para(text, line, column - 1))
    placed: list[Para | None] = [None] * len(header.roles)
    column = 0
    for piece in pieces:
        ahead = [k for k in _columns_for(piece.text, header.roles) if k >= column]
        if not ahead:
            return para  # cells out of order: not a row this header can read
        placed[ahead[0]] = piece
        column = ahead[0] + 1
    return _joined(placed, header)


def _total(merged: tuple[Para, list[Item]] | None) -> None:
    """A name cell merged over several rows that states their total (新增养老床位1671张 over
    900张, 100张, 505张, 166张): the item's overall target, a commitment of its first row."""
    if merged is None or len(merged[1]) < 2:
        return
    name, rows = merged
    stated = [f.quantity for f in find_quantities(name.text) if f.quantity.unit]
    if len(stated) != 1:
        return
    parts = [
        f.quantity
        for item in rows
        for cell in item.commitment
        for f in find_quantities(cell.text[cell.words_end :])
    ]
    same_unit = len(parts) == len(rows) and all(q.unit == stated[0].unit for q in parts)
    if same_unit and sum(q.amount for q in parts) == stated[0].amount:
        rows[0].commitment.insert(0, name)


def plain_rows(paras: list[Para]) -> list[Para]:
    """A Word table's rows outside any recognised table read as text again: the cells side by
    side, a merged cell once (新增家庭养老照护床位　200张)."""
    plain, header = [], None
    for para in paras:
        row = cells(para.text)
        if row is not None and (header := header or _header(row)) is None:
            text = "　".join(cell for cell in dict.fromkeys(row) if cell)
            plain.append(Para(text, para.line, para.offset))
        else:
            plain.append(para)
        header = header if row is not None else None
    return plain


def _header(row: list[str]) -> _Header | None:
    row = [re.sub(r"\s+", "", cell) for cell in row]  # 分管 领导: a cell wrapped on the page
    if any(
        re.search(r"[0-9]", _DATED.sub("", c)) or len(_NOTE.sub("", c)) > _HEADER_MAX for c in row
    ):
        return None  # a header names its columns: no figures, no sentences
    roles = tuple(_role(cell) for cell in row)
    wanted = {Column.TARGET, Column.PROGRESS}
    if not wanted & set(roles) or sum(role is not Column.SKIP for role in roles) < 1:
        return None
    units = tuple((m[1] if (m := _HEADER_UNIT.search(cell)) else "") for cell in row)
    labels = tuple(_HEADER_UNIT.sub("", cell) for cell in row)
    return _Header(roles, labels, units)


def _role(cell: str) -> Column:
    for role, pattern in _ROLES:
        if re.search(pattern, cell):
            return role
    return Column.SKIP if not cell else Column.NAME


def _item(para: Para, row: list[str], header: _Header) -> Item | None:
    """The row as an item: its name, its target cell(s), its progress cell(s)."""
    row = ["" if cell == _EMPTY else cell for cell in row]
    starts = _cell_starts(para.text)
    name = next((c for c, r in zip(row, header.roles, strict=True) if r is Column.NAME and c), "")
    row_unit = next((c for c, r in zip(row, header.roles, strict=True) if r is Column.UNIT), "")
    row_unit = row_unit.split("/")[0]  # 元/年/人: the figure's own unit, as its cells write it
    target_unit = next(
        (u for u, r in zip(header.units, header.roles, strict=True) if r is Column.TARGET and u),
        "",
    )
    targets: list[Para] = []
    progress: list[Para] = []
    for n, (cell, role) in enumerate(zip(row, header.roles, strict=True)):
        if not cell or role not in (Column.TARGET, Column.PROGRESS):
            continue
        # 城镇新增就业（人）| 3000; 年度目标（人） | 完成数: what was done is counted as its target
        unit = header.units[n] or row_unit or _unit_in(name) or target_unit
        label = _HEADER_UNIT.sub("", name)
        if re.search(r"[0-9]", label) or not label:
            # 新增养老床位1671张 over its parts, or merged away: the row's target words name it
            label = _words_of(next((t for t in targets if not t.in_cell), None))
        text = _with_unit(cell, unit, label or header.labels[n])
        piece = _cell_para(para, text, starts[n])
        if text != cell:  # the row names the figure; its own figures are words
            piece.words_end = len(text) - len(cell) - (len(unit) if _BARE_FIGURE.match(cell) else 0)
            piece.in_cell = True
            piece.joined = [
                (0, piece.line, piece.offset),
                (piece.words_end, piece.line, piece.offset),
            ]
        (targets if role is Column.TARGET else progress).append(piece)
    # 配电网改造（37个村） | 万元 | 5900: the name states its own target, in a unit no target
    # cell of the row counts in (a target in its unit, or one of unknown unit, may repeat it)
    scope = _bracketed_quantity(para, name, header, starts)
    units = [_unit_of(t) for t in targets]
    if scope is not None and units and all(units) and _unit_of(scope) not in units:
        targets.insert(0, scope)
    # 300 | 160 | 53.3%: a share in a progress column, against a target that is no share, is
    # how much of the target was done (完成进度), neither target nor result
    counted = any(
        not _SHARE_CELL.match(c)
        for c, r in zip(row, header.roles, strict=True)
        if c and r is Column.TARGET
    )
    shares = [p for p in progress if counted and _SHARE_CELL.match(_cell_of(p))]
    progress = [p for p in progress if p not in shares]
    if not (targets or progress):
        return None
    title = _HEADER_UNIT.sub("", name) or (targets[0].text if targets else progress[0].text)
    at = next((starts[n] for n, r in enumerate(header.roles) if r is Column.NAME), 0)
    return Item(_cell_para(para, title, at), targets, progress, shares, row_line=para.line)


_BRACKETED = re.compile(r"[（(]([^（）()]{1,12})[）)]$")


def _bracketed_quantity(para: Para, name: str, header: _Header, starts: list[int]) -> Para | None:
    """The quantity a name cell states in brackets at its end (…配电网改造（37个村））."""
    found = _BRACKETED.search(name)
    if found is None:
        return None
    quantities = [f for f in find_quantities(found[1]) if f.quantity.unit]
    if len(quantities) != 1 or quantities[0].start != 0:
        return None  # （37个村）, not （平江17、汩罗4） or （2013—2017年）
    at = next(n for n, r in enumerate(header.roles) if r is Column.NAME)
    return _cell_para(para, name[found.start(1) : found.end(1)], starts[at] + found.start(1))


def _unit_of(piece: Para) -> str:
    found = [f for f in find_quantities(piece.text[piece.words_end :]) if f.quantity.unit]
    return found[0].quantity.unit if found else ""


def _cell_of(piece: Para) -> str:
    """The cell's own text in a piece named by its row (新增养老床位53.3% → 53.3%)."""
    return piece.text[piece.words_end :] if piece.in_cell else piece.text


def _words_of(target: Para | None) -> str:
    """敬老院新增床位900张 → 敬老院新增床位: a target cell's words without its figures."""
    if target is None:
        return ""
    found = [f for f in find_quantities(target.text) if f.quantity.unit]
    if len(found) != 1:
        return ""
    words = target.text[: found[0].start] + target.text[found[0].end :]
    return words.strip("，,。；; ")


def _cell_starts(text: str) -> list[int]:
    """Where each cell of the row (as cells() splits it) starts in the line."""
    inner_start = len(text) - len(text.lstrip())
    inner = text.strip()
    inner_start += len(inner) - len(inner.lstrip(SEPARATOR))
    starts, at = [], inner_start
    for part in inner.strip(SEPARATOR).split(SEPARATOR):
        starts.append(at + len(part) - len(part.lstrip()))
        at += len(part) + 1
    return starts


def _unit_in(cell: str) -> str:
    found = _HEADER_UNIT.search(cell)
    return found[1] if found else ""


def _with_unit(cell: str, unit: str, label: str) -> str:
    """27800 under 城镇新增就业（人） → 城镇新增就业27800人: the header's words and unit; a
    cell that is only a figure (20个, 不低于60元) takes the row's words too."""
    if _BARE_FIGURE.match(cell):
        return f"{label}{cell}{unit}"
    if _FIGURE_CELL.match(cell):
        return f"{label}{cell}"
    return cell


def _cell_para(para: Para, text: str, at: int) -> Para:
    """The cell's text, placed where the cell stands in its source line."""
    line, column = para.position(at)
    return Para(text, line, column - 1)


# --- a web table pasted one cell per line --------------------------------------------------

_CELL_MAX = 24  # a cell's line: short, no sentence
_MIN_FIGURES = 6
_WHOLE = ("全市", "全区", "全县", "全省", "合计", "总计", "小计", "全镇")  # a total row
_SPLIT_HEADERS = {("目标", "任务"): "目标任务", ("完成", "情况"): "完成情况"}


def cell_items(paras: Sequence[Para]) -> list[Item]:
    """A table pasted from a web page one cell per line (城镇新增就业（人） / 目标任务 / 进度 /
    完成比例（%） / 全市 / 27800 / 52242 / 187.9 …): a group of columns per measure, a row per
    place or item. A share is told from the next target by its value (进度 ÷ 目标 × 100)."""
    figures = sum(1 for p in paras if _BARE_FIGURE.match(p.text))
    if figures < 2:
        return []
    items: list[Item] = []
    run: list[Para] = []
    for para in [*paras, Para("。", 0)]:
        if len(para.text) <= _CELL_MAX and "。" not in para.text:
            run.append(para)
            continue
        items.extend(_run_items(run, named_only=figures < _MIN_FIGURES))
        run = []
    return items


def _run_items(run: list[Para], named_only: bool) -> list[Item]:
    """The items of one run of short lines. A small table (fewer figures than _MIN_FIGURES)
    counts only when the lines just before its first row name its columns, three or more
    (指标名称 / 全年任务目标（个） / 实际完成（个） / 完成进度): a few short lines with a figure
    are no table otherwise."""
    first_row = next(
        (n for n in range(len(run) - 1) if _is_label(run[n]) and _is_figure(run[n + 1])), None
    )
    if first_row is None:
        return []
    header = _merged([p.text for p in run[:first_row]])
    if named_only:
        names = len(header)
        while names and _names_column(header[names - 1]):
            names -= 1
        header = header[names:]  # the title or a 附件 line before the header is no column
        if len(header) < _NAMED_COLUMNS:
            return []
    roles = [_role(cell) for cell in header]
    columns = _groups(roles)
    if not columns:
        return []
    groups = [[roles[k] for k in group] for group in columns]
    measures = [cell for cell in header if _HEADER_UNIT.search(cell) and _role(cell) is Column.NAME]
    if len(measures) != len(groups):
        # 全年任务目标（个） / 实际完成（个）: the unit in the group's own column names
        units = [next((u for k in g if (u := _unit_in(header[k]))), "") for g in columns]
        measures = [f"（{unit}）" if unit else "" for unit in units]
    items = []
    label = run[first_row]
    figures: list[Para] = []
    for para in [*run[first_row + 1 :], Para("", 0)]:
        if _is_figure(para):
            figures.append(para)
            continue
        items.extend(_row_items(label, figures, groups, measures))
        label, figures = para, []
    return items


def _row_items(
    label: Para, figures: list[Para], groups: list[list[Column]], measures: list[str]
) -> list[Item]:
    items, at = [], 0
    for group, measure in zip(groups, measures, strict=True):
        if at + 1 >= len(figures):
            break
        target, done = figures[at], figures[at + 1]
        at += 2
        shares = []
        said = Column.SHARE in group or Column.PROGRESS in group[group.index(Column.PROGRESS) + 1 :]
        if said and at < len(figures) and _is_share(target, done, figures[at]):
            shares.append(figures[at])  # 完成比例, or a second progress column (完成进度): 100%
            at += 1
        unit = _unit_in(measure)
        words = _HEADER_UNIT.sub("", measure)
        if label.text not in _WHOLE:
            words = f"{label.text}{words}"  # 甲区新增养老床位: each row its own measure
        items.append(
            Item(
                Para(
                    words if label.text not in _WHOLE else f"{label.text}{words}",
                    label.line,
                    label.offset,
                ),
                [_named_cell(words, target, unit)],
                [_named_cell(words, done, unit)],
                shares,
            )
        )
    return items


def _named_cell(words: str, cell: Para, unit: str) -> Para:
    """甲区新增养老床位 + 27800 + 张: the figure named by its row and column, still placed where
    the cell stands."""
    joined = [(0, cell.line, cell.offset), (len(words), cell.line, cell.offset)]
    return Para(f"{words}{cell.text}{unit}", cell.line, cell.offset, joined, words_end=len(words))


def _merged(cells: list[str]) -> list[str]:
    """目标 / 任务 on two lines are one header: 目标任务."""
    merged: list[str] = []
    for cell in cells:
        if merged and (joined := _SPLIT_HEADERS.get((merged[-1], cell))):
            merged[-1] = joined
        else:
            merged.append(cell)
    return merged


def _groups(roles: list[Column]) -> list[list[int]]:
    """The column groups (header indexes), each starting at a target column: [目标任务, 进度,
    完成比例] …"""
    groups: list[list[int]] = []
    for k, role in enumerate(roles):
        if role is Column.TARGET:
            groups.append([k])
        elif role in (Column.PROGRESS, Column.SHARE) and groups:
            groups[-1].append(k)
    return [group for group in groups if any(roles[k] is Column.PROGRESS for k in group)]


def _is_share(target: Para, done: Para, share: Para) -> bool:
    def number(para: Para) -> float:
        return float(para.text.replace(",", "").rstrip("%"))

    try:
        expected = number(done) / number(target) * 100
        return abs(number(share) - expected) <= max(0.6, expected / 100)
    except (ValueError, ZeroDivisionError):
        return False


_SHARE_FIGURE = re.compile(r"^[0-9][0-9,.]*%$")


def _is_figure(para: Para) -> bool:
    """A cell of figures: 27800, 187.9, or a share written with its sign (100%)."""
    return bool(_BARE_FIGURE.match(para.text) or _SHARE_FIGURE.match(para.text))


def _is_label(para: Para) -> bool:
    return bool(para.text) and not _is_figure(para) and not _HEADER_UNIT.search(para.text)


# --- a web table whose cells the copy left side by side with spaces ------------------------

_CELL_GAP = re.compile(r"\S+")
_SINGLE = re.compile(r"^[\u4e00-\u9fff]$")
_FIGURE_CELL = re.compile(
    r"^(?:不低于|不少于|不超过|达到?)?[0-9][0-9.,]*(?:%|‰|[\u4e00-\u9fff/]{0,5})?$"
)
_UNIT_CELL = re.compile(r"^[万亿]?[\u4e00-\u9fff]{1,2}(?:/[\u4e00-\u9fff]{1,2}){0,2}$")
_OFFICES = ("局", "委", "办", "院", "会", "司", "部", "厅", "处", "室", "中心", "公司", "政府")
_NO_CELL = "-"  # a cell the table leaves empty


def spaced_header_cells(text: str) -> list[str] | None:
    """序号 考核指标 单 位 工作目标 已完成数 占年任务之比 备  注: a header's cells, the letters
    a wide column spaced out (单 位) joined again; None when the line is no such header."""
    if SEPARATOR in text or "\t" in text:
        return None  # its cells are marked already
    cells_: list[str] = []
    for token in text.split():
        if (
            cells_
            and _SINGLE.match(token)
            and _SINGLE.match(cells_[-1][-1:])
            and len(cells_[-1]) == 1
        ):
            cells_[-1] += token
        else:
            cells_.append(token)
    named = sum(any(re.search(pattern, cell) for _, pattern in _ROLES) for cell in cells_)
    if len(cells_) < 4 or named < _NAMED_COLUMNS or _header(cells_) is None:
        return None  # words spaced apart in a copied PDF line are no header
    return cells_


_NAMED_COLUMNS = 3  # header cells that name a column (序号, 单位, 工作目标, 完成情况, 备注…)


def spaced_table_lines(texts: Sequence[str]) -> set[int]:
    """Indexes of the lines of tables copied with their cells side by side: a header
    (spaced_header_cells) and the rows under it, each several cells, one with a figure."""
    lines: set[int] = set()
    n = 0
    while n < len(texts):
        if spaced_header_cells(texts[n]) is None:
            n += 1
            continue
        lines.add(n)
        n += 1
        while n < len(texts) and _is_spaced_row(texts[n]):
            lines.add(n)
            n += 1
    return lines


def _is_spaced_row(text: str) -> bool:
    if SEPARATOR in text or "\t" in text:
        return False
    tokens = text.split()
    return len(tokens) >= 3 and any(_FIGURE_CELL.match(t) or t == _NO_CELL for t in tokens)


def rows_of_spaced_lines(paras: list[Para], lines: set[int]) -> list[Para]:
    """The table's lines (source line numbers in `lines`) as rows of "|"-joined cells, each
    token put in its column by what it is (spaced_row_cells)."""
    out: list[Para] = []
    header: list[str] | None = None
    for para in paras:
        if para.line not in lines:
            header = None
            out.append(para)
        elif (found := spaced_header_cells(para.text)) is not None:
            header = found
            out.append(Para(f" {SEPARATOR} ".join(found), para.line, para.offset))
        elif header is not None:
            out.append(_spaced_row(para, header))
        else:
            out.append(para)
    return out


def _spaced_row(para: Para, header: list[str]) -> Para:
    found = _header(header)
    assert found is not None  # spaced_header_cells checked it
    tokens = [(m.start(), m[0]) for m in _CELL_GAP.finditer(para.text)]
    placed = spaced_row_cells([t for _, t in tokens], found.roles, header)
    text, joined = "", []
    for column in placed:
        parts = [tokens[k] for k in column]
        if parts:
            joined.append((len(text), para.line, para.offset + parts[0][0]))
        words = " ".join(t for _, t in parts)
        text += (_EMPTY if words in ("", _NO_CELL) else words) + f" {SEPARATOR} "
    return Para(text[: -len(f" {SEPARATOR} ")], para.line, para.offset, joined)


def spaced_row_cells(
    tokens: list[str], roles: Sequence[Column], header: list[str]
) -> list[list[int]]:
    """Which tokens fill which column. The copy drops empty cells, so a row is read by what
    its tokens are: the 序号 (a small number), the name (words), the unit (万人, 元/月/人), then
    the figures and remarks fill the columns after in order."""
    placed: list[list[int]] = [[] for _ in roles]
    k, c = 0, 0
    if roles and re.fullmatch(r"序号|编号", header[0]):
        if tokens and re.fullmatch(r"\d{1,3}", tokens[0]):
            placed[0].append(0)
            k = 1
        c = 1
    while c < len(roles) and roles[c] is not Column.NAME and c < len(roles) - 1:
        c += 1  # columns before the name that the row left out
    if c < len(roles) and roles[c] is Column.NAME:
        while k < len(tokens) and _is_words(tokens[k]):
            placed[c].append(k)
            k += 1
        c += 1
    if c < len(roles) and roles[c] is Column.UNIT:
        if k < len(tokens) and (tokens[k] == _NO_CELL or _is_unit(tokens[k])):
            placed[c].append(k)
            k += 1
        c += 1
    for rest in range(k, len(tokens)):
        placed[min(c, len(roles) - 1)].append(rest)
        c += 1
    return placed


def _is_words(token: str) -> bool:
    return token != _NO_CELL and not _FIGURE_CELL.match(token) and not _is_unit(token)


def _is_unit(token: str) -> bool:
    return bool(_UNIT_CELL.match(token)) and not token.endswith(_OFFICES) and len(token) <= 6


# --- a web table whose cells the copy ran together ---------------------------------------

_GLUED_TARGET = (
    "实事内容",
    "实事项目",
    "项目名称",
    "工作任务",
    "目标任务",
    "年度目标",
    "建设内容",
    "主要内容",
)
_GLUED_PROGRESS = ("进展情况", "完成情况", "推进情况", "工作进展", "进度情况")
_GLUED_OTHER = (
    "序号",
    "责任单位",
    "牵头单位",
    "配合单位",
    "协同单位",
    "责任领导",
    "完成时限",
    "备注",
)
_GLUED_HEADER = re.compile(f"(?:{'|'.join((*_GLUED_TARGET, *_GLUED_PROGRESS, *_GLUED_OTHER))})+")
_PERIOD_HEADER = re.compile(r"(?:[一二三四]季度|[上下]半年|\d{1,2}月份?)+")
_GLUED_ROW_TITLE_MAX = 80  # the commitment, the row's first sentence


def glued_table_lines(texts: Sequence[str]) -> dict[int, str]:
    """Lines of a table whose cells ran together (实事内容工作任务责任单位进展情况 / 一季度二季度…
    / 新增30家照料中心。区民政局目前已完成5家…): "header", "periods" or "row" by index. Each
    row is its commitment (the first sentence, the target column) then the rest (progress)."""
    kinds: dict[int, str] = {}
    n = 0
    while n < len(texts):
        header = texts[n].strip()
        has_target = any(word in header for word in _GLUED_TARGET)
        has_progress = any(word in header for word in _GLUED_PROGRESS)
        if not (_GLUED_HEADER.fullmatch(header) and has_target and has_progress):
            n += 1
            continue
        kinds[n] = "header"
        n += 1
        if n < len(texts) and _PERIOD_HEADER.fullmatch(texts[n].strip()):
            kinds[n] = "periods"
            n += 1
        while n < len(texts) and 0 < texts[n].find("。") <= _GLUED_ROW_TITLE_MAX:
            kinds[n] = "row"
            n += 1
    return kinds


def rows_of_glued_lines(paras: list[Para], kinds: dict[int, str]) -> list[Para]:
    """The table's lines (by source line number) as rows of a target and a progress cell."""
    out: list[Para] = []
    for para in paras:
        kind = kinds.get(para.line, "")
        if kind == "header":
            out.append(Para(f"工作任务 {SEPARATOR} 进展情况", para.line, para.offset))
        elif kind == "row":
            cut = para.text.index("。") + 1
            gap = f" {SEPARATOR} "
            joined = [(0, para.line, para.offset), (cut + len(gap), para.line, para.offset + cut)]
            out.append(
                Para(para.text[:cut] + gap + para.text[cut:], para.line, para.offset, joined)
            )
        elif kind != "periods":
            out.append(para)
    return out
