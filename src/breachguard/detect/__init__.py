"""Detection: find personal data in text. Pure functions, no I/O."""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from breachguard.detect.engine import DEFAULT_MIN_SCORE, Engine, hyperscan_available
from breachguard.detect.finding import Finding
from breachguard.detect.recognizer import Pattern, Recognizer
from breachguard.detect.recognizers import BUILT_IN

__all__ = [
    "DEFAULT_MIN_SCORE",
    "Engine",
    "Finding",
    "Pattern",
    "Recognizer",
    "analyze",
    "default_engine",
    "hyperscan_available",
]


@cache
def default_engine() -> Engine:
    """The engine with every built-in recognizer, compiled once per process."""
    return Engine(BUILT_IN)


def analyze(
    text: str,
    *,
    language: str | None = None,
    entities: Collection[str] | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
) -> list[Finding]:
    """Personal data in ``text``: findings sorted by start, overlaps resolved.

    ``language`` None decides per text (Arabic script present: the Arabic rules run too);
    ``entities`` limits the search to those entity names.
    """
    return default_engine().analyze(text, language=language, entities=entities, min_score=min_score)
