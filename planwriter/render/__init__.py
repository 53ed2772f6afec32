"""The plan as the document the bureau issues: Jinja templates → blocks → .docx (→ PDF).

Templates decide what the document says; the style profile decides how it looks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from planwriter import model
from planwriter.messages import say
from planwriter.problems import InputError, Location, Problem
from planwriter.render.blocks import Banji
from planwriter.render.context import Cleaner, plan_context

__all__ = ["Rendered", "default_output", "libreoffice_available", "render_plan", "safe_name"]

TEMPLATES = ("notice", "plain", "report")
UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+|^\.+')


@dataclass
class Rendered:
    docx: Path
    pdf: Path | None = None
    warnings: list[str] = field(default_factory=list)


def libreoffice_available() -> bool:
    from planwriter.render.pdf import libreoffice_available as available

    return available()


def safe_name(title: str) -> str:
    """A file name from a title: no folders, no reserved characters, never empty."""
    name = UNSAFE_NAME.sub("_", title).strip(" ._")
    return name[:120] or "plan"


def default_output(plan_path: Path, plan: model.Plan) -> Path:
    return plan_path.parent / f"{safe_name(plan.title)}.docx"


def choose_template(plan: model.Plan, template: str | None) -> str:
    if template is None:
        return "notice" if plan.notice else "plain"
    if template == "notice" and plan.notice is None:
        raise InputError([Problem("template", say("render_no_notice"), Location(""))])
    return template


def render_plan(plan: model.Plan, output: Path, *, template: str | None = None,
                profile: Path | None = None, pdf: bool = False, base_dir: Path | None = None,
                report: dict[str, Any] | None = None,
                profile_overrides: list[Path] | None = None) -> Rendered:
    """Write `output` (.docx) for `plan`, and a PDF beside it when asked."""
    from planwriter.render.docx import write_docx
    from planwriter.render.engine import render_blocks
    from planwriter.render.profile import load_profile

    chosen = choose_template(plan, template)
    clean = Cleaner()
    context = plan_context(plan, clean)
    if report is not None:
        context["report"] = report
    blocks = render_blocks(chosen, context, [base_dir] if base_dir else [])
    style = load_profile(*(profile_overrides or []), *([profile] if profile else []))
    _check_styles(blocks, style, chosen)
    date = plan.notice.date if plan.notice and plan.notice.date else dt.date(plan.year, 1, 1)
    output.parent.mkdir(parents=True, exist_ok=True)
    write = partial(write_docx, blocks, style, title=plan.title, author=plan.bureau, date=date)
    write(output)
    rendered = Rendered(output, warnings=clean.warnings)
    if pdf:
        from planwriter.render.pdf import to_pdf  # subprocess and tempfile only when asked

        banji = any(isinstance(block, Banji) for block in blocks)
        rendered.pdf = to_pdf(output, blank_page_copy=partial(
            write, blank_page_before_banji=True) if banji else None)
    return rendered


def _check_styles(blocks: list, style: Any, template: str) -> None:
    for block in blocks:
        name = getattr(block, "style", None)
        if name is not None and name not in style.styles:
            raise InputError([Problem("template", say("template_unknown_style", style=name),
                                      Location(template))])
