"""记录进度 (Ctrl+R): the value a target has reached as of a date, with the 进展情况 text.

The fields are read as the progress file's loader reads them (tracking/record.py); the
answer goes straight into `<year>.progress.yaml`, which is a file of its own: the plan's
unsaved edits are not touched."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from planwriter import model
from planwriter.catalogue import say
from planwriter.progress import ProgressEntry
from planwriter.quantity import shown
from planwriter.tracking import Row
from planwriter.tracking.record import read_record
from planwriter.tui.dialogs.base import DIALOG_CSS, escape_binding, form_row
from planwriter.widgets.keys import binding


@dataclass(frozen=True)
class Recorded:
    as_of: dt.date
    entry: ProgressEntry


class ProgressForm(ModalScreen[Recorded | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        escape_binding(),
        binding("ctrl+s", "submit", "form_submit", binding_id="progress.submit", priority=True),
    ]
    DEFAULT_CSS = (
        DIALOG_CSS.format(name="ProgressForm")
        + """
    ProgressForm .row { height: 1; margin-bottom: 1; }
    ProgressForm .row > Label { width: 10; color: $text-muted; }
    ProgressForm .row > Input { width: 1fr; }
    ProgressForm #record-last { height: auto; color: $text-muted; margin-bottom: 1; }
    ProgressForm #record-problems { height: auto; color: $error; }
    """
    )

    def __init__(
        self, plan: model.Plan, task: model.Task, target: model.Target, row: Row | None
    ) -> None:
        super().__init__()
        self.plan, self.plan_task, self.target, self.row = plan, task, target, row

    def compose(self) -> ComposeResult:
        target = self.target
        heading = say(
            "record_title", metric=target.metric, target=model.written(target.value, target.unit)
        )
        with Vertical():
            yield Static(heading, classes="dialog-title", markup=False)
            yield Static(self._last(), id="record-last", markup=False)
            yield form_row(say("record_as_of"), Input(self._today(), id="as-of", compact=True))
            yield form_row(
                say("record_value"),
                Input("", id="value", placeholder=say("record_value_hint"), compact=True),
            )
            yield form_row(
                say("record_note"),
                Input("", id="note", placeholder=say("record_note_hint"), compact=True),
            )
            yield Static("", id="record-problems", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(say("button_ok"), id="ok", variant="primary", compact=True)
                yield Button(say("button_cancel"), id="cancel", compact=True)

    def _today(self) -> str:
        """Today, kept within the plan's year: what a clerk records is usually as of now."""
        year = self.plan.year
        day = min(max(dt.date.today(), dt.date(year, 1, 1)), dt.date(year, 12, 31))
        return day.isoformat()

    def _last(self) -> str:
        if self.row is None or self.row.reported is None or self.row.value is None:
            return say("record_none_yet")
        return say(
            "record_last",
            date=model.chinese_date(self.row.reported.as_of),
            value=shown(self.row.value),
        )

    def on_mount(self) -> None:
        self.query_one("#value", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def action_submit(self) -> None:
        reading = read_record(
            self.plan_task,
            self.target,
            self.query_one("#as-of", Input).value,
            self.query_one("#value", Input).value,
            self.query_one("#note", Input).value,
            self.plan.year,
        )
        if reading.entry is None or reading.as_of is None:
            self.query_one("#record-problems", Static).update("\n".join(reading.problems))
            return
        self.dismiss(Recorded(reading.as_of, reading.entry))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
