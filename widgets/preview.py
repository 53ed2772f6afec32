"""The document as it will read, drawn with rich from the renderer's own blocks.

The same templates that write the .docx decide the words (the notice's title, the default
transmittal sentence, run-in titles closed with 。); the style profile's alignment and
first-line indents are followed, so the preview reads like the page without being one.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Group, JustifyMethod, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from planwriter.catalogue import label
from planwriter.render.blocks import Banji, Block, Paragraph, Signature
from planwriter.render.blocks import Table as TableBlock
from planwriter.render.profile import Profile
from planwriter.widgets.chinese_text import ChineseText

INDENT_CELL = "　"  # an ideographic space: one Chinese character of indent
JUSTIFY: dict[str, JustifyMethod] = {"center": "center", "right": "right"}
OUTLINE_STYLES = ("heading1", "heading2", "task")  # one paragraph per outline item, in order


def paragraph_text(block: Paragraph, profile: Profile) -> Text:
    style = profile.style(block.style) if block.style in profile.styles else {}
    text = Text(
        INDENT_CELL * round(style.get("first_line_chars", 0)),
        justify=JUSTIFY.get(style.get("align", ""), "left"),
    )
    for run in block.runs:
        text.append(run.text, style="bold" if run.bold or style.get("bold") else "")
    if block.style == "title":
        text.stylize("bold")
    return text


def renderables(block: Block, profile: Profile) -> Iterator[RenderableType]:
    if isinstance(block, Banji) or block.page_break_before:  # a new page, or the 版记's rule
        yield Rule(style="dim")
    if isinstance(block, Paragraph):
        yield ChineseText(paragraph_text(block, profile))
    elif isinstance(block, Signature):
        yield Text(block.signer, justify="right")
        yield Text(block.date, justify="right")
    elif isinstance(block, TableBlock):
        table = Table(*block.header, expand=True)
        for row in block.rows:
            table.add_row(*row)
        yield table
    elif isinstance(block, Banji):
        if block.cc:
            yield ChineseText(Text(f"{label('cc')}：{block.cc}"))
        if block.printer:
            yield Text.assemble(block.printer, " " * 4, block.print_date)


def page(
    blocks: list[Block], profile: Profile, item_ids: list[str]
) -> list[tuple[str, RenderableType]]:
    """(outline item id or "", renderable) for every block; headings and tasks take the ids
    of the outline in order, so the preview can open at the item being edited."""
    ids = iter(item_ids)
    drawn: list[tuple[str, RenderableType]] = []
    for block in blocks:
        item_id = ""
        if isinstance(block, Paragraph) and block.style in OUTLINE_STYLES:
            item_id = next(ids, "")
        drawn.extend((item_id, renderable) for renderable in renderables(block, profile))
    return drawn


class DocumentPreview(VerticalScroll):
    """The whole document in one scrollable page."""

    DEFAULT_CSS = """
    DocumentPreview { padding: 1 2; }
    DocumentPreview > Static { width: 1fr; max-width: 88; }
    """

    def __init__(self, drawn: list[tuple[str, RenderableType]], **kwargs) -> None:
        super().__init__(**kwargs)
        self.drawn = drawn

    def compose(self) -> ComposeResult:
        yield Static(Group(*(renderable for _, renderable in self.drawn)))

    def scroll_to_item(self, item_id: str) -> None:
        """Scroll so the heading or paragraph of `item_id` is at the top."""
        width = self.query_one(Static).content_region.width
        if width <= 0:
            return
        console = self.app.console
        options = console.options.update_width(width)
        line = 0
        for drawn_id, renderable in self.drawn:
            if drawn_id == item_id:
                self.scroll_to(y=line, animate=False)
                return
            line += len(console.render_lines(renderable, options, pad=False))
