"""Names of figures in other departments' wording (卫健, 人社, 医保, 残联, 退役军人, 应急): each
rule is one a reader of Chinese would state, checked on made-up sentences."""

from __future__ import annotations

import pytest
from importer_support import taken_of

from planwriter import importer
from planwriter.importer.figures import Purpose
from planwriter.model import Kind, Op


def _metrics(text: str, purpose: Purpose = Purpose.RESULTS) -> list[str]:
    return [r.metric for r in taken_of(text, purpose)]


def test_a_clause_doing_the_same_act_to_its_own_thing_borrows_no_name() -> None:
    """新增三级医院2家，新增床位860张: the beds are not the hospitals'; a word that only says what
    is measured (发放资金) still takes the thing of the clause before."""
    assert _metrics("全年新增三级医院2家，新增床位860张。") == ["三级医院新增数", "床位新增数"]
    assert _metrics("累计发放高龄津贴5万人次，发放资金140万元。")[1] == "高龄津贴资金发放额"


def test_a_level_is_a_rate_already() -> None:
    """居民健康素养水平达到32.5%: the 水平 is the rate; no 率 is added to it."""
    assert _metrics("居民健康素养水平达到32.5%。") == ["居民健康素养水平"]


def test_the_service_that_covers_people_names_them() -> None:
    """家庭医生签约服务覆盖重点人群48.3万人: who is counted, and by what service."""
    assert _metrics("家庭医生签约服务覆盖重点人群48.3万人。") == [
        "家庭医生签约服务覆盖重点人群人数"
    ]


def test_a_new_figure_per_person_and_month_is_named_like_the_old_one() -> None:
    """由每人每月190元提高到每人每月213元: the repeated 每人每月 is no new subject."""
    text = "城乡居民基础养老金最低标准由每人每月190元提高到每人每月213元。"
    assert _metrics(text, Purpose.PLAN) == ["城乡居民基础养老金最低标准"]


def test_an_act_before_a_list_in_one_unit_is_said_of_each_item() -> None:
    """其中新增技能人才2000人、高技能人才600人: both are new; 解决难题1.3万件 after 帮扶…人次 is
    an act of its own."""
    text = "全年城镇新增就业5万人，其中新增技能人才2000人、高技能人才600人。"
    assert _metrics(text, Purpose.PLAN)[1:] == ["技能人才新增人数", "高技能人才新增人数"]
    text = "全年帮扶困难退役军人2.9万人次、解决难题1.3万件。"
    assert _metrics(text)[1] == "解决难题数"


def test_a_net_increase_of_a_count_says_its_count_once() -> None:
    """参保人数净增1000人: 净增 is new this year, and 人数 is said once, after it."""
    taken = taken_of("失业保险参保人数净增1000人。", Purpose.PLAN)
    assert [(r.metric, r.kind) for r in taken] == [("失业保险参保净增人数", Kind.FLOW)]


@pytest.mark.parametrize(
    ("office", "official"),
    [
        ("某某市医疗保障局", "某某市医疗保障局"),
        ("某某市医保局", "某某市医疗保障局"),
        ("某某市应急管理局", "某某市应急管理局"),
        ("某某市应急局", "某某市应急管理局"),
        ("某某省人力资源和社会保障厅", "某某省人力资源和社会保障厅"),
    ],
)
def test_the_offices_of_medical_insurance_emergencies_and_a_province_s_labour_write_too(
    office: str, official: str
) -> None:
    """医保, 应急 and a province's 人社厅 publish plans and reports like 民政 and 卫健 do."""
    text = f"{office}2024年工作总结\n\n2024年，全市新增养老床位1200张，培训护理员300人。\n"
    imported = importer.import_results(importer.source_from_text(text, "r.txt"))
    assert imported.model.bureau == official


def test_words_of_how_an_act_is_to_be_done_go_but_a_kind_of_people_stays() -> None:
    """重点救助, 要完成: the manner and the duty are no part of the thing; 重点人群 and 重点优抚
    对象 are kinds of people."""
    said = {
        "重点人群签约服务覆盖率达到90%以上。": "重点人群签约服务覆盖率",
        "要完成退役军人适应性培训1500人以上。": "退役军人适应性培训人数",
        "重点救助困难群众500人。": "困难群众救助人数",
    }
    for text, metric in said.items():
        assert _metrics(text, Purpose.PLAN) == [metric], text


def test_a_run_of_acts_leaves_its_last_act_to_a_one_character_thing() -> None:
    """发放慰问金: 慰问金 is what is paid, not 金 paid in condolence."""
    assert _metrics("发放慰问金1680万元。") == ["慰问金发放额"]


def test_people_helped_to_an_outcome_are_named_by_it() -> None:
    """帮助1860名退役军人实现就业: the veterans who found work."""
    assert _metrics("帮助1860名退役军人实现就业。") == ["退役军人就业人数"]


def test_a_meeting_s_review_of_last_year_gives_no_target_and_its_demands_no_result() -> None:
    """会议指出，2024年…; 会议要求，2025年…: the year after the meeting's verb is the year the
    figures are of, as if the sentence opened on it."""
    text = "会议指出，2024年全市接收安置退役军人1260人。会议要求，2025年新建“老兵驿站”10个。"
    assert [r.literal for r in taken_of(text, Purpose.PLAN, 2025)] == ["10个"]
    assert [r.literal for r in taken_of(text, Purpose.RESULTS, 2024)] == ["1260人"]


def test_a_plan_s_level_stated_with_zuoyou_is_a_target_about_it() -> None:
    """控制在5.5%左右, 达到80.8岁左右: a plan's loose aim (op =); 约 and 近 stay estimates."""
    said = {
        "城镇调查失业率控制在5.5%左右。": ("5.5%", Op.EQUAL),
        "人均预期寿命达到80.8岁左右。": ("80.8", Op.EQUAL),
        "每千名老年人拥有养老床位数保持在40张左右。": ("40", Op.EQUAL),
    }
    for text, (value, op) in said.items():
        assert [(r.value, r.op) for r in taken_of(text, Purpose.PLAN)] == [(value, op)], text
    assert not taken_of("参与群众约9万人次左右。", Purpose.PLAN)


def test_a_part_after_qizhong_is_of_the_whole_before_it() -> None:
    """新建助餐点80个，其中农村助餐点50个: the part is new like the whole; 其中幼儿园420个 is a
    kind of the places counted before; 其中城市低保6000户 after an amount in 元 is no part of it."""
    assert _metrics("新建社区老年助餐点80个，其中农村助餐点50个。", Purpose.PLAN) == [
        "社区老年助餐点新建数",
        "农村助餐点新建数",
    ]
    assert _metrics("增加学位5000个，其中幼儿园420个。", Purpose.PLAN)[1] == "幼儿园学位增加数"
    text = "全市1.4万户享受城乡低保，发放低保金4721万元，其中城市低保6195户。"
    assert _metrics(text)[2] == "城市低保户数"


def test_things_listed_before_fenbie_share_what_the_last_one_measures() -> None:
    """失业保险、工伤保险参保人数分别为…: both are 参保人数; a standard said per person and
    month again before each figure (每人每月150元、每人每月120元) still goes item by item."""
    said = {
        "失业保险、工伤保险参保人数分别为82.3万人、95.6万人。": [
            "失业保险参保人数",
            "工伤保险参保人数",
        ],
        "困难残疾人生活补贴和重度残疾人护理补贴标准分别为每人每月150元、每人每月120元。": [
            "困难残疾人生活补贴标准",
            "重度残疾人护理补贴标准",
        ],
    }
    for text, metrics in said.items():
        assert _metrics(text) == metrics, text


def test_changes_said_respectively_are_of_the_figures_before_them() -> None:
    """发生事故42起、死亡38人，同比分别下降16%和13.6%: each change is of its own figure, named by
    what happened (发生 is no part of the name); the accidents themselves are damage, no result."""
    taken = taken_of(
        "全年共发生生产安全事故42起、死亡38人，同比分别下降16%和13.6%。", Purpose.RESULTS
    )
    assert [(r.metric, r.kind) for r in taken] == [
        ("生产安全事故数同比降幅", Kind.RATE),
        ("死亡人数同比降幅", Kind.RATE),
    ]


def test_what_is_new_goes_before_the_count_and_a_comparison_with_it() -> None:
    """新增…参保人数3.2万人, 参保人数较上年净增4.2万人: 新增 and 净增 are the act, said before the
    count (服务老年人数 keeps its 服务: the act is part of the thing there)."""
    said = {
        "新增企业职工养老保险参保人数3.2万人。": "企业职工养老保险参保新增人数",
        "企业职工基本养老保险参保人数较上年净增4.2万人。": "企业职工基本养老保险参保净增人数",
        "服务老年人数达到5000人。": "服务老年人数",
    }
    for text, metric in said.items():
        assert _metrics(text) == [metric], text


def test_a_field_labelled_mubiao_is_the_target_and_marks_are_no_words() -> None:
    """一是…。目标：…；完成情况：…: the labelled target is no result; 一是, 目标：, 完成情况： and a
    further act after the figure (并投入使用) are no words of a name."""
    text = (
        "二是开展老年人健康体检。目标：体检人数12万人以上；完成情况：完成体检13.6万人。"
        "三是新建社区卫生服务站8家。目标：新建社区卫生服务站8家；完成情况：已建成8家并投入使用。"
    )
    taken = taken_of(text, Purpose.RESULTS)
    assert [(r.literal, r.metric) for r in taken] == [
        ("13.6万人", "体检人数"),
        ("8家", "社区卫生服务站新建数"),
        ("8家", "建成数"),
    ]
    assert _metrics("四是新增城区公共停车泊位1000个。", Purpose.PLAN) == ["城区公共停车泊位新增数"]


def test_a_meeting_s_review_is_of_the_year_before_the_meeting() -> None:
    """召开2025年全市人社工作会议 over 会议回顾了2024年工作：…: the results are 2024's, and the
    figures the review gives are no targets of 2025."""
    text = (
        "某某市召开2025年全市人社工作会议\n\n"
        "1月20日，2025年全市人社工作会议召开。会议回顾了2024年工作：全市城镇新增就业8.1万人。"
        "会议要求，2025年全市城镇新增就业7.5万人以上。\n"
    )
    results = importer.import_results(importer.source_from_text(text, "r.txt"), bureau="某局")
    assert results.model.year == 2024
    assert [r.value for r in results.model.results] == ["8.1万"]
    plan = importer.import_plan(importer.source_from_text(text, "p.txt"), bureau="某局")
    assert plan.model.year == 2025
    assert [t.value for _, t in plan.model.targets()] == ["7.5万"]


def test_inspections_are_the_year_s_acts() -> None:
    """检查企业1.2万家次: inspecting is an act of the year, like 抽查 and 排查."""
    taken = taken_of("全年检查企业1.2万家次，排查整改隐患3.6万项。", Purpose.RESULTS)
    assert [(r.metric, r.kind) for r in taken] == [
        ("企业检查数", Kind.FLOW),
        ("企业隐患排查整改数", Kind.FLOW),
    ]
