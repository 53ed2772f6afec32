"""The year and the bureau of a document, found where a reader finds them, with the line each
was read from, so the summary can say what was guessed. Both imports of one file call the
same functions on the same lines, so they agree.

Where a reader looks for the bureau, in order: the 发文机关署名; an office named in the title;
a byline (a line that is only an office's name); the page's 发布机构 / 来源 field; the office
the text names in full most often; the text's own wording (常州市民政系统); an office named
without its place (区民政局, 市民生办) completed with the one place of that level the text
names (仙居县, 常州市武进区). Nothing else: a document that names no office is asked about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planwriter.importer import figures, wording
from planwriter.importer import front as frontlib
from planwriter.importer.text import Para

# Offices whose plans and reports the importer reads; the longest spellings first.
_OFFICES = (
    "人力资源和社会保障局",
    "人力资源社会保障局",
    "人力资源和社会保障部",
    "人力资源社会保障部",
    "人力资源和社会保障厅",
    "人力资源社会保障厅",
    "卫生健康委员会",
    "卫生健康委",
    "卫生健康局",
    "卫生和计划生育委员会",
    "卫生计生委",
    "卫生计生局",
    "民生工作办公室",
    "退役军人事务局",
    "退役军人事务厅",
    "医疗保障局",
    "应急管理局",
    "应急管理厅",
    "人民政府",
    "民政局",
    "民政厅",
    "民政部",
    "人社局",
    "医保局",
    "应急局",
    "卫健委",
    "卫健局",
    "民生办",
    "残疾人联合会",
    "残联",
)
_OFFICE = "|".join(_OFFICES)
_LEVEL = "省市县区旗州盟"
_PLACE = rf"[\u4e00-\u9fff]{{1,10}}?[{_LEVEL}]"
# A place where a name starts: after punctuation, a digit, a line start, or a preposition (据 never
# starts one: 据某市人社局消息; 记者从某县民政局获悉).
# not a date's 日 or 月 (9月11日县委、县政府出台…: 县委 on 11 September, no place 日县)
_STARTS = r"(?:(?<![\u4e00-\u9fff])|(?<=[对在为与和向年据从]))(?!据)(?<![0-9](?=[日月号]))"
_FULL_OFFICE = re.compile(rf"{_STARTS}((?:{_PLACE})+?)({_OFFICE})")
_BARE_OFFICE = re.compile(rf"(?<![\u4e00-\u9fff])([{_LEVEL}]?)({_OFFICE})|[全我本]([{_LEVEL}])")
# 州 then 市, 区 or 县 (湖州市, 鄞州区, 通州区): the 州 is part of the name, not its level
_PLACE_NAME = re.compile(rf"{_STARTS}((?:[\u4e00-\u9fff]{{1,8}}?[{_LEVEL}](?:(?<=州)[市区县])?)+)")
_NATIONAL = ("人力资源和社会保障部", "人力资源社会保障部", "民政部")
_NATIONAL_RE = re.compile(rf"(?:{'|'.join(_NATIONAL)})(?!门)")  # 上级民政部门 is no office
_NOT_IN_A_PLACE = re.compile("[对为向在把被将由从以于了是有加大年到]")  # 2023年周口市 → 周口市
_FIELDS = r"(?:发布机构|信息来源|来源|发布单位|发文机关|发文机构|发文单位|发布|作者)"
_PUBLISHER = re.compile(rf"{_FIELDS}\s*[:：]?\s*((?:{_PLACE})*?[{_LEVEL}]?(?:{_OFFICE}))")
# An 索引号 table copied cell by cell: the field's name on one line, its value on the next.
_FIELD_ALONE = re.compile(rf"^[•·\-*]?\s*{_FIELDS}\s*[:：]?\s*$")
# The site's footer: 主办单位：某市民政局. A government portal's owner (人民政府办公室) hosts
# every department's pages, so only a department's own site names the author this way.
_SITE_OWNER = re.compile(r"^(?:网站)?主办(?:单位)?\s*[:：]\s*([\u4e00-\u9fff（）()]{3,30})")
# Any department of a named place, as a page's field, a byline or a breadcrumb names it:
# 某县医疗保障局, 某市老龄工作委员会办公室. Only where a whole field or line is the name.
_ANY_OFFICE = re.compile(
    rf"^((?:{_PLACE})+?)([\u4e00-\u9fff]{{1,14}}?(?:局|厅|委员会|委|办公室|办|中心|部))$"
)
_BREADCRUMB_MARKS = re.compile(r"\s*(?:>>|>|»|＞|›|→)\s*")
# Words that end in a level character without being a place.
_NOT_PLACES = re.compile(
    r"(?:社区|小区|园区|景区|辖区|城区|片区|山区|市区|县区|矿区|街区|牧区|灾区|校区|院区|老区|新区"
    r"|库区|郊区|开发区|示范区|先行区|试验区|保护区|功能区|集聚区|服务区|生活区|居住区"
    r"|城市|都市|超市|集市|门市|上市|股市|楼市|夜市|全市|全区|全县|全省|全州"
    r"|地区|社区|专区|自治区|特区|政区|分区|省市|市县|县区|区县|市区县|省市县)$"
)
# 宣城市, 成都市, 江门市: a one-character name before 城市/都市/门市 is a city, not the word
_CITY_IN_A_WORD = re.compile(r"[\u4e00-\u9fff](?:城市|都市|门市)")
# 绍兴市越城区, 上海市浦东新区, 杭州市萧山区: a 城区, 新区 or 山区 named right after its city is
# one of its districts; not the city's 主城区, 老城区 or 中心城区, which are parts of town
_DISTRICT_OF_CITY = re.compile(
    r"[\u4e00-\u9fff]{2,4}市(?!主|老|中心|旧)[\u4e00-\u9fff]{1,2}(?:城区|新区|山区|矿区|郊区)"
)
_TITLE_LINES = 8  # the title, the breadcrumb and the page's date lines come first
_YEAR_AT_START = re.compile(r"^(\d{4})\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")  # not a date
# 较2019年同期, 比2021年, 与2020年相比: a year the text compares with, not the one it is about.
_COMPARED_YEAR = re.compile(r"(?:[较比与同]\s*\d{4}\s*年|\d{4}\s*年同期)")
# not a 总结会议; a 推进会, 部署会 or 动员会 sets that year's work going, like a work meeting
_MEETING_YEAR = re.compile(
    r"(\d{4})\s*年[^，,。；;]{0,24}?(?:工作(?:会议|大会)|(?:推进|部署|动员)(?:大)?会)"
)
_DATELINE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_CN_DATE = re.compile(
    "[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"
)
_RESULTS_WORDS = re.compile(r"总结|回顾|完成情况|进展|成效|报告|通报|公示|落实")
_PLAN_WORDS = re.compile(r"要点|计划|思路|打算|安排|任务|目标")


@dataclass(frozen=True)
class Found:
    value: str
    line: int  # where it was read, 0 when nowhere in particular
    text: str  # the line it was read from, for the summary


def bureau(
    paras: Sequence[Para],
    title: str = "",
    signer: Found | None = None,
    like: str = "",
    footer: Sequence[Para] = (),
) -> Found | None:
    """The office that wrote the document, with where it was read, by its official name (市人社局
    → 三明市人力资源和社会保障局); None when the text does not say (the caller asks)."""
    found = _bureau(paras, title, signer, like, footer)
    if found is None or found.value == like:
        return found
    return Found(_official(found.value), found.line, found.text)


# Short forms a text or a page's 来源 uses for the office's official name.
_SHORT_FORMS = {
    "人社局": "人力资源和社会保障局",
    "人社厅": "人力资源和社会保障厅",
    "卫健委": "卫生健康委员会",
    "卫健局": "卫生健康局",
    "残联": "残疾人联合会",
    "医保局": "医疗保障局",
    "应急局": "应急管理局",
}


def _official(office: str) -> str:
    for short, full in _SHORT_FORMS.items():
        if office.endswith(short) and len(office) > len(short):
            return office[: -len(short)] + full
    return office


def _bureau(
    paras: Sequence[Para],
    title: str = "",
    signer: Found | None = None,
    like: str = "",
    footer: Sequence[Para] = (),
) -> Found | None:
    """The office that wrote the document, with where it was read; None when the text does not
    say (the caller asks for --bureau). `footer`: the page after the article, where only the
    site's 主办单位 is looked for."""
    if signer is not None and (office := _office_of(signer.value) or _signer_office(signer.value)):
        return Found(office, signer.line, signer.text)
    if (
        title
        and not _whole_office(title)  # a page's heading line (某市人民政府) is a byline at most
        and (
            office := frontlib.bureau_in([title], hints=False)
            or _full_office(title)
            or _opener(title)
            or _province_office(title)
        )
    ):
        return Found(office, _line_of(paras, title), title)
    # a byline: 深圳市罗湖区卫生健康局 alone on its line; a government's name heading the page
    # is its portal's, which hosts every department (信息来源：市人社局 says which)
    byline = next((f for p in paras[:12] if (f := _byline(p)) is not None), None)
    if byline is not None and not byline.value.endswith(_GOVERNMENT):
        return byline
    if author := _author_after_title(paras[:_TITLE_LINES]) or _titled_author(paras[:_HEAD_LINES]):
        return author
    level = own_level(paras)
    if found := _publisher(paras) or _site_owner([*paras, *footer]) or byline:
        # 来源：某市民政局 over a text that keeps naming 某县民政局, or that speaks of 全县 (a
        # county's report the city reposted): either could be meant, and a wrong guess is worse
        # than asking
        named = _most_named(paras, times=2, level=level)
        differs = named is not None and _official(named.value) != _official(found.value)
        agrees = not differs and _fits(found.value, level)
        return found if agrees else None
    if found := _referred(paras, level) or _most_named(paras, level=level):
        return found  # a ministry the text names (入选民政部…案例) is seldom the author
    if like:
        return Found(like, 0, "")
    hinted = (
        frontlib.bureau_in([title]) or frontlib.bureau_of_title(title) or _whole_area(title, paras)
    )
    if hinted:
        return Found(hinted, _line_of(paras, title), title)
    if meeting := _meeting(paras) or _congress(paras):
        return meeting
    if (hinted := frontlib.bureau_in(p.text for p in paras)) and _fits(hinted, level):
        return Found(hinted, *_first_line_with(paras, hinted[:2]))
    national = not any(_SELF.search(p.text) for p in paras)  # 全市, 全省: not a ministry's text
    return (
        _completed(paras, level)
        or _system(paras)
        or _most_named(paras, national=national, level=level)
    )


# 中山人社系统, 仙居民政部门: a department named by its place without the place's level
_SYSTEM = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,3}?)(人社|民政)(?:系统|部门)")
_SYSTEM_OFFICE = {"人社": "人力资源和社会保障局", "民政": "民政局"}


def _system(paras: Sequence[Para]) -> Found | None:
    """中山人社系统 and the text's 中山市: 中山市人力资源和社会保障局 (a department whose
    official name its wording gives; never a 卫健 one, 局 or 委员会 it does not say)."""
    places = _places(paras)
    for para in paras:
        for found in _SYSTEM.finditer(para.text):
            named = [p for p in places if p[:-1] == found[1] and p[-1] in "市县区"]
            if len(named) == 1:
                return Found(named[0] + _SYSTEM_OFFICE[found[2]], para.line, para.text)
    return None


def own_level(paras: Sequence[Para]) -> str:
    """The level of the place the text speaks for (全县, 我市, 本区 → 县, 市, 区), when one level
    clearly dominates; "" when the text does not say or mixes them."""
    counts = Counter(m[1] for p in paras for m in _SELF.finditer(p.text))
    if not counts:
        return ""
    (level, count), *rest = counts.most_common(2)
    return level if count >= 2 and (not rest or count >= 2 * rest[0][1]) else ""


_SELF = re.compile(r"[全我本]([市县区省旗州盟])(?!场)")


def _fits(office: str, level: str) -> bool:
    """An office of the level the text speaks for: a county's report names 市民政局 as its
    superior and 某区民政局 as a peer it learnt from, neither as its author."""
    if not level:
        return True
    found = _FULL_OFFICE.match(office) or _ANY_OFFICE.match(office)
    if found is None:
        return office[:1] in (level, "")  # 区民政局 and its like
    return found[1].endswith(level)


def signature(paras: Sequence[Para]) -> Found | None:
    """The last 发文机关署名 of the document: an office's line followed by a date line, or both
    on one line."""
    found = None
    for n, para in enumerate(paras):
        parts = para.text.split()
        if len(parts) == 2 and frontlib.parse_date(parts[1]) and _signing_office(parts[0]):
            found = Found(parts[0], para.line, para.text)
        elif (
            n + 1 < len(paras)
            and len(para.text) <= 40
            and _signing_office(para.text)
            and frontlib.parse_date(paras[n + 1].text)
            and not frontlib.parse_date(para.text)
            and frontlib.is_closing_line(para.text)
        ):
            found = Found(para.text.strip(), para.line, para.text)
    return found


def _signing_office(text: str) -> str:
    """An office the importer knows, or any department of a named place (某区城市人居环境局)."""
    return _office_of(text) or _whole_office(text)


def year(
    paras: Sequence[Para], results: bool, published: str = "", first: Iterable[str] = ()
) -> Found | None:
    """The year a plan is for or a report is about: from `first` (the title, the part's heading),
    a title-like line, the year most sentences start with, or the page's date."""
    for text in first:
        if (found := _year_of_title(text, results)) is not None:
            return Found(str(found), _line_of(paras, text), text)
    for para in paras[:15]:
        titled = len(para.text) <= _TITLE_MAX and "。" not in para.text and _title_words(para.text)
        if titled and (found := _year_of_title(para.text, results)) is not None:
            return Found(str(found), para.line, para.text)
    # Weaker clues from here on: when two of them name different years, asking beats guessing.
    early, starting = _early_year(paras, results), _starting_year(paras)
    if not results and early and starting and int(starting.value) < int(early.value):
        starting = None  # 2024年，全县…: a plan's review of the year before it
    # 2023年是…，我们将持续…: a report's closing look at the year ahead, after the year the
    # opening names or, when it names none, whatever year the page's date gives
    if (
        results
        and starting
        and _outlook(paras, int(starting.value), int(early.value) if early else 0)
    ):
        starting = None
    clues = [c for c in (early, starting) if c is not None]
    date = published or (_dateline(paras) or _signed_date(paras) if results else _plan_date(paras))
    if date:
        year_, month = int(date[:4]), int(date[5:7])
        if not results and early and _reviews_last_year(early, year_, paras):
            clues.remove(early)
        # a report appears in its year or the next; a plan in its year or the one before
        possible = {year_, year_ - 1} if results else {year_, year_ + 1}
        if any(int(c.value) not in possible for c in clues):
            return None
        # a year-end report comes out early the next year; a plan early in its own year (one
        # out in November or December may be next year's: the date alone does not say)
        if results or month <= _LATEST_PLAN_MONTH:
            clues.append(Found(str(year_ - 1 if results and month <= 3 else year_), 0, date))
    if len({c.value for c in clues}) > 1:
        return None
    return clues[0] if clues else None


_LATEST_PLAN_MONTH = 10


def _reviews_last_year(early: Found, published: int, paras: Sequence[Para]) -> bool:
    """本报讯…2023年全市医保基金支出18.6亿元。今年，…将…: a news item of 2024 that opens on the year
    before and then says 今年 looks back before it looks ahead; its plan is the year it came out."""
    sentence = "。" in early.text or len(early.text) > _TITLE_MAX
    this_year = any("今年" in p.text for p in paras)
    return sentence and this_year and int(early.value) == published - 1


_TITLE_MAX = 60  # a title-like line is no longer


def _plan_date(paras: Sequence[Para]) -> str:
    """A news page's date over a plan that speaks of 今年 (今年我市将…): the year it came out.
    A bare date on a document-sharing site is when someone uploaded it, so not without 今年."""
    return _dateline(paras) if any("今年" in p.text for p in paras) else ""


def _early_year(paras: Sequence[Para], results: bool = False) -> Found | None:
    """A year in the first lines, not a date (2024年01月15日 来源：… is when the page came out,
    which the page's date says with its month) nor a year compared with; for a report, not the
    year of the meeting the news is of (2023年全市…工作会议召开 reviews the year before)."""
    for para in paras[:3]:
        words = _COMPARED_YEAR.sub("", _DATELINE.sub("", _CN_DATE.sub("", para.text)))
        words = _MEETING_YEAR.sub("", words) if results else words
        if (early := frontlib.year_in(words)) is not None:
            if not results:  # 总结2024年工作，部署2025年任务: a plan is for the later year
                early = max([early, *_years_ahead(words)])
            return Found(str(early), para.line, para.text)
    return None


def _outlook(paras: Sequence[Para], later: int, early: int) -> bool:
    """Whether every paragraph opening on `later` (after the `early` year the opening names)
    speaks of what is to be done: a report's outlook, not the year it is about."""
    opening = [p.text for p in paras if (y := _YEAR_AT_START.match(p.text)) and int(y[1]) == later]
    return later > early and bool(opening) and all(figures.speaks_ahead(t) for t in opening)


def meeting_year(paras: Sequence[Para]) -> int | None:
    """The year of the work meeting the news opens on (记者从2012年全市民政工作会议上获悉): the
    year its 今年 means, the year after the results it reviews."""
    for para in paras[:3]:
        if found := _MEETING_YEAR.search(_CN_DATE.sub("", para.text)):
            return int(found[1])
    return None


# 部署2025年重点任务: a year named in the text (not a horizon: 到2027年, 2027年前)
_NAMED_YEAR = re.compile(r"(?<![到至])(?<!\d)(\d{4})\s*年(?!前|底前|以前)")


def _years_ahead(words: str) -> list[int]:
    return [int(m[1]) for m in _NAMED_YEAR.finditer(words) if int(m[1]) in frontlib.YEARS]


def _starting_year(paras: Sequence[Para]) -> Found | None:
    """The year most sentences start with (2023年，我局…)."""
    starts = Counter(
        (int(m[1]), p.line, p.text) for p in paras if (m := _YEAR_AT_START.match(p.text))
    )
    years = Counter(y for y, _, _ in starts)
    if years:
        best = years.most_common(1)[0][0]
        if best in frontlib.YEARS:
            line, text = next((ln, t) for y, ln, t in starts if y == best)
            return Found(str(best), line, text)
    return None


def _year_of_title(text: str, results: bool) -> int | None:
    """县民政局2023年重点工作总结及2024年工作思路: 2023 for results, 2024 for a plan. A work
    meeting's year (召开2025年全市人社工作会议) is not its results' year: it reviews the year
    before (see _early_year)."""
    text = _MEETING_YEAR.sub("", text) if results else text
    years = [int(m[1]) for m in re.finditer(r"(\d{4})\s*年", text) if int(m[1]) in frontlib.YEARS]
    if not years:
        found = frontlib.year_in(text)
        return found
    if len(years) == 1:
        return years[0]
    return min(years) if results else max(years)


def _title_words(text: str) -> bool:
    return bool(_RESULTS_WORDS.search(text) or _PLAN_WORDS.search(text) or "实事" in text)


def _signed_date(paras: Sequence[Para]) -> str:
    """The date under the 署名 at the end (某县民政局 / 2024年1月10日): when it was written."""
    signed = signature(paras)
    if signed is None:
        return ""
    after = [p for p in paras if p.line >= signed.line][:2]
    date = next((d for p in after if (d := frontlib.parse_date(p.text)) is not None), None)
    return date.isoformat() if date is not None and date.year in frontlib.YEARS else ""


# TUhjnbcbe - 2023/10/31 18:04:00: a forum's post stamp, when a user reposted the text
_POST_STAMP = re.compile(r"^\s*[A-Za-z0-9_.]{2,}\s+[-–—]\s+\d{4}\s*[-/]")


def _dateline(paras: Sequence[Para]) -> str:
    """The page's date in its first lines; not a user's post stamp on a forum (a repost can
    come any time after the text)."""
    for para in paras[:8]:
        if _POST_STAMP.match(para.text):
            continue
        if found := _DATELINE.search(para.text):
            year_, month, day = found.groups()
            if int(year_) in frontlib.YEARS and 1 <= int(month) <= 12:
                return f"{year_}-{int(month):02d}-{int(day):02d}"
    return ""


# --- offices ---------------------------------------------------------------------------


def _office_of(text: str) -> str:
    """常州市民政局 → itself; a signer that is an office the importer knows, with its place."""
    text = text.strip()
    found = _FULL_OFFICE.match(text)
    if found and found.end() == len(text) and _is_place(found[1]):
        return text
    return text if text in _NATIONAL else ""


def _signer_office(signer: str) -> str:
    return frontlib.bureau_of_signer(signer) or (
        signer if frontlib.is_closing_line(signer) and not frontlib.parse_date(signer) else ""
    )


# 贵州省人力资源和社会保障厅关于…的通报: a province's department (a 厅) heading its title; read
# only there, since a city's text names its province's 厅 as the one above it
_PROVINCE_OFFICE = re.compile(
    r"^[\u4e00-\u9fff]{2,3}省(?:人力资源和社会保障厅|人力资源社会保障厅|人社厅|民政厅|卫生健康委员会)"
)


def _province_office(title: str) -> str:
    found = _PROVINCE_OFFICE.match(title)
    return found[0] if found else ""


def _full_office(text: str) -> str:
    for found in _FULL_OFFICE.finditer(text):
        if _is_place(found[1]):
            return found[0]
    ministry = _NATIONAL_RE.search(text)
    return ministry[0] if ministry else ""


def _publisher(paras: Sequence[Para]) -> Found | None:
    """The page's 来源 / 发布机构 field (its value on the same line or, copied from a table,
    on the next), or an office a breadcrumb passes through (首页 > 部门 > 某县民政局 > 计划总结)."""
    for n, para in enumerate(paras[:15]):
        if found := _PUBLISHER.search(para.text):
            office = found[1]
            if full := _office_of(office):
                return Found(full, para.line, para.text)
            if completed := _with_place(office, paras) or _with_title_place(office, paras):
                return Found(completed, para.line, para.text)
        elif _FIELD_ALONE.match(para.text) and n + 1 < len(paras):
            value = paras[n + 1]
            if office := _whole_office(value.text):
                return Found(office, value.line, value.text)
    return _breadcrumb(paras)


def _breadcrumb(paras: Sequence[Para]) -> Found | None:
    """An office the breadcrumb passes through, when no field says who published the page."""
    for para in paras[:15]:
        for step in _breadcrumb_steps(para):
            if office := _whole_office(step) or _bare_completed(step, paras):
                return Found(office, para.line, para.text)
    return None


_WHOLE_AREA_CIVIL = re.compile(rf"全([{_LEVEL}])民政")


def _whole_area(title: str, paras: Sequence[Para]) -> str:
    """2023年全县民政工作总结 and the one county the text names: that county's 民政局. (Only
    民政: whether a county's health office is a 局 or a 委员会 the words do not say.)"""
    found = _WHOLE_AREA_CIVIL.search(title)
    return _with_place(f"{found[1]}民政局", paras) if found else ""


# 记者从全省残联工作会议上获悉: the news of a department's meeting for the whole area
_MEETING = re.compile(
    rf"全([{_LEVEL}])(民政|人社|残联|退役军人)(?:事务)?(?:系统)?工作(?:会议|大会)"
)
_MEETING_OFFICE = {"民政": "民政局", "人社": "人社局", "残联": "残联", "退役军人": "退役军人事务局"}
# Provinces are often named without 省 (今年江苏将…, 浙江民政): the only names read so.
_PROVINCES = (
    "河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州"
    "|云南|陕西|甘肃|青海"
)
_PROVINCE = re.compile(rf"(?<![\u4e00-\u9fff])({_PROVINCES})|(?<=[年在和与对])({_PROVINCES})")


def _meeting(paras: Sequence[Para]) -> Found | None:
    """全省残联工作会议 in the news's first lines and the one province the text names: that
    province's 残联 (a province's 民政 is a 厅)."""
    for para in paras[:_TITLE_LINES]:  # the first lines after the breadcrumb and the date line
        if found := _MEETING.search(para.text):
            level, office = found[1], _MEETING_OFFICE[found[2]]
            if level == "省":
                office = office.replace("局", "厅")
            if completed := _with_place(level + office, paras):
                return Found(completed, para.line, para.text)
            return None
    return None


# 记者从秦州县第十七届人民代表大会第四次会议上了解到，…作为政府工作的出发点: a place's people's
# congress hears its government's work report, and the year's 实事 the news gives are that
# government's
_CONGRESS = re.compile(
    rf"(?:(?<![\u4e00-\u9fff])|(?<=[从的在]))((?:(?:(?!的)[\u4e00-\u9fff]){{1,8}}?[{_LEVEL}])+?)"
    r"第[一二三四五六七八九十0-9]+届人民代表大会"
)


def _congress(paras: Sequence[Para]) -> Found | None:
    """News from a place's 人民代表大会 that speaks of the government's work: that place's
    人民政府 (the congress itself only hears and approves)."""
    for para in paras[:_TITLE_LINES]:
        found = _CONGRESS.search(para.text)
        # 记者从平湖市第十六届…: the words before the place are the news's, not the place's
        place = (found[1] if _is_place(found[1]) else _trim(found[1])) if found else ""
        if found and place and "政府" in para.text[found.end() :]:
            return Found(place + "人民政府", para.line, para.text)
    return None


def _bare_completed(step: str, paras: Sequence[Para]) -> str:
    """县民政局 as a breadcrumb's step, with the one county the page names."""
    found = _BARE_OFFICE.fullmatch(step)
    return _with_place(step, paras) if found and found[1] and found[2] else ""


def _site_owner(paras: Sequence[Para]) -> Found | None:
    """主办单位：某市民政局 in the page's footer: the department whose site it is."""
    for para in paras:
        found = _SITE_OWNER.match(para.text)
        value = _FIELD_END.split(found[1])[0] if found and not _HOST.search(found[1]) else ""
        if office := _whole_office(value):
            return Found(office, para.line, para.text)
    return None


# A government's, people's congress's or CPPCC's site hosts its members' and departments' pages,
# a newspaper's or media centre's the news of others: the office that runs it (人民政府办公室,
# 人大常委会办公室, 某市融媒体中心) wrote none of them
_HOST = re.compile("政府|人民代表大会|人大|政协|融媒体|报社|日报|广播电视|新闻")
_FIELD_END = re.compile(r"承办|技术支持|地址|电话|邮编|网站|ICP|版权")


# A title that opens with its author: 某县医疗保障局2023年工作总结, 某市老龄办关于….
_TITLE_OPENER = re.compile(
    rf"^((?:{_PLACE})+?)([\u4e00-\u9fff]{{1,14}}?(?:局|厅|委员会|委|办公室|办))"
    r"(?=\d{4}|[〇一二]{4}|关于|上半年|年度|工作)"
)


def _opener(title: str) -> str:
    found = _TITLE_OPENER.match(title)
    if found and _is_place(found[1]) and not _NOT_AN_OFFICE.search(found[2]):
        return found[0]
    return ""


_GOVERNMENT = ("人民政府", "人民政府办公室", "人民政府办公厅")


def is_office_line(text: str) -> bool:
    """A line that is only an office's name: a byline or a site's heading, never a title."""
    return bool(_whole_office(text))


# …事业发展统计公报重庆市人力资源和社会保障局2022年，…: the office printed under the title, run
# into it by the copy, is the author, as a title page shows it
_AUTHOR_AFTER_TITLE = re.compile(
    rf"(?:公报|总结|报告|要点|计划|方案)((?:{_PLACE})+?)({_OFFICE})(?=\d{{4}}|[\s，,。]|$)"
)


# 夏邑县卫健委2023年度工作总结 under a portal's chrome (站群导航, 夏邑县人民政府, 索引号…): the
# line that names an office and then the document it wrote is the title, and the office its author
_TITLED = re.compile(
    rf"^((?:{_PLACE})+?)({_OFFICE})[^。，,：:]{{0,24}}?(?:公报|总结|报告|要点|计划|方案|通报)$"
)
_HEAD_LINES = 20  # a portal's chrome and its 索引号 block come before the title


def _titled_author(paras: Sequence[Para]) -> Found | None:
    return _first_office(_TITLED, paras)


def _author_after_title(paras: Sequence[Para]) -> Found | None:
    return _first_office(_AUTHOR_AFTER_TITLE, paras)


def _first_office(pattern: re.Pattern[str], paras: Sequence[Para]) -> Found | None:
    """The first place and office `pattern` finds (groups 1 and 2) where the place is one."""
    for para in paras:
        found = pattern.search(para.text.strip())
        if found and _is_place(found[1]):
            return Found(found[1] + found[2], para.line, para.text)
    return None


def _byline(para: Para) -> Found | None:
    office = _whole_office(para.text)
    return Found(office, para.line, para.text) if office else None


# 城关镇人民政府, 拱墅区米市巷街道办事处: a 乡镇's government and a 街道's office sign as offices
_TOWNSHIP_OFFICE = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:镇|乡|街道)(?:人民政府|办事处)")


def _whole_office(text: str) -> str:
    """The office a whole line or field is: 深圳市罗湖区卫生健康局, 某县医疗保障局, 某镇人民政府."""
    text = text.strip(" •·")
    if _TOWNSHIP_OFFICE.fullmatch(text) and not _NOT_AN_OFFICE.search(text):
        return text
    if (full := _FULL_OFFICE.match(text)) and full.end() == len(text) and _is_place(full[1]):
        return text
    found = _ANY_OFFICE.match(text)
    return text if found and _is_place(found[1]) and not _NOT_AN_OFFICE.search(found[2]) else ""


_NOT_AN_OFFICE = re.compile(r"[的了和与及在是为对，、]|服务中心|活动中心|照料中心|养老中心")


def _with_title_place(office: str, paras: Sequence[Para]) -> str:
    """信息来源：民生办 under the title 萧县9月份民生工程进展情况: the title's one place."""
    if office[0] in _LEVEL or office not in _OFFICES:
        return ""  # 市民生办 has its level; 上海市浦东新区民政局 its place already
    titles = [p for p in paras[:_TITLE_LINES] if len(p.text) <= 60 and "。" not in p.text]
    places = list(_places(titles))
    return places[0] + office if len(places) == 1 else ""


def _most_named(
    paras: Sequence[Para], national: bool = False, times: int = 1, level: str = ""
) -> Found | None:
    """The office the text names most often as one that acts, of the level it speaks for."""
    counts: Counter[str] = Counter()
    first: dict[str, Para] = {}
    for para in paras:
        for named in _FULL_OFFICE.finditer(para.text):
            found = _past_preposition(para.text, named)
            if _acts(para.text, found) and found[1].endswith(level):
                counts[found[0]] += 1
                first.setdefault(found[0], para)
        for ministry in _NATIONAL_RE.finditer(para.text) if national and not level else ():
            if _cited(para.text, ministry):
                continue
            counts[ministry[0]] += 1
            first.setdefault(ministry[0], para)
    if not counts:
        return None
    office, count = counts.most_common(1)[0]
    return Found(office, first[office].line, first[office].text) if count >= times else None


def _referred(paras: Sequence[Para], level: str = "") -> Found | None:
    """白山市残联召开…。其中，临江市残联被评为…。2009年，市残联在…: a text speaks of its own
    office as plain 市残联 once it has named it; that is the last 某市残联 named before."""
    last: dict[str, re.Match[str]] = {}  # 市残联 → the last full name of that level and office
    counts: Counter[str] = Counter()
    first: dict[str, Para] = {}
    for para in paras:
        names = [_past_preposition(para.text, m) for m in _FULL_OFFICE.finditer(para.text)]
        bare = [m for m in _BARE_OFFICE.finditer(para.text) if m[2] and m[1]]
        for found in sorted([*names, *bare], key=lambda m: m.start()):
            key = found[1][-1] + found[2]
            if found[1] != found[1][-1]:
                if _is_place(found[1]):
                    last[key] = found
                continue
            named = last.get(key)
            if named is None or _cited(para.text, found) or not named[1].endswith(level):
                continue
            counts[named[0]] += 1
            first.setdefault(named[0], para)
    if not counts:
        return None
    office = counts.most_common(1)[0][0]
    return Found(office, first[office].line, first[office].text)


_PREPOSITIONS = re.compile("[对在为与和向据从]")


def _past_preposition(text: str, found: re.Match[str]) -> re.Match[str]:
    """记者从某县民政局获悉: the match ran from the clause's start (记者从…); the office is the one
    after the preposition."""
    if _is_place(found[1]):
        return found
    inside = list(_PREPOSITIONS.finditer(found[1]))
    if not inside or inside[-1].start() == 0:
        return found
    again = _FULL_OFFICE.match(text, found.start() + inside[-1].end())
    return again if again is not None and again.end() == found.end() else found


# Words before an office the text cites rather than speaks as: 经市民政局批准, 被省民政厅评为,
# 在市民政局的指导下, 向县民政局报送, 与县财政局联合.
_CITED_BEFORE = (
    "被",
    "经",
    "由",
    "向",
    "与",
    "同",
    "会同",
    "联合",
    "配合",
    "获",
    "受",
    "据",
    "按照",
    "根据",
    "争取",
    "报请",
    "报送",
    "协调",
    "在",
    "对",
    "上级",
)


_LEARNT = ("获悉", "了解到", "得知", "获得消息")


def _acts(text: str, found: re.Match[str]) -> bool:
    """A department of a named place, named as one that acts (not a government, not cited)."""
    return _is_place(found[1]) and found[2] != "人民政府" and not _cited(text, found)


def _cited(text: str, found: re.Match[str]) -> bool:
    """An office named as another's: after 被, 经, 在, 从…; inside 《…》 or “…”. Not the source a
    news item gives for itself (据某市人社局消息, 记者从某市人社局获悉): that office is the one
    reporting."""
    before = text[: found.start()]
    if before.count("《") > before.count("》") or before.count("“") > before.count("”"):
        return True
    if before.endswith("据") and text.startswith("消息", found.end()):
        return False
    if before.endswith("从"):  # 记者从某县民政局获悉: the source; 从市民政局争取: another's
        return not text.startswith(_LEARNT, found.end())
    return before.endswith(_CITED_BEFORE)


def _completed(paras: Sequence[Para], level: str = "") -> Found | None:
    """区民政局 and the one 区 the text names (常州市武进区) → 常州市武进区民政局; not the
    市民政局 a county's report names as its superior."""
    places = _places(paras)
    for para in paras:
        for found in _BARE_OFFICE.finditer(para.text):
            if not found[2] or _cited(para.text, found) or not _fits(found[1] + found[2], level):
                continue
            if completed := _with_place(found[1] + found[2], paras, places):
                return Found(completed, para.line, para.text)
    return None


def _with_place(office: str, paras: Sequence[Para], places: Counter[str] | None = None) -> str:
    """市民生办 + 萧县?  An office without its place takes the place of its level that the
    text names, when the text names exactly one (the most named among several is no answer)."""
    level = office[0] if office[0] in _LEVEL else ""
    if not level:
        return ""  # 民政局 alone: of which city, county or district?
    named = [place for place in (places or _places(paras)) if place.endswith(level)]
    if level == "省" and not named:
        named = list(_provinces(paras))
    return named[0] + office[1:] if len(named) == 1 else ""


def _provinces(paras: Sequence[Para]) -> set[str]:
    """The provinces named without 省: 今年江苏将… → 江苏省."""
    return {f"{m[1] or m[2]}省" for p in paras for m in _PROVINCE.finditer(p.text)}


def _places(paras: Sequence[Para]) -> Counter[str]:
    """Every place the text names (仙居县, 常州市武进区), counted."""
    places: Counter[str] = Counter()
    for para in paras:
        for found in _PLACE_NAME.finditer(para.text):
            if place := _trim(found[1]):
                places[place] += 1
        for step in _breadcrumb_steps(para):
            if _NAMED_DISTRICT.fullmatch(step):
                places[step] += 1
    return places


# 首页 > 萧山区 > 政务公开: a breadcrumb's step that is one name is the place whose pages these are,
# even one that ends like a word (萧山区, 越城区; not 老城区 or 主城区)
_NAMED_DISTRICT = re.compile(r"(?!主|老|旧)[\u4e00-\u9fff](?:城区|新区|山区)")


def _breadcrumb_steps(para: Para) -> list[str]:
    if not _BREADCRUMB_MARKS.search(para.text) or "。" in para.text:
        return []
    return [step.strip() for step in _BREADCRUMB_MARKS.split(para.text)]


# Verbs a place follows as their object: 启用金华市儿童福利院, 走进仙居县.
_VERB_BEFORE = re.compile(
    "^(?:"
    + "|".join(
        sorted(
            {
                verb
                for verb in (
                    *wording.ACTS,
                    *frontlib.NOT_A_PLACE_START,
                    *_CITED_BEFORE,  # 根据市卫健委: a preposition, then a level
                    "启用",
                    "走进",
                    "来到",
                    "获得",
                )
                if len(verb) >= 2
            },
            key=len,
            reverse=True,
        )
    )
    + ")"
)
_VERB_THEN_LEVEL = re.compile(_VERB_BEFORE.pattern[1:] + f"[{_LEVEL}]$")


def _verb_then_level(place: str) -> bool:
    """紧紧围绕区(委), 根据市(卫健委): a verb or preposition just before the first level is no
    place's name (the words before it are not one either)."""
    level = re.search(f"[{_LEVEL}]", place)
    return bool(level and _VERB_THEN_LEVEL.search(place[: level.end()]))


_NAME_MAX = 4  # 乌鲁木齐, 呼和浩特: longer names are autonomous areas (…自治州)


def _trim(place: str) -> str:
    """The place at the start of a run: 仙居县乡镇 → 仙居县; not 全市, 城区, 社区."""
    place = _NOT_IN_A_PLACE.split(place[:-1])[-1] + place[-1]  # 加大对黄骅市 → 黄骅市
    verb = _VERB_BEFORE.match(place)
    if verb and len(place) - verb.end() >= 3:
        place = place[verb.end() :]  # 启用金华市 → 金华市
    elif verb or _verb_then_level(place):
        return ""  # 完成市级…, 紧紧围绕区委, 根据市卫健委: a verb and a level, no place
    found = re.match(rf"(?:[\u4e00-\u9fff]{{1,8}}?[{_LEVEL}](?:(?<=州)[市区县])?)+?", place)
    while found and place:
        candidate = found[0]
        if len(candidate) > _NAME_MAX + 1 and "自治" not in candidate:
            return ""  # 到账金额均居宁波市: words before a name, which cannot be told from it
        longer = re.match(rf"{re.escape(candidate)}(?:[\u4e00-\u9fff]{{2,8}}?[区县])", place)
        if longer and _is_place(longer[0]):
            candidate = longer[0]  # 常州市武进区, 榆林市榆阳区
        return candidate if _is_place(candidate) else ""
    return ""


_LEADING_WORDS = "经据按依凭"  # not 随: 随县 is a county


def _is_place(place: str) -> bool:
    if len(place) < 2 or (
        _NOT_PLACES.search(place)
        and not _CITY_IN_A_WORD.fullmatch(place)
        and not _DISTRICT_OF_CITY.fullmatch(place)
    ):
        return False
    if place.startswith(frontlib.NOT_A_PLACE_START) or frontlib.NEVER_IN_A_PLACE.search(place):
        return False
    if _NOT_IN_A_PLACE.search(place[:-1]) or _verb_then_level(place):
        return False
    if len(place) == 2 and place[0] in _LEADING_WORDS:
        return False  # 经县乡村三级联动核实: 经 says through whom, no county is named 经县
    return len(place) >= 3 or place.endswith(("县", "旗", "盟"))  # 萧县; never 城市


def _line_of(paras: Sequence[Para], text: str) -> int:
    return next((p.line for p in paras if p.text == text), 0)


def _first_line_with(paras: Sequence[Para], words: str) -> tuple[int, str]:
    para = next((p for p in paras if words in p.text), None)
    return (para.line, para.text) if para else (0, "")
