"""The main screen: outline, editor, problems, status. Every edit goes through `apply`.

`apply` records the new plan in the history, redraws what depends on it, and schedules
the check (debounced; off the UI thread for large plans) and the recovery file
(debounced, in a thread). The file itself is only written by an explicit save.

This module holds the screen itself: its layout, its keys, the selection, field editing,
find and help. The rest is in parts that `EditorScreen` inherits, one concern each:

- editor_base.py: shared state, `apply`, undo and redo, which actions make sense now
- outline_actions.py: new task, section and domain; delete; move up, down and to
- target_actions.py: add, edit and delete targets; the offer to change a figure
- checking.py: the check after each edit and the findings panel
- saving.py: save, the changed-on-disk question, reload, quit
- recovering.py: the recovery file, written, offered back, kept on a crash
- output_actions.py: preview and export
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import ContentSwitcher, Footer, Static, Tree

from planwriter import edit, model
from planwriter.catalogue import say
from planwriter.tui.checking import Checking
from planwriter.tui.dialogs import FindDialog
from planwriter.tui.editor_base import EditorBase
from planwriter.tui.keys import EDITOR_BINDINGS
from planwriter.tui.outline_actions import OutlineActions
from planwriter.tui.output_actions import OutputActions
from planwriter.tui.recovering import Recovering
from planwriter.tui.saving import Saving
from planwriter.tui.target_actions import TargetActions
from planwriter.widgets.findings import ProblemsPanel
from planwriter.widgets.outline import PlanOutline
from planwriter.widgets.status import StatusLine
from planwriter.widgets.task_editor import Edited, HeadingEditor, TaskEditor


class EditorScreen(
    OutlineActions, TargetActions, Checking, Saving, Recovering, OutputActions, EditorBase
):
    BINDINGS: ClassVar[list[BindingType]] = EDITOR_BINDINGS

    DEFAULT_CSS = """
    EditorScreen #main { height: 1fr; }
    EditorScreen #outline {
        width: 38%; min-width: 28; max-width: 56; height: 1fr;
        border: round $foreground 25%; border-title-color: $text-muted;
    }
    EditorScreen #outline:focus { border: round $accent; border-title-color: $accent; }
    EditorScreen #editor {
        width: 1fr; height: 1fr; padding: 0 1;
        border: round $foreground 25%; border-title-color: $text-muted;
    }
    EditorScreen #editor:focus-within { border: round $accent; border-title-color: $accent; }
    EditorScreen #problems {
        height: 12; border: round $foreground 25%; border-title-color: $text-muted;
    }
    EditorScreen #problems:focus-within { border: round $accent; border-title-color: $accent; }
    EditorScreen #empty-editor { color: $text-muted; padding: 1 0; }
    EditorScreen.-short #problems { height: 7; }
    EditorScreen.-short TaskEditor .field { margin-bottom: 0; }
    EditorScreen.-short TaskEditor #text { margin-bottom: 0; }
    EditorScreen.-short TargetTable { max-height: 5; }
    EditorScreen.-short #problem-header { display: none; }
    EditorScreen.-short #problem-detail { height: 1; }
    """

    # --- building ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield PlanOutline(id="outline")
            with ContentSwitcher(id="editor", initial="empty-editor"):
                yield TaskEditor(id="task-editor")
                yield HeadingEditor(id="heading-editor")
                yield Static(say("editor_empty_plan"), id="empty-editor")
        yield ProblemsPanel(id="problems")
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.outline.border_title = say("outline_title")
        self.query_one("#editor").border_title = say("editor_heading_none")
        self.outline.show(self.plan, {})
        self.show_item(self.outline.selected_id)
        self.outline.focus()
        self.first_check()
        self.update_status()
        for note in self.document.notes:
            self.notify(str(note), title=say("note_title"), severity="warning", timeout=10)
        self.call_after_refresh(self.offer_recovery)

    def on_resize(self) -> None:
        self.set_class(self.size.height < 32, "-short")
        self.query_one(Footer).compact = self.size.width < 110

    # --- selection ------------------------------------------------------------------------

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        self.document.history.seal()
        self.show_item(self.outline.selected_id)
        self.update_actions()

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected) -> None:
        """Enter on an outline line: into its editor, ready to type."""
        if isinstance(edit.find_item(self.plan, self.outline.selected_id or ""), model.Task):
            self.task_editor.focus_text()
        else:
            self.query_one("#heading-title").focus()

    def action_to_outline(self) -> None:
        self.outline.focus()

    def action_find(self) -> None:
        def answer(task_id: str | None) -> None:
            if task_id:
                self.outline.select_id(task_id)
                self.show_item(task_id)
                self.outline.focus()

        self.app.push_screen(FindDialog(self.plan), answer)

    # --- field editing ----------------------------------------------------------------------

    def on_edited(self, event: Edited) -> None:
        item = edit.find_item(self.plan, event.item_id)
        if item is None or getattr(item, event.field) == event.value:
            return
        if isinstance(item, model.Task):
            plan = edit.update_task(self.plan, item.id, **{event.field: event.value})
        else:
            plan = edit.rename(self.plan, item.id, event.value)
        self.apply(
            plan, say(f"step_{event.field}"), item.id, (event.field, item.id), refresh_editor=False
        )

    # --- help -------------------------------------------------------------------------------

    def action_help(self) -> None:
        from planwriter.tui.app import help_groups
        from planwriter.tui.dialogs import HelpScreen

        self.app.push_screen(HelpScreen(help_groups(self.app)))
