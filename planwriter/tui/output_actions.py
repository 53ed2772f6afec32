"""Preview (F5) and export (F9): the plan as it will look on paper, and as .docx/.pdf.

`Output` starts the export in a thread; `ExportFinished` or `ExportFailed` comes back to it
through the screen. The renderer is imported only when asked for, so opening the editor stays
quick.
"""

from __future__ import annotations

from functools import partial

from planwriter import model
from planwriter.catalogue import say
from planwriter.problems import InputError
from planwriter.tui.host import EditorHost
from planwriter.tui.messages import ExportFailed, ExportFinished


class Output:
    def __init__(self, host: EditorHost) -> None:
        self.host = host

    def preview(self) -> None:
        from planwriter.tui.preview_screen import PreviewScreen

        try:
            host = self.host
            screen = PreviewScreen(host.plan, host.document.path, host.outline.selected_id)
        except InputError as err:
            self.host.notify(
                str(err.problems[0].message),
                title=say("preview_failed"),
                severity="error",
                timeout=15,
            )
            return
        self.host.app.push_screen(screen)

    def export(self) -> None:
        from planwriter.render import libreoffice_available

        self.host.notify(say("export_started"))
        args = (self.host.plan, libreoffice_available(), self.host.document.dirty)
        work = partial(self._export_in_thread, *args)
        self.host.run_worker(work, thread=True, exclusive=True, group="export")

    def _export_in_thread(self, plan: model.Plan, pdf: bool, unsaved: bool) -> None:
        from planwriter.render.export import export

        try:
            rendered = export(plan, self.host.document.path, pdf)
        except InputError as err:
            self.host.post_message(ExportFailed(err.problems))
            return
        files = [rendered.docx] + ([rendered.pdf] if rendered.pdf else [])
        notes = [rendered.fonts_note] if rendered.fonts_note else []  # which fonts the PDF replaced
        self.host.post_message(ExportFinished(files, [*rendered.warnings, *notes], unsaved))

    def finished(self, message: ExportFinished) -> None:
        names = "、".join(self.host.document.shown(path) for path in message.files)
        text = say("export_done", files=names)
        if message.unsaved:
            text += say("export_unsaved")
        self.host.notify(text, title=say("export_title"), timeout=10)
        for warning in message.warnings:
            self.host.notify(warning, severity="warning", timeout=10)

    def failed(self, message: ExportFailed) -> None:
        reason = "；".join(
            f"{problem.where}：{problem.message}" if problem.where.file else problem.message
            for problem in message.problems[:3]
        )
        self.host.notify(reason, title=say("export_failed"), severity="error", timeout=15)
