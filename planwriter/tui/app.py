"""The Textual app: a plan picker or the editor, and the command palette in Chinese.

`make_app` builds it for the command line and the tests alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import ClassVar, cast

from rich.align import Align
from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets.option_list import Option

from planwriter.catalogue import say
from planwriter.problems import InputError
from planwriter.session import Document
from planwriter.tui.editor import EditorScreen
from planwriter.tui.keys import APP_BINDINGS


class ChinesePalette(CommandPalette):
    """Textual's command palette with its two fixed English phrases in Chinese."""

    def __init__(self) -> None:
        super().__init__(placeholder=say("palette_placeholder"), id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(say("palette_no_match"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class PlanApp(App[None], inherit_bindings=False):
    TITLE = "planwriter"
    BINDINGS: ClassVar[list[BindingType]] = [*APP_BINDINGS]
    CSS_PATH = "app.tcss"  # the app's own look; each widget and dialog carries its DEFAULT_CSS

    def __init__(
        self,
        document: Document | None = None,
        plans_dir: Path = Path("plans"),
        cwd: Path | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.plans_dir = plans_dir
        self.cwd = cwd

    def on_mount(self) -> None:
        if self.document is not None:
            self.open_document(self.document)
        else:
            from planwriter.tui.picker import PickerScreen

            self.push_screen(PickerScreen(self.plans_dir, self.cwd), self.open_path)

    def open_document(self, document: Document) -> None:
        self.document = document
        self.title = f"planwriter - {document.name}"
        self.push_screen(EditorScreen(document))

    def open_path(self, path: Path | None) -> None:
        if path is None:
            return
        try:
            document = Document.open(path, self.cwd)
        except InputError as err:
            from planwriter.tui.picker import PickerScreen

            self.notify(
                "\n".join(str(p) for p in err.problems[:5]),
                title=say("open_failed"),
                severity="error",
                timeout=20,
            )
            self.push_screen(PickerScreen(self.plans_dir, self.cwd), self.open_path)
            return
        self.open_document(document)

    # --- quitting ---------------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Ctrl+Q: the editor asks first when there are unsaved changes."""
        editor = next((s for s in self.screen_stack if isinstance(s, EditorScreen)), None)
        if editor is None:
            self.exit()
        elif self.screen is editor:
            editor.action_quit()
        else:
            self.notify(say("quit_close_dialog_first"), severity="warning")

    def action_help_quit(self) -> None:
        self.notify(say("help_quit"))

    # --- the command palette ------------------------------------------------------------------

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(ChinesePalette())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The editor's actions that make sense now (撤销 only when there is something to undo)."""
        if isinstance(screen, EditorScreen):
            for binding in screen.BINDINGS:
                assert isinstance(binding, Binding)
                if screen.check_action(binding.action, ()):
                    yield SystemCommand(
                        binding.description,
                        binding.tooltip,
                        partial(screen.run_action, binding.action),
                    )
        else:
            quit_binding = APP_BINDINGS[0]
            yield SystemCommand(quit_binding.description, quit_binding.tooltip, self.action_quit)


def make_app(
    plan: Path | str | None = None, *, plans_dir: Path | str = "plans", cwd: Path | None = None
) -> PlanApp:
    """The app for `plan` (InputError if it cannot be read), or the plan picker when None."""
    document = Document.open(plan, cwd) if plan is not None else None
    return PlanApp(document, Path(plans_dir), cwd)
