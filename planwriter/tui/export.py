"""The document for the preview and the export, through the renderer (issue 5) with the
bureau's [render] settings from planwriter.toml, as `planwriter render` uses them."""

from __future__ import annotations

from pathlib import Path

from planwriter import model
from planwriter.render import Rendered, choose_template, default_output, render_plan
from planwriter.render.blocks import Block
from planwriter.render.command import render_settings
from planwriter.render.context import Cleaner, plan_context
from planwriter.render.engine import render_blocks
from planwriter.render.profile import Profile, load_profile


def _overrides(settings: dict[str, Path]) -> list[Path]:
    return [settings["profile"]] if "profile" in settings else []


def document_blocks(plan: model.Plan, plan_path: Path) -> tuple[list[Block], Profile]:
    """The blocks the default template makes of `plan`, and the style profile for them."""
    settings = render_settings(plan_path)
    folder = settings.get("template_dir")
    blocks = render_blocks(choose_template(plan, None), plan_context(plan, Cleaner()),
                           [folder] if folder else [])
    return blocks, load_profile(*_overrides(settings))


def export(plan: model.Plan, plan_path: Path, pdf: bool) -> Rendered:
    """The .docx (and PDF) beside the plan, named after its title."""
    settings = render_settings(plan_path)
    return render_plan(plan, default_output(plan_path, plan), pdf=pdf,
                       base_dir=settings.get("template_dir"),
                       profile_overrides=_overrides(settings))
