"""planwriter.toml: the bureau's settings, in the plans' folder or a folder above it.

    [bureau]                        # what a new plan starts with (`planwriter new`, the editor)
    name = "常州市民政局"
    recipients = "各辖市、区民政局，……"   # 主送机关 of the 印发通知
    signer = "常州市民政局"          # 发文机关署名 (default: name)
    remark = "此件公开发布"          # 附注
    cc = "市委办公室，市政府办公室"    # 抄送, in the 版记
    printer = "常州市民政局办公室"    # 印发机关, in the 版记
    [check]                         # thresholds and rule switches: planwriter/check/config.py
    [render]
    template = "plain"              # notice (default: when the plan has a notice) | plain
    profile = "style/ours.toml"     # merged over the built-in GB/T 9704 profile
    template_dir = "style/templates"

Every table is checked strictly: a misspelt table or key is an error at its line with the
closest right name, never a setting silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planwriter.catalogue import say
from planwriter.files import find_config
from planwriter.problems import InputError
from planwriter.tomlfile import TomlFile, located_error, read_toml, unknown_key

TABLES = ("bureau", "check", "render")
BUREAU_KEYS = ("name", "recipients", "signer", "remark", "cc", "printer")
RENDER_KEYS = ("template", "profile", "template_dir")
DEFAULT_TEMPLATES = ("notice", "plain")
CODE = "config"


@dataclass(frozen=True)
class BureauDefaults:
    name: str = ""
    recipients: str = ""
    signer: str = ""
    remark: str = ""
    cc: str = ""
    printer: str = ""


@dataclass(frozen=True)
class RenderSettings:
    template: str | None = None
    profile: Path | None = None
    template_dir: Path | None = None

    @property
    def profile_overrides(self) -> list[Path]:
        return [self.profile] if self.profile else []


def read_settings(path: Path) -> TomlFile:
    """planwriter.toml, parsed and checked: whichever command reads it reports any mistake in
    it ([check]'s keys are checked by check/config.py, which knows the rules)."""
    toml = read_toml(path, CODE)
    for name, value in toml.data.items():
        if name not in TABLES:
            raise unknown_key(toml, CODE, name, TABLES, "config_unknown_table")
        if not isinstance(value, dict):
            raise bad_value(toml, name, say("config_expect_table"), value)
    bureau_defaults(toml)
    render_settings(toml)
    return toml


def settings_for(start: Path) -> TomlFile | None:
    """The settings that apply to a plan (or a folder of plans), if there are any."""
    found = find_config(start)
    return read_settings(found) if found else None


def bureau_defaults(toml: TomlFile | None) -> BureauDefaults:
    if toml is None:
        return BureauDefaults()
    table = _table(toml, "bureau", BUREAU_KEYS)
    return BureauDefaults(
        **{key: _text(toml, f"bureau.{key}", value) for key, value in table.items()}
    )


def render_settings(toml: TomlFile | None) -> RenderSettings:
    """[render], with paths relative to planwriter.toml's folder."""
    if toml is None:
        return RenderSettings()
    table = _table(toml, "render", RENDER_KEYS)
    texts = {key: _text(toml, f"render.{key}", value) for key, value in table.items()}
    template = texts.get("template")
    if template is not None and template not in DEFAULT_TEMPLATES:
        raise bad_value(toml, "render.template", say("config_expect_template"), template)
    folder = toml.path.parent

    def path(key: str) -> Path | None:
        return (folder / texts[key]).resolve() if key in texts else None

    return RenderSettings(template, path("profile"), path("template_dir"))


def _table(toml: TomlFile, name: str, keys: tuple[str, ...]) -> dict[str, object]:
    table = toml.data.get(name, {})
    for key in table:
        if key not in keys:
            raise unknown_key(toml, CODE, f"{name}.{key}", keys)
    return table


def _text(toml: TomlFile, dotted: str, value: object) -> str:
    if not isinstance(value, str):
        raise bad_value(toml, dotted, say("config_expect_text"), value)
    return value.strip()


def bad_value(toml: TomlFile, dotted: str, expected: str, value: object) -> InputError:
    """设置“…”应为…，这里是“…”, at the setting's line."""
    return located_error(
        toml, CODE, dotted, say("config_bad_value", key=dotted, expected=expected, value=value)
    )
