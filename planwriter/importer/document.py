"""The steps both imports share: clean the lines, drop the web page around the document, keep
the part of a mixed document that was asked for, and take the names of a --like file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from planwriter import model
from planwriter.catalogue import say
from planwriter.importer import script, tables
from planwriter.importer import text as textlib
from planwriter.importer.items import item_layout
from planwriter.importer.linking import Item, reuse_names
from planwriter.importer.parts import PartKind, announced, split_parts
from planwriter.importer.reading import Line, Source, fail
from planwriter.importer.summary import DEBRIS, PART_NAMES, ImportReport, LeftOut, Skipped
from planwriter.importer.text import Para


@dataclass
class Prepared:
    """The document's own paragraphs, and what the web page around it said."""

    paras: list[Para]
    report: ImportReport
    published: str = ""  # 2024-01-11, from the page's 发布日期
    number: str = ""  # 发文字号, from the page's 文号 field
    page: list[Para] = field(default_factory=list)  # the web page's lines around the document
    tail: list[Para] = field(default_factory=list)  # the page after the article: 相关新闻, footer
    listed: bool = False  # laid out item by item or as a table (items.item_layout)

    def everything(self) -> list[Para]:
        """The document's lines and the page's, in order: where year and bureau are looked for."""
        return sorted([*self.paras, *self.page], key=lambda para: para.line)


@dataclass
class Selection:
    paras: list[Para]  # the part asked for (with the introduction, for results)
    intro: list[Para] = field(default_factory=list)  # lines before the first part
    headings: list[str] = field(default_factory=list)  # headings of the parts taken
    reported: bool = False  # a plan import of a text whose parts report what was done


def read_part(source: Source, wanted: PartKind) -> tuple[Prepared, Selection]:
    """Where both imports begin: the document's own lines, and the part of them asked for."""
    prepared = _prepare(source, wanted)
    return prepared, _select(prepared, source.name)


def reuse_like_names(
    items: Sequence[Item],
    like: model.Plan | model.Results | None,
    like_name: str,
    report: ImportReport,
) -> None:
    """With --like, the figures take the other file's names; the report says which file."""
    if like is not None:
        report.renamed = reuse_names(items, like)
        report.like = like_name


def _prepare(source: Source, wanted: PartKind) -> Prepared:
    report = ImportReport(wanted, is_docx=source.is_docx)
    prepared = Prepared([], report)
    if script.is_traditional([line.text for line in source.lines]):
        lines = tuple(Line(ln.number, script.to_simplified(ln.text)) for ln in source.lines)
        source = Source(source.name, lines, source.is_docx)
    spaced = (
        set() if source.is_docx else tables.spaced_table_lines([ln.text for ln in source.lines])
    )
    in_table = {source.lines[n].number for n in spaced}
    if not source.is_docx:
        source = Source(source.name, textlib.blank_spaced_list(source.lines, in_table))
    cleaned = [
        part
        for line in source.lines
        if (para := textlib.clean(line, close_spaces=line.number not in in_table)) is not None
        for part in textlib.split_glued_heading(para)
    ]
    if in_table:
        cleaned = tables.rows_of_spaced_lines(cleaned, in_table)
    if not source.is_docx and (glued := tables.glued_table_lines([ln.text for ln in source.lines])):
        kinds = {source.lines[n].number: kind for n, kind in glued.items()}
        cleaned = tables.rows_of_glued_lines(cleaned, kinds)
    if source.is_docx:
        cleaned = tables.plain_rows(cleaned)
    elif sum(tables.SEPARATOR in p.text for p in cleaned) >= 4:  # cheap test before the pass
        cleaned = tables.rows_of_cell_lines(cleaned)
    else:
        cleaned = tables.serials_split_out(cleaned)
        if any(tables.is_serial_header(p.text) for p in cleaned):
            cleaned = tables.rows_of_plain_cells(cleaned)
    field = ""  # a page's field name whose value is on the next line (发布日期：/ 2024-01-11)
    for para in textlib.join_wrapped(cleaned):
        if prepared.tail or (_begun(prepared.paras) and textlib.ends_article(para.text)):
            report.skipped.append(Skipped(para.line, para.text, DEBRIS))
            prepared.tail.append(
                para
            )  # 责任编辑, 相关新闻: what follows is the page's, not the text's
            continue
        value = bool(field) and len(para.text) <= textlib.FIELD_VALUE_MAX and "。" not in para.text
        if value and textlib.is_field_alone(para.text):
            value = False
        if textlib.is_debris(para.text) or value:
            report.skipped.append(Skipped(para.line, para.text, DEBRIS))
            prepared.page.append(para)
            said = f"{field}{para.text}" if value else para.text
            prepared.published = prepared.published or textlib.published_date(said)
            prepared.number = prepared.number or textlib.document_number(said)
        else:
            prepared.paras.append(para)
        field = para.text if textlib.is_field_alone(para.text) else ""
    if not prepared.paras:
        raise fail(source.name, say("import_no_text"))
    return prepared


def _begun(paras: list[Para]) -> bool:
    """The article has begun once a sentence of it has been read."""
    return any("。" in para.text for para in paras)


def _select(prepared: Prepared, name: str) -> Selection:
    """The part of a mixed document the import asked for; everything else is reported."""
    paras, report = prepared.paras, prepared.report
    prepared.listed = item_layout(paras) is not None
    parts = split_parts(paras) if not prepared.listed else []
    if not parts:
        # a 公示's 完成情况 title announces both parts
        reported = not prepared.listed and _only_the_other_kind(paras, report.wanted, name)
        return Selection(paras, reported=reported)
    wanted = [part for part in parts if part.kind is report.wanted]
    if not wanted:
        _missing(name, report.wanted, [p.kind for p in parts], paras[parts[0].start].line)
    intro = paras[: parts[0].start]
    taken: list[Para] = []
    for part in parts:
        body = paras[part.start + 1 : part.end]
        if part in wanted:
            taken.extend(body)
        elif body or part.kind:
            last = body[-1].line if body else paras[part.start].line
            report.left_out.append(LeftOut(paras[part.start].line, last, part.heading, part.kind))
    if report.wanted is PartKind.RESULTS:
        taken = intro + taken
    elif any(not textlib.is_title_like(p.text) for p in intro):
        report.left_out.insert(0, LeftOut(intro[0].line, intro[-1].line, intro[0].text, None))
    return Selection(taken, intro, [part.heading for part in wanted])


def _only_the_other_kind(paras: list[Para], wanted: PartKind, name: str) -> bool:
    """A plan imported as results is refused; a report imported as a plan may still state its
    targets (目标任务完成情况: each task, then what was done), so the plan import reads it as a
    report and refuses only when no target comes out (plan.import_plan)."""
    kinds = announced(paras)
    other = PartKind.RESULTS if wanted is PartKind.PLAN else PartKind.PLAN
    if other not in kinds or wanted in kinds:
        return False
    if wanted is PartKind.RESULTS:
        _missing(name, wanted, sorted(kinds), 0)
    return True


def refuse_as_missing(name: str, wanted: PartKind, found: PartKind) -> None:
    """No part of the kind asked for: say what the text holds instead."""
    _missing(name, wanted, [found], 0)


def _missing(name: str, wanted: PartKind, found: list[PartKind], line: int) -> None:
    names = "、".join(dict.fromkeys(say(PART_NAMES[kind]) for kind in found))
    raise fail(name, say("import_part_missing", wanted=say(PART_NAMES[wanted]), found=names), line)
