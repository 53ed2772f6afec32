"""`planwriter fmt`: each file rewritten in the canonical form, or only said so with --check."""

from __future__ import annotations

import argparse
import sys

from planwriter import files, store
from planwriter.catalogue import say
from planwriter.files import expand
from planwriter.problems import InputError
from planwriter.terminal import EXIT_BAD_INPUT, EXIT_OK, EXIT_PROBLEMS, report_problems


def run(args: argparse.Namespace) -> int:
    bad, changed = False, 0
    for name in expand(args.files):  # a quoted glob too, as check and render take it
        try:
            loaded = store.load_document(name)
            text = store.render(loaded.model, loaded.text, normalise_quotes=True, name=name)
        except InputError as err:
            report_problems(err.problems)
            bad = True
            continue
        if text == loaded.text:
            print(say("fmt_unchanged", file=name))
            continue
        changed += 1
        if args.check:
            print(say("fmt_would_change", file=name))
        else:
            files.write_atomically(loaded.path, text, expected=loaded.stamp)
            print(say("fmt_changed", file=name))
    if bad:
        return EXIT_BAD_INPUT
    if args.check and changed:
        print(say("fmt_summary_check", count=changed), file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK
