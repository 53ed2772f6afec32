"""Figures that are no work of the year, read from how a Chinese text says them: the money set aside
for a task and its sources, a chart's labels run into the text, a share with a note in its
cell, items counted by their progress, a rate a payment is reckoned by, the measures of a
policy, a running total in a plan; and two that are: a standard given as a range, a growth rate
stated as about so much."""

from __future__ import annotations

import pytest

from planwriter import importer, model
from planwriter.catalogue import say
from planwriter.problems import InputError


def results_of(text: str) -> importer.Imported[model.Results]:
    return importer.import_results(
        importer.source_from_text(text, "r.txt"), year=2023, bureau="某局"
    )


def plan_of(text: str) -> importer.Imported[model.Plan]:
    return importer.import_plan(importer.source_from_text(text, "p.txt"), year=2023, bureau="某局")


def reasons(
    imported: importer.Imported[model.Plan] | importer.Imported[model.Results],
) -> dict[str, str]:
    return {r.literal: r.reason for r in imported.report.figures}


def test_a_budget_and_its_sources_are_no_targets() -> None:
    text = (
        "一、养老服务\n1.新建社区食堂12个，为800名高龄老人提供助餐服务。计划安排资金360万元，"
        "其中上级补助200万元，县级匹配160万元。\n"
    )
    said = reasons(plan_of(text))
    assert said == {
        "12个": "",
        "800名": "",
        "360万元": "import_fig_budget",
        "200万元": "import_fig_budget",
        "160万元": "import_fig_budget",
    }


def test_a_paragraph_whose_budget_is_planned_is_a_plan() -> None:
    """No heading, no 将 or 力争: the money planned for the work says the paragraph is a plan."""
    text = (
        "为1.2万名困难学生提供生活补助；新建托育机构3所。计划安排资金900万元，其中上级补助600万元。\n"
        "为5000名老年人免费体检。计划安排资金100万元，均为县级资金。\n"
    )
    targets = [t.value for _, t in plan_of(text).model.targets()]
    assert targets == ["1.2万", "3", "5000"]


def test_a_standard_given_as_a_range_is_one_figure() -> None:
    text = "一、教育\n1.为乡村教师按每人每月80元—400元的标准发放生活补助。\n"
    readings = plan_of(text).report.figures
    assert [(r.literal, r.taken) for r in readings] == [("80元—400元", True)]


def test_a_chart_copied_into_the_text_gives_no_figures() -> None:
    text = (
        "一、就业\n第三产业就业人员占51.2%o.U7t80.0%49.9%60.0%40.0%图1近五年就业人员构成情况"
        "51.1%52.3%52.5%全市农民工总量751万人，比上年下降0.7%。\n"
    )
    said = reasons(results_of(text))
    assert [n for n, why in said.items() if not why] == ["51.2%", "751万人", "0.7%"]
    assert said["49.9%"] == "import_fig_chart"
    assert said["52.3%"] == "import_fig_chart"


def test_a_progress_share_with_its_note_is_no_result() -> None:
    text = (
        "序号 | 项目内容 | 当前进度 | 牵头单位\n"
        "1 | 新建中心敬老院3家。 | 57%（进度偏慢） | 县民政局\n"
        "2 | 改造农村公路70公里。 | 90% | 县交通局\n"
    )
    with pytest.raises(InputError) as raised:
        results_of(text)  # a table of progress shares only: nothing is a result
    assert raised.value.problems[0].message == say("import_no_results")


def test_items_counted_by_their_progress_are_the_programme_s_own() -> None:
    text = (
        "截至9月底，已提前完成年度目标任务的有3项，占目标任务的30%；正常推进的有5项，"
        "占目标任务的50%。全市新增就业1.2万人。\n"
    )
    said = reasons(results_of(text))
    assert said["3项"] == said["5项"] == "import_fig_meta"
    assert said["1.2万人"] == ""


def test_a_rate_of_a_standard_and_a_policy_s_measures_are_no_results() -> None:
    text = (
        "一、救助\n重度残疾人按照低保保障标准的30%增发生活补助，全年发放补助金1200万元。"
        "推动优化营商环境33条举措落地。\n"
    )
    said = reasons(results_of(text))
    assert said == {"30%": "import_fig_rule", "1200万元": "", "33条": "import_fig_articles"}


def test_a_growth_rate_about_so_much_is_a_plan_s_target() -> None:
    text = "今年经济社会发展主要预期目标为：全县地区生产总值增长6%左右，新增就业约5000人。\n"
    said = reasons(plan_of(text))
    assert said == {"6%左右": "", "约5000人": "import_fig_approximate"}


def test_a_running_total_is_no_year_s_target() -> None:
    text = "一、就业\n1.到2025年，累计新增城镇就业12万人，每年新增就业4万人。\n"
    said = reasons(plan_of(text))
    assert said == {"12万人": "import_fig_running", "4万人": ""}
    stock = reasons(plan_of("一、养老\n1.全年累计新增就业1万人，全市累计建成助餐点400个。\n"))
    assert stock == {"1万人": "", "400个": ""}  # the year's sum, and the stock to reach
    results = reasons(results_of("一、就业\n全年累计新增城镇就业4.1万人。\n"))
    assert results == {"4.1万人": ""}
