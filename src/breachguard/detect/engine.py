"""Runs recognizers over text and returns resolved findings.

The Python regular expressions of the recognizers are the source of truth. When the hyperscan wheel
is installed it runs every pattern at once over the UTF-8 bytes and tells which lines can hold a
match of which pattern; Python's ``re`` then runs only there. Without hyperscan every pattern runs
over the whole text. Both paths produce the same findings; hyperscan only makes sparse text fast.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from breachguard.detect.columns import ColumnHeaders
from breachguard.detect.finding import Finding
from breachguard.detect.ner import NerBackend
from breachguard.detect.normalize import has_arabic, normalize
from breachguard.detect.recognizer import ANY_LANGUAGE, Pattern, Recognizer

DEFAULT_MIN_SCORE = 0.5
_RegionLookup = Callable[[int], list[tuple[int, int]]]
# Lines longer than this are not taken whole as a region for the regex pass (minified or
# single-line files); a window around the hit is used instead.
_LINE_CAP = 8192

_hyperscan: Any
try:  # pragma: no cover - exercised by whichever wheel is installed
    import hyperscan as _hyperscan
except ImportError:  # pragma: no cover
    _hyperscan = None


def hyperscan_available() -> bool:
    """True when the compiled multi-pattern engine is installed."""
    return _hyperscan is not None


@dataclass(slots=True)
class _Candidate:
    entity: str
    start: int
    end: int
    score: float
    priority: int
    recognizer: str


@dataclass(frozen=True, slots=True)
class _CompiledPattern:
    recognizer: Recognizer
    pattern: Pattern
    regex: re.Pattern[str]
    value_group: bool


class _Call:
    """What one analysis keeps while it runs; nothing of it outlives the call."""

    __slots__ = ("headers", "norm", "verdicts")

    def __init__(self, norm: str) -> None:
        self.norm = norm
        # The same value recurs (a footer's phone number on every page): validate it once.
        self.verdicts: dict[tuple[str, str], bool | None] = {}
        self.headers = ColumnHeaders(norm)


def _hyperscan_expression(pattern: Pattern) -> bytes:
    source = pattern.prefilter if pattern.prefilter is not None else pattern.regex
    source = re.sub(r"\(\?P<\w+>", "(", source)
    source = re.sub(r"\\u([0-9a-fA-F]{4})", r"\\x{\1}", source)
    return source.encode("utf-8")


class Engine:
    """A compiled set of recognizers. Build once, call ``analyze`` many times (thread-safe)."""

    def __init__(
        self,
        recognizers: Sequence[Recognizer],
        *,
        use_hyperscan: bool | None = None,
        ner: NerBackend | None = None,
    ) -> None:
        self.recognizers = tuple(recognizers)
        self.ner = ner
        self._patterns = tuple(
            _CompiledPattern(r, p, p.compiled(), "value" in p.compiled().groupindex)
            for r in self.recognizers
            for p in r.patterns
        )
        self._context = {r.name: _word_regex(r.context) for r in self.recognizers}
        self._negative = {r.name: _word_regex(r.negative_context) for r in self.recognizers}
        want = hyperscan_available() if use_hyperscan is None else use_hyperscan
        if want and not hyperscan_available():
            raise RuntimeError(
                "hyperscan is not installed (pip install hyperscan); without it use_hyperscan=False runs the same patterns on re"
            )
        self._database = self._compile_hyperscan() if want and self._patterns else None

    @property
    def uses_hyperscan(self) -> bool:
        return self._database is not None

    def _compile_hyperscan(self) -> object:
        assert _hyperscan is not None
        database = _hyperscan.Database(mode=_hyperscan.HS_MODE_BLOCK)
        expressions = [_hyperscan_expression(cp.pattern) for cp in self._patterns]
        flags = [
            _hyperscan.HS_FLAG_UTF8
            | _hyperscan.HS_FLAG_ALLOWEMPTY
            | (_hyperscan.HS_FLAG_CASELESS if cp.pattern.ignore_case else 0)
            | (_hyperscan.HS_FLAG_PREFILTER if cp.pattern.prefilter is None else 0)
            for cp in self._patterns
        ]
        database.compile(
            expressions=expressions,
            ids=list(range(len(expressions))),
            elements=len(expressions),
            flags=flags,
        )
        return database

    def analyze(
        self,
        text: str,
        *,
        language: str | None = None,
        entities: Collection[str] | None = None,
        min_score: float = DEFAULT_MIN_SCORE,
    ) -> list[Finding]:
        """Findings in ``text``, sorted by start, overlaps resolved. See ``breachguard.analyze``."""
        if not text:
            return []
        norm = normalize(text)
        languages = _languages_for(norm, language)
        wanted = None if entities is None else frozenset(entities)

        def active(r: Recognizer) -> bool:
            in_language = ANY_LANGUAGE in r.languages or not r.languages.isdisjoint(languages)
            return in_language and (wanted is None or r.entity in wanted)

        candidates: list[_Candidate] = []
        call = _Call(norm)
        regions = self._regions(norm)
        for index, cp in enumerate(self._patterns):
            if not active(cp.recognizer):
                continue
            for region_start, region_end in regions(index):
                for match in cp.regex.finditer(norm, region_start, region_end):
                    start, end = match.span("value") if cp.value_group else match.span()
                    if start < 0 or end <= start:
                        continue
                    self._consider(candidates, call, cp.recognizer, start, end, cp.pattern.score)
        for recognizer in self.recognizers:
            if recognizer.finder is not None and active(recognizer):
                for start, end, score in recognizer.finder(norm):
                    self._consider(candidates, call, recognizer, start, end, score)
        if self.ner is not None and (wanted is None or "PERSON" in wanted):
            for start, end, score in self.ner(text):
                candidates.append(_Candidate("PERSON", start, end, score, 0, "ner"))
        return [
            Finding(
                c.entity,
                c.start,
                c.end,
                round(c.score, 3),
                text[c.start : c.end],
                recognizer=c.recognizer,
            )
            for c in _resolve(candidates)
            if c.score >= min_score
        ]

    def _consider(
        self,
        out: list[_Candidate],
        call: _Call,
        recognizer: Recognizer,
        start: int,
        end: int,
        score: float,
    ) -> None:
        norm = call.norm
        # The window ends on whole words: a cut "figures" must not read as the word "figure".
        # (Up to 32 characters more, so a base64 blob does not drag the window along.)
        before = low = max(0, start - recognizer.context_before)
        while before > max(0, low - 32) and norm[before - 1].isalnum() and norm[before].isalnum():
            before -= 1
        after = high = min(len(norm), end + recognizer.context_after)
        while (
            after < min(len(norm), high + 32)
            and norm[after - 1].isalnum()
            and norm[after].isalnum()
        ):
            after += 1
        window = norm[before:start].lower() + " \x00 " + norm[end:after].lower()
        negative = self._negative[recognizer.name]
        context = self._context[recognizer.name]
        if (negative is not None or context is not None) and (header := call.headers.cell(start)):
            # In a table the label is the column's header, often far above the value.
            window = f"{window} \x00 {header}"
        if negative is not None and negative.search(window):
            return
        has_context = context is not None and context.search(window) is not None
        if recognizer.context_required and not has_context:
            return
        if recognizer.validate is not None:
            value = norm[start:end]
            key = (recognizer.name, value)
            if key in call.verdicts:
                verdict = call.verdicts[key]
            else:
                verdict = call.verdicts[key] = recognizer.validate(value)
            if verdict is False:
                return
            if verdict is True:
                score += recognizer.validated_boost
        if has_context:
            score += recognizer.context_boost
        out.append(
            _Candidate(
                recognizer.entity,
                start,
                end,
                min(score, 1.0),
                recognizer.priority,
                recognizer.name,
            )
        )

    def _regions(self, norm: str) -> _RegionLookup:
        if self._database is None:
            whole = [(0, len(norm))]
            return lambda _index: whole
        return _hyperscan_regions(self._database, self._patterns, norm)


def _hyperscan_regions(
    database: object, patterns: Sequence[_CompiledPattern], norm: str
) -> _RegionLookup:
    data = norm.encode("utf-8", "replace")
    ascii_text = len(data) == len(norm)
    widths = [cp.recognizer.max_width * (1 if ascii_text else 4) for cp in patterns]
    found: dict[int, list[list[int]]] = {}
    size = len(data)

    # A pattern compiled whole reports the end of every real match. A hand-written prefilter
    # (say, the label before a value) may end early: its real match can reach a width further.
    ahead = [
        w if cp.pattern.prefilter is not None else 0 for cp, w in zip(patterns, widths, strict=True)
    ]

    def on_match(index: int, _from: int, to: int, _flags: int, _context: object) -> None:
        reach = min(size, to + ahead[index])
        spans = found.get(index)
        if spans is not None and reach <= spans[-1][1]:
            return
        low = max(0, to - widths[index])
        start = data.rfind(b"\n", 0, low) + 1
        if low - start > _LINE_CAP:
            start = low
        end = data.find(b"\n", reach)
        if end < 0:
            end = size
        if end - reach > _LINE_CAP:
            end = min(size, reach + widths[index])
        if spans is None:
            found[index] = [[start, end]]
        elif start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])

    database.scan(data, match_event_handler=on_match)  # type: ignore[attr-defined]
    if ascii_text:
        regions = {i: [(s, e) for s, e in spans] for i, spans in found.items()}
    else:
        regions = _to_char_regions(data, found)
    empty: list[tuple[int, int]] = []
    return lambda index: regions.get(index, empty)


def _to_char_regions(
    data: bytes, found: dict[int, list[list[int]]]
) -> dict[int, list[tuple[int, int]]]:
    """Convert byte regions to str regions with one pass of incremental decoding."""
    boundaries = sorted({b for spans in found.values() for span in spans for b in span})
    char_at: dict[int, int] = {}
    previous_byte = previous_char = 0
    for b in boundaries:
        # Boundaries from rfind/find and clamps may fall inside a multi-byte sequence; step back.
        while 0 < b < len(data) and (data[b] & 0xC0) == 0x80:
            b -= 1
        previous_char += len(data[previous_byte:b].decode("utf-8", "replace"))
        previous_byte = b
        char_at[b] = previous_char

    def char(b: int) -> int:
        while 0 < b < len(data) and (data[b] & 0xC0) == 0x80:
            b -= 1
        return char_at[b]

    return {i: [(char(s), char(e)) for s, e in spans] for i, spans in found.items()}


def _resolve(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the best of overlapping candidates: higher score, then more specific, then longer.

    Candidates that overlap nothing pass straight through; each group of mutually overlapping
    candidates is settled greedily on its own, which gives the same result as a global greedy
    pass in time linear in the number of groups.
    """
    candidates.sort(key=lambda c: (c.start, -c.end))
    chosen: list[_Candidate] = []
    group: list[_Candidate] = []
    group_end = -1
    for c in candidates:
        if group and c.start >= group_end:
            chosen.extend(_settle(group))
            group = []
        group.append(c)
        group_end = c.end if len(group) == 1 else max(group_end, c.end)
    if group:
        chosen.extend(_settle(group))
    return chosen


def _settle(group: list[_Candidate]) -> list[_Candidate]:
    if len(group) == 1:
        return group
    kept: list[_Candidate] = []
    for c in sorted(group, key=lambda c: (-c.score, -c.priority, c.start - c.end, c.start)):
        if all(c.end <= k.start or k.end <= c.start for k in kept):
            kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


def _languages_for(norm: str, language: str | None) -> frozenset[str]:
    if language is None:
        return frozenset({"en", "ar"}) if has_arabic(norm) else frozenset({"en"})
    return frozenset({language.lower()})


@cache
def _word_regex_cached(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


def _word_regex(words: Iterable[str]) -> re.Pattern[str] | None:
    return _word_regex_cached(tuple(words))
