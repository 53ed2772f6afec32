"""The plan as the document the bureau issues: Jinja templates → blocks → .docx (→ PDF).

Templates decide what the document says; the style profile decides how it looks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from planwriter import files, model
from planwriter.catalogue import say
from planwriter.problems import InputError, Location, Problem
from planwriter.records import record
from planwriter.render.context import Cleaner, plan_context
from planwriter.settings import RenderSettings

if TYPE_CHECKING:
    from planwriter.render.blocks import Block
    from planwriter.render.profile import Profile

__all__ = [
    "Composed",
    "Rendered",
    "compose",
    "default_output",
    "fonts_note",
    "libreoffice_available",
    "render_plan",
    "safe_name",
]

UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+|^\.+')


@record
class Rendered:
    """The files a render wrote, and what the user is to be told about them."""

    docx: Path
    pdf: Path | None = None
    warnings: list[str] = field(default_factory=list)
    substituted: dict[str, str] = field(default_factory=dict)  # official font → face in the PDF

    @property
    def fonts_note(self) -> str:
        """Which official fonts the PDF had to replace, in one sentence; "" when none."""
        return fonts_note(self.substituted)


def fonts_note(substituted: dict[str, str]) -> str:
    if not substituted:
        return ""
    pairs = "；".join(say("pdf_font_pair", official=k, face=v) for k, v in substituted.items())
    return say("pdf_fonts_substituted", pairs=pairs)


def libreoffice_available() -> bool:
    from planwriter.render.pdf import libreoffice_available as available

    return available()


def safe_name(title: str) -> str:
    """A file name from a title: no folders, no reserved characters, never empty."""
    name = UNSAFE_NAME.sub("_", title).strip(" ._")
    # file names are limited to 255 bytes: 60 汉字 leave room for ".docx" and a batch's tag
    return name.encode("utf-8")[:180].decode("utf-8", errors="ignore") or "plan"


def default_output(plan_path: Path, plan: model.Plan, template: str | None = None) -> Path:
    """Beside the plan, named after its title; the 任务分解表 alone gets a name of its own."""
    title = say("breakdown_file", title=plan.title) if template == "breakdown" else plan.title
    return plan_path.parent / f"{safe_name(title)}.docx"


def choose_template(plan: model.Plan, template: str | None, default: str | None = None) -> str:
    """The template asked for; else the bureau's default; else notice when the plan has one."""
    if template is None and default == "plain":
        return "plain"
    if template is None:
        return "notice" if plan.notice else "plain"
    if template == "notice" and plan.notice is None:
        raise InputError([Problem("template", say("render_no_notice"), Location(""))])
    return template


class Composed(NamedTuple):
    """What a template made of a plan, and how it is to look: ready to be written."""

    blocks: list[Block]
    style: Profile
    warnings: list[str]


def compose(
    plan: model.Plan,
    *,
    template: str | None = None,
    profile: Path | None = None,
    settings: RenderSettings | None = None,
    report: dict[str, Any] | None = None,
    breakdown: bool = False,
    progress: dict[str, Any] | None = None,
) -> Composed:
    """Run the template over `plan` and load the style profile (built-in, bureau's, --profile).
    `breakdown`: the notice carries the 任务分解表 as its 附件."""
    from planwriter.render.engine import render_blocks
    from planwriter.render.profile import load_profile

    settings = settings or RenderSettings()
    chosen = choose_template(plan, template, settings.template)
    clean = Cleaner()
    context = plan_context(plan, clean)
    context["with_breakdown"] = breakdown
    context["masthead_on"] = settings.masthead
    if plan.notice and plan.notice.number and not settings.masthead and chosen == "notice":
        clean.warnings.append(say("render_number_unprinted", number=plan.notice.number))
    if report is not None:
        context["report"] = report
    if progress is not None:
        context["progress"] = progress
    folders = [settings.template_dir] if settings.template_dir else []
    blocks = render_blocks(chosen, context, folders)
    style = load_profile(*settings.profile_overrides, *([profile] if profile else []))
    _check_styles(blocks, style, chosen)
    return Composed(blocks, style, clean.warnings)


def render_plan(
    plan: model.Plan,
    output: Path,
    *,
    template: str | None = None,
    profile: Path | None = None,
    pdf: bool = False,
    settings: RenderSettings | None = None,
    report: dict[str, Any] | None = None,
    breakdown: bool = False,
    progress: dict[str, Any] | None = None,
) -> Rendered:
    """Write `output` (.docx) for `plan`, and a PDF beside it when asked."""
    from planwriter.render.docx import write_docx

    composed = compose(
        plan,
        template=template,
        profile=profile,
        settings=settings,
        report=report,
        breakdown=breakdown,
        progress=progress,
    )
    date = plan.notice.date if plan.notice and plan.notice.date else dt.date(plan.year, 1, 1)
    write = partial(
        write_docx, composed.blocks, composed.style, title=plan.title, author=plan.bureau, date=date
    )
    placed: list[str | None] = []
    files.write_atomically(  # a killed write leaves the old document or the new
        output, lambda handle: placed.append(write(output, into=handle)), make_folders=True
    )
    rendered = Rendered(output, warnings=composed.warnings)
    if pdf:
        from planwriter.render.docx import AFTER_BLANK, FOOT, SECTION
        from planwriter.render.pdf import to_pdf  # subprocess and tempfile only when asked

        # when LibreOffice's 版记 comes out on an odd page: on a page of its own, then after
        # a blank page of ours
        places = {FOOT: [SECTION, AFTER_BLANK], SECTION: [AFTER_BLANK]}.get(placed[0] or "", [])
        converted = to_pdf(
            output,
            even_copies=[partial(write, banji_place=place) for place in places],
            official_fonts=official_fonts(composed.style),
        )
        rendered.pdf, rendered.substituted = converted.pdf, converted.substituted
    return rendered


def official_fonts(style: Profile) -> list[str]:
    """The Chinese fonts the document's styles name, once each, in the profile's order."""
    names = [font.name for font in style.fonts.values() if not font.name.isascii()]
    return list(dict.fromkeys(names))


def _check_styles(blocks: list, style: Any, template: str) -> None:
    for block in blocks:
        name = getattr(block, "style", None)
        if name is not None and name not in style.styles:
            raise InputError(
                [Problem("template", say("template_unknown_style", style=name), Location(template))]
            )
