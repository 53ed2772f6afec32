"""`planwriter progress` and `planwriter results`: load the plan, its progress file and last
year's results, track, print or write. A shell: the arithmetic is in pace.py and tracking."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from planwriter import model, store
from planwriter.catalogue import say
from planwriter.problems import InputError, Location, Problem
from planwriter.progress import Progress, check_against, progress_path
from planwriter.schema import SourceMap
from planwriter.tracking import Tracked, default_as_of, track, unit_problems

EXIT_OK, EXIT_OVERDUE, EXIT_BAD_INPUT = 0, 1, 2


@dataclass
class Loaded:
    plan_file: str
    plan: model.Plan
    source: SourceMap
    progress_file: Path
    progress: Progress | None
    baseline_file: Path | None
    baseline: model.Results | None


def parse_date(text: str) -> dt.date:
    """2024-06-30 or 2024年6月30日; else bad usage (exit 2) with a Chinese message."""
    from planwriter.tracking.record import read_date

    try:
        return read_date(text)
    except ValueError as err:
        raise InputError([Problem("usage", str(err), Location("--as-of"))]) from None


def load(plan_name: str, progress_name: str | None, baseline_name: str | None) -> Loaded:
    """The plan, its progress (absent: every target 未报送) and its baseline (if any); an
    entry naming no task or target of the plan, or a value in another unit, is bad input."""
    from planwriter.check import baseline_path

    loaded = store.load_plan(plan_name)
    plan = loaded.model
    path = Path(progress_name) if progress_name else progress_path(loaded.path)
    progress = None
    if progress_name or path.exists():
        read = store.load_progress(path)
        problems = check_against(read.model, read.source, plan, Path(plan_name).name)
        problems += unit_problems(plan, read.model, read.source, str(path))
        if problems:
            raise InputError(problems)
        progress = read.model
    base = Path(baseline_name) if baseline_name else baseline_path(loaded.path, plan)
    baseline = None
    if baseline_name or base.exists():
        baseline = store.load_results(base).model
    return Loaded(
        plan_name,
        plan,
        loaded.source,
        path,
        progress,
        base if baseline else None,
        baseline,
    )


def tracked(files: Loaded, as_of: str | None) -> Tracked:
    date = (
        parse_date(as_of) if as_of else default_as_of(files.plan, files.progress, dt.date.today())
    )
    return track(files.plan, files.progress, files.baseline, date)


def run_progress(args: argparse.Namespace) -> int:
    from planwriter.tracking import output

    files = load(args.plan, args.progress, args.baseline)
    if files.progress is None:
        print(say("progress_no_file", file=files.progress_file), file=sys.stderr)
    result = tracked(files, args.as_of)
    if args.format == "json":
        progress = str(files.progress_file) if files.progress else None
        baseline = str(files.baseline_file) if files.baseline_file else None
        print(output.to_json(result, files.plan_file, progress, baseline, files.source))
    elif args.format == "github":
        if text := output.to_github(result, files.plan_file, files.source):
            print(text)
    else:
        from rich.console import Console  # rich is paid for only when drawing

        output.print_table(result, files.plan_file, Console())
    return EXIT_OVERDUE if result.overdue() else EXIT_OK


def year_end_results(result: Tracked, progress_file: Path) -> model.Results:
    """Next year's baseline: a result per target with a reported value (its latest), with the
    report's words as the quote and this year's target as `target`."""
    results = []
    for row in result.rows:
        if row.reported is None:
            continue
        entry = row.reported.entry
        assert entry.value is not None  # a row is reported only with a value
        results.append(
            model.Result(
                metric=row.target.metric,
                value=entry.value.literal,
                unit=entry.unit or ("" if entry.value.unit else row.target.unit),
                kind=row.target.kind,
                quote=entry.note,
                target=row.target.value,
            )
        )
    source = say("results_source", file=progress_file.name, date=model.chinese_date(result.as_of))
    return model.Results(
        bureau=result.plan.bureau, year=result.plan.year, source=source, results=results
    )


def run_results(args: argparse.Namespace) -> int:
    output = Path(args.output) if args.output else None
    if output is not None and output.exists() and not args.force:
        raise InputError(
            [Problem("usage", say("results_exists", file=output), Location(str(output)))]
        )
    files = load(args.plan, args.progress, None)
    result = tracked(files, args.as_of)
    date = model.chinese_date(result.as_of)
    results = year_end_results(result, files.progress_file)
    if not results.results:
        raise InputError(
            [
                Problem(
                    "progress", say("results_none", date=date), Location(str(files.progress_file))
                )
            ]
        )
    text = store.render(results)
    store.parse(text, str(output or "results.yaml"), is_results=True)  # reads back as results
    if output is None:
        sys.stdout.write(text)
    else:
        store.atomic_write(output, text)
        print(say("results_written", file=output, count=len(results.results), date=date))
    if result.as_of < dt.date(result.plan.year, 12, 31):  # a baseline is a year's end
        print(say("results_not_year_end", date=date, year=result.plan.year), file=sys.stderr)
    missing = [row.target.metric for row in result.rows if row.reported is None]
    if missing:
        print(
            say("results_missing", count=len(missing), date=date, metrics="、".join(missing)),
            file=sys.stderr,
        )
    return EXIT_OK
