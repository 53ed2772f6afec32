"""Plans laid out as bureaus publish them (实事 lists, 政府工作报告 excerpts, work-meeting news,
task tables): each rule found by importing a made-up plan of another department (住建, 医保,
应急, 发改) and checked here on made-up text."""

from __future__ import annotations

from importer_support import taken_of

from planwriter import importer, model
from planwriter.importer.figures import Purpose


def plan_of(text: str, **given: object) -> importer.Imported[model.Plan]:
    return importer.import_plan(importer.source_from_text(text, "pasted.txt"), **given)


def targets_of(plan: model.Plan) -> list[str]:
    return [f"{t.value}{t.unit}" for _, t in plan.targets()]


def _metrics(text: str, purpose: Purpose = Purpose.PLAN) -> list[str]:
    return [r.metric for r in taken_of(text, purpose)]


def test_a_title_naming_the_year_s_shishi_tasks_announces_a_plan() -> None:
    """某市住建局2025年民生实事任务, then 一是…；二是…: a list of the year's tasks, no heading."""
    text = (
        "某市住房和城乡建设局2025年民生实事任务\n"
        "根据市政府安排，我局承担的民生实事任务如下：\n"
        "一是新开工保障性租赁住房1500套；\n"
        "二是改造城镇老旧小区60个。\n"
    )
    plan = plan_of(text, bureau="某市住房和城乡建设局").model
    assert targets_of(plan) == ["1500套", "60个"]


def test_what_a_work_costs_in_all_is_no_target() -> None:
    """改造老旧小区28个，总投资2.3亿元: the whole investment describes the work."""
    assert _metrics("改造老旧小区28个，总投资2.3亿元。") == ["老旧小区改造数"]


def test_those_a_counted_work_reaches_are_its_scope_in_a_plan() -> None:
    """改造老旧小区28个，惠及居民8600户: how far the 28 go; a report's reach is what it did, and
    改造老旧小区涉及居民659户 (no count before) counts the work itself."""
    text = "改造老旧小区28个，惠及居民8600户。"
    assert _metrics(text) == ["老旧小区改造数"]
    assert len(taken_of(text, Purpose.RESULTS)) == 2
    assert len(taken_of("改造老旧小区涉及居民659户。")) == 1
    assert len(taken_of("新建站点20个，覆盖率达到90%。", Purpose.PLAN)) == 2  # a rate is no reach


def test_a_sentence_leading_into_the_work_is_not_a_notice_s_recipients() -> None:
    """围绕上述目标，重点抓好以下工作：/ 今年主要预期目标是：: what follows is the plan."""
    text = (
        "某市2025年政府工作报告（摘要）\n"
        "今年主要预期目标是：\n"
        "城镇新增就业4万人以上，城镇调查失业率控制在5.5%左右。\n"
        "围绕上述目标，重点抓好以下工作：\n"
        "新增普惠性幼儿园学位3000个，改造城镇老旧小区120个。\n"
    )
    imported = plan_of(text, bureau="某市人民政府")
    assert imported.model.notice is None
    assert targets_of(imported.model) == ["4万人", "5.5%", "3000个", "120个"]


def test_acts_of_building_and_fitting_name_what_they_count() -> None:
    """新开工, 改建 and 加装 are acts: the thing they count goes first."""
    assert _metrics("新开工保障性租赁住房1500套。") == ["保障性租赁住房新开工数"]
    assert _metrics("新建改建农村公路200公里。") == ["农村公路新建改建量"]
    assert _metrics("加装电梯100台。") == ["电梯加装数"]


def test_a_rise_in_prices_is_a_rate_already() -> None:
    """居民消费价格涨幅3%左右: the 涨幅 is the rate; no 率 is added to it."""
    assert _metrics("居民消费价格涨幅3%左右。") == ["居民消费价格涨幅"]


def test_a_numeral_in_words_counts_what_a_building_act_makes() -> None:
    """新建三个…, 新建公益性公墓两处, 完成两所…改造: the count in words is the target; 打造一个…平台
    says "a", and 两个确立 follows no act."""
    taken = taken_of("新建公益性公墓两处，完成两所县级医院提标改造。", Purpose.PLAN)
    assert [(r.value, r.unit) for r in taken] == [("2", "处"), ("2", "所")]
    assert _metrics("新建三个社区卫生服务中心。") == ["社区卫生服务中心新建数"]
    assert taken_of("打造一个智慧养老服务平台。", Purpose.PLAN) == []
    assert taken_of("坚定拥护两个确立。", Purpose.PLAN) == []


def test_changes_said_respectively_are_each_thing_s_fall() -> None:
    """起数和死亡人数分别下降10%和5%: each figure is the fall of the thing listed in its place."""
    text = "生产安全事故起数和死亡人数分别下降10%和5%以上。"
    assert _metrics(text) == ["生产安全事故起数降幅", "死亡人数降幅"]


def test_how_a_figure_is_promised_is_no_word_of_its_name() -> None:
    """调整为, 力争突破: the standard set anew and the mark to pass name nothing."""
    assert _metrics("失业保险金标准调整为每人每月1850元。") == ["失业保险金标准"]
    assert _metrics("工伤保险参保人数力争突破60万人。") == ["工伤保险参保人数"]
    assert _metrics("新改建农村公路180公里。") == ["农村公路新改建量"]


def test_a_range_of_times_keeps_its_unit() -> None:
    """培训300—500人次: at least 300 人次, not 300 人."""
    taken = taken_of("开展养老护理员培训300—500人次。", Purpose.PLAN)
    assert [(r.value, r.unit, r.metric) for r in taken] == [("300", "人次", "养老护理员培训人次")]


TASK_TABLE = (
    "某县民政局2025年重点工作任务清单\n"
    "序号 | 项目名称 | 目标任务 | 年度目标 | 责任单位 | 完成时限 |\n"
    "1 | 社区食堂 | 新建社区食堂8个 | 8个 | 养老服务股 | 2025年10月 |\n"
    "2 | 儿童之家 | 新建儿童之家两个 | 2个 | 儿童福利股 | 2025年12月 |\n"
)


def test_a_figure_a_row_gives_again_is_one_target() -> None:
    """新建社区食堂8个 | 8个: the 年度目标 column says the 目标任务's figure again."""
    imported = plan_of(TASK_TABLE, bureau="某县民政局")
    assert targets_of(imported.model) == ["8个", "2个"]
    again = [f for f in imported.report.figures if f.reason == "import_fig_said_again"]
    assert [f.literal for f in again] == ["8个", "2个"]


HEADED_WITH_TABLE = (
    "某市医疗保障局2025年工作要点\n"
    "一、扩大参保覆盖面\n"
    "（一）城乡居民基本医疗保险参保率稳定在95%以上。\n"
    "二、提升服务能力\n"
    "（一）新建医保服务工作站三个。\n"
    "序号 | 项目名称 | 目标任务 | 责任单位 | 完成时限 |\n"
    "1 | 长期护理保险 | 长护险参保人数达到50万人 | 待遇保障科 | 2025年12月 |\n"
    "2 | 门诊共济 | 普通门诊统筹报销比例不低于50% | 医药服务科 | 2025年6月 |\n"
)


def test_a_table_inside_a_headed_plan_is_part_of_it() -> None:
    """一、… with targets in its tasks, and a task table under 二、: the headings lay the plan
    out, the table's rows are tasks of the domain it stands in, and the text's targets stay."""
    plan = plan_of(HEADED_WITH_TABLE, bureau="某市医疗保障局").model
    assert [d.title for d in plan.domains] == ["扩大参保覆盖面", "提升服务能力"]
    assert [t.title for t in plan.domains[1].tasks][1:] == ["长期护理保险", "门诊共济"]
    assert targets_of(plan) == ["95%", "3个", "50万人", "50%"]
