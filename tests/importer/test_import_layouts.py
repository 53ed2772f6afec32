"""How plans, notices, progress reports and tables lay out their targets (issue 15): each layout
imports, a plan import takes the commitments only, and a refusal comes only where the text has
no part of the kind asked for. Texts made up for each behaviour."""

from __future__ import annotations

import pytest

from planwriter import importer, model
from planwriter.importer.parts import PartKind, part_kind
from planwriter.importer.tables import cell_items
from planwriter.importer.text import Para
from planwriter.problems import InputError


def plan_of(text: str, **given: object) -> importer.Imported[model.Plan]:
    return importer.import_plan(importer.source_from_text(text, "pasted.txt"), **given)


def results_of(text: str, **given: object) -> importer.Imported[model.Results]:
    return importer.import_results(importer.source_from_text(text, "pasted.txt"), **given)


def targets_of(plan: model.Plan) -> list[str]:
    return [f"{t.value}{t.unit}" for _, t in plan.targets()]


# --- which lines announce a part -------------------------------------------------------------


def test_a_part_s_name_ends_its_heading() -> None:
    assert part_kind("三、下一步工作打算") is PartKind.PLAN
    assert part_kind("一、2023年工作总结") is PartKind.RESULTS
    assert part_kind("2023年工作总结及2024年工作计划") is None  # a title over both
    assert part_kind("省就业工作目标责任制考评组到某县考评") is None  # a news title
    assert part_kind("序号 考核指标 单位 工作目标 已完成数 备注") is None  # a table's header
    assert part_kind("据了解，该局下一步还将") is None  # a sentence cut short


def test_a_news_report_whose_title_names_a_target_system_imports_as_results() -> None:
    text = (
        "省就业工作目标责任制考评组到某县考评\n"
        "据了解，2021年，某县人社局全年城镇新增就业533人，完成全年任务的106.6%。\n"
    )
    results = results_of(text, bureau="某县人社局").model
    assert [(r.value, r.unit) for r in results.results] == [("533", "人")]


# --- a progress report imported as a plan -------------------------------------------------------

SUPERVISION = """某市2021年重点工作上半年完成情况
一、主要指标完成情况
上半年，全市完成地区生产总值802.81亿元，比上年同期增长28.6%。
二、其他指标任务完成情况
1.引进龙头企业投资项目不少于3个；新开工亿元以上产业项目100个。上半年，引进龙头企业投资项目2个，新开工亿元以上产业项目80个。
2.培育互联网融合发展平台2家，试点示范企业总数达30家。支持企业实施数字化改造。
"""


def test_a_supervision_report_gives_each_task_s_commitment_as_the_plan() -> None:
    plan = plan_of(SUPERVISION, bureau="某市人民政府").model
    assert targets_of(plan) == ["3个", "100个", "2家", "30家"]
    results = results_of(SUPERVISION, bureau="某市人民政府").model
    values = [r.value for r in results.results]
    assert values[:4] == ["802.81亿", "28.6%", "2", "80"]  # task 1's commitment left out
    assert "3" not in values and "100" not in values


def test_a_report_in_plain_paragraphs_gives_only_the_targets_it_states() -> None:
    text = (
        "近年来，某县坚持就业优先。截至目前，农村劳动力转移就业7.67万人，占全年目标任务6.9万人的"
        "111.2%；城镇新增就业2093人，占全年目标任务1200人的174%。安置公益性岗位120人。\n"
    )
    plan = plan_of(text, year=2018, bureau="某县人社局").model
    assert targets_of(plan) == ["6.9万人", "1200人"]


def test_a_progress_report_without_a_target_is_refused_as_having_no_plan() -> None:
    text = (
        "某区民政局2023年工作进展情况\n一、养老服务\n截至6月底，新建助餐点12个，发放补贴196.5万元。\n"
        "二、社会救助\n上半年，累计发放低保金1567.3万元。\n"
    )
    with pytest.raises(InputError) as refused:
        plan_of(text, bureau="某区民政局")
    assert refused.value.problems[0].message == "文中没有工作计划部分（只找到：工作总结（实绩））"


# --- a notice that sets the targets in its own body --------------------------------------------

NOTICE = """某市民政局关于下达2025年为民办实事项目任务指标的通知
各区民政局：
纳入本市2025年为民办实事项目有：新增3000张养老床位，改建800张认知障碍照护床位；为3万户特殊困难老年人家庭安装智能水表。
请各区于2月20日前上报各项指标落实点位具体信息。
附件：1.2025年为民办实事项目指标分解表
2.2025年民心工程任务指标分解表
某市民政局
2025年1月24日
"""


def test_a_notice_that_hands_down_targets_is_its_own_plan() -> None:
    plan = plan_of(NOTICE).model
    assert (plan.year, plan.bureau, plan.title) == (
        2025,
        "某市民政局",
        "2025年为民办实事项目任务指标",
    )
    assert targets_of(plan) == ["3000张", "800张", "3万户"]
    assert plan.notice is not None and plan.notice.recipients == "各区民政局"
    assert plan.notice.attachment.endswith("2.2025年民心工程任务指标分解表")


def test_a_report_that_opens_on_recent_years_still_states_this_year_s_targets() -> None:
    text = "近年来，某县把就业作为民生之本。截至目前，城镇新增就业2093人，占全年目标任务1200人的174%。\n"
    plan = plan_of(text, year=2018, bureau="某县人社局").model
    assert targets_of(plan) == ["1200人"]


# --- a table whose cells the copy left side by side with spaces -------------------------------

SPACED = """某市1-11月重点民生实事工作落实情况
序号 考核指标 单 位 工作目标 已完成数 占年任务之比 备  注
1 城镇新增就业 万人 5.2 7.23  139.1% 人社局
2 自然村通水泥路 公里  1360 1361.92  100.1% 交通局
提质改造农村公路 公里  168 171.70  102.2%
3 减少义务教育大班额1.4万个以上 869 1022 117.6% 教体局
4 提高困难残疾人生活补贴标准 元/月/人 不低于60元 60  达到目标60元 民政局
5 所有县实现二甲公立医院全覆盖 - - -
"""


def test_a_table_spaced_into_columns_is_read_by_its_header() -> None:
    plan = plan_of(SPACED, year=2020, bureau="某市人民政府").model
    assert targets_of(plan) == ["5.2万人", "1360公里", "168公里", "869", "60元"]
    results = results_of(SPACED, year=2020, bureau="某市人民政府").model
    assert [r.value for r in results.results] == ["7.23万", "1361.92", "171.70", "1022", "60"]
    imported = results_of(SPACED, year=2020, bureau="某市人民政府")
    placed = {r.literal: (r.line, r.column) for r in imported.report.figures if r.taken}
    assert placed["1022"] == (6, 24)  # where the cell stands in its line


def test_the_tasks_a_report_counts_and_names_are_its_targets() -> None:
    text = (
        "2020年1-11月份某市部分目标任务完成情况\n"
        "一、量化指标任务进展情况\n"
        "列入本次通报的量化指标任务共55项。截至目前，达到序时进度44项、占比80.0%。未达到序时进度"
        "11项、占比20.0%，为完成投资80亿元、新建安置区5个。其中3项指标进展情况占比低于91.7%。\n"
    )
    plan = plan_of(text, bureau="某市人民政府").model
    assert targets_of(plan) == ["80亿元", "5个"]
    results = results_of(text, bureau="某市人民政府").model
    assert "80亿" not in [r.value for r in results.results]


def test_a_yearly_quota_named_as_an_indicator_is_a_target() -> None:
    text = "某区2023年民生工程进展情况\n生活无着人员救助：全年预期指标总量为98人次，截止6月已救助23人次。\n"
    plan = plan_of(text, bureau="某区民政局").model
    assert targets_of(plan) == ["98人次"]
    results = results_of(text, bureau="某区民政局").model
    assert [r.value for r in results.results] == ["23"]


# --- a table whose cells the copy ran together ----------------------------------------------------

GLUED = """主题:
养老助残
实事内容工作任务责任单位进展情况
一季度二季度三季度四季度
养老助残创建20个无障碍社区。区残联,相关镇街完成第一批申报。成功创建38个无障碍社区。
新增30家居家养老服务照料中心。区民政局,相关镇街目前已完成5家建设任务。累计完成21家。
"""


def test_a_table_whose_cells_ran_together_gives_commitments_and_progress() -> None:
    plan = plan_of(GLUED, year=2020, bureau="某区民政局").model
    assert targets_of(plan) == ["20个", "30家"]
    assert plan.notice is None  # 主题： is a page's field, not the notice's 主送机关
    results = results_of(GLUED, year=2020, bureau="某区民政局").model
    assert [r.value for r in results.results] == ["38", "5", "21"]


def test_a_bound_that_sizes_what_is_counted_is_no_figure_of_its_own() -> None:
    text = "2024年某市工作要点\n一、招商\n1.招大引强。投资10亿元以上项目10个，建成3000平方米以上综合体5个。\n"
    imported = plan_of(text, bureau="某市人民政府")
    assert targets_of(imported.model) == ["10个", "5个"]
    reasons = {r.literal: r.reason for r in imported.report.figures if not r.taken}
    assert set(reasons) == {"10亿元以上", "3000平方米以上"}


def test_a_numbered_item_of_a_report_without_a_reported_period_keeps_its_results() -> None:
    text = "2023年某区民生实事项目完成情况\n1.养老服务。新建老年助餐点50个，新增养老床位500张。\n"
    results = results_of(text, bureau="某区民政局").model
    assert [r.value for r in results.results] == ["50", "500"]


# --- a repost in traditional characters ----------------------------------------------------


def test_a_text_in_traditional_characters_is_read_as_simplified() -> None:
    text = (
        "遼寧省人力資源和社會保障廳2023年工作要點\n一、穩就業\n"
        "1.全年城鎮新增就業45萬人以上，新建零工市場20個，發放創業擔保貸款30億元。\n"
    )
    imported = plan_of(text, bureau="辽宁省人力资源和社会保障厅")
    assert imported.model.title == "辽宁省人力资源和社会保障厅2023年工作要点"
    assert targets_of(imported.model) == ["45万人", "20个", "30亿元"]
    columns = [r.column for r in imported.report.figures]
    assert columns == [text.splitlines()[2].index(f) + 1 for f in ("45", "20", "30")]


def test_a_simplified_text_keeps_every_character() -> None:
    text = "2024年某县民政工作要点\n一、养老\n1.显著提升服务。新增养老床位300张。\n"
    plan = plan_of(text, bureau="某县民政局").model
    assert plan.domains[0].tasks[0].title == "显著提升服务"


def test_a_spaced_table_s_figure_cells_are_named_by_their_row() -> None:
    text = (
        "某县2023年民生实事项目推进情况表\n序号 项目名称 年度目标 完成情况 完成率 责任单位\n"
        "1 新建老年助餐点 20个 22个 110% 县民政局\n2 适老化改造 300户 280户 93.3% 县民政局\n"
    )
    plan = plan_of(text, bureau="某县民政局").model
    assert [(t.metric, t.value) for _, t in plan.targets()] == [
        ("老年助餐点新建数", "20"),
        ("适老化改造户数", "300"),
    ]
    results = results_of(text, bureau="某县民政局").model
    assert [(r.metric, r.value) for r in results.results] == [
        ("老年助餐点新建数", "22"),
        ("适老化改造户数", "280"),
    ]


def test_a_table_cell_that_opens_with_a_circled_number_imports() -> None:
    # ① is a Unicode digit that int() refuses: a task table's cell, copied one a line, "①1-3月份…"
    # once crashed the heading reader
    text = (
        "某区民政局2025年重点工作任务分解表\n"
        "序号 |\n工作任务 |\n实施步骤 |\n| 1 |\n临时救助 |\n"
        "①1-3月份，及时完成审核确认；②4-6月份，新增救助对象20人。 |\n"
    )
    imported = plan_of(text, year=2025, bureau="某区民政局")
    assert imported.model.year == 2025


# --- a table copied one cell a line, without a 序号 column ---------------------------------

CELL_LINES = """某县民政局2022年民生项目完成情况公示
现将完成情况予以公示。
考核指标 |
计量单位 |
工作目标 |
已完成数 |
占年度任务 |
新增养老床位300张 |
张 |
敬老院新增床位200张 |
210 |
105% |
张 |
日间照料中心新增床位100张 |
90 |
90% |
|
提高低保标准 |
元 |
城市低保月人均保障标准不低于800元 |
820 |
102.5% |
"""


def test_a_table_copied_one_cell_a_line_without_serial_numbers_is_read_by_its_header() -> None:
    plan = plan_of(CELL_LINES, bureau="某县民政局").model
    # 新增养老床位300张, merged over the rows of its parts (200张 + 100张), is their total
    assert targets_of(plan) == ["300张", "200张", "100张", "800元"]
    results = results_of(CELL_LINES, bureau="某县民政局").model
    assert [r.value for r in results.results] == ["210", "90", "820"]  # no share (占年度任务)
    # each bare figure named after its row's target, not after the merged name above it
    assert [r.quote for r in results.results][:2] == [
        "敬老院新增床位210张",
        "日间照料中心新增床位90张",
    ]
    imported = results_of(CELL_LINES, bureau="某县民政局")
    placed = {r.literal: r.line for r in imported.report.figures if r.taken}
    assert placed == {"210张": 11, "90张": 15, "820元": 21}


SMALL_CELLS = """某区2022年民生实事加装电梯项目完成情况公示
一、某区2022年加装电梯项目共40台，现已全部开工且工程完成进度达到60%以上。
公示时间2022年12月1日至12月7日。
指标名称
全年任务目标（台）
实际完成（台）
完成进度
既有住宅加装电梯
40
42
105%
某区住房和城乡建设局
"""


def test_a_small_table_copied_one_cell_a_line_is_read_when_its_header_names_its_columns() -> None:
    plan = plan_of(SMALL_CELLS, bureau="某区住房和城乡建设局").model
    assert targets_of(plan) == ["40台"]
    imported = results_of(SMALL_CELLS, bureau="某区住房和城乡建设局")
    # the table's 42 and nothing else: 40台 before the table restates the item's target, 60%
    # is how far the works have got, 105% the share of the target
    assert [(r.value, r.unit) for r in imported.model.results] == [("42", "台")]
    placed = {r.literal: (r.line, r.column) for r in imported.report.figures if r.taken}
    assert placed == {"42台": (10, 1)}


MARKED_CELLS = """某县卫健局2023年民生实事完成情况的公示
现将完成情况予以公示。
|
实事名称 |
年度任务 |
落实情况 |
|
新建村卫生室 |
新建村卫生室12个 |
已建成12个 |
|
提高家庭医生签约补助 |
不低于30元/人/年 |
已提高至30元/人/年 |
"""


def test_a_table_copied_one_cell_a_line_whose_rows_open_with_a_lone_bar_is_read() -> None:
    # each row of the copy, the header's too, opens with "|" alone: an empty mark, no cell, so
    # the header still begins at 实事名称
    plan = plan_of(MARKED_CELLS, bureau="某县卫健局").model
    assert targets_of(plan) == ["12个", "30元/人/年"]
    results = results_of(MARKED_CELLS, bureau="某县卫健局").model
    assert [r.value for r in results.results] == ["12", "30"]


def test_a_few_short_lines_with_figures_are_no_table_without_a_header() -> None:
    lines = ["一、养老服务", "新建助餐点", "12", "改造敬老院的任务", "3", "完成情况"]
    assert cell_items([Para(text, n + 1) for n, text in enumerate(lines)]) == []


def test_a_public_notice_s_opening_names_its_items_and_reports_nothing() -> None:
    # the notice counts its programme's items and names them by their commitments: neither
    # is a result; the table under it says what was done
    opening = (
        "2022年，某县民政局承担的“民生50工程”项目共3项，包括新增养老床位300张、提高低保标准，"
        "现将完成情况予以公示。\n"
    )
    text = CELL_LINES.replace("现将完成情况予以公示。\n", opening)
    imported = results_of(text, bureau="某县民政局")
    said = {r.literal: r.reason for r in imported.report.figures if r.line == 2}
    assert said == {"3项": "import_fig_meta", "300张": "import_fig_target"}
    assert [r.value for r in imported.model.results] == ["210", "90", "820"]


def test_a_small_table_s_header_follows_its_title_and_names_its_unit() -> None:
    text = (
        "某区2023年民生实事完成情况公示\n项目名称\n目标任务（张）\n完成数（张）\n完成率\n"
        "新增养老床位\n300\n320\n106.7%\n新增护理型床位\n100\n90\n90%\n"
    )
    plan = plan_of(text, bureau="某区民政局").model
    assert targets_of(plan) == ["300张", "100张"]  # 目标任务（张） is a column, not the title
    results = results_of(text, bureau="某区民政局").model
    assert [(r.value, r.unit) for r in results.results] == [("320", "张"), ("90", "张")]


PLAIN_CELLS = """某区民政局2023年民生实事完成情况公示
序号
项目名称
年度目标
完成情况
完成率
1
新增养老床位
300张
320张
106.7%
2
老年助餐点
20个
18个
90%
某区民政局
2023年12月20日
"""


def test_a_table_copied_one_cell_a_line_without_bars_is_read_row_by_row() -> None:
    plan = plan_of(PLAIN_CELLS, bureau="某区民政局").model
    assert targets_of(plan) == ["300张", "20个"]
    results = results_of(PLAIN_CELLS, bureau="某区民政局").model
    assert [(r.value, r.unit) for r in results.results] == [("320", "张"), ("18", "个")]


def test_a_table_row_whose_name_is_not_its_first_cell_is_read_once() -> None:
    # 序号 first, the name second: the row is an item, never read again as a paragraph
    lines = PLAIN_CELLS.splitlines()
    text = "\n".join([lines[0], *(f"{line} |" for line in lines[1:16]), *lines[16:]]) + "\n"
    results = results_of(text, bureau="某区民政局").model
    assert [(r.value, r.unit) for r in results.results] == [("320", "张"), ("18", "个")]


def test_a_merged_name_whose_figure_is_not_its_rows_total_is_only_a_name() -> None:
    text = CELL_LINES.replace("新增养老床位300张 |", "新增养老床位350张 |")
    plan = plan_of(text, bureau="某县民政局").model
    assert targets_of(plan) == ["200张", "100张", "800元"]


def test_a_table_s_columns_are_told_by_their_headers() -> None:
    # 1-6月完成 is what was done (a period in a header is no figure), 完成进度 in % how much
    # of the target that is, 序时进度 the pace the calendar expects: neither
    text = (
        "某区民政局2023年民生实事上半年进展情况\n"
        "项目名称 | 全年目标 | 1-6月完成 | 完成进度 | 序时进度 |\n"
        "新增养老床位（张） | 300 | 160 | 53.3% | 50% |\n"
        "老年助餐点（个） | 20 | 12 | 60% | 50% |\n"
    )
    plan = plan_of(text, bureau="某区民政局").model
    assert targets_of(plan) == ["300张", "20个"]
    results = results_of(text, bureau="某区民政局").model
    assert [(r.value, r.unit) for r in results.results] == [("160", "张"), ("12", "个")]


def test_a_report_titled_on_its_targets_reads_each_task_s_opening_as_its_commitment() -> None:
    # the title alone says the report is on targets (民生实事完成情况)
    text = (
        "某县2023年民生实事完成情况\n"
        "1.新增养老床位300张。全年新增养老床位320张，完成年度目标的106.7%。\n"
        "2.新建老年助餐点20个。全年建成22个，完成年度目标的110%。\n"
    )
    results = results_of(text, bureau="某县民政局").model
    assert [(r.value, r.unit) for r in results.results] == [("320", "张"), ("22", "个")]


def test_a_table_row_that_lost_a_merged_cell_is_read_by_what_its_cells_are() -> None:
    text = (
        "某县民政局2023年民生实事完成情况公示\n"
        "考核指标 | 计量单位 | 工作目标 | 已完成数 | 完成率 |\n"
        "新增养老床位 | 张 | 敬老院新增床位200张 | 210 | 105% |\n"
        "张 | 日间照料中心新增床位100张 | 90 | 90% |\n"
    )
    plan = plan_of(text, bureau="某县民政局").model
    assert targets_of(plan) == ["200张", "100张"]
    imported = results_of(text, bureau="某县民政局")
    assert [(r.value, r.unit) for r in imported.model.results] == [("210", "张"), ("90", "张")]
    placed = {r.literal: (r.line, r.column) for r in imported.report.figures if r.taken}
    assert placed["90张"] == (4, 22)  # where the cell stands in its line


def test_a_bare_figure_cell_does_not_start_a_row_of_a_numbered_table() -> None:
    # one cell a line: the rows start at 1, 2, 3, never at a cell that is a small figure
    cells_ = ["序号", "项目名称", "单位", "年度目标", "完成数"]
    cells_ += ["1", "新增养老床位", "张", "300", "320", "2", "老年助餐点", "个", "20", "22"]
    text = "某县民政局2023年民生实事完成情况\n" + "".join(f"{c} |\n" for c in cells_)
    plan = plan_of(text, bureau="某县民政局").model
    assert targets_of(plan) == ["300张", "20个"]
    results = results_of(text, bureau="某县民政局").model
    assert [(r.value, r.unit) for r in results.results] == [("320", "张"), ("22", "个")]


def test_items_told_only_by_their_labels_give_commitments_and_progress() -> None:
    text = (
        "某县民政局2023年民生实事完成情况\n"
        "实事项目：新增养老床位300张\n完成情况：已新增320张，完成率106.7%\n"
        "实事项目：新建老年助餐点20个\n完成情况：已建成22个，完成率110%\n"
    )
    plan = plan_of(text, bureau="某县民政局").model
    assert targets_of(plan) == ["300张", "20个"]
    results = results_of(text, bureau="某县民政局").model
    assert [(r.value, r.unit) for r in results.results] == [("320", "张"), ("22", "个")]


def test_a_progress_column_without_a_unit_counts_as_its_target_column() -> None:
    text = (
        "某县人社局2023年就业目标完成情况\n项目名称\t年度目标（人）\t完成数\t完成率\n"
        "城镇新增就业\t3000\t3200\t106.7%\n失业人员再就业\t800\t760\t95%\n"
    )
    results = results_of(text, bureau="某县人社局").model
    assert [(r.value, r.unit) for r in results.results] == [("3200", "人"), ("760", "人")]


def test_a_name_that_states_its_quantity_in_brackets_gives_a_target_of_its_own() -> None:
    text = (
        "某县2023年民生实事完成情况\n序号 | 项目名称 | 单位 | 年度目标 | 完成数 |\n"
        "1 | 农村危房改造（120户） | 万元 | 600 | 580 |\n"
        "2 | 新增养老床位（300张） | 张 | 300 | 320 |\n"
    )
    plan = plan_of(text, bureau="某县住建局").model
    # 120户 counts what the 600万元 pays for; 300张 is the target cell's own figure again
    assert targets_of(plan) == ["120户", "600万元", "300张"]
    results = results_of(text, bureau="某县住建局").model
    assert [(r.value, r.unit) for r in results.results] == [("580万", "元"), ("320", "张")]


EXTRACT = """2024年6月某局重点工作任务推进情况

指标序号

任务

时限

推进情况

12

新建社区养老服务站5个

年底前

已建成2个

15

开展养老护理员培训

持续推进

推进中

1920

1、培训养老护理员不少于300

2、组织技能竞赛

年底前

已培训120人次
"""


def test_a_task_table_extracted_from_a_numbered_list_gives_targets_and_progress() -> None:
    """指标序号 12, 15, 1920 (19 and 20 run together): rows numbered with gaps, one cell a line;
    the task column holds the targets, the progress column what was done, and a cell's second
    point (2、…) stays in its column."""
    plan = plan_of(EXTRACT, year=2024, bureau="某局").model
    assert targets_of(plan) == ["5个", "300"]
    titles = [task.title for task in plan.tasks()]
    assert "组织技能竞赛" in titles and "年底前" not in titles
    results = results_of(EXTRACT, year=2024, bureau="某局").model
    assert [r.value + r.unit for r in results.results] == ["2个", "120人次"]


RETURN_TABLE = """某市民政局2023年民生实事落实情况
序号
任务指标
牵头部门
进展情况
是否完成年度任务
存在问题（含原因分析）
下一步推进计划和意见建议
1
新增养老床位300张。
市民政局
截至11月底，全市新增养老床位320张，投入资金1200万元。
已完成。
2
新建老年助餐点20个。
市民政局
截至11月底，全市建成老年助餐点22个。
已完成。
"""


def test_a_return_table_s_task_column_holds_the_targets() -> None:
    """A 回报表 copied one cell a line: 牵头部门 names the office, 存在问题（含原因分析） and
    下一步推进计划和意见建议 what comes after the report (its note no part of the name); the task
    column holds the targets, the progress column what was done."""
    plan = plan_of(RETURN_TABLE).model
    assert targets_of(plan) == ["300张", "20个"]
    results = results_of(RETURN_TABLE).model
    assert [r.value + r.unit for r in results.results] == ["320张", "1200万元", "22个"]


def test_rows_numbered_from_the_list_they_were_taken_from_still_count_their_place() -> None:
    """分解表5, 分解表6, then 3: the first rows carry their number in the city's breakdown
    table, the third its place in this one; each starts a row."""
    text = RETURN_TABLE.replace("\n1\n", "\n分解表5\n").replace("\n2\n", "\n分解表6\n")
    text += (
        "3\n困难残疾人生活补贴标准从每人每月150元提高到165元。\n市民政局\n"
        "截至11月底，发放困难残疾人生活补贴2100人。\n"
    )
    plan = plan_of(text).model
    assert targets_of(plan) == ["300张", "20个", "165元"]
    results = results_of(text).model
    assert [r.value + r.unit for r in results.results] == ["320张", "1200万元", "22个", "2100人"]


def test_a_floor_whose_unit_the_copy_lost_is_still_a_target() -> None:
    """报送信息不少于12: 不少于 says a quantity is meant; a bare number is not taken."""
    text = "2024年某局工作要点\n一、宣传工作\n1.全年报送政务信息不少于12，编印简报3期。\n2.完善第2批制度。\n"
    plan = plan_of(text, year=2024, bureau="某局").model
    assert targets_of(plan) == ["12", "3期"]


def test_news_words_of_intent_are_no_part_of_a_target_s_name() -> None:
    """今年，全市还将力争新增慈善资金3000万元: 还将 and 力争 say it is an aim; the target is 慈善资金."""
    text = (
        "记者从全市民政工作会议上获悉，今年，全市计划新建社区养老服务站40个。\n"
        "今年，全市还将力争新增慈善资金3000万元。\n"
    )
    names = [t.metric for _, t in plan_of(text, year=2025, bureau="某市民政局").model.targets()]
    assert names == ["社区养老服务站新建数", "慈善资金新增金额"]


def test_a_news_task_s_title_leaves_out_how_the_reporter_learnt_it() -> None:
    text = (
        "记者从全市民政工作会议上获悉，今年，全市计划新建社区养老服务站40个。\n"
        "会议要求，全市力争新增慈善资金3000万元。\n"
    )
    plan = plan_of(text, year=2025, bureau="某市民政局").model
    titles = [task.title for domain in plan.domains for task in domain.tasks]
    assert titles == ["今年，全市计划新建社区养老服务站40个", "全市力争新增慈善资金3000万元"]


def test_a_task_s_commitment_followed_only_by_the_work_described_is_no_result() -> None:
    """2.培育平台3家，…达25家。支持企业…。 in a report on targets: the task states its commitment
    and describes the work without a figure, so nothing of it was reported done."""
    text = (
        "某市2021年重点工作目标任务上半年完成情况\n"
        "1.新建5G基站500个。上半年，新建5G基站320个。\n"
        "2.培育数字平台3家，示范企业总数达25家。支持企业实施智能化改造，推动平台发展。\n"
        "3.新增城镇就业1.2万人。新增城镇就业7000人，完成全年任务的58%。\n"
    )
    results = results_of(text, bureau="某市人民政府").model
    assert [r.value for r in results.results] == ["320", "7000"]


def test_a_plan_lists_the_figures_of_a_notice_around_its_items_with_why_none_is_taken() -> None:
    """一、…项目共40台，现已全部开工…达到60%以上 above the table: 40台 restates the item's target
    (taken once, from the item), 60% is how far the works got; 公示时间 has no figure."""
    text = SMALL_CELLS.replace("项目共40台", "项目共40台、改造坡道12处")
    imported = plan_of(text, bureau="某区住房和城乡建设局")
    assert targets_of(imported.model) == ["40台"]
    said = {r.literal: r.reason for r in imported.report.figures if r.line == 2}
    assert said == {
        "40台": "import_fig_restated",
        "12处": "import_fig_outside_items",
        "达到60%以上": "import_fig_share",
    }


PROGRESS_CELLS = """某县民政局2023年第一季度重点任务进展情况一览表
序号 |
任务目标 |
进展情况 |
存在问题 |
进度标识 （√完成或基本完成，→正常，↓慢，○无进展） |
12 |
新建农村互助幸福院20所，提升农村养老服务水平。 |
已完成选址，正在开展设计。 |
→正常 |
13 |
提高城乡低保标准，确保应保尽保。 |
1-3月份共发放低保金120.5万元。 |
资金拨付较慢。 |
→正常 |
"""


def test_a_task_table_whose_header_cell_explains_its_column_is_read() -> None:
    # 进度标识 （√完成…）: a header cell with a note on reading it is still a column's name
    plan = plan_of(PROGRESS_CELLS, bureau="某县民政局").model
    assert targets_of(plan) == ["20所"]
    results = results_of(PROGRESS_CELLS, bureau="某县民政局").model
    assert [(r.value, r.unit) for r in results.results] == [("120.5万", "元")]


def test_a_cell_line_that_keeps_the_mark_of_an_empty_cell_after_it_stays_in_its_table() -> None:
    # "→正常 | |": the cell, then the "|" of an empty one; the table goes on to row 13
    text = PROGRESS_CELLS.replace("→正常 |\n13 |", "→正常 | |\n13 |").replace(
        "提高城乡低保标准，确保应保尽保。", "城乡低保标准提高到每人每月800元。"
    )
    plan = plan_of(text, bureau="某县民政局").model
    assert targets_of(plan) == ["20所", "800元"]
    results = results_of(text, bureau="某县民政局").model
    assert [(r.value, r.unit) for r in results.results] == [("120.5万", "元")]


def test_a_last_line_cut_inside_a_quote_is_no_heading() -> None:
    """县长说：“今年，我们让全县12个乡镇 (the copy cut mid-sentence): a quote opened and not
    closed is a sentence, no domain, so the news before it stays the plan, not a preamble."""
    text = (
        "今年，全县将新建农村公路120公里，改造农村危房300户。\n县长说：“今年，我们让全县12个乡镇\n"
    )
    imported = importer.import_plan(
        importer.source_from_text(text, "news.txt"), year=2024, bureau="某局"
    )
    assert [t.value for _, t in imported.model.targets()] == ["120", "300"]
    assert not imported.model.preamble


# --- a list numbered with bare numbers ------------------------------------------------------------


def test_a_list_numbered_with_bare_numbers_and_spaces_takes_no_number_as_a_target() -> None:
    text = (
        "某县2023年民生实事出炉\n"
        "在县人代会上，代表们投票选出今年的民生实事项目。\n"
        "1 新建15所乡镇卫生院；\n"
        "2 实施老旧小区改造工程；\n"
        "3 实施农村群众文化惠民工程；\n"
        "4 建设20所普惠性幼儿园。\n"
    )
    plan = plan_of(text, bureau="某县人民政府").model
    assert targets_of(plan) == ["15所", "20所"]


def test_a_line_opening_with_a_figure_and_a_space_stays_a_figure() -> None:
    text = "某县2023年民生实事\n2 万名群众受益；\n新建15所乡镇卫生院。\n"
    plan = plan_of(text, bureau="某县人民政府").model
    assert "15所" in targets_of(plan)
