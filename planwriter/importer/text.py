"""Lines of a published text made ready to read: Chinese punctuation restored, web debris found.

Web copies of official documents often carry ASCII , : ( ) where the original has ，：（）,
and the page around the document (breadcrumbs, view counters, ICP numbers) comes along.
Every change here maps one character to one, so positions in a line still hold.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from planwriter.importer.formats import FIRST_LINE_INDENT
from planwriter.importer.reading import Line
from planwriter.quantity import decimal_stops

_STRIP = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "\u200b\ufeff"
_WIDE_PUNCT = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_OPEN, _CLOSE = "(", ")"
TERMINAL = "。；！？"  # marks that end a sentence
_HEADING_START = re.compile(
    r"[一二三四五六七八九十]{1,3}\s*[、.．]"
    r"|[（(]\s*[一二三四五六七八九十0-9０-９]"
    r"|[0-9０-９]{1,3}\s*[、.．](?![0-9０-９])|[①-⑳]"
)


@dataclass
class Para:
    """One paragraph of the document: its text (normalised) and where each part came from."""

    text: str
    line: int  # the source line (or Word paragraph) it starts on
    offset: int = 0  # column in the source line where `text` starts, 0-based
    # (start in text, line, offset) of each source line joined into this paragraph
    joined: list[tuple[int, int, int]] = field(default_factory=list)
    # a table's cell read with its row's name (减少大班额1.4万个以上869): the figures before
    # words_end are the name's words; the cell's bare figure is named by its column
    words_end: int = 0
    in_cell: bool = False

    def position(self, index: int) -> tuple[int, int]:
        """The source line and 1-based column of text[index]."""
        start, line, offset = 0, self.line, self.offset
        for seg_start, seg_line, seg_offset in self.joined:
            if seg_start <= index:
                start, line, offset = seg_start, seg_line, seg_offset
        return line, offset + index - start + 1


def is_wide(char: str) -> bool:
    """Chinese characters, full-width forms and curly quotes: what Chinese punctuation sits by."""
    return ord(char) >= 0x2E80 or char in "“”‘’…—·"


def restore_punctuation(text: str) -> str:
    """ASCII , : ; ? ! ( ) beside Chinese become ，：；？！（）; 1,000 and 10:30 stay."""
    chars = list(text)
    for i, char in enumerate(chars):
        if char in _WIDE_PUNCT and _beside_wide(text, i, i):
            chars[i] = _WIDE_PUNCT[char]
    for open_at, close_at in _bracket_pairs(text):
        inside = text[open_at + 1 : close_at] if close_at is not None else ""
        if any(is_wide(c) for c in inside) or _beside_wide(text, open_at, close_at or open_at):
            chars[open_at] = "（"
            if close_at is not None:
                chars[close_at] = "）"
    return "".join(chars)


def _beside_wide(text: str, first: int, last: int) -> bool:
    before = text[first - 1] if first > 0 else ""
    after = text[last + 1] if last + 1 < len(text) else ""
    return bool(before and is_wide(before)) or bool(after and is_wide(after))


def _bracket_pairs(text: str) -> list[tuple[int, int | None]]:
    pairs: list[tuple[int, int | None]] = []
    stack: list[int] = []
    for i, char in enumerate(text):
        if char == _OPEN:
            stack.append(i)
        elif char == _CLOSE and stack:
            pairs.append((stack.pop(), i))
    pairs.extend((i, None) for i in stack)
    return pairs


def clean(line: Line, close_spaces: bool = True) -> Para | None:
    """The line stripped and with its punctuation restored; None when nothing is left.

    Text copied out of a PDF or a web page often has spaces between a figure and its words
    (发放低保金 893.36 万元, 新增 7069张 公办养老床位); they go, and each removal is recorded
    so positions still map to the source line. A table's row keeps them: they part its cells.
    """
    raw = line.text.replace("\t", " ")
    stripped = raw.strip(_STRIP)
    if not stripped:
        return None
    offset = len(raw) - len(raw.lstrip(_STRIP))
    para = Para(restore_punctuation(stripped), line.number, offset)
    gaps = _FIGURE_SPACE if close_spaces else None  # not between a table's cells
    _drop(para, [gap for gap in (gaps, _PINYIN_GLOSS, _MARKUP) if gap is not None])
    return para if para.text.strip(_STRIP + "•·") else None  # a line of markup alone: nothing


_FIGURE_SPACE = re.compile(
    r"(?<=[0-9])[ \u3000\xa0]+(?=[\u4e00-\u9fff%‰])|(?<=[\u4e00-\u9fff])[ \u3000\xa0]+(?=[0-9])"
)


_DATE_OR_TIME_END = re.compile(r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?)$")


# A reposted news page may gloss characters with their pinyin, run into the text: 四萬(wàn)人,
# 項(xiàng)目. The gloss goes (a syllable or two of Latin letters, one at least with a tone mark),
# so words and units read as written; (A3), (km) and 《…》(2024) stay.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_GLOSS = re.compile(
    rf"(?<=[\u4e00-\u9fff])（(?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}"
    rf"(?:\s?[a-zü{_TONED}]{{1,7}})?）"
)


# A page's HTML copied as text (<del id="ga2r8"></del>, a tag's end whose < a wrong glyph ate:
# …实?/span>1.6倍): no words of the document
_MARKUP = re.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]{0,9}(?:\s+[a-zA-Z-]+=\"[^\"<>]*\")*\s*/?>"
    r"|(?<![a-zA-Z<])/(?:span|div|p|font|a|b|i|em|strong|del|dfn|dl|dt|dd|li|ul|td|tr)>"
)


def _drop(para: Para, patterns: list[re.Pattern[str]]) -> None:
    """Take out of the paragraph what the patterns match (a figure's spaces, pinyin glosses),
    recording each cut so positions still map to the source line."""
    cuts = sorted(
        (gap.start(), gap.end())
        for pattern in (*patterns, _PAGE_MARK)  # a page mark goes from every line
        for gap in pattern.finditer(para.text)
        if pattern is not _FIGURE_SPACE
        or not _DATE_OR_TIME_END.search(para.text, 0, gap.start())  # 2024-01-11 发布机构
    )
    if not cuts:
        return
    pieces, segments, kept, source = [], [(0, para.line, para.offset)], 0, 0
    for start, end in cuts:
        if start < source:
            continue  # overlapping cuts: the first one stands
        pieces.append(para.text[source:start])
        kept += start - source
        source = end
        segments.append((kept, para.line, para.offset + source))
    pieces.append(para.text[source:])
    para.text = "".join(pieces)
    para.joined = segments


# --- web-page debris -------------------------------------------------------------------

# 第1页共6页县残联工作报告: a document site's page mark run into the text, no word of it (alone on
# its line, the mark is debris, and the line goes whole)
_MARK = r"第\s*\d{1,3}\s*页\s*[,，/]?\s*共\s*\d{1,3}\s*页"
# A page's number printed at its foot (— 13 —, 第3页, 第3页 共8页), which a PDF's text puts
# wherever the page turned, often inside a paragraph
_PAGE_NUMBER = rf"^[—\-－–]\s*\d{{1,3}}\s*[—\-－–]$|^第\s*\d{{1,3}}\s*页$|^{_MARK}$"
_DEBRIS = [
    re.compile(p)
    for p in (
        r"(浏览|阅读|点击|访问)(次数|量|数|率)\s*([:：]|\d*$)|字号\s*[:：]|【\s*(大|中|小)\s*】",
        r"^(您的|当前)?(所在)?位置\s*[:：]|^(首页|主页|网站首页)\s*(>|>>|»|＞|›|/|→)|(>>|»|＞＞)\s*(内容|正文|详情)",
        r"^(发布|发表|更新|生成|成文)(日期|时间)\s*[:：]|^(信息)?来源\s*[:：]|^作者\s*[:：]|^责任编辑",
        r"下载本信息公开文件|扫一扫|在手机(上)?(打开|浏览|查看)|手机扫码|打开微信",
        r"【?\s*打印(本页|此页|文章|页面)?\s*】|【?\s*关闭(窗口|本页)\s*】|【\s*(收藏|返回顶部|顶部)\s*】",
        r"^(打印本页|关闭窗口|返回顶部|保存本页|收藏本页|我要纠错|分享到\s*[:：]?)",
        r"ICP\s*备|公网安备|网站标识码|网站识别码|^版权所有|Copyright|©|^主办(单位)?\s*[:：]|"
        r"^承办(单位)?\s*[:：]|^技术支持|^网站地图|^联系我们|^设为首页|^加入收藏|^无障碍|^长者模式|^关怀版",
        r"^(索引号|主题分类|体裁分类|发布机构|公开方式|公开范围|公开时限|信息分类|组配分类|"
        r"服务对象|有效性|文号|统一编号)\s*[:：]",
        r"^(上一篇|下一篇|相关(链接|阅读|新闻|文章|附件)|附件下载)\s*[:：]?",
        r"^(字体|字号)\s*[:：]?\s*[大中小]|^视力保护色|^\s*[〖【\[]?\s*[大中小]\s*[中小]?\s*[〗】\]]?\s*$",
        r"^(?:>|>>|»|＞|›)\s*[^。，]{1,20}(?:\s*(?:>|>>|»|＞|›)\s*[^。，]{1,20})+$",
        r"^(?:索\s*引\s*号|成\s*文\s*日\s*期|发\s*布\s*机\s*构|组\s*配\s*分\s*类|主\s*题\s*分\s*类)",
        r"^\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}日?[^。，]{0,24}(来源|作者|浏览|阅读|点击)",
        _PAGE_NUMBER,
        r"^[\u4e00-\u9fff]{2,20}(?:门户网站|门户网|政府网|官方网站|网站)$",  # the site's name
        # a column of the site alone on its line (政府信息公开, 工作动态): where the page sits
        r"^(?:政府信息公开|信息公开)(?:目录|专栏)?$|^(?:新闻中心|新闻动态|工作动态|政务动态|部门动态)$",
        # a site's address alone: China.dot.org (a letter in each end part, so never 12.5)
        r"^(?:https?://)?[A-Za-z0-9-]*[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/?$",
        # a page's date alone, as a site prints it (2026-01-28, / 2024-02-29 10:27:28); not a
        # signature's 2024年1月10日
        r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[,，]?$",
        # a forum's post stamp: TUhjnbcbe - 2023/10/31 18:04:00
        r"^[A-Za-z0-9_.]{2,}\s+[-–—]\s+\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}[\d:\s]*$",
        r"^(?:阅读|浏览|点击|访问|点赞|收藏|分享|评论|转发|在看)(?:量|数|次数)?\s*[:：(（]?\s*[\d.]+\s*万?\+?"
        r"\s*(?:次|人次)?[)）]?$",
    )
]
_PAGE_MARK = re.compile(rf"(?<=\S)\s*{_MARK}|{_MARK}\s*(?=\S)")
_PUNCT_ONLY = re.compile(r"^[\W_]+$")
_PAGE_NUMBER_LINE = re.compile(_PAGE_NUMBER)
DEBRIS_MAX = 160  # a real paragraph is never dropped however it reads
_PUBLISHED = re.compile(
    r"(?:发布|发表|成文|生成)(?:日期|时间)\s*[:：]?\s*"
    r"(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})"
)
_DOC_NUMBER_FIELD = re.compile(r"文号\s*[:：]\s*(\S+〔\d{4}〕\s*\d+\s*号)")


def is_debris(text: str) -> bool:
    """A line of the web page around the document; a sentence of the document never is."""
    if _PUNCT_ONLY.match(text):
        return True
    if len(text) > DEBRIS_MAX or "。" in text or text.count("，") >= 2:
        return False
    text = text.lstrip(_BULLETS)  # • 发布机构：, a field of a page's list
    return any(pattern.search(text) for pattern in _DEBRIS)


_BULLETS = "•·▪◆■●※*- "
# Lines that close a news article or a page's document: its editor and credits, the links to
# other pages. A page may space a label's characters to align them (编 辑：, 审 核：).
_CREDITS = ("责任编辑", "编辑", "审核", "校对", "终审", "初审", "复审", "来稿", "供稿", "图文来源")
_ARTICLE_END = re.compile(
    r"^[【\[（(]?\s*(?:" + "|".join(r"\s?".join(word) for word in _CREDITS) + r")\s*[:：]|"
    r"^(?:相关(?:新闻|阅读|链接|文章|推荐|稿件|信息)|推荐阅读|延伸阅读|热点新闻|热门(?:新闻|文章|推荐)"
    r"|猜你喜欢|更多新闻|精彩推荐|上一篇|下一篇|上一条|下一条)|^[（(]完[）)]$"
)


def ends_article(text: str) -> bool:
    """责任编辑：…, 相关新闻, 上一篇: after such a line the page shows other pages, not the text."""
    return (
        len(text) <= DEBRIS_MAX
        and "。" not in text
        and bool(_ARTICLE_END.match(text.lstrip(_BULLETS)))
    )


# A page's field whose value stands on the next line (• 发文机构：/ 县民政局), as an 索引号
# table copied cell by cell puts it.
_FIELD_ALONE = re.compile(
    r"^[•·▪◆■●※*\- ]*(?:索引号|主题分类|体裁分类|发布机构|发文机构|发文机关|发文字号|文号|成文日期"
    r"|发文日期|发布日期|发布时间|信息来源|来源|公开方式|公开范围|有效性|组配分类|内容概述)\s*[:：]?$"
)
FIELD_VALUE_MAX = 40


def is_field_alone(text: str) -> bool:
    """A page's field name with its value on the next line."""
    return bool(_FIELD_ALONE.match(text))


_GLUED_HEADING = re.compile(r"\s(?=[一二三四五六七八九十]{1,3}、)")


def split_glued_heading(para: Para) -> list[Para]:
    """2012年05月31日 来源：上海普陀 一、新增养老床位300张: a web page's date line with the
    document's first heading on it becomes two lines."""
    for gap in _GLUED_HEADING.finditer(para.text):
        head = para.text[: gap.start()]
        if is_debris(head):
            rest = Para(para.text[gap.end() :], para.line, para.offset + gap.end())
            return [Para(head, para.line, para.offset), rest]
    return [para]


def published_date(text: str) -> str:
    """2024-01-11 from a web page's 发布日期 line, else empty."""
    found = _PUBLISHED.search(text.replace("\n", ""))
    if not found:
        return ""
    year, month, day = found.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def document_number(text: str) -> str:
    found = _DOC_NUMBER_FIELD.search(text.replace("[", "〔").replace("]", "〕"))
    return found[1].replace(" ", "") if found else ""


# --- text copied from a PDF: lines broken at a fixed width ----------------------------


def join_wrapped(paras: list[Para]) -> list[Para]:
    """Join hard-wrapped lines back into paragraphs, when the text was wrapped at all.

    A line of web debris never continues the line before it; a line of bare punctuation
    (the 。 that fell off a full line) always does. A page's number between two lines is
    stepped over: the page turned, the paragraph did not. Where the text indents its
    paragraphs' first lines (a web copy's 　　, a PDF's indent: formats.INDENT), that says where
    each begins: an indented line never continues the one before, and an unindented one after a
    full line does even when that line ended on 。.
    """
    width = _wrap_width(paras)
    if width is None:
        return paras
    marked = sum(_is_indented(p) for p in paras) >= 3
    joined: list[Para] = []
    previous: Para | None = None  # the paragraph the next line may continue
    last_length = 0  # of the last physical line, which decides whether the next one continues
    first_line = False  # whether that line began its paragraph
    for para in paras:
        if previous is not None and _PAGE_NUMBER_LINE.match(para.text):
            joined.append(para)
            continue
        apart = (is_debris(para.text) and not _PUNCT_ONLY.match(para.text)) or _is_row(para.text)
        apart = apart or (previous is not None and _is_row(previous.text))
        # a paragraph's first line is indented two characters and holds two fewer
        indent = FIRST_LINE_INDENT if first_line else 0
        if (
            previous is not None
            and not apart
            and not (marked and _is_indented(para))
            and _continues(previous.text, last_length + indent, para.text, width, marked)
        ):
            if not previous.joined:
                previous.joined.append((0, previous.line, previous.offset))
            segments = para.joined or [(0, para.line, para.offset)]
            previous.joined.extend((len(previous.text) + s, ln, o) for s, ln, o in segments)
            previous.text += para.text
            first_line = False
        else:
            previous = Para(para.text, para.line, para.offset, list(para.joined))
            joined.append(previous)
            first_line = True
        last_length = len(para.text)
    return joined


def _is_indented(para: Para) -> bool:
    """A line that opened on a first-line indent (more would be a centred line)."""
    return FIRST_LINE_INDENT <= para.offset <= FIRST_LINE_INDENT + 2


def _is_row(text: str) -> bool:
    """A table's row, its cells joined by "|": a line of its own, never wrapped."""
    return text.count("|") >= 2


def _wrap_width(paras: list[Para]) -> int | None:
    lengths = Counter(len(p.text) for p in paras if len(p.text) >= 20)
    if not lengths:
        return None
    width, _ = lengths.most_common(1)[0]
    near = [p for p in paras if abs(len(p.text) - width) <= 1]
    open_ended = [p for p in near if p.text[-1] not in TERMINAL + "：”）"]
    return width if len(near) >= 5 and len(open_ended) >= 0.6 * len(near) else None


def _continues(
    previous: str, last_length: int, text: str, width: int, indents_say: bool = False
) -> bool:
    """A full-width line goes on in the next one, unless it ends a sentence (when no indent
    says where paragraphs begin), a title or a recipients line, or the next line opens a
    heading."""
    if _PUNCT_ONLY.match(text) and not _PUNCT_ONLY.match(previous):
        return last_length >= width - 1
    return (
        last_length >= width - 1
        and (indents_say or previous[-1] not in TERMINAL + "：:")
        and not _TITLE_END.search(previous)
        and not _HEADING_START.match(text)
    )


_TITLE_END = re.compile(r"(?:通知|要点|计划|安排|意见|方案|报告|总结)$")


# --- sentences and clauses ------------------------------------------------------------

_PAIRS = {"“": "”", "《": "》", "（": "）", "‘": "’", "「": "」", "【": "】"}
CLAUSE_BREAKS = "，；。！？：,;…"  # …… ends a list (43万个、6.9万人次……“这些数字…”)


def spans(text: str, breaks: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces of `text` between break characters outside quotes and brackets.

    The break character itself belongs to no piece; a decimal point written 。 (6。9万) breaks
    nothing.
    """
    pieces: list[tuple[int, int]] = []
    closing: list[str] = []  # the closing marks of the quotes and brackets open here
    start = 0
    points = decimal_stops(text)
    speech = _speech_marks(text)
    for i, char in enumerate(text):
        if i in speech:
            if char == "”":  # the speech ends here: what follows (…负责人称) is the text's own
                pieces.append((start, i))
                start = i + 1
            continue
        if closing and char == closing[-1]:
            closing.pop()
        elif char in _PAIRS:
            closing.append(_PAIRS[char])
        elif char in breaks and not closing and i not in points:
            pieces.append((start, i))
            start = i + 1
    pieces.append((start, len(text)))
    return [(s, e) for s, e in pieces if e > s]


def _speech_marks(text: str) -> set[int]:
    """Where the quotation marks of a quoted speech stand: a quote that ends on its own 。！？
    (“今年，全市计划新增床位5000张。”负责人称) holds sentences, not a name (“十四五”), so its
    sentences and clauses are read like the text's."""
    marks: set[int] = set()
    for found in _SPEECH.finditer(text):
        marks |= {found.start(), found.end() - 1}
    return marks


_SPEECH = re.compile(r"“[^“”]*[。！？]”")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return spans(text, TERMINAL)


def clause_spans(text: str) -> list[tuple[int, int]]:
    return spans(text, CLAUSE_BREAKS)


def first_sentence(text: str) -> tuple[str, str]:
    """The run-in title and the rest; ("", text) without one.

    The title runs to the first 。 outside quotes. Some bureaus end it with ：instead
    (加强低保规范管理：全年开展……), so an early ： before any 。 and any ， ends it too.
    """
    closing: list[str] = []
    for i, char in enumerate(text):
        if closing and char == closing[-1]:
            closing.pop()
        elif char in _PAIRS:
            closing.append(_PAIRS[char])
        elif not closing and (char == "。" or (char == "：" and _COLON_TITLE.match(text[:i]))):
            return text[:i].strip(_STRIP), text[i + 1 :].strip(_STRIP)
    return "", text


_COLON_TITLE = re.compile(r"^[^，,；;。]{2,30}$")


def is_title_like(text: str) -> bool:
    """A short line that is not a sentence: a title or a heading."""
    return len(text) <= 60 and "。" not in text and text[-1] not in "，；：,;:"


# A list numbered with a bare number and a space (1 实施…, 2 建设…), as a web page may print one
# whose dots were lost: the numbers are markers, not figures, when three lines or more count
# 1, 2, 3… in order. They become spaces (one character for one, so positions hold) and each line
# reads as the plain paragraph it is. A spaced table's serial column is left to the table reader.
_SPACED_NUMBER = re.compile(r"^\s*[0-9]{1,2}[ \u3000\xa0]+(?=[\u4e00-\u9fff])")
SPACED_LIST_MIN = 3


def blank_spaced_list(lines: tuple[Line, ...], skip: set[int]) -> tuple[Line, ...]:
    found = [
        (i, m)
        for i, ln in enumerate(lines)
        if ln.number not in skip and (m := _SPACED_NUMBER.match(ln.text))
    ]
    numbers = [int(m[0]) for _, m in found]
    if len(found) < SPACED_LIST_MIN or numbers != list(range(1, len(found) + 1)):
        return lines
    blanked = list(lines)
    for i, m in found:
        blanked[i] = Line(lines[i].number, " " * m.end() + lines[i].text[m.end() :])
    return tuple(blanked)
