"""The main screen: outline, editor, problems, status. Every edit goes through `apply`.

`apply` records the new plan in the history, redraws what depends on it, and schedules
the check (debounced; off the UI thread for large plans) and the recovery file
(debounced, in a thread). The file itself is only written by an explicit save.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import ClassVar, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Static, Tree

from planwriter import edit, model, store
from planwriter.check import Finding
from planwriter.messages import say
from planwriter.problems import InputError, Severity
from planwriter.tui.dialogs import (
    Choice,
    ChoiceDialog,
    FindDialog,
    PickDialog,
    TargetAnswer,
    TargetForm,
    TitlePrompt,
    delete_question,
)
from planwriter.tui.document import Document
from planwriter.tui.events import (
    ChecksFinished,
    ExportFailed,
    ExportFinished,
    RecoveryFailed,
    SaveFailed,
    SaveFinished,
)
from planwriter.tui.keys import EDITOR_BINDINGS
from planwriter.widgets.outline import PlanOutline
from planwriter.widgets.problems import ProblemsPanel, severity_counts
from planwriter.widgets.status import StatusLine
from planwriter.widgets.target_table import TargetTable
from planwriter.widgets.task_editor import Edited, HeadingEditor, TaskEditor

T = TypeVar("T")
MARKED = (Severity.ERROR, Severity.WARNING)  # infos are many and mild: no marker in the tree


class EditorScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = EDITOR_BINDINGS
    CHECK_DELAY = 0.1  # seconds of quiet after a keystroke before the check runs
    RECOVERY_DELAY = 1.0  # seconds of quiet before the recovery file is written
    THREAD_CHECK_TASKS = 200  # larger plans are checked in a thread, so typing never waits

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
        self.findings: list[Finding] | None = None  # None until the first check is done
        self.marks: dict[str, Severity] = {}
        self._check_timer: Timer | None = None
        self._recovery_timer: Timer | None = None
        self._save_running = False
        self._leaving_cleanly = False  # quitting on purpose: no recovery file is left behind
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
        yield Footer()

    def on_mount(self) -> None:
        self.outline.border_title = say("outline_title")
        self.query_one("#editor").border_title = say("editor_heading_none")
        self.outline.show(self.plan, {})
        self.show_item(self.outline.selected_id)
        self.outline.focus()
        if edit.counts(self.plan)[1] <= self.THREAD_CHECK_TASKS:
            self.run_check()  # a small plan's first frame already shows its problems
        else:
            self.schedule_check()
        self.update_status()
        for note in self.document.notes:
            self.notify(str(note), title=say("note_title"), severity="warning", timeout=10)
        self.call_after_refresh(self.offer_recovery)

    def on_resize(self) -> None:
        self.set_class(self.size.height < 32, "-short")
        self.query_one(Footer).compact = self.size.width < 110

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
            summary = say("editor_domain_summary", sections=len(item.sections),
                          tasks=len(tasks), targets=targets)
        else:
            editor.border_title = say("editor_heading_section", number=number)
            summary = say("editor_section_summary", tasks=len(item.tasks))
        self.query_one(HeadingEditor).show_heading(item, summary)

    def update_status(self) -> None:
        severities = severity_counts(self.findings) if self.findings is not None else None
        self.query_one(StatusLine).show(self.document.name, self.document.dirty,
                                        edit.counts(self.plan), severities)

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

    # --- editing ---------------------------------------------------------------------------

    def apply(self, plan: model.Plan, label: str, focus: str = "",
              merge_key: tuple[str, ...] | None = None, refresh_editor: bool = True) -> None:
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

    def on_edited(self, event: Edited) -> None:
        item = edit.find_item(self.plan, event.item_id)
        if item is None or getattr(item, event.field) == event.value:
            return
        if isinstance(item, model.Task):
            plan = edit.update_task(self.plan, item.id, **{event.field: event.value})
        else:
            plan = edit.rename(self.plan, item.id, event.value)
        self.apply(plan, say(f"step_{event.field}"), item.id, (event.field, item.id),
                   refresh_editor=False)

    # --- checking ----------------------------------------------------------------------

    def schedule_check(self) -> None:
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(self.CHECK_DELAY, self.run_check)

    def run_check(self) -> None:
        plan = self.plan
        if edit.counts(plan)[1] > self.THREAD_CHECK_TASKS:
            self._check_in_thread(plan)
            return
        self.show_findings(plan, self.document.check(plan))

    @work(thread=True, exclusive=True, group="check")
    def _check_in_thread(self, plan: model.Plan) -> None:
        findings = self.document.check(plan)
        self.post_message(ChecksFinished(plan, findings))

    @on(ChecksFinished)
    def _checks_finished(self, message: ChecksFinished) -> None:
        if message.plan is self.plan:  # a newer edit has its own check coming
            self.show_findings(message.plan, message.findings)

    def show_findings(self, plan: model.Plan, findings: list[Finding]) -> None:
        self.findings = findings
        marks: dict[str, Severity] = {}
        for finding in findings:
            item = finding.task or finding.domain
            if item and finding.severity in MARKED and marks.get(item) is not Severity.ERROR:
                marks[item] = finding.severity
        self.marks = marks
        self.outline.show(plan, marks)
        self.query_one(ProblemsPanel).show(findings, plan, self.document.name)
        self.update_status()

    @on(ProblemsPanel.Jump)
    def _jump(self, message: ProblemsPanel.Jump) -> None:
        self.outline.select_id(message.item_id)
        self.show_item(message.item_id)

    # --- the recovery file ----------------------------------------------------------------

    def schedule_recovery(self) -> None:
        if self._recovery_timer is not None:
            self._recovery_timer.stop()
        recovery = self.document.recovery
        if recovery is None:
            return
        if not self.document.dirty:
            recovery.remove()
            return
        self._recovery_timer = self.set_timer(self.RECOVERY_DELAY, self.write_recovery)

    def write_recovery(self) -> None:
        recovery = self.document.recovery
        if recovery is not None and self.document.dirty:
            self._write_recovery(self.plan, self.document.original, recovery.next_generation())

    @work(thread=True, group="recovery")
    def _write_recovery(self, plan: model.Plan, original: str, generation: int) -> None:
        assert self.document.recovery is not None
        try:
            self.document.recovery.write(store.render(plan, original), generation)
        except (InputError, OSError) as err:
            self.post_message(RecoveryFailed(str(err)))

    @on(RecoveryFailed)
    def _recovery_failed(self, message: RecoveryFailed) -> None:
        self.notify(say("recovery_failed", reason=message.reason), severity="error")

    def offer_recovery(self) -> None:
        """A recovery file left by a crash: offer its edits back (escape keeps them too)."""
        recovery = self.document.recovery
        pending = recovery.pending() if recovery else None
        if pending is None:
            return
        try:
            plan = self.document.recovered_plan(pending.text)
        except InputError as err:
            self.notify(say("recovery_unreadable", file=pending.path, reason=err.problems[0]),
                        severity="error", timeout=15)
            return
        if plan == self.plan:
            recovery.remove()  # nothing in it the file does not have
            return
        message = say("recovery_message", file=self.document.name,
                      time=pending.written.strftime("%Y-%m-%d %H:%M"))
        if pending.plan_changed_since:
            message += say("recovery_file_changed")

        def answer(choice: str | None) -> None:
            if choice == "discard":
                recovery.remove()
            else:
                self.apply(plan, say("step_recover"), self.outline.selected_id or "")
                self.notify(say("recovery_done"))

        self.app.push_screen(ChoiceDialog(
            say("recovery_title"), message,
            [Choice("recover", say("recovery_recover"), "primary"),
             Choice("discard", say("recovery_discard"), "error")],
            escape_value="recover"), answer)

    # --- saving and quitting ---------------------------------------------------------------

    def action_save(self) -> None:
        self.save()

    def save(self, then_quit: bool = False) -> None:
        if self._save_running:
            self.notify(say("save_in_progress"))
            return
        invalid = edit.invalid_items(self.plan)
        if invalid:
            item_id, reason = invalid[0]
            self.outline.select_id(item_id)
            self.notify(say("save_blocked", reason=reason, count=len(invalid)),
                        title=say("save_blocked_title"), severity="error", timeout=10)
            return
        if self.document.changed_on_disk():
            self.ask_about_disk(then_quit)
        elif not self.document.dirty:
            self.notify(say("save_nothing"))
            if then_quit:
                self.close_cleanly()
        else:
            self.save_now(then_quit)

    def ask_about_disk(self, then_quit: bool) -> None:
        def answer(choice: str | None) -> None:
            if choice == "overwrite":
                self.save_now(then_quit)
            elif choice == "reload":
                self.reload()

        self.app.push_screen(ChoiceDialog(
            say("disk_changed_title"), say("disk_changed_message", file=self.document.name),
            [Choice("overwrite", say("disk_overwrite"), "warning"),
             Choice("reload", say("disk_reload"), "error"),
             Choice("cancel", say("button_cancel"), "primary")],
            escape_value="cancel"), answer)

    def save_now(self, then_quit: bool = False) -> None:
        self._save_running = True
        self._save_in_thread(self.plan, then_quit)

    @work(thread=True, exclusive=True, group="save")
    def _save_in_thread(self, plan: model.Plan, then_quit: bool) -> None:
        try:
            text = self.document.save(plan)
        except InputError as err:
            self.post_message(SaveFailed(err.problems))
        else:
            self.post_message(SaveFinished(plan, text, then_quit))

    @on(SaveFinished)
    def _saved(self, message: SaveFinished) -> None:
        self._save_running = False
        self.document.saved_as(message.plan, message.text)
        self.schedule_recovery()  # removes the file, or keeps edits made during the save
        self.update_status()
        self.notify(say("saved", file=self.document.name))
        if message.then_quit:
            self.close_cleanly()

    @on(SaveFailed)
    def _save_failed(self, message: SaveFailed) -> None:
        self._save_running = False
        reason = message.problems[0].message if message.problems else ""
        self.notify(reason, title=say("save_failed_title"), severity="error", timeout=15)

    def reload(self) -> None:
        try:
            self.document.reload()
        except InputError as err:
            self.notify(str(err.problems[0]), title=say("reload_failed"), severity="error",
                        timeout=15)
            return
        if self.document.recovery:
            self.document.recovery.remove()
        self.findings = None
        self.plan_changed(self.outline.selected_id)
        self.notify(say("reloaded", file=self.document.name))

    def action_quit(self) -> None:
        if self._save_running:
            self.notify(say("save_in_progress"))
            return
        if not self.document.dirty:
            self.close_cleanly()
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                self.save(then_quit=True)
            elif choice == "discard":
                self.close_cleanly()

        self.app.push_screen(ChoiceDialog(
            say("quit_title"), say("quit_message", file=self.document.name),
            [Choice("save", say("quit_save"), "primary"),
             Choice("discard", say("quit_discard"), "error"),
             Choice("cancel", say("button_cancel"))],
            escape_value="cancel", focus="save"), answer)

    def close_cleanly(self) -> None:
        self._leaving_cleanly = True
        if self.document.recovery:
            self.document.recovery.remove()
        self.app.exit()

    def on_unmount(self) -> None:
        """Leaving without a clean quit (an error): keep the edits for next time."""
        recovery = self.document.recovery
        if self._leaving_cleanly or recovery is None or not self.document.dirty:
            return
        with contextlib.suppress(InputError, OSError):  # nothing more can be done on the way out
            recovery.write(store.render(self.plan, self.document.original),
                           recovery.next_generation())

    def action_to_outline(self) -> None:
        self.outline.focus()

    # --- undo and redo -------------------------------------------------------------------

    def action_undo(self) -> None:
        step = self.document.history.undo()
        if step is None:
            self.notify(say("undo_nothing"))
            return
        self.plan_changed(step.before or None)
        self.notify(say("undone", label=step.label))

    def action_redo(self) -> None:
        step = self.document.history.redo()
        if step is None:
            self.notify(say("redo_nothing"))
            return
        self.plan_changed(step.after or None)
        self.notify(say("redone", label=step.label))

    # --- adding, deleting, moving -----------------------------------------------------------

    def _ask_title(self, title: str, hint: str, then: Callable[[str], None]) -> None:
        def answer(value: str | None) -> None:
            if value:
                then(value)

        self.app.push_screen(TitlePrompt(title, hint), answer)

    def _heading(self, item_id: str) -> str:
        item = edit.find_item(self.plan, item_id)
        return f"{model.labels(self.plan).get(item_id, '')}{item.title if item else ''}"

    def action_add_task(self) -> None:
        near = self.outline.selected_id
        if not near:
            self.notify(say("need_domain"), severity="warning")
            return

        def add(title: str) -> None:
            result = self.try_edit(lambda: edit.add_task(self.plan, title, near))
            if result:
                plan, task_id = result
                self.apply(plan, say("step_add_task"), task_id)
                self.task_editor.focus_text()

        self._ask_title(say("add_task_title"), say("add_task_hint", where=self._heading(near)),
                        add)

    def action_add_section(self) -> None:
        near = self.outline.selected_id
        if not near:
            self.notify(say("need_domain"), severity="warning")
            return

        def add(title: str) -> None:
            plan, section_id, took = edit.add_section(self.plan, title, near)
            self.apply(plan, say("step_add_section"), section_id)
            if took:
                self.notify(say("section_took_tasks", count=took))

        self._ask_title(say("add_section_title"), say("add_section_hint"), add)

    def action_add_domain(self) -> None:
        near = self.outline.selected_id

        def add(title: str) -> None:
            plan, domain_id = edit.add_domain(self.plan, title, near)
            self.apply(plan, say("step_add_domain"), domain_id)

        self._ask_title(say("add_domain_title"), say("add_domain_hint"), add)

    def action_delete(self) -> None:
        item_id = self.outline.selected_id
        item = edit.find_item(self.plan, item_id) if item_id else None
        if item is None or item_id is None:
            return
        heading = self._heading(item_id)
        if isinstance(item, model.Task):
            question = say("delete_task_question", item=heading, targets=len(item.targets)) if (
                item.targets) else say("delete_bare_task_question", item=heading)
        else:
            question = say("delete_group_question", item=heading,
                           tasks=edit.tasks_under(self.plan, item_id))
        neighbour = self._neighbour(item_id)

        def delete() -> None:
            self.apply(edit.delete(self.plan, item_id), say("step_delete", item=heading),
                       neighbour)
            self.outline.focus()

        self._delete_if_confirmed(question, delete)

    def _delete_if_confirmed(self, question: str, delete: Callable[[], None]) -> None:
        def answer(choice: str | None) -> None:
            if choice == "delete":
                delete()

        self.app.push_screen(delete_question(question), answer)

    def _neighbour(self, item_id: str) -> str:
        """The line the cursor goes to when `item_id` and what it holds are gone."""
        lines = list(model.outline(self.plan))
        index = next(i for i, line in enumerate(lines) if line.item.id == item_id)
        after = index + 1
        while after < len(lines) and lines[after].level > lines[index].level:
            after += 1
        if after < len(lines):
            return lines[after].item.id
        return lines[index - 1].item.id if index else ""

    def _move(self, step: int) -> None:
        item_id = self.outline.selected_id
        if not item_id:
            return
        plan = self.try_edit(lambda: edit.move(self.plan, item_id, step))
        if plan is not None:
            label = say("step_move_up" if step < 0 else "step_move_down",
                        item=self._heading(item_id))
            self.apply(plan, label, item_id)

    def action_move_up(self) -> None:
        self._move(-1)

    def action_move_down(self) -> None:
        self._move(+1)

    def action_move_to(self) -> None:
        item_id = self.outline.selected_id
        if not item_id:
            return
        places = edit.destinations(self.plan, item_id)
        if not places:
            self.notify(say("move_nowhere"), severity="warning")
            return

        def answer(destination: str | None) -> None:
            if destination:
                plan = self.try_edit(lambda: edit.move_to(self.plan, item_id, destination))
                if plan is not None:
                    self.apply(plan, say("step_move_to", item=self._heading(item_id)), item_id)

        self.app.push_screen(PickDialog(say("move_to_title", item=self._heading(item_id)),
                                        places), answer)

    # --- targets ------------------------------------------------------------------------------

    def action_add_target(self) -> None:
        self.open_target_form(None)

    def action_edit_target(self) -> None:
        task = self.selected_task()
        if task is None or not task.targets:
            self.notify(say("no_target_selected"), severity="warning")
            return
        self.open_target_form(self.query_one(TargetTable).selected_index or 0)

    @on(TargetTable.EditRequested)
    def _edit_requested(self, message: TargetTable.EditRequested) -> None:
        self.open_target_form(message.index)

    @on(TargetTable.DeleteRequested)
    def _delete_requested(self, message: TargetTable.DeleteRequested) -> None:
        task = self.selected_task()
        if task is None:
            return
        target = task.targets[message.index]
        question = say("delete_target_question", metric=target.metric, value=target.value)
        self._delete_if_confirmed(question, lambda: self._delete_target(task.id, message.index))

    def open_target_form(self, index: int | None) -> None:
        task = self.selected_task()
        if task is None:
            self.notify(say("need_task"), severity="warning")
            return
        number = model.labels(self.plan)[task.id]
        target = task.targets[index] if index is not None else None
        heading = say("form_edit_title" if target else "form_add_title", number=number)
        self.app.push_screen(TargetForm(target, self.document.baseline, heading),
                             lambda answer: self._target_answer(task.id, index, answer))

    def _target_answer(self, task_id: str, index: int | None, answer: TargetAnswer | None
                       ) -> None:
        if answer is None:
            return
        if answer.delete and index is not None:
            self._delete_target(task_id, index)
            return
        target = answer.target
        assert target is not None
        if index is None:
            self.apply(edit.set_target(self.plan, task_id, None, target),
                       say("step_add_target", metric=target.metric), task_id)
            return
        task = edit.find_task(self.plan, task_id)
        assert task is not None
        old = task.targets[index]
        if old == target:
            return
        self.apply(edit.set_target(self.plan, task_id, index, target),
                   say("step_edit_target", metric=target.metric), task_id, refresh_editor=False)
        self.query_one(TargetTable).update_target(index, target, self.document.baseline)
        self.offer_figure_replacement(task_id, old, target)

    def _delete_target(self, task_id: str, index: int) -> None:
        task = edit.find_task(self.plan, task_id)
        assert task is not None
        metric = task.targets[index].metric
        self.apply(edit.delete_target(self.plan, task_id, index),
                   say("step_delete_target", metric=metric), task_id)

    def offer_figure_replacement(self, task_id: str, old: model.Target,
                                 new: model.Target) -> None:
        """The target's value changed: offer to say the same in the task's text."""
        task = edit.find_task(self.plan, task_id)
        if task is None:
            return
        replacements = edit.figure_replacements(task.text, old, new)
        if not replacements:
            return
        first = replacements[0]

        def answer(choice: str | None) -> None:
            current = edit.find_task(self.plan, task_id)
            if choice == "replace" and current is not None:
                text = edit.replace_figures(current.text, replacements)
                self.apply(edit.update_task(self.plan, task_id, text=text),
                           say("step_replace_figure"), task_id)

        self.app.push_screen(ChoiceDialog(
            say("replace_title"),
            say("replace_question", old=first.old, new=first.new, count=len(replacements)),
            [Choice("replace", say("replace_yes"), "primary"),
             Choice("keep", say("replace_no"))],
            escape_value="keep", focus="replace"), answer)

    # --- finding, previewing, exporting, help ------------------------------------------------

    def action_find(self) -> None:
        def answer(task_id: str | None) -> None:
            if task_id:
                self.outline.select_id(task_id)
                self.show_item(task_id)
                self.outline.focus()

        self.app.push_screen(FindDialog(self.plan), answer)

    def action_preview(self) -> None:
        from planwriter.tui.preview import PreviewScreen

        try:
            screen = PreviewScreen(self.plan, self.document.path, self.outline.selected_id)
        except InputError as err:
            self.notify(str(err.problems[0].message), title=say("preview_failed"),
                        severity="error", timeout=15)
            return
        self.app.push_screen(screen)

    def action_export(self) -> None:
        from planwriter.render import libreoffice_available

        self.notify(say("export_started"))
        self._export_in_thread(self.plan, libreoffice_available(), self.document.dirty)

    @work(thread=True, exclusive=True, group="export")
    def _export_in_thread(self, plan: model.Plan, pdf: bool, unsaved: bool) -> None:
        from planwriter.tui.export import export

        try:
            rendered = export(plan, self.document.path, pdf)
        except InputError as err:
            self.post_message(ExportFailed(err.problems))
            return
        files = [rendered.docx] + ([rendered.pdf] if rendered.pdf else [])
        self.post_message(ExportFinished(files, rendered.warnings, unsaved))

    @on(ExportFinished)
    def _exported(self, message: ExportFinished) -> None:
        names = "、".join(self.document.shown(path) for path in message.files)
        text = say("export_done", files=names)
        if message.unsaved:
            text += say("export_unsaved")
        self.notify(text, title=say("export_title"), timeout=10)
        for warning in message.warnings:
            self.notify(warning, severity="warning", timeout=10)

    @on(ExportFailed)
    def _export_failed(self, message: ExportFailed) -> None:
        reason = "；".join(f"{problem.where}：{problem.message}" if problem.where.file
                           else problem.message for problem in message.problems[:3])
        self.notify(reason, title=say("export_failed"), severity="error", timeout=15)

    def action_help(self) -> None:
        from planwriter.tui.app import help_groups
        from planwriter.tui.dialogs import HelpScreen

        self.app.push_screen(HelpScreen(help_groups(self.app)))

    # --- which actions make sense now --------------------------------------------------------

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


