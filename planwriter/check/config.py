"""Check settings: planwriter.toml's [check] table, with documented defaults.

[check]
jump_factor = 3            # a target above 3x last year's result is flagged
[check.rules]
dropped-metric = false     # switch a rule off
equals-last-year = "warning"   # or change its severity

settings.SETTINGS checks the table when the file is read (by whichever command); this module
only turns the checked table into a CheckConfig.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from planwriter.problems import Severity, parse_severity
from planwriter.tomlfile import TomlFile

DEFAULT_JUMP_FACTOR = 3.0


@dataclass
class CheckConfig:
    jump_factor: float = DEFAULT_JUMP_FACTOR
    # rule code → severity it reports with, or None when switched off
    overrides: dict[str, Severity | None] = field(default_factory=dict)
    path: Path | None = None

    def severity(self, code: str, default: Severity) -> Severity | None:
        return self.overrides.get(code, default)


def check_config(toml: TomlFile | None) -> CheckConfig:
    """The [check] table of planwriter.toml as read by settings.read_settings (so checked)."""
    if toml is None:
        return CheckConfig()
    check = toml.data.get("check", {})
    overrides: dict[str, Severity | None] = {}
    for code, setting in check.get("rules", {}).items():
        if setting is False:
            overrides[code] = None
        elif setting is not True:
            overrides[code] = parse_severity(str(setting))  # 警告 as well as warning
    return CheckConfig(
        jump_factor=float(check.get("jump_factor", DEFAULT_JUMP_FACTOR)),
        overrides=overrides,
        path=toml.path,
    )
