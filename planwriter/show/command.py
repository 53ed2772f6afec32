"""`planwriter show`: a plan's outline, or a results file's table, in the terminal."""

from __future__ import annotations

import argparse

from planwriter import model, store
from planwriter.show import print_outline, print_results
from planwriter.terminal import EXIT_OK


def run(args: argparse.Namespace) -> int:
    loaded = store.load(args.plan)
    if isinstance(loaded.model, model.Results):
        print_results(loaded.model)
    else:
        print_outline(loaded.model)
    return EXIT_OK
