"""`planwriter diff` and `planwriter textconv`: the shells around the semantic diff, and git.

diff OLD.yaml NEW.yaml          two files
diff [REV [REV]] [-- PLAN...]   git revisions (default: the working tree against HEAD)

JSON (format "planwriter-diff", version 1):
    {"format": "planwriter-diff", "version": 1, "changed": bool,
     "files": [{"path": str, "old": str, "new": str,
                "changes": [{"kind": str, "item": str, "message": str, "detail": {...}}]}]}
kind is one of plan-field, notice, preamble, {domain,section,task}-{added,removed,moved,
retitled}, task-field, task-text, target-added, target-removed, target-value, target-op,
target-kind, renumbered. item is the id concerned ("" for the plan as a whole).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planwriter import cli_words as words
from planwriter import files, model, source, store
from planwriter.catalogue import label, say
from planwriter.diff import Change, diff_plans
from planwriter.problems import InputError, Location, Problem
from planwriter.show import target_line
from planwriter.terminal import EXIT_OK, EXIT_PROBLEMS

if TYPE_CHECKING:
    from rich.text import Text

WORKTREE = ""  # the working tree, as a revision


@dataclass
class FileDiff:
    path: str
    old_label: str
    new_label: str
    changes: list[Change]


def run(args: argparse.Namespace) -> int:
    return run_diff(args.args, args.format)


def run_textconv(args: argparse.Namespace) -> int:
    sys.stdout.write(textconv(args.file))
    return EXIT_OK


def run_diff(arguments: list[str], form: str) -> int:
    form, arguments = _format_option(arguments, form)
    files = diff_files(arguments)
    changed = any(f.changes for f in files)
    if form == "json":
        print(to_json(files, changed))
    elif form == "markdown":
        print(to_markdown(files))
    else:
        print_text(files)
    return EXIT_PROBLEMS if changed else EXIT_OK


def _format_option(arguments: list[str], form: str) -> tuple[str, list[str]]:
    """--format may also follow the revisions (argparse hands the rest over untouched)."""
    rest = list(arguments)
    for i, word in enumerate(rest):
        if word == "--":
            break
        if word.startswith("--format"):
            value = (
                word.split("=", 1)[1] if "=" in word else (rest[i + 1] if i + 1 < len(rest) else "")
            )
            try:
                value = words.choice(words.DIFF_FORMATS, say("cli_what_format"))(value)
            except argparse.ArgumentTypeError as err:
                raise _usage(str(err)) from err
            del rest[i : i + (1 if "=" in word else 2)]
            return value, rest
    return form, rest


def diff_files(arguments: list[str]) -> list[FileDiff]:
    if "--" in arguments:
        split = arguments.index("--")
        revisions, paths = arguments[:split], arguments[split + 1 :]
    else:
        revisions, paths = arguments, []
    if not paths and len(revisions) == 2 and any(map(_names_a_file, revisions)):
        # two files, even when one is missing: that one is named, not git's revisions
        return [_two_files(Path(revisions[0]), Path(revisions[1]))]
    if len(revisions) > 2:
        raise _usage(say("diff_usage"))
    git = Git()
    old_rev = git.verify(revisions[0]) if revisions else git.verify("HEAD")
    new_rev = git.verify(revisions[1]) if len(revisions) == 2 else WORKTREE
    paths = paths or git.changed_plans(old_rev, new_rev)
    if not paths:
        print(say("diff_no_plans"), file=sys.stderr)
    return [_revisions(git, path, old_rev, new_rev, revisions) for path in paths]


def _names_a_file(word: str) -> bool:
    return Path(word).is_file() or word.endswith((".yaml", ".yml"))


def _two_files(old: Path, new: Path) -> FileDiff:
    before, after = _plan(store.load(old).model, old), _plan(store.load(new).model, new)
    _same_bureau(before, after)
    return FileDiff(str(new), str(old), str(new), diff_plans(before, after))


def _revisions(git: Git, path: str, old_rev: str, new_rev: str, names: list[str]) -> FileDiff:
    old_name = names[0] if names else "HEAD"
    new_name = names[1] if len(names) == 2 else say("diff_worktree")
    before = _parse(git.read(old_rev, path), f"{old_name}:{path}")
    after = _parse(git.read(new_rev, path), f"{new_name}:{path}")
    _same_bureau(before, after)
    return FileDiff(path, old_name, new_name, diff_plans(before, after))


def _parse(text: str, name: str) -> model.Plan:
    data, _ = store.parse(text, name, is_results=False)
    return _plan(data, Path(name))


def _plan(data: model.Plan | model.Results, path: Path) -> model.Plan:
    if not isinstance(data, model.Plan):
        raise InputError([Problem("diff", say("diff_not_a_plan"), Location(str(path)))])
    return data


def _same_bureau(old: model.Plan, new: model.Plan) -> None:
    if old.bureau != new.bureau:
        print(say("diff_other_bureau", old=old.bureau, new=new.bureau), file=sys.stderr)


def _usage(message: str) -> InputError:
    return InputError([Problem("usage", message, Location("planwriter diff"))])


class Git:
    """The few git commands diff needs, with Chinese errors."""

    def __init__(self) -> None:
        self.top = self._run(["rev-parse", "--show-toplevel"], say("diff_not_repo")).strip()

    def _run(self, args: list[str], failure: str) -> str:
        return self._bytes(args, failure).decode("utf-8", errors="replace")

    def _bytes(self, args: list[str], failure: str) -> bytes:
        try:
            done = subprocess.run(["git", *args], capture_output=True, check=False)
        except FileNotFoundError as err:
            raise _usage(say("diff_no_git")) from err
        if done.returncode != 0:
            raise _usage(failure)
        return done.stdout

    def verify(self, revision: str) -> str:
        if revision.startswith("-"):
            raise _usage(say("diff_bad_revision", rev=revision))
        return self._run(
            ["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
            say("diff_bad_revision", rev=revision),
        ).strip()

    def read(self, revision: str, path: str) -> str:
        if revision == WORKTREE:
            return source.read_text(Path(path))
        missing = say("diff_not_in_revision", rev=revision[:10], path=path)
        blob = f"{revision}:./{path}"
        name = f"{revision[:10]}:{path}"
        size = int(self._run(["cat-file", "-s", blob], missing).strip() or 0)
        if size > source.MAX_BYTES:  # the limit a file on disk has, before reading
            limit = files.megabytes(source.MAX_BYTES)
            message = say("file_too_large", size=files.megabytes(size), limit=limit)
            raise InputError([Problem("size", message, Location(name))])
        return source.decode(self._bytes(["cat-file", "blob", blob], missing), name)

    def changed_plans(self, old: str, new: str) -> list[str]:
        revisions = [old] if new == WORKTREE else [old, new]
        out = self._run(
            ["diff", "--name-only", "--relative", *revisions, "--", f"*{store.PLAN_SUFFIX}"],
            say("diff_usage"),
        )
        return [line for line in out.splitlines() if line]


# --- output ------------------------------------------------------------------------------

MARKER = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.S)
STYLE = {
    "added": "green",
    "removed": "red",
    "moved": "cyan",
    "renumbered": "cyan",
    "retitled": "yellow",
}


def to_json(files: list[FileDiff], changed: bool) -> str:
    data = {
        "format": "planwriter-diff",
        "version": 1,
        "changed": changed,
        "files": [
            {
                "path": f.path,
                "old": f.old_label,
                "new": f.new_label,
                "changes": [
                    {"kind": c.kind, "item": c.item, "message": c.message, "detail": c.detail}
                    for c in f.changes
                ],
            }
            for f in files
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def to_markdown(files: list[FileDiff]) -> str:
    lines = []
    for f in files:
        lines.append(f"### {f.path}（{f.old_label} → {f.new_label}）")
        lines.append("")
        if not f.changes:
            lines.append(say("diff_identical"))
        for change in f.changes:
            text = MARKER.sub(
                lambda m: f"~~{m[1]}~~" if m[1] is not None else f"**{m[2]}**", change.message
            )
            lines.append(f"- {text}")
        lines.append("")
    return "\n".join(lines).rstrip()


def print_text(files: list[FileDiff]) -> None:
    from rich.text import Text

    from planwriter.terminal import console as new_console

    console = new_console(highlight=False)
    for f in files:
        console.print(Text(f"{f.path}（{f.old_label} → {f.new_label}）", style="bold"))
        if not f.changes:
            console.print(say("diff_identical"))
        for change in f.changes:
            if not console.is_terminal:  # a pipe or a file: keep [-removed-]{+added+} readable
                console.print(f"  {change.message}", markup=False)
                continue
            style = next((s for key, s in STYLE.items() if change.kind.endswith(key)), "")
            console.print(_styled(change.message, style))
        if f.changes:
            console.print(say("diff_summary", count=len(f.changes)), style="dim")


def _styled(message: str, style: str) -> Text:
    from rich.text import Text  # rich is paid for only when drawing

    text = Text("  ", style=style)
    position = 0
    for match in MARKER.finditer(message):
        text.append(message[position : match.start()], style=style)
        if match[1] is not None:
            text.append(match[1], style="red strike")
        else:
            text.append(match[2], style="green bold")
        position = match.end()
    text.append(message[position:], style=style)
    return text


# --- textconv ------------------------------------------------------------------------------


def textconv(path: str) -> str:
    """One fact a line, in document order, so `git diff` of a plan reads as a list of facts.

    Task lines carry the task's id, not its derived number: a move then changes the lines of
    the task that moved, not those of every task after it."""
    data = store.load(path).model
    if isinstance(data, model.Results):
        head = [say("textconv_results", bureau=data.bureau, year=data.year, source=data.source)]
        return (
            "\n".join(
                head
                + [
                    f"{r.metric}：{r.value}{r.unit}（{say('kind_' + r.kind.value)}）"
                    + (f" {label('quote')}：{r.quote}" if r.quote else "")
                    for r in data.results
                ]
            )
            + "\n"
        )
    lines = [say("textconv_plan", title=data.title, bureau=data.bureau, year=data.year)]
    if data.notice:
        for name in (
            "number",
            "recipients",
            "body",
            "signer",
            "date",
            "remark",
            "cc",
            "printer",
            "print_date",
        ):
            value = getattr(data.notice, name)
            if value:
                shown = model.chinese_date(value) if hasattr(value, "year") else value
                lines.append(f"{say('textconv_notice')}.{label(name)}：{shown}")
    lines += [f"导语：{p}" for p in data.preamble.splitlines() if p.strip()]
    for entry in model.outline(data):
        item = entry.item
        if not isinstance(item, model.Task):
            lines.append(f"{entry.label}{item.title}  [{item.id}]")
            continue
        key = f"[{item.id}]"
        lines.append(f"{key} {label('title')}：{item.title}")
        for name in ("lead", "partners", "due", "text", "note"):
            if value := getattr(item, name):
                shown = "、".join(value) if isinstance(value, list) else value
                lines.append(f"{key} {label(name)}：{shown}")
        lines += [f"{key} {label('targets')} {target_line(t)}" for t in item.targets]
    return "\n".join(lines) + "\n"
