"""What the commands print: the consoles, one-line errors and the exit codes they share."""

from __future__ import annotations

from enum import IntEnum

from rich.console import Console
from rich.markup import escape


class ExitCode(IntEnum):
    """Exit statuses of the commands, documented in their ``--help``."""

    OK = 0
    FINDINGS = 1  # --fail-on reached
    USAGE = 2  # bad option, or an input that could not be read


stdout = Console(highlight=False, soft_wrap=True)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def error(message: str) -> None:
    """One line on stderr, prefixed so it stands apart from findings in a pipe."""
    stderr.print(f"[bold red]error:[/] {escape(message)}")


def warning(message: str) -> None:
    stderr.print(f"[yellow]warning:[/] {escape(message)}")


def note(message: str) -> None:
    stderr.print(f"[dim]{escape(message)}[/]")
