"""Outlook messages (``.msg``, read by extract-msg): headers and body as text, attachments as members.

The message is opened from memory (a BytesIO, never a path: given short bytes, the OLE reader
would take them for a file name). An attached Outlook item is re-serialised as a ``.msg`` member
and read in turn, so the depth limit holds for it like for any container.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import extract_msg

from breachguard.extract.document import Document, ExtractionError
from breachguard.extract.format import Context, Format, Item, Member
from breachguard.extract.formats._bounds import short
from breachguard.extract.formats.html import visible_text

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Every Outlook item keeps its properties in streams named "__substg1.0_XXXXYYYY"; Word and Excel
# files share the OLE container but never have them.
_SUBSTG = "__substg1.0_".encode("utf-16-le")


def looks_like_msg(head: bytes) -> bool:
    return head.startswith(OLE_MAGIC) and _SUBSTG in head


def read_msg(data: bytes, ctx: Context) -> Iterator[Item]:
    message = extract_msg.openMsg(io.BytesIO(data), strict=False)
    try:
        yield Document(_text(message, ctx), ctx.origin, "email", size=len(data))
        for number, attachment in enumerate(_attachments(message), start=1):
            ctx.check()
            yield _member(attachment, number, ctx)
    finally:
        message.close()


def _text(message: Any, ctx: Context) -> str:
    lines = []
    for label, attribute in (
        ("From", "sender"),
        ("To", "to"),
        ("Cc", "cc"),
        ("Bcc", "bcc"),
        ("Subject", "subject"),
    ):
        value = _get(message, attribute)
        if value:
            lines.append(f"{label}: {value}")
    body = _get(message, "body")
    if not body:
        html = _get(message, "htmlBody")
        if isinstance(html, bytes):
            html = html.decode("utf-8", errors="replace")
        body = visible_text(html, ctx) if html else ""
    text = "\n".join(lines)
    if body:
        text = f"{text}\n\n{str(body).strip()}"
    return text[: ctx.limits.max_text_chars]


def _attachments(message: Any) -> list[Any]:
    attachments = _get(message, "attachments")
    return list(attachments) if attachments else []


def _member(attachment: Any, number: int, ctx: Context) -> Item:
    name = str(_get(attachment, "getFilename") or f"attachment {number}")
    try:
        data = attachment.data
        if isinstance(data, bytes):
            return Member(name, data)
        if isinstance(data, extract_msg.MSGFile):
            if not name.lower().endswith(".msg"):
                name = f"{name}.msg"
            return Member(name, bytes(data.exportBytes()))
    except Exception as exc:  # one bad attachment must not hide the others
        return ExtractionError(
            (*ctx.origin, name),
            f"could not read this attachment of the Outlook message ({short(exc)})",
            kind="msg",
        )
    return ExtractionError(
        (*ctx.origin, name),
        "an attachment stored as a link, not in the message; content not scanned",
        kind="msg",
    )


def _get(obj: Any, attribute: str) -> Any:
    """A property of an Outlook item, or None where the file lacks or garbles it."""
    try:
        value = getattr(obj, attribute)
        return value() if callable(value) else value
    except Exception:  # extract-msg raises many kinds on malformed properties
        return None


FORMATS: tuple[Format, ...] = (
    Format(name="msg", read=read_msg, extensions=(".msg",), sniff=looks_like_msg, container=True),
)
