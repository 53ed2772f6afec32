"""Round-trip saving: byte-identical when untouched, comments stay with their items."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from paths import FIXTURES, ROOT

from planwriter import model, store
from planwriter.problems import InputError

EXAMPLE_FILES = sorted((ROOT / "plans").rglob("*.yaml"))
COMMENTED = FIXTURES / "commented.plan.yaml"


def load_text(path: Path) -> tuple[store.Loaded, str]:
    loaded = store.load_document(path)  # plans, results and progress files alike
    return loaded, loaded.text


@pytest.mark.parametrize("path", [*EXAMPLE_FILES, COMMENTED], ids=lambda p: p.name)
def test_untouched_file_saves_byte_identical(path: Path) -> None:
    loaded, text = load_text(path)
    assert store.render(loaded.model, text) == text


@pytest.mark.parametrize("path", [*EXAMPLE_FILES, COMMENTED], ids=lambda p: p.name)
def test_load_save_load_is_identity_on_the_model(path: Path) -> None:
    loaded, _ = load_text(path)
    again, _ = store.parse_document(store.render(loaded.model, None), str(path))
    assert again == loaded.model


def test_example_files_exist() -> None:
    names = {p.name for p in EXAMPLE_FILES}
    assert {"2024.plan.yaml", "2023.results.yaml"} <= names


def plan_and_text() -> tuple[model.Plan, str]:
    loaded, text = load_text(COMMENTED)
    return loaded.model, text


def comment_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def line_index(text: str, needle: str) -> int:
    lines = text.splitlines()
    return next(i for i, line in enumerate(lines) if needle in line)


def test_changing_one_target_changes_one_line() -> None:
    plan, text = plan_and_text()
    plan.domains[0].tasks[1].targets[0].value = "100"
    new = store.render(plan, text)
    changed = [(a, b) for a, b in zip(text.splitlines(), new.splitlines(), strict=True) if a != b]
    assert changed == [("            value: 83", "            value: 100")]


def test_moving_a_task_moves_its_comments() -> None:
    plan, text = plan_and_text()
    tasks = plan.domains[0].tasks
    tasks.insert(0, tasks.pop(1))  # 任务二 first
    new = store.render(plan, text)
    assert sorted(comment_lines(new)) == sorted(comment_lines(text))
    lead = line_index(new, "# 任务二的注释（前有空行）")
    assert new.splitlines()[lead + 1].strip() == "# 任务二的第二行注释"
    assert new.splitlines()[lead + 2].strip() == "- id: a2"
    assert new.splitlines()[line_index(new, "# 任务一的注释") + 1].strip() == "- id: a1"
    assert new.splitlines()[line_index(new, "# 任务三的注释") + 1].strip() == "- id: a3"
    assert new.splitlines()[line_index(new, "# 领域二的注释") + 1].strip() == "- id: beta"
    reloaded, _ = store.parse(new, "x.plan.yaml")
    assert [t.id for t in reloaded.domains[0].tasks] == ["a2", "a1", "a3"]


def test_moving_the_last_task_keeps_the_next_domains_comment_in_place() -> None:
    plan, text = plan_and_text()
    tasks = plan.domains[0].tasks
    tasks.insert(0, tasks.pop())  # 任务三 (the last one, holding 领域二's comment) first
    new = store.render(plan, text)
    assert sorted(comment_lines(new)) == sorted(comment_lines(text))
    assert new.splitlines()[line_index(new, "# 任务三的注释") + 1].strip() == "- id: a3"
    assert new.splitlines()[line_index(new, "# 领域二的注释") + 1].strip() == "- id: beta"
    assert new.splitlines()[line_index(new, "# 任务一的注释") + 1].strip() == "- id: a1"
    assert "无量化目标。  # 行尾注释" in new


def test_moving_a_task_to_another_domain_keeps_its_comment() -> None:
    plan, text = plan_and_text()
    task = plan.domains[0].tasks.pop(1)
    plan.domains[1].tasks.append(task)
    new = store.render(plan, text)
    assert sorted(comment_lines(new)) == sorted(comment_lines(text))
    lead = line_index(new, "# 任务二的第二行注释")
    assert new.splitlines()[lead + 1] == "      - id: a2"
    assert line_index(new, "- id: a2") > line_index(new, "- id: b2")
    assert new.rstrip().endswith("# 文件末尾的注释")


def test_inserting_a_task_keeps_every_comment_with_its_item() -> None:
    plan, text = plan_and_text()
    plan.domains[0].tasks.insert(1, model.Task(id="new", title="新任务", text="新的文字。"))
    new = store.render(plan, text)
    assert comment_lines(new) == comment_lines(text)
    assert new.splitlines()[line_index(new, "# 任务二的第二行注释") + 1].strip() == "- id: a2"
    assert line_index(new, "- id: a1") < line_index(new, "- id: new") < line_index(new, "- id: a2")


def test_appending_a_task_at_the_end_keeps_the_trailing_comment_last() -> None:
    plan, text = plan_and_text()
    plan.domains[1].tasks.append(model.Task(id="last", title="末尾任务"))
    new = store.render(plan, text)
    assert new.rstrip().endswith("# 文件末尾的注释")
    assert line_index(new, "- id: last") > line_index(new, "- id: b2")


def test_deleting_a_task_takes_its_own_comment_and_keeps_the_others() -> None:
    plan, text = plan_and_text()
    del plan.domains[0].tasks[1]
    new = store.render(plan, text)
    expected = [c for c in comment_lines(text) if "任务二" not in c]
    assert comment_lines(new) == expected
    assert new.splitlines()[line_index(new, "# 任务三的注释") + 1].strip() == "- id: a3"


def test_deleting_the_first_task_hands_the_list_to_the_next_one() -> None:
    plan, text = plan_and_text()
    del plan.domains[0].tasks[0]
    new = store.render(plan, text)
    assert "# 任务一的注释" not in new
    assert new.splitlines()[line_index(new, "# 任务二的第二行注释") + 1].strip() == "- id: a2"
    store.parse(new, "x.plan.yaml")


def test_deleting_the_last_task_keeps_the_next_domains_comment() -> None:
    plan, text = plan_and_text()
    del plan.domains[0].tasks[-1]
    new = store.render(plan, text)
    assert new.splitlines()[line_index(new, "# 领域二的注释") + 1].strip() == "- id: beta"
    assert "# 任务三的注释" not in new


def test_adding_targets_to_the_last_task_keeps_later_comments_after_them() -> None:
    plan, text = plan_and_text()
    plan.domains[0].tasks[2].targets.append(model.Target(metric="新指标", value="5", unit="个"))
    new = store.render(plan, text)
    assert line_index(new, "metric: 新指标") < line_index(new, "# 领域二的注释")
    assert new.splitlines()[line_index(new, "# 领域二的注释") + 1].strip() == "- id: beta"


def test_editing_notice_and_new_keys_go_to_their_canonical_place() -> None:
    plan, text = plan_and_text()
    assert plan.notice is not None
    plan.notice.number = "测民发〔2024〕5号"
    plan.domains[0].tasks[0].lead = "养老服务处"
    new = store.render(plan, text)
    lines = new.splitlines()
    assert lines[line_index(new, "notice:") + 1] == "  number: 测民发〔2024〕5号"
    assert lines[line_index(new, "title: 任务一") + 1] == "        lead: 养老服务处"
    assert comment_lines(new) == comment_lines(text)


def test_clearing_an_optional_field_removes_its_key() -> None:
    plan, text = plan_and_text()
    plan.domains[0].tasks[0].targets.clear()
    new = store.render(plan, text)
    assert "服务人数" not in new
    assert comment_lines(new) == [
        c for c in comment_lines(text) if c != "# 目标的注释" and c != "# 存量"
    ]
    store.parse(new, "x.plan.yaml")


def test_ids_are_written_for_items_that_had_none(tmp_path: Path) -> None:
    path = tmp_path / "x.plan.yaml"
    path.write_text(
        "planwriter: 1\nbureau: 某局\nyear: 2024\ntitle: 要点\ndomains:\n"
        "  - title: 领域\n    tasks:\n      - title: 任务\n",
        encoding="utf-8",
    )
    loaded = store.load_plan(path)
    new = store.render(loaded.model, loaded.text)
    domain_id = loaded.model.domains[0].id
    task_id = loaded.model.domains[0].tasks[0].id
    assert f"  - id: {domain_id}\n    title: 领域" in new
    assert f"      - id: {task_id}\n        title: 任务" in new
    again, _ = store.parse(new, str(path))
    assert again == loaded.model


def test_long_chinese_lines_never_fold() -> None:
    plan, text = plan_and_text()
    plan.domains[0].tasks[0].text = "很长的文字，" * 400
    new = store.render(plan, text)
    assert f"        text: {'很长的文字，' * 400}\n" in new


def test_atomic_write_replaces_the_file_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "p.plan.yaml"
    path.write_text("old\n", encoding="utf-8")
    store.atomic_write(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["p.plan.yaml"]


def test_failed_save_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.plan.yaml"
    shutil.copy(COMMENTED, path)
    before = path.read_bytes()

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    loaded = store.load_plan(path)
    with pytest.raises(InputError) as err:
        store.save(path, loaded.model, loaded.text)
    assert "保存失败，原有文件保持不变：磁盘已满" in str(err.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.plan.yaml"]


def test_save_keeps_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "p.plan.yaml"
    shutil.copy(COMMENTED, path)
    path.chmod(0o640)
    loaded = store.load_plan(path)
    loaded.model.title = "新标题"
    store.save(path, loaded.model, loaded.text)
    assert path.stat().st_mode & 0o777 == 0o640
    assert store.load_plan(path).model.title == "新标题"


INNER = """planwriter: 1
bureau: 局
year: 2024
title: 要点
domains:
  - id: d
    title: 领域
    tasks:
      - id: t1
        title: 任务一
        targets:
          - metric: 甲
            value: 1
        # 备注之前的注释
        note: 内部备注
      - id: t2
        title: 任务二
        targets:
          - metric: 乙
            value: 2
      # 任务三的注释
      - id: t3
        title: 任务三
"""


def test_comment_between_a_list_and_the_next_key_survives_edits() -> None:
    plan, _ = store.parse(INNER, "x.plan.yaml")
    assert isinstance(plan, model.Plan)
    assert store.render(plan, INNER) == INNER
    plan.domains[0].tasks[0].targets.append(model.Target(metric="丙", value="3"))
    new = store.render(plan, INNER)
    lines = new.splitlines()
    assert lines[line_index(new, "# 备注之前的注释") + 1].strip() == "note: 内部备注"
    assert line_index(new, "metric: 丙") < line_index(new, "# 备注之前的注释")


def test_removing_a_list_keeps_the_comment_before_the_next_key() -> None:
    plan, _ = store.parse(INNER, "x.plan.yaml")
    assert isinstance(plan, model.Plan)
    plan.domains[0].tasks[0].targets.clear()
    new = store.render(plan, INNER)
    assert "        title: 任务一\n        # 备注之前的注释\n        note: 内部备注\n" in new


def test_adding_a_key_after_a_list_keeps_the_next_items_comment_below_it() -> None:
    plan, _ = store.parse(INNER, "x.plan.yaml")
    assert isinstance(plan, model.Plan)
    plan.domains[0].tasks[1].note = "新备注"
    new = store.render(plan, INNER)
    expected = "            value: 2\n        note: 新备注\n      # 任务三的注释\n      - id: t3\n"
    assert expected in new
    plan.domains[0].tasks[0].note = ""
    newer = store.render(plan, INNER)
    assert "备注之前的注释" in newer and "内部备注" not in newer
    assert store.parse(newer, "x.plan.yaml")[0] == plan
