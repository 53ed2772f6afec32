"""The item-by-item layout of a 民生实事 or 重点工作 公示: each item states its commitment, then
what was done. A plan import takes the commitments as targets; a results import takes what was
done as results, each named after the commitment it answers, so `check` and `report` link them.

    一、新建老年日间服务中心1所，社区老年人助餐服务点2个        ← the commitment
    芝川路老年人日间服务中心添置设备。真如助餐点完成改造……     ← its progress

    1.困难老年人家庭适老化改造
    目标任务：为120户困难老年人家庭实施居家适老化改造          ← the commitment
    完成情况：已完成改造132户，完成率110%                       ← its progress
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from planwriter.importer.figures import Reading
from planwriter.importer.headings import Level, heading_of
from planwriter.importer.item import Item
from planwriter.importer.linking import similarity
from planwriter.importer.tables import SEPARATOR, cell_items, table_items
from planwriter.importer.text import Para
from planwriter.quantity import compatible, find_quantities

_COMMITMENT = re.compile(
    r"^(?:年度目标任务|年度目标|目标任务|建设任务|工作目标|主要内容|建设内容|实施内容|目标|任务)"
    r"\s*[:：]"
)
_PROGRESS = re.compile(
    r"^(?:完成情况|进展情况|进度情况|推进情况|落实情况|工作进展|完成进度|进展|进度)"
    r"(?:[（(][^）)]{0,12}[）)])?\s*[:：]"
)
# Words of a progress line: what has been done or is under way.
_DONE = re.compile(r"已|正在|进入|截至|截止|揭牌|开工|竣工|投入使用|推进中|施工|上半年")
_REPORTED = re.compile(r"完成情况|进展情况|进度|落实情况|公示|通报")
_MIN_ITEMS = 2
_TITLE_LINES = 15  # where a progress report says what it is
_SIMILAR, _ALIKE = 0.3, 0.15  # similarity that links on its own; that links a lone rival


def item_layout(paras: Sequence[Para]) -> list[Item] | None:
    """The items, when the text is laid out item by item or as a table; None for any other."""

    if any(SEPARATOR in p.text for p in paras) and (rows := table_items(paras)):
        return rows
    if rows := cell_items(paras):
        return rows
    # cheap tests first: a 公示 labels its lines or calls itself a progress report
    labels = any(_COMMITMENT.match(p.text) or _PROGRESS.match(p.text) for p in paras)
    if not labels and not any(_REPORTED.search(p.text) for p in paras[:_TITLE_LINES]):
        return None
    levels = sorted({h.level for p in paras if (h := heading_of(p.text)) is not None})
    for level in levels:  # the items may be the 1. under the 一、 and （一） that group them
        if (items := _items_at(paras, level)) is not None:
            return items
    return _labelled_items(paras) if labels else None


# 实事项目：新增养老床位300张 / 项目名称：老年助餐点: a label that opens an item without a heading
_NAME_LABEL = re.compile(r"^(?:实事项目|项目名称|实事名称|项目内容|民生实事|项目|事项)\s*[:：]")


def _labelled_items(paras: Sequence[Para]) -> list[Item] | None:
    """Items told only by their labels, no heading over them: 实事项目：… or 目标任务：… opens
    one (a second 目标任务 a second), 完成情况：… says what was done of it."""
    items: list[Item] = []
    for para in paras:
        if found := _NAME_LABEL.match(para.text):
            items.append(Item(_without_marker(para, found.end())))
            if _has_figure(para.text[found.end() :]):
                items[-1].commitment.append(_without_marker(para, found.end()))
        elif found := _COMMITMENT.match(para.text):
            if not items or items[-1].commitment or items[-1].progress:
                items.append(Item(_without_marker(para, found.end())))
            items[-1].commitment.append(_without_marker(para, found.end()))
        elif (found := _PROGRESS.match(para.text)) and items:
            items[-1].progress.append(_without_marker(para, found.end()))
    answered = [item for item in items if item.commitment and item.progress]
    if len(answered) < _MIN_ITEMS or len(answered) < 0.6 * len(items):
        return None
    return items


def _items_at(paras: Sequence[Para], level: Level) -> list[Item] | None:
    """The items when each heading of `level` opens one; None when that is not the layout."""
    items: list[Item] = []
    labelled = False
    for para in paras:
        heading = heading_of(para.text)
        if heading is not None and heading.level == level:
            items.append(Item(para))
            commitment, progress = _split_at_progress(_without_marker(para, heading.start))
            if _has_figure(commitment.text):
                items[-1].commitment.append(commitment)
            if progress is not None:
                items[-1].progress.append(progress)
        elif not items or (heading is not None and heading.level < level):
            continue  # before the first item, or a heading that groups the items
        elif found := _COMMITMENT.match(para.text):
            items[-1].commitment.append(_without_marker(para, found.end()))
            labelled = True
        elif found := _PROGRESS.match(para.text):
            items[-1].progress.append(_without_marker(para, found.end()))
            labelled = True
        else:
            items[-1].progress.append(para)
    answered = [item for item in items if item.commitment and item.progress]
    if len(answered) < _MIN_ITEMS or len(answered) < 0.6 * len(items):
        return None
    if labelled:
        return items
    # Unlabelled, the text must call itself a progress report (…完成情况, 进度表, 公示), and
    # most items' lines must say what was done: a plan's task paragraphs never do.
    announced = any(  # by its title: a plan's heading （三）加快项目进度 announces no report
        _REPORTED.search(p.text)
        for p in paras
        if p.line < items[0].heading.line and heading_of(p.text) is None
    )
    done = [item for item in answered if any(_DONE.search(p.text) for p in item.progress)]
    return items if announced and len(done) >= 0.6 * len(answered) else None


# 上半年，引进…; 1-11月，…; 截至6月底，…: where an item's line turns from its target to progress
_PROGRESS_START = re.compile(
    r"(?<=[。；;])\s*(?=(?:上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度"
    r"|1\s*[-—～~至到]\s*\d{1,2}\s*月|截至|截止|目前|今年以来|年初以来|至今)[，,]?)"
)


def _split_at_progress(para: Para) -> tuple[Para, Para | None]:
    """1.引进项目不少于3个。上半年，引进项目3个。 → the target's sentence and the progress."""
    found = _PROGRESS_START.search(para.text)
    if found is None:
        return para, None
    cut = found.end()
    return Para(para.text[:cut], para.line, para.offset), _without_marker(para, cut)


def lines_of(items: Sequence[Item]) -> set[int]:
    """The source lines the items were read from."""
    lines = {
        p.line
        for item in items
        for p in (item.heading, *item.commitment, *item.progress, *item.shares)
    }
    return lines | {item.row_line for item in items if item.row_line}


def task_title(item: Item) -> str:
    heading = heading_of(item.heading.text)
    title = heading.rest if heading is not None else item.heading.text
    return title.strip("。；;，, ")


def name_after_commitments(results: list[Reading], targets: list[Reading]) -> list[Reading]:
    """Each target of the item gives its name to the result most like it in a compatible unit
    (居家养老服务老人19772人 answers 居家养老服务老年人2万人); when the item has one target
    and one result in that unit, they answer each other whatever their words."""
    named = list(results)
    taken: set[int] = set()
    answered: set[int] = set()
    for exact in (True, False):  # 个 answers 个 before 所 may answer it
        for t, target in enumerate(targets):
            fits = [
                n
                for n, result in enumerate(named)
                if n not in taken and result.taken and _answers(result, target, exact)
            ]
            if t in answered or not fits:
                continue
            alone = sum(1 for other in targets if other.unit == target.unit) == 1
            best = max(fits, key=lambda n: similarity(named[n].metric, target.metric))
            score = similarity(named[best].metric, target.metric)
            # in another unit of its kind (学位540个 beside 幼儿园2所) words must agree too
            only = len(fits) == 1 and exact
            if score >= _SIMILAR or (alone and (only or score >= _ALIKE)):
                named[best] = replace(named[best], metric=target.metric, kind=target.kind)
                taken.add(best)
                answered.add(t)
    return named


def _answers(result: Reading, target: Reading, exact: bool) -> bool:
    """Whether a result can answer a target: the same unit, or (second pass) units that
    compare; a share never answers a count."""
    if result.value.endswith(("%", "‰")) != target.value.endswith(("%", "‰")):
        return False
    if exact or result.unit == target.unit:
        return result.unit == target.unit
    return bool(result.unit and target.unit) and compatible(result.unit, target.unit) is None


def _without_marker(para: Para, start: int) -> Para:
    """一、新增养老床位300张 → 新增养老床位300张; 完成情况：已完成… → 已完成…; still placed in
    its line."""
    return Para(para.text[start:], para.line, para.offset + start)


def _has_figure(text: str) -> bool:
    return any(f.quantity.unit for f in find_quantities(text))
