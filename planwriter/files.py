"""Finding files: the plans a command was given, and the bureau's planwriter.toml."""

from __future__ import annotations

import glob
import re
from pathlib import Path

CONFIG_NAME = "planwriter.toml"


def expand(patterns: list[str]) -> list[str]:
    """Paths as given; a pattern the shell did not expand (plans/**/*.plan.yaml) is globbed."""
    names: list[str] = []
    for pattern in patterns:
        found = glob.glob(pattern, recursive=True) if glob.has_magic(pattern) else []
        matches = sorted(found, key=natural_key)
        names.extend(matches or [pattern])
    return names


def natural_key(name: str) -> list[tuple[int, int | str]]:
    """Numbers in a name compared as numbers: c2 before c10, as a person sorts them."""
    return [(0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", name)]


def find_config(start: Path) -> Path | None:
    """planwriter.toml in the plan's directory or the nearest parent that has one."""
    folder = start.resolve() if start.is_dir() else start.resolve().parent
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
    return None
