"""Saving and quitting: the save in a thread, the question when the file changed on disk,
reloading it, and the question when quitting with unsaved edits.

A part of `EditorScreen` (see editor_base.py for why the parts are Screen subclasses).
"""

from __future__ import annotations

from textual import on, work

from planwriter import edit, model
from planwriter.catalogue import say
from planwriter.problems import InputError
from planwriter.tui.dialogs import Choice, ChoiceDialog
from planwriter.tui.editor_base import EditorBase
from planwriter.tui.events import SaveFailed, SaveFinished


class Saving(EditorBase):
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
            self.notify(
                say("save_blocked", reason=reason, count=len(invalid)),
                title=say("save_blocked_title"),
                severity="error",
                timeout=10,
            )
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

        self.app.push_screen(
            ChoiceDialog(
                say("disk_changed_title"),
                say("disk_changed_message", file=self.document.name),
                [
                    Choice("overwrite", say("disk_overwrite"), "warning"),
                    Choice("reload", say("disk_reload"), "error"),
                    Choice("cancel", say("button_cancel"), "primary"),
                ],
                escape_value="cancel",
            ),
            answer,
        )

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
            self.notify(
                str(err.problems[0]), title=say("reload_failed"), severity="error", timeout=15
            )
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

        self.app.push_screen(
            ChoiceDialog(
                say("quit_title"),
                say("quit_message", file=self.document.name),
                [
                    Choice("save", say("quit_save"), "primary"),
                    Choice("discard", say("quit_discard"), "error"),
                    Choice("cancel", say("button_cancel")),
                ],
                escape_value="cancel",
                focus="save",
            ),
            answer,
        )

    def close_cleanly(self) -> None:
        self._leaving_cleanly = True  # read by Recovering.on_unmount: no file left behind
        if self.document.recovery:
            self.document.recovery.remove()
        self.app.exit()
