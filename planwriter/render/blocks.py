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
    style: str = "table"  # a key of the profile's [styles]: table, progress_table


@dataclass
class Banji:
    """版记: 抄送 and 印发, at the foot of the last (even) page."""

    cc: str = ""
    printer: str = ""
    print_date: str = ""


@dataclass
class Chart:
    """A bar chart: a bar per category and series, values in `unit` (％ by default)."""

    title: str
    categories: list[str]
    series: list[tuple[str, list[float | None]]]  # (name, a value per category; None: no bar)
    unit: str = "%"
    page_break_before: bool = False


Block = Paragraph | Signature | Table | Banji | Chart
