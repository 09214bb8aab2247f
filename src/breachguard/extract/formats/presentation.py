"""File format: PowerPoint presentations (PPTX, PPTM, POTX, PPSX), read with python-pptx.

Slide text (grouped shapes and tables included) and speaker notes, slide by slide; tables also
as Tables, named after their slide.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import Any

from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.package import Package

from breachguard.extract.document import Table
from breachguard.extract.format import Context, Format, Item
from breachguard.extract.formats import ooxml
from breachguard.extract.formats.text import Collector


def _shapes(shapes: Iterable[Any]) -> Iterator[Any]:
    """Every shape, those inside groups included, in slide order."""
    stack = list(reversed(list(shapes)))
    while stack:
        shape = stack.pop()
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            stack.extend(reversed(list(shape.shapes)))
        else:
            yield shape


def _table(shape: Any, name: str) -> Table:
    rows = tuple(tuple(cell.text for cell in row.cells) for row in shape.table.rows)
    return Table(rows=rows, name=name)


def _read(data: bytes, ctx: Context) -> Iterator[Item]:
    ooxml.account(data, ctx).close()
    part = Package.open(io.BytesIO(data)).main_document_part
    presentation = part.presentation
    kind = "pptm" if "macroEnabled" in str(part.content_type) else "pptx"
    sink = Collector(ctx)
    tables: list[Table] = []
    for number, slide in enumerate(presentation.slides, start=1):
        ctx.check()
        for shape in _shapes(slide.shapes):
            if shape.has_text_frame:
                if shape.text_frame.text.strip():
                    sink.add(shape.text_frame.text)
            elif getattr(shape, "has_table", False) and shape.has_table:
                table = _table(shape, f"slide {number}")
                tables.append(table)
                sink.add("\n".join("\t".join(row) for row in table.rows))
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame
            if notes is not None and notes.text.strip():
                sink.add(notes.text)
        if sink.truncated:
            break
    yield from sink.documents(ctx, kind, len(data), tuple(tables))


FORMATS: tuple[Format, ...] = (
    Format(
        name="pptx",
        read=_read,
        extensions=(".pptx", ".pptm", ".potx", ".potm", ".ppsx", ".ppsm"),
        sniff=ooxml.sniffer("ppt/presentation.xml"),
    ),
)
