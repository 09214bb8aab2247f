"""File format: HTML and XHTML: the text a reader would see, and the tables in it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

from breachguard.extract.document import Table
from breachguard.extract.format import Context, Format, Item
from breachguard.extract.formats.text import SNIFF_BYTES, Collector, bom_encoding, decode

_HIDDEN = frozenset({"script", "style", "template"})
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tr",
        "ul",
        "title",
    }
)
_CELL = frozenset({"td", "th"})
# Attributes a person sees or types into, which may hold personal data as much as text does.
_SHOWN_ATTRIBUTES = ("alt", "title", "value", "placeholder")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_START = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)


class _Visible(HTMLParser):
    """Collects visible text into a Collector and table cells into rows."""

    def __init__(self, ctx: Context, sink: Collector) -> None:
        super().__init__(convert_charrefs=True)
        self.ctx = ctx
        self.sink = sink
        self.hidden = 0
        self.line: list[str] = []
        self.tables: list[Table] = []
        # One entry per open <table>: its rows, the row being built, the cell being built.
        self._open: list[tuple[list[tuple[str, ...]], list[str], list[str]]] = []
        self._in_cell = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ctx.check()
        if tag in _HIDDEN and tag not in _VOID:
            self.hidden += 1
            return
        if tag in _BLOCK:
            self._flush()
        if tag == "table":
            self._open.append(([], [], []))
        elif tag == "tr" and self._open:
            self._end_row()
        elif tag in _CELL and self._open:
            self._end_cell()
            self._in_cell += 1
        if self.hidden:
            return
        for name, value in attrs:
            if name in _SHOWN_ATTRIBUTES and value and value.strip():
                self._text(value.strip())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _HIDDEN and tag not in _VOID:
            self.hidden -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN and tag not in _VOID:
            self.hidden = max(0, self.hidden - 1)
            return
        if tag in _CELL and self._open:
            self._end_cell()
        elif tag == "tr" and self._open:
            self._end_row()
        elif tag == "table" and self._open:
            self._end_row()
            rows, _, _ = self._open.pop()
            if rows and not self.sink.truncated:
                self.tables.append(Table(rows=tuple(rows)))
        if tag in _CELL:
            self.line.append("\t")  # a row's cells stay on one line, as in a spreadsheet
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.hidden or not data.strip():
            if data and not data.strip() and self.line:
                self.line.append(" ")
            return
        self._text(data)

    def _text(self, data: str) -> None:
        self.line.append(data)
        if self._open and self._in_cell:
            self._open[-1][2].append(data)

    def _end_cell(self) -> None:
        if not self._in_cell:
            return
        _, row, cell = self._open[-1]
        row.append(" ".join("".join(cell).split()))
        cell.clear()
        self._in_cell -= 1

    def _end_row(self) -> None:
        self._end_cell()
        rows, row, _ = self._open[-1]
        if any(row):
            rows.append(tuple(row))
        row.clear()

    def _flush(self) -> None:
        if self.line:
            cells = "".join(self.line).split("\t")
            text = "\t".join(" ".join(cell.split()) for cell in cells).strip("\t")
            if text.strip():
                self.sink.add(text)
            self.line = []

    def close(self) -> None:
        super().close()
        self._flush()
        while self._open:
            self.handle_endtag("table")


def _decode_html(data: bytes) -> str | None:
    if bom_encoding(data) is None:
        declared = _META_CHARSET.search(data[:SNIFF_BYTES])
        if declared is not None:
            return decode(data, declared.group(1).decode("ascii"))
    return decode(data)


def _read(data: bytes, ctx: Context) -> Iterator[Item]:
    text = _decode_html(data)
    if text is None:
        raise ValueError("binary data, not HTML text")
    sink = Collector(ctx)
    parser = _Visible(ctx, sink)
    # Feed in slices so the time limit is checked on long runs of text without tags.
    step = 1 << 20
    for start in range(0, len(text), step):
        ctx.check()
        parser.feed(text[start : start + step])
        if sink.truncated:
            break
    parser.close()
    yield from sink.documents(ctx, "html", len(data), tuple(parser.tables))


def visible_text(html: str, ctx: Context) -> str:
    """The text a reader of ``html`` sees (mail bodies use this too); tables stay one row a line."""
    sink = Collector(ctx)
    parser = _Visible(ctx, sink)
    parser.feed(html)
    parser.close()
    return sink.take()


def _sniff(data: bytes) -> bool:
    try:
        head = data[:1024]
        if b"\x00" in head:
            # UTF-16 HTML: look at the decoded start.
            text = decode(data[:SNIFF_BYTES])
            head = text[:1024].encode("utf-8", errors="replace") if text else b""
        return _HTML_START.search(head) is not None
    except Exception:  # a sniffer must never stop identification
        return False


FORMATS: tuple[Format, ...] = (
    Format(name="html", read=_read, extensions=(".html", ".htm", ".xhtml", ".shtml"), sniff=_sniff),
)
