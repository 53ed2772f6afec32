"""The plan-aware diff, textconv for git, and the pre-commit hooks."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from paths import ROOT

from planwriter import model, store
from planwriter.diff import diff_plans, text_diff

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


@pytest.fixture(scope="module")
def changzhou() -> model.Plan:
    return store.load_plan(PLAN).model


def task_by_id(plan: model.Plan, task_id: str) -> model.Task:
    return next(t for t in plan.tasks() if t.id == task_id)


def kinds(changes: list) -> list[str]:
    return [c.kind for c in changes]


def test_identical_plans_have_no_changes(changzhou: model.Plan) -> None:
    assert diff_plans(changzhou, copy.deepcopy(changzhou)) == []


def test_target_value_change_with_difference_and_percent(changzhou: model.Plan) -> None:
    new = copy.deepcopy(changzhou)
    next(t for _, t in new.targets() if t.metric == "社区老年助餐点新增数").value = "100"
    (change,) = diff_plans(changzhou, new)
    assert change.kind == "target-value" and change.item == "home-care"
    assert change.message == "9. 目标 社区老年助餐点新增数：83个 → 100个（+17，+20.5%）"
    assert change.detail == {
        "metric": "社区老年助餐点新增数",
        "old": "83个",
        "new": "100个",
        "difference": 17.0,
        "percent": 20.5,
    }


def test_target_decrease_across_scales(changzhou: model.Plan) -> None:
    new = copy.deepcopy(changzhou)
    next(t for _, t in new.targets() if t.metric == "居家养老上门服务人数").value = "14.5万"
    (change,) = diff_plans(changzhou, new)
    assert change.message == "9. 目标 居家养老上门服务人数：15万人 → 14.5万人（−5000，−3.3%）"


def test_move_renumbers_in_one_line(changzhou: model.Plan) -> None:
    new = copy.deepcopy(changzhou)
    task = new.domains[3].tasks.pop(2)  # 14. leaves 四、
    new.domains[4].tasks.append(task)  # for the end of 五、
    changes = diff_plans(changzhou, new)
    assert kinds(changes) == ["task-moved", "renumbered"]
    moved, renumbered = changes
    assert moved.message == (
        "移动任务“夯实儿童福利领域基层基础”：14.（四、提升儿童福利工作水平） → "
        "17.（五、激发基层社会治理效能）"
    )
    assert renumbered.message == "3 项任务因移动或增删而重新编号：15–17. → 14–16."


def test_reorder_within_a_domain_is_one_move(changzhou: model.Plan) -> None:
    new = copy.deepcopy(changzhou)
    tasks = new.domains[1].tasks
    tasks.append(tasks.pop(0))  # 4. becomes the last of 二、
    changes = diff_plans(changzhou, new)
    assert kinds(changes) == ["task-moved", "renumbered"]
    assert changes[0].detail == {"old": "4.", "new": "7."}


def test_added_removed_and_retitled(changzhou: model.Plan) -> None:
    new = copy.deepcopy(changzhou)
    new.domains[9].tasks.append(
        model.Task(id="new-task", title="推进民政领域数据治理", text="文字。")
    )
    new.domains[0].tasks.pop(0)
    new.domains[2].tasks[1].title = "大力发展居家社区养老服务"
    changes = diff_plans(changzhou, new)
    assert "删除任务 1.深学细悟党的创新理论" in [c.message for c in changes]
    assert "新增任务 34.推进民政领域数据治理（十、更好统筹发展和安全）" in [
        c.message for c in changes
    ]
    retitled = next(c for c in changes if c.kind == "task-retitled")
    assert retitled.message == "任务 8. 标题：大力发展居家[-和-]社区养老服务"
    assert kinds(changes).count("renumbered") == 1


def test_items_without_the_same_id_are_matched_by_title(changzhou: model.Plan) -> None:
    new = copy.deepcopy(changzhou)
    task_by_id(new, "home-care").id = "t-renamed"
    assert diff_plans(changzhou, new) == []


def test_text_diff_by_character_with_elision() -> None:
    old = "完善80周岁以上老年人综合服务体系，为15万名老年人提供居家养老上门服务，制定监管举措。"
    new = old.replace("15万", "16万")
    assert text_diff(old, new) == "…合服务体系，为1[-5-]{+6+}万名老年人提供居…"
    assert text_diff("甲乙", "甲乙丙") == "甲乙{+丙+}"


def test_notice_and_preamble_changes(changzhou: model.Plan) -> None:
    new = copy.deepcopy(changzhou)
    assert new.notice is not None
    new.notice.number = "常民发〔2024〕5号"
    new.preamble = new.preamble.replace("75周年", "七十五周年")
    messages = [c.message for c in diff_plans(changzhou, new)]
    assert messages[0] == "印发通知 发文字号：（空） → 常民发〔2024〕5号"
    assert messages[1].startswith("导语：2024年是中华人民共和国成立[-75-]{+七十五+}周年")


def test_op_and_kind_changes(changzhou: model.Plan) -> None:
    new = copy.deepcopy(changzhou)
    target = next(t for _, t in new.targets() if t.metric == "居家养老上门服务人数")
    target.op, target.kind = model.Op.EQUAL, model.Kind.FLOW
    assert kinds(diff_plans(changzhou, new)) == ["target-op", "target-kind"]


# --- the command line -------------------------------------------------------------------------


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "planwriter", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        env=env,
    )


def edited_copy(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "old.plan.yaml"
    shutil.copy(PLAN, old)
    loaded = store.load_plan(old)
    plan = loaded.model
    next(t for _, t in plan.targets() if t.metric == "社区老年助餐点新增数").value = "100"
    new = tmp_path / "new.plan.yaml"
    new.write_text(store.render(plan, loaded.text), encoding="utf-8")
    return old, new


def test_two_files_exit_1_and_formats(tmp_path: Path) -> None:
    old, new = edited_copy(tmp_path)
    done = run("diff", str(old), str(new))
    assert done.returncode == 1
    assert "9. 目标 社区老年助餐点新增数：83个 → 100个（+17，+20.5%）" in done.stdout
    data = json.loads(run("diff", "--format", "json", str(old), str(new)).stdout)
    assert data["format"] == "planwriter-diff" and data["changed"] is True
    (change,) = data["files"][0]["changes"]
    assert set(change) == {"kind", "item", "message", "detail"}
    markdown = run("diff", str(old), str(new), "--format", "markdown").stdout
    assert markdown.startswith("### ") and "- 9. 目标" in markdown
    assert run("diff", str(old), str(old)).returncode == 0


def test_not_a_plan_and_other_bureau(tmp_path: Path) -> None:
    results = ROOT / "plans" / "changzhou" / "2023.results.yaml"
    done = run("diff", str(results), str(PLAN))
    assert done.returncode == 2 and "这不是计划文件" in done.stderr
    other = tmp_path / "other.plan.yaml"
    other.write_text(
        PLAN.read_text(encoding="utf-8").replace("bureau: 常州市民政局", "bureau: 无锡市民政局"),
        encoding="utf-8",
    )
    done = run("diff", str(PLAN), str(other))
    assert done.returncode == 1
    assert "两个计划属于不同单位（常州市民政局 与 无锡市民政局）" in done.stderr
    assert "单位：常州市民政局 → 无锡市民政局" in done.stdout


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=测试", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "plans" / "cz").mkdir(parents=True)
    shutil.copy(PLAN, tmp_path / "plans" / "cz" / PLAN.name)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "2024 plan")
    return tmp_path


def edit_three_ways(path: Path) -> None:
    """Move task 14 to the end of 五、, raise the 助餐点 target, add a task at the end."""
    loaded = store.load_plan(path)
    plan = loaded.model
    plan.domains[4].tasks.append(plan.domains[3].tasks.pop(2))
    next(t for _, t in plan.targets() if t.metric == "社区老年助餐点新增数").value = "100"
    plan.domains[9].tasks.append(
        model.Task(
            id="data-governance", title="推进民政领域数据治理", text="建立数据质量评估制度。"
        )
    )
    store.save(path, plan, loaded.text)


@needs_git
def test_git_working_tree_against_head(repo: Path) -> None:
    edit_three_ways(repo / "plans" / "cz" / PLAN.name)
    done = run("diff", "--format", "json", cwd=repo)
    assert done.returncode == 1, done.stderr
    (file,) = json.loads(done.stdout)["files"]
    assert (file["path"], file["old"], file["new"]) == ("plans/cz/2024.plan.yaml", "HEAD", "工作区")
    assert [c["kind"] for c in file["changes"]] == [
        "target-value",
        "task-moved",
        "task-added",
        "renumbered",
    ]
    messages = [c["message"] for c in file["changes"]]
    assert messages[-1] == "3 项任务因移动或增删而重新编号：15–17. → 14–16."


@needs_git
def test_git_between_two_revisions_with_paths(repo: Path) -> None:
    path = repo / "plans" / "cz" / PLAN.name
    edit_three_ways(path)
    git(repo, "commit", "-qam", "edits")
    done = run("diff", "HEAD~1", "HEAD", "--", "plans/cz/2024.plan.yaml", cwd=repo)
    assert done.returncode == 1 and "移动任务“夯实儿童福利领域基层基础”" in done.stdout
    assert run("diff", "HEAD", "HEAD", cwd=repo).returncode == 0
    bad = run("diff", "no-such-rev", cwd=repo)
    assert bad.returncode == 2 and "git 中没有版本“no-such-rev”" in bad.stderr
    assert "Traceback" not in bad.stderr


@needs_git
def test_textconv_makes_git_diff_read_as_facts(repo: Path) -> None:
    (repo / ".gitattributes").write_text("*.plan.yaml diff=planwriter\n", encoding="utf-8")
    git(repo, "config", "diff.planwriter.textconv", f"{sys.executable} -m planwriter textconv")
    path = repo / "plans" / "cz" / PLAN.name
    loaded = store.load_plan(path)
    next(t for _, t in loaded.model.targets() if t.metric == "社区老年助餐点新增数").value = "100"
    store.save(path, loaded.model, loaded.text)
    changed = [
        line
        for line in git(repo, "diff").splitlines()
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert changed == [
        "-[home-care] 目标 社区老年助餐点新增数 不少于 83个（年内新增）",
        "+[home-care] 目标 社区老年助餐点新增数 不少于 100个（年内新增）",
    ]


def test_textconv_of_results() -> None:
    done = run("textconv", str(ROOT / "plans" / "changzhou" / "2023.results.yaml"))
    assert done.returncode == 0
    assert done.stdout.splitlines()[0].startswith("实绩：常州市民政局 2023年")
    assert (
        "居家养老上门服务人数：15.8万人（总量） 原文：居家养老上门服务覆盖15.8万老年人"
        in done.stdout
    )
    assert not re.search(r"[a-z]{3,}", done.stdout), "English words in textconv"


def test_pre_commit_hooks_are_offered() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert by_id["planwriter-check"]["entry"] == "planwriter check"
    assert by_id["planwriter-fmt"]["entry"] == "planwriter fmt"
    assert all(hook["language"] == "python" for hook in hooks)
    assert "plan" in by_id["planwriter-check"]["files"]
