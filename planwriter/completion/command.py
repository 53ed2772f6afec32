"""`planwriter report`: how far last year's targets were met, from the results file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from planwriter import model, store
from planwriter.catalogue import say
from planwriter.completion import Completion, completions, counts, percent_text, to_json
from planwriter.quantity import shown
from planwriter.terminal import EXIT_BAD_INPUT, EXIT_OK

if TYPE_CHECKING:
    from rich.console import Console


def run(args: argparse.Namespace) -> int:
    results = store.load_results(args.results).model
    beside = Path(args.results).parent / f"{results.year}{store.PLAN_SUFFIX}"
    if not args.plan and beside.exists():  # the plan of that year beside it, as render finds it
        args.plan = str(beside)
    last_plan = store.load_plan(args.plan).model if args.plan else None
    if last_plan and last_plan.year != results.year:
        print(
            say("report_plan_year", plan=args.plan, plan_year=last_plan.year, year=results.year),
            file=sys.stderr,
        )
    rows = completions(results, last_plan)
    if not rows:
        print(f"{args.results}：{say('report_no_targets')}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.format == "json":
        print(to_json(results, rows))
        return EXIT_OK
    print_report(results, rows)
    return EXIT_OK


def print_report(results: model.Results, rows: list[Completion]) -> None:
    from rich.table import Table

    table = Table(title=say("report_title", bureau=results.bureau, year=results.year))
    for key in (
        "report_col_metric",
        "report_col_target",
        "report_col_actual",
        "report_col_rate",
        "report_col_status",
    ):
        table.add_column(say(key), overflow="fold")
    status = {
        True: ("report_met", "green"),
        False: ("report_missed", "bold red"),
        None: ("report_incomparable", "yellow"),
    }
    for row in rows:
        word, style = status[row.met]
        table.add_row(
            row.metric,
            shown(row.target),
            shown(row.actual),
            percent_text(row),
            say(word),
            style=style,
        )
    console = _console()
    console.print(table)
    tally = counts(rows)
    console.print(
        say(
            "report_summary",
            count=len(rows),
            met=tally["met"],
            missed=tally["missed"],
            other=tally["incomparable"],
        )
    )


def _console() -> Console:
    from planwriter.terminal import console  # rich is paid for only when drawing

    return console()
