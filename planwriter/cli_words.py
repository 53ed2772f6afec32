"""Words a user may type for a command-line choice: the Chinese term or the English code.

argparse's own `choices=` shows `{table,json,github}` and refuses 表格 or 警告; these types
take either, and a wrong word is answered in Chinese with the words that would do.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from planwriter.catalogue import say
from planwriter.linebreak import cells, wrap
from planwriter.problems import SEVERITY_LABELS, Severity, parse_severity

# canonical value → the word shown first (the other is accepted too)
CHECK_FORMATS = {"table": "表格", "json": "json", "github": "github"}
REPORT_FORMATS = {"table": "表格", "json": "json"}
DIFF_FORMATS = {"text": "文本", "markdown": "markdown", "json": "json"}
IMPORT_KINDS = {"plan": "计划", "results": "实绩", "progress": "分解表"}


def listing(words: dict[str, str]) -> str:
    """表格（table）、json、github: how the help and the errors name the choices."""
    return "、".join(f"{word}（{code}）" if word != code else code for code, word in words.items())


def choice(words: dict[str, str], what: str) -> Callable[[str], str]:
    """An argparse type that takes the word or the code and returns the code."""

    def convert(value: str) -> str:
        for code, word in words.items():
            if value.strip().lower() in (code, word):
                return code
        raise argparse.ArgumentTypeError(
            say("cli_bad_choice", value=value, what=what, choices=listing(words))
        )

    return convert


def add_format(
    parser: argparse.ArgumentParser, formats: dict[str, str], default: str, help_key: str
) -> None:
    """--format 格式, taking 表格 as well as table, its help listing the choices."""
    parser.add_argument(
        "--format",
        type=choice(formats, say("cli_what_format")),
        default=default,
        metavar="格式",
        help=say(help_key, choices=listing(formats)),
    )


def severity(value: str) -> str:
    found = parse_severity(value)
    if found is None:
        choices = "、".join(SEVERITY_LABELS[s] for s in Severity)
        raise argparse.ArgumentTypeError(
            say("cli_bad_choice", value=value, what=say("cli_what_severity"), choices=choices)
        )
    return found.value


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help measured in terminal cells (a 汉字 takes two, argparse counts one)
    and wrapped by Chinese rules, so the help column lines up and no line starts with ，。"""

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            invocation = cells(self._format_action_invocation(action))
            self._action_max_length = max(
                self._action_max_length, invocation + self._current_indent
            )

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(" ".join(text.split()), width)

    def _format_usage(self, *args: object) -> str:
        # argparse wraps the usage counting characters; narrow it until it fits in cells
        width, text = self._width, super()._format_usage(*args)  # type: ignore[arg-type]
        while max(map(cells, text.splitlines())) > width and self._width > 20:
            self._width -= 2
            text = super()._format_usage(*args)  # type: ignore[arg-type]
        self._width = width
        return text

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(" ".join(text.split()), width))

    def _format_action(self, action: argparse.Action) -> str:
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        header = self._format_action_invocation(action)
        indent = " " * self._current_indent
        if not action.help:
            parts = [f"{indent}{header}\n"]
            lines: list[str] = []
        else:
            lines = self._split_lines(self._expand_help(action), help_width)
            room = help_position - self._current_indent - 2
            if cells(header) <= room:
                padding = " " * (room - cells(header) + 2)
                parts = [f"{indent}{header}{padding}{lines[0]}\n"]
                lines = lines[1:]
            else:
                parts = [f"{indent}{header}\n"]
            parts += [f"{' ' * help_position}{line}\n" for line in lines]
        parts += [self._format_action(sub) for sub in self._iter_indented_subactions(action)]
        return self._join_parts(parts)
