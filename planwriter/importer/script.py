"""Documents reposted in traditional characters (遼寧省人力資源和社會保障廳…工作要點): read as
simplified, so titles, units (萬, 個, 億, 張) and words are the ones the importer knows.

Only a text that is traditional is converted: a simplified text keeps every character
(a converter would turn 显著 into 显着). Each character maps to one, so positions hold.
opencc-purepy is imported only for such a text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

# Common characters that only traditional writing uses (their simplified forms differ).
_TRADITIONAL_ONLY = frozenset(
    "這個們為與對發會國說時業萬經無實將動進後開關來書長問區縣廳費務環衛護應當變於並從產農歲億張"
    "項價總設體點據療構質達標傳數網廣創擔貸養資優職級統計監測隊絡層鄉鎮衆眾"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SHARE = 0.03  # of the Chinese characters: a simplified text has none of these
_MIN_DISTINCT = 3


def is_traditional(texts: Sequence[str]) -> bool:
    """Whether the text is written in traditional characters."""
    chinese = sum(len(_CJK.findall(text)) for text in texts)
    found = [c for text in texts for c in text if c in _TRADITIONAL_ONLY]
    return len(set(found)) >= _MIN_DISTINCT and len(found) >= _SHARE * chinese


def to_simplified(text: str) -> str:
    """The line in simplified characters, one character for one."""
    converted: str = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(c if len(s := _converter().convert(c)) != 1 else s for c in text)


@cache
def _converter() -> Any:
    from opencc_purepy import OpenCC

    return OpenCC("t2s")
