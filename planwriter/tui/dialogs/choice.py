"""A question with a few answers as buttons; the answer is the chosen Choice's value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Generic, Literal, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from planwriter.catalogue import say
from planwriter.tui.dialogs.base import DIALOG_CSS, escape_binding

V = TypeVar("V", bound=str)


@dataclass(frozen=True)
class Choice(Generic[V]):
    value: V
    label: str
    variant: str = "default"  # primary | error | warning | default


class ChoiceDialog(ModalScreen[V], Generic[V]):
    """A question and its answers as buttons; escape gives `escape_value`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        escape_binding(),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]
    DEFAULT_CSS = (
        DIALOG_CSS.format(name="ChoiceDialog")
        + """
    ChoiceDialog .message { width: 1fr; height: auto; }
    """
    )

    def __init__(
        self,
        title: str,
        message: str,
        choices: list[Choice[V]],
        escape_value: V,
        focus: V | None = None,
    ) -> None:
        super().__init__()
        self.title_text, self.message = title, message
        self.choices, self.escape_value = choices, escape_value
        self.initial_focus = focus or escape_value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.message, classes="message", markup=False)
            with Horizontal(classes="buttons"):
                for choice in self.choices:
                    yield Button(choice.label, id=f"choice-{choice.value}", variant=choice.variant)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        self.query_one(f"#choice-{self.initial_focus}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        chosen = (event.button.id or "").removeprefix("choice-")
        self.dismiss(next(c.value for c in self.choices if c.value == chosen))

    def action_cancel(self) -> None:
        self.dismiss(self.escape_value)


Deleting = Literal["delete", "cancel"]


def delete_question(question: str) -> ChoiceDialog[Deleting]:
    """删除 or 取消, whatever is about to go; 取消 has the focus and escape gives it."""
    return ChoiceDialog(
        say("delete_title"),
        question,
        [
            Choice("delete", say("button_delete"), "error"),
            Choice("cancel", say("button_cancel"), "primary"),
        ],
        escape_value="cancel",
    )
