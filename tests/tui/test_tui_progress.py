"""Progress in the editor: a bar per target in the task form, and Ctrl+G's view of the whole
plan by domain, from the example 2024.progress.yaml (as of 2024-06-30)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static
from tui_support import (
    PLAN,
    editor,
    notifications,
    on_top,
    open_editor,
    open_first_target,
    pilot_test,
    retype,
    select,
    settle,
)

from planwriter import store
from planwriter.tui.dialogs.progress_form import ProgressForm
from planwriter.tui.editor import EditorScreen
from planwriter.tui.progress_screen import ProgressScreen
from planwriter.widgets.target_table import TargetTable


def progress_cells(pilot) -> list[str]:
    table = editor(pilot).query_one(TargetTable)
    return [str(table.get_row_at(row)[-1]) for row in range(table.row_count)]


@pilot_test
async def test_the_task_form_shows_each_targets_progress(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        table = editor(pilot).query_one(TargetTable)
        assert [str(c.label) for c in table.columns.values()][-1] == "进度"
        assert progress_cells(pilot) == [
            " 101.3% \n已完成",
            "  45%   \n滞后",
            "  55%   \n进度正常",
            " 55.4%  \n进度正常",
        ]
        await select(pilot, "care-quality")  # 11.: one rate lagging in points, one unreported
        assert progress_cells(pilot) == [" 32.7%  \n滞后", "   —    \n未报送"]


@pilot_test
async def test_editing_a_target_updates_its_bar(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        form = await open_first_target(pilot, "home-care")
        # 20万 lies above last year's 15.8万: the way now starts there, and 15.2万 is below it
        await retype(pilot, "#value", "20万")
        await pilot.press("enter")
        await settle(pilot)
        if not isinstance(pilot.app.screen, EditorScreen):  # the offer to change the text
            await pilot.press("escape")
            await settle(pilot)
        assert pilot.app.screen is not form
        assert progress_cells(pilot)[0] == " -14.3% \n滞后"


@pilot_test
async def test_ctrl_g_shows_the_plans_progress_by_domain(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)  # the table is filled when the screen mounts
        screen = on_top(pilot, ProgressScreen)
        title = str(screen.query_one("#progress-title", Static).render())
        assert title.startswith("截至2024年6月30日的进展：共 21 项目标，")
        assert "已完成3项、进度正常10项、滞后6项、未报送2项" in title
        table = screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        headings = [row[1] for row in rows if not row[0]]
        assert headings == [
            "三、推动老龄事业和养老服务高质量发展",
            "四、提升儿童福利工作水平",
            "五、激发基层社会治理效能",
            "六、加大社会组织培育力度",
            "八、强化专项社会事务管理能力",
        ]
        lagging = next(row for row in rows if row[1] == "养老机构等级评定通过率")
        assert lagging[:4] == ["11.", "养老机构等级评定通过率", "90%", "86.5%"]
        assert lagging[4].endswith("32.7%\n滞后") and "|" in lagging[4]
        assert sum(row[4].endswith("未报送") for row in rows) == 2
        await pilot.press("escape")
        on_top(pilot, EditorScreen)


@pilot_test
async def test_without_a_progress_file_ctrl_g_says_why(workspace: Path) -> None:
    (workspace / PLAN).with_name("2024.progress.yaml").unlink()
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        table = editor(pilot).query_one(TargetTable)
        assert "进度" not in [str(c.label) for c in table.columns.values()]
        await pilot.press("ctrl+g")
        await pilot.pause()
        on_top(pilot, EditorScreen)
        assert any("没有进度文件" in message for message in notifications(pilot))


@pilot_test
async def test_ctrl_r_records_a_value_as_of_a_date_in_the_progress_file(workspace: Path) -> None:
    path = (workspace / PLAN).with_name("2024.progress.yaml")
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        table = editor(pilot).query_one(TargetTable)
        table.focus()
        table.move_cursor(row=3)  # 社区老年助餐点新增数, 46 of 83 by 30 June
        await pilot.press("ctrl+r")
        form = on_top(pilot, ProgressForm)
        assert "上次记录：截至2024年6月30日，46个" in str(form.query_one("#record-last").render())
        await retype(pilot, "#as-of", "2024年9月30日")
        await retype(pilot, "#value", "约70")
        await retype(pilot, "#note", "三季度新增助餐点70个")
        await pilot.press("enter")
        assert pilot.app.screen is form  # an approximate value is refused; nothing written
        assert "约数" in str(form.query_one("#record-problems").render())
        await retype(pilot, "#value", "70")
        await pilot.press("enter")
        await settle(pilot)
        on_top(pilot, EditorScreen)
        assert any("已记录到" in message for message in notifications(pilot))
        # 70 of 83 as of 30 September: 84.3% with 74.9% of the year gone
        assert progress_cells(pilot)[3] == " 84.3%  \n进度正常"
        assert not editor(pilot).document.dirty  # the plan itself is untouched
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 示例文件")  # comments kept
    assert text.endswith(
        "  - as_of: 2024-09-30\n"
        "    entries:\n"
        "      - task: home-care\n"
        "        metric: 社区老年助餐点新增数\n"
        "        value: 70\n"
        "        unit: 个\n"
        "        note: 三季度新增助餐点70个\n"
    )
    progress = store.load_progress(path).model
    assert [r.as_of.isoformat() for r in progress.reports][-1] == "2024-09-30"


@pilot_test
async def test_recording_again_on_the_same_date_replaces_the_entry(workspace: Path) -> None:
    path = (workspace / PLAN).with_name("2024.progress.yaml")
    before = store.load_progress(path).model
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        editor(pilot).query_one(TargetTable).focus()
        await pilot.press("ctrl+r")
        form = on_top(pilot, ProgressForm)
        await retype(pilot, "#as-of", "2024-06-30")
        await retype(pilot, "#value", "15.3万")
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is not form
    after = store.load_progress(path).model
    assert len(after.reports) == len(before.reports)
    june = after.reports[-1]
    assert len(june.entries) == len(before.reports[-1].entries)
    before_index = next(
        i for i, e in enumerate(before.reports[-1].entries) if e.metric == "居家养老上门服务人数"
    )
    entry = june.entries[before_index]  # in its old place
    assert entry.value is not None
    assert (entry.metric, entry.value.literal, entry.note) == ("居家养老上门服务人数", "15.3万", "")
