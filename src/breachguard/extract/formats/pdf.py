"""File format: PDF, read with PDFium; its encryption classified from the /Encrypt dictionary.

PDF encryption only protects against reading when a user password is needed to open the file:
RC4 (40- or 128-bit) is weak, AES-128 and AES-256 strong. A file with only an owner password
opens for anyone, so it is not protected at all. Files attached to the PDF are opened in turn.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from breachguard.extract.document import Document, ExtractionError, Protection, ProtectionLevel
from breachguard.extract.format import Context, Format, Item, Member
from breachguard.extract.formats.text import Collector

# PDFium is not thread-safe: one call into it at a time in a process (Dask workers run threads).
_PDFIUM = threading.Lock()

OWNER_ONLY = "owner password only (no encryption against reading)"

_ENCRYPT_REF = re.compile(rb"/Encrypt\s*(\d+)\s+(\d+)\s+R")
_ENCRYPT_INLINE = re.compile(rb"/Encrypt\s*<<")
_WHITESPACE = b" \t\n\r\f\x00"
_DELIMITERS = b"()<>[]{}/%"
_MAX_DICT_BYTES = 64 * 1024
_MAX_NESTING = 8


@dataclass(frozen=True, slots=True)
class Cipher:
    """How a PDF is encrypted, in words (``AES-256``) and as a protection level."""

    label: str
    level: ProtectionLevel


PdfObject = dict[str, "PdfObject"] | list["PdfObject"] | str | int | float | bytes | None


class _Parser:
    """Just enough of the PDF object syntax to read one dictionary: the /Encrypt one."""

    def __init__(self, data: bytes, pos: int) -> None:
        self.data = data
        self.pos = pos
        self.end = min(len(data), pos + _MAX_DICT_BYTES)

    def _skip(self) -> None:
        while self.pos < self.end:
            c = self.data[self.pos]
            if c in _WHITESPACE:
                self.pos += 1
            elif c == 0x25:  # % comment to end of line
                while self.pos < self.end and self.data[self.pos] not in b"\r\n":
                    self.pos += 1
            else:
                return

    def _need(self) -> int:
        self._skip()
        if self.pos >= self.end:
            raise ValueError("PDF encryption dictionary is cut short")
        return self.data[self.pos]

    def value(self, depth: int = 0) -> PdfObject:
        if depth > _MAX_NESTING:
            raise ValueError("PDF encryption dictionary is nested too deeply")
        c = self._need()
        if self.data.startswith(b"<<", self.pos):
            return self._dict(depth)
        if c == 0x3C:  # <hex string>
            close = self.data.find(b">", self.pos, self.end)
            if close < 0:
                raise ValueError("PDF hex string is not closed")
            self.pos = close + 1
            return b""
        if c == 0x28:  # (literal string), balanced parentheses and backslash escapes
            self._literal()
            return b""
        if c == 0x5B:  # [array]
            self.pos += 1
            items: list[PdfObject] = []
            while self._need() != 0x5D:
                items.append(self.value(depth + 1))
            self.pos += 1
            return items
        if c == 0x2F:  # /Name
            self.pos += 1
            return self._token().decode("latin-1")
        return self._number_or_keyword()

    def _dict(self, depth: int) -> dict[str, PdfObject]:
        self.pos += 2
        entries: dict[str, PdfObject] = {}
        while True:
            self._need()
            if self.data.startswith(b">>", self.pos):
                self.pos += 2
                return entries
            key = self.value(depth + 1)
            if not isinstance(key, str):
                raise ValueError("PDF dictionary key is not a name")
            entries[key] = self.value(depth + 1)

    def _literal(self) -> None:
        level = 0
        while self.pos < self.end:
            c = self.data[self.pos]
            self.pos += 1
            if c == 0x5C:  # backslash escapes the next byte
                self.pos += 1
            elif c == 0x28:
                level += 1
            elif c == 0x29:
                level -= 1
                if level == 0:
                    return
        raise ValueError("PDF string is not closed")

    def _token(self) -> bytes:
        start = self.pos
        while (
            self.pos < self.end
            and self.data[self.pos] not in _WHITESPACE
            and self.data[self.pos] not in _DELIMITERS
        ):
            self.pos += 1
        return self.data[start : self.pos]

    def _number_or_keyword(self) -> PdfObject:
        token = self._token()
        if not token:
            raise ValueError("unexpected character in PDF dictionary")
        try:
            number: int | float = int(token)
        except ValueError:
            try:
                number = float(token)
            except ValueError:
                return token.decode("latin-1")  # true, false, null, R
        # "12 0 R" is a reference; the encryption entries that matter are direct values.
        saved = self.pos
        self._skip()
        generation = self._token()
        self._skip()
        if generation.isdigit() and self._token() == b"R":
            return None
        self.pos = saved
        return number


def _last(matches: Iterator[re.Match[bytes]]) -> re.Match[bytes] | None:
    found = None
    for found in matches:  # noqa: B007 - the last one is wanted
        pass
    return found


def encrypt_dictionary(data: bytes) -> dict[str, PdfObject] | None:
    """The newest /Encrypt dictionary in a PDF (incremental updates append), or None."""
    ref = _last(_ENCRYPT_REF.finditer(data))
    inline = _last(_ENCRYPT_INLINE.finditer(data))
    if inline is not None and (ref is None or inline.start() > ref.start()):
        found = _Parser(data, inline.end() - 2).value()
        return found if isinstance(found, dict) else None
    if ref is None:
        return None
    header = re.compile(rb"(?<!\d)" + ref.group(1) + rb"\s+" + ref.group(2) + rb"\s+obj\b")
    start = _last(header.finditer(data))
    if start is None:
        return None
    found = _Parser(data, start.end()).value()
    return found if isinstance(found, dict) else None


def _int(value: PdfObject, default: int) -> int:
    return int(value) if isinstance(value, int | float) else default


def cipher_of(encrypt: dict[str, PdfObject]) -> Cipher:
    """The cipher an /Encrypt dictionary names (PDF 2.0, 7.6.2 and 7.6.5)."""
    version = _int(encrypt.get("V"), 0)
    bits = _int(encrypt.get("Length"), 40)
    if version in (0, 1):
        return Cipher("RC4-40", ProtectionLevel.WEAK)
    if version == 2:
        return Cipher(f"RC4-{bits}", ProtectionLevel.WEAK)
    if version in (4, 5):
        filters = encrypt.get("CF")
        method = None
        stream_filter = encrypt.get("StmF", "Identity")
        if isinstance(filters, dict) and isinstance(stream_filter, str):
            entry = filters.get(stream_filter)
            if isinstance(entry, dict):
                method = entry.get("CFM")
        if method == "AESV3" or version == 5:
            return Cipher("AES-256", ProtectionLevel.STRONG)
        if method == "AESV2":
            return Cipher("AES-128", ProtectionLevel.STRONG)
        if method == "V2":
            return Cipher("RC4-128", ProtectionLevel.WEAK)
        return Cipher("encryption of an unknown kind", ProtectionLevel.WEAK)
    return Cipher(f"encryption V{version} (unpublished algorithm)", ProtectionLevel.WEAK)


_BY_REVISION = {
    2: Cipher("RC4-40", ProtectionLevel.WEAK),
    3: Cipher("RC4-128", ProtectionLevel.WEAK),
    # R4 is RC4 or AES-128; with the dictionary unreadable, claim only the weaker.
    4: Cipher("RC4-128 or AES-128", ProtectionLevel.WEAK),
    5: Cipher("AES-256", ProtectionLevel.STRONG),
    6: Cipher("AES-256", ProtectionLevel.STRONG),
}


def _cipher(data: bytes, revision: int | None) -> Cipher:
    try:
        encrypt = encrypt_dictionary(data)
    except ValueError:
        encrypt = None
    if encrypt is not None:
        return cipher_of(encrypt)
    if revision is not None and revision in _BY_REVISION:
        return _BY_REVISION[revision]
    return Cipher("encryption", ProtectionLevel.WEAK)


def _is_password_error(exc: pdfium.PdfiumError) -> bool:
    return bool(exc.err_code == pdfium_c.FPDF_ERR_PASSWORD)


def _open(data: bytes, ctx: Context) -> tuple[pdfium.PdfDocument | None, Protection]:
    """The open document and its protection; no document when no password opens it."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if not _is_password_error(exc):
            raise
    else:
        if pdfium_c.FPDF_GetSecurityHandlerRevision(pdf.raw) == -1:
            return pdf, Protection.none()
        return pdf, Protection(ProtectionLevel.NONE, OWNER_ONLY)
    for password in ctx.passwords:
        try:
            pdf = pdfium.PdfDocument(data, password=password)
        except pdfium.PdfiumError as exc:
            if not _is_password_error(exc):
                raise
            continue
        cipher = _cipher(data, pdfium_c.FPDF_GetSecurityHandlerRevision(pdf.raw))
        return pdf, Protection(cipher.level, f"PDF {cipher.label}")
    cipher = _cipher(data, None)
    return None, Protection(ProtectionLevel.UNSCANNABLE, f"PDF {cipher.label} (password required)")


def _extract(data: bytes, ctx: Context) -> list[Item]:
    pdf, protection = _open(data, ctx)
    if pdf is None:
        tried = "none of the passwords given opens it" if ctx.passwords else "no password given"
        return [
            ExtractionError(
                ctx.origin,
                f"the PDF is encrypted and needs a password to open; {tried}",
                kind="pdf",
                protection=protection,
            )
        ]
    items: list[Item] = []
    sink = Collector(ctx, sep="\n\f\n")
    try:
        pages = len(pdf)
        for index in range(pages):
            ctx.check()
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                finally:
                    textpage.close()
            finally:
                page.close()
            if not sink.add(text.replace("\r\n", "\n").replace("\r", "\n")):
                break
        text = sink.take()
        items.append(Document(text, ctx.origin, "pdf", protection, size=len(data)))
        if sink.truncated:
            items.append(sink.note(ctx, "pdf"))
        elif pages and not text.strip():
            items.append(
                ExtractionError(
                    ctx.origin,
                    "this PDF has no text layer (scanned pages?); images are not read",
                    kind="pdf",
                )
            )
        for index in range(pdf.count_attachments()):
            ctx.check()
            attachment = pdf.get_attachment(index)
            content = bytes(attachment.get_data())
            ctx.expand(len(content))
            name = attachment.get_name() or f"attachment {index + 1}"
            items.append(Member(name, content, protection=protection))
    finally:
        pdf.close()
    return items


def _read(data: bytes, ctx: Context) -> Iterator[Item]:
    with _PDFIUM:
        items = _extract(data, ctx)
    yield from items


def _sniff(data: bytes) -> bool:
    # Readers accept junk before the header; PDF 2.0 asks them to look in the first 1024 bytes.
    return b"%PDF-" in data[:1024]


FORMATS: tuple[Format, ...] = (
    Format(name="pdf", read=_read, extensions=(".pdf",), magic=(b"%PDF-",), sniff=_sniff),
)
