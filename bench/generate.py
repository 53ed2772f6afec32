"""What the benchmarks share: generated plans and baselines of any size, and timing."""

from __future__ import annotations

import os
import statistics
import subprocess
import time

from planwriter import model

# As installed by pip: modules byte-compiled. (A shell with PYTHONDONTWRITEBYTECODE=1 would
# recompile every module on every run and measure the compiler, not the tool.)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def median_wall(command: list[str], runs: int = 7) -> float:
    """Median wall time of a command, after one warm-up run that writes the .pyc files."""
    subprocess.run(command, capture_output=True, check=False, env=ENV)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False, env=ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


TEXT = "完善80周岁以上老年人综合服务体系，为{n}万名老年人提供居家养老上门服务。"


def generated_plan(tasks: int, per_domain: int = 100) -> model.Plan:
    plan = model.Plan(bureau="常州市民政局", year=2024, title="2024年全市民政工作要点")
    for n in range(tasks):
        if n % per_domain == 0:
            number = n // per_domain
            plan.domains.append(model.Domain(id=f"d{number}", title=f"领域{number}"))
        target = model.Target(metric=f"居家养老上门服务人数{n}", value=f"{n + 1}万", unit="人")
        text = TEXT.format(n=n + 1) * 2
        plan.domains[-1].tasks.append(
            model.Task(id=f"t{n}", title=f"任务{n}", text=text, targets=[target])
        )
    return plan


def generated_results(tasks: int) -> model.Results:
    return model.Results(
        bureau="常州市民政局",
        year=2023,
        results=[
            model.Result(metric=f"居家养老上门服务人数{n}", value=f"{n + 1}.5万", unit="人")
            for n in range(tasks)
        ],
    )
