"""`fmt` racing a replacement of the file, as `git checkout` replaces it: how many of the
replacements are lost (fmt writing its older text over them). Run: python bench/fmt_race.py
[RUNS]. Before the re-check just before the rename (issue 12), 36 of 100 were lost; run it
with PYTHONPATH pointing at an older checkout to see its figure beside this one.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLAN = Path(__file__).resolve().parent.parent / "plans" / "changzhou" / "2024.plan.yaml"


def main(runs: int) -> None:
    plan = PLAN.read_text(encoding="utf-8")
    messy = plan.replace("title: ", "title:   ", 1)  # something for fmt to do
    theirs = plan.replace("常州市民政局", "别的市民政局")
    rng = random.Random(1)
    lost = 0
    with tempfile.TemporaryDirectory() as name:
        path, temp = Path(name) / "2024.plan.yaml", Path(name) / ".checkout"
        for _ in range(runs):
            path.write_text(messy, encoding="utf-8")
            fmt = subprocess.Popen(
                [sys.executable, "-m", "planwriter", "fmt", str(path)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(rng.uniform(0.0, 0.5))
            temp.write_text(theirs, encoding="utf-8")
            os.replace(temp, path)  # as git checkout does
            fmt.wait()
            lost += path.read_text(encoding="utf-8") != theirs
    print(f"fmt racing a checkout: {lost} of {runs} replacements lost (before issue 12: 36 of 100)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
