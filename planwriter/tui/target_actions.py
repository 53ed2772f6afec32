"""Target actions: add (F7), edit (Ctrl+T, or Enter in the table) and delete (Delete in the
table) a task's targets, and the offer to change the figure in the task's text when a
target's value changes.

`TargetActions` holds no state of its own: the screen hands it the target table's requests
and the form's answer comes back to it.
"""

from __future__ import annotations

from planwriter import edit, model
from planwriter.catalogue import say
from planwriter.tui.dialogs import Choice, ChoiceDialog, TargetAnswer, TargetForm
from planwriter.tui.host import EditorHost
from planwriter.widgets.target_table import TargetTable


class TargetActions:
    def __init__(self, host: EditorHost) -> None:
        self.host = host

    @property
    def plan(self) -> model.Plan:
        return self.host.plan

    def add_target(self) -> None:
        self.open_target_form(None)

    def edit_target(self) -> None:
        task = self.host.selected_task()
        if task is None or not task.targets:
            self.host.notify(say("no_target_selected"), severity="warning")
            return
        self.open_target_form(self.host.target_table.selected_index or 0)

    def delete_requested(self, message: TargetTable.DeleteRequested) -> None:
        task = self.host.selected_task()
        if task is None:
            return
        target = task.targets[message.index]
        question = say("delete_target_question", metric=target.metric, value=target.value)
        self.host.delete_if_confirmed(question, lambda: self._delete_target(task.id, message.index))

    def open_target_form(self, index: int | None, fill: model.Target | None = None) -> None:
        """The form for target `index` of the selected task, or for a new one (filled with
        `fill` when a finding suggests it)."""
        task = self.host.selected_task()
        if task is None:
            self.host.notify(say("need_task"), severity="warning")
            return
        number = model.labels(self.plan)[task.id]
        target = task.targets[index] if index is not None else None
        heading = say("form_edit_title" if target else "form_add_title", number=number)
        self.host.ask(
            TargetForm(target, self.host.document.baseline, heading, self.plan.year, fill=fill),
            lambda answer: self._target_answer(task.id, index, answer),
        )

    def _target_answer(self, task_id: str, index: int | None, answer: TargetAnswer | None) -> None:
        if answer is None:
            return
        if answer.delete and index is not None:
            self._delete_target(task_id, index)
            return
        target = answer.target
        assert target is not None
        if index is None:
            self.host.apply(
                edit.set_target(self.plan, task_id, None, target),
                say("step_add_target", metric=target.metric),
                task_id,
            )
            return
        task = edit.find_task(self.plan, task_id)
        assert task is not None
        old = task.targets[index]
        if old == target:
            return
        self.host.apply(
            edit.set_target(self.plan, task_id, index, target),
            say("step_edit_target", metric=target.metric),
            task_id,
            refresh_editor=False,
        )
        paces = self.host.document.paces(self.plan, task)
        pace = paces[index] if paces else None
        self.host.target_table.update_target(index, target, self.host.document.baseline, pace)
        self.offer_figure_replacement(task_id, old, target)

    def _delete_target(self, task_id: str, index: int) -> None:
        task = edit.find_task(self.plan, task_id)
        assert task is not None
        metric = task.targets[index].metric
        self.host.apply(
            edit.delete_target(self.plan, task_id, index),
            say("step_delete_target", metric=metric),
            task_id,
        )

    def offer_figure_replacement(self, task_id: str, old: model.Target, new: model.Target) -> None:
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
                self.host.apply(
                    edit.update_task(self.plan, task_id, text=text),
                    say("step_replace_figure"),
                    task_id,
                )

        self.host.ask(
            ChoiceDialog(
                say("replace_title"),
                say("replace_question", old=first.old, new=first.new, count=len(replacements)),
                [
                    Choice("replace", say("replace_yes"), "primary"),
                    Choice("keep", say("replace_no")),
                ],
                escape_value="keep",
                focus="replace",
            ),
            answer,
        )
