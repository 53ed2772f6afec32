"""A province checking its cities: 100 Changzhou-sized plans through every stage, in one
process. Run: python bench/batch.py
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from planwriter import store
from planwriter.check import check_plan
from planwriter.render import render_plan

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
RESULTS = ROOT / "plans" / "changzhou" / "2023.results.yaml"
COUNT = 100


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        paths = []
        for n in range(COUNT):
            city = folder / f"city{n:03d}"
            city.mkdir()
            shutil.copy(PLAN, city / PLAN.name)
            shutil.copy(RESULTS, city / RESULTS.name)
            paths.append(city / PLAN.name)
        timings: dict[str, float] = {}

        def stage(name: str, action) -> list:
            start = time.perf_counter()
            out = [action(p) for p in paths]
            timings[name] = time.perf_counter() - start
            return out

        plans = stage("read-only load", store.load_plan)
        results = {p: store.load_results(p.parent / RESULTS.name).model for p in paths}
        loaded = dict(zip(paths, plans, strict=True))
        stage("round-trip load + save", lambda p: store.save(p, loaded[p].model, loaded[p].text))
        stage("check", lambda p: check_plan(loaded[p].model, baseline=results[p]))
        stage("render .docx", lambda p: render_plan(loaded[p].model, p.with_suffix(".docx")))
    print(f"{'stage (100 plans, one process)':<32} {'total s':>9} {'per plan ms':>12}")
    for name, seconds in timings.items():
        print(f"{name:<32} {seconds:>9.2f} {seconds / COUNT * 1000:>12.1f}")


if __name__ == "__main__":
    main()
