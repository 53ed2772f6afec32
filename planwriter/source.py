"""Reading a YAML file into a node tree with positions, refusing bad input in Chinese.

This is the read-only path: libyaml's C composer through PyYAML, about 15x faster
than ruamel's round-trip loader. Nodes keep line and column for every value.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from planwriter import files, given
from planwriter.catalogue import YAML_ERRORS, say
from planwriter.problems import InputError, Location, Problem

MAX_BYTES = 8 * 1024 * 1024  # a 10 000-task plan is about 6 MB
# The one control-character pattern: what YAML forbids in a stream (tab, LF, CR and NEL are
# allowed), a superset of what XML forbids. Found before parsing so the position is exact in
# characters; the importer drops them, the renderer too (from a plan read elsewhere).
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ufffe\uffff]")

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml: slower, still correct
    _Loader = yaml.SafeLoader


def fail(code: str, message: str, file: str, line: int = 0, column: int = 0) -> InputError:
    return InputError([Problem(code, message, Location(file, line, column))])


def read_text(path: Path) -> str:
    """The file's text as UTF-8, or an InputError saying why it cannot be read."""
    return read_stamped(path)[0]


def read_stamped(path: Path) -> tuple[str, files.Stamp]:
    """`read_text`, and the stamp of the bytes read: a save replaces only that file. A name
    that is missing or a folder gets a hint first (stat only: no FIFO is opened for it)."""
    name = str(path)
    if not files.exists(path):
        raise fail("file", say("file_missing") + given.near_names(path), name)
    if path.is_dir():
        raise fail("file", say("file_is_dir") + given.inside(path), name)
    data, stamp = files.read_stamped(path, MAX_BYTES)
    return decode(data, name), stamp


def decode(data: bytes, name: str) -> str:
    not_yaml = given.document_kind(data)
    if not_yaml:  # a Word or PDF file given where YAML is read: say what it is and what to do
        raise fail("file", say(not_yaml, file=name), name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        start, gb = err.start, _is_gb(data)
        while gb and start > 0 and data[start - 1] >= 0x80:
            start -= 1  # GB bytes can pass for UTF-8 for a while: point at the run's start
        line, column = _position(data[:start].decode("utf-8", errors="replace"))
        hint = say("not_utf8_hint_gb") if gb else ""
        raise fail(
            "encoding", say("not_utf8", line=line, column=column, hint=hint), name, line, column
        ) from err
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise fail("empty", say("empty_file"), name, 1, 1)
    return text


def _refuse_unsavable(text: str, name: str) -> None:
    """Characters a plan file cannot hold, refused wherever the text came from (a file, a git
    revision): control characters, and tabs, which libyaml accepts inside text but ruamel's
    round trip does not, so a plan that reads could not be saved."""
    if bad := CONTROL_CHARS.search(text):
        line, column = _position(text[: bad.start()])
        raise fail("syntax", say("control_char", code=ord(bad.group())), name, line, column)
    if (tab := text.find("\t")) >= 0:
        line, column = _position(text[:tab])
        indenting = not text[text.rfind("\n", 0, tab) + 1 : tab].strip(" \t")
        raise fail(
            "syntax", say("yaml_tab" if indenting else "yaml_tab_anywhere"), name, line, column
        )


def compose(text: str, name: str) -> yaml.Node:
    """The YAML node tree of `text`; syntax errors come back as Chinese problems."""
    _refuse_unsavable(text, name)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        raise _syntax_problem(err, text, name) from err
    except yaml.reader.ReaderError as err:  # libyaml counts bytes, not characters
        prefix = text.encode("utf-8")[: err.position].decode("utf-8", errors="ignore")
        line, column = _position(prefix)
        code = err.character if isinstance(err.character, int) else ord(str(err.character)[0])
        raise fail("syntax", say("control_char", code=code), name, line, column) from err
    if node is None:
        raise fail("empty", say("empty_file"), name, 1, 1)
    return node


def _syntax_problem(err: yaml.MarkedYAMLError, text: str, name: str) -> InputError:
    problem, context = err.problem or "", err.context or ""
    mark = err.problem_mark or err.context_mark
    unclosed = "quoted scalar" in context and "escape" not in problem
    if unclosed and err.context_mark:  # where the quote opened, not where the file ended
        mark = err.context_mark
    line = mark.line + 1 if mark else 0
    column = mark.column + 1 if mark else 0
    lines = text.splitlines()
    source_line = lines[mark.line] if mark and mark.line < len(lines) else ""
    indent = source_line[: len(source_line) - len(source_line.lstrip(" \t"))]
    if "\t" in indent or "tab" in problem:
        return fail("syntax", say("yaml_tab"), name, line, column)
    at = source_line[mark.column] if mark and mark.column < len(source_line) else ""
    return fail(
        "syntax", say("yaml_syntax", detail=_explain(problem, context, at)), name, line, column
    )


def _explain(problem: str, context: str, at: str = "") -> str:
    """libyaml's English problem, said plainly in Chinese; never the English itself."""
    if "single document" in problem or "single document" in context:
        return say("yaml_multi_doc")
    if "mapping values are not allowed" in problem:
        return say("yaml_colon")
    if "could not find expected ':'" in problem:
        return say("yaml_no_colon")
    if "unknown escape" in problem:
        return say("yaml_bad_escape")
    if "quoted scalar" in context or "end of stream" in problem:
        return say("yaml_quote")
    if "cannot start any token" in problem:
        return say("yaml_char", char=at or "?")  # libyaml does not name the character
    for english, key in YAML_ERRORS.items():
        if english in problem or english in context:
            return say(key)
    if "did not find expected" in problem or "expected <block end>" in problem:
        return say("yaml_indent")
    return say("yaml_other")


def _position(prefix: str) -> tuple[int, int]:
    """1-based line and column just after `prefix`."""
    line = prefix.count("\n") + 1
    column = len(prefix) - (prefix.rfind("\n") + 1) + 1
    return line, column


def _is_gb(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True
