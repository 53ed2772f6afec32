"""The core never imports the UI; read-only commands do not pay for python-docx either."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

from paths import ROOT

# Every module outside the editor (planwriter/tui, widgets/), found on disk, not listed by hand.
CORE = sorted(
    ".".join(
        ("planwriter", *path.relative_to(ROOT / "planwriter").with_suffix("").parts)
    ).removesuffix(".__init__")
    for path in (ROOT / "planwriter").rglob("*.py")
    if "tui" not in path.relative_to(ROOT / "planwriter").parts and path.name != "__main__.py"
)


def imported_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return set(out.split())


def test_core_never_imports_textual() -> None:
    modules = imported_after("\n".join(f"import {m}" for m in CORE))
    assert set(CORE) <= modules
    assert not {m for m in modules if m == "textual" or m.startswith("textual.")}


def test_cli_start_does_not_import_ui_or_docx() -> None:
    modules = imported_after("import planwriter.cli; planwriter.cli.build_parser()")
    heavy = {"textual", "docx", "rich", "jinja2", "ruamel"}
    assert not heavy & {m.split(".")[0] for m in modules}


def test_widgets_and_templates_install_under_planwriter(tmp_path) -> None:
    code = (
        "import importlib.util as u, planwriter.widgets, planwriter.templates\n"
        "print(u.find_spec('widgets'), u.find_spec('templates'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=tmp_path
    ).stdout
    assert out.split() == ["None", "None"]


def test_openpyxl_is_loaded_only_by_the_spreadsheet_commands() -> None:
    """export and import progress need it; reading a plan, the sheet's layout and the other
    commands do not."""
    modules = imported_after(
        "import planwriter.cli, planwriter.sheet, planwriter.sheet.command, planwriter.progress\n"
        "from planwriter.cli import main\n"
        f"main(['validate', {str(ROOT / 'plans' / 'changzhou' / '2024.plan.yaml')!r}])"
    )
    assert "planwriter.sheet.command" in modules
    assert "openpyxl" not in {m.split(".")[0] for m in modules}


def test_render_loads_only_what_its_document_needs(tmp_path) -> None:
    """A cold `render` of the example pays for the renderer alone: not the editor, the
    importers' or the spreadsheet's libraries, the word segmenter (the example's title breaks
    at its joints), nor the readers of files a render does not read."""
    plan = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
    modules = imported_after(
        "from planwriter.cli import main\n"
        f"main(['render', {str(plan)!r}, '-o', {str(tmp_path / 'plan.docx')!r}])"
    )
    assert "planwriter.render.docx" in modules  # it did render
    libraries = {"textual", "rich", "ruamel", "docx", "openpyxl", "pypdf", "jieba"}
    only_for_mistakes = {"ctypes", "difflib"}  # a template's timeout, a name's near miss
    assert not (libraries | only_for_mistakes) & {m.split(".")[0] for m in modules}
    readers = {
        "planwriter.progress",
        "planwriter.check",
        "planwriter.importer",
        "planwriter.roundtrip",
    }
    assert not readers & modules


def _compiles_every_hanzi(node: ast.AST) -> bool:
    """A `re.compile` of a literal pattern with a class over the CJK ideographs."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "compile"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "re"
        and bool(node.args)
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
        and ("\\u4e00" in node.args[0].value or "\u4e00" in node.args[0].value)
    )


def test_render_start_compiles_no_class_of_every_hanzi(tmp_path) -> None:
    """`re` builds a class over 汉字 ([\\u4e00-\\u9fff]) one code point at a time, about 4% of a
    render's start per pattern: the modules a render loads compile such patterns on first use,
    never at import (one did, unseen, until the instruction count was measured)."""
    plan = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
    modules = imported_after(
        "from planwriter.cli import main\n"
        f"main(['render', {str(plan)!r}, '-o', {str(tmp_path / 'plan.docx')!r}])"
    )
    offenders = []
    for name in sorted(m for m in modules if m.split(".")[0] == "planwriter"):
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
            continue
        tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
        top_level = [n for n in tree.body if not isinstance(n, ast.FunctionDef | ast.ClassDef)]
        offenders += [
            f"{name}:{call.lineno}"
            for statement in top_level
            for call in ast.walk(statement)
            if _compiles_every_hanzi(call)
        ]
    assert offenders == []
