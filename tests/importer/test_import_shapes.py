"""Documents shaped unlike Changzhou's: other bureaus number, head and mix their texts otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import FIXTURES as TEST_FIXTURES

from planwriter import importer, model, store
from planwriter.importer.parts import PartKind
from planwriter.importer.summary import CLOSING, UNKNOWN
from planwriter.problems import InputError

FIXTURES = TEST_FIXTURES / "import"


def plan_of(name: str) -> importer.Imported[model.Plan]:
    return importer.import_plan(importer.read_source(FIXTURES / name))


def results_of(name: str) -> importer.Imported[model.Results]:
    return importer.import_results(importer.read_source(FIXTURES / name))


def valid_text(data: model.Plan | model.Results) -> str:
    text = store.render(data)
    parsed, _ = store.parse(text, "imported", is_results=isinstance(data, model.Results))
    assert store.render(parsed) == text
    assert store.render(parsed, text, normalise_quotes=True) == text
    return text


def labels(plan: model.Plan) -> list[str]:
    return [f"{entry.label}{entry.item.title}" for entry in model.outline(plan)]


# --- three levels, numbers restarting in each section, a full notice and 版记 ------------


def test_three_levels_with_numbers_restarting_per_section() -> None:
    plan = plan_of("three-level.txt").model
    valid_text(plan)
    assert (plan.bureau, plan.year, plan.title) == (
        "某某县民政局",
        2024,
        "某某县民政局2024年工作要点",
    )
    assert plan.numbering is model.Numbering.PER_SECTION
    assert [len(d.sections) for d in plan.domains] == [2, 2, 1]
    assert all(not d.tasks for d in plan.domains)
    assert labels(plan)[:7] == [
        "一、兜牢基本民生保障底线",
        "（一）健全分层分类社会救助体系",
        "1.提高救助保障标准",
        "2.加强低收入人口动态监测",
        "（二）做好困难群众急难救助",
        "1.强化临时救助",
        "2.开展“情暖万家”关爱行动",
    ]
    assert plan.preamble.startswith("2024年是实施“十四五”规划的关键一年。")


def test_notice_number_and_closing_block() -> None:
    notice = plan_of("three-level.txt").model.notice
    assert notice is not None
    assert notice.number == "某民发〔2024〕3号"
    assert notice.recipients == "各镇人民政府、街道办事处，局各科室、各直属单位"
    assert notice.body == "现将《某某县民政局2024年工作要点》印发给你们，请认真贯彻执行。"
    assert (notice.signer, str(notice.date), notice.remark) == (
        "某某县民政局",
        "2024-03-01",
        "此件主动公开",
    )
    assert (notice.cc, notice.printer, str(notice.print_date)) == (
        "县政府办公室",
        "某某县民政局办公室",
        "2024-03-01",
    )


def test_targets_of_the_three_level_plan() -> None:
    plan = plan_of("three-level.txt").model
    targets = {(t.value, t.unit): t for _, t in plan.targets()}
    assert targets[("900", "元")].metric == "城乡低保标准"
    assert targets[("20", "项")].op is model.Op.AT_MOST  # 控制在20项以内
    assert targets[("65%", "")].kind is model.Kind.RATE
    assert targets[("300万", "元")].kind is model.Kind.FLOW
    assert targets[("120", "个")].kind is model.Kind.STOCK  # 助餐点总数达到120个
    assert targets[("15", "个")].metric == "老年助餐点新增数"
    assert len(targets) == len(list(plan.targets())) == 14


# --- （一） items as the tasks, numbered per domain, in GBK ---------------------------------


def test_two_levels_in_gbk_with_sections_as_tasks() -> None:
    plan = plan_of("per-domain.gbk.txt").model
    valid_text(plan)
    assert plan.numbering is model.Numbering.PER_DOMAIN
    assert [d.title for d in plan.domains] == [
        "聚焦兜底保障，织密扎牢民生安全网",
        "聚焦为老服务，加快养老服务体系建设",
        "聚焦基层治理，提升社区服务能力",
    ]
    assert [len(d.tasks) for d in plan.domains] == [3, 2, 2]
    first = plan.domains[0].tasks[0]
    assert (first.title, first.text) == (
        "提高社会救助水平",
        "全市城乡低保标准提高到每人每月1050元。推进低保扩围增效，新增纳入低保对象2000人。",
    )
    assert plan.preamble.startswith("2024年是中华人民共和国成立75周年。")
    care = plan.domains[1].tasks[0]
    assert [(t.value, t.unit, t.metric) for t in care.targets] == [
        ("30", "个", "社区居家养老服务站新建数"),
        ("2000", "户", "适老化改造家庭数"),
    ]


# --- unnumbered headings ---------------------------------------------------------------


def test_unnumbered_headings_and_paragraph_tasks() -> None:
    imported = plan_of("unnumbered.txt")
    plan = imported.model
    valid_text(plan)
    assert [d.title for d in plan.domains] == ["社会救助", "养老服务", "区划地名"]
    assert [t.title for t in plan.tasks()] == [
        "完善社会救助体系",
        "推进救助服务改革",
        "加快居家养老服务发展",
        "提升养老机构服务质量",
        "做好地名成果转化",
    ]
    assert plan.notice is None
    closing = [s.text for s in imported.report.skipped if s.why == CLOSING]
    assert closing == ["某某区民政局", "2024年1月15日"]
    limit = next(t for _, t in plan.targets() if t.unit == "个工作日")
    assert (limit.value, limit.op, limit.kind) == ("10", model.Op.AT_MOST, model.Kind.STOCK)


# --- a report mixing last year's results with next year's plans ---------------------------


def test_mixed_report_imports_the_results_part_and_says_what_it_left_out() -> None:
    imported = results_of("mixed-report.txt")
    results = imported.model
    valid_text(results)
    assert (results.bureau, results.year) == ("某某市民政局", 2023)
    values = [(r.value, r.unit) for r in results.results]
    assert ("1.2亿", "元") in values and ("3600", "人次") in values and ("86", "家") in values
    assert ("12", "个") not in values  # the problems part
    assert ("50", "个") not in values  # 下一步，我们将新建老年助餐点50个
    assert ("1000", "元") not in values and ("20", "个") not in values  # the plan part
    assert [(part.kind, part.heading) for part in imported.report.left_out] == [
        (PartKind.OTHER, "二、存在的问题"),
        (PartKind.PLAN, "三、2024年工作计划"),
    ]
    lines = importer.summary(imported)
    assert any("未导入" in line and "三、2024年工作计划" in line for line in lines)


def test_mixed_report_imports_the_plan_part_and_says_what_it_left_out() -> None:
    imported = plan_of("mixed-report.txt")
    plan = imported.model
    valid_text(plan)
    assert (plan.bureau, plan.year, plan.title) == ("某某市民政局", 2024, "2024年工作计划")
    assert [t.title for t in plan.tasks()] == [
        "兜牢民生底线",
        "完善养老服务体系",
        "加强社会组织建设",
    ]
    values = [(t.value, t.unit) for _, t in plan.targets()]
    assert values == [("1000", "元"), ("3000", "人次"), ("3", "家"), ("20", "个"), ("100", "个")]
    assert [part.kind for part in imported.report.left_out] == [
        None,
        PartKind.RESULTS,
        PartKind.OTHER,
    ]


def test_the_plan_part_links_to_the_results_part() -> None:
    results = results_of("mixed-report.txt").model
    plan = importer.import_plan(importer.read_source(FIXTURES / "mixed-report.txt"), like=results)
    shared = {t.metric for _, t in plan.model.targets()} & {r.metric for r in results.results}
    assert {"临时救助人次", "区域性养老服务中心新建数"} <= shared


def test_asking_for_a_part_the_document_does_not_have(tmp_path: Path) -> None:
    path = tmp_path / "summary.txt"
    text = (FIXTURES / "mixed-report.txt").read_text(encoding="utf-8")
    path.write_text(text.split("三、2024年工作计划")[0], encoding="utf-8")
    with pytest.raises(InputError) as err:
        importer.import_plan(importer.read_source(path))
    assert "没有工作计划部分" in str(err.value)


# --- the same plan in other forms --------------------------------------------------------


def test_hard_wrapped_text_imports_like_the_original(tmp_path: Path) -> None:
    """Text copied out of a PDF breaks lines at a fixed width."""
    original = (FIXTURES / "three-level.txt").read_text(encoding="utf-8")
    wrapped = []
    for line in original.splitlines():
        while len(line) > 24:
            wrapped.append(line[:24])
            line = line[24:]
        wrapped.append(line)
    path = tmp_path / "wrapped.txt"
    path.write_text("\n".join(wrapped), encoding="utf-8")
    ours = importer.import_plan(importer.read_source(path))
    assert store.render(ours.model) == store.render(plan_of("three-level.txt").model)
    figure = next(r for r in ours.report.figures if r.literal == "1.3倍")
    assert wrapped[figure.line - 1][figure.column - 1 :].startswith("1.3")


def test_a_pdf_copy_with_indented_first_lines_and_page_numbers_imports_like_the_original(
    tmp_path: Path,
) -> None:
    """A PDF's text: each paragraph's first line indented two characters (so two shorter, its
    spaces lost), and the page's number (— 2 —) wherever the page turned, often mid-paragraph."""
    original = (FIXTURES / "three-level.txt").read_text(encoding="utf-8")
    copied: list[str] = []
    for line in original.splitlines():
        width = 22  # the first line, after its indent
        while len(line) > width:
            copied.append(line[:width])
            line, width = line[width:], 24
            if len(copied) % 9 == 0:
                copied.append(f"— {len(copied) // 9} —")
        copied.append(line)
    assert any(c.startswith("— ") for c in copied)
    path = tmp_path / "copied.txt"
    path.write_text("\n".join(copied), encoding="utf-8")
    ours = importer.import_plan(importer.read_source(path))
    assert store.render(ours.model) == store.render(plan_of("three-level.txt").model)


def test_indented_first_lines_say_where_a_wrapped_paragraph_begins(tmp_path: Path) -> None:
    """A copy that indents each paragraph (　　) and breaks its lines at a fixed width: a line
    that ends on 。 at the full width goes on in the next unless that one is indented."""
    filler = "坚持问题导向和目标导向，完善工作机制，压实工作责任，确保各项任务落到实处，"
    paragraphs = [
        "　　1.建设养老服务设施。全年新建区域性养老服务中心三家。" + filler * 2 + "取得实效。",
        "　　2.提升救助水平。全市发放低保金一亿元。" + filler * 2 + "兜住底线。",
        "　　3.加强社会组织管理。新增四星级以上社会组织五家。" + filler + "规范发展。",
    ]
    width = paragraphs[0].index("三家。") + 3  # the first line ends on that 。
    lines = [p[i : i + width] for p in paragraphs for i in range(0, len(p), width)]
    assert lines[0].endswith("三家。")
    path = tmp_path / "indented.txt"
    path.write_text("某区民政局2024年工作要点\n一、养老\n" + "\n".join(lines), encoding="utf-8")
    plan = importer.import_plan(importer.read_source(path)).model
    tasks = [t for d in plan.domains for t in d.tasks]
    assert [t.title for t in tasks] == ["建设养老服务设施", "提升救助水平", "加强社会组织管理"]
    assert [t.text for t in tasks] == [p.split("。", 1)[1] for p in paragraphs]


def _numbering_part(document) -> None:  # type: ignore[no-untyped-def]
    """一、 at level 0 and 1. at level 1, as Word writes a Chinese outline list."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))


def _numbered(document, text: str, level: int) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import parse_xml

    paragraph = document.add_paragraph(text)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
    )


def test_word_list_numbers_that_are_not_in_the_text(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    _numbering_part(document)
    document.add_paragraph("某某镇2024年民政工作要点")
    _numbered(document, "兜底保障", 0)
    _numbered(document, "提高低保标准。城乡低保标准提高到每人每月950元。", 1)
    _numbered(document, "加强临时救助。全年临时救助不少于500人次。", 1)
    _numbered(document, "养老服务", 0)
    _numbered(document, "发展助餐服务。新增老年助餐点6个。", 1)
    document.add_paragraph("某某镇人民政府\n2024年2月1日")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    imported = importer.import_plan(importer.read_source(path))
    plan = imported.model
    assert labels(plan) == [
        "一、兜底保障",
        "1.提高低保标准",
        "2.加强临时救助",
        "二、养老服务",
        "1.发展助餐服务",
    ]  # Word restarts a level under each new 一、
    assert plan.numbering is model.Numbering.PER_DOMAIN
    assert (plan.bureau, plan.year) == ("某某镇人民政府", 2024)
    assert [(t.value, t.unit) for _, t in plan.targets()] == [
        ("950", "元"),
        ("500", "人次"),
        ("6", "个"),
    ]
    assert importer.summary(imported)[0].startswith("已导入：2 个领域")


def test_a_docx_with_a_table_of_targets(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某某县2024年民政工作要点")
    document.add_paragraph("一、养老服务")
    document.add_paragraph("1.建设助餐点。全年新建助餐点10个。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "新增家庭养老照护床位"
    table.cell(0, 1).text = "200张"
    path = tmp_path / "table.docx"
    document.save(str(path))
    plan = importer.import_plan(importer.read_source(path)).model
    assert [(t.value, t.unit) for _, t in plan.targets()] == [("10", "个"), ("200", "张")]
    assert plan.bureau == "某某县民政局"


def test_numbering_gaps_are_reported() -> None:
    source = importer.source_from_text(
        "某市民政局2024年工作要点\n一、社会救助\n1.提高标准。低保标准提高到每人每月900元。\n"
        "3.强化救助。实施临时救助1000人次。\n",
        "gap.txt",
    )
    imported = importer.import_plan(source)
    assert imported.report.warnings == [(4, "任务编号应为 2，这里是 3，请核对是否漏了任务")]
    assert any("第 4 行：任务编号应为 2" in line for line in importer.summary(imported))


def test_lines_before_the_title_that_are_not_a_notice_are_reported() -> None:
    source = importer.source_from_text(
        "某某网站首页栏目\n某市民政局2024年工作要点\n一、社会救助\n1.提高标准。低保标准提高到每人每月900元。\n",
        "front.txt",
    )
    imported = importer.import_plan(source)
    assert [(s.line, s.why) for s in imported.report.skipped] == [(1, UNKNOWN)]
    assert imported.model.notice is None


def test_verbose_summary_names_each_skipped_line_and_refused_figure() -> None:
    source = importer.source_from_text(
        "浏览次数:12\n某市民政局2024年工作要点\n一、社会救助\n"
        "1.提高标准。低保标准提高到每人每月900元，惠及近3万人。\n",
        "v.txt",
    )
    lines = importer.summary(importer.import_plan(source), verbose=True)
    assert "  跳过 第 1 行（网页杂项）：浏览次数：12" in lines
    assert (
        "  未采用 第 4 行“近3万人”：是前面所列工作惠及或涉及的人数、户数，说的是受益范围，不是目标"
        in lines
    )


# --- more shapes: titles ending in ：, bare numbered headings in full-width digits -----------


def test_run_in_titles_ending_with_a_colon_and_sub_items() -> None:
    plan = plan_of("colon-titles.txt").model
    valid_text(plan)
    assert [t.title for t in plan.tasks()] == [
        "加强低保规范管理",
        "做好临时救助",
        "推进居家养老",
        "发展普惠养老",
    ]
    assert plan.numbering is model.Numbering.CONTINUOUS
    relief = list(plan.tasks())[1]
    assert relief.text.splitlines() == [
        "全年临时救助不少于800人次。",
        "（1）畅通急难求助渠道，24小时热线接听率100%。",
        "（2）落实“先行救助”制度。",
    ]
    assert [(t.metric, t.value) for t in relief.targets] == [
        ("临时救助人次", "800"),
        ("热线接听率", "100%"),
    ]


def test_a_time_that_names_a_service_is_not_a_time_limit() -> None:
    imported = plan_of("colon-titles.txt")
    refused = {r.literal: r.reason for r in imported.report.figures if not r.taken}
    assert refused == {"24小时": "import_fig_modifier"}


def test_bare_task_headings_in_full_width_digits_take_the_paragraph_below() -> None:
    plan = plan_of("bare-task-headings.txt").model
    valid_text(plan)
    assert labels(plan)[:4] == [
        "一、坚持党建引领",
        "1.加强政治建设",
        "2.加强作风建设",
        "二、兜牢民生底线",
    ]
    tasks = list(plan.tasks())
    assert (
        tasks[0].text
        == "深入学习贯彻习近平新时代中国特色社会主义思想，全年开展理论学习中心组学习12次。"
    )
    standard = tasks[2]
    assert [(t.metric, t.value, t.kind) for t in standard.targets] == [
        ("城乡低保标准提高额", "50", model.Kind.FLOW),
        ("城乡低保标准", "1100", model.Kind.STOCK),
        ("各类救助资金发放额", "3.5亿", model.Kind.FLOW),
    ]
    assert plan.domains[-1].title == "保障措施"  # a domain of plain paragraphs


def test_a_district_report_with_numbered_parts() -> None:
    imported = results_of("district-report.txt")
    results = imported.model
    valid_text(results)
    assert (results.bureau, results.year) == ("某某区民政局", 2023)
    by_value = {(r.value, r.unit): r for r in results.results}
    assert by_value[("1.8万", "人")].metric == "困难群众人数"  # 惠及困难群众1.1万户、1.8万人
    assert by_value[("5.2%", "")].metric == "社会组织较上年增幅"
    assert by_value[("83%", "")].metric == "年检率"
    assert by_value[("86", "个")].kind is model.Kind.STOCK  # 累计达到86个
    assert ("1100", "元") not in by_value and ("15", "个") not in by_value  # 2024年工作思路
    assert len(results.results) == 16


def test_a_report_of_the_plans_own_year_records_each_target() -> None:
    """--like a plan of the same year: each result that answers a target records it."""
    results = results_of("mixed-report.txt").model
    plan = model.Plan(
        bureau="某某市民政局",
        year=2023,
        title="2023年工作要点",
        domains=[
            model.Domain(
                id="d",
                title="养老",
                tasks=[
                    model.Task(
                        id="t",
                        title="养老",
                        targets=[
                            model.Target(
                                metric="区域性养老服务中心建设数",
                                value="3",
                                unit="家",
                                kind=model.Kind.FLOW,
                            )
                        ],
                    )
                ],
            )
        ],
    )
    linked = importer.import_results(
        importer.read_source(FIXTURES / "mixed-report.txt"), like=plan
    ).model
    centres = next(r for r in linked.results if r.value == "4" and r.unit == "家")
    assert (centres.metric, centres.target) == ("区域性养老服务中心建设数", "3")
    assert [r.target for r in linked.results].count("") == len(results.results) - 1
    valid_text(linked)


def test_unnumbered_parts_and_a_plan_part_of_plain_paragraphs() -> None:
    results = results_of("unnumbered-parts.txt")
    assert [(r.metric, r.value) for r in results.model.results] == [
        ("社区老年助餐点新增数", "12"),
        ("社区老年助餐点累计建成数", "78"),
        ("城乡低保金发放额", "6200万"),
    ]
    assert [p.heading for p in results.report.left_out] == ["2024年工作打算"]
    plan = plan_of("unnumbered-parts.txt").model
    assert (plan.year, plan.title, [d.title for d in plan.domains]) == (
        2024,
        "2024年工作打算",
        ["2024年工作打算"],
    )
    assert [(t.value, t.unit) for _, t in plan.targets()] == [("10", "个"), ("980", "元")]
    valid_text(plan)


def test_a_verb_before_shi_minzheng_xitong_is_not_taken_for_a_place() -> None:
    """举办市民政系统培训班: no 举办市民政局. The place comes from the wording only when it is one."""
    text = (
        "2025年民政工作要点\n一、加强队伍建设\n1.提升干部能力。举办市民政系统干部培训班。\n"
        "2.深化改革。溧阳市民政系统推进改革创新。\n"
    )
    source = importer.source_from_text(text, "plan.txt")
    assert importer.import_plan(source).model.bureau == "溧阳市民政局"
    like = model.Plan(bureau="溧阳市民政局", year=2024, title="2024年民政工作要点")
    alone = "2025年民政工作要点\n一、加强队伍建设\n1.提升干部能力。举办市民政系统干部培训班。\n"
    with pytest.raises(InputError):  # no bureau anywhere: asked for, never guessed as 举办市
        importer.import_plan(importer.source_from_text(alone, "plan.txt"))
    found = importer.import_plan(importer.source_from_text(alone, "plan.txt"), like=like).model
    assert found.bureau == "溧阳市民政局"  # from the file given with --like
