"""The author and the year's work read through a copy's marks: a document site's page mark run
into the text, a date's 日 before 县委, the office a title page prints under the title, and a
news report's lead on what has just happened; a task line that lost its 。 is no heading."""

from __future__ import annotations

import pytest

from planwriter import importer, model
from planwriter.problems import InputError

BODY = "全县发放城乡低保金3000万元，新增养老床位200张。"


def results_of(text: str) -> importer.Imported[model.Results]:
    return importer.import_results(importer.source_from_text(text, "page.txt"), year=2023)


@pytest.mark.parametrize(
    "text",
    [
        "第1页共6页县残联工作报告一年来，县残联认真履行职能。" + BODY + "\n",
        "县残联工作报告一年来，县残联认真履行职能。" + BODY + "9月11日县委、县政府出台了纲要。\n",
    ],
    ids=["page_mark", "date_day"],
)
def test_a_page_mark_and_a_date_s_day_make_no_place(text: str) -> None:
    """第1页共6页县残联…: no 页县; 9月11日县委: no 日县. The text names no place of its own, so
    the bureau is asked for."""
    with pytest.raises(InputError) as raised:
        results_of(text)
    assert "--bureau" in raised.value.problems[0].message


def test_the_office_under_a_title_run_into_it_is_the_author() -> None:
    text = "2023年度三明市民政事业发展统计公报三明市民政局2023年，" + BODY + "\n"
    assert results_of(text).model.bureau == "三明市民政局"


def test_a_news_lead_on_what_has_just_happened_is_no_target() -> None:
    text = (
        "本报讯（记者 张某）日前，12名退役士兵光荣返乡。\n"
        "据悉，今年市退役军人事务局将为每位退役军人提供至少3个就业岗位。日前，记者从市民政局"
        "获悉，今年全市将新增养老床位500张。\n"
    )
    plan = importer.import_plan(importer.source_from_text(text, "p.txt"), year=2023, bureau="某局")
    said = {r.literal: r.reason for r in plan.report.figures}
    assert said == {"12名": "import_fig_event", "至少3个": "", "500张": ""}


def test_a_page_mark_alone_on_its_line_is_debris_and_one_run_in_is_dropped() -> None:
    text = "2023年民政工作总结\n第1页共6页\n全县新增养老床位200张。第2页共6页\n第3页共6页发放低保金3000万元。\n"
    imported = importer.import_results(importer.source_from_text(text, "p.txt"), bureau="某局")
    assert [r.quote for r in imported.report.figures] == [
        "全县新增养老床位200张",
        "发放低保金3000万元",
    ]


def test_a_line_that_lost_its_full_stop_but_does_a_counted_thing_is_a_task() -> None:
    """Under the bare heading 居住, 为新市民提供8500套保障性租赁住房 (its 。 lost in the copy) is a
    task with a target, not a heading; 教育 is a heading."""
    text = (
        "今年主要预期目标为：地区生产总值增长5%左右。此外，今年的重点工作还涉及居住、教育等内容：\n\n"
        "居住\n\n改造城镇老旧小区410万平方米。\n\n"
        "为新市民、青年人等群体 提供8500套保障性租赁住房\n\n教育\n\n新增义务教育学位2.2万个。\n"
    )
    plan = importer.import_plan(importer.source_from_text(text, "p.txt"), year=2023, bureau="某局")
    assert [d.title for d in plan.model.domains][-2:] == ["居住", "教育"]
    assert [t.value for _, t in plan.model.targets()] == ["5%", "410万", "8500", "2.2万"]
