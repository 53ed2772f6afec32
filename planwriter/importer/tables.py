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
from dataclasses import dataclass
from enum import Enum

from planwriter.importer.items import Item
from planwriter.importer.text import Para

SEPARATOR = "|"  # reading.py joins a Word table's cells, and tabs, with it


class Column(Enum):
    SKIP = "skip"
    SHARE = "share"
    PROGRESS = "progress"
    NAME = "name"
    TARGET = "target"


_ROLES = (
    (
        Column.SKIP,
        r"序号|编号|责任单位|牵头单位|配合单位|责任领导|分管领导|责任人|完成时限|时限|备注|联系",
    ),
    (Column.SHARE, r"完成率|完成比例|完成百分比|占比"),
    (Column.PROGRESS, r"完成情况|进展情况|进度|实际完成|推进情况|落实情况|完成数|已完成|截至|截止"),
    (Column.NAME, r"^(?:项目名称|项目|名称|事项|指标名称|指标|实事名称|民生实事)$"),
    (Column.TARGET, r"目标|任务|计划|主要内容|建设内容|工作内容|内容|举措|措施|项目|事项|指标"),
)
_HEADER_UNIT = re.compile(r"[（(]\s*(?:单位\s*[:：]\s*)?([^（）()\d]{1,4})\s*[）)]")
_BARE_FIGURE = re.compile(r"^[0-9][0-9,.]*$")
_HEADER_MAX = 20


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


def table_items(paras: Sequence[Para]) -> list[Item]:
    """An item for each row under a recognised header, in every table of the text."""
    items: list[Item] = []
    header: _Header | None = None
    for para in paras:
        row = cells(para.text)
        if row is None:
            header = None
            continue
        if (found := _header(row)) is not None:
            header = found
        elif (
            header is not None
            and len(row) == len(header.roles)
            and (item := _item(para, row, header))
        ):
            items.append(item)
    return items


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
    if any(re.search(r"[0-9]", cell) or len(cell) > _HEADER_MAX for cell in row):
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
    name = next((c for c, r in zip(row, header.roles, strict=True) if r is Column.NAME and c), "")
    targets, progress = [], []
    for n, (cell, role) in enumerate(zip(row, header.roles, strict=True)):
        if not cell or role not in (Column.TARGET, Column.PROGRESS):
            continue
        unit = header.units[n] or _unit_in(name)  # 城镇新增就业（人）| 3000
        text = _with_unit(cell, unit, _HEADER_UNIT.sub("", name) or header.labels[n])
        piece = _cell_para(para, text, cell)
        (targets if role is Column.TARGET else progress).append(piece)
    if not (targets or progress):
        return None
    title = _HEADER_UNIT.sub("", name) or (targets[0].text if targets else progress[0].text)
    return Item(_cell_para(para, title, name or title), targets, progress)


def _unit_in(cell: str) -> str:
    found = _HEADER_UNIT.search(cell)
    return found[1] if found else ""


def _with_unit(cell: str, unit: str, label: str) -> str:
    """27800 under 城镇新增就业（人） → 城镇新增就业27800人: the header's words and unit."""
    if _BARE_FIGURE.match(cell) and unit:
        return f"{label}{cell}{unit}"
    return cell


def _cell_para(para: Para, text: str, cell: str) -> Para:
    at = para.text.find(cell) if cell else -1
    return Para(text, para.line, para.offset + max(at, 0))
