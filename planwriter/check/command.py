"""`planwriter check`: load plans and baselines, run the rules, print. A shell, no rules here."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from planwriter import files, store
from planwriter.catalogue import say
from planwriter.check import RULE_CODES, RULES, baseline_path, check_plan, output
from planwriter.check.config import CheckConfig, check_config
from planwriter.files import expand, find_config
from planwriter.linebreak import wrapped
from planwriter.problems import SEVERITY_LABELS, InputError, Problem, Severity
from planwriter.settings import read_settings
from planwriter.terminal import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_PROBLEMS,
    bad_usage,
    report_problems,
    with_progress,
)

if TYPE_CHECKING:
    from rich.console import Console


def run(args: argparse.Namespace) -> int:
    if not args.list_rules and not args.plans:
        bad_usage(say("check_needs_plan"))
    if args.list_rules:
        print_rules(_config_for(Path.cwd(), {}))
        return EXIT_OK
    reports, problems = check_all(expand(args.plans), args.baseline)
    for report in reports:
        report.minimum = Severity(args.min_severity)
        report.verbose = getattr(args, "verbose", False)
    _print(reports, args.format)
    if problems:
        report_problems(problems)
        return EXIT_BAD_INPUT
    has_errors = any(f.severity is Severity.ERROR for r in reports for f in r.findings)
    return EXIT_PROBLEMS if has_errors else EXIT_OK


def check_all(
    names: list[str], baseline_override: str | None
) -> tuple[list[output.PlanReport], list[Problem]]:
    reports: list[output.PlanReport] = []
    problems: list[Problem] = []
    baselines: dict[Path, store.Loaded] = {}
    configs: dict[Path | None, CheckConfig] = {}
    for name in with_progress(names, say("check_progress")):
        try:
            reports.append(check_one(name, baseline_override, baselines, configs))
        except InputError as err:
            problems.extend(err.problems)
    return reports, problems


def check_one(
    name: str,
    baseline_override: str | None,
    baselines: dict[Path, store.Loaded],
    configs: dict[Path | None, CheckConfig],
) -> output.PlanReport:
    loaded = store.load_plan(name)
    config = _config_for(loaded.path, configs)
    path = (
        Path(baseline_override) if baseline_override else baseline_path(loaded.path, loaded.model)
    )
    baseline = None
    if baseline_override or files.exists(path):
        if path not in baselines:
            baselines[path] = store.load_results(path)
        baseline = baselines[path]
    findings = check_plan(
        loaded.model,
        plan_file=name,
        source=loaded.source,
        baseline=baseline.model if baseline else None,
        baseline_file=str(path),
        baseline_source=baseline.source if baseline else None,
        config=config,
    )
    return output.PlanReport(name, loaded.model, str(path) if baseline else None, findings)


def _config_for(path: Path, cache: dict[Path | None, CheckConfig]) -> CheckConfig:
    found = find_config(path)
    if found not in cache:
        cache[found] = check_config(read_settings(found) if found else None)
    return cache[found]


def _print(reports: list[output.PlanReport], form: str) -> None:
    if form == "json":
        print(output.to_json(reports))
        return
    if form == "github":
        text = output.to_github(reports)
        if text:
            print(text)
        return
    console = _console()
    for report in reports:
        output.print_table(report, console)
    if len(reports) > 1:
        output.print_summary(reports, console)


def print_rules(config: CheckConfig) -> None:
    from rich.table import Table

    console = _console()
    heads = [say(key) for key in RULE_COLUMNS]
    rows = []
    for code in RULE_CODES:
        default = RULES[code].severity if code in RULES else Severity.WARNING
        current = config.severity(code, default)
        rows.append(
            [
                output.rule_name(code),
                code,
                SEVERITY_LABELS[default],
                SEVERITY_LABELS[current] if current else say("rule_off"),
                say(f"rule_{code}"),
            ]
        )
    widths = output.fitted_widths(heads, rows, console.width)
    table = Table()
    for head, width in zip(heads, widths, strict=True):
        table.add_column(head, width=width, no_wrap=True)
    for row in rows:
        table.add_row(*row[:-1], wrapped(row[-1], widths[-1]))
    console.print(table)
    console.print(say("rules_setting_hint"))


RULE_COLUMNS = [
    "check_col_rule",
    "rules_col_code",
    "rules_col_default",
    "rules_col_current",
    "rules_col_summary",
]


def _console() -> Console:
    from planwriter.terminal import console  # rich is paid for only when drawing

    return console()
