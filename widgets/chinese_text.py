"""Rich text drawn with Chinese line breaking (planwriter.linebreak): rich's own wrapping
starts lines with ，。 and splits 20家 into 2 / 0家."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

from planwriter.linebreak import break_offsets


class ChineseText:
    """A Text wrapped to the width it is given, its styles and justification kept."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text.plain

    def lines(self, width: int) -> list[Text]:
        lines: list[Text] = []
        for paragraph in self.text.split("\n", allow_blank=True):
            offsets = break_offsets(paragraph.plain, max(width, 2))
            lines.extend(paragraph.divide(offsets) if offsets else [paragraph])
        return lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        width = options.max_width
        justify = self.text.justify or "left"
        for line in self.lines(width):
            line.rstrip()
            room = width - line.cell_len
            if justify == "center":
                line.pad_left(room // 2)
            elif justify == "right":
                line.pad_left(room)
            yield from line.render(console)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)
