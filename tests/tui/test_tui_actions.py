"""Every action of the editor, driven with Pilot on a copy of the Changzhou plan."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.widgets import Input, OptionList, TextArea
from tui_support import (
    PLAN,
    add_titled,
    choose,
    editor,
    git,
    notifications,
    on_top,
    open_editor,
    open_first_target,
    open_new_target,
    pilot_test,
    plan_of,
    retype,
    select,
    settle,
    tree_lines,
    type_into,
    type_text,
)

from planwriter import edit, model, store
from planwriter.render import libreoffice_available
from planwriter.tui import dialogs
from planwriter.tui.editor import EditorScreen
from planwriter.tui.keys import EDITOR_BINDINGS
from planwriter.tui.preview_screen import PreviewScreen
from planwriter.widgets.findings import FindingList, ProblemsPanel
from planwriter.widgets.status import StatusLine
from planwriter.widgets.target_table import TargetTable


def numbers(pilot) -> dict[str, str]:
    return model.labels(plan_of(pilot))


# --- what the screen shows ------------------------------------------------------------------


@pilot_test
async def test_opens_with_outline_editor_problems_and_status(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await settle(pilot)
        lines = tree_lines(pilot)
        assert lines[0] == "一、始终保持民政事业发展的正确政治方向"
        assert any("9. 大力发展居家和社区养老服务 目标4 错" in line for line in lines)
        assert any("10. 强化家庭养老支撑 目标3 警" in line for line in lines)
        assert sum(1 for line in lines if "、" in line[:6]) == 10
        status = str(pilot.app.screen.query_one(StatusLine).render())
        assert "plans/changzhou/2024.plan.yaml" in status and "已保存" in status
        assert "错误 1 警告 2 提示 52" in status and "10 个领域　34 项任务　21 个目标" in status
        panel = pilot.app.screen.query_one(ProblemsPanel)
        assert panel.border_title == "问题：错误 1　警告 2　提示 52"
        assert panel.findings[0].code == "below-last-year"


@pilot_test
async def test_selecting_a_task_shows_it_with_last_year(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        screen = editor(pilot)
        assert screen.query_one("#editor").border_title == "任务 9."
        assert screen.query_one("#title", Input).value == "大力发展居家和社区养老服务"
        assert "为15万名老年人" in screen.query_one("#text", TextArea).text
        table = screen.query_one(TargetTable)
        first = [str(cell) for cell in table.get_row_at(0)]
        # with the progress column at 120 columns, op and kind give way so the metric keeps
        # its room (they are in the form)
        assert first[:5] == ["居家养老上门服务人数", "15万", "人", "15.8万人", "-8000人\n-5.1%"]
        assert first[5] == " 101.3% \n已完成"  # this year's progress (2024.progress.yaml)


# --- adding -------------------------------------------------------------------------------------


@pilot_test
async def test_add_task_after_the_selected_one(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        await add_titled(pilot, "f2", "推进养老服务标准化")
        task = next(t for t in plan_of(pilot).tasks() if t.title == "推进养老服务标准化")
        assert numbers(pilot)[task.id] == "10." and numbers(pilot)["family-care"] == "11."
        assert "10. 推进养老服务标准化 警" in tree_lines(pilot)  # 警: no text yet
        assert pilot.app.focused.id == "text"  # ready for the task's text
        await type_text(pilot, "开展标准化试点。")
        await settle(pilot)
        assert edit.find_task(plan_of(pilot), task.id).text == "开展标准化试点。"


@pilot_test
async def test_add_task_prompt_refuses_an_empty_title_and_escape_cancels(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        before = plan_of(pilot)
        await pilot.press("f2", "enter")
        assert isinstance(pilot.app.screen, dialogs.TitlePrompt)
        assert "标题不能为空" in notifications(pilot)
        await pilot.press("escape")
        assert plan_of(pilot) is before


@pilot_test
async def test_add_domain_after_the_selected_one(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "elderly-care")
        await add_titled(pilot, "f4", "加强区域养老协作")
        titles = [d.title for d in plan_of(pilot).domains]
        assert titles[3] == "加强区域养老协作" and len(titles) == 11
        assert "四、加强区域养老协作 警" in tree_lines(pilot)  # 警: no tasks yet
        assert editor(pilot).query_one("#editor").border_title == "领域 四、"


@pilot_test
async def test_add_section_takes_the_domain_tasks_in(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "elderly-care")
        await add_titled(pilot, "f3", "居家社区养老")
        domain = plan_of(pilot).domains[2]
        assert domain.tasks == [] and domain.sections[0].title == "居家社区养老"
        assert [t.id for t in domain.sections[0].tasks][:2] == ["elderly-coordination", "home-care"]
        assert numbers(pilot)["home-care"] == "9."  # numbering runs on through the section
        assert "本领域原有的 4 项任务已归入新建的节" in notifications(pilot)
        assert any(line.endswith("（一）居家社区养老") for line in tree_lines(pilot))


# --- deleting -----------------------------------------------------------------------------------


@pilot_test
async def test_delete_asks_first_and_numbers_follow(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        await pilot.press("f8")
        dialog = on_top(pilot, dialogs.ChoiceDialog)
        assert "9.大力发展居家和社区养老服务" in dialog.message and "4 个目标" in dialog.message
        await pilot.press("escape")  # the safe answer: nothing deleted
        assert edit.find_task(plan_of(pilot), "home-care") is not None
        await pilot.press("f8")
        await choose(pilot, "delete")
        assert edit.find_task(plan_of(pilot), "home-care") is None
        assert numbers(pilot)["family-care"] == "9."
        assert editor(pilot).outline.selected_id == "family-care"


@pilot_test
async def test_delete_a_domain_says_how_many_tasks_go_with_it(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "elderly-care")
        await pilot.press("f8")
        assert "其下 4 项任务一并删除" in on_top(pilot, dialogs.ChoiceDialog).message
        await choose(pilot, "delete")
        assert len(plan_of(pilot).domains) == 9
        assert (
            numbers(pilot)["child-welfare-care"] == "8."
            if "child-welfare-care" in numbers(pilot)
            else True
        )


# --- moving ------------------------------------------------------------------------------------


@pilot_test
async def test_move_up_and_down_renumber(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        await pilot.press("ctrl+up")
        await settle(pilot)
        assert numbers(pilot)["home-care"] == "8."
        assert any(
            line.endswith("8. 大力发展居家和社区养老服务 目标4 错") for line in tree_lines(pilot)
        )
        await pilot.press("ctrl+down", "ctrl+down")
        await settle(pilot)
        assert numbers(pilot)["home-care"] == "10."
        assert editor(pilot).outline.selected_id == "home-care"


@pilot_test
async def test_move_at_the_edge_explains(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "party-theory")
        before = plan_of(pilot)
        await pilot.press("ctrl+up")
        assert plan_of(pilot) is before
        assert "已经是全文第一项或最后一项任务，不能再移动" in notifications(pilot)


@pilot_test
async def test_move_to_another_domain(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        await pilot.press("f6")
        picker = on_top(pilot, dialogs.PickDialog)
        options = picker.query_one(OptionList)
        index = next(
            i for i, (value, _) in enumerate(picker.options) if value == "party-leadership"
        )
        options.highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        assert [t.id for t in plan_of(pilot).domains[0].tasks][-1] == "home-care"
        assert numbers(pilot)["home-care"] == "4."


# --- targets ------------------------------------------------------------------------------------


@pilot_test
async def test_edit_target_validates_as_typed_and_offers_the_text(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        form = await open_first_target(pilot, "home-care")
        reading = form.query_one("#reading")
        await retype(pilot, "#value", "十五万多")
        assert "约数" in str(reading.render())
        await pilot.press("enter")
        assert pilot.app.screen is form  # refused: the form stays
        assert "约数" in str(form.query_one("#form-problems").render())
        await retype(pilot, "#value", "16万")
        assert str(reading.render()) == "读作：不少于 16万人（即 160000人）"
        assert "上年实绩：15.8万人　变化：+2000人（+1.3%）" in str(
            form.query_one("#last-year").render()
        )
        await pilot.press("enter")
        question = on_top(pilot, dialogs.ChoiceDialog)
        assert question.message == "正文中写的是“15万”（共 1 处），是否改为“16万”？"
        await pilot.press("enter")  # 替换 has the focus
        await settle(pilot)
        task = edit.find_task(plan_of(pilot), "home-care")
        assert task.targets[0].value == "16万" and "为16万名老年人" in task.text
        cells = [str(c) for c in editor(pilot).query_one(TargetTable).get_row_at(0)]
        assert cells[1] == "16万" and "+2000人\n+1.3%" in cells  # the change column
        assert "居家养老上门服务人数" not in " ".join(
            f.message for f in editor(pilot).findings if f.code == "below-last-year"
        )


@pilot_test
async def test_the_value_words_set_op_and_kind(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        form = await open_new_target(pilot, "home-care")
        await retype(pilot, "#metric", "养老机构护理型床位占比")
        await retype(pilot, "#value", "70%")
        assert form.query_one("#kind").value is model.Kind.RATE
        await retype(pilot, "#value", "3个工作日以内")
        assert form.query_one("#op").value is model.Op.AT_MOST
        assert form.query_one("#kind").value is model.Kind.STOCK
        await retype(pilot, "#value", "不少于50家")
        assert form.query_one("#op").value is model.Op.AT_LEAST
        assert str(form.query_one("#reading").render()) == "读作：不少于 50家（即 50家）"


@pilot_test
async def test_add_target_with_a_chinese_metric(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await open_new_target(pilot, "home-care")
        await retype(pilot, "#metric", "养老顾问人数")
        await retype(pilot, "#value", "300")
        await retype(pilot, "#unit", "人")
        await pilot.press("enter")
        await settle(pilot)
        task = edit.find_task(plan_of(pilot), "home-care")
        assert task.targets[-1] == model.Target("养老顾问人数", "300", "人")
        assert editor(pilot).query_one(TargetTable).row_count == 5
        assert any("9. 大力发展居家和社区养老服务 目标5" in line for line in tree_lines(pilot))


@pilot_test
async def test_delete_target_asks_first(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        table = editor(pilot).query_one(TargetTable)
        table.focus()
        table.move_cursor(row=3)
        await pilot.press("delete")
        assert "社区老年助餐点新增数 83" in on_top(pilot, dialogs.ChoiceDialog).message
        await choose(pilot, "delete")
        metrics = [t.metric for t in edit.find_task(plan_of(pilot), "home-care").targets]
        assert "社区老年助餐点新增数" not in metrics and len(metrics) == 3


@pilot_test
async def test_a_longer_value_widens_its_column(workspace: Path) -> None:
    """update_cell with update_width: a longer Chinese value is not cut to the old width."""
    async with open_editor(workspace) as pilot:
        form = await open_first_target(pilot, "home-care")
        table = editor(pilot).query_one(TargetTable)
        before = table.columns[
            next(k for k in table.columns if k.value == "value")
        ].get_render_width(table)
        await retype(pilot, "#value", "不少于155000.5")
        await pilot.press("enter")
        await pilot.press("escape")  # keep the text as it is
        await settle(pilot)
        column = table.columns[next(k for k in table.columns if k.value == "value")]
        assert column.get_render_width(table) > before
        assert column.get_render_width(table) >= len("155000.5")
        assert str(table.get_row_at(0)[1]) == "155000.5"  # 不少于 is the op, in its column
        assert form is not pilot.app.screen


# --- undo and redo -------------------------------------------------------------------------------


@pilot_test
async def test_undo_and_redo_across_edits(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        start = plan_of(pilot)
        await select(pilot, "home-care")
        await type_into(pilot, "#lead", "养老服务处")
        await settle(pilot)
        after_typing = plan_of(pilot)
        assert edit.find_task(after_typing, "home-care").lead == "养老服务处"
        await select(pilot, "family-care")
        await pilot.press("f8")
        await choose(pilot, "delete")
        await pilot.press("ctrl+up")
        await settle(pilot)
        await pilot.press("ctrl+z")  # the move
        await pilot.press("ctrl+z")  # the delete
        await settle(pilot)
        assert plan_of(pilot) == after_typing
        assert editor(pilot).outline.selected_id == "family-care"
        assert "已撤销：删除 10.强化家庭养老支撑" in notifications(pilot)
        await pilot.press("ctrl+z")  # the typing, in one step
        await settle(pilot)
        assert plan_of(pilot) == start
        assert editor(pilot).query_one("#lead", Input).value == ""
        assert editor(pilot).check_action("undo", ()) is None  # dimmed in the footer
        await pilot.press("ctrl+z")
        assert plan_of(pilot) == start
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert plan_of(pilot) == after_typing
        assert editor(pilot).query_one("#lead", Input).value == "养老服务处"


# --- saving ---------------------------------------------------------------------------------


@pilot_test
async def test_edit_a_target_save_and_git_diff_shows_one_line(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await open_first_target(pilot, "home-care")
        await retype(pilot, "#value", "16万")
        await pilot.press("enter")
        await choose(pilot, "keep")  # the text keeps its wording
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "已保存：plans/changzhou/2024.plan.yaml" in notifications(pilot)
        assert not editor(pilot).document.dirty
    diff = git(workspace, "diff", "-U0", "--", str(PLAN))
    changed = [
        line
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == ["-            value: 15万", "+            value: 16万"]


@pilot_test
async def test_save_keeps_comments(workspace: Path) -> None:
    path = workspace / PLAN
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("      - id: home-care\n", "      # 重点民生实事\n      - id: home-care\n"),
        encoding="utf-8",
    )
    git(workspace, "commit", "-qam", "comment")
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        await pilot.press("ctrl+up", "ctrl+s")
        await settle(pilot)
    saved = path.read_text(encoding="utf-8")
    assert "      # 重点民生实事\n      - id: home-care\n" in saved
    assert saved.index("id: home-care") < saved.index("id: elderly-coordination")


@pilot_test
async def test_save_refuses_what_the_file_could_not_hold(workspace: Path) -> None:
    before = (workspace / PLAN).read_bytes()
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        await retype(pilot, "#title", "")  # the title emptied
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("9. 的标题为空" in n for n in notifications(pilot))
        assert editor(pilot).document.dirty
    assert (workspace / PLAN).read_bytes() == before


@pilot_test
async def test_nothing_to_save(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "没有需要保存的修改" in notifications(pilot)


# --- finding, previewing, exporting, help, problems ---------------------------------------------


@pilot_test
async def test_find_a_task_by_words(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await pilot.press("ctrl+f")
        finder = on_top(pilot, dialogs.FindDialog)
        await type_text(pilot, "助餐 83")
        assert [hit.number for hit in finder.hits] == ["9."]
        assert str(finder.query_one("#find-count").render()).startswith("找到 1 项任务")
        await pilot.press("enter")
        await pilot.pause()
        assert editor(pilot).outline.selected_id == "home-care"


@pilot_test
async def test_preview_reads_like_the_document(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        await pilot.press("f5")
        preview = on_top(pilot, PreviewScreen)
        texts = [str(r) for _, r in preview.drawn]
        assert "常州市民政局关于印发《2024年全市民政工作要点》的通知" in texts[0]
        assert any(t.startswith("　　9.大力发展居家和社区养老服务。完善80周岁") for t in texts)
        assert any(t.endswith("一、始终保持民政事业发展的正确政治方向") for t in texts)
        await pilot.pause()
        assert preview.query_one("DocumentPreview").scroll_y > 0  # opened at task 9
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, EditorScreen)


@pilot_test
async def test_export_writes_the_document_in_a_worker(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await pilot.press("f9")
        await settle(pilot)
        docx = workspace / "plans/changzhou/2024年全市民政工作要点.docx"
        assert docx.is_file() and docx.stat().st_size > 5000
        assert any(
            n.startswith("已导出：plans/changzhou/2024年全市民政工作要点.docx")
            for n in notifications(pilot)
        )
        pdf = docx.with_suffix(".pdf")
        assert pdf.is_file() == libreoffice_available()
        if libreoffice_available() and not official_fonts_installed():
            # the PDF's stand-ins for the official fonts, said once in the export notice
            said = [n for n in notifications(pilot) if "PDF 中已用相近字体代替" in n]
            assert len(said) == 1 and "仿宋_GB2312 → " in said[0]


def official_fonts_installed() -> bool:
    import shutil
    import subprocess

    if shutil.which("fc-list") is None:
        return True  # nothing to ask: the notice is not checked
    listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    return "仿宋_GB2312" in listed


@pilot_test
async def test_export_with_a_broken_setting_says_where_and_writes_nothing(workspace: Path) -> None:
    (workspace / "planwriter.toml").write_text('[render]\ntemplate = "fancy"\n', encoding="utf-8")
    async with open_editor(workspace) as pilot:
        await pilot.press("f9")
        await settle(pilot)
        shown = " ".join(notifications(pilot))
        assert "planwriter.toml:2:1：设置“render.template”应为notice 或 plain" in shown
    assert not list(workspace.rglob("*.docx"))


@pilot_test
async def test_undoing_a_new_task_gives_the_keys_back_to_the_outline(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "party-leadership")  # a domain: F2 adds a task at its end
        await add_titled(pilot, "f2", "新任务")
        await pilot.press("ctrl+z")  # back to the domain: the task's field is hidden
        await settle(pilot)
        screen = editor(pilot)
        assert pilot.app.focused is screen.outline
        await pilot.press("down")
        await pilot.pause()
        assert screen.outline.selected_id != "party-leadership"  # the key moved the selection


@pilot_test
async def test_help_lists_every_key(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await pilot.press("f1")
        help_screen = on_top(pilot, dialogs.HelpScreen)
        options = help_screen.query_one(OptionList)
        console = Console(width=100, file=io.StringIO(), record=True)
        for index in range(options.option_count):
            console.print(options.get_option_at_index(index).prompt)
        shown = console.export_text()
        lines = [" ".join(line.split()) for line in shown.splitlines()]
        for binding in EDITOR_BINDINGS:  # every key with its label and tooltip, as drawn
            assert any(
                line.startswith(
                    f"{pilot.app.get_key_display(binding)} "
                    f"{binding.description} {binding.tooltip[:8]}"
                )
                for line in lines
            ), binding.id
        assert "F1 帮助 列出全部按键及其作用" in lines
        assert any(line.startswith("Enter 修改目标") for line in lines)  # the target table
        assert any(line.startswith("Enter 跳到任务") for line in lines)  # the problems list
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, EditorScreen)


@pilot_test
async def test_command_palette_offers_what_makes_sense(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        screen = editor(pilot)
        titles = [c.title for c in pilot.app.get_system_commands(screen)]
        for binding in EDITOR_BINDINGS:
            if binding.id not in ("undo", "redo"):
                assert binding.description in titles, binding.id
        assert "撤销" not in titles  # nothing to undo yet
        await pilot.press("ctrl+down")
        await settle(pilot)
        assert "撤销" in [c.title for c in pilot.app.get_system_commands(screen)]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "撤销")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert numbers(pilot)["home-care"] == "9."


@pilot_test
async def test_choosing_a_problem_jumps_to_its_task(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await settle(pilot)
        problems = editor(pilot).query_one(FindingList)
        problems.focus()
        problems.cursor = 1  # the warning on 10.
        await pilot.press("enter")
        await pilot.pause()
        assert editor(pilot).outline.selected_id == "family-care"
        assert editor(pilot).query_one("#editor").border_title == "任务 10."


@pilot_test
async def test_the_check_runs_again_after_an_edit(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        await type_into(pilot, "#text", "新增养老床位300张。", first="end")
        await settle(pilot)
        messages = [f.message for f in editor(pilot).findings]
        assert any("300张" in message for message in messages)  # untracked figure


# --- Chinese typed into the fields --------------------------------------------------------------


@pilot_test
async def test_typing_chinese_into_title_and_text(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "family-care")
        await type_into(pilot, "#title", "和能力", first="end")
        text = await type_into(pilot, "#text", "全年", first="home")
        await settle(pilot)
        task = edit.find_task(plan_of(pilot), "family-care")
        assert task.title == "强化家庭养老支撑和能力"
        assert task.text.startswith("全年为1万户")
        assert any(
            line.endswith("10. 强化家庭养老支撑和能力 目标3 警") for line in tree_lines(pilot)
        )
        assert text.cursor_location == (0, 2)  # in characters; the cell width is TextArea's


@pilot_test
async def test_chinese_in_a_target_form_saves_and_reads_back(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await open_new_target(pilot, "home-care")
        await retype(pilot, "#metric", "农村互助养老睦邻点（示范）数")
        await retype(pilot, "#value", "不少于四十个")
        await pilot.press("enter")
        await pilot.press("ctrl+s")
        await settle(pilot)
    plan = store.load_plan(workspace / PLAN).model
    target = edit.find_task(plan, "home-care").targets[-1]
    assert (target.metric, target.value) == ("农村互助养老睦邻点（示范）数", "不少于四十个")


@pilot_test
async def test_ctrl_t_edits_the_selected_target_and_escape_returns_to_the_outline(
    workspace: Path,
) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "family-care")
        table = editor(pilot).query_one(TargetTable)
        table.move_cursor(row=2)
        editor(pilot).query_one("#text", TextArea).focus()
        await pilot.press("ctrl+t")  # from the text: the highlighted target of the table
        form = on_top(pilot, dialogs.TargetForm)
        assert form.query_one("#metric", Input).value == "老年人意外伤害保险承保率"
        await pilot.press("escape")
        assert pilot.app.focused.id == "text"
        await pilot.press("escape")
        assert pilot.app.focused is editor(pilot).outline
        await select(pilot, "party-theory")  # a task without targets
        await pilot.press("ctrl+t")
        assert isinstance(pilot.app.screen, EditorScreen)
