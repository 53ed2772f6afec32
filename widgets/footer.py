"""The footer of every screen: Textual's, showing only the keys that fit whole.

Textual's footer lets the keys that do not fit run on under the command palette's key (docked
right) and past the edge; at 80 columns a 汉字 of the palette's 命令 was overdrawn by half and
vanished, and the last key stood cut (F9 导). Every key is still in the F1 help.
"""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class WholeKeysFooter(Footer):
    async def recompose(self) -> None:
        await super().recompose()
        self.call_after_refresh(self.hide_cut_keys)

    def on_resize(self) -> None:
        for key in self.query(FooterKey):
            key.display = True
        self.call_after_refresh(self.hide_cut_keys)

    def hide_cut_keys(self) -> None:
        keys = list(self.query(FooterKey))
        palette = [key for key in keys if key.has_class("-command-palette")]
        limit = palette[0].region.x if palette else self.region.right
        for key in keys:
            if key not in palette and key.region.right > limit:
                key.display = False
