"""Saving and quitting: the save in a thread, merging a change on disk with the edits,
reloading, and the question when quitting with unsaved edits.

`Saver` owns whether a save is running; the save itself runs in a thread and comes back as
`SaveFinished` or `SaveFailed`, which the screen hands to it.
"""

from __future__ import annotations

from functools import partial

from planwriter import edit, files, merge, model, store
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
            self.merge_from_disk(then_quit)
        elif not self.document.dirty:
            self.host.notify(say("save_nothing"))
            if then_quit:
                self.host.close_cleanly()
        else:
            self.save_now(then_quit)

    def merge_from_disk(self, then_quit: bool) -> None:
        """The file changed since it was read: take in what changed there, item by item,
        asking the clerk only about the items both sides changed; then save."""
        try:
            disk = self.document.on_disk()
        except InputError as err:  # deleted, or no longer a plan: nothing to merge with
            self.ask_about_disk(then_quit, err.problems[0].message)
            return
        merged = merge.merge(self.document.saved, self.plan, disk.model)
        self._resolve(merged, disk, then_quit, {})

    def _resolve(
        self,
        merged: merge.Merged,
        disk: store.Loaded[model.Plan],
        then_quit: bool,
        choices: dict[str, merge.Side],
    ) -> None:
        if len(choices) == len(merged.conflicts):
            self._take_merge(merged, disk, then_quit, choices)
            return
        n = len(choices)
        conflict = merged.conflicts[n]

        def answer(choice: str | None) -> None:
            if choice in ("mine", "theirs"):
                choices[conflict.key] = choice  # type: ignore[assignment]
                self._resolve(merged, disk, then_quit, choices)

        question = say(
            "merge_question",
            file=self.document.name,
            item=conflict.label,
            mine=conflict.mine,
            theirs=conflict.theirs,
        )
        progress = say("merge_progress", n=n + 1, count=len(merged.conflicts))
        self.host.ask(
            ChoiceDialog(
                say("merge_title") + (progress if len(merged.conflicts) > 1 else ""),
                question,
                [
                    Choice("mine", say("merge_keep_mine"), "primary"),
                    Choice("theirs", say("merge_keep_theirs"), "warning"),
                    Choice("cancel", say("merge_cancel")),
                ],
                escape_value="cancel",
                focus="mine",
            ),
            answer,
        )

    def _take_merge(
        self,
        merged: merge.Merged,
        disk: store.Loaded[model.Plan],
        then_quit: bool,
        choices: dict[str, merge.Side],
    ) -> None:
        plan = merged.plan(choices)
        self.document.took_in(disk)
        self.host.apply(plan, say("step_merge"), self.host.outline.selected_id or "")
        came_in = merged.came_in
        if came_in:
            shown = "；".join(came_in[:5])
            if len(came_in) > 5:
                shown += say("merge_more", count=len(came_in))
            self.host.notify(say("merge_done", items=shown), timeout=15)
        elif merged.conflicts:
            self.host.notify(say("merge_done_chosen"), timeout=10)
        else:
            self.host.notify(say("merge_done_none"), timeout=10)
        if self.document.dirty:
            self.save_now(then_quit)
        elif then_quit:
            self.host.close_cleanly()

    def ask_about_disk(self, then_quit: bool, reason: str) -> None:
        def answer(choice: str | None) -> None:
            if choice == "overwrite":
                self.save_now(then_quit, overwrite=True)

        self.host.ask(
            ChoiceDialog(
                say("disk_changed_title"),
                say("disk_unreadable_message", file=self.document.name, reason=reason),
                [
                    Choice("overwrite", say("disk_overwrite"), "warning"),
                    Choice("cancel", say("button_cancel"), "primary"),
                ],
                escape_value="cancel",
            ),
            answer,
        )

    def save_now(self, then_quit: bool = False, overwrite: bool = False) -> None:
        self.running = True
        work = partial(self._save_in_thread, self.plan, then_quit, overwrite)
        self.host.run_worker(work, thread=True, exclusive=True, group="save")

    def _save_in_thread(self, plan: model.Plan, then_quit: bool, overwrite: bool) -> None:
        try:
            text = self.document.save(plan, overwrite)
        except InputError as err:
            self.host.post_message(SaveFailed(err.problems, then_quit))
        except OSError as err:  # the writer says its own; this is whatever else the OS said
            self.host.post_message(SaveFailed([files.os_problem(err)], then_quit))
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
        """The edits stay in the editor, which stays open; the file is as it was."""
        self.running = False
        if message.problems and message.problems[0].code == "changed":
            self.merge_from_disk(message.then_quit)  # changed between the check and the write
            return
        reason = message.problems[0].message if message.problems else ""
        self.host.notify(
            say("save_failed_kept", reason=reason),
            title=say("save_failed_title"),
            severity="error",
            timeout=15,
        )

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
