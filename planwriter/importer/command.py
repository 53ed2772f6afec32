"""`planwriter import`: a published plan or year-end report (.txt, .docx) → YAML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planwriter import files, importer, store
from planwriter.catalogue import say
from planwriter.terminal import EXIT_OK, bad_usage, year_argument


def run(args: argparse.Namespace) -> int:
    if args.kind == "progress":  # a filled 任务分解表 (.xlsx) → <year>.progress.yaml
        from planwriter.sheet.command import run_import_progress

        return run_import_progress(args)
    output = Path(args.output) if args.output else None
    if output is not None and output.exists() and not args.force:
        bad_usage(say("import_exists", file=output))
    year = year_argument(args.year) if args.year else None
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
        files.write_atomically(output, text, make_folders=True)
    for line in importer.summary(imported, verbose=args.verbose):
        print(line, file=sys.stderr)
    if output is not None:
        print(say("import_written", file=output), file=sys.stderr)
    return EXIT_OK
