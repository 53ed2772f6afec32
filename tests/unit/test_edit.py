"""The editing core: pure edits that share structure, moves, targets, figures, history."""

from __future__ import annotations

import copy

import pytest
from paths import ROOT

from planwriter import edit, model, store
from planwriter.problems import InputError

CHANGZHOU = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
RESULTS = ROOT / "plans" / "changzhou" / "2023.results.yaml"


@pytest.fixture(scope="module")
def loaded() -> store.Loaded[model.Plan]:
    return store.load_plan(CHANGZHOU)


@pytest.fixture
def plan(loaded: store.Loaded[model.Plan]) -> model.Plan:
    return copy.deepcopy(loaded.model)


def numbers(plan: model.Plan) -> dict[str, str]:
    return model.labels(plan)


def small_plan() -> model.Plan:
    """一、(tasks a, b)  二、(sections s1: c; s2: d)  三、(empty)"""
    task = lambda i: model.Task(id=i, title=f"任务{i}")  # noqa: E731
    return model.Plan(
        "局",
        2024,
        "要点",
        domains=[
            model.Domain("d1", "领域一", tasks=[task("a"), task("b")]),
            model.Domain(
                "d2",
                "领域二",
                sections=[
                    model.Section("s1", "节一", [task("c")]),
                    model.Section("s2", "节二", [task("d")]),
                ],
            ),
            model.Domain("d3", "领域三"),
        ],
    )


def order(plan: model.Plan) -> list[str]:
    return [line.item.id for line in model.outline(plan)]


# --- edits never change their input, and share what they do not touch -----------------


def test_an_edit_leaves_the_old_plan_as_it_was(plan: model.Plan) -> None:
    before = copy.deepcopy(plan)
    new = edit.update_task(plan, "home-care", text="新的正文")
    assert plan == before
    assert edit.find_task(new, "home-care").text == "新的正文"
    untouched = [d for d in new.domains if d.id != "elderly-care"]
    assert all(any(d is old for old in plan.domains) for d in untouched)


@pytest.mark.parametrize(
    "change",
    [
        lambda p: edit.delete(p, "home-care"),
        lambda p: edit.move(p, "home-care", -1),
        lambda p: edit.move_to(p, "home-care", "party-leadership"),
        lambda p: edit.add_task(p, "新任务", "home-care")[0],
        lambda p: edit.add_domain(p, "新领域", "home-care")[0],
        lambda p: edit.add_section(p, "新节", "elderly-care")[0],
        lambda p: edit.set_target(
            p, "home-care", 0, model.Target("居家养老上门服务人数", "16万", "人")
        ),
        lambda p: edit.delete_target(p, "home-care", 0),
        lambda p: edit.rename(p, "elderly-care", "新标题"),
    ],
    ids=[
        "delete",
        "move",
        "move_to",
        "add_task",
        "add_domain",
        "add_section",
        "set_target",
        "delete_target",
        "rename",
    ],
)
def test_no_edit_mutates_its_input(plan: model.Plan, change) -> None:
    before = copy.deepcopy(plan)
    assert change(plan) != before
    assert plan == before


# --- adding -------------------------------------------------------------------------------


def test_add_task_after_the_selected_task_and_numbers_follow(plan: model.Plan) -> None:
    new, task_id = edit.add_task(plan, "  新的任务  ", "home-care")
    assert numbers(new)[task_id] == "10."
    assert numbers(new)["family-care"] == "11."
    assert edit.find_task(new, task_id).title == "新的任务"
    assert task_id.startswith("t-") and task_id not in edit.all_ids(plan)


def test_add_task_on_a_domain_goes_to_its_end_or_its_last_section() -> None:
    plan = small_plan()
    new, first = edit.add_task(plan, "甲", "d1")
    assert [t.id for t in new.domains[0].tasks][-1] == first
    new, second = edit.add_task(plan, "乙", "d2")
    assert new.domains[1].sections[-1].tasks[-1].id == second
    new, third = edit.add_task(plan, "丙", "s1")
    assert new.domains[1].sections[0].tasks[-1].id == third


def test_add_task_needs_a_title() -> None:
    with pytest.raises(edit.EditError, match="标题不能为空"):
        edit.add_task(small_plan(), "   ", "a")


def test_two_tasks_with_one_title_get_different_ids() -> None:
    plan, first = edit.add_task(small_plan(), "同名", "a")
    plan, second = edit.add_task(plan, "同名", "a")
    assert first != second


def test_add_domain_after_the_selected_one_or_at_the_end() -> None:
    plan = small_plan()
    new, domain_id = edit.add_domain(plan, "新领域", "c")
    assert [d.id for d in new.domains] == ["d1", "d2", domain_id, "d3"]
    new, domain_id = edit.add_domain(plan, "新领域", None)
    assert new.domains[-1].id == domain_id
    assert numbers(new)[domain_id] == "四、"


def test_add_section_to_a_domain_with_tasks_takes_them_in() -> None:
    plan, section_id, took = edit.add_section(small_plan(), "第一节", "a")
    domain = plan.domains[0]
    assert took == 2 and domain.tasks == []
    assert [t.id for t in domain.sections[0].tasks] == ["a", "b"]
    assert numbers(plan)[section_id] == "（一）"
    again, _ = store.parse(store.render(plan), "x.plan.yaml")  # the schema accepts it
    assert again.domains[0].sections[0].title == "第一节"


def test_add_section_after_the_selected_section() -> None:
    plan, section_id, took = edit.add_section(small_plan(), "插入节", "c")
    assert took == 0
    assert [s.id for s in plan.domains[1].sections] == ["s1", section_id, "s2"]


# --- deleting -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "gone", "tasks"),
    [
        ("a", ["a"], 0),
        ("s1", ["s1", "c"], 1),
        ("d2", ["d2", "s1", "c", "s2", "d"], 2),
    ],
)
def test_delete_takes_what_the_item_holds(item: str, gone: list[str], tasks: int) -> None:
    plan = small_plan()
    assert edit.tasks_under(plan, item) == tasks
    new = edit.delete(plan, item)
    assert order(new) == [i for i in order(plan) if i not in gone]


# --- moving ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "step", "expected"),
    [
        ("b", -1, ["d1", "b", "a", "d2", "s1", "c", "s2", "d", "d3"]),
        ("a", +1, ["d1", "b", "a", "d2", "s1", "c", "s2", "d", "d3"]),
        ("c", -1, ["d1", "a", "b", "c", "d2", "s1", "s2", "d", "d3"]),  # out of its section, up
        ("b", +1, ["d1", "a", "d2", "s1", "b", "c", "s2", "d", "d3"]),  # into the next section
        ("d", +1, ["d1", "a", "b", "d2", "s1", "c", "s2", "d3", "d"]),  # into the empty domain
        ("s2", -1, ["d1", "a", "b", "d2", "s2", "d", "s1", "c", "d3"]),
        ("d3", -1, ["d1", "a", "b", "d3", "d2", "s1", "c", "s2", "d"]),
    ],
)
def test_move_one_place(item: str, step: int, expected: list[str]) -> None:
    assert order(edit.move(small_plan(), item, step)) == expected


@pytest.mark.parametrize(
    ("item", "step", "message"),
    [
        ("a", -1, "第一项或最后一项任务"),
        ("d1", -1, "第一个或最后一个领域"),
        ("s1", -1, "第一节或最后一节"),
    ],
)
def test_move_at_the_edge_says_why(item: str, step: int, message: str) -> None:
    with pytest.raises(edit.EditError, match=message):
        edit.move(small_plan(), item, step)


def test_moving_a_task_renumbers_and_saves_as_a_move(
    plan: model.Plan, loaded: store.Loaded
) -> None:
    new = edit.move(plan, "home-care", -1)
    assert numbers(new)["home-care"] == "8." and numbers(new)["elderly-coordination"] == "9."
    text = store.render(new, loaded.text)
    again, _ = store.parse(text, str(CHANGZHOU))
    assert again == new


def test_destinations_and_move_to() -> None:
    plan = small_plan()
    places = dict(edit.destinations(plan, "a"))
    assert set(places) == {"s1", "s2", "d3"}  # not its own domain, not a domain with sections
    assert places["s1"] == "二、领域二 / （一）节一"
    new = edit.move_to(plan, "a", "s2")
    assert [t.id for t in new.domains[1].sections[1].tasks] == ["d", "a"]
    assert dict(edit.destinations(plan, "s1")) == {"d3": "三、领域三"}
    assert [s.id for s in edit.move_to(plan, "s1", "d3").domains[2].sections] == ["s1"]
    with pytest.raises(edit.EditError):
        edit.move_to(plan, "a", "d2")  # a domain with sections takes tasks only in a section
    with pytest.raises(edit.EditError, match="直接包含任务"):
        edit.move_to(plan, "s1", "d1")


# --- text and titles ---------------------------------------------------------------------


def test_update_task_and_rename() -> None:
    plan = edit.update_task(small_plan(), "a", title="新标题", lead="养老服务处", text="正文")
    task = edit.find_task(plan, "a")
    assert (task.title, task.lead, task.text) == ("新标题", "养老服务处", "正文")
    assert edit.rename(plan, "s1", "新节名").domains[1].sections[0].title == "新节名"
    assert edit.rename(plan, "d1", "新领域名").domains[0].title == "新领域名"
    with pytest.raises(ValueError, match="not a task text field"):
        edit.update_task(plan, "a", targets="x")


def test_invalid_items_names_what_a_save_could_not_hold() -> None:
    plan = edit.update_task(small_plan(), "b", title=" ")
    plan = edit.set_target(plan, "a", None, model.Target("人数", "约5万", "人"))
    found = edit.invalid_items(plan)
    assert ("b", "2. 的标题为空") in found
    assert any(item == "a" and "约数" in reason for item, reason in found)
    assert edit.invalid_items(small_plan()) == []


# --- targets ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "op", "kind"),
    [
        ("15万", "人", model.Op.AT_LEAST, model.Kind.STOCK),
        ("不少于50家", "", model.Op.AT_LEAST, model.Kind.STOCK),
        ("3个工作日以内", "", model.Op.AT_MOST, model.Kind.STOCK),
        ("90%", "", model.Op.AT_LEAST, model.Kind.RATE),
        ("1000万", "元", model.Op.AT_LEAST, model.Kind.STOCK),
    ],
)
def test_read_target_takes_op_and_kind_from_the_value(value, unit, op, kind) -> None:
    reading = edit.read_target("指标", value, unit)
    assert reading.problems == []
    assert (reading.target.op, reading.target.kind) == (op, kind)


@pytest.mark.parametrize(
    ("metric", "value", "unit", "op", "kind", "message"),
    [
        ("", "15万", "人", None, None, "指标名称"),
        ("指标", "", "人", None, None, "数值"),
        ("指标", "十五万多", "人", None, None, "约数"),
        ("指标", "2024年", "", None, None, "年份"),
        ("指标", "15万人", "户", None, None, "不一致"),
        ("指标", "不少于50家", "", model.Op.AT_MOST, None, "矛盾"),
        ("指标", "90%", "", None, model.Kind.STOCK, "rate"),
        ("指标", "90", "个", None, model.Kind.RATE, "百分数"),
        ("指标", "5万", "万元", None, None, "不能再带"),
    ],
)
def test_read_target_refuses_what_the_schema_refuses(
    metric, value, unit, op, kind, message
) -> None:
    reading = edit.read_target(metric, value, unit, op, kind)
    assert reading.target is None
    assert any(message in problem for problem in reading.problems), reading.problems


@pytest.mark.parametrize(
    ("value", "unit", "op"),
    [
        ("15万", "人", None),
        ("不少于50家", "", None),
        ("90%", "", None),
        ("15万人", "名", None),
        ("十五万多", "人", None),
        ("15万人", "户", None),
        ("不少于50家", "", "<="),
    ],
)
def test_read_target_agrees_with_the_schema(value: str, unit: str, op: str | None) -> None:
    """What the form accepts, a file accepts, and the other way round."""
    lines = [f"        - metric: 指标\n          value: '{value}'\n          unit: '{unit}'"]
    if op:
        lines.append(f"          op: '{op}'")
    text = (
        "planwriter: 1\nbureau: 局\nyear: 2024\ntitle: 要点\ndomains:\n"
        "  - id: d\n    title: 领域\n    tasks:\n      - id: t\n        title: 任务\n"
        "        targets:\n" + "\n".join(lines) + "\n"
    )
    try:
        store.parse(text, "x.plan.yaml")
        schema_ok = True
    except InputError:
        schema_ok = False
    reading = edit.read_target("指标", value, unit, model.Op(op) if op else None)
    assert (reading.target is not None) == schema_ok


def test_reading_of_a_value() -> None:
    quantity, problems = edit.read_value("15万", "人")
    assert problems == []
    assert edit.reading_of(quantity, model.Op.AT_LEAST) == "读作：不少于 15万人（即 150000人）"
    assert edit.implied_op("5个工作日以内") is model.Op.AT_MOST
    assert edit.implied_op("不少于50家") is model.Op.AT_LEAST
    assert edit.implied_op("83") is None


def test_set_and_delete_target() -> None:
    target = model.Target("人数", "5万", "人")
    plan = edit.set_target(small_plan(), "a", None, target)
    assert edit.find_task(plan, "a").targets == [target]
    plan = edit.set_target(plan, "a", 0, model.Target("人数", "6万", "人"))
    assert edit.find_task(plan, "a").targets[0].value == "6万"
    assert edit.find_task(edit.delete_target(plan, "a", 0), "a").targets == []


# --- the figure in the text -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "old", "new", "expected"),
    [
        ("为15万名老年人提供服务", "15万", "16万", "为16万名老年人提供服务"),
        ("新增助餐点83个，完成", "83", "90", "新增助餐点90个，完成"),
        ("承保率90%以上", "90%", "95%", "承保率95%以上"),
        ("市级抽查不少于50家。", "不少于50家", "不少于60家", "市级抽查不少于60家。"),
        ("为15万名老年人提供服务", "15万", "155000", "为155000名老年人提供服务"),
        ("培训1万人", "1万", "2000", "培训2000人"),
        ("培训1万人", "1万", "不少于1.2万人", "培训1.2万人"),
        ("为15万名老年人提供服务，15万人次", "15万", "16万", "为16万名老年人提供服务，15万人次"),
    ],
)
def test_figure_replacements(text: str, old: str, new: str, expected: str) -> None:
    unit = "%" if old.endswith("%") else ("个" if old == "83" else "人")
    if "家" in old:
        unit = ""
    before, after = model.Target("m", old, unit), model.Target("m", new, unit)
    replacements = edit.figure_replacements(text, before, after)
    assert replacements
    assert edit.replace_figures(text, replacements) == expected


def test_no_replacement_when_the_text_does_not_state_the_figure() -> None:
    old, new = model.Target("m", "15万", "人"), model.Target("m", "16万", "人")
    assert edit.figure_replacements("为14万名老年人提供服务", old, new) == []
    assert edit.figure_replacements("为15万名老年人提供服务", old, old) == []


# --- last year -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def results() -> model.Results:
    return store.load_results(RESULTS).model


@pytest.mark.parametrize(
    ("target", "figure", "change", "percent"),
    [
        (model.Target("居家养老上门服务人数", "15万", "人"), "15.8万人", "-8000人", "-5.1%"),
        (model.Target("居家养老上门服务人数", "16万", "人"), "15.8万人", "+2000人", "+1.3%"),
        (model.Target("居家养老上门服务人数", "15.8万", "人"), "15.8万人", "持平", ""),
        (model.Target("新指标", "3", "个"), "", "上年无此指标", ""),
    ],
)
def test_last_year(results: model.Results, target, figure, change, percent) -> None:
    assert edit.last_year(target, results) == edit.LastYear(figure, change, percent)


def test_last_year_of_a_rate_moves_in_points(results: model.Results) -> None:
    rate = next(r for r in results.results if r.unit == "%" or r.value.endswith("%"))
    target = model.Target(rate.metric, "100%", "", kind=model.Kind.RATE)
    last = edit.last_year(target, results)
    assert last.change.endswith("个百分点") and last.percent == ""
    assert edit.last_year(target, None) == edit.LastYear("", "")


# --- finding ---------------------------------------------------------------------------------


def test_search_by_title_then_text(plan: model.Plan) -> None:
    hits = edit.search(plan, "养老")
    assert hits[0].snippet == ""  # title matches come first
    assert any(hit.snippet for hit in hits)
    assert [h.number for h in edit.search(plan, "助餐 83")] == ["9."]
    assert "助餐" in edit.search(plan, "助餐 83")[0].snippet
    assert edit.search(plan, "   ") == []
    assert edit.search(plan, "不存在的词") == []


def test_counts(plan: model.Plan) -> None:
    assert edit.counts(plan) == (10, 34, 21)


# --- undo and redo -----------------------------------------------------------------------------


def test_history_undo_redo() -> None:
    plan = small_plan()
    history = edit.History.start(plan)
    assert not history.can_undo
    second = edit.update_task(plan, "a", title="一")
    history.record(second, "改标题", "a", "a")
    third = edit.delete(second, "b")
    history.record(third, "删除", "b", "a")
    assert history.plan is third
    step = history.undo()
    assert step.label == "删除" and step.before == "b" and history.plan is second
    assert history.next_redo() == "删除"
    assert history.redo().after == "a" and history.plan is third
    history.undo()
    history.undo()
    assert history.plan is plan and history.undo() is None
    history.record(third, "新的一步")  # a new edit drops what could be redone
    assert not history.can_redo


def test_typing_in_one_field_is_one_step_until_a_pause_or_another_field() -> None:
    plan = small_plan()
    history = edit.History.start(plan)
    for n, text in enumerate(["甲", "甲乙", "甲乙丙"]):
        history.record(
            edit.update_task(plan, "a", text=text),
            "改正文",
            "a",
            "a",
            ("text", "a"),
            now=100 + n * 0.5,
        )
    assert len(history.steps) == 2
    history.record(
        edit.update_task(history.plan, "a", title="T"), "改标题", "a", "a", ("title", "a"), now=102
    )
    history.record(
        edit.update_task(history.plan, "a", text="甲乙丙丁"),
        "改正文",
        "a",
        "a",
        ("text", "a"),
        now=103,
    )
    history.record(
        edit.update_task(history.plan, "a", text="甲乙丙丁戊"),
        "改正文",
        "a",
        "a",
        ("text", "a"),
        now=110,
    )  # after a pause
    assert len(history.steps) == 5
    history.undo()
    assert edit.find_task(history.plan, "a").text == "甲乙丙丁"


def test_history_keeps_a_limit() -> None:
    plan = small_plan()
    history = edit.History(steps=[edit.Step(plan, "")], limit=3)
    for n in range(5):
        history.record(edit.update_task(plan, "a", title=str(n)), "改")
    assert len(history.steps) == 3 and history.position == 2


def test_the_form_refuses_a_unit_holding_a_figure_as_the_schema_does() -> None:
    from planwriter.edit import read_target

    reading = read_target("人数", "15万", "16万")
    assert reading.target is None
    assert any(problem.startswith("单位“16万”里有数字") for problem in reading.problems)


@pytest.mark.parametrize(
    ("value", "unit", "stored", "op"),
    [
        ("不少于12个", "", ("12", "个"), model.Op.AT_LEAST),
        ("5家以内", "", ("5", "家"), model.Op.AT_MOST),
        ("15万", "人", ("15万", "人"), model.Op.AT_LEAST),
        ("不低于95%", "", ("95%", ""), model.Op.AT_LEAST),
        ("十五万", "人", ("十五万", "人"), model.Op.AT_LEAST),
    ],
)
def test_a_target_as_typed_is_stored_as_value_unit_and_op(
    value: str, unit: str, stored: tuple[str, str], op: model.Op
) -> None:
    """不少于12个 is kept as value 12, unit 个, op >=: `show` then reads 不少于 12个, once."""
    target = edit.read_target("指标", value, unit).target
    assert target is not None
    assert (target.value, target.unit, target.op) == (*stored, op)
