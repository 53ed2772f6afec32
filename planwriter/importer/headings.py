"""Headings and the outline they make: 一、 domains, （一） sections, 1. tasks, whatever the
document's own arrangement of levels, and how its tasks are numbered."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import IntEnum

from planwriter import model, numerals
from planwriter.catalogue import say
from planwriter.importer.text import TERMINAL, Para, first_sentence

_CN = f"[{numerals.SMALL}]"


class Level(IntEnum):
    """Heading markers from the highest to the lowest, as Chinese official texts nest them."""

    DOMAIN = 1  # 一、
    SECTION = 2  # （一）
    ITEM = 3  # 1.  1、  1．
    SUBITEM = 4  # （1）
    CIRCLED = 5  # ①
    PARAGRAPH = 9  # no marker: tasks that are plain paragraphs


_MARKERS = (
    (Level.DOMAIN, re.compile(rf"^(?P<n>{_CN}{{1,3}})\s*[、.．]\s*(?P<rest>.*)$")),
    (
        Level.SECTION,
        re.compile(rf"^[（(]\s*(?P<n>{_CN}{{1,3}})\s*[）)]\s*[、.．]?\s*(?P<rest>.*)$"),
    ),
    (Level.ITEM, re.compile(r"^(?P<n>[0-9]{1,3})\s*[.、．](?![0-9])\s*(?P<rest>.*)$")),
    (Level.SUBITEM, re.compile(r"^[（(]\s*(?P<n>[0-9]{1,3})\s*[）)]\s*[、.．]?\s*(?P<rest>.*)$")),
    (Level.CIRCLED, re.compile(r"^(?P<n>[①-⑳])\s*(?P<rest>.*)$")),
)
RUN_IN_MIN_TEXT = 4  # characters after the first 。 that make a heading line a task with text
LONG_LINE = 80  # a line this long is a paragraph even without a 。
SENTENCE_MIN = 25  # a line this long with a ， is a sentence, not a heading
BARE_HEADING_MAX = 30


@dataclass(frozen=True)
class Heading:
    level: Level
    number: int
    rest: str  # the text after the marker
    start: int  # where `rest` begins in the line


_FULL_WIDTH_DIGITS = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)})


def heading_of(text: str) -> Heading | None:
    text = text.translate(_FULL_WIDTH_DIGITS)  # １．: one character for one, positions hold
    for level, pattern in _MARKERS:
        found = pattern.match(text)
        if found and found["rest"].strip():
            return Heading(level, _number(found["n"]), found["rest"].strip(), found.start("rest"))
    return None


def _number(text: str) -> int:
    if text.isdecimal():  # not isdigit: ① is a digit that int() refuses
        return int(text)
    if "①" <= text <= "⑳":
        return ord(text) - ord("①") + 1
    return numerals.small_number(text)


def is_run_in(rest: str) -> bool:
    """A heading that carries its text: 深学细悟党的创新理论。始终把…… A long line made of
    clauses is a sentence too, with or without a title in front."""
    title, text = first_sentence(rest)
    if title and len(text) >= RUN_IN_MIN_TEXT:
        return True
    if rest.endswith("。") and _STATES_A_FIGURE.search(rest):
        return True  # （一）新建零工驿站3个。: a sentence with its figure, not a title
    if rest.endswith(("；", ";")):
        return True  # 一、打通36条城区规划路；: an item of a list run as one sentence, no title
    return len(rest) > LONG_LINE or (len(rest) > SENTENCE_MIN and any(c in rest for c in "，；"))


_STATES_GOALS = re.compile(r"(?:主要|预期|总体|工作)目标(?:是|为|：|:)|主要预期目标")
_STATES_A_FIGURE = re.compile(r"[0-9０-９]\s*[%‰\u4e00-\u9fff]")


def is_bare_heading(text: str) -> bool:
    """An unnumbered heading: a short line that is not a sentence. A quote opened and not closed
    (王某说：“今年，我们让全区12个市) is a sentence the copy cut, no heading."""
    return (
        2 <= len(text) <= BARE_HEADING_MAX
        and not any(c in text for c in TERMINAL)
        and text[-1] not in "，、：:,;"
        and not re.search(r"\d{4}\s*年\s*\d{1,2}\s*月", text)
        and text.count("“") <= text.count("”")
        and not _COMMITS.search(text)
    )


# 为新市民 提供8500套保障性租赁住房: a line that does something to a counted quantity is a task,
# its 。 lost in the copy; a heading names a field
_COMMITS = re.compile(
    r"(?:提供|新增|新建|建设|建成|改造|发放|完成|实现|打造|创建|培训|救助|资助)[^，,。；;]{0,8}?"
    r"[0-9][0-9.]*\s*[万亿]?(?:个|套|张|所|家|户|人|名|处|座|间|公里|平方米|元|次|人次)"
)


# --- the outline --------------------------------------------------------------------


@dataclass
class Outline:
    preamble: list[str] = field(default_factory=list)
    domains: list[model.Domain] = field(default_factory=list)
    numbering: model.Numbering = model.Numbering.CONTINUOUS
    sources: dict[int, list[Para]] = field(default_factory=dict)  # id(task) → its paragraphs
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (line, message)
    # (domain index, section index, number as printed, line) of each numbered task
    numbers: list[tuple[int, int, int, int]] = field(default_factory=list)

    def tasks(self) -> list[model.Task]:
        return [task for domain in self.domains for task in model.domain_tasks(domain)]


@dataclass(frozen=True)
class Arrangement:
    """Which marker plays which part in this document."""

    containers: tuple[Level, ...]  # domain level, then section level if any
    task: Level
    bare_domains: bool  # unnumbered short lines are the domains

    @property
    def flat(self) -> bool:
        """Paragraphs and nothing above them: the part of a mixed document, say."""
        return not self.containers and not self.bare_domains and self.task is Level.PARAGRAPH


FLAT = Arrangement((), Level.PARAGRAPH, bare_domains=False)


def arrange(paras: list[Para]) -> Arrangement | None:
    """Tell from the markers used which level holds the tasks; None when there is no outline."""
    by_level: dict[Level, list[Heading]] = {}
    for para in paras:
        heading = heading_of(para.text)
        if heading is not None:
            by_level.setdefault(heading.level, []).append(heading)
    levels = sorted(by_level)
    task = next((lv for lv in levels if _mostly_run_in(by_level[lv])), None)
    if task is None:
        task = levels[-1] if len(levels) >= 2 else Level.PARAGRAPH
    containers = tuple(lv for lv in levels if lv < task)[-2:]
    bare = not containers and any(
        is_bare_heading(p.text) and heading_of(p.text) is None for p in paras
    )
    if not containers and not bare and task is Level.PARAGRAPH:
        return None
    return Arrangement(containers, task, bare)


def _mostly_run_in(headings: list[Heading]) -> bool:
    return sum(is_run_in(h.rest) for h in headings) * 2 >= len(headings)


class _Builder:
    def __init__(self, arrangement: Arrangement, fallback_title: str) -> None:
        self.arrangement = arrangement
        self.fallback_title = fallback_title
        self.outline = Outline()
        self.domain: model.Domain | None = None
        self.section: model.Section | None = None
        self.task: model.Task | None = None

    def feed(self, para: Para) -> Para | None:
        """Take one paragraph; returns text run on after a container's title, to feed next."""
        heading = heading_of(para.text)
        kind = self._role(para, heading)
        if kind in ("domain", "section") and heading is not None:
            title, run_on = _container_title(para, heading)
            if kind == "domain":
                self._open_domain(title)
            else:
                self._open_section(title, para)
            return run_on
        if kind == "bare-domain":
            self._open_domain(para.text.rstrip("：:"))
        elif kind == "task":
            self._open_task(para, heading)
        elif self.task is not None:
            self.task.text = f"{self.task.text}\n{para.text}" if self.task.text else para.text
            self.outline.sources[id(self.task)].append(para)
        elif self.domain is not None:
            self._open_task(para, None)  # a paragraph under a heading before any task
        elif _STATES_GOALS.search(para.text) and _STATES_A_FIGURE.search(para.text):
            self._open_domain(say("import_goals_domain"))  # 主要目标是：…达到82.5岁: the plan's
            self._open_task(para, None)  # own targets, before its first heading
            self.domain = self.section = self.task = None
        else:
            self.outline.preamble.append(para.text)
        return None

    def _role(self, para: Para, heading: Heading | None) -> str:
        arrangement = self.arrangement
        if heading is not None and heading.level in arrangement.containers:
            return "domain" if heading.level == arrangement.containers[0] else "section"
        if heading is not None and heading.level == arrangement.task:
            return "task"
        if heading is None and arrangement.bare_domains and is_bare_heading(para.text):
            return "bare-domain"
        if (
            heading is None
            and arrangement.task is Level.PARAGRAPH
            and (self.domain is not None or arrangement.flat)
        ):
            return "task"
        return "text"

    def _open_domain(self, title: str) -> None:
        self.domain = model.Domain(id="", title=title)
        self.outline.domains.append(self.domain)
        self.section = self.task = None

    def _open_section(self, title: str, para: Para) -> None:
        if self.domain is None:
            self._missing_domain(para)
        assert self.domain is not None
        self.section = model.Section(id="", title=title)
        self.domain.sections.append(self.section)
        self.task = None

    def _missing_domain(self, para: Para) -> None:
        message = say("import_no_domain", title=self.fallback_title)
        self.outline.warnings.append((para.line, message))
        self._open_domain(self.fallback_title)

    def _open_task(self, para: Para, heading: Heading | None) -> None:
        if self.domain is None:
            self._missing_domain(para)
        assert self.domain is not None
        body = heading.rest if heading is not None else _REPORTED_LEAD.sub("", para.text)
        title, text = first_sentence(body)
        if not title:
            title, text = body.rstrip("：:"), ""
        self.task = model.Task(id="", title=title, text=text)
        self.outline.sources[id(self.task)] = [para]
        (self.section.tasks if self.section is not None else self.domain.tasks).append(self.task)
        if heading is not None:
            self.outline.numbers.append(
                (
                    len(self.outline.domains) - 1,
                    len(self.domain.sections) - 1,
                    heading.number,
                    para.line,
                )
            )


# 记者从全市民政工作会议上获悉，今年…: how the news came by the aim, no part of the task
_REPORTED_LEAD = re.compile(
    r"^(?:记者从[^，,。；;]{1,40}?(?:获悉|了解到)|据了解|据悉|会议(?:指出|强调|要求|明确|提出))[，,：:]\s*"
)


def _container_title(para: Para, heading: Heading) -> tuple[str, Para | None]:
    """A domain or section title, and the text run on after its 。 as a paragraph of its own."""
    title, rest = first_sentence(heading.rest)
    if title and rest:
        return title, Para(rest, para.line, para.offset + para.text.rindex(rest))
    return heading.rest.rstrip("。：:"), None


def build_outline(paras: list[Para], arrangement: Arrangement, fallback_title: str) -> Outline:
    builder = _Builder(arrangement, fallback_title)
    for para in paras:
        run_on = builder.feed(para)
        if run_on is not None:
            builder.feed(run_on)
    outline = builder.outline
    _separate_tasks_from_sections(outline)
    outline.numbering = _numbering(outline)
    return outline


def _separate_tasks_from_sections(outline: Outline) -> None:
    """A domain holds tasks or sections, not both: text before its first （一） gets a section."""
    for domain in outline.domains:
        if domain.tasks and domain.sections:
            domain.sections.insert(0, model.Section(id="", title=domain.title, tasks=domain.tasks))
            domain.tasks = []
            first = outline.sources[id(domain.sections[0].tasks[0])][0]
            outline.warnings.append(
                (first.line, say("import_tasks_before_section", title=domain.title))
            )


def _numbering(outline: Outline) -> model.Numbering:
    """How the document numbered its tasks; each number that fits no scheme gets a warning."""
    numbers = outline.numbers
    if not numbers:
        return model.Numbering.CONTINUOUS
    schemes = {
        model.Numbering.CONTINUOUS: lambda d, s: (),
        model.Numbering.PER_DOMAIN: lambda d, s: (d,),
        model.Numbering.PER_SECTION: lambda d, s: (d, s),
    }
    misses: dict[model.Numbering, list[tuple[int, int, int]]] = {}
    for scheme, group in schemes.items():
        counters: dict[tuple[int, ...], int] = {}
        misses[scheme] = []
        for domain, section, number, line in numbers:
            key = group(domain, section)
            expected = counters.get(key, 0) + 1
            counters[key] = number
            if number != expected:
                misses[scheme].append((line, expected, number))
    best = min(schemes, key=lambda scheme: len(misses[scheme]))
    for line, expected, number in misses[best]:
        outline.warnings.append(
            (line, say("import_numbering_gap", expected=expected, found=number))
        )
    return best
