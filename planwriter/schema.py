"""The YAML contract: a node tree becomes a Plan or Results, or Chinese problems with positions.

Every problem found is collected (not just the first), so a user fixes a file in one pass.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import field
from typing import TypeVar

import yaml

from planwriter import model
from planwriter.catalogue import close_hint, label, say
from planwriter.model import Kind, Numbering, Op
from planwriter.problems import InputError, Location, Problem
from planwriter.records import record
from planwriter.targets import TargetProblem, read_typed
from planwriter.years import YEARS

T = TypeVar("T")
Path_ = tuple[str | int, ...]  # a YAML path: ("domains", 0, "tasks", 3, "title")

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")

# Keys of each mapping, True where required. Their order is the canonical order in a file.
PLAN_KEYS = {
    "planwriter": True,
    "bureau": True,
    "year": True,
    "title": True,
    "baseline": False,
    "numbering": False,
    "notice": False,
    "preamble": False,
    "domains": True,
}
NOTICE_KEYS = {
    "number": False,
    "mark": False,
    "joint": False,
    "issuer": False,
    "copy_number": False,
    "secrecy": False,
    "urgency": False,
    "recipients": False,
    "body": False,
    "signer": False,
    "date": False,
    "remark": False,
    "attachment": False,
    "cc": False,
    "printer": False,
    "print_date": False,
}
# 版头 elements that GB/T 9704 7.2 spells out, with the message a wrong one gets
MASTHEAD_FORMS = {
    "copy_number": (r"[0-9]{6}", "notice_copy_number"),
    "secrecy": (r"(绝密|机密|秘密)(★\S+)?", "notice_secrecy"),
    "urgency": (r"特急|加急", "notice_urgency"),
}
DOMAIN_KEYS = {"id": False, "title": True, "tasks": False, "sections": False}
SECTION_KEYS = {"id": False, "title": True, "tasks": False}
TASK_KEYS = {
    "id": False,
    "title": True,
    "lead": False,
    "partners": False,
    "due": False,
    "text": False,
    "targets": False,
    "note": False,
}
TARGET_KEYS = {
    "metric": True,
    "value": True,
    "unit": False,
    "op": False,
    "kind": False,
    "due": False,
}
RESULTS_KEYS = {"planwriter": True, "bureau": True, "year": True, "source": False, "results": True}
RESULT_KEYS = {
    "metric": True,
    "value": True,
    "unit": False,
    "kind": False,
    "quote": False,
    "target": False,
}

OP_SPELLINGS = {
    ">=": Op.AT_LEAST,
    "≥": Op.AT_LEAST,
    "<=": Op.AT_MOST,
    "≤": Op.AT_MOST,
    "=": Op.EQUAL,
    "==": Op.EQUAL,
}

_TIMESTAMP = yaml.constructor.SafeConstructor()
_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
# Control characters written as escapes in quotes ("\e", "\x1b", "\a"): they would reach
# terminals (show, check, git diff) and documents. Line breaks stay.
_ESCAPED_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


@record
class SourceMap:
    """Where each value of the file stands: YAML path → location."""

    file: str
    positions: dict[Path_, Location] = field(default_factory=dict)

    def at(self, *path: str | int) -> Location:
        """The location of `path`, or of its nearest ancestor that has one."""
        key = tuple(path)
        while key:
            if key in self.positions:
                return self.positions[key]
            key = key[:-1]
        return self.positions.get((), Location(self.file))


class Reader:
    """Walks a node tree, collecting problems instead of stopping at the first."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.source = SourceMap(file)
        self._visited: set[int] = set()
        self.plan_year = 0  # what a 完成时限 like 6月底前 is read against

    def where(self, node: yaml.Node) -> Location:
        return Location(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def error(self, code: str, message: str, node: yaml.Node) -> None:
        self.problems.append(Problem(code, message, self.where(node)))

    def mapping(
        self, node: yaml.Node, keys: dict[str, bool], path: Path_, name: str
    ) -> dict[str, yaml.Node] | None:
        """The known keys of a mapping node; unknown, duplicate and missing keys reported."""
        self.source.positions[path] = self.where(node)
        if not self._enter(node):
            return None
        if not isinstance(node, yaml.MappingNode):
            self._wrong_type(node, name, "type_mapping")
            return None
        found: dict[str, yaml.Node] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):  # `? *bomb`, `? [a, b]`: never shown
                self.error("key", say("key_not_text"), key_node)
                continue
            if not self._acceptable(key_node):
                continue
            key = str(key_node.value)
            if key in first_line:
                self.error(
                    "duplicate-key", say("duplicate_key", key=key, line=first_line[key]), key_node
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            if key not in keys:
                self.error(
                    "unknown-key", say("unknown_key", key=key, hint=close_hint(key, keys)), key_node
                )
                continue
            if not self._acceptable(value_node):
                continue
            if _is_null(value_node) and keys[key]:
                self.error("missing", say("empty_value", key=key, label=label(key)), value_node)
                continue
            if not _is_null(value_node):
                found[key] = value_node
                self.source.positions[(*path, key)] = self.where(value_node)
        for key, required in keys.items():
            if required and key not in first_line:
                self.error("missing", say("missing_key", key=key, label=label(key)), node)
        return found

    def sequence(self, node: yaml.Node, key: str) -> list[yaml.Node]:
        if not self._enter(node):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self._wrong_type(node, key, "type_list")
            return []
        return list(node.value)

    def text(self, fields: dict[str, yaml.Node], key: str) -> str:
        node = fields.get(key)
        if node is None:
            return ""
        if not isinstance(node, yaml.ScalarNode):
            self._wrong_type(node, key, "type_text")
            return ""
        return str(node.value)

    def integer(self, fields: dict[str, yaml.Node], key: str) -> int | None:
        node = fields.get(key)
        if node is None:
            return None
        if isinstance(node, yaml.ScalarNode) and re.fullmatch(r"[0-9]+", str(node.value).strip()):
            return int(node.value)
        if isinstance(node, yaml.ScalarNode):  # -1, 1.5, 0x1F: a number, but not this kind
            value = str(node.value).strip()[:20]
            self.error(
                "type", say("not_whole_number", key=key, label=label(key), value=value), node
            )
            return None
        self._wrong_type(node, key, "type_integer")
        return None

    def year(self, fields: dict[str, yaml.Node]) -> int:
        node = fields.get("year")
        if node is None:
            return 0
        value = str(node.value).strip() if isinstance(node, yaml.ScalarNode) else ""
        if not value.isascii() or not value.isdigit():
            shown = value if isinstance(node, yaml.ScalarNode) else say(_type_key(node))
            self.error("year", say("year_not_number", value=shown), node)
            return 0
        year = int(value)
        low, high = YEARS[0], YEARS[-1]
        if not low <= year <= high:
            self.error("year", say("year_range", value=year, low=low, high=high), node)
            return 0
        return year

    def date(self, fields: dict[str, yaml.Node], key: str) -> dt.date | None:
        node = fields.get(key)
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode):
            self._wrong_type(node, key, "type_date")
            return None
        value = str(node.value).strip()
        try:
            if node.tag == "tag:yaml.org,2002:timestamp":
                parsed = _TIMESTAMP.construct_yaml_timestamp(node)
                return parsed.date() if isinstance(parsed, dt.datetime) else parsed
            if match := model.CHINESE_DATE.fullmatch(value):
                return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
        self.error("date", say("bad_date", value=value), node)
        return None

    def texts(self, fields: dict[str, yaml.Node], key: str) -> list[str]:
        """A list of short texts, written `[a, b]` or as `- a` lines."""
        node = fields.get(key)
        if node is None:
            return []
        out = []
        for item in self.sequence(node, key):
            if not isinstance(item, yaml.ScalarNode):
                self._wrong_type(item, key, "type_text")
            elif not str(item.value).strip():
                self.error("empty", say("partner_empty"), item)
            else:
                out.append(str(item.value).strip())
        return out

    def due(self, fields: dict[str, yaml.Node], key: str = "due") -> str:
        """A 完成时限, kept as written once it reads as a date, a period or ongoing work."""
        text = self.text(fields, key)
        if text:
            from planwriter.due import DueError, parse_due

            try:
                parse_due(text, self.plan_year or 2000)  # 2000: any leap year, when year is bad
            except DueError as err:
                self.error("due", str(err), fields[key])
        return text

    def quiet_choice(
        self, fields: dict[str, yaml.Node], key: str, spellings: Mapping[str, T]
    ) -> tuple[T | None, list[Problem]]:
        """choice, with its problem handed back to be reported in its turn, not reported."""
        mark = len(self.problems)
        chosen = self.choice(fields, key, spellings)
        problems = self.problems[mark:]
        del self.problems[mark:]
        return chosen, problems

    def choice(
        self, fields: dict[str, yaml.Node], key: str, spellings: Mapping[str, T]
    ) -> T | None:
        node = fields.get(key)
        if node is None:
            return None
        value = str(node.value).strip() if isinstance(node, yaml.ScalarNode) else ""
        if value in spellings:
            return spellings[value]
        choices = " / ".join(dict.fromkeys(str(v) for v in spellings.values()))
        self.error("choice", say("bad_choice", key=key, choices=choices, value=value), node)
        return None

    def _acceptable(self, node: yaml.Node) -> bool:
        """False (and said) for an explicit tag (`!!int abc`, `!python/...`), which the writer
        would build or fail on, and for a control character written as an escape."""
        if isinstance(node, yaml.ScalarNode):
            if bad := _ESCAPED_CONTROL.search(node.value):  # "\e[2J" in quotes: ESC in the text
                self.error("control", say("control_char", code=ord(bad.group())), node)
                return False
            if node.tag == _STR:
                return True
            plain = not node.style  # libyaml gives "" for a plain scalar
            if plain and _RESOLVER.resolve(yaml.ScalarNode, node.value, (True, False)) == node.tag:
                return True
        elif node.tag in _COLLECTION_TAGS:
            return True
        self.error("tag", say("yaml_tag", tag=node.tag.removeprefix("tag:yaml.org,2002:")), node)
        return False

    def _enter(self, node: yaml.Node) -> bool:
        """False for a node seen before: an alias, refused so no alias bomb can expand."""
        if id(node) in self._visited:
            self.error("alias", say("yaml_alias"), node)
            return False
        self._visited.add(id(node))
        return True

    def _wrong_type(self, node: yaml.Node, key: str, expected: str) -> None:
        self.error(
            "type",
            say(
                "wrong_type",
                key=key,
                label=label(key),
                expected=say(expected),
                got=say(_type_key(node)),
            ),
            node,
        )


def _type_key(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "type_mapping"
    if isinstance(node, yaml.SequenceNode):
        return "type_list"
    return {
        "tag:yaml.org,2002:null": "type_empty",
        "tag:yaml.org,2002:int": "type_integer",
        "tag:yaml.org,2002:float": "type_number",
        "tag:yaml.org,2002:bool": "type_bool",
        "tag:yaml.org,2002:timestamp": "type_date",
    }.get(node.tag, "type_text")


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


# --- plans -------------------------------------------------------------------------


class _Ids:
    """Ids across the whole plan: explicit ones checked for form and uniqueness."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.first_line: dict[str, int] = {}
        self.pending: list[tuple[str, str, object]] = []  # (kind, title, item) awaiting an id

    def read(self, fields: dict[str, yaml.Node]) -> str:
        node = fields.get("id")
        if node is None:
            return ""
        value = str(node.value).strip() if isinstance(node, yaml.ScalarNode) else ""
        if not ID_PATTERN.fullmatch(value):
            self.reader.error("id", say("bad_id", value=value), node)
            return ""
        if value in self.first_line:
            self.reader.error(
                "duplicate-id", say("duplicate_id", value=value, line=self.first_line[value]), node
            )
            return ""
        self.first_line[value] = node.start_mark.line + 1
        return value

    def later(self, kind: str, title: str, item: object) -> None:
        self.pending.append((kind, title, item))

    def assign(self) -> None:
        """Generate ids for items that have none, after every explicit id is known."""
        taken = set(self.first_line)
        for kind, title, item in self.pending:
            item.id = model.make_id(kind, title, taken)  # type: ignore[attr-defined]


def _refuse_foreign(root: yaml.Node, file: str) -> None:
    """A mapping with none of our keys (/etc/shadow as a baseline, a CI config) is refused
    without a word of its content: listing its keys as unknown fields would print it."""
    if not isinstance(root, yaml.MappingNode):
        return
    ours = PLAN_KEYS.keys() | RESULTS_KEYS.keys()
    if not any(isinstance(k, yaml.ScalarNode) and k.value in ours for k, _ in root.value):
        raise InputError([Problem("foreign", say("not_planwriter_file"), Location(file))])


def _refuse_other_kind(root: yaml.Node, file: str, want_results: bool) -> None:
    """Last year's results given where a plan is read (or the other way round) is said as
    such, not as four unknown or missing fields."""
    keys = set()
    if isinstance(root, yaml.MappingNode):  # scalar keys only: an alias bomb as a key stays shut
        keys = {k.value for k, _ in root.value if isinstance(k, yaml.ScalarNode)}
    if want_results and "domains" in keys and "results" not in keys:
        raise InputError([Problem("kind", say("plan_given_for_results"), Location(file))])
    if not want_results and "results" in keys and "domains" not in keys:
        message = say("results_given_for_plan", file=file)
        raise InputError([Problem("kind", message, Location(file))])


def read_plan(root: yaml.Node, file: str) -> tuple[model.Plan, SourceMap]:
    _refuse_foreign(root, file)
    _refuse_other_kind(root, file, want_results=False)
    reader = Reader(file)
    ids = _Ids(reader)
    fields = reader.mapping(root, PLAN_KEYS, (), "planwriter")
    if fields is None:
        raise InputError(reader.problems)
    check_schema_version(reader, fields)
    reader.plan_year = reader.year(fields)
    plan = model.Plan(
        bureau=reader.text(fields, "bureau"),
        year=reader.plan_year,
        title=reader.text(fields, "title"),
        baseline=reader.text(fields, "baseline"),
        numbering=reader.choice(fields, "numbering", {n.value: n for n in Numbering})
        or Numbering.CONTINUOUS,
        notice=_notice(reader, fields["notice"]) if "notice" in fields else None,
        preamble=reader.text(fields, "preamble"),
    )
    for index, node in enumerate(_items(reader, fields, "domains")):
        domain = _domain(reader, ids, node, ("domains", index))
        if domain is not None:
            plan.domains.append(domain)
    ids.assign()
    if reader.problems:
        raise InputError(reader.problems)
    return plan, reader.source


def check_schema_version(reader: Reader, fields: dict[str, yaml.Node]) -> None:
    version = reader.integer(fields, "planwriter")
    if version is not None and version != model.SCHEMA_VERSION:
        reader.error(
            "version",
            say("schema_version", value=version, supported=model.SCHEMA_VERSION),
            fields["planwriter"],
        )


def _items(reader: Reader, fields: dict[str, yaml.Node], key: str) -> list[yaml.Node]:
    return reader.sequence(fields[key], key) if key in fields else []


def _notice(reader: Reader, node: yaml.Node) -> model.Notice | None:
    fields = reader.mapping(node, NOTICE_KEYS, ("notice",), "notice")
    if fields is None:
        return None
    text = {key: reader.text(fields, key) for key in NOTICE_KEYS if "date" not in key}
    for key, (pattern, message) in MASTHEAD_FORMS.items():
        if text[key] and not re.fullmatch(pattern, text[key].strip()):
            reader.error("notice", say(message, value=text[key]), fields[key])
    return model.Notice(
        **text, date=reader.date(fields, "date"), print_date=reader.date(fields, "print_date")
    )


def _domain(reader: Reader, ids: _Ids, node: yaml.Node, path: Path_) -> model.Domain | None:
    fields = reader.mapping(node, DOMAIN_KEYS, path, "domains")
    if fields is None:
        return None
    domain = model.Domain(id=ids.read(fields), title=reader.text(fields, "title"))
    domain.tasks = _tasks(reader, ids, fields, path)
    for index, child in enumerate(_items(reader, fields, "sections")):
        section = _section(reader, ids, child, (*path, "sections", index))
        if section is not None:
            domain.sections.append(section)
    if "tasks" in fields and "sections" in fields:
        reader.error("structure", say("tasks_and_sections"), fields["sections"])
    if not domain.id:
        ids.later("domain", domain.title, domain)
    return domain


def _section(reader: Reader, ids: _Ids, node: yaml.Node, path: Path_) -> model.Section | None:
    fields = reader.mapping(node, SECTION_KEYS, path, "sections")
    if fields is None:
        return None
    section = model.Section(id=ids.read(fields), title=reader.text(fields, "title"))
    section.tasks = _tasks(reader, ids, fields, path)
    if not section.id:
        ids.later("section", section.title, section)
    return section


def _tasks(
    reader: Reader, ids: _Ids, fields: dict[str, yaml.Node], path: Path_
) -> list[model.Task]:
    tasks = []
    for index, node in enumerate(_items(reader, fields, "tasks")):
        task = _task(reader, ids, node, (*path, "tasks", index))
        if task is not None:
            tasks.append(task)
    return tasks


def _task(reader: Reader, ids: _Ids, node: yaml.Node, path: Path_) -> model.Task | None:
    fields = reader.mapping(node, TASK_KEYS, path, "tasks")
    if fields is None:
        return None
    task = model.Task(
        id=ids.read(fields),
        title=reader.text(fields, "title"),
        text=reader.text(fields, "text"),
        lead=reader.text(fields, "lead"),
        partners=reader.texts(fields, "partners"),
        due=reader.due(fields),
        note=reader.text(fields, "note"),
    )
    for index, child in enumerate(_items(reader, fields, "targets")):
        target = _target(reader, child, (*path, "targets", index))
        if target is not None:
            task.targets.append(target)
    if not task.id:
        ids.later("task", task.title, task)
    return task


def _target(reader: Reader, node: yaml.Node, path: Path_) -> model.Target | None:
    fields = reader.mapping(node, TARGET_KEYS, path, "targets")
    if fields is None or "value" not in fields:
        return None
    value, unit = reader.text(fields, "value"), reader.text(fields, "unit")
    op, bad_op = reader.quiet_choice(fields, "op", OP_SPELLINGS)
    kind, bad_kind = reader.quiet_choice(fields, "kind", {k.value: k for k in Kind})
    quantity, problems = read_typed(value, unit, op, kind)
    # In field order, each field's spelling before its rules (an unread value ends the target).
    _place(reader, fields, [p for p in problems if p.field == "value"])
    if quantity is None:
        return None
    reader.problems.extend(bad_op)
    _place(reader, fields, [p for p in problems if p.field == "op"])
    reader.problems.extend(bad_kind)
    _place(reader, fields, [p for p in problems if p.field == "kind"])
    return model.Target(
        metric=reader.text(fields, "metric"),
        value=value,
        unit=unit,
        op=op or model.default_op(quantity),
        kind=kind or model.default_kind(quantity, unit),
        due=reader.due(fields),
    )


def _place(
    reader: Reader,
    fields: dict[str, yaml.Node],
    problems: list[TargetProblem],
    value_at: str = "value",
) -> None:
    """Each problem at its field's node (a result's `target:` reads as a value)."""
    for problem in problems:
        field = value_at if problem.field == "value" else problem.field
        reader.error(problem.code, problem.message, fields[field])


# --- results -----------------------------------------------------------------------


def read_results(root: yaml.Node, file: str) -> tuple[model.Results, SourceMap]:
    _refuse_foreign(root, file)
    _refuse_other_kind(root, file, want_results=True)
    reader = Reader(file)
    fields = reader.mapping(root, RESULTS_KEYS, (), "planwriter")
    if fields is None:
        raise InputError(reader.problems)
    check_schema_version(reader, fields)
    results = model.Results(
        bureau=reader.text(fields, "bureau"),
        year=reader.year(fields),
        source=reader.text(fields, "source"),
    )
    for index, node in enumerate(_items(reader, fields, "results")):
        result = _result(reader, node, ("results", index))
        if result is not None:
            results.results.append(result)
    if reader.problems:
        raise InputError(reader.problems)
    return results, reader.source


def _result(reader: Reader, node: yaml.Node, path: Path_) -> model.Result | None:
    fields = reader.mapping(node, RESULT_KEYS, path, "results")
    if fields is None or "value" not in fields:
        return None
    value, unit = reader.text(fields, "value"), reader.text(fields, "unit")
    kind, bad_kind = reader.quiet_choice(fields, "kind", {k.value: k for k in Kind})
    quantity, problems = read_typed(value, unit, kind=kind, achieved=True)
    _place(reader, fields, [p for p in problems if p.field == "value"])
    if quantity is None:
        return None
    reader.problems.extend(bad_kind)
    _place(reader, fields, [p for p in problems if p.field == "kind"])
    target = reader.text(fields, "target")
    if target:
        _, target_problems = read_typed(target, unit, achieved=True)
        _place(reader, fields, target_problems, value_at="target")
    return model.Result(
        metric=reader.text(fields, "metric"),
        value=value,
        unit=unit,
        kind=kind or model.default_kind(quantity, unit),
        quote=reader.text(fields, "quote"),
        target=target,
    )


def read_any(
    root: yaml.Node, file: str, is_results: bool | None = None
) -> tuple[model.Plan | model.Results, SourceMap]:
    """A plan or a results file, told apart by name, else by its keys."""
    if is_results is None:
        keys = set()
        if isinstance(root, yaml.MappingNode):
            keys = {k.value for k, _ in root.value if isinstance(k, yaml.ScalarNode)}
        is_results = "results" in keys and "domains" not in keys
    reader: Callable[[yaml.Node, str], tuple] = read_results if is_results else read_plan
    return reader(root, file)
