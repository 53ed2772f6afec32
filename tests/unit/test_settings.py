"""planwriter.toml and other TOML the user writes: parsed strictly, errors placed and in Chinese."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from paths import ROOT

from planwriter.problems import InputError
from planwriter.settings import (
    BureauDefaults,
    RenderSettings,
    bureau_defaults,
    read_settings,
    render_settings,
    settings_for,
)
from planwriter.tomlfile import key_position, syntax_error

TEXT = """# 本局设置
[bureau]
name = "常州市民政局"
  recipients = "各辖市、区民政局"

[check.rules]
"below-last-year" = "warning"

[ render ]
template = "plain"
profile = "style/ours.toml"
"""


@pytest.mark.parametrize(
    ("dotted", "place"),
    [
        ("bureau", (2, 1)),
        ("bureau.name", (3, 1)),
        ("bureau.recipients", (4, 3)),
        ("check.rules.below-last-year", (7, 1)),
        ("render", (9, 1)),
        ("render.profile", (11, 1)),
        ("render.template_dir", (0, 0)),
        ("check.jump_factor", (0, 0)),
    ],
)
def test_key_position_finds_tables_and_keys(dotted: str, place: tuple[int, int]) -> None:
    assert key_position(TEXT, dotted) == place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a 1\n", ("键后应有“=”", 1, 3)),
        ("[a\n", ("表头应以“]”结束", 1, 3)),
        ('a = "x\n', ("非法字符 '\\n'", 1, 7)),
        ("a = 1\na = 2\n", ("不能重复设置同一个键", 2, 6)),
        ("a = 常州\n", ("无效的值（文字要加引号）", 1, 5)),
        ("a = [1,\n", ("无效的值（文字要加引号）", 2, 1)),  # tomllib: "at end of document"
    ],
)
def test_syntax_errors_in_chinese_with_their_place(text: str, expected: tuple) -> None:
    with pytest.raises(tomllib.TOMLDecodeError) as err:
        tomllib.loads(text)
    assert syntax_error(str(err.value), text) == expected


def test_a_message_not_in_the_catalogue_is_kept_as_it_is() -> None:
    assert syntax_error("Something new (at line 3, column 2)", "") == ("Something new", 3, 2)


def test_settings_read_with_paths_relative_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "planwriter.toml").write_text(TEXT, encoding="utf-8")
    toml = settings_for(tmp_path / "plans")
    assert toml is not None
    assert bureau_defaults(toml) == BureauDefaults(
        name="常州市民政局", recipients="各辖市、区民政局"
    )
    assert render_settings(toml) == RenderSettings(
        template="plain", profile=(tmp_path / "style/ours.toml").resolve()
    )


def test_no_settings_means_defaults() -> None:
    assert bureau_defaults(None) == BureauDefaults()
    assert render_settings(None) == RenderSettings()


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("[bureau]\nnaem = 'x'\n", 2, "未知设置“bureau.naem”，是不是“name”？"),
        ("bureau = 'x'\n", 1, "设置“bureau”应为表（[节]）"),
        ("[rendr]\n", 1, "未知设置节“[rendr]”，是不是“render”？"),
        ("[render]\ntemplate = 'report'\n", 2, "设置“render.template”应为notice 或 plain"),
    ],
)
def test_every_table_is_checked_when_the_file_is_read(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "planwriter.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_settings(path)
    (problem,) = err.value.problems
    assert (problem.where.file, problem.where.line) == (str(path), line)
    assert problem.message.startswith(message)


def test_the_readme_example_is_a_valid_planwriter_toml(tmp_path: Path) -> None:
    from planwriter.check.config import check_config

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Settings: planwriter.toml", 1)[1]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "planwriter.toml"
    path.write_text(example, encoding="utf-8")
    toml = read_settings(path)
    assert bureau_defaults(toml).name == "常州市民政局"
    assert render_settings(toml).template == "plain"
    assert check_config(toml).jump_factor == 3


WRITTEN = """check.jump_factor = 2
render = { template = "plain", "profile" = 'a.toml' }
[bureau]
name.x = 1  # a dotted key under a table
list = [1, { a = 2 }, "x = 3"]
text = \"\"\"
[not] a = header
\"\"\"
"""


@pytest.mark.parametrize(
    ("dotted", "place"),
    [
        ("check", (1, 1)),
        ("check.jump_factor", (1, 1)),
        ("render", (2, 1)),
        ("render.template", (2, 12)),
        ("render.profile", (2, 32)),
        ("bureau", (3, 1)),
        ("bureau.name.x", (4, 1)),
        ("bureau.list", (5, 1)),
        ("bureau.text", (6, 1)),
        ("not", (0, 0)),
        ("bureau.list.a", (0, 0)),
    ],
)
def test_key_position_finds_dotted_keys_and_inline_tables(
    dotted: str, place: tuple[int, int]
) -> None:
    assert key_position(WRITTEN, dotted) == place


@pytest.mark.parametrize(
    ("text", "place", "message"),
    [
        ("check.jump_factr = 3\n", (1, 1), "未知设置“check.jump_factr”，是不是“jump_factor”？"),
        ("check = { jump_factr = 3 }\n", (1, 11), "未知设置“check.jump_factr”"),
        (
            "[check]\nrules = { below-last-yaer = 'warning' }\n",
            (2, 11),
            "未知检查规则“below-last-yaer”，是不是“below-last-year”？",
        ),
        (
            "[check]\nrules.below-last-year = 'loud'\n",
            (2, 1),
            "设置“check.rules.below-last-year”应为",
        ),
        ("render = { template = 'fancy' }\n", (1, 12), "设置“render.template”应为notice 或 plain"),
        ("[bureau]\nname = { full = 'x' }\n", (2, 1), "设置“bureau.name”应为文字"),
    ],
)
def test_dotted_keys_and_inline_tables_are_checked_and_placed(
    tmp_path: Path, text: str, place: tuple[int, int], message: str
) -> None:
    path = tmp_path / "planwriter.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_settings(path)
    (problem,) = err.value.problems
    assert (problem.where.file, problem.where.line, problem.where.column) == (str(path), *place)
    assert problem.message.startswith(message)
