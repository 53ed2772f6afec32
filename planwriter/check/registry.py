"""The one registry of check rules: code, default severity, and the function."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from planwriter.check.context import Context, Finding
from planwriter.problems import Severity

RuleFunction = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str  # stable: used in output, in planwriter.toml and in the README's rule table
    severity: Severity  # the default; a rule may report some cases lower (see its docstring)
    needs_baseline: bool
    run: RuleFunction


RULES: dict[str, Rule] = {}


def rule(
    code: str, severity: Severity, needs_baseline: bool = False
) -> Callable[[RuleFunction], RuleFunction]:
    def register(function: RuleFunction) -> RuleFunction:
        RULES[code] = Rule(code, severity, needs_baseline, function)
        return function

    return register
