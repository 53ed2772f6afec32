"""The editor's keys, each once: id, key, action, Chinese label (`key_<id>`) and tooltip
(`tip_<id>`). The footer, the F1 help and the command palette all read these bindings.

Function keys and Ctrl combinations, all with priority: they work while the cursor is in
a text field, where plain letters must type. A bureau may rebind any of them by id
through `App.set_keymap`.
"""

from __future__ import annotations

from textual.binding import Binding

from planwriter.widgets.keys import binding


def editor_key(binding_id: str, key: str, show: bool = True, priority: bool = True) -> Binding:
    """Works anywhere in the editor, a text field included (priority)."""
    return binding(key, binding_id, binding_id, binding_id=binding_id, show=show, priority=priority)


# In footer order: what a clerk needs most comes first, so at 80 columns it stays in view.
# The footer holds what fits whole at 120 columns (a test measures it); the others are in
# F1's list and the command palette.
EDITOR_BINDINGS: list[Binding] = [
    editor_key("help", "f1"),
    editor_key("save", "ctrl+s"),
    editor_key("quit", "ctrl+q"),
    editor_key("add_task", "f2"),
    editor_key("add_target", "f7"),
    editor_key("undo", "ctrl+z"),
    editor_key("preview", "f5"),
    editor_key("export", "f9"),
    editor_key("toggle_hints", "f10"),
    editor_key("expand_text", "ctrl+e"),
    editor_key("delete", "f8", show=False),  # also Del in the outline and the target table
    editor_key("find", "ctrl+f", show=False),
    editor_key("move_up", "ctrl+up", show=False),
    editor_key("move_down", "ctrl+down", show=False),
    editor_key("redo", "ctrl+y", show=False),
    editor_key("add_section", "f3", show=False),
    editor_key("add_domain", "f4", show=False),
    editor_key("move_to", "f6", show=False),
    editor_key("edit_target", "ctrl+t", show=False),
    editor_key("toggle_leads", "ctrl+l", show=False),
    editor_key("progress", "ctrl+g", show=False),
    editor_key("record_progress", "ctrl+r", show=False),
    editor_key("to_outline", "escape", show=False, priority=False),
]

# The editor has its own ctrl+q (in the footer's third place); this one serves the picker.
APP_BINDINGS: list[Binding] = [
    binding("ctrl+q", "quit", "quit", binding_id="app.quit", show=False, priority=True),
    # the footer shows the palette's key at its right end
    binding(
        "ctrl+p", "command_palette", "palette", binding_id="palette", show=False, priority=True
    ),
    Binding("ctrl+c", "help_quit", show=False, system=True),
]
