"""Jinja templates → document blocks. Templates decide what the document says and in which
order; they build blocks by calling p(), b(), title(), blank(), page_break(), signature(),
table(), masthead(), annex() with span_row() and row(), and banji(), so no user text is ever
parsed as markup. User templates run in Jinja's sandbox, and a template error names the
template file and line. Undefined names are errors, so a typo (plan.titel) is reported rather
than printed as nothing, and so is any reach for Python internals (''.__class__), which the
sandbox turns into an undefined value.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import (
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment, SecurityError

import planwriter.templates as builtin_templates
from planwriter.catalogue import say
from planwriter.problems import InputError, Location, Problem
from planwriter.render.blocks import (
    Annex,
    AnnexRow,
    Banji,
    Block,
    Chart,
    Masthead,
    Paragraph,
    Run,
    Signature,
    Table,
)
from planwriter.render.bounds import (
    SECONDS,
    BoundedSandbox,
    TemplateTimeout,
    TemplateTooCostly,
    bound_filters,
    bounded_text,
    deadline,
)
from planwriter.render.names import TEMPLATES

# templates/ installs as the package planwriter.templates (editable or not)
BUILTIN_DIR = Path(builtin_templates.__file__).resolve().parent
SENTENCE_ENDS = "。！？!?"
MAX_BLOCKS = 200_000  # paragraphs and tables; a 10 000-task plan makes about 20 000


class Collector:
    """The template's calls, gathered into blocks in document order."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._break_next = False

    def globals(self) -> dict[str, Callable[..., Any]]:
        return {
            "p": self.paragraph,
            "b": bold,
            "title": self.title,
            "blank": self.blank,
            "page_break": self.page_break,
            "signature": self.signature,
            "table": self.table,
            "annex": self.annex,
            "span_row": self.span_row,
            "row": self.row,
            "banji": self.banji,
            "chart": self.chart,
            "masthead": self.masthead,
        }

    def _add(self, block: Block) -> str:
        if len(self.blocks) >= MAX_BLOCKS:  # a loop making paragraphs without end
            raise TemplateTooCostly(say("template_too_costly", what=say("template_what_blocks")))
        self.blocks.append(block)
        return ""

    def _break(self) -> bool:
        """Whether the block being made starts a new page: page_break() was called before it."""
        brk, self._break_next = self._break_next, False
        return brk

    def paragraph(self, style: str, *parts: object) -> str:
        runs = [
            part if isinstance(part, Run) else Run(str(part))
            for part in parts
            if part not in (None, "")
        ]
        return self._add(Paragraph(style, runs, self._break()))

    def title(self, text: str, style: str = "title") -> str:
        return self._add(Paragraph(style, [Run(str(text))], self._break()))

    def blank(self) -> str:
        return self._add(Paragraph("body", [], self._break()))

    def page_break(self) -> str:
        self._break_next = True
        return ""

    def signature(self, signer: str, date: str) -> str:
        return self._add(Signature(str(signer), str(date), self._break()))

    def table(self, header: list[Any], rows: list[list[Any]], style: str = "table") -> str:
        cells = [[str(c) for c in r] for r in rows]
        header_cells = [str(h) for h in header]
        return self._add(Table(header_cells, cells, self._break(), str(style)))

    def chart(self, title: str, categories: list[Any], series: list[Any], unit: str = "%") -> str:
        """A bar chart: `series` is a list of [name, values], a value per category (none: no
        bar)."""
        bars = [
            (str(name), [None if v is None else float(v) for v in values])
            for name, values in series
        ]
        labels = [str(c) for c in categories]
        return self._add(Chart(str(title), labels, bars, str(unit), self._break()))

    def masthead(
        self,
        number: str,
        marks: list[Any],
        suffix: str = "",
        issuers: list[Any] | None = None,
        copy_number: str = "",
        secrecy: str = "",
        urgency: str = "",
    ) -> str:
        return self._add(
            Masthead(
                [str(m) for m in marks],
                str(number),
                str(suffix or ""),
                tuple(str(i) for i in issuers or []),
                str(copy_number or ""),
                str(secrecy or ""),
                str(urgency or ""),
                self._break(),
            )
        )

    def annex(self, label: str, title: str, header: list[Any]) -> str:
        """A 附件 table on landscape pages; span_row() and row() then fill it."""
        self._break()  # taken: an annex begins its own landscape section on a new page anyway
        return self._add(Annex(str(label), str(title), [str(h) for h in header], []))

    def span_row(self, text: object) -> str:
        self._current_annex().rows.append(AnnexRow([str(text)], span=True))
        return ""

    def row(self, *cells: object) -> str:
        annex = self._current_annex()
        if len(cells) != len(annex.header):
            raise ValueError(say("template_row_cells", count=len(cells), columns=len(annex.header)))
        annex.rows.append(AnnexRow(["" if c is None else str(c) for c in cells]))
        return ""

    def _current_annex(self) -> Annex:
        if not self.blocks or not isinstance(self.blocks[-1], Annex):
            raise ValueError(say("template_row_outside_annex"))
        return self.blocks[-1]

    def banji(self, cc: str = "", printer: str = "", print_date: str = "") -> str:
        return self._add(Banji(str(cc or ""), str(printer or ""), str(print_date or "")))


def bold(text: object) -> Run:
    return Run(str(text), bold=True)


def sentence(text: str) -> str:
    """A run-in title ends with 。 unless it already ends a sentence."""
    text = str(text).rstrip()
    return text if not text or text[-1] in SENTENCE_ENDS else text + "。"


class ConfinedLoader(FileSystemLoader):
    """Only regular files really inside a template folder: a symlink in a bureau's
    template_dir to /etc/passwd, or a FIFO, is not found rather than read."""

    def get_source(self, environment: Any, template: str) -> Any:
        pieces = split_template_path(template)
        for folder in self.searchpath:
            candidate = os.path.join(folder, *pieces)
            if not os.path.lexists(candidate):
                continue
            real, home = os.path.realpath(candidate), os.path.realpath(folder)
            if os.path.commonpath([real, home]) != home or not os.path.isfile(real):
                raise TemplateNotFound(template)
            if os.stat(real).st_size > MAX_TEMPLATE_BYTES:
                raise TemplateNotFound(template)
            break
        return super().get_source(environment, template)


MAX_TEMPLATE_BYTES = 1024 * 1024


def environment(search: list[Path]) -> SandboxedEnvironment:
    env = BoundedSandbox(
        loader=ConfinedLoader([str(p) for p in search]),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["sentence"] = sentence
    bound_filters(env)
    return env


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept between runs (keyed by source, so an edit recompiles)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "planwriter", "jinja")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None  # a read-only home: compile every time
    return FileSystemBytecodeCache(folder)


def render_blocks(
    template: str | Path, context: dict[str, Any], search: list[Path] | None = None
) -> list[Block]:
    """Run `template` (a name like "notice" or a .j2 path) and return its blocks."""
    path = Path(template)
    folders = list(search or [])
    if path.suffix == ".j2":
        folders.insert(0, path.resolve().parent)
        name = path.name
    else:
        name = f"{template}.j2"
    env = environment([*folders, BUILTIN_DIR])
    collector = Collector()
    try:
        with deadline():
            bounded_text(env.get_template(name).generate(**context, **collector.globals()))
    except TemplateTooCostly as err:
        raise _problem(str(err), *_template_frame(name)) from err
    except TemplateTimeout as err:
        raise _problem(say("template_timeout", seconds=int(SECONDS)), name) from err
    except RecursionError as err:
        raise _problem(say("template_recursion"), *_template_frame(name)) from err
    except OverflowError as err:  # the sandbox's range() of more than 100 000 numbers
        raise _problem(say("template_too_costly", what="range"), *_template_frame(name)) from err
    except TemplateNotFound as err:
        if err.name != name:  # a template includes one that is not there
            raise _problem(say("template_missing", name=err.name), name) from err
        own = sorted({p.stem for f in folders for p in Path(f).glob("*.j2")} - {*TEMPLATES, "plan"})
        listed = "、".join([*TEMPLATES, *own])
        raise _problem(say("template_unknown", name=template, names=listed), name) from err
    except TemplateSyntaxError as err:
        raise _problem(
            say("template_syntax", message=err.message or err), err.filename or name, err.lineno
        ) from err
    except SecurityError as err:  # "access to attribute '__class__' of 'str' object is unsafe"
        message = say("template_unsafe", message=_quoted(err, first=True))
        raise _problem(message, *_template_frame(name)) from err
    except UndefinedError as err:  # "'dict object' has no attribute 'titel'"
        message = say("template_undefined", name=_quoted(err, first=False))
        raise _problem(message, *_template_frame(name)) from err
    except (TemplateError, TypeError, ValueError, AttributeError) as err:
        raise _problem(say("template_failed", message=err), *_template_frame(name)) from err
    return collector.blocks


def _quoted(err: Exception, first: bool) -> str:
    """The name Jinja quotes in its English message, so ours can be said in Chinese."""
    names = re.findall(r"'([^']+)'", str(err))
    if not names:
        return str(err)
    return names[0] if first else names[-1]


def _template_frame(name: str) -> tuple[str, int]:
    """Jinja rewrites tracebacks so a frame's file and line are the template's own."""
    tb = sys.exc_info()[2]
    found = (name, 0)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _problem(message: str, file: str, line: int | None = 0) -> InputError:
    return InputError([Problem("template", message, Location(file, line or 0, 1 if line else 0))])
