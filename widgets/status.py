"""One line at the bottom: the file, whether it has unsaved changes, and what it holds."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from planwriter.catalogue import say
from planwriter.problems import SEVERITY_STYLE, Severity


class StatusLine(Widget):
    """The counts, then the path, shorten (10领域 34任务, 2024.plan.yaml) when the line does not
    fit the terminal."""

    DEFAULT_CSS = """
    StatusLine { height: 1; background: $panel; color: $text; padding: 0 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: tuple | None = None
        self._line = Text()

    def render(self) -> Text:
        return self._line

    def show(
        self,
        file: str,
        dirty: bool,
        counts: tuple[int, int, int],
        severities: dict[Severity, int] | None,
    ) -> None:
        self._shown = (file, dirty, counts, severities)
        room = self.content_region.width or 200
        short_file = file.replace("\\", "/").rsplit("/", 1)[-1]
        for name, counts_key in (
            (file, "status_counts"),
            (file, "status_counts_short"),
            (short_file, "status_counts_short"),
        ):
            line = self._text_for(name, dirty, counts, severities, counts_key)
            if line.cell_len <= room:
                break
        if line != self._line:
            self._line = line
            self.refresh()  # one line of fixed size: no layout pass, unlike Static.update

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    @staticmethod
    def _text_for(
        file: str,
        dirty: bool,
        counts: tuple[int, int, int],
        severities: dict[Severity, int] | None,
        counts_key: str,
    ) -> Text:
        domains, tasks, targets = counts
        line = Text(file, style="bold")
        line.append("  ")
        if dirty:
            line.append(f" {say('status_dirty')} ", style="bold black on yellow")
        else:
            line.append(say("status_saved"), style="green")
        line.append("  ")
        if severities is None:
            line.append(say("status_checking"), style="dim")
        else:
            for severity, style in SEVERITY_STYLE.items():
                count = severities[severity]
                line.append(
                    say(f"status_{severity.value}", count=count), style=style if count else "dim"
                )
                line.append(" ")
        line.append(" ")
        line.append(say(counts_key, domains=domains, tasks=tasks, targets=targets))
        return line
