"""What a results import does not take, in other departments' reports (民政, 人社, 卫健, 医保,
应急, 住建): each rule is one a reader of Chinese would state, checked on made-up sentences."""

from __future__ import annotations

from importer_support import taken_of

from planwriter import importer
from planwriter.importer.figures import Purpose


def _taken(text: str, purpose: Purpose = Purpose.RESULTS) -> list[str]:
    return [r.literal for r in taken_of(text, purpose)]


def test_what_a_clause_says_is_planned_is_a_target_beside_the_results() -> None:
    """年度计划改造老旧小区120个，已完工128个: the 120 is the plan, the 128 what was done; a plan
    import still takes it. 计划生育 names a policy and plans nothing."""
    text = "年度计划改造老旧小区120个，已完工128个。"
    assert _taken(text) == ["128个"]
    assert "120个" in _taken(text, Purpose.PLAN)
    assert _taken("全年计划开展职业技能培训1.5万人次，上半年已培训6820人次。") == ["6820人次"]
    assert _taken("发放计划生育家庭特别扶助金1200万元。") == ["1200万元"]


def test_the_size_of_a_project_under_way_describes_the_project() -> None:
    """某项目正在施工，总建筑面积3.2万平方米; 项目已开工，设计床位1200张: what the project is, not
    what the year did. Projects counted (审核通过的项目7个，建设面积5590平方米) are not one project."""
    assert _taken("市福利中心二期项目正在施工，总建筑面积3.2万平方米。") == []
    assert _taken("区医院新院区建设项目已开工，设计床位1200张。") == []
    assert _taken("目前已通过审核的项目7个，全部为新建，建设面积5590平方米。") == [
        "7个",
        "5590平方米",
    ]


def test_money_arranged_is_set_aside_not_paid() -> None:
    """全年安排防汛救灾资金1500万元，已下拨1120万元: 安排 sets the money aside; what was paid out
    (下拨, 发放) is the result."""
    assert _taken("全年安排防汛救灾资金1500万元，目前已下拨1120万元。") == ["1120万元"]
    assert _taken("全年安排基本公共卫生服务补助经费1.1亿元。") == []


def test_every_place_listed_after_xia_is_the_area_s_make_up() -> None:
    """全市辖8个县（市、区）、96个乡镇（街道）: both counts say what the city is made of."""
    assert _taken("全市辖8个县（市、区）、96个乡镇（街道），全年办理婚姻登记2.1万对。") == [
        "2.1万对"
    ]


def test_a_multiple_of_an_amount_a_penalty_is_reckoned_by_is_a_rule() -> None:
    """按照违规金额的2倍处以罚款: the multiple says how a fine is reckoned, like 按标准的30%."""
    assert _taken("追回医保基金6800万元，按照违规金额的2倍处以罚款。") == ["6800万元"]


def test_places_still_being_built_after_the_count_are_not_done() -> None:
    """另有12个社区养老服务中心仍在施工: 仍在, 尚在 and 还在 say the work goes on, like 正在."""
    text = "已建成老年助餐点320个，另有12个社区养老服务中心仍在施工。"
    assert _taken(text) == ["320个"]


def test_the_year_s_task_before_its_figure_is_a_target() -> None:
    """新建村卫生室22个，年度任务30个，序时进度73%: the year's task is the target, and the
    progress the calendar asks for is a share of it; only the 22 was done."""
    assert _taken("新建村卫生室22个，年度任务30个，序时进度73%。") == ["22个"]
    assert _taken("城镇新增就业4120人，全年任务5000人。") == ["4120人"]


def test_the_old_people_of_a_place_are_its_population() -> None:
    """全市常住人口186万，其中60岁以上老年人口41万: who lives there, not what the year did."""
    assert _taken("全市常住人口186万，其中60岁以上老年人口41万，新增养老床位860张。") == ["860张"]


def test_buildings_damaged_are_disaster_damage() -> None:
    """12家医疗机构不同程度受损: what the storm damaged, not the year's work; the relief after it
    (巡诊群众3.2万人次) is."""
    text = "受强降雨影响，全市12家医疗机构不同程度受损。组织医疗队巡诊群众3.2万人次。"
    assert _taken(text) == ["3.2万人次"]


def test_a_project_started_in_a_month_is_described_by_its_size() -> None:
    """托养中心项目于10月开工建设，…，建筑面积2.6万平方米，设置床位300张: a date between the
    project and its start does not make its size the year's work."""
    text = "市残疾人托养中心项目于10月开工建设，计划总投资1.2亿元，建筑面积2.6万平方米，设置床位300张。"
    assert _taken(text) == []


def test_a_share_of_the_population_says_who_lives_there() -> None:
    """全市有持证残疾人12.6万人，占总人口的2.3%: the share is the area's make-up."""
    assert "2.3%" not in _taken("全市有各类持证残疾人12.6万人，占总人口的2.3%。")


def test_a_meeting_that_sets_a_year_going_reviews_the_year_before() -> None:
    """召开2024年民生实事项目推进会: a 推进会 (like a 部署会, 动员会 or 工作会议) starts its year's
    work, so the results it reviews are of 2023, and what it says of 今年 is no result."""
    text = (
        "某市召开2024年民生实事项目推进会\n"
        "2月20日，市政府召开民生实事项目推进会，总结2023年民生实事完成情况。\n"
        "全年新建城乡社区食堂45个，新增普惠托育托位1200个。\n"
        "今年的民生实事已确定，其中新建社区食堂50个，新增托位1500个。"
    )
    imported = importer.import_results(importer.source_from_text(text, "r.txt"), bureau="某局")
    assert imported.model.year == 2023
    assert [r.value for r in imported.model.results] == ["45", "1200"]


def test_a_target_in_brackets_after_its_name_is_a_target() -> None:
    """超额完成全年目标任务（5000人）: the brackets give the target the result passed."""
    assert _taken("全区城镇新增就业5260人，超额完成全年目标任务（5000人）。") == ["5260人"]


def test_what_the_year_needs_is_a_target_beside_the_results() -> None:
    """全年需培训技能人才1万人次，目前完成8600人次: 需 says what is to be done; 需求 is a noun."""
    assert _taken("全年需培训技能人才1万人次，目前完成8600人次。") == ["8600人次"]
