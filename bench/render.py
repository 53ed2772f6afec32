"""Render speed, side by side with pandoc converting the same content in the same run.

Run: python bench/render.py        (pandoc is measured when it is installed)
Bars (issue 5): a cold `planwriter render` of the Changzhou plan within pandoc's wall time;
a batch of 100 plans in one process at 5x pandoc's per-document rate or better.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from planwriter import model, store
from planwriter.render import render_plan

sys.path.insert(0, str(Path(__file__).parent))
from generate import median_wall

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
RUNS = 7


def markdown(plan: model.Plan) -> str:
    """The same content for pandoc: title, preamble, headings, tasks with bold run-in titles."""
    lines = [f"# {plan.title}", "", plan.preamble, ""]
    for entry in model.outline(plan):
        if isinstance(entry.item, model.Task):
            lines += [f"**{entry.label}{entry.item.title}。**{entry.item.text}", ""]
        else:
            lines += [f"## {entry.label}{entry.item.title}", ""]
    return "\n".join(lines)


def batch_rate(plan: model.Plan, folder: Path, count: int = 100) -> float:
    """Documents per second, rendering `count` plans in one process."""
    start = time.perf_counter()
    for n in range(count):
        render_plan(plan, folder / f"batch-{n}.docx")
    return count / (time.perf_counter() - start)


def command() -> list[str]:
    """The command a user types: the console script pip installed beside this Python."""
    script = Path(sys.executable).with_name("planwriter")
    return [str(script)] if script.exists() else [sys.executable, "-m", "planwriter"]


def main() -> None:
    plan = store.load_plan(PLAN).model
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = folder / "plan.md"
        source.write_text(markdown(plan), encoding="utf-8")
        ours = median_wall([*command(), "render", str(PLAN), "-o", str(folder / "ours.docx")])
        startup = median_wall([sys.executable, "-c", "pass"])
        # What no design with Jinja2 templates and a YAML parser can go below.
        floor = median_wall([sys.executable, "-c", "import jinja2.sandbox, yaml"])
        rate = batch_rate(plan, folder)
        pandoc = shutil.which("pandoc")
        theirs = (
            median_wall([pandoc, str(source), "-o", str(folder / "pandoc.docx")])
            if pandoc
            else None
        )
    print(f"{'measure':<46} {'planwriter':>11} {'pandoc':>9} {'ratio':>7}")
    if theirs:
        print(
            f"{'cold render, Changzhou (median of 7), s':<46} {ours:>11.3f} {theirs:>9.3f} "
            f"{theirs / ours:>6.2f}x"
        )
        print(
            f"{'documents per second (100 in one process)':<46} {rate:>11.1f} "
            f"{1 / theirs:>9.1f} {rate * theirs:>6.1f}x"
        )
    else:
        print(f"{'cold render, Changzhou (median of 7), s':<46} {ours:>11.3f} {'—':>9}")
        print(f"{'documents per second (100 in one process)':<46} {rate:>11.1f} {'—':>9}")
    print(f"{'python -c pass on this machine, s':<46} {startup:>11.3f}")
    print(
        f"{'python importing jinja2.sandbox and yaml only, s':<46} {floor:>11.3f}"
        + (f" {theirs:>9.3f} {theirs / floor:>6.2f}x" if theirs else "")
    )
    # issue 14's bar: the cold render within 1.6x this floor, measured in the same run
    print(f"{'cold render / that floor (bar: 1.6x)':<46} {ours / floor:>10.2f}x")


if __name__ == "__main__":
    main()
