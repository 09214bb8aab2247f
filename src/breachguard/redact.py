"""Redaction: the text with its findings replaced, so it can be shared without the personal data."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from breachguard.detect.finding import Finding

RedactStyle = Literal["entity", "mask"]
REDACT_STYLES: tuple[RedactStyle, ...] = ("entity", "mask")
MASK_CHAR = "*"


def replacement(value: str, entity: str, style: RedactStyle = "entity") -> str:
    """What ``value`` (found as ``entity``) becomes: ``[ENTITY]``, or a same-length mask.

    The mask keeps separators (spaces, punctuation) so the text keeps its layout and offsets.
    """
    if style == "entity":
        return f"[{entity}]"
    if style == "mask":
        return "".join(MASK_CHAR if ch.isalnum() else ch for ch in value)
    raise ValueError(_unknown_style(style))


def redact(text: str, findings: Iterable[Finding], style: RedactStyle = "entity") -> str:
    """``text`` with every finding's span replaced (see ``replacement``).

    Findings may come in any order; where two overlap, the earlier-starting one wins and the other
    is cut to what remains of it, so no found character survives.
    """
    if style not in REDACT_STYLES:
        raise ValueError(
            f"unknown redaction style {style!r}: use one of {', '.join(REDACT_STYLES)}"
        )
    parts: list[str] = []
    position = 0
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        start = max(finding.start, position)
        end = min(finding.end, len(text))
        if end <= start:
            continue
        parts.append(text[position:start])
        parts.append(replacement(text[start:end], finding.entity, style))
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _unknown_style(style: str) -> str:
    return f"unknown redaction style {style!r}: use one of {', '.join(REDACT_STYLES)}"
