"""TOML files people write (planwriter.toml, style profiles): read with tomllib, and every
error placed at its file, line and column, in Chinese.

tomllib gives neither positions as attributes nor keys' lines, so both are recovered here:
a syntax error's position from the end of its message, a key's line by finding its table
header and its `key =` line in the text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planwriter.catalogue import TOML_ERRORS, close_hint, say
from planwriter.problems import InputError, Location, Problem

_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")
_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")


@dataclass(frozen=True)
class TomlFile:
    path: Path
    text: str
    data: dict[str, Any]

    def where(self, dotted: str) -> Location:
        """The line of `dotted` (a.b.c: key c in table [a.b], or table [a.b.c])."""
        line, column = key_position(self.text, dotted)
        return Location(str(self.path), line, column)


def read_toml(path: Path, code: str) -> TomlFile:
    """Read and parse `path`; any failure is an InputError with problem code `code`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise _input_error(code, say("file_missing"), Location(str(path))) from err
    except UnicodeDecodeError as err:
        raise _input_error(code, say("toml_not_utf8"), Location(str(path))) from err
    except OSError as err:
        raise _input_error(
            code, say("toml_unreadable", detail=err.strerror or err), Location(str(path))
        ) from err
    try:
        return TomlFile(path, text, tomllib.loads(text))
    except tomllib.TOMLDecodeError as err:
        detail, line, column = syntax_error(str(err), text)
        raise _input_error(
            code, say("toml_bad", detail=detail), Location(str(path), line, column)
        ) from err


def syntax_error(message: str, text: str) -> tuple[str, int, int]:
    """tomllib's message in Chinese, and the line and column it names (end: the last line)."""
    found = _AT.search(message)
    core = message[: found.start()] if found else message
    if found and found.group(1):
        line, column = int(found.group(1)), int(found.group(2))
    else:  # at the end of the document
        line, column = text.count("\n") + 1, len(text.rsplit("\n", 1)[-1]) + 1
    for english, chinese in TOML_ERRORS.items():
        if core.startswith(english):
            return chinese + core[len(english) :], line, column
    return core, line, column


def key_position(text: str, dotted: str) -> tuple[int, int]:
    """Line and column of a key or table in TOML text; (0, 0) when it cannot be found."""
    parts = dotted.split(".")
    table, key = ".".join(parts[:-1]), parts[-1]
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = _unquote_dotted(header.group(1))
            if current == dotted:
                return number, line.index("[") + 1
            continue
        name = line.split("=", 1)[0].strip().strip('"').strip("'") if "=" in line else None
        if name == key and current == table:
            return number, line.index(line.lstrip()[0]) + 1
    return 0, 0


def unknown_key(
    toml: TomlFile,
    code: str,
    dotted: str,
    allowed: Iterable[str],
    message_key: str = "config_unknown_key",
    shown: str | None = None,
) -> InputError:
    """An unknown key, placed at its line, with the closest allowed key when one is close."""
    return _input_error(
        code,
        say(message_key, key=shown or dotted, hint=close_hint(dotted.rsplit(".", 1)[-1], allowed)),
        toml.where(dotted),
    )


def located_error(toml: TomlFile, code: str, dotted: str, message: str) -> InputError:
    return _input_error(code, message, toml.where(dotted))


def _unquote_dotted(name: str) -> str:
    return ".".join(part.strip().strip('"').strip("'") for part in name.split("."))


def _input_error(code: str, message: str, where: Location) -> InputError:
    return InputError([Problem(code, message, where)])
