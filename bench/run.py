"""Every benchmark in turn: python bench/run.py (each prints its own table)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["load.py", "check.py", "render.py", "scale.py", "batch.py", "tui.py", "breakdown.py"]

if __name__ == "__main__":
    for script in SCRIPTS:
        if (HERE / script).exists():
            print(f"\n== bench/{script}", flush=True)
            subprocess.run([sys.executable, str(HERE / script)], check=False)
