"""Writing YAML with ruamel's round-trip: the model merged into the original document.

Only what changed is touched, so an untouched file saves byte-identical and a changed
target is one changed line.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, MarkedYAMLError
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from planwriter.catalogue import say
from planwriter.model import CHINESE_DATE
from planwriter.problems import InputError, Location, Problem
from planwriter.roundtrip_data import Default

WIDTH = 1 << 20  # never fold: a task's text stays on one line however long
SEQ_DASH = 2  # "  - " under its key: ruamel indent(mapping=2, sequence=4, offset=2)
SEQ_STEP = 4  # each level of list nesting moves the dash 4 columns right
REQUIRED = {"planwriter", "bureau", "year", "title", "domains", "results", "metric", "value"}


def round_trip_yaml(preserve_quotes: bool = True) -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=SEQ_STEP, offset=SEQ_DASH)
    yaml.width = WIDTH
    yaml.preserve_quotes = preserve_quotes
    yaml.allow_unicode = True
    return yaml


ItemPath = tuple[str | int, ...]  # ("domains", 0, "sections", 1, "tasks", 2)


def render(
    new: dict[str, Any],
    original: str | None,
    normalise_quotes: bool,
    required: frozenset[str] | set[str] = REQUIRED,
    implicit_ids: dict[ItemPath, str] | None = None,
) -> str:
    """`original` with the canonical data `new` merged into it (or `new` alone).

    Keys in `required` are written even when empty; every other empty value is left out.
    `implicit_ids` gives the id the reader generated for each item of `original` written
    without one: the model carries those ids, and matching by them keeps the item's
    comments and keys (instead of building it anew)."""
    yaml = round_trip_yaml(preserve_quotes=not normalise_quotes)
    try:
        doc = yaml.load(original) if original is not None else None
    except MarkedYAMLError as err:  # the reading path refuses all it knows of; a safety net
        mark = err.problem_mark
        raise InputError(
            [
                Problem(
                    "syntax",
                    say("yaml_syntax", detail=err.problem or err),
                    Location("", mark.line + 1 if mark else 0, mark.column + 1 if mark else 0),
                )
            ]
        ) from err
    if isinstance(doc, CommentedMap):
        _Merge(required, implicit_ids or {}).run(doc, new)
    else:
        doc = _build(new, required=required)
    out = io.StringIO()
    yaml.dump(doc, out)
    return out.getvalue()


# --- building new YAML nodes -------------------------------------------------------


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _scalar(key: str, value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    if key in ("value", "target") and isinstance(value, str) and _is_digits(value):
        return int(value)  # `value: 83`, not `value: '83'`
    return value


def _is_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _build(value: Any, key: str = "", required: frozenset[str] | set[str] = REQUIRED) -> Any:
    if isinstance(value, Default):
        value = value.value
    if isinstance(value, dict):
        node = CommentedMap()
        for k, v in value.items():
            if isinstance(v, Default) or (_is_empty(v) and k not in required):
                continue
            node[k] = _build(v, k, required)
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_build(item, key, required) for item in value)
        if not any(isinstance(item, (dict, list)) for item in value):
            seq.fa.set_flow_style()  # partners: [社会救助处, 各辖市区民政局] on one line
        return seq
    return _scalar(key, value)


def _same(old: Any, new: Any) -> bool:
    if isinstance(new, Enum):
        new = new.value
    if isinstance(new, dt.date) and isinstance(old, str):
        match = CHINESE_DATE.fullmatch(old.strip())  # 2024年6月30日 stays as written
        return match is not None and dt.date(*(int(p) for p in match.groups())) == new
    if isinstance(old, dt.date) or isinstance(new, dt.date):
        return str(old) == str(new)
    if old is None or new is None:
        return _is_empty(old) and _is_empty(new)
    return str(old) == str(new)


def _is_scalar_list(value: Any) -> bool:
    """A non-empty list of plain values (partners), replaced whole when it changes."""
    return isinstance(value, list) and bool(value) and not any(isinstance(v, dict) for v in value)


def _same_list(old: Any, new: list[Any]) -> bool:
    return isinstance(old, CommentedSeq) and [str(v) for v in old] == [str(v) for v in new]


# --- merging the model into the round-trip document ----------------------------------
#
# ruamel keeps a comment line that stands above a list item on the deepest last value
# of the PREVIOUS item (or, for the first item, on the key that holds the list). Moving,
# inserting or deleting items would leave such comments behind. So the merge first
# lifts every item's leading comment off the tree, rebuilds the lists, then puts each
# comment back above the item it belongs to.


@dataclass
class _Lead:
    raw: str  # the comment lines above an item, with their own indentation and newlines
    dash: int  # the column of the item's "-" where the comment was found


class _Merge:
    def __init__(
        self,
        required: frozenset[str] | set[str] = REQUIRED,
        implicit_ids: dict[ItemPath, str] | None = None,
    ) -> None:
        self.required = required
        self.implicit_ids = implicit_ids or {}
        self.leads: dict[int, _Lead] = {}  # id(item map) → its leading comment
        self.trailers: dict[int, str] = {}  # id(seq) → comment lines after its last item
        self.by_id: dict[str, CommentedMap] = {}

    def run(self, doc: CommentedMap, new: dict[str, Any]) -> None:
        self._lift(doc)
        self._map(doc, new)
        self._put(doc)

    # lifting and putting back, over every list of maps in the tree
    def _lift(self, node: Any, depth: int = 0, path: ItemPath = ()) -> None:
        for parent, key, seq in _lists(node):
            dash = _dash(seq, depth)
            for index, item in enumerate(seq):
                if index == 0:
                    raw = _take_first_lead(parent, key, seq)
                else:
                    raw = _take_rest(seq[index - 1])
                if raw:
                    self.leads[id(item)] = _Lead(raw, dash)
                item_id = item.get("id")
                if item_id is None:
                    item_id = self.implicit_ids.get((*path, key, index))
                if isinstance(item_id, str):
                    self.by_id.setdefault(item_id, item)
            if seq:
                self.trailers[id(seq)] = _take_rest(seq[-1])
            for index, item in enumerate(seq):
                self._lift(item, depth + 1, (*path, key, index))

    def _put(self, node: Any, depth: int = 0) -> None:
        for parent, key, seq in _lists(node):
            for item in seq:
                self._put(item, depth + 1)
            dash = SEQ_DASH + SEQ_STEP * depth
            for index, item in enumerate(seq):
                lead = self.leads.pop(id(item), None)
                if lead is None:
                    continue
                raw = _reindent(lead.raw, dash - lead.dash)
                if index == 0:
                    _put_first_lead(parent, key, seq, raw)
                else:
                    _append_rest(seq[index - 1], raw)
            trailer = self.trailers.pop(id(seq), "")
            if trailer and seq:
                _append_rest(seq[-1], trailer)

    # merging values
    def _map(self, doc: CommentedMap, new: dict[str, Any]) -> None:
        order = list(new)
        for key, value in new.items():
            default = isinstance(value, Default)
            value = value.value if default else value
            present = key in doc
            if _is_scalar_list(value) and present:
                if _is_empty(value) and key not in self.required:
                    self._delete_key(doc, key)
                elif not _same_list(doc[key], value):
                    doc[key] = _build(value, key, self.required)
            elif isinstance(value, list) and present and isinstance(doc[key], CommentedSeq):
                self._list(doc[key], value)
                if not value and key not in self.required:
                    self._delete_key(doc, key)
            elif isinstance(value, dict) and present and isinstance(doc[key], CommentedMap):
                self._map(doc[key], value)
            elif present:
                if _is_empty(value) and key not in self.required:
                    self._delete_key(doc, key)
                elif not _same(doc[key], value):
                    doc[key] = self._fresh(value, key)
            elif not default and (not _is_empty(value) or key in self.required):
                self._insert_key(doc, key, self._fresh(value, key), order)

    def _fresh(self, value: Any, key: str) -> Any:
        """A new node; list items that already exist elsewhere (a moved task) are reused."""
        if isinstance(value, list) and not _is_scalar_list(value):
            seq = CommentedSeq()
            self._list(seq, value)
            return seq
        return _build(value, key, self.required)

    def _list(self, seq: CommentedSeq, new_items: list[Any]) -> None:
        old = [item for item in seq if isinstance(item, CommentedMap)]
        by_metric: dict[str, list[CommentedMap]] = {}
        for item in old:
            by_metric.setdefault(str(item.get("metric")), []).append(item)
        used: set[int] = set()
        chosen: list[CommentedMap | None] = []
        for new in new_items:
            match = self._match(new, by_metric, used)
            chosen.append(match)
        spare = iter(item for item in old if id(item) not in used and "id" not in item)
        result = []
        for new, match in zip(new_items, chosen, strict=True):
            if match is None and "id" not in new:
                match = next(spare, None)  # an edited target keeps its place and comments
            if match is None:
                result.append(_build(new, required=self.required))
            else:
                self._map(match, new)
                result.append(match)
        del seq[:]
        seq.extend(result)

    def _match(
        self, new: dict[str, Any], by_metric: dict[str, list[CommentedMap]], used: set[int]
    ) -> CommentedMap | None:
        item_id = new.get("id")
        if item_id:
            found = self.by_id.get(str(item_id))
            if found is not None and id(found) not in used:
                used.add(id(found))
                return found
            return None
        for candidate in by_metric.get(str(new.get("metric")), []):
            if id(candidate) not in used:
                used.add(id(candidate))
                return candidate
        return None

    # keys added or removed: the comment lines after a value must stay after it
    def _insert_key(self, doc: CommentedMap, key: str, value: Any, order: list[str]) -> None:
        """Insert at the key's canonical place; a new last key takes over the trailing lines."""
        rank = order.index(key)
        position = sum(1 for k in doc if k in order and order.index(k) < rank)
        at_end = bool(doc) and position == len(doc)
        trailing = self._take_after(doc, next(reversed(doc))) if at_end else ""
        doc.insert(position, key, value)
        self._hang_after(doc, key, trailing)

    def _delete_key(self, doc: CommentedMap, key: str) -> None:
        """Remove a key; comment lines that followed its value follow the value before it."""
        keys = list(doc)
        index = keys.index(key)
        trailing = self._take_after(doc, key)
        del doc[key]
        if index > 0:
            self._hang_after(doc, keys[index - 1], trailing)

    def _take_after(self, doc: CommentedMap, key: str) -> str:
        value = doc[key]
        if isinstance(value, CommentedSeq):
            return self.trailers.pop(id(value), "")  # lifted already
        if isinstance(value, CommentedMap) and value:
            return _take_rest(value)
        slots = doc.ca.items.get(key)
        if not slots or len(slots) < 3:
            return ""
        eol, rest = _split(slots[2])
        slots[2] = CommentToken(eol, CommentMark(0), None) if eol else None
        return rest

    def _hang_after(self, doc: CommentedMap, key: str, raw: str) -> None:
        if not raw:
            return
        value = doc[key]
        if isinstance(value, CommentedSeq) and value:
            self.trailers[id(value)] = self.trailers.get(id(value), "") + raw  # put back later
        elif isinstance(value, CommentedMap) and value:
            _append_rest(value, raw)
        else:
            _append_to_slot(doc, key, raw)


def _lists(node: Any) -> Iterator[tuple[CommentedMap, str, CommentedSeq]]:
    """The lists of maps directly under a map: (parent, key, list)."""
    if not isinstance(node, CommentedMap):
        return
    for key, value in node.items():
        if isinstance(value, CommentedSeq) and all(isinstance(v, CommentedMap) for v in value):
            yield node, key, value


def _dash(seq: CommentedSeq, depth: int) -> int:
    """The column of the list's "-" in the file as read (first key column − 2)."""
    if seq and hasattr(seq[0], "lc") and seq[0].lc.col is not None:
        return max(seq[0].lc.col - 2, 0)
    return SEQ_DASH + SEQ_STEP * depth


def _leaf(node: Any) -> tuple[CommentedMap, Any] | None:
    """The map and key of the deepest last value: where ruamel hangs the next comment."""
    if isinstance(node, CommentedMap) and node:
        key = next(reversed(node))
        value = node[key]
        if isinstance(value, (CommentedMap, CommentedSeq)) and value:
            return _leaf(value) or (node, key)
        return node, key
    if isinstance(node, CommentedSeq) and node:
        return _leaf(node[-1])
    return None


def _split(token: CommentToken | None) -> tuple[str, str]:
    """(end-of-line comment with its newline, the comment lines after it)."""
    if token is None:
        return "", ""
    value = token.value
    if value.startswith("#"):
        end = value.find("\n")
        return (value, "") if end < 0 else (value[: end + 1], value[end + 1 :])
    return "", value[1:] if value.startswith("\n") else value


def _take_rest(item: Any) -> str:
    leaf = _leaf(item)
    if leaf is None:
        return ""
    node, key = leaf
    slots = node.ca.items.get(key)
    if not slots or len(slots) < 3 or slots[2] is None:
        return ""
    eol, rest = _split(slots[2])
    if eol:
        slots[2].value = eol
    else:
        slots[2] = None
    return rest


def _append_rest(item: Any, raw: str) -> None:
    leaf = _leaf(item)
    if leaf is not None:
        _append_to_slot(*leaf, raw)


def _append_to_slot(node: CommentedMap, key: Any, raw: str) -> None:
    """Hang comment lines after the value of `key`, keeping its end-of-line comment."""
    if not raw:
        return
    slots = node.ca.items.setdefault(key, [None, None, None, None])
    while len(slots) < 4:
        slots.append(None)
    eol, rest = _split(slots[2])
    value = (eol or "\n") + rest + raw
    if slots[2] is None:
        slots[2] = CommentToken(value, CommentMark(0), None)
    else:
        slots[2].value = value


def _take_first_lead(parent: CommentedMap, key: str, seq: CommentedSeq) -> str:
    slots = parent.ca.items.get(key)
    tokens = slots[3] if slots and len(slots) > 3 else None
    seq.ca.comment = None
    if not tokens:
        return ""
    slots[3] = None
    return "".join(" " * t.start_mark.column + t.value for t in tokens)


def _put_first_lead(parent: CommentedMap, key: str, seq: CommentedSeq, raw: str) -> None:
    raw = raw.lstrip("\n")
    if not raw:
        return
    body = raw.lstrip(" ")
    token = CommentToken(body, CommentMark(len(raw) - len(body)), None)
    slots = parent.ca.items.setdefault(key, [None, None, None, None])
    while len(slots) < 4:
        slots.append(None)
    slots[3] = [token]
    seq.ca.comment = [None, [token]]


def _reindent(raw: str, shift: int) -> str:
    if not shift:
        return raw
    lines = raw.split("\n")
    moved = []
    for line in lines:
        if not line.strip():
            moved.append(line)
        elif shift > 0:
            moved.append(" " * shift + line)
        else:
            moved.append(line[min(-shift, len(line) - len(line.lstrip(" "))) :])
    return "\n".join(moved)
