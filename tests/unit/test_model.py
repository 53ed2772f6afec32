"""Derived numbering and stable ids."""

from __future__ import annotations

import pytest

from planwriter import model, numerals


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "一"),
        (2, "二"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (115, "一百一十五"),
        (999, "九百九十九"),
        (1000, "一千"),
        (1005, "一千零五"),
        (1010, "一千零一十"),
        (2300, "二千三百"),
    ],
)
def test_chinese_number(n: int, expected: str) -> None:
    assert numerals.chinese_number(n) == expected


def test_chinese_number_out_of_range() -> None:
    with pytest.raises(ValueError):
        numerals.chinese_number(0)


def sample_plan(numbering: model.Numbering) -> model.Plan:
    def task(i: str) -> model.Task:
        return model.Task(id=f"t{i}", title=f"任务{i}")

    return model.Plan(
        bureau="局",
        year=2024,
        title="要点",
        numbering=numbering,
        domains=[
            model.Domain(id="a", title="甲", tasks=[task("1"), task("2")]),
            model.Domain(
                id="b",
                title="乙",
                sections=[
                    model.Section(id="s1", title="节一", tasks=[task("3")]),
                    model.Section(id="s2", title="节二", tasks=[task("4"), task("5")]),
                ],
            ),
            model.Domain(id="c", title="丙", tasks=[task("6")]),
        ],
    )


@pytest.mark.parametrize(
    ("numbering", "expected"),
    [
        (
            model.Numbering.CONTINUOUS,
            ["一、", "1.", "2.", "二、", "（一）", "3.", "（二）", "4.", "5.", "三、", "6."],
        ),
        (
            model.Numbering.PER_DOMAIN,
            ["一、", "1.", "2.", "二、", "（一）", "1.", "（二）", "2.", "3.", "三、", "1."],
        ),
        (
            model.Numbering.PER_SECTION,
            ["一、", "1.", "2.", "二、", "（一）", "1.", "（二）", "1.", "2.", "三、", "1."],
        ),
    ],
)
def test_outline_labels(numbering: model.Numbering, expected: list[str]) -> None:
    assert [e.label for e in model.outline(sample_plan(numbering))] == expected


def test_moving_a_task_renumbers_without_storing_numbers() -> None:
    plan = sample_plan(model.Numbering.CONTINUOUS)
    plan.domains[2].tasks.insert(0, plan.domains[0].tasks.pop(0))
    labels = model.labels(plan)
    assert labels["t2"] == "1."
    assert labels["t1"] == "5."
    assert labels["t6"] == "6."


def test_ids_are_stable_and_unique() -> None:
    taken: set[str] = set()
    first = model.make_id("task", "大力发展居家和社区养老服务", taken)
    assert first == model.make_id("task", "大力发展居家和社区养老服务", set())
    second = model.make_id("task", "大力发展居家和社区养老服务", taken)
    assert second == f"{first}-2"
    assert first.startswith("t-")
    assert model.make_id("domain", "推动老龄事业", set()).startswith("d-")


@pytest.mark.parametrize(
    ("text", "value"),
    [("七", 7), ("十", 10), ("十一", 11), ("二十三", 23), ("一十", 10), ("三十一", 31)],
)
def test_small_numbers_read_as_written(text: str, value: int) -> None:
    """Heading numbers and dates read by the one reader that reads 十五万 in a target."""
    assert numerals.small_number(text) == value
    assert numerals.small_number(numerals.chinese_number(value)) == value


@pytest.mark.parametrize("text", ["十十", "一二", "二十三十"])
def test_a_malformed_small_number_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        numerals.small_number(text)


@pytest.mark.parametrize(("text", "year"), [("二〇二四", 2024), ("二○二三", 2023), ("2025", 2025)])
def test_years_read_digit_by_digit(text: str, year: int) -> None:
    assert numerals.year_number(text) == year


def test_the_notice_field_list_names_every_field_of_a_notice() -> None:
    """The diff and the renderer read a notice through NOTICE_FIELDS: a new field of Notice
    left out of it would be neither compared nor printed."""
    import dataclasses

    assert sorted(model.NOTICE_FIELDS) == sorted(f.name for f in dataclasses.fields(model.Notice))
    assert set(model.NOTICE_DATES) <= set(model.NOTICE_FIELDS)
