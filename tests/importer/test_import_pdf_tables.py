"""A PDF's tables and indents rebuilt from where its text stands (importer.pdf)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from planwriter import importer
from planwriter.importer import pdf
from planwriter.importer.pdf import Run

pytestmark = pytest.mark.importer
HAS_LIBREOFFICE = shutil.which("soffice") is not None or shutil.which("libreoffice") is not None

EM = 11.0
LEFT = 90.0
COLUMNS = (90.0, 176.5, 262.9, 349.3, 435.7)


def _line(y: float, *cells: tuple[int, str]) -> list[Run]:
    """One line as pypdf gives it: runs in the named columns, at height y."""
    return [Run(text, COLUMNS[column], y, EM) for column, text in cells]


def _text(x: float, y: float, text: str) -> list[Run]:
    return [Run(text, x, y, EM)]


def _page(lines: list[list[Run]]) -> list[str]:
    return pdf.page_lines(lines)[0]


HEADER = _line(
    511.3, (0, "序号"), (1, "项目名称"), (2, "目标任务"), (3, "责任单位"), (4, "完成时限")
)


def test_a_numbered_table_drawn_cell_by_cell_is_read_row_by_row() -> None:
    """LibreOffice draws a row's cells one after another: a wrapped cell's next lines come
    between its neighbours' (长护险参保人 / 数达到50万人 / 待遇保障科)."""
    lines = [
        _text(
            LEFT, 536.0, "（二）全年结算异地就医不少于5万人次，平均办理时限压缩到3个工作日以内。"
        ),
        HEADER,
        _line(486.7, (0, "1"), (1, "长期护理保险"), (2, "长护险参保人")),
        _line(472.0, (2, "数达到50万人")),
        _line(486.7, (3, "待遇保障科"), (4, "2025年12月")),
        _line(447.3, (0, "2"), (1, "门诊共济"), (2, "普通门诊统筹")),
        _line(432.6, (2, "报销比例不低")),
        _line(417.9, (2, "于50%")),
        _line(447.3, (3, "医药服务科"), (4, "2025年6月")),
        _text(LEFT + 2 * EM, 380.0, "三、加强基金监管，全年检查定点医药机构300家。"),
    ]
    assert _page(lines) == [
        "（二）全年结算异地就医不少于5万人次，平均办理时限压缩到3个工作日以内。",
        "序号|项目名称|目标任务|责任单位|完成时限",
        "1|长期护理保险|长护险参保人数达到50万人|待遇保障科|2025年12月",
        "2|门诊共济|普通门诊统筹报销比例不低于50%|医药服务科|2025年6月",
        "\u3000\u3000三、加强基金监管，全年检查定点医药机构300家。",
    ]


def test_a_table_without_row_numbers_keeps_a_wrapped_name_in_its_row() -> None:
    """Without 序号, a first-column line right under another line of the table is that
    cell going on; a row begins below the padding between rows."""
    lines = [
        _line(511.3, (0, "项目名称"), (1, "目标任务"), (2, "责任单位")),
        _line(486.7, (0, "城乡居家养老")),
        _line(472.0, (0, "服务提升")),
        _line(486.7, (1, "新建助餐点")),
        _line(472.0, (1, "10个")),
        _line(486.7, (2, "县民政局")),
        _line(447.3, (0, "残疾人康复"), (1, "康复服务300人"), (2, "县残联")),
    ]
    assert _page(lines) == [
        "项目名称|目标任务|责任单位",
        "城乡居家养老服务提升|新建助餐点10个|县民政局",
        "残疾人康复|康复服务300人|县残联",
    ]


def test_a_line_across_the_columns_or_far_below_ends_the_table() -> None:
    body = "　　全年新建助餐点10个，实现街道全覆盖，老年助餐服务惠及更多群众。"
    lines = [
        HEADER,
        _line(486.7, (0, "1"), (1, "助餐"), (2, "新建助餐点10个"), (3, "县民政局"), (4, "年底")),
        _text(LEFT, 470.0, body),
        _line(486.7 - 10 * EM, (2, "不在表中的一行")),
    ]
    out = _page(lines)
    assert out[:2] == [
        "序号|项目名称|目标任务|责任单位|完成时限",
        "1|助餐|新建助餐点10个|县民政局|年底",
    ]
    assert out[2:] == [body, "不在表中的一行"]


def test_a_numbered_table_ends_at_a_first_column_line_that_is_no_row_number() -> None:
    lines = [
        HEADER,
        _line(486.7, (0, "1"), (1, "助餐"), (2, "新建助餐点10个"), (3, "县民政局"), (4, "年底")),
        _text(LEFT, 465.0, "二、"),
    ]
    assert _page(lines)[-1] == "二、"


def test_a_signature_line_of_two_parts_is_no_table() -> None:
    lines = [
        _text(LEFT, 200.0, "某某县民政局"),
        [Run("某某县民政局", LEFT, 180.0, EM), Run("2025年1月5日", 400.0, 180.0, EM)],
    ]
    assert _page(lines) == ["某某县民政局", "某某县民政局2025年1月5日"]


def test_a_first_line_is_indented_and_a_centred_title_is_not() -> None:
    lines = [
        _text(LEFT + 8 * EM, 700.0, "工作要点"),
        _text(LEFT + 2 * EM, 680.0, "全年新建助餐点10个，"),
        _text(LEFT, 665.0, "实现全覆盖，"),
        _text(LEFT, 650.0, "惠及老年人。"),
    ]
    assert _page(lines) == [
        "工作要点",
        "\u3000\u3000全年新建助餐点10个，",
        "实现全覆盖，",
        "惠及老年人。",
    ]


def _docx_with_tables(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某某县医疗保障局2025年工作要点")
    document.add_paragraph("一、扩大参保覆盖面")
    document.add_paragraph("（一）城乡居民基本医疗保险参保率稳定在95%以上，新增参保人员2000人。")
    rows = [
        ("序号", "项目名称", "目标任务", "责任单位", "完成时限"),
        ("1", "长期护理保险", "长护险参保人数达到50万人", "待遇保障科", "2025年12月"),
        ("2", "门诊共济", "普通门诊统筹报销比例不低于50%", "医药服务科", "2025年6月"),
        (
            "3",
            "医保服务站点建设",
            "新建村级医保服务点120个，实现行政村全覆盖",
            "经办中心",
            "2025年9月",
        ),
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("二、加强基金监管")
    document.add_paragraph("（一）全年检查定点医药机构300家，追回医保基金500万元。")
    document.save(str(path))


def _as_pdf(source: Path) -> Path:
    """The PDF LibreOffice makes of `source`, beside it."""
    subprocess.run(
        [shutil.which("soffice") or "libreoffice", "--headless", "--convert-to", "pdf",
         "--outdir", str(source.parent), str(source)],
        capture_output=True, check=True, timeout=180,
    )  # fmt: skip
    return source.with_suffix(".pdf")


def _tasks(path: Path) -> list[tuple[str, list[tuple[str, str, str]]]]:
    plan = importer.import_plan(
        importer.read_source(path), year=2024, bureau="某某市人民政府"
    ).model
    tasks = [t for d in plan.domains for t in d.tasks]
    return [(t.title, [(g.metric, g.value, g.unit) for g in t.targets]) for t in tasks]


def _docx_with_a_long_table(path: Path) -> None:
    """Thirty rows over three pages, no 序号 column, names and targets wrapping, a row cut
    by a page break."""
    import docx

    document = docx.Document()
    document.add_paragraph("某某市2024年民生实事项目任务分解表")
    document.add_paragraph("　　为扎实推进民生实事，现将任务分解如下。")
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, value in zip(
        table.rows[0].cells, ("项目名称", "年度目标任务", "牵头单位", "完成时限"), strict=True
    ):
        cell.text = value
    works = [
        ("社区食堂", "新建社区食堂{}个"),
        ("适老化改造", "完成特殊困难老年人家庭适老化改造{}户"),
        ("技能培训", "开展职业技能培训{}人次"),
        ("城镇就业", "城镇新增就业{}人"),
        ("农村公路", "新改建农村公路{}公里"),
    ]
    for n in range(30):
        name, target = works[n % 5]
        cells = table.add_row().cells
        cells[0].text = f"{name}（第{n + 1}项）城乡统筹提升工程" if n % 3 == 0 else name
        cells[1].text = target.format(10 + 29 * n) + (
            "，确保年底前全部完工并投入使用，群众满意度达到90%以上" if n % 4 == 0 else ""
        )
        cells[2].text = "市民政局、市财政局" if n % 2 else "市人社局"
        cells[3].text = "2024年12月底"
    document.add_paragraph("　　各牵头单位要按月报送进展情况。")
    document.save(str(path))


@pytest.mark.pdf
@pytest.mark.skipif(not HAS_LIBREOFFICE, reason="LibreOffice not installed")
@pytest.mark.parametrize(
    ("write", "targets"),
    [(_docx_with_tables, 7), (_docx_with_a_long_table, 38)],
    ids=["a table among headings", "a table over three pages"],
)
def test_a_pdf_with_tables_imports_as_its_docx_does(
    tmp_path: Path, write: Callable[[Path], None], targets: int
) -> None:
    source = tmp_path / "要点.docx"
    write(source)
    from_docx = _tasks(source)
    assert sum(len(found) for _, found in from_docx) == targets
    assert _tasks(_as_pdf(source)) == from_docx
