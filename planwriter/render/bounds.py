"""Bounds on what a bureau's template may cost: time, text, numbers.

Jinja's sandbox keeps a template from Python's internals but not from `"x" * 10**10`,
`"%999999999d" | format(1)` or a loop nested in a loop: those hang or exhaust memory. Here
the operators and filters that can make text out of proportion are checked before they run,
and the whole rendering runs against a deadline that stops even a loop that calls nothing.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from jinja2.sandbox import SandboxedEnvironment

from planwriter.catalogue import say

MAX_TEXT = 1_000_000  # characters one expression may make; a whole plan is a few 10 000
MAX_WIDTH = 1000  # a field width or padding in a format
MAX_EXPONENT = 256  # 10 ** 10 ** 10 would compute for hours
SECONDS = 20.0  # a real template renders in well under a second
_WIDTHS = re.compile(r"%[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?|\{[^{}]*?[:<>^=]?(\d+)")


class TemplateTooCostly(Exception):
    """A template asked for more than its bounds; the message is Chinese."""


class TemplateTimeout(BaseException):
    """Raised inside the rendering thread by the watchdog; BaseException so no template-level
    `except Exception` can swallow it."""


def _refuse(what: str) -> TemplateTooCostly:
    return TemplateTooCostly(say("template_too_costly", what=what))


def _check_format(spec: object) -> None:
    if not isinstance(spec, str):
        return
    for match in _WIDTHS.finditer(spec):
        for number in match.groups():
            if number == "*" or (number and int(number) > MAX_WIDTH):
                raise _refuse(spec[:30])


def _size(value: object) -> int:
    return len(value) if isinstance(value, str | bytes | list | tuple) else 0


class BoundedSandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(count, int) and _size(seq) * max(count, 0) > MAX_TEXT:
                    raise _refuse(say("template_what_repeat"))
        elif operator == "**":
            if isinstance(right, int | float) and right > MAX_EXPONENT:
                raise _refuse(say("template_what_power"))
        elif operator == "%" and isinstance(left, str):
            _check_format(left)
        return super().call_binop(context, operator, left, right)


def bound_filters(env: SandboxedEnvironment) -> None:
    """The filters that can widen text far beyond their input."""
    builtin = dict(env.filters)

    def widening(name: str, width_at: int) -> Callable[..., Any]:
        def bounded(*args: Any, **kwargs: Any) -> Any:
            width = kwargs.get("width", args[width_at] if len(args) > width_at else 0)
            if isinstance(width, int) and width > MAX_WIDTH:
                raise _refuse(f"{name}({width})")
            return builtin[name](*args, **kwargs)

        return bounded

    def format_bounded(value: Any, *args: Any, **kwargs: Any) -> Any:
        _check_format(value)
        return builtin["format"](value, *args, **kwargs)

    env.filters["format"] = format_bounded
    env.filters["center"] = widening("center", 1)
    env.filters["indent"] = widening("indent", 1)
    lipsum = env.globals.get("lipsum")
    if callable(lipsum):

        def lipsum_bounded(n: int = 5, *args: Any, **kwargs: Any) -> Any:
            if isinstance(n, int) and n > 100:
                raise _refuse(f"lipsum({n})")
            return lipsum(n, *args, **kwargs)

        env.globals["lipsum"] = lipsum_bounded


def bounded_text(chunks: Iterator[str]) -> None:
    """Run a template's output generator, keeping none of it beyond a bounded count."""
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > MAX_TEXT * 20:
            raise _refuse(say("template_what_output"))


@contextmanager
def deadline(seconds: float = SECONDS) -> Iterator[None]:
    """Stop the code inside after `seconds`, with TemplateTimeout raised in this thread."""
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _raise_in(thread_id, TemplateTimeout)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            if state["fired"]:
                _raise_in(thread_id, None)  # not delivered yet: withdrawn
        timer.cancel()
        timer.join()  # gone before the command ends: see cli.run


def _raise_in(thread_id: int, kind: type[BaseException] | None) -> None:
    import ctypes  # only when a template overruns its time: every render would pay ~1 ms

    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(kind) if kind else None
    )
