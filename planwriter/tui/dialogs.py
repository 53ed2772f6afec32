"""Small modal screens, each typed by what it gives back through `dismiss`.

Escape always closes a dialog with its safe answer (cancel, keep), never a destructive one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from planwriter import edit, model
from planwriter.catalogue import say
from planwriter.show import OP_WORDS
from planwriter.widgets.keys import binding


def _escape_binding() -> Binding:
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


# --- a question with a few answers ---------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    variant: str = "default"  # primary | error | warning | default


class ChoiceDialog(ModalScreen[str]):
    """A question and its answers as buttons; escape gives `escape_value`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _escape_binding(),
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
        choices: list[Choice],
        escape_value: str,
        focus: str | None = None,
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
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(self.escape_value)


def delete_question(question: str) -> ChoiceDialog:
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


# --- one line of text --------------------------------------------------------------------


class TitlePrompt(ModalScreen[str | None]):
    """Asks for a title (a new domain, section or task); None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [_escape_binding()]
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


# --- a target ---------------------------------------------------------------------------


class QuantityValidator(Validator):
    """The value field, read as the check will read it, as the user types."""

    def validate(self, value: str) -> ValidationResult:
        _, problems = edit.read_value(value)
        return self.failure(problems[0]) if problems else self.success()


@dataclass(frozen=True)
class TargetAnswer:
    """What the target form gives back: a target to keep, or the wish to delete it."""

    target: model.Target | None
    delete: bool = False


class TargetForm(ModalScreen[TargetAnswer | None]):
    """Add or edit a target, with the value read back as typed (15万 → 150000人)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _escape_binding(),
        binding("ctrl+s", "submit", "form_submit", binding_id="target.submit", priority=True),
    ]
    DEFAULT_CSS = (
        DIALOG_CSS.format(name="TargetForm")
        + """
    TargetForm .row { height: 1; margin-bottom: 1; }
    TargetForm .row > Label { width: 10; color: $text-muted; }
    TargetForm .row > Input, TargetForm .row > Select { width: 1fr; }
    TargetForm .buttons > Button { min-width: 8; }
    TargetForm #reading { height: auto; margin-left: 10; color: $success; }
    TargetForm #reading.-bad { color: $error; }
    TargetForm #last-year { height: auto; margin-left: 10; color: $text-muted; }
    TargetForm #form-problems { height: auto; color: $error; }
    """
    )

    def __init__(
        self, target: model.Target | None, baseline: model.Results | None, heading: str
    ) -> None:
        super().__init__()
        self.original = target
        self.baseline = baseline
        self.heading = heading
        self._op_touched = target is not None  # an existing op is the user's own choice

    def compose(self) -> ComposeResult:
        target = self.original or model.Target(metric="", value="")
        with Vertical():
            yield Static(self.heading, classes="dialog-title", markup=False)
            yield form_row(
                say("target_col_metric"),
                Input(
                    target.metric, id="metric", placeholder=say("form_metric_hint"), compact=True
                ),
            )
            yield form_row(
                say("target_col_value"),
                Input(
                    target.value,
                    id="value",
                    placeholder=say("form_value_hint"),
                    compact=True,
                    validators=[QuantityValidator()],
                    validate_on=["changed"],
                ),
            )
            yield Static("", id="reading", markup=False)
            yield form_row(
                say("target_col_unit"),
                Input(target.unit, id="unit", placeholder=say("form_unit_hint"), compact=True),
            )
            yield form_row(
                say("target_col_op"),
                Select(
                    [(say(OP_WORDS[op]), op) for op in model.Op],
                    id="op",
                    value=target.op,
                    allow_blank=False,
                    compact=True,
                ),
            )
            yield form_row(
                say("target_col_kind"),
                Select(
                    [(say(f"kind_{kind.value}"), kind) for kind in model.Kind],
                    id="kind",
                    value=target.kind,
                    allow_blank=False,
                    compact=True,
                ),
            )
            yield Static("", id="last-year", markup=False)
            yield Static("", id="form-problems", markup=False)
            with Horizontal(classes="buttons"):
                if self.original is not None:
                    yield Button(
                        say("button_delete_target"), id="delete", variant="error", compact=True
                    )
                yield Button(say("button_ok"), id="ok", variant="primary", compact=True)
                yield Button(say("button_cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#metric" if self.original is None else "#value", Input).focus()
        self._update()

    def _fields(self) -> tuple[str, str, str, model.Op, model.Kind]:
        op = self.query_one("#op", Select).value
        kind = self.query_one("#kind", Select).value
        return (
            self.query_one("#metric", Input).value,
            self.query_one("#value", Input).value,
            self.query_one("#unit", Input).value,
            op,
            kind,
        )  # type: ignore[return-value]

    @on(Input.Changed, "#value")
    def _value_changed(self, event: Input.Changed) -> None:
        """The value's own words set op (以内 → 不超过) and kind (% → 比率) as typed."""
        implied = edit.implied_op(event.value)
        op = self.query_one("#op", Select)
        if implied is not None:
            op.value = implied
        elif not self._op_touched:
            op.value = model.Op.AT_LEAST
        kind = self.query_one("#kind", Select)
        percent = "%" in event.value or "％" in event.value
        if percent:
            kind.value = model.Kind.RATE
        elif kind.value is model.Kind.RATE:
            kind.value = model.Kind.STOCK
        self._update()

    @on(Select.Changed, "#op")
    def _op_changed(self, event: Select.Changed) -> None:
        if event.value != edit.implied_op(self.query_one("#value", Input).value):
            self._op_touched = True
        self._update()

    @on(Input.Changed, "#metric")
    @on(Input.Changed, "#unit")
    @on(Select.Changed, "#kind")
    def _update(self) -> None:
        metric, value, unit, op, kind = self._fields()
        quantity, problems = edit.read_value(value, unit, op, kind)
        line = self.query_one("#reading", Static)
        if quantity is not None and not problems:
            line.update(edit.reading_of(quantity, op))
            line.remove_class("-bad")
        else:
            line.update(problems[0] if value.strip() else "")
            line.add_class("-bad")
        reading = edit.read_target(metric, value, unit, op, kind)
        self.query_one("#last-year", Static).update(self._last_year(reading.target))
        self.query_one("#form-problems", Static).update("")

    def _last_year(self, target: model.Target | None) -> Text:
        """Last year's figure for the metric, and the change the value makes to it."""
        if target is None or self.baseline is None:
            return Text("")
        last = edit.last_year(target, self.baseline)
        if not last.figure:
            return Text(last.change)
        if not last.change:
            return Text(say("form_last_year_only", figure=last.figure))
        change = (
            say("form_change_percent", change=last.change, percent=last.percent)
            if (last.percent)
            else last.change
        )
        return Text(say("form_last_year", figure=last.figure, change=change))

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def action_submit(self) -> None:
        reading = edit.read_target(*self._fields())
        if reading.target is None:
            self.query_one("#form-problems", Static).update("\n".join(reading.problems))
            return
        self.dismiss(TargetAnswer(reading.target))

    @on(Button.Pressed, "#delete")
    def _delete(self) -> None:
        self.dismiss(TargetAnswer(None, delete=True))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


# --- choosing from a list ------------------------------------------------------------------


class PickDialog(ModalScreen[str | None]):
    """One of a list (where to move a task); the option's id, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [_escape_binding()]
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


class FindDialog(ModalScreen[str | None]):
    """Find a task by words in its title or text; gives the task's id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _escape_binding(),
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


# --- the keys -------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyHelp:
    keys: str
    description: str
    tooltip: str


class HelpScreen(ModalScreen[None]):
    """Every key of the editor, grouped by where it works (F1)."""

    BINDINGS: ClassVar[list[BindingType]] = [_escape_binding(), Binding("f1", "cancel", show=False)]
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
