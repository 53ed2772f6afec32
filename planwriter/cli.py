"""The command line: parse arguments, call the core, print. No logic of its own.

Exit codes: 0 fine, 1 problems found (fmt --check), 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from planwriter import __version__, model, store
from planwriter import cli_words as words
from planwriter.files import expand
from planwriter.messages import ARGPARSE, say
from planwriter.problems import InputError, Problem

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2
DEFAULT_PLANS_DIR = Path("plans")


# --- argparse in Chinese ------------------------------------------------------------


def _translate(message: str) -> str:
    return ARGPARSE.get(message, message)


argparse._ = _translate  # type: ignore[attr-defined]  # argparse looks `_` up at call time


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("add_help", False)
        kwargs.setdefault("formatter_class", words.HelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
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
            if (close := difflib.get_close_matches(extra.split("=")[0], flags, n=1))
        ]
        self.error(_translate("unrecognized arguments: %s") % " ".join(extras) + "".join(hints))

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_BAD_INPUT,
            _translate("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message},
        )


def build_parser() -> argparse.ArgumentParser:
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

    validate = commands.add_parser(
        "validate", help=say("cmd_validate"), description=say("cmd_validate")
    )
    validate.add_argument("files", nargs="+", metavar="文件", help=say("arg_files"))
    validate.set_defaults(run=run_validate)

    show = commands.add_parser("show", help=say("cmd_show"), description=say("cmd_show"))
    show.add_argument("plan", metavar="文件", help=say("arg_show_file"))
    show.set_defaults(run=run_show)

    fmt = commands.add_parser("fmt", help=say("cmd_fmt"), description=say("cmd_fmt"))
    fmt.add_argument("files", nargs="+", metavar="文件", help=say("arg_files"))
    fmt.add_argument("--check", action="store_true", help=say("arg_fmt_check"))
    fmt.set_defaults(run=run_fmt)

    new = commands.add_parser("new", help=say("cmd_new"), description=say("cmd_new"))
    new.add_argument("--bureau", metavar="单位", help=say("arg_bureau_new"))
    new.add_argument("--year", required=True, metavar="年度", help=say("arg_year"))
    new.add_argument("-o", "--output", metavar="文件", help=say("arg_output"))
    new.add_argument(
        "--plans-dir", default=str(DEFAULT_PLANS_DIR), metavar="目录", help=say("arg_plans_dir")
    )
    new.add_argument("--force", action="store_true", help=say("arg_force"))
    new.set_defaults(run=run_new)
    _add_import(commands)
    _add_check(commands)
    _add_render(commands)
    _add_diff(commands)
    _add_edit(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extras = parser.parse_known_args(argv)
    if extras:  # said by the subcommand that was given, with its own usage
        commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        command = commands.choices.get(getattr(args, "command", None) or "", parser)
        command.unknown(extras)  # type: ignore[attr-defined]  # every parser here is a _Parser
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        print(f"\n{say('cli_no_command')}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return run(args)
    except InputError as err:
        report(err.problems)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(say("interrupted"), file=sys.stderr)
        return 130


def report(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    print(say("problem_count", count=len(problems)), file=sys.stderr)


# --- commands -----------------------------------------------------------------------


def run_validate(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in expand(args.files):
        try:
            loaded = store.load(name)
        except InputError as err:
            report(err.problems)
            status = EXIT_BAD_INPUT
            continue
        print(_summary_line(name, loaded.model))
    return status


def _summary_line(name: str, data: model.Plan | model.Results) -> str:
    if isinstance(data, model.Results):
        return say("validate_ok_results", file=name, year=data.year, count=len(data.results))
    return say(
        "validate_ok_plan",
        file=name,
        domains=len(data.domains),
        tasks=sum(1 for _ in data.tasks()),
        targets=sum(1 for _ in data.targets()),
    )


def run_show(args: argparse.Namespace) -> int:
    from planwriter import outline  # rich is loaded only for commands that draw

    loaded = store.load(args.plan)
    if isinstance(loaded.model, model.Results):
        outline.print_results(loaded.model)
    else:
        outline.print_outline(loaded.model)
    return EXIT_OK


def run_fmt(args: argparse.Namespace) -> int:
    bad, changed = False, 0
    for name in expand(args.files):  # a quoted glob too, as check and render take it
        try:
            loaded = store.load(name)
        except InputError as err:
            report(err.problems)
            bad = True
            continue
        text = store.render(loaded.model, loaded.text, normalise_quotes=True)
        if text == loaded.text:
            print(say("fmt_unchanged", file=name))
            continue
        changed += 1
        if args.check:
            print(say("fmt_would_change", file=name))
        else:
            store.atomic_write(loaded.path, text)
            print(say("fmt_changed", file=name))
    if bad:
        return EXIT_BAD_INPUT
    if args.check and changed:
        print(say("fmt_summary_check", count=changed), file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _add_check(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser("check", help=say("cmd_check"), description=say("cmd_check"))
    check.add_argument("plans", nargs="*", metavar="计划", help=say("arg_check_plans"))
    check.add_argument("--baseline", metavar="实绩", help=say("arg_baseline"))
    check.add_argument(
        "--format",
        type=words.choice(words.CHECK_FORMATS, say("cli_what_format")),
        default="table",
        metavar="格式",
        help=say("arg_format", choices=words.listing(words.CHECK_FORMATS)),
    )
    check.add_argument(
        "--min-severity",
        type=words.severity,
        default="info",
        metavar="级别",
        help=say("arg_min_severity"),
    )
    check.add_argument("--list-rules", action="store_true", help=say("arg_list_rules"))
    check.add_argument("-v", "--verbose", action="store_true", help=say("arg_check_verbose"))
    check.set_defaults(run=run_check)

    report = commands.add_parser("report", help=say("cmd_report"), description=say("cmd_report"))
    report.add_argument("results", metavar="实绩", help=say("arg_results"))
    report.add_argument("--plan", metavar="上年计划", help=say("arg_last_plan"))
    report.add_argument(
        "--format",
        type=words.choice(words.REPORT_FORMATS, say("cli_what_format")),
        default="table",
        metavar="格式",
        help=say("arg_report_format", choices=words.listing(words.REPORT_FORMATS)),
    )
    report.set_defaults(run=run_report)


def _add_render(commands: argparse._SubParsersAction) -> None:
    render = commands.add_parser("render", help=say("cmd_render"), description=say("cmd_render"))
    render.add_argument("plans", nargs="+", metavar="计划", help=say("arg_render_plans"))
    render.add_argument("-o", "--output", metavar="输出", help=say("arg_render_output"))
    render.add_argument("--template", metavar="模板", help=say("arg_template"))
    render.add_argument("--pdf", action="store_true", help=say("arg_pdf"))
    render.add_argument("--profile", metavar="样式", help=say("arg_profile"))
    render.set_defaults(run=run_render)


def run_render(args: argparse.Namespace) -> int:
    from planwriter.render import command  # jinja2 is paid for only when rendering

    return command.run(args)


def _add_edit(commands: argparse._SubParsersAction) -> None:
    edit = commands.add_parser("edit", help=say("cmd_edit"), description=say("cmd_edit"))
    edit.add_argument("plan", nargs="?", metavar="计划", help=say("arg_edit_plan"))
    edit.add_argument(
        "--plans-dir",
        default=str(DEFAULT_PLANS_DIR),
        metavar="目录",
        help=say("arg_edit_plans_dir"),
    )
    edit.set_defaults(run=run_edit)


def run_edit(args: argparse.Namespace) -> int:
    from planwriter.tui.app import make_app  # Textual is loaded only for the editor

    make_app(args.plan, plans_dir=args.plans_dir).run()  # an unreadable plan: InputError
    return EXIT_OK


def _add_diff(commands: argparse._SubParsersAction) -> None:
    diff = commands.add_parser("diff", help=say("cmd_diff"), description=say("cmd_diff"))
    diff.add_argument(
        "--format",
        type=words.choice(words.DIFF_FORMATS, say("cli_what_format")),
        default="text",
        metavar="格式",
        help=say("arg_diff_format", choices=words.listing(words.DIFF_FORMATS)),
    )
    diff.add_argument(
        "args", nargs=argparse.REMAINDER, metavar="版本或文件", help=say("arg_diff_args")
    )
    diff.set_defaults(run=run_diff)
    textconv = commands.add_parser(
        "textconv", help=say("cmd_textconv"), description=say("cmd_textconv")
    )
    textconv.add_argument("file", metavar="文件", help=say("arg_textconv_file"))
    textconv.set_defaults(run=run_textconv)


def run_diff(args: argparse.Namespace) -> int:
    from planwriter import diff_command

    return diff_command.run(args.args, args.format)


def run_textconv(args: argparse.Namespace) -> int:
    from planwriter import diff_command

    sys.stdout.write(diff_command.textconv(args.file))
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    from planwriter.check import command  # the check's own imports stay off other commands

    if not args.list_rules and not args.plans:
        _bad_usage(say("check_needs_plan"))
    return command.run(args)


def run_report(args: argparse.Namespace) -> int:
    from planwriter.check import command

    return command.run_report(args)


def _add_import(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("import", help=say("cmd_import"), description=say("cmd_import"))
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
    parser.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    from planwriter import importer  # the importer's own imports stay off other commands

    output = Path(args.output) if args.output else None
    if output is not None and output.exists() and not args.force:
        _bad_usage(say("import_exists", file=output))
    year = _year(args.year) if args.year else None
    like = store.load(args.like).model if args.like else None
    source = importer.read_source(args.file)
    run = importer.import_plan if args.kind == "plan" else importer.import_results
    imported = run(
        source, like=like, year=year, bureau=args.bureau or "", like_name=args.like or ""
    )
    text = store.render(imported.model)
    store.parse(text, str(output or args.file), is_results=args.kind == "results")  # reads back
    if output is None:
        sys.stdout.write(text)
    else:
        store.atomic_write(output, text)
    for line in importer.summary(imported, verbose=args.verbose):
        print(line, file=sys.stderr)
    if output is not None:
        print(say("import_written", file=output), file=sys.stderr)
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    from planwriter.newplan import new_plan, sole_bureau
    from planwriter.settings import bureau_defaults, settings_for

    year = _year(args.year)
    plans_dir = Path(args.plans_dir)
    defaults = bureau_defaults(settings_for(plans_dir))
    bureau = (args.bureau or defaults.name or sole_bureau(plans_dir)).strip()
    if not bureau:
        _bad_usage(say("new_needs_bureau"))
    new = new_plan(bureau, year, plans_dir, Path(args.output) if args.output else None, defaults)
    if new.path.exists() and not args.force:
        _bad_usage(say("new_exists", file=new.path))
    new.write()
    if new.previous:
        print(say("new_carried", file=new.previous.path, domains=len(new.plan.domains)))
    else:
        print(say("new_skeleton", bureau=bureau, year=year - 1))
    print(say("new_created", file=new.path))
    return EXIT_OK


def _year(value: str) -> int:
    from planwriter.newplan import plan_year

    year = plan_year(value)
    if year is None:
        _bad_usage(say("new_year_bad", value=value))
    return year  # type: ignore[return-value]  # _bad_usage exits


def _bad_usage(message: str) -> None:
    print(f"planwriter：{say('error_prefix')}：{message}", file=sys.stderr)
    raise SystemExit(EXIT_BAD_INPUT)


if __name__ == "__main__":
    sys.exit(main())
