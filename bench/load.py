"""Load and save timings for generated plans: the fast read path against ruamel's round trip.

Run: python bench/load.py [TASKS ...]   (default 34 1000)
Prints one row per plan size; a plain script, not a timed test.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from planwriter import store
from planwriter.roundtrip import round_trip_yaml

sys.path.insert(0, str(Path(__file__).parent))
from generate import generated_plan


def best_of(runs: int, action) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def measure(tasks: int) -> tuple[int, float, float, float, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.plan.yaml"
        path.write_text(store.render(generated_plan(tasks)), encoding="utf-8")
        loaded = store.load_plan(path)
        text = loaded.text
        fast = best_of(3, lambda: store.load_plan(path))
        rt = best_of(3, lambda: round_trip_yaml().load(text))
        save = best_of(3, lambda: store.save(path, loaded.model, text))
        return len(text.encode()), fast, rt, save, rt / fast


def main(sizes: list[int]) -> None:
    print(
        f"{'tasks':>7} {'bytes':>10} {'fast load s':>12} {'ruamel rt s':>12} "
        f"{'save s':>8} {'rt/fast':>8}"
    )
    for tasks in sizes:
        size, fast, rt, save, ratio = measure(tasks)
        print(f"{tasks:>7} {size:>10} {fast:>12.3f} {rt:>12.3f} {save:>8.3f} {ratio:>7.1f}x")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [34, 1000])
