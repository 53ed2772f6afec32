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

from planwriter.importer.item import Item
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
        r"序号|编号|责任单位|牵头单位|配合单位|协同单位|协办单位|责任领导|分管领导|责任人|完成时限"
        r"|时限|备注|联系|是否|原因",
    ),
    (Column.SHARE, r"完成率|完成比例|完成百分比|占比"),
    (Column.PROGRESS, r"完成情况|进展情况|进度|实际完成|推进情况|落实情况|完成数|已完成|截至|截止"),
    (Column.NAME, r"^(?:项目名称|项目|名称|事项|指标名称|指标|实事名称|民生实事)$"),
    (Column.TARGET, r"目标|任务|计划|主要内容|建设内容|工作内容|内容|举措|措施|项目|事项|指标"),
)
_HEADER_UNIT = re.compile(r"[（(]\s*(?:单位\s*[:：]\s*)?([^（）()\d]{1,4})\s*[）)]")
_BARE_FIGURE = re.compile(r"^[0-9][0-9,.]*$")
_HEADER_MAX = 20
_DATED = re.compile(
    r"[（(][^（）()]*[日月][）)]"
)  # 最新进度（8月24日）: a header may date its column


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
        width = _header_width(paras[n:end]) if end - n >= _MIN_CELL_LINES else 0
        if not width:
            out.extend(paras[n : max(end, n + 1)])
            n = max(end, n + 1)
            continue
        header = _header([_cell_text(p) for p in paras[n : n + width]])
        assert header is not None  # _header_width checked it
        out.append(_joined_row(paras[n : n + width], width, header))
        row: list[Para] = []
        for para in paras[n + width : end]:
            if row and re.fullmatch(r"\d{1,3}", _cell_text(para)):
                out.append(_joined_row(row, width, header))
                row = []
            row.append(para)
        if row:
            out.append(_joined_row(row, width, header))
        n = end
    return out


_MIN_CELL_LINES = 4
_EMPTY = "—"  # a cell lost in the copy: a mark, so a row's first and last cells keep their place


def _is_cell_line(text: str) -> bool:
    return text.rstrip().endswith(SEPARATOR) and text.count(SEPARATOR) == 1


def _cell_text(para: Para) -> str:
    return para.text.strip().rstrip(SEPARATOR).strip()


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
    text, joined = "", []
    for where in placed:
        if where is not None:
            joined.append((len(text), where.line, where.offset))
        text += (_cell_text(where) if where is not None else _EMPTY) + f" {SEPARATOR} "
    first = next(p for p in placed if p is not None)
    return Para(text.rstrip(), first.line, first.offset, joined)


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
    row = [re.sub(r"\s+", "", cell) for cell in row]  # 分管 领导: a cell wrapped on the page
    if any(re.search(r"[0-9]", _DATED.sub("", c)) or len(c) > _HEADER_MAX for c in row):
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
    targets: list[Para] = []
    progress: list[Para] = []
    for n, (cell, role) in enumerate(zip(row, header.roles, strict=True)):
        if not cell or role not in (Column.TARGET, Column.PROGRESS):
            continue
        unit = header.units[n] or _unit_in(name)  # 城镇新增就业（人）| 3000
        label = _quiet(_HEADER_UNIT.sub("", name) or header.labels[n])
        text = _with_unit(cell, unit, label)
        piece = _cell_para(para, text, cell)
        if _BARE_FIGURE.match(cell) and not unit and name:
            piece = Para(f"{label}{cell}", piece.line, piece.offset, cell=True)  # 两癌检查 | 93215
        (targets if role is Column.TARGET else progress).append(piece)
    if not (targets or progress):
        return None
    title = _HEADER_UNIT.sub("", name) or (targets[0].text if targets else progress[0].text)
    return Item(_cell_para(para, title, name or title), targets, progress)


def _quiet(label: str) -> str:
    """A row's name said before its cell's figure, its own figures in quotes so that only the
    cell's is read (改建农村户用厕所100万户以上 | 144281)."""
    if not re.search(r"[0-9]", label):
        return label
    return f"「{label}」" if re.search("[“”]", label) else f"“{label}”"  # quotes never nest


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


# --- a web table pasted one cell per line --------------------------------------------------

_CELL_MAX = 24  # a cell's line: short, no sentence
_MIN_FIGURES = 6
_WHOLE = ("全市", "全区", "全县", "全省", "合计", "总计", "小计", "全镇")  # a total row
_SPLIT_HEADERS = {("目标", "任务"): "目标任务", ("完成", "情况"): "完成情况"}


def cell_items(paras: Sequence[Para]) -> list[Item]:
    """A table pasted from a web page one cell per line (城镇新增就业（人） / 目标任务 / 进度 /
    完成比例（%） / 全市 / 27800 / 52242 / 187.9 …): a group of columns per measure, a row per
    place or item. A share is told from the next target by its value (进度 ÷ 目标 × 100)."""
    if sum(1 for p in paras if _BARE_FIGURE.match(p.text)) < _MIN_FIGURES:
        return []
    items: list[Item] = []
    run: list[Para] = []
    for para in [*paras, Para("。", 0)]:
        if len(para.text) <= _CELL_MAX and "。" not in para.text:
            run.append(para)
            continue
        items.extend(_run_items(run))
        run = []
    return items


def _run_items(run: list[Para]) -> list[Item]:
    first_row = next(
        (n for n in range(len(run) - 1) if _is_label(run[n]) and _is_figure(run[n + 1])), None
    )
    if first_row is None:
        return []
    header = _merged([p.text for p in run[:first_row]])
    groups = _groups([_role(cell) for cell in header])
    if not groups:
        return []
    measures = [cell for cell in header if _HEADER_UNIT.search(cell) and _role(cell) is Column.NAME]
    if len(measures) != len(groups):
        measures = [""] * len(groups)
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
        if Column.SHARE in group and at < len(figures) and _is_share(target, done, figures[at]):
            shares.append(figures[at])
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
                [Para(f"{words}{target.text}{unit}", target.line, target.offset)],
                [Para(f"{words}{done.text}{unit}", done.line, done.offset)],
                shares,
            )
        )
    return items


def _merged(cells: list[str]) -> list[str]:
    """目标 / 任务 on two lines are one header: 目标任务."""
    merged: list[str] = []
    for cell in cells:
        if merged and (joined := _SPLIT_HEADERS.get((merged[-1], cell))):
            merged[-1] = joined
        else:
            merged.append(cell)
    return merged


def _groups(roles: list[Column]) -> list[list[Column]]:
    """The column groups, each starting at a target column: [目标任务, 进度, 完成比例] …"""
    groups: list[list[Column]] = []
    for role in roles:
        if role is Column.TARGET:
            groups.append([role])
        elif role in (Column.PROGRESS, Column.SHARE) and groups:
            groups[-1].append(role)
    return [group for group in groups if Column.PROGRESS in group]


def _is_share(target: Para, done: Para, share: Para) -> bool:
    try:
        expected = float(done.text.replace(",", "")) / float(target.text.replace(",", "")) * 100
        return abs(float(share.text.replace(",", "")) - expected) <= max(0.6, expected / 100)
    except (ValueError, ZeroDivisionError):
        return False


def _is_figure(para: Para) -> bool:
    return bool(_BARE_FIGURE.match(para.text))


def _is_label(para: Para) -> bool:
    return bool(para.text) and not _is_figure(para) and not _HEADER_UNIT.search(para.text)


# --- a web table pasted with its cells joined by spaces ------------------------------------

_SPACED_VALUE = re.compile(
    r"^(?:不低于|不少于|不超过|超过|达到|约|近)?[0-9][0-9,.]*(?:万|亿)?[%‰\u4e00-\u9fff/]{0,4}"
    r"(?:以上|以内|以下)?$"
)
_NO_VALUE = ("-", "—", "/", "无")
_SPACED_SHARE = re.compile(r"^(?:[0-9][0-9.]*%|达到|完成|超额)")
_SPACED_TARGET = re.compile(r"目标|任务|计划")
_SPACED_UNIT = re.compile(r"^[万亿千]?[\u4e00-\u9fff]{1,3}(?:/[\u4e00-\u9fff]{1,2}){0,2}$")
_SPACED_HEADER = (
    f"项目名称 {SEPARATOR} 工作目标 {SEPARATOR} 已完成数 {SEPARATOR} 完成率 {SEPARATOR} 备注"
)


def spaced_rows(texts: Sequence[str], units: frozenset[str]) -> list[str]:
    """A table whose cells a copy joined by spaces (序号 考核指标 单 位 工作目标 已完成数 / 1
    城镇新增就业 万人 5.2 7.23 139.1% 人社局): its header and rows rewritten with "|" between
    name, target, done, share and remark, a unit column's unit put after its bare figures, so the
    table is read as any other. Each line keeps its place; lines of no such table are unchanged.
    `units`: the units a bare figure may be counted in (万人, 公里, 元/月/人 take their base)."""
    out = list(texts)
    in_table = False
    for n, text in enumerate(texts):
        if SEPARATOR in text or "\t" in text:
            in_table = False  # a table whose cells are marked already
            continue
        tokens = _merged_singles(text.split())
        if not in_table:
            in_table = _is_spaced_header(tokens)
            out[n] = _SPACED_HEADER if in_table else text
            continue
        row = _spaced_row(tokens, units)
        if row is None:
            in_table = bool(not text.strip())
            continue
        out[n] = f" {SEPARATOR} ".join(cell or _EMPTY for cell in row)  # a row keeps its width
    return out


def _merged_singles(tokens: list[str]) -> list[str]:
    """单 位, 备  注: a header word the page spaced out is one cell."""
    merged: list[str] = []
    for token in tokens:
        if merged and len(token) == 1 and len(merged[-1]) == 1 and not token.isdigit():
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def _is_spaced_header(tokens: list[str]) -> bool:
    if len(tokens) < 4 or any(re.search(r"[0-9]", t) or len(t) > _HEADER_MAX for t in tokens):
        return False
    roles = [_role(t) for t in tokens]
    return Column.PROGRESS in roles and any(
        _SPACED_TARGET.search(t) and r is Column.TARGET for t, r in zip(tokens, roles, strict=True)
    )


def _spaced_row(tokens: list[str], units: frozenset[str]) -> list[str] | None:
    """[name, target, done, share, remark] of a row; None when the line is no row."""
    if len(tokens) >= 3 and re.fullmatch(r"\d{1,2}", tokens[0]):
        tokens = tokens[1:]  # 序号
    first = next(
        (k for k, t in enumerate(tokens) if k and (_SPACED_VALUE.match(t) or t in _NO_VALUE)), None
    )
    if first is None:
        return None
    unit = ""
    if first >= 2 and _is_unit(tokens[first - 1], units):
        unit = tokens[first - 1].split("/")[0]
        name = " ".join(tokens[: first - 1])
    else:
        name = " ".join(tokens[:first])
    values = tokens[first:]
    target = values[0] if values[0] not in _NO_VALUE else ""
    done = values[1] if len(values) > 1 and _SPACED_VALUE.match(values[1]) else ""
    rest = values[2:] if done or (len(values) > 1 and values[1] in _NO_VALUE) else values[1:]
    share = rest[0] if rest and _SPACED_SHARE.match(rest[0]) else ""
    remark = " ".join(rest[1:] if share else rest)
    return [name, _with_base(target, unit), _with_base(done, unit), share, remark]


def _is_unit(token: str, units: frozenset[str]) -> bool:
    base = token.split("/")[0].lstrip("万亿千")
    return bool(_SPACED_UNIT.match(token)) and (base in units or "/" in token)


def _with_base(cell: str, unit: str) -> str:
    return f"{cell}{unit}" if unit and _BARE_FIGURE.match(cell) else cell
