"""Scale: generated plans of 34, 1000 and 10 000 tasks through every stage, with memory.

Run: python bench/scale.py [TASKS ...]      Bars (issue 8): read-only load of 1000 tasks
≤ 0.25 s; 10 000 tasks load + check + render < 15 s in < 1 GiB, growing linearly.
Each size runs in a fresh process, so the memory figure is that size's own peak.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

STAGES = ("load", "round-trip save", "check", "render")


def measure(tasks: int) -> dict[str, float]:
    """One size, in this process: seconds per stage and peak memory in MiB."""
    from generate import generated_plan, generated_results

    from planwriter import store
    from planwriter.check import check_plan
    from planwriter.render import render_plan

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        plan_path = folder / "2024.plan.yaml"
        plan_path.write_text(store.render(generated_plan(tasks)), encoding="utf-8")
        baseline = generated_results(tasks)
        figures: dict[str, float] = {}
        start = time.perf_counter()
        loaded = store.load_plan(plan_path)
        figures["load"] = time.perf_counter() - start
        start = time.perf_counter()
        store.save(plan_path, loaded.model, loaded.text)
        figures["round-trip save"] = time.perf_counter() - start
        start = time.perf_counter()
        check_plan(loaded.model, baseline=baseline)
        figures["check"] = time.perf_counter() - start
        start = time.perf_counter()
        render_plan(loaded.model, folder / "plan.docx")
        figures["render"] = time.perf_counter() - start
    figures["peak MiB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def main(sizes: list[int]) -> None:
    print(
        f"{'tasks':>7} " + " ".join(f"{s:>16}" for s in (*STAGES, "load+check+render", "peak MiB"))
    )
    for tasks in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(tasks)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        f = json.loads(out)
        total = f["load"] + f["check"] + f["render"]
        print(
            f"{tasks:>7} "
            + " ".join(f"{f[s]:>15.3f}s" for s in STAGES)
            + f" {total:>15.3f}s {f['peak MiB']:>16.0f}"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(measure(int(sys.argv[2]))))
    else:
        main([int(a) for a in sys.argv[1:]] or [34, 1000, 10000])
