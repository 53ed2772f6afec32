"""`planwriter edit` without a plan: the plans under ./plans to choose from, or a new one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from planwriter import edit, store
from planwriter.catalogue import say
from planwriter.problems import InputError
from planwriter.session import shown_path
from planwriter.tui.dialogs.base import DIALOG_CSS, FIELD_KEYS, FieldOrder, form_row
from planwriter.widgets.footer import WholeKeysFooter
from planwriter.widgets.keys import binding

NEW_PLAN = "--new--"


@dataclass(frozen=True)
class PlanFile:
    path: Path
    summary: str  # 常州市民政局 2024年 · 10 个领域，34 项任务; or why it cannot be read
    bureau: str = ""
    year: int = 0


def plan_files(plans_dir: Path) -> list[PlanFile]:
    """Every *.plan.yaml under `plans_dir`, newest year first within each folder."""
    found = []
    for path in sorted(plans_dir.rglob(f"*{store.PLAN_SUFFIX}"), reverse=True):
        try:
            plan = store.load_plan(path).model
        except InputError as err:
            found.append(PlanFile(path, say("picker_unreadable", reason=err.problems[0].message)))
            continue
        domains, tasks, targets = edit.counts(plan)
        found.append(
            PlanFile(
                path,
                say(
                    "picker_summary",
                    bureau=plan.bureau,
                    year=plan.year,
                    domains=domains,
                    tasks=tasks,
                    targets=targets,
                ),
                plan.bureau,
                plan.year,
            )
        )
    return found


class PickerScreen(Screen[Path]):
    """Dismissed with the chosen (or newly made) plan's path."""

    BINDINGS: ClassVar[list[BindingType]] = [
        binding("f2", "new_plan", "new_plan", binding_id="picker.new", priority=True),
        binding("ctrl+q", "app.quit", "quit", binding_id="picker.quit", priority=True),
    ]
    DEFAULT_CSS = """
    PickerScreen { align: center top; }
    PickerScreen > Vertical { width: 100; max-width: 100%; height: 1fr; padding: 1 2; }
    PickerScreen #picker-title { text-style: bold; height: auto; }
    PickerScreen #picker-hint { color: $text-muted; height: auto; margin-bottom: 1; }
    PickerScreen OptionList { height: 1fr; }
    """

    def __init__(self, plans_dir: Path, cwd: Path | None = None) -> None:
        super().__init__()
        self.plans_dir, self.cwd = plans_dir, cwd
        self.files = plan_files(plans_dir) if plans_dir.is_dir() else []

    def compose(self) -> ComposeResult:
        with Vertical():
            folder = shown_path(self.plans_dir, self.cwd)
            title = say("picker_title" if self.files else "picker_none", folder=folder)
            yield Static(title, id="picker-title", markup=False)
            yield Static(say("picker_hint"), id="picker-hint")
            options = [Option(self._line(item, self.cwd), id=str(item.path)) for item in self.files]
            options.append(Option(Text(say("picker_new"), style="bold green"), id=NEW_PLAN))
            yield OptionList(*options)
        yield WholeKeysFooter()

    @staticmethod
    def _line(item: PlanFile, cwd: Path | None) -> Text:
        return Text.assemble((shown_path(item.path, cwd), "bold"), "\n  ", (item.summary, "dim"))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == NEW_PLAN:
            self.action_new_plan()
        elif event.option.id:
            self.dismiss(Path(event.option.id))

    def action_new_plan(self) -> None:
        """Bureau and year suggested from the newest plan (next year's, same bureau), else
        the bureau's name from planwriter.toml."""
        newest = max((f for f in self.files if f.year), key=lambda f: f.year, default=None)
        suggestion = (newest.bureau, str(newest.year + 1)) if newest else (self._bureau(), "")
        self.app.push_screen(NewPlanDialog(self.plans_dir, self.cwd, *suggestion), self._created)

    def _bureau(self) -> str:
        from planwriter.settings import bureau_defaults, settings_for

        try:
            return bureau_defaults(settings_for(self.plans_dir)).name
        except InputError:
            return ""  # the dialog reports a broken planwriter.toml when asked to create

    def _created(self, path: Path | None) -> None:
        if path is not None:
            self.dismiss(path)


class NewPlanDialog(FieldOrder, ModalScreen[Path | None]):
    """Bureau and year: next year's plan, carried over from last year's when there is one."""

    FIELD_ORDER: ClassVar[tuple[str, ...]] = ("bureau", "year")

    BINDINGS: ClassVar[list[BindingType]] = [
        binding("escape", "cancel", "cancel", binding_id="new.cancel"),
        *FIELD_KEYS,
    ]
    DEFAULT_CSS = (
        DIALOG_CSS.format(name="NewPlanDialog")
        + """
    NewPlanDialog .row { height: auto; margin-bottom: 1; }
    NewPlanDialog .row > Label { width: 8; padding-top: 1; color: $text-muted; }
    NewPlanDialog .row > Input { width: 1fr; }
    NewPlanDialog #new-problem { color: $error; height: auto; }
    """
    )

    def __init__(self, plans_dir: Path, cwd: Path | None, bureau: str = "", year: str = "") -> None:
        super().__init__()
        self.plans_dir, self.cwd = plans_dir, cwd
        self.bureau, self.year = bureau, year

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(say("new_plan_title"), classes="dialog-title")
            yield form_row(
                say("new_plan_bureau"),
                Input(self.bureau, id="bureau", placeholder=say("arg_bureau")),
            )
            yield form_row(
                say("new_plan_year"),
                Input(self.year, id="year", placeholder=say("arg_year"), type="integer"),
            )
            yield Static("", id="new-problem", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(say("button_create"), id="ok", variant="primary")
                yield Button(say("button_cancel"), id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _create(self) -> None:
        from planwriter.new import find_plan, new_plan
        from planwriter.settings import bureau_defaults, settings_for
        from planwriter.years import plan_year, year_problem

        bureau = self.query_one("#bureau", Input).value.strip()
        year_text = self.query_one("#year", Input).value.strip()
        problem = self.query_one("#new-problem", Static)
        if not bureau:
            problem.update(say("new_plan_need_bureau"))
            return
        year = plan_year(year_text)
        if year is None:
            problem.update(year_problem(year_text))
            return
        existing = find_plan(self.plans_dir, bureau, year)
        if existing is not None:
            problem.update(say("new_plan_exists", file=shown_path(existing.path, self.cwd)))
            return
        try:
            defaults = bureau_defaults(settings_for(self.plans_dir))
            new = new_plan(bureau, year, self.plans_dir, defaults=defaults)
        except InputError as err:
            problem.update(err.problems[0].message)
            return
        if new.path.exists():
            problem.update(say("new_plan_exists", file=shown_path(new.path, self.cwd)))
            return
        new.write()
        self.dismiss(new.path)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
