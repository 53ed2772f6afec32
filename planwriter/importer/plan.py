"""A published 工作要点 → Plan: notice, title, preamble, domains, sections, tasks and targets."""

from __future__ import annotations

import re
from dataclasses import replace

from planwriter import model
from planwriter.catalogue import say
from planwriter.importer import front as frontlib
from planwriter.importer import metadata, roles
from planwriter.importer import reported as reportlib
from planwriter.importer.document import (
    Prepared,
    Selection,
    read_part,
    refuse_as_missing,
    reuse_like_names,
)
from planwriter.importer.figures import (
    Purpose,
    Reading,
    ends_on_aim,
    opens_on_a_past_year,
    read_paragraph,
    states_aims,
)
from planwriter.importer.headings import FLAT, Outline, arrange, build_outline, heading_of
from planwriter.importer.item import Item
from planwriter.importer.items import item_layout, lines_of, task_title
from planwriter.importer.linking import make_distinct
from planwriter.importer.parts import PartKind
from planwriter.importer.reading import Source, fail
from planwriter.importer.summary import CLOSING, UNKNOWN, Imported, Skipped
from planwriter.importer.tables import cells, is_serial_header
from planwriter.importer.text import Para, is_title_like
from planwriter.quantity import find_quantities


def import_plan(
    source: Source,
    like: model.Plan | model.Results | None = None,
    year: int | None = None,
    bureau: str = "",
    like_name: str = "",
) -> Imported[model.Plan]:
    """The plan a published text states. `year` and `bureau` override what the text implies."""
    prepared, selection = read_part(source, PartKind.PLAN)
    paras = selection.paras
    if not paras:
        raise fail(source.name, say("import_no_structure"))
    title_at = _title_index(paras)
    front, body = _front_and_body(paras, title_at, prepared)
    closing_at = frontlib.back_matter_start(body)
    body, closing = body[:closing_at], body[closing_at:]
    _close(front, closing, prepared)
    if notice_body := _notice_sets_targets(front, paras, body):
        body = notice_body  # the notice itself sets the targets (关于下达…任务指标的通知)
    listed = item_layout(body) if prepared.listed else None
    table_in_outline: list[Item] | None = None
    if listed is not None and _headed_around(body, listed, year):
        table_in_outline, listed = listed, None  # 一、… with its tasks, and a table among them
        body = [p for p in body if p.line not in lines_of(table_in_outline) and not _heads(p)]
    arrangement = arrange(body)
    stated = arrangement is None and bool(body) and _states_targets(body)
    aims = arrangement is None and _states_aims(body)
    if (
        arrangement is None
        and body
        and (selection.headings or stated or aims or _announces_targets(paras))
    ):
        arrangement = FLAT
    reported = listed is None and (
        selection.reported or stated or reportlib.names_itself_a_report(paras)
    )
    if arrangement is None and listed is None:
        raise fail(source.name, say("import_no_structure"), body[0].line if body else 0)
    title = _title(paras, title_at, front, selection) or _items_title(body, listed)
    year = year or _year(title, front, selection, source, prepared)
    bureau = bureau or _bureau(title, front, paras, prepared, source, like, like_name)
    title = title or say("import_default_title", year=year)
    review = [p for p in body if opens_on_a_past_year(p, year)] if aims else []
    body = [p for p in body if p not in review]  # news of a meeting: last year's results
    if listed is not None:
        outline = _outline_of_items(listed, title)
    else:
        assert arrangement is not None
        outline = build_outline(body, arrangement, title)
        outline.preamble.extend(p.text for p in review)  # the plan's review of last year
        if table_in_outline is not None:
            _add_table(outline, table_in_outline)
    if not outline.tasks():
        raise fail(source.name, say("import_no_structure"), body[0].line if body else 0)
    prepared.report.warnings.extend(outline.warnings)
    _read_targets(outline, year, prepared, reported)
    if title_at is None and listed is None:
        for reading in _headline_targets(paras, outline, year):  # in the text's order
            figures = prepared.report.figures
            place = (reading.line, reading.column)
            at = next((n for n, f in enumerate(figures) if (f.line, f.column) > place), None)
            figures.insert(len(figures) if at is None else at, reading)
    if listed is not None:
        prepared.report.figures.extend(_outside_items(body, listed, year, outline))
    if reported and not any(task.targets for task in outline.tasks()):
        refuse_as_missing(source.name, PartKind.PLAN, PartKind.RESULTS)
    plan = model.Plan(
        bureau=bureau,
        year=year,
        title=title,
        numbering=outline.numbering,
        notice=front.notice,
        preamble="\n".join(outline.preamble),
        domains=outline.domains,
    )
    _assign_ids(plan)
    targets = [target for _, target in plan.targets()]
    reuse_like_names(targets, like, like_name, prepared.report)
    make_distinct(targets)
    return Imported(plan, prepared.report)


def _states_aims(body: list[Para]) -> bool:
    """Prose stating the year's aims (figures.states_aims), an aim carried from one paragraph
    into the list the next one gives of it."""
    carried = False
    for para in body:
        if states_aims(para, carried):
            return True
        carried = ends_on_aim(para)
    return False


def _states_targets(body: list[Para]) -> bool:
    """A report in plain paragraphs that names its yearly targets (超额完成40所的年度目标任务):
    each paragraph is a task, and those targets are its figures."""
    return any(
        roles.role(p.text, f.start, f.end, f.quantity.unit) is roles.Role.TARGET
        for p in body
        for f in find_quantities(p.text)
    )


# 关于下达2025年民心工程和为民办实事项目任务指标的通知: a text that sets targets, whatever its
# layout; not one that reports on them (完成情况, 进展, 总结).
_SETS_TARGETS = re.compile(
    r"任务指标|目标任务|工作要点|工作计划|工作安排|实事(?:项目|任务)|民心工程|重点工作任务"
)
_REPORTS = re.compile(r"完成情况|进展|进度|总结|回顾|成效|通报|报告")


def _announces_targets(paras: list[Para]) -> bool:
    titles = [_BOOK_TITLE.sub("", t) for t in _titles(paras, 5)]
    return any(_SETS_TARGETS.search(t) and not _REPORTS.search(t) for t in titles)


def _announces_report(paras: list[Para]) -> bool:
    """目标任务完成情况: a report; not 《政府工作报告》重点任务分解方案, which only cites one."""
    return any(_REPORTS.search(_BOOK_TITLE.sub("", t)) for t in _titles(paras, 15))


_BOOK_TITLE = re.compile(r"《[^《》]*》")


def _titles(paras: list[Para], within: int) -> list[str]:
    """The title-like lines before the first heading: what the document says it is (a heading
    such as （三）加快项目进度 says nothing of the whole)."""
    titles = []
    for para in paras[:within]:
        if heading_of(para.text) is not None:
            break
        if is_title_like(para.text):
            titles.append(para.text)
    return titles


def _notice_sets_targets(found: frontlib.Front, paras: list[Para], rest: list[Para]) -> list[Para]:
    """A 通知 with no plan after it, whose own paragraphs set the year's targets (关于下达2025年
    民心工程…任务指标的通知): those paragraphs are the plan, and the notice keeps the rest."""
    notice = found.notice
    if notice is None or not notice.body or not _announces_targets(paras):
        return []
    if any(find_quantities(p.text) for p in rest):
        return []  # a plan follows the notice
    lines = set(notice.body.split("\n"))
    body = [p for p in paras if p.text in lines]
    if not any(find_quantities(p.text) for p in body):
        return []
    notice.body = ""
    return body


def _items_title(body: list[Para], listed: list[Item] | None) -> str:
    """A 公示's own title: the title-like line before its first item."""
    if listed is None:
        return ""
    first = listed[0].heading
    before = [p.text for p in body if p.line < first.line and is_title_like(p.text)]
    return next((text for text in before if frontlib.year_in(text)), "")


def _outline_of_items(listed: list[Item], title: str) -> Outline:
    """One domain whose tasks are the items; each task's targets come from its commitment."""
    outline = Outline()
    domain = model.Domain(id="", title=title)
    for item in listed:
        task = model.Task(id="", title=task_title(item))
        domain.tasks.append(task)
        outline.sources[id(task)] = item.commitment
    outline.domains.append(domain)
    return outline


def _title_index(paras: list[Para]) -> int | None:
    for index, para in enumerate(paras):
        if heading_of(para.text) is not None:
            return None
        if frontlib.is_plan_title(para.text):
            return index
    return None


def _front_and_body(
    paras: list[Para], title_at: int | None, prepared: Prepared
) -> tuple[frontlib.Front, list[Para]]:
    """The notice before the title; without a title, notice lines wherever they stand first."""
    if title_at is not None:
        zone, body = paras[:title_at], paras[title_at + 1 :]
    else:
        attached = frontlib.attachment_lines([p.text for p in paras])
        first_heading = next(
            (i for i, p in enumerate(paras) if heading_of(p.text) and i not in attached),
            len(paras),
        )
        zone, body = paras[:first_heading], paras[first_heading:]
    found = frontlib.read_front(zone)
    unused = [para for i, para in enumerate(zone) if i not in found.used]
    if title_at is not None:
        prepared.report.skipped.extend(Skipped(p.line, p.text, UNKNOWN) for p in unused)
    else:
        body = unused + body  # no title: what is not the notice is the preamble
    if found.notice is not None and not found.notice.number:
        found.notice.number = prepared.number
    return found, body


def _close(found: frontlib.Front, closing: list[Para], prepared: Prepared) -> None:
    if found.notice is not None:
        frontlib.read_back_matter(found.notice, closing)
    else:
        prepared.report.skipped.extend(Skipped(p.line, p.text, CLOSING) for p in closing)


def _title(
    paras: list[Para], title_at: int | None, found: frontlib.Front, selection: Selection
) -> str:
    for heading in selection.headings:  # a mixed document: 三、2024年工作计划
        part = heading_of(heading)
        text = part.rest if part else heading
        if frontlib.year_in(text):
            return text.rstrip("：:")
    if title_at is not None:
        return paras[title_at].text
    return found.subject


def _year(
    title: str, found: frontlib.Front, selection: Selection, source: Source, prepared: Prepared
) -> int:
    """The plan's year: the title, the notice's subject, the part's heading, the introduction,
    the notice's date, then wherever else a reader finds it (metadata.year)."""
    candidates = [title, found.subject, *selection.headings, *(p.text for p in selection.intro)]
    guess = metadata.year(
        prepared.everything(),
        results=False,
        published=prepared.published,
        first=[c for c in candidates if c],
    )
    if guess is not None and guess.line and guess.text in candidates:
        return int(guess.value)  # the plan says it where a plan says it: not a guess
    if found.notice is not None and found.notice.date is not None:
        return found.notice.date.year
    if guess is None:
        raise fail(source.name, say("import_no_year"))
    prepared.report.guessed.append(("year", guess.value, guess.line, guess.text))
    return int(guess.value)


def _bureau(
    title: str,
    found: frontlib.Front,
    body: list[Para],
    prepared: Prepared,
    source: Source,
    like: model.Plan | model.Results | None,
    like_name: str,
) -> str:
    """The office that wrote the plan (metadata.bureau), the signer when it signs."""
    paras = prepared.everything()
    signer = metadata.signature(paras)
    named = found.notice.signer if found.notice is not None else _closing_signer(body)
    # 市人民政府办公室 and a signature 中卫市人民政府办公室: one office, the fuller name says which
    fuller = signer is not None and signer.value.endswith(named)
    if named and (signer is None or signer.value != named) and not fuller:
        signer = metadata.Found(named, 0, named)
    liked = like.bureau if like is not None else ""
    guess = metadata.bureau(paras, title, signer, liked, footer=prepared.tail)
    if guess is None:
        raise fail(source.name, say("import_no_bureau"))
    if not (signer and guess.line == signer.line):
        prepared.report.guessed.append(("bureau", guess.value, guess.line, guess.text or like_name))
    return guess.value


def _closing_signer(paras: list[Para]) -> str:
    closing = paras[frontlib.back_matter_start(paras) :]
    notice = model.Notice()
    frontlib.read_back_matter(notice, closing)
    return notice.signer


def _read_targets(outline: Outline, year: int, prepared: Prepared, reported: bool) -> None:
    """Each task's targets; from a progress report, the targets it states and the commitment
    each numbered task opens with (reported.progress_start)."""
    on_targets = reported and reportlib.on_targets(prepared.paras)
    for task in outline.tasks():
        for para in outline.sources[id(task)]:
            readings = _targets_of(para, year, reported, on_targets)
            if para.in_cell:
                readings = _said_again(readings, task.targets)
            prepared.report.figures.extend(readings)
            task.targets.extend(
                model.Target(metric=r.metric, value=r.value, unit=r.unit, op=r.op, kind=r.kind)
                for r in readings
                if r.taken
            )


def _headed_around(body: list[Para], listed: list[Item], year: int | None) -> bool:
    """A plan headed 一、二、 whose tasks state targets, with a table among them (a task's
    breakdown): the headings, not the table alone, lay the plan out."""
    inside = lines_of(listed)
    outside = [p for p in body if p.line not in inside]
    if sum(1 for p in outside if heading_of(p.text) is not None) < 2 or arrange(outside) is None:
        return False
    return any(r.taken for p in outside for r in read_paragraph(p, Purpose.PLAN, year)[0])


def _heads(para: Para) -> bool:
    """序号 | 项目名称 | 目标任务 …: a table's header row, no task's text."""
    row = cells(para.text)
    return row is not None and bool(row) and is_serial_header(row[0])


def _add_table(outline: Outline, listed: list[Item]) -> None:
    """The table's rows as tasks of the domain whose text stands before the table."""
    first = min(lines_of(listed))
    domain = outline.domains[0]
    for candidate in outline.domains:
        lines = [p.line for t in model.domain_tasks(candidate) for p in outline.sources[id(t)]]
        if lines and min(lines) < first:
            domain = candidate
    for item in listed:
        task = model.Task(id="", title=task_title(item))
        domain.tasks.append(task)
        outline.sources[id(task)] = item.commitment


def _said_again(readings: list[Reading], taken: list[model.Target]) -> list[Reading]:
    """新建社区食堂8个 | 8个: a table's cell that gives again a figure another cell of its row
    gave (目标任务 and 年度目标 columns) states the same target, not a second one."""
    stated = {(t.value, t.unit) for t in taken}
    return [
        replace(r, reason="import_fig_said_again") if r.taken and (r.value, r.unit) in stated else r
        for r in readings
    ]


def _targets_of(para: Para, year: int, reported: bool, on_targets: bool) -> list[Reading]:
    if not reported:
        return read_paragraph(para, Purpose.PLAN, year)[0]
    readings = []
    for piece, named in reportlib.split_named_tasks(para) if on_targets else [(para, False)]:
        progress_from = None if named else reportlib.progress_start(piece, on_targets)
        readings += read_paragraph(piece, Purpose.PLAN, year, progress_from=progress_from)[0]
    return readings


def _headline_targets(paras: list[Para], outline: Outline, year: int) -> list[Reading]:
    """云南省今年将确保农村劳动力转移就业1500万人以上 over news that says so again: a headline
    states the text's own target, as a news title states a result (results import); it is
    taken where the text restates it, in the task that holds the target, ahead of it."""
    headline = _headline(paras)
    read = {id(p) for task in outline.tasks() for p in outline.sources[id(task)]}
    if headline is None or id(headline) in read:
        return []
    holding = {(t.value, t.unit): task for task in outline.tasks() for t in task.targets}
    taken = []
    for r in read_paragraph(headline, Purpose.PLAN, year)[0]:
        task = holding.get((r.value, r.unit)) if r.taken else None
        if task is not None:
            target = model.Target(metric=r.metric, value=r.value, unit=r.unit, op=r.op, kind=r.kind)
            task.targets.insert(0, target)
            taken.append(r)
    return taken


def _headline(paras: list[Para]) -> Para | None:
    """A news item's headline: a title-like line with a figure, before its first sentence."""
    for para in paras[:_HEADLINE_LINES]:
        if "。" in para.text:
            return None
        if (
            is_title_like(para.text)
            and heading_of(para.text) is None
            and find_quantities(para.text)
        ):
            return para
    return None


_HEADLINE_LINES = 4


def _outside_items(
    body: list[Para], listed: list[Item], year: int, outline: Outline
) -> list[Reading]:
    """The figures of a 公示's text around its items (项目共6项，包括新增养老床位1671张…),
    listed with why none is taken: a restatement of an item's target is that target already,
    and the rest belongs to no item."""
    inside = lines_of(listed)
    stated = {(t.value, t.unit) for task in outline.tasks() for t in task.targets}
    readings = []
    for para in (p for p in body if p.line not in inside):
        for r in read_paragraph(para, Purpose.PLAN, year)[0]:
            restated = "import_fig_restated" if (r.value, r.unit) in stated else ""
            readings.append(
                r if not r.taken else replace(r, reason=restated or "import_fig_outside_items")
            )
    return readings


def _assign_ids(plan: model.Plan) -> None:
    taken: set[str] = set()
    for domain in plan.domains:
        domain.id = model.make_id("domain", domain.title, taken)
        for section in domain.sections:
            section.id = model.make_id("section", section.title, taken)
        for task in model.domain_tasks(domain):
            task.id = model.make_id("task", task.title, taken)
