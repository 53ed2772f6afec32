"""The recovery file: written a moment after each edit, offered back after a crash, and
written once more on the way out when the editor closes with unsaved edits.

A part of `EditorScreen` (see editor_base.py for why the parts are Screen subclasses);
the file itself is `recovery.RecoveryFile`, which knows nothing of Textual.
"""

from __future__ import annotations

import contextlib

from textual import on, work
from textual.timer import Timer

from planwriter import model, store
from planwriter.catalogue import say
from planwriter.problems import InputError
from planwriter.tui.dialogs import Choice, ChoiceDialog
from planwriter.tui.editor_base import EditorBase
from planwriter.tui.events import RecoveryFailed


class Recovering(EditorBase):
    RECOVERY_DELAY = 1.0  # seconds of quiet before the recovery file is written
    _recovery_timer: Timer | None = None

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
            self.notify(
                say("recovery_unreadable", file=pending.path, reason=err.problems[0]),
                severity="error",
                timeout=15,
            )
            return
        if plan == self.plan:
            recovery.remove()  # nothing in it the file does not have
            return
        message = say(
            "recovery_message",
            file=self.document.name,
            time=pending.written.strftime("%Y-%m-%d %H:%M"),
        )
        if pending.plan_changed_since:
            message += say("recovery_file_changed")

        def answer(choice: str | None) -> None:
            if choice == "discard":
                recovery.remove()
            else:
                self.apply(plan, say("step_recover"), self.outline.selected_id or "")
                self.notify(say("recovery_done"))

        self.app.push_screen(
            ChoiceDialog(
                say("recovery_title"),
                message,
                [
                    Choice("recover", say("recovery_recover"), "primary"),
                    Choice("discard", say("recovery_discard"), "error"),
                ],
                escape_value="recover",
            ),
            answer,
        )

    def on_unmount(self) -> None:
        """Leaving without a clean quit (an error): keep the edits for next time."""
        recovery = self.document.recovery
        if self._leaving_cleanly or recovery is None or not self.document.dirty:
            return
        with contextlib.suppress(InputError, OSError):  # nothing more can be done on the way out
            recovery.write(
                store.render(self.plan, self.document.original), recovery.next_generation()
            )
