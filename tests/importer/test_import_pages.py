"""Year and bureau of a complete web page as a user pastes it: the page's fields (one line or an
索引号 table copied cell by cell), breadcrumbs, the site's footer, a title that opens with its
author, the 署名 and date at the end; and no author made of an office the text only cites."""

from __future__ import annotations

import pytest

from planwriter import importer, model
from planwriter.problems import InputError

BODY = "2023年，全县发放城乡低保金3000万元，新增养老床位200张。全县特困人员供养率100%。\n"


def results_of(text: str, **given: object) -> importer.Imported[model.Results]:
    return importer.import_results(importer.source_from_text(text, "page.txt"), **given)


def asked(text: str, **given: object) -> str:
    with pytest.raises(InputError) as raised:
        results_of(text, **given)
    return raised.value.problems[0].message


def said(imported: importer.Imported[model.Results]) -> str:
    return "\n".join(importer.summary(imported))


def test_an_index_table_copied_cell_by_cell_gives_the_publisher_and_the_date() -> None:
    page = (
        "返回顶部\n工作总结\n  • 索引号:\n    0001/2024-0012\n  • 来源:\n  • 发文机构:\n"
        "    清流县民政局\n  • 发布日期:\n    2024年01月06日 16:34\n" + BODY
    )
    imported = results_of(page)
    assert (imported.model.bureau, imported.model.year) == ("清流县民政局", 2023)
    assert "发布日期 2024-01-06" in imported.model.source
    assert [r.value for r in imported.model.results] == ["3000万", "200", "100%"]  # no 0001
    assert "单位“清流县民政局”：取自第 7 行" in said(imported)


def test_a_date_line_at_the_top_is_when_the_page_came_out_not_the_year_reported() -> None:
    """2024年01月15日 来源：… over a report of 2023: the date says 2023 (a report of the year
    before, out in January), and so does the text; nothing to ask."""
    page = "2024年01月15日 来源：清流县民政局\n" + BODY
    assert (results_of(page).model.year, results_of(page).model.bureau) == (2023, "清流县民政局")


def test_the_site_footer_names_a_department_s_own_site() -> None:
    footer = "网站地图 | 联系我们\n主办单位：清流县民政局 承办单位：清流县大数据中心\n"
    page = "2023年民政工作总结\n" + BODY + footer
    assert results_of(page).model.bureau == "清流县民政局"
    portal = page.replace("主办单位：清流县民政局", "主办单位：清流县人民政府办公室")
    assert "--bureau" in asked(portal)  # a portal hosts every department's pages


def test_a_breadcrumb_and_a_title_name_any_department() -> None:
    crumb = "首页 > 部门动态 > 清流县医疗保障局 > 工作总结\n2023年医疗保障工作总结\n" + BODY
    assert results_of(crumb).model.bureau == "清流县医疗保障局"
    titled = "清流县医疗保障局2023年工作总结\n" + BODY
    assert results_of(titled).model.bureau == "清流县医疗保障局"


def test_offices_the_text_only_cites_are_not_its_author() -> None:
    """A county's report (全县) that names its city's 民政局 as a guide and the province's 民政厅
    as the one that praised it: neither wrote it, and no other office is named."""
    text = (
        "2023年民政工作总结\n2023年，在三明市民政局的指导下，全县发放城乡低保金3000万元。"
        "我县被福建省民政厅评为先进单位。全县新增养老床位200张。\n"
    )
    assert "--bureau" in asked(text)
    superior = text.replace("在三明市民政局的指导下", "三明市民政局下达资金500万元")
    assert "--bureau" in asked(superior)  # a city's office in a county's report: another level


def test_an_office_without_its_place_is_not_completed_with_a_superior() -> None:
    """市民政局 in a county's report is its superior; the one 市 named does not make it the author."""
    text = (
        "2023年工作总结\n2023年，市民政局下达全县资金500万元，全县发放城乡低保金3000万元。"
        "三明市考核全县优秀。全县新增床位200张。\n"
    )
    assert "--bureau" in asked(text)


def test_a_page_source_of_another_level_than_the_text_is_asked_about() -> None:
    """来源：三明市民政局 over a text that speaks of 全县: a county's report the city reposted."""
    assert "--bureau" in asked("来源：三明市民政局\n2023年民政工作总结\n" + BODY)
    assert (
        results_of("来源：清流县民政局\n2023年民政工作总结\n" + BODY).model.bureau == "清流县民政局"
    )


def test_the_signature_date_gives_a_report_its_year() -> None:
    text = "民政工作总结\n今年，全县发放城乡低保金3000万元，新增养老床位200张。\n清流县民政局\n2024年1月10日\n"
    imported = results_of(text)
    assert (imported.model.year, imported.model.bureau) == (2023, "清流县民政局")


NEWS = """首页 > 新闻中心 > 部门动态
我市民政兜底保障有力
2024-01-18 10:20 来源：三明日报 浏览量：1536
本报讯（记者 张三）1月17日，记者从三明市民政局获悉，2023年，全市发放城乡低保金3.2亿元，新增养老床位2000张。
（编辑：王五）
相关新闻
全省低保标准提高到每人每月850元
三明市2024年十件为民办实事项目公布
主办单位：三明市民政局
"""


def test_what_follows_the_article_s_editor_is_the_page_not_the_text() -> None:
    """Headlines of other pages after 编辑 / 相关新闻 give no result and no year (2024 in a
    link's title is not the year reported); the site's footer still names its department."""
    imported = results_of(NEWS)
    assert [r.value for r in imported.model.results] == ["3.2亿", "2000"]
    assert (imported.model.year, imported.model.bureau) == (2023, "三明市民政局")
    assert results_of(NEWS.replace("记者从三明市民政局获悉，", "")).model.bureau == "三明市民政局"


def test_credits_whose_label_is_spaced_out_end_the_article() -> None:
    """图文来源：… / 编 辑：… / 审 核：…, the label's characters spaced to align them: the page's
    credits after the article, not headings of a plan (a news report of the year's aims)."""
    text = (
        "记者从全县民政工作会议上获悉，今年，全县计划新建农村幸福院30所。\n"
        "图文来源：张三、李四\n编 辑：张 三\n审 核：王五\n"
    )
    source = importer.source_from_text(text, "news.txt")
    plan = importer.import_plan(source, year=2025, bureau="某县民政局")
    assert [(t.value, t.unit) for _, t in plan.model.targets()] == [("30", "所")]
    assert [s.line for s in plan.report.skipped] == [2, 3, 4]


def test_a_portal_s_name_heading_the_page_gives_way_to_the_department_it_shows() -> None:
    """三明市人民政府 on top is the portal's name; 信息来源：市人社局 says whose page it is, and
    the office gets its official name."""
    page = (
        "三明市人民政府\n首页 | 政务公开 | 新闻中心\n市人社局：2023年就业工作超计划完成\n"
        "发布时间：2024-01-10 09:30 信息来源：市人社局\n"
        "今年以来，全市城镇新增就业2.35万人，完成省下达年度目标任务的117.5%。\n"
    )
    imported = results_of(page)
    assert (imported.model.bureau, imported.model.year) == ("三明市人力资源和社会保障局", 2023)
    assert [r.value for r in imported.model.results] == ["2.35万"]
    government = "三明市人民政府\n2023年政府工作报告\n今年以来，全市城镇新增就业2.35万人。\n"
    assert results_of(government).model.bureau == "三明市人民政府"  # when nothing else says


def test_the_whole_county_s_civil_affairs_in_a_breadcrumb_or_title_with_its_one_county() -> None:
    crumb = (
        "清流县人民政府\n当前位置：首页 > 部门信息 > 县民政局 > 工作总结\n"
        "2023年全县民政工作总结\n" + BODY
    )
    assert results_of(crumb).model.bureau == "清流县民政局"
    titled = "2023年全县民政工作总结\n" + BODY + "清流县特困人员供养率100%。\n"
    assert results_of(titled).model.bureau == "清流县民政局"
    health = "2023年全县卫生健康工作总结\n" + BODY + "清流县特困人员供养率100%。\n"
    assert "--bureau" in asked(health)  # 卫生健康局 or 卫生健康委员会: the words do not say


def test_a_city_whose_name_ends_in_cheng_is_a_place_and_a_field_beats_a_breadcrumb() -> None:
    page = (
        "您现在所在的位置： 网站首页> 信息公开 > 聊城市政府办公室> 工作进展\n"
        "发布机构： 聊城市人民政府（办公室） 主题分类： 综合政务\n2023年1-11月重点工作完成情况\n"
        "1-11月，全市城镇新增就业2.35万人，新增养老床位800张。\n"
    )
    assert results_of(page).model.bureau == "聊城市人民政府"


def test_a_ministry_a_city_s_text_follows_is_not_its_author() -> None:
    """落实市委市政府和民政部的部署 in a text of 全市: the ministry is its superior."""
    text = "2023年，扎实落实市委市政府和民政部工作部署，全市发放城乡低保金3000万元。\n"
    assert "--bureau" in asked(text)


def test_a_verb_before_the_city_is_no_part_of_its_name() -> None:
    text = (
        "2024-02-29 10:27:28\n今年，市民政局将加快阵地建设，启用金华市儿童福利院新院，新增助餐服务点60个，"
        "改造困难家庭居室250户。\n"
    )
    plan = importer.import_plan(importer.source_from_text(text, "news.txt")).model
    assert (plan.bureau, plan.year) == ("金华市民政局", 2024)
    uploaded = "2021-04-14 发布\n市民政局工作计划\n一、养老\n1.新增助餐服务点60个。\n"
    with pytest.raises(InputError) as raised:  # a document site's upload date is no plan's year
        importer.import_plan(importer.source_from_text(uploaded, "site.txt"), bureau="某局")
    assert "--year" in raised.value.problems[0].message


def test_a_site_s_name_is_page_chrome_and_a_department_s_system_names_it() -> None:
    """中山市人民政府门户网站 heads the page, not the report; 中山人社系统 and the page's 中山市
    name the 人社 office by its official name. Without the 市 anywhere, nothing is invented."""
    page = (
        "中山市人民政府门户网站\n首页 > 政务公开 > 部门动态\n中山人社系统2023年亮点工作回顾\n"
        "发布时间：2024-01-22 10:15:32 来源：本网\n"
        "2023年，中山人社系统全力稳就业，全年城镇新增就业4.2万人，发放稳岗返还资金1.2亿元。\n"
    )
    imported = results_of(page)
    assert (imported.model.bureau, imported.model.year) == ("中山市人力资源和社会保障局", 2023)
    assert "--bureau" in asked(page.replace("中山市人民政府门户网站\n", ""))


def test_a_verb_or_preposition_before_a_level_makes_no_place() -> None:
    """紧紧围绕区委区政府, 根据市卫健委: a verb or preposition before 区/市 is no place, so 区民政局
    is not completed with it; 2022年江城市… names 江城市 (the year is no part of its name)."""
    text = (
        "2022年，区民政局紧紧围绕区委区政府决策部署，根据市卫健委要求，"
        "全区发放城乡低保金3000万元，新增养老床位200张。\n"
    )
    assert "--bureau" in asked(text)
    named = "4月6日，2022年江城市民政工作总结会议召开。\n" + text.replace("区", "市")
    assert results_of(named).model.bureau == "江城市民政局"


def test_news_of_a_meeting_reports_the_year_before_it_by_its_veterans_office() -> None:
    """4月6日，2023年江城市退役军人工作会议召开 … 2022年，…市退役军人事务局…: the results are
    2022's (the meeting's year is when it met), the office 江城市退役军人事务局."""
    text = (
        "4月6日上午，2023年江城市退役军人工作会议召开。会议总结工作，部署任务。\n"
        "2022年，全市退役军人工作稳步提升，市退役军人事务局先后3次在全省会议上作典型发言，"
        "新建退役军人服务站40个。\n"
    )
    imported = results_of(text)
    assert (imported.model.year, imported.model.bureau) == (2022, "江城市退役军人事务局")


def test_any_department_of_a_named_place_signs_above_its_date() -> None:
    """某区城市建设管理局 / 2021年12月15日 at the end of a long text: the department that signs
    wrote it, though it is not one of the offices the importer knows by name."""
    items = "".join(f"{n}.改造老旧小区{n}个，惠及居民{n}00户。\n" for n in range(1, 14))
    text = f"2021年老旧小区改造完成情况公示\n{items}清河区城市建设管理局\n2021年12月15日\n"
    assert results_of(text).model.bureau == "清河区城市建设管理局"


def test_news_of_a_province_s_meeting_names_its_department_and_the_province() -> None:
    """记者从全省残联工作会议上获悉 … 今年浙江将…: 浙江省残疾人联合会; a province is often
    named without 省. Naming two provinces, the text does not say which."""
    text = (
        "1月20日，记者从全省残联工作会议上获悉，今年浙江将新增残疾人就业8000名。"
        "去年，全省为2.1万名残疾儿童提供康复服务。\n"
    )
    assert results_of(text, year=2025).model.bureau == "浙江省残疾人联合会"
    other = text.replace("去年，全省", "去年，全省与安徽联合，")
    assert "--bureau" in asked(other, year=2025)


def test_a_site_s_address_a_bare_page_date_and_a_post_stamp_are_page_chrome() -> None:
    """China.dot.org, 2026-01-28, and user - 2023/10/31 18:04 above a news lead are the page's:
    no task is made of them; the aim said in a clause lasts to its sentence's end (将…；新增…)."""
    text = (
        "2025-01-28,\nExample.news.org\n"
        "1月27日，记者从全市民政工作会议上获悉，今年全市将持续完善养老服务体系；"
        "新增助餐服务点60个，改造困难家庭居室250户。\n"
    )
    plan = importer.import_plan(importer.source_from_text(text, "news.txt"), bureau="某局").model
    assert [(d.title, len(d.tasks)) for d in plan.domains] == [("2025年工作要点", 1)]
    assert plan.year == 2025 and not plan.preamble
    assert [t.value for _, t in plan.targets()] == ["60", "250"]
    posted = "abc_123 - 2023/10/31 18:04:00\n" + text.split("\n", 2)[2]
    plan = importer.import_plan(
        importer.source_from_text(posted, "bbs.txt"), bureau="某局", year=2023
    ).model
    assert [(d.title, len(d.tasks)) for d in plan.domains] == [("2023年工作要点", 1)]


def test_news_from_a_place_s_people_s_congress_gives_its_government_s_aims() -> None:
    """记者从…青河县第十五届人民代表大会…上了解到，…作为政府工作的重点: the 实事 the news lists
    are 青河县人民政府's (the congress hears the government's report); without a word of the
    government, the text does not say whose they are."""
    text = (
        "3月2日，记者从刚刚闭幕的青河县第十五届人民代表大会第三次会议上了解到，2024年，"
        "青河县把办好民生实事作为政府工作的重点，将集中力量办好八件民生实事。\n"
        "这八件民生实事分别是：新建农村公路120公里；改造农村危房300户。\n"
    )
    plan = importer.import_plan(importer.source_from_text(text, "news.txt")).model
    assert (plan.bureau, plan.year) == ("青河县人民政府", 2024)
    with pytest.raises(InputError) as raised:
        importer.import_plan(importer.source_from_text(text.replace("政府工作", "工作"), "n.txt"))
    assert "--bureau" in raised.value.problems[0].message


def test_a_news_title_that_states_a_result_gives_it_like_the_text() -> None:
    """2023年江城市新建老年助餐点120个 heading the news: the title says what was done, as the
    lead says again; a figure of the title is read like any other."""
    text = (
        "2023年江城市新建老年助餐点120个\n2024-02-01 来源：江城日报\n"
        "记者获悉，2023年江城市民政局新建老年助餐点120个，完成适老化改造500户。\n"
    )
    imported = results_of(text, bureau="江城市民政局")
    assert imported.model.source.startswith("2023年江城市新建老年助餐点120个")
    assert [r.value for r in imported.model.results] == ["120", "120", "500"]


def test_a_news_headline_that_states_a_target_gives_it_like_the_text() -> None:
    """某省今年将确保城镇新增就业50万人以上 heading news of the meeting that sets it: the
    headline states the year's target, as the text says again (a plan's mirror of the title
    above); a headline's figure the text sets no target by (设有800张床位) is none."""
    text = (
        "某省今年将确保城镇新增就业50万人以上\n2024-01-27 来源：某省人力资源和社会保障厅\n"
        "据全省人社工作会议消息，今年某省将确保城镇新增就业50万人以上，"
        "帮助失业人员再就业12万人。\n"
    )
    plan = importer.import_plan(importer.source_from_text(text, "page.txt"), bureau="某厅").model
    assert [t.value + t.unit for _, t in plan.targets()] == ["50万人", "50万人", "12万人"]
    other = text.replace(
        "某省今年将确保城镇新增就业50万人以上\n", "某省福利院下月开门 设有800张床位\n"
    )
    plan = importer.import_plan(importer.source_from_text(other, "page.txt"), bureau="某厅").model
    assert [t.value + t.unit for _, t in plan.targets()] == ["50万人", "12万人"]


def test_a_column_of_the_site_alone_on_its_line_is_page_chrome() -> None:
    """政府信息公开 after the news (the page's column, as a page copied whole puts it) heads no
    domain: the news before it is still the plan, not a preamble."""
    text = "今年，全县将新建农村公路120公里，改造农村危房300户。\n政府信息公开\n"
    source = importer.source_from_text(text, "news.txt")
    plan = importer.import_plan(source, bureau="某局", year=2024).model
    assert [t.value for _, t in plan.targets()] == ["120", "300"]
    assert not plan.preamble
    assert all(d.title != "政府信息公开" for d in plan.domains)


def test_html_copied_with_the_page_is_no_text_and_a_byline_does_not_hide_the_title() -> None:
    """<del id="x1"></del> alone on its lines, and a tag's end whose < the copy lost
    (标准的/span>1.6倍): markup, not words; 某县民政局 alone above the title is the byline."""
    body = "2023年，全县特困人员供养标准提高到低保标准的1.6倍，新增养老床位200张。\n"
    page = (
        '• <del id="x1"></del>\n<dfn id="x1"><dl id="x1"></dl></dfn>\n某县民政局\n'
        "某县民政局2023年民生实事落实情况\n" + body.replace("的1.6倍", "的/span>1.6倍")
    )
    imported = results_of(page)
    assert imported.model.source == "某县民政局2023年民生实事落实情况"
    clean = results_of("某县民政局2023年民生实事落实情况\n" + body).model.results
    assert [r.metric for r in imported.model.results] == [r.metric for r in clean]
