"""Word's automatic list numbers (一、 1. （一）), rebuilt from numbering.xml.

They are not in the paragraph text. Word counts them by these rules (ECMA-376 Part 1 §17.9,
as Word reads it in MS-OI29500):

- A paragraph names a list instance (w:num) and a level; the instance points at an abstract
  definition (w:abstractNum). All instances of one abstract definition count in ONE
  sequence: numbering goes on from one instance to the next.
- An instance's w:lvlOverride may replace a level's definition (a whole w:lvl) and may carry
  w:startOverride, which restarts that level at its value where the instance is first used
  (at any level). That is how Word stores "重新开始于 1".
- When a level is used, the levels below it start again, unless a level's w:lvlRestart says
  otherwise (§17.9.11).
- An abstract definition with w:numStyleLink holds no levels: they are in the definition
  whose w:styleLink names the same numbering style (§17.9.22).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from planwriter import numerals

_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Level:
    """One w:lvl of a list instance."""

    start: int  # w:start, or the instance's w:startOverride
    style: str  # w:numFmt: decimal, chineseCounting, bullet, …
    text: str  # w:lvlText: "%1、", "（%2）", "%1.%2"
    restart: int | None  # w:lvlRestart: 1-based level whose use restarts this one; 0 never


@dataclass(frozen=True)
class Instance:
    """One w:num: the sequence it counts in, its levels, and the levels it restarts."""

    sequence: str  # the abstractNumId whose counters every instance of it shares
    levels: dict[int, Level]
    restarts: frozenset[int]  # levels with w:startOverride


class ListLabels:
    """Call with each paragraph in document order; returns its list number, or ""."""

    def __init__(self, document: Any) -> None:
        self.instances: dict[str, Instance] = {}
        self.counters: dict[str, dict[int, int]] = {}  # sequence → level → last number
        self.used: set[str] = set()  # numIds met so far
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: no automatic numbers
        self.instances = _instances(numbering, _style_lists(document))

    def __call__(self, paragraph: Any) -> str:
        found = _num_pr(paragraph)
        if found is None:
            return ""
        num_id, level = found
        instance = self.instances.get(num_id)
        if instance is None or level not in instance.levels:
            return ""
        counters = self.counters.setdefault(instance.sequence, {})
        if num_id not in self.used:
            self.used.add(num_id)
            for restarted in instance.restarts:  # startOverride: restart where first used
                counters.pop(restarted, None)
        # a level without a counter starts (again) at its start value for this instance
        counters[level] = counters.get(level, instance.levels[level].start - 1) + 1
        _restart_below(counters, level, instance.levels)
        return _label(instance.levels, counters, level)


def _restart_below(counters: dict[int, int], used: int, levels: dict[int, Level]) -> None:
    """Forget the counters of the levels that a paragraph at level `used` restarts."""
    for deeper in [k for k in counters if k > used]:
        restart = levels[deeper].restart if deeper in levels else None
        if _restarts(restart, deeper, used):
            del counters[deeper]


def _restarts(restart: int | None, deeper: int, used: int) -> bool:
    """Whether using level `used` restarts level `deeper` below it, given its w:lvlRestart."""
    if restart is None or restart > deeper:
        # absent, or naming a level that is not above this one (which Word ignores):
        # the level restarts whenever any level above it is used
        return True
    if restart == 0:
        return False  # w:val="0": the level never restarts
    # w:val="N" names ilvl N-1; Word restarts on that level or any higher one (MS-OI29500)
    return used <= restart - 1


def _label(levels: dict[int, Level], counters: dict[int, int], level: int) -> str:
    """The level's w:lvlText with each %n filled in; "" for bullets and unnumbered levels."""
    if levels[level].style in ("bullet", "none"):
        return ""
    text = levels[level].text
    for k in range(level + 1):
        if k in levels:  # a level above not used yet shows its start value
            value = counters.get(k, levels[k].start)
            text = text.replace(f"%{k + 1}", _format_number(value, levels[k].style))
    if text and text[-1].isdigit():
        text += "."  # a bare "%1" still reads as a numbered heading
    elif text and text[-1] in numerals.SMALL:
        text += "、"
    return text


# --- reading numbering.xml ---------------------------------------------------------------


def _instances(numbering: Any, style_lists: dict[str, str]) -> dict[str, Instance]:
    abstracts = {a.get(_w("abstractNumId")): a for a in numbering.findall(_w("abstractNum"))}
    nums = {n.get(_w("numId")): n for n in numbering.findall(_w("num"))}
    instances = {}
    for num_id, num in nums.items():
        sequence = _abstract_id(num, abstracts, nums, style_lists)
        if sequence is not None:
            instances[num_id] = _instance(num, sequence, abstracts[sequence])
    return instances


def _abstract_id(
    num: Any, abstracts: dict[str, Any], nums: dict[str, Any], style_lists: dict[str, str]
) -> str | None:
    """The abstractNum holding the levels of `num`, through any numbering style it names."""
    abstract_id = _val(num, "abstractNumId")
    for _ in range(len(abstracts)):  # a style linking back to itself must not loop
        definition = abstracts.get(abstract_id) if abstract_id is not None else None
        if definition is None:
            return None
        style = _val(definition, "numStyleLink")
        if style is None:
            return abstract_id
        # numStyleLink: the levels are in the abstractNum of the num the style names
        target = nums.get(style_lists.get(style, ""))
        abstract_id = _val(target, "abstractNumId") if target is not None else None
    return None


def _instance(num: Any, sequence: str, definition: Any) -> Instance:
    levels = {_number(lvl.get(_w("ilvl")), 0): _level(lvl) for lvl in definition.findall(_w("lvl"))}
    restarts = set()
    for override in num.findall(_w("lvlOverride")):
        ilvl = _number(override.get(_w("ilvl")), 0)
        replacement = override.find(_w("lvl"))
        if replacement is not None:
            # the whole level is replaced for this num, but Word ignores a lvlRestart in it
            # and keeps the abstract level's (MS-OI29500 on §17.9.11)
            kept = levels[ilvl].restart if ilvl in levels else None
            levels[ilvl] = replace(_level(replacement), restart=kept)
        start = _val(override, "startOverride")
        if start is not None and ilvl in levels:
            # startOverride wins over any w:start and restarts the level (§17.9.27)
            levels[ilvl] = replace(levels[ilvl], start=_number(start, 1))
            restarts.add(ilvl)
    return Instance(sequence, levels, frozenset(restarts))


def _level(lvl: Any) -> Level:
    restart = _val(lvl, "lvlRestart")
    return Level(
        start=_number(_val(lvl, "start"), 1),
        style=_val(lvl, "numFmt") or "decimal",
        text=_val(lvl, "lvlText") or "",
        restart=None if restart is None else _number(restart, 0),
    )


def _style_lists(document: Any) -> dict[str, str]:
    """styleId → numId of each numbering style, for abstractNums that link to one."""
    try:
        styles = document.styles.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    lists = {}
    for style in styles.findall(_w("style")):
        num_id = style.find(f"{_w('pPr')}/{_w('numPr')}/{_w('numId')}")
        if style.get(_w("type")) == "numbering" and num_id is not None:
            lists[style.get(_w("styleId"), "")] = num_id.get(_w("val"), "")
    return lists


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """(numId, level) from the paragraph, else from its style."""
    for holder in (paragraph._p, getattr(paragraph.style, "element", None)):
        ppr = holder.find(_w("pPr")) if holder is not None else None
        num_pr = ppr.find(_w("numPr")) if ppr is not None else None
        if num_pr is None:
            continue
        num_id = _val(num_pr, "numId")
        if num_id in (None, "0"):  # numId 0 takes numbering away
            return None
        return num_id, _number(_val(num_pr, "ilvl"), 0)
    return None


def _val(node: Any, tag: str) -> str | None:
    """The w:val of the child `tag`, None when there is no such child."""
    child = node.find(_w(tag))
    return child.get(_w("val")) if child is not None else None


def _number(text: str | None, default: int) -> int:
    return int(text) if text is not None and text.isdecimal() else default


def _w(tag: str) -> str:
    return _NS + tag


# --- formatting a number -----------------------------------------------------------------

_CHINESE_FORMATS = {
    "chineseCounting",
    "chineseCountingThousand",
    "ideographTraditional",
    "japaneseCounting",
    "taiwaneseCounting",
    "ideographDigital",
    "chineseLegalSimplified",
}
_FORMATTERS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalFullWidth": str,
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 0 < n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if 0 < n <= 20 else str(n),
    "lowerLetter": lambda n: chr(ord("a") + (n - 1) % 26),
    "upperLetter": lambda n: chr(ord("A") + (n - 1) % 26),
    "bullet": lambda n: "",
    "none": lambda n: "",
}


def _format_number(value: int, style: str) -> str:
    if style in _CHINESE_FORMATS:
        return numerals.chinese_number(value) if 0 < value < 100 else str(value)
    return _FORMATTERS.get(style, str)(value)
