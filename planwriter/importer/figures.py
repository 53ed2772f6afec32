"""Which figures of a paragraph are commitments (targets) or achievements (results), and what
each one says: value, unit, op, kind, metric and the words it was read from.

`quantity.find_quantities` already refuses years, ordinals, codes, grades, ages and figures
inside quotation marks; here the importer adds what depends on the purpose: a plan cannot
promise an approximate figure (近9万), and a year-end report's sentences about next year
(2024年，将……) are not achievements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from planwriter.importer import roles, wording
from planwriter.importer.text import Para, clause_spans, sentence_spans
from planwriter.model import Kind, Op
from planwriter.numerals import NUMERAL, SCALES
from planwriter.quantity import (
    PEOPLE_UNITS,
    Bound,
    Found,
    Quantity,
    QuantityError,
    find_quantities,
    format_amount,
    parse_quantity,
)


class Purpose(StrEnum):
    PLAN = "plan"
    RESULTS = "results"


@dataclass(frozen=True)
class Reading:
    """One figure of the text and what the importer made of it."""

    line: int  # where it stands in the source (line, or paragraph of a Word document)
    column: int  # 1-based
    literal: str  # as written, qualifiers included: 不少于50家
    quote: str  # the clause(s) it was read from
    value: str = ""
    unit: str = ""
    op: Op = Op.AT_LEAST
    kind: Kind = Kind.STOCK
    metric: str = ""
    reason: str = ""  # a messages key saying why it is not taken; "" when taken

    @property
    def taken(self) -> bool:
        return not self.reason


_FULL_WIDTH = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)}, "％": "%", "．": ".", "，": ","}
)
_LEADING = re.compile(
    r"^(不少于|不低于|不小于|至少|不超过|不高于|不多于|不大于|至多|最多"
    r"|超过|超|逾|将近|接近|近|大约|约|达到|达)"
)
_TRAILING = re.compile(r"(及以上|以上|及以下|以下|以内|之内|左右)$")
_CHINESE_FIGURE = re.compile(f"[{NUMERAL}]")
# 报送稿件不少于2: a floor or a ceiling says a quantity is meant, its unit lost in the copy
_BOUND_ALONE = re.compile(r"^(?:不少于|不低于|不小于|至少|不超过|不高于|不多于|不大于|至多)[0-9]")
_RAISES_FLOOR = ("超过", "超", "逾")  # 超过100家 as a target: at least 100
# 城镇调查失业率控制在5.5%左右: a plan states a level it aims at loosely, no estimate (约, 近)
_LOOSE_TARGET = re.compile(r"^(?!约|大约|近|将近|接近)[^约近]*左右$")
_PEOPLE_AFTER = re.compile(
    r"^[\u4e00-\u9fff“”]{0,10}?(?:老年人|老人|对象|群众|儿童|居民|人员"
    r"|残疾人|孤儿|人口|职工|志愿者|学生|妇女|青少年)"
)
_HOUSEHOLD_AFTER = re.compile(r"^[\u4e00-\u9fff“”]{0,10}?家庭")
_SCALE_NAMES = {size: name for name, size in SCALES.items()}  # 10**4 → 万
_NOUN_AFTER = re.compile(r"[\u4e00-\u9fff“](?<![内完办到])")
_FUTURE_START = re.compile(r"^(?:下一步|明年|今后|新的一年|下阶段|未来|接下来)")
_FUTURE_WORDS = re.compile(
    r"力争|预计|计划(?:在|于|到|年内|全年|新增|新建|完成)|拟(?:于|在|对|新)"
    r"|争取(?:到|在|年内|今年|全年|\d{4}年)|(?<![现特])将(?:新增|新建|建成|完成|实现|开展|推进|持续|继续)"
    r"|(?:还|也|今年|年内)将|(?<![现特])将(?:进一步|着力|全力|加快|大力|全面|聚焦|努力|不断|实施|办好|启动|打造)"
    r"|(?<![现特])将(?:集中(?:力量|精力)|按照|围绕|坚持|达到)"
    r"|(?:全|我)[省市县区]要(?!求)|(?:系统|部门)要(?!求)"  # 今年全市要新增…, 民政系统要聚焦…
)  # not 现将完成情况公示如下: a notice's "hereby", no future
_PAST_START = re.compile(r"^(?:去年|上年|过去一年|一年来)")
# 计划新增, 力争, 确保, 拟承建: a sentence stating what is to be done
_AIMS = re.compile(r"计划(?!生育|单列)|力争|确保|拟|(?:目标|任务)(?:任务)?(?:是|为)[:：]")
_QUOTED = re.compile(r"“[^“”]*”|《[^《》]*》")
_YEAR_AT_START = re.compile(r"^(\d{4})年")
_SINCE = re.compile(r"^\d{4}年(?:度)?(?:以来|至今|起|来)")  # 2019年以来，累计…: up to now


def read_paragraph(
    para: Para,
    purpose: Purpose,
    year: int | None,
    ahead: bool = False,
    progress_from: int | None = None,
) -> tuple[list[Reading], bool]:
    """Every figure of the paragraph, taken or not (with the reason).

    `year` is the plan's or results' year; `ahead` says an earlier sentence of the paragraph
    already turned to next year; `progress_from` (a progress report on its targets) is where
    the paragraph's report of what was done begins: from there a plan import takes only stated
    targets, and before it (the task's commitment) a results import takes nothing.
    Returns the readings and whether the paragraph now looks ahead.
    """
    text = para.text
    found = [f for f in find_quantities(text) if f.start >= para.words_end]
    if purpose is Purpose.PLAN:
        found = _with_ranges(text, found)
    readings: list[Reading] = []
    spans = sentence_spans(text)
    # a plan's paragraph that opens on a past period (“十三五”期间, 过去五年) reviews it
    review = purpose is Purpose.PLAN and bool(spans) and _looks_back(text[: spans[0][1]], year)
    planned = False  # a clause of this sentence (to its 。) said it is planned: 今年计划新增…；…
    last_year = False  # a plan's sentences on last year: 去年，…取得新成果。全年为…
    for start, end in spans:
        in_sentence = [f for f in found if start <= f.start < end]
        sentence = text[start:end]
        # what the sentence opens with: 去年，… after "。 ", 2024年，… after 会议指出，
        opening = _MEETING_SAYS.sub("", sentence.lstrip(), count=1)
        ahead = ahead or _turns_ahead(opening, year)
        # 近年来，…。截至目前，…: a look back lasts until the text comes back to the present or
        # the year ahead
        now = _back_to_now(opening, year)
        review = review and not now
        last_year = (last_year or _looks_back_from(opening, purpose, year)) and not now
        past = review or last_year
        off_topic = "import_fig_past" if past else _off_topic(opening, purpose, year, ahead)
        # 去年，…取得新成果。全年为…；为…: a sentence on last year that only leads in, or goes on
        # after ；, is followed by more of it; after one that gave its figures (去年新增床位500张。
        # 新增养老床位600张。) the next sentence is read for itself
        last_year = last_year and (not in_sentence or text[end : end + 1] in "；;")
        if purpose is Purpose.RESULTS and planned and not off_topic:
            off_topic = "import_fig_future"
        planned = off_topic == "import_fig_future" and text[end : end + 1] in "；;"
        reported = progress_from is None or start >= progress_from
        if purpose is Purpose.RESULTS and not reported:
            off_topic = off_topic or "import_fig_target"  # the task's commitment
        done = purpose is Purpose.PLAN and (
            (progress_from is not None and reported) or roles.reports_completion(sentence)
        )
        present = _present_from(sentence) if purpose is Purpose.PLAN else None
        readings.extend(
            _read_sentence(
                para,
                start,
                sentence,
                in_sentence,
                purpose,
                off_topic,
                done,
                None if present is None else start + present,
            )
        )
    return readings, ahead


# …负责人称，目前，全市共有床位44516张，每千名老人拥有床位数突破30张: from 目前 on, the
# sentence states the level today (a plan's starting point), unless it turns to an aim after it
_NOW_CLAUSE = re.compile(r"(?:^|[，,：:”])\s*(?:目前|当前|现阶段)[，,]")


def _present_from(sentence: str) -> int | None:
    """Where a sentence starts to state the present level, or None."""
    found = _NOW_CLAUSE.search(sentence)
    if found is None:
        return None
    rest = _QUOTED.sub("", sentence[found.end() :])
    return None if _AIMS.search(rest) or _FUTURE_WORDS.search(rest) else found.end()


def states_aims(para: Para, carried: bool = False) -> bool:
    """A paragraph that states what is to be done, with a figure a plan takes: 今年，全市计划新增
    就业4.8万人, 力争…, 确保…, 将新建… (news of a work meeting, a plan written as prose).

    An aim said in a clause lasts to its sentence's 。 (将…；新增…；); a paragraph whose lead
    announces the year's work (对于全年工作安排，…表示，…。) states aims in the sentences that
    follow (加强…，年底前建设…。), until one turns back to the past (去年…, 已完成…).
    `carried`: the paragraph before ended on an aim this one takes up (…将办好十件实事。 /
    这十件实事分别是：…)."""
    aimed = set()
    spans = sentence_spans(para.text)
    planned = carried and bool(spans) and bool(_TAKES_UP.match(para.text.lstrip()))
    led = False  # the paragraph's lead announced the year's work
    listing = aim = False  # an aim announced the list whose items follow (分别是：（1）…)
    for index, (start, end) in enumerate(spans):
        sentence = para.text[start:end]
        plain = _QUOTED.sub("", sentence)
        if _PAST_START.match(sentence.lstrip()) or _DONE.search(plain):
            led = planned = listing = aim = False
            continue
        listing = _lists_on(sentence.lstrip(), aim, listing)
        led = led or (index == 0 and bool(_WORK_AHEAD.search(plain)))
        aim = bool(_AIMS.search(plain) or _FUTURE_WORDS.search(plain))
        listing = listing or (aim and bool(_ITEMS_FOLLOW.search(sentence)))
        if _PLANNED_MEANS.search(plain):
            figures = find_quantities(para.text)  # the work its budget is planned for
            aimed |= {para.position(f.start) for f in figures}
        if led or planned or listing or aim:
            figures = find_quantities(sentence)
            aimed |= {para.position(start + f.start) for f in figures}
            planned = para.text[end : end + 1] in "；;"
    if not aimed:
        return False
    readings = read_paragraph(para, Purpose.PLAN, None)[0]
    return any(r.taken and (r.line, r.column) in aimed for r in readings)


def speaks_ahead(text: str) -> bool:
    """Whether a text says what is to be done (将持续…, 力争…, 计划新增…), in a speaker's
    words (“我们将持续…”) too."""
    return bool(_AIMS.search(text) or _FUTURE_WORDS.search(text))


def ends_on_aim(para: Para) -> bool:
    """Whether the paragraph's last sentence says what is to be done (…将集中力量办好十件实事。)."""
    spans = sentence_spans(para.text)
    if not spans:
        return False
    plain = _QUOTED.sub("", para.text[spans[-1][0] : spans[-1][1]])
    return bool(_AIMS.search(plain) or _FUTURE_WORDS.search(plain))


def _lists_on(sentence: str, aim: bool, listing: bool) -> bool:
    """Whether a sentence is an item of the list an aim announced: …重点抓好15件实事。分别是：
    （1）新建…。（2）改造…。 opens the list on the sentence after the aim, each numbered
    sentence after goes on with it, and the first unnumbered one ends it."""
    if aim and _LIST_LEAD.match(sentence):
        return True
    return listing and bool(_LIST_ITEM.match(sentence))


# 为…提供…服务。计划安排资金1089万元: money planned for a paragraph's work makes the whole
# paragraph its plan, the sentences before the budget too
_PLANNED_MEANS = re.compile(r"计划安排[^，,；;。]{0,6}?资金")


# 分别是：, 具体包括：, 主要有： the lead of a list, on the sentence after the aim it details
_LIST_LEAD = re.compile(
    r"^(?:(?:这|上述|以上)[^。；：，]{0,15})?(?:分别|具体|主要)?(?:是|为|包括|有)[:：]"
)
# （1） 1. ① （一）: the number of a list's item
_LIST_ITEM = re.compile(
    r"^(?:[（(]\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[）)]|[0-9]{1,2}\s*[.、．](?![0-9])|[①-⑳])"
)
# …将办好以下实事：（1）…: an aim that opens its list in its own sentence
_ITEMS_FOLLOW = re.compile(r"[:：]\s*(?:[（(]\s*1\s*[）)]|1\s*[.、．](?![0-9])|①|[（(]一[）)])")


# 这十件实事分别是：, 上述项目包括： a paragraph that lists what the one before named
_TAKES_UP = re.compile(
    r"(?:这|上述|以上)[^。；：，]{0,15}(?:分别|具体|主要)?(?:是|为|包括|有)[:：]"
)
# 全年工作安排, 今年的工作重点: what the year's work is to be
_WORK_AHEAD = re.compile(
    r"(?:全年|今年|本年度|新的一年)[^。，；]{0,4}工作(?:安排|部署|打算|思路|重点|任务)"
)
# 已完成, 取得…成效: a sentence reporting what was done
_DONE = re.compile(r"已(?:经)?(?:完成|建成|实现|达到|累计)|取得[^。；]{0,10}(?:成效|成绩|进展)")


# 市民政局局长某某介绍，… / 据介绍，…: who says what follows, in news of a meeting
_SPEAKER = re.compile(r"^[^，,。；;“”]{0,20}?(?:介绍|表示|指出|透露|说|称)[，,：:]")
# 会议指出，2024年…; 会议回顾了2024年工作：…; 会议要求，2025年…: what a meeting reviewed or asked
# for, of the year named
_MEETING_SAYS = re.compile(
    r"^(?:会议|大会)(?:(?:指出|强调|要求|明确|提出|认为)[，,：:]|(?:回顾|总结)了?(?=\d{4}年))"
)


def opens_on_a_past_year(para: Para, year: int) -> bool:
    """去年，全市…, 2024年，全县… in a 2025 plan: a paragraph that reports a year gone by (in a
    plan, its review), unless a later sentence of it turns to the plan's year (2024年，…。
    2025年，全县将…): then it is read sentence by sentence (read_paragraph). A speaker's lead-in
    (局长某某介绍，2024年，…) is not the opening."""
    opening = _SPEAKER.sub("", para.text.lstrip(), count=1)
    starts = _YEAR_AT_START.match(opening)
    earlier = bool(starts and int(starts[1]) < year and not _SINCE.match(opening))
    if not (earlier or _PAST_START.match(opening)):
        return False
    later = [para.text[start:end].lstrip() for start, end in sentence_spans(para.text)[1:]]
    return not any(_back_to_now(sentence, year) for sentence in later)


_PAST_PERIOD = re.compile(
    r"(?:“?十[一二三]五”?|“?[一二]五”?)(?:期间|时期|以来)|过去[一二三四五十]年|[一二三四五十]年来"
    r"|(\d{4})\s*年(?:[-—至到～~]\d{4}年)?(?:以来|期间)"
)


def _looks_back(first: str, year: int | None) -> bool:
    """“十三五”期间, 五年来, 2016—2020年期间: the sentence reviews a period gone by (a
    year since which, 2023年以来, only when before the plan's own year)."""
    found = _PAST_PERIOD.search(_QUOTED_TITLES.sub("", first))
    if found is None:
        return False
    return not found[1] or (year is not None and int(found[1]) < year)


# a sentence back in the present after a look back: 截至目前，… 今年以来，…
_PRESENT_START = re.compile(r"^(?:(?:截至|截止)(?:目前|今年|本年)|目前|当前|今年以来|年初以来)")
# or turned to the year ahead: 今年，… 下一步，…
_NOW_START = re.compile(r"^(?:今年|本年|新的一年|下一步|明年|今后|接下来|下阶段)")


def _looks_back_from(sentence: str, purpose: Purpose, year: int | None) -> bool:
    """A plan's sentence that opens on last year (去年，…, or 2018年，… in a 2019 plan) reviews
    the year gone by (and the sentences after it, while it only led in or went on after ；)."""
    starts = _YEAR_AT_START.match(sentence)
    earlier = bool(starts and year and int(starts[1]) < year and not _SINCE.match(sentence))
    return purpose is Purpose.PLAN and (earlier or bool(_PAST_START.match(sentence)))


def _back_to_now(sentence: str, year: int | None) -> bool:
    starts = _YEAR_AT_START.match(sentence)
    return bool(
        _PRESENT_START.match(sentence)
        or _NOW_START.match(sentence)
        or (starts and year and int(starts[1]) >= year)
    )


_QUOTED_TITLES = re.compile(r"《[^《》]*》")


# 主城区增设4-5家: a plan's range of a count commits to its lower end at least; a count of times
# (培训300—500人次) keeps its whole unit
_RANGE = re.compile(
    r"(?<![0-9.])([0-9]{1,4})\s*[-—–~～至到]\s*([0-9]{1,4})\s*"
    r"(人次|户次|家次|场次|家|个|所|处|张|户|人|名|场|次|项|支|座|条|套|间)(?!工作日|月|小时|以)"
)


# 每人每月50元—336元的标准: a range written with its unit at both ends is one figure too (a
# dash only: 从50元到336元 is a change, its first figure a baseline)
_UNITS_RANGE = re.compile(
    r"(?<![0-9.])([0-9]{1,5})\s*(元|家|个|所|张|户|人|名|次|套)\s*[-—–~～]{1,2}\s*([0-9]{1,5})\s*\2"
)


def _with_ranges(text: str, found: list[Found]) -> list[Found]:
    """The figures, a range of a count (4-5家, 50元—336元) read as at least its lower end, with
    the whole range as its literal; the parts of it read alone (4, 5家) dropped."""
    ranges = []
    spans = [(m, m[1], m[2], m[3]) for m in _RANGE.finditer(text)]
    spans += [(m, m[1], m[3], m[2]) for m in _UNITS_RANGE.finditer(text)]
    for match, low_text, high_text, unit in spans:
        low, high = int(low_text), int(high_text)
        if low < high:
            quantity = parse_quantity(f"不少于{low}{unit}")._replace(literal=match[0])
            ranges.append(Found(match.start(), match.end(), quantity))
    if not ranges:
        return found
    kept = [f for f in found if not any(r.start <= f.start < r.end for r in ranges)]
    return sorted([*kept, *ranges], key=lambda f: f.start)


def _turns_ahead(sentence: str, year: int | None) -> bool:
    starts = _YEAR_AT_START.match(sentence)
    return bool(_FUTURE_START.match(sentence) or (starts and year and int(starts[1]) > year))


def _off_topic(sentence: str, purpose: Purpose, year: int | None, ahead: bool) -> str:
    """Why a sentence's figures are not what was asked for; "" when they are."""
    plain = _QUOTED.sub("", sentence)
    if purpose is Purpose.RESULTS and (ahead or _FUTURE_WORDS.search(plain)):
        return "import_fig_future"
    starts = _YEAR_AT_START.match(sentence) or _STATE_AT_START.match(sentence)
    earlier = bool(starts and year and int(starts[1]) < year and not _SINCE.match(sentence))
    if purpose is Purpose.PLAN and (_PAST_START.match(sentence) or earlier):
        return "import_fig_past"
    if purpose is Purpose.PLAN and _EVENT_START.match(sentence) and not _TOLD.search(plain):
        return "import_fig_event"  # 日前，7名转业士官光荣退役返乡: what happened, the news
    if purpose is Purpose.RESULTS and earlier:
        return "import_fig_earlier"  # 2021年，全县建成…: another year's, in a 2023 report
    later = _LATER_AT_START.match(sentence.lstrip())
    if purpose is Purpose.PLAN and later and year and int(later[1]) > year:
        return "import_fig_later"  # 而到2015年，…将达到120万: a later year's, in a 2014 plan
    return ""


# 据了解，截至2011年底，…: the state at an earlier year's end, in a 2013 report (a lead-in such
# as 据统计 before it)
_STATE_AT_START = re.compile(
    r"^(?:据(?:了解|统计|悉|介绍|调查)[，,]\s*)?(?:截至|截止|到)(\d{4})年(?:底|末|年底|年末)"
)
# 本报讯（记者 某某）日前，…, 近日，…: a news report's lead on what has just happened (what was
# learned then, 日前，记者从…获悉，…将…, states aims and is read as such)
_EVENT_START = re.compile(
    r"^\s*(?:本报讯|[\u4e00-\u9fff]{2,6}讯)?\s*(?:[（(][^（）()]{0,20}[）)])?\s*"
    r"(?:日前|近日|昨日|昨天|前不久|日昨)[，,]"
)
_TOLD = re.compile(r"获悉|獲悉|了解到|得知|表示|介绍|介紹|透露|指出|" + _FUTURE_WORDS.pattern)
_LATER_AT_START = re.compile(r"^(?:而|但)?(?:到|至)(\d{4})年")


def _read_sentence(
    para: Para,
    offset: int,
    sentence: str,
    found: list[Found],
    purpose: Purpose,
    off_topic: str,
    done: bool = False,
    done_from: int | None = None,
) -> list[Reading]:
    """The readings of one sentence's figures; `done_from`: where in the paragraph the sentence
    turns to what is already so (each figure after it is read as done)."""
    clauses = []
    for start, end in clause_spans(sentence):
        inside = [f for f in found if offset + start <= f.start < offset + end]
        spans = tuple(
            wording.Span(
                f.start - offset - start, f.end - offset - start, _unit_for_words(f, para.text)
            )
            for f in inside
        )
        clauses.append((start, end, inside, wording.Clause(sentence[start:end], spans)))
    readings = []
    for n, (start, end, inside, clause) in enumerate(clauses):
        before = clauses[n - 1] if n > 0 else None
        after = clauses[n + 1] if n + 1 < len(clauses) else None
        for index, figure in enumerate(inside):
            said = wording.describe(
                clause,
                index,
                before[3] if before else None,
                after[3] if after else None,
                _leading_word(figure),
            )
            quote_start = before[0] if before and said.borrowed == "before" else start
            quote_end = after[1] if after and said.borrowed == "after" else end
            quote = sentence[quote_start:quote_end]
            now = done_from is not None and figure.start >= done_from
            readings.append(_reading(para, figure, quote, said, purpose, off_topic, done or now))
    return readings


def _reading(
    para: Para,
    figure: Found,
    quote: str,
    said: wording.Wording,
    purpose: Purpose,
    off_topic: str,
    done: bool = False,
) -> Reading:
    line, column = para.position(figure.start)
    literal = para.text[figure.start : figure.end]
    quantity = figure.quantity
    unit = _unit_for_words(figure, para.text)
    role = roles.role(para.text, figure.start, figure.end, quantity.unit or unit)
    reason = (
        off_topic
        or _role_reason(role, purpose, done)
        or _refusal(
            quantity,
            unit,
            purpose,
            literal,
            para.text[max(0, figure.start - 12) : figure.start],
            para.in_cell,
        )
        or _modifier(unit, literal, *_near(para.text, figure))
    )
    base = Reading(line, column, literal, quote, reason=reason)
    if reason:
        return base
    value, unit_field = written_value(literal, quantity, unit, purpose)
    return Reading(
        line, column, literal, quote, value, unit_field, _op(quantity), said.kind, said.metric
    )


def _role_reason(role: roles.Role, purpose: Purpose, done: bool) -> str:
    """A baseline, a share or a programme's own count is neither; a report's stated target is a
    plan's figure; a plan import of a completion sentence takes only its targets."""
    if role in (roles.Role.TARGET, roles.Role.PLANNED):
        return "import_fig_target" if purpose is Purpose.RESULTS else ""
    if role is roles.Role.STATE:
        return "import_fig_done" if purpose is Purpose.PLAN else ""
    if role is roles.Role.RUNNING:  # in a report, the total to date is what was done
        return "import_fig_running" if purpose is Purpose.PLAN else ""
    if role is roles.Role.CONSULTED:  # in a report, gathering views may be the work done
        return "import_fig_consulted" if purpose is Purpose.PLAN else ""
    if role is roles.Role.REACH:  # in a report, the people reached are what the work did
        return "import_fig_reach" if purpose is Purpose.PLAN else ""
    if role is roles.Role.DESIGN:  # in a report, what was built may be the project's design
        return "import_fig_project" if purpose is Purpose.PLAN else ""
    if role in (roles.Role.ESTIMATE, roles.Role.DAMAGE) and purpose is Purpose.PLAN:
        return "import_fig_done" if done else ""
    if role in roles.REASONS:
        return roles.REASONS[role]
    return "import_fig_done" if purpose is Purpose.PLAN and done else ""


# 发展指数达85, 孕产妇死亡率为0: an index or a rate is a figure without a unit of its own.
_INDEX_BEFORE = re.compile(
    r"(?:指数|系数|评分|综合得分|[^增降]率)(?:达到|达|为|保持在|控制在|降至|降到|提高到|提升到|超过)?$"
)


# 地区生产总值增长4%左右: a plan states a rate of growth as about so much, and that is its target
_RATE_ABOUT = re.compile(r"(?:增长|增速|上涨|涨幅|下降)(?:达到|为|在)?[0-9.]+\s*%左右$")


def _refusal(
    quantity: Quantity,
    unit: str,
    purpose: Purpose,
    literal: str,
    before: str,
    in_cell: bool = False,
) -> str:
    """Why a figure is not taken for its form: no unit (unless an index: 发展指数达85, or a
    table's cell, which its row and column name), or an approximate figure promised by a plan."""
    if (
        not unit
        and quantity.scale == 1
        and not in_cell
        and not _INDEX_BEFORE.search(before)
        and not _BOUND_ALONE.match(literal)
    ):
        return "import_fig_no_unit"
    approximate = quantity.bound.approximate and not literal.startswith(_RAISES_FLOOR)
    loose = _RATE_ABOUT.search(before + literal) or _LOOSE_TARGET.search(literal)
    if purpose is Purpose.PLAN and approximate and not loose:
        return "import_fig_approximate"
    return ""


def _modifier(unit: str, literal: str, after: str, before: str = "") -> str:
    """24小时热线, 15分钟养老服务圈: a time that names a service, not a time limit; 连续9个月
    is how long something went on."""
    if unit in wording.TIME_UNITS and not _TRAILING.search(literal) and _NOUN_AFTER.match(after):
        return "" if before.endswith(_LASTED) else "import_fig_modifier"
    return ""


_LASTED = ("连续", "持续", "累计", "历时", "用时")


def _near(text: str, figure: Found) -> tuple[str, str]:
    """The few characters after and before a figure: all a modifier's test needs."""
    return text[figure.end : figure.end + 4], text[max(0, figure.start - 4) : figure.start]


def _unit_for_words(figure: Found, text: str) -> str:
    """The unit as the words use it: 名 and 位 are 人; a bare 15.8万老年人 counts people."""
    unit = figure.quantity.unit
    if unit in PEOPLE_UNITS:
        return "人"
    if unit:
        return unit
    after = text[figure.end :]
    if _HOUSEHOLD_AFTER.match(after):
        return "户"
    if _PEOPLE_AFTER.match(after):
        return "人"
    return _listed_unit(figure, text)


def _listed_unit(figure: Found, text: str) -> str:
    """提高到165元、220。: a bare figure that ends a list after a figure with its unit is counted
    in that unit (the copy lost its 元); not one that goes on (165元、220多项, 3、5个)."""
    if not re.match(r"\s*(?:$|[。，,；;）)（(])", text[figure.end :]):
        return ""
    before = text[max(0, figure.start - _LIST_LOOKBACK) : figure.start]
    if not before.endswith("、"):
        return ""
    listed = [f for f in find_quantities(before[:-1]) if f.end == len(before) - 1]
    return listed[0].quantity.unit if listed and listed[0].quantity.unit else ""


_LIST_LOOKBACK = 16  # the figure before, with its unit and 、


def _leading_word(figure: Found) -> str:
    found = _LEADING.match(figure.quantity.literal.translate(_FULL_WIDTH))
    return found[1] if found else ""


def _op(quantity: Quantity) -> Op:
    if quantity.bound is Bound.AT_MOST:
        return Op.AT_MOST
    if _LOOSE_TARGET.search(quantity.literal):
        return Op.EQUAL  # 控制在5.5%左右: about that level, neither a floor nor a ceiling
    return Op.AT_LEAST  # 不少于, 以上, 超过, and a bare figure: a plan's floor


def written_value(literal: str, quantity: Quantity, unit: str, purpose: Purpose) -> tuple[str, str]:
    """(value, unit) as a plan or results file writes them: 不少于50家 → (50, 家), 90%以上 → (90%,),
    15万名 → (15万, 人); a results file keeps 近, 余 and 多 (近9万, 1600余)."""
    text = literal.translate(_FULL_WIDTH)
    lead = _LEADING.match(text)
    text = text[lead.end() :] if lead else text
    trail = _TRAILING.search(text)
    text = text[: trail.start()] if trail else text
    if quantity.unit and text.endswith(quantity.unit):
        text = text[: -len(quantity.unit)]
    figure = text.replace(",", "")
    if purpose is Purpose.PLAN and _CHINESE_FIGURE.search(figure):
        figure = format_amount(quantity.number) + _SCALE_NAMES.get(quantity.scale, "")  # 一个 → 1
    keep = purpose is Purpose.RESULTS
    prefix = lead[1] if keep and lead and not lead[1].startswith("达") else ""
    suffix = trail[1] if keep and trail else ""
    percent = unit if unit in ("%", "‰") or any(c.isdigit() for c in unit) else ""  # 10/10万
    unit_field = "" if percent else ("个" if unit in wording.PLACE_UNITS else unit)
    value = f"{prefix}{figure}{percent}{suffix}"
    if _reads_back(value, unit_field, quantity):
        return value, unit_field
    return format_amount(quantity.amount) + percent, unit_field


def _reads_back(value: str, unit: str, quantity: Quantity) -> bool:
    """The value written must parse to the same amount as the figure in the text."""
    try:
        parsed = parse_quantity(value)
        parsed = parsed.with_unit(unit) if unit and not parsed.unit else parsed
    except (QuantityError, ValueError):
        return False
    return parsed.amount == quantity.amount
