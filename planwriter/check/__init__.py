"""The baseline check: every rule over a plan and last year's results → findings.

Pure functions: the caller loads files (store) and prints (cli, check.output, the UI).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from planwriter import files, model
from planwriter.catalogue import say
from planwriter.check import baseline_rules, plan_rules  # noqa: F401  (they register rules)
from planwriter.check.config import CheckConfig
from planwriter.check.context import Context, Finding
from planwriter.check.registry import RULES, Rule
from planwriter.problems import SEVERITY_RANK, InputError, Location, Problem, Severity
from planwriter.schema import SourceMap

__all__ = [
    "RULES",
    "RULE_CODES",
    "CheckConfig",
    "Context",
    "Finding",
    "Rule",
    "baseline_path",
    "check_plan",
]

# Every code planwriter.toml's [check] may name: the rules, and the baseline file's own.
RULE_CODES = [*RULES, "baseline"]


def baseline_path(plan_path: Path, plan: model.Plan) -> Path:
    """The plan's `baseline:` field, else <year-1>.results.yaml, both beside the plan.

    A plan is someone else's input (a pull request's, checked by a hook running as root):
    the path it names must stay inside its repository, or its folder outside one."""
    path = plan_path.parent / plan.baseline_name()
    root = files.home_of(plan_path)
    if not files.inside(path, root):
        message = say("baseline_outside", file=plan.baseline_name(), root=root)
        raise InputError([Problem("baseline", message, Location(str(plan_path)))])
    return path


def check_plan(
    plan: model.Plan,
    *,
    plan_file: str = "",
    source: SourceMap | None = None,
    baseline: model.Results | None = None,
    baseline_file: str = "",
    baseline_source: SourceMap | None = None,
    config: CheckConfig | None = None,
) -> list[Finding]:
    """Every enabled rule's findings, at their configured severity, in file order."""
    config = config or CheckConfig()
    ctx = Context(plan, config, plan_file, source, baseline, baseline_file, baseline_source)
    findings = [*_baseline_notes(ctx)]
    for rule in RULES.values():
        if config.severity(rule.code, rule.severity) is None:
            continue
        if rule.needs_baseline and baseline is None:
            continue
        findings.extend(_at_configured_severity(rule, ctx))
    return sorted(
        findings,
        key=lambda f: (
            f.where.file != plan_file,
            f.where.line,
            f.where.column,
            SEVERITY_RANK[f.severity],
            f.code,
        ),
    )


def _at_configured_severity(rule: Rule, ctx: Context) -> list[Finding]:
    override = ctx.config.overrides.get(rule.code)
    found = list(rule.run(ctx))
    if override is None:
        return found
    return [replace(f, severity=override) for f in found]


def _baseline_notes(ctx: Context) -> list[Finding]:
    """The baseline said once: missing, or another bureau's or year's."""
    severity = ctx.config.severity("baseline", Severity.WARNING)
    if severity is None:
        return []
    plan, baseline = ctx.plan, ctx.baseline
    if baseline is None:
        missing = ctx.baseline_file or plan.baseline_name()
        return [
            Finding(
                "baseline",
                say("baseline_missing", file=missing),
                Location(ctx.plan_file),
                Severity.INFO,
            )
        ]
    notes = []
    where = Location(ctx.baseline_file)
    if baseline.bureau != plan.bureau:
        notes.append(
            Finding(
                "baseline",
                say("baseline_other_bureau", other=baseline.bureau, bureau=plan.bureau),
                where,
                severity,
            )
        )
    if baseline.year != plan.year - 1:
        notes.append(
            Finding(
                "baseline",
                say(
                    "baseline_other_year",
                    other=baseline.year,
                    year=plan.year,
                    expected=plan.year - 1,
                ),
                where,
                severity,
            )
        )
    return notes
