"""Comments placed anywhere in a generated plan survive `fmt` and the editor's save.

Items are written with or without `id:` (a clerk typing by hand writes none): the ids the
reader generates must not make the writer rebuild an item and drop its comments or keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwriter import edit, model, store
from planwriter.session import Document

pytestmark = pytest.mark.slow


@dataclass
class Line:
    indent: int
    text: str


def _target(n: int, with_kind: bool) -> list[Line]:
    lines = [Line(10, f"- metric: 指标{n}"), Line(12, f"value: {n + 3}"), Line(12, "unit: 个")]
    if with_kind:
        lines.append(Line(12, "kind: stock"))
    return lines


@st.composite
def plans(draw: st.DrawFn) -> list[Line]:
    """The lines of a plan: domains, maybe sections, tasks, targets, ids on some items."""
    lines = [Line(0, "planwriter: 1"), Line(0, "bureau: 测试市民政局"), Line(0, "year: 2024")]
    lines += [Line(0, "title: 2024年工作要点"), Line(0, "domains:")]
    counter = 0
    for d in range(draw(st.integers(1, 3))):
        head = f"id: d{d}" if draw(st.booleans()) else f"title: 领域{d}"
        lines.append(Line(2, f"- {head}"))
        if head.startswith("id"):
            lines.append(Line(4, f"title: 领域{d}"))
        lines.append(Line(4, "tasks:"))
        for t in range(draw(st.integers(1, 3))):
            counter += 1
            with_id = draw(st.booleans())
            lines.append(Line(6, f"- id: t{counter}" if with_id else f"- title: 任务{counter}"))
            if with_id:
                lines.append(Line(8, f"title: 任务{counter}"))
            lines.append(Line(8, f"text: 第{counter}项任务的正文{t}。"))
            targets = draw(st.integers(0, 2))
            if targets:
                lines.append(Line(8, "targets:"))
                for n in range(targets):
                    shifted = [Line(x.indent, x.text) for x in _target(counter * 10 + n, n == 0)]
                    lines += shifted
    return lines


@st.composite
def commented(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A plan's text with comments above lines and at line ends; the comments' words."""
    lines = draw(plans())
    out: list[str] = []
    words: list[str] = []
    for index, line in enumerate(lines):
        if index and draw(st.integers(0, 3)) == 0:
            word = f"批注{len(words)}号"
            words.append(word)
            if draw(st.booleans()):
                out.append("")
            out.append(" " * draw(st.sampled_from([0, 3, line.indent])) + f"# {word}")
        text = " " * line.indent + line.text
        if draw(st.integers(0, 4)) == 0:
            word = f"行尾{len(words)}号"
            words.append(word)
            text += f"  # {word}"
        out.append(text)
    if draw(st.booleans()):
        words.append(f"结尾{len(words)}号")
        out.append(f"# {words[-1]}")
    return "\n".join(out) + "\n", words


def _assert_kept(before: str, after: str, words: list[str]) -> None:
    for word in words:
        assert after.count(word) == 1, f"{word} lost:\n{before}\n----\n{after}"
    assert after.count("kind: stock") == before.count("kind: stock")
    old, _ = store.parse(before, "before", is_results=False)
    new, _ = store.parse(after, "after", is_results=False)
    assert new == old


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commented())
def test_comments_survive_fmt(case: tuple[str, list[str]]) -> None:
    text, words = case
    plan, _ = store.parse(text, "x.plan.yaml", is_results=False)
    after = store.render(plan, text, normalise_quotes=True)
    _assert_kept(text, after, words)
    assert store.render(plan, after, normalise_quotes=True) == after  # fmt is idempotent


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(commented(), st.booleans())
def test_comments_survive_the_editors_save(
    tmp_path: Path, case: tuple[str, list[str]], retitle: bool
) -> None:
    text, words = case
    path = tmp_path / "2024.plan.yaml"
    path.write_text(text, encoding="utf-8")
    document = Document.open(path, cwd=tmp_path)
    plan = document.plan
    task = next(plan.tasks())
    if retitle:  # an edit elsewhere must not disturb the other items' comments
        plan = edit.update_task(plan, task.id, text="改过的正文。")
    written = document.save(plan)
    assert path.read_text(encoding="utf-8") == written
    for word in words:
        assert written.count(word) == 1, f"{word} lost:\n{text}\n----\n{written}"
    assert written.count("kind: stock") == text.count("kind: stock")
    again, _ = store.parse(written, "after", is_results=False)
    assert isinstance(again, model.Plan)
    assert again == plan
