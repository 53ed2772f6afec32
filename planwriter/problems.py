"""Where something is wrong, and what: shared by validation and the checks."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from planwriter.terminal import printable


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


@dataclass(frozen=True, order=True)
class Location:
    file: str
    line: int = 0  # 1-based; 0 when the problem concerns the whole file
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
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
