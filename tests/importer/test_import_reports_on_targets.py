"""Reports that recite their targets and what befell the year: the list of targets that 目标为：
opens, what a 《plan》 decided to carry out, a summary's title broken after its 及, accidents and
deaths that happened (and fell)."""

from __future__ import annotations

import pytest

from planwriter import importer, model
from planwriter.problems import InputError


def results_of(text: str) -> importer.Imported[model.Results]:
    return importer.import_results(
        importer.source_from_text(text, "r.txt"), year=2023, bureau="某局"
    )


def reasons(imported: importer.Imported[model.Results]) -> dict[str, str]:
    return {r.literal: r.reason for r in imported.report.figures}


def taken(imported: importer.Imported[model.Results]) -> list[str]:
    return [r.literal for r in imported.report.figures if r.taken]


def test_the_targets_that_a_colon_opens_are_no_results() -> None:
    """目标为： lists the year's targets, over two sentences, until 实际完成情况如下."""
    text = (
        "一、就业工作\n"
        "2023年就业工作目标为：全市城镇新增就业3万人，失业人员再就业8000人。"
        "农村劳动力转移就业2万人。实际完成情况如下：\n"
        "（一）全市城镇新增就业3.2万人，完成全年计划的106.7%。\n"
        "（二）农村劳动力转移就业2.3万人，完成全年计划的115%。\n"
    )
    assert taken(results_of(text)) == ["3.2万人", "2.3万人"]


def test_what_a_plan_decided_to_carry_out_is_its_target() -> None:
    text = (
        "截至12月底，全市10件民生实事全面完成。\n"
        "年初，市人代会审议通过的《政府工作报告》，确定实施新建30个社区食堂、"
        "开展5000人次职业技能培训等民生实事。\n"
        "一年来，全市新建社区食堂32个，开展职业技能培训5600人次。\n"
    )
    assert taken(results_of(text)) == ["32个", "5600人次"]


def test_a_summary_s_title_broken_after_its_conjunction_is_one_title() -> None:
    """…上半年工作总结及 / 下半年工作计划: the second line is no plan part of its own."""
    text = (
        "县民政局2023年上半年工作总结及\n\n下半年工作计划\n\n"
        "一、上半年工作开展情况\n"
        "上半年，全县新增养老床位120张，发放低保金800万元。\n"
    )
    assert taken(results_of(text)) == ["120张", "800万元"]


def test_accidents_and_deaths_are_damage_but_their_fall_is_a_result() -> None:
    text = (
        "一、安全生产\n"
        "上半年，全县发生生产安全事故2起，死亡3人，同比分别下降50%和40%。"
        "全年开展安全检查120次。\n"
    )
    said = reasons(results_of(text))
    assert said["2起"] == said["3人"] == "import_fig_damage"
    assert taken(results_of(text)) == ["50%", "40%", "120次"]


def test_a_share_of_the_task_count_a_requirement_and_those_eligible_are_no_results() -> None:
    """完成全年任务数52%: a share; 达到国家要求的90%以上: the mark; 符合条件的…数: the base."""
    text = (
        "一、妇幼健康\n"
        "截至5月底，发放叶酸1300瓶，完成全年任务数52%。全县疫苗接种率96.5%，达到国家要求的"
        "90%以上。符合筛查条件的孕妇数800人，免费产前筛查700人，发放营养包2000盒。\n"
    )
    assert taken(results_of(text)) == ["1300瓶", "96.5%", "700人", "2000盒"]


def test_projects_that_there_are_still_being_built_are_under_way() -> None:
    text = "一、项目建设\n目前，全县卫生系统共有在建项目5个，新建村卫生室12所。\n"
    assert reasons(results_of(text))["5个"] == "import_fig_progress"


def test_a_programme_s_items_by_kind_and_all_its_places_are_no_results() -> None:
    text = (
        "一、民生实事\n"
        "2023年，全市办好十大民生实事，完成12个建设项目和6个公共服务事项全部年度任务。"
        "11个县（区）所有乡镇均开通网上办理，新建口袋公园8个。\n"
    )
    assert taken(results_of(text)) == ["8个"]


def test_disaster_named_as_what_the_work_guards_against_is_no_damage() -> None:
    text = "一、防灾减灾\n在冰雹灾害易发区域新建果园防雹网3.5万亩，建成气象站2座。\n"
    assert taken(results_of(text)) == ["3.5万亩", "2座"]


BODY = "全年新增城镇就业1.2万人，发放低保金3000万元。\n"


def bureau_of(text: str) -> str:
    imported = importer.import_results(importer.source_from_text(text, "b.txt"), year=2023)
    return imported.model.bureau


def test_a_province_s_department_heading_its_title_is_the_author() -> None:
    text = "某某省人力资源和社会保障厅关于2023年工作计划执行情况的通报\n\n" + BODY
    assert bureau_of(text) == "某某省人力资源和社会保障厅"


def test_the_title_under_a_portal_s_chrome_names_the_author() -> None:
    text = (
        "站群导航\n\n某某县人民政府\n\n部门政府信息公开\n\n某某县卫健委2023年度工作总结\n\n" + BODY
    )
    assert bureau_of(text) == "某某县卫生健康委员会"


def test_a_preposition_before_a_county_makes_no_place() -> None:
    """经县乡村三级联动核实: no county 经县; the text names no place, so it asks."""
    text = "经县乡村三级联动核实，县退役军人事务局开展困难援助26人，发放援助金19万元。\n"
    with pytest.raises(InputError) as raised:
        bureau_of(text)
    assert "--bureau" in raised.value.problems[0].message


def test_a_lone_numeral_of_people_that_sums_those_just_told_is_a_figure() -> None:
    """两人均当选 counts the two just named; 两个确立, 一批 stay set phrases."""
    text = (
        "一、褒扬工作\n推荐张某为省级候选人，推荐李某为市级候选人，两人均当选。"
        "落实“两个确立”，新建一批服务站，发放慰问金4.5万元。\n"
    )
    assert taken(results_of(text)) == ["两人", "4.5万元"]
