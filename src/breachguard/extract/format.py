"""The declarative unit of extraction: one file format.

A format says how to recognise its bytes (magic numbers, then file-name extensions) and how to
read them. Reading yields, in any order:

- ``Document``: text found in this file (leaf formats: PDF, DOCX, CSV ...);
- ``Member``: a file inside this one (containers: ZIP, ISO, e-mail attachments ...), which the
  dispatcher opens recursively with the same limits;
- ``ExtractionError``: a part that could not be read, with the reason.

Readers work on bytes in memory and never write extracted content to disk. They call
``ctx.check()`` in long loops and ``ctx.expand(n)`` before inflating ``n`` bytes, so limits on time,
size and compression ratio hold wherever the work happens.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from breachguard.extract.document import Document, ExtractionError, Protection

_RATIO_FLOOR = 1024 * 1024


class LimitExceeded(Exception):
    """A limit that keeps a hostile file harmless was reached; the message says which and why."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what one scanned file may expand to. All configurable (``[scan]`` in the config)."""

    max_file_bytes: int = 512 * 1024 * 1024
    max_total_bytes: int = 2 * 1024 * 1024 * 1024
    max_ratio: float = 200.0
    max_depth: int = 10
    max_members: int = 100_000
    max_seconds: float = 120.0
    max_text_chars: int = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Member:
    """A file inside a container, to be opened in turn."""

    name: str
    data: bytes
    protection: Protection | None = None
    compressed_size: int | None = None


@dataclass(slots=True)
class Context:
    """What a reader knows about where it is: the origin chain, limits, passwords, the budget."""

    origin: tuple[str, ...]
    limits: Limits
    passwords: tuple[str, ...] = ()
    depth: int = 0
    budget: Budget = field(default_factory=lambda: Budget())
    protection: Protection | None = None

    def check(self) -> None:
        """Raise LimitExceeded when the time for this file is up."""
        self.budget.check_time(self.limits)

    def expand(self, size: int, compressed: int | None = None) -> None:
        """Account for ``size`` bytes about to be expanded; raise LimitExceeded past a limit."""
        self.budget.expand(size, compressed, self.limits)


@dataclass(slots=True)
class Budget:
    """Shared by everything opened from one top-level file."""

    started: float = field(default_factory=time.monotonic)
    expanded: int = 0
    members: int = 0

    def check_time(self, limits: Limits) -> None:
        if time.monotonic() - self.started > limits.max_seconds:
            raise LimitExceeded(f"took longer than {limits.max_seconds:g} s (scan.max_seconds)")

    def expand(self, size: int, compressed: int | None, limits: Limits) -> None:
        if size > limits.max_file_bytes:
            raise LimitExceeded(
                f"a part expands to {size:,} bytes, over {limits.max_file_bytes:,}"
                " (scan.max_file_bytes)"
            )
        # Small parts are harmless whatever their ratio (a page of spaces compresses 1000:1).
        if (
            compressed is not None
            and compressed > 0
            and size > _RATIO_FLOOR
            and size / compressed > limits.max_ratio
        ):
            raise LimitExceeded(
                f"compression ratio {size / compressed:,.0f}:1 is over {limits.max_ratio:g}:1"
                " (scan.max_ratio): a zip bomb or similar"
            )
        self.expanded += size
        if self.expanded > limits.max_total_bytes:
            raise LimitExceeded(
                f"expands to more than {limits.max_total_bytes:,} bytes in all (scan.max_total_bytes)"
            )
        self.check_time(limits)


Item = Document | Member | ExtractionError
Reader = Callable[[bytes, Context], Iterator[Item]]
Sniffer = Callable[[bytes], bool]


@dataclass(frozen=True, slots=True)
class Format:
    """One file format: how to recognise it and how to read it. See the module docstring."""

    name: str
    read: Reader
    extensions: tuple[str, ...] = ()
    magic: tuple[bytes, ...] = ()
    sniff: Sniffer | None = None
    container: bool = False

    def matches_content(self, head: bytes) -> bool:
        if any(head.startswith(m) for m in self.magic):
            return True
        return self.sniff is not None and self.sniff(head)

    def matches_name(self, name: str) -> bool:
        lower = name.lower()
        return any(lower.endswith(ext) for ext in self.extensions)
