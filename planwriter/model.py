"""The plan and its baseline as plain data.

Numbers (一、, （一）, 1.) are never stored: `numbering` derives them from order,
so moving a task renumbers the document while the YAML diff shows one move.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import field
from enum import StrEnum
from typing import NamedTuple

from planwriter.numerals import chinese_number
from planwriter.quantity import Bound, Quantity, parse_quantity
from planwriter.records import record

SCHEMA_VERSION = 1


class Op(StrEnum):
    AT_LEAST = ">="
    AT_MOST = "<="
    EQUAL = "="


class Kind(StrEnum):
    STOCK = "stock"  # a level reached by the end of the year
    FLOW = "flow"  # new this year
    RATE = "rate"  # a percentage


class Numbering(StrEnum):
    CONTINUOUS = "continuous"  # tasks 1..N straight through the plan
    PER_DOMAIN = "per-domain"  # tasks restart at 1. in each 一、
    PER_SECTION = "per-section"  # tasks restart at 1. in each （一）


@record
class Target:
    """A figure a task commits to: 居家养老上门服务人数 不少于15万人."""

    metric: str
    value: str  # the figure as people write it: 15万, 90%, 1000万
    unit: str = ""
    op: Op = Op.AT_LEAST
    kind: Kind = Kind.STOCK
    due: str = ""  # 完成时限 of this target when it differs from its task's (三季度)

    def quantity(self) -> Quantity:
        """The value as an exact quantity; raises QuantityError if it cannot be read."""
        return with_unit(parse_quantity(self.value), self.unit)


@record
class Task:
    """One numbered task of the plan: its run-in title, text, divisions, deadline, targets."""

    id: str
    title: str
    text: str = ""
    lead: str = ""  # the responsible division (牵头), e.g. 养老服务处
    partners: list[str] = field(default_factory=list)  # 责任/配合单位
    due: str = ""  # 完成时限 as written: 2024年6月底前, 三季度, 长期坚持 (see due.py)
    note: str = ""  # an internal remark, never printed
    targets: list[Target] = field(default_factory=list)


@record
class Section:
    """A （一） heading inside a domain, grouping some of its tasks."""

    id: str
    title: str
    tasks: list[Task] = field(default_factory=list)


@record
class Domain:
    """A 一、 heading: the plan's top level, with its tasks and sections."""

    id: str
    title: str
    tasks: list[Task] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


@record
class Notice:
    """The 印发通知 that issues the plan, and its optional 版记."""

    recipients: str = ""
    signer: str = ""
    date: dt.date | None = None
    number: str = ""  # 发文字号, e.g. 常民发〔2024〕5号; with it the notice opens with its 版头
    mark: str = ""  # 发文机关标志; empty: <bureau>文件
    joint: str = ""  # 联合行文: the other 机关, 、-separated, stacked under the bureau in the mark
    issuer: str = ""  # 签发人 (上行文), 、-separated when several
    copy_number: str = ""  # 份号, 6 digits
    secrecy: str = ""  # 密级和保密期限, e.g. 秘密★1年
    urgency: str = ""  # 紧急程度: 特急 or 加急
    body: str = ""  # the transmittal sentence; empty: the template's default
    remark: str = ""  # 附注, printed in parentheses
    attachment: str = ""  # 附件说明, usually empty for a plan
    cc: str = ""  # 抄送
    printer: str = ""  # 印发机关
    print_date: dt.date | None = None  # 印发日期


# The notice's fields in the order the document prints them (版头, body, signature, 版记): the
# diff reports changes in this order, the renderer cleans the ones that are text.
NOTICE_FIELDS = (
    "number",
    "mark",
    "joint",
    "issuer",
    "copy_number",
    "secrecy",
    "urgency",
    "recipients",
    "body",
    "signer",
    "date",
    "remark",
    "attachment",
    "cc",
    "printer",
    "print_date",
)
NOTICE_DATES = ("date", "print_date")


@record
class Plan:
    """A year's 工作要点: what the bureau will do, as a tree of domains and tasks."""

    bureau: str
    year: int
    title: str
    schema: int = SCHEMA_VERSION
    baseline: str = ""  # path of last year's results, relative to the plan
    numbering: Numbering = Numbering.CONTINUOUS
    notice: Notice | None = None
    preamble: str = ""
    domains: list[Domain] = field(default_factory=list)

    def tasks(self) -> Iterator[Task]:
        for domain in self.domains:
            yield from domain_tasks(domain)

    def targets(self) -> Iterator[tuple[Task, Target]]:
        for task in self.tasks():
            for target in task.targets:
                yield task, target

    def baseline_name(self) -> str:
        """The baseline file, relative to the plan: the field, else <year-1>.results.yaml."""
        return self.baseline or f"{self.year - 1}.results.yaml"


@record
class Result:
    """A figure a year's report says was reached (实绩)."""

    metric: str
    value: str
    unit: str = ""
    kind: Kind = Kind.STOCK
    quote: str = ""  # the sentence of the report the figure comes from
    target: str = ""  # last plan's target for the metric, as written

    def quantity(self) -> Quantity:
        return with_unit(parse_quantity(self.value), self.unit)


@record
class Results:
    """Last year's results: the figures the next plan's targets are checked against."""

    bureau: str
    year: int
    source: str = ""
    schema: int = SCHEMA_VERSION
    results: list[Result] = field(default_factory=list)


def domain_tasks(domain: Domain) -> Iterator[Task]:
    yield from domain.tasks
    for section in domain.sections:
        yield from section.tasks


def written(value: str, unit: str) -> str:
    """A figure as the document shows it: 15万 with unit 人 → 15万人; 83个 stays 83个."""
    return value + (unit if unit and not value.endswith(unit) else "")


def with_unit(quantity: Quantity, unit: str) -> Quantity:
    """The `unit:` field supplies the unit when the written value has none."""
    return quantity.with_unit(unit) if unit and not quantity.unit else quantity


def default_op(quantity: Quantity) -> Op:
    """A target is a floor unless its own words make it a ceiling (以内, 不超过)."""
    return Op.AT_MOST if quantity.bound is Bound.AT_MOST else Op.AT_LEAST


def default_kind(quantity: Quantity, unit: str) -> Kind:
    return Kind.RATE if (unit or quantity.unit) == "%" else Kind.STOCK


def chinese_date(date: dt.date) -> str:
    """2024年2月23日: Arabic numerals, no leading zeros, as GB/T 9704 writes dates."""
    return f"{date.year}年{date.month}月{date.day}日"


# Reads what chinese_date writes, and the spaced 2024 年 2 月 23 日 of some documents.
CHINESE_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


# --- derived numbering -------------------------------------------------------


def domain_label(index: int) -> str:
    return f"{chinese_number(index + 1)}、"


def section_label(index: int) -> str:
    return f"（{chinese_number(index + 1)}）"


def task_label(number: int) -> str:
    return f"{number}."


class Numbered(NamedTuple):
    """One heading of the outline with the label the document prints."""

    label: str
    level: int  # 1 domain, 2 section, 3 task
    item: Domain | Section | Task
    domain: Domain


def outline(plan: Plan) -> Iterator[Numbered]:
    """Every domain, section and task in document order, with derived labels."""
    task_no = 0
    for d_index, domain in enumerate(plan.domains):
        yield Numbered(domain_label(d_index), 1, domain, domain)
        if plan.numbering is not Numbering.CONTINUOUS:
            task_no = 0
        for task in domain.tasks:
            task_no += 1
            yield Numbered(task_label(task_no), 3, task, domain)
        for s_index, section in enumerate(domain.sections):
            yield Numbered(section_label(s_index), 2, section, domain)
            if plan.numbering is Numbering.PER_SECTION:
                task_no = 0
            for task in section.tasks:
                task_no += 1
                yield Numbered(task_label(task_no), 3, task, domain)


def labels(plan: Plan) -> dict[str, str]:
    """id → the number the document shows (一、, （二）, 9.)."""
    return {entry.item.id: entry.label for entry in outline(plan)}


# --- stable ids ----------------------------------------------------------------

ID_PREFIX = {"domain": "d", "section": "s", "task": "t"}


def make_id(kind: str, title: str, taken: set[str]) -> str:
    """A short slug derived from the title, so the same title gets the same id.

    Ids are written into the file on the next save and never change after that;
    a collision takes the next suffix.
    """
    import hashlib  # only when an id is missing: reading a plan with ids never pays for it

    digest = hashlib.blake2b(title.encode("utf-8"), digest_size=3).hexdigest()
    base = f"{ID_PREFIX[kind]}-{digest}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate
