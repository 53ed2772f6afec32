"""Who leads, who takes part, by when: the task form's fields and the outline's lead column."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from tui_support import (
    PLAN,
    editor,
    git,
    notifications,
    open_editor,
    pilot_test,
    plan_of,
    select,
    settle,
    type_into,
)

from planwriter import edit


def outline_text(pilot, item_id: str) -> str:
    """The outline's line for `item_id` as drawn on screen."""
    outline = editor(pilot).outline
    for y in range(outline.last_line + 1):
        node = outline.get_node_at_line(y)
        if node is not None and node.data is not None and node.data.id == item_id:
            return "".join(
                segment.text for segment in outline.render_line(y - outline.scroll_offset.y)
            )
    raise AssertionError(f"{item_id} is not in the outline")


@pilot_test
async def test_partners_and_due_typed_in_the_form_are_saved_as_two_lines(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        await type_into(pilot, "#partners", "社会救助处、各辖市区民政局")
        await type_into(pilot, "#due", "6月底前")
        await settle(pilot)
        task = edit.find_task(plan_of(pilot), "home-care")
        assert task is not None
        assert (task.partners, task.due) == (["社会救助处", "各辖市区民政局"], "6月底前")
        assert pilot.app.screen.query_one("#due", Input).is_valid
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "已保存：plans/changzhou/2024.plan.yaml" in notifications(pilot)
    diff = git(workspace, "diff", "-U0", "--", str(PLAN))
    changed = [
        line
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == ["+        partners: [社会救助处, 各辖市区民政局]", "+        due: 6月底前"]


@pilot_test
async def test_a_due_that_is_no_date_is_marked_as_typed_and_undo_takes_it_back(
    workspace: Path,
) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        due = await type_into(pilot, "#due", "尽快")
        await settle(pilot)
        assert isinstance(due, Input) and not due.is_valid
        assert edit.find_task(plan_of(pilot), "home-care").due == "尽快"  # type: ignore[union-attr]
        await select(pilot, "party-theory")
        await select(pilot, "home-care")
        shown = pilot.app.screen.query_one("#due", Input)
        assert shown.value == "尽快" and not shown.is_valid  # marked again when shown again
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert edit.find_task(plan_of(pilot), "home-care").due == ""  # type: ignore[union-attr]
        assert shown.value == "" and shown.is_valid


@pilot_test
async def test_the_outline_shows_who_leads_on_ctrl_l(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        await type_into(pilot, "#lead", "养老服务处")
        await settle(pilot)
        await select(pilot, "home-care")
        assert "养老服务处" not in outline_text(pilot, "home-care")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "养老服务处" in outline_text(pilot, "home-care")
        assert "未定" in outline_text(pilot, "party-theory")
        assert "提纲显示牵头处室（Ctrl+L 隐藏）" in notifications(pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "养老服务处" not in outline_text(pilot, "home-care")


@pilot_test
async def test_a_target_keeps_its_own_due_through_the_form(workspace: Path) -> None:
    from tui_support import choose, open_first_target, retype

    from planwriter.tui.dialogs.target_form import TargetForm

    async with open_editor(workspace) as pilot:
        form = await open_first_target(pilot, "home-care")
        await retype(pilot, "#due", "尽快")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TargetForm)  # refused, said in the form
        assert "“尽快”不是可识别的完成时限" in str(form.query_one("#form-problems").render())
        await retype(pilot, "#due", "三季度")
        await pilot.press("ctrl+s")
        await settle(pilot)
        task = edit.find_task(plan_of(pilot), "home-care")
        assert task is not None and task.targets[0].due == "三季度"
        # an edit of the value alone keeps the target's due
        form = await open_first_target(pilot, "home-care")
        assert form.query_one("#due", Input).value == "三季度"
        await retype(pilot, "#value", "16万")
        await pilot.press("ctrl+s")
        await settle(pilot)
        if "choice-keep" in {w.id for w in pilot.app.screen.query("*")}:
            await choose(pilot, "keep")
        task = edit.find_task(plan_of(pilot), "home-care")
        assert task is not None and (task.targets[0].value, task.targets[0].due) == (
            "16万",
            "三季度",
        )
