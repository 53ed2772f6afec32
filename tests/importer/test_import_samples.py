"""Acceptance on the real Changzhou documents: the 2024 plan and the 2023 year-end report."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pytest
from paths import ROOT, SAMPLES, needs_samples
from rich.console import Console

from planwriter import importer, model, store
from planwriter.importer.linking import similarity
from planwriter.show import print_outline

PLAN_SAMPLE = SAMPLES / "changzhou-2024-workpoints.txt"
REPORT_SAMPLE = SAMPLES / "changzhou-2023-report.txt"
HAND_PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
HAND_RESULTS = ROOT / "plans" / "changzhou" / "2023.results.yaml"
pytestmark = needs_samples
DEBRIS = (
    "浏览次数",
    "下载本信息公开文件",
    "扫一扫",
    "您的位置",
    "发布日期：",
    "ICP",
    "公网安备",
    "网站标识码",
    "字号",
)


@pytest.fixture(scope="module")
def plan_import() -> importer.Imported[model.Plan]:
    return importer.import_plan(importer.read_source(PLAN_SAMPLE))


@pytest.fixture(scope="module")
def results_import() -> importer.Imported[model.Results]:
    return importer.import_results(importer.read_source(REPORT_SAMPLE))


def text_of(data: model.Plan | model.Results) -> str:
    text = store.render(data)
    assert store.render(data, text, normalise_quotes=True) == text  # what `fmt` leaves alone
    parsed, _ = store.parse(text, "imported", is_results=isinstance(data, model.Results))
    assert store.render(parsed) == text  # reads back to the same file
    return text


# --- the plan ------------------------------------------------------------------------


def test_plan_has_ten_domains_and_34_tasks_numbered_through(plan_import) -> None:
    plan = plan_import.model
    assert len(plan.domains) == 10
    assert sum(1 for _ in plan.tasks()) == 34
    assert plan.numbering is model.Numbering.CONTINUOUS
    labels = [entry.label for entry in model.outline(plan) if entry.level == 3]
    assert labels == [f"{n}." for n in range(1, 35)]
    assert (plan.bureau, plan.year, plan.title) == ("常州市民政局", 2024, "2024年全市民政工作要点")
    assert list(plan.tasks())[8].title == "大力发展居家和社区养老服务"


def published_outline(raw: str) -> list[str]:
    """一、… and N.title as the sample prints them, in order."""
    lines = []
    for line in raw.splitlines():
        if re.match(r"[一二三四五六七八九十]+、", line):
            lines.append(line.strip())
        elif found := re.match(r"(\d+)\.\s*([^。]+)。", line):
            lines.append(f"{found[1]}.{found[2]}")
    return lines


def test_titles_are_exactly_as_published(plan_import) -> None:
    raw = PLAN_SAMPLE.read_text(encoding="utf-8")
    ours = [f"{entry.label}{entry.item.title}" for entry in model.outline(plan_import.model)]
    assert ours == published_outline(raw)


def test_show_prints_the_published_outline_line_by_line(plan_import) -> None:
    buffer = io.StringIO()
    print_outline(plan_import.model, Console(file=buffer, width=400, color_system=None))
    headings = [re.sub(r"^[\s│├└─]+", "", line).rstrip() for line in buffer.getvalue().splitlines()]
    headings = [line for line in headings if re.match(r"[一二三四五六七八九十]+、|\d+\.", line)]
    assert headings == published_outline(PLAN_SAMPLE.read_text(encoding="utf-8"))


def test_notice_fields_are_filled(plan_import) -> None:
    notice = plan_import.model.notice
    assert notice is not None
    assert notice.recipients == "各辖市、区民政局，常州经开区社会保障局，局机关各处室，各直属单位"
    assert notice.body == "现将《2024年全市民政工作要点》印发给你们，请结合实际认真抓好贯彻落实。"
    assert (notice.signer, str(notice.date), notice.remark) == (
        "常州市民政局",
        "2024-02-23",
        "此件公开发布",
    )


def test_web_debris_is_dropped_and_reported(plan_import) -> None:
    text = text_of(plan_import.model)
    assert not [word for word in DEBRIS if word in text]
    assert [s.text for s in plan_import.report.debris] == [
        "浏览次数：",
        "下载本信息公开文件",
        "扫一扫在手机打开当前页",
    ]


def test_plan_matches_the_hand_made_ground_truth(plan_import) -> None:
    """Texts with full-width punctuation restored, and every target's value, unit, op and kind."""
    ours, hand = plan_import.model, store.load(HAND_PLAN).model
    assert ours.preamble == hand.preamble
    assert ours.notice == hand.notice
    for mine, theirs in zip(ours.tasks(), hand.tasks(), strict=True):
        assert (mine.title, mine.text) == (theirs.title, theirs.text)
        assert [(t.value, t.unit, t.op, t.kind) for t in mine.targets] == [
            (t.value, t.unit, t.op, t.kind) for t in theirs.targets
        ], mine.title
    names = {t.metric for _, t in ours.targets()} & {t.metric for _, t in hand.targets()}
    assert {
        "居家养老上门服务人数",
        "社区老年助餐点新增数",
        "养老机构等级评定通过率",
        "4A级及以上社会组织新增数",
        "精神障碍社区康复服务站点新建数",
    } <= names


def test_the_example_metric_of_the_issue(plan_import) -> None:
    home_care = list(plan_import.model.tasks())[8]
    meal_points = [t for t in home_care.targets if t.value == "83"]
    assert [(t.metric, t.unit, t.kind) for t in meal_points] == [
        ("社区老年助餐点新增数", "个", model.Kind.FLOW)
    ]


def test_plan_output_is_valid_and_formatted(plan_import, tmp_path: Path) -> None:
    path = tmp_path / "2024.plan.yaml"
    path.write_text(text_of(plan_import.model), encoding="utf-8")
    loaded = store.load(path)
    assert loaded.model == plan_import.model


# --- the report ------------------------------------------------------------------------

ACCEPTANCE = [
    # value, unit, a word of the metric, kind
    ("1020", "元", "低保标准", model.Kind.STOCK),
    ("56.79%", "", "临时救助资金", model.Kind.RATE),
    ("1.2万", "户", "", None),
    ("2507", "户", "适老化改造", model.Kind.FLOW),
    ("15.8万", "人", "居家养老上门服务", model.Kind.STOCK),
    ("435", "张", "照护床位", model.Kind.STOCK),
    ("380", "个", "助餐点", model.Kind.STOCK),
    ("1.78万", "人", "助餐", None),
    ("7.24万", "人", "", None),
    ("2494", "人", "孤儿", None),
    ("298", "人", "社区工作者", None),
    ("43", "家", "社会组织", model.Kind.STOCK),
    ("9.7亿", "元", "福彩", model.Kind.FLOW),
    ("1.18亿", "元", "公益金", model.Kind.FLOW),
    ("27256.44万", "元", "总收入", None),
    ("390", "个", "慈善工作站", None),
    ("3700", "个", "格位", model.Kind.FLOW),
    ("715", "条", "隐患", model.Kind.FLOW),
    ("32", "个", "老年助餐点", model.Kind.FLOW),
]


@pytest.mark.parametrize(("value", "unit", "word", "kind"), ACCEPTANCE)
def test_report_achievements_with_quotes(
    results_import, value: str, unit: str, word: str, kind: model.Kind | None
) -> None:
    raw = (
        REPORT_SAMPLE.read_text(encoding="utf-8")
        .replace(",", "，")
        .replace("(", "（")
        .replace(")", "）")
    )
    found = [
        r
        for r in results_import.model.results
        if (r.value, r.unit) == (value, unit) and word in r.metric
    ]
    assert found, (value, unit, word)
    result = found[0]
    assert result.quote and result.quote in raw
    assert value.rstrip("%") in result.quote
    if kind is not None:
        assert result.kind is kind


def test_report_header(results_import) -> None:
    results = results_import.model
    assert (results.bureau, results.year) == ("常州市民政局", 2023)
    assert results.source == "2023，常州民政向您报告！（发布日期 2024-01-11）"


def test_graded_care_homes_give_two_results(results_import) -> None:
    quoted = [r for r in results_import.model.results if "获评等级养老机构95家" in r.quote]
    assert [(r.value, r.unit, r.kind) for r in quoted] == [
        ("95", "家", model.Kind.FLOW),
        ("84.8%", "", model.Kind.RATE),
    ]


def test_report_matches_the_hand_made_ground_truth(results_import) -> None:
    ours, hand = results_import.model.results, store.load(HAND_RESULTS).model.results
    assert [(r.value, r.unit) for r in ours] == [(r.value, r.unit) for r in hand]
    same_kind = sum(a.kind is b.kind for a, b in zip(ours, hand, strict=True))
    assert same_kind >= 0.9 * len(hand)
    assert sum(
        a.quote in b.quote or b.quote in a.quote for a, b in zip(ours, hand, strict=True)
    ) == len(hand)


def test_report_output_is_valid_and_formatted(results_import) -> None:
    text = text_of(results_import.model)
    assert not [word for word in DEBRIS if word in text]


# --- one name for one thing across the two years ----------------------------------------


def test_like_reuses_the_other_years_names(results_import) -> None:
    """The plan imported --like the imported report shares its names for the same things."""
    plan = importer.import_plan(
        importer.read_source(PLAN_SAMPLE), like=results_import.model, like_name="2023.results.yaml"
    )
    report_names = {r.metric: r for r in results_import.model.results}
    linked = {t.metric for _, t in plan.model.targets()} & set(report_names)
    assert {
        "居家养老上门服务人数",
        "适老化改造家庭数",
        "老年助餐点新增数",
        "示范性乡村互助养老睦邻点建设数",
    } <= linked
    meal = next(t for _, t in plan.model.targets() if t.value == "83")
    assert meal.metric == "老年助餐点新增数" and report_names[meal.metric].value == "32"
    assert ("社区老年助餐点新增数", "老年助餐点新增数") in plan.report.renamed
    assert "儿童“关爱之家”累计新建数" not in linked  # a stock never takes a flow's name
    for _, target in plan.model.targets():
        if target.metric in report_names:
            assert report_names[target.metric].kind is target.kind


def test_like_against_the_hand_made_files() -> None:
    plan = importer.import_plan(
        importer.read_source(PLAN_SAMPLE), like=store.load(HAND_RESULTS).model
    )
    names = {t.metric for _, t in plan.model.targets()}
    assert {
        "居家养老上门服务人数",
        "社区老年助餐点新增数",
        "养老机构等级评定通过率",
        "适老化改造家庭数",
        "示范性乡村互助养老睦邻点建设数",
    } <= names
    assert "殡葬设施改扩建项目完成数" not in names  # 省级民生实事殡葬类项目 is another thing
    assert "儿童关爱之家累计数" not in names
    results = importer.import_results(
        importer.read_source(REPORT_SAMPLE), like=store.load(HAND_PLAN).model
    )
    assert "社区老年助餐点新增数" in {r.metric for r in results.model.results}


def test_similarity_of_names() -> None:
    assert similarity("老年助餐点新增数", "社区老年助餐点新增数") >= 0.6
    assert similarity("适老化改造家庭数", "“一户一案”适老化改造家庭数") >= 0.6
    assert similarity("殡葬设施改扩建项目完成数", "省级民生实事殡葬类项目建设数") < 0.6
    assert similarity("儿童关爱之家新增数", "社区老年助餐点新增数") < 0.6


# --- the same document in other forms ---------------------------------------------------


def test_the_plan_saved_as_docx_imports_to_the_same_yaml(tmp_path: Path, plan_import) -> None:
    import docx

    document = docx.Document()
    for line in PLAN_SAMPLE.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "2024工作要点.docx"
    document.save(str(path))
    imported = importer.import_plan(importer.read_source(path))
    assert store.render(imported.model) == store.render(plan_import.model)


def test_the_report_in_gb18030_imports_to_the_same_yaml(tmp_path: Path, results_import) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT_SAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    imported = importer.import_results(importer.read_source(path))
    assert store.render(imported.model) == store.render(results_import.model)


@pytest.mark.parametrize("template", ["notice", "plain"])
def test_the_document_we_render_imports_back_to_the_same_plan(
    tmp_path: Path, template: str
) -> None:
    """Everything a plan says reaches the .docx: imported again (metric names taken from the
    plan, as --like does) it is the same plan, with no change the plan diff can see."""
    from planwriter.diff import diff_plans
    from planwriter.render import render_plan

    plan = store.load_plan(HAND_PLAN).model
    out = tmp_path / "plan.docx"
    render_plan(plan, out, template=template)
    imported = importer.import_plan(importer.read_source(out), like=plan).model
    if template == "plain":  # the plan alone: no 印发通知 in the document, none read back
        plan = dataclasses.replace(plan, notice=None)
    for task in plan.tasks():  # who and when are printed in the 任务分解表, not in the plan
        task.lead, task.partners, task.due = "", [], ""
        for target in task.targets:
            target.due = ""
    assert diff_plans(plan, imported) == []
    assert len(list(imported.tasks())) == 34
