"""Never lose work: explicit saves only, changes on disk, the recovery file, quitting."""

from __future__ import annotations

import os
import pty
import select as select_module
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.message import Message
from tui_support import (
    PLAN,
    ROOT,
    choose,
    editor,
    notifications,
    on_top,
    open_editor,
    pilot_test,
    select,
    settle,
    type_into,
)

from planwriter import edit, store
from planwriter.recovery import RecoveryFile, recovery_path
from planwriter.session import Document
from planwriter.tui import dialogs
from planwriter.tui.editor import EditorScreen
from planwriter.tui.messages import SaveFailed, SaveFinished
from planwriter.tui.recovering import Recoverer


async def type_a_lead(pilot, lead: str = "养老服务处") -> None:
    await select(pilot, "home-care")
    await type_into(pilot, "#lead", lead)
    await settle(pilot, 0.15)


def lead_on_disk(path: Path) -> str:
    return edit.find_task(store.load_plan(path).model, "home-care").lead


# --- the file is written by a save, and only by a save ------------------------------------


@pilot_test
async def test_edits_do_not_touch_the_file_until_saved(workspace: Path) -> None:
    path = workspace / PLAN
    before = path.read_bytes()
    async with open_editor(workspace) as pilot:
        await type_a_lead(pilot)
        await pilot.press("ctrl+up")
        await settle(pilot, 0.15)
        assert path.read_bytes() == before
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert lead_on_disk(path) == "养老服务处"


@pilot_test
async def test_the_save_reports_back_by_a_typed_message(workspace: Path) -> None:
    """The save runs in a thread and says what it wrote with SaveFinished, once."""
    posted: list[Message] = []
    path = workspace / PLAN
    async with open_editor(workspace, message_hook=posted.append) as pilot:
        await type_a_lead(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    # the hook sees a message at each node it bubbles through: one save, one message
    (saved,) = {id(m): m for m in posted if isinstance(m, SaveFinished)}.values()
    assert edit.find_task(saved.plan, "home-care").lead == "养老服务处"
    assert saved.text == path.read_text(encoding="utf-8") and not saved.then_quit
    assert not [m for m in posted if isinstance(m, SaveFailed)]


# --- the file changed on disk since it was opened ---------------------------------------


async def save_after_a_change_on_disk(pilot, path: Path) -> bytes:
    """Edits, then someone else changes the file, then ctrl+s; gives the file as they left it."""
    await type_a_lead(pilot)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("title: 强化家庭养老支撑", "title: 强化家庭养老支撑（外部修改）"),
        encoding="utf-8",
    )
    outside = path.read_bytes()
    await pilot.press("ctrl+s")
    await settle(pilot)
    return outside


@pilot_test
async def test_a_change_to_another_task_on_disk_is_merged_and_said(workspace: Path) -> None:
    """A colleague retitled one task, the clerk typed another's lead: both are kept."""
    path = workspace / PLAN
    async with open_editor(workspace) as pilot:
        await save_after_a_change_on_disk(pilot, path)
        assert not isinstance(pilot.app.screen, dialogs.ChoiceDialog)  # nothing to ask
        said = notifications(pilot)
        assert any(
            "已合并磁盘上的改动" in n and "改动了任务“强化家庭养老支撑”" in n for n in said
        ), said
        document = editor(pilot).document
        assert not document.dirty
        await pilot.press("ctrl+z")  # the merge is one step of the history
        await settle(pilot)
        assert edit.find_task(document.plan, "family-care").title == "强化家庭养老支撑"
    assert lead_on_disk(path) == "养老服务处"
    on_disk = edit.find_task(store.load_plan(path).model, "family-care")
    assert on_disk.title == "强化家庭养老支撑（外部修改）"


async def both_change_one_lead(pilot, path: Path) -> bytes:
    await type_a_lead(pilot, "养老服务处")
    text = store.load_plan(path)
    plan = edit.update_task(text.model, "home-care", lead="社会事务处")
    path.write_text(store.render(plan, text.text), encoding="utf-8")
    outside = path.read_bytes()
    await pilot.press("ctrl+s")
    await settle(pilot)
    return outside


@pilot_test
async def test_one_task_changed_on_both_sides_shows_both_and_lets_the_clerk_choose(
    workspace: Path,
) -> None:
    path = workspace / PLAN
    async with open_editor(workspace) as pilot:
        await both_change_one_lead(pilot, path)
        dialog = on_top(pilot, dialogs.ChoiceDialog)
        assert dialog.title_text == "同一项被两边改动"
        assert "任务“大力发展居家和社区养老服务”" in dialog.message
        assert "【您的修改】" in dialog.message and "责任处室：养老服务处" in dialog.message
        assert "【文件里的】" in dialog.message and "责任处室：社会事务处" in dialog.message
        await choose(pilot, "theirs")
        assert not editor(pilot).document.dirty
    assert lead_on_disk(path) == "社会事务处"


@pilot_test
async def test_keeping_mine_in_a_conflict_saves_mine(workspace: Path) -> None:
    path = workspace / PLAN
    async with open_editor(workspace) as pilot:
        await both_change_one_lead(pilot, path)
        await choose(pilot, "mine")
        assert "已按您的选择合并磁盘上的改动" in notifications(pilot)
        assert not any("不冲突" in n for n in notifications(pilot))
    assert lead_on_disk(path) == "养老服务处"


@pilot_test
async def test_a_conflict_left_unanswered_writes_nothing(workspace: Path) -> None:
    path = workspace / PLAN
    async with open_editor(workspace) as pilot:
        outside = await both_change_one_lead(pilot, path)
        await pilot.press("escape")
        await settle(pilot)
        assert path.read_bytes() == outside
        document = editor(pilot).document
        assert document.dirty and edit.find_task(document.plan, "home-care").lead == "养老服务处"


@pilot_test
async def test_a_file_replaced_between_the_check_and_the_write_is_merged(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`git checkout` lands after the save's first look: the writer's own check sees it."""
    path = workspace / PLAN
    async with open_editor(workspace) as pilot:
        await type_a_lead(pilot)
        document = editor(pilot).document
        real_save = store.save

        def save_while_replaced(*args, **kwargs):  # type: ignore[no-untyped-def]
            text = path.read_text(encoding="utf-8")
            path.write_text(
                text.replace("title: 强化家庭养老支撑", "title: 强化家庭养老支撑（检出）")
            )
            monkeypatch.setattr(store, "save", real_save)
            return real_save(*args, **kwargs)

        monkeypatch.setattr(store, "save", save_while_replaced)
        await pilot.press("ctrl+s")
        await settle(pilot, 0.3)
        assert not document.dirty
    assert lead_on_disk(path) == "养老服务处"
    assert edit.find_task(store.load_plan(path).model, "family-care").title.endswith("（检出）")


@pilot_test
async def test_a_deleted_file_can_be_written_again(workspace: Path) -> None:
    path = workspace / PLAN
    async with open_editor(workspace) as pilot:
        await type_a_lead(pilot)
        path.unlink()
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = on_top(pilot, dialogs.ChoiceDialog)
        assert "现在无法读入（找不到文件）" in dialog.message
        await choose(pilot, "overwrite")
    assert lead_on_disk(path) == "养老服务处"


# --- a save that fails keeps the edits ----------------------------------------------------


@pilot_test
async def test_a_save_into_a_removed_folder_keeps_the_edits_and_the_editor(
    workspace: Path,
) -> None:
    """`git stash -u` took the folder away: said in Chinese, nothing lost, still editing."""
    path = workspace / PLAN
    async with open_editor(workspace) as pilot:
        await type_a_lead(pilot)
        shutil.rmtree(path.parent)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await choose(pilot, "overwrite")
        await settle(pilot, 0.2)
        said = notifications(pilot)
        assert any(
            "保存失败" in n and "文件夹不存在" in n and "修改仍保留在编辑器中" in n for n in said
        ), said
        assert not any("Errno" in n or "No such" in n for n in said)
        document = editor(pilot).document
        assert document.dirty and edit.find_task(document.plan, "home-care").lead == "养老服务处"
        assert pilot.app.is_running
        path.parent.mkdir(parents=True)  # the folder is back: the same edits save
        await pilot.press("ctrl+s")
        await settle(pilot, 0.2)
        await choose(pilot, "overwrite")
        await settle(pilot, 0.2)
    assert lead_on_disk(path) == "养老服务处"


@pilot_test
async def test_a_save_the_os_refuses_keeps_the_edits(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workspace / PLAN
    before = path.read_bytes()
    real_open = os.open

    def no_temp_files(name, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(name).endswith(".tmp") and "plan.yaml." in str(name) and ".recover" not in str(name):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, flags, *args, **kwargs)

    async with open_editor(workspace) as pilot:
        await type_a_lead(pilot)
        monkeypatch.setattr(os, "open", no_temp_files)
        await pilot.press("ctrl+s")
        await settle(pilot, 0.2)
        said = notifications(pilot)
        assert any("没有写入权限" in n for n in said), said
        assert not any("Permission denied" in n for n in said)
        assert editor(pilot).document.dirty and pilot.app.is_running
    assert path.read_bytes() == before


@pilot_test
async def test_a_recovery_file_that_cannot_be_written_is_said_once(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planwriter import files

    def refuse(self, text: str, generation: int) -> bool:  # type: ignore[no-untyped-def]
        raise files.write_error(str(self.path), PermissionError(13, "Permission denied"))

    monkeypatch.setattr(RecoveryFile, "write", refuse)
    path = workspace / PLAN
    async with open_editor(workspace) as pilot:
        await type_a_lead(pilot, "养老")
        await type_a_lead(pilot, "服务处")
        await settle(pilot, 0.2)
        said = [n for n in notifications(pilot) if "恢复文件" in n]
        assert said == [
            "无法写入恢复文件（没有写入权限），意外退出时未保存的修改可能丢失；编辑可以继续，请及时按 Ctrl+S 保存"
        ]
        await pilot.press("ctrl+s")
        await settle(pilot, 0.2)
    assert "养老" in lead_on_disk(path)


def test_a_deleted_file_counts_as_changed(workspace: Path) -> None:
    document = Document.open(workspace / PLAN, workspace)
    assert not document.changed_on_disk()
    (workspace / PLAN).unlink()
    assert document.changed_on_disk()


# --- the recovery file ----------------------------------------------------------------------


@pilot_test
async def test_unsaved_edits_are_kept_in_a_hidden_recovery_file(workspace: Path) -> None:
    path = workspace / PLAN
    recovery = recovery_path(path)
    assert recovery.name == ".2024.plan.yaml.recover"
    async with open_editor(workspace) as pilot:
        await type_a_lead(pilot)
        assert recovery.exists()
        kept = recovery.read_text(encoding="utf-8")
        assert kept == store.render(editor(pilot).document.plan, path.read_text(encoding="utf-8"))
        await pilot.press("ctrl+z")  # back to the file as it is: nothing to keep
        await settle(pilot, 0.15)
        assert not recovery.exists()
        await pilot.press("ctrl+y")
        await settle(pilot, 0.15)
        assert recovery.exists()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not recovery.exists()


@pilot_test
async def test_recovery_file_removed_when_quitting_without_saving(workspace: Path) -> None:
    recovery = recovery_path(workspace / PLAN)
    async with open_editor(workspace) as pilot:
        await type_a_lead(pilot)
        assert recovery.exists()
        await pilot.press("ctrl+q")
        await pilot.click("#choice-discard")
    assert not recovery.exists()
    assert lead_on_disk(workspace / PLAN) == ""


def leave_a_recovery_file(path: Path) -> Path:
    """What an editor that ended before saving leaves: the plan with a lead typed in."""
    plan = edit.update_task(store.load_plan(path).model, "home-care", lead="养老服务处")
    recovery = recovery_path(path)
    recovery.write_text(store.render(plan, path.read_text(encoding="utf-8")), encoding="utf-8")
    return recovery


@pilot_test
async def test_recovery_is_offered_when_the_plan_is_opened_again(workspace: Path) -> None:
    leave_a_recovery_file(workspace / PLAN)
    async with open_editor(workspace) as pilot:
        await settle(pilot)
        dialog = on_top(pilot, dialogs.ChoiceDialog)
        assert dialog.title_text == "发现未保存的修改"
        await pilot.press("enter")  # 恢复修改 has the focus
        await settle(pilot)
        document = editor(pilot).document
        assert edit.find_task(document.plan, "home-care").lead == "养老服务处"
        assert document.dirty
        await pilot.press("ctrl+z")  # the recovery is one step of the history
        await settle(pilot)
        assert not document.dirty


@pilot_test
async def test_a_recovery_can_be_discarded(workspace: Path) -> None:
    recovery = leave_a_recovery_file(workspace / PLAN)
    async with open_editor(workspace) as pilot:
        await settle(pilot)
        await choose(pilot, "discard")
        assert not editor(pilot).document.dirty
        assert not recovery.exists()


@pilot_test
async def test_an_unreadable_recovery_file_is_kept_and_said(workspace: Path) -> None:
    recovery = recovery_path(workspace / PLAN)
    recovery.write_text("planwriter: 1\nbureau: [\n", encoding="utf-8")
    async with open_editor(workspace) as pilot:
        await settle(pilot)
        assert isinstance(pilot.app.screen, EditorScreen)
        assert any("恢复文件" in n and "无法读取" in n for n in notifications(pilot))
    assert recovery.exists()


def test_an_old_recovery_write_never_overwrites_a_newer_one(tmp_path: Path) -> None:
    recovery = RecoveryFile(tmp_path / "2024.plan.yaml")
    old, new = recovery.next_generation(), recovery.next_generation()
    assert recovery.write("新", new)
    assert not recovery.write("旧", old)  # finished late: dropped
    assert recovery.path.read_text(encoding="utf-8") == "新"
    recovery.remove()
    assert not recovery.write("迟到", new)  # a write requested before the removal
    assert not recovery.path.exists()


@pilot_test
async def test_leaving_on_an_error_keeps_the_edits(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app ends without a clean quit (an exception, say): the edits are written out."""
    monkeypatch.setattr(Recoverer, "RECOVERY_DELAY", 60)  # no timed write in time
    recovery = recovery_path(workspace / PLAN)
    async with open_editor(workspace) as pilot:
        await type_a_lead(pilot)
        assert not recovery.exists()
        pilot.app.exit()
        await pilot.pause()
    assert "养老服务处" in recovery.read_text(encoding="utf-8")


def test_killed_with_sigkill_the_edits_survive(workspace: Path) -> None:
    """A real terminal, a real process, kill -9: the next start offers the edits back."""
    plan = workspace / PLAN
    pid, fd = pty.fork()
    if pid == 0:  # the child: the editor in a 100x30 terminal
        os.chdir(workspace)
        os.environ.update(TERM="xterm-256color", COLUMNS="100", LINES="30")
        os.execv(sys.executable, [sys.executable, "-m", "planwriter", "edit", str(PLAN)])
    try:
        screen = read_until(fd, "34 项任务", seconds=20)
        assert "提纲" in screen
        os.write(fd, b"\r")  # enter: into the first domain's title
        time.sleep(0.3)
        os.write(fd, "（改）".encode())
        read_until(fd, "未保存", seconds=10)
        deadline = time.monotonic() + 10
        while not recovery_path(plan).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    kept = store.parse(recovery_path(plan).read_text(encoding="utf-8"), "x.plan.yaml")[0]
    assert kept.domains[0].title == "始终保持民政事业发展的正确政治方向（改）"
    assert store.load_plan(plan).model.domains[0].title == "始终保持民政事业发展的正确政治方向"


def read_until(fd: int, wanted: str, seconds: float) -> str:
    """What the terminal shows, read until `wanted` appears in it."""
    seen = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select_module.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
            if wanted in seen.decode("utf-8", "replace"):
                return seen.decode("utf-8", "replace")
    raise AssertionError(
        f"{wanted!r} did not appear; the screen showed:\n{seen.decode('utf-8', 'replace')[-2000:]}"
    )


# --- quitting ---------------------------------------------------------------------------------


@pilot_test
async def test_quit_when_everything_is_saved(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not pilot.app.is_running


@pilot_test
async def test_quit_with_unsaved_edits_asks(workspace: Path) -> None:
    async with open_editor(workspace) as pilot:
        await type_a_lead(pilot)
        await pilot.press("ctrl+q")
        dialog = on_top(pilot, dialogs.ChoiceDialog)
        assert dialog.message == "plans/changzhou/2024.plan.yaml 有未保存的修改。"
        await pilot.press("escape")  # cancel: still editing
        assert isinstance(pilot.app.screen, EditorScreen) and pilot.app.is_running
        await pilot.press("ctrl+q", "enter")  # 保存并退出 has the focus
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.2)
        assert not pilot.app.is_running
    assert lead_on_disk(workspace / PLAN) == "养老服务处"
    assert not recovery_path(workspace / PLAN).exists()


def test_the_ui_core_loads_without_textual() -> None:
    """document and recovery serve a crash-recovery check without starting the UI."""
    code = (
        "import sys, planwriter.session, planwriter.recovery\n"
        "print(any(m.split('.')[0] == 'textual' for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out.strip() == "False"
