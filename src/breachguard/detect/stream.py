"""Analyse text that arrives in pieces (multi-GB files) with bounded memory.

The text is cut into windows that overlap. A finding is reported by the window in which it starts
before the cut; every window also sees ``margin`` characters on both sides of its own part, more than
any recognizer's pattern width plus context, so each finding is decided on the same neighbourhood
as in a whole-text analysis: none is lost or reported twice at a boundary.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from breachguard.detect.engine import DEFAULT_MIN_SCORE, Engine
from breachguard.detect.finding import Finding

DEFAULT_WINDOW = 1 << 20
DEFAULT_MARGIN = 16384  # > columns.HEADER_REACH plus any pattern and its context


def analyze_stream(
    chunks: Iterable[str],
    *,
    engine: Engine | None = None,
    language: str | None = None,
    entities: Collection[str] | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    window: int = DEFAULT_WINDOW,
    margin: int = DEFAULT_MARGIN,
) -> Iterator[Finding]:
    """Findings over the concatenation of ``chunks``, with offsets into that whole text.

    Memory stays around ``window + 2 * margin`` characters whatever the input size.
    """
    if window < 1 or margin < 0:
        raise ValueError("window must be positive and margin not negative")
    if engine is None:
        from breachguard.detect import default_engine

        engine = default_engine()

    buffer = ""
    buffer_offset = 0  # global offset of buffer[0]
    reported_to = 0  # global offset: findings starting before it were reported

    def run(text: str, offset: int, upto: int | None) -> Iterator[Finding]:
        for finding in engine.analyze(
            text, language=language, entities=entities, min_score=min_score
        ):
            start = finding.start + offset
            if start >= reported_to and (upto is None or start < upto):
                yield finding.shifted(offset)

    for chunk in chunks:
        buffer += chunk
        while len(buffer) - (reported_to - buffer_offset) >= window + margin:
            cut = reported_to + window  # global
            local_end = cut - buffer_offset + margin
            yield from run(buffer[:local_end], buffer_offset, cut)
            reported_to = cut
            keep_from = max(0, cut - margin - buffer_offset)
            buffer = buffer[keep_from:]
            buffer_offset += keep_from
    yield from run(buffer, buffer_offset, None)
