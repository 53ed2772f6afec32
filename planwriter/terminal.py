"""What the command-line shells share about the terminal they print to."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

# C0 and C1 controls but newline and tab: ESC and its kin would let a file's text move the
# cursor, retitle the window or clear the screen of whoever reads it.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` with control characters shown as \\xNN instead of acting on the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def console(**options: Any) -> Console:
    """A rich Console whose broken pipe (`show | head`) is a BrokenPipeError for the CLI to
    end quietly on, not rich's exit 1."""
    from rich.console import Console  # rich is paid for only when it draws

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return _Console(**options)


def with_progress(names: list[str], description: str) -> Iterator[str]:
    """A transient progress bar on stderr when a terminal watches many files; else plain."""
    if len(names) < 2 or not sys.stderr.isatty():
        yield from names
        return
    from rich.progress import track

    yield from track(names, description=description, transient=True, console=console(stderr=True))
