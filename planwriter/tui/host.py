"""What the editor's parts may ask of the screen that holds them, and nothing more.

Each part (checking, saving, recovering, outline_actions, target_actions, output_actions)
owns its own state and gets the screen as an `EditorHost`: the open document, the outline
and task editor it shows, the one path of every change (`apply`) and Textual's own means
(notify, dialogs, timers, workers, messages). The parts never reach into each other: what
one does that another must follow goes through the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from planwriter import model
from planwriter.session import Document

if TYPE_CHECKING:
    from textual.app import App
    from textual.message import Message
    from textual.screen import ScreenResultCallbackType
    from textual.timer import Timer
    from textual.worker import Worker

    from planwriter.widgets.findings import ProblemsPanel
    from planwriter.widgets.outline import PlanOutline
    from planwriter.widgets.target_table import TargetTable
    from planwriter.widgets.task_editor import TaskEditor

T = TypeVar("T")


class EditorHost(Protocol):
    document: Document

    # the plan and what shows it
    @property
    def plan(self) -> model.Plan: ...
    @property
    def outline(self) -> PlanOutline: ...
    @property
    def task_editor(self) -> TaskEditor: ...
    @property
    def target_table(self) -> TargetTable: ...
    @property
    def problems(self) -> ProblemsPanel: ...
    def selected_task(self) -> model.Task | None: ...
    def show_item(self, item_id: str | None) -> None: ...
    def update_status(self) -> None: ...

    # every change
    def apply(
        self,
        plan: model.Plan,
        label: str,
        focus: str = "",
        merge_key: tuple[str, ...] | None = None,
        refresh_editor: bool = True,
    ) -> None: ...
    def plan_changed(self, select: str | None = None, refresh_editor: bool = True) -> None: ...
    def try_edit(self, change: Callable[[], T]) -> T | None: ...
    def ask(self, screen: Any, answer: ScreenResultCallbackType[Any]) -> None: ...
    def delete_if_confirmed(self, question: str, delete: Callable[[], None]) -> None: ...

    # after a save or a reload, and on the way out
    def reloaded(self) -> None: ...
    def saved(self) -> None: ...
    def close_cleanly(self) -> None: ...

    # Textual's own
    @property
    def app(self) -> App[Any]: ...
    def notify(
        self, message: str, *, title: str = "", severity: Any = "information", timeout: Any = None
    ) -> None: ...
    def set_timer(self, delay: float, callback: Callable[[], Any]) -> Timer: ...
    def run_worker(self, work: Any, *args: Any, **kwargs: Any) -> Worker[Any]: ...
    def post_message(self, message: Message) -> bool: ...
    def call_after_refresh(self, callback: Callable[..., Any], *args: Any) -> bool: ...
