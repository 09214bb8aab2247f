"""A finding: one span of personal data found in a text."""

from __future__ import annotations

from dataclasses import dataclass

from breachguard.detect.categories import category_of


@dataclass(frozen=True, slots=True)
class Finding:
    """One entity found at ``text[start:end]`` of the analysed string, with a confidence score."""

    entity: str
    start: int
    end: int
    score: float
    text: str
    category: str = ""
    recognizer: str = ""

    def __post_init__(self) -> None:
        if not self.category:
            object.__setattr__(self, "category", category_of(self.entity))

    def shifted(self, offset: int) -> Finding:
        """The same finding with offsets moved by ``offset`` (used when text comes in windows)."""
        return Finding(
            self.entity,
            self.start + offset,
            self.end + offset,
            self.score,
            self.text,
            self.category,
            self.recognizer,
        )
