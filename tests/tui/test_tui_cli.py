"""`planwriter edit`: the command, a plan that cannot be read, and the plan picker."""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import ROOT
from textual.widgets import OptionList
from tui_support import editor, on_top, open_picker, pilot_test, settle, type_text

from planwriter import cli, store
from planwriter.tui.editor import EditorScreen
from planwriter.tui.picker import NEW_PLAN, NewPlanDialog, PickerScreen


def test_edit_takes_an_optional_plan() -> None:
    parser = cli.build_parser()
    assert parser.parse_args(["edit"]).plan is None
    args = parser.parse_args(["edit", "plans/changzhou/2024.plan.yaml", "--plans-dir", "p"])
    assert (args.plan, args.plans_dir) == ("plans/changzhou/2024.plan.yaml", "p")


def test_an_unreadable_plan_is_reported_before_the_screen_opens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "2024.plan.yaml"
    broken.write_text("planwriter: 1\nbureau: [\n", encoding="utf-8")
    assert cli.main(["edit", str(broken)]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "2024.plan.yaml:" in err and "YAML 语法错误" in err and "Traceback" not in err


@pilot_test
async def test_the_picker_lists_the_plans_and_opens_one(workspace: Path) -> None:
    async with open_picker(workspace) as pilot:
        picker = on_top(pilot, PickerScreen)
        assert [f.path.name for f in picker.files] == ["2024.plan.yaml"]
        assert "常州市民政局 2024 年　10 个领域，34 项任务，21 个目标" in picker.files[0].summary
        options = picker.query_one(OptionList)
        assert options.get_option_at_index(options.option_count - 1).id == NEW_PLAN
        options.focus()
        options.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, EditorScreen)
        assert editor(pilot).document.name == "plans/changzhou/2024.plan.yaml"


@pilot_test
async def test_the_picker_makes_next_years_plan(workspace: Path) -> None:
    async with open_picker(workspace) as pilot:
        await pilot.press("f2")
        dialog = on_top(pilot, NewPlanDialog)
        assert dialog.query_one("#bureau").value == "常州市民政局"  # from the newest plan
        assert dialog.query_one("#year").value == "2025"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, EditorScreen)
        plan = editor(pilot).document.plan
        assert (plan.year, len(plan.domains)) == (2025, 10)  # last year's domains carried over
    assert store.load_plan(workspace / "plans/changzhou/2025.plan.yaml").model.year == 2025


@pilot_test
async def test_the_picker_says_what_is_wrong_with_a_new_plan(workspace: Path) -> None:
    async with open_picker(workspace) as pilot:
        await pilot.press("f2")
        dialog = on_top(pilot, NewPlanDialog)
        year = dialog.query_one("#year")
        year.value = "2024"
        await pilot.press("enter")
        assert "已存在" in str(dialog.query_one("#new-problem").render())
        year.value = ""
        year.focus()
        await type_text(pilot, "1800")
        await pilot.press("enter")
        assert "1949 到 2100" in str(dialog.query_one("#new-problem").render())
        assert pilot.app.screen is dialog


@pilot_test
async def test_a_first_plan_takes_the_bureau_from_planwriter_toml(tmp_path: Path) -> None:
    (tmp_path / "planwriter.toml").write_text(
        '[bureau]\nname = "某县民政局"\nrecipients = "各乡镇人民政府"\n', encoding="utf-8"
    )
    async with open_picker(tmp_path) as pilot:
        await pilot.press("f2")
        dialog = pilot.app.screen
        assert isinstance(dialog, NewPlanDialog)
        assert dialog.query_one("#bureau").value == "某县民政局"
        dialog.query_one("#year").value = "2025"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, EditorScreen)
        notice = editor(pilot).document.plan.notice
        assert notice is not None and notice.recipients == "各乡镇人民政府"


@pilot_test
async def test_an_empty_plans_folder(tmp_path: Path) -> None:
    async with open_picker(tmp_path) as pilot:
        picker = on_top(pilot, PickerScreen)
        assert picker.files == []
        assert str(picker.query_one("#picker-title").render()) == "文件夹“plans”中没有计划文件"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not pilot.app.is_running


def test_the_readme_lists_every_editor_key() -> None:
    """The README's key table is read against the bindings themselves."""
    from planwriter.tui.keys import EDITOR_BINDINGS

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip(" `"): line.split("|")[2].strip()
        for line in text.splitlines()
        if line.startswith("| `")
    }
    for binding in EDITOR_BINDINGS:
        assert rows.get(binding.key) == binding.description, binding.id
    assert "planwriter edit plans/changzhou/2024.plan.yaml" in text.split("## Commands")[0]
