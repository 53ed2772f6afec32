"""Speed of the check: a cold `planwriter check` of the Changzhou plan, and the re-check after
one edit on an already-loaded plan (what the terminal UI does on every edit).

Run: python bench/check.py      Bars (issue 4): cold ≤ 0.25 s; re-check ≤ 30 ms at 34 tasks,
≤ 300 ms at 1000 tasks. Prints figures; asserts nothing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from planwriter.check import check_plan

sys.path.insert(0, str(Path(__file__).parent))
from generate import generated_plan, generated_results, median_wall

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"


def recheck(tasks: int, runs: int = 20) -> float:
    plan, baseline = generated_plan(tasks), generated_results(tasks)
    best = float("inf")
    for n in range(runs):
        plan.domains[0].tasks[0].targets[0].value = f"{n + 1}万"  # one edit
        start = time.perf_counter()
        check_plan(plan, baseline=baseline)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    cold = median_wall([sys.executable, "-m", "planwriter", "check", str(PLAN)])
    startup = median_wall([sys.executable, "-c", "pass"])
    print(f"{'measure':<40} {'value':>10}  bar")
    print(f"{'cold check, Changzhou (median of 7)':<40} {cold:>9.3f}s  0.25 s")
    print(f"{'  of which python -c pass (median)':<40} {startup:>9.3f}s")
    for tasks, bar in ((34, "30 ms"), (1000, "300 ms")):
        print(
            f"{f're-check after one edit, {tasks} tasks':<40} "
            f"{recheck(tasks) * 1000:>8.1f}ms  {bar}"
        )


if __name__ == "__main__":
    main()
