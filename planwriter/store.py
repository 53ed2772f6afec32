"""YAML in and out.

Reading (validate, show, check) goes through `source` and `schema`: libyaml's composer,
positions for every value. Writing merges the model back into ruamel's round-trip
document of the original text, so an untouched file saves byte-identical and a
changed target is one changed line, with every comment kept by the item it stands above.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeAlias, TypeVar

from planwriter import files, model, schema, source
from planwriter.problems import InputError, Problem

if TYPE_CHECKING:
    # At run time each function that reads or writes a progress file imports it: loading
    # a plan (render, check) does not pay for the progress reader.
    from planwriter import progress

M = TypeVar("M", model.Plan, model.Results, "progress.Progress")
Document: TypeAlias = "model.Plan | model.Results | progress.Progress"

RESULTS_SUFFIX = ".results.yaml"
PLAN_SUFFIX = ".plan.yaml"


class Loaded(NamedTuple, Generic[M]):
    """A model read from a file, with the text it came from and where each value stood."""

    model: M
    path: Path
    text: str
    source: schema.SourceMap
    stamp: files.Stamp | None = None  # the file as read: `fmt` replaces only that


# --- reading -----------------------------------------------------------------------


def is_results_path(path: Path | str) -> bool | None:
    name = str(path)
    if name.endswith(RESULTS_SUFFIX):
        return True
    if name.endswith(PLAN_SUFFIX):
        return False
    return None


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Building a large tree of new objects makes the cyclic collector run again and again
    over all of them (10 000 tasks: 1.7 s instead of 0.56 s). Nothing built here is garbage."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse(
    text: str, name: str, is_results: bool | None = None
) -> tuple[model.Plan | model.Results, schema.SourceMap]:
    with paused_gc():
        return schema.read_any(source.compose(text, name), name, is_results)


def load(path: Path | str) -> Loaded:
    """A plan or results file, told apart by its name (*.plan.yaml, *.results.yaml) or keys."""
    path = Path(path)
    return _load(path, lambda root, name: schema.read_any(root, name, is_results_path(path)))


def load_document(path: Path | str) -> Loaded:
    """A plan, results or progress file (validate, fmt and show take all three)."""
    return _load(Path(path), _read_document)


def parse_document(text: str, name: str) -> tuple[Document, schema.SourceMap]:
    with paused_gc():
        return _read_document(source.compose(text, name), name)


def _read_document(root: Any, name: str) -> tuple[Document, schema.SourceMap]:
    from planwriter import progress  # see TYPE_CHECKING above

    if progress.is_progress(root, name):
        return progress.read_progress(root, name)
    return schema.read_any(root, name, is_results_path(name))


def load_progress(path: Path | str) -> Loaded[progress.Progress]:
    from planwriter import progress  # see TYPE_CHECKING above

    return _load(Path(path), progress.read_progress)


def load_plan(path: Path | str) -> Loaded[model.Plan]:
    return _load(Path(path), schema.read_plan)


def load_results(path: Path | str) -> Loaded[model.Results]:
    return _load(Path(path), schema.read_results)


def _load(path: Path, read: Callable[[Any, str], tuple[Any, schema.SourceMap]]) -> Loaded:
    text, stamp = source.read_stamped(path)
    with paused_gc():
        data, where = read(source.compose(text, str(path)), str(path))
    return Loaded(data, path, text, where, stamp)


# --- the model as canonical data ---------------------------------------------------


def to_data(data: Document) -> dict[str, Any]:
    if isinstance(data, model.Plan):
        return _plan_data(data)
    if isinstance(data, model.Results):
        return _results_data(data)
    from planwriter import progress  # see TYPE_CHECKING above

    return progress.to_data(data)


def _plan_data(plan: model.Plan) -> dict[str, Any]:
    return {
        "planwriter": plan.schema,
        "bureau": plan.bureau,
        "year": plan.year,
        "title": plan.title,
        "baseline": plan.baseline,
        "numbering": _default_if(plan.numbering, model.Numbering.CONTINUOUS),
        "notice": _notice_data(plan.notice) if plan.notice else None,
        "preamble": plan.preamble,
        "domains": [_domain_data(d) for d in plan.domains],
    }


def _notice_data(notice: model.Notice) -> dict[str, Any]:
    return {key: getattr(notice, key) for key in schema.NOTICE_KEYS}


def _domain_data(domain: model.Domain) -> dict[str, Any]:
    return {
        "id": domain.id,
        "title": domain.title,
        "tasks": [_task_data(t) for t in domain.tasks],
        "sections": [
            {"id": s.id, "title": s.title, "tasks": [_task_data(t) for t in s.tasks]}
            for s in domain.sections
        ],
    }


def _task_data(task: model.Task) -> dict[str, Any]:
    return {
        "id": task.id,
        "title": task.title,
        "lead": task.lead,
        "partners": list(task.partners),
        "due": task.due,
        "text": task.text,
        "targets": [_target_data(t) for t in task.targets],
        "note": task.note,
    }


def _target_data(target: model.Target) -> dict[str, Any]:
    quantity = target.quantity()
    return {
        "metric": target.metric,
        "value": target.value,
        "unit": target.unit,
        "op": _default_if(target.op, model.default_op(quantity)),
        "kind": _default_if(target.kind, model.default_kind(quantity, target.unit)),
        "due": target.due,
    }


def _results_data(results: model.Results) -> dict[str, Any]:
    def result(r: model.Result) -> dict[str, Any]:
        kind = model.default_kind(r.quantity(), r.unit)
        return {
            "metric": r.metric,
            "value": r.value,
            "unit": r.unit,
            "kind": _default_if(r.kind, kind),
            "quote": r.quote,
            "target": r.target,
        }

    return {
        "planwriter": results.schema,
        "bureau": results.bureau,
        "year": results.year,
        "source": results.source,
        "results": [result(r) for r in results.results],
    }


def _default_if(value: Any, default: Any) -> Any:
    from planwriter.roundtrip_data import Default  # only saving needs it, not loading

    return Default(value) if value == default else value


# --- writing -----------------------------------------------------------------------


def render(
    data: Document, original: str | None = None, normalise_quotes: bool = False, name: str = ""
) -> str:
    """The file text for `data`: the original text with the model merged into it.

    `normalise_quotes` re-quotes every scalar the canonical way (for `fmt`).
    """
    from planwriter import progress, roundtrip  # ruamel is paid for only when writing

    with paused_gc():
        ids = implicit_ids(original) if isinstance(data, model.Plan) else {}
        required = progress.REQUIRED if isinstance(data, progress.Progress) else roundtrip.REQUIRED
        try:
            return roundtrip.render(to_data(data), original, normalise_quotes, required, ids)
        except InputError as err:  # the writer knows no file name: the place gets the file's
            raise InputError([_named(p, name) for p in err.problems]) from err


def _named(problem: Problem, name: str) -> Problem:
    if problem.where.file or not name:
        return problem
    return dataclasses.replace(problem, where=problem.where._replace(file=name))


def implicit_ids(original: str | None) -> dict[tuple[str | int, ...], str]:
    """Every item's id in `original` as the reader gives it (generated where none is
    written), by its place in the file: the merge finds an item written without `id:`."""
    if original is None:
        return {}
    try:
        plan, _ = parse(original, "", is_results=False)
    except InputError:
        return {}  # text that does not read cannot be matched; items are written anew
    assert isinstance(plan, model.Plan)
    ids: dict[tuple[str | int, ...], str] = {}
    for d, domain in enumerate(plan.domains):
        ids["domains", d] = domain.id
        for t, task in enumerate(domain.tasks):
            ids["domains", d, "tasks", t] = task.id
        for s, section in enumerate(domain.sections):
            ids["domains", d, "sections", s] = section.id
            for t, task in enumerate(section.tasks):
                ids["domains", d, "sections", s, "tasks", t] = task.id
    return ids


def save(
    path: Path | str,
    data: Document,
    original: str | None,
    expected: files.Stamp | None = None,
) -> str:
    """Write `data` to `path` atomically, keeping the original's comments; returns the text.

    With `expected`, the file must still be as it was read (see files.write_atomically)."""
    text = render(data, original)
    files.write_atomically(path, text, expected=expected)
    return text


def atomic_write(path: Path | str, text: str | bytes) -> None:
    """Kept for callers of the older name: see files.write_atomically (text as UTF-8, bytes
    as they are)."""
    files.write_atomically(path, text)
