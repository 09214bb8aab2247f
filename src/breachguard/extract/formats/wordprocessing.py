"""File format: Word documents (DOCX, DOCM, DOTX), read with python-docx's package reader.

The body, headers, footers, footnotes, endnotes and comments are read, text boxes and tracked
deletions included: a deletion still in the file is still disclosed by sending it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.package import Package

from breachguard.extract.document import Table
from breachguard.extract.format import Context, Format, Item
from breachguard.extract.formats import ooxml
from breachguard.extract.formats.text import Collector

_P = qn("w:p")
_TBL = qn("w:tbl")
_TR = qn("w:tr")
_TC = qn("w:tc")
_TEXT = {qn("w:t"): None, qn("w:delText"): None, qn("w:tab"): "\t", qn("w:br"): "\n"}
_TEXT[qn("w:cr")] = "\n"
_TEXT[qn("w:noBreakHyphen")] = "-"
# Parts that hold text a reader sees, in the order a reader meets them.
_PART_ORDER = ("header", "main", "footnotes", "endnotes", "comments", "footer")


def _part_rank(content_type: str) -> int | None:
    if "wordprocessingml" not in content_type and "ms-word" not in content_type:
        return None
    for rank, suffix in enumerate(_PART_ORDER):
        if content_type.endswith(f"{suffix}+xml"):
            return rank
    return None


def _nearest(node: Any, tag: str) -> Any:
    parent = node.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _paragraph_text(p: Any) -> str:
    # A paragraph in a text box sits inside another paragraph; its text is its own line.
    pieces: list[str] = []
    for node in p.iter(*_TEXT):
        if _nearest(node, _P) is not p:
            continue
        fixed = _TEXT[node.tag]
        pieces.append(fixed if fixed is not None else node.text or "")
    return "".join(pieces)


def _cell_text(tc: Any) -> str:
    return "\n".join(t for t in (_paragraph_text(p) for p in tc.iter(_P)) if t)


def _table(tbl: Any) -> Table:
    rows: list[tuple[str, ...]] = []
    for tr in tbl.iterchildren(_TR):
        rows.append(tuple(_cell_text(tc) for tc in tr.iterchildren(_TC)))
    return Table(rows=tuple(rows))


def read_part(root: Any, ctx: Context, sink: Collector, tables: list[Table]) -> None:
    """Paragraph text of one WordprocessingML part into ``sink``, its tables into ``tables``."""
    for n, p in enumerate(root.iter(_P)):
        if n % 1000 == 0:
            ctx.check()
        text = _paragraph_text(p)
        if text.strip() and not sink.add(text):
            return
    for tbl in root.iter(_TBL):
        ctx.check()
        tables.append(_table(tbl))


def _kind(package: Any) -> str:
    content_type = str(package.main_document_part.content_type)
    if "template" in content_type.lower():
        return "dotm" if "macroEnabled" in content_type else "dotx"
    return "docm" if "macroEnabled" in content_type else "docx"


def _read(data: bytes, ctx: Context) -> Iterator[Item]:
    ooxml.account(data, ctx).close()
    package = Package.open(io.BytesIO(data))
    kind = _kind(package)
    parts = []
    for part in package.iter_parts():
        rank = _part_rank(str(part.content_type))
        if rank is not None:
            parts.append((rank, str(part.partname), part))
    sink = Collector(ctx)
    tables: list[Table] = []
    for _, _, part in sorted(parts, key=lambda p: (p[0], p[1])):
        ctx.check()
        read_part(parse_xml(part.blob), ctx, sink, tables)
        if sink.truncated:
            break
    yield from sink.documents(ctx, kind, len(data), tuple(tables))


FORMATS: tuple[Format, ...] = (
    Format(
        name="docx",
        read=_read,
        extensions=(".docx", ".docm", ".dotx", ".dotm"),
        sniff=ooxml.sniffer("word/document.xml"),
    ),
)
