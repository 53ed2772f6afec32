"""What an import did besides building the model: what it skipped, left out, renamed and
doubted. The command line prints it; tests measure the importer with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from planwriter import model
from planwriter.catalogue import say
from planwriter.importer.figures import Reading
from planwriter.importer.parts import PartKind

M = TypeVar("M", model.Plan, model.Results)

DEBRIS, UNKNOWN, CLOSING = "import_skip_debris", "import_skip_unknown", "import_skip_closing"
PART_NAMES = {
    PartKind.PLAN: "import_part_plan",
    PartKind.RESULTS: "import_part_results",
    PartKind.OTHER: "import_part_other",
}


@dataclass(frozen=True)
class Skipped:
    line: int
    text: str
    why: str  # DEBRIS, UNKNOWN or CLOSING


@dataclass(frozen=True)
class LeftOut:
    """A part of the document not imported: 三、2024年工作计划 when results were asked for."""

    first: int
    last: int
    heading: str
    kind: PartKind | None  # None: the introduction before the first part


@dataclass
class ImportReport:
    wanted: PartKind
    is_docx: bool = False
    skipped: list[Skipped] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    figures: list[Reading] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (invented name, reused name)
    like: str = ""  # the file whose names were reused
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (line, message)
    # (what, value, line, text): a year or bureau read from the text, not given on the command line
    guessed: list[tuple[str, str, int, str]] = field(default_factory=list)

    @property
    def debris(self) -> list[Skipped]:
        return [s for s in self.skipped if s.why == DEBRIS]

    def where(self, line: int) -> str:
        return say("import_at_paragraph" if self.is_docx else "import_at_line", line=line)


@dataclass
class Imported(Generic[M]):
    model: M
    report: ImportReport


def summary(imported: Imported, verbose: bool = False) -> list[str]:
    """The lines the command prints on stderr after an import."""
    report, data = imported.report, imported.model
    lines = [_counts(data, report)]
    for part in report.left_out:
        kind = say(PART_NAMES[part.kind]) if part.kind else say("import_part_intro")
        lines.append(
            say(
                "import_left_out",
                first=report.where(part.first),
                last=report.where(part.last),
                heading=part.heading,
                kind=kind,
                wanted=say(PART_NAMES[report.wanted]),
            )
        )
    for line, message in report.warnings:
        lines.append(f"{report.where(line)}：{message}")
    lines.extend(_guesses(report))
    if report.renamed:
        lines.append(say("import_renamed", file=report.like, count=len(report.renamed)))
    if verbose:
        lines.extend(_details(report))
    return lines


def _guesses(report: ImportReport) -> list[str]:
    """年度“2023”：取自第 7 行“县民政局2023年重点工作总结…”, so a wrong guess is seen."""
    lines = []
    for what, value, line, text in report.guessed:
        short = text if len(text) <= 40 else text[:40] + "…"
        fields = {"what": say(f"import_what_{what}"), "value": value, "text": short}
        if line:
            lines.append(say("import_guessed", where=report.where(line), **fields))
        else:
            lines.append(say("import_guessed_nowhere", **fields))
    return lines


def _counts(data: model.Plan | model.Results, report: ImportReport) -> str:
    if isinstance(data, model.Results):
        return say("import_summary_results", results=len(data.results), debris=len(report.debris))
    sections = sum(len(d.sections) for d in data.domains)
    return say(
        "import_summary_plan",
        domains=len(data.domains),
        sections=sections,
        tasks=sum(1 for _ in data.tasks()),
        targets=sum(1 for _ in data.targets()),
        debris=len(report.debris),
    )


def _details(report: ImportReport) -> list[str]:
    lines = []
    for skipped in report.skipped:
        lines.append(
            say(
                "import_skipped_line",
                where=report.where(skipped.line),
                why=say(skipped.why),
                text=skipped.text,
            )
        )
    for reading in report.figures:
        if not reading.taken:
            lines.append(
                say(
                    "import_figure_refused",
                    where=report.where(reading.line),
                    literal=reading.literal,
                    why=say(reading.reason),
                )
            )
    for old, new in report.renamed:
        lines.append(say("import_renamed_line", old=old, new=new))
    return lines
