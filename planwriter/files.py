"""Finding files: the plans a command was given, and the bureau's planwriter.toml."""

from __future__ import annotations

import glob
from pathlib import Path

CONFIG_NAME = "planwriter.toml"


def expand(patterns: list[str]) -> list[str]:
    """Paths as given; a pattern the shell did not expand (plans/**/*.plan.yaml) is globbed."""
    names: list[str] = []
    for pattern in patterns:
        matches = sorted(glob.glob(pattern, recursive=True)) if glob.has_magic(pattern) else []
        names.extend(matches or [pattern])
    return names


def find_config(start: Path) -> Path | None:
    """planwriter.toml in the plan's directory or the nearest parent that has one."""
    folder = start.resolve() if start.is_dir() else start.resolve().parent
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
    return None
