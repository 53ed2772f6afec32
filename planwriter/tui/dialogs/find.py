"""Finding a task by words in its title or text."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from planwriter import edit, model
from planwriter.catalogue import say
from planwriter.tui.dialogs.base import DIALOG_CSS, escape_binding


class FindDialog(ModalScreen[str | None]):
    """Find a task by words in its title or text; gives the task's id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        escape_binding(),
        Binding("down", "to_results", show=False),
    ]
    DEFAULT_CSS = (
        DIALOG_CSS.format(name="FindDialog")
        + """
    FindDialog > Vertical { width: 100; height: 80%; }
    FindDialog OptionList { height: 1fr; margin-top: 1; }
    FindDialog #find-count { color: $text-muted; height: 1; }
    """
    )

    def __init__(self, plan: model.Plan) -> None:
        super().__init__()
        self.plan = plan
        self.hits: list[edit.Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(say("find_title"), classes="dialog-title")
            yield Input(id="find-input", placeholder=say("find_placeholder"))
            yield Static("", id="find-count")
            yield OptionList(id="find-results")

    @on(Input.Changed)
    def _search(self, event: Input.Changed) -> None:
        self.hits = edit.search(self.plan, event.value)
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(Option(self._hit_text(hit), id=hit.task_id) for hit in self.hits)
        if self.hits:
            results.highlighted = 0
        words = event.value.split()
        self.query_one("#find-count", Static).update(
            say("find_count", count=len(self.hits)) if words else ""
        )

    @staticmethod
    def _hit_text(hit: edit.Hit) -> Table:
        """9. 大力发展…, and under the title the words around the match, in line with it."""
        line = Table.grid(padding=(0, 1))
        line.add_column(width=4, style="bold")
        line.add_column(ratio=1, overflow="fold")
        text = Text(hit.title)
        if hit.snippet:
            text.append(f"\n{hit.snippet}", style="dim")
        line.add_row(hit.number, text)
        return line

    @on(Input.Submitted)
    def _first(self) -> None:
        results = self.query_one(OptionList)
        if self.hits:
            index = results.highlighted if results.highlighted is not None else 0
            self.dismiss(self.hits[index].task_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_to_results(self) -> None:
        if self.hits:
            self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
