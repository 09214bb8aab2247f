"""Column headers of delimited text: in a table, a value's label is its column's header.

A CSV pasted into an e-mail or exported from a case system puts ``nhs_number`` once at the top and
bare numbers below it. For a position in a delimited line, ``ColumnHeaders.cell`` gives the header
cell of its column, so context words reach values far below their label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

DELIMITERS = ("\t", ",", ";", "|")
# How far above a row its header may be. It stays below the stream margin, so a streamed
# analysis decides every row as a whole-text analysis does.
HEADER_REACH = 12_000
_MAX_LINE = 4096
_NUMBER = re.compile(r"\d{3}")


class ColumnHeaders:
    """Header cells of delimited blocks in one text, found on demand and remembered per row."""

    __slots__ = ("_answer", "_headers", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        # Row start -> start of its header row (None: it has none). Each row's answer depends
        # only on the text, never on which rows were asked before, so caching keeps results
        # independent of the order candidates arrive in.
        self._answer: dict[int, int | None] = {}
        self._headers: dict[int, tuple[str, tuple[str, ...]]] = {}

    def cell(self, position: int) -> str:
        """The lower-cased header of the column at ``position``, or "" when it has none."""
        text = self._text
        line_start = text.rfind("\n", 0, position) + 1
        if line_start in self._answer:
            header_start = self._answer[line_start]
        else:
            header_start = self._answer[line_start] = self._find_header(line_start)
        if header_start is None:
            return ""
        delimiter, cells = self._headers[header_start]
        column = text.count(delimiter, line_start, position)
        return cells[column] if column < len(cells) else ""

    def _find_header(self, line_start: int) -> int | None:
        text = self._text
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = len(text)
        if line_end - line_start > _MAX_LINE:
            return None
        line = text[line_start:line_end]
        delimiter = max(DELIMITERS, key=line.count)
        width = line.count(delimiter)
        if not width:
            return None
        # Walk up through rows of the same shape; the header is the first without numbers.
        position = line_start
        while position > 0 and line_start - position < HEADER_REACH:
            above = text.rfind("\n", 0, position - 1) + 1
            row = text[above : position - 1]
            if row.count(delimiter) != width:
                return None
            if not _NUMBER.search(row):
                if above not in self._headers:
                    self._headers[above] = (delimiter, _cells(row, delimiter))
                return above if line_start - above <= HEADER_REACH else None
            if above in self._answer:
                # The same block has the same header; only the distance differs.
                known = self._answer[above]
                if known is None or line_start - known > HEADER_REACH:
                    return None
                return known
            position = above
        return None


def _cells(row: str, delimiter: str) -> tuple[str, ...]:
    return tuple(
        " ".join(cell.strip().strip("\"'").lower().replace("_", " ").split())
        for cell in row.split(delimiter)
    )


def cells_below(
    text: str, header_end: int, delimiter: str, width: int, column: int, reach: int = HEADER_REACH
) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of the ``column``-th cell in each row below a header that ends at
    ``header_end``: rows with the header's ``width`` delimiters, starting at most ``reach``
    characters below it. A row's carriage return is not part of its last cell."""
    position = header_end
    while position < len(text) and position + 1 - header_end <= reach:
        row_start = position + 1
        row_end = text.find("\n", row_start)
        row_end = len(text) if row_end < 0 else row_end
        row_stop = row_end - 1 if row_end > row_start and text[row_end - 1] == "\r" else row_end
        if text.count(delimiter, row_start, row_stop) != width:
            return
        start = row_start
        for _ in range(column):
            start = text.index(delimiter, start) + 1
        end = text.find(delimiter, start, row_stop)
        yield start, row_stop if end < 0 else end
        position = row_end
