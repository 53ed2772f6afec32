"""Documents that hold more than one kind of text: a year-end summary followed by next year's
plan, often with a part on problems between them. Import takes the part asked for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from planwriter.importer.headings import heading_of
from planwriter.importer.text import Para

HEADING_MAX = 40
WORDS_AFTER_MAX = 6  # 下一步工作打算及措施: a part's name ends its heading


class PartKind(StrEnum):
    RESULTS = "results"  # what was achieved
    PLAN = "plan"  # what is to be done
    OTHER = "other"  # problems, shortcomings: neither


_RESULTS_WORDS = re.compile(
    r"工作(?:总结|回顾|情况|成效|完成情况|开展情况|进展)|主要(?:成效|成绩|工作|做法)|取得的?(?:成效|成绩)"
    r"|完成情况|工作亮点|基本情况|成绩与经验|已完成数|完成数|实际完成"
    r"|履职(?:尽责)?情况|(?:工作|主要)业绩"  # a 述职 report: how the duties were carried out
)
_PLAN_WORDS = re.compile(
    r"工作(?:计划|思路|打算|安排|要点|目标(?!责任|考核|考评)|重点)|下一步|明年|目标任务|重点任务"
    r"|主要任务|工作举措|努力方向"
)
_OTHER_WORDS = re.compile(
    r"存在的?(?:主要)?(?:问题|不足)|问题(?:和|与)不足|困难和问题|短板(?:和|与)不足"
)


@dataclass
class Part:
    kind: PartKind
    start: int  # index of its heading in the paragraph list
    end: int  # one past its last paragraph
    heading: str


def part_kind(text: str) -> PartKind | None:
    """What a heading announces, when it announces a part at all."""
    heading = heading_of(text)
    title = heading.rest if heading else text
    if len(title) > HEADING_MAX or "。" in title or re.search(r"[:：]\s*\S", title):
        return None  # 目标任务：为120户…: a labelled line, not a part's heading
    if _is_row(title) or (heading is None and re.search("[，,]", title)):
        return None  # a table's header row, a sentence cut short: no part begins there
    if _OTHER_WORDS.search(title):
        return PartKind.OTHER
    if _PLAN_WORDS.search(title) and _RESULTS_WORDS.search(title):
        return None  # a title over both parts: 2023年工作总结和2024年工作计划
    plan, results = _ending(_PLAN_WORDS, title), _ending(_RESULTS_WORDS, title)
    if results:
        return PartKind.RESULTS
    return PartKind.PLAN if plan else None


def _ending(words: re.Pattern[str], title: str) -> re.Match[str] | None:
    """The part's name where it ends the heading: 二、下一步工作打算, not a name that goes on
    (省就业创业工作目标责任制考评组到长白山考评, a news title)."""
    found = next(reversed(list(words.finditer(title))), None)
    if found is None or len(title.rstrip("：:").strip()) - found.end() > WORDS_AFTER_MAX:
        return None
    return found


def _is_row(title: str) -> bool:
    """Cells side by side (序号 考核指标 单位 工作目标 | …): a table's header, not a heading."""
    return "|" in title or len(re.findall(r"\S\s+(?=\S)", title.strip())) >= 2


def split_parts(paras: list[Para]) -> list[Part]:
    """The parts of a mixed document; empty when it is all of one kind.

    Only headings at one level count, the highest level at which both a summary part and a
    plan part are announced, so a plan's own 工作目标 inside its part does not cut it.
    """
    marks = _marks(paras)
    for rank in sorted({rank for _, _, rank in marks}):
        at_rank = [(i, kind) for i, kind, r in marks if r == rank]
        kinds = {kind for _, kind in at_rank}
        if PartKind.PLAN in kinds and (kinds - {PartKind.PLAN}):
            return _parts(paras, at_rank)
    return []


def announced(paras: list[Para]) -> set[PartKind]:
    """The kinds of part a document's headings announce: a summary's, a plan's."""
    return {kind for _, kind, _ in _marks(paras)}


# 县应急管理局2022年上半年工作总结及 / 下半年工作计划: a title broken after its 及 goes on in
# the next line, which is no part's heading of its own
_JOINED_ON = ("及", "和", "与", "暨", "以及")


def _marks(paras: list[Para]) -> list[tuple[int, PartKind, int]]:
    marks = []
    for i, p in enumerate(paras):
        if i > 0 and paras[i - 1].text.rstrip().endswith(_JOINED_ON):
            continue
        text = p.text
        if text.rstrip().endswith(_JOINED_ON) and i + 1 < len(paras):
            text = text.rstrip() + paras[i + 1].text.strip()
        if (kind := part_kind(text)) is not None:
            marks.append((i, kind, _rank(p.text)))
    return marks


def _rank(text: str) -> int:
    heading = heading_of(text)
    return int(heading.level) if heading else 0


def _parts(paras: list[Para], marks: list[tuple[int, PartKind]]) -> list[Part]:
    parts = []
    for n, (start, kind) in enumerate(marks):
        end = marks[n + 1][0] if n + 1 < len(marks) else len(paras)
        parts.append(Part(kind, start, end, paras[start].text))
    return parts
