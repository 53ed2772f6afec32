"""Where something is wrong, and what: shared by validation and the checks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


# The one table of severities: most serious first (SEVERITY_RANK sorts and filters by it),
# the word and the colour each is shown in, by the CLI and the editor alike.
SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}


# C0 and C1 controls but newline and tab: ESC and its kin would let a file's text move the
# cursor, retitle the window or clear the screen of whoever reads it.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` with control characters shown as \\xNN instead of acting on the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def parse_severity(word: str) -> Severity | None:
    """A severity as a user writes it: 错误/警告/提示 or error/warning/info."""
    word = word.strip().lower()
    for severity, label in SEVERITY_LABELS.items():
        if word in (label, severity.value):
            return severity
    return None


class Location(NamedTuple):
    """A place in a file; ordered by file, line and column. A NamedTuple, not a dataclass:
    every value read makes one, and the class is built at every start (≈5x cheaper)."""

    file: str
    line: int = 0  # 1-based; 0 when the problem concerns the whole file
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """What is wrong (code, message in Chinese), where, and how serious."""

    code: str
    message: str
    where: Location
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        """As printed: a control character from a file's text or name shown, never acted on
        by the terminal."""
        text = f"{self.where}: {SEVERITY_LABELS[self.severity]}：{self.message}"
        return printable(text)


class InputError(Exception):
    """The input cannot be used; `problems` say where and why, in Chinese."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
