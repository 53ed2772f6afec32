"""Running planwriter as a user runs it, and what a refusal must look like (tests/cli)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run(
    *args: str, cwd: Path, user: list[str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """`planwriter ARGS` in `cwd`, optionally as another user (a setpriv prefix)."""
    return subprocess.run(
        [*(user or []), sys.executable, "-m", "planwriter", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        timeout=timeout,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def assert_said(done: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit 2, no traceback or exception name, and each of `words` in the message."""
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
    for word in words:
        assert word in done.stderr, done.stderr
