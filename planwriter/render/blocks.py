"""What a template produces: a list of document blocks, independent of any file format."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False


@dataclass
class Paragraph:
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
    header: list[str]
    rows: list[list[str]]
    page_break_before: bool = False


@dataclass
class AnnexRow:
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


Block = Paragraph | Signature | Table | Annex | Banji
