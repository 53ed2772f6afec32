"""What a results import takes from reports of kinds not probed before (统计公报, 督查通报 with
rankings, 述职 reports, 应急 and 教育 summaries): each rule is one a reader of Chinese would state,
checked on made-up sentences."""

from __future__ import annotations

from importer_support import taken_of

from planwriter import importer
from planwriter.importer.figures import Purpose


def _taken(text: str, purpose: Purpose = Purpose.RESULTS) -> list[str]:
    return [r.literal for r in taken_of(text, purpose)]


def test_a_completion_rate_said_with_an_adverb_is_still_a_share() -> None:
    """北岭县养老机构建设完成率仅为50%: 仅 (or 只, 已) before 为 changes nothing; the rate is how
    far the task has got, not a level the year reached."""
    assert _taken("个别县区进度滞后，北岭县养老机构建设完成率仅为50%。") == []
    assert _taken("新建村卫生室18个，完成率已达90%。") == ["18个"]
    assert _taken("全市城镇新增就业2.16万人，其中2个县完成率低于45%。")[0] == "2.16万人"
    assert "45%" not in _taken("全市城镇新增就业2.16万人，其中2个县完成率低于45%。")


def test_the_people_of_an_age_are_the_population() -> None:
    """其中60岁及以上人口71.5万人: who lives there, like 老年人口, not what the year did."""
    text = "全市户籍人口312万人，其中60岁及以上人口71.5万人。全年新增养老床位860张。"
    assert _taken(text) == ["860张"]


def test_the_scores_an_assessment_ranks_places_by_are_no_results() -> None:
    """综合得分排名前三位的是：东城区（96.5分）…: the scores say where the places stand, like
    the ranks; a score with no ranking in its sentence (满意度测评96.5分) is still a result."""
    text = "综合得分排名前三位的是：东城区（96.5分）、西山县（94.2分）。"
    assert _taken(text) == []
    assert _taken("在全省民政工作考核中得分92.6分，排名第3位。") == []
    assert _taken("群众满意度测评得分96.5分。") == ["96.5分"]


def test_the_items_of_a_set_sorted_by_progress_are_the_programme_s_own() -> None:
    """今年确定的48项重点工作任务中，已完成41项: the 41 count the same items as the 48, how far
    the programme has got, not work done."""
    text = "今年确定的48项重点工作任务中，已完成41项，正在推进7项。全年新增就业3.86万人。"
    assert _taken(text) == ["3.86万人"]
    assert _taken("全年办结群众信访事项126件。") == ["126件"]


def test_a_hazard_named_before_its_count_is_the_disaster() -> None:
    """汛期共发生强降雨过程9次: the hazard the year brought, like 应对12轮强降雨过程; the drills
    (开展应急演练86场次) are the work."""
    text = "汛期共发生强降雨过程9次，紧急转移安置群众3260人。全年开展应急演练86场次。"
    assert _taken(text) == ["3260人", "86场次"]


def test_a_lone_numeral_after_the_thing_it_counts_is_a_figure() -> None:
    """新建街道综合养老服务中心两所、社区养老服务站三个: the numeral ends its clause after the
    thing it counts, so it counts it; 其中两所学校 is a part counted. A set phrase (两个确立)
    goes on to its noun, and 一次, 每月两次, 分三批 say how, not how many."""
    text = "全区新建街道综合养老服务中心两所、社区养老服务站三个。"
    assert _taken(text) == ["两所", "三个"]
    assert _taken("新建改扩建学校12所，其中两所学校已投入使用。") == ["12所", "两所"]
    assert _taken("坚决做到两个维护，督查每月两次，分三批推进。") == []


def test_a_debriefing_s_duties_carried_out_are_its_results() -> None:
    """一、履职情况 in a 述职 report heads what was done, like 工作成效; 存在不足 and 下一步打算
    after it are not results."""
    text = (
        "区民政局局长2024年度述职报告\n"
        "一、履职情况\n"
        "全年新增养老床位260张，完成适老化改造400户。\n"
        "二、存在不足\n"
        "养老护理员仅86人。\n"
        "三、下一步打算\n"
        "2025年计划新增养老床位300张。"
    )
    imported = importer.import_results(importer.source_from_text(text, "r.txt"), bureau="某局")
    assert [r.value for r in imported.model.results] == ["260", "400"]


def test_what_is_left_of_a_task_is_not_done() -> None:
    """已完成186公里，剩余14公里12月底前完成: 剩余 (还剩, 尚余) says what is still to do."""
    assert _taken("改造农村公路已完成186公里，剩余14公里12月底前完成。") == ["186公里"]


def test_those_who_attend_a_meeting_the_clause_names_are_attendance() -> None:
    """…理事长等80余人参加会议: the clause names the meeting, so the figure counts who came,
    even when the meeting was named a sentence before; 200名残疾人参加技能培训 is a result."""
    text = "会议表彰了先进集体。全市各县区残联理事长等80余人参加会议。"
    assert _taken(text) == []
    assert _taken("组织200名残疾人参加技能培训。") == ["200名"]


def test_a_table_one_cell_a_line_numbered_in_its_names_reads_its_columns() -> None:
    """项目名称 / 目标任务 / 完成情况 / 1.新建农村幸福院 / 新建农村幸福院40个 / 已建成42个: with
    no 序号 column the rows' numbers open the names' cells; the target column is still the
    target, and 目标任务 is a column's name, not a plan part's heading."""
    text = (
        "2024年民生实事完成情况回报表\n项目名称\n目标任务\n完成情况\n"
        "1.新建农村幸福院\n新建农村幸福院40个\n已建成42个，完成率105%\n"
        "2.残疾儿童康复救助\n为600名残疾儿童提供康复救助\n已救助残疾儿童652名\n"
        "3.城镇新增就业\n城镇新增就业2万人以上\n全年城镇新增就业2.3万人"
    )
    imported = importer.import_results(importer.source_from_text(text, "r.txt"), bureau="某局")
    assert [r.value for r in imported.model.results] == ["42", "652", "2.3万"]


def test_a_margin_over_the_province_said_after_it_is_a_comparison() -> None:
    """比全省要求高出8.2个百分点, 比全省平均水平低1.2个百分点: the place set against comes first
    and the verb after, like 高出全省0.1个百分点; 比上年提高2个百分点 is still a result."""
    text = "签约率为78.2%，比全省要求高出8.2个百分点。"
    assert _taken(text) == ["78.2%"]
    assert _taken("婴儿死亡率2.1‰，比全省平均水平低0.3个千分点。") == ["2.1‰"]
    assert _taken("上线率68.5%，比上年提高2.1个百分点。") == ["68.5%", "2.1个百分点"]
