"""What every part of the editor shares: the document, the widgets, and the one path of
every change (`apply`, with its undo and redo).

The editor's actions live in parts (outline_actions, target_actions, checking, saving,
recovering, output_actions), each a subclass of `EditorBase` that `EditorScreen` inherits.
The parts subclass this Screen rather than `object` for two reasons: Textual collects
`@on` handlers only from classes built by its own metaclass (a plain mixin's would be
silently ignored), and every part is then typed against the same state and helpers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.screen import Screen
from textual.widgets import ContentSwitcher

from planwriter import edit, model
from planwriter.catalogue import say
from planwriter.check import Finding
from planwriter.problems import Severity
from planwriter.session import Document
from planwriter.tui.dialogs import delete_question
from planwriter.widgets.findings import severity_counts
from planwriter.widgets.outline import PlanOutline
from planwriter.widgets.status import StatusLine
from planwriter.widgets.task_editor import HeadingEditor, TaskEditor

T = TypeVar("T")


class EditorBase(Screen[None]):
    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.findings: list[Finding] | None = None  # None until the first check is done
        self.marks: dict[str, Severity] = {}
        self._save_running = False
        self._leaving_cleanly = False  # quitting on purpose: no recovery file is left behind
        self._available: dict[str, bool] = {}  # action → whether it makes sense now

    # --- provided by the parts (checking.py, recovering.py) --------------------------------

    def schedule_check(self) -> None:
        raise NotImplementedError

    def schedule_recovery(self) -> None:
        raise NotImplementedError

    # --- the document and the widgets -----------------------------------------------------

    @property
    def plan(self) -> model.Plan:
        return self.document.plan

    @property
    def outline(self) -> PlanOutline:
        return self.query_one(PlanOutline)

    @property
    def task_editor(self) -> TaskEditor:
        return self.query_one(TaskEditor)

    def selected_task(self) -> model.Task | None:
        selected = self.outline.selected_id
        return edit.find_task(self.plan, selected) if selected else None

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
            self.task_editor.show_task(item, self.document.baseline)
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
        severities = severity_counts(self.findings) if self.findings is not None else None
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
        self.outline.show(self.plan, self.marks, select=select)
        if refresh_editor:
            self.show_item(self.outline.selected_id)
        self.update_status()
        self.schedule_check()
        self.schedule_recovery()
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
