"""What the command-line shells share about the terminal they print to."""

from __future__ import annotations

import sys
from collections.abc import Iterator


def with_progress(names: list[str], description: str) -> Iterator[str]:
    """A transient progress bar on stderr when a terminal watches many files; else plain."""
    if len(names) < 2 or not sys.stderr.isatty():
        yield from names
        return
    from rich.console import Console  # rich is paid for only when it draws
    from rich.progress import track

    yield from track(names, description=description, transient=True, console=Console(stderr=True))
