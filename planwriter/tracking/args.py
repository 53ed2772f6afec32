"""The arguments of `planwriter progress` and `planwriter results`. cli.py builds them at
every start, so this module imports nothing but the catalogue; the commands' own imports
(the plan, the check's helpers, rich) wait until one of them runs."""

from __future__ import annotations

import argparse

from planwriter.messages import say


def _run_progress(args: argparse.Namespace) -> int:
    from planwriter.tracking.command import run_progress

    return run_progress(args)


def _run_results(args: argparse.Namespace) -> int:
    from planwriter.tracking.command import run_results

    return run_results(args)


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """The two commands' arguments (cli.py calls this while building its parser)."""
    progress = commands.add_parser(
        "progress", help=say("cmd_progress"), description=say("cmd_progress")
    )
    progress.add_argument("plan", metavar="计划", help=say("arg_progress_plan"))
    progress.add_argument("--as-of", metavar="日期", help=say("arg_as_of"))
    progress.add_argument("--progress", metavar="进度", help=say("arg_progress_file"))
    progress.add_argument("--baseline", metavar="实绩", help=say("arg_baseline"))
    progress.add_argument(
        "--format",
        choices=["table", "json", "github"],
        default="table",
        help=say("arg_progress_format"),
    )
    progress.set_defaults(run=_run_progress)

    results = commands.add_parser(
        "results", help=say("cmd_results"), description=say("cmd_results")
    )
    results.add_argument("plan", metavar="计划", help=say("arg_results_plan"))
    results.add_argument("--as-of", metavar="日期", help=say("arg_as_of"))
    results.add_argument("--progress", metavar="进度", help=say("arg_progress_file"))
    results.add_argument("-o", "--output", metavar="输出", help=say("arg_results_output"))
    results.add_argument("--force", action="store_true", help=say("arg_force"))
    results.set_defaults(run=_run_results)
