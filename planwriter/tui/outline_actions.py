"""Outline actions: new task (F2), section (F3) and domain (F4), delete (F8), move up and
down (Ctrl+↑/↓) and move to (F6).

`OutlineActions` holds no state of its own: it asks with a dialog, makes the edit (edit.py)
and hands the new plan to the screen's `apply`.
"""

from __future__ import annotations

from collections.abc import Callable

from planwriter import edit, model
from planwriter.catalogue import say
from planwriter.tui.dialogs import PickDialog, TitlePrompt
from planwriter.tui.host import EditorHost


class OutlineActions:
    def __init__(self, host: EditorHost) -> None:
        self.host = host

    @property
    def plan(self) -> model.Plan:
        return self.host.plan

    def _ask_title(self, title: str, hint: str, then: Callable[[str], None]) -> None:
        def answer(value: str | None) -> None:
            if value:
                then(value)

        self.host.ask(TitlePrompt(title, hint), answer)

    def _heading(self, item_id: str) -> str:
        item = edit.find_item(self.plan, item_id)
        return f"{model.labels(self.plan).get(item_id, '')}{item.title if item else ''}"

    def add_task(self) -> None:
        near = self.host.outline.selected_id
        if not near:
            self.host.notify(say("need_domain"), severity="warning")
            return

        def add(title: str) -> None:
            result = self.host.try_edit(lambda: edit.add_task(self.plan, title, near))
            if result:
                plan, task_id = result
                self.host.apply(plan, say("step_add_task"), task_id)
                self.host.task_editor.focus_text()

        self._ask_title(say("add_task_title"), say("add_task_hint", where=self._heading(near)), add)

    def add_section(self) -> None:
        near = self.host.outline.selected_id
        if not near:
            self.host.notify(say("need_domain"), severity="warning")
            return

        def add(title: str) -> None:
            plan, section_id, took = edit.add_section(self.plan, title, near)
            self.host.apply(plan, say("step_add_section"), section_id)
            if took:
                self.host.notify(say("section_took_tasks", count=took))

        self._ask_title(say("add_section_title"), say("add_section_hint"), add)

    def add_domain(self) -> None:
        near = self.host.outline.selected_id

        def add(title: str) -> None:
            plan, domain_id = edit.add_domain(self.plan, title, near)
            self.host.apply(plan, say("step_add_domain"), domain_id)

        self._ask_title(say("add_domain_title"), say("add_domain_hint"), add)

    def delete(self) -> None:
        item_id = self.host.outline.selected_id
        item = edit.find_item(self.plan, item_id) if item_id else None
        if item is None or item_id is None:
            return
        heading = self._heading(item_id)
        if isinstance(item, model.Task):
            question = (
                say("delete_task_question", item=heading, targets=len(item.targets))
                if (item.targets)
                else say("delete_bare_task_question", item=heading)
            )
        else:
            question = say(
                "delete_group_question", item=heading, tasks=edit.tasks_under(self.plan, item_id)
            )
        neighbour = self._neighbour(item_id)

        def delete() -> None:
            plan = edit.delete(self.plan, item_id)
            self.host.apply(plan, say("step_delete", item=heading), neighbour)
            self.host.outline.focus()

        self.host.delete_if_confirmed(question, delete)

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
        item_id = self.host.outline.selected_id
        if not item_id:
            return
        plan = self.host.try_edit(lambda: edit.move(self.plan, item_id, step))
        if plan is not None:
            label = say(
                "step_move_up" if step < 0 else "step_move_down", item=self._heading(item_id)
            )
            self.host.apply(plan, label, item_id)

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(+1)

    def move_to(self) -> None:
        item_id = self.host.outline.selected_id
        if not item_id:
            return
        places = edit.destinations(self.plan, item_id)
        if not places:
            self.host.notify(say("move_nowhere"), severity="warning")
            return

        def answer(destination: str | None) -> None:
            if destination:
                plan = self.host.try_edit(lambda: edit.move_to(self.plan, item_id, destination))
                if plan is not None:
                    self.host.apply(plan, say("step_move_to", item=self._heading(item_id)), item_id)

        self.host.ask(PickDialog(say("move_to_title", item=self._heading(item_id)), places), answer)
