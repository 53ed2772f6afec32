"""Merging the clerk's unsaved edits with a change on disk, item by item."""

from __future__ import annotations

import copy
import dataclasses

from paths import ROOT

from planwriter import edit, merge, model, store

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"


def base() -> model.Plan:
    return store.load_plan(PLAN).model


def task(plan: model.Plan, task_id: str) -> model.Task:
    found = edit.find_task(plan, task_id)
    assert found is not None
    return found


def ids(plan: model.Plan) -> list[str]:
    return [t.id for t in plan.tasks()]


def test_nothing_changed_on_either_side() -> None:
    plan = base()
    merged = merge.merge(plan, plan, copy.deepcopy(plan))
    assert merged.plan() == plan and not merged.conflicts and not merged.came_in


def test_different_tasks_changed_both_kept_and_what_came_in_is_said() -> None:
    old = base()
    mine = edit.update_task(old, "home-care", lead="养老服务处")
    theirs = edit.rename(old, "family-care", "强化家庭养老支撑（改）")
    merged = merge.merge(old, mine, theirs)
    result = merged.plan()
    assert task(result, "home-care").lead == "养老服务处"
    assert task(result, "family-care").title == "强化家庭养老支撑（改）"
    assert merged.came_in == ["改动了任务“强化家庭养老支撑”"]
    assert not merged.conflicts


def test_the_same_task_changed_apart_is_a_conflict_the_clerk_settles() -> None:
    old = base()
    mine = edit.update_task(old, "home-care", lead="养老服务处")
    theirs = edit.update_task(old, "home-care", lead="社会事务处")
    merged = merge.merge(old, mine, theirs)
    [conflict] = merged.conflicts
    assert conflict.key == "task:home-care"
    assert conflict.label == "任务“大力发展居家和社区养老服务”"
    assert "责任处室：养老服务处" in conflict.mine and "责任处室：社会事务处" in conflict.theirs
    assert "正文" not in conflict.mine  # only what differs, beside the title
    assert task(merged.plan(), "home-care").lead == "养老服务处"
    assert task(merged.plan({conflict.key: "theirs"}), "home-care").lead == "社会事务处"


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    old = base()
    mine = edit.update_task(old, "home-care", lead="养老服务处")
    theirs = edit.update_task(old, "home-care", lead="养老服务处")
    merged = merge.merge(old, mine, theirs)
    assert not merged.conflicts and task(merged.plan(), "home-care").lead == "养老服务处"


def test_tasks_added_on_each_side_are_both_kept_in_place() -> None:
    old = base()
    mine, mine_id = edit.add_task(old, "我加的任务", near="home-care")
    theirs, their_id = edit.add_task(old, "同事加的任务", near="family-care")
    merged = merge.merge(old, mine, theirs)
    order = ids(merged.plan())
    assert mine_id in order and their_id in order
    assert order.index(their_id) == order.index("family-care") + 1
    assert order.index(mine_id) == order.index("home-care") + 1
    assert merged.came_in == ["新增了任务“同事加的任务”"]


def test_a_task_deleted_on_disk_goes_unless_the_clerk_changed_it() -> None:
    old = base()
    theirs = edit.delete(old, "family-care")
    mine = edit.update_task(old, "home-care", lead="养老服务处")
    merged = merge.merge(old, mine, theirs)
    assert "family-care" not in ids(merged.plan())
    assert merged.came_in == ["删除了任务“强化家庭养老支撑”"]
    edited = edit.update_task(old, "family-care", lead="养老服务处")
    clash = merge.merge(old, edited, theirs)
    [conflict] = clash.conflicts
    assert conflict.theirs == "（已删除）"
    assert "family-care" in ids(clash.plan())
    assert "family-care" not in ids(clash.plan({conflict.key: "theirs"}))


def test_a_task_the_clerk_deleted_comes_back_if_chosen_from_the_file() -> None:
    old = base()
    mine = edit.delete(old, "family-care")
    theirs = edit.update_task(old, "family-care", lead="社会事务处")
    merged = merge.merge(old, mine, theirs)
    [conflict] = merged.conflicts
    assert "family-care" not in ids(merged.plan())
    kept = merged.plan({conflict.key: "theirs"})
    assert ids(kept) == ids(old)
    assert task(kept, "family-care").lead == "社会事务处"


def test_a_move_on_one_side_and_an_edit_on_the_other() -> None:
    old = base()
    mine = edit.move(old, "home-care", -1)
    theirs = edit.update_task(old, "home-care", text="新的正文。")
    merged = merge.merge(old, mine, theirs)
    result = merged.plan()
    assert ids(result) == ids(mine)
    assert task(result, "home-care").text == "新的正文。"


def test_plan_fields_merge_one_by_one() -> None:
    old = base()
    mine = copy.deepcopy(old)
    mine.title = "我的标题"
    theirs = copy.deepcopy(old)
    theirs.preamble = "同事写的导语。"
    merged = merge.merge(old, mine, theirs)
    result = merged.plan()
    assert (result.title, result.preamble) == ("我的标题", "同事写的导语。")
    assert merged.came_in == ["改动了计划的导语"]
    theirs.title = "同事的标题"
    clash = merge.merge(old, mine, theirs)
    [conflict] = clash.conflicts
    assert (conflict.label, conflict.mine, conflict.theirs) == (
        "计划的标题",
        "我的标题",
        "同事的标题",
    )


def test_a_domain_added_on_disk_arrives_with_its_tasks() -> None:
    old = base()
    theirs, domain_id = edit.add_domain(old, "新领域")
    theirs, task_id = edit.add_task(theirs, "新领域的任务", near=domain_id)
    mine = edit.update_task(old, "home-care", lead="养老服务处")
    result = merge.merge(old, mine, theirs).plan()
    assert [d.id for d in result.domains] == [d.id for d in theirs.domains]
    assert task_id in ids(result) and task(result, "home-care").lead == "养老服务处"


def test_one_task_changed_in_different_fields_on_each_side_is_merged() -> None:
    old = base()
    mine = edit.update_task(old, "home-care", lead="养老服务处")
    theirs = edit.rename(old, "home-care", "大力发展居家和社区养老服务（改）")
    merged = merge.merge(old, mine, theirs)
    assert not merged.conflicts
    result = task(merged.plan(), "home-care")
    assert (result.title, result.lead) == ("大力发展居家和社区养老服务（改）", "养老服务处")
    assert merged.came_in == ["改动了任务“大力发展居家和社区养老服务”"]


def test_different_targets_of_one_task_are_both_kept() -> None:
    old = base()
    first, second = task(old, "home-care").targets[:2]
    mine = edit.set_target(old, "home-care", 0, dataclasses.replace(first, value="16万"))
    theirs = edit.set_target(old, "home-care", 1, dataclasses.replace(second, value="99"))
    merged = merge.merge(old, mine, theirs)
    assert not merged.conflicts
    targets = task(merged.plan(), "home-care").targets
    assert [t.value for t in targets[:2]] == ["16万", "99"]
    assert [t.metric for t in targets] == [t.metric for t in task(old, "home-care").targets]


def test_one_target_changed_apart_is_a_conflict() -> None:
    old = base()
    first = task(old, "home-care").targets[0]
    mine = edit.set_target(old, "home-care", 0, dataclasses.replace(first, value="16万"))
    theirs = edit.set_target(old, "home-care", 0, dataclasses.replace(first, value="17万"))
    [conflict] = merge.merge(old, mine, theirs).conflicts
    assert "16万" in conflict.mine and "17万" in conflict.theirs
