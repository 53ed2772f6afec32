"""What every dialog shares: escape as cancel, the frame's look, a labelled form row."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label

from planwriter.widgets.keys import binding


def escape_binding() -> Binding:
    """Escape closes a dialog with its safe answer (cancel, keep), never a destructive one."""
    return binding("escape", "cancel", "cancel", binding_id="dialog.cancel")


DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 76; max-width: 95%; height: auto; max-height: 90%;
    border: thick $primary; background: $surface; padding: 1 2;
}}
{name} .dialog-title {{ text-style: bold; width: 1fr; margin-bottom: 1; }}
{name} .buttons {{ height: auto; align-horizontal: right; margin-top: 1; }}
{name} .buttons > Button {{ margin-left: 2; min-width: 10; }}
"""


def form_row(label: str, field: Widget) -> Horizontal:
    """A field of a form with its label in front; each form's CSS styles its .row."""
    return Horizontal(Label(label), field, classes="row")


class FieldOrder:
    """Tab and Shift+Tab through a form's fields in a fixed order, at once.

    Keys typed ahead (F7, then the metric, Tab, the value, quicker than a frame) are each
    handed to the focused field's queue as they come; Textual's Tab is a binding found
    only when the key has bubbled up out of the field, after the keys behind it were
    handed on, so the value joined the metric (指标 家庭养老床位数100). A priority Tab
    (FIELD_KEYS, in the form's BINDINGS) moves the focus before the next key is handed on.
    A mixin for ModalScreen forms."""

    FIELD_ORDER: ClassVar[tuple[str, ...]] = ()

    def action_next_field(self, step: int) -> None:
        if self._step_field(step) is None:
            screen: ModalScreen = self  # type: ignore[assignment]
            screen.focus_next() if step > 0 else screen.focus_previous()

    def _step_field(self, step: int) -> Widget | None:
        screen: ModalScreen = self  # type: ignore[assignment]
        focused = screen.focused
        if focused is None or focused.id not in self.FIELD_ORDER:
            return None
        index = self.FIELD_ORDER.index(focused.id) + step
        if not 0 <= index < len(self.FIELD_ORDER):
            return None  # past the last field: the buttons, as Textual orders them
        field = screen.query_one(f"#{self.FIELD_ORDER[index]}")
        screen.set_focus(field)
        return field


FIELD_KEYS = [
    Binding("tab", "next_field(1)", show=False, priority=True),
    Binding("shift+tab", "next_field(-1)", show=False, priority=True),
]
