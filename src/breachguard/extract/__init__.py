"""Extraction: turn the bytes people send (files, mail, archives, disc images) into Documents."""

from __future__ import annotations

from breachguard.extract.dispatch import identify, open_bytes
from breachguard.extract.document import (
    Document,
    ExtractionError,
    Protection,
    ProtectionLevel,
    Table,
)
from breachguard.extract.format import Context, Format, LimitExceeded, Limits, Member

__all__ = [
    "Context",
    "Document",
    "ExtractionError",
    "Format",
    "LimitExceeded",
    "Limits",
    "Member",
    "Protection",
    "ProtectionLevel",
    "Table",
    "identify",
    "open_bytes",
]
