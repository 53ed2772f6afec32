"""Check settings from planwriter.toml, validated strictly, with documented defaults.

    [check]
    jump_factor = 3            # a target above 3x last year's result is flagged
    [check.rules]
    dropped-metric = false     # switch a rule off
    equals-last-year = "warning"   # or change its severity
"""

from __future__ import annotations

import difflib
import tomllib  # Python >= 3.11 is required, so tomli is never needed at run time
from dataclasses import dataclass, field
from pathlib import Path

from planwriter.messages import say
from planwriter.problems import InputError, Location, Problem, Severity

DEFAULT_JUMP_FACTOR = 3.0
CHECK_KEYS = ("jump_factor", "rules")


@dataclass
class CheckConfig:
    jump_factor: float = DEFAULT_JUMP_FACTOR
    # rule code → severity it reports with, or None when switched off
    overrides: dict[str, Severity | None] = field(default_factory=dict)
    path: Path | None = None

    def severity(self, code: str, default: Severity) -> Severity | None:
        return self.overrides.get(code, default)


def load_config(path: Path | None, rule_codes: list[str]) -> CheckConfig:
    if path is None:
        return CheckConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as err:
        raise _error(path, say("config_bad_toml", detail=err)) from err
    check = data.get("check", {})
    if not isinstance(check, dict):
        raise _error(path, say("config_bad_value", key="check",
                               expected=say("config_expect_table"), value=check))
    for key in check:
        if key not in CHECK_KEYS:
            raise _error(path, say("config_unknown_key", key=f"check.{key}",
                                   hint=_hint(key, CHECK_KEYS)))
    return CheckConfig(jump_factor=_factor(path, check), path=path,
                       overrides=_rules(path, check.get("rules", {}), rule_codes))


def _factor(path: Path, check: dict) -> float:
    value = check.get("jump_factor", DEFAULT_JUMP_FACTOR)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 1:
        raise _error(path, say("config_bad_value", key="check.jump_factor",
                               expected=say("config_expect_number"), value=value))
    return float(value)


def _rules(path: Path, rules: object, codes: list[str]) -> dict[str, Severity | None]:
    if not isinstance(rules, dict):
        raise _error(path, say("config_bad_value", key="check.rules",
                               expected=say("config_expect_table"), value=rules))
    overrides: dict[str, Severity | None] = {}
    for code, setting in rules.items():
        if code not in codes:
            raise _error(path, say("config_unknown_rule", key=code, hint=_hint(code, codes)))
        if setting is False:
            overrides[code] = None
        elif setting is True:
            continue
        elif setting in {s.value for s in Severity}:
            overrides[code] = Severity(setting)
        else:
            raise _error(path, say("config_bad_value", key=f"check.rules.{code}",
                                   expected=say("config_expect_rule"), value=setting))
    return overrides


def _hint(key: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, list(choices), n=1, cutoff=0.6)
    if close:
        return say("unknown_key_suggest", suggestion=close[0])
    return say("unknown_key_allowed", allowed="、".join(choices))


def _error(path: Path, message: str) -> InputError:
    return InputError([Problem("config", message, Location(str(path)))])
