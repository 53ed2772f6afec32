"""The help screen's contents: every key, grouped by where it works, read from the bindings
themselves so the help cannot drift from what the keys do."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App
from textual.binding import Binding, BindingType

from planwriter.catalogue import say
from planwriter.tui.dialogs import KeyHelp
from planwriter.tui.keys import APP_BINDINGS, EDITOR_BINDINGS
from planwriter.widgets.findings import FindingList
from planwriter.widgets.outline import PlanOutline
from planwriter.widgets.target_table import TargetTable


def help_groups(app: App) -> list[tuple[str, list[KeyHelp]]]:
    """Every key, grouped by where it works, from the bindings themselves."""

    def keys(bindings: Iterable[BindingType]) -> list[KeyHelp]:
        found = []
        for binding in bindings:
            if isinstance(binding, Binding) and binding.description:
                found.append(
                    KeyHelp(app.get_key_display(binding), binding.description, binding.tooltip)
                )
        return found

    moving = [
        KeyHelp(say(f"help_key_{name}"), say(f"help_name_{name}"), say(f"help_does_{name}"))
        for name in ("tab", "arrows", "enter", "space")
    ]
    editor_actions = {b.action for b in EDITOR_BINDINGS if isinstance(b, Binding)}
    app_only = [b for b in APP_BINDINGS if b.action not in editor_actions]
    return [
        (say("help_group_editor"), keys([*EDITOR_BINDINGS, *app_only])),
        (say("help_group_outline"), [*moving, *keys(PlanOutline.BINDINGS)]),
        (say("help_group_targets"), keys(TargetTable.BINDINGS)),
        (say("help_group_problems"), keys(FindingList.BINDINGS)),
        (
            say("help_group_dialogs"),
            [KeyHelp(say("help_key_escape"), say("key_cancel"), say("tip_cancel"))],
        ),
    ]
