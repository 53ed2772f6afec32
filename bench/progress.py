"""What progress and its charts cost, next to the commands that do not draw them.

Run: python bench/progress.py
Bars (issue 18): `check` and `render --template plain` import no chart code (their figures
should not move); `progress` costs about what `check` does; a 通报 with its native charts
(`render --template progress`) costs about what the plan's own render does. Also the import
time of the chart modules, paid only by documents with a chart. Prints figures; asserts nothing.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import median_wall

ROOT = Path(__file__).resolve().parent.parent
PLAN = str(ROOT / "plans" / "changzhou" / "2024.plan.yaml")
CLI = [sys.executable, "-m", "planwriter"]


def import_ms(module: str, after: str) -> float:
    """What importing `module` adds once `after` is imported (the modules only it needs), ms."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {after}; import {module}"],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.findall(rf"\|\s*(\d+) \|\s+{re.escape(module)}$", done.stderr, re.M)
    return int(found[-1]) / 1000 if found else 0.0


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        rows = [
            ("check (peer)", [*CLI, "check", PLAN, "--format", "json"]),
            ("progress", [*CLI, "progress", PLAN, "--format", "json"]),
            (
                "render plain (peer)",
                [*CLI, "render", PLAN, "--template", "plain", "-o", str(out / "a.docx")],
            ),
            (
                "render progress (5 charts)",
                [*CLI, "render", PLAN, "--template", "progress", "-o", str(out / "b.docx")],
            ),
        ]
        print(f"{'command':32} {'median wall':>12}")
        for name, command in rows:
            print(f"{name:32} {median_wall(command, runs=5) * 1000:9.0f} ms")
    print()
    for module, after in (
        ("planwriter.render.chart", "planwriter.render.docx"),
        ("planwriter.tracking", "planwriter.check"),
    ):
        added = import_ms(module, after)
        print(f"import {module:26} {added:6.1f} ms on top of {after}")


if __name__ == "__main__":
    main()
