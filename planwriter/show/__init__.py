"""The plan's outline for the terminal: derived numbers, titles and targets, drawn with rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planwriter import model
from planwriter.catalogue import label, say

if TYPE_CHECKING:  # rich is imported where drawing happens, so target_line stays light
    from rich.console import Console
    from rich.table import Table
    from rich.tree import Tree

    from planwriter.progress import Progress

OP_WORDS = {
    model.Op.AT_LEAST: "op_at_least",
    model.Op.AT_MOST: "op_at_most",
    model.Op.EQUAL: "op_equal",
}


def target_line(target: model.Target) -> str:
    """居家养老上门服务人数 不少于 15万人（总量）"""
    figure = model.written(target.value, target.unit)
    kind = say("kind_" + target.kind.value)
    return f"{target.metric} {say(OP_WORDS[target.op])} {figure}（{kind}）"


def who_line(task: model.Task) -> str:
    """牵头处室：养老服务处；责任单位：社会救助处；完成时限：6月底前 ("" if none)."""
    parts = [
        f"{label(name)}：{'、'.join(value) if isinstance(value, list) else value}"
        for name in ("lead", "partners", "due")
        if (value := getattr(task, name))
    ]
    return "；".join(parts)


def outline_tree(plan: model.Plan) -> Tree:
    from rich.text import Text
    from rich.tree import Tree

    root = Tree(Text(f"{plan.title}（{plan.bureau}）", style="bold"))
    branches: dict[int, Tree] = {}
    for entry in model.outline(plan):
        title = Text(f"{entry.label}{entry.item.title}")
        if entry.level == 1:
            title.stylize("bold")
            branches = {1: root.add(title)}
            continue
        parent = branches[2] if entry.level == 3 and 2 in branches else branches[1]
        node = parent.add(title)
        if entry.level == 2:
            branches[2] = node
        elif isinstance(entry.item, model.Task):
            if who := who_line(entry.item):
                node.add(Text(who, style="green"))
            for target in entry.item.targets:
                due = f"（{label('due')}：{target.due}）" if target.due else ""
                line = f"{say('show_targets')}：{target_line(target)}{due}"
                node.add(Text(line, style="cyan"))
    if not plan.domains:
        root.add(say("show_no_domains"))
    return root


def results_table(results: model.Results) -> Table:
    from rich.table import Table

    table = Table(
        title=say(
            "results_title", bureau=results.bureau, year=results.year, source=results.source or "—"
        ),
        show_lines=False,
    )
    for key in ("results_metric", "results_value", "results_kind", "results_quote"):
        table.add_column(say(key), overflow="fold")
    for result in results.results:
        table.add_row(
            result.metric,
            model.written(result.value, result.unit),
            say("kind_" + result.kind.value),
            result.quote,
        )
    return table


def print_results(results: model.Results, console: Console | None = None) -> None:
    from planwriter.terminal import console as new_console

    console = console or new_console()
    console.print(results_table(results))
    console.print(say("results_summary", count=len(results.results)))


def print_outline(plan: model.Plan, console: Console | None = None) -> None:
    from planwriter.terminal import console as new_console

    console = console or new_console()
    console.print(outline_tree(plan))
    console.print(
        say(
            "show_summary",
            domains=len(plan.domains),
            tasks=sum(1 for _ in plan.tasks()),
            targets=sum(1 for _ in plan.targets()),
        )
    )


def print_progress(progress: Progress, console: Console | None = None) -> None:
    """Each report's entries: task, target, value reached, 进展情况."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    for report in progress.reports:
        source = f"（{report.source}）" if report.source else ""
        title = say("progress_report_title", date=model.chinese_date(report.as_of))
        table = Table(title=title + source)
        for title in (label("task"), label("metric"), say("column_done"), say("column_progress")):
            table.add_column(title, overflow="fold")
        for entry in report.entries:
            value = model.written(entry.value.literal, entry.unit) if entry.value else ""
            table.add_row(entry.task, entry.metric or "", value, entry.note)
        console.print(table)
    console.print(say("progress_summary", year=progress.year, reports=len(progress.reports)))
