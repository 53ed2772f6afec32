"""A figure's metric name and kind, from the words around it.

新增社区老年助餐点（社区食堂）83个 → 社区老年助餐点新增数, flow;
居家养老上门服务覆盖15.8万老年人 → 居家养老上门服务人数, stock;
全市90%的养老机构通过等级评定 → 养老机构等级评定通过率, rate.

The clause is read as [left] figure [right]. A verb on the left (新增, 建设) names what
is counted and whether it is new this year; a noun on the right (老年助餐点) or, failing
that, on the left (日均助餐人数) names the thing; a beneficiary (为…老年人提供X) makes
the service X the thing. A clause too short to name anything (累计43家, 占比达84.8%)
borrows the noun of the clause before it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from planwriter.model import Kind
from planwriter.quantity import PEOPLE_UNITS

# --- vocabulary -----------------------------------------------------------------------

# Acts that count something new this year (flow); the value is the word left in a name.
_FLOW_ACTS = {
    "新建和提升改造": "新建和提升改造",
    "新建和改造提升": "新建和提升改造",
    "提升改造": "提升改造",
    "改造提升": "提升改造",
    "新增": "新增",
    "新建": "新建",
    "增建": "新增",
    "增设": "新增",
    "新设": "新设",
    "改扩建": "改扩建",
    "新改建": "新改建",
    "改建": "改建",
    "改造": "改造",
    "新开工": "新开工",  # 新开工保障性租赁住房1500套: houses whose building starts this year
    "开工": "开工",
    "加装": "加装",
    "建设": "建设",
    "招录": "招录",
    "招聘": "招聘",
    "评定": "评定",
    "获评": "获评",
    "评选": "评选",
    "入选": "入选",
    "抽查": "抽查",
    "检查": "检查",
    "发放": "发放",
    "赠送": "赠送",
    "派出": "派出",
    "排查整改": "排查整改",
    "排查": "排查",
    "整改": "整改",
    "销售": "销售",
    "筹集": "筹集",
    "募集": "募集",
    "减轻": "减轻",
    "救助": "救助",
    "资助": "资助",
    "慰问": "慰问",
    "办理": "办理",
    "办结": "办结",
    "培训": "培训",
    "投入": "投入",
    "帮扶": "帮扶",
    "安置": "安置",
    "接收": "接收",
    "登记": "登记",
    "创建": "创建",
    "创成": "创成",
    "培育": "培育",
    "认定": "认定",
    "表彰": "表彰",
    "选树": "选树",
    "提升": "提升",
    "完成": "",
    "开通": "开通",
    "新开": "新开",
    "设立": "设立",
    "增加": "增加",
    "下达": "下达",
    "拨付": "拨付",
    "化解": "化解",
    "净增": "净增",
    "走访": "走访",
    "提高": "提高",
    "调处": "调处",
    "回复": "回复",
    "处置": "处置",
}
# Acts that do not say the figure is new: the thing after them is what is counted.
_OTHER_ACTS = {
    "开展": "",
    "举办": "",
    "实施": "",
    "成立": "",
    "参与": "参与",
    "参加": "参加",
    "召开": "",
    "举行": "",
    "发生": "",  # 发生事故42起: the events of the year, named by what happened
    "打造": "",
    "提供": "",
    "建立": "",
    "推出": "",
    "落实": "",
    "覆盖": "",
    "建成": "建成",
    "纳入": "纳入",
    "惠及": "",
    "保持": "",
    "达到": "",
    "实现": "",
    "稳定在": "",
    "提高到": "",
    "提升到": "",
    "提高至": "",
    "提升至": "",
    "共有": "",
    "现有": "",
    "建有": "",
    "拥有": "",
    "保有": "",
}
_VERB_WORD = {**_OTHER_ACTS, **_FLOW_ACTS}
ACTS = tuple(_VERB_WORD)  # the verbs the names are read with, for other modules' grammar

# Cues for the kind, strongest first: 累计 beats 新增 (累计新建32个 is a level reached).
_STOCK_CUES = ("累计", "共有", "现有", "建有", "拥有", "保有", "存量", "总数")
_FLOW_CUES = (*_FLOW_ACTS, "收入", "支出")
_WEAK_STOCK_CUES = (
    "覆盖",
    "建成",
    "纳入",
    "惠及",
    "保持",
    "达到",
    "实现",
    "稳定在",
    "提高到",
    "提升到",
    "提高至",
    "提升至",
    "建立",
    "日均",
    "常态",
)
_WEAK_FLOW_CUES = (
    "开展",
    "举办",
    "实施",
    "组织",
    "成立",
    "参与",
    "参加",
    "召开",
    "举行",
    "推出",
    "发生",
)
_VERB = "|".join(sorted(_VERB_WORD, key=len, reverse=True))
_VERB_RUN = re.compile(rf"(?:{_VERB})(?:[和及与、并]?(?:{_VERB}))*")

# Words that set the scope of a whole clause, not the thing counted.
_SCOPE = (
    "在全省率先",
    "各级民政部门",
    "市、区两级",
    "全市共计",  # 全年共计救助58人次: not 全年共 and 计救助
    "全年共计",
    "全市共",
    "全年共",
    "今年以来",  # 今年以来共开展…: not 今年 and 以来共开展
    "年初以来",
    "本年度",
    "年度内",
    "全市",
    "全区",
    "全县",
    "全省",
    "全镇",
    "全国",
    "全年",
    "年内",
    "今年",
    "本年",
    "当年",
    "各级",
    "各地",
    "共有",  # 全县共有城乡低保对象5236户: what there is, not 有城乡低保对象
    "现有",
    "拥有",
    "共计",
    "合计",
    "总计",
    "其中",
    "同时",
    "此外",
    "另外",
    "先后",
    "持续",
    "进一步",
    "今年我局",
    "还将",  # 还将力争新增…: the news's "will also", no part of the thing's name
    "也将",
    "仍将",
    "将",
    "我局",
    "本局",
    "我市",
    "我区",
    "我县",
    "及时足额",  # 及时发放资金117.94万元: how it was paid, no part of what
    "及时",
    "足额",
    "积极",
    "全面",
    "大力",
    "深入",
    "切实",
    "稳步",
    "有序",
    "扎实",
    "首批",
    "同步",
    "提前",
    "率先",
    "公开",
    "高质量",
    "全力",
    "着力",
    "分别",
    "累计",
    "推动",
    "推进",
    "力争",
    "确保",
    "努力",
    "争取",
    "计划",
    "预计",
    "首次",
    "顺利",
    "实现",
    "共",
    "并",
    "已",
)
# 人民网合肥1月16日电（吕欢欢）, 本报讯（记者 张三）: the news's dateline, no word of a name
_DATELINE = re.compile(
    r"^[^，,。；;“”]{0,12}?(?:\d{1,2}月\d{1,2}日电|[网报台社]讯)(?:\s*[（(][^（）()]{0,20}[）)])?"
)
_YEAR_SCOPE = re.compile(r"^(?:\d{4}|[〇零一二三四五六七八九]{4})年度?(?:以来|底|末)?")
# Words that end a left side without naming anything: copulas and rates per person.
_TAIL = (
    "调整为",  # 失业保险金标准调整为每人每月1850元: the standard, set anew
    "调整到",
    "调整至",
    "上调至",
    "上调到",
    "突破",  # 参保人数力争突破60万人: the mark to pass, no word of the name
    "超过",
    "力争",  # …人数力争达到: how firmly it is promised, no word of the name
    "确保",
    "争取",
    "提高到",
    "提升到",
    "增加到",
    "提高至",
    "提升至",
    "稳定在",
    "控制在",
    "保持在",
    "达到",
    "压缩至",
    "压缩到",
    "缩短至",
    "缩短到",
    "降低到",
    "降低至",
    "降至",
    "减少到",
    "减少至",
    "每人每月",
    "每人每年",
    "每户每月",
    "人均",
    "年均",
    "平均",
    "每月",
    "每人",
    "每户",
    "每年",
    "为",
    "达",
    "是",
    "至",
    "到",
    "约",
    "近",
    "超",
    "共",
    "累计",
    "总计",
    "合计",
    "分别",
    "均",
    "已",
    "在",
    "的",
)
_PER_UNIT = ("每人每月", "每人每年", "每户每月", "人均", "每月", "每人", "每户", "每年", "年均")
_BENEFICIARY_MARK = ("为", "向", "给", "对", "帮助")
# Nouns for people and households: a beneficiary, or the thing counted in 人 or 户.
_PEOPLE = (
    "老年人",
    "老人",
    "人员",
    "人口",
    "对象",
    "群众",
    "儿童",
    "孤儿",
    "居民",
    "残疾人",
    "家庭",
    "家属",
    "职工",
    "学生",
    "青少年",
    "妇女",
    "志愿者",
    "群体",
    "人群",
    "者",
    "人",
    "户",
)
_PEOPLE_WORD = re.compile(rf"[\u4e00-\u9fff]{{0,4}}(?:{'|'.join(_PEOPLE)})")
_BENEFICIARY_RE = re.compile(rf"^(?P<who>.*(?:{'|'.join(_PEOPLE)}))(?P<rest>.*)$")
_MEASURED = (
    "人数",
    "人次",
    "户数",
    "数量",
    "总数",
    "数",
    "率",
    "比",
    "比例",
    "比重",
    "占比",
    "增幅",
    "降幅",
    "额",
    "金额",
    "总额",
    "资金",
    "标准",
    "收入",
    "支出",
    "总量",
    "量",
    "规模",
    "面积",
    "指数",
    "得分",
    "满意度",
    "时限",
    "时间",
    "周期",
)
_ACTS_AS_NOUNS = ("救助", "培训", "帮扶", "登记", "慰问", "评定", "改造", "排查", "整改")
_COUNTED = ("人数", "人次", "户数", "数", "率")
_SHORT_HEADS = ("占比", "比例", "比重", "增幅", "降幅", "增长", "同比")
_MONEY_VERBS = ("销售", "筹集", "募集", "投入", "发放", "支出", "收入", "下达", "拨付", "减轻")
_RATE_VERBS = (
    "通过",
    "达到",
    "实现",
    "完成",
    "参加",
    "参与",
    "建成",
    "开展",
    "纳入",
    "获得",
    "享受",
)
_RISE = re.compile(r"(同比|较上年|比上年)?(增加|增长|提高|上升)$")
_FALL = re.compile(r"(同比|较上年|比上年)?(下降|减少|降低)$")
_PARENS_TAIL = re.compile(r"（[^（）]*）$")
_PLACE_ASIDE = re.compile(r"[镇乡村市县区居]（(?:街道|社区|区|县|市|乡镇|村|居)）$")  # 镇（街道）
PLACE_UNITS = {
    "省": "省份",
    "市": "市",
    "县": "县",
    "区": "区",
    "镇": "镇",
    "乡": "乡",
    "村": "村",
    "街道": "街道",
}
_MEASURE_UNITS = ("度", "吨", "公斤", "亩", "公顷", "平方米", "平方公里", "公里", "米")
TIME_UNITS = ("天", "小时", "分钟", "个月", "个工作日", "工作日")
_NAME_MAX = 30
_BORROW_MAX = 16


@dataclass(frozen=True)
class Span:
    """A figure inside its clause."""

    start: int
    end: int
    unit: str  # as the words use it: 个, 人 (for 名 and 位), %, or "" when bare


@dataclass(frozen=True)
class Clause:
    text: str
    figures: tuple[Span, ...]


@dataclass(frozen=True)
class Wording:
    metric: str
    kind: Kind
    borrowed: str = ""  # "before" or "after" when the name took words from that clause


@dataclass
class _Parts:
    noun: str = ""  # the thing counted
    verb: str = ""  # the word the act leaves in the name
    beneficiary: str = ""
    per_unit: bool = False  # 每人每月: the figure is a standard
    cumulative: bool = False  # 累计
    measured: bool = False  # the noun already says what is measured (人数, 覆盖率)


# --- entry point ------------------------------------------------------------------------


def describe(
    clause: Clause,
    index: int,
    before: Clause | None = None,
    after: Clause | None = None,
    literal_prefix: str = "",
) -> Wording:
    """Metric name and kind of figure `index` of `clause`, its neighbours helping."""
    figure = clause.figures[index]
    left, shared = _left(clause, index)
    right, right_full = _right(clause, index)
    kind = _kind(f"{shared}{left}", right_full, figure.unit, literal_prefix)
    if figure.unit in PLACE_UNITS:
        return Wording(_tidy(_place_name(clause, index)) or _fallback(clause, "个"), kind)
    if changed := _respective_change(clause, index, before):
        return Wording(_tidy(_assemble(_Parts(noun=changed, measured=True), figure.unit)), kind)
    if respective := _respective(clause, index):
        return Wording(_tidy(_assemble(_Parts(noun=respective, measured=True), figure.unit)), kind)
    parts = _parts(left, shared, right, right_full, figure.unit)
    if not parts.verb and _listed_after_an_act(clause, index, left, shared):
        parts.verb = _verb_of(_strip_tail(_strip_scope(shared)))
    _new_before_what_is_counted(parts, figure.unit)
    whole = _whole(clause, index, before)
    if whole is not None and not parts.verb:
        parts.verb = (
            whole.verb
        )  # 新建助餐点80个，其中农村助餐点50个: the part is new like the whole
        kind = _kind(f"{whole.verb}{shared}{left}", right_full, figure.unit, literal_prefix)
    borrowed = ""
    if whole is not None and _needs_borrowing(parts.noun) and whole.noun not in parts.noun:
        parts.noun, borrowed = f"{parts.noun}{whole.noun}", "before"  # 其中幼儿园420个: 幼儿园学位
    elif _needs_borrowing(parts.noun):
        lender = None if _sibling(parts, before) else before
        parts.noun, borrowed = _borrow(parts.noun, clause, index, lender, after)
    metric = _assemble(parts, figure.unit)
    return Wording(_tidy(metric) or _fallback(clause, figure.unit), kind, borrowed)


# what a standard is per, written before its figures: 分别提高到每人每月780元、620元
_PER = r"(?:每人每月|每人每年|每月每人|每户每月|每人|每月|每年|月人均|年人均|人均)?"
_RESPECTIVELY = re.compile(
    r"分别(?:为|是|达|达到|下降到|下降至|降至|降到|降低到|降低至|提高到|提高至|提升到|提升至"
    rf"|增长|增加|下降|减少|控制在|保持在|稳定在|不低于|不少于|不高于|不超过|超过)?{_PER}$"
)
# 城镇、农村低保标准分别从800元和600元提高至850元和650元: the old figures, then the new ones
_RESPECTIVELY_FROM = re.compile(rf"分别(?:由|从){_PER}$")
_FROM_TO_GAP = re.compile(rf"(?:提高|提升|增加|增长|调整|上调|下降|降低|减少)(?:到|至|为){_PER}")
# 城乡低保标准分别…780元、620元: 城乡 names the two areas the two figures are of
_BOTH_AREAS = {"城乡": ("城市", "农村")}


def _respective(clause: Clause, index: int) -> str:
    """婴儿死亡率、5岁以下儿童死亡率、孕产妇死亡率分别下降到4.0‰、4.5‰、10/10万: the n-th
    figure is the n-th thing listed before 分别."""
    figures = clause.figures
    head = clause.text[: figures[0].start]
    if "分别" not in head:
        return ""
    found = _RESPECTIVELY.search(head) or _RESPECTIVELY_FROM.search(head)
    if not found:
        return ""
    half = len(figures) // 2
    if found.re is _RESPECTIVELY_FROM:  # each thing listed has its old figure and its new one
        changed = clause.text[figures[half - 1].end : figures[half].start] if half else ""
        if 2 * half != len(figures) or not _FROM_TO_GAP.fullmatch(changed):
            return ""
        figures, index = figures[half:], index % half
    listed = _shared_tail(re.split(r"、|和|及|与", _strip_scope(head[: found.start()])))
    if len(listed) == 1 and len(figures) == 2:
        listed = _areas(listed[0])
    # 分别为每人每月150元、每人每月120元: what each figure is per, said again, is no gap
    gaps = [
        _PER_AFTER.sub("", clause.text[a.end : b.start]) for a, b in itertools.pairwise(figures)
    ]
    if len(listed) != len(figures) or any(gap not in ("、", "，", "和", "及") for gap in gaps):
        return ""
    change = _BARE_CHANGE.fullmatch(found[0])
    if change and figures[index].unit in ("%", "‰"):  # 起数和死亡人数分别下降10%和5%: 降幅
        return _clean_noun(listed[index]) + change[1]
    return _clean_noun(listed[index])


# 分别下降, not 分别下降到: the figures after it are changes, not the levels reached
_BARE_CHANGE = re.compile(rf"分别(增长|增加|提高|上升|下降|减少|降低){_PER}")


_PER_AFTER = re.compile(rf"{_PER}$")


_COMPARED = "同比|较上年|比上年|较去年|比去年"
_CHANGES_RESPECTIVELY = re.compile(
    rf"(?:(?P<before>{_COMPARED})分别|分别(?P<after>{_COMPARED})?)"
    r"(?P<change>增长|增加|提高|上升|下降|减少|降低)"
)


def _respective_change(clause: Clause, index: int, before: Clause | None) -> str:
    """发生事故42起、死亡38人，同比分别下降16%和13.6%: the n-th change is of the n-th figure of
    the clause before, as the n-th figure after 分别 is of the n-th thing listed before it."""
    head = clause.text[: clause.figures[0].start].strip("，, ")
    found = _CHANGES_RESPECTIVELY.fullmatch(head)
    if not found or before is None or len(clause.figures) < 2:
        return ""
    if len(before.figures) != len(clause.figures):
        return ""
    gaps = [clause.text[a.end : b.start] for a, b in itertools.pairwise(clause.figures)]
    if any(gap not in ("、", "，", "和", "及") for gap in gaps):
        return ""
    compared = found["before"] or found["after"] or ""
    return f"{describe(before, index).metric}{compared}{found['change']}"


def _shared_tail(listed: list[str]) -> list[str]:
    """城市、农村低保标准: the short words before the last item share its tail (城市低保标准),
    when each is as long as the word the last item opens with; 失业保险、工伤保险参保人数: so do
    longer ones when the tail says what is measured and they do not."""
    *heads, last = listed
    size = len(heads[0]) if heads else 0
    if not heads or len(last) <= size + 1 or any(len(h) != size for h in heads):
        return listed
    measured = last[size:].endswith(_MEASURED) and not any(h.endswith(_MEASURED) for h in heads)
    if size > 2 and not measured:
        return listed
    return [head + last[size:] for head in heads] + [last]


def _areas(noun: str) -> list[str]:
    """城乡低保标准 → 城市低保标准, 农村低保标准; any other noun stays one."""
    for word, areas in _BOTH_AREAS.items():
        if noun.startswith(word) and len(noun) > len(word):
            return [area + noun[len(word) :] for area in areas]
    return [noun]


def own_noun(clause: Clause, index: int) -> str:
    """The noun a figure's own clause gives it, without looking at neighbours."""
    return _own_parts(clause, index).noun


def _own_parts(clause: Clause, index: int) -> _Parts:
    left, shared = _left(clause, index)
    right, right_full = _right(clause, index)
    return _parts(left, shared, right, right_full, clause.figures[index].unit)


# --- the two sides of a figure ----------------------------------------------------------


def _left(clause: Clause, index: int) -> tuple[str, str]:
    """(the words just before the figure, the words before the list of figures it belongs to).

    新建和提升改造20家镇（街道）综合性养老服务中心、40个示范性…睦邻点: for 40个 the left
    is "" and the shared left is 新建和提升改造, the verb both items share. In 2区7镇 the
    figures stand side by side and share what comes before the first.
    """
    text, figures = clause.text, clause.figures
    start = figures[index].start
    if index == 0:
        return _last_item(text[:start]), ""
    between = text[figures[index - 1].end : start]
    if _CHANGED_TO.fullmatch(between):  # 低保标准由月人均50元提高到100元: what changed
        head = text[: figures[index - 1].start]
        cut = max(head.rfind("由"), head.rfind("从"))
        if cut > 0:
            return _last_item(head[:cut]), ""
    if between and not _SEPARATOR.search(between):
        return between, ""  # 1.2万户低收入家庭赠送一次性200度: its own words
    first = index
    while first > 0:
        gap = text[figures[first - 1].end : figures[first].start]
        if gap and not _SEPARATOR.search(gap):
            break
        first -= 1
    chain_start = figures[first - 1].end if first > 0 else 0
    local = between[_after_last_separator(between) :] if between else ""
    return local, text[chain_start : figures[first].start]


_SEPARATOR = re.compile("[、和及与]")
_CHANGED_TO = re.compile(
    rf"(?:提高|提升|增加|增长|调整|上调|下降|降低|减少|压缩|缩短)(?:到|至|为){_PER}"
)  # 由每人每月190元提高到每人每月213元: what the new figure is per is said again


def _last_item(text: str) -> str:
    """实现…承保地区全覆盖、承保率: the 、 item the figure belongs to (新建、提升 is one)."""
    cut = text.rfind("、")
    if cut < 0:
        return text
    item_before = text[:cut][text[:cut].rfind("、") + 1 :]
    return text[cut + 1 :] if len(item_before) >= 5 and text[cut + 1 :] else text


def _after_last_separator(text: str) -> int:
    return max(text.rfind(mark) for mark in "、和及与") + 1


def _right(clause: Clause, index: int) -> tuple[str, str]:
    """(the words after the figure up to the next one, the words to the clause's end)."""
    text, figures = clause.text, clause.figures
    end = figures[index].end
    stop = figures[index + 1].start if index + 1 < len(figures) else len(text)
    near = re.sub(r"[、和及与]$", "", _ALTERNATIVE_UNIT.sub("", text[end:stop]))
    if re.match(r"^[、，,；;]", near):
        near = ""  # 3469户6444人、特困人员1186人: the words after 、 name the next figure
    if re.match(r"^(?:并|且|后|随后)", near):
        near = ""  # 已建成8家并投入使用: a further act, not the thing
    full = _without_figures(text[end:], figures[index + 1 :], offset=end)
    return near, _ALTERNATIVE_UNIT.sub("", full)


# 保障性住房2.4万套（间）以上: the unit's other name and the bound are the figure's, no words
_ALTERNATIVE_UNIT = re.compile(r"^[（(][\u4e00-\u9fff]{1,2}[）)](?:以上|以下|左右|以内)?")


def _without_figures(text: str, figures: tuple[Span, ...], offset: int = 0) -> str:
    for figure in reversed(figures):
        text = text[: figure.start - offset] + text[figure.end - offset :]
    return text


# --- reading the words ------------------------------------------------------------------


def _parts(left: str, shared: str, right: str, right_full: str, unit: str) -> _Parts:
    parts = _Parts()
    left = _before_detached_qualifier(_ANNUAL_TOTAL.sub("全年", left))
    shared = _ANNUAL_TOTAL.sub("全年", shared)
    parts.cumulative = "累计" in shared + left
    parts.per_unit = any(word in left for word in _PER_UNIT)
    scoped = _strip_scope(_without_rates(left))
    shared_verb = _verb_of(_strip_tail(_strip_scope(shared)))
    right = _clean_noun(right)
    marked = _BENEFICIARY_END.search(scoped or _strip_scope(shared))
    if marked and right_full.strip():
        _beneficiary_parts(parts, scoped[: marked.start()] if scoped else "", right_full)
        return parts
    left = _strip_tail(scoped)
    if right and _is_people_word(right) and _strip_verbs(left):
        parts.noun, parts.verb = _noun_and_verb(left)  # 居家养老上门服务覆盖15.8万老年人
        return parts
    if right and shared and _is_people_word(left) and _is_act(right):
        parts.noun = left  # 低保对象3469户、特困人员1186人纳入保障: the item's own people
        return parts
    if right:
        who, act = _split_beneficiary(_clean_noun(right_full) or right)
        if who and act and unit != "%" and _is_act(act):
            parts.beneficiary, parts.noun = who, f"{who}{_clean_act(act)}"  # 2494名孤儿…纳入保障
        else:
            parts.noun = right
        before, verb = _noun_and_verb(left)
        parts.verb = verb or shared_verb
        if before.startswith("各"):
            parts.noun = f"每个{before[1:]}{parts.noun}"  # 各镇打造不少于一个综合体
        return parts
    parts.noun, parts.verb = _noun_and_verb(left)
    if not parts.noun and not left and shared:  # 惠及困难群众1.1万户、1.8万人
        parts.noun = _noun_and_verb(_strip_tail(_strip_scope(_without_rates(shared))))[0]
    parts.measured = parts.noun.endswith(_MEASURED) and not parts.verb
    return parts


_ANNUAL_TOTAL = re.compile(r"(?:全年|年内|当年|本年度?)累计")  # a year's total is new this year
_DETACHED = re.compile(r"不低于|不少于|不高于|不超过|高于|低于|相当于")


def _before_detached_qualifier(left: str) -> str:
    """特困人员基本生活标准不低于当地低保标准的1.3倍: the thing is what comes before 不低于."""
    found = _DETACHED.search(left)
    return left[: found.start()] if found and found.start() >= 2 else left


def _without_rates(left: str) -> str:
    """城乡低保标准每人每月提高50元: 每人每月 says what the figure is per, not what it is;
    人均预期寿命 keeps its 人均 (a 岁 figure is never per person)."""
    if left.endswith(("预期寿命", "预期寿命达到", "预期寿命达")) or "预期寿命" in left:
        return left
    return re.sub("|".join(_PER_UNIT), "", left)


_LIST_MARK = re.compile(
    r"^(?:[0-9]{1,3}[、.．]|[（(][0-9一二三四五六七八九十]{1,3}[）)]"
    r"|[一二三四五六七八九十]{1,3}、|[一二三四五六七八九十]{1,3}是(?![否])"
    r"|(?:年度|全年)?(?:目标任务|目标|完成情况|进展情况|进度)[:：])"
)  # 一是…, 目标：…, 完成情况：…: a list's or a field's mark, no word of a name
_BENEFICIARY_END = re.compile(r"(?:为|向|给|对|帮助)(?:全国|全省|全市|全区|全县)?$")


def _beneficiary_parts(parts: _Parts, subject: str, right_full: str) -> None:
    """为15万名老年人提供居家养老上门服务: the service is the thing, counted in people."""
    subject = _strip_verbs(subject)
    who, act = _split_beneficiary(_clean_noun(right_full))
    parts.beneficiary = who
    achieved = act.startswith("实现")  # 帮助1860名退役军人实现就业: the people's own outcome
    act = _clean_act(act.removeprefix("实现"))
    if len(act) <= 4 and subject:
        act = f"{_quoted_or(subject)}{act}"
    elif achieved and act:
        act = f"{who}{act}"
    parts.noun = act or who


def _quoted_or(subject: str) -> str:
    """A programme named in quotes stands for the whole subject: “冬暖夏凉”行动 → “冬暖夏凉”."""
    found = re.search(r"“[^“”]+”", subject)
    return found[0] if found else subject


def _split_beneficiary(text: str) -> tuple[str, str]:
    """特殊困难老年人家庭|适老化改造: the people served, and what is done for them.

    Words inside quotation marks (“一户一档一策”) are names, never the people.
    """
    masked = re.sub(r"“[^“”]*”|《[^《》]*》", lambda m: "□" * len(m[0]), text)
    found = _BENEFICIARY_RE.match(masked)
    if not found or not found["rest"]:
        return "", text
    cut = found.end("who")
    return text[:cut], text[cut:]


def _is_act(text: str) -> bool:
    """全部纳入保障, 成功寻亲: words that do something, not a list of more things."""
    text = re.sub(r"^(?:全部|均|都|已|统一|及时|分别|成功)", "", text)
    return not text.startswith(("“", "、", "，", "（", "和", "及")) and bool(
        _VERB_RUN.match(text)
        or re.match(r"^(?:纳入|寻亲|脱贫|就业|入学|入住|参保|签约|应保尽保|享受)", text)
    )


def _clean_act(act: str) -> str:
    act = re.sub(r"^(?:全部|均|都|已|统一|及时|分别)", "", act)
    act = re.sub(r"^(?:提供|开展|实施|进行|给予)", "", act)
    return act.replace("的", "")


def _is_people_word(text: str) -> bool:
    """老年人, 困难群众: the right side only says who is counted."""
    return len(text) <= 5 and bool(_PEOPLE_WORD.fullmatch(text))


def _is_place_prefix(text: str) -> bool:
    """殡仪馆新增格位: a short noun before the verb belongs to the thing."""
    return 2 <= len(text) <= 6 and not text.endswith(_BENEFICIARY_MARK)


def _without_quotes(text: str) -> str:
    return re.sub(r"“[^“”]*”", "", text)


def _strip_scope(text: str) -> str:
    changed = True
    while changed and text:
        changed = False
        text = text.strip("，、 ")
        if found := _YEAR_SCOPE.match(text) or _LIST_MARK.match(text) or _DATELINE.match(text):
            text, changed = text[found.end() :], True
        for word in _SCOPE:
            if (text.startswith(word) and len(text) > len(word)) or text == word:
                text, changed = text[len(word) :], True
                break
        if text.startswith("共") and _VERB_RUN.match(text, 1):  # 共开展: in all, before the act
            text, changed = text[1:], True
        # 重点救助, 要完成: how or that the act is to be done; 重点人群 is a kind of people
        if (manner := _BEFORE_AN_ACT.match(text)) and _VERB_RUN.match(text, manner.end()):
            text, changed = text[manner.end() :], True
        if found := _ACTOR.match(text):
            text, changed = text[found.end() :], True
    return text


_BEFORE_AN_ACT = re.compile("重点|要|需要|需")
# 云南省将确保农村劳动力转移就业…: the place that will act, before its 将 or 力争, is who acts
_ACTOR = re.compile(
    r"^[\u4e00-\u9fff]{1,8}?[省市县区旗州](?=(?:还|也|仍)?将|力争|确保|计划|要(?!求))"
)


def _strip_tail(text: str) -> str:
    changed = True
    while changed and text:
        changed = False
        for word in _TAIL:
            if text.endswith(word):
                text, changed = text[: -len(word)], True
                break
    return text


def _strip_verbs(text: str) -> str:
    """Without the acts at either end: 开展“寒冬送温暖”专项救助行动 keeps its 救助."""
    text = _strip_scope(text)
    if found := _VERB_RUN.match(text):
        text = _strip_scope(text[found.end() :])
    ends = [r for r in _VERB_RUN.finditer(text) if r.end() == len(text) and r.start() > 0]
    return text[: ends[0].start()] if ends else text


def _verb_of(text: str) -> str:
    found = _VERB_RUN.search(text)
    return _verb_word(found[0]) if found else ""


def _verb_word(run: str) -> str:
    """新建、提升 → 新建和提升; 增建 → 新增; 完成 → (nothing)."""
    if run in _VERB_WORD:
        return _VERB_WORD[run]
    named = [_VERB_WORD[w] for w in re.findall(_VERB, run)]
    joiner = "和" if re.search("[和及与、并]", run) else ""
    return joiner.join(w for w in named if w)


def _noun_and_verb(left: str) -> tuple[str, str]:
    """Split a left side into the thing and the act: 新增社区老年助餐点 → (社区老年助餐点, 新增)."""
    left = _clean_noun(_strip_scope(left))
    if not left:
        return "", ""
    if left.endswith(_MEASURED) and not _VERB_RUN.match(left):
        return left, ""  # 日均助餐人数, 等级评估覆盖率
    runs = list(_VERB_RUN.finditer(left))
    if not runs:
        return left, ""
    runs = [_leaving_a_noun(left, run) for run in runs]
    at_end = next((r for r in runs if r.end() == len(left)), None)
    at_start = runs[0] if runs[0].start() == 0 else None
    if at_start and left.endswith(_COUNTED):
        return left, ""  # 服务老年人数: the verb is part of the measured noun
    if at_end is not None and at_start is not None and at_end is not at_start:
        inner = _clean_noun(_strip_scope(left[at_start.end() : at_end.start()]))  # 开展…普及培训
        if len(inner) <= 2:
            return f"{inner}{at_end[0]}", _verb_word(at_start[0])  # 实施临时救助
        return inner, _verb_word(at_end[0]) or _verb_word(at_start[0])
    if at_end is not None:
        noun = _clean_noun(left[: at_end.start()])
        if len(noun) <= 2 and at_end[0] in _ACTS_AS_NOUNS:
            return left, ""  # 临时救助, 专项培训: the act names the thing
        return noun, _verb_word(at_end[0])
    if at_start is not None:
        return _clean_noun(_strip_scope(left[at_start.end() :])), _verb_word(at_start[0])
    middle = runs[0]
    before, after = left[: middle.start()], _clean_noun(left[middle.end() :])
    if _is_people_word(after) and len(before) > 6:
        return f"{before}{middle[0]}{after}", ""  # 家庭医生签约服务覆盖重点人群: who, by what
    noun = f"{before}{after}" if _is_place_prefix(before) else after
    return noun, _verb_word(middle[0])


def _leaving_a_noun(left: str, run: re.Match[str]) -> re.Match[str]:
    """发放慰问金: a run of acts that leaves one character gives its last act to the noun
    (慰问金, 救助款), as no thing is named by one character alone."""
    if len(left) - run.end() != 1:
        return run
    acts = re.findall(_VERB, run[0])
    if len(acts) < 2:
        return run
    return _VERB_RUN.match(left[: run.end() - len(acts[-1])], run.start()) or run


def _clean_noun(text: str) -> str:
    text = _LIST_MARK.sub(
        "", text.strip("，、：；。 ")
    )  # （二）新建…: the item's number is no word
    text = re.sub(r"^(?:的|之)", "", text)
    if not _PLACE_ASIDE.search(text):
        text = _PARENS_TAIL.sub("", text)  # 助餐点（社区食堂）: an aside, not the name
    text = re.sub(r"(?:等|的|之|中|里)$", "", text)
    return text.strip("，、：；。 ")


# --- borrowing from neighbours ------------------------------------------------------------


def _new_before_what_is_counted(parts: _Parts, unit: str) -> None:
    """新增企业职工养老保险参保人数3.2万人: what is new is never part of what is counted, as
    服务 is in 服务老年人数; the act goes before the count (参保新增人数)."""
    counted = _SUFFIXES.get(unit, "")
    if parts.verb or not counted or not parts.noun.endswith(counted):
        return
    if new := next((word for word in _NEW if parts.noun.startswith(word)), ""):
        parts.noun, parts.verb, parts.measured = parts.noun[len(new) :], new, False


def _whole(clause: Clause, index: int, before: Clause | None) -> _Parts | None:
    """增加学位5000个，其中幼儿园420个: the clause before names the whole a clause opening on
    其中 counts a part of, when its last figure is counted in the same unit (享受低保1万户，发放
    低保金…，其中城市低保6000户 is a part of the households, not of the money)."""
    if before is None or not before.figures or not _PART_OF.match(clause.text):
        return None
    last = len(before.figures) - 1
    if before.figures[last].unit != clause.figures[index].unit:
        return None
    return _own_parts(before, last)


_PART_OF = re.compile(r"^[，,；;\s]*其中")


def _listed_after_an_act(clause: Clause, index: int, left: str, shared: str) -> bool:
    """新增技能人才2000人、高技能人才600人: the act before a list of things counted in one unit
    is said of each of them (解决难题1.3万件 after 帮扶…2.9万人次 is an act of its own)."""
    if not shared or not left or _VERB_RUN.search(left) or _BENEFICIARY_END.search(shared):
        return False
    return clause.figures[index - 1].unit == clause.figures[index].unit


def _sibling(parts: _Parts, before: Clause | None) -> bool:
    """新增三级医院2家，新增床位860张: a clause that does the same act as the one before to a
    thing of its own is its sibling, not its continuation; the earlier thing names it not. A
    word that says only what is measured (发放高龄津贴…，发放资金140万元) is still the earlier
    thing's."""
    if before is None or not before.figures or not parts.verb or len(parts.noun) < 2:
        return False
    if parts.noun in _MEASURED:
        return False
    return _own_parts(before, len(before.figures) - 1).verb == parts.verb


def _needs_borrowing(noun: str) -> bool:
    return (
        not noun
        or noun in _SHORT_HEADS
        or len(noun) <= 3
        or (noun.startswith("每") and len(noun) <= 4)  # 每千人口床位数 says what it is
        or noun.startswith(("较", "比上年", "同比"))
    )  # 较上年增长5.2%: of what?


def _borrow(
    noun: str, clause: Clause, index: int, before: Clause | None, after: Clause | None
) -> tuple[str, str]:
    """累计43家 after 新增5A级社会组织5家 → 5A级社会组织 (and 累计 from its own words).

    Returns the noun and where its words came from ("before", "after", "segment", or "").
    """
    for source, where in _sources(noun, clause, index, before, after):
        if not source or len(source) > _BORROW_MAX + 8 or _RATE_WORDS_ONLY.match(source):
            continue
        joined = _join(source, noun)
        if joined is not None:
            return joined, where if joined != noun else ""
    return noun, ""


# 同比增长, 较上年提高: a change said of something else names nothing to borrow.
_RATE_WORDS_ONLY = re.compile(
    r"^(?:同比|环比|较上年|比上年|较去年|比去年)?(?:增长|增加|提高|上升|下降|减少|降低)?$"
)


def _sources(
    noun: str, clause: Clause, index: int, before: Clause | None, after: Clause | None
) -> list[tuple[str, str]]:
    """Where a short name may find its subject, the likeliest first."""
    sources: list[tuple[str, str]] = []
    if segment := _previous_segment(clause, index):
        sources.append((segment, "segment"))
    if before is not None and before.figures:
        sources.append((own_noun(before, len(before.figures) - 1), "before"))
    if after is not None and after.figures and not noun:
        sources.append((own_noun(after, 0), "after"))
    if (
        before is not None
        and not before.figures
        and (len(noun) <= 2 or noun in _SHORT_HEADS)
        and not _LIST_MARK.fullmatch(f"{before.text.strip('，,；;。 ：:')}：")  # 完成情况：
    ):
        words = _clean_noun(_strip_verbs(_LIST_MARK.sub("", before.text)))
        sources.append((words if len(words) <= _BORROW_MAX else _without_quotes(words), "before"))
    return sources


def _join(source: str, noun: str) -> str | None:
    """The subject `source` put in front of `noun`; None when they do not fit together."""
    if noun.startswith("每") and len(noun) <= 4:
        return f"{noun}{source}"  # 每个镇至少1家 → 每个镇区域性养老服务中心
    if source in noun:
        return noun  # 完成年检712家，年检率83%: 年检率 says it already
    if len(noun) >= 2 and (at := source.find(noun[:2])) > 0:
        return f"{source[:at]}{noun}"  # 承保地区…、承保率 → …保险承保率
    if noun and noun[0] in "总年日人户" and (at := source.find(noun[0])) > 0:
        return f"{source[:at]}{noun}"  # 慈善会系统总收入…总支出 → 慈善会系统总支出
    return f"{source}{noun}" if len(source) <= _BORROW_MAX else None


def _previous_segment(clause: Clause, index: int) -> str:
    """The item before this one in a 、 list without figures: 实现…承保地区全覆盖、承保率90%."""
    text = clause.text[: clause.figures[index].start]
    if "、" not in text:
        return ""
    before = text[: text.rfind("、")]
    before = before[before.rfind("、") + 1 :]
    if any(f.end <= len(before) for f in clause.figures[:index]):
        return ""
    return _clean_noun(_strip_verbs(before))


# --- putting a name together ----------------------------------------------------------------


def _place_name(clause: Clause, index: int) -> str:
    """2区7镇（街道）入选…“五社联动”机制创新试点 → “五社联动”机制创新试点镇（街道）数."""
    figures, text = clause.figures, clause.text
    last = index
    while last + 1 < len(figures) and not text[figures[last].end : figures[last + 1].start].strip(
        "（）街道社区"
    ):
        last += 1
    aside = re.match(r"（[^（）]{1,6}）", text[figures[index].end :])
    tail = text[figures[last].end :]
    if aside and last == index:
        tail = tail[len(aside[0]) :]
    else:
        tail = re.sub(r"^（[^（）]{1,6}）", "", tail)
    thing = _clean_noun(_strip_scope(_strip_leading_verb(_strip_scope(tail))))
    who, act = _split_beneficiary(thing)
    place = PLACE_UNITS[figures[index].unit] + (aside[0] if aside else "")
    return f"{_clean_act(act) if who and act else thing}{place}数"


def _assemble(parts: _Parts, unit: str) -> str:
    noun, verb = parts.noun, parts.verb
    if unit in ("%", "‰", "/10万", "/万"):
        return _rate_name(noun, verb)
    if "/" in unit:  # 元/人/月: a standard per person and month
        parts.per_unit = True
        unit = unit.split("/")[0] or "元"
    # 城乡低保累计保障51768人次: 累计 said once, in the noun or before the act
    said_once = verb.startswith("累计") or "累计" in noun
    verb = ("累计" + verb) if parts.cumulative and not said_once else verb
    if parts.measured and not parts.cumulative:
        return noun
    noun = _COMPARISON_END.sub("", noun) if verb in _NEW else noun  # 较上年净增: 净增 says it
    counted = _SUFFIXES.get(unit, "")
    if verb and counted.endswith("数") and noun.endswith(counted) and len(noun) > len(counted):
        noun = noun[: -len(counted)]  # 参保人数净增1000人: 参保净增人数, 人数 said once, last
    return f"{noun}{verb}{_unit_suffix(unit, noun + verb, parts)}"


_NEW = ("新增", "净增", "新建")
_COMPARISON_END = re.compile("(?:较上年|比上年|较去年|比去年|同比)$")


def _strip_leading_verb(text: str) -> str:
    found = _VERB_RUN.match(text)
    return _strip_scope(text[found.end() :]) if found else text


# Nouns that are a rate already: 居民健康素养水平达到32.5% is the 水平, not a 水平率.
_RATE_NOUNS = ("率", "比", "比例", "比重", "占比", "增幅", "降幅", "涨幅", "满意度", "水平", "指数")


def _rate_name(noun: str, verb: str) -> str:
    said = f"{noun}{verb}"
    if rise := _RISE.search(said):
        return f"{said[: rise.start()]}{rise[1] or ''}增幅"
    if fall := _FALL.search(said):
        return f"{said[: fall.start()]}{fall[1] or ''}降幅"
    if noun.endswith(_RATE_NOUNS):
        return noun
    for rate_verb in _RATE_VERBS:
        at = noun.find(rate_verb)
        if at > 0:  # 养老机构通过等级评定 → 养老机构等级评定通过率
            return f"{noun[:at]}{noun[at + len(rate_verb) :]}{rate_verb}率"
    return f"{noun}{verb}率" if noun or verb else ""


_SUFFIXES = {
    **dict.fromkeys(PEOPLE_UNITS, "人数"),
    "人次": "人次",
    "户": "户数",
    "次": "次数",
    "场": "场次",
    "分": "得分",
    "倍": "倍数",
    "个百分点": "百分点",
    "百分点": "百分点",
    **dict.fromkeys(_MEASURE_UNITS, "量"),
    **dict.fromkeys(TIME_UNITS, "时限"),
    "岁": "",
}


def _unit_suffix(unit: str, said: str, parts: _Parts) -> str:
    """What a name counts in this unit: 人数, 户数, 金额, 量; nothing when it says so already."""
    suffix = _money_suffix(said, parts) if unit == "元" else _SUFFIXES.get(unit, "数")
    if unit == "户" and parts.beneficiary.endswith("家庭"):
        suffix = "家庭数"
    if said.endswith(suffix) or (suffix.endswith("数") and said.endswith("数")):
        return ""
    if suffix == "时限" and said.endswith(("时长", "时间", "工时", "周期")):
        return ""  # 服务时长120万小时: a length of time, named so already
    if suffix in ("金额", "额", "标准") and said.endswith(
        ("标准", "收入", "支出", "资金", "金额", "补贴", "费", "价格", "额")
    ):
        return "标准" if parts.per_unit and not said.endswith("标准") else ""
    return suffix


def _money_suffix(said: str, parts: _Parts) -> str:
    if said.endswith(("提高", "增加", "提升", "上调")):
        return "额"  # 每人每月提高50元: an increase, not the standard
    if parts.per_unit:
        return "标准"
    return "额" if said.endswith(_MONEY_VERBS) else "金额"


def _kind(left: str, right: str, unit: str, literal_prefix: str) -> Kind:
    """累计/共有 → stock; 新增/新建/完成 → flow; 覆盖/达到 → stock; 开展/实施 → flow."""
    if unit == "%":
        return Kind.RATE
    if unit in ("个百分点", "百分点"):
        return Kind.FLOW
    left = _ANNUAL_TOTAL.sub("全年", left)
    words = _without_flow_nouns(f"{left}|{right}")
    if unit in TIME_UNITS or any(word in left for word in _STOCK_CUES):
        return Kind.STOCK
    if any(word in words for word in _FLOW_CUES) or unit == "人次":
        return Kind.FLOW
    said = f"{left}|{right}"
    if any(word in said for word in _WEAK_STOCK_CUES) or literal_prefix.startswith("达"):
        return Kind.STOCK
    if any(word in words for word in _WEAK_FLOW_CUES):
        return Kind.FLOW
    return Kind.STOCK


def _without_flow_nouns(words: str) -> str:
    """服务中心, 低收入, 培训基地: a flow verb inside a noun does not make the figure new."""
    return re.sub(
        r"服务中心|建设规划|收入人口|低收入|培训基地|救助站|救助管理|登记点|登记处"
        r"|帮扶对象|救助对象|发放标准|提高到|提高至|提升到|提升至|增加到|增加至",
        "",
        words,
    )


def _tidy(name: str) -> str:
    name = re.sub(r"\s+", "", name).strip("，、：；。的")
    for opening, closing in (("“", "”"), ("（", "）"), ("《", "》")):
        if name.count(opening) != name.count(closing):
            name = name.replace(opening, "").replace(closing, "")
    if len(name) > _NAME_MAX:
        name = name[-_NAME_MAX:]
        name = _tidy(name) if name.count("“") != name.count("”") else name
    return name


def _fallback(clause: Clause, unit: str) -> str:
    """Words of the clause without its figures, when nothing better can be said."""
    words = _clean_noun(_strip_scope(_without_figures(clause.text, clause.figures)))
    return _tidy(f"{words[:_BORROW_MAX]}{_unit_suffix(unit, words, _Parts())}") or "指标"
