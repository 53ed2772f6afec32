"""A target: add or edit one, the value read back as typed (15万 → 150000人)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.validation import ValidationResult, Validator
from textual.widgets import Button, Input, Select, Static

from planwriter import edit, model
from planwriter.catalogue import say
from planwriter.problems import SEVERITY_LABELS, Severity
from planwriter.show import OP_WORDS
from planwriter.tui.dialogs.base import DIALOG_CSS, FIELD_KEYS, FieldOrder, escape_binding, form_row
from planwriter.widgets.keys import binding
from planwriter.widgets.task_editor import DueValidator


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


class TargetForm(FieldOrder, ModalScreen[TargetAnswer | None]):
    """Add or edit a target, with the value read back as typed (15万 → 150000人)."""

    FIELD_ORDER: ClassVar[tuple[str, ...]] = ("metric", "value", "unit", "op", "kind", "due")

    BINDINGS: ClassVar[list[BindingType]] = [
        escape_binding(),
        binding("ctrl+s", "submit", "form_submit", binding_id="target.submit", priority=True),
        *FIELD_KEYS,
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
    TargetForm #verdict { height: auto; margin-left: 10; }
    TargetForm #verdict.-error { color: $error; text-style: bold; }
    TargetForm #verdict.-warning { color: $warning; }
    TargetForm.-short .row { margin-bottom: 0; }
    TargetForm.-short > Vertical { padding: 0 2; max-height: 100%; }
    TargetForm #form-problems { height: auto; color: $error; }
    """
    )

    def __init__(
        self,
        target: model.Target | None,
        baseline: model.Results | None,
        heading: str,
        year: int = 0,
        fill: model.Target | None = None,
    ) -> None:
        super().__init__()
        self.year = year  # the plan's: a 完成时限 is read in it
        self.original = target
        self.fill = fill  # a new target's fields, filled in from a finding
        self.baseline = baseline
        self.heading = heading
        self._op_touched = target is not None  # an existing op is the user's own choice

    def compose(self) -> ComposeResult:
        target = self.original or self.fill or model.Target(metric="", value="")
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
            yield form_row(
                say("editor_due"),
                Input(
                    target.due,
                    id="due",
                    placeholder=say("form_due_hint"),
                    compact=True,
                    validators=[DueValidator(lambda: self.year)],
                    validate_on=["changed"],
                ),
            )
            yield Static("", id="last-year", markup=False)
            yield Static("", id="verdict", markup=False)
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

    def on_resize(self) -> None:
        # at 24 lines the spaced rows push OK and Cancel out of the frame
        self.set_class(self.size.height < 32, "-short")

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
        self._show_verdict(reading.target)

    def _show_verdict(self, target: model.Target | None) -> None:
        """What the check will say of the target against last year, in its colour, before
        OK: 低于上年 in red when OK would make an error."""
        found = edit.against_last_year(target, self.baseline) if target else []
        verdict = self.query_one("#verdict", Static)
        shown = found[0] if found and found[0].severity is not Severity.INFO else None
        verdict.update(
            say("form_verdict", label=SEVERITY_LABELS[shown.severity], message=shown.message)
            if shown
            else ""
        )
        verdict.set_class(shown is not None and shown.severity is Severity.ERROR, "-error")
        verdict.set_class(shown is not None and shown.severity is Severity.WARNING, "-warning")

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
        due = self.query_one("#due", Input)
        checked = due.validate(due.value)
        problems = reading.problems + (checked.failure_descriptions if checked else [])
        if reading.target is None or problems:
            self.query_one("#form-problems", Static).update("\n".join(problems))
            return
        self.dismiss(TargetAnswer(replace(reading.target, due=due.value.strip())))

    @on(Button.Pressed, "#delete")
    def _delete(self) -> None:
        self.dismiss(TargetAnswer(None, delete=True))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
