"""File format: delimited text (CSV, TSV, semicolon- and pipe-separated exports).

The Document's text is the rows, cells separated by tabs; its table keeps the rows as cells so
the assessment can read columns (one row a person, the header naming what each column holds).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator

from breachguard.extract.document import Document, Table
from breachguard.extract.format import Context, Format, Item
from breachguard.extract.formats.text import (
    SNIFF_BYTES,
    Collector,
    decode,
    looks_like_text,
    read_text,
)

_DELIMITERS = (",", ";", "\t", "|")
_SNIFF_ROWS = 20
# The csv module's own limit (128 KiB a cell) would reject a legitimate long free-text column.
csv.field_size_limit(16 * 1024 * 1024)


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
            head = data[:SNIFF_BYTES]
            if not looks_like_text(head):
                return False
            text = decode(head)
            if text is None:
                return False
            delimiter = delimiter_of(text, complete=len(data) <= SNIFF_BYTES)
            return delimiter == "\t" if tab else delimiter is not None
        except Exception:  # a sniffer must never stop identification
            return False

    return sniff


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
        sink = Collector(ctx)
        rows: list[tuple[str, ...]] = []
        for n, row in enumerate(_rows(text, delimiter)):
            if n % 1000 == 0:
                ctx.check()
            if not any(cell.strip() for cell in row):
                continue
            kept = sink.add("\t".join(row))
            rows.append(tuple(row))
            if not kept:
                break
        yield Document(
            sink.take(), ctx.origin, kind, tables=(Table(rows=tuple(rows)),), size=len(data)
        )
        if sink.truncated:
            yield sink.note(ctx, kind)

    return read


FORMATS: tuple[Format, ...] = (
    Format(name="tsv", read=_read("tsv", "\t"), extensions=(".tsv", ".tab"), sniff=_sniffer(True)),
    Format(name="csv", read=_read("csv", ","), extensions=(".csv", ".psv"), sniff=_sniffer(False)),
)
