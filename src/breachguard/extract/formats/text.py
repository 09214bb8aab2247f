"""File format: plain text, in whatever encoding it came in.

Also the text helpers the other text-like formats share: ``decode`` (bytes to ``str`` with the
encoding detected) and ``Collector`` (gathers text up to ``scan.max_text_chars``).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from charset_normalizer import from_bytes

from breachguard.extract.document import Document, ExtractionError, Table
from breachguard.extract.format import Context, Format, Item

# Enough to judge an encoding and whether bytes are text at all, cheaply: identify() runs every
# sniffer on every file.
SNIFF_BYTES = 8192
# Past this, charset-normalizer judges a sample; detection cost must not grow with the file.
_DETECT_BYTES = 256 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Without a BOM or NUL bytes, a multi-byte guess (UTF-16 for "Price £5") is always wrong.
_NOT_WITHOUT_NULS = [
    "utf_16",
    "utf_16_be",
    "utf_16_le",
    "utf_32",
    "utf_32_be",
    "utf_32_le",
    "utf_7",
]
# Control characters that text does not contain (tab, newlines, form feed and escape it may).
_SHORT = 512
_MULTIBYTE = ("cp932", "shift_jis", "euc", "gb", "big5", "cp949", "cp950", "iso2022", "johab", "hz")
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B}
_MAX_CONTROL_SHARE = 0.01
# The same set as a regex and as bytes to delete: counted in C rather than a step per character.
_CONTROL_CHARS = re.compile("[" + "".join(f"\\x{c:02x}" for c in sorted(_CONTROL)) + "\ufffd]")
_CONTROL_BYTES = bytes(sorted(_CONTROL))


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark declares, and the mark's length."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 of mostly Latin text has a NUL in every other byte; tell which side."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    odd = head[1 : pairs * 2 : 2].count(0)
    even = head[0 : pairs * 2 : 2].count(0)
    if odd >= pairs * 0.3 and even <= pairs * 0.02:
        return "utf-16-le"
    if even >= pairs * 0.3 and odd <= pairs * 0.02:
        return "utf-16-be"
    return None


def _mostly_text(text: str) -> bool:
    if not text:
        return True
    controls = len(_CONTROL_CHARS.findall(text))
    return controls <= len(text) * _MAX_CONTROL_SHARE


def _utf8_prefix(head: bytes) -> str | None:
    """``head`` as UTF-8, tolerating a character cut at the end of the sample."""
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return None


def looks_like_text(data: bytes) -> bool:
    """Whether the start of ``data`` is text in some encoding rather than binary data."""
    head = data[:SNIFF_BYTES]
    if not head:
        return False
    bom = bom_encoding(head)
    if bom is not None:
        encoding, skip = bom
        body = head[skip:]
        cut = len(body) - len(body) % (4 if "32" in encoding else 2 if "16" in encoding else 1)
        return _mostly_text(body[:cut].decode(encoding, errors="replace"))
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        return utf16 is not None and _mostly_text(
            head[: len(head) // 2 * 2].decode(utf16, errors="replace")
        )
    as_utf8 = _utf8_prefix(head)
    if as_utf8 is not None:
        return _mostly_text(as_utf8)
    # A single-byte code page: every byte decodes, so judge by the share of control bytes.
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls <= len(head) * _MAX_CONTROL_SHARE


def detect_encoding(data: bytes) -> str | None:
    """The encoding of ``data``, or None when it is not text."""
    bom = bom_encoding(data)
    if bom is not None:
        return bom[0]
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return _utf16_without_bom(head)
    sample = data[:_DETECT_BYTES]
    if _utf8_prefix(sample) is not None:
        return "utf-8"
    best = from_bytes(sample, cp_exclusion=_NOT_WITHOUT_NULS).best()
    if best is None:
        return None
    encoding = str(best.encoding)
    if len(sample) < _SHORT and encoding.startswith(_MULTIBYTE):
        # A few bytes say little: "Price £5" in cp1252 also decodes as Shift-JIS.
        return "cp1252"
    return encoding


def decoded_head(data: bytes) -> str | None:
    """The start of ``data`` as text, or None when it is not text: what text sniffers look at."""
    head = data[:SNIFF_BYTES]
    return decode(head) if looks_like_text(head) else None


def decode(data: bytes, declared: str | None = None) -> str | None:
    """``data`` as text (BOM, then ``declared``, then detection), or None if it is not text."""
    bom = bom_encoding(data)
    if bom is not None:
        encoding, skip = bom
        text = data[skip:].decode(encoding, errors="replace")
    else:
        encoding_or_none = _known(declared) or detect_encoding(data)
        if encoding_or_none is None:
            return None
        text = data.decode(encoding_or_none, errors="replace")
    return text if _mostly_text(text[:SNIFF_BYTES]) else None


def _known(encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


class Collector:
    """Text pieces up to ``scan.max_text_chars`` in all; past it, pieces are dropped."""

    def __init__(self, ctx: Context, sep: str = "\n") -> None:
        self.remaining = ctx.limits.max_text_chars
        self.truncated = False
        self.sep = sep
        self._parts: list[str] = []

    def add(self, piece: str) -> bool:
        """Keep ``piece`` (cut to what is left); False once the limit is reached."""
        if self.truncated:
            return False
        if self._parts:
            piece = self.sep + piece
        if len(piece) > self.remaining:
            piece = piece[: self.remaining]
            self.truncated = True
        self.remaining -= len(piece)
        self._parts.append(piece)
        return not self.truncated

    def take(self) -> str:
        """The text gathered since the last take."""
        text = "".join(self._parts)
        if text.startswith(self.sep):
            text = text[len(self.sep) :]
        self._parts = []
        return text

    def documents(
        self, ctx: Context, kind: str, size: int, tables: tuple[Table, ...] = ()
    ) -> Iterator[Item]:
        """The Document of what was gathered, then the note if the text was cut short."""
        yield Document(self.take(), ctx.origin, kind, tables=tables, size=size)
        if self.truncated:
            yield self.note(ctx, kind)

    def note(self, ctx: Context, kind: str) -> ExtractionError:
        """The error that says the text was cut short, for the reader to yield."""
        return ExtractionError(
            ctx.origin,
            f"text cut at {ctx.limits.max_text_chars:,} characters (scan.max_text_chars);"
            " the rest was not scanned",
            kind=kind,
        )


def read_text(data: bytes, ctx: Context, kind: str = "text") -> Iterator[Item]:
    """One Document of the whole text, or an error when the bytes are not text."""
    text = decode(data)
    if text is None:
        yield ExtractionError(ctx.origin, "binary data, not text in any known encoding", kind=kind)
        return
    text = text.replace("\r\n", "\n")
    sink = Collector(ctx)
    sink.add(text)
    yield from sink.documents(ctx, kind, len(data))


def _read(data: bytes, ctx: Context) -> Iterator[Item]:
    return read_text(data, ctx)


def _sniff(data: bytes) -> bool:
    try:
        return looks_like_text(data)
    except Exception:  # a sniffer must never stop identification
        return False


FORMATS: tuple[Format, ...] = (
    Format(
        name="text",
        read=_read,
        extensions=(
            ".txt",
            ".text",
            ".log",
            ".md",
            ".markdown",
            ".rst",
            ".ini",
            ".cfg",
            ".conf",
            ".yaml",
            ".yml",
            ".toml",
            ".xml",
            ".sql",
            ".vcf",
            ".ics",
            ".properties",
            ".tex",
        ),
        sniff=_sniff,
    ),
)
