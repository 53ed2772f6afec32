"""Next year's plan: last year's domains and notice carried over, or the bureau's defaults
from planwriter.toml when there is no plan yet. Shared by `planwriter new` and the editor."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from planwriter import files, model, store
from planwriter.catalogue import say
from planwriter.problems import InputError
from planwriter.settings import BureauDefaults


@dataclass
class NewPlan:
    """Next year's plan, ready to write."""

    path: Path
    plan: model.Plan
    text: str
    previous: store.Loaded[model.Plan] | None

    def write(self) -> None:
        files.write_atomically(self.path, self.text, make_folders=True)


def new_plan(
    bureau: str,
    year: int,
    plans_dir: Path,
    output: Path | None = None,
    defaults: BureauDefaults | None = None,
) -> NewPlan:
    """Last year's plan of `bureau` carried over, else a skeleton with the bureau's defaults."""
    previous = find_plan(plans_dir, bureau, year - 1)
    if previous:
        plan = next_year_plan(previous.model, year)
    else:
        plan = skeleton(bureau, year, defaults or BureauDefaults())
    if output is None and previous:
        output = previous.path.parent / f"{year}{store.PLAN_SUFFIX}"
    elif output is None:
        output = plans_dir / _safe_name(bureau) / f"{year}{store.PLAN_SUFFIX}"
    header = f"# {say('skeleton_comment')}\n"
    text = header + store.render(plan)
    store.parse(text, str(output), is_results=False)  # what we write must read back
    return NewPlan(output, plan, text, previous)


def sole_bureau(directory: Path) -> str:
    """The bureau whose plans `directory` holds, when they are all one bureau's; else ""."""
    bureaus = {plan.bureau for plan in _plans(directory)}
    return bureaus.pop() if len(bureaus) == 1 else ""


def _plans(directory: Path) -> Iterator[model.Plan]:
    if not directory.is_dir():
        return
    for path in sorted(directory.rglob(f"*{store.PLAN_SUFFIX}")):
        try:
            yield store.load_plan(path).model
        except InputError:
            continue


def find_plan(directory: Path, bureau: str, year: int) -> store.Loaded[model.Plan] | None:
    """The bureau's plan for `year` under `directory`, if one reads cleanly."""
    if not directory.is_dir():
        return None
    for path in sorted(directory.rglob(f"*{store.PLAN_SUFFIX}")):
        try:
            loaded = store.load_plan(path)
        except InputError:
            continue
        if loaded.model.bureau == bureau and loaded.model.year == year:
            return loaded
    return None


def next_year_plan(previous: model.Plan, year: int) -> model.Plan:
    """Last year's domains and sections (not its tasks), bureau and notice settings."""

    def renamed(text: str) -> str:
        return text.replace(str(previous.year), str(year))

    notice = None
    if previous.notice:
        old = previous.notice
        notice = model.Notice(
            recipients=old.recipients,
            signer=old.signer,
            body=renamed(old.body),
            remark=old.remark,
            cc=old.cc,
            printer=old.printer,
        )
    domains = [
        model.Domain(
            id=d.id,
            title=d.title,
            sections=[model.Section(id=s.id, title=s.title) for s in d.sections],
        )
        for d in previous.domains
    ]
    return model.Plan(
        bureau=previous.bureau,
        year=year,
        title=renamed(previous.title),
        numbering=previous.numbering,
        notice=notice,
        domains=domains,
    )


def skeleton(bureau: str, year: int, defaults: BureauDefaults) -> model.Plan:
    """A first plan: a notice only when the bureau's settings say whom it goes to."""
    notice = None
    if defaults.recipients:
        notice = model.Notice(
            recipients=defaults.recipients,
            signer=defaults.signer,
            remark=defaults.remark,
            cc=defaults.cc,
            printer=defaults.printer,
        )
    return model.Plan(bureau=bureau, year=year, title=f"{year}年工作要点", notice=notice)


def _safe_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s.]+', "-", name).strip("-") or "plan"
