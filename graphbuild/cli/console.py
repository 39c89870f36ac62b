"""Terminal output shared by the commands: progress bars, the summary table, one-line errors."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

stderr = Console(stderr=True, highlight=False)
stdout = Console(highlight=False)


class RateColumn(TextColumn):
    """Items per second, in the unit the command counts (articles, records, rows)."""

    def __init__(self, unit: str) -> None:
        super().__init__("")
        self.unit = unit

    def render(self, task: Any) -> Any:
        speed = task.finished_speed or task.speed
        return TextColumn(f"{speed:.1f} {self.unit}/s" if speed else f"- {self.unit}/s").render(task)


@contextmanager
def progress_bar(description: str, total: int | None, unit: str, quiet: bool) -> Iterator[Any]:
    """A progress bar on a terminal; silent when quiet or when stderr is not a terminal."""
    enabled = not quiet and sys.stderr.isatty()
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(unit),
                        TimeElapsedColumn(), console=stderr, disable=not enabled, transient=False)
    with progress:
        task = progress.add_task(description, total=total)

        def advance(n: int = 1) -> None:
            progress.advance(task, n)

        def set_total(total: int) -> None:
            progress.update(task, total=total)

        advance.set_total = set_total  # type: ignore[attr-defined]
        yield advance


def summary_table(stats: dict[str, Any], warnings: int = 0, errors: int = 0, title: str = "graph") -> Table:
    table = Table(title=title, show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    for key in ("documents", "actors", "roles", "events"):
        table.add_row(key, str(stats.get(key, 0)))
    for event_type, count in stats.get("events_by_type", {}).items():
        table.add_row(f"  {event_type}", str(count))
    for mode, count in stats.get("events_by_mode", {}).items():
        table.add_row(f"  mode {mode}", str(count))
    table.add_row("warnings", str(warnings))
    table.add_row("errors", str(errors))
    return table


def error_line(message: str) -> None:
    stderr.print(f"[bold red]error:[/] {message}", soft_wrap=True)


def warning_line(message: str) -> None:
    stderr.print(f"[yellow]warning:[/] {message}", soft_wrap=True)
