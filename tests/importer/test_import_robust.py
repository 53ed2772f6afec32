"""Whatever the input, import gives a valid file or a clear Chinese refusal, never a crash."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paths import ROOT

from planwriter import importer, model, store
from planwriter.problems import InputError

LINES = [
    "某某市民政局2024年工作要点",
    "某某区民政局2023年工作总结",
    "一、兜牢民生底线",
    "二、养老服务",
    "（一）社会救助",
    "（二）养老服务",
    "1.提高标准。城乡低保标准提高到每人每月900元。",
    "2、新建助餐点。新增老年助餐点15个，全县助餐点总数达到120个。",
    "（1）走访慰问困难群众2000户。",
    "3．加强培训。培训养老护理员300人次，年参训率达到100%。",
    "社会救助",
    "养老服务",
    "全市获评等级养老机构95家，占比达84.8%。",
    "新增5A级社会组织5家，累计43家。",
    "2024年，将新建助餐点50个。",
    "下一步，力争再建30个。",
    "一、2023年工作完成情况",
    "三、2024年工作计划",
    "二、存在的问题",
    "浏览次数:",
    "扫一扫在手机打开当前页",
    "各镇人民政府、街道办事处：",
    "现将《某某县民政局2024年工作要点》印发给你们，请认真贯彻执行。",
    "某某县民政局",
    "2024年3月1日",
    "（此件主动公开）",
    "抄送：县政府办公室。",
    "某某县民政局办公室　2024年3月1日印发",
    "为15万名老年人提供居家养老上门服务。",
    "完成“1+7+X+N”模式，落实“十四五”规划。",
    "控制在20项以内，不超过10个工作日。",
    "近9万人次，1600余户，6万多人。",
    "",
    "　　",
    "1.",
    "（一）",
    "一、",
    "第十七届",
    "2024年",
    "12345678901234567890123456789012345678",
    "a,b:c(d)",
]

inputs = st.one_of(
    st.lists(st.sampled_from(LINES), min_size=0, max_size=25).map("\n".join),
    st.text(max_size=300),
)
FUZZ = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def check(text: str, kind: str) -> None:
    source = importer.source_from_text(text, "fuzz.txt")
    try:
        imported = (
            importer.import_plan(source) if kind == "plan" else importer.import_results(source)
        )
    except InputError as err:
        assert err.problems and all(p.where.file == "fuzz.txt" for p in err.problems)
        assert all(any("\u4e00" <= c <= "\u9fff" for c in p.message) for p in err.problems)
        return
    data = imported.model
    text_out = store.render(data)
    parsed, _ = store.parse(text_out, "out", is_results=isinstance(data, model.Results))
    assert store.render(parsed) == text_out
    importer.summary(imported, verbose=True)


@FUZZ
@given(text=inputs)
def test_any_text_imports_as_a_plan_or_is_refused(text: str) -> None:
    check(text, "plan")


@FUZZ
@given(text=inputs)
def test_any_text_imports_as_results_or_is_refused(text: str) -> None:
    check(text, "results")


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".docx", ".doc", ""]))
def test_any_bytes_are_read_or_refused(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    try:
        source = importer.read_source(path)
    except InputError as err:
        assert str(path) in str(err)
        return
    assert source.lines


# --- the catalogue, the imports it pays for, the page around a document ---------------------


def test_every_message_the_importer_uses_is_in_the_catalogue() -> None:
    import re

    from planwriter.catalogue import MESSAGES

    used: set[str] = set()
    for path in [*(ROOT / "planwriter" / "importer").glob("*.py"), ROOT / "planwriter" / "cli.py"]:
        used |= set(
            re.findall(
                r'"((?:import|cmd_import|arg_import)_[a-z_]+)"', path.read_text(encoding="utf-8")
            )
        )
    functions = {"import_plan", "import_results"}
    assert used - functions and not (used - functions - set(MESSAGES))


def test_importing_text_pays_for_neither_textual_nor_python_docx(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "plan.txt"
    path.write_text(
        "某县民政局2024年工作要点\n一、救助\n1.提标。低保标准提高到每人每月900元。\n",
        encoding="utf-8",
    )
    code = (
        "import sys\nfrom planwriter import importer\n"
        f"importer.import_plan(importer.read_source({str(path)!r}))\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'docx', 'rich'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


DEBRIS = [
    "浏览次数:",
    "浏览次数：1024",
    "您的位置:首页 >> 工作动态 >> 内容",
    "当前位置：首页 > 政务公开",
    "发布日期:2024-01-11    来源:民政局  浏览次数:  字号:〖",
    "下载本信息公开文件",
    "扫一扫在手机打开当前页",
    "【打印本页】 【关闭窗口】",
    "苏ICP备05003616号",
    "网站标识码:3204000041",
    "索引号：014109871/2024-00012",
    "文号：常民发〔2024〕5号",
    "上一篇：关于开展……的通知",
    "分享到：",
    "【字号：大 中 小】",
    "版权所有：常州市民政局",
    "  ——  ",
]
NOT_DEBRIS = [
    "一、始终保持民政事业发展的正确政治方向",
    "2024年全市民政工作要点",
    "常州市民政局",
    "（此件公开发布）",
    "发布日期是2月23日，请各单位认真学习并抓好落实，浏览次数不作考核，"
    "全市各级民政部门要坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，"
    "全面落实市委、市政府和省民政厅工作部署，更好统筹发展和安全，为奋力书写好中国式现代化常州答卷贡献民政力量。",
    "政务新媒体全年浏览量达到500万次",
    "发布日期前完成全部审核工作",
]


def test_web_debris_is_told_from_the_document() -> None:
    from planwriter.importer.text import is_debris

    assert [line for line in DEBRIS if not is_debris(line)] == []
    assert [line for line in NOT_DEBRIS if is_debris(line)] == []


def test_the_page_header_gives_the_document_number_and_date() -> None:
    source = importer.source_from_text(
        "文号：常民发〔2024〕5号\n发布日期：2024-02-26\n各单位：\n现将《某市2024年民政工作要点》印发给你们。\n"
        "某市民政局\n2024年2月23日\n某市2024年民政工作要点\n一、救助\n1.提标。低保标准提高到每人每月900元。\n",
        "web.txt",
    )
    plan = importer.import_plan(source).model
    assert plan.notice is not None and plan.notice.number == "常民发〔2024〕5号"


def test_eleven_and_more_domains_and_parenthesised_task_numbers() -> None:
    numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
    lines = ["某县民政局2024年工作要点"]
    for n, numeral in enumerate(numerals, 1):
        lines += [
            f"{numeral}、领域{n}",
            f"（1）任务{n}甲。新增助餐点{n}个。",
            f"(2)任务{n}乙。做好工作。",
        ]
    plan = importer.import_plan(importer.source_from_text("\n".join(lines), "many.txt")).model
    assert [d.title for d in plan.domains][-2:] == ["领域11", "领域12"]
    assert [t.title for t in plan.domains[11].tasks] == ["任务12甲", "任务12乙"]
    assert plan.numbering is model.Numbering.PER_DOMAIN
    assert [t.value for _, t in plan.targets()] == [str(n) for n in range(1, 13)]


def test_tabs_and_control_characters_are_cleaned_so_the_import_reads_back(tmp_path: Path) -> None:
    from planwriter import store
    from planwriter.importer import import_plan, source_from_text

    text = "2024年全市民政工作要点\n一、推进\t社会救助\n1.提升\x01服务。为1万户\x0b家庭提供服务。\n"
    imported = import_plan(source_from_text(text, "pasted.txt"), bureau="某市民政局")
    yaml_text = store.render(imported.model)
    assert "\t" not in yaml_text and "\x01" not in yaml_text and "\x0b" not in yaml_text
    plan, _ = store.parse(yaml_text, "pasted.plan.yaml", is_results=False)
    assert plan.domains[0].title == "推进 社会救助"
