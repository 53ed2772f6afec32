"""Chinese numerals, read and written in one place: 十五万, 一万二千, 二〇二四, 二十三, 十一、.

quantity.py reads figures with them, model.py writes heading numbers, the importer reads
dates, years and heading numbers.
"""

from __future__ import annotations

DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
PLACES = {"十": 10, "百": 100, "千": 1000}
SCALES = {"万": 10**4, "亿": 10**8, "万亿": 10**12}
ZEROS = "〇零"
NUMERAL = "".join(DIGITS) + "".join(PLACES)  # the characters of a numeral below 万
# A year written digit by digit (二〇二四): typeset documents also use ○ and Ｏ for the zero.
YEAR_DIGITS = {**{c: v for c, v in DIGITS.items() if c != "两"}, "○": 0, "Ｏ": 0}
SMALL = "一二三四五六七八九十"  # the characters of 1 to 99 (十一, 二十三): heading numbers, days
_WRITTEN = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十, 1005 → 一千零五."""
    if n >= 10000:  # no plan has so many headings; counted in digits, not refused
        return str(n)
    if n < 1:
        raise ValueError(f"heading number out of range: {n}")
    if n < 20:
        return ("" if n < 10 else "十") + (_WRITTEN[n % 10] if n % 10 else "")
    out, gap = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            out += ("零" if gap and out else "") + _WRITTEN[digit] + unit
            gap = False
        else:
            gap = bool(out)
    return out


def small_number(text: str) -> int:
    """十 → 10, 二十三 → 23, 七 → 7; ValueError when the text is no numeral."""
    value = chinese_int(text)
    if value is None:
        raise ValueError(f"not a Chinese numeral: {text}")
    return value


def year_number(text: str) -> int:
    """二〇二四 → 2024 (digit by digit; ASCII digits pass through)."""
    return int("".join(str(YEAR_DIGITS[c]) if c in YEAR_DIGITS else c for c in text))


def chinese_int(run: str) -> int | None:
    """一万二千 -> 12000, 十五万 -> 150000; None unless the numeral is well formed."""
    if run in ZEROS:
        return 0
    head, yi, tail = run.partition("亿")
    if not yi:
        return _below_yi(run, first=True)
    high = _below_yi(head, first=True)
    low = _below_yi(tail, first=False) if tail else 0
    return None if high is None or low is None else high * 10**8 + low


def _below_yi(text: str, first: bool) -> int | None:
    if "亿" in text:
        return None
    head, wan, tail = text.partition("万")
    if not wan:
        return _below_wan(text, first)
    high = _below_wan(head, first)
    low = _below_wan(tail, first=False) if tail else 0
    return None if high is None or low is None else high * 10**4 + low


def _below_wan(text: str, first: bool) -> int | None:
    """三千七百 -> 3700. Only the first piece may drop 一 (十五, 千); later ones may start 零."""
    if not text or (first and text[0] in ZEROS):
        return None
    i = 1 if text[0] in ZEROS else 0
    if i == len(text):
        return None
    value, last = 0, 10**4
    while i < len(text):
        char = text[i]
        if char in ZEROS and value and text[i - 1] not in ZEROS and i < len(text) - 1:
            i += 1
            continue
        if char in PLACES and i == 0 and first:
            digit, place, i = 1, PLACES[char], i + 1
        elif char in DIGITS and char not in ZEROS:
            digit, i = DIGITS[char], i + 1
            if i < len(text) and text[i] in PLACES:
                place, i = PLACES[text[i]], i + 1
            elif i == len(text):
                place = 1
            else:
                return None
        else:
            return None
        if place >= last:
            return None
        value, last = value + digit * place, place
    return value
