"""`planwriter show`: a plan's outline, a results file's table or a progress file's reports."""

from __future__ import annotations

import argparse

from planwriter import model, store
from planwriter.show import print_outline, print_progress, print_results
from planwriter.terminal import EXIT_OK


def run(args: argparse.Namespace) -> int:
    loaded = store.load_document(args.plan)
    if isinstance(loaded.model, model.Results):
        print_results(loaded.model)
    elif not isinstance(loaded.model, model.Plan):
        print_progress(loaded.model)
    else:
        print_outline(loaded.model)
    return EXIT_OK
