"""What stands around a plan's outline: the 印发通知 before it, its title, the year and bureau
the document implies, and the 版记 (抄送, 印发) after it."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from planwriter import model, numerals
from planwriter.importer.text import Para
from planwriter.quantity import UNIT_GROUPS
from planwriter.years import YEARS

_YEAR_CN = f"[{''.join(numerals.YEAR_DIGITS)}]"
_SMALL_CN = f"[{numerals.SMALL}]"
_CN_DATE_RE = re.compile(rf"({_YEAR_CN}{{4}})年({_SMALL_CN}{{1,2}})月({_SMALL_CN}{{1,3}})日")
_ONLY_DATE = re.compile(rf"^(?:{model.CHINESE_DATE.pattern}|{_CN_DATE_RE.pattern})$")
DOC_NUMBER_RE = re.compile(
    r"^[\u4e00-\u9fff]{1,12}[〔\[［（(]\s*\d{4}\s*[〕\]］）)]"
    r"\s*第?\s*\d+\s*号$"
)
_REMARK_RE = re.compile(r"^[（(]([^（）()]{2,40})[）)]$")
_SIGNER_RE = re.compile(
    r"^[\u4e00-\u9fff（）]{2,30}"
    r"(?:局|厅|部|委员会|委|办公室|办|政府|中心|院|会|处|站|署)$"
)
_ATTACHMENT_RE = re.compile(r"^附\s*件\s*\d*\s*[:：]\s*(.+)$")
_PAGE_FIELDS = (
    "主题",
    "标题",
    "名称",
    "分类",
    "来源",
    "作者",
    "摘要",
    "关键词",
    "内容",
)  # no 主送机关
_NEXT_ATTACHMENT = re.compile(r"^\d{1,2}\s*[.．、]\s*\S")
_ATTACHMENT_MARK = re.compile(r"^附\s*件\s*\d*\s*[:：]?$")
_MASTHEAD_RE = re.compile(r"^[\u4e00-\u9fff]{2,30}文件$")
_NOTICE_TITLE_RE = re.compile(r"^关于.{2,80}的(?:通知|函|意见)$")
_CC_RE = re.compile(r"^抄\s*送\s*[:：]\s*(.+?)。?$")
_PRINTED_RE = re.compile(rf"^(?P<printer>.+?)\s*(?P<date>{model.CHINESE_DATE.pattern})\s*印\s*发$")
_CLOSING_RE = re.compile(r"^(?:特此(?:通知|报告|函告)|以上.{0,10}(?:妥否|如有不妥).{0,20})[。.]?$")
_PLAN_TITLE_END = re.compile(
    r"(?:要点|计划|安排|思路|打算|任务|重点|举措|方案)"
    r"(?:（[^（）]{1,12}）)?$"
)
# 目标任务（张）: a table's column named with its unit, never a title
_UNIT_IN_BRACKETS = re.compile(
    "[（(][万亿]?(?:{})[）)]$".format(
        "|".join(sorted((re.escape(u) for g in UNIT_GROUPS.values() for u in g), key=len)[::-1])
    )
)
_IN_BOOK = re.compile(r"《([^《》]{4,60}(?:要点|计划|安排|思路|打算))》")
_NOTICE_SUBJECT = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,20}?)?关于(?:印发|下达)(?:《)?(.+?)(?:》)?的通知"
    r"(?:\s*[（(][^（）()]*[）)])?$"  # 上海市民政局关于下达…的通知 ( 2025-01-27 )
)
_YEAR_RE = re.compile(rf"(\d{{4}}|{_YEAR_CN}{{4}})\s*年")
_LEADING_YEAR = re.compile(r"^(\d{4})\s*[，,、年]")
_BUREAU_RE = re.compile(r"([\u4e00-\u9fff]{1,12}?(?:省|市|县|区|旗|州|盟))民政(?:局|厅)")
_TITLE_PLACE_RE = re.compile(
    r"^([\u4e00-\u9fff]{1,12}?(?:省|市|县|区|旗|州|盟))"
    r"(?:\d{4}年度?)?[^，。]*民政"
)
_BUREAU_HINT_RE = re.compile(
    r"([\u4e00-\u9fff]{2,8}?(?:省|市|县|区|旗|州|盟))"
    r"民政(?:系统|部门|工作)"
)
# Verbs that stand before 市民政系统 in plans (举办市民政系统培训班): "举办市" is no place.
_VERBS_BEFORE_A_PLACE = (
    "举办",
    "召开",
    "组织",
    "开展",
    "推动",
    "推进",
    "加强",
    "指导",
    "围绕",
    "聚焦",
    "依托",
    "统筹",
    "全面",
    "深化",
    "建立",
    "健全",
    "完善",
    "做好",  # 做好区委巡察反馈问题整改: 做好区 is no place
    "抓好",
    "办好",
)
# A notice's "hereby" before its author: 现将区民政局2023年工作总结汇报如下 (现将区 is no place)
_HEREBY = ("现将", "特将", "兹将", "今将")
_NOT_A_PLACE = ("各", "全", "本", "我", "该", "省", "市", "县", "区", "和", "与", "及", "等")
NEVER_IN_A_PLACE = re.compile("[年全各本我该其和与及等的]")
NOT_A_PLACE_START = (*_NOT_A_PLACE, *_VERBS_BEFORE_A_PLACE, *_HEREBY)
TITLE_MAX = 60


@dataclass
class Front:
    """What the lines before the title say."""

    notice: model.Notice | None = None
    subject: str = ""  # the plan named in the notice: 《2024年全市民政工作要点》
    used: set[int] = field(default_factory=set)  # indexes of lines that were understood


# --- dates, years, bureaus ----------------------------------------------------------


def parse_date(text: str) -> dt.date | None:
    """2024年2月23日 or 二〇二四年二月二十三日 → date."""
    try:
        if found := model.CHINESE_DATE.search(text):
            return dt.date(*(int(part) for part in found.groups()))
        if found := _CN_DATE_RE.search(text):
            small = numerals.small_number
            return dt.date(numerals.year_number(found[1]), small(found[2]), small(found[3]))
    except ValueError:
        return None
    return None


def year_in(text: str) -> int | None:
    """The first plausible year written in `text` (2024年, 二〇二四年, or a leading 2023，)."""
    for found in [*_LEADING_YEAR.finditer(text), *_YEAR_RE.finditer(text)]:
        year = numerals.year_number(found[1])
        if year in YEARS:
            return year
    return None


def bureau_in(texts: Iterable[str], hints: bool = True) -> str:
    """The bureau the text names most often (常州市民政局), else (with `hints`) one its wording
    implies (常州市民政系统 → 常州市民政局)."""
    texts = list(texts)
    patterns = ((_BUREAU_RE, ""), (_BUREAU_HINT_RE, "民政局"))
    for pattern, suffix in patterns if hints else patterns[:1]:
        counts: Counter[str] = Counter()
        for text in texts:
            for found in pattern.finditer(text):
                place = _past_preposition(found[1])
                if (
                    place
                    and not place.startswith(NOT_A_PLACE_START)
                    and not NEVER_IN_A_PLACE.search(place)
                ):
                    office = found[0][len(found[1]) - len(place) :]
                    counts[office if not suffix else place + suffix] += 1
        if counts:
            return counts.most_common(1)[0][0]
    return ""


_PREPOSITION = re.compile("[从据到向在]")


def _past_preposition(place: str) -> str:
    """记者从某县民政局获悉: the match ran from the clause's start; the place is what follows
    the first preposition (从化区, which opens on one, stays whole). A bare level left (记者从市
    民政局) is no place: ''."""
    found = _PREPOSITION.search(place, 1)
    if found:
        place = place[found.end() :]
    elif _PREPOSITION.match(place) and len(place) <= 2:  # 据县民政局消息: a bare level again
        return ""
    return place if len(place) > 1 else ""


def bureau_of_title(title: str) -> str:
    """某某县2024年民政工作要点 → 某某县民政局."""
    found = _TITLE_PLACE_RE.match(title)
    if not found or found[1].startswith(_NOT_A_PLACE) or NEVER_IN_A_PLACE.search(found[1]):
        return ""
    return f"{found[1]}民政局"


def bureau_of_signer(signer: str) -> str:
    found = re.search(r"^.+?民政(?:局|厅|部)", signer)
    return found[0] if found else ""


# --- the title ------------------------------------------------------------------------


def is_plan_title(text: str) -> bool:
    found = _PLAN_TITLE_END.search(text)
    return (
        len(text) <= TITLE_MAX
        and "。" not in text
        and not _NOTICE_TITLE_RE.match(text)
        and not text.startswith(("关于", "附件"))
        and found is not None
        and found.start() >= 2  # 工作要点, never a table's 任务 header alone
        and not _UNIT_IN_BRACKETS.search(text)
    )


def subject_of(texts: Iterable[str]) -> str:
    """The plan a 印发通知 issues, from 《…》 in its body or its own title."""
    for text in texts:
        if found := _NOTICE_SUBJECT.match(text):
            return found[1]
        if found := _IN_BOOK.search(text):
            return found[1]
    return ""


def attachment_lines(texts: list[str]) -> set[int]:
    """Indexes of the lines of an 附件 list: 附件：1.…分解表, then 2.…分解表 (no heading)."""
    lines: set[int] = set()
    for index, text in enumerate(texts):
        listed = index - 1 in lines and _NEXT_ATTACHMENT.match(text) and "。" not in text
        if _ATTACHMENT_RE.match(text) or listed:
            lines.add(index)
    return lines


# --- the notice -------------------------------------------------------------------------


def read_front(paras: list[Para]) -> Front:
    """The 印发通知 before the title: number, recipients, body, signer, date, remark."""
    front = Front()
    notice = model.Notice()
    body: list[str] = []
    for index, para in enumerate(paras):
        text = para.text
        if _read_notice_line(notice, text, body_started=bool(body or notice.recipients)):
            front.used.add(index)
        elif notice.recipients and not notice.signer and "。" in text and "|" not in text:
            body.append(text)
            front.used.add(index)
    notice.body = "\n".join(body)
    front.subject = subject_of(p.text for p in paras)
    if notice.recipients or notice.body or notice.signer:
        front.notice = notice
    return front


# 段伯汉…提出五点要求：/ 这十件实事分别是：/ 重点抓好以下工作：/ 今年主要预期目标是： a sentence
# leading into what follows, not the notice's recipients (各区县民政局：), who are never said to
# be something, nor pointed at as what follows
_LEAD_IN = re.compile(
    r"(?:如下|分别(?:是|为)|包括|要求|意见|指出|强调|表示|认为|说|介绍|部署|安排|是|为)\s*：$"
    r"|(?:以下|下列)[^，,；;。：]{0,8}：$"
)


def _read_notice_line(notice: model.Notice, text: str, body_started: bool) -> bool:
    """Fill the field this line is; False when it is none of them."""
    if _MASTHEAD_RE.match(text) or _NOTICE_TITLE_RE.match(text) or _ATTACHMENT_MARK.match(text):
        return True
    if DOC_NUMBER_RE.match(text) and not notice.number:
        notice.number = _doc_number(text)
        return True
    if (
        text.endswith("：")
        and "。" not in text
        and not notice.recipients
        and len(text) <= 200
        and text[:-1] not in _PAGE_FIELDS
        and not _LEAD_IN.search(text)
    ):
        notice.recipients = text[:-1].strip()
        return True
    if found := _ATTACHMENT_RE.match(text):
        notice.attachment = found[1].strip()
        return True
    if notice.attachment and _NEXT_ATTACHMENT.match(text) and "。" not in text:
        notice.attachment = f"{notice.attachment} {text}"  # 附件：1.…分解表 / 2.…分解表
        return True
    return _read_signature_line(notice, text) or bool(body_started and _remark(notice, text))


def _read_signature_line(notice: model.Notice, text: str) -> bool:
    """Signer, date, or both on one line (常州市民政局　2024年2月23日)."""
    if _ONLY_DATE.match(text):
        notice.date = notice.date or parse_date(text)
        return True
    parts = text.split()
    if len(parts) == 2 and _ONLY_DATE.match(parts[1]) and _SIGNER_RE.match(parts[0]):
        notice.signer = notice.signer or parts[0]
        notice.date = notice.date or parse_date(parts[1])
        return True
    if _SIGNER_RE.match(text) and not notice.signer:
        notice.signer = text
        return True
    return False


def _remark(notice: model.Notice, text: str) -> bool:
    if found := _REMARK_RE.match(text):
        notice.remark = found[1]
        return True
    return False


def _doc_number(text: str) -> str:
    text = re.sub(r"\s+", "", text)
    return re.sub(r"[\[［（(](\d{4})[\]］）)]", r"〔\1〕", text)


# --- the 版记 and signature after the outline --------------------------------------------


def back_matter_start(paras: list[Para]) -> int:
    """Index of the first line of the closing block (落款, 附注, 抄送, 印发), or len(paras)."""
    index = len(paras)
    while index > 0 and is_closing_line(paras[index - 1].text):
        index -= 1
    return index


def is_closing_line(text: str) -> bool:
    return bool(
        _CC_RE.match(text)
        or _PRINTED_RE.match(text)
        or _ONLY_DATE.match(text)
        or _SIGNER_RE.match(text)
        or _REMARK_RE.match(text)
        or _CLOSING_RE.match(text)
        or _read_signature_line(model.Notice(), text)
    )


def read_back_matter(notice: model.Notice, paras: list[Para]) -> None:
    """抄送, 印发机关 and 印发日期, and a signature the notice lacks."""
    for para in paras:
        text = para.text
        if found := _CC_RE.match(text):
            notice.cc = found[1].strip()
        elif found := _PRINTED_RE.match(text):
            notice.printer = found["printer"].strip()
            notice.print_date = parse_date(found["date"])
        elif _REMARK_RE.match(text) and not notice.remark:
            _remark(notice, text)
        elif not _CLOSING_RE.match(text):
            signer, date = notice.signer, notice.date
            _read_signature_line(notice, text)
            notice.signer, notice.date = signer or notice.signer, date or notice.date
