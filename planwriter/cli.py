"""The command line: parse the arguments, then hand the command to the package that owns it.

Each command is `run(args) -> exit code` in its package's command module (check/command.py,
render/command.py, …), imported only when that command runs, so starting one command never
pays for another's libraries. Exit codes: planwriter.terminal.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import importlib
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from planwriter import __version__, files
from planwriter import cli_words as words
from planwriter.catalogue import ARGPARSE, say
from planwriter.problems import InputError
from planwriter.terminal import EXIT_BAD_INPUT, EXIT_INTERRUPTED, EXIT_OK, report_problems

DEFAULT_PLANS_DIR = "plans"


# --- argparse in Chinese ------------------------------------------------------------


def _translate(message: str) -> str:
    return ARGPARSE.get(message, message)


argparse._ = _translate  # type: ignore[attr-defined]  # argparse looks `_` up at call time


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: object, listed_only: bool = False, **kwargs: object) -> None:
        """`listed_only`: a command that is listed but not run, which needs no arguments."""
        kwargs.setdefault("add_help", False)
        kwargs.setdefault("formatter_class", words.HelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if not listed_only:
            self.add_argument("-h", "--help", action="help", help=say("cli_help"))

    def format_help(self) -> str:
        # argparse ends each heading with an ASCII colon of its own: 选项: → 选项：
        return re.sub(r"^(\S[^\n]*?):$", r"\1：", super().format_help(), flags=re.MULTILINE)

    def unknown(self, extras: list[str]) -> None:
        """A mistyped flag, answered with this (sub)command's usage and the flag it resembles."""
        flags = [o for action in self._actions for o in action.option_strings]
        hints = [
            say("cli_flag_suggest", flag=close[0])
            for extra in extras
            if (close := _close_matches(extra.split("=")[0], flags, n=1))
        ]
        self.error(_translate("unrecognized arguments: %s") % " ".join(extras) + "".join(hints))

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_BAD_INPUT,
            _translate("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message},
        )


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line. With `command`, only that command's arguments are added: every
    command is still listed with its help, but building all of them cost each start about
    1.5 ms (argparse sizes the terminal for every argument it adds)."""
    parser = _Parser(
        prog="planwriter", description=say("cli_description"), epilog=say("cli_epilog")
    )
    parser.add_argument(
        "--version", action="version", version=f"planwriter {__version__}", help=say("cli_version")
    )
    commands = parser.add_subparsers(
        dest="command",
        title=say("cli_commands"),
        metavar="命令",
        help=say("cli_commands_help"),
        parser_class=_Parser,
    )
    for name, add_arguments in _COMMANDS.items():
        built = command in (None, name)
        sub = commands.add_parser(
            name, help=say(f"cmd_{name}"), description=say(f"cmd_{name}"), listed_only=not built
        )
        if built:
            add_arguments(sub)
    return parser


def _command_named(argv: Sequence[str]) -> str | None:
    """The command the arguments name: the first that is no option (the top level's options,
    -h and --version, take no value); None when that is no command."""
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    return first if first in _COMMANDS else None


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(_command_named(argv))
    args, extras = parser.parse_known_args(argv)
    if extras:  # said by the subcommand that was given, with its own usage
        commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        command = commands.choices.get(getattr(args, "command", None) or "", parser)
        command.unknown(extras)  # every parser here is a _Parser
    handler: str | None = getattr(args, "run", None)
    if handler is None:
        parser.print_help(sys.stderr)
        print(f"\n{say('cli_no_command')}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return _command(handler)(args)
    except InputError as err:
        report_problems(err.problems)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `check --format json | head`: the reader has all it wanted
        _quiet_stdout()
        return EXIT_OK
    except OSError as err:  # a file no command expected to fail on: said, not a traceback
        report_problems([files.os_problem(err)])
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(say("interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED


def run() -> NoReturn:
    """The console script and `python -m planwriter`: `main`, then the process ends without
    Python tearing down every module and object it loaded, a sixth of a cold render (38M
    instructions, measured with valgrind). By then a command's files are written, fsynced and
    closed; exit handlers still run, and output is flushed. While another thread lives (a
    save in flight) the ordinary exit waits for it."""
    code = main()
    threads = sys.modules.get("threading")  # not imported: no thread was ever started
    if threads is not None and threads.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nobody reads it now
            stream.flush()
    os._exit(code)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _command(handler: str) -> Callable[[argparse.Namespace], int]:
    """The function a handler names, module:function; the module is imported only now."""
    module, _, name = handler.partition(":")
    run: Callable[[argparse.Namespace], int] = getattr(importlib.import_module(module), name)
    return run


# --- the commands' arguments -------------------------------------------------------------


def _add_validate(validate: argparse.ArgumentParser) -> None:
    validate.add_argument("files", nargs="+", metavar="文件", help=say("arg_files"))
    validate.set_defaults(run="planwriter.validate.command:run")


def _add_show(show: argparse.ArgumentParser) -> None:
    show.add_argument("plan", metavar="文件", help=say("arg_show_file"))
    show.set_defaults(run="planwriter.show.command:run")


def _add_fmt(fmt: argparse.ArgumentParser) -> None:
    fmt.add_argument("files", nargs="+", metavar="文件", help=say("arg_files"))
    fmt.add_argument("--check", action="store_true", help=say("arg_fmt_check"))
    fmt.set_defaults(run="planwriter.fmt.command:run")


def _add_new(new: argparse.ArgumentParser) -> None:
    new.add_argument("--bureau", metavar="单位", help=say("arg_bureau_new"))
    new.add_argument("--year", required=True, metavar="年度", help=say("arg_year"))
    new.add_argument("-o", "--output", metavar="文件", help=say("arg_output"))
    new.add_argument(
        "--plans-dir", default=DEFAULT_PLANS_DIR, metavar="目录", help=say("arg_plans_dir")
    )
    new.add_argument("--force", action="store_true", help=say("arg_force"))
    new.set_defaults(run="planwriter.new.command:run")


def _add_check(check: argparse.ArgumentParser) -> None:
    check.add_argument("plans", nargs="*", metavar="计划", help=say("arg_check_plans"))
    check.add_argument("--baseline", metavar="实绩", help=say("arg_baseline"))
    words.add_format(check, words.CHECK_FORMATS, "table", "arg_format")
    check.add_argument(
        "--min-severity",
        type=words.severity,
        default="info",
        metavar="级别",
        help=say("arg_min_severity"),
    )
    check.add_argument("--list-rules", action="store_true", help=say("arg_list_rules"))
    check.add_argument("-v", "--verbose", action="store_true", help=say("arg_check_verbose"))
    check.set_defaults(run="planwriter.check.command:run")


def _add_report(report: argparse.ArgumentParser) -> None:
    report.add_argument("results", metavar="实绩", help=say("arg_results"))
    report.add_argument("--plan", metavar="上年计划", help=say("arg_last_plan"))
    words.add_format(report, words.REPORT_FORMATS, "table", "arg_report_format")
    report.set_defaults(run="planwriter.completion.command:run")


def _add_render(render: argparse.ArgumentParser) -> None:
    render.add_argument("plans", nargs="+", metavar="计划", help=say("arg_render_plans"))
    render.add_argument("-o", "--output", metavar="输出", help=say("arg_render_output"))
    render.add_argument("--template", metavar="模板", help=say("arg_template"))
    render.add_argument("--pdf", action="store_true", help=say("arg_pdf"))
    render.add_argument("--breakdown", action="store_true", help=say("arg_breakdown"))
    render.add_argument("--profile", metavar="样式", help=say("arg_profile"))
    render.add_argument("--as-of", metavar="日期", help=say("arg_render_as_of"))
    render.set_defaults(run="planwriter.render.command:run")


def _add_progress(progress: argparse.ArgumentParser) -> None:
    progress.add_argument("plan", metavar="计划", help=say("arg_progress_plan"))
    progress.add_argument("--as-of", metavar="日期", help=say("arg_as_of"))
    progress.add_argument("--progress", metavar="进度", help=say("arg_progress_file"))
    progress.add_argument("--baseline", metavar="实绩", help=say("arg_baseline"))
    words.add_format(progress, words.CHECK_FORMATS, "table", "arg_format")
    progress.set_defaults(run="planwriter.tracking.command:run_progress")


def _add_results(results: argparse.ArgumentParser) -> None:
    results.add_argument("plan", metavar="计划", help=say("arg_results_plan"))
    results.add_argument("--as-of", metavar="日期", help=say("arg_as_of"))
    results.add_argument("--progress", metavar="进度", help=say("arg_progress_file"))
    results.add_argument("-o", "--output", metavar="输出", help=say("arg_results_output"))
    results.add_argument("--force", action="store_true", help=say("arg_force"))
    results.set_defaults(run="planwriter.tracking.command:run_results")


def _add_edit(edit: argparse.ArgumentParser) -> None:
    edit.add_argument("plan", nargs="?", metavar="计划", help=say("arg_edit_plan"))
    edit.add_argument(
        "--plans-dir",
        default=DEFAULT_PLANS_DIR,
        metavar="目录",
        help=say("arg_edit_plans_dir"),
    )
    edit.set_defaults(run="planwriter.tui.command:run")


def _add_diff(diff: argparse.ArgumentParser) -> None:
    words.add_format(diff, words.DIFF_FORMATS, "text", "arg_diff_format")
    diff.add_argument(
        "args", nargs=argparse.REMAINDER, metavar="版本或文件", help=say("arg_diff_args")
    )
    diff.set_defaults(run="planwriter.diff.command:run")


def _add_textconv(textconv: argparse.ArgumentParser) -> None:
    textconv.add_argument("file", metavar="文件", help=say("arg_textconv_file"))
    textconv.set_defaults(run="planwriter.diff.command:run_textconv")


def _add_import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "kind",
        type=words.choice(words.IMPORT_KINDS, say("cli_what_kind")),
        metavar="类型",
        help=say("arg_import_kind", choices=words.listing(words.IMPORT_KINDS)),
    )
    parser.add_argument("file", metavar="文件", help=say("arg_import_file"))
    parser.add_argument("-o", "--output", metavar="输出", help=say("arg_import_output"))
    parser.add_argument("--like", metavar="参照", help=say("arg_import_like"))
    parser.add_argument("--year", metavar="年度", help=say("arg_import_year"))
    parser.add_argument("--bureau", metavar="单位", help=say("arg_import_bureau"))
    parser.add_argument("--force", action="store_true", help=say("arg_force"))
    parser.add_argument("-v", "--verbose", action="store_true", help=say("arg_import_verbose"))
    parser.add_argument("--as-of", metavar="日期", help=say("arg_import_as_of"))
    parser.add_argument("--plan", metavar="计划", help=say("arg_import_plan"))
    parser.add_argument("--skip", action="store_true", help=say("arg_import_skip"))
    parser.set_defaults(run="planwriter.importer.command:run")


def _add_export(export: argparse.ArgumentParser) -> None:
    export.add_argument("plan", metavar="计划", help=say("arg_export_plan"))
    export.add_argument("-o", "--output", metavar="输出", help=say("arg_export_output"))
    export.add_argument("--force", action="store_true", help=say("arg_force"))
    export.set_defaults(run="planwriter.sheet.command:run_export")


_COMMANDS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "validate": _add_validate,
    "show": _add_show,
    "fmt": _add_fmt,
    "new": _add_new,
    "import": _add_import,
    "check": _add_check,
    "report": _add_report,
    "render": _add_render,
    "export": _add_export,
    "diff": _add_diff,
    "textconv": _add_textconv,
    "edit": _add_edit,
    "progress": _add_progress,
    "results": _add_results,
}


if __name__ == "__main__":
    sys.exit(main())


def _close_matches(word: str, choices: list[str], n: int) -> list[str]:
    import difflib  # only for a mistyped flag; every command's start would pay for it

    return difflib.get_close_matches(word, choices, n=n)
