"""Widths of text in characters, as the 版心's grid counts them: what the writer needs to
place a line (署名, 版记, a table's columns) before any renderer has laid it out."""

from __future__ import annotations

from itertools import pairwise


def text_width(text: str) -> float:
    """Width in characters: CJK and full-width 1, ASCII (digits of a date) ½."""
    return sum(0.5 if ch.isascii() else 1 for ch in text)


# Chinese line breaking (禁则): these never begin a line, so the character before them moves
# down with them when a line is full.
NOT_AT_LINE_START = "，。、；：？！）》”’」』〕】…—"


def wrapped_lines(text: str, first: float, rest: float) -> int:
    """How many lines `text` takes when the first line holds `first` characters and the
    others `rest` (a hanging indent), breaking as Word and LibreOffice do for Chinese."""
    count, used, room = 1, 0.0, first
    for index, ch in enumerate(text):
        width = text_width(ch)
        if used + width > room + 1e-9:
            count, room = count + 1, rest
            moved = text_width(text[index - 1]) if ch in NOT_AT_LINE_START and index else 0
            used = moved
        used += width
    return count


# Digits are measured generously: half a character in 仿宋_GB2312, nearer 0.6 in the fonts
# LibreOffice substitutes for it. (Too wide costs a table's text column a wrap; too narrow
# breaks 111.1% in two.) A cell's text needs its margins too: 108 twips a side, about 0.8
# character of 14 pt.
ASCII_PRINTED = 0.6
CELL_PADDING_CHARS = 1.0


def printed_width(text: str) -> float:
    """Width in characters as printed: digits generously (ASCII_PRINTED), and a fifth of a
    character where digits meet 汉字, the space Word and LibreOffice put there."""
    width = sum(ASCII_PRINTED if ch.isascii() else 1 for ch in text)
    meetings = sum(a.isascii() != b.isascii() for a, b in pairwise(text))
    return width + 0.2 * meetings


# A line as LibreOffice sets it in the 仿宋 faces (measured in its PDF; 仿宋_GB2312 in Word
# alike): digits half a 16 pt character less the condensing, and the space it puts where
# digits meet 汉字, in characters of the body's pitch.
DIGIT_SET = 0.5
MEETING_SET = 0.21


def set_width(text: str) -> float:
    """Width in characters as set (where printed_width errs wide on purpose)."""
    width = sum(DIGIT_SET if ch.isascii() else 1 for ch in text)
    return width + MEETING_SET * sum(a.isascii() != b.isascii() for a, b in pairwise(text))


def column_widths(rows: list[list[str]], room: float) -> list[float]:
    """Column widths in characters for a table `room` characters wide, its header first:
    each column as wide as its widest cell, spare room shared out in proportion. When they
    do not all fit, the widest column wraps and the others keep their width, so no figure
    and no header (序号, 是否完成) is ever broken."""
    natural = [
        max(printed_width(cell) for cell in column) + CELL_PADDING_CHARS
        for column in zip(*rows, strict=True)
    ]
    total = sum(natural)
    if total <= room:
        return [n * room / total for n in natural]
    widest = natural.index(max(natural))
    rest = total - natural[widest]
    if room - rest < printed_width(rows[0][widest]) + CELL_PADDING_CHARS:
        return [n * room / total for n in natural]  # too many wide columns: all give way
    return [room - rest if index == widest else n for index, n in enumerate(natural)]
