"""Check settings from planwriter.toml, validated strictly, with documented defaults.

[check]
jump_factor = 3            # a target above 3x last year's result is flagged
[check.rules]
dropped-metric = false     # switch a rule off
equals-last-year = "warning"   # or change its severity
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from planwriter.catalogue import say
from planwriter.problems import Severity
from planwriter.settings import CODE, bad_value, read_settings
from planwriter.tomlfile import TomlFile, unknown_key

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
    toml = read_settings(path)
    check = toml.data.get("check", {})
    for key in check:
        if key not in CHECK_KEYS:
            raise unknown_key(toml, CODE, f"check.{key}", CHECK_KEYS)
    return CheckConfig(
        jump_factor=_factor(toml, check),
        path=path,
        overrides=_rules(toml, check.get("rules", {}), rule_codes),
    )


def _factor(toml: TomlFile, check: dict) -> float:
    value = check.get("jump_factor", DEFAULT_JUMP_FACTOR)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 1:
        raise bad_value(toml, "check.jump_factor", say("config_expect_number"), value)
    return float(value)


def _rules(toml: TomlFile, rules: object, codes: list[str]) -> dict[str, Severity | None]:
    if not isinstance(rules, dict):
        raise bad_value(toml, "check.rules", say("config_expect_table"), rules)
    overrides: dict[str, Severity | None] = {}
    for code, setting in rules.items():
        if code not in codes:
            raise unknown_key(
                toml, CODE, f"check.rules.{code}", codes, "config_unknown_rule", shown=code
            )
        if setting is False:
            overrides[code] = None
        elif setting is True:
            continue
        elif setting in {s.value for s in Severity}:
            overrides[code] = Severity(setting)
        else:
            raise bad_value(toml, f"check.rules.{code}", say("config_expect_rule"), setting)
    return overrides
