"""files.write_atomically and files.read_bytes: every file the tool writes or reads."""

from __future__ import annotations

import errno
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from planwriter import files
from planwriter.problems import InputError


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _message(err: pytest.ExceptionInfo[InputError]) -> str:
    return str(err.value.problems[0])


def test_writes_bytes_text_and_writers_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    files.write_atomically(target, b"\x00bytes")
    assert target.read_bytes() == b"\x00bytes"
    files.write_atomically(target, "文字")
    assert target.read_text(encoding="utf-8") == "文字"
    files.write_atomically(target, lambda handle: handle.write(b"from a writer"))
    assert target.read_bytes() == b"from a writer"
    assert _names(tmp_path) == ["a.docx"]


def test_a_symlink_is_written_through_to_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real" / "2024.plan.yaml"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "2024.plan.yaml"
    link.symlink_to(real)
    files.write_atomically(link, "new\n")
    assert link.is_symlink() and link.readlink() == real
    assert real.read_text(encoding="utf-8") == "new\n"
    assert _names(real.parent) == ["2024.plan.yaml"]


def test_a_hard_linked_file_is_rewritten_in_place_so_every_name_sees_it(tmp_path: Path) -> None:
    target = tmp_path / "2024.plan.yaml"
    target.write_text("old\n", encoding="utf-8")
    other = tmp_path / "copy.plan.yaml"
    os.link(target, other)
    inode = target.stat().st_ino
    files.write_atomically(target, "new, and longer than the old\n")
    files.write_atomically(target, "short\n")
    assert target.stat().st_ino == other.stat().st_ino == inode
    assert other.read_text(encoding="utf-8") == "short\n"
    assert _names(tmp_path) == ["2024.plan.yaml", "copy.plan.yaml"]


def test_a_hard_linked_file_changed_on_disk_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "p.plan.yaml"
    target.write_text("read\n", encoding="utf-8")
    os.link(target, tmp_path / "q.plan.yaml")
    read = files.stamp(target)
    target.write_text("changed by another\n", encoding="utf-8")
    with pytest.raises(InputError):
        files.write_atomically(target, "mine\n", expected=read)
    assert target.read_text(encoding="utf-8") == "changed by another\n"
    assert _names(tmp_path) == ["p.plan.yaml", "q.plan.yaml"]


def test_a_failed_in_place_write_keeps_the_old_content_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "p.plan.yaml"
    target.write_text("old\n", encoding="utf-8")
    os.link(target, tmp_path / "q.plan.yaml")
    inode = target.stat().st_ino
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        if os.fstat(fd).st_ino == inode:
            raise OSError(errno.EIO, "")
        real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", failing_fsync)
    with pytest.raises(InputError):
        files.write_atomically(target, "new\n")
    (backup,) = tmp_path.glob(".p.plan.yaml.*.bak")
    assert backup.read_text(encoding="utf-8") == "old\n"
    monkeypatch.undo()
    files.write_atomically(target, "new\n")  # a later save does not sweep it away
    assert backup.exists()


def test_an_existing_files_mode_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "p.plan.yaml"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o664)
    files.write_atomically(target, "new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o664


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner")
def test_an_existing_files_owner_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "p.plan.yaml"
    target.write_text("old\n", encoding="utf-8")
    os.chown(target, 65534, 65534)
    files.write_atomically(target, "new\n")
    assert (target.stat().st_uid, target.stat().st_gid) == (65534, 65534)


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_gets_the_umasks_mode(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        files.write_atomically(tmp_path / "new.plan.yaml", "x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.plan.yaml").stat().st_mode) == mode


def test_a_read_only_file_is_refused_even_for_root(tmp_path: Path) -> None:
    target = tmp_path / "p.plan.yaml"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(InputError) as err:
        files.write_atomically(target, "new\n")
    assert _message(err) == f"{target}: 错误：文件是只读的，未写入；如确需修改，请先取消只读"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert _names(tmp_path) == ["p.plan.yaml"]


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOSPC, "磁盘已满"),
        (errno.EACCES, "没有写入权限"),
        (errno.EROFS, "所在磁盘或文件夹是只读的"),
        (errno.EIO, "磁盘读写出错"),
        (9999, "操作系统报告错误（代码 9999）"),
    ],
)
def test_a_failing_write_says_why_in_chinese_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    target = tmp_path / "p.plan.yaml"
    target.write_text("old\n", encoding="utf-8")

    def failing(fd: int) -> None:
        raise OSError(code, "English text that must not show")

    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(InputError) as err:
        files.write_atomically(target, "new\n")
    assert _message(err) == f"{target}: 错误：保存失败，原有文件保持不变：{reason}"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert _names(tmp_path) == ["p.plan.yaml"]


def test_where_the_temp_file_cannot_be_made_the_error_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The temp file is created inside the try (a removed or read-only folder)."""
    target = tmp_path / "gone" / "p.plan.yaml"
    with pytest.raises(InputError) as err:
        files.write_atomically(target, "new\n")
    assert "文件夹不存在" in _message(err)


@pytest.mark.parametrize(
    ("where", "reason"),
    [("folder", "是一个文件夹，不是文件"), ("under_file", "路径中有一段是文件，不是文件夹")],
)
def test_impossible_targets(tmp_path: Path, where: str, reason: str) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    target = tmp_path / "folder" if where == "folder" else tmp_path / "file" / "sub" / "x.docx"
    with pytest.raises(InputError) as err:
        files.write_atomically(target, "new\n", make_folders=True)
    assert reason in _message(err)


def test_the_file_is_replaced_only_if_still_as_read(tmp_path: Path) -> None:
    target = tmp_path / "p.plan.yaml"
    target.write_text("old\n", encoding="utf-8")
    _, read = files.read_stamped(target, 100)
    target.write_text("a colleague's\n", encoding="utf-8")  # git checkout, another editor
    with pytest.raises(InputError) as err:
        files.write_atomically(target, "mine\n", expected=read)
    assert "文件刚被其他程序改动" in _message(err)
    assert target.read_text(encoding="utf-8") == "a colleague's\n"
    assert _names(tmp_path) == ["p.plan.yaml"]
    with pytest.raises(InputError):
        files.write_atomically(tmp_path / "x", "mine\n", expected=read)  # gone counts too
    files.write_atomically(tmp_path / "new", "mine\n", expected=files.ABSENT)
    with pytest.raises(InputError):
        files.write_atomically(tmp_path / "new", "again\n", expected=files.ABSENT)


def test_a_same_size_change_within_the_same_moment_is_seen(tmp_path: Path) -> None:
    target = tmp_path / "p.plan.yaml"
    target.write_text("aaaa\n", encoding="utf-8")
    _, read = files.read_stamped(target, 100)
    mtime = target.stat().st_mtime_ns
    target.write_text("bbbb\n", encoding="utf-8")
    os.utime(target, ns=(mtime, mtime))  # same size, same time: only the content differs
    with pytest.raises(InputError):
        files.write_atomically(target, "mine\n", expected=read)


# --- reading ------------------------------------------------------------------------


def test_reading_applies_the_limit_to_the_bytes_read(tmp_path: Path) -> None:
    target = tmp_path / "big.plan.yaml"
    target.write_bytes(b"x" * 101)
    with pytest.raises(InputError) as err:
        files.read_bytes(target, 100)
    assert "文件过大" in _message(err)
    assert files.read_bytes(target, 101) == b"x" * 101


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_at_once(device: str) -> None:
    with pytest.raises(InputError) as err:
        files.read_bytes(device, 1000)
    assert "不是普通文件" in _message(err)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "2023.results.yaml"
    os.mkfifo(fifo)
    outcome: list[str] = []

    def read() -> None:
        try:
            files.read_bytes(fifo, 1000)
        except InputError as err:
            outcome.append(str(err.problems[0]))

    reader = threading.Thread(target=read, daemon=True)
    started = time.monotonic()
    reader.start()
    reader.join(5)
    assert not reader.is_alive(), "reading a FIFO blocked"
    assert time.monotonic() - started < 5
    assert outcome and "不是普通文件" in outcome[0]


def test_read_errors_are_chinese(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        files.read_bytes(tmp_path / "missing.plan.yaml", 10)
    assert _message(err).endswith("找不到文件")
    with pytest.raises(InputError) as err:
        files.read_bytes(tmp_path, 10)
    assert "这是一个目录，不是文件" in _message(err)
