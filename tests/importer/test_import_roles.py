"""What a figure is to its sentence, read from the grammar around it rather than from phrases one
document uses: a task handed down, the whole a share is taken of, a target named after 的, the
articles the documents just named add up to; a numbered sentence is a task, not a heading."""

from __future__ import annotations

from planwriter import importer, model


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
