"""The footer of every screen: Textual's, showing only the keys that fit whole.

Textual's footer lets the keys that do not fit run on under the command palette's key (docked
right) and past the edge; at 80 columns a 汉字 of the palette's 命令 was overdrawn by half and
vanished, and the last key stood cut (F9 导). Every key is still in the F1 help.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

GAP = 1  # cells between two keys
PALETTE_BORDER = 1  # the ▏ before the palette's key


class WholeKeysFooter(Footer):
    async def recompose(self) -> None:
        await super().recompose()
        self.hide_cut_keys()

    def on_resize(self) -> None:
        self.hide_cut_keys()

    def key_width(self, key: FooterKey) -> int:
        """Cells a key takes, from its words: measured after layout, a recomposed footer's
        keys behind a dialog were not laid out for several refreshes."""
        padding = 0 if self.compact else 2
        return Text(f"{key.key_display} {key.description}").cell_len + padding

    def hide_cut_keys(self) -> None:
        keys = list(self.query(FooterKey))
        palette = [key for key in keys if key.has_class("-command-palette")]
        room = self.size.width
        if palette:
            room -= self.key_width(palette[0]) + PALETTE_BORDER
        right = 0
        for key in keys:
            if key not in palette:
                right += self.key_width(key)
                key.display = right <= room
                right += GAP
