"""A long title in lines: 梯形 or 菱形 (GB/T 9704 7.3.3), never a lone tail."""

from __future__ import annotations

import math

from planwriter.render.measure import text_width

GOOD_BREAKS_AFTER = ("关于", "印发", "》", "，")
GOOD_BREAKS_BEFORE = ("《", "的通知", "的意见", "的报告")


def break_title(text: str, limit: float) -> list[str]:
    """Lines of at most `limit` characters, as even as possible, the upper ones not longer
    than the lower (正梯形), preferring breaks after 关于/印发/》 and before 《/的通知, and
    never inside a number."""
    if text_width(text) <= limit:
        return [text]
    lines = math.ceil(text_width(text) / limit)
    best = _best_split(text, lines, limit)
    return best or [text]


def _best_split(text: str, lines: int, limit: float) -> list[str] | None:
    if lines == 1:
        return [text] if text_width(text) <= limit else None
    target = text_width(text) / lines
    options = []
    for cut in range(1, len(text)):
        head = text[:cut]
        if text_width(head) > limit or (text[cut - 1].isdigit() and text[cut].isdigit()):
            continue
        rest = _best_split(text[cut:], lines - 1, limit)
        if rest is None:
            continue
        score = abs(text_width(head) - target)
        score += 1.5 if text_width(head) > text_width(rest[0]) else 0
        score -= 1.0 if head.endswith(GOOD_BREAKS_AFTER) else 0
        score -= 1.0 if text[cut:].startswith(GOOD_BREAKS_BEFORE) else 0
        score += 2.0 if head.count("《") > head.count("》") else 0
        options.append((score, [head, *rest]))
    return min(options, key=lambda o: o[0])[1] if options else None
