"""styles.xml, fontTable.xml and the theme: where every font, size, spacing and indent lives.

Paragraphs name a style and runs carry no formatting of their own, so a secretary who
changes 公文正文 once in Word changes every body paragraph. Bold run-in titles and table
headers are character styles for the same reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planwriter.render.ooxml import NAMESPACES, el, part, w

if TYPE_CHECKING:
    from planwriter.render.profile import Profile

# Word matches built-in styles by name ("heading 1"); ours keep Chinese names of their own.
STYLE_IDS = {
    "body": ("PWBody", "公文正文"),
    "title": ("Title", "Title"),
    "heading1": ("Heading1", "heading 1"),
    "heading2": ("Heading2", "heading 2"),
    "task": ("PWTask", "公文任务"),
    "recipients": ("PWRecipients", "公文主送"),
    "signature": ("PWSignature", "公文署名"),
    "remark": ("PWRemark", "公文附注"),
    "attachment": ("PWAttachment", "公文附件说明"),
    "table": ("PWTable", "公文表格"),
    "progress_table": ("PWProgressTable", "公文进度表格"),
    "chart": ("PWChart", "公文图表"),
    "page_number": ("Footer", "footer"),
    "banji": ("PWBanji", "公文版记"),
    "masthead": ("PWMasthead", "公文发文机关标志"),
    "doc_number": ("PWDocNumber", "公文发文字号"),
    "masthead_note": ("PWMastheadNote", "公文份号密级"),
    "annex_label": ("PWAnnexLabel", "公文附件标识"),
    "breakdown": ("PWBreakdown", "公文分解表领域行"),
}
# the bold part of a paragraph of that style: a character style, so it can be restyled once
CHAR_STYLES = {
    "task": ("PWTaskTitle", "公文任务标题"),
    "table": ("PWTableHeader", "公文表头"),
    "progress_table": ("PWProgressTableHeader", "公文进度表头"),
    "doc_number": ("PWIssuerName", "公文签发人姓名"),
}
OUTLINE_LEVEL = {"heading1": 0, "heading2": 1}
BUILTIN_STYLES = {"title", "heading1", "heading2", "page_number"}
# after a title or a heading, Word goes on in the body style
NEXT_IS_BODY = {"title", "heading1", "heading2", "masthead", "doc_number"}
# their own line height (a table's rows, the footer, the 版记's frames); the rest keep the pitch
OWN_LINE_HEIGHT = {"table", "breakdown", "progress_table", "chart", "page_number", "banji"}
ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def style_id(name: str) -> str:
    """A profile's own style: PW + its name, anything but letters and digits spelt out, so an
    id never needs quoting (python-docx and Word look styles up by id in XPath)."""
    if name in STYLE_IDS:
        return STYLE_IDS[name][0]
    safe = "".join(ch if ch.isalnum() else f"_{ord(ch):x}" for ch in name.title())
    return "PW" + safe.replace("_5f", "")


def char_style_id(paragraph_style: str) -> str:
    return CHAR_STYLES.get(paragraph_style, ("PWStrong", "公文加粗"))[0]


def twips(points: float) -> int:
    return round(points * 20)


def char_twips(profile: Profile, style: str) -> float:
    s = profile.style(style)
    return (s["size_pt"] + s["char_spacing_pt"]) * 20


def indent(
    profile: Profile, style: str, first: float = 0, left: float = 0, right: float = 0
) -> str:
    """w:ind in characters of `style` (the *Chars attributes Word prefers) and in twips."""
    unit = char_twips(profile, style)
    return w(
        "ind",
        left=round(left * unit),
        right=round(right * unit),
        firstLine=round(first * unit),
        leftChars=round(left * 100),
        rightChars=round(right * 100),
        firstLineChars=round(first * 100),
    )


def fonts(profile: Profile, style: str) -> str:
    s = profile.style(style)
    east, latin = profile.font(s["font"]).name, profile.font(s["latin_font"]).name
    return w("rFonts", ascii=latin, hAnsi=latin, eastAsia=east, cs=latin, hint="eastAsia")


def run_props(profile: Profile, style: str, bold: bool | None = None) -> str:
    s = profile.style(style)
    half_points = round(s["size_pt"] * 2)
    strong = s.get("bold") if bold is None else bold
    return el(
        "w:rPr",
        None,
        fonts(profile, style),
        w("b") + w("bCs") if strong else "",
        w("color", s["color"]) if s.get("color") else "",
        w("spacing", twips(s["char_spacing_pt"])) if s["char_spacing_pt"] else "",
        w("sz", half_points),
        w("szCs", half_points),
    )


_BUILT: dict[str, str] = {}  # styles.xml by profile: a batch renders with one profile


def styles(profile: Profile) -> str:
    key = repr((profile.page, profile.fonts, profile.styles))
    if key not in _BUILT:
        if len(_BUILT) > 8:
            _BUILT.clear()
        _BUILT[key] = _styles(profile)
    return _BUILT[key]


def _styles(profile: Profile) -> str:
    body = profile.style("body")
    pitch = twips(profile.page["line_pitch_pt"])
    defaults = el(
        "w:docDefaults",
        None,
        el(
            "w:rPrDefault",
            None,
            el(
                "w:rPr",
                None,
                fonts(profile, "body"),
                w("sz", round(body["size_pt"] * 2)),
                w("lang", "en-US", eastAsia="zh-CN", bidi="ar-SA"),
            ),
        ),
        el("w:pPrDefault", None, el("w:pPr", None, w("widowControl", 0), _spacing(pitch))),
    )
    normal = el(
        "w:style",
        {"w:type": "paragraph", "w:default": 1, "w:styleId": "Normal"},
        w("name", "Normal"),
        w("qFormat"),
        el("w:pPr", None, w("widowControl", 0), w("jc", "both")),
    )
    default_font = el(
        "w:style",
        {"w:type": "character", "w:default": 1, "w:styleId": "DefaultParagraphFont"},
        w("name", "Default Paragraph Font"),
        w("uiPriority", 1),
        w("semiHidden"),
        w("unhideWhenUsed"),
    )
    table_normal = el(
        "w:style",
        {"w:type": "table", "w:default": 1, "w:styleId": "TableNormal"},
        w("name", "Normal Table"),
        el(
            "w:tblPr",
            None,
            el(
                "w:tblCellMar",
                None,
                w("left", w=108, type="dxa"),
                w("right", w=108, type="dxa"),
            ),
        ),
    )
    paragraph_styles = [_paragraph_style(profile, name, pitch) for name in profile.styles]
    character_styles = [
        _character_style(profile, name) for name in CHAR_STYLES if name in profile.styles
    ]
    return part(
        "w:styles",
        NAMESPACES,
        defaults,
        normal,
        default_font,
        *paragraph_styles,
        *character_styles,
        el(
            "w:style",
            {"w:type": "character", "w:customStyle": 1, "w:styleId": "PWStrong"},
            w("name", "公文加粗"),
            w("basedOn", "DefaultParagraphFont"),
            w("qFormat"),
            el("w:rPr", None, w("b"), w("bCs")),
        ),
        table_normal,
    )


def _spacing(pitch: int) -> str:
    return w("spacing", before=0, after=0, line=pitch, lineRule="exact")


def _paragraph_style(profile: Profile, name: str, pitch: int) -> str:
    s = profile.style(name)
    sid, display = STYLE_IDS.get(name, (style_id(name), name))
    single = round(240 * s.get("line_ratio", 1.0))  # lines as the face sets them, scaled
    spacing = (
        w("spacing", before=0, after=0, line=single, lineRule="auto")
        if name in OWN_LINE_HEIGHT
        else _spacing(pitch)
    )
    outline = OUTLINE_LEVEL.get(name)
    ppr = el(
        "w:pPr",
        None,
        w("keepNext") if outline is not None else "",
        w("widowControl", 0),
        # LibreOffice reads w:overflowPunct inverted (on = no hanging punctuation, 7.4 to
        # today's writerfilter) and, hanging a line-final ，、。 under the body's condensed
        # spacing, does not draw it. On is Word's own default, so Word is unchanged.
        w("overflowPunct", 1),
        spacing,
        indent(profile, name, first=s["first_line_chars"]),
        w("jc", ALIGN[s["align"]]),
        w("outlineLvl", outline) if outline is not None else "",
    )
    return el(
        "w:style",
        {
            "w:type": "paragraph",
            "w:customStyle": 0 if name in BUILTIN_STYLES else 1,
            "w:styleId": sid,
        },
        w("name", display),
        w("basedOn", "Normal"),
        w("next", style_id("body")) if name in NEXT_IS_BODY else "",
        w("qFormat"),
        ppr,
        run_props(profile, name),
    )


def _character_style(profile: Profile, name: str) -> str:
    sid, display = CHAR_STYLES[name]
    s = profile.style(name)
    if name == "doc_number":  # 签发人's name: 3号楷体 (GB/T 9704 7.2.5)
        role = s.get("issuer_font", "kaiti")
        font = profile.font(role).name
        props = w("rFonts", ascii=font, hAnsi=font, eastAsia=font, cs=font, hint="eastAsia")
    else:
        props = w("b") + w("bCs")
    return el(
        "w:style",
        {"w:type": "character", "w:customStyle": 1, "w:styleId": sid},
        w("name", display),
        w("basedOn", "DefaultParagraphFont"),
        w("qFormat"),
        el("w:rPr", None, props),
    )


def font_table(profile: Profile) -> str:
    entries = []
    seen: set[str] = set()
    for font in profile.fonts.values():
        if font.name in seen:
            continue
        seen.add(font.name)
        chinese = not font.name.isascii()
        entries.append(
            el(
                "w:font",
                {"w:name": font.name},
                w("altName", font.fallback) if font.fallback != font.name else "",
                w("charset", "86" if chinese else "00"),
                w("family", "modern" if chinese else "roman"),
                w("pitch", "fixed" if chinese else "variable"),
            )
        )
    return part("w:fonts", NAMESPACES, *entries)


# The smallest theme the Open XML schema accepts (Word requires the part; its fonts are not
# used: every style names its own).
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def theme() -> str:
    def colour(name: str, value: str) -> str:
        return el(f"a:{name}", None, el("a:srgbClr", {"val": value}))

    colours = [
        colour("dk1", "000000"),
        colour("lt1", "FFFFFF"),
        colour("dk2", "1F497D"),
        colour("lt2", "EEECE1"),
        *(
            colour(f"accent{i}", v)
            for i, v in enumerate(("4F81BD", "C0504D", "9BBB59", "8064A2", "4BACC6", "F79646"), 1)
        ),
        colour("hlink", "0000FF"),
        colour("folHlink", "800080"),
    ]

    def font_set(tag: str) -> str:
        return el(
            f"a:{tag}",
            None,
            el("a:latin", {"typeface": "Times New Roman"}),
            el("a:ea", {"typeface": ""}),
            el("a:cs", {"typeface": ""}),
        )

    solid = el("a:solidFill", None, el("a:schemeClr", {"val": "phClr"}))
    line = el("a:ln", {"w": 9525}, solid)
    effect = el("a:effectStyle", None, el("a:effectLst"))
    return part(
        "a:theme",
        {"xmlns:a": _A, "name": "planwriter"},
        el(
            "a:themeElements",
            None,
            el("a:clrScheme", {"name": "planwriter"}, *colours),
            el(
                "a:fontScheme", {"name": "planwriter"}, font_set("majorFont"), font_set("minorFont")
            ),
            el(
                "a:fmtScheme",
                {"name": "planwriter"},
                el("a:fillStyleLst", None, solid, solid, solid),
                el("a:lnStyleLst", None, line, line, line),
                el("a:effectStyleLst", None, effect, effect, effect),
                el("a:bgFillStyleLst", None, solid, solid, solid),
            ),
        ),
    )
