"""Every key of the editor, grouped by where it works (F1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from planwriter.catalogue import say
from planwriter.tui.dialogs.base import DIALOG_CSS, escape_binding


@dataclass(frozen=True)
class KeyHelp:
    keys: str
    description: str
    tooltip: str


class HelpScreen(ModalScreen[None]):
    """Every key of the editor, grouped by where it works (F1)."""

    BINDINGS: ClassVar[list[BindingType]] = [escape_binding(), Binding("f1", "cancel", show=False)]
    DEFAULT_CSS = (
        DIALOG_CSS.format(name="HelpScreen")
        + """
    HelpScreen > Vertical { width: 100; height: 90%; }
    HelpScreen OptionList { height: 1fr; }
    """
    )

    def __init__(self, groups: list[tuple[str, list[KeyHelp]]]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(say("help_title"), classes="dialog-title")
            yield OptionList(*self._lines(), id="help-keys")

    def _lines(self) -> list[Option]:
        """Key, label and tooltip in columns; a long tooltip wraps within its own column."""
        key_width = max((Text(k.keys).cell_len for _, keys in self.groups for k in keys), default=8)
        label_width = max(
            (Text(k.description).cell_len for _, keys in self.groups for k in keys), default=8
        )
        options = []
        for group, keys in self.groups:
            options.append(Option(Text(group, style="bold underline"), disabled=True))
            for key in keys:
                line = Table.grid(padding=(0, 2))
                line.add_column(width=key_width, style="bold cyan")
                line.add_column(width=label_width, style="bold")
                line.add_column(ratio=1, style="dim", overflow="fold")
                tip = key.tooltip if key.tooltip != key.description else ""
                line.add_row(key.keys, key.description, tip)
                options.append(Option(line))
        return options

    def action_cancel(self) -> None:
        self.dismiss(None)
