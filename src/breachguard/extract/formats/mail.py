"""E-mail messages (RFC 822 / MIME, ``.eml``): headers and body as text, attachments as members.

One Document holds the message itself: the address and subject headers (addresses are personal
data too) and every text body part, HTML turned into text. Every attachment, and every attached
message (``message/rfc822``), is a member opened in turn. Malformed MIME is read as far as the
standard parser's recovery goes; a message nested past reason is read as plain text instead.
"""

from __future__ import annotations

import codecs
import email
import email.errors
import email.header
import email.policy
import mimetypes
import re
from collections.abc import Iterator
from email.message import Message
from email.parser import BytesHeaderParser

from breachguard.extract.document import Document, ExtractionError, Protection, ProtectionLevel
from breachguard.extract.format import Context, Format, Item, Member
from breachguard.extract.formats._bounds import short
from breachguard.extract.formats.html import visible_text

ADDRESS_HEADERS = ("From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject")
# The standard parser checks every line against every open boundary and recurses per level, so a
# message with thousands of nested parts costs seconds and then overflows the stack. Real mail
# nests a handful; past this many multipart sections the body is scanned as plain text.
MAX_MULTIPARTS = 200

_CUT_SHORT = (
    email.errors.CloseBoundaryNotFoundDefect,
    email.errors.StartBoundaryNotFoundDefect,
)

SMIME_ENCRYPTED = Protection(ProtectionLevel.STRONG, "S/MIME (CMS enveloped data)")

_FIELD = re.compile(rb"[!-9;-~]+:")
_KNOWN_FIELDS = frozenset(
    {
        b"from",
        b"to",
        b"cc",
        b"subject",
        b"date",
        b"message-id",
        b"received",
        b"return-path",
        b"mime-version",
        b"delivered-to",
        b"reply-to",
        b"content-type",
        b"dkim-signature",
        b"x-mailer",
    }
)
_DEFINING_FIELDS = frozenset(
    {b"from", b"date", b"message-id", b"received", b"return-path", b"mime-version", b"subject"}
)


def looks_like_mail(head: bytes) -> bool:
    """A header block: only ``Field: value`` and folded lines up to the first blank line,
    with at least two well-known fields, one of which only mail has (From, Date, Received ...)."""
    known: set[bytes] = set()
    lines = head[:8192].splitlines()
    if not lines or not _FIELD.match(lines[0]):
        return False
    for index, line in enumerate(lines):
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            continue
        if not _FIELD.match(line):
            # The head may cut the last header in two; anything else means this is not mail.
            if index == len(lines) - 1 and len(head) > 8192:
                break
            return False
        name = line.split(b":", 1)[0].strip().lower()
        if name in _KNOWN_FIELDS:
            known.add(name)
    return len(known) >= 2 and bool(known & _DEFINING_FIELDS)


def read_eml(data: bytes, ctx: Context) -> Iterator[Item]:
    if data.lower().count(b"boundary=") > MAX_MULTIPARTS:
        yield from _read_as_plain_text(data, ctx, f"more than {MAX_MULTIPARTS} multipart sections")
        return
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except RecursionError:
        yield from _read_as_plain_text(data, ctx, "MIME parts nested too deep")
        return
    yield from read_message(message, ctx, len(data))


def read_message(message: Message, ctx: Context, size: int = 0) -> Iterator[Item]:
    """The message's own text as one Document, then its attachments as members."""
    texts: list[str] = []
    members: list[Item] = []
    attachment_count = 0
    truncated = False
    stack: list[Message] = [message]
    while stack:
        ctx.check()
        part = stack.pop()
        truncated = truncated or any(isinstance(d, _CUT_SHORT) for d in part.defects)
        content_type = part.get_content_type()
        if content_type == "message/rfc822" or (
            part.is_multipart() and content_type.startswith("message/")
        ):
            attachment_count += 1
            members.append(_attached_message(part, attachment_count, ctx))
            continue
        if part.is_multipart():
            children = part.get_payload()
            if isinstance(children, list):
                stack.extend(reversed([c for c in children if isinstance(c, Message)]))
            continue
        if content_type == "application/pkcs7-mime" and "enveloped" in str(
            part.get_param("smime-type", "enveloped-data")
        ):
            members.append(
                ExtractionError(
                    ctx.origin,
                    "S/MIME encrypted message; content not scanned",
                    kind="email",
                    protection=SMIME_ENCRYPTED,
                )
            )
            continue
        filename = _filename(part)
        disposition = part.get_content_disposition()
        if (
            content_type in ("text/plain", "text/html")
            and not filename
            and disposition != "attachment"
        ):
            body = _decode_text(part)
            texts.append(visible_text(body, ctx) if content_type == "text/html" else body)
            continue
        attachment_count += 1
        name = filename or _unnamed(content_type, attachment_count)
        payload = part.get_payload(decode=True)
        members.append(Member(name, payload if isinstance(payload, bytes) else b""))
    text = "\n".join(header_lines(message))
    body = "\n\n".join(t.strip() for t in texts if t.strip())
    if body:
        text = f"{text}\n\n{body}"
    limit = ctx.limits.max_text_chars
    if len(text) > limit:
        yield ExtractionError(
            ctx.origin,
            f"the message text is longer than {limit:,} characters (scan.max_text_chars);"
            " only the first part was scanned",
            kind="email",
        )
        text = text[:limit]
    if truncated:
        yield ExtractionError(
            ctx.origin,
            "a MIME part has no closing boundary: the message may be truncated;"
            " read as far as it goes",
            kind="email",
        )
    yield Document(text, ctx.origin, "email", size=size or len(text))
    yield from members


def header_lines(message: Message) -> list[str]:
    """``Name: value`` for the address and subject headers, RFC 2047 words decoded."""
    lines = []
    for name, raw in message.raw_items():
        if name.title() in ADDRESS_HEADERS:
            lines.append(f"{name}: {decode_header(str(raw))}")
    return lines


def decode_header(raw: str) -> str:
    """A header value with its RFC 2047 encoded words decoded; bad charsets give U+FFFD."""
    unfolded = re.sub(r"\r?\n[ \t]*", " ", raw).strip()
    try:
        chunks = email.header.decode_header(unfolded)
    except (email.errors.HeaderParseError, ValueError):
        return unfolded
    out = []
    for value, charset in chunks:
        if isinstance(value, str):
            out.append(value)
        else:
            out.append(_decode_bytes(value, charset or "ascii"))
    # An encoded word may hide a line break ("header injection"); one header stays one line.
    return " ".join("".join(out).split())


def _decode_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    return _decode_bytes(payload, part.get_content_charset() or "utf-8")


def _decode_bytes(data: bytes, charset: str) -> str:
    try:
        codecs.lookup(charset)
    except (LookupError, ValueError):
        charset = "utf-8"
    if charset.lower() in ("ascii", "us-ascii"):
        charset = "utf-8"  # mislabelled 8-bit text is common; UTF-8 decodes ASCII the same
    return data.decode(charset, errors="replace")


def _filename(part: Message) -> str:
    try:
        name = part.get_filename()
    except (ValueError, LookupError, IndexError, email.errors.MessageError):
        return ""
    return decode_header(name) if name else ""


def _unnamed(content_type: str, number: int) -> str:
    extension = mimetypes.guess_extension(content_type) or ""
    return f"attachment {number}{extension}"


def _attached_message(part: Message, number: int, ctx: Context) -> Item:
    name = _filename(part) or f"attached message {number}.eml"
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    if not isinstance(inner, Message):
        raw = part.get_payload(decode=True)
        return Member(name, raw if isinstance(raw, bytes) else b"")
    try:
        return Member(name, inner.as_bytes(policy=email.policy.default))
    except (ValueError, LookupError, UnicodeError, email.errors.MessageError) as exc:
        return ExtractionError(
            (*ctx.origin, name),
            f"could not re-read the attached message ({short(exc)})",
            kind="email",
        )


def _read_as_plain_text(data: bytes, ctx: Context, why: str) -> Iterator[Item]:
    headers = BytesHeaderParser(policy=email.policy.default).parsebytes(data)
    separator = re.search(rb"\r?\n\r?\n", data)
    body = data[separator.end() :] if separator else b""
    text = "\n".join(header_lines(headers)) + "\n\n" + body.decode("utf-8", errors="replace")
    limit = ctx.limits.max_text_chars
    yield ExtractionError(
        ctx.origin, f"{why}: the MIME structure was not read; scanned as plain text", kind="email"
    )
    yield Document(text[:limit], ctx.origin, "email", size=len(data))


FORMATS: tuple[Format, ...] = (
    Format(
        name="email", read=read_eml, extensions=(".eml",), sniff=looks_like_mail, container=True
    ),
)
