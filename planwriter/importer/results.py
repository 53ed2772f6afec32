"""A year-end report or completion report → Results: every stated achievement with its quote."""

from __future__ import annotations

from planwriter import model
from planwriter.catalogue import say
from planwriter.importer import front as frontlib
from planwriter.importer.document import read_part, reuse_like_names
from planwriter.importer.figures import Purpose, read_paragraph
from planwriter.importer.headings import heading_of
from planwriter.importer.linking import fill_targets, make_distinct
from planwriter.importer.parts import PartKind
from planwriter.importer.reading import Source, fail
from planwriter.importer.summary import Imported
from planwriter.importer.text import Para, is_title_like


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
    title = paras[0].text if paras and _is_title(paras[0]) else ""
    year = year or _year(title, selection.headings, paras, prepared.published)
    items: list[model.Result] = []
    for para in paras[1:] if title else paras:
        readings, _ = read_paragraph(para, Purpose.RESULTS, year)
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
    bureau = bureau or frontlib.bureau_in([title, *(p.text for p in prepared.paras)])
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


def _is_title(para: Para) -> bool:
    return is_title_like(para.text) and heading_of(para.text) is None


def _year(title: str, headings: list[str], paras: list[Para], published: str) -> int | None:
    for text in [title, *headings, *(p.text for p in paras[:3])]:
        if year := frontlib.year_in(text):
            return year
    if published:
        return int(published[:4]) - 1  # a year-end report is published the year after
    return None


def _source_line(title: str, published: str) -> str:
    if title and published:
        return say("import_source_published", title=title, date=published)
    return title
