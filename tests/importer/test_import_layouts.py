"""How plans, notices, progress reports and tables lay out their targets (issue 15): each layout
imports, a plan import takes the commitments only, and a refusal comes only where the text has
no part of the kind asked for. Texts made up for each behaviour."""

from __future__ import annotations

from planwriter import importer, model
from planwriter.importer.parts import PartKind, part_kind


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
