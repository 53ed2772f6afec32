"""Preview (F5), export (F9) and progress (Ctrl+G): the plan as it will look on paper, as
.docx/.pdf, and how far the year has carried its targets.

A part of `EditorScreen` (see editor_base.py for why the parts are Screen subclasses).
The renderer is imported only when asked for, so opening the editor stays quick.
"""

from __future__ import annotations

from textual import on, work

from planwriter import model
from planwriter.catalogue import say
from planwriter.problems import InputError
from planwriter.tui.editor_base import EditorBase
from planwriter.tui.events import ExportFailed, ExportFinished


class OutputActions(EditorBase):
    def action_preview(self) -> None:
        from planwriter.tui.preview_screen import PreviewScreen

        try:
            screen = PreviewScreen(self.plan, self.document.path, self.outline.selected_id)
        except InputError as err:
            self.notify(
                str(err.problems[0].message),
                title=say("preview_failed"),
                severity="error",
                timeout=15,
            )
            return
        self.app.push_screen(screen)

    def action_progress(self) -> None:
        """The whole plan's progress by domain, or why there is none to show."""
        from planwriter.progress import progress_path
        from planwriter.tui.progress_screen import ProgressScreen

        tracked = self.document.tracked(self.plan)
        if tracked is None:
            path = self.document.shown(progress_path(self.document.path))
            self.notify(say("progress_view_none", file=path), severity="warning", timeout=10)
            return
        self.app.push_screen(ProgressScreen(tracked))

    def action_record_progress(self) -> None:
        """记录进度 for the target selected in the task's target table."""
        from planwriter.tui.progress_form import ProgressForm
        from planwriter.widgets.target_table import TargetTable

        task = self.selected_task()
        index = self.query_one(TargetTable).selected_index if task else None
        if task is None or index is None or index >= len(task.targets):
            self.notify(say("record_no_target"), severity="warning")
            return
        target = task.targets[index]
        tracked = self.document.tracked(self.plan)
        row = (
            next(
                (
                    r
                    for r in tracked.rows
                    if (r.task.id, r.target.metric) == (task.id, target.metric)
                ),
                None,
            )
            if tracked
            else None
        )

        def recorded(answer: object) -> None:
            from planwriter.tui.progress_form import Recorded

            if not isinstance(answer, Recorded):
                return
            try:
                path = self.document.record_progress(self.plan, answer.as_of, answer.entry)
            except InputError as err:
                self.notify(str(err.problems[0]), title=say("record_failed"), severity="error")
                return
            value = answer.entry.value.literal if answer.entry.value else ""
            self.notify(
                say(
                    "record_saved",
                    file=self.document.shown(path),
                    date=model.chinese_date(answer.as_of),
                    metric=target.metric,
                    value=model.written(value, answer.entry.unit),
                )
            )
            self.show_item(task.id)

        self.app.push_screen(ProgressForm(self.plan, task, target, row), recorded)

    def action_export(self) -> None:
        from planwriter.render import libreoffice_available

        self.notify(say("export_started"))
        self._export_in_thread(self.plan, libreoffice_available(), self.document.dirty)

    @work(thread=True, exclusive=True, group="export")
    def _export_in_thread(self, plan: model.Plan, pdf: bool, unsaved: bool) -> None:
        from planwriter.render.export import export

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
        reason = "；".join(
            f"{problem.where}：{problem.message}" if problem.where.file else problem.message
            for problem in message.problems[:3]
        )
        self.notify(reason, title=say("export_failed"), severity="error", timeout=15)
