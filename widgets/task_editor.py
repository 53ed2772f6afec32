"""The editors on the right: a task's fields and targets, or a domain's or section's title.

They show an item and report what the user types as `Edited`; they never change the
model themselves. Values put in by the program are not reported (`prevent`), so loading
another task can never be mistaken for typing.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.validation import Length
from textual.widgets import Input, Label, Static, TextArea

from planwriter import model
from planwriter.catalogue import say
from planwriter.widgets.target_table import TargetTable


class Edited(Message):
    """The user changed `field` of item `item_id` to `value`."""

    def __init__(self, item_id: str, field: str, value: str) -> None:
        super().__init__()
        self.item_id = item_id
        self.field = field
        self.value = value


class TaskText(TextArea, inherit_bindings=False):
    """The task's text. Without TextArea's own undo and its F6/F7 selection keys: the
    editor's history undoes every kind of edit, and F6/F7 move a task and add a target."""

    BINDINGS: ClassVar[list[BindingType]] = [
        b
        for b in TextArea.BINDINGS
        if isinstance(b, Binding) and not {"ctrl+z", "ctrl+y", "f6", "f7"} & set(b.key.split(","))
    ]


def _not_empty() -> Length:
    return Length(minimum=1, failure_description=say("editor_title_required"))


class TaskEditor(Vertical):
    """Title, responsible division, text and targets of one task."""

    DEFAULT_CSS = """
    TaskEditor { height: 1fr; }
    TaskEditor .field { height: 1; margin-bottom: 1; }
    TaskEditor .field > Label { width: 9; color: $text-muted; }
    TaskEditor .field > Input { width: 1fr; }
    TaskEditor .caption { color: $text-muted; height: 1; }
    TaskEditor #text { height: 1fr; min-height: 3; margin-bottom: 1; }
    TaskEditor #targets-caption { height: 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.task_id = ""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="field"):
            yield Label(say("editor_title"))
            yield Input(
                id="title",
                compact=True,
                validators=[_not_empty()],
                select_on_focus=False,
                placeholder=say("editor_title_placeholder"),
            )
        with Horizontal(classes="field"):
            yield Label(say("editor_lead"))
            yield Input(
                id="lead",
                compact=True,
                placeholder=say("editor_lead_placeholder"),
                select_on_focus=False,
            )
        yield Label(say("editor_text"), classes="caption")
        yield TaskText(
            id="text", soft_wrap=True, compact=True, placeholder=say("editor_text_placeholder")
        )
        yield Static("", id="targets-caption", classes="caption")
        yield TargetTable(id="targets")

    def show_task(self, task: model.Task, baseline: model.Results | None) -> None:
        """Put `task` in the fields; the cursor stays where it was when it is the same task."""
        same = task.id == self.task_id
        self.task_id = task.id
        title, lead = self.query_one("#title", Input), self.query_one("#lead", Input)
        text = self.query_one("#text", TextArea)
        with self.prevent(Input.Changed, TextArea.Changed):
            for field, value in ((title, task.title), (lead, task.lead)):
                if field.value != value:
                    position = field.cursor_position
                    field.value = value
                    field.cursor_position = min(position, len(value)) if same else len(value)
            if text.text != task.text:
                cursor = text.cursor_location
                text.load_text(task.text)
                if same:
                    text.cursor_location = cursor  # clamped to the new text by TextArea
        title.validate(title.value)
        self.show_targets(task, baseline)

    def show_targets(self, task: model.Task, baseline: model.Results | None) -> None:
        caption = (
            say("editor_targets", count=len(task.targets))
            if task.targets
            else say("editor_no_targets")
        )
        self.query_one("#targets-caption", Static).update(caption)
        table = self.query_one(TargetTable)
        table.display = bool(task.targets)  # no empty header: the caption says what to do
        table.show_targets(task.targets, baseline)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.task_id and event.input.id in ("title", "lead"):
            self.post_message(Edited(self.task_id, event.input.id, event.value))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.task_id:
            self.post_message(Edited(self.task_id, "text", event.text_area.text))

    def focus_text(self) -> None:
        self.query_one("#text", TextArea).focus()


class HeadingEditor(Vertical):
    """The title of a domain (一、) or a section (（一）)."""

    DEFAULT_CSS = """
    HeadingEditor .field { height: 1; margin-bottom: 1; }
    HeadingEditor .field > Label { width: 9; color: $text-muted; }
    HeadingEditor .field > Input { width: 1fr; }
    HeadingEditor #summary { color: $text-muted; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.item_id = ""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="field"):
            yield Label(say("editor_title"))
            yield Input(
                id="heading-title", compact=True, validators=[_not_empty()], select_on_focus=False
            )
        yield Static("", id="summary")

    def show_heading(self, item: model.Domain | model.Section, summary: str) -> None:
        same = item.id == self.item_id
        self.item_id = item.id
        title = self.query_one("#heading-title", Input)
        if title.value != item.title:
            with self.prevent(Input.Changed):
                position = title.cursor_position
                title.value = item.title
                title.cursor_position = min(position, len(item.title)) if same else len(item.title)
        title.validate(title.value)
        self.query_one("#summary", Static).update(summary)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.item_id:
            self.post_message(Edited(self.item_id, "title", event.value))
