"""Files: finding the plans a command was given and the bureau's planwriter.toml, reading
them with a bound, and writing every file the tool makes (plans, results, documents, PDFs,
spreadsheets) atomically. OS errors come back as Chinese problems naming the file."""

from __future__ import annotations

import contextlib
import errno
import glob
import io
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, NamedTuple

from planwriter.catalogue import say
from planwriter.problems import InputError, Location, Problem

CONFIG_NAME = "planwriter.toml"
# Temp files are hidden and end in .tmp: `.*.tmp` in a .gitignore covers them (README).
TEMP_SUFFIX = ".tmp"
# The old text of a hard-linked file, kept beside it while it is rewritten in place. Never
# swept: one left behind means a write was killed halfway, and it is the file as it was.
BACKUP_SUFFIX = ".bak"
STALE_SECONDS = 600  # a temp file of a process that may live elsewhere (a shared folder)

Content = bytes | str | Callable[[BinaryIO], None]


def expand(patterns: list[str]) -> list[str]:
    """Paths as given; a pattern the shell did not expand (plans/**/*.plan.yaml) is globbed."""
    names: list[str] = []
    for pattern in patterns:
        found = glob.glob(pattern, recursive=True) if glob.has_magic(pattern) else []
        matches = sorted(found, key=natural_key)
        names.extend(matches or [pattern])
    return names


def natural_key(name: str) -> list[tuple[int, int | str]]:
    """Numbers in a name compared as numbers: c2 before c10, as a person sorts them."""
    return [(0, int(part)) if part.isdecimal() else (1, part) for part in re.split(r"(\d+)", name)]


def find_config(start: Path) -> Path | None:
    """planwriter.toml in the plan's directory or the nearest parent that has one."""
    folder = start.resolve() if start.is_dir() else start.resolve().parent
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
    return None


def home_of(plan_path: Path) -> Path:
    """The repository a plan is in (the folder holding .git), else the plan's own folder."""
    folder = Path(os.path.realpath(plan_path)).parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def inside(path: Path, root: Path) -> bool:
    """Whether `path`, links followed, lies within `root` (a name too long is not)."""
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))
    except (OSError, ValueError):
        return False


def exists(path: Path) -> bool:
    """Path.exists that says False for a name too long or a folder it cannot see into."""
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


# --- what the OS said, in Chinese ---------------------------------------------------

_REASONS = {
    errno.EACCES: "os_no_permission",
    errno.EPERM: "os_no_permission",
    errno.EROFS: "os_read_only_fs",
    errno.ENOSPC: "os_disk_full",
    errno.EDQUOT: "os_disk_full",
    errno.ENOENT: "os_no_folder",
    errno.ENOTDIR: "os_not_folder",
    errno.EISDIR: "os_is_folder",
    errno.ENAMETOOLONG: "os_name_too_long",
    errno.ELOOP: "os_link_loop",
    errno.EXDEV: "os_other_device",
    errno.EBUSY: "os_busy",
    errno.ETXTBSY: "os_busy",
    errno.EIO: "os_io",
    errno.EFBIG: "os_too_big",
    errno.EMFILE: "os_too_many_open",
    errno.ENFILE: "os_too_many_open",
    errno.EINVAL: "os_invalid_name",
    errno.ENXIO: "os_not_regular",
}


def os_reason(err: OSError, reading: bool = False) -> str:
    """The OS's reason in Chinese, never its English text."""
    key = _REASONS.get(err.errno or 0)
    if reading and key == "os_no_permission":
        key = "os_no_read_permission"
    return say(key) if key else say("os_other", code=err.errno or 0)


def os_problem(err: OSError) -> Problem:
    """Any OS error, as a problem naming its file (when the OS named one)."""
    name = str(err.filename) if err.filename is not None else "planwriter"
    return Problem("file", say("os_failed", reason=os_reason(err)), Location(name))


class WriteFailed(InputError):
    """A write the OS refused; `reason` alone (没有写入权限, 磁盘已满 …) for a short notice."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__([Problem("write", say("write_failed", reason=reason), Location(name))])
        self.reason = reason


def write_error(name: str, err: OSError) -> WriteFailed:
    return WriteFailed(name, os_reason(err))


# --- reading ----------------------------------------------------------------------


def read_bytes(path: Path | str, limit: int, too_large: str = "file_too_large") -> bytes:
    """A regular file's bytes, at most `limit` of them (counted as read: a device or a file
    growing under us cannot pass a size it did not show). FIFOs and devices are refused
    without blocking. Failures are InputErrors naming the file, in Chinese."""
    return read_stamped(path, limit, too_large)[0]


def read_stamped(
    path: Path | str, limit: int, too_large: str = "file_too_large"
) -> tuple[bytes, Stamp]:
    """`read_bytes`, and the stamp of what was read (for a later `expected`)."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)  # a FIFO would block
    except FileNotFoundError as err:
        raise _read_error(name, say("file_missing")) from err
    except IsADirectoryError as err:
        raise _read_error(name, say("file_is_dir")) from err
    except OSError as err:
        raise _read_error(name, say("file_unreadable", reason=os_reason(err, True))) from err
    found = os.fstat(fd)
    if not stat.S_ISREG(found.st_mode):
        os.close(fd)
        is_dir = stat.S_ISDIR(found.st_mode)
        raise _read_error(name, say("file_is_dir" if is_dir else "file_not_regular"))
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as err:
            raise _read_error(name, say("file_unreadable", reason=os_reason(err, True))) from err
    if len(data) > limit:
        size = max(found.st_size, len(data))
        raise _read_error(name, say(too_large, size=megabytes(size), limit=megabytes(limit)))
    import hashlib  # only a save's re-check hashes; reads and renders don't pay for it

    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    return data, Stamp(found.st_mtime_ns, len(data), digest)


def _read_error(name: str, message: str) -> InputError:
    return InputError([Problem("file", message, Location(name))])


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


# --- writing ----------------------------------------------------------------------


class Stamp(NamedTuple):
    """What a file was when read: a save replaces it only if it still is."""

    mtime_ns: int
    size: int
    digest: str


def stamp(path: Path | str) -> Stamp | None:
    """The file's stamp, or None when there is no file (or it cannot be read)."""
    import hashlib

    try:
        with open(path, "rb") as handle:
            found = os.fstat(handle.fileno())
            digest = hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
    except OSError:
        return None
    return Stamp(found.st_mtime_ns, found.st_size, digest)


ABSENT = Stamp(-1, -1, "")  # `expected` of a file that was not there when read


def write_atomically(
    path: Path | str,
    content: Content,
    *,
    expected: Stamp | None = None,
    make_folders: bool = False,
) -> None:
    """Write `content` (bytes, text as UTF-8, or a function writing to a binary handle).

    A temp file beside the target, fsync, rename: a killed write leaves the old file or the
    new one. A symlink is written through (its target replaced); an existing file keeps its
    mode and owner; a new one gets the umask's mode. A file with other hard links is
    rewritten in place, so every name still shows the same file, after its old content is
    saved beside it (.NAME.PID-RANDOM.bak, removed once the new content is on disk). A
    read-only file is refused. With `expected`, the file must still be as stamped (ABSENT:
    still not there) just before the rename, or nothing is replaced. Every OS error becomes
    an InputError naming `path`.
    """
    name = str(path)
    target = Path(os.path.realpath(path))
    try:
        if make_folders:
            _make_folders(target.parent)
        existing = _existing(target, name)
        clear_stale_temps(target)
        if existing is not None and existing.st_nlink > 1:
            _write_in_place(target, content, name, expected)
        else:
            _write_and_replace(target, content, existing, name, expected)
    except OSError as err:
        raise write_error(name, err) from err


def _make_folders(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as err:  # a file stands where a folder of the path should
        raise OSError(errno.ENOTDIR, "", err.filename) from err


def _existing(target: Path, name: str) -> os.stat_result | None:
    try:
        found = target.stat()
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(found.st_mode):
        raise OSError(errno.EISDIR, "")
    if not stat.S_ISREG(found.st_mode):
        raise OSError(errno.ENXIO, "")
    if not found.st_mode & 0o222:  # even root leaves a file marked read-only alone
        raise InputError([Problem("write", say("write_read_only"), Location(name))])
    if not os.access(target, os.W_OK):  # the folder may allow a rename the file does not
        raise OSError(errno.EACCES, "")
    return found


def _write_and_replace(
    target: Path,
    content: Content,
    existing: os.stat_result | None,
    name: str,
    expected: Stamp | None,
) -> None:
    temp: Path | None = None
    try:
        temp = temp_path(target)
        # 0o666 and O_EXCL: the umask decides a new file's mode, as for any editor's file
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        with os.fdopen(fd, "wb") as handle:
            _fill(handle, content)
            handle.flush()
            os.fsync(handle.fileno())
        if existing is not None:
            _keep_mode_and_owner(temp, existing)
        if expected is not None and (stamp(target) or ABSENT) != expected:
            raise InputError([Problem("changed", say("write_changed_on_disk"), Location(name))])
        os.replace(temp, target)
        temp = None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink()
    _fsync_folder(target.parent)


def _write_in_place(target: Path, content: Content, name: str, expected: Stamp | None) -> None:
    """A rename would give this name a new file and leave the other links on the old one."""
    buffer = io.BytesIO()
    _fill(buffer, content)
    if expected is not None and (stamp(target) or ABSENT) != expected:
        raise InputError([Problem("changed", say("write_changed_on_disk"), Location(name))])
    backup = temp_path(target).with_suffix(BACKUP_SUFFIX)
    with open(target, "r+b") as handle:
        _write_durably(backup, handle.read())
        handle.seek(0)
        handle.write(buffer.getvalue())
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())
    backup.unlink()
    _fsync_folder(target.parent)


def _write_durably(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    _fsync_folder(path.parent)


def _fill(handle: BinaryIO, content: Content) -> None:
    if isinstance(content, str):
        handle.write(content.encode("utf-8"))
    elif isinstance(content, bytes):
        handle.write(content)
    else:
        content(handle)


def _keep_mode_and_owner(temp: Path, existing: os.stat_result) -> None:
    with contextlib.suppress(PermissionError):  # only root may give a file to another
        if (existing.st_uid, existing.st_gid) != (os.geteuid(), os.getegid()):
            os.chown(temp, existing.st_uid, existing.st_gid)
    os.chmod(temp, stat.S_IMODE(existing.st_mode))


def temp_path(target: Path) -> Path:
    """`.NAME.PID-RANDOM.tmp` beside the target: hidden, and its writer known."""
    return target.with_name(f".{target.name}.{os.getpid()}-{os.urandom(4).hex()}{TEMP_SUFFIX}")


def clear_stale_temps(target: Path) -> None:
    """Temp files of `target` left by a killed write: its process is gone, or it is old."""
    limit = time.time() - STALE_SECONDS
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if _writer_gone(leftover) or leftover.stat().st_mtime < limit:
                leftover.unlink()


def _writer_gone(temp: Path) -> bool:
    """Whether the process named in a temp file's name has ended (False: alive or unknown)."""
    pid = temp.name[: -len(TEMP_SUFFIX)].rsplit(".", 1)[-1].split("-")[0]
    if not pid.isdecimal() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system can sync a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
