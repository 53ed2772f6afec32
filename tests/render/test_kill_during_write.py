"""kill -9 while a document is written, many times: the .docx is always a whole document
(the old one or the new one), never a truncated file; no temp file outlives the next write."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from paths import ROOT

pytestmark = pytest.mark.slow

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
# Renders two versions of a large plan in turn, as fast as it can: most of its time is spent
# writing the package, so a kill lands mid-write, mid-fsync or mid-rename.
RENDERER = """
import sys
from pathlib import Path
from planwriter import store
from planwriter.render import render_plan
plan = store.load_plan(sys.argv[1]).model
plan.domains = plan.domains * 20
out = Path(sys.argv[2])
titles = ("甲" * 30, "乙" * 30)
render_plan(plan, out)  # the first render loads the word segmenter: not what is tested
print("ready", flush=True)
n = 0
while True:
    plan.title = titles[n % 2]
    render_plan(plan, out)
    n += 1
"""


def test_a_document_killed_while_written_is_old_or_new(tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    rng = random.Random(9704)
    interrupted = whole = 0
    for _ in range(30):
        writer = subprocess.Popen(
            [sys.executable, "-c", RENDERER, str(PLAN), str(out)], stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.6))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        interrupted += bool(leftovers)
        if out.exists():
            with zipfile.ZipFile(out) as package:  # a truncated file fails here
                assert package.testzip() is None
                assert "word/document.xml" in package.namelist()
            whole += 1
    assert whole, "no document was ever written: the test tested nothing"
    assert interrupted, "no kill landed inside a write: the test did not test atomicity"
    from planwriter import files

    files.clear_stale_temps(out)  # the writers are gone: their temp files go on the next write
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
