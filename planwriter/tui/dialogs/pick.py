"""Choosing one of a list: where to move a task or section."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from planwriter.tui.dialogs.base import DIALOG_CSS, escape_binding


class PickDialog(ModalScreen[str | None]):
    """One of a list (where to move a task); the option's id, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [escape_binding()]
    DEFAULT_CSS = (
        DIALOG_CSS.format(name="PickDialog")
        + """
    PickDialog OptionList { height: auto; max-height: 20; }
    """
    )

    def __init__(self, title: str, options: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text, self.options = title, options

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield OptionList(*(Option(Text(text), id=value) for value, text in self.options))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
