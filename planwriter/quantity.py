"""Quantities as Chinese officials write them: 不少于50家, 15.8万人, 近9万人次, 两千.

`parse_quantity` reads one value (a YAML field); `find_quantities` picks the
figures out of running text. Amounts are exact `Decimal`s, never floats.

Borderline choices, made once here:

* Ages and anniversaries (80周岁, 60岁以上, 年满60岁, 75周年) are refused: they say who
  is covered or what is celebrated. An age without a bound is a figure in 岁 (人均预期寿命
  达到78.5岁).
* A rate per person or time is part of the unit: 200元/人/月, 730元/月, 3350吨/天,
  人次/年; so is a rate per population (10/10万, 7.81/10万), kept with the figure like %.
* A span of years (3年, 近3年) is refused like a year; 天, 小时, 个月, 个工作日
  are units, because time limits (3个工作日以内) are real targets.
* A bare Arabic number (2024, 3204000041) parses as a quantity when it is a
  whole value, since the caller said it is one; in running text a bare
  1900–2099 is a year and a bare run of 8+ digits (or one led by 0) is a code.
* In running text a Chinese numeral is a figure only when a unit from
  UNIT_GROUPS follows it, or a scale with a digit (十五万, not 十万火急 or
  千万不要). A single character (一, 两, 十, 千) needs more: a qualifier, 余/多
  or a scale (不少于一个, 近千人次, 千余人, 十多万). Official texts write counts
  in Arabic digits (GB/T 15835), so a lone Chinese digit before a measure word
  is almost always a set phrase: 一批, 两个确立, 三项制度, 四项机制, 一户一档,
  千家万户. Hence 三城区 (城 is no unit) and 六大类 (大 stands between) are not
  quantities. Exceptions: a numeral that counts the places named just before it (甲、乙两个
  乡镇), which the list checks, and one that ends its clause after the thing it counts
  (新建服务中心两所、) or follows 其中, 共, 累计 (其中两所学校): a set phrase goes on to its noun.
* Anything inside quotation marks or a title (“1314”, “十四五”, 《…(2023-2035)》)
  is part of a name. A whole value in quotes is refused as such a code.
* A range (3-5个, 2023-2035), a ratio or time (1:1, 10:30), a formula (1+N),
  a grade (4A级, 二级) and a list number (1. / 1、 / (1)) are not quantities.
* 达 / 达到 are kept in the literal (达45%) and mean EXACT; a later 以上 wins.
  Two different bounds (约300余人) are refused, and skipped in running text.
* 5千人 folds 千 into the figure (5000); 万亿 is a scale of 10**12.
* A repost may turn decimal points into 。 (6。9万人次): between digits and before a scale or %
  (6。9万, 98。5%) it is read as the point it was; no sentence ends on a digit and starts again on
  one or two more with 万 or %.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable
from decimal import Context, Decimal
from enum import StrEnum
from typing import NamedTuple, Protocol

from planwriter.numerals import DIGITS, NUMERAL, PLACES, SCALES, ZEROS, chinese_int

# --- messages (to move into the project-wide catalogue) ----------------------

NOT_A_QUANTITY = "“{text}”不是数量"
EMPTY_TEXT = "内容为空，不是数量"
TOO_MANY_DIGITS = "“{text}…”的数字超过 {limit} 位，不像是计划里的数量"
MAX_DIGITS = 100  # far above any real figure; decimal arithmetic on thousands of digits fails
IS_YEAR = "“{text}”是年份，不是数量"
IS_YEAR_SPAN = "“{text}”是年限，不是数量"
IS_DATE = "“{text}”是日期，不是数量"
IS_ORDINAL = "“{text}”是序数，不是数量"
IS_DOC_NUMBER = "“{text}”是文号，不是数量"
IS_SERIAL = "“{text}”是编号，不是数量"
IS_QUOTED_CODE = "“{text}”是名称中的代号，不是数量"
IS_GRADE = "“{text}”是等级，不是数量"
IS_PLAN_NAME = "“{text}”是规划名称，不是数量"
IS_FORMULA = "“{text}”是公式或模式名称，不是数量"
IS_AGE = "“{text}”是年龄条件，不是数量"
IS_ANNIVERSARY = "“{text}”是周年纪念，不是数量"
CONFLICTING_BOUNDS = "“{text}”的限定词相互矛盾"
UNITS_DIFFER = "单位不同，无法比较：{a} 与 {b}"
UNIT_HAS_FIGURE = "单位“{unit}”里有数字：数字写在数值里，单位只写“人”“个”“万元”这样的字"
UNIT_CONFLICT = "“{text}”已写明单位“{written}”，与给定单位“{given}”不符"
SCALE_TWICE = "“{text}”已带“万”或“亿”，给定单位“{given}”不能再带"
NO_UNIT = "无单位的数"


class Bound(StrEnum):
    EXACT = "="  # 83个, 达到88%
    AT_LEAST = ">="  # 不少于50家, 90%以上
    AT_MOST = "<="  # 以内, 不超过
    MORE_THAN = ">~"  # 1600余户, 6万多, 超4000万元
    NEARLY = "<~"  # 近9万人次
    ABOUT = "~"  # 约, 左右

    @property
    def approximate(self) -> bool:
        return self in (Bound.MORE_THAN, Bound.NEARLY, Bound.ABOUT)


class QuantityError(ValueError):
    """Not a quantity. str(err) is a short Chinese reason."""


class IncomparableError(ValueError):
    """Two quantities whose units cannot be compared."""


# --- units -------------------------------------------------------------------

# Units in one group compare with each other; every other pair differs.
# A bare number ("") compares with any unit outside NEVER_BARE.
UNIT_GROUPS: dict[str, tuple[str, ...]] = {
    "人数": ("人", "名", "位"),
    "人次": ("人次",),
    "户数": ("户",),
    "件数": (
        "个",
        "家",
        "所",
        "处",
        "座",
        "间",
        "张",
        "床",
        "项",
        "支",
        "条",
        "件",
        "套",
        "批",
        "场",
        "类",
        "次",
        "种",
        "本",
        "台",
        "辆",
        "块",
        "栋",
        "份",
        "篇",
        "轮",
        "瓶",
        "盒",  # 发放儿童营养包2057盒: boxes given out
        "大类",
        # counts of cases, transactions, sessions and doses, as health, 人社 and 民政 reports write
        # them: 手术1200例, 案件12起, 贷款1200笔, 培训班12期, 信访35宗, 图书5000册, 疫苗2万剂
        "例",
        "起",
        "笔",
        "期",
        "宗",
        "册",
        "剂",
        "剂次",
        "场次",
        "家次",
        "户次",
        "件次",
        "批次",
        "台次",
        "人份",
        "单",  # 备案慈善信托5单
        "株",  # trees and seedlings planted: 种植苗木8000株, 植树2万棵
        "棵",
    ),
    "金额": ("元",),
    "百分比": ("%",),
    "千分比": ("‰",),
    "百分点": ("个百分点", "百分点"),
    "对数": ("对",),  # couples: 办理婚姻登记3126对
    "倍数": ("倍",),
    "电量": ("度",),
    "吨": ("吨",),
    "公斤": ("公斤", "千克", "kg"),
    "亩": ("亩",),
    "公顷": ("公顷",),
    "平方米": ("平方米",),
    "平方公里": ("平方公里",),
    "公里": ("公里",),
    "米": ("米",),
    "天数": ("天",),
    "工作日": ("个工作日", "工作日"),
    "小时": ("小时",),
    "分钟": ("分钟",),
    "分数": ("分",),  # scores: 测评得分90分
    "月数": ("个月",),
    "岁": ("岁",),
    "每十万": ("/10万",),
    "每万": ("/万",),
    # counts of places: 24省, 2区7镇, 5街道
    "省": ("省",),
    "市": ("市",),
    "县": ("县",),
    "区": ("区",),
    "镇": ("镇",),
    "乡": ("乡",),
    "村": ("村",),
    "街道": ("街道",),
}
NEVER_BARE = frozenset({"%", "‰", "个百分点", "百分点", "元", "/10万", "/万"})
# 84.8%, never 0.00848万%
_UNSCALED = frozenset({"%", "‰", "个百分点", "百分点", "/10万", "/万", "岁"})
# What a rate is per: 元/人/月, 元/人·月, 元/月, 吨/天, 人次/年
_PER = r"/(?:人|户|床|次|人次)(?:[·/](?:月|年|天|日))?|/(?:月|年|天|日)"
_GROUP_OF: dict[str, tuple[str, ...]] = {u: g for g in UNIT_GROUPS.values() for u in g}

# Units that all count people: 15万人 and 15万名 are the same target.
PEOPLE_UNITS = UNIT_GROUPS["人数"]

# --- vocabulary --------------------------------------------------------------

_PREFIXES: dict[str, Bound] = {
    "不少于": Bound.AT_LEAST,
    "不低于": Bound.AT_LEAST,
    "不小于": Bound.AT_LEAST,
    "至少": Bound.AT_LEAST,
    "不超过": Bound.AT_MOST,
    "不高于": Bound.AT_MOST,
    "不多于": Bound.AT_MOST,
    "不大于": Bound.AT_MOST,
    "至多": Bound.AT_MOST,
    "最多": Bound.AT_MOST,
    "超过": Bound.MORE_THAN,
    "超": Bound.MORE_THAN,
    "逾": Bound.MORE_THAN,
    "将近": Bound.NEARLY,
    "接近": Bound.NEARLY,
    "近": Bound.NEARLY,
    "大约": Bound.ABOUT,
    "约": Bound.ABOUT,
    "达到": Bound.EXACT,
    "达": Bound.EXACT,
}
# 最近3天 is "the last 3 days"; 下达3000万元 is "allocated", not "reaching".
_PREFIX_NOT_AFTER = {"近": "最", "达": "下到送传抵表"}
_SUFFIXES: dict[str, Bound] = {
    "及以上": Bound.AT_LEAST,
    "以上": Bound.AT_LEAST,
    "及以下": Bound.AT_MOST,
    "以下": Bound.AT_MOST,
    "以内": Bound.AT_MOST,
    "之内": Bound.AT_MOST,
    "左右": Bound.ABOUT,
}
_EXACT = Context(prec=1000)  # amounts stay exact however long the figure
# Guards for the rare qualified case (超一批); unqualified single digits never count.
SET_PHRASES = (
    "一把手",
    "一体",
    "一次不跑",
    "一件事",
    "一户一",
    "一批",
    "一套表",
    "一次性",
    "两个确立",
    "两个维护",
    "两个覆盖",
    "四种形态",
    "三项制度",
)

_FULL_WIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
        "％": "%",
        "﹪": "%",
        "．": ".",
        "＋": "+",
        "（": "(",
        "）": ")",
        "［": "[",
        "］": "]",
        "：": ":",
        "－": "-",
        "～": "~",
        "／": "/",
        "＂": '"',
        "　": " ",
    }
)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _prefix_pattern() -> str:
    parts = []
    for word in sorted(_PREFIXES, key=len, reverse=True):
        guard = _PREFIX_NOT_AFTER.get(word)
        parts.append(f"(?<![{guard}]){word}" if guard else word)
    return "|".join(parts)


# The grammar of a quantity as people write it, qualifiers included. Compiled on first use: its
# unit alternation and 汉字 classes cost a cold render some 16M instructions, and a plan whose
# values are written plainly (15万, 90%, 83) never needs it (see `_plain_quantity`).
@functools.cache
def _quantity_re() -> re.Pattern[str]:
    return re.compile(
        rf"""
        (?P<pre>{_prefix_pattern()})?
        (?P<figure>
            (?P<arabic>(?<![0-9.])(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?)
            (?P<mul>[千百](?!分))?
          | (?P<chinese>(?<![{NUMERAL}万亿])[{NUMERAL}][{NUMERAL}万亿]*)
        )
        (?P<approx1>[余多])?
        (?P<scale>万亿|万|亿)?
        (?P<approx2>[余多])?
        (?P<unit>{_alternation(_GROUP_OF)})?
        (?P<per>(?<=[^0-9.]){_PER})?
        (?P<post>{_alternation(_SUFFIXES)})?
        """,
        re.VERBOSE,
    )


# A value written plainly: digits, a scale, a known unit, nothing else. Units opening on 千 or
# 百 are left to the grammar, which reads 5千米 as 5000 米 when 米 is a unit.
_PLAIN_VALUE = r"(?P<arabic>[0-9]+(?:\.[0-9]+)?)(?P<scale>万亿|万|亿)?(?P<unit>[^0-9千百][^0-9]*)?"


_SCALED_UNIT_RE = re.compile(r"(万亿|亿|万)(.*)")

# --- running-text exclusions ---------------------------------------------------
# These and the explanations below are compiled on first use (`_compiled`): reading a plan's
# values (render, check) needs none of them.

# a name in quotes (“民生100工程”), not words quoted (“…新增床位5000张。”): no sentence ends in it
_QUOTED_SPAN = (
    r"“[^“”\n。！？]{0,80}”|‘[^‘’\n]{0,80}’|「[^」\n]{0,80}」|『[^』\n]{0,80}』"
    r'|《[^《》\n]{0,80}》|〈[^〉\n]{0,80}〉|"[^"\n]{0,80}"'
)
# What may not follow a figure that has no unit: 2024年 2月 23日 5号 十七届 4A级
# 75周年 80周岁 1+N, ranges 2023-2035, times 10:30, list numbers 1. / 1、
_BARE_FOLLOWER = r"年|月|日|号|届|级|周年|周岁|岁|[A-Za-z]|\+|[-—–~:/·][0-9]|[.、](?![0-9])"
_BEFORE_FIGURE = r"(?:第|[A-Za-z+]|[0-9][-—–~:/·])$"

# --- whole-value explanations --------------------------------------------------

_C = "[0-9〇零一二两三四五六七八九十]"
_NUM = "[0-9〇零一二两三四五六七八九十百千]"
_QUOTED = r'[“"‘「『](.+)[”"’」』]'
_PLAN = r"(?:十?[一二三四五六七八九]|十)五(?:规划|时期)?"


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# Searched in order; the first that matches names what the text is instead. Compiled on first
# use: a plan whose values all read (the usual case) never needs them.
@functools.cache
def _explanations() -> tuple[tuple[re.Pattern[str], str], ...]:
    return (
        (
            re.compile(r"\A[^0-9]*[〔\[【(]\s*[0-9]{4}\s*[〕\]】)]\s*第?[0-9]+\s*号\Z"),
            IS_DOC_NUMBER,
        ),
        (
            re.compile(
                rf"\A(?:(?:{_C}{{2,4}}年)?{_C}{{1,2}}月(?:{_C}{{1,3}}[日号])?|{_C}{{1,3}}日"
                r"|[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2})\Z"
            ),
            IS_DATE,
        ),
        (
            re.compile(
                r"\A(?:(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年度?"
                r"|[0-9]{4}\s*[-—–~至到]\s*[0-9]{4}年?)\Z"
            ),
            IS_YEAR,
        ),
        (
            re.compile(
                rf"\A(?:第{_NUM}|{_NUM}+届\Z|[0-9]+[.、]\Z|\({_NUM}+\)\Z|[一二三四五六七八九十]+、\Z)"
            ),
            IS_ORDINAL,
        ),
        (re.compile(rf"(?:{_NUM}|[A-Za-z])级(?:及以上|以上|及以下|以下)?\Z"), IS_GRADE),
        (re.compile(rf"\A{_PLAN}\Z"), IS_PLAN_NAME),
        (re.compile(r"[0-9A-Za-z]\+|\+[0-9A-Za-z]"), IS_FORMULA),
        (re.compile(rf"{_NUM}(?:周岁|岁)(?:及以上|以上|及以下|以下)?\Z"), IS_AGE),
        (re.compile(rf"{_NUM}周年\Z"), IS_ANNIVERSARY),
        (re.compile(rf"{_NUM}[余多]?年(?:及以上|以上|以下|以内|左右)?\Z"), IS_YEAR_SPAN),
        (re.compile(r"[0-9]号\Z"), IS_SERIAL),
    )


# --- values ------------------------------------------------------------------


class Quantity(NamedTuple):
    literal: str  # exactly as written
    number: Decimal  # the figure before its scale: 15.8 for 15.8万
    scale: int  # 1, 10_000 (万), 100_000_000 (亿); 10**12 for 万亿
    unit: str  # without the scale: 元 for 万元; "" for a bare number
    bound: Bound

    @property
    def amount(self) -> Decimal:
        value = _EXACT.multiply(self.number, Decimal(self.scale))
        integral = value == value.to_integral_value(context=_EXACT)
        return value.quantize(Decimal(1), context=_EXACT) if integral else value

    def with_unit(self, unit: str) -> Quantity:
        """This quantity with a unit given elsewhere; 万元 also supplies the scale."""
        given = _normalize(unit).strip()
        if not given:
            return self
        scaled = _SCALED_UNIT_RE.fullmatch(given)
        scale, bare = (SCALES[scaled[1]], scaled[2]) if scaled else (1, given)
        if self.unit:
            if scale == 1 and compatible(self.unit, bare) is None:
                return self
            raise IncomparableError(
                UNIT_CONFLICT.format(text=self.literal, written=self.unit, given=given)
            )
        if scale == 1:
            return self._replace(unit=bare)
        if self.scale != 1:
            raise QuantityError(SCALE_TWICE.format(text=self.literal, given=given))
        return self._replace(scale=scale, unit=bare)


class Found(NamedTuple):
    start: int
    end: int
    quantity: Quantity


def parse_quantity(text: str) -> Quantity:
    """The one quantity that `text` is, or QuantityError saying what it is instead."""
    literal = text.strip()
    normal = _normalize(literal)
    if not normal:
        raise QuantityError(EMPTY_TEXT)
    if _too_long(normal):
        raise QuantityError(TOO_MANY_DIGITS.format(text=literal[:12], limit=MAX_DIGITS))
    quantity = _plain_quantity(normal, literal)
    if quantity is None:
        match = _quantity_re().fullmatch(normal)
        quantity = _build(match, literal) if match else None
    if quantity is None:
        raise QuantityError(_explain(normal, literal))
    return quantity


# 6。9万: a decimal point a repost turned into a full stop (see the module's notes)
_DECIMAL_STOP = r"(?<=[0-9])。(?=[0-9]{1,2}[万萬亿億%])"


def decimal_stops(text: str) -> set[int]:
    """Where `text` has a decimal point written 。 (6。9万人次)."""
    return {found.start() for found in _compiled(_DECIMAL_STOP).finditer(text)}


def find_quantities(text: str) -> list[Found]:
    """Every quantity in running text, in order, qualifiers included."""
    normal = _compiled(_DECIMAL_STOP).sub(".", _normalize(text))  # one for one: offsets hold
    quoted = [m.span() for m in _compiled(_QUOTED_SPAN).finditer(normal)]
    found = []
    for match in _quantity_re().finditer(normal):
        if _inside(match.start("figure"), quoted) or not _reads_as_figure(normal, match):
            continue
        if _too_long(match["figure"]):
            continue  # no real figure; its arithmetic would fail
        try:
            quantity = _build(match, text[match.start() : match.end()])
        except QuantityError:  # contradictory qualifiers: say nothing rather than guess
            continue
        if quantity is not None:
            found.append(Found(match.start(), match.end(), quantity))
    return found


def unit_problem(unit: str) -> str | None:
    """Why a `unit:` as written cannot be a unit (it holds a figure), or None."""
    if any(ch.isdigit() for ch in unit):
        return UNIT_HAS_FIGURE.format(unit=unit)
    return None


def compatible(unit_a: str, unit_b: str) -> str | None:
    """None when amounts in these units compare, else the Chinese reason."""
    a, b = _normalize(unit_a).strip(), _normalize(unit_b).strip()
    if a == b:
        return None
    if not (a and b):
        if (a or b) not in NEVER_BARE:
            return None
    elif _GROUP_OF.get(a, (a,)) == _GROUP_OF.get(b, (b,)):
        return None
    return UNITS_DIFFER.format(a=a or NO_UNIT, b=b or NO_UNIT)


def compare(a: Quantity, b: Quantity) -> int:
    """-1, 0 or 1 as a's amount is below, equal to or above b's."""
    if compatible(a.unit, b.unit) is not None:
        raise IncomparableError(UNITS_DIFFER.format(a=_display(a), b=_display(b)))
    return (a.amount > b.amount) - (a.amount < b.amount)


def format_amount(amount: Decimal, unit: str = "") -> str:
    """158000, 人 -> 15.8万人: 亿 or 万 when two decimals suffice, else plain."""
    amount = Decimal(amount)
    unit = _normalize(unit).strip()
    sign, size = ("-" if amount < 0 else ""), abs(amount)
    if unit not in _UNSCALED:
        for exponent, word in ((8, "亿"), (4, "万")):
            figure = size.scaleb(-exponent, context=_EXACT)
            cents = figure.scaleb(2, context=_EXACT)
            if figure >= 1 and cents == cents.to_integral_value(context=_EXACT):
                return f"{sign}{plain_number(figure)}{word}{unit}"
    return f"{sign}{plain_number(size)}{unit}"


def plain_number(value: Decimal) -> str:
    """No exponent, no trailing zeros: 1E+5 -> 100000, 84.80 -> 84.8."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def shown(quantity: Quantity) -> str:
    """A quantity the way the bureau writes it, unit included: 15万人, 90%."""
    if quantity.unit and quantity.literal.endswith(quantity.unit):
        return quantity.literal
    return (
        format_amount(quantity.amount, quantity.unit)
        if quantity.bound.value == "="
        else (quantity.literal + quantity.unit)
    )


def ratio_text(value: Decimal) -> str:
    """A ratio or percentage to one decimal, without trailing zeros: 84.80 -> 84.8."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def states_figure(found: Found, quantity: Quantity) -> bool:
    """Whether a figure found in running text states this quantity (same amount, same unit)."""
    return (
        found.quantity.amount == quantity.amount
        and compatible(found.quantity.unit, quantity.unit) is None
    )


class HasQuantity(Protocol):
    """A target or a result: anything whose value reads as a quantity (model's types)."""

    def quantity(self) -> Quantity: ...


def quantity_or_none(item: HasQuantity) -> Quantity | None:
    """The item's quantity, or None when its value does not read (validation reports that)."""
    try:
        return item.quantity()
    except (QuantityError, ValueError):
        return None


# --- internals ---------------------------------------------------------------


def _normalize(text: str) -> str:
    """Full-width forms to ASCII, one character for one so offsets still hold."""
    return text.translate(_FULL_WIDTH)


def _display(q: Quantity) -> str:
    if q.literal and (not q.unit or q.unit in _normalize(q.literal)):
        return q.literal
    return format_amount(q.amount, q.unit)


def _too_long(text: str) -> bool:
    return sum(ch.isdigit() for ch in text) > MAX_DIGITS


def _plain_quantity(normal: str, literal: str) -> Quantity | None:
    """The quantity a plainly written value is, as the grammar reads it; None for any other."""
    match = _compiled(_PLAIN_VALUE).fullmatch(normal)
    if match is None or (match["unit"] and match["unit"] not in _GROUP_OF):
        return None
    number, scale = Decimal(match["arabic"]), SCALES.get(match["scale"] or "", 1)
    return Quantity(literal, number, scale, match["unit"] or "", Bound.EXACT)


def _build(match: re.Match[str], literal: str) -> Quantity | None:
    """The quantity a grammar match stands for; None when the figure is malformed."""
    if match["approx1"] and match["approx2"]:
        return None
    figure = _figure(match)
    if figure is None:
        return None
    number, scale = figure
    if match["unit"] == "岁" and match["post"] and match["post"] != "左右":
        return None  # 60岁以上: who is covered, not how many (80.8岁左右 is a level aimed at)
    unit = (match["unit"] or "") + (match["per"] or "")  # 730/月: the per alone, as written
    return Quantity(literal, number, scale, unit, _bound(match, literal))


def _figure(match: re.Match[str]) -> tuple[Decimal, int] | None:
    scale = SCALES.get(match["scale"] or "", 1)
    if match["arabic"]:
        number = Decimal(match["arabic"].replace(",", ""))
        if match["mul"]:  # 5千人: the 千 folds into the figure
            number = _EXACT.multiply(number, Decimal(PLACES[match["mul"]]))
        return number, scale
    run = match["chinese"]
    value = chinese_int(run)
    inner = _trailing_scale(run)
    if value is None or (inner > 1 and scale > 1):
        return None
    return Decimal(value // inner), max(inner, scale)


def _trailing_scale(run: str) -> int:
    """十五万 is 15 in 万; 一万二千 has no trailing scale and stays 12000."""
    for word in ("万亿", "亿", "万"):
        if run.endswith(word) and len(run) > len(word):
            return SCALES[word]
    return 1


def _bound(match: re.Match[str], literal: str) -> Bound:
    kinds = {_PREFIXES[match["pre"]]} if match["pre"] else set()
    if match["approx1"] or match["approx2"]:
        kinds.add(Bound.MORE_THAN)
    if match["post"]:
        kinds.add(_SUFFIXES[match["post"]])
    kinds.discard(Bound.EXACT)  # 达到90%以上 is at least 90%
    if len(kinds) > 1:
        raise QuantityError(CONFLICTING_BOUNDS.format(text=literal))
    return kinds.pop() if kinds else Bound.EXACT


def _explain(normal: str, literal: str) -> str:
    quoted = _compiled(_QUOTED).fullmatch(normal)
    if quoted:
        inner = literal[quoted.start(1) : quoted.end(1)].strip()
        plan = _compiled(_PLAN).fullmatch(quoted[1].strip())
        return (IS_PLAN_NAME if plan else IS_QUOTED_CODE).format(text=inner)
    for pattern, message in _explanations():
        if pattern.search(normal):
            return message.format(text=literal)
    return NOT_A_QUANTITY.format(text=literal)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether position falls inside one of the sorted, disjoint spans."""
    index = bisect_right(spans, position, key=lambda span: span[0]) - 1
    return index >= 0 and spans[index][0] < position < spans[index][1]


def _reads_as_figure(text: str, match: re.Match[str]) -> bool:
    """Whether a grammar match in running text is a quantity, not a year, code or idiom."""
    start = match.start("figure")
    if not match["pre"] and _compiled(_BEFORE_FIGURE).search(text, max(0, start - 2), start):
        return False
    if not match["unit"] and _compiled(_BARE_FOLLOWER).match(text, match.end()):
        return False
    if match["unit"] == "岁" and text[max(0, start - 1) : start] == "满":
        return False  # 年满60岁
    if match["chinese"]:
        return _chinese_reads_as_figure(text, match)
    if not _is_bare(match):
        return True
    listed = text[start - 1 : start] == "(" and text.startswith(")", match.end())  # (1)
    return not (listed or _code_or_year(match["arabic"]))


def _chinese_reads_as_figure(text: str, match: re.Match[str]) -> bool:
    run, start = match["chinese"], match.start("figure")
    approx = bool(match["approx1"] or match["approx2"])
    scaled = bool(match["scale"]) or run[-1] in "万亿"
    if len(run) == 1 and not (scaled or approx or match["pre"]):
        return (
            _counts_places_named(text, match)
            or _sums_people_told(text, match)
            or _counts_what_is_built(text, match)
            or _counts_the_thing_told(text, match)
        )
    if not match["unit"]:
        has_digit = any(c in DIGITS and c not in ZEROS for c in run)
        if not (scaled and (has_digit or approx)):
            return False
    return not any(text.startswith(phrase, start) for phrase in SET_PHRASES)


# 在甲、乙两个乡镇完成试点: a lone numeral that counts the places just named, one by one, is a
# figure the text itself checks; 两个确立 and 三项制度 name no list before them. Compiled on first
# use: `re` builds a class of every 汉字 one by one, about 4% of a render's start.
_PLACES_AFTER = r"(?:乡镇|镇|街道|村|社区|县|区|市)"
_NAMES_BEFORE = r"(?:[\u4e00-\u9fff]{1,6}、)+[\u4e00-\u9fff]{1,6}$"


def _counts_places_named(text: str, match: re.Match[str]) -> bool:
    if match["unit"] not in ("个", "所", "座"):
        return False
    if not _compiled(_PLACES_AFTER).match(text, match.end()):
        return False
    before = text[max(0, match.start("figure") - 40) : match.start("figure")]
    names = _compiled(_NAMES_BEFORE).search(before)
    return names is not None and names[0].count("、") + 1 == DIGITS.get(match["chinese"], 0)


# 新建三个社区卫生服务中心, 新建公益性公墓两处, 完成两所医院改造: a lone numeral that counts what a
# building act makes, right after the act or closing its clause, is a figure (两个确立 and
# 三项制度 follow no such act; 打造一个…平台 says "a")
_BUILT_UNITS = ("个", "所", "座", "家", "处", "间", "栋", "支")
_BUILDING_ACT = r"(?:新建|新增|增设|新设|建成|建设|改扩建|改造|打造|创建|培育|新开工|完成)"
_ACT_JUST_BEFORE = _BUILDING_ACT + "$"
_ACT_IN_CLAUSE = _BUILDING_ACT + r"[^，,；;。：:、！？\s]{1,20}$"
_CLAUSE_ENDS = r"[，,；;。！？）)]|$"


def _counts_what_is_built(text: str, match: re.Match[str]) -> bool:
    if match["unit"] not in _BUILT_UNITS or match["chinese"] == "一":
        return False  # 打造一个…平台: 一个 is the article "a", no count
    before = text[max(0, match.start("figure") - 24) : match.start("figure")]
    if _compiled(_ACT_JUST_BEFORE).search(before):
        return True
    closes = _compiled(_CLAUSE_ENDS).match(text, match.end()) is not None
    return closes and _compiled(_ACT_IN_CLAUSE).search(before) is not None


# 推荐甲为…候选人，推荐乙为…候选人，两人均当选: a lone numeral of people that 均 or 都 follows
# sums those the text has just told of, a figure (两个确立 and 一批 have no 均)
def _sums_people_told(text: str, match: re.Match[str]) -> bool:
    return match["unit"] in ("人", "名") and text.startswith(("均", "都"), match.end())


# 新建养老服务中心两所、服务站三个; 其中两所学校已投入使用: a lone numeral that ends its clause
# after the thing it counts, or that a total or part word (其中, 共, 累计) leads, counts that thing;
# a set phrase (两个确立, 三项制度) goes on to its noun, and 一 (一次, 一批) or 每月两次, 分三批,
# 第三个 say how or which, not how many
_TOTAL_OR_PART_BEFORE = ("其中", "共", "共计", "合计", "累计", "全年")
_HOW_OR_WHICH_BEFORE = "每分第前后这那其之"


def _counts_the_thing_told(text: str, match: re.Match[str]) -> bool:
    start, end = match.start("figure"), match.end()
    if match["chinese"] == "一" or not match["unit"]:
        return False
    if text.endswith(_TOTAL_OR_PART_BEFORE, 0, start):
        return True
    previous = text[start - 1 : start]
    if "每" in text[max(0, start - 4) : start]:
        return False  # 每月两次: how often, a rule
    ends_clause = end == len(text) or text[end] in "，,、；;。：:）)！？"
    return ends_clause and "\u4e00" <= previous <= "\u9fff" and previous not in _HOW_OR_WHICH_BEFORE


def _is_bare(match: re.Match[str]) -> bool:
    parts = ("pre", "mul", "approx1", "scale", "approx2", "unit", "post")
    return not any(match[part] for part in parts)


def _code_or_year(figure: str) -> bool:
    if not figure.isdecimal():
        return False
    if len(figure) == 4 and 1900 <= int(figure) <= 2099:
        return True
    return len(figure) >= 8 or (len(figure) > 1 and figure.startswith("0"))
