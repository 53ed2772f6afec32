"""The document for the preview and the export, through the renderer (issue 5) with the
bureau's [render] settings from planwriter.toml, as `planwriter render` uses them."""

from __future__ import annotations

from pathlib import Path

from planwriter import model
from planwriter.render import Composed, Rendered, compose, default_output, render_plan
from planwriter.settings import render_settings, settings_for


def document_blocks(plan: model.Plan, plan_path: Path) -> Composed:
    """The blocks the default template makes of `plan`, and the style profile for them."""
    return compose(plan, settings=render_settings(settings_for(plan_path)))


def export(plan: model.Plan, plan_path: Path, pdf: bool) -> Rendered:
    """The .docx (and PDF) beside the plan, named after its title."""
    return render_plan(
        plan,
        default_output(plan_path, plan),
        pdf=pdf,
        settings=render_settings(settings_for(plan_path)),
    )
