"""The main screen: outline, editor, problems, status. Every edit goes through `apply`.

`apply` records the new plan in the history, redraws what depends on it, and schedules
the check (debounced; off the UI thread for large plans) and the recovery file
(debounced, in a thread). The file itself is only written by an explicit save.

The screen lays out the widgets, binds the keys and keeps the one path of every change; each
other concern is a part that owns its own state and sees the screen only as an `EditorHost`
(host.py):

- widgets: PlanOutline (the outline), TaskEditor and HeadingEditor (the task form),
  TargetTable (targets), ProblemsPanel (findings), StatusLine
- outline_actions.OutlineActions: new task, section and domain; delete; move up, down and to
- target_actions.TargetActions: add, edit and delete targets; the offer to change a figure
- checking.Checker: the check after each edit, its findings and the outline's markers
- saving.Saver: save, merging a change on disk with the edits, quit
- recovering.Recoverer: the recovery file, written, offered back, kept on a crash
- output_actions.Output: preview and export
- progress_actions.ProgressActions: the plan's progress (Ctrl+G) and 记录进度 (Ctrl+R)

Workers post the typed messages of messages.py; the screen hands each to its part.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen, ScreenResultCallbackType
from textual.widgets import ContentSwitcher, Static, Tree

from planwriter import edit, model
from planwriter.catalogue import say
from planwriter.check import Finding
from planwriter.session import Document
from planwriter.tui.checking import Checker
from planwriter.tui.dialogs import FindDialog, delete_question
from planwriter.tui.keys import EDITOR_BINDINGS
from planwriter.tui.messages import (
    ChecksFinished,
    ExportFailed,
    ExportFinished,
    RecoveryFailed,
    SaveFailed,
    SaveFinished,
)
from planwriter.tui.outline_actions import OutlineActions
from planwriter.tui.output_actions import Output
from planwriter.tui.progress_actions import ProgressActions
from planwriter.tui.recovering import Recoverer
from planwriter.tui.saving import Saver
from planwriter.tui.target_actions import TargetActions
from planwriter.widgets.findings import ProblemsPanel, severity_counts
from planwriter.widgets.footer import WholeKeysFooter
from planwriter.widgets.outline import PlanOutline
from planwriter.widgets.status import StatusLine
from planwriter.widgets.target_table import TargetTable
from planwriter.widgets.task_editor import Edited, HeadingEditor, TaskEditor

T = TypeVar("T")


class EditorScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [*EDITOR_BINDINGS]

    DEFAULT_CSS = """
    EditorScreen #main { height: 1fr; }
    EditorScreen #outline {
        width: 38%; min-width: 28; max-width: 56; height: 1fr;
        border: round $foreground 25%; border-title-color: $text-muted;
    }
    EditorScreen #outline:focus { border: round $accent; border-title-color: $accent; }
    EditorScreen #editor {
        width: 1fr; height: 1fr; padding: 0 1;
        border: round $foreground 25%; border-title-color: $text-muted;
    }
    EditorScreen #editor:focus-within { border: round $accent; border-title-color: $accent; }
    EditorScreen #problems {
        height: 12; border: round $foreground 25%; border-title-color: $text-muted;
    }
    EditorScreen #problems:focus-within { border: round $accent; border-title-color: $accent; }
    EditorScreen #empty-editor { color: $text-muted; padding: 1 0; }
    EditorScreen.-short #problems { height: 7; }
    EditorScreen.-short TaskEditor .field { margin-bottom: 0; }
    EditorScreen.-short TaskEditor #text { margin-bottom: 0; }
    EditorScreen.-short TargetTable { max-height: 5; }
    EditorScreen.-short #problem-header { display: none; }
    EditorScreen.-short #problem-detail { height: 1; }
    """

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.checker = Checker(self)
        self.saver = Saver(self)
        self.recoverer = Recoverer(self)
        self.outline_actions = OutlineActions(self)
        self.target_actions = TargetActions(self)
        self.output = Output(self)
        self.progress_actions = ProgressActions(self)
        self._available: dict[str, bool] = {}  # action → whether it makes sense now

    # --- building ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield PlanOutline(id="outline")
            with ContentSwitcher(id="editor", initial="empty-editor"):
                yield TaskEditor(id="task-editor")
                yield HeadingEditor(id="heading-editor")
                yield Static(say("editor_empty_plan"), id="empty-editor")
        yield ProblemsPanel(id="problems")
        yield StatusLine(id="status")
        yield WholeKeysFooter()

    def on_mount(self) -> None:
        self.outline.border_title = say("outline_title")
        self.query_one("#editor").border_title = say("editor_heading_none")
        self.outline.show(self.plan, {})
        self.show_item(self.outline.selected_id)
        self.outline.focus()
        self.checker.first()
        self.update_status()
        for note in self.document.notes:
            self.notify(str(note), title=say("note_title"), severity="warning", timeout=10)
        self.call_after_refresh(self.recoverer.offer)

    def on_unmount(self) -> None:
        self.recoverer.keep_on_exit()

    def on_resize(self) -> None:
        self.set_class(self.size.height < 32, "-short")
        self.query_one(WholeKeysFooter).compact = self.size.width < 140

    # --- the document and the widgets -----------------------------------------------------

    @property
    def plan(self) -> model.Plan:
        return self.document.plan

    @property
    def findings(self) -> list[Finding] | None:
        return self.checker.findings

    @property
    def outline(self) -> PlanOutline:
        return self.query_one(PlanOutline)

    @property
    def task_editor(self) -> TaskEditor:
        return self.query_one(TaskEditor)

    @property
    def target_table(self) -> TargetTable:
        return self.query_one(TargetTable)

    @property
    def problems(self) -> ProblemsPanel:
        return self.query_one(ProblemsPanel)

    def selected_task(self) -> model.Task | None:
        selected = self.outline.selected_id
        return edit.find_task(self.plan, selected) if selected else None

    def ask(self, screen: Any, answer: ScreenResultCallbackType[Any]) -> None:
        """A dialog, its answer handed to `answer`."""
        self.app.push_screen(screen, answer)

    # --- showing --------------------------------------------------------------------------

    def show_item(self, item_id: str | None) -> None:
        plan = self.plan
        item = edit.find_item(plan, item_id) if item_id else None
        switcher = self.query_one(ContentSwitcher)
        editor = self.query_one("#editor")
        if item is None:
            switcher.current = "empty-editor"
            editor.border_title = say("editor_heading_none")
            return
        number = model.labels(plan)[item.id]
        if isinstance(item, model.Task):
            switcher.current = "task-editor"
            editor.border_title = say("editor_heading_task", number=number)
            paces = self.document.paces(plan, item)  # None without a progress file
            self.task_editor.show_task(item, self.document.baseline, plan.year, paces)
            return
        switcher.current = "heading-editor"
        if isinstance(item, model.Domain):
            tasks = list(model.domain_tasks(item))
            targets = sum(len(task.targets) for task in tasks)
            editor.border_title = say("editor_heading_domain", number=number)
            summary = say(
                "editor_domain_summary",
                sections=len(item.sections),
                tasks=len(tasks),
                targets=targets,
            )
        else:
            editor.border_title = say("editor_heading_section", number=number)
            summary = say("editor_section_summary", tasks=len(item.tasks))
        self.query_one(HeadingEditor).show_heading(item, summary)

    def update_status(self) -> None:
        findings = self.checker.findings
        severities = severity_counts(findings) if findings is not None else None
        self.query_one(StatusLine).show(
            self.document.name, self.document.dirty, edit.counts(self.plan), severities
        )

    # --- every change, and its undo and redo ----------------------------------------------

    def apply(
        self,
        plan: model.Plan,
        label: str,
        focus: str = "",
        merge_key: tuple[str, ...] | None = None,
        refresh_editor: bool = True,
    ) -> None:
        """Make `plan` the current plan as one step of the history, and redraw."""
        before = self.outline.selected_id or ""
        self.document.history.record(plan, label, before, focus or before, merge_key)
        self.plan_changed(focus or None, refresh_editor)

    def plan_changed(self, select: str | None = None, refresh_editor: bool = True) -> None:
        self.outline.show(self.plan, self.checker.marks, select=select)
        if refresh_editor:
            self.show_item(self.outline.selected_id)
        self.update_status()
        self.checker.schedule()
        self.recoverer.schedule()
        self.update_actions()

    def try_edit(self, change: Callable[[], T]) -> T | None:
        """The edited plan, or None with the reason shown (已在最前, …)."""
        try:
            return change()
        except edit.EditError as err:
            self.notify(str(err), severity="warning")
            return None

    def delete_if_confirmed(self, question: str, delete: Callable[[], None]) -> None:
        """Outline lines and targets alike are deleted only after 删除 is chosen."""

        def answer(choice: str | None) -> None:
            if choice == "delete":
                delete()

        self.app.push_screen(delete_question(question), answer)

    def action_undo(self) -> None:
        step = self.document.history.undo()
        if step is None:
            self.notify(say("undo_nothing"))
            return
        self.plan_changed(step.before or None)
        self.call_after_refresh(self._focus_outline_if_lost)
        self.notify(say("undone", label=step.label))

    def action_redo(self) -> None:
        step = self.document.history.redo()
        if step is None:
            self.notify(say("redo_nothing"))
            return
        self.plan_changed(step.after or None)
        self.call_after_refresh(self._focus_outline_if_lost)
        self.notify(say("redone", label=step.label))

    def _focus_outline_if_lost(self) -> None:
        """Undoing a new task removes the field that had the focus: the keys go to the
        outline again, not nowhere."""
        if self.focused is None:
            self.outline.focus()

    # --- after a save or a reload, and on the way out ------------------------------------

    def saved(self) -> None:
        self.recoverer.schedule()  # removes the file, or keeps edits made during the save
        self.update_status()

    def reloaded(self) -> None:
        self.checker.forget()
        self.plan_changed(self.outline.selected_id)

    def close_cleanly(self) -> None:
        self.recoverer.leave_cleanly()
        self.app.exit()

    # --- which actions make sense now -----------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        available = self._available.get(action, True)
        return True if available else None  # None: shown dimmed in the footer

    def update_actions(self) -> None:
        """Which actions make sense now; the footer is redrawn only when that changes (it
        is rebuilt widget by widget, far too slow for every keystroke)."""
        history = self.document.history
        selected = self.outline.selected_id
        item = edit.find_item(self.plan, selected) if selected else None
        task = item if isinstance(item, model.Task) else None
        available = {
            "undo": history.can_undo,
            "redo": history.can_redo,
            "add_task": bool(self.plan.domains),
            "add_section": bool(self.plan.domains),
            "delete": item is not None,
            "move_up": item is not None,
            "move_down": item is not None,
            "move_to": task is not None or isinstance(item, model.Section),
            "add_target": task is not None,
            "edit_target": task is not None and bool(task.targets),
        }
        if available != self._available:
            self._available = available
            self.refresh_bindings()

    # --- selection ------------------------------------------------------------------------

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        self.document.history.seal()
        self.show_item(self.outline.selected_id)
        self.update_actions()

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected) -> None:
        """Enter on an outline line: into its editor, ready to type."""
        if isinstance(edit.find_item(self.plan, self.outline.selected_id or ""), model.Task):
            self.task_editor.focus_text()
        else:
            self.query_one("#heading-title").focus()

    def action_to_outline(self) -> None:
        self.outline.focus()

    def action_toggle_hints(self) -> None:
        self.problems.toggle_info()

    def action_expand_text(self) -> None:
        if self.selected_task() is None:
            self.notify(say("need_task"), severity="warning")
            return
        self.task_editor.toggle_text_only()

    def action_toggle_leads(self) -> None:
        shown = self.outline.toggle_leads()
        self.notify(say("outline_leads_shown" if shown else "outline_leads_hidden"))

    def action_find(self) -> None:
        def answer(task_id: str | None) -> None:
            if task_id:
                self.outline.select_id(task_id)
                self.show_item(task_id)
                self.outline.focus()

        self.app.push_screen(FindDialog(self.plan), answer)

    # --- field editing ----------------------------------------------------------------------

    def on_edited(self, event: Edited) -> None:
        item = edit.find_item(self.plan, event.item_id)
        if item is None:
            return
        if isinstance(item, model.Task):
            current = edit.field_text(item, event.field)
        else:
            current = getattr(item, event.field)
        if current == event.value:
            return
        if isinstance(item, model.Task):
            plan = edit.update_task(self.plan, item.id, **{event.field: event.value})
        else:
            plan = edit.rename(self.plan, item.id, event.value)
        self.apply(
            plan, say(f"step_{event.field}"), item.id, (event.field, item.id), refresh_editor=False
        )

    # --- the parts' keys and messages -------------------------------------------------------

    def action_add_task(self) -> None:
        self.outline_actions.add_task()

    def action_add_section(self) -> None:
        self.outline_actions.add_section()

    def action_add_domain(self) -> None:
        self.outline_actions.add_domain()

    def action_delete(self) -> None:
        self.outline_actions.delete()

    def action_move_up(self) -> None:
        self.outline_actions.move_up()

    def action_move_down(self) -> None:
        self.outline_actions.move_down()

    def action_move_to(self) -> None:
        self.outline_actions.move_to()

    def action_add_target(self) -> None:
        self.target_actions.add_target()

    def action_edit_target(self) -> None:
        self.target_actions.edit_target()

    @on(TargetTable.EditRequested)
    def _edit_target_requested(self, message: TargetTable.EditRequested) -> None:
        self.target_actions.open_target_form(message.index)

    @on(TargetTable.DeleteRequested)
    def _delete_target_requested(self, message: TargetTable.DeleteRequested) -> None:
        self.target_actions.delete_requested(message)

    @on(ChecksFinished)
    def _checks_finished(self, message: ChecksFinished) -> None:
        self.checker.finished(message)

    @on(ProblemsPanel.Jump)
    def _jump(self, message: ProblemsPanel.Jump) -> None:
        self.outline.select_id(message.item_id)
        self.show_item(message.item_id)
        if message.fill:  # 可设指标…: the target form, filled in, a keystroke from OK
            self.target_actions.open_target_form(None, model.Target(**message.fill))

    def action_save(self) -> None:
        self.saver.save()

    def action_quit(self) -> None:
        self.saver.quit()

    @on(SaveFinished)
    def _saved(self, message: SaveFinished) -> None:
        self.saver.finished(message)

    @on(SaveFailed)
    def _save_failed(self, message: SaveFailed) -> None:
        self.saver.failed(message)

    @on(RecoveryFailed)
    def _recovery_failed(self, message: RecoveryFailed) -> None:
        self.recoverer.failed(message)

    def action_preview(self) -> None:
        self.output.preview()

    def action_export(self) -> None:
        self.output.export()

    def action_progress(self) -> None:
        self.progress_actions.show()

    def action_record_progress(self) -> None:
        self.progress_actions.record()

    @on(ExportFinished)
    def _exported(self, message: ExportFinished) -> None:
        self.output.finished(message)

    @on(ExportFailed)
    def _export_failed(self, message: ExportFailed) -> None:
        self.output.failed(message)

    def action_help(self) -> None:
        from planwriter.tui.dialogs import HelpScreen
        from planwriter.tui.help import help_groups

        self.app.push_screen(HelpScreen(help_groups(self.app)))
