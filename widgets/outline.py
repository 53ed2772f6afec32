"""The plan's outline: domains 一、, sections （一）, tasks 1.… with their derived numbers.

Each task line carries a badge with its number of targets and a marker for the worst
problem the check found (错 / 警), so the eye finds what needs work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from planwriter import model
from planwriter.catalogue import say
from planwriter.problems import Severity
from planwriter.widgets.keys import binding

MARKERS = {
    Severity.ERROR: ("outline_marker_error", "bold white on red"),
    Severity.WARNING: ("outline_marker_warning", "bold black on yellow"),
}


@dataclass(frozen=True)
class Entry:
    """What one line of the outline shows."""

    id: str
    level: int  # 1 domain, 2 section, 3 task
    number: str
    title: str
    targets: int = 0
    severity: Severity | None = None  # the worst error or warning found in the item
    lead: str = ""  # a task's 牵头处室, shown when the outline shows who leads


def entries(plan: model.Plan, severities: dict[str, Severity]) -> list[Entry]:
    return [
        Entry(
            line.item.id,
            line.level,
            line.label,
            line.item.title,
            len(line.item.targets) if isinstance(line.item, model.Task) else 0,
            severities.get(line.item.id),
            line.item.lead if isinstance(line.item, model.Task) else "",
        )
        for line in model.outline(plan)
    ]


def entry_label(entry: Entry, room: int = 0, leads: bool = False) -> Text:
    """9. 大力发展居家和社区养老服务 目标4 错: the title cropped to `room` cells (0: whole),
    so the badge and the marker stay in view; with `leads`, a task's 牵头处室 after it."""
    head = Text(entry.number, style="bold" if entry.level < 3 else "")
    if entry.level == 3:
        head.append(" ")
    tail = Text()
    if leads and entry.level == 3:
        tail.append(" ")
        tail.append(entry.lead or say("outline_no_lead"), style="green" if entry.lead else "dim")
    if entry.targets:
        tail.append(" ")
        tail.append(say("outline_badge", count=entry.targets), style="cyan")
    if entry.severity in MARKERS:
        key, marker_style = MARKERS[entry.severity]
        tail.append(" ")
        tail.append(say(key), style=marker_style)
    title = Text(entry.title, style="bold" if entry.level == 1 else "")
    title_room = room - head.cell_len - tail.cell_len
    if room and title.cell_len > title_room > 0:
        title = _cut(title, title_room)
    return Text.assemble(head, title, tail)


def _cut(title: Text, room: int) -> Text:
    """The title cut to `room` cells and ended with …, so a cut title is not taken for a
    typo; whole characters only (rich would leave half a 汉字 as a space before the …)."""
    plain = title.plain
    while plain and Text(plain + "…").cell_len > room:
        plain = plain[:-1]
    return Text(plain + "…", style=title.style)


class PlanOutline(Tree[Entry]):
    """The outline tree. `show` redraws only what changed: a typed title touches one line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        binding("delete", "screen.delete", "delete", binding_id="outline.delete", show=False),
    ]
    ICON_NODE = "▸ "  # narrow in every terminal, unlike ▶ ▼ (East Asian "ambiguous")
    ICON_NODE_EXPANDED = "▾ "

    DEFAULT_CSS = """
    PlanOutline { scrollbar-size-vertical: 1; }
    PlanOutline > .tree--guides { color: $foreground 30%; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(say("outline_root"), **kwargs)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 3
        self._node_of: dict[str, TreeNode[Entry]] = {}
        self._shape: list[tuple[str, int]] = []
        self.leads = False  # whether task lines show who leads (牵头处室)

    def toggle_leads(self) -> bool:
        self.leads = not self.leads
        self._invalidate()
        self.refresh()
        return self.leads

    # --- content -------------------------------------------------------------------

    def show(
        self, plan: model.Plan, severities: dict[str, Severity], select: str | None = None
    ) -> None:
        lines = entries(plan, severities)
        shape = [(entry.id, entry.level) for entry in lines]
        if shape != self._shape:
            self._rebuild(lines, select or self.selected_id)
        else:
            for entry in lines:
                node = self._node_of[entry.id]
                if node.data != entry:
                    node.data = entry
                    node.refresh()
            if select:
                self.select_id(select)

    def _rebuild(self, lines: list[Entry], select: str | None) -> None:
        collapsed = {
            item
            for item, node in self._node_of.items()
            if node.allow_expand and not node.is_expanded
        }
        self.clear()
        self._node_of = {}
        parents: dict[int, TreeNode[Entry]] = {0: self.root}
        for entry in lines:
            parent = parents[max(level for level in parents if level < entry.level)]
            node = parent.add(
                entry.title,
                data=entry,
                expand=entry.id not in collapsed,
                allow_expand=entry.level < 3,
            )
            self._node_of[entry.id] = node
            parents = {level: p for level, p in parents.items() if level < entry.level}
            parents[entry.level] = node
        self._shape = [(entry.id, entry.level) for entry in lines]
        for node in self._node_of.values():  # a domain or section without tasks: no arrow
            node.allow_expand = bool(node.children)
        if select and select in self._node_of:
            self.select_id(select)
        elif lines:
            self.move_cursor(self._node_of[lines[0].id])

    # --- selection ------------------------------------------------------------------

    @property
    def selected_id(self) -> str | None:
        node = self.cursor_node
        return node.data.id if node is not None and node.data is not None else None

    def select_id(self, item_id: str) -> None:
        """Put the cursor on `item_id` now, opening the domains and sections around it."""
        node = self._node_of.get(item_id)
        if node is None:
            return
        parent = node.parent
        while parent is not None:
            if not parent.is_expanded:
                parent.expand()  # expanding lays the whole tree out again: only when needed
            parent = parent.parent
        _ = self.last_line  # lays the lines out now, so the node knows its line
        if self.cursor_node is not node:
            self.move_cursor(node)
        self.call_after_refresh(self.scroll_to_node, node, animate=False)

    # --- drawing ----------------------------------------------------------------------

    def render_label(self, node: TreeNode[Entry], base_style: Style, style: Style) -> Text:
        entry = node.data
        if entry is None:
            return super().render_label(node, base_style, style)
        icon = ""
        if node.allow_expand:
            icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
        label = Text(icon, style=base_style)
        label.append_text(entry_label(entry, self._label_room(node) - len(icon), self.leads))
        label.stylize(style)
        return label

    def _label_room(self, node: TreeNode[Entry]) -> int:
        """Cells left for the label after the guides, so badges stay in view. The hidden
        root draws no guide: a domain starts at the left edge."""
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        return self.scrollable_content_region.width - depth * self.guide_depth

    def watch_hover_line(self, previous_hover_line: int, hover_line: int) -> None:
        """The whole title of the line under the mouse, for a title cut with …"""
        super().watch_hover_line(previous_hover_line, hover_line)
        node = self._get_node(hover_line)
        entry = node.data if node is not None else None
        self.tooltip = f"{entry.number}{entry.title}" if entry is not None else None

    def on_resize(self) -> None:
        self._invalidate()
