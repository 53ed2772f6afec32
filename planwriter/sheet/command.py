"""`planwriter export PLAN -o tasks.xlsx` and `planwriter import progress tasks.xlsx`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from planwriter import model, progress, store
from planwriter.catalogue import say
from planwriter.problems import InputError, Location, Problem
from planwriter.terminal import EXIT_BAD_INPUT, EXIT_OK, bad_usage, report_problems

SHEET_SUFFIX = ".xlsx"


# --- export -----------------------------------------------------------------------------------


def run_export(args: argparse.Namespace) -> int:
    loaded = store.load_plan(args.plan)
    plan = loaded.model
    output = Path(args.output) if args.output else default_sheet(loaded.path, plan)
    if output.suffix.lower() != SHEET_SUFFIX:
        bad_usage(say("sheet_export_not_xlsx", file=output))
    if output.exists() and not args.force:
        bad_usage(say("sheet_export_exists", file=output))
    store.atomic_write(output, export_bytes(loaded.path, plan))
    print(say("sheet_export_done", file=output, tasks=sum(1 for _ in plan.tasks())))
    return EXIT_OK


def default_sheet(plan_path: Path, plan: model.Plan) -> Path:
    from planwriter.render import safe_name

    return plan_path.parent / f"{safe_name(say('breakdown_file', title=plan.title))}.xlsx"


def export_bytes(plan_path: Path, plan: model.Plan) -> bytes:
    """The sheet for `plan`, last year's figures beside its targets when the baseline is there."""
    from planwriter.sheet import rows
    from planwriter.sheet.xlsx import workbook_bytes

    baseline_file = plan_path.parent / plan.baseline_name()
    baseline = store.load_results(baseline_file).model if baseline_file.is_file() else None
    about = {
        "planwriter": model.SCHEMA_VERSION,
        "plan": str(plan_path),
        "bureau": plan.bureau,
        "year": plan.year,
    }
    title = say("breakdown_file", title=plan.title)
    return workbook_bytes(title, rows(plan, baseline), about)


# --- import progress --------------------------------------------------------------------------


def run_import_progress(args: argparse.Namespace) -> int:
    from planwriter.sheet.reading import read_report
    from planwriter.sheet.xlsx import read_workbook

    sheet_path = Path(args.file)
    sheet = read_workbook(sheet_path)
    plan_file = _plan_file(args, sheet.about, sheet_path)
    plan = store.load_plan(plan_file).model
    as_of = _as_of(args.as_of)
    reading = read_report(plan, sheet, sheet_path, as_of, sheet_path.name)
    for warning in reading.warnings:
        print(warning, file=sys.stderr)
    if reading.errors and not args.skip:
        report_problems(reading.errors)
        print(say("import_progress_fix"), file=sys.stderr)
        return EXIT_BAD_INPUT
    for error in reading.errors:  # --skip: said, and left out
        print(say("import_progress_skipped", problem=error), file=sys.stderr)
    target = progress.progress_path(plan_file)
    written = save_report(target, plan, plan_file, reading.report)
    print(
        say(
            "import_progress_done",
            file=target,
            date=model.chinese_date(as_of),
            entries=len(reading.report.entries),
            values=sum(1 for e in reading.report.entries if e.value is not None),
            reports=len(written.reports),
        ),
        file=sys.stderr,
    )
    return EXIT_OK


def save_report(
    path: Path, plan: model.Plan, plan_file: Path, report: progress.ProgressReport
) -> progress.Progress:
    """The report added to the progress file beside the plan (made when there is none),
    read back before it is written, so a file that could not be read again is never left."""
    if path.exists():
        loaded = store.load_progress(path)
        current, original = loaded.model, loaded.text
    else:
        current, original = progress.Progress(plan.bureau, plan.year, plan_file.name), None
    updated = current.with_report(report)
    text = store.render(updated, original)
    store.parse_document(text, str(path))  # reads back, or raises before anything is written
    store.atomic_write(path, text)
    return updated


def _plan_file(args: argparse.Namespace, about: dict[str, str], sheet: Path) -> Path:
    """--plan; else the plan the sheet was exported from, as named then or beside the sheet."""
    if args.plan:
        return Path(args.plan)
    named = about.get("plan", "")
    for candidate in (Path(named), sheet.parent / Path(named).name) if named else ():
        if candidate.is_file():
            return candidate
    problem = say("import_progress_no_plan", plan=named or say("sheet_no_id"))
    raise InputError([Problem("plan", problem, Location(str(sheet)))])


def _as_of(text: str | None) -> dt.date:
    """--as-of 2024-06-30 or 2024年6月30日; today when not given."""
    if not text:
        return dt.date.today()
    try:
        if match := model.CHINESE_DATE.fullmatch(text.strip()):
            return dt.date(*(int(part) for part in match.groups()))
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    bad_usage(say("bad_date", value=text))
