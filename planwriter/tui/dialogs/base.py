"""What every dialog shares: escape as cancel, the frame's look, a labelled form row."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Horizontal
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
