"""The recovery file: written a moment after each edit, offered back after a crash, and
written once more on the way out when the editor closes with unsaved edits.

`Recoverer` owns its timer and whether the editor is closing on purpose; the file itself is
`recovery.RecoveryFile`, which knows nothing of Textual.
"""

from __future__ import annotations

import contextlib
from functools import partial

from textual.timer import Timer

from planwriter import files, model, store
from planwriter.catalogue import say
from planwriter.files import os_reason
from planwriter.problems import InputError
from planwriter.session import Document
from planwriter.tui.dialogs import Choice, ChoiceDialog
from planwriter.tui.host import EditorHost
from planwriter.tui.messages import RecoveryFailed


class Recoverer:
    RECOVERY_DELAY = 1.0  # seconds of quiet before the recovery file is written

    def __init__(self, host: EditorHost) -> None:
        self.host = host
        self._timer: Timer | None = None
        self.leaving_cleanly = False  # quitting on purpose: no recovery file is left behind
        self._failure_said = False

    @property
    def document(self) -> Document:
        return self.host.document

    def schedule(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        recovery = self.document.recovery
        if recovery is None:
            return
        if not self.document.dirty:
            recovery.remove()
            return
        self._timer = self.host.set_timer(self.RECOVERY_DELAY, self.write)

    def write(self) -> None:
        recovery = self.document.recovery
        if recovery is not None and self.document.dirty:
            args = (self.host.plan, self.document.original, recovery.next_generation())
            work = partial(self._write_in_thread, *args)
            self.host.run_worker(work, thread=True, group="recovery")

    def _write_in_thread(self, plan: model.Plan, original: str, generation: int) -> None:
        assert self.document.recovery is not None
        try:
            self.document.recovery.write(store.render(plan, original), generation)
        except files.WriteFailed as err:
            self.host.post_message(RecoveryFailed(err.reason))
        except (InputError, OSError) as err:
            reason = err.problems[0].message if isinstance(err, InputError) else os_reason(err)
            self.host.post_message(RecoveryFailed(reason))
        else:
            self._failure_said = False  # a later failure is news again

    def failed(self, message: RecoveryFailed) -> None:
        """Said once: the editor keeps working, and a notice after every keystroke would
        drown it."""
        if not self._failure_said:
            self._failure_said = True
            self.host.notify(
                say("recovery_failed", reason=message.reason), severity="warning", timeout=15
            )

    def offer(self) -> None:
        """A recovery file left by a crash: offer its edits back (escape keeps them too)."""
        recovery = self.document.recovery
        pending = recovery.pending() if recovery else None
        if recovery is None or pending is None:
            return
        try:
            plan = self.document.recovered_plan(pending.text)
        except InputError as err:
            self.host.notify(
                say("recovery_unreadable", file=pending.path, reason=err.problems[0]),
                severity="error",
                timeout=15,
            )
            return
        if plan == self.host.plan:
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
                self.host.apply(plan, say("step_recover"), self.host.outline.selected_id or "")
                self.host.notify(say("recovery_done"))

        self.host.ask(
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

    def leave_cleanly(self) -> None:
        """Quitting on purpose: the recovery file goes, none is written on the way out."""
        self.leaving_cleanly = True
        if self.document.recovery:
            self.document.recovery.remove()

    def keep_on_exit(self) -> None:
        """Leaving without a clean quit (an error): keep the edits for next time."""
        recovery = self.document.recovery
        if self.leaving_cleanly or recovery is None or not self.document.dirty:
            return
        with contextlib.suppress(InputError, OSError):  # nothing more can be done on the way out
            recovery.write(
                store.render(self.host.plan, self.document.original), recovery.next_generation()
            )
