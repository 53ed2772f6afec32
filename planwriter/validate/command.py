"""`planwriter validate`: each file read strictly; a one-line summary, or its problems."""

from __future__ import annotations

import argparse

from planwriter import model, store
from planwriter.catalogue import say
from planwriter.problems import InputError
from planwriter.terminal import EXIT_BAD_INPUT, EXIT_OK, report_problems


def run(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in args.files:
        try:
            loaded = store.load(name)
        except InputError as err:
            report_problems(err.problems)
            status = EXIT_BAD_INPUT
            continue
        print(summary_line(name, loaded.model))
    return status


def summary_line(name: str, data: model.Plan | model.Results) -> str:
    if isinstance(data, model.Results):
        return say("validate_ok_results", file=name, year=data.year, count=len(data.results))
    return say(
        "validate_ok_plan",
        file=name,
        domains=len(data.domains),
        tasks=sum(1 for _ in data.tasks()),
        targets=sum(1 for _ in data.targets()),
    )
