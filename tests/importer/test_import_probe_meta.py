"""Year and bureau read where a reader finds them on made-up pages pasted from a web site; both
imports of one file agree, and a page whose site owner is a host asks rather than guesses."""

from __future__ import annotations

import pytest

from planwriter import importer, model
from planwriter.importer import metadata
from planwriter.importer.text import Para
from planwriter.problems import InputError


def plan_of(text: str, **given: object) -> importer.Imported[model.Plan]:
    return importer.import_plan(importer.source_from_text(text, "pasted.txt"), **given)


def results_of(text: str, **given: object) -> importer.Imported[model.Results]:
    return importer.import_results(importer.source_from_text(text, "pasted.txt"), **given)


def both_bureaus(text: str, **given: object) -> tuple[str, str]:
    return plan_of(text, **given).model.bureau, results_of(text, **given).model.bureau


def test_a_city_s_cheng_or_xin_district_is_a_place() -> None:
    # 越城区 and 浦东新区 end like 城区 and 新区, but named right after their city they are districts
    text = (
        "首页 > 政务公开 > 计划总结\n2023年工作总结和2024年工作思路\n"
        "发布时间：2024-01-22  来源：上海市浦东新区民政局  浏览次数：201\n"
        "一、2023年工作总结\n2023年，全区新增养老床位1200张。\n"
        "二、2024年工作思路\n2024年，全区计划新增养老床位1000张。\n"
    )
    assert both_bureaus(text) == ("上海市浦东新区民政局", "上海市浦东新区民政局")


def test_a_signature_of_a_cheng_district_dates_a_results_import() -> None:
    text = (
        "上半年工作总结和下半年工作计划\n一、上半年工作完成情况\n上半年，全区新增城镇就业5300人。\n"
        "二、下半年工作计划\n下半年，全区新增城镇就业4700人。\n"
        "杭州市上城区人力资源和社会保障局\n二〇二三年七月十日\n"
    )
    results = results_of(text).model
    assert (results.year, results.bureau) == (2023, "杭州市上城区人力资源和社会保障局")
    assert plan_of(text).model.bureau == results.bureau


@pytest.mark.parametrize("place", ["老城区", "主城区", "中心城区"])
def test_a_city_s_old_town_is_no_district(place: str) -> None:
    assert not metadata._is_place("温州市" + place)


def test_a_township_s_government_and_a_street_s_office_sign() -> None:
    for office in ("城关镇人民政府", "拱墅区米市巷街道办事处"):
        text = (
            "2023年工作总结和2024年工作计划\n一、2023年工作总结\n2023年，全镇新增就业岗位620个。\n"
            f"二、2024年工作计划\n2024年，全镇计划新增就业岗位600个。\n{office}\n2024年1月10日\n"
        )
        assert both_bureaus(text) == (office, office)


@pytest.mark.parametrize(
    ("words", "place"),
    [
        ("主办单位：湖州市人民政府办公室", "湖州市"),
        ("主办单位：宁波市鄞州区人民政府", "宁波市鄞州区"),
    ],
)
def test_zhou_before_its_level_is_part_of_the_name(words: str, place: str) -> None:
    paras = [Para(words, 1)]
    assert list(metadata._places(paras)) == [place]


def test_a_source_field_s_office_takes_the_place_the_site_s_owner_names() -> None:
    text = (
        "我市召开2024年民政工作会议\n发布时间：2024-02-18   来源：市民政局   作者：记者 李华\n"
        "2023年，全市新增养老床位2100张。\n2024年，全市将新增养老床位1800张。\n"
        "主办单位：湖州市人民政府办公室\n"
    )
    assert both_bureaus(text) == ("湖州市民政局", "湖州市民政局")


def test_a_province_s_veterans_affairs_meeting_names_its_department() -> None:
    text = (
        "全省退役军人事务工作会议在杭州召开\n2024-01-25 08:45  来源：浙江日报\n"
        "记者从全省退役军人事务工作会议上获悉，2023年全省共接收安置退役军人1.8万名。\n"
        "今年，浙江将新建退役军人服务站300个。\n"
    )
    assert both_bureaus(text, year=2024) == ("浙江省退役军人事务厅", "浙江省退役军人事务厅")


def test_a_congress_s_site_office_is_no_author() -> None:
    text = (
        "关于全县残疾人事业发展情况的调研报告\n发布时间：2023-09-15  来源：县人大常委会办公室\n"
        "一、基本情况\n今年以来，县政府完成残疾人家庭无障碍改造120户。\n"
        "主办单位：长兴县人民代表大会常务委员会办公室\n"
    )
    with pytest.raises(InputError, match="--bureau"):
        results_of(text)


def test_a_source_s_office_that_names_its_place_takes_no_other() -> None:
    # 来源：滨海新区民政局 under a title naming 萧县: the field's own place stands, never 萧县滨海新区
    titles = [Para("萧县9月份民生工程进展情况", 1)]
    assert metadata._with_title_place("滨海新区民政局", titles) == ""
    assert metadata._with_title_place("民生办", titles) == "萧县民生办"


def test_a_media_site_s_owner_is_no_author() -> None:
    # the media centre runs the site; the office the news names twice is the one reporting
    text = (
        "本报讯（记者 张强）记者日前从永康市医疗保障局获悉，2023年全市医保基金支出18.6亿元。\n"
        "今年，永康市医疗保障局将新增定点医药机构40家。\n"
        "发布时间：2024-01-11  来源：永康日报\n主办单位：永康市融媒体中心\n"
    )
    assert results_of(text).model.bureau == "永康市医疗保障局"


def test_a_report_s_year_is_not_the_year_its_outlook_opens_on() -> None:
    # 2024年，全市将…: what is to be done, in a report dated early in 2024 about 2023
    text = (
        "首页 > 人大新闻\n平湖市十六届人大三次会议开幕\n发布时间：2024-01-18  来源：平湖市人大常委会\n"
        "记者从平湖市第十六届人民代表大会第三次会议上了解到，市长在政府工作报告中说，"
        "2023年全市新增城镇就业1.5万人，新增养老床位900张。\n"
        "2024年，全市将新增城镇就业1.4万人，新增养老床位700张。\n"
    )
    results = results_of(text).model
    assert (results.year, results.bureau) == (2023, "平湖市人民政府")


def test_an_author_field_names_the_office() -> None:
    text = (
        "2023年残疾人工作总结\n作者：县残联  发布时间：2024-01-09\n"
        "2023年，全县新增残疾人就业210人，完成康复服务2200人次。\n来源：缙云县人民政府\n"
    )
    assert results_of(text).model.bureau == "缙云县残疾人联合会"


def test_a_city_s_shan_district_is_a_place() -> None:
    assert metadata._is_place("杭州市萧山区")


def test_a_meeting_is_read_past_the_page_s_chrome() -> None:
    # the breadcrumb, the headline and the date line come before the news's first sentence
    text = (
        "首页 > 要闻 > 正文\n我省残疾人事业发展再上新台阶\n2024-01-25 08:45  来源：浙江日报\n"
        "记者从全省残联工作会议上获悉，2023年全省新增残疾人就业1.2万人。\n"
        "今年，浙江将完成残疾人康复服务20万人次。\n"
    )
    assert results_of(text).model.bureau == "浙江省残疾人联合会"


def test_a_news_item_that_looks_back_then_says_this_year_plans_for_its_own_year() -> None:
    text = (
        "本报讯（记者 张强）记者日前从永康市医疗保障局获悉，2023年全市医保基金支出18.6亿元。\n"
        "今年，永康市医疗保障局将新增定点医药机构40家。\n发布时间：2024-01-11  来源：永康日报\n"
    )
    assert plan_of(text).model.year == 2024


def test_a_breadcrumb_step_names_the_place_of_the_whole_area() -> None:
    text = (
        "首页 > 萧山区 > 政务公开 > 计划总结\n全区民政工作要点\n发布时间：2024-02-05\n"
        "一、养老服务\n1. 全区新增养老床位600张。\n"
    )
    assert plan_of(text).model.bureau == "萧山区民政局"
