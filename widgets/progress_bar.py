"""A target's progress drawn in a table cell: a bar of coloured spaces, the time gone marked
with |, then the completion. Spaces and ASCII only, so every terminal gives it the width it
measures (block and box characters are of ambiguous width in Chinese locales)."""

from __future__ import annotations

from decimal import Decimal

from rich.text import Text

from planwriter.pace import Pace, Status
from planwriter.quantity import ratio_text
from planwriter.tracking import status_label

BAR_CELLS = 10
STATUS_COLOURS = {
    Status.DONE: "green",
    Status.ON_TRACK: "dodger_blue2",
    Status.LAGGING: "red",
    Status.OVER: "magenta",
    Status.UNREPORTED: "grey50",
}


def _cells(percent: Decimal, width: int) -> int:
    return max(0, min(width, round(percent / 100 * width)))


def progress_bar(pace: Pace, width: int = BAR_CELLS, label: bool = True) -> Text:
    """[■■■■■ |   ] 55% and, on a second line, the status in its colour."""
    colour = STATUS_COLOURS[pace.status]
    filled = width if pace.completion is None and pace.status is Status.DONE else 0
    if pace.completion is not None:
        filled = _cells(pace.completion, width)
    mark = min(_cells(pace.elapsed, width), width - 1)  # the time gone, inside the bar
    bar = Text()
    for cell in range(width):
        style = f"on {colour}" if cell < filled else "on grey23"
        bar.append("|" if cell == mark else " ", style=f"bold white {style}")
    shown = "—" if pace.completion is None else f"{ratio_text(pace.completion)}%"
    bar.append(f" {shown}")
    if label:
        bar.append(f"\n{status_label(pace.status)}", style=colour)
    return bar


def compact_bar(pace: Pace, width: int = 8) -> Text:
    """The completion written inside its own bar (a form's narrow column), the status below."""
    colour = STATUS_COLOURS[pace.status]
    shown = "—" if pace.completion is None else f"{ratio_text(pace.completion)}%"
    filled = _cells(pace.completion, width) if pace.completion is not None else 0
    if pace.completion is None and pace.status is Status.DONE:
        filled = width
    label = shown.center(width)[:width] if len(shown) <= width else shown
    bar = Text()
    for cell, char in enumerate(label):
        style = f"on {colour}" if cell < filled else "on grey23"
        bar.append(char, style=f"bold white {style}")
    bar.append(f"\n{status_label(pace.status)}", style=colour)
    return bar
