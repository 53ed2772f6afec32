"""The layers hold and the tools agree: import contracts, no cycles, ruff, the formatter, mypy.

The contracts live in pyproject.toml ([tool.importlinter]); these tests make CI run them."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from paths import ROOT

BIN = Path(sys.executable).parent
PACKAGE, WIDGETS = ROOT / "planwriter", ROOT / "widgets"


def modules() -> Iterator[tuple[str, Path]]:
    """Every module of the installed package, by dotted name: widgets/ is planwriter.widgets."""
    for top, name in ((PACKAGE, "planwriter"), (WIDGETS, "planwriter.widgets")):
        for path in sorted(top.rglob("*.py")):
            parts = [name, *path.relative_to(top).with_suffix("").parts]
            if parts[-1] == "__init__":
                parts.pop()
            yield ".".join(parts), path


def imports(path: Path, module: str) -> Iterator[tuple[str, list[str]]]:
    """(module imported, names taken from it) for every import statement, lazy ones too."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                ).rstrip(".")
            yield base, [alias.name for alias in node.names]


def is_editor(module: str) -> bool:
    return module.startswith(("planwriter.tui", "planwriter.widgets"))


def test_the_import_contracts_hold() -> None:
    done = subprocess.run(
        [str(BIN / "lint-imports")], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "BROKEN" not in done.stdout and "Contracts: 6 kept, 0 broken." in done.stdout


def test_the_core_never_imports_the_editor_nor_textual() -> None:
    """Over every core module, the widgets included (lint-imports does not see them: they
    install from widgets/ under the planwriter name)."""
    found = [
        f"{module} imports {imported}"
        for module, path in modules()
        if not is_editor(module)
        for imported, _ in imports(path, module)
        if imported.split(".")[0] == "textual" or is_editor(imported)
    ]
    assert found == []


def test_no_module_imports_a_private_name_of_another_package() -> None:
    def package_of(module: str) -> str:
        return module.rpartition(".")[0]

    found = [
        f"{module} imports {imported}.{name}"
        for module, path in modules()
        for imported, names in imports(path, module)
        if imported.startswith("planwriter")
        for name in names
        if name.startswith("_")
        and not name.startswith("__")
        and package_of(imported) != package_of(module)
        and imported != package_of(module)
    ]
    assert found == []


def test_no_import_cycle_between_modules() -> None:
    """Not even through an import inside a function: each module can be read on its own."""
    graph = {module: set() for module, _ in modules()}
    for module, path in modules():
        for imported, names in imports(path, module):
            # from a.b import c: module a.b.c when there is one, else a name of a.b
            targets = {f"{imported}.{n}" if f"{imported}.{n}" in graph else imported for n in names}
            graph[module] |= {t for t in targets or {imported} if t in graph and t != module}
    assert _cycles(graph) == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            part = []
            while True:
                other = stack.pop()
                part.append(other)
                if other == module:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_a_cycle_is_found() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy", "planwriter", "widgets"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_the_tools_find_nothing(command: list[str]) -> None:
    done = subprocess.run(
        [str(BIN / command[0]), *command[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
