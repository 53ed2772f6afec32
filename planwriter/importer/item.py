"""One item of a 公示 or one row of a table: what was committed and what was done."""

from __future__ import annotations

from dataclasses import dataclass, field

from planwriter.importer.text import Para


@dataclass
class Item:
    heading: Para
    commitment: list[Para] = field(default_factory=list)
    progress: list[Para] = field(default_factory=list)
    shares: list[Para] = field(default_factory=list)  # a table's 完成比例 cells: neither
    row_line: int = 0  # a table's row: the line it starts on (its 序号 cell), when not its name's
