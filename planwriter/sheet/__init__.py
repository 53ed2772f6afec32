"""The 任务分解表 as a spreadsheet the divisions fill in, and what they write back.

One layout for both directions (`COLUMNS`): `export` writes it, `import progress` finds the
columns again by their headers, so a division may add, hide or reorder columns. Each task is
a row (its 进展情况 is the task's), each of its targets a row below it (目标值, last year's
figure beside it, the 完成值 to fill); a domain is a row across the table. The task's id is
kept in a hidden column, so rows are matched back whatever is moved.

No openpyxl here: the rows are plain data (xlsx.py writes and reads them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from planwriter import model

RowKind = Literal["domain", "task", "target"]


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # as printed in the header row (the catalogue's column_<key>)
    width: float  # the most a wrapping column takes, the width of one to fill in; in Excel's
    # unit, about one Latin character (a 汉字 takes two)
    wrap: bool = False
    fill_in: bool = False  # a column the divisions fill (完成值, 进展情况)


def _columns() -> tuple[Column, ...]:
    from planwriter.catalogue import say

    spec = [
        ("id", 10, False, False),
        ("number", 6, False, False),
        ("title", 24, True, False),
        ("text", 60, True, False),
        ("lead", 14, True, False),
        ("partners", 18, True, False),
        ("due", 14, True, False),
        ("metric", 24, True, False),
        ("target", 12, False, False),
        ("last", 12, False, False),
        ("done", 12, False, True),
        ("progress", 40, True, True),
    ]
    return tuple(
        Column(key, say(f"column_{key}"), width, wrap, fill) for key, width, wrap, fill in spec
    )


COLUMNS = _columns()
KEYS = tuple(column.key for column in COLUMNS)
SHEET_NAME = "任务分解表"
ABOUT_SHEET = "planwriter"  # hidden: which plan the sheet was made from
HEADER_ROW = 2  # row 1 is the table's title


@dataclass(frozen=True)
class SheetRow:
    kind: RowKind
    cells: dict[str, str]  # column key → text; keys left out are empty


def rows(plan: model.Plan, baseline: model.Results | None) -> list[SheetRow]:
    """The sheet's body, in plan order: a domain row, then each task and its targets."""
    last = {r.metric: model.written(r.value, r.unit) for r in baseline.results} if baseline else {}
    numbers = model.labels(plan)
    out: list[SheetRow] = []
    for domain in plan.domains:
        out.append(
            SheetRow("domain", {"id": domain.id, "number": numbers[domain.id] + domain.title})
        )
        for task in model.domain_tasks(domain):
            out.append(SheetRow("task", _task_cells(task, numbers[task.id])))
            out += [
                SheetRow(
                    "target",
                    {
                        "id": task.id,
                        "metric": target.metric,
                        "target": model.written(target.value, target.unit),
                        "last": last.get(target.metric, ""),
                        "due": target.due,
                    },
                )
                for target in task.targets
            ]
    return out


def _task_cells(task: model.Task, label: str) -> dict[str, str]:
    return {
        "id": task.id,
        "number": label.rstrip("."),
        "title": task.title,
        "text": task.text,
        "lead": task.lead,
        "partners": "、".join(task.partners),
        "due": task.due,
    }


def display_width(text: str) -> float:
    """Columns a text takes in Excel: a 汉字 or full-width sign two, an ASCII character one.
    Counted from its UTF-8 length (3 bytes a 汉字, 1 an ASCII character): no loop in Python."""
    return len(text) + (len(text.encode("utf-8")) - len(text)) / 2


def column_widths(body: list[SheetRow]) -> dict[str, float]:
    """Each column as wide as its header and its longest line; a wrapping column no wider than
    its `width` (its text wraps inside), so no figure and no header is ever broken; a column
    to fill in as wide as its `width`, room to write in."""
    widths = {}
    for column in COLUMNS:
        if column.fill_in:
            widths[column.key] = column.width
            continue
        cap = column.width if column.wrap else float("inf")
        longest = display_width(column.header)
        for row in body:
            text = row.cells.get(column.key)
            if not text or row.kind == "domain":
                continue
            longest = max(longest, *(display_width(line) for line in text.split("\n")))
            if longest + 2 >= cap:
                break  # the cap is reached: no need to read on
        widths[column.key] = min(longest + 2, cap)
    return widths
