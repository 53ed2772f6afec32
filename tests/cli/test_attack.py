"""The attack of issue 12 kept in the suite: hundreds of malformed plans (built here from the
Changzhou plan by seeded mutations) through every command. Each run must end with exit 0, 1
or 2, never a traceback or English, within its time, and never change a plan it refused.

The counts are printed (pytest -s) and quoted in README's Reliability section.
"""

from __future__ import annotations

import contextlib
import io
import random
import re
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from paths import ROOT

from planwriter import cli

pytestmark = pytest.mark.slow

PLAN = ROOT / "plans" / "changzhou" / "2024.plan.yaml"
RESULTS = ROOT / "plans" / "changzhou" / "2023.results.yaml"
SEED, CASES = 9704, 320
SECONDS = 30  # a run still going after this is a hang
INSERTS = [
    ":",
    ": ",
    '"',
    "'",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!int ",
    "!!python/object:os.system ",
    "\t",
    "\x00",
    "\x1b[2J",
    "@",
    "`",
    "%",
    "- ",
    "? ",
    "|",
    ">",
    "#",
    "\\",
    "\u2028",
    "\ufeff",
    "\ud7ff",
    "9" * 1200,
    "一" * 3000,
    "\n",
    "\n  ",
    "---\n",
    "...\n",
    "*",
    "&",
    "!",
    ",",
]
VALUES = [
    "",
    "~",
    "null",
    "[]",
    "{}",
    "[1, 2]",
    "{a: 1}",
    "-1",
    "1e308",
    ".nan",
    ".inf",
    "0x1F",
    "9" * 1500,
    "15万",
    "不少于",
    "2024-13-45",
    "!!int abc",
    '"\\e]0;x\\a"',
    "*x",
    "&x 1",
    "?",
    "'unclosed",
    '"unclosed',
    "true",
    "2024年",
    "１５万",
    "-",
    "——",
    "%",
    "100%%",
]


def mutations(text: str, rng: random.Random) -> Iterator[tuple[str, bytes]]:
    lines = text.splitlines(keepends=True)

    def insert() -> str:
        at = rng.randrange(len(text))
        return text[:at] + rng.choice(INSERTS) + text[at:]

    def truncate() -> str:
        return text[: rng.randrange(1, len(text))]

    def delete_line() -> str:
        copy = list(lines)
        del copy[rng.randrange(len(copy))]
        return "".join(copy)

    def indent() -> str:
        copy = list(lines)
        n = rng.randrange(len(copy))
        copy[n] = " " * rng.choice([1, 2, 3, 5]) + copy[n] if rng.random() < 0.6 else copy[n][1:]
        return "".join(copy)

    def value() -> str:
        copy = list(lines)
        keyed = [i for i, line in enumerate(copy) if re.match(r"\s*-?\s*\w+: ", line)]
        n = rng.choice(keyed)
        key = copy[n].split(": ", 1)[0]
        copy[n] = f"{key}: {rng.choice(VALUES)}\n"
        return "".join(copy)

    def duplicate() -> str:
        copy = list(lines)
        n = rng.randrange(len(copy))
        copy.insert(n, copy[n])
        return "".join(copy)

    kinds: dict[str, Callable[[], str]] = {
        "insert": insert,
        "truncate": truncate,
        "delete": delete_line,
        "indent": indent,
        "value": value,
        "duplicate": duplicate,
    }
    for n in range(CASES - 4):
        kind = rng.choice(list(kinds))
        yield f"{n:03d}-{kind}", kinds[kind]().encode("utf-8", errors="surrogatepass")
    yield "gb18030", text.encode("gb18030")
    yield "utf16", text.encode("utf-16")
    yield "binary", bytes(rng.randrange(256) for _ in range(4096))
    yield "empty", b""


def commands(path: Path, out: Path) -> list[list[str]]:
    name = str(path)
    return [
        ["validate", name],
        ["show", name],
        ["check", name, "--baseline", str(RESULTS)],
        ["check", name, "--format", "json"],
        ["fmt", "--check", name],
        ["textconv", name],
        ["diff", str(PLAN), name],
        ["render", name, "-o", str(out / "x.docx")],
        ["fmt", name],
    ]


class Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Hang


def run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(SECONDS)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as done:
                code = int(done.code or 0)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return code, err.getvalue()


ENGLISH = re.compile(r"Traceback|Error\b|Exception|errno|\b[a-z]+ [a-z]+ [a-z]+\b")


def test_malformed_plans_through_every_command(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    text = PLAN.read_text(encoding="utf-8")
    tried = runs = refused = 0
    failures: list[str] = []
    for name, data in mutations(text, rng):
        tried += 1
        path = tmp_path / f"{name}.plan.yaml"
        path.write_bytes(data)
        out = tmp_path / f"{name}-out"
        valid = run(["validate", str(path)])[0] == 0
        refused += not valid
        for argv in commands(path, out):
            before = path.read_bytes()
            runs += 1
            try:
                code, err = run(argv)
            except Hang:
                failures.append(f"{name} {argv[0]}: hang")
                continue
            except Exception as crash:  # a traceback, as the user would have seen it
                failures.append(f"{name} {argv[0]}: {type(crash).__name__}: {crash}"[:300])
                continue
            said = re.sub("“[^”]*”", "", err)  # the file's own text, quoted, may be anything
            if code not in (0, 1, 2) or ENGLISH.search(said):
                failures.append(f"{name} {' '.join(argv[:1])} exit {code}: {err[:300]}")
            if not valid and path.read_bytes() != before:
                failures.append(f"{name} {argv[0]}: a refused plan was changed")
    print(f"\nmalformed plans: {tried} cases, {runs} runs, {refused} refused by validate")
    assert not failures, "\n".join(failures[:20])
    assert refused > tried // 3  # the mutations do make bad plans
