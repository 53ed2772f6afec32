"""One line of text: the title of a new domain, section or task."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from planwriter.catalogue import say
from planwriter.tui.dialogs.base import DIALOG_CSS, escape_binding


class TitlePrompt(ModalScreen[str | None]):
    """Asks for a title (a new domain, section or task); None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [escape_binding()]
    DEFAULT_CSS = (
        DIALOG_CSS.format(name="TitlePrompt")
        + """
    TitlePrompt .hint { color: $text-muted; height: auto; }
    """
    )

    def __init__(self, title: str, hint: str, placeholder: str = "") -> None:
        super().__init__()
        self.title_text, self.hint, self.placeholder = title, hint, placeholder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Input(id="prompt-input", placeholder=self.placeholder)
            yield Static(self.hint, classes="hint", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(say("button_ok"), id="ok", variant="primary")
                yield Button(say("button_cancel"), id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def submit(self) -> None:
        value = self.query_one(Input).value.strip()
        if not value:
            self.notify(say("edit_title_empty"), severity="warning")
            return
        self.dismiss(value)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
