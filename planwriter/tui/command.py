"""`planwriter edit`: the editor, on a plan or on the plan picker."""

from __future__ import annotations

import argparse

from planwriter.terminal import EXIT_OK
from planwriter.tui.app import make_app


def run(args: argparse.Namespace) -> int:
    make_app(args.plan, plans_dir=args.plans_dir).run()  # an unreadable plan: InputError
    return EXIT_OK
