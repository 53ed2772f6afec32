"""How a command ends: `planwriter.cli.run` skips Python's teardown, never what a user needs
(the exit code, the last of the output, exit handlers, a thread still writing)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from paths import ROOT

from planwriter import __version__

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"


def python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60
    )


def planwriter(*args: str) -> subprocess.CompletedProcess[str]:
    return python("from planwriter.cli import run; run()", *args)


def test_the_exit_code_and_the_whole_output_reach_the_caller() -> None:
    shown = planwriter("show", str(PLAN))  # a pipe: output buffered until the end
    assert shown.returncode == 0
    assert shown.stdout.count("\n") > 40
    assert (
        shown.stdout == python("from planwriter.cli import main; main()", "show", str(PLAN)).stdout
    )
    version = planwriter("--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"planwriter {__version__}")
    missing = planwriter("validate", "没有这个文件.yaml")
    assert missing.returncode == 2 and "没有这个文件.yaml" in missing.stderr


def test_exit_handlers_still_run() -> None:
    code = "import atexit, planwriter.cli as c; atexit.register(print, '已退出'); c.main = lambda: 3; c.run()"
    ended = python(code)
    assert (ended.returncode, ended.stdout) == (3, "已退出\n")


def test_a_thread_still_writing_is_waited_for(tmp_path: Path) -> None:
    written = tmp_path / "晚到.txt"
    code = (
        "import sys, threading, time, planwriter.cli as c\n"
        "def late(): time.sleep(0.5); open(sys.argv[1], 'w').write('完')\n"
        "c.main = lambda: (threading.Thread(target=late).start(), 0)[1]\n"
        "c.run()"
    )
    assert python(code, str(written)).returncode == 0
    assert written.read_text() == "完"
