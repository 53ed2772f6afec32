"""`planwriter render`: plans (or a results file) → .docx, many at once with a progress bar."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from planwriter import files, model, store
from planwriter.catalogue import say
from planwriter.files import expand
from planwriter.problems import InputError, Location, Problem
from planwriter.render import default_output, fonts_note, render_plan, safe_name
from planwriter.settings import render_settings, settings_for
from planwriter.terminal import EXIT_BAD_INPUT, EXIT_OK, report_problems, with_progress


def run(args: argparse.Namespace) -> int:
    names = expand(args.plans)
    many = len(names) > 1
    if many and args.output and Path(args.output).suffix.lower() == ".docx":
        raise InputError(
            [
                Problem(
                    "usage", say("render_out_exists_dir", path=args.output), Location(args.output)
                )
            ]
        )
    apart = names_apart(names, args) if many else {}
    problems: list[Problem] = []
    substituted: dict[str, str] = {}
    for name in with_progress(names, say("render_progress")):
        try:
            rendered = render_one(Path(name), args, many, apart.get(name))
        except InputError as err:
            problems.extend(err.problems)
            continue
        for warning in rendered.warnings:
            print(f"{name}：{say('render_warning', message=warning)}", file=sys.stderr)
        for path in (rendered.docx, rendered.pdf):
            if path:
                print(say("render_done", file=path))
        substituted.update(rendered.substituted)
    if substituted:  # once for the whole run, however many PDFs
        print(say("render_warning", message=fonts_note(substituted)), file=sys.stderr)
    if apart:
        example = next(iter(apart.values())).name
        print(say("render_renamed", count=len(apart), example=example), file=sys.stderr)
    if problems:
        report_problems(problems)
        return EXIT_BAD_INPUT
    return EXIT_OK


def names_apart(names: list[str], args: argparse.Namespace) -> dict[str, Path]:
    """Plans whose documents would land on one name (every city's plan is titled
    2024年全市民政工作要点): each gets the title with its bureau, else its folder."""
    wanted: dict[Path, list[tuple[str, model.Plan]]] = {}
    shown: dict[Path, Path] = {}  # the path as the user's -o gave it
    for name in names:
        try:
            plan = store.load_plan(name).model
        except InputError:
            continue  # said when it is rendered
        if args.template == "report":
            continue
        output = _output(args.output, True, default_output(Path(name), plan, args.template))
        wanted.setdefault(output.resolve(), []).append((name, plan))
        shown.setdefault(output.resolve(), output)
    apart: dict[str, Path] = {}
    for key, group in wanted.items():
        if len(group) > 1:
            apart.update(_distinct(shown[key], group))
    return apart


def _distinct(output: Path, group: list[tuple[str, model.Plan]]) -> dict[str, Path]:
    def named(tags: list[str]) -> dict[str, Path] | None:
        if len(set(tags)) < len(tags) or not all(tags):
            return None
        stem = output.stem
        return {
            name: output.with_name(f"{safe_name(f'{stem}（{tag}）')}.docx")
            for (name, _), tag in zip(group, tags, strict=True)
        }

    folders = [Path(name).resolve().parent for name, _ in group]
    return (
        named([plan.bureau for _, plan in group])
        or named([folder.name for folder in folders])
        or named(["_".join(folder.parts[-2:]) for folder in folders])
        or named([str(n) for n in range(1, len(group) + 1)])
        or {}
    )


def render_one(path: Path, args: argparse.Namespace, many: bool, output: Path | None = None) -> Any:
    loaded = store.load(path)
    profile = Path(args.profile) if args.profile else None
    extra = {
        "template": args.template,
        "profile": profile,
        "pdf": args.pdf,
        "settings": render_settings(settings_for(path)),
    }
    breakdown = getattr(args, "breakdown", False)
    if isinstance(loaded.model, model.Results) or args.template == "report":
        return _render_report(loaded, args, many, extra)
    if args.template == "progress":
        from planwriter.render.progress import render_progress

        return render_progress(loaded, args, lambda name: _output(args.output, many, name), extra)
    plan = loaded.model
    output = output or _output(args.output, many, default_output(path, plan, args.template))
    return render_plan(plan, output, **extra, breakdown=breakdown)


def _render_report(
    loaded: store.Loaded, args: argparse.Namespace, many: bool, extra: dict[str, Any]
) -> Any:
    """The completion of last year's targets: from a results file, or a plan's baseline."""
    from planwriter.check import baseline_path
    from planwriter.completion import completions, document_report
    from planwriter.tracking.document import report_charts

    if isinstance(loaded.model, model.Results):
        results_path, results = loaded.path, loaded.model
    else:
        results_path = baseline_path(loaded.path, loaded.model)
        if not files.exists(results_path):
            message = say("render_report_needs_results", file=results_path)
            raise InputError([Problem("report", message, Location(str(loaded.path)))])
        results = store.load_results(results_path).model
    last_plan_path = results_path.parent / f"{results.year}{store.PLAN_SUFFIX}"
    last_plan = store.load_plan(last_plan_path).model if last_plan_path.exists() else None
    rows = completions(results, last_plan)
    if not rows:
        message = say("render_report_no_targets", plan=last_plan_path.name)  # render has no --plan
        raise InputError([Problem("report", message, Location(str(results_path)))])
    report = document_report(results, rows)
    report["charts"] = report_charts(rows, last_plan, results.year)
    title = say("report_document_title", bureau=results.bureau, year=results.year)
    plan = model.Plan(bureau=results.bureau, year=results.year, title=title)
    output = _output(args.output, many, results_path.parent / f"{safe_name(title)}.docx")
    return render_plan(plan, output, **{**extra, "template": "report"}, report=report)


def _output(option: str | None, many: bool, default: Path) -> Path:
    if option is None:
        return default
    target = Path(option)
    if many or target.is_dir() or option.endswith(("/", "\\")):
        return target / default.name
    if target.suffix.lower() != ".docx":  # a .docx named .txt opens nowhere
        message = say("render_out_suffix", file=option, suffix=target.suffix or say("no_suffix"))
        raise InputError([Problem("usage", message, Location(option))])
    return target
