"""TOML files people write (planwriter.toml, style profiles): read with tomllib, checked
against a spec by the one validator here, every error placed at its file, line and column,
in Chinese.

tomllib gives neither positions as attributes nor keys' lines, so both are recovered here:
a syntax error's position from the end of its message, a key's from a scan of the text that
knows table headers, dotted keys and inline tables.

A spec is a tree of Table and Value; each file format declares its own (settings.SETTINGS,
render.profile.PROFILE) and `validate` walks the data with it.
"""

from __future__ import annotations

import math
import re
import tomllib
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from planwriter import files
from planwriter.catalogue import TOML_ERRORS, close_hint, say
from planwriter.problems import InputError, Location, Problem

MAX_BYTES = 1024 * 1024  # settings and profiles are a few kilobytes
# tomllib's "(at line 3, column 7)": compiled (re's cache) only when a file has a mistake
_AT = r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$"


class TomlFile(NamedTuple):
    path: Path
    text: str
    data: dict[str, Any]

    def where(self, dotted: str) -> Location:
        """Where `dotted` is written: key c in [a.b], a.b.c = …, a = { b.c = … }, or [a.b.c].
        Only a mistake is placed, so the text is scanned then, not when it is read."""
        line, column = key_positions(self.text).get(dotted, (0, 0))
        return Location(str(self.path), line, column)


def read_toml(path: Path, code: str) -> TomlFile:
    """Read and parse `path`; any failure is an InputError with problem code `code`."""
    try:
        text = files.read_bytes(path, MAX_BYTES).decode("utf-8")
    except InputError as err:  # missing, a folder, a device or FIFO, too large, unreadable
        raise _input_error(code, err.problems[0].message, Location(str(path))) from err
    except UnicodeDecodeError as err:
        raise _input_error(code, say("toml_not_utf8"), Location(str(path))) from err
    try:
        return TomlFile(path, text, tomllib.loads(text))
    except RecursionError as err:  # arrays nested thousands deep
        raise _input_error(code, say("toml_too_deep"), Location(str(path))) from err
    except tomllib.TOMLDecodeError as err:
        detail, line, column = syntax_error(str(err), text)
        raise _input_error(
            code, say("toml_bad", detail=detail), Location(str(path), line, column)
        ) from err


def syntax_error(message: str, text: str) -> tuple[str, int, int]:
    """tomllib's message in Chinese, and the line and column it names (end: the last line)."""
    found = re.search(_AT, message)
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
    return key_positions(text).get(dotted, (0, 0))


def key_positions(text: str) -> dict[str, tuple[int, int]]:
    """Every key and table the text writes, dotted, with where it is first written.

    The text has already parsed (tomllib), so the scan may trust its shape. Tables implied by
    a dotted key or header (a for a.b = 1) are placed where that key is written."""
    return _Scanner(text).scan()


def _input_error(code: str, message: str, where: Location) -> InputError:
    return InputError([Problem(code, message, where)])


# --- where keys are written -----------------------------------------------------------------

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPE = re.compile(r"\\(.)", re.S)


class _Scanner:
    """Walks TOML text once, noting the dotted name and position of every key and header."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.found: dict[str, tuple[int, int]] = {}
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def scan(self) -> dict[str, tuple[int, int]]:
        table: tuple[str, ...] = ()
        while self._skip(newlines=True) < len(self.text):
            if self.text[self.i] == "[":
                start = self.i
                self.i += 2 if self.text.startswith("[[", self.i) else 1
                table = self._key()
                self._note(table, start)
                self.i = (
                    self.text.index("\n", self.i) if "\n" in self.text[self.i :] else len(self.text)
                )
            else:
                self._pair(table, record=True)
        return self.found

    def _pair(self, prefix: tuple[str, ...], record: bool) -> None:
        """key = value, the key's parts joined to `prefix`."""
        start = self.i
        key = prefix + self._key()
        if record:
            self._note(key, start)
        self._skip()
        self.i += 1  # =
        self._skip()
        self._value(key, record)

    def _value(self, key: tuple[str, ...], record: bool) -> None:
        text, char = self.text, self.text[self.i]
        if char == "{":
            self.i += 1
            while self._skip() < len(text) and text[self.i] != "}":
                if text[self.i] == ",":
                    self.i += 1
                    continue
                self._pair(key, record)
            self.i += 1
        elif char == "[":
            self.i += 1
            while self._skip(newlines=True) < len(text) and text[self.i] != "]":
                if text[self.i] == ",":
                    self.i += 1
                    continue
                self._value(key, record=False)  # an array's items have no dotted name
            self.i += 1
        elif char in "\"'":
            self._string()
        else:
            end = re.compile(r"[,}\]\n#]").search(text, self.i)
            self.i = end.start() if end else len(text)

    def _key(self) -> tuple[str, ...]:
        parts: list[str] = []
        while True:
            self._skip()
            if self.text[self.i] in "\"'":
                parts.append(self._string())
            else:
                match = _BARE_KEY.match(self.text, self.i)
                assert match is not None  # the text parsed
                parts.append(match.group())
                self.i = match.end()
            self._skip()
            if self.i >= len(self.text) or self.text[self.i] != ".":
                return tuple(parts)
            self.i += 1

    def _string(self) -> str:
        text, quote = self.text, self.text[self.i]
        fence = quote * 3
        if text.startswith(fence, self.i):
            end = text.index(fence, self.i + 3)
            while text.startswith(quote, end + 3):  # """a"""" ends one quote later
                end += 1
            self.i = end + 3
            return ""
        j = self.i + 1
        while text[j] != quote:
            j += 2 if quote == '"' and text[j] == "\\" else 1
        raw, self.i = text[self.i + 1 : j], j + 1
        return _ESCAPE.sub(lambda m: m.group(1), raw) if quote == '"' else raw

    def _skip(self, newlines: bool = False) -> int:
        """Past spaces (and newlines and comments when asked, or a comment at a line's end)."""
        text = self.text
        while self.i < len(text):
            char = text[self.i]
            if char in " \t\r" or (newlines and char == "\n"):
                self.i += 1
            elif char == "#":
                end = text.find("\n", self.i)
                self.i = len(text) if end < 0 else end
            else:
                break
        return self.i

    def _note(self, key: tuple[str, ...], start: int) -> None:
        line = bisect_right(self.line_starts, start)
        column = start - self.line_starts[line - 1] + 1
        for n in range(1, len(key) + 1):
            self.found.setdefault(".".join(key[:n]), (line, column))


# --- the spec and its one validator ---------------------------------------------------------


Check = tuple[Callable[[Any], bool], str]  # a test of the value, and the catalogue key it expects


class Value(NamedTuple):
    """A setting's value: the tests it must pass in turn, each with what it expects."""

    checks: tuple[Check, ...]


class Table(NamedTuple):
    """A table: its keys and their specs, or (each) any key of `names` with one spec."""

    keys: Mapping[str, Spec] = MappingProxyType({})
    each: Spec | None = None
    names: Callable[[], Iterable[str]] | None = None  # each's allowed keys; None: any
    unknown: str = ""  # catalogue key for an unknown key here; "": the file's own
    short: bool = False  # name an unknown key without its table (a rule's code)


Spec = Table | Value


class Words(NamedTuple):
    """How a kind of file names its mistakes: problem code and catalogue keys."""

    code: str
    unknown: str  # {key}{hint}
    bad_value: str  # {key}{expected}{value}
    table: str  # what a table expects (表（[节]）)


def validate(data: dict[str, Any], spec: Table, files: Sequence[TomlFile], words: Words) -> None:
    """The first mistake in `data` against `spec`, as an InputError placed in the last of
    `files` that writes the key (a later file overrides an earlier one)."""
    _table(data, spec, "", files, words)


def _table(data: object, spec: Table, dotted: str, files: Sequence[TomlFile], words: Words) -> None:
    if not isinstance(data, dict):
        raise _bad(files, words, dotted or words.code, words.table, data)
    allowed = list(spec.keys) if spec.each is None else None
    for key, value in data.items():
        name = f"{dotted}.{key}" if dotted else key
        inner = spec.keys.get(key, spec.each)
        if inner is None or (allowed is None and spec.names and key not in spec.names()):
            choices = allowed if allowed is not None else list(spec.names() if spec.names else [])
            message = say(
                spec.unknown or words.unknown,
                key=key if spec.short else name,
                hint=close_hint(key, choices),
            )
            raise located(files, words.code, name, message)
        if isinstance(inner, Table):
            _table(value, inner, name, files, words)
            continue
        for fits, expected in inner.checks:
            if not fits(value):
                raise _bad(files, words, name, expected, value)


def _bad(
    files: Sequence[TomlFile], words: Words, dotted: str, expected: str, value: object
) -> InputError:
    message = say(words.bad_value, key=dotted, expected=say(expected), value=value)
    return located(files, words.code, dotted, message)


def located(files: Sequence[TomlFile], code: str, dotted: str, message: str) -> InputError:
    """The message at `dotted` in the last file that writes it; at the last file if none."""
    for toml in reversed(files):
        where = toml.where(dotted)
        if where.line:
            return _input_error(code, message, where)
    return _input_error(code, message, Location(str(files[-1].path)))


# Values most settings take.
def is_text(value: object) -> bool:
    return isinstance(value, str)


def is_number(value: object) -> bool:
    """A finite number: nan compares false with every bound, so it would pass them all."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def is_integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_bool(value: object) -> bool:
    return isinstance(value, bool)
