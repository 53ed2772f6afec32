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


def test_a_change_against_the_year_before_the_sentence_s_own_is_the_year_s_figure() -> None:
    """2025年…较2024年增加1500人 is 较上年增加: the year's target; 较2020年增长 in the same plan
    sets the figure against a year long past, no target."""
    text = (
        "清流市2025年民生实事项目\n"
        "一、扩大普通高中招生。2025年普通高中招生计划人数较2024年增加1500人。\n"
        "二、提高居民收入。2025年全市居民人均可支配收入较2020年增长35%。\n"
    )
    assert targets_of(text, bureau="清流市人民政府") == ["1500人"]


def test_a_signer_without_its_place_is_the_fuller_signature_that_ends_with_it() -> None:
    """责任部门：市人民政府办公室 read as the notice's signer, the notice signed 清流市人民政府办公室:
    one office, and the fuller name says which city's."""
    text = (
        "索 引 号:\n640501001/2024-00012\n发布机构:\n清流市人民政府办公室\n"
        "责任部门:\n市人民政府办公室\n生成日期:\n2024年02月10日\n"
        "市人民政府办公室关于印发清流市2024年民政工作要点的通知\n"
        "各县（区）人民政府，市政府各部门：\n"
        "《清流市2024年民政工作要点》已经市政府同意，现印发给你们，请认真贯彻落实。\n"
        "清流市人民政府办公室\n2024年2月10日\n"
        "清流市2024年民政工作要点\n"
        "一、兜牢民生底线\n"
        "1.提高救助标准。城乡低保标准提高到每人每月800元。\n"
        "2.发展养老服务。新增养老床位300张。\n"
    )
    assert plan_of(text).model.bureau == "清流市人民政府办公室"


def results_of(text: str, **given: object) -> importer.Imported[model.Results]:
    return importer.import_results(importer.source_from_text(text, "results.txt"), **given)


def test_a_year_whose_sentences_say_what_will_be_done_is_the_outlook_not_the_year_reported() -> (
    None
):
    """2025年，清流将…: the year ahead, though none of the first lines names the year reported;
    the report is of 2024, as its news of February 2025 says."""
    text = (
        "清流持续做实民生实事\n2025年02月14日09:20 | 来源：清流日报\n"
        "民生实事是群众最关心的事。\n"
        "2月13日，记者从清流市民政局获悉，2024年，清流发放低保金3000万元，新增养老床位200张。\n"
        "2025年，清流将新建50个农村老饭桌，力争养老服务机构覆盖率达到60%。\n"
    )
    assert results_of(text, bureau="清流市民政局").model.year == 2024
