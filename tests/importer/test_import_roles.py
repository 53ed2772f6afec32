"""What a figure is to its sentence, read from the grammar around it rather than from phrases one
document uses: a task handed down, the whole a share is taken of, a target named after 的, the
articles the documents just named add up to; a numbered sentence is a task, not a heading."""

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
    return importer.import_plan(importer.source_from_text(text, "p.txt"), year=2024, bureau="某局")


def reasons(imported: importer.Imported[model.Results]) -> dict[str, str]:
    return {r.literal: r.reason for r in imported.report.figures}


def test_targets_named_in_a_report_are_not_its_results() -> None:
    text = (
        "一、就业\n全年城镇新增就业5230人，完成市下达任务5000人的104.6%。"
        "城镇登记失业率3.2%，低于4.5%的控制目标。省下达我县转移就业任务1200人，已完成1350人。\n"
    )
    said = reasons(results_of(text))
    assert said == {
        "5230人": "",
        "5000人": "import_fig_target",
        "104.6%": "import_fig_share",
        "3.2%": "",
        "4.5%": "import_fig_target",
        "1200人": "import_fig_target",
        "1350人": "",
    }


def test_a_target_named_by_its_own_noun_after_mubiao_is_no_result() -> None:
    """项目目标人群为800人 / 目标户数600户: the target, whatever it counts; what was done is the
    result, and 目标的 before a share or 目标已完成 name no target."""
    text = (
        "一、体检\n1.老年人免费体检项目目标人群为800人，我县已完成体检912人。\n"
        "2.适老化改造项目目标户数600户，已完成改造640户。\n"
    )
    said = reasons(results_of(text))
    assert said == {
        "800人": "import_fig_target",
        "912人": "",
        "600户": "import_fig_target",
        "640户": "",
    }
    assert [t.value for _, t in plan_of(text).model.targets()] == ["800", "600"]


def test_a_task_said_done_right_after_its_figure_is_a_result() -> None:
    """完成…改造45户任务: the task done is what the year did; 超额完成12所的年度目标任务 and
    下达任务3000人 still name targets."""
    text = (
        "一、养老\n全年完成困难老人家庭适老化改造45户任务，超额完成12所的年度目标任务。"
        "省下达任务3000人，已完成3100人。\n"
    )
    said = reasons(results_of(text))
    assert said == {
        "45户": "",
        "12所": "import_fig_target",
        "3000人": "import_fig_target",
        "3100人": "",
    }


def test_a_figure_right_after_yiwancheng_is_done_even_before_another_yiwancheng() -> None:
    """A progress cell with two sentences and no stop between: 已完成新增12个…中心 已完成改造90户.
    12个 is done (not the task of a 2个…已完成1个), like 90户."""
    text = "一、养老\n截至10月，已完成新增12个社区助餐中心 已完成改造90户。\n"
    assert reasons(results_of(text)) == {"12个": "", "90户": ""}


def test_two_baselines_listed_before_the_change_are_both_baselines() -> None:
    """分别从610元和305元提高至650元和330元: 610元 is a baseline like 305元."""
    text = "一、救助\n城乡低保标准分别从每月610元和305元提高至650元和330元。\n"
    assert reasons(results_of(text)) == {
        "610元": "import_fig_baseline",
        "305元": "import_fig_baseline",
        "650元": "",
        "330元": "",
    }


def test_a_figure_before_a_share_of_something_else_is_a_result() -> None:
    """占总人口的22.1%: 4.8万人 is no target, only a whole named with 任务/目标 is."""
    said = reasons(results_of("一、养老\n全县老年人口4.8万人，其中失能老人3000人的92%得到照护。\n"))
    assert said["3000人"] == ""


def test_the_articles_of_the_policies_just_named_are_not_a_result() -> None:
    said = reasons(results_of("一、人才\n出台人才政策文件3个，共20条；排查劳动用工隐患120条。\n"))
    assert said == {"3个": "", "20条": "import_fig_articles", "120条": ""}


def test_a_numbered_sentence_with_its_figure_is_a_task_not_a_heading() -> None:
    text = (
        "2023年工作总结\n一、工作成效\n全年城镇新增就业5230人。\n二、2024年工作计划\n"
        "（一）力争全年城镇新增就业5000人以上。\n（二）新建零工驿站3个。\n某局\n2024年1月12日\n"
    )
    targets = [t for _, t in plan_of(text).model.targets()]
    assert [(t.metric, t.value) for t in targets] == [
        ("城镇就业新增人数", "5000"),
        ("零工驿站新建数", "3"),
    ]


def test_a_change_said_of_something_else_lends_no_name() -> None:
    text = "一、社保\n参保人数达到15.6万人，同比增长2.3%，参保率95.2%。\n"
    metrics = [r.metric for r in results_of(text).model.results]
    assert metrics[-1] == "参保率"


def test_a_rate_of_nought_is_a_result_and_a_share_of_a_work_is_not() -> None:
    text = (
        "一、健康\n孕产妇死亡率为0，婴儿死亡率2.1‰。新院区已完成主体工程的60%，"
        "全市90%以上的村卫生所实现联网结算。\n"
    )
    said = reasons(results_of(text))
    assert said == {"0": "", "2.1‰": "", "60%": "import_fig_share", "90%以上": ""}


def test_a_long_name_per_thousand_people_borrows_nothing() -> None:
    text = "一、资源\n每千人口执业（助理）医师数3.1人，每千常住人口医疗机构床位数5.6张。\n"
    metrics = [r.metric for r in results_of(text).model.results]
    assert metrics == ["每千人口执业（助理）医师数", "每千常住人口医疗机构床位数"]


def test_the_area_another_year_and_work_under_way_are_not_the_year_s_results() -> None:
    text = (
        "一、基本情况\n全县总面积1200平方公里，辖11个乡镇，总人口35万人。2021年，全县建成"
        "养老服务中心5个。2019年以来，累计建成农村幸福院120个。目前在建养老机构3个，"
        "正在施工的敬老院2所，另有4个项目正在建设。全年新建老年食堂8个。\n阅读 1.2万\n"
    )
    said = reasons(results_of(text))
    assert said == {
        "1200平方公里": "import_fig_scope",
        "11个": "import_fig_scope",
        "35万人": "import_fig_scope",
        "5个": "import_fig_earlier",
        "120个": "",
        "3个": "import_fig_progress",
        "2所": "import_fig_progress",
        "4个": "import_fig_progress",
        "8个": "",
    }


def test_the_state_at_an_earlier_year_s_end_is_not_the_year_s_result() -> None:
    """据统计，截至2021年底，…: the state two years before the 2023 report; 截至2023年底 is the
    year's own."""
    text = (
        "一、养老\n据统计，截至2021年底，全市老年人口每年以2.8%的速度增长。"
        "截至2023年底，全市建成养老服务中心16个。\n"
    )
    assert reasons(results_of(text)) == {"2.8%": "import_fig_earlier", "16个": ""}


def test_counts_of_cases_transactions_sessions_and_doses_have_their_units() -> None:
    text = "一、服务\n全年完成手术1200例，查处案件12起，发放贷款1200笔，举办培训班12期，接种疫苗3.6万剂次。\n"
    results = results_of(text).model.results
    assert [(r.value, r.unit) for r in results] == [
        ("1200", "例"),
        ("12", "起"),
        ("1200", "笔"),
        ("12", "期"),
        ("3.6万", "剂次"),
    ]


def test_a_notice_whose_own_paragraphs_set_the_targets_is_the_plan() -> None:
    text = (
        "某市民政局关于下达2025年为民办实事项目任务指标的通知\n各区民政局：\n"
        "纳入本市2025年为民办实事项目有：新增养老床位3000张，为4000名老年人提供家庭照护床位服务。"
        "\n请各区于2月20日前上报。\n某市民政局\n2025年1月24日\n"
    )
    imported = importer.import_plan(importer.source_from_text(text, "n.txt"))
    targets = [t for _, t in imported.model.targets()]
    assert [(t.value, t.unit) for t in targets] == [("3000", "张"), ("4000", "人")]
    assert (imported.model.bureau, imported.model.year) == ("某市民政局", 2025)


def test_a_plan_s_review_of_a_past_period_gives_no_target() -> None:
    text = (
        "一、发展基础\n“十三五”期间，全市新增残疾人就业1288名，基本康复服务率达100%。\n"
        "二、主要任务\n1.新增残疾人就业300名。\n"
    )
    said = {r.literal: r.reason for r in plan_of(text).report.figures}
    assert said == {"1288名": "import_fig_past", "达100%": "import_fig_past", "300名": ""}


def test_a_commitment_over_several_years_is_a_target_not_a_result() -> None:
    text = "一、交通\n2606个撤并村通公路（2013—2017年）。上半年已完成建设4022公里。\n"
    assert reasons(results_of(text)) == {"2606个": "import_fig_target", "4022公里": ""}


def test_an_item_s_line_turns_from_its_target_to_progress_at_its_date() -> None:
    """1.新建…10个。上半年，已建成6个。 under （二）…完成情况: a plan import takes the target,
    a results import the progress, named after the target."""
    text = (
        "2023年重点工作上半年完成情况\n一、主要指标完成情况\n（一）其他指标任务完成情况\n"
        "1.新建养老服务中心10个。上半年，已建成养老服务中心6个。\n"
        "2.培训养老护理员1000人次。截至6月底，培训养老护理员650人次。\n"
    )
    targets = [t for _, t in plan_of(text).model.targets()]
    assert [(t.metric, t.value) for t in targets] == [
        ("养老服务中心新建数", "10"),
        ("养老护理员培训人次", "1000"),
    ]
    results = results_of(text).model.results
    assert [(r.metric, r.value) for r in results] == [
        ("养老服务中心新建数", "6"),
        ("养老护理员培训人次", "650"),
    ]


def test_a_progress_report_read_as_a_plan_gives_only_the_targets_it_names() -> None:
    text = (
        "2023年民生工程进展情况汇报\n一、就业\n截至目前，培育创业实体408个，城镇新增就业2093人，"
        "占全年目标任务1200人的174%。其中，帮助就业困难人员就业151名。\n"
        "二、救助\n全年预期指标总量为98人次，截止6月已救助23人次。\n"
    )
    targets = [t for _, t in plan_of(text).model.targets()]
    assert [(t.value, t.unit) for t in targets] == [("1200", "人"), ("98", "人次")]


def test_a_news_title_and_a_sentence_announce_no_part_of_the_text() -> None:
    """工作目标责任制 is an assessment, 下一步还将 a sentence: neither makes the report a plan."""
    text = (
        "省就业创业工作目标责任制考评组到某地考评\n2023年，某地城镇新增就业533人次，"
        "发放创业担保贷款2100万元。\n据介绍，某局下一步还将继续推进。\n"
    )
    assert [r.value for r in results_of(text).model.results] == ["533", "2100万"]


def test_a_figure_set_against_a_standard_s_requirement_and_a_trust_s_count() -> None:
    text = (
        "一、救助\n特困人员基本生活标准提高至1960元，高于省最低标准要求14%。共备案慈善信托5单。\n"
    )
    assert reasons(results_of(text)) == {"1960元": "", "14%": "import_fig_compared", "5单": ""}


SPACED = """某市1-11月重点民生实事工作落实情况
序号 考核指标 单 位 工作目标 已完成数 占年任务之比 备  注
1 城镇新增就业 万人 5.2 7.23  139.1% 人社局
2 自然村通水泥路 公里  1360 1361.92  100.1% 交通局
提质改造农村公路 公里  168 171.70  102.2%
3 提高农村低保标准 元/年/人 不低于3700元 3840  达到目标3840元 民政局
"""


def test_a_table_copied_with_its_cells_joined_by_spaces_is_read_by_its_header() -> None:
    """The unit column's unit goes with the bare figures; the share column is neither."""
    targets = [t for _, t in plan_of(SPACED).model.targets()]
    assert [(t.value, t.unit) for t in targets] == [
        ("5.2万", "人"),
        ("1360", "公里"),
        ("168", "公里"),
        ("3700", "元"),
    ]
    results = results_of(SPACED).model.results
    assert [(r.value, r.unit) for r in results] == [
        ("7.23万", "人"),
        ("1361.92", "公里"),
        ("171.70", "公里"),
        ("3840", "元"),
    ]
    assert [r.metric for r in results] == [t.metric for t in targets]


def test_counts_of_the_indicators_a_notice_reports_on_are_not_figures_of_the_work() -> None:
    text = (
        "一、指标\n主要经济指标任务10项，3项指标未达到序时进度。截至目前，达到序时进度44项、占比80.0%，"
        "未达到序时进度11项、占比20.0%。办理建议提案120项。\n"
    )
    said = reasons(results_of(text))
    assert said == {
        "10项": "import_fig_meta",
        "3项": "import_fig_meta",
        "44项": "import_fig_meta",
        "80.0%": "import_fig_share",
        "11项": "import_fig_meta",
        "20.0%": "import_fig_share",
        "120项": "",
    }


def test_a_size_bound_before_what_is_counted_names_its_class() -> None:
    text = "一、项目\n引进投资10亿元以上项目25个，完成投资80亿元以上。\n"
    said = reasons(results_of(text))
    assert said == {"10亿元以上": "import_fig_modifier", "25个": "", "80亿元以上": ""}


def test_a_plan_s_range_of_a_count_commits_to_its_lower_end() -> None:
    text = (
        "一、养老\n1.主城区增设4-5家居家养老服务场所，培育4至6家社会组织，办结时限3-5个工作日。\n"
    )
    targets = [t for _, t in plan_of(text).model.targets()]
    assert [(t.value, t.unit, t.op) for t in targets] == [
        ("4", "家", model.Op.AT_LEAST),
        ("4", "家", model.Op.AT_LEAST),
    ]
    literals = [r.literal for r in plan_of(text).report.figures]
    assert literals == ["4-5家", "4至6家"]


def test_a_bare_figure_in_a_table_row_is_counted_in_what_the_row_names() -> None:
    """93215 under 工作目标 in the row 农村适龄妇女“两癌”免费检查: a figure without a unit of its
    own; the figures in a row's name (100万户以上) are not the row's."""
    text = (
        "某市重点民生实事工作落实情况\n序号 | 项目名称 | 工作目标 | 已完成数 | 完成率\n"
        "1 | 农村适龄妇女“两癌”免费检查 | 93215 | 106345 | 114.1%\n"
        "2 | 改建农村户用厕所100万户以上 | 144281 | 127258 | 88.2%\n"
    )
    targets = [t for _, t in plan_of(text).model.targets()]
    assert [(t.value, t.unit) for t in targets] == [("93215", ""), ("144281", "")]
    results = results_of(text).model.results
    assert [(r.value, r.unit) for r in results] == [("106345", ""), ("127258", "")]


def test_a_figure_set_against_the_province_is_a_comparison() -> None:
    text = "一、经济\n地区生产总值增长8.6%，高出全省0.1个百分点；城镇新增就业2093人。\n"
    said = reasons(results_of(text))
    assert said == {"8.6%": "", "0.1个百分点": "import_fig_compared", "2093人": ""}


def test_a_plan_s_main_goals_before_its_first_heading_are_its_targets() -> None:
    text = (
        "2024年全省卫生健康工作要点\n全省卫生健康工作的主要目标是：人均预期寿命达到82.5岁，"
        "婴儿死亡率控制在3‰以下。\n2024年是关键一年，全省有医疗机构3.5万个。\n"
        "一、推进健康建设\n1.创建省级健康乡镇100个。\n"
    )
    plan = plan_of(text).model
    assert [
        (d.title, [t.value for t in next(model.domain_tasks(d)).targets]) for d in plan.domains
    ] == [
        ("主要目标", ["82.5", "3‰"]),
        ("推进健康建设", ["100"]),
    ]
    assert "3.5万个" not in [r.literal for r in plan_of(text).report.figures]  # preamble, unread


def test_a_plan_s_heading_that_names_progress_does_not_make_it_a_report() -> None:
    """（三）加快项目进度 is a plan's heading: its tasks' figures, and those of tasks whose text says
    完成, are all targets; 全市现有 says what is, not what is to be."""
    text = (
        "2024年民政工作要点\n一、养老服务\n（一）加快项目进度\n1.新建养老服务中心10个。\n"
        "年内完成改造困难家庭居室250户，已开工的项目全部竣工。\n"
        "（二）提升服务\n2.全市现有养老机构120家，新增养老床位500张。\n"
    )
    targets = [t for _, t in plan_of(text).model.targets()]
    assert [t.value for t in targets] == ["10", "250", "500"]


def test_a_plan_that_cites_a_report_in_its_title_is_still_a_plan() -> None:
    text = (
        "2024年《政府工作报告》重点工作任务分解方案\n一、民生\n"
        "1.城镇新增就业1.2万人。\n2.新增养老床位500张，床位总数目标为6000张。\n"
    )
    targets = [t for _, t in plan_of(text).model.targets()]
    assert [t.value for t in targets] == ["1.2万", "500", "6000"]


def test_a_task_completed_is_a_result_and_a_target_named_after_de_is_not() -> None:
    text = "一、住房\n完成1200户的危房改造任务，超额完成40所的年度目标任务，低于4.5%的控制目标。\n"
    said = reasons(results_of(text))
    assert said == {"1200户": "", "40所": "import_fig_target", "4.5%": "import_fig_target"}


def test_a_fiscal_account_named_for_the_budget_is_no_budget() -> None:
    # 一般公共预算收入 names what came in; a budget (预算安排) is only what was set aside
    text = "一、经济\n全年地方一般公共预算收入12.5亿元，比上年增长6.1%。民生支出预算安排3亿元。\n"
    said = reasons(results_of(text))
    assert said == {"12.5亿元": "", "6.1%": "", "3亿元": "import_fig_estimate"}


def test_how_far_a_work_has_got_is_a_share() -> None:
    text = "一、养老\n新建敬老院2所，工程进度达到80%。\n"
    said = reasons(results_of(text))
    assert said == {"2所": "", "达到80%": "import_fig_share"}


def test_the_part_of_a_task_that_is_done_is_a_result() -> None:
    # 6个…已完成: the task; 其中2个已完成: what is done of it
    text = "一、养老\n改造6个老年食堂已完成2个。提升助餐点8个，其中3个已完成验收。\n"
    said = reasons(results_of(text))
    assert said == {"6个": "import_fig_target", "2个": "", "8个": "", "3个": ""}


def test_what_is_still_being_built_is_no_result() -> None:
    text = "一、养老\n老年助餐点已建成18个，2个在建。\n"
    said = reasons(results_of(text))
    assert said == {"18个": "", "2个": "import_fig_progress"}


def test_the_programme_s_own_items_counted_after_their_name_are_neither() -> None:
    """承办为民办实事项目12个，其中省定实事项目8个（与市定项目重复3个）: the programme's
    items counted, before or after their name, are no result of the year."""
    text = (
        "今年全县共承办为民办实事项目12个，其中省定实事项目8个（与市定项目重复3个）。"
        "一季度，全县启动实事项目5个，新增城镇就业420人。\n"
    )
    said = reasons(results_of(text))
    assert said == {
        "12个": "import_fig_meta",
        "8个": "import_fig_meta",
        "3个": "import_fig_meta",
        "5个": "import_fig_meta",
        "420人": "",
    }


def test_a_plan_s_look_back_at_last_year_lasts_until_the_text_returns_to_this_year() -> None:
    """今年…新增300名。 去年，…取得新成果。全年为…: the sentences after 去年 report last year,
    until one opens on this year again."""
    text = (
        "一、就业\n今年全市将新增残疾人就业300名。 去年，全市助残工作取得新成果。"
        "全年为1200名残疾人提供托养服务；培训残疾人800人。今年，改造无障碍设施50处。\n"
    )
    said = {r.literal: r.reason for r in plan_of(text).report.figures}
    assert said == {
        "300名": "",
        "1200名": "import_fig_past",
        "800人": "import_fig_past",
        "50处": "",
    }
    gave = "一、养老\n去年全市新增养老床位500张。在此基础上，新增养老床位600张。\n"
    said = {r.literal: r.reason for r in plan_of(gave).report.figures}
    assert said == {"500张": "import_fig_past", "600张": ""}  # the look back gave its figure


def test_a_report_s_planned_clause_plans_the_rest_of_its_sentence() -> None:
    """今年，全市计划新增就业5万人；帮助2000名…；完成培训300人。: the plan the sentence opens
    with governs its clauses after ；, and 还将进一步 speaks of the year ahead too."""
    text = (
        "今年，全市计划新增城镇就业5万人；帮助2000名失业人员再就业；完成创业培训300人。\n"
        "去年全市新增城镇就业4.8万人。\n"
        "今年，全市还将进一步扩大社保覆盖面；培养高技能人才900人。\n"
    )
    said = reasons(results_of(text))
    assert said == {
        "5万人": "import_fig_future",
        "2000名": "import_fig_future",
        "300人": "import_fig_future",
        "4.8万人": "",
        "900人": "import_fig_future",
    }


def test_news_of_a_work_meeting_that_states_this_year_s_aims_is_a_plan() -> None:
    """No 一、二、 headings: a report of a meeting giving this year's aims (今年…计划新增…,
    还将…) then last year's results (去年，…) is a plan of one domain, its paragraphs of aims the
    tasks; the paragraph on last year is its review, no task."""
    text = (
        "记者从全市民政工作会议上获悉，今年，全市计划新建社区养老服务站40个；培训养老护理员600人。\n"
        "去年，全市民政系统新建社区养老服务站35个，培训养老护理员520人。\n"
        "今年，全市还将进一步完善救助体系，力争新增慈善资金3000万元。\n"
    )
    plan = plan_of(text).model
    assert [len(d.tasks) for d in plan.domains] == [2]
    targets = [(t.value, t.unit) for _, t in plan.targets()]
    assert targets == [("40", "个"), ("600", "人"), ("3000万", "元")]
    assert plan.preamble.startswith("去年")


def test_prose_without_aims_is_still_no_plan() -> None:
    text = "去年，全市新建社区养老服务站35个。\n全市民政系统培训养老护理员520人。\n"
    with pytest.raises(InputError):
        plan_of(text)


def test_a_forum_post_stamp_is_not_the_plan_s_year() -> None:
    """abc123 - 2023/10/31 18:04:00 over 今年…将…: when a user reposted it, not its year."""
    text = "abc123 - 2023/10/31 18:04:00\n今年，市民政局将新建社区食堂20个。\n"
    with pytest.raises(InputError) as err:
        importer.import_plan(importer.source_from_text(text, "p.txt"), bureau="某局")
    assert err.value.problems[0].message == say("import_no_year")
    dated = "2023-10-31 18:04:00\n今年，市民政局将新建社区食堂20个。\n"
    plan = importer.import_plan(importer.source_from_text(dated, "p.txt"), bureau="某局")
    assert plan.model.year == 2023


def test_a_project_s_whole_budget_and_size_describe_it() -> None:
    """推进养老中心项目建设，项目总投资8600万元，总建筑面积6200平方米，新建2栋: what the project
    is, as a whole, not the year's target; a clause naming the year is (年内完成投资3000万元).
    A report's floor area built stays a result."""
    text = (
        "一、养老\n1.推进区养老中心项目建设，项目总投资8600万元，总建筑面积6200平方米，"
        "总用地面积9000平方米，新建2栋楼，年内完成投资3000万元。新增养老床位300张。\n"
    )
    said = {r.literal: r.reason for r in plan_of(text).report.figures}
    assert said == {
        "8600万元": "import_fig_project",
        "6200平方米": "import_fig_project",
        "9000平方米": "import_fig_project",
        "2栋": "import_fig_project",
        "3000万元": "",
        "300张": "",
    }
    built = reasons(results_of("一、建设\n全年新（改）扩建总建筑面积18万平方米。\n"))
    assert built == {"18万平方米": ""}


def test_a_task_s_completion_percentage_is_a_share() -> None:
    """新增农村敬老院床位完成45%: how far the task has got, not a level reached."""
    text = "一季度，新增城镇就业420人；新增农村敬老院床位完成45%；农村低保覆盖率达到5%。\n"
    assert reasons(results_of(text)) == {"420人": "", "45%": "import_fig_share", "达到5%": ""}


@pytest.mark.parametrize(
    "lead",
    [
        "今年全市要新增城镇就业5万人，培训失业人员3000人。",
        "今年，全市人社系统要聚焦稳就业，新增城镇就业5万人，培训失业人员3000人。",
        "会议明确，今年全市人社工作的目标任务是：新增城镇就业5万人，培训失业人员3000人。",
    ],
)
def test_a_meeting_s_aims_said_with_yao_or_as_its_tasks_make_a_plan(lead: str) -> None:
    """全市要…, 系统要…, 目标任务是：…: the aims of the year, in news without headings."""
    text = f"记者从全市人社工作会议上获悉，{lead}\n去年，全市新增城镇就业4.8万人。\n"
    targets = [(t.value, t.unit) for _, t in plan_of(text).model.targets()]
    assert targets == [("5万", "人"), ("3000", "人")]
    if "要" in lead:
        assert reasons(results_of(text))["5万人"] == "import_fig_future"


MEETING = """2月10日，全县民政工作会议召开。会议总结2024年民政工作，安排部署2025年重点任务。
2024年，全县民政系统发放低保金3200万元，新建村级互助养老服务点12个。
会议指出，2025年全县民政系统要坚持稳中求进，新增养老床位200张，培训养老护理员300人次。
"""


def test_a_meeting_that_reviews_one_year_and_plans_the_next_is_each_year_s() -> None:
    """总结2024年工作，部署2025年任务: the plan is 2025's, its 2024年，… paragraph the review;
    the results are 2024's."""
    source = importer.source_from_text(MEETING, "news.txt")
    plan = importer.import_plan(source, bureau="某局").model
    assert plan.year == 2025 and plan.preamble.startswith("2024年")
    assert [t.value for _, t in plan.targets()] == ["200", "300"]
    results = importer.import_results(source, bureau="某局").model
    assert results.year == 2024
    assert [r.value for r in results.results] == ["3200万", "12"]


def test_a_preposition_jiang_or_a_requirement_is_no_future() -> None:
    """将重点优抚对象…纳入, 按照全市要求: 将 before its object and 要求 say nothing of the year
    ahead; the figures are the year's results."""
    text = "按照全市要求，将重点优抚对象1200人纳入医疗保障，发放补助金300万元。\n"
    assert reasons(results_of(text)) == {"1200人": "", "300万元": ""}


def test_a_list_of_the_year_s_projects_said_with_jiang_shishi_is_no_result() -> None:
    """今年我市将实施40项民生实事，包括新建…5个、改造…30个: what will be done."""
    text = "今年我市将实施40项民生实事，包括新建城市公园5个、改造老旧小区30个等。\n"
    with pytest.raises(InputError) as raised:  # nothing a report achieved
        results_of(text)
    assert raised.value.problems[0].message.startswith(say("import_no_results")[:10])


def test_the_size_of_one_named_project_is_no_result() -> None:
    """某小学教学楼项目，建设面积800平方米，正在处理基础: what the project is, not what the year
    built; the total size of the projects counted before it is."""
    text = (
        "一、校舍建设\n今年共争取校舍项目9个，资金860万元。目前已开工的项目5个，建设面积4200平方米。"
        "东风小学教学楼项目，建设面积800平方米，正在处理基础；城关二中食堂项目，建筑面积650平方米，"
        "主体已封顶。\n"
    )
    said = reasons(results_of(text))
    assert said["4200平方米"] == ""
    assert said["800平方米"] == said["650平方米"] == "import_fig_project"


def test_the_share_of_a_programme_s_items_started_is_no_result() -> None:
    """开工率达100%: how far the programme has got, like 完成率."""
    text = "一、项目推进\n截至9月底，全县新建村级养老服务站15个，项目开工率达95%，竣工率60%。\n"
    said = reasons(results_of(text))
    assert said == {"15个": "", "达95%": "import_fig_share", "60%": "import_fig_share"}


def test_the_people_of_a_visiting_party_are_no_result() -> None:
    """督查组一行6人来到我县: the visit's party, not what the year did."""
    text = "一、就业\n3月5日，市就业局督查组一行6人来到我县检查。全年城镇新增就业2600人。\n"
    said = reasons(results_of(text))
    assert said == {"6人": "import_fig_party", "2600人": ""}


def test_pinyin_glosses_run_into_a_repost_are_left_out() -> None:
    """鄉(xiāng)鎮(zhèn), 2萬(wàn)人: a page glossing characters with pinyin; the glosses go, so
    units and words read as written (the figures keep their place in the line)."""
    text = "今年，全縣將新建鄉(xiāng)鎮(zhèn)養(yǎng)老院3所，解決2萬(wàn)人的飲水問(wèn)題。\n"
    imported = plan_of(text)
    targets = [(t.value, t.unit, t.metric) for _, t in imported.model.targets()]
    assert [(value, unit) for value, unit, _ in targets] == [("3", "所"), ("2万", "人")]
    assert not any("（" in metric for _, _, metric in targets)
    assert [(r.line, r.column) for r in imported.report.figures] == [(1, 33), (1, 38)]


def test_a_speech_s_lead_into_its_points_is_no_notice_recipient() -> None:
    """某副市长就做好今年就业工作提出三点要求：: a sentence leading into what follows, not the
    recipients of a notice (各区县人社局：); the points after it are the plan."""
    text = (
        "3月5日，全市就业工作会议召开。\n"
        "副市长王某就做好今年就业工作提出三点要求：\n"
        "第一，确保完成目标任务。今年全市就业工作目标任务是：新增城镇就业2万人，"
        "城镇登记失业率控制在4%以内。第二，抓好重点群体就业。\n"
    )
    plan = plan_of(text).model
    assert plan.notice is None
    assert [(t.value, t.unit) for _, t in plan.targets()] == [("2万", "人"), ("4%", "")]


def test_a_paragraph_led_by_the_year_s_work_states_aims_in_its_task_sentences() -> None:
    """对于今年的工作安排，…表示，…。加强…，年底前建设…。: news giving the year's plan, its tasks
    without 将 or 计划 in each sentence; a sentence reporting what is done is no aim."""
    text = (
        "日前，记者在市民政局召开的新闻发布会上获悉有关情况。\n"
        "对于今年的工作安排，市民政局负责人表示，要更好履行民政职责。完善社会救助体系。"
        "加强社区服务，年底前全市建设不少于300个智慧社区。全年新增护理型床位1200张。\n"
    )
    plan = plan_of(text).model
    assert [(t.value, t.unit) for _, t in plan.targets()] == [("300", "个"), ("1200", "张")]
    done = text.replace("对于今年的工作安排", "谈到去年的工作").replace(
        "负责人表示，要", "负责人表示，已"
    )
    with pytest.raises(InputError):
        plan_of(done)


def test_a_list_taking_up_the_aim_before_it_states_aims() -> None:
    """…将集中力量办好八件民生实事。 / 这八件民生实事分别是：新建…；改造…: the list the
    aim announced, in a paragraph of its own."""
    text = (
        "记者从县人代会上了解到，今年，全县将集中力量办好八件民生实事。\n"
        "这八件民生实事分别是：新建城区停车场5个；改造老旧小区30个；为3000名老年人免费体检。\n"
    )
    plan = plan_of(text).model
    assert [(t.value, t.unit) for _, t in plan.targets()] == [
        ("5", "个"),
        ("30", "个"),
        ("3000", "人"),
    ]
    with pytest.raises(InputError):  # a list no aim announced is no plan
        plan_of(text.replace("将集中力量办好", "办好了"))


def test_who_attended_the_meeting_is_no_target_or_result() -> None:
    """召开…部署会，…、18个镇街负责人参加: who came; 200名残疾人参加技能培训 is a result."""
    plan = plan_of(
        "4月2日，区残联召开2024年重点工作部署会，各科室负责人、18个镇街残联理事长参加。"
        "会议部署今年工作：一是力争建成不少于6个温馨家园。\n"
    )
    assert [(t.value, t.unit) for _, t in plan.model.targets()] == [("6", "个")]
    assert {r.literal: r.reason for r in plan.report.figures}["18个"] == "import_fig_attendance"
    trained = reasons(results_of("全年组织200名残疾人参加技能培训。\n"))
    assert trained == {"200名": ""}


def test_a_later_year_s_level_is_no_target_and_a_hoped_for_figure_no_result() -> None:
    """争取2024年新增…, …将达到…: the year ahead, no result; in a 2024 plan, 而到2026年，…将达到…
    is a later year's level, no target of the year."""
    text = (
        "2023年，全市新增养老床位600张。\n"
        "全市争取2024年新增养老床位800张。而到2026年，全市老年人口将达到90万。\n"
        "今年全市计划新建社区食堂15个。\n"
    )
    assert reasons(results_of(text)) == {
        "600张": "",
        "800张": "import_fig_future",
        "达到90万": "import_fig_future",
        "15个": "import_fig_future",
    }
    said = {r.literal: r.reason for r in plan_of(text).report.figures}
    assert said == {
        "800张": "",
        "达到90万": "import_fig_later",
        "15个": "",
    }


def test_a_news_title_naming_a_disabled_persons_federation_names_the_office() -> None:
    """柳林区残联召开…部署会: the 残联 (残疾人联合会) is an office like a 局; no need to ask."""
    text = "柳林区残联召开2024年重点工作部署会\n会议要求，今年全区力争建成温馨家园6个。\n"
    plan = importer.import_plan(importer.source_from_text(text, "p.txt"), year=2024).model
    assert plan.bureau == "柳林区残疾人联合会"


def test_the_people_a_screening_is_to_reach_are_its_target() -> None:
    # a 公示 item by item: 目标人群 (the people the year's screening is to reach), then what was
    # done; the plan takes the first, the results the second
    text = (
        "现将我局2023年民生实事的完成情况予以公示。\n"
        "1.老年人免费体检项目目标人群为800人，我县已完成体检共计912人。\n"
        "2.免费听力筛查项目目标人群400人，我县已完成筛查455人。\n"
    )
    plan = plan_of(text).model
    assert [(t.value, t.unit) for _, t in plan.targets()] == [("800", "人"), ("400", "人")]
    said = reasons(results_of(text))
    assert said["800人"] == said["400人"] == "import_fig_target"
    assert said["912人"] == said["455人"] == ""


def test_a_paragraph_on_last_year_that_turns_to_this_year_plans_from_there() -> None:
    """2024年，…。2025年，全县将…。计划建成…: the paragraph reviews 2024 and then plans 2025, so
    its later figures are targets; a review's lead-in without figures (2024年，县残联工作稳步推进。)
    carries to the sentence after it, as 去年，… does."""
    text = (
        "3月5日，全县民政工作会议召开，总结2024年工作，并对2025年的工作作出安排。\n"
        "2024年，全县民政部门支出救助金800万元，救助困难群众6000人。2025年，全县民政工作将继续"
        "聚焦基本民生保障。计划建成30所农村幸福院、12所老年食堂。\n"
        "2024年，县残联工作稳步推进。全年为40名残疾儿童提供康复训练。2025年，县残联将继续做好"
        "康复服务。\n"
    )
    source = importer.source_from_text(text, "news.txt")
    imported = importer.import_plan(source, bureau="某局")
    assert [(t.value, t.unit) for _, t in imported.model.targets()] == [("30", "所"), ("12", "所")]
    said = {r.literal: r.reason for r in imported.report.figures}
    assert said["800万元"] == said["40名"] == "import_fig_past"


def test_a_target_said_in_quoted_words_is_read_and_a_quoted_name_is_not() -> None:
    """“…今年，全市计划新增养老床位3000张。”负责人称: words quoted, a sentence, whose figure is the
    plan's; a name in quotes (“民生100工程”) holds no figure."""
    text = (
        "记者从市民政局获悉，“根据安排，今年，全市计划新增养老床位3000张。”该局负责人称，"
        "全市将继续实施“民生100工程”。\n"
    )
    plan = plan_of(text).model
    assert [(t.value, t.unit) for _, t in plan.targets()] == [("3000", "张")]


def test_a_paragraph_on_last_year_after_a_speaker_s_lead_in_is_the_review() -> None:
    """局长某某介绍，2024年，…: the speaker's lead-in does not hide that the paragraph reviews
    2024, so none of its sentences gives a target."""
    text = (
        "记者从2025年全县民政工作会议上获悉，今年全县民政部门将新增养老床位200张。\n"
        "县民政局局长张某介绍，2024年，全县发放低保金3200万元。为120名高龄老人发放补助金36万元。\n"
    )
    plan = importer.import_plan(importer.source_from_text(text, "news.txt"), bureau="某局").model
    assert [(t.value, t.unit) for _, t in plan.targets()] == [("200", "张")]
    assert plan.preamble.startswith("县民政局局长张某介绍")


def test_a_count_of_the_year_s_work_items_is_no_target() -> None:
    """抓好12项重点工作, …等3项工作: the plan's own work items counted, no target."""
    text = (
        "会议要求，今年要突出抓好12项重点工作落实，着力抓好养老服务、社会救助、殡葬改革3项工作，"
        "确保新增养老床位500张。\n"
    )
    said = {r.literal: r.reason for r in plan_of(text).report.figures}
    assert said == {"12项": "import_fig_meta", "3项": "import_fig_meta", "500张": ""}


def test_what_a_home_is_equipped_with_is_its_capacity_not_a_target() -> None:
    """新院设有养老床位300张: the new home's capacity, what is; the year's target is elsewhere."""
    text = "今年，区福利院新院将开门纳客，新院设有养老床位300张。全区计划新增养老床位1000张。\n"
    plan = plan_of(text).model
    assert [(t.value, t.unit) for _, t in plan.targets()] == [("1000", "张")]


def test_the_numbered_items_of_a_list_an_aim_announces_state_aims() -> None:
    """…将继续办好三件实事。分别是：（1）…。（2）…。 in one paragraph: each numbered item of the
    list the aim announced is a target, up to the first unnumbered sentence."""
    text = (
        "5月6日，县长在县人代会上作报告。报告指出，县政府将继续办好三件实事。分别是："
        "（1）新建城区停车场5个。（2）改造老旧小区30个。（3）为3000名老年人免费体检。\n"
    )
    plan = plan_of(text).model
    assert [(t.value, t.unit) for _, t in plan.targets()] == [
        ("5", "个"),
        ("30", "个"),
        ("3000", "人"),
    ]
    with pytest.raises(InputError):  # a list no aim announced is no plan
        plan_of(text.replace("将继续办好", "办好了"))


def test_the_whole_budget_of_a_project_named_after_it_is_no_target() -> None:
    """加快建设总投资2.5亿元的县中医院迁建项目: the budget describes the project it names; the
    year's 300张 is the target."""
    imported = plan_of("今年全县将加快建设总投资2.5亿元的县中医院迁建项目，新建养老床位300张。\n")
    assert [(t.value, t.unit) for _, t in imported.model.targets()] == [("300", "张")]
    assert {r.literal: r.reason for r in imported.report.figures}["2.5亿元"] == "import_fig_project"


def test_the_last_share_of_a_list_joined_by_he_is_a_share() -> None:
    """分别完成年度任务的120%、98%和105%: the last share, after 和, is a share like the others."""
    text = "一、就业\n全县新增就业3000人，培训、创业、援助分别完成年度任务的120%、98%和105%。\n"
    said = reasons(results_of(text))
    assert said == {
        "3000人": "",
        "120%": "import_fig_share",
        "98%": "import_fig_share",
        "105%": "import_fig_share",
    }


def test_the_count_of_those_sharing_a_rank_is_no_result() -> None:
    """成为全省5个示范县之一: how many share the rank, not what the year did."""
    text = "一、养老\n全县新建老年食堂12个，成为全省5个养老服务示范县之一。\n"
    said = reasons(results_of(text))
    assert said == {"12个": "", "5个": "import_fig_one_of"}
    assert say("import_fig_one_of")


def test_a_shortfall_and_the_task_it_is_short_of_are_no_results() -> None:
    """1200户改造任务，还差150户: 150 is still to do, 1200 the task; neither was done."""
    text = "一、救助\n全区发放救助金860万元。适老化改造1200户任务，还差150户，年底前完成。\n"
    said = reasons(results_of(text))
    assert said == {
        "860万元": "",
        "1200户": "import_fig_target",
        "150户": "import_fig_shortfall",
    }
    assert say("import_fig_shortfall")


def test_a_mark_passed_for_the_first_time_after_the_level_is_no_second_result() -> None:
    """参保率为96.3%，首次突破95%: the level is 96.3%; 95% is the mark it passed. A mark
    passed with no level before it (首次突破1万张) is still the year's figure."""
    text = "一、养老\n全县养老保险参保率为96.3%，首次突破95%。全县养老床位首次突破1万张。\n"
    said = reasons(results_of(text))
    assert said == {"96.3%": "", "95%": "import_fig_threshold", "1万张": ""}
    assert say("import_fig_threshold")


def test_hazards_counted_are_damage_and_relief_for_those_struck_is_not() -> None:
    """应对5轮强降雨过程: the hazards the year brought; 受灾群众临时安置点36个, 转移安置受灾群众
    1200人: relief done for those struck, a result; 直接经济损失800万元 stays damage."""
    text = (
        "一、减灾救灾\n入汛以来，成功应对5轮强降雨过程和1次台风袭击，全县未发生人员伤亡。"
        "设置受灾群众临时安置点36个，转移安置受灾群众1200人。因灾造成直接经济损失800万元。\n"
    )
    said = reasons(results_of(text))
    assert said == {
        "5轮": "import_fig_damage",
        "1次": "import_fig_damage",
        "36个": "",
        "1200人": "",
        "800万元": "import_fig_damage",
    }


def test_a_headcount_naming_a_class_of_posts_is_no_result() -> None:
    """撤并10人以上作业岗位: the size that names the posts; 培训3000人以上 is still a result."""
    text = "一、安全生产\n全市检查企业450家，撤并10人以上高风险岗位，培训从业人员3000人以上。\n"
    said = reasons(results_of(text))
    assert said == {"450家": "", "10人以上": "import_fig_modifier", "3000人以上": ""}


def test_the_cities_and_counties_an_area_is_made_of_are_its_scope() -> None:
    """全省14个市, 全市6个县区: what the area is made of, not what the year did; 全市新增…
    is still the year's."""
    text = "一、养老\n全省14个市均建成养老服务指导中心，全市6个县区新增养老床位800张。\n"
    said = reasons(results_of(text))
    assert said == {"14个": "import_fig_scope", "6个": "import_fig_scope", "800张": ""}


def test_a_task_followed_by_how_much_of_it_is_done_is_the_target() -> None:
    """新建30家老年食堂，已建成26家: 30 is the task, 26 what was done; 新建老年食堂30家，覆盖…
    stays a result."""
    text = "一、养老\n全县新建30家老年食堂，已建成26家。改造农村敬老院8所，覆盖特困人员500人。\n"
    said = reasons(results_of(text))
    assert said == {"30家": "import_fig_target", "26家": "", "8所": "", "500人": ""}


def test_hazards_problems_or_rules_counted_in_xiang_are_not_the_programme_s_items() -> None:
    """A paragraph that also names its 民生实事: 排查隐患3200项 and 出台5项管理制度 count what
    was found and issued; 完成民生实事8项 still counts the programme's items."""
    text = (
        "一、安全生产\n全年排查整改隐患3200项。出台《某某办法》等5项管理制度。"
        "完成民生实事8项，新建消防站2个。\n"
    )
    said = reasons(results_of(text))
    assert said == {"3200项": "", "5项": "", "8项": "import_fig_meta", "2个": ""}


def test_the_ends_of_an_age_band_are_no_figures() -> None:
    """为70岁—79岁的老人发放补贴: the band says who is covered; the allowance and the people
    reached are the figures."""
    text = "一、养老\n全县为70岁—79岁的老人每人每月发放补贴40元，惠及老人8600人。\n"
    said = reasons(results_of(text))
    assert said == {
        "70岁": "import_fig_age",
        "79岁": "import_fig_age",
        "40元": "",
        "8600人": "",
    }
    assert say("import_fig_age")


def test_projects_counted_by_their_progress_are_the_programme_s_items() -> None:
    """6个项目已提前完成年度目标, 2个项目经批准后调整进度目标: the projects sorted by how far
    they are; the work they did (新建养老床位300张) is the result."""
    text = (
        "一、重点项目进展\n截至6月底，6个项目已提前完成年度目标，"
        "2个项目经批准后调整进度目标。新建养老床位300张。\n"
    )
    said = reasons(results_of(text))
    assert said == {"6个": "import_fig_meta", "2个": "import_fig_meta", "300张": ""}


def test_suggestions_gathered_while_choosing_a_plan_are_no_target() -> None:
    """征集群众意见建议860条 says what the tasks were chosen from; 新建公厕30座 is the target.
    A report may count the views it gathered as work done: there it stays a result."""
    text = "一、民生实事\n今年共征集群众意见建议860条，经梳理确定实事项目。全年新建公厕30座。\n"
    assert reasons(plan_of(text)) == {"860条": "import_fig_consulted", "30座": ""}
    assert say("import_fig_consulted")
    report = "一、走访\n全年走访群众2000户，收集意见建议350条，均已办结。\n"
    assert reasons(results_of(report))["350条"] == ""
