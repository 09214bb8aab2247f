"""File format: delimited text (CSV, TSV, semicolon- and pipe-separated exports).

The Document's text is the rows, cells separated by tabs; its table keeps the rows as cells so
the assessment can read columns (one row a person, the header naming what each column holds).
"""

from __future__ import annotations

import bisect
import csv
import io
import itertools
import operator
from collections.abc import Callable, Iterator

from breachguard.extract.document import Document, Table
from breachguard.extract.format import Context, Format, Item
from breachguard.extract.formats.text import (
    SNIFF_BYTES,
    Collector,
    decode,
    decoded_head,
    read_text,
)

_DELIMITERS = (",", ";", "\t", "|")
_SNIFF_ROWS = 20


def _rows(text: str, delimiter: str) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"')


def delimiter_of(sample: str, complete: bool) -> str | None:
    """The delimiter that splits every sampled line into the same number (2+) of cells."""
    best: tuple[int, str] | None = None
    for delimiter in _DELIMITERS:
        if delimiter not in sample:
            continue
        counts: list[int] = []
        try:
            for row in _rows(sample, delimiter):
                if row:
                    counts.append(len(row))
                if len(counts) > _SNIFF_ROWS:
                    break
        except csv.Error:
            continue
        if not complete and len(counts) > 2:
            counts = counts[:-1]  # the sample may end inside the last line
        if len(counts) < 2 or counts[0] < 2 or any(c != counts[0] for c in counts):
            continue
        if best is None or counts[0] > best[0]:
            best = (counts[0], delimiter)
    return best[1] if best else None


def _sniffer(tab: bool) -> Callable[[bytes], bool]:
    def sniff(data: bytes) -> bool:
        try:
            text = decoded_head(data)
            if text is None:
                return False
            delimiter = delimiter_of(text, complete=len(data) <= SNIFF_BYTES)
            return delimiter == "\t" if tab else delimiter is not None
        except Exception:  # a sniffer must never stop identification
            return False

    return sniff


_FIELD_LIMIT = 16 * 1024 * 1024
# The csv module's own limit (128 KiB a cell) would reject a legitimate long free-text column.
csv.field_size_limit(_FIELD_LIMIT)

Lines = tuple[list[str], tuple[tuple[str, ...], ...]]


def _kept(lines: list[str], budget: int) -> int:
    """How many of ``lines`` (joined by newlines) to keep: all that fit within ``budget``
    characters, and the one that passes it (the Collector cuts that one short)."""
    if sum(map(len, lines)) + len(lines) - 1 <= budget:
        return len(lines)
    ends = itertools.accumulate(len(line) + 1 for line in lines)
    return bisect.bisect_right(list(ends), budget + 1) + 1


def _plain_lines(text: str, delimiter: str, ctx: Context) -> Lines | None:
    """The text's non-blank lines (cells joined by tabs) and its rows, when no cell is quoted.

    Without quotes or lone carriage returns the csv module splits each line at the delimiter and
    nothing else, so splitting the whole text at once in C gives the same rows, far faster.
    """
    if '"' in text or "\x00" in text or len(text) >= _FIELD_LIMIT:
        return None
    if "\r" in text:
        # Rows ended by CRLF (the csv module's own way of writing) read as if ended by LF; a
        # lone CR ends a row too, which splitting at LF would miss.
        if text.count("\r") != text.count("\r\n"):
            return None
        text = text.replace("\r\n", "\n")
    ctx.check()
    raw = text.split("\n")
    tabbed = raw if delimiter == "\t" else text.replace(delimiter, "\t").split("\n")
    # A row whose cells are all blank is a blank line once its cells are joined by tabs.
    nonblank = list(map(str.strip, tabbed))
    lines = list(itertools.compress(tabbed, nonblank))
    kept = list(itertools.compress(raw, nonblank))
    count = _kept(lines, ctx.limits.max_text_chars)
    split = operator.methodcaller("split", delimiter)
    return lines[:count], tuple(map(tuple, map(split, kept[:count])))


def _parsed_lines(text: str, delimiter: str, ctx: Context) -> Lines:
    """``_plain_lines`` for any text, through the csv module."""
    budget = ctx.limits.max_text_chars
    used = -1  # the first line has no separator before it
    lines: list[str] = []
    rows: list[tuple[str, ...]] = []
    for n, row in enumerate(_rows(text, delimiter)):
        if n % 1000 == 0:
            ctx.check()
        line = "\t".join(row)  # blank when every cell is: tabs are whitespace
        if not line.strip():
            continue
        lines.append(line)
        rows.append(tuple(row))
        used += len(line) + 1
        if used > budget:  # the line that passes the limit is the last kept (cut short)
            break
    return lines, tuple(rows)


def _read(kind: str, default: str) -> Callable[[bytes, Context], Iterator[Item]]:
    def read(data: bytes, ctx: Context) -> Iterator[Item]:
        text = decode(data)
        if text is None:
            yield from read_text(data, ctx, kind)
            return
        delimiter = delimiter_of(text[: SNIFF_BYTES * 4], complete=len(text) <= SNIFF_BYTES * 4)
        if delimiter is None:
            delimiter = default if default in text else None
        if delimiter is None:
            # One column or free text under a .csv name: still text worth scanning.
            yield from read_text(data, ctx, kind)
            return
        lines, rows = _plain_lines(text, delimiter, ctx) or _parsed_lines(text, delimiter, ctx)
        sink = Collector(ctx)
        sink.add("\n".join(lines))
        yield Document(
            sink.take(),
            ctx.origin,
            kind,
            tables=(Table(rows=rows),),
            size=len(data),
        )
        if sink.truncated:
            yield sink.note(ctx, kind)

    return read


FORMATS: tuple[Format, ...] = (
    Format(name="tsv", read=_read("tsv", "\t"), extensions=(".tsv", ".tab"), sniff=_sniffer(True)),
    Format(name="csv", read=_read("csv", ","), extensions=(".csv", ".psv"), sniff=_sniffer(False)),
)
