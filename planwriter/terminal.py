"""What the command-line shells share: exit codes, how problems are printed, the progress bar.

Exit codes: 0 fine, 1 problems found (check's errors, fmt --check), 2 bad input or usage.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NoReturn

from planwriter.catalogue import say
from planwriter.years import plan_year, year_problem

if TYPE_CHECKING:
    from rich.console import Console

    from planwriter.problems import Problem

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2
EXIT_INTERRUPTED = 130  # the shell's convention for Ctrl-C


def console(**options: Any) -> Console:
    """A rich Console whose broken pipe (`show | head`) is a BrokenPipeError for the CLI to
    end quietly on, not rich's exit 1."""
    from rich.console import Console  # rich is paid for only when it draws

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return _Console(**options)


def report_problems(problems: list[Problem]) -> None:
    """Each problem on stderr (file:line:col：message), then how many there were."""
    for problem in problems:
        print(problem, file=sys.stderr)
    print(say("problem_count", count=len(problems)), file=sys.stderr)


def bad_usage(message: str) -> NoReturn:
    """A usage error: said as argparse says its own, exit 2."""
    print(f"planwriter：{say('error_prefix')}：{message}", file=sys.stderr)
    raise SystemExit(EXIT_BAD_INPUT)


def year_argument(value: str) -> int:
    """--year as typed (2025); exit 2 when it is not a plan year."""
    year = plan_year(value)
    if year is None:
        bad_usage(year_problem(value))
    return year


def with_progress(names: list[str], description: str) -> Iterator[str]:
    """A transient progress bar on stderr when a terminal watches many files; else plain."""
    if len(names) < 2 or not sys.stderr.isatty():
        yield from names
        return
    from rich.progress import track

    yield from track(names, description=description, transient=True, console=console(stderr=True))
