"""Where the body ends, counted on the grid before any renderer lays it out: the page it
ends on and how many of that page's lines it fills. Every body paragraph keeps the exact line
pitch, widow control is off and lines hold `chars_per_line` characters, so the count follows
the paragraphs' text (broken by the Chinese rules LibreOffice and Word apply). What it cannot
count (a table's rows) makes it answer None, and the caller does not rely on it.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from planwriter.render.blocks import Banji, Block, Masthead, Paragraph, Signature, Table
from planwriter.render.measure import wrapped_lines
from planwriter.render.profile import Profile
from planwriter.render.titles import break_title

KEEP_WITH_NEXT = ("heading1", "heading2")


class BodyEnd(NamedTuple):
    page: int  # 1-based
    lines: int  # lines of that page the body fills


def body_end(blocks: list[Block], profile: Profile) -> BodyEnd | None:
    per_page = profile.page["lines_per_page"]
    page, used = 1, 0
    for index, block in enumerate(blocks):
        if isinstance(block, Banji):
            continue
        if isinstance(block, Table):
            return None
        lines = _lines(block, profile)
        if block.page_break_before and (used or index):
            page, used = page + 1, 0
        keep = isinstance(block, Paragraph) and block.style in KEEP_WITH_NEXT
        if keep and used + lines >= per_page:  # a heading never ends a page
            page, used = page + 1, 0
        used += lines
        while used > per_page:
            page, used = page + 1, used - per_page
    return BodyEnd(page, used)


def _lines(block: Block, profile: Profile) -> int:
    width = profile.page["chars_per_line"]
    if isinstance(block, Signature):
        return int(bool(block.signer)) + int(bool(block.date))
    if isinstance(block, Masthead):
        return _masthead_lines(block, profile)
    assert isinstance(block, Paragraph)
    text = "".join(run.text for run in block.runs)
    if block.style == "title":
        limit = profile.style("title").get("title_chars_per_line", 20)
        return len(break_title(text, limit)) if text else 1
    if not text:
        return 1
    style = profile.style(block.style)
    first = width - style["first_line_chars"]
    return wrapped_lines(text, first, width)


def _masthead_lines(block: Masthead, profile: Profile) -> int:
    m, pitch = profile.masthead, profile.page["line_pitch_pt"]
    mark = profile.style("masthead")["size_pt"] * m["mark_line_ratio"] * len(block.marks)
    top = m["top_mm"] * 72 / 25.4
    fixed = m["number_gap_lines"] + 1 + m["title_gap_lines"]
    return math.ceil((top + mark) / pitch) + fixed


def banji_fits_at_the_foot(blocks: list[Block], profile: Profile, banji_lines: int) -> bool:
    """The 版记 can stand on the foot of the body's last page: an even page with its lines
    and one more free (GB/T 9704 7.3.5: the 版记 on an even page, no sheet wasted)."""
    end = body_end(blocks, profile)
    if end is None or end.page % 2:
        return False
    return end.lines + banji_lines + 1 <= profile.page["lines_per_page"]
