"""The whole plan's progress by domain (Ctrl+G): each target's bar, completion, time gone
and status, as of the latest report in the progress file."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static

from planwriter import model
from planwriter.catalogue import say
from planwriter.quantity import shown
from planwriter.tracking import Tracked, counts_sentence
from planwriter.widgets.footer import WholeKeysFooter
from planwriter.widgets.keys import binding
from planwriter.widgets.progress_bar import progress_bar

COLUMNS = ("number", "metric", "target", "value", "progress")
FIXED_WIDTHS = {"number": 4, "target": 9, "value": 9, "progress": 17}
METRIC_MIN_WIDTH, METRIC_MAX_WIDTH = 10, 40


class ProgressScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        binding("escape,ctrl+g", "app.pop_screen", "close_progress", binding_id="progress.close"),
    ]
    DEFAULT_CSS = """
    ProgressScreen #progress-title { height: auto; background: $panel; padding: 0 1; }
    ProgressScreen DataTable { height: 1fr; }
    """

    def __init__(self, tracked: Tracked) -> None:
        super().__init__()
        self.tracked = tracked

    def compose(self) -> ComposeResult:
        tracked = self.tracked
        title = say(
            "progress_view_title",
            date=model.chinese_date(tracked.as_of),
            count=len(tracked.rows),
            counts=counts_sentence(tracked.counts()),
        )
        yield Static(title, id="progress-title")
        yield DataTable(id="progress-table", cursor_type="row", zebra_stripes=False)
        yield WholeKeysFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # the metric wraps in what the others leave, so the bars stay in view at 80 columns
        others = sum(FIXED_WIDTHS.values()) + 2 * table.cell_padding * len(COLUMNS) + 2
        metric = max(METRIC_MIN_WIDTH, min(METRIC_MAX_WIDTH, self.size.width - others))
        for key in COLUMNS:
            width = metric if key == "metric" else FIXED_WIDTHS[key]
            table.add_column(say(f"progress_view_col_{key}"), key=key, width=width)
        labels = model.labels(self.tracked.plan)
        for domain, rows in self.tracked.by_domain():
            heading = Text(f"{labels[domain.id]}{domain.title}", style="bold")
            table.add_row("", heading, "", "", "", key=f"domain:{domain.id}", height=None)
            for row in rows:
                table.add_row(
                    row.number,
                    row.target.metric,
                    shown(row.goal),
                    "—" if row.value is None else shown(row.value),
                    progress_bar(row.pace),
                    key=f"{row.task.id}:{row.target.metric}",
                    height=None,
                )
        table.focus()
