"""What a template produces: a list of document blocks, independent of any file format.

Blocks are NamedTuples, each made whole (a page break is decided when a block is made): a
dataclass costs several times more to define, and every start of the program defines them."""

from __future__ import annotations

from typing import NamedTuple


class Run(NamedTuple):
    text: str
    bold: bool = False
    size_pt: float | None = None  # only a 发文机关标志 too wide for its style's size


class Paragraph(NamedTuple):
    """A paragraph in one of the profile's styles, made of runs."""

    style: str  # a key of the profile's [styles]: body, title, heading1, task, …
    runs: list[Run]
    page_break_before: bool = False


class Signature(NamedTuple):
    """发文机关署名 and 成文日期, placed together because each one's place depends on both."""

    signer: str
    date: str
    page_break_before: bool = False


class Table(NamedTuple):
    """A ruled table on the body's pages: a header row, then the rows."""

    header: list[str]
    rows: list[list[str]]
    page_break_before: bool = False
    style: str = "table"  # a key of the profile's [styles]: table, progress_table


class AnnexRow(NamedTuple):
    cells: list[str]  # one cell for a row spanning the table (a domain 一、…)
    span: bool = False


class Annex(NamedTuple):
    """A 附件 printed as a table on landscape pages of its own: 附件, its title, the table
    (the header repeated on every page). The 任务分解表 is one."""

    label: str  # 附件, 附件1
    title: str
    header: list[str]
    rows: list[AnnexRow]  # filled by the template's span_row() and row() calls that follow
    page_break_before: bool = True  # a section of its own begins on a new page anyway


class Banji(NamedTuple):
    """版记: 抄送 and 印发, at the foot of the last (even) page."""

    cc: str = ""
    printer: str = ""
    print_date: str = ""


class Masthead(NamedTuple):
    """版头 (GB/T 9704 7.2): 份号, 密级, 紧急程度, the red 发文机关标志, 发文字号 (with 签发人
    for 上行文) and the red line. One mark line per 机关; several are 联合行文, their names
    stacked beside `suffix` (文件)."""

    marks: list[str]
    number: str
    suffix: str = ""
    issuers: tuple[str, ...] = ()
    copy_number: str = ""
    secrecy: str = ""
    urgency: str = ""
    page_break_before: bool = False


class Chart(NamedTuple):
    """A bar chart: a bar per category and series, values in `unit` (％ by default)."""

    title: str
    categories: list[str]
    series: list[tuple[str, list[float | None]]]  # (name, a value per category; None: no bar)
    unit: str = "%"
    page_break_before: bool = False


Block = Paragraph | Signature | Table | Annex | Banji | Masthead | Chart
