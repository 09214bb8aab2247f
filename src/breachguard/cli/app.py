"""The ``breachguard`` command: one Typer app; each sub-command lives in its own module."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="breachguard",
    help="Stop personal-data breaches before they happen; run the response when one happens.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
