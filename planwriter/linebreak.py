"""Chinese line breaking (禁则) for text shown in columns: one function for every place
that wraps a sentence (the check's table, the editor's text box, its target table, the
preview).

Rules: no line begins with a closing mark (，。、；：）」” …), no line ends with an
opening one (“（「 …), and a figure stays whole with its scale and unit (1020元, 15万名,
90%, 2023年): a break inside `1` / `020元` misreads as two numbers. A run of Latin
letters stays whole too, with its dots and dashes (.xlsx, --year). Widths are terminal
cells (a 汉字 takes two).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

# The marks a line may not begin with, and those it may not end with.
NOT_AT_LINE_START = "，。、；：？！）》」』〕】”’…—％%‰,.;:?!)]}"
NOT_AT_LINE_END = "“‘（《「『〔【([{"

# What may follow a figure as its unit (a few characters at most: 人次, 万元, 个百分点).
UNIT_CHARS = (
    "万亿千百十个家人户元张次名所场项件条座处米吨天年月日号岁倍位间套台辆床点站只篇批支期届"
    "平方公里克升度分秒周份股元角%％‰"
)


@functools.cache
def _atoms() -> re.Pattern[str]:
    """A figure with its unit, a Latin word, a run of spaces, or one character: the pieces a
    line is made of. Compiled on first use, so commands that wrap nothing don't pay for it."""
    units = re.escape(UNIT_CHARS)
    figure = (
        # a space may stand between a figure and its unit (指标 50 个, 4 倍): still one piece
        rf"(?:近|约)?[0-9０-９]+(?:[.,．][0-9０-９]+)*(?: ?[{units}]{{1,4}}|百分点)?"
        rf"(?:[-—～~至到][0-9０-９]+(?:[.．][0-9０-９]+)*[{units}]{{0,4}})?"
    )
    # a file name, an extension or a flag stays whole too (.xlsx, gbt9704.toml, --year)
    latin = r"(?:--?|\.)?[A-Za-z][A-Za-z0-9]*(?:[-'.][A-Za-z0-9]+)*"
    return re.compile(rf"{figure}|{latin}|\s+|.", re.DOTALL)


Measure = Callable[[str], int]


def cells(text: str) -> int:
    """Terminal cells: wide and full-width characters take two, others one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def atoms(text: str) -> list[str]:
    """The pieces a line may break between: figures with their unit, Latin words, single
    汉字, each closing mark glued to what it follows and each opening mark to what follows."""
    pieces = _atoms().findall(text)
    glued: list[str] = []
    carry = ""
    for piece in pieces:
        # a closing mark joins what it follows; an extension's dot (.xlsx) is no closing mark
        closing = piece[0] in NOT_AT_LINE_START and not piece[1:2].isalpha()
        if closing and glued and not carry:
            glued[-1] += piece
        elif piece in NOT_AT_LINE_END:
            carry += piece
        else:
            glued.append(carry + piece)
            carry = ""
    if carry:
        glued.append(carry)
    return glued


def break_offsets(text: str, width: int, measure: Measure = cells) -> list[int]:
    """Where a line of `text` breaks (character offsets), nothing dropped: for a text
    box whose lines must add up to the text it edits. A space at a break stays at the end
    of its line."""
    offsets: list[int] = []
    position, used = 0, 0
    for atom in atoms(text):
        size = measure(atom)
        if used + size > width and used and not atom.isspace():
            offsets.append(position)
            used = 0
        while size > width:  # longer than a whole line: cut where it must
            head = _fit(atom, width, measure)
            position += len(head)
            offsets.append(position)
            atom, size = atom[len(head) :], measure(atom[len(head) :])
        position += len(atom)
        used += size
    return offsets


def wrap(text: str, width: int, measure: Measure = cells) -> list[str]:
    """`text` in lines of at most `width` cells (a piece wider than a line is cut),
    keeping its own line breaks."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, max(width, 2), measure))
    return lines


def _wrap_paragraph(text: str, width: int, measure: Measure) -> list[str]:
    lines: list[str] = []
    line, used = "", 0
    for atom in atoms(text):
        size = measure(atom)
        if used + size <= width:
            line, used = line + atom, used + size
            continue
        if atom.isspace():  # a space at the break is dropped
            lines.append(line)
            line, used = "", 0
            continue
        if line:
            lines.append(line.rstrip())
        line, used = "", 0
        while measure(atom) > width:  # longer than a whole line: cut where it must
            head = _fit(atom, width, measure)
            lines.append(head)
            atom = atom[len(head) :]
        line, used = atom, measure(atom)
    lines.append(line.rstrip())
    return lines


def _fit(text: str, width: int, measure: Measure) -> str:
    used = 0
    for index, ch in enumerate(text):
        used += measure(ch)
        if used > width:
            return text[: max(index, 1)]
    return text


def wrapped(text: str, width: int, measure: Measure = cells) -> str:
    """`wrap` joined with newlines, for a widget or a table cell that shows it as is."""
    return "\n".join(wrap(text, width, measure))
