"""File format: JSON and JSON Lines.

Each string or number becomes a line ``key.path: value`` so the key can serve as context (``dob``,
``nino``); every list of flat objects also becomes a Table whose header is the keys.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from breachguard.extract.document import Table
from breachguard.extract.format import Context, Format, Item
from breachguard.extract.formats.text import (
    SNIFF_BYTES,
    Collector,
    decode,
    decoded_head,
    read_text,
)


def _scalar(value: object) -> bool:
    return value is None or isinstance(value, str | int | float)


def _cell(value: object) -> str:
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value).lower()
    return str(value)


def _table(path: str, items: list[Any]) -> Table | None:
    """A Table when ``items`` are objects whose values are all scalars."""
    if not items or not all(
        isinstance(i, dict) and all(_scalar(v) for v in i.values()) for i in items
    ):
        return None
    header: dict[str, None] = {}
    for item in items:
        header.update(dict.fromkeys(item))
    keys = list(header)
    rows = [tuple(keys)]
    rows.extend(tuple(_cell(item.get(k)) for k in keys) for item in items)
    return Table(rows=tuple(rows), name=path)


def _walk(root: Any, ctx: Context, sink: Collector, tables: list[Table]) -> None:
    # Iterative, so a deeply nested file cannot exhaust the stack.
    stack: list[tuple[str, Any]] = [("", root)]
    steps = 0
    while stack:
        steps += 1
        if steps % 1000 == 0:
            ctx.check()
        path, value = stack.pop()
        if isinstance(value, dict):
            for key, child in reversed(value.items()):
                stack.append((f"{path}.{key}" if path else str(key), child))
        elif isinstance(value, list):
            table = _table(path, value)
            if table is not None and not sink.truncated:
                tables.append(table)
            for i in range(len(value) - 1, -1, -1):
                stack.append((f"{path}[{i}]", value[i]))
        elif (
            isinstance(value, str | int | float)
            and not isinstance(value, bool)
            and not sink.add(f"{path}: {value}" if path else str(value))
        ):
            return


def _parse(text: str) -> tuple[list[Any], bool] | None:
    """The values in ``text``, and whether it is JSON Lines; None when it is neither."""
    try:
        return [json.loads(text)], False
    except (ValueError, RecursionError):
        pass
    values: list[Any] = []
    try:
        for line in text.splitlines():
            if line.strip():
                values.append(json.loads(line))
    except (ValueError, RecursionError):
        return None
    return (values, True) if values else None


def _read(data: bytes, ctx: Context) -> Iterator[Item]:
    text = decode(data)
    parsed = _parse(text) if text is not None else None
    if parsed is None:
        # Starts like JSON but is not (a log line "[2024-01-01] ..."): scan it as text.
        yield from read_text(data, ctx, "json")
        return
    values, lines = parsed
    kind = "jsonl" if lines else "json"
    sink = Collector(ctx)
    tables: list[Table] = []
    root: Any = values if lines else values[0]
    _walk(root, ctx, sink, tables)
    if lines and not tables:
        table = _table("", values)
        if table is not None:
            tables.append(table)
    yield from sink.documents(ctx, kind, len(data), tuple(tables))


def _sniff(data: bytes) -> bool:
    try:
        text = decoded_head(data)
        if text is None:
            return False
        stripped = text.lstrip()
        if not stripped or stripped[0] not in "{[":
            return False
        if len(data) <= SNIFF_BYTES:
            return _parse(text) is not None
        # Too big to parse here: the next token must be one JSON allows after the bracket.
        rest = stripped[1:].lstrip()
        return not rest or rest[0] in ('"}' if stripped[0] == "{" else '"{[]-0123456789tfn')
    except Exception:  # a sniffer must never stop identification
        return False


FORMATS: tuple[Format, ...] = (
    Format(
        name="json",
        read=_read,
        extensions=(".json", ".jsonl", ".ndjson", ".geojson"),
        sniff=_sniff,
    ),
)
