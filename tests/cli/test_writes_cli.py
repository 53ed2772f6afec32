"""Writing output as a user meets it: folders that are not there or cannot be written,
read-only files, symlinks, pipes closed early, a batch of plans with one title.

Permission cases run as an unprivileged user (setpriv, as DEVELOPERS.md describes): root
writes anywhere, so as root they would prove nothing.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import assert_said, run
from paths import ROOT, SAMPLES, needs_samples

from planwriter import cli, files, store

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
RESULTS = ROOT / "plans" / "changzhou" / "2023.results.yaml"
NOBODY = [
    "setpriv",
    "--reuid=65534",
    "--regid=65534",
    "--clear-groups",
    "--inh-caps=-all",
    "--bounding-set=-all",
]
as_nobody = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="switching to an unprivileged user needs root and setpriv",
)


def test_render_to_an_impossible_place_is_said(tmp_path: Path) -> None:
    assert_said(run("render", str(PLAN), "-o", "/proc/x.docx", cwd=tmp_path), "/proc/x.docx")
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    done = run("render", str(PLAN), "-o", "afile/out/x.docx", cwd=tmp_path)
    assert_said(done, "afile/out/x.docx", "路径中有一段是文件，不是文件夹")


@needs_samples
def test_import_makes_the_folders_of_its_output_like_render_and_new(tmp_path: Path) -> None:
    """The README's example in a fresh folder: plans/changzhou/ does not exist yet."""
    output = "plans/changzhou/2023.results.yaml"
    report = SAMPLES / "changzhou-2023-report.txt"
    done = run("import", "results", str(report), "-o", output, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert store.load_results(tmp_path / output).model.year == 2023


def test_new_files_are_readable_by_colleagues(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        done = run("new", "--bureau", "某市民政局", "--year", "2030", cwd=tmp_path)
    finally:
        os.umask(old)
    assert done.returncode == 0, done.stderr
    created = tmp_path / "plans" / "某市民政局" / "2030.plan.yaml"
    assert stat.S_IMODE(created.stat().st_mode) == 0o644


def test_fmt_writes_through_a_symlink_and_refuses_a_read_only_plan(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "2024.plan.yaml"
    real.parent.mkdir()
    real.write_text(PLAN.read_text(encoding="utf-8").replace("title: ", "title:   ", 1))
    link = tmp_path / "2024.plan.yaml"
    link.symlink_to(real)
    done = run("fmt", "2024.plan.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and "title:   " not in real.read_text(encoding="utf-8")
    real.write_text(PLAN.read_text(encoding="utf-8").replace("title: ", "title:   ", 1))
    real.chmod(0o444)
    before = real.read_bytes()
    assert_said(run("fmt", "2024.plan.yaml", cwd=tmp_path), "2024.plan.yaml", "只读")
    assert real.read_bytes() == before


def test_fmt_does_not_overwrite_a_file_replaced_while_it_worked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`git checkout` replacing the file between fmt's read and its write."""
    path = tmp_path / "2024.plan.yaml"
    path.write_text(PLAN.read_text(encoding="utf-8").replace("title: ", "title:   ", 1))
    theirs = PLAN.read_text(encoding="utf-8").replace("常州市", "别的市")
    real_render = store.render

    def render_while_replaced(*args: object, **kwargs: object) -> str:
        text = real_render(*args, **kwargs)  # type: ignore[arg-type]
        path.write_text(theirs, encoding="utf-8")
        return text

    monkeypatch.setattr(store, "render", render_while_replaced)
    assert cli.main(["fmt", str(path)]) == 2
    assert path.read_text(encoding="utf-8") == theirs
    assert "文件刚被其他程序改动" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["2024.plan.yaml"]


def _big_plan(folder: Path) -> Path:
    tasks = "".join(
        f"      - title: 第{n}项任务\n        text: 为{n}名老年人提供服务。\n" for n in range(3000)
    )
    path = folder / "2024.plan.yaml"
    head = "planwriter: 1\nbureau: 某市民政局\nyear: 2024\ntitle: 要点\n"
    path.write_text(head + "domains:\n  - title: 领域\n    tasks:\n" + tasks, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [["show"], ["check", "--format", "json"], ["check"], ["textconv"], ["validate"]],
    ids=lambda a: " ".join(a),
)
def test_a_pipe_closed_early_ends_quietly(tmp_path: Path, args: list[str]) -> None:
    """`planwriter show plan | head`: no traceback, no rich exit 1."""
    path = _big_plan(tmp_path)
    reader = subprocess.Popen(
        [sys.executable, "-m", "planwriter", *args, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.readline()
    reader.stdout.close()  # as `head -1` does
    err = reader.stderr.read().decode("utf-8")
    code = reader.wait(timeout=60)
    assert "Traceback" not in err and "Error" not in err, err
    assert code in (0, 1), err  # 1: check's findings, written before the pipe closed


def test_a_batch_with_one_title_gives_distinct_names(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    for n in range(1, 4):
        folder = tmp_path / "plans" / f"city{n}"
        folder.mkdir(parents=True)
        bureau = "某市民政局" if n < 3 else "第三市民政局"  # two share a bureau
        (folder / "2024.plan.yaml").write_text(text.replace("常州市民政局", bureau))
    done = run("render", "plans/**/*.plan.yaml", "-o", "out/", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == [
        "2024年全市民政工作要点（city1）.docx",
        "2024年全市民政工作要点（city2）.docx",
        "2024年全市民政工作要点（city3）.docx",
    ]
    assert "有 3 份文档标题相同" in done.stderr


def test_a_batch_names_documents_by_bureau_where_bureaus_differ(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    for city in ("甲市", "乙市"):
        folder = tmp_path / "plans" / city
        folder.mkdir(parents=True)
        (folder / "2024.plan.yaml").write_text(text.replace("常州市民政局", f"{city}民政局"))
    done = run("render", "plans/**/*.plan.yaml", "-o", "out/", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "2024年全市民政工作要点（乙市民政局）.docx",
        "2024年全市民政工作要点（甲市民政局）.docx",
    ]


# --- as an unprivileged user ---------------------------------------------------------


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder nobody can reach (pytest's own tmp folders are root's, 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="planwriter-perm-"))
    folder.chmod(0o777)
    shutil.copy(PLAN, folder / "2024.plan.yaml")
    shutil.copy(RESULTS, folder / "2023.results.yaml")
    for path in folder.iterdir():
        path.chmod(0o644)
    yield folder
    for path in folder.rglob("*"):
        with_write = stat.S_IMODE(path.stat().st_mode) | 0o700
        path.chmod(with_write)
    shutil.rmtree(folder)


WRITES_IN_READ_ONLY = {
    "render": ["render", "2024.plan.yaml", "-o", "ro/x.docx"],
    "render-beside": ["render", "ro/2024.plan.yaml"],
    "import": ["import", "plan", "plan.txt", "--bureau", "某市民政局", "-o", "ro/2025.plan.yaml"],
    "new": ["new", "--bureau", "某市民政局", "--year", "2031", "--plans-dir", "ro"],
    "new-o": ["new", "--bureau", "某市民政局", "--year", "2031", "-o", "ro/sub/2031.plan.yaml"],
    "fmt": ["fmt", "ro/2024.plan.yaml"],
}


@as_nobody
@pytest.mark.parametrize("args", WRITES_IN_READ_ONLY.values(), ids=WRITES_IN_READ_ONLY.keys())
def test_a_read_only_folder_is_said_in_chinese(shared_folder: Path, args: list[str]) -> None:
    ro = shared_folder / "ro"
    ro.mkdir()
    plan = PLAN.read_text(encoding="utf-8")
    (ro / "2024.plan.yaml").write_text(plan.replace("title: ", "title:   ", 1))
    (shared_folder / "plan.txt").write_text("2025年工作要点\n一、领域\n1.任务。\n")
    for path in (ro / "2024.plan.yaml", shared_folder / "plan.txt"):
        path.chmod(0o644)
    ro.chmod(0o555)
    before = {p.name: p.read_bytes() for p in ro.iterdir()}
    done = run(*args, cwd=shared_folder, user=NOBODY)
    assert_said(done, "没有写入权限")
    assert {p.name: p.read_bytes() for p in ro.iterdir()} == before


@as_nobody
def test_a_file_of_another_owner_keeps_its_owner_and_mode(shared_folder: Path) -> None:
    """Root formats a colleague's plan in a shared folder: it stays the colleague's."""
    path = shared_folder / "2024.plan.yaml"
    path.write_text(PLAN.read_text(encoding="utf-8").replace("title: ", "title:   ", 1))
    os.chown(path, 65534, 65534)
    path.chmod(0o664)
    assert cli.main(["fmt", str(path)]) == 0
    found = path.stat()
    assert (found.st_uid, found.st_gid, stat.S_IMODE(found.st_mode)) == (65534, 65534, 0o664)


@as_nobody
def test_a_file_nobody_may_write_in_a_writable_folder_is_refused(shared_folder: Path) -> None:
    """The folder allows the rename; the file itself (root's, 0644) does not allow writing."""
    path = shared_folder / "2024.plan.yaml"
    path.write_text(PLAN.read_text(encoding="utf-8").replace("title: ", "title:   ", 1))
    before = path.read_bytes()
    done = run("fmt", "2024.plan.yaml", cwd=shared_folder, user=NOBODY)
    assert_said(done, "2024.plan.yaml", "没有写入权限")
    assert path.read_bytes() == before
    assert files.stamp(path) is not None
