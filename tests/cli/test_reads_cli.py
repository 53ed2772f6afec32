"""Reading as a user meets it: FIFOs, devices, files outside the plan's repository, git
revisions that are too large or not UTF-8, files that are not plans at all."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from cli_support import assert_said, run
from paths import ROOT

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
GIT = ["git", "-c", "user.email=t@example.com", "-c", "user.name=t"]


def plan_with_baseline(folder: Path, baseline: str) -> Path:
    path = folder / "2024.plan.yaml"
    text = PLAN.read_text(encoding="utf-8")
    path.write_text(text.replace("\ntitle: ", f"\nbaseline: {baseline}\ntitle: ", 1))
    return path


@pytest.mark.parametrize("command", ["check", "validate", "show", "fmt", "render"])
def test_a_fifo_is_refused_at_once_wherever_a_plan_is_read(tmp_path: Path, command: str) -> None:
    os.mkfifo(tmp_path / "2024.plan.yaml")
    done = run(command, "2024.plan.yaml", cwd=tmp_path, timeout=30)
    assert_said(done, "不是普通文件")


def test_a_fifo_as_baseline_is_refused_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "2023.results.yaml")
    plan_with_baseline(tmp_path, "2023.results.yaml")
    assert_said(run("check", "2024.plan.yaml", cwd=tmp_path, timeout=30), "不是普通文件")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_given_as_baseline_is_refused_at_once(tmp_path: Path, device: str) -> None:
    plan_with_baseline(tmp_path, "2023.results.yaml")
    done = run("check", "2024.plan.yaml", "--baseline", device, cwd=tmp_path, timeout=30)
    assert_said(done, "不是普通文件")


def test_a_baseline_outside_the_repository_is_not_read(tmp_path: Path) -> None:
    """A pull request's plan checked by a hook running as root must not print /etc/shadow."""
    repo = tmp_path / "repo"
    (repo / "plans").mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    secret = tmp_path / "secret.yaml"
    secret.write_text("root: '$6$hash'\ndaemon: '*'\n", encoding="utf-8")
    plan_with_baseline(repo / "plans", "../../secret.yaml")
    done = run("check", "plans/2024.plan.yaml", cwd=repo)
    assert_said(done, "不在计划所在的仓库或文件夹")
    assert "daemon" not in done.stdout + done.stderr and "$6$" not in done.stdout + done.stderr


def test_a_file_that_is_not_ours_is_refused_without_its_content(tmp_path: Path) -> None:
    (tmp_path / "secret.yaml").write_text("root: '$6$hash'\ndaemon: '*'\n")
    plan_with_baseline(tmp_path, "2023.results.yaml")
    done = run("check", "2024.plan.yaml", "--baseline", "secret.yaml", cwd=tmp_path)
    assert_said(done, "这不是 planwriter 的计划或实绩文件")
    assert "$6$" not in done.stderr and "daemon" not in done.stderr


def test_a_very_long_baseline_name_is_a_missing_baseline(tmp_path: Path) -> None:
    plan_with_baseline(tmp_path, "a" * 5000)
    done = run("check", "2024.plan.yaml", cwd=tmp_path)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr


def _repo_with_revisions(tmp_path: Path, second: bytes) -> Path:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    path = tmp_path / "2024.plan.yaml"
    path.write_bytes(PLAN.read_bytes())
    subprocess.run([*GIT, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*GIT, "commit", "-qm", "a"], cwd=tmp_path, check=True)
    path.write_bytes(second)
    subprocess.run([*GIT, "commit", "-qam", "b"], cwd=tmp_path, check=True)
    return tmp_path


def test_a_revision_not_in_utf8_is_said_with_its_place(tmp_path: Path) -> None:
    gb = PLAN.read_text(encoding="utf-8").encode("gb18030")
    repo = _repo_with_revisions(tmp_path, gb)
    done = run("diff", "HEAD~1", "HEAD", "--", "2024.plan.yaml", cwd=repo)
    assert_said(done, ":2024.plan.yaml:2:9:", "不是 UTF-8 编码", "GB18030")


def test_the_size_limit_applies_to_revisions(tmp_path: Path) -> None:
    big = PLAN.read_bytes() + b"# " + b"x" * (9 * 1024 * 1024) + b"\n"
    repo = _repo_with_revisions(tmp_path, big)
    done = run("diff", "HEAD~1", "HEAD", "--", "2024.plan.yaml", cwd=repo)
    assert_said(done, "文件过大")
