"""Every binding of the app is made here: an id, a Chinese label (`key_<name>` in the
catalogue) and tooltip (`tip_<name>`), and the key shown as printed on the keyboard.
The footer, the F1 help and the command palette read these bindings and nothing else.
"""

from __future__ import annotations

from textual.binding import Binding

from planwriter.catalogue import say

# One name for each key, as printed on the keyboard, everywhere: footer, help, dialogs and
# the catalogue's sentences ("可以用 Ctrl+Z 撤销"). No arrows: ↑ is of "ambiguous" width,
# two cells in some CJK terminals.
KEY_DISPLAY = {
    "ctrl+up": "Ctrl+Up",
    "ctrl+down": "Ctrl+Down",
    "enter": "Enter",
    "delete": "Del",
    "escape": "Esc",
    "tab": "Tab",
    "space": "Space",
}


def key_display(key: str) -> str:
    first = key.split(",")[0]
    if first in KEY_DISPLAY:
        return KEY_DISPLAY[first]
    if first.startswith("ctrl+") and len(first) == 6:
        return f"Ctrl+{first[-1].upper()}"  # Ctrl+S, not ^s
    return first.upper() if first[:1] == "f" and first[1:].isdigit() else first  # F1


def binding(
    key: str, action: str, name: str, *, binding_id: str, show: bool = True, priority: bool = False
) -> Binding:
    return Binding(
        key,
        action,
        say(f"key_{name}"),
        tooltip=say(f"tip_{name}"),
        key_display=key_display(key),
        id=binding_id,
        show=show,
        priority=priority,
    )
