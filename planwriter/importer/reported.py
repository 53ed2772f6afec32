"""A progress or completion report imported as a plan (督查通报, 进展情况汇报, 目标任务完成情况):
its plan is the targets it states, not what it says was done.

    2.培育互联网融合发展平台2家，试点示范企业总数达30家。上半年，培育平台1家……
      ← a numbered task opens with its commitment; the period it reports on opens the report
    城镇新增就业2093人，占全年目标任务1200人的174%。
      ← elsewhere only the stated target (1200人) is the plan's
"""

from __future__ import annotations

import re

from planwriter.importer import roles
from planwriter.importer.headings import heading_of
from planwriter.importer.text import Para, is_title_like, sentence_spans
from planwriter.quantity import find_quantities

_REPORT_TITLE = re.compile(
    r"(?:完成|进展|落实|推进|执行|实施|进度)(?:情况|状况)|进度表|情况(?:通报|汇报)|督查通报"
)
# The period a report speaks of, opening its sentence: 上半年，… 截至6月底，… 1-11月份，…
_PERIOD_START = re.compile(
    r"^(?:上半年|下半年|前三季度|[一二三四1-4]季度|今年以来|年初以来|至今|目前|当前|截至|截止"
    r"|\d{1,2}\s*[-—－~至]\s*\d{1,2}\s*月|\d{1,2}月(?:份)?(?:以来|底|末|份))"
)
_TITLE_LINES = 6  # where a report names itself


def names_itself_a_report(paras: list[Para]) -> bool:
    """The title, before the first heading, says the text reports progress or completion."""
    for para in paras[:_TITLE_LINES]:
        if heading_of(para.text) is not None:
            return False
        if is_title_like(para.text) and _REPORT_TITLE.search(para.text):
            return True
    return False


def on_targets(paras: list[Para]) -> bool:
    """The report is on targets or tasks (指标任务完成情况, 重点工作目标任务进展), as its title or
    a heading says, not on work in general (2023年工作完成情况): its numbered items are the
    tasks, each opening with its commitment."""
    return any(
        is_title_like(para.text)
        and _REPORT_TITLE.search(para.text)
        and _ON_TARGETS.search(para.text)
        for para in paras
    )


_ON_TARGETS = re.compile(r"目标|任务|指标|实事")


def progress_start(para: Para, on_targets: bool) -> int:
    """Where the paragraph's report of what was done begins: in a report on targets, after the
    commitment a numbered task opens with, at the first sentence that names its period or says
    what was done; at once for any other paragraph, or a task whose first sentence reports."""
    if not on_targets or heading_of(para.text) is None:
        return 0
    spans = sentence_spans(para.text)
    first_start, first_end = spans[0]
    if reports(para.text[first_start:first_end], opening=True):
        return 0
    for start, end in spans[1:]:
        if reports(para.text[start:end]):
            return start
    return len(para.text)


def commitment_alone(para: Para) -> int:
    """Where the results of a numbered task with no report of its period begin: after its
    opening commitment when the sentences after it only describe the work, with no figure
    (2.培育平台2家。支持企业实施…。); else at once (a task that reports in its own words)."""
    spans = sentence_spans(para.text)
    if heading_of(para.text) is None or len(spans) < 2:
        return 0
    rest = para.text[spans[0][1] :]
    return 0 if find_quantities(rest) else len(para.text)


def reports(sentence: str, opening: bool = False) -> bool:
    """A sentence that says what was done: it names the period it reports on (上半年，…) or
    says the work is done (已完成, 截至…). A numbered task's opening sentence is read after its
    heading (1.引进项目不少于3个): there the period counts wherever it stands."""
    body = sentence.strip()
    if opening and (heading := heading_of(body)) is not None:
        body = heading.rest
    clauses = re.split(r"[，,：:]", body)
    return bool(
        _PERIOD_START.match(body)
        or roles.reports_completion(body)
        or (opening and any(_PERIOD_START.match(c.strip()) for c in clauses[1:]))
    )


# 未达到序时进度11项、占比20.0%，为完成投资80亿元、新建安置区5个…: the tasks counted, named
_NAMING = re.compile(r"\d+\s*项[^，,。；;]{0,12}[，,：:]\s*(?:分别)?(?:为|是|包括)[：:]?")


def split_named_tasks(para: Para) -> list[tuple[Para, bool]]:
    """A count of tasks followed by the tasks themselves (…11项，为A、B、C。): the list, to
    its sentence's end, names each task by its commitment, so it is read apart from the report
    around it. The pieces in order, each with whether it is such a list."""
    pieces: list[tuple[Para, bool]] = []
    at = 0
    for found in _NAMING.finditer(para.text):
        end = next((e for s, e in sentence_spans(para.text) if s <= found.end() < e), 0)
        if found.start() < at or end <= found.end():
            continue
        pieces.append((_piece(para, at, found.end()), False))
        pieces.append((_piece(para, found.end(), end), True))
        at = end
    if at < len(para.text):
        pieces.append((_piece(para, at, len(para.text)), False))
    return pieces or [(para, False)]


def _piece(para: Para, start: int, end: int) -> Para:
    if start == 0:
        return Para(para.text[:end], para.line, para.offset, para.joined)
    line, column = para.position(start)
    return Para(para.text[start:end], line, column - 1)
