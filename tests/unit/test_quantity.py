from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from paths import SAMPLES, needs_samples

from planwriter import quantity as quantity_module
from planwriter.quantity import (
    UNIT_GROUPS,
    Bound,
    Found,
    IncomparableError,
    Quantity,
    QuantityError,
    compare,
    compatible,
    find_quantities,
    format_amount,
    parse_quantity,
)

D = Decimal
EX, GE, LE = Bound.EXACT, Bound.AT_LEAST, Bound.AT_MOST
MT, NR, AB = Bound.MORE_THAN, Bound.NEARLY, Bound.ABOUT
WAN, YI = 10_000, 100_000_000


# --- parse_quantity ----------------------------------------------------------------

PARSED = [
    # text, number, scale, unit, bound, amount
    ("15万", "15", WAN, "", EX, "150000"),
    ("15.8万", "15.8", WAN, "", EX, "158000"),
    ("1.2万户", "1.2", WAN, "户", EX, "12000"),
    ("9.7亿元", "9.7", YI, "元", EX, "970000000"),
    ("27256.44万元", "27256.44", WAN, "元", EX, "272564400"),
    ("83个", "83", 1, "个", EX, "83"),
    ("84.8%", "84.8", 1, "%", EX, "84.8"),
    ("90%以上", "90", 1, "%", GE, "90"),
    ("不少于50家", "50", 1, "家", GE, "50"),
    ("近9万人次", "9", WAN, "人次", NR, "90000"),
    ("1600余户", "1600", 1, "户", MT, "1600"),
    ("两千", "2000", 1, "", EX, "2000"),
    ("一万", "1", WAN, "", EX, "10000"),
    ("十五万", "15", WAN, "", EX, "150000"),
    ("一个", "1", 1, "个", EX, "1"),
    ("近千人次", "1000", 1, "人次", NR, "1000"),
    ("1020元", "1020", 1, "元", EX, "1020"),
    ("3700个", "3700", 1, "个", EX, "3700"),
    ("15万名", "15", WAN, "名", EX, "150000"),
    ("2万人次以上", "2", WAN, "人次", GE, "20000"),
    ("不少于1000万元", "1000", WAN, "元", GE, "10000000"),
    ("达到88%", "88", 1, "%", EX, "88"),
    ("达45%", "45", 1, "%", EX, "45"),
    ("超4000万元", "4000", WAN, "元", MT, "40000000"),
    ("6万多", "6", WAN, "", MT, "60000"),
    ("200度", "200", 1, "度", EX, "200"),
    ("56.79%", "56.79", 1, "%", EX, "56.79"),
    ("１５万", "15", WAN, "", EX, "150000"),
    ("８４.８％", "84.8", 1, "%", EX, "84.8"),
    ("1,020元", "1020", 1, "元", EX, "1020"),
    ("十五万多", "15", WAN, "", MT, "150000"),
    ("二十", "20", 1, "", EX, "20"),
    ("十五", "15", 1, "", EX, "15"),
    ("三千七百", "3700", 1, "", EX, "3700"),
    ("一百二十", "120", 1, "", EX, "120"),
    ("一万二千", "12000", 1, "", EX, "12000"),
    ("一千零五", "1005", 1, "", EX, "1005"),
    ("两亿", "2", YI, "", EX, "200000000"),
    ("十多万人", "10", WAN, "人", MT, "100000"),
    ("20余万元", "20", WAN, "元", MT, "200000"),
    ("约3000人", "3000", 1, "人", AB, "3000"),
    ("3000人左右", "3000", 1, "人", AB, "3000"),
    ("不超过5%", "5", 1, "%", LE, "5"),
    ("3个工作日以内", "3", 1, "个工作日", LE, "3"),
    ("达到90%以上", "90", 1, "%", GE, "90"),
    ("5个百分点", "5", 1, "个百分点", EX, "5"),
    ("2024", "2024", 1, "", EX, "2024"),
    ("8000株", "8000", 1, "株", EX, "8000"),  # seedlings planted
    ("2万棵", "2", WAN, "棵", EX, "20000"),
]


@pytest.mark.parametrize(("text", "number", "scale", "unit", "bound", "amount"), PARSED)
def test_parse_quantity(
    text: str, number: str, scale: int, unit: str, bound: Bound, amount: str
) -> None:
    q = parse_quantity(text)
    assert (q.number, q.scale, q.unit, q.bound) == (D(number), scale, unit, bound)
    assert q.amount == D(amount)
    assert q.literal == text


def test_amount_has_no_exponent_and_stays_exact() -> None:
    assert str(parse_quantity("15.8万").amount) == "158000"
    assert str(parse_quantity("1" * 40 + "万").amount) == "1" * 40 + "0000"


def test_literal_is_kept_as_written_without_outer_spaces() -> None:
    q = parse_quantity("  不少于５０家\u3000")
    assert q.literal == "不少于５０家"
    assert (q.amount, q.unit, q.bound) == (D(50), "家", GE)


def test_approximate_bounds() -> None:
    assert {b for b in Bound if b.approximate} == {MT, NR, AB}
    assert parse_quantity("十五万多").bound.approximate
    assert not parse_quantity("不少于50家").bound.approximate


REFUSED = [
    ("2024年", "“2024年”是年份，不是数量"),
    ("二〇二四年", "“二〇二四年”是年份，不是数量"),
    ("2023-2035", "“2023-2035”是年份，不是数量"),
    ("2024年2月23日", "“2024年2月23日”是日期，不是数量"),
    ("2月23日", "“2月23日”是日期，不是数量"),
    ("第十六届", "“第十六届”是序数，不是数量"),
    ("第十七届", "“第十七届”是序数，不是数量"),
    ("第二批", "“第二批”是序数，不是数量"),
    ("〔2024〕5号", "“〔2024〕5号”是文号，不是数量"),
    ("常民发〔2024〕5号", "“常民发〔2024〕5号”是文号，不是数量"),
    ("“1314”", "“1314”是名称中的代号，不是数量"),
    ('"365"', "“365”是名称中的代号，不是数量"),
    ("5A级", "“5A级”是等级，不是数量"),
    ("4A级", "“4A级”是等级，不是数量"),
    ("二级", "“二级”是等级，不是数量"),
    ("二级以上", "“二级以上”是等级，不是数量"),
    ("十四五", "“十四五”是规划名称，不是数量"),
    ("“十四五”", "“十四五”是规划名称，不是数量"),
    ("八五", "“八五”是规划名称，不是数量"),
    ("1+7+X+N", "“1+7+X+N”是公式或模式名称，不是数量"),
    ("1+N", "“1+N”是公式或模式名称，不是数量"),
    ("80周岁", "“80周岁”是年龄条件，不是数量"),
    ("60岁以上", "“60岁以上”是年龄条件，不是数量"),
    ("75周年", "“75周年”是周年纪念，不是数量"),
    ("3年", "“3年”是年限，不是数量"),
    ("5号", "“5号”是编号，不是数量"),
    ("1.", "“1.”是序数，不是数量"),
    ("", "内容为空，不是数量"),
    ("   ", "内容为空，不是数量"),
    ("abc", "“abc”不是数量"),
    ("十五万多余", "“十五万多余”不是数量"),
    ("十百千", "“十百千”不是数量"),
    ("一二三", "“一二三”不是数量"),
    ("三百三百", "“三百三百”不是数量"),
    ("15 万", "“15 万”不是数量"),
    ("约300余人", "“约300余人”的限定词相互矛盾"),
]


@pytest.mark.parametrize(("text", "message"), REFUSED)
def test_parse_quantity_refuses(text: str, message: str) -> None:
    with pytest.raises(QuantityError) as caught:
        parse_quantity(text)
    assert str(caught.value) == message


def test_errors_are_value_errors() -> None:
    assert issubclass(QuantityError, ValueError)
    assert issubclass(IncomparableError, ValueError)


# --- Chinese numerals, generated -------------------------------------------------------

_DIGITS = "零一二三四五六七八九"


def _section(n: int) -> str:
    """n < 10000 the way it is written: 3700 -> 三千七百, 1005 -> 一千零五."""
    out, gap = "", False
    for place, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // place % 10
        if digit == 0:
            gap = gap or bool(out)
            continue
        out += ("零" if gap else "") + _DIGITS[digit] + name
        gap = False
    return out


def _chinese(n: int) -> str:
    high, low = divmod(n, 10_000)
    if not high:
        return _section(low)
    tail = ("零" if 0 < low < 1000 else "") + _section(low) if low else ""
    return _section(high) + "万" + tail


@settings(max_examples=300)
@given(st.integers(min_value=1, max_value=99_999_999))
def test_chinese_numerals_parse_to_their_value(n: int) -> None:
    assert parse_quantity(_chinese(n)).amount == n


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一十五", 15),
        ("十五", 15),
        ("一万零五百", 10_500),
        ("十万零五", 100_005),
        ("一亿五千万", 150_000_000),
        ("两千零二十四", 2024),
    ],
)
def test_chinese_numeral_spellings(text: str, value: int) -> None:
    assert parse_quantity(text).amount == value


# --- compare / compatible ------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("15万", "15.8万", -1),
        ("1.2万户", "12000户", 0),
        ("9.7亿元", "97000万元", 0),
        ("27256.44万元", "2.7亿元", 1),
        ("不少于50家", "95家", -1),
        ("83个", "40个", 1),
        ("15万名", "15.8万人", -1),
        ("147位", "147人", 0),
        ("100个", "90家", 1),
        ("两千", "2000人次", 0),
        ("十五万", "15万人", 0),
        ("90%以上", "84.8%", 1),
    ],
)
def test_compare(a: str, b: str, expected: int) -> None:
    qa, qb = parse_quantity(a), parse_quantity(b)
    assert compare(qa, qb) == expected
    assert compare(qb, qa) == -expected


@pytest.mark.parametrize(
    ("a", "b", "message"),
    [
        ("83个", "90%", "单位不同，无法比较：83个 与 90%"),
        ("1020元", "15万人", "单位不同，无法比较：1020元 与 15万人"),
        ("近9万人次", "15万名", "单位不同，无法比较：近9万人次 与 15万名"),
        ("1600余户", "2494名", "单位不同，无法比较：1600余户 与 2494名"),
        ("15万", "84.8%", "单位不同，无法比较：15万 与 84.8%"),
    ],
)
def test_compare_refuses_different_units(a: str, b: str, message: str) -> None:
    with pytest.raises(IncomparableError) as caught:
        compare(parse_quantity(a), parse_quantity(b))
    assert str(caught.value) == message


def test_compare_names_a_unit_supplied_from_yaml() -> None:
    with pytest.raises(IncomparableError) as caught:
        compare(parse_quantity("15万").with_unit("人"), parse_quantity("83个"))
    assert str(caught.value) == "单位不同，无法比较：15万人 与 83个"


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("人", "人", None),
        ("人", "名", None),
        ("位", "名", None),
        ("个", "家", None),
        ("场", "次", None),
        ("张", "床", None),
        ("个百分点", "百分点", None),
        ("", "人", None),
        ("户", "", None),
        ("", "个", None),
        ("%", "％", None),
        ("床位", "床位", None),
        ("元", "人", "单位不同，无法比较：元 与 人"),
        ("人", "人次", "单位不同，无法比较：人 与 人次"),
        ("人", "户", "单位不同，无法比较：人 与 户"),
        ("名", "个", "单位不同，无法比较：名 与 个"),
        ("户", "家", "单位不同，无法比较：户 与 家"),
        ("%", "个", "单位不同，无法比较：% 与 个"),
        ("%", "个百分点", "单位不同，无法比较：% 与 个百分点"),
        ("", "%", "单位不同，无法比较：无单位的数 与 %"),
        ("元", "", "单位不同，无法比较：元 与 无单位的数"),
        ("亩", "平方米", "单位不同，无法比较：亩 与 平方米"),
    ],
)
def test_compatible(a: str, b: str, reason: str | None) -> None:
    assert compatible(a, b) == reason
    assert (compatible(b, a) is None) == (reason is None)


def test_every_unit_has_one_group() -> None:
    units = [u for group in UNIT_GROUPS.values() for u in group]
    assert len(units) == len(set(units))
    assert {"人", "名", "位"} in [set(g) for g in UNIT_GROUPS.values()]


# --- with_unit -----------------------------------------------------------------------


def test_with_unit_supplies_a_missing_unit() -> None:
    q = parse_quantity("15万").with_unit("人")
    assert (q.literal, q.number, q.scale, q.unit, q.amount) == (
        "15万",
        D(15),
        WAN,
        "人",
        D(150_000),
    )


def test_with_unit_takes_the_scale_of_wan_yuan() -> None:
    q = parse_quantity("不少于1000").with_unit("万元")
    assert (q.number, q.scale, q.unit, q.bound, q.amount) == (D(1000), WAN, "元", GE, D(10_000_000))


def test_with_unit_normalises_full_width_percent() -> None:
    assert parse_quantity("90").with_unit("％").unit == "%"


def test_with_unit_keeps_a_written_synonym() -> None:
    q = parse_quantity("15万名")
    assert q.with_unit("人") is q
    assert q.with_unit("") is q


def test_with_unit_refuses_a_contradiction() -> None:
    with pytest.raises(IncomparableError) as caught:
        parse_quantity("83个").with_unit("元")
    assert str(caught.value) == "“83个”已写明单位“个”，与给定单位“元”不符"


def test_with_unit_refuses_a_second_scale() -> None:
    with pytest.raises(QuantityError) as caught:
        parse_quantity("15万").with_unit("万元")
    assert str(caught.value) == "“15万”已带“万”或“亿”，给定单位“万元”不能再带"


# --- format_amount ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "unit", "text"),
    [
        (D(158000), "人", "15.8万人"),
        (D(150000), "", "15万"),
        (D(12000), "户", "1.2万户"),
        (D(970000000), "元", "9.7亿元"),
        (D(272564400), "元", "27256.44万元"),
        (D(83), "个", "83个"),
        (D(2507), "户", "2507户"),
        (D("84.8"), "%", "84.8%"),
        (D("1E+5"), "", "10万"),
        (D("1E+2"), "个", "100个"),
        (D("158000.00"), "", "15.8万"),
        (D("84.80"), "%", "84.8%"),
        (D(5000), "人", "5000人"),
        (D(10000), "人", "1万人"),
        (D(123456789), "", "123456789"),
        (D("1020.50"), "元", "1020.5元"),
        (D(0), "元", "0元"),
        (D("0E+3"), "", "0"),
        (D("0.00001"), "%", "0.00001%"),
        (D(150000), "%", "150000%"),
        (D(10) ** 12, "元", "10000亿元"),
        (D(-12000), "户", "-1.2万户"),
    ],
)
def test_format_amount(amount: Decimal, unit: str, text: str) -> None:
    assert format_amount(amount, unit) == text


UNITS = ["", *(u for group in UNIT_GROUPS.values() for u in group)]


@settings(max_examples=400)
@given(
    st.integers(min_value=0, max_value=10**14),
    st.integers(min_value=0, max_value=3),
    st.sampled_from(UNITS),
)
def test_format_then_parse_round_trips(units: int, places: int, unit: str) -> None:
    amount = D(units).scaleb(-places)
    text = format_amount(amount, unit)
    assert "E" not in text
    q = parse_quantity(text)
    assert (q.amount, q.unit, q.bound) == (amount, unit, EX)


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**10), st.integers(min_value=0, max_value=2))
def test_scales_compare_exactly(units: int, places: int) -> None:
    figure = D(units).scaleb(-places)
    in_wan = parse_quantity(f"{figure:f}万人")
    plain = parse_quantity(f"{figure.scaleb(4):f}人")
    assert compare(in_wan, plain) == 0
    assert compare(in_wan, parse_quantity(f"{figure + D('0.01'):f}万人")) == -1


# --- find_quantities --------------------------------------------------------------------

FOUND = [
    # sentences from the 2024 plan
    ("为15万名老年人提供居家养老上门服务", ["15万名"]),
    ("新增社区老年助餐点(社区食堂)83个", ["83个"]),
    ("全市投入不少于1000万元，实施公益创投项目不少于200个", ["不少于1000万元", "不少于200个"]),
    ("全市投入不少于1000万元,实施公益创投项目不少于200个", ["不少于1000万元", "不少于200个"]),
    ("全年4A级及以上社会组织新增不少于50家，等级评估覆盖率达45%", ["不少于50家", "达45%"]),
    ("组织好第十七届骨灰海葬活动", []),
    ("深化社会组织党建“1+7+X+N”模式", []),
    ("出台《常州市养老服务设施布局规划(2023-2035)》", []),
    ("出台常州市养老服务设施布局规划(2023-2035)", []),
    ("实现老年人意外伤害保险承保地区全覆盖、承保率90%以上", ["90%以上"]),
    ("开展老年人运用智能技术专项普及培训4万人次", ["4万人次"]),
    ("开展线上线下婚姻家庭辅导“幸福+课堂”,服务2万人次以上", ["2万人次以上"]),
    ("完善80周岁以上老年人综合服务体系", []),
    ("2024年是中华人民共和国成立75周年,是常州万亿之城再出发的第一年", []),
    ("常州市民政局\n2024年2月23日", []),
    ("二级以上农村特困供养机构等级评定通过率达到88%", ["达到88%"]),
    ("推动各镇(街道)打造不少于一个社区服务综合体", ["不少于一个"]),
    ("贯彻落实常州民政“八五”普法规划", []),
    ("深入实施“十四五”民政事业发展规划", []),
    ("深入实施十四五民政事业发展规划", []),
    ("结合“532”发展战略", []),
    ("创新建立常州民政系统“1314”机关党建工作体系,形成民政党建“365”工作法", []),
    ("完善“1+N”服务模式", []),
    ("完善1+N服务模式", []),
    ("常民发〔2024〕5号", []),
    # Chinese numerals that are words, not figures
    ("强化对“一把手”及其他班子成员的监督", []),
    ("强化对一把手及其他班子成员的监督", []),
    ("一体推进不敢腐、不能腐、不想腐", []),
    ("高龄老人一次不跑即可领取", []),
    ("扎实推进身后一件事改革落地", []),
    ("推动非本地户籍遇困对象一户一档一策家庭电子档案全覆盖", []),
    ("牵头制定“常有众扶”三年行动计划", []),
    ("在三城区试点实施慈善助医项目", []),
    ("坚定拥护两个确立、坚决做到两个维护", []),
    # a lone numeral counting the places just named, one by one, is a figure
    ("在东湖、西山两个社区开展试点", ["两个"]),
    ("在东湖、西山、南岭三个乡镇建成服务站", ["三个"]),
    ("在东湖、西山三个社区开展试点", []),  # the count is not the list's
    ("在东湖两个社区开展试点", []),
    ("抓好养老、托育两个领域", []),  # not places
    ("综合运用监督执纪四种形态", []),
    ("严格执行行政执法三项制度", []),
    ("贯彻落实行政区划管理工作四项机制", []),
    ("选树一批基层治理与服务创新典型案例", []),
    ("按要求落实好一套表", []),
    ("将六大类困境儿童全部纳入动态监测范围", []),
    ("赠送一次性用电", []),
    ("深入贯彻党的二十大和二十届二中全会精神", []),
    ("千方百计走进千家万户", []),
    ("十万火急", []),
    # sentences from the 2023 report
    ("全市获评等级养老机构95家，占比达84.8%", ["95家", "达84.8%"]),
    ("“冬暖夏凉”行动为1.2万户低收入家庭赠送一次性200度用电", ["1.2万户", "200度"]),
    ("参与群众近9万人次", ["近9万人次"]),
    ("为6万多特殊困难对象建立“一户一档一策”", ["6万多"]),
    ("“常有众扶”微心愿项目为1600余户重点帮扶对象发放空调等爱心包", ["1600余户"]),
    ("共开展公益项目50余场,为近千人次社区空巢老人", ["50余场", "近千人次"]),
    ("募集资金超4000万元", ["超4000万元"]),
    ("评定首批5A级社工34名", ["34名"]),
    ("2区7镇(街道)入选全省首批“五社联动”机制创新试点", ["2区", "7镇"]),
    ("举办常州市第十六届公益海葬活动,完成8个殡葬设施改扩建项目", ["8个"]),
    ("金坛区入选第二批全省丧葬礼俗试点地区", []),
    ("2023,常州民政向您报告!", []),
    ("发布日期:2024-01-11    来源:民政局", []),
    ("苏公网安备32041102000483号  网站标识码:3204000041", []),
    ("1.深学细悟党的创新理论", []),
    ("(1)加强组织领导", []),
    # forms beyond the samples
    ("为十五万名老年人服务", ["十五万名"]),
    ("惠及十多万困难群众", ["十多万"]),
    ("办结时限压缩至3个工作日以内", ["3个工作日以内"]),
    ("新增床位１５００张，覆盖率达９５％", ["１５００张", "达９５％"]),
    ("资金1,000万元以上", ["1,000万元以上"]),
    ("下达资金3000万元", ["3000万元"]),
    ("新建3-5个站点", []),
    ("G20峰会期间", []),
    ("2000多年来", []),
    ("约300余人", []),
    ("办理婚姻登记3126对", ["3126对"]),  # couples are counted in 对
]


@pytest.mark.parametrize(("text", "literals"), FOUND)
def test_find_quantities(text: str, literals: list[str]) -> None:
    found = find_quantities(text)
    assert [f.quantity.literal for f in found] == literals
    assert [text[f.start : f.end] for f in found] == literals


def test_found_quantities_carry_values_and_offsets() -> None:
    text = "参与检查882人次,排查整改问题隐患715条,新增不少于50家"
    assert find_quantities(text) == [
        Found(4, 9, Quantity("882人次", D(882), 1, "人次", EX)),
        Found(18, 22, Quantity("715条", D(715), 1, "条", EX)),
        Found(25, 31, Quantity("不少于50家", D(50), 1, "家", GE)),
    ]


def test_found_values_match_parse_quantity() -> None:
    text = "近9万人次、1600余户、90%以上、15.8万、不少于1000万元、两千多人"
    for f in find_quantities(text):
        assert f.quantity == parse_quantity(f.quantity.literal)


def test_a_decimal_point_written_as_a_full_stop_is_read_as_the_point() -> None:
    # a repost turned the points into 。: 3。7万 is 3.7万, the literal stays as written
    text = "共救助对象3。7万人次，发放资金12。4亿元，覆盖率97。2%。2023年新增5家"
    found = find_quantities(text)
    assert [f.quantity.literal for f in found] == ["3。7万人次", "12。4亿元", "97。2%", "5家"]
    assert [f.quantity.number for f in found[:3]] == [D("3.7"), D("12.4"), D("97.2")]


def test_find_quantities_is_linear_on_long_runs() -> None:
    assert find_quantities("1" * 200_000 + "年") == []
    assert find_quantities("“" + "一" * 200_000) == []


# --- the whole sample documents ------------------------------------------------------------

PLAN_FIGURES = [
    "15万名",
    "20家",
    "40个",
    "83个",
    "1万户",
    "4万人次",
    "90%以上",
    "90%",
    "达到88%",
    "8家",
    "120间",
    "达到100%",
    "不少于一个",
    "不少于50家",
    "不少于50家",
    "达45%",
    "不少于1000万元",
    "不少于200个",
    "7个",
    "2万人次以上",
    "8家",
]
REPORT_FIGURES = [
    "1次",
    "近9万人次",
    "1020元",
    "56.79%",
    "6万多",
    "近3000户",
    "1.2万户",
    "200度",
    "1600余户",
    "24省",
    "236名",
    "147位",
    "95家",
    "达84.8%",
    "2507户",
    "15.8万",
    "500元",
    "435张",
    "40个",
    "11家",
    "32个",
    "380个",
    "1.78万人",
    "达7.24万人",
    "16个",
    "32个",
    "2494名",
    "34名",
    "3人",
    "20个",
    "298人",
    "600余名",
    "2区",
    "7镇",
    "1区",
    "5街道",
    "5家",
    "43家",
    "5家",
    "近1700万元",
    "9.7亿元",
    "1.18亿元",
    "50余场",
    "近千人次",
    "27256.44万元",
    "19274.44万元",
    "300万人次",
    "390个",
    "390支",
    "超4000万元",
    "8个",
    "100%",
    "3700个",
    "9家",
    "9个",
    "110个",
    "882人次",
    "715条",
]


@pytest.mark.parametrize(
    ("name", "figures"),
    [
        ("changzhou-2024-workpoints.txt", PLAN_FIGURES),
        ("changzhou-2023-report.txt", REPORT_FIGURES),
    ],
)
@needs_samples
def test_sample_documents(name: str, figures: list[str]) -> None:
    path = SAMPLES / name
    text = path.read_text(encoding="utf-8")
    found = find_quantities(text)
    assert [f.quantity.literal for f in found] == figures
    for f in found:
        assert f.quantity == parse_quantity(text[f.start : f.end])


# --- the plain-value fast path reads as the grammar does -------------------------------------

_ALL_UNITS = sorted({u for group in UNIT_GROUPS.values() for u in group})
_PLAIN_TAILS = [
    *_ALL_UNITS,
    "",
    "千人",
    "千米",
    "百分点",
    "余人",
    "多",
    "%以上",
    "人次/年",
    "元/月",
]


def _by_grammar(text: str) -> Quantity | None:
    normal = quantity_module._normalize(text)
    match = quantity_module._quantity_re().fullmatch(normal)
    return quantity_module._build(match, text) if match else None


@given(
    st.from_regex(r"[0-9]{1,6}(\.[0-9]{1,3})?", fullmatch=True),
    st.sampled_from(["", "万", "亿", "万亿"]),
    st.sampled_from(_PLAIN_TAILS),
)
def test_a_plain_value_reads_as_the_grammar_reads_it(figure: str, scale: str, tail: str) -> None:
    text = f"{figure}{scale}{tail}"
    plain = quantity_module._plain_quantity(quantity_module._normalize(text), text)
    if plain is not None:
        assert plain == _by_grammar(text)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("15万", True),
        ("90%", True),
        ("83个", True),
        ("1.5亿元", True),
        ("3个百分点", True),
        ("5千克", False),
        ("不少于15万人", False),
        ("100余人", False),
        ("90%以上", False),
        ("730元/月", False),
        ("1,000人", False),
        ("十五万", False),
    ],
)
def test_only_plain_values_skip_the_grammar(text: str, plain: bool) -> None:
    normal = quantity_module._normalize(text)
    assert (quantity_module._plain_quantity(normal, text) is not None) is plain
    assert parse_quantity(text) == _by_grammar(text)
