"""Every check rule: a case that makes it fire and one that keeps it silent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from paths import ROOT

from planwriter import model, store
from planwriter.check import RULES, CheckConfig, Finding, check_plan
from planwriter.problems import Severity

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
RESULTS = ROOT / "plans" / "changzhou" / "2023.results.yaml"
Kind, Op = model.Kind, model.Op


def target(
    metric: str, value: str, unit: str = "", kind: Kind = Kind.STOCK, op: Op = Op.AT_LEAST
) -> model.Target:
    if unit == "" and value.endswith("%"):
        kind = Kind.RATE
    return model.Target(metric=metric, value=value, unit=unit, op=op, kind=kind)


def task(text: str, *targets: model.Target, title: str = "任务", id: str = "") -> model.Task:
    return model.Task(
        id=id or f"t{abs(hash((title, text))) % 10**8}",
        title=title,
        text=text,
        targets=list(targets),
    )


def plan(*tasks: model.Task, notice: model.Notice | None = None) -> model.Plan:
    return model.Plan(
        bureau="某市民政局",
        year=2024,
        title="要点",
        notice=notice,
        domains=[model.Domain(id="d", title="领域", tasks=list(tasks))],
    )


def results(*items: model.Result, bureau: str = "某市民政局", year: int = 2023) -> model.Results:
    return model.Results(bureau=bureau, year=year, results=list(items))


def result(
    metric: str, value: str, unit: str = "", kind: Kind = Kind.STOCK, goal: str = ""
) -> model.Result:
    if unit == "" and value.endswith("%"):
        kind = Kind.RATE
    return model.Result(metric=metric, value=value, unit=unit, kind=kind, target=goal)


def codes(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def run(p: model.Plan, r: model.Results | None = None, **config: object) -> list[Finding]:
    return check_plan(
        p,
        plan_file="p.plan.yaml",
        baseline=r,
        baseline_file="r.results.yaml",
        config=CheckConfig(**config),
    )  # type: ignore[arg-type]


HOME = "为15万名老年人提供居家养老上门服务。"
HOME_TARGET = target("居家养老上门服务人数", "15万", "人")


# --- against last year -------------------------------------------------------------


def test_stock_target_below_last_year_is_an_error() -> None:
    found = codes(
        run(plan(task(HOME, HOME_TARGET)), results(result("居家养老上门服务人数", "15.8万", "人"))),
        "below-last-year",
    )
    assert [(f.severity, f.message) for f in found] == [
        (Severity.ERROR, "目标低于上年实绩：居家养老上门服务人数 15万人 < 2023年 15.8万人")
    ]
    assert found[0].number == "1."


def test_flow_below_last_years_flow_is_a_warning() -> None:
    t = target("助餐点新增数", "30", "个", Kind.FLOW)
    found = codes(
        run(
            plan(task("新增助餐点30个。", t)),
            results(result("助餐点新增数", "32", "个", Kind.FLOW)),
        ),
        "below-last-year",
    )
    assert [(f.severity, f.message) for f in found] == [
        (Severity.WARNING, "新增目标低于上年新增：助餐点新增数 30个 < 2023年新增 32个")
    ]


@pytest.mark.parametrize(("value", "last"), [("16万", "15.8万"), ("15.8万", "15.8万")])
def test_target_at_or_above_last_year_is_not_below(value: str, last: str) -> None:
    t = target("居家养老上门服务人数", value, "人")
    text = f"为{value}名老年人提供服务。"
    found = run(plan(task(text, t)), results(result("居家养老上门服务人数", last, "人")))
    assert not codes(found, "below-last-year")


def test_ceiling_targets_are_not_floors() -> None:
    t = target("投诉件数", "100", "件", op=Op.AT_MOST)
    found = run(plan(task("投诉控制在100件以内。", t)), results(result("投诉件数", "120", "件")))
    assert not codes(found, "below-last-year")


def test_approximate_result_tips_a_tie() -> None:
    t = target("帮扶户数", "1600", "户")
    over = run(plan(task("帮扶1600户。", t)), results(result("帮扶户数", "1600余", "户")))
    assert codes(over, "below-last-year")
    near = run(plan(task("帮扶1600户。", t)), results(result("帮扶户数", "近1600", "户")))
    assert not codes(near, "below-last-year") and not codes(near, "equals-last-year")


def test_scales_are_respected() -> None:
    t = target("销售额", "9000万", "元")
    found = run(plan(task("销售9000万元。", t)), results(result("销售额", "9.7亿", "元")))
    assert "9000万元 < 2023年 9.7亿元" in codes(found, "below-last-year")[0].message


def test_incomparable_units_are_their_own_problem() -> None:
    t = target("养老机构等级评定", "90%")
    found = run(
        plan(task("90%的养老机构通过等级评定。", t)),
        results(result("养老机构等级评定", "95", "家")),
    )
    assert not codes(found, "below-last-year")
    (problem,) = codes(found, "incomparable")
    assert problem.severity is Severity.WARNING
    assert "单位不同，无法比较" in problem.message


def test_different_kinds_are_not_compared() -> None:
    t = target("助餐点数", "83", "个", Kind.FLOW)
    found = run(plan(task("新增助餐点83个。", t)), results(result("助餐点数", "380", "个")))
    assert not codes(found, "below-last-year")
    assert "本年为年内新增，2023年为总量" in codes(found, "incomparable")[0].message


def test_same_unit_family_is_comparable() -> None:
    t = target("服务人数", "15万", "人")
    found = run(plan(task(HOME, t)), results(result("服务人数", "15.8万", "名")))
    assert codes(found, "below-last-year") and not codes(found, "incomparable")


def test_equal_to_last_year_is_info() -> None:
    t = target("睦邻点建设数", "40", "个", Kind.FLOW)
    found = run(
        plan(task("建设40个睦邻点。", t)), results(result("睦邻点建设数", "40", "个", Kind.FLOW))
    )
    (problem,) = codes(found, "equals-last-year")
    assert problem.severity is Severity.INFO
    assert problem.message == "目标与上年实绩持平：睦邻点建设数 40个 = 2023年 40个"
    assert not codes(
        run(
            plan(task("建设41个睦邻点。", target("睦邻点建设数", "41", "个", Kind.FLOW))),
            results(result("睦邻点建设数", "40", "个", Kind.FLOW)),
        ),
        "equals-last-year",
    )


def test_jump_beyond_factor_is_a_warning_and_configurable() -> None:
    t = target("适老化改造家庭数", "1万", "户", Kind.FLOW)
    p = plan(task("为1万户老年人家庭适老化改造。", t))
    r = results(result("适老化改造家庭数", "2507", "户", Kind.FLOW))
    (problem,) = codes(run(p, r), "jump")
    assert problem.message == (
        "目标是上年实绩的 4 倍，超过 3 倍：适老化改造家庭数 1万户，2023年 2507户"
    )
    assert not codes(run(p, r, jump_factor=5.0), "jump")


def test_missed_last_year_when_not_targeted_again() -> None:
    missed = result("床位数", "435", "张", goal="500")
    found = run(plan(task("别的工作。")), results(missed))
    (problem,) = codes(found, "missed-last-year")
    assert (
        problem.message == "上年目标未完成，本年也未再设目标：床位数 2023年目标 500张，实际 435张"
    )
    assert problem.where.file == "r.results.yaml"
    assert not codes(found, "dropped-metric")  # said once
    met = result("床位数", "520", "张", goal="500")
    assert not codes(run(plan(task("别的工作。")), results(met)), "missed-last-year")
    again = plan(task("建成600张床位。", target("床位数", "600", "张")))
    assert not codes(run(again, results(missed)), "missed-last-year")


def test_dropped_metric_is_info_with_last_years_figure() -> None:
    found = run(
        plan(task(HOME, HOME_TARGET)),
        results(
            result("居家养老上门服务人数", "14万", "人"),
            result("低保标准", "1020", "元"),
            result("低保标准", "1020", "元"),
        ),
    )
    dropped = codes(found, "dropped-metric")
    assert [f.message for f in dropped] == ["上年有实绩、本年无目标：低保标准（2023年 1020元）"]
    assert dropped[0].severity is Severity.INFO


def test_rules_needing_a_baseline_stay_silent_without_one_and_it_is_said_once() -> None:
    found = run(plan(task(HOME, HOME_TARGET)))
    assert [f.code for f in found] == ["baseline"]
    assert found[0].message == "未找到上年实绩文件 r.results.yaml，与上年比较的各项检查未运行"


def test_baseline_of_another_bureau_or_year_is_a_warning() -> None:
    found = codes(
        run(plan(task(HOME, HOME_TARGET)), results(bureau="别市民政局", year=2022)), "baseline"
    )
    assert [f.severity for f in found] == [Severity.WARNING, Severity.WARNING]
    assert "上年实绩属于 别市民政局" in found[0].message
    assert "上年实绩是 2022 年的，本计划是 2024 年，本应比较 2023 年" in found[1].message
    assert not codes(run(plan(task(HOME, HOME_TARGET)), results()), "baseline")


# --- the plan on its own -------------------------------------------------------------


def test_text_drift_is_an_error() -> None:
    drifted = target("居家养老上门服务人数", "16万", "人")
    (problem,) = codes(run(plan(task(HOME, drifted))), "text-drift")
    assert problem.severity is Severity.ERROR
    assert (
        problem.message
        == "目标数值在任务正文中找不到：居家养老上门服务人数 16万人，正文与目标不一致"
    )
    assert not codes(run(plan(task(HOME, HOME_TARGET))), "text-drift")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("推动各镇打造不少于一个社区服务综合体。", "1", "个"),
        ("承保率90%以上。", "90%", ""),
        ("全市投入不少于1000万元。", "1000万", "元"),
        ("新增社区老年助餐点（社区食堂）83个。", "83", "个"),
    ],
)
def test_text_drift_matches_the_figure_however_written(text: str, value: str, unit: str) -> None:
    assert not codes(run(plan(task(text, target("指标", value, unit)))), "text-drift")


def test_untracked_figure_suggests_a_metric() -> None:
    text = "开展老年人运用智能技术专项普及培训4万人次。"
    (problem,) = codes(run(plan(task(text))), "untracked-figure")
    assert problem.severity is Severity.INFO
    assert (
        problem.message
        == "正文中的“4万人次”没有对应目标，可设指标“老年人运用智能技术专项普及培训人次”"
    )
    tracked = plan(task(text, target("培训人次", "4万", "人次", Kind.FLOW)))
    assert not codes(run(tracked), "untracked-figure")


def test_metric_conflict_between_two_targets() -> None:
    first = task("新增助餐点83个。", target("助餐点新增数", "83", "个"), title="甲", id="a")
    second = task("新增助餐点90个。", target("助餐点新增数", "90", "个"), title="乙", id="b")
    (problem,) = codes(run(plan(first, second)), "metric-conflict")
    assert problem.message == "同一指标有两个不同目标：助餐点新增数 90个（2.）与 83个（1.）"
    same = task("新增助餐点83个。", target("助餐点新增数", "83", "个"), title="丙", id="c")
    assert not codes(run(plan(first, same)), "metric-conflict")


def test_did_you_mean_a_close_baseline_metric() -> None:
    t = target("社区老年助餐点新增数", "83", "个", Kind.FLOW)
    r = results(result("老年助餐点新增数", "32", "个", Kind.FLOW))
    (problem,) = codes(run(plan(task("新增助餐点83个。", t)), r), "did-you-mean")
    assert problem.message == "指标“社区老年助餐点新增数”不在上年实绩中，是不是“老年助餐点新增数”？"
    unrelated = results(result("福彩销售额", "9.7亿", "元"))
    assert not codes(run(plan(task("新增助餐点83个。", t)), unrelated), "did-you-mean")
    other_kind = results(result("社区老年助餐点累计数", "380", "个", Kind.STOCK))
    assert not codes(run(plan(task("新增助餐点83个。", t)), other_kind), "did-you-mean")


def test_did_you_mean_only_between_names_of_one_measure() -> None:
    """4A级及以上 and 5A级 are different counts, however alike the names."""
    t = target("4A级及以上社会组织新增数", "10", "家", Kind.FLOW)
    r = results(result("5A级社会组织新增数", "3", "家", Kind.FLOW))
    assert not codes(run(plan(task("新增4A级及以上社会组织10家。", t)), r), "did-you-mean")
    grade_only = results(result("4A级社会组织新增数", "3", "家", Kind.FLOW))
    assert not codes(run(plan(task("新增4A级及以上社会组织10家。", t)), grade_only), "did-you-mean")
    same = results(result("4A级及以上社会组织新增家数", "3", "家", Kind.FLOW))
    assert codes(run(plan(task("新增4A级及以上社会组织10家。", t)), same), "did-you-mean")


def test_empty_domain_and_section() -> None:
    p = model.Plan(
        bureau="局",
        year=2024,
        title="要点",
        domains=[
            model.Domain(id="a", title="空领域"),
            model.Domain(id="b", title="有节", sections=[model.Section(id="s", title="空节")]),
            model.Domain(id="c", title="满", tasks=[task("文字。")]),
        ],
    )
    found = run(p)
    assert [f.message for f in codes(found, "empty-domain")] == ["领域“空领域”下没有任务"]
    assert [f.message for f in codes(found, "empty-section")] == ["节“空节”下没有任务"]


def test_task_without_text_and_duplicate_title() -> None:
    p = plan(
        task("", title="甲", id="a"),
        task("文字。", title="甲", id="b"),
        task("文字。", title="乙", id="c"),
    )
    found = run(p)
    assert [f.message for f in codes(found, "task-without-text")] == ["任务“甲”没有正文"]
    assert [f.message for f in codes(found, "duplicate-title")] == ["任务标题与 1. 重复：甲"]


def test_rate_over_100() -> None:
    (problem,) = codes(
        run(plan(task("参训率达到120%。", target("参训率", "120%")))), "rate-over-100"
    )
    assert problem.severity is Severity.ERROR
    assert not codes(run(plan(task("参训率达到100%。", target("参训率", "100%")))), "rate-over-100")


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("常民发〔2024〕5号", None),
        (
            "常民发[2024]5号",
            "发文字号 常民发[2024]5号：年份应使用六角括号〔〕，应为 常民发〔2024〕5号",
        ),
        (
            "常民发（2024）5号",
            "发文字号 常民发（2024）5号：年份应使用六角括号〔〕，应为 常民发〔2024〕5号",
        ),
        (
            "常民发〔2024〕第5号",
            "发文字号 常民发〔2024〕第5号：序号前不加“第”，应为 常民发〔2024〕5号",
        ),
        (
            "常民发〔2024〕05号",
            "发文字号 常民发〔2024〕05号：序号不加前导零，应为 常民发〔2024〕5号",
        ),
        (
            "常民发[2024]05号",
            "发文字号 常民发[2024]05号：年份应使用六角括号〔〕，序号不加前导零，应为 常民发〔2024〕5号",
        ),
        (
            "常民发（2024）第05号",
            "发文字号 常民发（2024）第05号：年份应使用六角括号〔〕，序号前不加“第”，序号不加前导零，应为 常民发〔2024〕5号",
        ),
        ("常民发〔2023〕5号", "发文字号的年份 2023 与计划年度 2024 不符：常民发〔2023〕5号"),
        ("常民发2024年5号", "发文字号格式不对：常民发2024年5号，应形如 常民发〔2024〕5号"),
    ],
)
def test_notice_number(number: str, message: str | None) -> None:
    found = codes(run(plan(task("文字。"), notice=model.Notice(number=number))), "notice-number")
    assert [f.message for f in found] == ([message] if message else [])


@pytest.mark.parametrize(
    ("date", "fires"),
    [
        (dt.date(2024, 2, 23), False),
        (dt.date(2023, 12, 28), False),
        (dt.date(2022, 2, 23), True),
    ],
)
def test_notice_date_in_plan_year_or_the_one_before(date: dt.date, fires: bool) -> None:
    found = codes(run(plan(task("文字。"), notice=model.Notice(date=date))), "notice-date")
    assert bool(found) is fires
    if fires:
        assert found[0].message == "成文日期 2022年2月23日 不在计划年度 2024 或上一年"


@pytest.mark.parametrize(
    ("recipients", "fires"),
    [
        ("各区民政局，局机关各处室", False),
        ("各区民政局，局机关各处室：", True),
        ("各区民政局，", True),
    ],
)
def test_notice_recipients_without_stray_punctuation(recipients: str, fires: bool) -> None:
    found = codes(
        run(plan(task("文字。"), notice=model.Notice(recipients=recipients))), "notice-recipients"
    )
    assert bool(found) is fires


# --- settings ------------------------------------------------------------------------


def test_rules_can_be_switched_off_or_change_severity() -> None:
    p = plan(task(HOME, HOME_TARGET))
    r = results(result("居家养老上门服务人数", "15.8万", "人"))
    assert not codes(run(p, r, overrides={"below-last-year": None}), "below-last-year")
    (problem,) = codes(run(p, r, overrides={"below-last-year": Severity.INFO}), "below-last-year")
    assert problem.severity is Severity.INFO


def test_every_rule_has_a_test_here() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    for code in [*RULES, "baseline"]:
        assert f'"{code}"' in source, code


# --- the real pair ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def changzhou() -> list[Finding]:
    p, r = store.load_plan(PLAN), store.load_results(RESULTS)
    return check_plan(
        p.model,
        plan_file=str(PLAN),
        source=p.source,
        baseline=r.model,
        baseline_file=str(RESULTS),
        baseline_source=r.source,
    )


def test_changzhou_home_care_target_is_below_2023(changzhou: list[Finding]) -> None:
    (problem,) = [f for f in codes(changzhou, "below-last-year") if "居家养老" in f.message]
    assert problem.severity is Severity.ERROR and problem.number == "9."
    assert problem.message == "目标低于上年实绩：居家养老上门服务人数 15万人 < 2023年 15.8万人"
    assert problem.where.file == str(PLAN) and problem.where.line > 0


def test_changzhou_meal_points_compared_flow_to_flow(changzhou: list[Finding]) -> None:
    meal = [f for f in changzhou if "助餐点" in f.message and f.code != "dropped-metric"]
    assert not [f for f in meal if "380" in f.message]
    assert not [f for f in meal if f.code == "below-last-year"]  # 83 new > 32 new


def test_changzhou_rating_rise_is_not_an_error(changzhou: list[Finding]) -> None:
    assert not [
        f for f in changzhou if "等级评定通过率" in f.message and f.severity is not Severity.INFO
    ]


def test_changzhou_has_exactly_one_error(changzhou: list[Finding]) -> None:
    assert [f.code for f in changzhou if f.severity is Severity.ERROR] == ["below-last-year"]


def test_readme_rule_table_lists_every_rule() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in [*RULES, "baseline"]:
        assert f"| `{code}` |" in readme, code
