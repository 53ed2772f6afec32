"""A year-end report or completion report → Results: every stated achievement with its quote."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from planwriter import model
from planwriter.catalogue import say
from planwriter.importer import metadata
from planwriter.importer import reported as reportlib
from planwriter.importer.document import Prepared, read_part, reuse_like_names
from planwriter.importer.figures import Purpose, Reading, read_paragraph
from planwriter.importer.headings import heading_of
from planwriter.importer.item import Item
from planwriter.importer.items import item_layout, lines_of, name_after_commitments
from planwriter.importer.linking import fill_targets, make_distinct
from planwriter.importer.parts import PartKind
from planwriter.importer.reading import Source, fail
from planwriter.importer.summary import Imported
from planwriter.importer.text import Para, is_title_like
from planwriter.quantity import find_quantities


def import_results(
    source: Source,
    like: model.Plan | model.Results | None = None,
    year: int | None = None,
    bureau: str = "",
    like_name: str = "",
) -> Imported[model.Results]:
    """The achievements a report states. `year` and `bureau` override what the text implies."""
    prepared, selection = read_part(source, PartKind.RESULTS)
    paras = selection.paras
    title = _title(paras)
    year = year or _year(title, selection.headings, prepared)
    items: list[model.Result] = []
    listed = item_layout(paras) if prepared.listed else None  # the title may announce it
    on_targets = reportlib.on_targets(paras)  # the title says so too (…实事完成情况)
    # news of the next year's work meeting: its 今年 is the year ahead of the results
    ahead = year is not None and metadata.meeting_year(prepared.everything()) == year + 1
    # a news title states a result too (2023年某市新建养老床位2524张): read like the text
    for readings in _readings(paras, year, listed, on_targets, ahead):
        prepared.report.figures.extend(readings)
        items.extend(
            model.Result(metric=r.metric, value=r.value, unit=r.unit, kind=r.kind, quote=r.quote)
            for r in readings
            if r.taken
        )
    if not items:
        raise fail(source.name, say("import_no_results"))
    if year is None:
        raise fail(source.name, say("import_no_year"))
    bureau = bureau or _bureau(title, prepared, like, like_name)
    if not bureau:
        raise fail(source.name, say("import_no_bureau"))
    results = model.Results(
        bureau=bureau, year=year, source=_source_line(title, prepared.published), results=items
    )
    reuse_like_names(results.results, like, like_name, prepared.report)
    if isinstance(like, model.Plan) and like.year == year:
        fill_targets(results, like)  # after the renaming: a result finds its target by name
    make_distinct(results.results)
    return Imported(results, prepared.report)


def _readings(
    paras: list[Para],
    year: int | None,
    listed: list[Item] | None,
    on_targets: bool,
    this_year_ahead: bool = False,
) -> Iterator[list[Reading]]:
    """Each paragraph's figures; laid out item by item, an item's commitment gives targets (not
    taken) and its progress results named after them. In a report on targets (on_targets), a
    numbered task opens with its commitment: 1.task's commitment。上半年，what was done.
    `this_year_ahead`: the text's 今年 is the year after the results' (a paragraph that says
    今年 before its first figure speaks of the year ahead)."""
    if listed is None:
        for para in paras:
            if not on_targets:
                ahead = this_year_ahead and "今年" in _lead(para.text)
                yield read_paragraph(para, Purpose.RESULTS, year, ahead)[0]
                continue
            for piece, named in reportlib.split_named_tasks(para):
                # the tasks named by their commitments give no result; a task's opening
                # commitment none either, when the report of what was done follows it
                start = len(piece.text) if named else reportlib.progress_start(piece, on_targets)
                if not named and start == len(piece.text):
                    start = reportlib.commitment_alone(piece)
                yield read_paragraph(piece, Purpose.RESULTS, year, progress_from=start)[0]
        return
    inside = lines_of(listed)
    commitments = [
        [r for p in item.commitment for r in read_paragraph(p, Purpose.PLAN, year)[0]]
        for item in listed
    ]
    # 项目共15个，现已全部开工 before a table whose row says 全年任务目标 15个: an item's target
    # restated outside the items is no result (what was done is the row's to say)
    stated = {(r.value, r.unit) for targets in commitments for r in targets if r.taken}
    for para in paras:
        if para.line in inside:
            continue
        # 项目共6项，包括新增养老床位1671张、…: the items named by their commitments
        for piece, named in reportlib.split_named_tasks(para):
            commitment_end = len(piece.text) if named else None
            yield [
                replace(r, reason="import_fig_target")
                if r.taken and (r.value, r.unit) in stated
                else r
                for r in read_paragraph(piece, Purpose.RESULTS, year, progress_from=commitment_end)[
                    0
                ]
            ]
    for item, targets in zip(listed, commitments, strict=True):
        yield [replace(r, reason=r.reason or "import_fig_target") for r in targets]
        shares = [r for p in item.shares for r in read_paragraph(p, Purpose.RESULTS, year)[0]]
        yield [replace(r, reason="import_fig_share") for r in shares]
        done = [r for p in item.progress for r in read_paragraph(p, Purpose.RESULTS, year)[0]]
        yield name_after_commitments(done, [r for r in targets if r.taken])


def _lead(text: str) -> str:
    """The words before the paragraph's first figure."""
    found = find_quantities(text)
    return text[: found[0].start] if found else text


def _title(paras: list[Para]) -> str:
    """The first line when it is a title; after a byline (清远市民政局 alone on its line, as a
    department's page heads its articles), the line after it."""
    first = paras[1:2] if paras and metadata.is_office_line(paras[0].text) else paras[:1]
    return first[0].text if first and _is_title(first[0]) else ""


def _is_title(para: Para) -> bool:
    text = para.text
    return is_title_like(text) and heading_of(text) is None and not metadata.is_office_line(text)


def _year(title: str, headings: list[str], prepared: Prepared) -> int | None:
    """The title, a part's heading, an early line, the year sentences start with, the page's
    date; said in the summary unless the title or a heading says it."""
    first = [text for text in (title, *headings) if text]
    guess = metadata.year(
        prepared.everything(), results=True, published=prepared.published, first=first
    )
    if guess is None:
        return None
    if guess.text not in first:
        prepared.report.guessed.append(("year", guess.value, guess.line, guess.text))
    return int(guess.value)


def _bureau(
    title: str, prepared: Prepared, like: model.Plan | model.Results | None, like_name: str
) -> str:
    """The same reading as the plan's (metadata.bureau), so both imports of a file agree."""
    paras = prepared.everything()
    signer = metadata.signature(paras)
    liked = like.bureau if like is not None else ""
    guess = metadata.bureau(paras, title, signer, liked, footer=prepared.tail)
    if guess is None:
        return ""
    if not (signer and guess.line == signer.line):
        prepared.report.guessed.append(("bureau", guess.value, guess.line, guess.text or like_name))
    return guess.value


def _source_line(title: str, published: str) -> str:
    if title and published:
        return say("import_source_published", title=title, date=published)
    return title
