"""Long titles break between words into a trapezoid or a diamond (GB/T 9704 7.3.3), judged
by a word segmenter on titles of the kinds a 民政局 issues."""

from __future__ import annotations

import itertools
import subprocess
import sys

import jieba
import pytest
from paths import ROOT

from planwriter.render.measure import text_width
from planwriter.render.profile import load_profile
from planwriter.render.titles import break_title

TITLES = [
    "常州市民政局关于印发《2024年全市民政工作要点》的通知",
    "常州市民政局关于进一步加强城乡社区治理现代化建设的实施意见",
    "江苏省民政厅关于印发《江苏省养老服务体系建设“十四五”规划》的通知",
    "常州市民政局常州市财政局关于调整城乡最低生活保障标准的通知",
    "常州市人民政府办公室关于推进基本养老服务体系建设的实施意见",
    "常州市民政局关于开展2024年度全市社会组织等级评估工作的通知",
    "关于做好2024年元旦春节期间困难群众走访慰问工作的通知",
    "常州市民政局关于公布第三批市级社区治理创新实验区名单的通知",
    "常州市民政局关于进一步规范殡葬服务收费管理的指导意见",
    "常州市民政局关于2023年度全市民政工作情况和2024年工作打算的报告",
    "常州市民政局关于申请设立常州市儿童福利指导中心的请示",
    "常州市民政局关于表彰2023年度全市民政系统先进集体和先进个人的决定",
    "常州市民政局关于印发《常州市居家养老服务条例》实施细则的通知",
    "常州市民政局关于加快推进智慧养老服务平台建设的实施方案",
    "常州市民政局关于做好流浪乞讨人员救助管理工作的通知",
    "常州市民政局关于印发《常州市社区工作者职业体系建设办法（试行）》的通知",
    "常州市民政局关于转发《江苏省民政厅关于加强困难群众基本生活保障工作的通知》的通知",
    "常州市民政局关于开展“五社联动”机制创新试点工作的通知",
    "常州市民政局关于进一步做好特困人员供养服务机构安全管理工作的通知",
    "常州市民政局关于建立健全社会救助家庭经济状况核对机制的意见",
    "常州市民政局关于推动慈善事业高质量发展助力共同富裕的实施意见",
    "常州市民政局关于印发《2024年全市养老服务设施建设三年行动计划》的通知",
    "2024年常州市民政事业高质量发展暨城乡社区治理现代化建设工作要点",
    "常州市民政局关于印发《常州市困难群众救助办法》的通知",
    "常州市民政局关于印发《2024年全市社会救助工作要点》的通知",
    "常州市民政局关于进一步加强养老机构安全管理的通知",
]
LIMIT = load_profile().style("title")["title_chars_per_line"]


def boundaries(title: str) -> set[int]:
    ends = itertools.accumulate(len(word) for word in jieba.cut(title, HMM=True))
    return set(ends)


@pytest.mark.parametrize("title", TITLES)
def test_lines_break_between_words_and_fit_the_type_area(title: str) -> None:
    lines = break_title(title, LIMIT)
    assert "".join(lines) == title and len(lines) >= 2
    cuts = set(itertools.accumulate(len(line) for line in lines[:-1]))
    assert cuts <= boundaries(title), (lines, cuts - boundaries(title))
    style = load_profile().style("title")
    page = load_profile().page
    type_area_pt = (page["width_mm"] - page["left_mm"] - page["right_mm"]) * 72 / 25.4
    assert all(text_width(line) * style["size_pt"] <= type_area_pt for line in lines)
    assert all(text_width(line) <= LIMIT for line in lines)
    assert all(line.count("“") == line.count("”") for line in lines)  # a quoted term whole


@pytest.mark.parametrize("title", TITLES)
def test_lines_make_a_trapezoid_or_a_diamond(title: str) -> None:
    widths = [text_width(line) for line in break_title(title, LIMIT)]
    peak = widths.index(max(widths))
    rising, falling = widths[: peak + 1], widths[peak:]
    assert rising == sorted(rising) and falling == sorted(falling, reverse=True), widths
    assert min(widths) >= 0.5 * max(widths), widths  # no lone tail


def joint_layouts(title: str) -> list[list[str]]:
    """Two lines cut after 关于… or before 的通知 that fit and make a trapezoid (neither
    line under 60% of the other)."""
    cuts = [
        title.index("关于") + len(j)
        for j in ("关于", "关于印发", "关于转发", "关于进一步")
        if title[title.index("关于") :].startswith(j)
    ]
    cuts.append(len(title) - len("的通知"))
    found = []
    for cut in cuts:
        lines = [title[:cut], title[cut:]]
        widths = [text_width(line) for line in lines]
        if max(widths) <= LIMIT and min(widths) >= 0.6 * max(widths):
            found.append(lines)
    return found


NOTICES = [t for t in TITLES if t.endswith("的通知") and "关于" in t]


@pytest.mark.parametrize("title", NOTICES)
def test_notice_titles_break_after_guanyu_or_before_de_tongzhi(title: str) -> None:
    """Where a trapezoid comes of it, a notice's title breaks at its own joints."""
    lines = break_title(title, LIMIT)
    joints = joint_layouts(title)
    if joints:
        assert lines in joints, (lines, joints)


def test_some_notice_titles_do_break_at_their_joints() -> None:
    assert sum(bool(joint_layouts(t)) for t in NOTICES) >= 4  # else the test above proves little


def test_the_examples_render_never_loads_the_segmenter() -> None:
    """Its titles break at their joints: a cold render stays near Python's start."""
    code = (
        "import sys, tempfile, pathlib\n"
        "from planwriter.cli import main\n"
        "out = pathlib.Path(tempfile.mkdtemp()) / 'x.docx'\n"
        f"main(['render', {str(ROOT / 'plans' / 'changzhou' / '2024.plan.yaml')!r}, '-o', str(out)])\n"
        "print('JIEBA', 'jieba' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert "JIEBA False" in done.stdout, done.stderr
