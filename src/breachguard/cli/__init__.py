"""Command-line entry point. Sub-commands register themselves on ``app`` when imported."""

from __future__ import annotations

from breachguard.cli.app import app


def _register() -> None:
    import importlib

    for module in ("detect", "scan"):
        try:
            importlib.import_module(f"breachguard.cli.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"breachguard.cli.{module}":
                raise


def main() -> None:
    """Run the ``breachguard`` command."""
    _register()
    app()


__all__ = ["app", "main"]
