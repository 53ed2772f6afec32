"""planwriter.toml: the bureau's settings, in the plans' folder or a folder above it.

    [bureau]                        # what a new plan starts with (`planwriter new`, the editor)
    name = "常州市民政局"
    recipients = "各辖市、区民政局，……"   # 主送机关 of the 印发通知
    signer = "常州市民政局"          # 发文机关署名 (default: name)
    remark = "此件公开发布"          # 附注
    cc = "市委办公室，市政府办公室"    # 抄送, in the 版记
    printer = "常州市民政局办公室"    # 印发机关, in the 版记
    [check]                         # thresholds and rule switches (check/config.py reads them)
    jump_factor = 3
    [check.rules]
    dropped-metric = false          # a rule switched off, or its severity changed
    [render]
    template = "plain"              # notice (default: when the plan has a notice) | plain
    profile = "style/ours.toml"     # merged over the built-in GB/T 9704 profile
    template_dir = "style/templates"
    masthead = false                # no 版头 even when a notice has a 发文字号

Every table, [check] included, is checked by SETTINGS whichever command reads the file: a
misspelt table or key is an error at its line with the closest right name, never a setting
silently ignored.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from planwriter.files import find_config
from planwriter.problems import parse_severity
from planwriter.tomlfile import (
    Table,
    TomlFile,
    Value,
    Words,
    is_bool,
    is_number,
    is_text,
    read_toml,
    validate,
)

BUREAU_KEYS = ("name", "recipients", "signer", "remark", "cc", "printer")
RENDER_KEYS = ("template", "profile", "template_dir", "masthead")
DEFAULT_TEMPLATES = ("notice", "plain")
CODE = "config"
WORDS = Words(CODE, "config_unknown_key", "config_bad_value", "config_expect_table")

TEXT = Value(((is_text, "config_expect_text"),))


def _rule_codes() -> list[str]:
    from planwriter.check import RULE_CODES  # the rules are loaded only when [check.rules] is

    return RULE_CODES


def _rule_setting(value: object) -> bool:
    """true, false, or a severity in Chinese or English (警告, warning)."""
    return isinstance(value, bool) or (isinstance(value, str) and bool(parse_severity(value)))


SETTINGS = Table(
    {
        "bureau": Table(dict.fromkeys(BUREAU_KEYS, TEXT)),
        "check": Table(
            {
                "jump_factor": Value(((lambda v: is_number(v) and v > 1, "config_expect_number"),)),
                "rules": Table(
                    each=Value(((_rule_setting, "config_expect_rule"),)),
                    names=_rule_codes,
                    unknown="config_unknown_rule",
                    short=True,
                ),
            }
        ),
        "render": Table(
            {
                "template": Value(
                    (
                        (is_text, "config_expect_text"),
                        (lambda v: v.strip() in DEFAULT_TEMPLATES, "config_expect_template"),
                    )
                ),
                "profile": TEXT,
                "template_dir": TEXT,
                "masthead": Value(((is_bool, "config_expect_bool"),)),
            }
        ),
    },
    unknown="config_unknown_table",
)


class BureauDefaults(NamedTuple):
    name: str = ""
    recipients: str = ""
    signer: str = ""
    remark: str = ""
    cc: str = ""
    printer: str = ""


class RenderSettings(NamedTuple):
    template: str | None = None
    profile: Path | None = None
    template_dir: Path | None = None
    masthead: bool = True  # a notice with a 发文字号 opens with its 版头; false: plans sent without

    @property
    def profile_overrides(self) -> list[Path]:
        return [self.profile] if self.profile else []


def read_settings(path: Path) -> TomlFile:
    """planwriter.toml, parsed and checked whole: whichever command reads it reports any
    mistake in any of its tables."""
    toml = read_toml(path, CODE)
    validate(toml.data, SETTINGS, [toml], WORDS)
    return toml


def settings_for(start: Path) -> TomlFile | None:
    """The settings that apply to a plan (or a folder of plans), if there are any."""
    found = find_config(start)
    return read_settings(found) if found else None


def bureau_defaults(toml: TomlFile | None) -> BureauDefaults:
    table = toml.data.get("bureau", {}) if toml else {}
    return BureauDefaults(**{key: value.strip() for key, value in table.items()})


def render_settings(toml: TomlFile | None) -> RenderSettings:
    """[render], with paths relative to planwriter.toml's folder."""
    if toml is None:
        return RenderSettings()
    render = dict(toml.data.get("render", {}))
    masthead = render.pop("masthead", True)  # checked a boolean by SETTINGS
    texts = {key: value.strip() for key, value in render.items()}
    folder = toml.path.parent

    def path(key: str) -> Path | None:
        return (folder / texts[key]).resolve() if key in texts else None

    return RenderSettings(
        texts.get("template"), path("profile"), path("template_dir"), bool(masthead)
    )
