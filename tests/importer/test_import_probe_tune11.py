"""Reading rules found on batch 11's tuning half (issue 15), each on made-up text."""

from __future__ import annotations

from planwriter import importer, model


def plan_of(text: str, **given: object) -> importer.Imported[model.Plan]:
    return importer.import_plan(importer.source_from_text(text, "plan.txt"), **given)


def targets_of(text: str, **given: object) -> list[str]:
    return [f"{t.value}{t.unit}" for _, t in plan_of(text, **given).model.targets()]


def test_items_of_a_list_that_end_on_a_semicolon_are_tasks_not_domains() -> None:
    """一、打通12条道路； … 五、新建8处游园。: the list is one sentence cut at its ；, each item a
    task with its figure; no title ends on ；."""
    text = (
        "2025年清流市政府五项民生实事项目公布\n"
        "在今天召开的市人民代表大会上，宣布了2025年清流市政府五项民生实事项目。\n"
        "一、打通12条城区道路；\n"
        "二、持续改善农村生活条件；\n"
        "三、建设40个球类运动场地、25公里健身步道；\n"
        "四、完成310个老旧小区改造；\n"
        "五、新建提升8处街旁游园。\n"
    )
    assert targets_of(text, bureau="清流市人民政府") == [
        "12条",
        "40个",
        "25公里",
        "310个",
        "8处",
    ]
