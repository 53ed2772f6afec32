"""The preview screen: the whole document as it will read, opened at the selected item."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import Static

from planwriter import model
from planwriter.catalogue import say
from planwriter.render.export import document_blocks
from planwriter.widgets.footer import WholeKeysFooter
from planwriter.widgets.keys import binding
from planwriter.widgets.preview import DocumentPreview, page


class PreviewScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        binding("escape,f5", "app.pop_screen", "close_preview", binding_id="preview.close"),
    ]
    DEFAULT_CSS = """
    PreviewScreen #preview-title { height: 1; background: $panel; padding: 0 1; }
    PreviewScreen DocumentPreview { height: 1fr; }
    """

    def __init__(self, plan: model.Plan, plan_path: Path, item_id: str | None) -> None:
        """Builds the page at once, so a template error is raised (InputError) to the caller."""
        super().__init__()
        document = document_blocks(plan, plan_path)
        ids = [line.item.id for line in model.outline(plan)]
        self.drawn = page(document.blocks, document.style, ids)
        self.item_id = item_id

    def compose(self) -> ComposeResult:
        yield Static(say("preview_title"), id="preview-title")
        yield DocumentPreview(self.drawn)
        yield WholeKeysFooter()

    def on_mount(self) -> None:
        preview = self.query_one(DocumentPreview)
        preview.focus()
        if self.item_id:
            self.call_after_refresh(preview.scroll_to_item, self.item_id)
