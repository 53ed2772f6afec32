"""The editors on the right: a task's fields and targets, or a domain's or section's title.

They show an item and report what the user types as `Edited`; they never change the
model themselves. Values put in by the program are not reported (`prevent`), so loading
another task can never be mistaken for typing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual._wrap import compute_wrap_offsets
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.document import _wrapped_document
from textual.message import Message
from textual.validation import Length, ValidationResult, Validator
from textual.widgets import Input, Label, Static, TextArea

from planwriter import edit, linebreak, model
from planwriter.catalogue import say
from planwriter.due import DueError, parse_due
from planwriter.widgets.target_table import TargetTable

if TYPE_CHECKING:
    from planwriter.pace import Pace


def chinese_wrap_offsets(
    text: str,
    width: int,
    tab_size: int,
    fold: bool = True,
    precomputed_tab_sections: list[tuple[str, int]] | None = None,
) -> list[int]:
    """TextArea's soft wrap by Chinese rules (no line starting with ，。, 20家 kept whole).
    Textual offers no hook for it: its wrapped document calls this module-level function,
    replaced below. A line with tabs (never in a plan's text) keeps Textual's own wrap."""
    if "\t" in text:
        return compute_wrap_offsets(text, width, tab_size, fold, precomputed_tab_sections)
    return linebreak.break_offsets(text, width)


_wrapped_document.compute_wrap_offsets = chinese_wrap_offsets


class Edited(Message):
    """The user changed `field` of item `item_id` to `value`."""

    def __init__(self, item_id: str, field: str, value: str) -> None:
        super().__init__()
        self.item_id = item_id
        self.field = field
        self.value = value


class TaskText(TextArea, inherit_bindings=False):
    """The task's text. Without TextArea's own undo, its F6/F7 selection keys and Ctrl+E: the
    editor's history undoes every kind of edit; F6/F7 move a task and add a target, Ctrl+E
    gives the text the whole pane (End goes to the line's end)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        b
        for b in TextArea.BINDINGS
        if isinstance(b, Binding)
        and not {"ctrl+z", "ctrl+y", "ctrl+e", "f6", "f7"} & set(b.key.split(","))
    ]


def _not_empty() -> Length:
    return Length(minimum=1, failure_description=say("editor_title_required"))


class DueValidator(Validator):
    """完成时限 read as `validate` will read it, as the user types (empty is allowed), in the
    plan's year (`year`, asked each time: the plan shown may change)."""

    def __init__(self, year: Callable[[], int]) -> None:
        super().__init__()
        self.year = year

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        try:
            parse_due(value, self.year() or 2000)  # 2000: a leap year, when none is known
        except DueError as err:
            return self.failure(str(err))
        return self.success()


# The one-line fields under the title, in the plan's key order: (id, label, placeholder).
WHO_WHEN = (
    ("lead", "editor_lead", "editor_lead_placeholder"),
    ("partners", "editor_partners", "editor_partners_placeholder"),
    ("due", "editor_due", "editor_due_placeholder"),
)


class TaskEditor(Vertical):
    """Title, who leads, who takes part, by when, text and targets of one task."""

    DEFAULT_CSS = """
    TaskEditor { height: 1fr; }
    TaskEditor .field { height: 1; margin-bottom: 1; }
    TaskEditor .field > Label { width: 9; color: $text-muted; }
    TaskEditor .field > Input { width: 1fr; }
    TaskEditor .caption { color: $text-muted; height: 1; }
    TaskEditor #text { height: 1fr; min-height: 3; margin-bottom: 1; }
    TaskEditor #targets-caption { height: 1; }
    TaskEditor.-text-only .field, TaskEditor.-text-only #targets-caption { display: none; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.task_id = ""
        self.plan_year = 0

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
        for field_id, caption, placeholder in WHO_WHEN:
            with Horizontal(classes="field"):
                yield Label(say(caption))
                yield Input(
                    id=field_id,
                    compact=True,
                    placeholder=say(placeholder),
                    select_on_focus=False,
                    validators=[DueValidator(lambda: self.plan_year)] if field_id == "due" else [],
                )
        yield Label(say("editor_text"), classes="caption")
        yield TaskText(
            id="text", soft_wrap=True, compact=True, placeholder=say("editor_text_placeholder")
        )
        yield Static("", id="targets-caption", classes="caption")
        yield TargetTable(id="targets")

    def show_task(
        self,
        task: model.Task,
        baseline: model.Results | None,
        year: int = 0,
        paces: list[Pace | None] | None = None,
    ) -> None:
        """Put `task` in the fields; the cursor stays where it was when it is the same task."""
        same = task.id == self.task_id
        self.task_id, self.plan_year = task.id, year or self.plan_year
        title = self.query_one("#title", Input)
        fields = [(title, task.title)] + [
            (self.query_one(f"#{name}", Input), edit.field_text(task, name))
            for name, _, _ in WHO_WHEN
        ]
        text = self.query_one("#text", TextArea)
        with self.prevent(Input.Changed, TextArea.Changed):
            for field, value in fields:
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
        due = self.query_one("#due", Input)
        due.validate(due.value)
        self.show_targets(task, baseline, paces)

    def show_targets(
        self,
        task: model.Task,
        baseline: model.Results | None,
        paces: list[Pace | None] | None = None,
    ) -> None:
        caption = (
            say("editor_targets", count=len(task.targets))
            if task.targets
            else say("editor_no_targets")
        )
        self.query_one("#targets-caption", Static).update(caption)
        table = self.query_one(TargetTable)
        # no empty header (the caption says what to do); none while the text has the pane
        table.display = bool(task.targets) and not self.has_class("-text-only")
        table.show_targets(task.targets, baseline, paces)
        table.refresh(layout=True)  # its height follows its rows: lay the pane out again

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.task_id and event.input.id in ("title", "lead", "partners", "due"):
            self.post_message(Edited(self.task_id, event.input.id, event.value))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.task_id:
            self.post_message(Edited(self.task_id, "text", event.text_area.text))

    def focus_text(self) -> None:
        self.query_one("#text", TextArea).focus()

    def toggle_text_only(self) -> None:
        """The text takes the whole pane (title, division and targets hidden), or gives it
        back; the table is shown again only when the task has targets."""
        self.toggle_class("-text-only")
        table = self.query_one(TargetTable)
        table.display = table.row_count > 0 and not self.has_class("-text-only")
        self.focus_text()


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
