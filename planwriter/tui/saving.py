"""Saving and quitting: the save in a thread, the question when the file changed on disk,
reloading it, and the question when quitting with unsaved edits.

`Saver` owns whether a save is running; the save itself runs in a thread and comes back as
`SaveFinished` or `SaveFailed`, which the screen hands to it.
"""

from __future__ import annotations

from functools import partial

from planwriter import edit, model
from planwriter.catalogue import say
from planwriter.problems import InputError
from planwriter.session import Document
from planwriter.tui.dialogs import Choice, ChoiceDialog
from planwriter.tui.host import EditorHost
from planwriter.tui.messages import SaveFailed, SaveFinished


class Saver:
    def __init__(self, host: EditorHost) -> None:
        self.host = host
        self.running = False

    @property
    def plan(self) -> model.Plan:
        return self.host.plan

    @property
    def document(self) -> Document:
        return self.host.document

    def save(self, then_quit: bool = False) -> None:
        if self.running:
            self.host.notify(say("save_in_progress"))
            return
        invalid = edit.invalid_items(self.plan)
        if invalid:
            item_id, reason = invalid[0]
            self.host.outline.select_id(item_id)
            self.host.notify(
                say("save_blocked", reason=reason, count=len(invalid)),
                title=say("save_blocked_title"),
                severity="error",
                timeout=10,
            )
            return
        if self.document.changed_on_disk():
            self.ask_about_disk(then_quit)
        elif not self.document.dirty:
            self.host.notify(say("save_nothing"))
            if then_quit:
                self.host.close_cleanly()
        else:
            self.save_now(then_quit)

    def ask_about_disk(self, then_quit: bool) -> None:
        def answer(choice: str | None) -> None:
            if choice == "overwrite":
                self.save_now(then_quit)
            elif choice == "reload":
                self.reload()

        self.host.ask(
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
        self.running = True
        work = partial(self._save_in_thread, self.plan, then_quit)
        self.host.run_worker(work, thread=True, exclusive=True, group="save")

    def _save_in_thread(self, plan: model.Plan, then_quit: bool) -> None:
        try:
            text = self.document.save(plan)
        except InputError as err:
            self.host.post_message(SaveFailed(err.problems))
        else:
            self.host.post_message(SaveFinished(plan, text, then_quit))

    def finished(self, message: SaveFinished) -> None:
        self.running = False
        self.document.saved_as(message.plan, message.text)
        self.host.saved()  # the recovery file goes, or keeps edits made during the save
        self.host.notify(say("saved", file=self.document.name))
        if message.then_quit:
            self.host.close_cleanly()

    def failed(self, message: SaveFailed) -> None:
        self.running = False
        reason = message.problems[0].message if message.problems else ""
        self.host.notify(reason, title=say("save_failed_title"), severity="error", timeout=15)

    def reload(self) -> None:
        try:
            self.document.reload()
        except InputError as err:
            self.host.notify(
                str(err.problems[0]), title=say("reload_failed"), severity="error", timeout=15
            )
            return
        if self.document.recovery:
            self.document.recovery.remove()
        self.host.reloaded()
        self.host.notify(say("reloaded", file=self.document.name))

    def quit(self) -> None:
        if self.running:
            self.host.notify(say("save_in_progress"))
            return
        if not self.document.dirty:
            self.host.close_cleanly()
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                self.save(then_quit=True)
            elif choice == "discard":
                self.host.close_cleanly()

        self.host.ask(
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
