"""File format: msg (being written)."""

from __future__ import annotations

from breachguard.extract.format import Format

FORMATS: tuple[Format, ...] = ()
