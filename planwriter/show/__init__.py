"""The plan's outline for the terminal: derived numbers, titles and targets, drawn with rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planwriter import model
from planwriter.catalogue import say

if TYPE_CHECKING:  # rich is imported where drawing happens, so target_line stays light
    from rich.console import Console
    from rich.table import Table
    from rich.tree import Tree

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
            for target in entry.item.targets:
                node.add(Text(f"{say('show_targets')}：{target_line(target)}", style="cyan"))
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
    from rich.console import Console

    console = console or Console()
    console.print(results_table(results))
    console.print(say("results_summary", count=len(results.results)))


def print_outline(plan: model.Plan, console: Console | None = None) -> None:
    from rich.console import Console

    console = console or Console()
    console.print(outline_tree(plan))
    console.print(
        say(
            "show_summary",
            domains=len(plan.domains),
            tasks=sum(1 for _ in plan.tasks()),
            targets=sum(1 for _ in plan.targets()),
        )
    )
