"""The README's commands, run as written: the install leaves `planwriter` on the PATH the
later commands use, and the git set-up makes `git diff` work from a fresh shell."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
BIN = str(Path(sys.executable).parent)  # the venv's bin, where pip put `planwriter`


def block_after(words: str) -> str:
    return next(b for b in BLOCKS if README.index(b) > README.index(words))


def test_the_install_puts_planwriter_on_the_path_before_it_is_used() -> None:
    install = BLOCKS[0]
    assert "pip install" in install
    steps = [step.strip() for step in install.split("&&")]
    first_bare = next(i for i, s in enumerate(steps) if s.startswith("planwriter "))
    assert ". .venv/bin/activate" in steps[:first_bare]
    later = [b for b in BLOCKS[1:] if re.search(r"^planwriter ", b, re.MULTILINE)]
    assert later, "the README's later commands use `planwriter` bare"
    assert ". .venv/bin/activate" in README[README.index(BLOCKS[0]) : README.index(later[0])]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_git_setup_lines_make_git_diff_work_in_a_fresh_shell(tmp_path: Path) -> None:
    setup = block_after("For `git diff` itself")
    assert "textconv" in setup and len(setup.strip().splitlines()) == 2
    plan = tmp_path / "2024.plan.yaml"
    plan.write_bytes((ROOT / "plans" / "changzhou" / "2024.plan.yaml").read_bytes())
    fresh = {  # a shell that has never activated the venv
        "PATH": os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if p != BIN),
        "HOME": str(tmp_path),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    active = {**fresh, "PATH": BIN + os.pathsep + fresh["PATH"]}

    def sh(script: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["sh", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
        )

    assert sh("git init -q && git add . && git commit -qm first", fresh).returncode == 0
    done = sh(setup, active)
    assert done.returncode == 0, done.stderr
    text = plan.read_text(encoding="utf-8").replace("value: 15万", "value: 16万", 1)
    plan.write_text(text, encoding="utf-8")
    diff = sh("git diff", fresh)
    assert diff.returncode == 0, diff.stderr
    assert "-[home-care] 目标 居家养老上门服务人数 不少于 15万人（总量）" in diff.stdout
    assert "+[home-care] 目标 居家养老上门服务人数 不少于 16万人（总量）" in diff.stdout
