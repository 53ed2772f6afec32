"""What a template produces: a list of document blocks, independent of any file format."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Run(NamedTuple):
    text: str
    bold: bool = False
    size_pt: float | None = None  # only a 发文机关标志 too wide for its style's size


@dataclass
class Paragraph:
    """A paragraph in one of the profile's styles, made of runs."""

    style: str  # a key of the profile's [styles]: body, title, heading1, task, …
    runs: list[Run] = field(default_factory=list)
    page_break_before: bool = False
    lines: list[str] = field(default_factory=list)  # a title broken into its lines


@dataclass
class Signature:
    """发文机关署名 and 成文日期, placed together because each one's place depends on both."""

    signer: str
    date: str
    page_break_before: bool = False


@dataclass
class Table:
    """A ruled table on the body's pages: a header row, then the rows."""

    header: list[str]
    rows: list[list[str]]
    page_break_before: bool = False
    style: str = "table"  # a key of the profile's [styles]: table, progress_table


class AnnexRow(NamedTuple):
    cells: list[str]  # one cell for a row spanning the table (a domain 一、…)
    span: bool = False


@dataclass
class Annex:
    """A 附件 printed as a table on landscape pages of its own: 附件, its title, the table
    (the header repeated on every page). The 任务分解表 is one."""

    label: str  # 附件, 附件1
    title: str
    header: list[str]
    rows: list[AnnexRow] = field(default_factory=list)
    page_break_before: bool = True  # a section of its own begins on a new page anyway


@dataclass
class Banji:
    """版记: 抄送 and 印发, at the foot of the last (even) page."""

    cc: str = ""
    printer: str = ""
    print_date: str = ""


@dataclass
class Masthead:
    """版头 (GB/T 9704 7.2): 份号, 密级, 紧急程度, the red 发文机关标志, 发文字号 (with 签发人
    for 上行文) and the red line. One mark line per 机关; several are 联合行文, their names
    stacked beside `suffix` (文件)."""

    marks: list[str]
    number: str
    suffix: str = ""
    issuers: list[str] = field(default_factory=list)
    copy_number: str = ""
    secrecy: str = ""
    urgency: str = ""
    page_break_before: bool = False


@dataclass
class Chart:
    """A bar chart: a bar per category and series, values in `unit` (％ by default)."""

    title: str
    categories: list[str]
    series: list[tuple[str, list[float | None]]]  # (name, a value per category; None: no bar)
    unit: str = "%"
    page_break_before: bool = False


Block = Paragraph | Signature | Table | Annex | Banji | Masthead | Chart
