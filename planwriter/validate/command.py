"""`planwriter validate`: each file read strictly; a one-line summary, or its problems."""

from __future__ import annotations

import argparse

from planwriter import model, progress, store
from planwriter.catalogue import say
from planwriter.files import expand
from planwriter.problems import InputError
from planwriter.terminal import EXIT_BAD_INPUT, EXIT_OK, report_problems


def run(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in expand(args.files):
        try:
            loaded = store.load_document(name)
            check_progress(loaded)
        except InputError as err:
            report_problems(err.problems)
            status = EXIT_BAD_INPUT
            continue
        print(summary_line(name, loaded.model))
    return status


def check_progress(loaded: store.Loaded) -> None:
    """A progress file's entries must name the plan's tasks and targets (when the plan is there)."""
    if not isinstance(loaded.model, progress.Progress):
        return
    plan_file = progress.plan_path(loaded.path, loaded.model)
    if plan_file.is_file():
        plan = store.load_plan(plan_file).model
        if problems := progress.check_against(loaded.model, loaded.source, plan, plan_file.name):
            raise InputError(problems)


def summary_line(name: str, data: store.Document) -> str:
    if isinstance(data, progress.Progress):
        entries = sum(len(r.entries) for r in data.reports)
        return say(
            "validate_ok_progress",
            file=name,
            year=data.year,
            reports=len(data.reports),
            entries=entries,
        )
    if isinstance(data, model.Results):
        return say("validate_ok_results", file=name, year=data.year, count=len(data.results))
    return say(
        "validate_ok_plan",
        file=name,
        domains=len(data.domains),
        tasks=sum(1 for _ in data.tasks()),
        targets=sum(1 for _ in data.targets()),
    )
