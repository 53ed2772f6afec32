"""The check's findings: errors first, each selectable to jump to its task.

A virtual list: only the lines in view are drawn, so a thousand findings cost no more to
show than ten, and a new check swaps the list without building a widget per row. The full
sentence of the highlighted finding stands, wrapped, under the list.
"""

from __future__ import annotations

import builtins  # `list` below is the panel's list; annotations need the type
from collections import Counter
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from planwriter import model
from planwriter.catalogue import say
from planwriter.check import Finding
from planwriter.problems import SEVERITY_LABELS, SEVERITY_RANK, SEVERITY_STYLE, Severity
from planwriter.widgets.keys import binding

SEVERITY_WIDTH, PLACE_WIDTH = 6, 8  # cells, gaps included: 错误 and 27. or 上年


def ordered(findings: list[Finding], plan: model.Plan) -> list[Finding]:
    """Errors, then warnings, then notes; each in the order of the plan."""
    position = {line.item.id: index for index, line in enumerate(model.outline(plan))}
    last = len(position)
    return sorted(
        findings, key=lambda f: (SEVERITY_RANK[f.severity], position.get(f.task or f.domain, last))
    )


def severity_counts(findings: list[Finding]) -> dict[Severity, int]:
    counted = Counter(f.severity for f in findings)
    return {severity: counted.get(severity, 0) for severity in SEVERITY_RANK}


def row_text(finding: Finding, place: str) -> Text:
    """错误  9.      目标低于上年实绩：…"""
    line = Text(SEVERITY_LABELS[finding.severity], style=SEVERITY_STYLE[finding.severity])
    line.pad_right(SEVERITY_WIDTH - line.cell_len)
    line.append(place)
    line.pad_right(SEVERITY_WIDTH + PLACE_WIDTH - line.cell_len)
    line.append(finding.message)
    return line


class FindingList(ScrollView, can_focus=True):
    """One line per finding, cut at the right edge; up, down and enter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # said in the panel's header (说明（Enter 跳到任务）), so the footer keeps its room
        binding("enter", "choose", "jump", binding_id="problems.jump", show=False),
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("pageup", "move(-8)", show=False),
        Binding("pagedown", "move(8)", show=False),
        Binding("home", "move(-1000000)", show=False),
        Binding("end", "move(1000000)", show=False),
    ]
    DEFAULT_CSS = """
    FindingList { height: 1fr; scrollbar-size-vertical: 1; overflow-x: hidden; }
    FindingList > .finding-list--cursor { background: $block-cursor-blurred-background; }
    FindingList:focus > .finding-list--cursor { background: $block-cursor-background;
                                                color: $block-cursor-foreground; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"finding-list--cursor"}

    cursor = reactive(0, always_update=True)

    class Highlighted(Message):
        """The cursor moved to row `index`: its detail line follows it."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Chosen(Message):
        """Enter (or a click) on row `index`: go to what it is about."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[Text] = []

    def set_rows(self, rows: list[Text]) -> None:
        self.rows = rows
        self.virtual_size = Size(0, len(rows))  # lines are cut at the edge: no sideways scroll
        self.cursor = min(self.cursor, max(0, len(rows) - 1))
        self.refresh()

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_region_if_needed(new)
        self.refresh()
        self.post_message(self.Highlighted(new))

    def scroll_to_region_if_needed(self, row: int) -> None:
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        if row < top:
            self.scroll_to(y=row, animate=False)
        elif height and row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False)

    def render_line(self, y: int) -> Strip:
        row = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if row >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        text = self.rows[row].copy()
        text.truncate(width, pad=True)
        style: Style = self.rich_style
        if row == self.cursor:
            style = self.get_component_rich_style("finding-list--cursor")
        segments = [
            Segment(s.text, style + s.style if s.style else style)
            for s in text.render(self.app.console)
        ]
        return Strip(segments).crop(0, width)

    def action_move(self, step: int) -> None:
        self.cursor += step

    def action_choose(self) -> None:
        if self.rows:
            self.post_message(self.Chosen(self.cursor))

    def on_click(self, event: events.Click) -> None:
        row = self.scroll_offset.y + event.y
        if row < len(self.rows):
            if row == self.cursor:
                self.post_message(self.Chosen(row))  # a second click on a line opens it
            self.cursor = row


class TextLines(Widget):
    """Text in a box of fixed size (the header, the highlighted finding's whole sentence):
    new text repaints this widget alone, where Static.update lays the screen out again."""

    def __init__(self, text: Text | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self._text = text or Text()

    def render(self) -> Text:
        return self._text

    def show(self, sentence: str) -> None:
        if sentence != self._text.plain:
            self._text = Text(sentence)
            self.refresh()


class ProblemsPanel(Vertical):
    """The findings of the last check over the plan being edited."""

    class Jump(Message):
        """The user chose a finding: show its task (or domain); `fill` is the target that
        would answer it, when the finding offers one (a figure no target tracks)."""

        def __init__(self, item_id: str, fill: dict[str, str] | None = None) -> None:
            super().__init__()
            self.item_id = item_id
            self.fill = fill or {}

    DEFAULT_CSS = """
    ProblemsPanel > #problem-header { height: 1; padding: 0 1; text-style: bold; }
    ProblemsPanel > FindingList { padding: 0 0 0 1; }
    ProblemsPanel > #problem-detail { height: 2; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.findings: list[Finding] = []
        self.hide_info = False  # F10: errors and warnings only
        self._shown: tuple[list[Finding], model.Plan, str] | None = None

    def toggle_info(self) -> None:
        self.hide_info = not self.hide_info
        if self._shown is not None:
            self.show(*self._shown)

    def compose(self) -> ComposeResult:
        header = Text(say("problems_col_severity"))
        header.pad_right(SEVERITY_WIDTH - header.cell_len)
        header.append(say("problems_col_number"))
        header.pad_right(SEVERITY_WIDTH + PLACE_WIDTH - header.cell_len)
        header.append(say("problems_col_message"))
        yield TextLines(header, id="problem-header")
        yield FindingList(id="problem-list")
        yield TextLines(id="problem-detail")

    @property
    def list(self) -> FindingList:
        return self.query_one(FindingList)

    def on_mount(self) -> None:
        self.border_title = say("problems_title_empty")

    def show(self, findings: builtins.list[Finding], plan: model.Plan, plan_file: str) -> None:
        self._shown = (findings, plan, plan_file)
        findings = ordered(findings, plan)
        counts = severity_counts(findings)
        self.border_title = say(
            "problems_title_hidden" if self.hide_info else "problems_title",
            error=counts[Severity.ERROR],
            warning=counts[Severity.WARNING],
            info=counts[Severity.INFO],
        )
        if self.hide_info:
            findings = [f for f in findings if f.severity is not Severity.INFO]
        if findings == self.findings and self.list.rows:
            return
        self.findings = findings
        labels = model.labels(plan)
        places = [
            f.number
            or labels.get(f.domain, "")
            or say("problems_plan_wide" if f.where.file == plan_file else "problems_last_year")
            for f in findings
        ]
        self.list.set_rows([row_text(f, place) for f, place in zip(findings, places, strict=True)])
        self._show_detail(self.list.cursor)

    def on_finding_list_highlighted(self, event: FindingList.Highlighted) -> None:
        event.stop()
        self._show_detail(event.index)

    def on_finding_list_chosen(self, event: FindingList.Chosen) -> None:
        event.stop()
        finding = self.findings[event.index]
        if finding.task or finding.domain:
            self.post_message(self.Jump(finding.task or finding.domain, dict(finding.fill)))
        else:
            self.app.notify(finding.message, title=say("problems_no_task"))

    def _show_detail(self, index: int) -> None:
        detail = self.query_one("#problem-detail", TextLines)
        if not self.findings:
            detail.show(say("problems_none"))
            return
        detail.show(self.findings[min(index, len(self.findings) - 1)].message)
