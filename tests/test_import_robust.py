"""Whatever the input, import gives a valid file or a clear Chinese refusal, never a crash."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwriter import importer, model, store
from planwriter.problems import InputError

LINES = [
    "某某市民政局2024年工作要点", "某某区民政局2023年工作总结", "一、兜牢民生底线", "二、养老服务",
    "（一）社会救助", "（二）养老服务", "1.提高标准。城乡低保标准提高到每人每月900元。",
    "2、新建助餐点。新增老年助餐点15个，全县助餐点总数达到120个。", "（1）走访慰问困难群众2000户。",
    "3．加强培训。培训养老护理员300人次，年参训率达到100%。", "社会救助", "养老服务",
    "全市获评等级养老机构95家，占比达84.8%。", "新增5A级社会组织5家，累计43家。",
    "2024年，将新建助餐点50个。", "下一步，力争再建30个。", "一、2023年工作完成情况", "三、2024年工作计划",
    "二、存在的问题", "浏览次数:", "扫一扫在手机打开当前页", "各镇人民政府、街道办事处：",
    "现将《某某县民政局2024年工作要点》印发给你们，请认真贯彻执行。", "某某县民政局", "2024年3月1日",
    "（此件主动公开）", "抄送：县政府办公室。", "某某县民政局办公室　2024年3月1日印发",
    "为15万名老年人提供居家养老上门服务。", "完成“1+7+X+N”模式，落实“十四五”规划。",
    "控制在20项以内，不超过10个工作日。", "近9万人次，1600余户，6万多人。", "", "　　", "1.", "（一）",
    "一、", "第十七届", "2024年", "12345678901234567890123456789012345678", "a,b:c(d)",
]

inputs = st.one_of(
    st.lists(st.sampled_from(LINES), min_size=0, max_size=25).map("\n".join),
    st.text(max_size=300),
)
FUZZ = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def check(text: str, kind: str) -> None:
    source = importer.source_from_text(text, "fuzz.txt")
    try:
        imported = (importer.import_plan(source) if kind == "plan"
                    else importer.import_results(source))
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


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
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
