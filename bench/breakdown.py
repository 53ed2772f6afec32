"""The 任务分解表 spreadsheet of a 1 000-task plan: export and import, each beside openpyxl
doing the same cells alone, measured in the same run.

Run: python bench/breakdown.py [TASKS]
Bar (issue 17): export within 2x of openpyxl writing the same cells and saving the file;
import within 2x of openpyxl reading the same cells (read-only mode, as the import reads).
Export is set beside two peers: openpyxl writing the same values with no formatting, and
openpyxl writing the same cells with the same looks (borders, fills, wrapping) worked out
beforehand, which is what the sheet's cells are. Export also reads last year's results for
the 上年完成 column (about 0.1 s of a 1 000-result file), which neither peer does.
The import is timed two ways: reading and matching the sheet (what the bar is about), and
the whole command, which also saves the report into the progress file (ruamel round-trip).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl

from planwriter import store
from planwriter.sheet import COLUMNS, HEADER_ROW, KEYS, SHEET_NAME, rows
from planwriter.sheet.command import export_bytes, save_report
from planwriter.sheet.reading import Reading, read_report
from planwriter.sheet.xlsx import CENTRED, _looks, read_workbook

sys.path.insert(0, str(Path(__file__).parent))
from generate import generated_plan, generated_results

RUNS = 5
BAR = 2.0


def median_seconds(work: Callable[[], object], runs: int = RUNS) -> float:
    work()  # warm-up: imports, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peer_write(cells: list[list[str | None]], path: Path) -> None:
    """openpyxl alone: the same header and cells into a sheet, saved."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([column.header for column in COLUMNS])
    for row in cells:
        sheet.append(row)
    book.save(path)


def styled_cells(body: list, looks: dict) -> list[list[tuple[str | None, str | None]]]:
    """(value, look) of every cell as export writes it, worked out before the clock starts."""
    out = []
    for row in body:
        cells: list[tuple[str | None, str | None]] = [(row.cells.get("id"), None)]
        for column in COLUMNS[1:]:
            text = row.cells.get(column.key) or None
            if row.kind == "domain":
                look = "domain"
            elif column.fill_in and not (row.kind == "task" and column.key == "done"):
                look = "fill"
            elif text:
                look = "center" if column.key in CENTRED else "text"
            else:
                look = None
            cells.append((text, look))
        out.append(cells)
    return out


def peer_write_styled(cells: list[list[tuple[str | None, str | None]]], path: Path) -> None:
    """openpyxl alone: the same cells with the same looks (named styles), saved."""
    from openpyxl.cell.cell import Cell

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(SHEET_NAME)
    looks = _looks(book)
    sheet.append([column.header for column in COLUMNS])
    for row in cells:
        sheet.append(
            [
                Cell(sheet, row=1, column=1, value=v, style_array=looks[look]) if look else v
                for v, look in row
            ]
        )
    book.save(path)


def peer_read(path: Path) -> int:
    """openpyxl alone: every cell of the sheet read, in read-only mode."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for row in book[SHEET_NAME].iter_rows(values_only=True) for _ in row)
    book.close()
    return count


def fill(path: Path, out: Path) -> None:
    """Every target's 完成值 and every task's 进展情况 filled, as a division sends it back."""
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET_NAME]
    done, note = KEYS.index("done") + 1, KEYS.index("progress") + 1
    metric, title = KEYS.index("metric") + 1, KEYS.index("title") + 1
    for number in range(HEADER_ROW + 1, sheet.max_row + 1):
        if sheet.cell(number, metric).value:
            sheet.cell(number, done).value = "8.2万"
        elif sheet.cell(number, title).value:
            sheet.cell(number, note).value = "已完成年度目标的一半，进展顺利。"
    book.save(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tasks", nargs="?", type=int, default=1000)
    tasks = parser.parse_args().tasks
    folder = Path(tempfile.mkdtemp(prefix="pw-breakdown-"))
    plan, baseline = generated_plan(tasks), generated_results(tasks)
    plan_path = folder / "2024.plan.yaml"
    store.atomic_write(plan_path, store.render(plan))
    store.atomic_write(folder / "2023.results.yaml", store.render(baseline))
    plan = store.load_plan(plan_path).model
    body = rows(plan, baseline)
    cells = [[row.cells.get(key) or None for key in KEYS] for row in body]

    sheet = folder / "tasks.xlsx"
    ours_export = median_seconds(lambda: store.atomic_write(sheet, export_bytes(plan_path, plan)))
    peer_export = median_seconds(lambda: peer_write(cells, folder / "peer.xlsx"))
    looked = styled_cells(body, {})
    peer_styled = median_seconds(lambda: peer_write_styled(looked, folder / "peer-styled.xlsx"))

    filled = folder / "filled.xlsx"
    fill(sheet, filled)
    as_of = dt.date(2024, 6, 30)

    def ours_read() -> Reading:
        reading = read_report(plan, read_workbook(filled), filled, as_of, filled.name)
        assert not reading.errors, reading.errors[:3]
        return reading

    def ours_command() -> object:
        reading = ours_read()
        target = folder / "2024.progress.yaml"
        target.unlink(missing_ok=True)
        return save_report(target, plan, plan_path, reading.report)

    ours_import = median_seconds(ours_read)
    whole_import = median_seconds(ours_command)
    peer_import = median_seconds(lambda: peer_read(filled))

    cells_count = len(cells) * len(COLUMNS)
    print(f"{tasks} tasks, {len(body)} rows, {cells_count} cells ({folder})")
    line("export", ours_export, peer_export, "openpyxl writing the same values alone")
    line("export", ours_export, peer_styled, "openpyxl writing the same styled cells alone")
    line("import", ours_import, peer_import, "openpyxl reading them alone")
    line("import + saving the progress file", whole_import, peer_import, "openpyxl reading alone")


def line(what: str, ours: float, peer: float, peer_name: str) -> None:
    verdict = "met" if ours <= BAR * peer else "NOT met"
    print(
        f"{what}: planwriter {ours * 1000:.0f} ms, {peer_name} {peer * 1000:.0f} ms, "
        f"ratio {ours / peer:.2f} (bar {BAR:.0f}x: {verdict})"
    )


if __name__ == "__main__":
    main()
