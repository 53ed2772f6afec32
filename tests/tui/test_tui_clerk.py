"""The editor as a clerk meets it (issue 16): dialogs over the editor, every footer key in
view, cut titles marked, the text's whole pane, targets kept as typed, hints that act, the
form's verdict before OK, keys typed ahead, one name for each key."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea
from textual.widgets._footer import FooterKey
from tui_support import (
    editor,
    on_top,
    open_editor,
    open_first_target,
    open_new_target,
    open_picker,
    pilot_test,
    plan_of,
    retype,
    select,
    settle,
    type_into,
)

from planwriter import catalogue, edit, model
from planwriter.linebreak import NOT_AT_LINE_START
from planwriter.tui import dialogs
from planwriter.tui.help import help_groups
from planwriter.tui.keys import EDITOR_BINDINGS
from planwriter.widgets.findings import FindingList, ProblemsPanel
from planwriter.widgets.keys import key_display
from planwriter.widgets.target_table import TargetTable


@pilot_test
async def test_a_dialog_leaves_the_editor_in_view_dimmed(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        form = await open_first_target(pilot, "home-care")
        background = form.styles.background
        assert 0 < background.a < 1, "the dialog's screen paints the editor out"


@pilot_test
async def test_every_footer_key_is_whole_at_120_columns(workspace: Path) -> None:
    """Wherever the focus is: the outline, the text, the target table, the problems."""
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        for where in ("#outline", "#text", "#targets", "#problem-list"):
            editor(pilot).query_one(where).focus()
            await settle(pilot)
            keys = list(editor(pilot).query(FooterKey).results())
            palette = next(k for k in keys if k.has_class("-command-palette"))
            shown = [k for k in keys if k is not palette]
            assert {k.key_display for k in shown} >= {"F1", "Ctrl+S", "Ctrl+Q", "F9", "F10"}
            for key in shown:
                width = Text(f"{key.key_display} {key.description}").cell_len
                assert key.region.width >= width, (where, key.key_display)
                assert key.region.right <= palette.region.x, f"{where}: {key.key_display} cut"


@pilot_test
async def test_at_80_columns_the_footer_shows_only_whole_keys_and_the_palette_key(
    workspace: Path,
) -> None:
    """Textual let the keys that do not fit run on under the palette's key: its 命 vanished
    (overdrawn by half) and F9 stood cut at the edge."""
    async with open_editor(workspace) as pilot:
        for width in (80, 120, 80):
            await pilot.resize_terminal(width, 24)
            await settle(pilot)
            keys = list(editor(pilot).query(FooterKey).results())
            palette = next(k for k in keys if k.has_class("-command-palette"))
            shown = [k for k in keys if k is not palette and k.display]
            assert [k.key_display for k in shown][:3] == ["F1", "Ctrl+S", "Ctrl+Q"]
            assert all(k.region.right <= palette.region.x for k in shown), width
            assert palette.region.right <= width
            assert ("F9" in {k.key_display for k in shown}) is (width == 120)
            line = "".join(s.text for s in pilot.app.screen._compositor.render_strips()[-1])
            assert "Ctrl+P 命令" in line, line


def test_keys_are_named_one_way_in_the_footer_the_help_and_the_sentences() -> None:
    displays = {key_display(b.key) for b in EDITOR_BINDINGS}
    assert all(not d.startswith("^") for d in displays)
    sentences = "\n".join(catalogue.MESSAGES.values())
    for named in re.findall(r"(?:Ctrl|Shift)\+\w+|\bDel(?:ete)?\b|\bEsc(?:ape)?\b", sentences):
        assert named in {*displays, "Del", "Esc", "Shift+Tab", "Ctrl+P"}, named
    assert "Delete" not in sentences and "^" not in sentences


@pilot_test
async def test_help_says_tab_steps_field_by_field(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        groups = dict(help_groups(pilot.app))
        tab = next(k for keys in groups.values() for k in keys if k.keys == "Tab")
        assert "逐项" in tab.tooltip and "切换区域" not in tab.description


@pilot_test
async def test_a_cut_outline_title_ends_in_an_ellipsis_and_shows_whole_on_hover(
    workspace: Path,
) -> None:
    async with open_editor(workspace) as pilot:
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        outline = editor(pilot).outline
        node = outline._node_of["home-care"]
        label = outline.render_label(node, outline.rich_style, outline.rich_style).plain
        assert "…" in label and label.endswith("目标4 错")
        assert Text(label).cell_len <= outline.scrollable_content_region.width
        line = node.line - int(outline.scroll_offset.y) + 1  # below the top border
        await pilot.hover(outline, offset=(5, line))
        await settle(pilot)
        assert outline.tooltip == "9.大力发展居家和社区养老服务"


async def laid_out(pilot: Pilot, done: Callable[[], bool]) -> None:
    """Wait (a second at most, on a busy machine) for a layout to show what `done` asks."""
    for _ in range(20):
        await settle(pilot)
        if done():
            return
    assert done()


@pilot_test
async def test_ctrl_e_gives_the_text_the_whole_pane_and_back(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        await settle(pilot)
        text = editor(pilot).query_one("#text", TextArea)
        before = -1
        while text.region.height != before:  # the target table sizes itself a frame later
            before = text.region.height
            await settle(pilot, 0.1)
        await pilot.press("ctrl+e")
        await laid_out(pilot, lambda: text.region.height > before + 8)
        assert not editor(pilot).query_one(TargetTable).display
        assert pilot.app.focused is text
        await pilot.press("ctrl+e")
        await laid_out(pilot, lambda: text.region.height == before)
        assert editor(pilot).query_one(TargetTable).display


@pilot_test
async def test_the_metric_column_takes_its_content_when_there_is_room(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        await settle(pilot)
        table = editor(pilot).query_one(TargetTable)
        assert table.region.height >= 5, "the targets are out of view"
        metrics = [t.metric for t in edit.find_task(plan_of(pilot), "home-care").targets]
        column = table.columns[next(k for k in table.columns if k.value == "metric")]
        used = sum(c.get_render_width(table) for c in table.columns.values())
        longest = max(Text(m).cell_len for m in metrics)
        # the whole metric, or as much as the row leaves: never a narrow column beside
        # an empty right half
        assert column.width == longest or used >= table.scrollable_content_region.width - 2
        assert column.width > 20
        for index, _ in enumerate(metrics):  # a wrapped metric breaks by Chinese rules
            lines = str(table.get_row_at(index)[0]).split("\n")
            assert all(line[:1] not in NOT_AT_LINE_START for line in lines[1:])


@pilot_test
async def test_the_text_box_breaks_lines_by_chinese_rules(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        await settle(pilot)
        text = editor(pilot).query_one("#text", TextArea)
        rows = []
        for number, line in enumerate(text.document.lines):
            offsets = [0, *text.wrapped_document.get_offsets(number), len(line)]
            rows += [line[a:b] for a, b in itertools.pairwise(offsets)]
        assert len(rows) > 3
        assert all(row[:1] not in NOT_AT_LINE_START for row in rows[1:]), rows
        assert not any(a[-1:].isdigit() and b[:1].isdigit() for a, b in itertools.pairwise(rows))


@pilot_test
async def test_figure_sync_writes_the_figure_as_typed(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "family-care")
        editor(pilot).query_one(TargetTable).focus()
        await pilot.press("enter")
        on_top(pilot, dialogs.TargetForm)
        await retype(pilot, "#value", "2000")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.click("#choice-replace")
        await settle(pilot)
        text = edit.find_task(plan_of(pilot), "family-care").text
        assert text.startswith("为2000户老年人家庭适老化改造"), text


@pilot_test
async def test_f7_keeps_the_value_and_unit_it_read(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await open_new_target(pilot, "home-care")
        await type_into(pilot, "#metric", "床位数")
        await type_into(pilot, "#value", "不少于12个")
        await pilot.press("ctrl+s")
        await settle(pilot)
        added = edit.find_task(plan_of(pilot), "home-care").targets[-1]
        assert (added.value, added.unit, added.op) == ("12", "个", model.Op.AT_LEAST)


@pilot_test
async def test_enter_on_a_figure_hint_opens_the_target_form_filled_in(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        await type_into(pilot, "#text", "新增养老床位1000张。", first="end")
        await settle(pilot, 0.2)
        panel = editor(pilot).query_one(ProblemsPanel)
        index = next(i for i, f in enumerate(panel.findings) if "“1000张”" in f.message)
        problems = panel.query_one(FindingList)
        problems.focus()
        problems.cursor = index
        await pilot.press("enter")
        await settle(pilot)
        form = on_top(pilot, dialogs.TargetForm)
        assert form.query_one("#value", Input).value == "1000张"
        assert form.query_one("#metric", Input).value.endswith("数")
        assert editor(pilot).outline.selected_id == "home-care"


@pilot_test
async def test_f10_hides_and_shows_the_hints(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await settle(pilot)
        panel = editor(pilot).query_one(ProblemsPanel)
        everything = len(panel.query_one(FindingList).rows)
        await pilot.press("f10")
        await settle(pilot)
        assert len(panel.query_one(FindingList).rows) == 3  # 1 error, 2 warnings
        assert "已隐藏" in str(panel.border_title)
        await pilot.press("f10")
        await settle(pilot)
        assert len(panel.query_one(FindingList).rows) == everything


@pilot_test
async def test_the_target_form_says_below_last_year_in_red_before_ok(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        form = await open_first_target(pilot, "home-care")  # 15万 against 15.8万 last year
        await settle(pilot)
        verdict = form.query_one("#verdict", Static)
        assert verdict.has_class("-error")
        assert "错误：目标低于上年实绩" in str(verdict.render())
        await retype(pilot, "#value", "16万")
        await settle(pilot)
        assert not verdict.has_class("-error") and not str(verdict.render()).strip()


@pilot_test
async def test_keys_typed_ahead_land_in_the_fields_they_were_typed_for(workspace: Path) -> None:
    """F7, the metric, Tab, the value, Tab, the unit: all sent before a single frame."""
    async with open_editor(workspace) as pilot:
        await select(pilot, "home-care")
        driver = pilot.app._driver
        assert driver is not None

        def send(key: str, char: str | None = None) -> None:
            event = events.Key(key, char)
            event.set_sender(pilot.app)
            driver.send_message(event)

        send("f7")
        for char in "家庭养老床位数":
            send(char, char)
        send("tab", "\t")
        for char in "100":
            send(char, char)
        send("tab", "\t")
        send("zhang", "张")
        await settle(pilot, 0.2)
        form = on_top(pilot, dialogs.TargetForm)
        values = {field.id: field.value for field in form.query(Input).results()}
        assert values == {"metric": "家庭养老床位数", "value": "100", "unit": "张", "due": ""}


@pilot_test
async def test_new_plan_takes_the_bureau_from_plans(workspace: Path) -> None:
    async with open_picker(workspace) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        dialog = pilot.app.screen
        assert dialog.query_one("#bureau", Input).value == "常州市民政局"
        assert dialog.query_one("#year", Input).value == "2025"


def test_no_english_in_the_changed_on_disk_question_nor_the_picker() -> None:
    for text in (
        catalogue.say("merge_question", file="x", item="任务", mine="甲", theirs="乙"),
        catalogue.say("disk_unreadable_message", file="x", reason="找不到文件"),
        catalogue.say("write_changed_on_disk"),
    ):
        assert "git" not in text and not re.search(r"[A-Za-z]{3,}", text.replace("x", ""))
    assert "目录下" not in catalogue.say("picker_none", folder="plans")
