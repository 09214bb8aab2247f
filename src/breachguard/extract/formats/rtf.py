"""File format: RTF (Rich Text Format), as WordPad, Outlook and older Word write it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from striprtf import striprtf

from breachguard.extract.format import Context, Format, Item
from breachguard.extract.formats.text import Collector

rtf_to_text: Callable[..., str] = striprtf.rtf_to_text
_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")


def _read(data: bytes, ctx: Context) -> Iterator[Item]:
    # RTF itself is 7-bit; bytes past that are \'hh escapes decoded in the declared code page.
    source = data.decode("latin-1")
    declared = _CODEPAGE.search(data[:4096])
    encoding = f"cp{int(declared.group(1))}" if declared else "cp1252"
    try:
        text = rtf_to_text(source, encoding=encoding, errors="replace")
    except LookupError:
        text = rtf_to_text(source, encoding="cp1252", errors="replace")
    ctx.check()
    sink = Collector(ctx)
    sink.add(text.replace("\r\n", "\n"))
    yield from sink.documents(ctx, "rtf", len(data))


FORMATS: tuple[Format, ...] = (
    Format(name="rtf", read=_read, extensions=(".rtf",), magic=(b"{\\rtf",)),
)
