"""Word's automatic list numbers, rebuilt as Word counts them (ECMA-376 Part 1 §17.9).

Each document is built with python-docx plus hand-written numbering XML: the numbers are
not in the paragraph text, only in numbering.xml, as in a plan drafted with Word's lists.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planwriter import importer, store

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def level(ilvl: int, fmt: str, text: str, restart: int | None = None) -> str:
    """One w:lvl; `restart` is w:lvlRestart (1-based, 0 = never), None leaves Word's default."""
    restart_xml = "" if restart is None else f'<w:lvlRestart w:val="{restart}"/>'
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'{restart_xml}<w:lvlText w:val="{text}"/></w:lvl>'
    )


OUTLINE = level(0, "chineseCounting", "%1、") + level(1, "decimal", "%2.")
TASKS_RUN_ON = level(0, "chineseCounting", "%1、") + level(1, "decimal", "%2.", restart=0)
SECTIONS_RUN_ON = level(0, "chineseCounting", "%1、") + level(
    1, "chineseCounting", "（%2）", restart=0
)


class Drafted:
    """A Word document whose paragraphs take their numbers from numbering.xml."""

    def __init__(self) -> None:
        import docx

        self.document: Any = docx.Document()
        self.numbering: Any = self.document.part.numbering_part.element
        for template_list in list(self.numbering):  # python-docx's own lists use ids 0 to 9
            self.numbering.remove(template_list)

    def abstract(self, abstract_id: int, levels: str) -> None:
        from docx.oxml import parse_xml

        # abstractNums stand before every num in numbering.xml (the schema's order)
        self.numbering.insert(
            0,
            parse_xml(
                f'<w:abstractNum {W} w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>'
            ),
        )

    def num(self, num_id: int, abstract_id: int, overrides: str = "") -> None:
        from docx.oxml import parse_xml

        self.numbering.append(
            parse_xml(
                f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                f"{overrides}</w:num>"
            )
        )

    def para(self, text: str, num_id: int | None = None, ilvl: int = 0) -> None:
        from docx.oxml import parse_xml

        paragraph = self.document.add_paragraph(text)
        if num_id is not None:
            paragraph._p.get_or_add_pPr().append(
                parse_xml(
                    f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
                )
            )

    def lines(self, tmp_path: Path) -> list[str]:
        path = self.save(tmp_path)
        return [line.text for line in importer.read_source(path).lines if line.text]

    def save(self, tmp_path: Path, name: str = "drafted.docx") -> Path:
        path = tmp_path / name
        self.document.save(str(path))
        return path


def start_override(ilvl: int, value: int) -> str:
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{value}"/></w:lvlOverride>'


# --- rule 1: the w:num instances of one w:abstractNum share one sequence ---------------


def test_two_nums_of_one_abstract_num_continue_one_sequence(tmp_path: Path) -> None:
    drafted = Drafted()
    drafted.abstract(1, level(0, "decimal", "%1."))
    drafted.num(1, 1)
    drafted.num(2, 1)
    for text, num_id in (("甲", 1), ("乙", 1), ("丙", 2), ("丁", 2)):
        drafted.para(text, num_id)
    assert drafted.lines(tmp_path) == ["1.甲", "2.乙", "3.丙", "4.丁"]


def test_a_num_with_start_override_restarts_at_1_and_the_next_num_goes_on(tmp_path: Path) -> None:
    drafted = Drafted()
    drafted.abstract(1, level(0, "decimal", "%1."))
    drafted.num(1, 1)
    drafted.num(2, 1, start_override(0, 1))  # how Word stores "重新开始于 1"
    drafted.num(3, 1)
    for text, num_id in (("甲", 1), ("乙", 1), ("丙", 2), ("丁", 2), ("戊", 3)):
        drafted.para(text, num_id)
    assert drafted.lines(tmp_path) == ["1.甲", "2.乙", "1.丙", "2.丁", "3.戊"]


def test_a_start_override_restarts_only_where_its_num_is_first_used(tmp_path: Path) -> None:
    drafted = Drafted()
    drafted.abstract(1, level(0, "decimal", "%1."))
    drafted.num(1, 1)
    drafted.num(2, 1, start_override(0, 5))
    for text, num_id in (("甲", 1), ("乙", 2), ("丙", 1), ("丁", 2)):
        drafted.para(text, num_id)
    assert drafted.lines(tmp_path) == ["1.甲", "5.乙", "6.丙", "7.丁"]


def test_a_level_override_replaces_the_level_for_its_num_only(tmp_path: Path) -> None:
    drafted = Drafted()
    drafted.abstract(1, level(0, "decimal", "%1."))
    drafted.num(1, 1)
    drafted.num(2, 1, f'<w:lvlOverride w:ilvl="0">{level(0, "decimal", "（%1）")}</w:lvlOverride>')
    for text, num_id in (("甲", 1), ("乙", 2), ("丙", 1)):
        drafted.para(text, num_id)
    assert drafted.lines(tmp_path) == ["1.甲", "（2）乙", "3.丙"]


# --- rule 2: w:lvlRestart says when a level starts again ----------------------------------


def one_list(tmp_path: Path, levels: str, items: str) -> list[str]:
    """The lines of a document whose paragraphs are `items`, each "text:ilvl", in one list."""
    drafted = Drafted()
    drafted.abstract(1, levels)
    drafted.num(1, 1)
    for item in items.split():
        text, ilvl = item.split(":")
        drafted.para(text, 1, int(ilvl))
    return drafted.lines(tmp_path)


def test_deeper_levels_restart_under_each_higher_item_by_default(tmp_path: Path) -> None:
    assert one_list(tmp_path, OUTLINE, "甲:0 子:1 丑:1 乙:0 寅:1") == [
        "一、甲",
        "1.子",
        "2.丑",
        "二、乙",
        "1.寅",
    ]


def test_a_section_level_that_never_restarts_continues_across_domains(tmp_path: Path) -> None:
    assert one_list(tmp_path, SECTIONS_RUN_ON, "甲:0 子:1 丑:1 乙:0 寅:1") == [
        "一、甲",
        "（一）子",
        "（二）丑",
        "二、乙",
        "（三）寅",
    ]


def test_a_level_restarts_only_under_the_level_lvl_restart_names(tmp_path: Path) -> None:
    levels = (
        level(0, "chineseCounting", "%1、")
        + level(1, "chineseCounting", "（%2）")
        + level(2, "decimal", "%3.", restart=1)
    )  # only 一、 restarts the tasks
    assert one_list(tmp_path, levels, "甲:0 子:1 a:2 丑:1 b:2 乙:0 c:2") == [
        "一、甲",
        "（一）子",
        "1.a",
        "（二）丑",
        "2.b",
        "二、乙",
        "1.c",
    ]


# --- a list defined through a numbering style (numStyleLink → style → styleLink) --------


def test_a_list_defined_through_a_numbering_style(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    drafted = Drafted()
    drafted.abstract(1, OUTLINE.replace("<w:lvl ", '<w:styleLink w:val="PlanList"/><w:lvl ', 1))
    drafted.abstract(2, '<w:numStyleLink w:val="PlanList"/>')
    drafted.num(1, 1)  # the style's own num
    drafted.num(2, 2)  # what the paragraphs name: it holds no levels, only the style
    drafted.document.styles.element.append(
        parse_xml(
            f'<w:style {W} w:type="numbering" w:styleId="PlanList"><w:name w:val="Plan List"/>'
            '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        )
    )
    for text, ilvl in (("甲", 0), ("子", 1), ("乙", 0)):
        drafted.para(text, 2, ilvl)
    assert drafted.lines(tmp_path) == ["一、甲", "1.子", "二、乙"]


# --- end to end: a plan numbered by Word imports like the same plan typed by hand -------

PLAN = (
    ("某某区2024年民政工作要点", None),
    ("兜底保障", 0),
    ("提高低保标准。城乡低保标准提高到每人每月950元。", 1),
    ("加强临时救助。全年临时救助不少于500人次。", 1),
    ("养老服务", 0),
    ("发展助餐服务。新增老年助餐点6个。", 1),
    ("建设家庭养老床位。新增家庭养老照护床位200张。", 1),
    ("某某区民政局", None),
    ("2024年2月1日", None),
)


def test_tasks_numbered_on_across_domains_import_like_typed_numbers(tmp_path: Path) -> None:
    drafted = Drafted()
    drafted.abstract(1, TASKS_RUN_ON)
    drafted.num(1, 1)
    typed = Drafted()
    domains = tasks = 0
    for text, ilvl in PLAN:
        drafted.para(text, None if ilvl is None else 1, ilvl or 0)
        if ilvl == 0:
            domains += 1
            text = f"{'一二三'[domains - 1]}、{text}"
        elif ilvl == 1:
            tasks += 1
            text = f"{tasks}.{text}"
        typed.para(text)
    automatic = importer.import_plan(importer.read_source(drafted.save(tmp_path, "auto.docx")))
    manual = importer.import_plan(importer.read_source(typed.save(tmp_path, "typed.docx")))
    assert [t.title for t in manual.model.tasks()] == [
        "提高低保标准",
        "加强临时救助",
        "发展助餐服务",
        "建设家庭养老床位",
    ]
    assert store.render(automatic.model) == store.render(manual.model)
