"""`planwriter render PLAN --template progress --as-of DATE`: the 进展情况通报 as a document."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planwriter import model, store
from planwriter.catalogue import say
from planwriter.problems import InputError, Location, Problem
from planwriter.render import Rendered, render_plan, safe_name
from planwriter.tracking.command import load, tracked
from planwriter.tracking.document import progress_context


def render_progress(
    loaded: store.Loaded,
    args: argparse.Namespace,
    output: Callable[[Path], Path],
    extra: dict[str, Any],
) -> Rendered:
    """The plan's progress as of --as-of (default: the latest report), through progress.j2."""
    if not isinstance(loaded.model, model.Plan):
        message = say("render_progress_needs_plan", file=loaded.path)
        raise InputError([Problem("template", message, Location(str(loaded.path)))])
    files = load(str(loaded.path), None, None)
    context = progress_context(tracked(files, getattr(args, "as_of", None)))
    title = f"{context['bureau']}关于《{context['plan_title']}》{context['period']}推进情况的通报"
    target = output(loaded.path.parent / f"{safe_name(title)}.docx")
    plan = model.Plan(bureau=files.plan.bureau, year=files.plan.year, title=title)
    return render_plan(plan, target, **{**extra, "template": "progress"}, progress=context)
