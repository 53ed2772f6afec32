"""Reusing another file's metric names (`--like`), so one thing keeps one name across years.

新增32个老年助餐点 in the 2023 report and 新增社区老年助餐点（社区食堂）83个 in the 2024 plan
describe the same thing; the importer names them 老年助餐点新增数 and 社区老年助餐点新增数.
Given the other file, the later import takes that file's name, and the baseline check links
the two. A name is reused only for the same kind (flow with flow) and comparable units, and
each name of the other file is given to one figure at most, the closest first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from planwriter import model
from planwriter.quantity import QuantityError, compatible

THRESHOLD = 0.6  # below it two names share words by chance (…项目建设数, …项目完成数)
_SUFFIXES = sorted(
    (
        "新建和提升改造数",
        "新建和提升数",
        "提升改造数",
        "累计建成数",
        "累计新建数",
        "累计数",
        "新增数",
        "新建数",
        "建设数",
        "完成数",
        "建成数",
        "改造数",
        "家庭数",
        "人数",
        "户数",
        "人次",
        "金额",
        "额",
        "数",
        "率",
        "比例",
        "占比",
        "标准",
    ),
    key=len,
    reverse=True,
)
_MARKS = re.compile(r"[“”‘’《》（）()、，\s的]")
_QUOTED = re.compile(r"“[^“”]*”")

Item = model.Target | model.Result


def reuse_names(items: Sequence[Item], like: model.Plan | model.Results) -> list[tuple[str, str]]:
    """Rename items after the like file's metrics they describe; returns (old, new) pairs."""
    known = _known_metrics(like)
    taken_names = {item.metric for item in items}
    pairs = []
    for i, item in enumerate(items):
        for j, (metric, kind, unit) in enumerate(known):
            if item.metric == metric:
                pairs.append((2.0, i, j))  # already the same name: keep it linked
            elif item.kind is kind and _same_unit(item, unit) and metric not in taken_names:
                score = similarity(item.metric, metric)
                if score >= THRESHOLD:
                    pairs.append((score, i, j))
    renamed, used_items, used_names = [], set(), set()
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if i in used_items or j in used_names:
            continue
        used_items.add(i)
        used_names.add(j)
        old, new = items[i].metric, known[j][0]
        if old != new:
            items[i].metric = new
            renamed.append((old, new))
    return renamed


def fill_targets(results: model.Results, plan: model.Plan) -> None:
    """A report of the plan's own year: each result records the target it answered."""
    targets = {target.metric: target for _, target in plan.targets()}
    for result in results.results:
        target = targets.get(result.metric)
        if target is not None and target.kind is result.kind and _same_unit(result, target.unit):
            result.target = target.value


def make_distinct(items: Sequence[Item]) -> None:
    """Two figures given the same name: the later ones are numbered, for the user to rename."""
    seen: dict[str, int] = {}
    for item in items:
        count = seen.get(item.metric, 0) + 1
        seen[item.metric] = count
        if count > 1:
            item.metric = f"{item.metric}（{count}）"


def similarity(a: str, b: str) -> float:
    """1.0 for the same thing; shared two-character words count, so do names inside others."""
    if _codes(a) != _codes(b):
        return 0.0  # 4A级 and 5A级, 二级 and 三级: named apart on purpose
    best = 0.0
    for x, y in ((_core(a), _core(b)), (_core(_QUOTED.sub("", a)), _core(_QUOTED.sub("", b)))):
        if not x or not y:
            continue
        if x == y:
            return 1.0
        short, long_ = sorted((x, y), key=len)
        if len(short) >= 3 and short in long_:
            best = max(best, 0.6 + 0.4 * len(short) / len(long_))
        dice = _dice(x, y)
        if _longest_common(x, y) >= 4:
            dice += 0.1  # 养老机构 in both: more than two-character words in common
        best = max(best, dice)
    return best


def _codes(name: str) -> list[str]:
    return re.findall(r"[0-9A-Za-z]+|[一二三四五六七八九十]+(?=[级星])", name)


def _longest_common(a: str, b: str) -> int:
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] not in b:
                break
            best = j - i
    return best


def _core(name: str) -> str:
    """The thing a name counts, without how it is counted: 老年助餐点新增数 → 老年助餐点."""
    name = _MARKS.sub("", name)
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _dice(a: str, b: str) -> float:
    pairs_a = {a[i : i + 2] for i in range(len(a) - 1)}
    pairs_b = {b[i : i + 2] for i in range(len(b) - 1)}
    if not pairs_a or not pairs_b:
        return 0.0
    return 2 * len(pairs_a & pairs_b) / (len(pairs_a) + len(pairs_b))


def _known_metrics(like: model.Plan | model.Results) -> list[tuple[str, model.Kind, str]]:
    items: list[Item] = (
        list(like.results)
        if isinstance(like, model.Results)
        else [target for _, target in like.targets()]
    )
    known: dict[str, tuple[str, model.Kind, str]] = {}
    for item in items:
        known.setdefault(item.metric, (item.metric, item.kind, _unit(item)))
    return list(known.values())


def _unit(item: Item) -> str:
    try:
        return item.quantity().unit
    except (QuantityError, ValueError):
        return item.unit


def _same_unit(item: Item, unit: str) -> bool:
    return compatible(_unit(item), unit) is None
