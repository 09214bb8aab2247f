"""Mailbox files (mbox): each message a member, named "message N", read as e-mail in turn.

Messages start at a line beginning ``From `` at the start of the file or after a blank line
(RFC 4155); a ``From `` line inside a body that the writer forgot to escape as ``>From `` is
therefore kept in its message, as long as no blank line comes just before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from breachguard.extract.format import Context, Format, Item, Member

_SEPARATOR = re.compile(rb"(?:\A|(?<=\n\n)|(?<=\n\r\n))From [^\r\n]*\r?\n")


def looks_like_mbox(head: bytes) -> bool:
    """``From sender date`` on the first line, then a header."""
    first, _, rest = head.partition(b"\n")
    return first.startswith(b"From ") and re.match(rb"[!-9;-~]+:", rest) is not None


def read_mbox(data: bytes, ctx: Context) -> Iterator[Item]:
    starts = list(_SEPARATOR.finditer(data))
    for number, match in enumerate(starts, start=1):
        ctx.check()
        end = starts[number].start() if number < len(starts) else len(data)
        if ctx.budget.members >= ctx.limits.max_members:
            # One more (empty) member lets the dispatcher report the limit in its own words.
            yield Member(f"message {number}", b"")
            return
        yield Member(f"message {number}", _unescape(data[match.end() : end]))


def _unescape(message: bytes) -> bytes:
    """Undo mboxrd quoting of body lines that began with "From " (">From " -> "From ")."""
    return re.sub(rb"(?m)^>(>*From )", rb"\1", message)


FORMATS: tuple[Format, ...] = (
    Format(
        name="mbox",
        read=read_mbox,
        extensions=(".mbox", ".mbx"),
        sniff=looks_like_mbox,
        container=True,
    ),
)
