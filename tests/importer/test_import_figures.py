"""Which figures the importer takes, measured on every figure of the two real samples.

LABELS marks each figure of the samples as a target (in the plan), a result (in the report)
or not a quantity. The figure is written in [brackets] inside enough of its sentence to be
found once in the sample. Heading numbers (一、 1. …) are labelled by the loop in
`heading_labels`: every one of them is not a quantity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from importer_support import readings_of
from paths import SAMPLES, needs_samples

from planwriter import importer
from planwriter.importer.figures import Purpose, Reading, read_paragraph, written_value
from planwriter.importer.text import Para
from planwriter.model import Kind, Op
from planwriter.quantity import find_quantities

PLAN_SAMPLE = SAMPLES / "changzhou-2024-workpoints.txt"
REPORT_SAMPLE = SAMPLES / "changzhou-2023-report.txt"

T, R, N = "target", "result", "none"

PLAN_LABELS = [
    ("现将《[2024]年全市民政工作要点》", N),
    ("常州市民政局\n[2024]年2月23日", N),
    ("[2]月23日", N),
    ("2月[23]日", N),
    ("公开发布)\n[2024]年全市民政工作要点", N),
    ("[2024]年是中华人民共和国", N),
    ("成立[75]周年", N),
    ("常州[万亿]之城", N),
    ("再出发的第[一]年", N),
    ("党的[二十]大", N),
    ("和[二十]届二中全会", N),
    ("二十届[二]中全会", N),
    ("“第[一]议题”", N),
    ("“[两]个确立”", N),
    ("“[两]个维护”", N),
    ("[一]体推进不敢腐", N),
    ("“[一]把手”", N),
    ("“[四]种形态”", N),
    ("中央[八]项规定", N),
    ("纠“[四]风”", N),
    ("党纪[一]起抓", N),
    ("纳入全市[2024]年度党建", N),
    ("“常有众扶”[三]年行动计划", N),
    ("监测,进[一]步提升", N),
    ("联动机制,进[一]步完善", N),
    ("“[一]户一档一策”家庭", N),
    ("“一户[一]档一策”家庭", N),
    ("“一户一档[一]策”家庭", N),
    ("在[三]城区试点", N),
    ("兜底救助,进[一]步拓展", N),
    ("赠送[一]次性用电", N),
    ("“[十百千]”救助服务", N),
    ("发展报告([2024]年)", N),
    ("《“常有颐养”[三]年行动方案》", N),
    ("布局规划([2023]-2035)", N),
    ("布局规划(2023-[2035])", N),
    ("完善[80]周岁以上", N),
    ("为[15万名]老年人", T),
    ("对第[三]方服务主体", N),
    ("提升改造[20家]镇(街道)", T),
    ("中心、[40个]示范性", T),
    ("(社区食堂)[83个]", T),
    ("市、区[两]级助餐补贴", N),
    ("为[1万户]老年人家庭", T),
    ("“[一]次不跑”", N),
    ("专项普及培训[4万人次]", T),
    ("承保率[90%以上]", T),
    ("全市[90%]的养老机构", T),
    ("[二]级以上农村特困", N),
    ("通过率[达到88%]", T),
    ("将[六]大类困境儿童", N),
    ("增建[8家]儿童", T),
    ("”、[120间]“梦想小屋”", T),
    ("完善“[1]+N”服务模式", N),
    ("辖市(区)[两]级分别", N),
    ("年参训率[达到100%]", T),
    ("选树[一]批基层治理", N),
    ("“[五]社联动”机制创新和智慧社区", N),
    ("进[一]步推动平安法治", N),
    ("改造提升[一]批村(居)", N),
    ("打造[不少于一个]社区服务综合体", T),
    ("“[一]套表”", N),
    ("“[两]本帐”", N),
    ("“[三]清单”", N),
    ("培育[一]批社工服务典型", N),
    ("党建“[1]+7+X+N”", N),
    ("党建“1+[7]+X+N”", N),
    ("模式,进[一]步提高", N),
    ("“[两]个覆盖”", N),
    ("抽查社会组织[不少于50家]", T),
    ("全年[4]A级", N),
    ("新增[不少于50家]", T),
    ("覆盖率[达45%]", T),
    ("全市投入[不少于1000万元]", T),
    ("公益创投项目[不少于200个]", T),
    ("结合“[532]”发展战略", N),
    ("“[两]湖创新区”", N),
    ("管理工作[四]项机制", N),
    ("工作。进[一]步规范地名", N),
    ("组织开展[2024]年省、市", N),
    ("县[三]级地名文化遗产", N),
    ("高质量完成[7个]省级", T),
    ("殡葬。进[一]步完善政策", N),
    ("“逝有所安”[三]年行动计划", N),
    ("“身后[一]件事”", N),
    ("做好[2024]年清明节", N),
    ("第[十七]届骨灰海葬", N),
    ("服务[2万人次以上]", T),
    ("“[一]件事一次办”", N),
    ("“一件事[一]次办”", N),
    ("残疾人[两]项补贴", N),
    ("行动,进[一]步扩大覆盖", N),
    ("新建[8家]精神障碍", T),
    ("“[八五]”普法规划", N),
    ("“[三]项制度”", N),
    ("“双随机、[一]公开”", N),
    ("省民政[一]体化", N),
    ("“高效办成[一]件事”", N),
    ("“[三]定”方案", N),
    ("“[十四五]”民政事业", N),
    ("治本攻坚[三]年行动", N),
    ("初次信访[一]次性化解率", N),
    ("源头治理[三]年攻坚", N),
    ("“[四]下基层”", N),
    ("扫[一]扫在手机", N),
]

REPORT_LABELS = [
    ("内容\n[2023],常州民政", N),
    ("发布日期:[2024]-01-11", N),
    ("2024-[01]-11", N),
    ("2024-01-[11]", N),
    ("[2023]年,我们坚持", N),
    ("建章立制贯穿始终、[一]体推进", N),
    ("“[1314]”机关党建", N),
    ("“[365]”工作法", N),
    ("专场直播[1次]", R),
    ("参与群众[近9万人次]", R),
    ("每人每月[1020元]", R),
    ("同比增加[56.79%]", R),
    ("为[6万多]特殊困难对象", R),
    ("“[一]户一档一策”,建立", N),
    ("“一户[一]档一策”,建立", N),
    ("“一户一档[一]策”,建立", N),
    ("实现对[近3000户]", R),
    ("行动为[1.2万户]", R),
    ("赠送[一]次性200度", N),
    ("一次性[200度]用电", R),
    ("项目为[1600余户]", R),
    ("全国[24省]", R),
    ("24省[236名]", R),
    ("累计为[147位]", R),
    ("等级养老机构[95家]", R),
    ("占比[达84.8%]", R),
    ("“[一]户一案”", N),
    ("“一户[一]案”", N),
    ("“一户一案”为[2507户]", R),
    ("覆盖[15.8万]老年人", R),
    ("每月[500元]", R),
    ("累计建成[435张]", R),
    ("建设[40个]示范性", R),
    ("提升[11家]镇", R),
    ("新增[32个]老年助餐点", R),
    ("助餐点[380个]", R),
    ("日均助餐人数[1.78万人]", R),
    ("服务老年人数[达7.24万人]", R),
    ("首批[16个]研习基地", R),
    ("累计新建[32个]儿童", R),
    ("全市[2494名]孤儿", R),
    ("评定首批[5]A级社工", N),
    ("5A级社工[34名]", R),
    ("“最美社工”[3人]", R),
    ("提升改造[20个]社区综合服务设施", R),
    ("城乡社区工作者[298人]", R),
    ("新增[600余名]全科社工", R),
    ("活动,[2区]7镇", R),
    ("2区[7镇](街道)", R),
    ("全省首批“[五]社联动”", N),
    ("试点,[1区]5街道", R),
    ("1区[5街道]", R),
    ("新增[5]A级社会组织", N),
    ("A级社会组织[5家]", R),
    ("累计[43家]", R),
    ("先进社会组织[5家]", R),
    ("减轻企业负担[近1700万元]", R),
    ("福彩销售[9.7亿元]", R),
    ("公益金[1.18亿元]", R),
    ("公益项目[50余场]", R),
    ("为[近千人次]社区空巢老人", R),
    ("服务。[2023]年全市慈善会", N),
    ("总收入为[27256.44万元]", R),
    ("总支出为[19274.44万元]", R),
    ("救助困难群众[300万人次]", R),
    ("全市建成[390个]城区", R),
    ("互助基金[390支]", R),
    ("募集资金[超4000万元]", R),
    ("常州市第[十六]届公益海葬", N),
    ("完成[8个]殡葬设施", R),
    ("服务覆盖率[100%]", R),
    ("新增格位[3700个]", R),
    ("入选第[二]批全省丧葬", N),
    ("“[5]·20”", N),
    ("“5·[20]”", N),
    ("入选第[三]批江苏省婚俗", N),
    ("“精康融合[三]年行动”", N),
    ("新建[9家]“德康驿站”", R),
    ("地名文化遗产[9个]", R),
    ("局面\n\n[一]体推进重大", N),
    ("检查督查组[110个]", R),
    ("参与检查[882人次]", R),
    ("问题隐患[715条]", R),
    ("使用清[零]", N),
    ("[2024]年,常州市民政系统", N),
    ("苏公网安备[32041102000483]号", N),
    ("网站标识码:[3204000041]", N),
    ("苏ICP备[05003616]号", N),
]


@dataclass(frozen=True)
class Label:
    line: int
    column: int  # 1-based
    length: int
    positive: bool
    text: str


def locate(raw: str, labels: list[tuple[str, str]], positive: str) -> list[Label]:
    found = []
    for marked, label in labels:
        context = marked.replace("[", "").replace("]", "")
        assert raw.count(context) == 1, f"context not unique in the sample: {marked!r}"
        start = raw.index(context) + marked.index("[")
        figure = marked[marked.index("[") + 1 : marked.index("]")]
        line = raw.count("\n", 0, start) + 1
        column = start - (raw.rfind("\n", 0, start) + 1) + 1
        found.append(Label(line, column, len(figure), label == positive, figure))
    return found


def heading_labels(raw: str) -> list[Label]:
    """一、 … 十、 and 1. … 34. at the start of a line: numbers of headings, never quantities."""
    labels = []
    for number, line in enumerate(raw.split("\n"), 1):
        if found := re.match(r"[一二三四五六七八九十]+(?=、)|[0-9]+(?=\.)", line):
            labels.append(Label(number, 1, len(found[0]), False, found[0]))
    return labels


def score(readings: list[Reading], labels: list[Label]) -> tuple[float, float, list[str]]:
    """Precision and recall of the taken figures against the labels, and what went wrong."""
    taken = [r for r in readings if r.taken]
    wrong, hits = [], set()
    true_positives = false_positives = 0
    for reading in taken:
        match = next(
            (
                i
                for i, label in enumerate(labels)
                if label.line == reading.line
                and label.column < reading.column + len(reading.literal)
                and reading.column < label.column + label.length
            ),
            None,
        )
        if match is None or not labels[match].positive:
            false_positives += 1
            wrong.append(f"taken but not a quantity: {reading.literal} ({reading.line})")
        else:
            true_positives += 1
            hits.add(match)
    positives = [i for i, label in enumerate(labels) if label.positive]
    wrong += [f"missed: {labels[i].text} ({labels[i].line})" for i in positives if i not in hits]
    precision = true_positives / max(1, true_positives + false_positives)
    recall = len(hits & set(positives)) / max(1, len(positives))
    return precision, recall, wrong


@needs_samples
@pytest.mark.parametrize("kind", ["plan", "results"])
def test_precision_and_recall_on_every_figure_of_the_samples(
    kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, labels, positive = (
        (PLAN_SAMPLE, PLAN_LABELS, T) if kind == "plan" else (REPORT_SAMPLE, REPORT_LABELS, R)
    )
    raw = path.read_text(encoding="utf-8")
    located = locate(raw, labels, positive) + heading_labels(raw)
    source = importer.read_source(path)
    imported = importer.import_plan(source) if kind == "plan" else importer.import_results(source)
    precision, recall, wrong = score(imported.report.figures, located)
    with capsys.disabled():
        print(
            f"\n{path.name}: {len(located)} figures labelled, "
            f"{sum(label.positive for label in located)} {positive}s; "
            f"precision {precision:.1%}, recall {recall:.1%}"
        )
    assert precision >= 0.95 and recall >= 0.95, wrong
    taken = [r for r in imported.report.figures if r.taken]
    model_items = list(imported.model.targets()) if kind == "plan" else imported.model.results
    assert len(taken) == len(model_items)  # each taken figure became exactly one item


@needs_samples
def test_the_labels_cover_every_figure_the_quantity_finder_sees() -> None:
    """No figure of the samples goes unlabelled: the list really is every figure."""
    for path, labels, positive in (
        (PLAN_SAMPLE, PLAN_LABELS, T),
        (REPORT_SAMPLE, REPORT_LABELS, R),
    ):
        raw = path.read_text(encoding="utf-8")
        located = locate(raw, labels, positive)
        for number, line in enumerate(raw.split("\n"), 1):
            for found in find_quantities(line):
                assert any(
                    label.line == number
                    and label.column <= found.end
                    and found.start < label.column + label.length
                    for label in located
                ), (path.name, number, line[found.start : found.end])


def test_scoring_counts_misses_and_false_alarms() -> None:
    labels = [
        Label(1, 3, 2, True, "83"),
        Label(1, 10, 4, False, "2024"),
        Label(2, 1, 2, True, "5家"),
    ]
    readings = [Reading(1, 3, "83个", "q", metric="m"), Reading(1, 10, "2024", "q", metric="m")]
    precision, recall, wrong = score(readings, labels)
    assert (precision, recall) == (0.5, 0.5)
    assert len(wrong) == 2


# --- what one figure says ---------------------------------------------------------------

PLAN_PHRASES = [
    # text, value, unit, op, kind, metric
    (
        "新增社区老年助餐点（社区食堂）83个。",
        "83",
        "个",
        Op.AT_LEAST,
        Kind.FLOW,
        "社区老年助餐点新增数",
    ),
    (
        "为15万名老年人提供居家养老上门服务。",
        "15万",
        "人",
        Op.AT_LEAST,
        Kind.STOCK,
        "居家养老上门服务人数",
    ),
    ("市级层面抽查社会组织不少于50家。", "50", "家", Op.AT_LEAST, Kind.FLOW, None),
    (
        "全年4A级及以上社会组织新增不少于50家。",
        "50",
        "家",
        Op.AT_LEAST,
        Kind.FLOW,
        "4A级及以上社会组织新增数",
    ),
    ("实现承保地区全覆盖、承保率90%以上。", "90%", "", Op.AT_LEAST, Kind.RATE, None),
    (
        "全市90%的养老机构通过等级评定。",
        "90%",
        "",
        Op.AT_LEAST,
        Kind.RATE,
        "养老机构等级评定通过率",
    ),
    (
        "推动各镇（街道）打造不少于一个社区服务综合体。",
        "1",
        "个",
        Op.AT_LEAST,
        Kind.STOCK,
        "每个镇（街道）社区服务综合体数",
    ),
    (
        "全市投入不少于1000万元，实施公益创投项目不少于200个。",
        "1000万",
        "元",
        Op.AT_LEAST,
        Kind.FLOW,
        "公益创投项目投入额",
    ),
    ("证明事项控制在20项以内。", "20", "项", Op.AT_MOST, Kind.STOCK, None),
    ("救助申请办理时限不超过10个工作日。", "10", "个工作日", Op.AT_MOST, Kind.STOCK, None),
    ("全市累计建成助餐点400个。", "400", "个", Op.AT_LEAST, Kind.STOCK, "助餐点累计建成数"),
    ("新增养老机构超过10家。", "10", "家", Op.AT_LEAST, Kind.FLOW, None),
    ("全年完成适老化改造1000户。", "1000", "户", Op.AT_LEAST, Kind.FLOW, None),
]


@pytest.mark.parametrize(("text", "value", "unit", "op", "kind", "metric"), PLAN_PHRASES)
def test_a_commitment_becomes_a_target(
    text: str, value: str, unit: str, op: Op, kind: Kind, metric: str | None
) -> None:
    taken = [r for r in readings_of(text, Purpose.PLAN) if r.taken]
    assert taken, text
    first = taken[0]
    assert (first.value, first.unit, first.op, first.kind) == (value, unit, op, kind)
    if metric is not None:
        assert first.metric == metric
    assert first.metric


NOT_TARGETS = [
    "完善80周岁以上老年人综合服务体系。",
    "组织好第十七届骨灰海葬活动。",
    "部署做好2024年清明节祭扫工作。",
    "严格落实“1314”工作体系，形成“365”工作法。",
    "全年4A级社会组织评估。",
    "深入实施“十四五”规划，贯彻“八五”普法规划。",
    "完善“1+7+X+N”模式。",
    "出台《养老服务设施布局规划（2023-2035）》。",
    "印发常民发〔2024〕5号文件。",
    "参与群众近9万人次。",  # approximate: a plan cannot promise it
    "2023年全市新增助餐点32个。",  # last year's figure inside a plan
]


@pytest.mark.parametrize("text", NOT_TARGETS)
def test_not_a_target(text: str) -> None:
    assert not [r for r in readings_of(text, Purpose.PLAN) if r.taken]


def test_a_bare_figure_ending_a_list_after_a_figure_with_its_unit_is_in_that_unit() -> None:
    """提高到165元、220。: the copy lost the second 元; the list says what it counts."""
    text = "生活补贴、护理补贴标准分别从每人每月150元、200元提高到165元、220。"
    taken = [(r.value, r.unit) for r in readings_of(text, Purpose.PLAN) if r.taken]
    assert taken == [("165", "元"), ("220", "元")]


def test_names_read_past_an_alternative_unit_a_quoted_speech_and_old_figures() -> None:
    """套（间）以上 is the figure's unit and bound, no words of its name; a speech that ends on
    its own 。 (“…500张。”负责人称) ends the figure's clause; 分别从A和B提高至C和D names C and
    D by the things listed before 分别, as 分别提高到C、D does."""
    said = {
        "建设筹集保障性住房2.4万套（间）以上。": ["保障性住房建设筹集数"],
        "“今年，全区计划新增养老床位500张。”区民政局相关负责人称。": ["养老床位新增数"],
        "城镇、农村低保标准分别从每人每月800元和600元提高至850元和650元。": [
            "城镇低保标准",
            "农村低保标准",
        ],
    }
    for text, metrics in said.items():
        assert [r.metric for r in readings_of(text, Purpose.PLAN) if r.taken] == metrics, text


def test_a_news_dateline_and_the_quote_after_an_ellipsis_are_no_words_of_a_name() -> None:
    """某某网合肥1月16日电（张三） leads the news in; …… ends the list of figures, so the quote
    after it names none of them."""
    text = (
        "某某网合肥1月16日电（张三）开发就业岗位43万个、下拨34.8亿元提升优抚待遇……"
        "“这些数字，都是某省退役军人事务厅交出的成绩单。”"
    )
    metrics = [r.metric for r in readings_of(text, Purpose.RESULTS) if r.taken]
    assert metrics == ["开发就业岗位数", "提升优抚待遇金额"]


def test_words_of_when_and_how_much_in_all_are_no_part_of_a_name() -> None:
    """全年共计, 今年以来共, 及时: the period, the sum and the manner of the act, not the thing;
    累计 in the name once."""
    said = {
        "开展街面巡查及人员救助工作，全年共计救助58人次。": "街面巡查及人员救助人次",
        "今年以来共开展入户探视服务8115人次。": "入户探视服务人次",
        "及时发放资金117.94万元。": "资金发放额",
        "全年城乡低保累计保障51768人次。": "城乡低保累计保障人次",  # 累计 said once
    }
    for text, metric in said.items():
        assert [r.metric for r in readings_of(text, Purpose.RESULTS) if r.taken] == [metric], text


def test_the_place_that_will_act_is_no_part_of_a_target_s_name() -> None:
    """今年某省将确保…, 某区将新建…: the place before its 将 is who acts, not what is counted."""
    said = {
        "今年某省将确保农村劳动力转移就业1500万人以上。": "农村劳动力转移就业人数",
        "某区将新建长者服务站点6家以上。": "长者服务站点新建数",
    }
    for text, metric in said.items():
        assert [r.metric for r in readings_of(text, Purpose.PLAN) if r.taken] == [metric], text


def test_a_sentence_turning_to_now_states_the_present_level_not_a_target() -> None:
    """…负责人称，目前，…突破30张: from 目前 on, what the city has today; an aim after it (力争)
    is still the year's."""
    text = "局长称，目前，全市共有养老床位44516张，每千名老人拥有床位数突破30张。"
    assert not [r for r in readings_of(text, Purpose.PLAN) if r.taken]
    aim = "目前，全市共有养老床位4万张，力争每千名老人拥有床位数达到35张。"
    assert [r.value for r in readings_of(aim, Purpose.PLAN) if r.taken] == ["35"]


RESULT_PHRASES = [
    ("居家养老上门服务覆盖15.8万老年人。", "15.8万", "人", Kind.STOCK, "居家养老上门服务人数"),
    ("新增32个老年助餐点。", "32", "个", Kind.FLOW, "老年助餐点新增数"),
    ("新增32个老年助餐点，全市累计建有助餐点380个。", "380", "个", Kind.STOCK, "老年助餐点累计数"),
    ("低保标准提高到每人每月1020元。", "1020", "元", Kind.STOCK, "低保标准"),
    ("参与群众近9万人次。", "近9万", "人次", Kind.FLOW, None),
    (
        "“常有众扶”微心愿项目为1600余户重点帮扶对象发放空调等爱心包。",
        "1600余",
        "户",
        Kind.FLOW,
        None,
    ),
    (
        "2区7镇（街道）入选全省首批“五社联动”机制创新试点。",
        "7",
        "个",
        Kind.FLOW,
        "“五社联动”机制创新试点镇（街道）数",
    ),
    ("全年累计发放城乡低保金1.2亿元。", "1.2亿", "元", Kind.FLOW, "城乡低保金发放额"),
]


@pytest.mark.parametrize(("text", "value", "unit", "kind", "metric"), RESULT_PHRASES)
def test_an_achievement_becomes_a_result(
    text: str, value: str, unit: str, kind: Kind, metric: str | None
) -> None:
    taken = [r for r in readings_of(text, Purpose.RESULTS) if r.taken]
    last = taken[-1]
    assert (last.value, last.unit, last.kind) == (value, unit, kind)
    if metric is not None:
        assert last.metric == metric


def test_two_results_from_one_sentence_and_the_rate_quotes_its_subject() -> None:
    taken = [
        r
        for r in readings_of("全市获评等级养老机构95家，占比达84.8%。", Purpose.RESULTS)
        if r.taken
    ]
    assert [(r.value, r.unit, r.kind) for r in taken] == [
        ("95", "家", Kind.FLOW),
        ("84.8%", "", Kind.RATE),
    ]
    assert taken[1].quote == "全市获评等级养老机构95家，占比达84.8%"
    assert "养老机构" in taken[1].metric


def test_a_decimal_point_written_as_a_full_stop_ends_no_sentence() -> None:
    readings, _ = read_paragraph(
        Para("全年慰问困难对象2。5万人次、发放补助金8。1亿元。", 1), Purpose.RESULTS, 2023
    )
    taken = [r for r in readings if r.taken]
    assert [(r.literal, r.value, r.unit) for r in taken] == [
        ("2。5万人次", "2.5万", "人次"),
        ("8。1亿元", "8.1亿", "元"),
    ]
    assert taken[0].quote.startswith("全年慰问困难对象")


def test_next_years_plans_in_a_report_are_not_results() -> None:
    readings, ahead = read_paragraph(
        Para("2024年，将新建助餐点50个，培训护理员300人。", 1), Purpose.RESULTS, 2023
    )
    assert ahead and readings and not any(r.taken for r in readings)
    assert {r.reason for r in readings} == {"import_fig_future"}
    readings, _ = read_paragraph(
        Para("新增助餐点32个。下一步，力争再建50个。", 1), Purpose.RESULTS, 2023
    )
    assert [r.taken for r in readings] == [True, False]


@pytest.mark.parametrize(
    ("literal", "purpose", "value", "unit"),
    [
        ("不少于50家", Purpose.PLAN, "50", "家"),
        ("90%以上", Purpose.PLAN, "90%", ""),
        ("15万名", Purpose.PLAN, "15万", "人"),
        ("不少于一个", Purpose.PLAN, "1", "个"),
        ("达到88%", Purpose.PLAN, "88%", ""),
        ("27256.44万元", Purpose.RESULTS, "27256.44万", "元"),
        ("近9万人次", Purpose.RESULTS, "近9万", "人次"),
        ("1600余户", Purpose.RESULTS, "1600余", "户"),
        ("超4000万元", Purpose.RESULTS, "超4000万", "元"),
        ("２万人次以上", Purpose.RESULTS, "2万以上", "人次"),
        ("1,200个", Purpose.PLAN, "1200", "个"),
        ("24省", Purpose.RESULTS, "24", "个"),
    ],
)
def test_values_are_written_as_people_write_them(
    literal: str, purpose: Purpose, value: str, unit: str
) -> None:
    found = find_quantities(literal)[0]
    words_unit = {"名": "人"}.get(found.quantity.unit, found.quantity.unit)
    assert written_value(literal, found.quantity, words_unit, purpose) == (value, unit)
