"""Rules about the plan on its own: text against targets, metrics, structure, the notice."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from planwriter import model
from planwriter.catalogue import say
from planwriter.check.context import Context, Finding
from planwriter.check.registry import rule
from planwriter.problems import Severity
from planwriter.quantity import Found, Quantity, compatible, shown, states_figure

SIMILAR_METRIC = 0.6  # difflib ratio above which two metric names probably mean one thing
CLAUSE_BREAK = re.compile(r"[，。；：、,;:]")
LEADING_VERBS = (
    "持续",
    "全面",
    "进一步",
    "积极",
    "全市",
    "开展",
    "完成",
    "实现",
    "新增",
    "新建",
    "建设",
    "达到",
    "提供",
    "为",
    "对",
    "在",
)
UNIT_SUFFIX = {
    "人": "人数",
    "名": "人数",
    "位": "人数",
    "户": "户数",
    "人次": "人次",
    "元": "金额",
    "%": "率",
}


@rule("text-drift", Severity.ERROR)
def text_drift(ctx: Context) -> Iterator[Finding]:
    """The target's figure must stand in its task's text (15万 matches 为15万名老年人)."""
    for entry in ctx.tasks:
        if not entry.task.text:
            continue
        found = ctx.figures(entry)
        for _, index, target, quantity in ctx.task_targets(entry):
            if not any(states_figure(f, quantity) for f in found):
                yield ctx.finding(
                    "text-drift",
                    Severity.ERROR,
                    say("text_drift", metric=target.metric, target=shown(quantity)),
                    ctx.at_task(entry, "targets", index, "value"),
                    entry,
                )


@rule("untracked-figure", Severity.INFO)
def untracked_figure(ctx: Context) -> Iterator[Finding]:
    for entry in ctx.tasks:
        quantities = [quantity for *_, quantity in ctx.task_targets(entry)]
        for found in ctx.figures(entry):
            if not any(states_figure(found, q) for q in quantities):
                suggestion = suggest_metric(entry.task.text, found)
                yield ctx.finding(
                    "untracked-figure",
                    Severity.INFO,
                    say("untracked_figure", figure=found.quantity.literal, suggestion=suggestion),
                    ctx.at_task(entry, "text"),
                    entry,
                    fill=(("metric", suggestion), ("value", found.quantity.literal)),
                )


def suggest_metric(text: str, found: Found) -> str:
    """A metric name from the clause around the figure: 开展…培训4万人次 → …培训人次."""
    start = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, found.start)), default=0)
    end = next((m.start() for m in CLAUSE_BREAK.finditer(text, found.end)), len(text))
    words = (text[start : found.start] + text[found.end : end]).strip()
    for verb in LEADING_VERBS:
        words = words.removeprefix(verb)
    quantity = found.quantity
    suffix = UNIT_SUFFIX.get(quantity.unit, "数")
    if words.endswith(suffix) or (suffix == "率" and words.endswith("率")):
        return words
    return words + suffix


@rule("metric-conflict", Severity.ERROR)
def metric_conflict(ctx: Context) -> Iterator[Finding]:
    first: dict[str, tuple[str, Quantity]] = {}
    for entry, index, target, quantity in ctx.targets():
        if target.metric not in first:
            first[target.metric] = (entry.number, quantity)
            continue
        number, other = first[target.metric]
        if other.amount != quantity.amount or compatible(other.unit, quantity.unit):
            yield ctx.finding(
                "metric-conflict",
                Severity.ERROR,
                say(
                    "metric_conflict",
                    metric=target.metric,
                    value=shown(quantity),
                    number=entry.number,
                    other=shown(other),
                    other_number=number,
                ),
                ctx.at_task(entry, "targets", index, "metric"),
                entry,
            )


@rule("did-you-mean", Severity.INFO, needs_baseline=True)
def did_you_mean(ctx: Context) -> Iterator[Finding]:
    """Only metrics of the same kind are offered: a flow never links to a stock."""
    known = {result.metric: result.kind for _, result, _ in ctx.results()}
    linked = {target.metric for _, _, target, _ in ctx.targets()} & set(known)
    for entry, index, target, _ in ctx.targets():
        if target.metric in known:
            continue
        candidates = [
            m
            for m, kind in known.items()
            if m not in linked and kind is target.kind and same_measure(m, target.metric)
        ]
        close = difflib.get_close_matches(target.metric, candidates, n=1, cutoff=SIMILAR_METRIC)
        if close:
            yield ctx.finding(
                "did-you-mean",
                Severity.INFO,
                say("did_you_mean", metric=target.metric, suggestion=close[0]),
                ctx.at_task(entry, "targets", index, "metric"),
                entry,
            )


# What makes two alike names measure different things: a grade or figure (4A, 5A, 80周岁),
# and words that bound or scope the count.
MEASURE_MARKS = re.compile(r"[0-9A-Za-z]+|及以上|以上|及以下|以下|以内|累计|新增|人均|年均|户均")


def same_measure(a: str, b: str) -> bool:
    """Whether two metric names can be one measure: 4A级及以上 and 5A级 cannot."""
    return sorted(MEASURE_MARKS.findall(a)) == sorted(MEASURE_MARKS.findall(b))


@rule("empty-domain", Severity.WARNING)
def empty_domain(ctx: Context) -> Iterator[Finding]:
    for index, domain in enumerate(ctx.plan.domains):
        if not domain.tasks and not domain.sections:
            yield ctx.finding(
                "empty-domain",
                Severity.WARNING,
                say("empty_domain", title=domain.title),
                ctx.at("domains", index),
                domain=domain,
            )


@rule("empty-section", Severity.WARNING)
def empty_section(ctx: Context) -> Iterator[Finding]:
    for d_index, domain in enumerate(ctx.plan.domains):
        for s_index, section in enumerate(domain.sections):
            if not section.tasks:
                yield ctx.finding(
                    "empty-section",
                    Severity.WARNING,
                    say("empty_section", title=section.title),
                    ctx.at("domains", d_index, "sections", s_index),
                    domain=domain,
                )


@rule("task-without-text", Severity.WARNING)
def task_without_text(ctx: Context) -> Iterator[Finding]:
    for entry in ctx.tasks:
        if not entry.task.text.strip():
            yield ctx.finding(
                "task-without-text",
                Severity.WARNING,
                say("task_without_text", title=entry.task.title),
                ctx.at_task(entry),
                entry,
            )


@rule("duplicate-title", Severity.WARNING)
def duplicate_title(ctx: Context) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for entry in ctx.tasks:
        title = entry.task.title.strip()
        if title in first:
            yield ctx.finding(
                "duplicate-title",
                Severity.WARNING,
                say("duplicate_title", title=title, other=first[title]),
                ctx.at_task(entry, "title"),
                entry,
            )
        first.setdefault(title, entry.number)


@rule("rate-over-100", Severity.ERROR)
def rate_over_100(ctx: Context) -> Iterator[Finding]:
    for entry, index, target, quantity in ctx.targets():
        if quantity.unit == "%" and quantity.amount > 100:
            yield ctx.finding(
                "rate-over-100",
                Severity.ERROR,
                say("rate_over_100", metric=target.metric, target=shown(quantity)),
                ctx.at_task(entry, "targets", index, "value"),
                entry,
            )


# --- the notice --------------------------------------------------------------------

DOC_NUMBER = re.compile(r"(?P<prefix>\S+?)〔(?P<year>\d{4})〕(?P<seq>\d+)号")
WRONG_BRACKETS = re.compile(r"[\[【(（{［](?P<year>\d{4})[\]】)）}］]")
STRAY_END = "，,。.；;、：:"


@rule("notice-number", Severity.ERROR)
def notice_number(ctx: Context) -> Iterator[Finding]:
    notice = ctx.plan.notice
    if notice is None or not notice.number:
        return
    number = notice.number.strip()
    where = ctx.at("notice", "number")
    message = _number_problem(number, ctx.plan.year)
    if message:
        yield ctx.finding("notice-number", Severity.ERROR, message, where)


def _number_problem(number: str, plan_year: int) -> str:
    """Every fault of the number named at once, with the number fixed of all of them:
    `常民发[2024]05号` needs both its brackets and its leading zero fixed."""
    faults: list[str] = []
    fixed = WRONG_BRACKETS.sub(lambda m: f"〔{m['year']}〕", number)
    if fixed != number:
        faults.append(say("notice_fault_brackets"))
    if "〕第" in fixed:
        faults.append(say("notice_fault_di"))
        fixed = fixed.replace("〕第", "〕")
    match = DOC_NUMBER.fullmatch(fixed)
    if match is None:
        return say("notice_number_form", number=number)
    if match["seq"].startswith("0"):
        faults.append(say("notice_fault_zero"))
        fixed = f"{match['prefix']}〔{match['year']}〕{int(match['seq'])}号"
    if faults:
        return say("notice_number_fix", number=number, faults="，".join(faults), fixed=fixed)
    if int(match["year"]) != plan_year:
        return say("notice_number_year", number=number, year=match["year"], plan_year=plan_year)
    return ""


@rule("notice-date", Severity.WARNING)
def notice_date(ctx: Context) -> Iterator[Finding]:
    notice = ctx.plan.notice
    if notice and notice.date and notice.date.year not in (ctx.plan.year, ctx.plan.year - 1):
        yield ctx.finding(
            "notice-date",
            Severity.WARNING,
            say("notice_date_year", date=model.chinese_date(notice.date), plan_year=ctx.plan.year),
            ctx.at("notice", "date"),
        )


@rule("notice-recipients", Severity.WARNING)
def notice_recipients(ctx: Context) -> Iterator[Finding]:
    notice = ctx.plan.notice
    recipients = notice.recipients.strip() if notice else ""
    if recipients and recipients[-1] in STRAY_END:
        yield ctx.finding(
            "notice-recipients",
            Severity.WARNING,
            say("notice_recipients", mark=recipients[-1]),
            ctx.at("notice", "recipients"),
        )
