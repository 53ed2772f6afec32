"""The worst inputs of issue 12, timed: each runs as a user runs it (a subprocess), with the
time and peak memory it took, beside what it took before the fixes (the issue's figures).
Nothing hostile is stored: every file is built here. Run: python bench/reliability.py

CPU seconds (user + sys of the child) are printed beside wall time: on a shared machine the
wall time says more about the neighbours than about planwriter.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
SAMPLE = ROOT.parent / "shared" / "samples" / "changzhou-2024-workpoints.txt"
HEAD = "planwriter: 1\nbureau: 某市民政局\nyear: 2024\n"
LIMIT = 120  # seconds: a case still running then is a hang


def key_bomb() -> str:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return HEAD + "title: t\n" + "\n".join(lines) + "\n? *a9\n: 1\ndomains: []\n"


def long_title(n: int) -> str:
    title = ("关于进一步加强和改进新时代全市民政领域基层社会治理工作的实施意见" * 20)[:n]
    return PLAN.read_text(encoding="utf-8").replace(
        "title: 2024年全市民政工作要点", f"title: {title}", 1
    )


def zip_bomb(path: Path, part: str, megabytes: int) -> None:
    """A .docx whose `part` unpacks to `megabytes` of zeros (a few MB packed)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open(part, "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(megabytes):
                member.write(block)
        if part != "word/document.xml":
            package.writestr("word/document.xml", "<w:document/>")


def big_text(path: Path) -> None:
    sample = SAMPLE.read_text(encoding="utf-8")
    copies = 8 * 1024 * 1024 // len(sample.encode("utf-8"))
    path.write_text((sample + "\n") * copies, encoding="utf-8")


def template(folder: Path, body: str) -> Path:
    path = folder / "t.j2"
    path.write_text(body, encoding="utf-8")
    return path


def cases(folder: Path) -> list[tuple[str, list[str], str]]:
    """(what, the command, what it took before: the issue's figures)."""
    (folder / "bomb.plan.yaml").write_text(key_bomb(), encoding="utf-8")
    for n in (100, 200, 800):
        (folder / f"title{n}.plan.yaml").write_text(long_title(n), encoding="utf-8")
    text = PLAN.read_text(encoding="utf-8")
    (folder / "zero.plan.yaml").write_text(
        text.replace("\ntitle: ", "\nbaseline: /dev/zero\ntitle: ", 1), encoding="utf-8"
    )
    os.mkfifo(folder / "fifo.plan.yaml")
    zip_bomb(folder / "document-bomb.docx", "word/document.xml", 1100)
    zip_bomb(folder / "styles-bomb.docx", "word/styles.xml", 1100)
    big_text(folder / "big.txt")
    (folder / "domains.plan.yaml").write_text(
        HEAD + "title: t\ndomains:\n" + "".join(f"  - title: 领域{i}\n" for i in range(10000)),
        encoding="utf-8",
    )
    (folder / "p.plan.yaml").write_text(text, encoding="utf-8")
    loop = "{% set r = range(99999) %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}"
    repeat = template(folder, '{{ p("body", "x" * 10**10) }}')
    (folder / "loop.j2").write_text(loop, encoding="utf-8")
    plan = str(folder / "p.plan.yaml")
    return [
        ("alias bomb as a key: validate", ["validate", "bomb.plan.yaml"], "> 20 s, 750 MB"),
        ("title of 100 characters: render", ["render", "title100.plan.yaml"], "38 s"),
        ("title of 200 characters: render", ["render", "title200.plan.yaml"], "hours"),
        ("title of 800 characters: render", ["render", "title800.plan.yaml"], "never"),
        ("baseline: /dev/zero", ["check", "zero.plan.yaml"], "MemoryError after 3 GB"),
        ("a FIFO as the plan", ["check", "fifo.plan.yaml"], "blocks forever"),
        ("docx bomb, document.xml 1.1 GB", ["import", "plan", "document-bomb.docx"], "5.9 GB"),
        ("docx bomb, styles.xml 1.1 GB", ["import", "plan", "styles-bomb.docx"], "5.9 GB"),
        (
            "import of an 8 MB text",
            ["import", "plan", "big.txt", "--bureau", "某市民政局", "--year", "2024"],
            "2.7 ms a line: ~60 s",
        ),
        ("10 000 domains: check", ["check", "domains.plan.yaml"], "traceback"),
        ('template "x" * 10**10', ["render", plan, "--template", str(repeat)], "hang"),
        (
            "template: a loop in a loop",
            ["render", plan, "--template", str(folder / "loop.j2")],
            "hang",
        ),
    ]


def run(command: list[str], folder: Path) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds and peak MB of this child alone (wait4), exit code."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "planwriter", *command],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        deadline = start + LIMIT
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                status = -9 << 8
                break
            time.sleep(0.02)
        child.returncode = 0  # reaped here, not by Popen
        err.seek(0)
        traceback = b"Traceback" in err.read()
    wall = time.perf_counter() - start
    code = -1 if traceback else (status >> 8 if status >= 0 else -9)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code


def main() -> None:
    print(f"{'case':40} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'exit':>5}  before")
    with tempfile.TemporaryDirectory(prefix="planwriter-bench-") as name:
        folder = Path(name)
        for what, command, before in cases(folder):
            wall, cpu, peak, code = run(command, folder)
            shown = {-1: "TRACE", -9: "HANG"}.get(code, str(code))
            print(f"{what:40} {wall:8.2f} {cpu:8.2f} {peak:8.0f} {shown:>5}  {before}")


if __name__ == "__main__":
    main()
