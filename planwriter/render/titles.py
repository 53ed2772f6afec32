"""A long title in lines, as GB/T 9704 7.3.3 asks: 词意完整, 排列对称, 梯形或菱形.

Lines break only between words and are shaped unimodal: lengthening (正梯形), shortening
(倒梯形) or both (菱形), never an hourglass or a lone tail. The breaks a notice's title is
built on (after 关于…, before 《, after 》, before 的通知) are tried first and need no
dictionary; only a title they cannot lay out well loads the word segmenter (jieba, whose
dictionary costs most of a second), so a usual render never imports it.

The layout is a dynamic programme over the break points, each line at most `limit`
characters long: linear in the title's length for a given limit.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import NamedTuple

from planwriter.render.measure import NOT_AT_LINE_START, text_width

# what a 公文's title ends with: a break before 的 + the kind of document
KIND = re.compile(
    r"的(?:通知|意见|实施意见|指导意见|报告|请示|决定|批复|函|通报|方案|实施方案|办法|规定|规划|要点)$"
)
NOT_AT_LINE_END = "《（“‘「『〔【"
GOOD = -50.0  # a break at a place the title is built on: worth more than balance
FAIR = -1.0  # beside a book title's marks
LONE_TAIL = 100.0  # a line under half the longest one


class Cut(NamedTuple):
    at: int  # index in the title
    bonus: float


def break_title(text: str, limit: float) -> list[str]:
    """Lines of at most `limit` characters, as described above; the title whole when it fits
    or when no break can make it fit."""
    if text_width(text) <= limit:
        return [text]
    lines = _layout(text, limit, _structural_cuts(text))
    if lines is None or _lopsided(lines):
        lines = _layout(text, limit, _word_cuts(text)) or lines
    return lines or [text]


def _lopsided(lines: list[str]) -> bool:
    widths = [text_width(line) for line in lines]
    return min(widths) < 0.6 * max(widths)


def _structural_cuts(text: str) -> list[Cut]:
    cuts: dict[int, float] = {}
    for match in re.finditer("关于(?:印发|转发|进一步)?", text):
        cuts[match.end()] = GOOD
    kind = KIND.search(text)
    if kind:
        cuts[kind.start()] = GOOD
    for index, ch in enumerate(text):
        if ch == "《":
            cuts.setdefault(index, FAIR)
        elif ch == "》":
            cuts.setdefault(index + 1, FAIR)
    return _allowed(text, cuts)


def _word_cuts(text: str) -> list[Cut]:
    """Every boundary between words, the structural ones keeping their bonus."""
    cuts = {cut.at: cut.bonus for cut in _structural_cuts(text)}
    at = 0
    for word in _words(text):
        at += len(word)
        cuts.setdefault(at, 0.0)
    return _allowed(text, cuts)


@cache
def _words(text: str) -> tuple[str, ...]:
    import logging

    import jieba  # lazily: only a title the structural breaks cannot lay out needs it

    jieba.setLogLevel(logging.WARNING)
    return tuple(jieba.cut(text, HMM=True))


def _allowed(text: str, cuts: dict[int, float]) -> list[Cut]:
    """Breaks inside the title, not inside a number nor a quoted term (“五社联动”), not
    before a mark that never begins a line (，。》…) nor after one that never ends it (《（“)."""
    allowed = [
        Cut(at, bonus)
        for at, bonus in cuts.items()
        if 0 < at < len(text)
        and text.count("“", 0, at) <= text.count("”", 0, at)
        and not (text[at - 1].isdigit() and (text[at].isdigit() or text[at] in ".%"))
        and text[at] not in NOT_AT_LINE_START
        and text[at - 1] not in NOT_AT_LINE_END
    ]
    return sorted(allowed, key=lambda cut: cut.at)


def _layout(text: str, limit: float, cuts: list[Cut]) -> list[str] | None:
    """The best unimodal layout, in as few lines as can hold the title (each line more
    costs more than any unevenness): a dynamic programme over (break, last line's width,
    shortening yet). A line may only end within `limit` characters of where it starts, so
    each break looks back over a bounded window and holds a bounded number of states:
    linear in the title's length."""
    points = [Cut(0, 0.0), *cuts, Cut(len(text), 0.0)]
    prefix = [0.0]
    for ch in text:
        prefix.append(prefix[-1] + text_width(ch))
    mean = prefix[-1] / math.ceil(prefix[-1] / limit)
    per_line = 4 * limit**2  # more than the worst unevenness a line can add
    last_point = len(points) - 1
    # per break: state -> (cost, the state it came from)
    states: list[dict[State, tuple[float, State | None]]] = [{} for _ in points]
    states[0][(0, 0.0, False)] = (0.0, None)
    for end in range(1, len(points)):
        bonus = points[end].bonus if end < last_point else 0.0
        for start in range(end - 1, -1, -1):
            width = prefix[points[end].at] - prefix[points[start].at]
            if width > limit + 1e-9:
                break  # earlier starts only make the line longer
            line_cost = per_line + (width - mean) ** 2 + bonus
            for state, (cost, _) in states[start].items():
                _, last, shortening = state
                if start and shortening and width > last + 1e-9:
                    continue  # widening after narrowing: an hourglass
                turning = shortening or (start > 0 and width < last - 1e-9)
                key = (end, width, turning)
                total = cost + line_cost
                if key not in states[end] or total < states[end][key][0]:
                    states[end][key] = (total, state)
    finals = [
        (cost + _shape(_widths(key, states)), key) for key, (cost, _) in states[last_point].items()
    ]
    if not finals:
        return None
    step: State | None = min(finals)[1]
    ends = []
    while step is not None and step[0] > 0:
        ends.append(points[step[0]].at)
        step = states[step[0]][step][1]
    ends.reverse()
    return [text[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True)]


State = tuple[int, float, bool]  # break index, last line's width, shortening yet


def _widths(
    key: State | None, states: list[dict[State, tuple[float, State | None]]]
) -> list[float]:
    widths = []
    while key is not None and key[0] > 0:
        widths.append(key[1])
        key = states[key[0]][key][1]
    return widths[::-1]


def _shape(widths: list[float]) -> float:
    """A lone short line costs; so does a top line longer than the next (倒梯形 is allowed,
    正梯形 preferred, as in most published titles)."""
    cost = sum(LONE_TAIL for w in widths if w < 0.5 * max(widths))
    if len(widths) == 2 and widths[0] > widths[1]:
        cost += 1.5
    return cost
