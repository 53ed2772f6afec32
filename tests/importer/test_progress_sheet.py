"""The 任务分解表 as .xlsx: exported, filled in by a division, read back into the progress file."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
from paths import ROOT

from planwriter import progress, store
from planwriter.cli import main
from planwriter.sheet import COLUMNS, HEADER_ROW, SHEET_NAME, rows
from planwriter.sheet.xlsx import cell_text, read_workbook

PLANS = ROOT / "plans" / "changzhou"
COLUMN = {column.key: index for index, column in enumerate(COLUMNS, start=1)}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("2024.plan.yaml", "2023.results.yaml"):
        shutil.copy(PLANS / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    assert main(["export", "2024.plan.yaml", "-o", "tasks.xlsx"]) == 0
    return tmp_path


def row_of(sheet, task_id: str, metric: str | None = None) -> int:
    for (cells,) in zip(sheet.iter_rows(min_row=HEADER_ROW + 1), strict=False):
        if cells[0].value == task_id and cells[COLUMN["metric"] - 1].value == metric:
            return cells[0].row
    raise AssertionError((task_id, metric))


def fill(folder: Path, values: dict[tuple[str, str | None], dict[str, object]]) -> Path:
    """The sheet as a division sends it back: `values` by (task, metric) and column key."""
    book = openpyxl.load_workbook(folder / "tasks.xlsx")
    sheet = book[SHEET_NAME]
    for (task, metric), cells in values.items():
        number = row_of(sheet, task, metric)
        for key, value in cells.items():
            sheet.cell(number, COLUMN[key]).value = value
    book.save(folder / "filled.xlsx")
    return folder / "filled.xlsx"


def read_progress(folder: Path) -> progress.Progress:
    return store.load_progress(folder / "2024.progress.yaml").model


# --- the sheet as written ------------------------------------------------------------------


def test_written_and_read_back_gives_the_same_cells(folder: Path) -> None:
    plan = store.load_plan(folder / "2024.plan.yaml").model
    baseline = store.load_results(folder / "2023.results.yaml").model
    expected = rows(plan, baseline)
    sheet = read_workbook(folder / "tasks.xlsx")
    assert sheet.name == SHEET_NAME
    assert [row.number for row in sheet.rows] == list(
        range(HEADER_ROW + 1, HEADER_ROW + 1 + len(expected))
    )
    for written, read in zip(expected, sheet.rows, strict=True):
        assert {k: v for k, v in read.cells.items() if v} == {
            k: v for k, v in written.cells.items() if v
        }
    home_care = next(r for r in sheet.rows if r.cells["metric"] == "居家养老上门服务人数")
    assert (home_care.cells["target"], home_care.cells["last"]) == ("15万人", "15.8万人")


def test_the_sheet_is_laid_out_for_a_division_to_fill(folder: Path) -> None:
    book = openpyxl.load_workbook(folder / "tasks.xlsx")
    sheet = book[SHEET_NAME]
    assert sheet.freeze_panes == "D3"  # title and header stay, 序号 and 重点任务 too
    assert [c.value for c in sheet[HEADER_ROW]] == [c.header for c in COLUMNS]
    assert sheet.column_dimensions["A"].hidden  # the ids
    assert sheet.print_title_rows == "$2:$2" and sheet.page_setup.orientation == "landscape"
    assert not sheet.merged_cells.ranges or all(r.max_row == 1 for r in sheet.merged_cells.ranges)
    domains = [row for row in sheet.iter_rows(min_row=HEADER_ROW + 1) if row[1].font.b]
    assert len(domains) == 10  # set apart: bold, grey across the table, not merged (sortable)
    assert domains[0][1].value == "一、始终保持民政事业发展的正确政治方向"
    assert all(cell.fill.start_color.rgb.endswith("D9D9D9") for cell in domains[0][1:])
    target_row = row_of(sheet, "home-care", "居家养老上门服务人数")
    assert sheet.cell(target_row, COLUMN["done"]).fill.start_color.rgb.endswith("FFF2CC")
    # widths for Chinese: a 汉字 counts two; 目标与举措 wraps within its width
    assert sheet.column_dimensions["C"].width >= 2 * len("重点任务")
    assert (
        sheet.column_dimensions["D"].width == 60
        and sheet.cell(target_row - 1, 4).alignment.wrap_text
    )
    assert book["planwriter"].sheet_state == "hidden"


def test_export_refuses_to_overwrite_a_filled_sheet(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["export", "2024.plan.yaml", "-o", "tasks.xlsx"])
    assert stop.value.code == 2
    assert "已存在" in capsys.readouterr().err
    assert main(["export", "2024.plan.yaml", "-o", "tasks.xlsx", "--force"]) == 0


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (82000, "General", "82000"),
        (8.2, "General", "8.2"),
        (0.95, "0%", "95%"),
        (0.955, "0.0%", "95.5%"),
        (" 8.2万 ", "General", "8.2万"),
        (None, "General", ""),
    ],
)
def test_cells_read_as_they_show(value: object, number_format: str, shown: str) -> None:
    assert cell_text(value, number_format) == shown


# --- reading it back ---------------------------------------------------------------------------


def test_filled_values_come_back_into_the_progress_file(folder: Path) -> None:
    filled = fill(
        folder,
        {
            ("home-care", None): {"progress": "进展顺利"},
            ("home-care", "居家养老上门服务人数"): {
                "done": "8.2万",
                "progress": "已为8.2万名老年人提供上门服务",
            },
            ("home-care", "社区老年助餐点新增数"): {"done": 41},
            ("family-care", "老年人意外伤害保险承保率"): {"done": "92%"},
        },
    )
    assert main(["import", "progress", str(filled), "--as-of", "2024-06-30"]) == 0
    data = read_progress(folder)
    [report] = data.reports
    assert (report.as_of, report.source) == (dt.date(2024, 6, 30), "filled.xlsx")
    got = {
        (e.task, e.metric): (e.value.literal if e.value else None, e.unit, e.note)
        for e in report.entries
    }
    assert got == {
        ("home-care", None): (None, "", "进展顺利"),
        ("home-care", "居家养老上门服务人数"): ("8.2万", "人", "已为8.2万名老年人提供上门服务"),
        ("home-care", "社区老年助餐点新增数"): ("41", "个", ""),
        ("family-care", "老年人意外伤害保险承保率"): ("92%", "", ""),
    }
    assert main(["validate", "2024.progress.yaml"]) == 0


def test_a_later_report_is_appended(folder: Path) -> None:
    june = fill(folder, {("home-care", "居家养老上门服务人数"): {"done": "8.2万"}})
    assert main(["import", "progress", str(june), "--as-of", "2024年6月30日"]) == 0
    first = (folder / "2024.progress.yaml").read_text(encoding="utf-8")
    september = fill(folder, {("home-care", "居家养老上门服务人数"): {"done": "12万"}})
    assert main(["import", "progress", str(september), "--as-of", "2024-09-30"]) == 0
    text = (folder / "2024.progress.yaml").read_text(encoding="utf-8")
    assert text.startswith(first)
    assert [r.as_of for r in read_progress(folder).reports] == [
        dt.date(2024, 6, 30),
        dt.date(2024, 9, 30),
    ]


def test_a_moved_row_is_matched_by_its_id(folder: Path) -> None:
    filled = fill(folder, {("home-care", "居家养老上门服务人数"): {"done": "8.2万"}})
    book = openpyxl.load_workbook(filled)
    sheet = book[SHEET_NAME]
    number = row_of(sheet, "home-care", "居家养老上门服务人数")
    values = [c.value for c in sheet[number]]
    sheet.delete_rows(number)
    sheet.append(values)  # the row now stands at the bottom, under another domain's task
    book.save(filled)
    assert main(["import", "progress", str(filled), "--as-of", "2024-06-30"]) == 0
    [entry] = read_progress(folder).reports[0].entries
    assert (entry.task, entry.metric, entry.value.literal) == (
        "home-care",
        "居家养老上门服务人数",
        "8.2万",
    )  # type: ignore[union-attr]


def test_a_row_without_its_id_is_matched_by_title_and_its_targets_follow(folder: Path) -> None:
    filled = fill(folder, {("family-care", "适老化改造家庭数"): {"done": "6000户"}})
    book = openpyxl.load_workbook(filled)
    sheet = book[SHEET_NAME]
    for number in (row_of(sheet, "family-care"), row_of(sheet, "family-care", "适老化改造家庭数")):
        sheet.cell(number, 1).value = None  # pasted into a copy without the hidden column
    book.save(filled)
    assert main(["import", "progress", str(filled), "--as-of", "2024-06-30"]) == 0
    [entry] = read_progress(folder).reports[0].entries
    assert (entry.task, entry.metric, entry.value.literal) == (
        "family-care",
        "适老化改造家庭数",
        "6000户",
    )  # type: ignore[union-attr]


def test_a_deleted_row_is_said_and_does_not_block(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = fill(folder, {("home-care", "居家养老上门服务人数"): {"done": "8.2万"}})
    book = openpyxl.load_workbook(filled)
    sheet = book[SHEET_NAME]
    sheet.delete_rows(row_of(sheet, "party-theory"))
    book.save(filled)
    assert main(["import", "progress", str(filled), "--as-of", "2024-06-30"]) == 0
    err = capsys.readouterr().err
    assert (
        "filled.xlsx: 警告：工作表“任务分解表”里没有任务 1.深学细悟党的创新理论 的行（被删除了？），这次不记它的进展"
        in err
    )
    assert len(read_progress(folder).reports[0].entries) == 1


def test_unreadable_values_and_unmatched_rows_are_placed_and_nothing_is_written(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = fill(
        folder,
        {
            ("home-care", "居家养老上门服务人数"): {"done": "约300"},
            ("home-care", "社区老年助餐点新增数"): {"done": "已完成"},
            ("family-care", "适老化改造家庭数"): {"done": "6000"},
        },
    )
    book = openpyxl.load_workbook(filled)
    sheet = book[SHEET_NAME]
    stray = sheet.max_row + 1
    sheet.cell(stray, COLUMN["title"]).value = "新增的一项工作"
    sheet.cell(stray, COLUMN["progress"]).value = "已启动"
    book.save(filled)
    rows_at = {
        key: row_of(sheet, *key)
        for key in [("home-care", "居家养老上门服务人数"), ("home-care", "社区老年助餐点新增数")]
    }
    assert main(["import", "progress", str(filled), "--as-of", "2024-06-30"]) == 2
    err = capsys.readouterr().err
    first, second = rows_at.values()
    assert (
        f"filled.xlsx:{first}:11: 错误：工作表“任务分解表”第 {first} 行 K 列（完成值）：完成值“约300”是约数，请填写确定的数"
        in err
    )
    assert (
        f"filled.xlsx:{second}:11: 错误：工作表“任务分解表”第 {second} 行 K 列（完成值）：完成值“已完成”无法识别"
        in err
    )
    assert (
        f"filled.xlsx:{stray}:3: 错误：工作表“任务分解表”第 {stray} 行 C 列（重点任务）：计划里没有重点任务“新增的一项工作”"
        in err
    )
    assert "共 3 个问题" in err and "--skip" in err
    assert not (folder / "2024.progress.yaml").exists()
    # skipped with the flag: said, left out, the rest written
    assert main(["import", "progress", str(filled), "--as-of", "2024-06-30", "--skip"]) == 0
    assert "已跳过：" in capsys.readouterr().err
    [entry] = read_progress(folder).reports[0].entries
    assert (entry.task, entry.value.literal, entry.unit) == ("family-care", "6000", "户")  # type: ignore[union-attr]


def test_a_value_in_the_wrong_unit_or_on_a_task_row(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = fill(
        folder,
        {
            ("home-care", "居家养老上门服务人数"): {"done": "300万元"},
            ("party-theory", None): {"done": "5"},
        },
    )
    assert main(["import", "progress", str(filled), "--as-of", "2024-06-30"]) == 2
    err = capsys.readouterr().err
    assert "完成值“300万元”的单位与目标不符" in err
    assert "任务 1. 这一行不填完成值，请填在它下面各指标的行里" in err


def test_not_a_workbook_is_a_located_error(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "bad.xlsx").write_text("not a spreadsheet", encoding="utf-8")
    assert main(["import", "progress", "bad.xlsx"]) == 2
    assert "bad.xlsx: 错误：无法读取表格" in capsys.readouterr().err
