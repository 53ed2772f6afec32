"""Progress (Ctrl+G) and 记录进度 (Ctrl+R): how far the year has carried the plan's targets,
from `<year>.progress.yaml`, and a value recorded into it.

The progress file is a file of its own: recording writes it at once and leaves the plan's
unsaved edits alone. Tracking is imported only when a plan has a progress file.
"""

from __future__ import annotations

from planwriter import model
from planwriter.catalogue import say
from planwriter.problems import InputError
from planwriter.progress import progress_path
from planwriter.tui.host import EditorHost


class ProgressActions:
    def __init__(self, host: EditorHost) -> None:
        self.host = host

    def show(self) -> None:
        """The whole plan's progress by domain, or why there is none to show."""
        from planwriter.tui.progress_screen import ProgressScreen

        host = self.host
        tracked = host.document.tracked(host.plan)
        if tracked is None:
            path = host.document.shown(progress_path(host.document.path))
            host.notify(say("progress_view_none", file=path), severity="warning", timeout=10)
            return
        host.app.push_screen(ProgressScreen(tracked))

    def record(self) -> None:
        """记录进度 for the target selected in the task's target table."""
        from planwriter.tui.dialogs.progress_form import ProgressForm, Recorded

        host = self.host
        task = host.selected_task()
        index = host.target_table.selected_index if task else None
        if task is None or index is None or index >= len(task.targets):
            host.notify(say("record_no_target"), severity="warning")
            return
        target = task.targets[index]
        tracked = host.document.tracked(host.plan)
        key = (task.id, target.metric)
        rows = tracked.rows if tracked else []
        row = next((r for r in rows if (r.task.id, r.target.metric) == key), None)

        def recorded(answer: Recorded | None) -> None:
            if answer is None:
                return
            try:
                path = host.document.record_progress(host.plan, answer.as_of, answer.entry)
            except InputError as err:
                host.notify(str(err.problems[0]), title=say("record_failed"), severity="error")
                return
            value = answer.entry.value.literal if answer.entry.value else ""
            message = say(
                "record_saved",
                file=host.document.shown(path),
                date=model.chinese_date(answer.as_of),
                metric=target.metric,
                value=model.written(value, answer.entry.unit),
            )
            host.notify(message)
            host.show_item(task.id)

        host.ask(ProgressForm(host.plan, task, target, row), recorded)
