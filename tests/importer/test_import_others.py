"""Documents of other bureaus (issue 15): where year and bureau are read, what a figure is to its
sentence, units of rates, names in enumerations, the item-by-item 公示, tables, PDF, .doc, .wps."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from paths import FIXTURES, ROOT

from planwriter import importer, model, store
from planwriter.importer import formats
from planwriter.problems import InputError

IMPORT = FIXTURES / "import"
HAS_LIBREOFFICE = shutil.which("soffice") is not None or shutil.which("libreoffice") is not None
if not HAS_LIBREOFFICE and os.environ.get("CI") == "true":
    pytest.fail("CI must install libreoffice-writer for the .doc and .wps imports", pytrace=False)


def plan_of(text: str, **given: object) -> importer.Imported[model.Plan]:
    return importer.import_plan(importer.source_from_text(text, "pasted.txt"), **given)


def results_of(text: str, **given: object) -> importer.Imported[model.Results]:
    return importer.import_results(importer.source_from_text(text, "pasted.txt"), **given)


def asked(call, text: str) -> str:
    with pytest.raises(InputError) as raised:
        call(text)
    return raised.value.problems[0].message


# --- year and bureau ------------------------------------------------------------------

COUNTY_REPORT = """您的位置：首页 > 政务公开 > 计划总结
发布时间：2024-01-11 来源：县民政局 浏览次数：
县民政局2023年重点工作总结及2024年工作思路
一、今年重点工作总结
（一）补齐民生短板。今年推进养老项目10项，仙居县乡镇养老服务中心完成投资1516万元。
二、2024年工作思路
（一）优化养老服务。新建老年助餐点20个。
"""


def test_the_bureau_without_its_place_takes_the_one_place_the_text_names() -> None:
    """来源：县民政局 and 仙居县 in the text: 仙居县民政局, said with the line it came from."""
    results = results_of(COUNTY_REPORT)
    plan = plan_of(COUNTY_REPORT)
    assert (results.model.bureau, results.model.year) == ("仙居县民政局", 2023)
    assert (plan.model.bureau, plan.model.year) == ("仙居县民政局", 2024)
    said = "\n".join(importer.summary(results))
    assert "单位“仙居县民政局”：取自第 2 行“发布时间：2024-01-11 来源：县民政局" in said


def test_an_office_signs_in_full_whatever_its_department() -> None:
    text = (
        "2023年全市卫生健康工作要点\n一、全面深化一个主题\n"
        "1.提升健康水平。人均预期寿命达到82.4岁。\n湖州市卫生健康委员会\n2023年4月26日\n"
    )
    plan = plan_of(text).model
    assert (plan.bureau, plan.year) == ("湖州市卫生健康委员会", 2023)


def test_a_byline_and_a_dateline_name_a_report() -> None:
    text = (
        "深圳市罗湖区卫生健康局\n发布时间：2020-03-05\n"
        "居民健康水平持续提升。婴儿死亡率降至0.78‰，孕产妇死亡率7.81/10万。\n"
    )
    results = results_of(text).model
    assert (results.bureau, results.year) == ("深圳市罗湖区卫生健康局", 2019)


def test_an_office_without_a_place_takes_the_titles_place() -> None:
    text = (
        "萧县9月份民生工程进展情况\n发表时间:2025-10-09 14:34 信息来源:民生办 阅读人次:\n"
        "2025年实体零工驿站建设完成2个，比2024年增长100%，低于省控线0.8个百分点。\n"
    )
    imported = results_of(text)
    assert (imported.model.bureau, imported.model.year) == ("萧县民生办", 2025)
    assert [r.value for r in imported.model.results] == ["2"]
    reasons = {r.literal: r.reason for r in imported.report.figures if not r.taken}
    assert reasons == {"100%": "import_fig_compared", "0.8个百分点": "import_fig_compared"}


def test_a_document_that_names_no_office_is_asked_about() -> None:
    """区民政局 and 全区, no district named: never invent one."""
    text = "区民政局工作总结\n2024年，全区发放低保金893.36万元，保障城市低保330人。\n"
    assert "--bureau" in asked(results_of, text)
    assert results_of(text, bureau="某区民政局").model.year == 2024


def test_hereby_and_a_verb_before_a_level_are_no_place() -> None:
    """现将区民政局…汇报如下 and 做好区委…: 现将区 and 做好区 are no district; the text names
    none, so the bureau is asked about rather than read as 现将区民政局."""
    text = (
        "区民政局2023年工作总结\n根据工作安排，现将区民政局2023年工作总结汇报如下：\n"
        "1.加强党建。做好区委巡察反馈问题整改，开展集中学习18次。\n"
        "2.兜牢底线。全年救助流浪乞讨人员58人次。\n"
    )
    assert "--bureau" in asked(results_of, text)
    assert results_of(text, bureau="某区民政局").model.year == 2023


def test_the_office_a_news_item_gives_as_its_source_is_its_bureau() -> None:
    """据某市人社局消息，…: the news is that office's report (据 cites an office elsewhere:
    据市民政局统计 in another office's text)."""
    text = "某某网讯 据丰原市人社局消息，今年上半年，全市城镇新增就业5200人，再就业1300人。\n"
    assert results_of(text, year=2023).model.bureau == "丰原市人力资源和社会保障局"


def test_the_office_a_reporter_learnt_from_is_the_bureau_and_a_trip_to_one_is_not() -> None:
    """记者从某县民政局获悉: the news is that office's (the clause's start, 记者从…, is no place);
    于6月30日前到县民政局核销 names an office one goes to, no place 日前到县."""
    text = (
        "某某网讯 日前，记者从丰原县民政局获悉，该县今年新增养老床位300张。\n"
        "各乡镇须于2023年6月30日前到县民政局财务室核销，6月30日前到县民政局报送名单。\n"
    )
    assert results_of(text, year=2023).model.bureau == "丰原县民政局"


def test_an_office_the_text_goes_on_to_call_plainly_is_its_bureau() -> None:
    """丰原市残联 hosts the meeting and is named twice; the news is of 青溪市残联, commended there,
    which the text then calls plain 市残联 as it gives that office's year."""
    text = (
        "近日，丰原市残联召开全市残疾人工作会议。会上，丰原市残联对先进单位予以表彰，"
        "其中，青溪市残联被评为目标责任制达标单位。2023年，市残联全年为残疾人提供康复服务"
        "1500人次，新增残疾人就业70人。\n"
    )
    assert results_of(text).model.bureau == "青溪市残疾人联合会"


def test_a_reporter_learning_from_an_office_without_its_place_is_asked_about() -> None:
    """记者从市民政局获悉: which city's the text does not say (it was read as 记者从市民政局);
    记者从从化区民政局获悉: a place that opens on 从 stays whole."""
    text = "来源：某某日报\n记者从市民政局获悉，2024年全市新增养老床位1800张。\n"
    assert "--bureau" in asked(lambda t: results_of(t, year=2024), text)
    named = text.replace("从市民政局", "从从化区民政局")
    assert results_of(named, year=2024).model.bureau == "从化区民政局"


def test_a_report_s_closing_paragraph_on_the_year_ahead_does_not_hide_its_year() -> None:
    """The opening names 2022's results; the last paragraph opens on 2023 and says what will be
    done: the outlook, so the report is 2022's. A later year that reports figures still makes
    the two clues disagree (asked)."""
    opening = "某某网讯 “这些成绩，都是2022年某省民政厅交出的答卷。”\n全年发放救助金8.5亿元，救助困难群众3.2万人次。\n"
    outlook = "2023年是开局之年。厅长说：“我们将持续开展两个专项行动。”\n"
    assert results_of(opening + outlook, bureau="某省民政厅").model.year == 2022
    reported = "2023年新增养老床位500张，建成助餐点30个。\n"
    assert "--year" in asked(lambda t: results_of(t, bureau="某省民政厅"), opening + reported)


def test_news_of_the_next_year_s_work_meeting_reports_only_last_year_s_results() -> None:
    """记者从2024年全市民政工作会议上获悉，今年…: the news's 今年 is 2024, the year ahead of the
    2023 results it reviews; a paragraph saying 今年 before its figures gives no result."""
    text = (
        "某某网讯 记者从2024年全市民政工作会议上获悉，今年全市发放低保金5200万元。\n"
        "局长介绍，2023年，全市发放低保金4900万元，新增养老床位600张。\n"
        "今年，全市民政部门将抓好低保管理。新建敬老院3家。\n"
    )
    results = results_of(text, bureau="某市民政局")
    assert results.model.year == 2023
    assert [r.value for r in results.model.results] == ["4900万", "600"]


def test_a_year_the_text_only_compares_with_is_not_taken_for_its_year() -> None:
    """较2019年同期: the year a figure is set against says nothing of the report's own year."""
    text = "某市人社局就业进展\n截至5月末，全市城镇新增就业9063人，较2019年同期增加348人。\n"
    assert "--year" in asked(results_of, text)
    assert results_of(text, year=2021, bureau="某市人社局").model.year == 2021


def test_two_clues_that_disagree_on_the_year_are_asked_about_not_guessed() -> None:
    """The opening says 2021 but the page was published in mid-2024: one of them is not the
    report's year, and which one a reader cannot tell; asking beats a wrong guess."""
    opening = "2021年，某县民政局发放低保金893.36万元，保障城市低保330人。\n"
    conflicting = "发布时间：2024-07-01\n" + opening
    assert "--year" in asked(lambda t: results_of(t, bureau="某县民政局"), conflicting)
    agreeing = "发布时间：2022-01-20\n" + opening
    summary = results_of(agreeing, bureau="某县民政局")
    assert summary.model.year == 2021


def test_a_page_source_that_disagrees_with_the_office_the_text_names_is_asked_about() -> None:
    """来源：仙居县民政局 over a report that twice names 临海市民政局: which one wrote it?"""
    body = "2023年，临海市民政局发放低保金893.36万元。临海市民政局新增低保对象330人。\n"
    assert "--bureau" in asked(results_of, "来源：仙居县民政局\n" + body)
    agreeing = results_of("来源：临海市民政局\n" + body)
    assert agreeing.model.bureau == "临海市民政局"


# --- what a figure is to its sentence ---------------------------------------------------

EMPLOYMENT = (
    "某某区人社局就业工作进展\n"
    "截止10月底，实现城镇新增就业12314人，完成年目标任务12500人的98.5%；"
    "失业人员再就业6650人，完成年目标任务6600人的100.76%。"
    "农村低保标准从年标准1680元提高到2760元。今年预算低保资金2100万元。"
    "造成8.82万户受灾。\n"
)


def test_a_report_keeps_results_and_leaves_targets_shares_baselines_and_budgets() -> None:
    imported = results_of(EMPLOYMENT, year=2016)
    assert [r.value for r in imported.model.results] == ["12314", "6650", "2760"]
    reasons = {r.literal: r.reason for r in imported.report.figures if not r.taken}
    assert reasons == {
        "12500人": "import_fig_target",
        "98.5%": "import_fig_share",
        "6600人": "import_fig_target",
        "100.76%": "import_fig_share",
        "1680元": "import_fig_baseline",
        "2100万元": "import_fig_estimate",
        "8.82万户": "import_fig_damage",
    }
    verbose = "\n".join(importer.summary(imported, verbose=True))
    assert "未采用 第 2 行“12500人”：是年度目标，不是实绩" in verbose


def test_a_plan_import_of_a_completion_report_takes_only_its_targets() -> None:
    text = (
        "2018年民生实事项目全面落实\n一、学前教育\n"
        "1.扩容提质。全年新（改）扩建幼儿园48所，超额完成40所的年度目标任务。\n"
    )
    plan = plan_of(text, bureau="某市人民政府").model
    assert [(t.value, t.unit) for _, t in plan.targets()] == [("40", "所")]


# --- units and names ---------------------------------------------------------------------

HEALTH_PLAN = """2024年全县卫生健康工作要点
一、健康水平
1.提升健康水平。人均预期寿命达到78.5岁，婴儿死亡率、5岁以下儿童死亡率、孕产妇死亡率分别下降到4.0‰、4.5‰、10/10万，健康浙江发展指数达85。
2.落实补贴。残疾人护理补贴标准提高到200元/人/月，低保对象3469户6444人、特困人员1186人应保尽保，低保标准达到730/月，门诊服务1000人次/年。
"""


def test_rates_ages_and_indexes_are_figures_with_their_units() -> None:
    plan = plan_of(HEALTH_PLAN, bureau="某县卫健局").model
    targets = [(t.metric, t.value, t.unit) for _, t in plan.targets()]
    assert targets == [
        ("人均预期寿命", "78.5", "岁"),
        ("婴儿死亡率", "4.0‰", ""),
        ("5岁以下儿童死亡率", "4.5‰", ""),
        ("孕产妇死亡率", "10/10万", ""),
        ("健康浙江发展指数", "85", ""),
        ("残疾人护理补贴标准", "200", "元/人/月"),
        ("低保对象户数", "3469", "户"),
        ("低保对象人数", "6444", "人"),
        ("特困人员人数", "1186", "人"),
        ("低保标准", "730", "/月"),
        ("门诊服务人次", "1000", "人次/年"),
    ]
    text = store.render(plan)
    parsed, _ = store.parse(text, "plan.yaml", is_results=False)
    assert store.render(parsed) == text  # each unit and an empty one read back


@pytest.mark.parametrize(
    "sentence",
    [
        "城乡低保标准分别提高到每人每月780元、620元。",
        "城市、农村低保标准分别提高到780元、620元。",
        "城市和农村低保标准分别达到每人每月780元和620元。",
        "城乡低保标准分别不低于每人每月780元和620元。",
    ],
)
def test_two_figures_said_respectively_of_town_and_country_are_named_each(sentence: str) -> None:
    text = f"2025年全县民政工作要点\n一、社会救助\n1.提高标准。{sentence}\n"
    plan = plan_of(text, bureau="某县民政局").model
    assert [(t.metric, t.value) for _, t in plan.targets()] == [
        ("城市低保标准", "780"),
        ("农村低保标准", "620"),
    ]


def test_what_there_is_and_couples_registered_are_named_from_their_own_words() -> None:
    text = (
        "某县民政局2023年工作总结\n一、社会救助\n全县共有城乡低保对象5236户9872人。\n"
        "二、社会事务\n办理婚姻登记3126对。\n"
    )
    results = results_of(text, bureau="某县民政局").model
    assert [(r.metric, r.value, r.unit) for r in results.results] == [
        ("城乡低保对象户数", "5236", "户"),
        ("城乡低保对象人数", "9872", "人"),
        ("婚姻登记办理数", "3126", "对"),
    ]


def test_a_length_of_time_named_so_gets_no_time_limit_suffix() -> None:
    text = "某县民政局2023年工作总结\n一、养老服务\n全年居家养老服务时长超过120万小时。\n"
    results = results_of(text, bureau="某县民政局").model
    assert [(r.metric, r.unit) for r in results.results] == [("居家养老服务时长", "小时")]


# --- the item-by-item 公示 and tables --------------------------------------------------------

ITEMS = """2024年某区民政实事项目完成情况
一、新建老年日间服务中心1所，社区老年人助餐服务点2个
芝川路老年人日间服务中心已投入使用。新建助餐点3个，已全部揭牌运营。
二、居家养老服务老年人2万人
居家养老服务老人19772人。其中享受政府补贴10710人。已经完成实事指标98.86%。
三、困难老年人家庭适老化改造
目标任务：为120户困难老年人家庭实施居家适老化改造
完成情况：已完成改造132户，完成率110%
"""


def test_an_item_by_item_notice_gives_targets_and_results_that_link() -> None:
    plan = plan_of(ITEMS, bureau="某区民政局").model
    assert [t.title for t in plan.tasks()] == [
        "新建老年日间服务中心1所，社区老年人助餐服务点2个",
        "居家养老服务老年人2万人",
        "困难老年人家庭适老化改造",
    ]
    targets = {t.metric: t.value for _, t in plan.targets()}
    results = results_of(ITEMS, bureau="某区民政局").model
    linked = {r.metric: r.value for r in results.results if r.metric in targets}
    assert linked == {
        "社区老年人助餐服务点数": "3",
        "居家养老服务老年人人数": "19772",
        "居家适老化改造家庭数": "132",
    }
    assert "2万" not in [r.value for r in results.results]  # a commitment is no result


def test_a_result_in_another_unit_of_its_kind_answers_a_target_only_when_the_words_agree() -> None:
    """学位540个 beside 幼儿园2所: both count things, yet 学位 are no 幼儿园."""
    text = (
        "2024年某县民生实事项目完成情况\n一、新建城区公办幼儿园2所\n"
        "完成情况：城东幼儿园、城南幼儿园已建成并投入使用，新增学位540个。\n"
        "二、新建农村互助幸福院15所\n完成情况：已建成农村互助幸福院15个。\n"
    )
    results = results_of(text, bureau="某县人民政府").model
    assert [(r.metric, r.value) for r in results.results] == [
        ("学位新增数", "540"),
        ("农村互助幸福院新建数", "15"),
    ]


TABLE = """2024年某某县十件民生实事完成情况
序号 | 项目名称 | 年度目标任务 | 完成情况 | 完成率 | 牵头单位
1 | 老年助餐 | 新建老年助餐点15个 | 已建成老年助餐点18个 | 120% | 县民政局
2 | 适老化改造 | 完成困难老年人家庭适老化改造400户 | 400户适老化改造正在施工 | 80% | 县民政局
3 | 城镇新增就业（人） | 3000 | 3215 | 107.2% | 县人社局
"""


@pytest.mark.parametrize("separator", [" | ", "\t"])
def test_a_web_table_is_read_by_its_header(separator: str) -> None:
    text = TABLE.replace(" | ", separator)
    plan = plan_of(text, bureau="某某县民政局").model
    results = results_of(text, bureau="某某县民政局").model
    assert [(t.value, t.unit) for _, t in plan.targets()] == [
        ("15", "个"),
        ("400", "户"),
        ("3000", "人"),
    ]
    assert [(r.metric, r.value) for r in results.results] == [
        ("老年助餐点新建数", "18"),
        ("城镇就业新增人数", "3215"),
    ]
    assert [t.metric for _, t in plan.targets()][2] == results.results[1].metric


def test_a_word_table_with_target_and_progress_columns(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("2024年某某县民生实事完成情况")
    rows = [line.split(" | ")[1:4] for line in TABLE.splitlines()[1:3]]
    table = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    path = tmp_path / "实事.docx"
    document.save(str(path))
    source = importer.read_source(path)
    plan = importer.import_plan(source, bureau="某某县民政局").model
    results = importer.import_results(source, bureau="某某县民政局").model
    assert [(t.value, t.unit) for _, t in plan.targets()] == [("15", "个")]
    assert [(r.metric, r.value) for r in results.results] == [("老年助餐点新建数", "18")]


CELLS = """首页 >> 政府信息公开 >> 民生工程
2023年某某市民生工程项目完成情况表
发布时间：2024-01-20 来源：市民生办
地区

养老服务工程

新增养老床位(张)

新建老年助餐点(个)

城镇登记失业率(%)

目标

任务

进度

完成比例(%)

目标

任务

进度

完成比例(%)

目标

任务

进度

全市

1200

1350

112.5

60

58

96.7

4.5

3.6

甲区

500

520

104

20

22

110

4.5

3.2
"""


def test_a_web_table_pasted_one_cell_per_line() -> None:
    """Each measure's columns (目标/任务 on two lines, 进度, 完成比例); a share is told from the
    next target by its value, so the measure without one (失业率) keeps its place."""
    plan = plan_of(CELLS, bureau="某某市民生办").model
    results = results_of(CELLS, bureau="某某市民生办").model
    targets = [(t.metric, t.value, t.unit) for _, t in plan.targets()]
    assert targets == [
        ("养老床位新增数", "1200", "张"),
        ("老年助餐点新建数", "60", "个"),
        ("城镇登记失业率", "4.5%", ""),
        ("甲区养老床位新增数", "500", "张"),
        ("甲区老年助餐点新建数", "20", "个"),
        ("甲区城镇登记失业率", "4.5%", ""),
    ]
    assert [(r.metric, r.value) for r in results.results] == [
        ("养老床位新增数", "1350"),
        ("老年助餐点新建数", "58"),
        ("城镇登记失业率", "3.6%"),
        ("甲区养老床位新增数", "520"),
        ("甲区老年助餐点新建数", "22"),
        ("甲区城镇登记失业率", "3.2%"),
    ]


# --- PDF, .doc, .wps -------------------------------------------------------------------------


def test_a_pdf_is_read_with_its_figures_and_spacing_closed() -> None:
    """pypdf puts a space between a figure and its unit (3469 户): it closes."""
    imported = importer.import_results(importer.read_source(IMPORT / "county-report.pdf"))
    results = imported.model
    assert (results.bureau, results.year) == ("某某县民政局", 2024)
    assert [(r.metric, r.value, r.unit) for r in results.results][:3] == [
        ("低保对象户数", "3469", "户"),
        ("低保对象人数", "6444", "人"),
        ("特困人员人数", "1186", "人"),
    ]


def test_a_pdf_without_text_says_so(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "扫描件.pdf"
    with path.open("wb") as file:
        writer.write(file)
    with pytest.raises(InputError) as raised:
        importer.read_source(path)
    assert "没有可读取的文字（可能是扫描件）" in raised.value.problems[0].message


def test_an_old_word_file_without_libreoffice_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planwriter.render import pdf

    monkeypatch.setattr(pdf, "libreoffice", lambda: None)
    path = tmp_path / "工作要点.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(InputError) as raised:
        importer.read_source(path)
    assert "需要 LibreOffice（soffice）：请安装 LibreOffice" in raised.value.problems[0].message


@pytest.mark.pdf
@pytest.mark.skipif(not HAS_LIBREOFFICE, reason="LibreOffice not installed")
def test_a_pdf_of_the_example_imports_as_its_docx_does(tmp_path: Path) -> None:
    """The PDF a secretary sends, read back: its lines broken at the page's width (sentences
    ending at a line's end), first lines indented, page numbers between them, spaces round its
    figures; the same tasks, texts and targets as the .docx it was made from."""
    from planwriter.render import render_plan

    plan = store.load_plan(ROOT / "plans" / "changzhou" / "2024.plan.yaml").model
    rendered = render_plan(plan, tmp_path / "要点.docx", pdf=True)
    assert rendered.pdf is not None

    def read(path: Path) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
        imported = importer.import_plan(importer.read_source(path)).model
        tasks = [t for d in imported.domains for t in d.tasks]
        # spaces aside: the PDF loses one between 汉字 (常有颐养 幸福食光), keeps pypdf's in 4A 级
        return [
            (t.title, "".join(t.text.split()), [(g.metric, g.value, g.unit) for g in t.targets])
            for t in tasks
        ]

    from_docx = read(tmp_path / "要点.docx")
    assert len(from_docx) == 34 and sum(len(targets) for *_, targets in from_docx) == 21
    assert read(rendered.pdf) == from_docx


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
@pytest.mark.pdf
@pytest.mark.skipif(not HAS_LIBREOFFICE, reason="LibreOffice not installed")
def test_doc_and_wps_are_read_through_libreoffice(tmp_path: Path, suffix: str) -> None:
    import docx

    document = docx.Document()
    for line in (
        "某某县民政局2024年工作要点",
        "一、养老服务",
        "1.建设助餐点。全年新建助餐点10个。",
    ):
        document.add_paragraph(line)
    document.save(str(tmp_path / "要点.docx"))
    subprocess.run(
        [shutil.which("soffice") or "libreoffice", "--headless", "--convert-to", "doc",
         "--outdir", str(tmp_path), str(tmp_path / "要点.docx")],
        capture_output=True, check=True, timeout=180,
    )  # fmt: skip
    path = tmp_path / f"要点{suffix}"
    if suffix != ".doc":
        (tmp_path / "要点.doc").rename(path)  # WPS writes the same OLE format under .wps
    plan = importer.import_plan(importer.read_source(path)).model
    assert (plan.bureau, plan.year) == ("某某县民政局", 2024)
    assert [(t.value, t.unit) for _, t in plan.targets()] == [("10", "个")]


def test_formats_module_converts_only_when_asked() -> None:
    """Reading a .txt never starts LibreOffice or imports pypdf."""
    code = (
        "import sys; from planwriter import importer; "
        "importer.import_plan(importer.source_from_text('某县民政局2024年工作要点\\n一、养老\\n"
        "1.助餐。新建助餐点10个。')); print('pypdf' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    assert formats.CONVERT_SECONDS > 0


def test_the_area_s_own_make_up_and_a_sampling_rate_are_not_results() -> None:
    text = (
        "某县民政局2022年工作总结\n"
        "全县11个乡镇召开46次联审联批会议，新增城乡低保265户，"
        "严格按不低于30%的比例开展实地抽查。投放毒饵1250kg、消毒液400瓶，纳入8大类器耗材。"
        "出台社会组织助力建设措施20条。\n"
    )
    imported = results_of(text, bureau="某县民政局")
    assert [r.value for r in imported.model.results] == ["46", "265", "1250", "400", "8"]
    assert [r.unit for r in imported.model.results][2:] == ["kg", "瓶", "大类"]
    reasons = {r.literal: r.reason for r in imported.report.figures if not r.taken}
    assert reasons == {
        "11个": "import_fig_scope",
        "不低于30%": "import_fig_rule",
        "20条": "import_fig_articles",
    }


def test_a_health_and_family_planning_commission_is_an_office() -> None:
    """绍兴市卫生计生委 (before 2018's reform) signs like any other office."""
    text = "2016年绍兴市卫生计生工作总结\n绍兴市卫生计生委组织质控检查40余次。\n"
    assert results_of(text).model.bureau == "绍兴市卫生计生委"


def test_a_web_table_copied_one_cell_a_line_is_read_as_its_rows() -> None:
    """序号 | / 责任单位 | / … one cell a line; the empty cells were lost in the copy, so the
    row's cells with figures go to the target and progress columns."""
    cells = [
        "序号", "责任单位", "实施内容", "分管 领导", "最新进度（8月24日）", "是否 达序时", "15",
        "民政局", "新增养老床位不少于300张，完成居家适老化改造400户。",
        "新增床位近100张；完成适老化改造260户。", "是",
    ]  # fmt: skip
    text = "海安市民政局2023年民生实事项目实施进度表\n" + "".join(f"{c} |\n" for c in cells)
    targets = [target for _, target in plan_of(text).model.targets()]
    assert [t.value for t in targets] == ["300", "400"]
    results = results_of(text).model.results
    assert [(r.value, r.metric) for r in results] == [
        ("近100", targets[0].metric),
        ("260", targets[1].metric),
    ]
