"""The declarative unit of detection: one recognizer per kind of identifier.

A recognizer says what to look for (regular expressions, or a finder function for things a regex
cannot express, such as lexicon look-ups), how to confirm a candidate (a checksum or structure
check), and which nearby words make it more or less likely. Adding one is adding a frozen
dataclass to a list in ``breachguard.detect.recognizers``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

ANY_LANGUAGE = "*"

# Arabic letters and their harakat; \b knows ASCII words only (as hyperscan does), so Arabic words
# are bounded with these look-arounds, which prefilters then leave out (``without``).
ARABIC_LETTERS = "\u0621-\u0652\u0670"
NOT_ARABIC_AFTER = f"(?![{ARABIC_LETTERS}])"
NOT_ARABIC_BEFORE = f"(?<![{ARABIC_LETTERS}])"

Validator = Callable[[str], bool | None]
"""Given the candidate's (normalised) text: True confirms it, False rejects it, None can't tell."""

Finder = Callable[[str], Iterable[tuple[int, int, float]]]
"""Given the whole normalised text: ``(start, end, score)`` for each candidate found."""


def without(regex: str, *parts: str) -> str:
    """``regex`` with each of ``parts`` (look-arounds) removed, in order, so a part that holds
    another must come first: a superset of its matches that hyperscan can compile, for
    ``Pattern.prefilter``."""
    for part in parts:
        regex = regex.replace(part, "")
    return regex


@dataclass(frozen=True, slots=True)
class Pattern:
    """A regular expression in Python syntax.

    Patterns run with ``re.ASCII`` semantics (``\\d``, ``\\w`` and ``\\b`` are ASCII-only), which is
    what the compiled multi-pattern engine (hyperscan) implements too; non-ASCII letters are
    written as explicit ranges. A group named ``value`` narrows the finding to that part.
    ``prefilter`` is an optional hyperscan-compatible expression that fires wherever ``regex``
    can match, for patterns hyperscan cannot compile (look-arounds) or compiles into something
    that fires everywhere (long alternations); its hit must end inside the real match, e.g. on
    the label in front of the value, and the real match may run up to ``max_width`` past it.
    """

    regex: str
    score: float
    name: str = ""
    ignore_case: bool = False
    prefilter: str | None = None

    def compiled(self) -> re.Pattern[str]:
        flags = re.ASCII | (re.IGNORECASE if self.ignore_case else 0)
        return re.compile(self.regex, flags)


@dataclass(frozen=True, slots=True)
class Recognizer:
    """How to find one entity. See the module docstring."""

    name: str
    entity: str
    patterns: tuple[Pattern, ...] = ()
    finder: Finder | None = None
    validate: Validator | None = None
    context: tuple[str, ...] = ()
    negative_context: tuple[str, ...] = ()
    context_required: bool = False
    context_before: int = 48
    context_after: int = 24
    context_boost: float = 0.3
    validated_boost: float = 0.2
    languages: frozenset[str] = field(default_factory=lambda: frozenset({ANY_LANGUAGE}))
    priority: int = 0
    max_width: int = 160
