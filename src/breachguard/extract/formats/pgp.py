"""File format: OpenPGP messages (RFC 4880, RFC 9580), binary or ASCII-armored.

An encrypted message starts with session-key packets (tag 1, public-key; tag 3, passphrase)
followed by the encrypted data (tag 18, or the older 9, or GnuPG's AEAD 20). It is **strong**:
the reason says how the key is wrapped and, where the packets show it, the cipher
("OpenPGP (passphrase, AES-256)"). Without the key the content is not scanned.

A message that is only signed or compressed is not encryption at all: its literal data is
unpacked and handed back to be opened in turn, with no protection.
"""

from __future__ import annotations

import base64
import binascii
import bz2
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from breachguard.extract.document import ExtractionError, Protection, ProtectionLevel
from breachguard.extract.format import Context, Format, Item, Member

KIND = "pgp"
_ARMOR_BEGIN = b"-----BEGIN PGP MESSAGE-----"
_ARMOR_END = b"-----END PGP MESSAGE-----"

_PKESK, _SKESK = 1, 3
_COMPRESSED, _SED, _MARKER, _LITERAL = 8, 9, 10, 11
_SEIPD, _AEAD = 18, 20
_ENCRYPTED_DATA = (_SED, _SEIPD, _AEAD)
_CIPHERS = {
    1: "IDEA",
    2: "TripleDES",
    3: "CAST5",
    4: "Blowfish",
    7: "AES-128",
    8: "AES-192",
    9: "AES-256",
    10: "Twofish",
    11: "Camellia-128",
    12: "Camellia-192",
    13: "Camellia-256",
}
_PUBLIC_KEYS = {1: "RSA", 2: "RSA", 16: "ElGamal", 18: "ECDH", 25: "X25519", 26: "X448"}
_MAX_NESTING = 8


@dataclass(frozen=True, slots=True)
class _Packet:
    tag: int
    body: bytes


class _Malformed(ValueError):
    """The packet stream is not well-formed OpenPGP."""


def _sniff(data: bytes) -> bool:
    if data.lstrip()[: len(_ARMOR_BEGIN)] == _ARMOR_BEGIN:
        return True
    # Binary: only claim what parses as session-key packets followed by encrypted data, so that
    # arbitrary bytes with the high bit set are not taken for OpenPGP.
    try:
        packets = _packets(data[:4096], partial_ok=True)
    except _Malformed:
        return False
    tags = [p.tag for p in packets if p.tag != _MARKER]
    return (
        len(tags) >= 1
        and tags[0] in (_PKESK, _SKESK)
        and all(t in (_PKESK, _SKESK, *_ENCRYPTED_DATA) for t in tags)
        and _session_keys_valid(packets)
    )


def _read(data: bytes, ctx: Context) -> Iterator[Item]:
    binary = data if not data.lstrip().startswith(_ARMOR_BEGIN) else _dearmor(data)
    if binary is None:
        yield _damaged(ctx, "armor is not valid base64")
        return
    try:
        packets = _packets(binary)
    except _Malformed as exc:
        yield _damaged(ctx, str(exc))
        return
    yield from _message(packets, ctx, 0)


def _damaged(ctx: Context, why: str) -> ExtractionError:
    return ExtractionError(
        ctx.origin,
        f"OpenPGP message is damaged ({why}); content not scanned",
        kind=KIND,
        protection=Protection(ProtectionLevel.UNSCANNABLE, "OpenPGP (damaged)"),
    )


def _message(packets: list[_Packet], ctx: Context, nesting: int) -> Iterator[Item]:
    tags = [p.tag for p in packets]
    if any(t in _ENCRYPTED_DATA for t in tags):
        protection = Protection(ProtectionLevel.STRONG, _describe(packets))
        yield ExtractionError(
            ctx.origin,
            f"encrypted ({protection.reason}); no key given, content not scanned",
            kind=KIND,
            protection=protection,
        )
        return
    for packet in packets:
        ctx.check()
        if packet.tag == _COMPRESSED and nesting < _MAX_NESTING:
            try:
                inner = _packets(_decompress(packet.body, ctx))
            except (_Malformed, zlib.error, OSError, ValueError) as exc:
                yield _damaged(ctx, f"compressed data: {exc}")
                return
            yield from _message(inner, ctx, nesting + 1)
        elif packet.tag == _LITERAL:
            name, content = _literal(packet.body)
            yield Member(name or _inner_name(ctx.origin[-1]), content, protection=None)
    if not any(t in (_COMPRESSED, _LITERAL) for t in tags):
        yield _damaged(ctx, "no encrypted or literal data")


def _describe(packets: list[_Packet]) -> str:
    ways: list[str] = []
    cipher = ""
    for packet in packets:
        body = packet.body
        if packet.tag == _PKESK and "public-key" not in ways:
            ways.append("public-key")
        elif packet.tag == _SKESK:
            if "passphrase" not in ways:
                ways.append("passphrase")
            if len(body) >= 2 and body[0] == 4:
                cipher = cipher or _CIPHERS.get(body[1], "")
            elif len(body) >= 3 and body[0] in (5, 6):
                cipher = cipher or _CIPHERS.get(body[1 if body[0] == 5 else 2], "")
        elif (packet.tag, body[:1]) in ((_SEIPD, b"\x02"), (_AEAD, b"\x01")) and len(body) >= 2:
            # SEIPD v2 and GnuPG's AEAD packet name their cipher in the clear.
            cipher = _CIPHERS.get(body[1], cipher)
    details = [*ways, cipher] if cipher else ways
    return f"OpenPGP ({', '.join(details)})" if details else "OpenPGP"


def _session_keys_valid(packets: list[_Packet]) -> bool:
    for packet in packets:
        body = packet.body
        if packet.tag == _PKESK and not (len(body) >= 10 and body[0] in (3, 6)):
            return False
        if packet.tag == _SKESK and not (len(body) >= 2 and body[0] in (4, 5, 6)):
            return False
    return True


def _dearmor(data: bytes) -> bytes | None:
    text = data.strip()
    end = text.find(_ARMOR_END)
    if end < 0:
        return None
    lines = text[len(_ARMOR_BEGIN) : end].splitlines()
    # Base64 has no ":" (armor headers such as "Version: ...") and never starts with "=" (the
    # CRC-24 checksum line).
    body = b"".join(
        line.strip() for line in lines if b":" not in line and not line.strip().startswith(b"=")
    )
    try:
        return base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        return None


def _packets(data: bytes, *, partial_ok: bool = False) -> list[_Packet]:
    """Split ``data`` into packets (RFC 9580 4.2); partial-length bodies are joined."""
    packets: list[_Packet] = []
    at = 0
    while at < len(data):
        first = data[at]
        if not first & 0x80:
            raise _Malformed(f"byte {at} is not a packet header")
        at += 1
        if first & 0x40:  # new format
            tag = first & 0x3F
            body, at = _new_body(data, at, partial_ok)
        else:
            tag = (first >> 2) & 0x0F
            length_type = first & 0x03
            if length_type == 3:
                body, at = data[at:], len(data)
            else:
                width = (1, 2, 4)[length_type]
                if at + width > len(data):
                    raise _Malformed("truncated packet length")
                size = int.from_bytes(data[at : at + width], "big")
                at += width
                body = data[at : at + size]
                if len(body) < size and not partial_ok:
                    raise _Malformed("truncated packet")
                at += size
        if tag == 0:
            raise _Malformed("reserved packet tag 0")
        packets.append(_Packet(tag, body))
    return packets


def _new_body(data: bytes, at: int, partial_ok: bool) -> tuple[bytes, int]:
    chunks: list[bytes] = []
    while True:
        if at >= len(data):
            raise _Malformed("truncated packet length")
        octet = data[at]
        partial = False
        if octet < 192:
            size, at = octet, at + 1
        elif octet < 224:
            if at + 1 >= len(data):
                raise _Malformed("truncated packet length")
            size, at = ((octet - 192) << 8) + data[at + 1] + 192, at + 2
        elif octet == 255:
            if at + 5 > len(data):
                raise _Malformed("truncated packet length")
            size, at = int.from_bytes(data[at + 1 : at + 5], "big"), at + 5
        else:
            size, at, partial = 1 << (octet & 0x1F), at + 1, True
        chunk = data[at : at + size]
        if len(chunk) < size and not partial_ok:
            raise _Malformed("truncated packet")
        chunks.append(chunk)
        at += size
        if not partial or at >= len(data):
            return b"".join(chunks), at


def _decompress(body: bytes, ctx: Context) -> bytes:
    if not body:
        raise _Malformed("empty compressed packet")
    algorithm, payload = body[0], body[1:]
    limit = ctx.limits.max_file_bytes
    if algorithm == 0:
        plain = payload
    elif algorithm in (1, 2):
        inflater = zlib.decompressobj(-15 if algorithm == 1 else 15)
        plain = inflater.decompress(payload, limit + 1)
    elif algorithm == 3:
        plain = bz2.BZ2Decompressor().decompress(payload, limit + 1)
    else:
        raise _Malformed(f"unknown compression algorithm {algorithm}")
    ctx.expand(len(plain), len(payload) or None)
    return plain


def _literal(body: bytes) -> tuple[str, bytes]:
    """RFC 9580 5.9: format octet, file-name length and name, four-octet date, then data."""
    if len(body) < 6:
        raise _Malformed("truncated literal data")
    size = body[1]
    name = body[2 : 2 + size].decode("utf-8", errors="replace")
    return name if name != "_CONSOLE" else "", body[2 + size + 4 :]


def _inner_name(name: str) -> str:
    for suffix in (".gpg", ".pgp", ".asc"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


FORMATS: tuple[Format, ...] = (
    Format(name=KIND, read=_read, extensions=(".gpg", ".pgp"), sniff=_sniff),
)
