"""What a wheel holds: every package of the source tree, so `pip install .` works, not only -e."""

from __future__ import annotations

import tomllib

from paths import ROOT


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]


def _packages_on_disk() -> set[str]:
    """Dotted names of the folders holding an __init__.py, placed as package-dir says."""
    found = set()
    for name, folder in _setuptools()["package-dir"].items():
        base = ROOT / folder
        for init in base.rglob("__init__.py"):
            relative = init.parent.relative_to(base).parts
            if "__pycache__" not in relative:
                found.add(".".join((name, *relative)))
    return found


def test_every_package_on_disk_is_listed_for_the_wheel() -> None:
    listed = set(_setuptools()["packages"])
    on_disk = _packages_on_disk()
    assert on_disk - listed == set(), "packages missing from pyproject.toml [tool.setuptools]"
    assert listed - on_disk == set(), "pyproject.toml lists packages that do not exist"


def test_template_files_are_shipped_as_package_data() -> None:
    patterns = _setuptools()["package-data"]["planwriter.templates"]
    shipped = {p.name for pattern in patterns for p in (ROOT / "templates").glob(pattern)}
    assert {"gbt9704.toml", "notice.j2", "plain.j2", "plan.j2", "report.j2"} <= shipped


def test_the_editor_stylesheet_is_shipped_as_package_data() -> None:
    patterns = _setuptools()["package-data"]["planwriter.tui"]
    shipped = {p.name for pattern in patterns for p in (ROOT / "planwriter" / "tui").glob(pattern)}
    assert "app.tcss" in shipped
