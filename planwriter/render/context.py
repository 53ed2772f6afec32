"""The plan as templates see it: plain dicts with derived numbers and dates as printed.

Text that XML cannot hold (a \\x0b pasted from Word) is cleaned here, with a warning.
"""

from __future__ import annotations

import re
from typing import Any

from planwriter import model
from planwriter.catalogue import say
from planwriter.source import CONTROL_CHARS


class Cleaner:
    def __init__(self) -> None:
        self.warnings: list[str] = []

    def __call__(self, text: str, where: str) -> str:
        cleaned, count = CONTROL_CHARS.subn("", text or "")
        if count:
            self.warnings.append(say("control_chars_removed", where=where, count=count))
        return cleaned


def plan_context(plan: model.Plan, clean: Cleaner) -> dict[str, Any]:
    numbered = {entry.item.id: entry.label for entry in model.outline(plan)}

    def task_view(task: model.Task) -> dict[str, Any]:
        where = f"任务 {numbered[task.id]}"
        return {
            "number": numbered[task.id],
            "title": clean(task.title, where),
            "text": clean(task.text, where),
            "lead": clean(task.lead, where),
            "partners": "、".join(clean(p, where) for p in task.partners),
            "due": clean(task.due, where),
            # a target's own 完成时限, as "居家养老上门服务人数：三季度"
            "target_dues": [
                f"{clean(t.metric, where)}：{clean(t.due, where)}" for t in task.targets if t.due
            ],
        }

    domains = [
        {
            "label": numbered[d.id],
            "title": clean(d.title, numbered[d.id]),
            "tasks": [task_view(t) for t in d.tasks],
            "sections": [
                {
                    "label": numbered[s.id],
                    "title": clean(s.title, numbered[s.id]),
                    "tasks": [task_view(t) for t in s.tasks],
                }
                for s in d.sections
            ],
        }
        for d in plan.domains
    ]
    preamble = [clean(p.strip(), "导语") for p in plan.preamble.splitlines() if p.strip()]
    view = {
        "title": clean(plan.title, "标题"),
        "bureau": clean(plan.bureau, "单位"),
        "year": plan.year,
        "preamble": preamble,
        "domains": domains,
    }
    return {"plan": view, "notice": notice_context(plan.notice, clean)}


def _names(text: str) -> list[str]:
    """机关 or people written one after another: 、 ， , or spaces between them."""
    return [name for name in re.split(r"[、，,\s]+", text.strip()) if name]


def notice_context(notice: model.Notice | None, clean: Cleaner) -> dict[str, Any]:
    if notice is None:
        return {}
    texts = {
        key: clean(getattr(notice, key), "印发通知")
        for key in model.NOTICE_FIELDS
        if key not in model.NOTICE_DATES
    }
    return {
        **texts,
        "joint": _names(texts["joint"]),
        "issuers": _names(texts["issuer"]),
        "title": "",
        "date": model.chinese_date(notice.date) if notice.date else "",
        "print_date": model.chinese_date(notice.print_date) if notice.print_date else "",
    }
