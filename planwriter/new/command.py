"""`planwriter new`: next year's plan, carried over from this year's or a skeleton."""

from __future__ import annotations

import argparse
from pathlib import Path

from planwriter.catalogue import say
from planwriter.new import new_plan, sole_bureau
from planwriter.settings import bureau_defaults, settings_for
from planwriter.terminal import EXIT_OK, bad_usage, year_argument


def run(args: argparse.Namespace) -> int:
    year = year_argument(args.year)
    plans_dir = Path(args.plans_dir)
    defaults = bureau_defaults(settings_for(plans_dir))
    bureau = (args.bureau or defaults.name or sole_bureau(plans_dir)).strip()
    if not bureau:
        bad_usage(say("new_needs_bureau"))
    new = new_plan(bureau, year, plans_dir, Path(args.output) if args.output else None, defaults)
    if new.path.exists() and not args.force:
        bad_usage(say("new_exists", file=new.path))
    new.write()
    if new.previous:
        print(say("new_carried", file=new.previous.path, domains=len(new.plan.domains)))
    else:
        print(say("new_skeleton", bureau=bureau, year=year - 1))
    print(say("new_created", file=new.path))
    return EXIT_OK
