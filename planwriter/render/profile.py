"""The style profile: templates/gbt9704.toml, deep-merged with a bureau's overrides.

Validated strictly, so a typo in an override names the key and the file instead of
silently changing nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from planwriter.catalogue import say
from planwriter.render.engine import BUILTIN_DIR
from planwriter.tomlfile import (
    Table,
    TomlFile,
    Value,
    Words,
    is_bool,
    is_integer,
    is_number,
    is_text,
    located,
    read_toml,
    validate,
)

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
    "color": str,
    "line_ratio": float,
    "issuer_font": str,
    "whole_row_share": float,
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
# 版头 (GB/T 9704 7.2): where the mark, the 发文字号, the red rule and the title stand
MASTHEAD_KEYS: dict[str, type] = {
    "top_mm": float,
    "mark_line_ratio": float,
    "number_gap_lines": int,
    "rule_gap_pt": float,
    "rule_pt": float,
    "rule_color": str,
    "title_gap_lines": int,
    "issuer_side_chars": float,
}
WORDS = Words(CODE, "profile_unknown_key", "profile_bad_value", "config_expect_table")
LARGEST = 1000  # no size, margin or count of a page comes near (a page is 297 mm)
_SCALE = (lambda v: abs(v) <= LARGEST, "profile_expect_scale")
_KINDS = {
    float: Value(((is_number, "profile_expect_number"), _SCALE)),
    int: Value(((is_integer, "profile_expect_number"), _SCALE)),
    bool: Value(((is_bool, "profile_expect_bool"),)),
    str: Value(((is_text, "profile_expect_text"),)),
}
# Sizes and counts a page is divided by must be above 0; margins and rules not below 0
# (negative sizes reached the XML, 0 characters a line divided by zero).
POSITIVE = {"size_pt", "width_mm", "height_mm", "line_pitch_pt", "lines_per_page"}
POSITIVE |= {"chars_per_line", "title_chars_per_line", "line_ratio", "mark_line_ratio"}
POSITIVE |= {"whole_row_share"}


def _kind(key: str, kind: type) -> Value:
    checks = _KINDS[kind].checks
    if key in POSITIVE:
        return Value((*checks, (lambda v: v > 0, "profile_expect_positive")))
    if key.endswith(("_mm", "_rule_pt", "_lines")) or key == "rule_pt":
        return Value((*checks, (lambda v: v >= 0, "profile_expect_not_negative")))
    return _KINDS[kind]


PROFILE = Table(
    {
        "page": Table({key: _kind(key, kind) for key, kind in PAGE_KEYS.items()}),
        "fonts": Table(each=Table({"name": _KINDS[str], "fallback": _KINDS[str]})),
        "masthead": Table({key: _kind(key, kind) for key, kind in MASTHEAD_KEYS.items()}),
        "styles": Table(
            each=Table(
                {
                    **{key: _kind(key, kind) for key, kind in STYLE_KEYS.items()},
                    "align": Value(
                        (
                            (is_text, "profile_expect_text"),
                            (lambda v: v in ALIGNMENTS, "profile_expect_align"),
                        )
                    ),
                    # a table's columns (the 任务分解表): width ratios and alignments
                    "column_weights": Value(
                        (
                            (lambda v: isinstance(v, list), "profile_expect_list"),
                            (
                                lambda v: all(is_number(x) and x > 0 for x in v),
                                "profile_expect_weights",
                            ),
                        )
                    ),
                    "column_align": Value(
                        (
                            (lambda v: isinstance(v, list), "profile_expect_list"),
                            (lambda v: all(x in ALIGNMENTS for x in v), "profile_expect_aligns"),
                        )
                    ),
                }
            )
        ),
    }
)


class Font(NamedTuple):
    name: str
    fallback: str


class Profile(NamedTuple):
    page: dict[str, Any]
    fonts: dict[str, Font]
    styles: dict[str, dict[str, Any]]
    source: str
    masthead: dict[str, Any]

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
    validate(data, PROFILE, files, WORDS)
    fonts = {
        role: Font(font["name"], font.get("fallback", font["name"]))
        for role, font in data["fonts"].items()
    }
    for name, style in data["styles"].items():
        for key in ("font", "latin_font", "issuer_font"):
            if key in style and style[key] not in fonts:
                dotted = f"styles.{name}.{key}"
                expected = say("profile_expect_font", roles="、".join(fonts))
                message = say("profile_bad_value", key=dotted, expected=expected, value=style[key])
                raise located(files, CODE, dotted, message)
    return Profile(data["page"], fonts, data["styles"], str(files[-1].path), data["masthead"])
