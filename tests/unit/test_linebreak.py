"""Chinese line breaking: the one function every table and text box wraps with."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwriter.linebreak import NOT_AT_LINE_END, NOT_AT_LINE_START, cells, wrap

SENTENCE = "上年有实绩、本年无目标：低保标准（2023年 1020元），新建和提升改造20家社区，“冬暖夏凉”赠送用电低收入家庭户数（2023年 1.2万户）。"


@pytest.mark.parametrize("width", range(12, 60))  # the longest unbreakable piece: 12 cells
def test_no_line_starts_or_ends_with_a_forbidden_mark(width: int) -> None:
    lines = wrap(SENTENCE, width)
    assert all(cells(line) <= width for line in lines)
    assert all(line[0] not in NOT_AT_LINE_START for line in lines[1:])
    assert all(line[-1] not in NOT_AT_LINE_END for line in lines)
    assert "".join(lines).replace(" ", "") == SENTENCE.replace(" ", "")


@pytest.mark.parametrize(
    "figure", ["1020元", "20家", "1.2万户", "2023年", "90%", "15万名", "50 个"]
)
@pytest.mark.parametrize("width", range(8, 40))
def test_a_figure_stays_whole_with_its_unit(figure: str, width: int) -> None:
    text = f"为困难群众提供服务，标准达到{figure}，全面完成年度任务。"
    assert any(figure in line for line in wrap(text, width))


@pytest.mark.parametrize("name", [".xlsx", "planwriter.toml", "gbt9704.toml", "--year"])
@pytest.mark.parametrize("width", range(22, 40))  # the longest piece: （planwriter.toml），
def test_a_file_name_stays_whole(name: str, width: int) -> None:
    text = f"分解表是各处室填写后交回的任务分解表（{name}），请按时交回。"
    assert any(name in line for line in wrap(text, width))


@pytest.mark.parametrize("width", range(8, 40))
def test_a_space_before_a_file_name_is_no_line_start(width: int) -> None:
    lines = wrap("导入工作要点（.txt、PDF，或 .doc、.wps）为计划", width)
    assert all(line == line.strip() for line in lines)


def test_a_word_longer_than_a_line_is_cut_and_own_breaks_kept() -> None:
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap("一行\n两行", 20) == ["一行", "两行"]


CJK = st.sampled_from(list("民政工作要点养老服务新增个家人元，。、；：（）“”0123456789 "))


@given(st.text(CJK, min_size=1, max_size=80), st.integers(min_value=6, max_value=40))
def test_wrapping_keeps_every_character_and_fits(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cells(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
