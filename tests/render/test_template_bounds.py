"""A bureau's template cannot hang the tool, fill its memory or read outside its folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planwriter.problems import InputError
from planwriter.render import bounds
from planwriter.render.engine import render_blocks

COSTLY = {
    "repeat": '{{ p("body", "x" * 10**10) }}',
    "repeat-list": "{{ [1] * 10**9 }}",
    "format-width": '{{ p("body", "%999999999d"|format(1)) }}',
    "percent-width": '{{ "%999999999d" % 1 }}',
    "center": '{{ "x"|center(999999999) }}',
    "indent": '{{ "x\ny"|indent(999999999) }}',
    "power": "{{ 10 ** (10 ** 10) }}",
    "range": "{% for i in range(200000) %}{% endfor %}",
    "recursion": "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "blocks": '{% for i in range(99999) %}{{ p("body", i) }}{{ p("body", i) }}{{ p("body", i) }}{% endfor %}',
    "lipsum": "{{ lipsum(10**6) }}",
}


@pytest.mark.parametrize("body", COSTLY.values(), ids=COSTLY.keys())
def test_costly_templates_are_stopped_with_a_chinese_message(tmp_path: Path, body: str) -> None:
    template = tmp_path / "mine.j2"
    template.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as err:
        render_blocks(template, {})
    message = err.value.problems[0].message
    assert message.startswith(("模板要求的内容过大", "模板递归过深")), message


def test_a_loop_that_calls_nothing_is_stopped_by_the_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bounds, "SECONDS", 0.5)
    monkeypatch.setattr("planwriter.render.engine.deadline", lambda: bounds.deadline(0.5))
    template = tmp_path / "mine.j2"
    template.write_text(
        "{% set r = range(99999) %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}"
    )
    with pytest.raises(InputError) as err:
        render_blocks(template, {})
    assert "模板运行超过" in err.value.problems[0].message


def test_the_deadline_never_fires_after_the_work_is_done() -> None:
    with bounds.deadline(0.05):
        pass
    import time

    time.sleep(0.2)  # a late TemplateTimeout would be raised here


def test_a_symlink_out_of_the_template_folder_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0", encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "leak.j2").symlink_to(secret)
    (folder / "mine.j2").write_text('{% include "leak.j2" %}{{ p("body", "x") }}')
    with pytest.raises(InputError) as err:
        render_blocks(folder / "mine.j2", {})
    assert "找不到模板“leak.j2”" in err.value.problems[0].message


def test_a_fifo_in_the_template_folder_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    os.mkfifo(folder / "pipe.j2")
    (folder / "mine.j2").write_text('{% include "pipe.j2" %}')
    with pytest.raises(InputError):
        render_blocks(folder / "mine.j2", {})


def test_an_ordinary_template_still_renders(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "part.j2").write_text('{{ p("body", "部分" * 3) }}')
    (folder / "mine.j2").write_text(
        '{% include "part.j2" %}{% for i in range(3) %}{{ p("body", "%03d"|format(i)) }}{% endfor %}'
    )
    blocks = render_blocks(folder / "mine.j2", {})
    assert [b.runs[0].text for b in blocks] == ["部分部分部分", "000", "001", "002"]
