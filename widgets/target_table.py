"""A task's targets: metric, value, unit, op, kind, last year's figure and the change.

DataTable has no cell editing: the target form edits a row, then `update_target` puts the
new cells in with `update_width=True` (without it a longer Chinese value is cut to the
old column width).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from planwriter import edit, model
from planwriter.catalogue import say
from planwriter.linebreak import wrapped
from planwriter.show import OP_WORDS
from planwriter.widgets.keys import binding

if TYPE_CHECKING:
    from planwriter.pace import Pace

COLUMNS = ("metric", "value", "unit", "op", "kind", "last", "change")
# When all seven do not fit (an 80-column terminal), the unit joins the value and op and
# kind give way: they are in the form a keystroke away, and rarely differ from the default.
NARROW_COLUMNS = ("metric", "target", "last", "change")
# Before that, op and kind alone give way (a progress column at 120 columns)
MIDDLE_COLUMNS = ("metric", "value", "unit", "last", "change")
METRIC_MIN_WIDTH = 10  # cells; a long metric wraps onto a second line rather than push
#                        last year's figure and the change out of view
# A layout leaves the metric at least this much (or all it needs), else the next, narrower
# one is taken: at 6 汉字 a line 镇（街道）综合性养老服务中心新建和提升改造数 took 4 lines
# while op and kind, a keystroke away in the form, kept their columns.
METRIC_COMFORT = 16
PROGRESS = "progress"  # the last column when the plan has a progress file


def target_cells(
    target: model.Target, baseline: model.Results | None, pace: Pace | None = None
) -> dict[str, str | Text]:
    last = edit.last_year(target, baseline)
    style = (
        "red"
        if last.change.startswith("-")
        else ("green" if last.change.startswith("+") else "dim")
    )
    change = Text(last.change, style=style)
    if last.percent:
        change.append(f"\n{last.percent}")
    return {
        "metric": target.metric,
        "value": target.value,
        "unit": target.unit,
        "op": say(OP_WORDS[target.op]),
        "kind": say(f"target_kind_{target.kind.value}"),
        "target": model.written(target.value, target.unit),
        "last": last.figure or Text(say("target_no_last"), style="dim"),
        "change": change,
        PROGRESS: _progress(pace),
    }


def _progress(pace: Pace | None) -> Text:
    if pace is None:
        return Text(say("target_no_progress"), style="dim")
    from planwriter.widgets.progress_bar import compact_bar  # only for plans with progress

    return compact_bar(pace)


def label_of(key: str) -> str:
    return say(f"target_col_{key}")


def measure(cell: str | Text) -> int:
    text = cell if isinstance(cell, Text) else Text(cell)
    return max((line.cell_len for line in text.split()), default=0)


class TargetTable(DataTable):
    """The targets of the task in the editor; enter edits a row, delete removes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # said in the caption above the table (Enter 修改，F7 添加，Del 删除), so the footer
        # keeps its room for the editor's keys
        binding("enter", "edit_target", "edit_target", binding_id="targets.edit", show=False),
        binding(
            "delete", "delete_target", "delete_target", binding_id="targets.delete", show=False
        ),
    ]

    class EditRequested(Message):
        """The user asked to edit target `index` (or add one when None)."""

        def __init__(self, index: int | None) -> None:
            super().__init__()
            self.index = index

    class DeleteRequested(Message):
        """The user asked to delete target `index` (the screen asks first)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    DEFAULT_CSS = """
    TargetTable { height: auto; max-height: 11; scrollbar-size-vertical: 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self._targets: list[model.Target] = []
        self._baseline: model.Results | None = None
        self._columns: tuple[str, ...] = COLUMNS
        self._paces: list[Pace | None] | None = None

    def show_targets(
        self,
        targets: list[model.Target],
        baseline: model.Results | None,
        paces: list[Pace | None] | None = None,
    ) -> None:
        """All rows again; the metric column takes the width the other columns leave.
        `paces`, a target's progress each (None: no progress file), adds the 进度 column."""
        self._targets, self._baseline, self._paces = list(targets), baseline, paces
        row = self.cursor_row
        self.clear(columns=True)
        rows = [
            target_cells(target, baseline, paces[i] if paces else None)
            for i, target in enumerate(targets)
        ]
        self._columns, metric_width = self._fit(rows, with_progress=paces is not None)
        for key in self._columns:
            self.add_column(label_of(key), key=key, width=metric_width if key == "metric" else None)
        for index, cells in enumerate(rows):
            # a metric too long for its column wraps by Chinese rules, not mid-figure
            cells["metric"] = wrapped(str(cells["metric"]), metric_width)
            self.add_row(*(cells[key] for key in self._columns), key=str(index), height=None)
        if targets and not self.scrollable_content_region.width:
            self.call_after_refresh(self._refit)  # not laid out yet: size the columns then
        if targets:
            self.move_cursor(row=min(row, len(targets) - 1))

    def _fit(
        self, rows: list[dict[str, str | Text]], with_progress: bool = False
    ) -> tuple[tuple[str, ...], int]:
        """The columns that fit, and the metric column's width."""

        def width(key: str) -> int:
            return max([measure(label_of(key)), *(measure(cells[key]) for cells in rows)])

        extra = (PROGRESS,) if with_progress else ()
        # with progress at 80 columns, last year's change gives way to this year's progress
        tight = (("metric", "target", "last", PROGRESS),) if with_progress else ()
        layouts = (COLUMNS, MIDDLE_COLUMNS, NARROW_COLUMNS)
        for columns in (*((*layout, *extra) for layout in layouts), *tight):
            padding = 2 * self.cell_padding * len(columns) + 1  # + the scrollbar
            room = (
                self.scrollable_content_region.width
                - padding
                - sum(width(key) for key in columns[1:])
            )
            if room >= min(width("metric"), METRIC_COMFORT):
                break
        return columns, max(METRIC_MIN_WIDTH, min(width("metric"), room))

    def update_target(
        self,
        index: int,
        target: model.Target,
        baseline: model.Results | None,
        pace: Pace | None = None,
    ) -> None:
        """One edited row, in place; the columns grow to fit the new cells."""
        self._targets[index] = target
        if self._paces is not None and index < len(self._paces):
            self._paces[index] = pace
        cells = target_cells(target, baseline, pace)
        metric = self.columns.get(ColumnKey("metric"))
        metric_width = metric.width if metric is not None else 0
        cells["metric"] = wrapped(target.metric, metric_width or len(target.metric) * 2)
        for key in self._columns:
            self.update_cell(str(index), key, cells[key], update_width=True)

    def on_resize(self) -> None:
        self._refit()

    def _refit(self) -> None:
        if self._targets and self.scrollable_content_region.width:
            self.show_targets(self._targets, self._baseline, self._paces)

    @property
    def selected_index(self) -> int | None:
        return self.cursor_row if self.row_count else None

    def action_edit_target(self) -> None:
        self.post_message(self.EditRequested(self.selected_index))

    def action_delete_target(self) -> None:
        if self.row_count:
            self.post_message(self.DeleteRequested(self.cursor_row))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()  # a click on a row edits it, like enter
        self.post_message(self.EditRequested(event.cursor_row))
