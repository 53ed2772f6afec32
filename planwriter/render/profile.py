"""The style profile: templates/gbt9704.toml, deep-merged with a bureau's overrides.

Validated strictly, so a typo in an override names the key and the file instead of
silently changing nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planwriter.catalogue import close_hint, say
from planwriter.problems import InputError, Location, Problem
from planwriter.render.engine import BUILTIN_DIR
from planwriter.tomlfile import TomlFile, read_toml

BUILTIN_PROFILE = BUILTIN_DIR / "gbt9704.toml"
CODE = "profile"
ALIGNMENTS = ("left", "center", "right", "justify")
# Every key a style may carry, with its type; a style lacking a key takes the body's value,
# or these defaults. latin_font defaults to the style's own font, so curly quotes and digits
# are drawn in the Chinese face: LibreOffice ignores w:hint="eastAsia".
STYLE_KEYS: dict[str, type] = {
    "font": str,
    "latin_font": str,
    "size_pt": float,
    "char_spacing_pt": float,
    "align": str,
    "first_line_chars": float,
    "bold": bool,
    "title_bold": bool,
    "title_chars_per_line": int,
    "signer_right_chars": float,
    "date_shift_chars": float,
    "header_bold": bool,
    "dash": str,
    "indent_chars": float,
    "side_chars": float,
    "outer_rule_pt": float,
    "inner_rule_pt": float,
}
STYLE_DEFAULTS: dict[str, Any] = {
    "char_spacing_pt": 0.0,
    "align": "justify",
    "first_line_chars": 0.0,
    "bold": False,
}
PAGE_KEYS: dict[str, type] = {
    "width_mm": float,
    "height_mm": float,
    "top_mm": float,
    "bottom_mm": float,
    "left_mm": float,
    "right_mm": float,
    "footer_mm": float,
    "line_pitch_pt": float,
    "lines_per_page": int,
    "chars_per_line": int,
}


@dataclass(frozen=True)
class Font:
    name: str
    fallback: str


@dataclass(frozen=True)
class Profile:
    page: dict[str, Any]
    fonts: dict[str, Font]
    styles: dict[str, dict[str, Any]]
    source: str

    def style(self, name: str) -> dict[str, Any]:
        """A style's settings; body's font, size and spacing fill in what it leaves out."""
        body = self.styles["body"]
        base = {
            **STYLE_DEFAULTS,
            "font": body["font"],
            "size_pt": body["size_pt"],
            "char_spacing_pt": body.get("char_spacing_pt", 0.0),
        }
        merged = {**base, **self.styles[name]}
        merged.setdefault("latin_font", merged["font"])  # quotes and digits in the same face
        return merged

    def font(self, role: str) -> Font:
        return self.fonts[role]


def load_profile(*overrides: Path) -> Profile:
    files = [read_toml(path, CODE) for path in (BUILTIN_PROFILE, *overrides)]
    data: dict[str, Any] = {}
    for toml in files:
        _merge(data, toml.data)
    return _validate(data, files)


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value


def _validate(data: dict[str, Any], files: list[TomlFile]) -> Profile:
    _keys(data, {"page": dict, "fonts": dict, "styles": dict}, "", files)
    _keys(data["page"], PAGE_KEYS, "page.", files)
    fonts = {}
    for role, font in data["fonts"].items():
        _keys(font, {"name": str, "fallback": str}, f"fonts.{role}.", files)
        fonts[role] = Font(font["name"], font.get("fallback", font["name"]))
    for name, style in data["styles"].items():
        _keys(style, STYLE_KEYS, f"styles.{name}.", files)
        for key in ("font", "latin_font"):
            if key in style and style[key] not in fonts:
                raise _error(
                    files,
                    f"styles.{name}.{key}",
                    say(
                        "profile_bad_value",
                        key=f"styles.{name}.{key}",
                        expected=say("profile_expect_font", roles="、".join(fonts)),
                        value=style[key],
                    ),
                )
        if style.get("align", "justify") not in ALIGNMENTS:
            raise _error(
                files,
                f"styles.{name}.align",
                say(
                    "profile_bad_value",
                    key=f"styles.{name}.align",
                    expected=say("profile_expect_align"),
                    value=style["align"],
                ),
            )
    return Profile(data["page"], fonts, data["styles"], str(files[-1].path))


def _keys(table: object, allowed: dict[str, type], prefix: str, files: list[TomlFile]) -> None:
    if not isinstance(table, dict):
        name = prefix.rstrip(".") or "profile"
        raise _error(
            files,
            name,
            say("profile_bad_value", key=name, expected=say("config_expect_table"), value=table),
        )
    for key, value in table.items():
        if key not in allowed:
            raise _error(
                files,
                prefix + key,
                say("profile_unknown_key", key=prefix + key, hint=close_hint(key, allowed)),
            )
        if not _fits(value, allowed[key]):
            raise _error(
                files,
                prefix + key,
                say(
                    "profile_bad_value",
                    key=prefix + key,
                    expected=_expected(allowed[key]),
                    value=value,
                ),
            )


def _fits(value: object, kind: type) -> bool:
    if kind is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def _expected(kind: type) -> str:
    if kind is bool:
        return say("profile_expect_bool")
    if kind is str:
        return say("profile_expect_text")
    if kind is dict:
        return say("config_expect_table")
    return say("profile_expect_number")


def _error(files: list[TomlFile], dotted: str, message: str) -> InputError:
    """Placed in the last file that sets `dotted` (a later file overrides an earlier one)."""
    for toml in reversed(files):
        where = toml.where(dotted)
        if where.line:
            return InputError([Problem(CODE, message, where)])
    return InputError([Problem(CODE, message, Location(str(files[-1].path)))])
