"""Preview (F5) and export (F9): the plan as it will look on paper, and as .docx/.pdf.

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
