"""File format: OpenDocument (ODT, ODS, ODP, ODG), plain or password-protected.

An ODF file is a ZIP whose first member, ``mimetype``, is stored uncompressed, so its media type
sits at a fixed place near the start of the file and tells ODF from any other ZIP.

A password-protected ODF file keeps the ZIP and encrypts each member; ``META-INF/manifest.xml``
says how (ODF 1.2 part 3, 3.8). Levels, and why:

- AES-256 (CBC with PBKDF2, or GCM with Argon2id in ODF 1.4 and LibreOffice 24.2) is **strong**;
  the reason names the key derivation and its iteration count, because LibreOffice wrote only
  1,024 PBKDF2 iterations for years, and a weak password then falls faster.
- Blowfish CFB (OpenOffice.org and LibreOffice before 3.4) is **weak**: a 64-bit block cipher
  with a 128-bit key derived by 1,024 iterations of PBKDF2-SHA1 from a SHA-1 of the password.

With a password, AES-CBC and Blowfish members are decrypted in memory; AES-GCM with Argon2id is
classified only.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree

from breachguard.extract.document import (
    Document,
    ExtractionError,
    Protection,
    ProtectionLevel,
    Table,
)
from breachguard.extract.format import Context, Format, Item

KIND = "odf"
_MEDIA_PREFIX = b"application/vnd.oasis.opendocument."
_MANIFEST = "META-INF/manifest.xml"
_TEXT_PARTS = ("content.xml", "styles.xml")

_NS = {
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
}
_M = "{" + _NS["manifest"] + "}"
_T = "{" + _NS["text"] + "}"
_TB = "{" + _NS["table"] + "}"
_O = "{" + _NS["office"] + "}"

_AES_CBC = "http://www.w3.org/2001/04/xmlenc#aes256-cbc"
_AES_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm"
_BLOWFISH = "Blowfish CFB"
_SHA256 = "http://www.w3.org/2000/09/xmldsig#sha256"
_KINDS = {"text": "odt", "spreadsheet": "ods", "presentation": "odp", "graphics": "odg"}
# Repeated empty rows and columns fill a sheet to its edge (1,048,576 rows); never expand them.
_MAX_REPEAT = 1000


@dataclass(frozen=True, slots=True)
class _Encryption:
    """How one member of an encrypted ODF package is encrypted (its manifest entry)."""

    algorithm: str
    iv: bytes
    derivation: str
    salt: bytes
    iterations: int
    key_size: int
    start_key: str
    checksum_type: str
    checksum: bytes
    size: int
    pgp: bool


def _sniff(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04") or data[30:38] != b"mimetype":
        return False
    return data.find(_MEDIA_PREFIX, 38, 38 + 256) != -1


def _read(data: bytes, ctx: Context) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        yield ExtractionError(ctx.origin, f"not a readable OpenDocument file ({exc})", kind=KIND)
        return
    with archive:
        kind = _kind(archive)
        names = set(archive.namelist())
        encrypted: dict[str, _Encryption] = {}
        if _MANIFEST in names:
            manifest = _member(archive, _MANIFEST, ctx)
            try:
                encrypted = _encrypted_entries(manifest)
            except (ElementTree.ParseError, ValueError) as exc:
                yield ExtractionError(
                    ctx.origin,
                    f"OpenDocument manifest is damaged ({_first_line(exc)}); content not scanned",
                    kind=KIND,
                )
                return
        parts = [p for p in _TEXT_PARTS if p in names]
        if not parts:
            yield ExtractionError(ctx.origin, "OpenDocument file has no content.xml", kind=KIND)
            return
        protection: Protection | None = None
        if any(p in encrypted for p in parts):
            protection = _protection(encrypted[next(p for p in parts if p in encrypted)])
            if not ctx.passwords:
                yield ExtractionError(
                    ctx.origin,
                    f"encrypted ({protection.reason}); no password given, content not scanned",
                    kind=KIND,
                    protection=protection,
                )
                return
        texts: list[str] = []
        tables: list[Table] = []
        for part in parts:
            raw = _member(archive, part, ctx)
            if part in encrypted:
                assert protection is not None
                plain, why = _decrypt_any(raw, encrypted[part], ctx)
                if plain is None:
                    yield ExtractionError(
                        ctx.origin,
                        f"encrypted ({protection.reason}); {why}",
                        kind=KIND,
                        protection=protection,
                    )
                    return
                raw = plain
            try:
                text, found = _text_and_tables(raw, ctx)
            except ElementTree.ParseError as exc:
                yield ExtractionError(
                    (*ctx.origin, part),
                    f"OpenDocument {part} is not well-formed XML ({_first_line(exc)})",
                    kind=KIND,
                    protection=protection,
                )
                continue
            texts.append(text)
            tables.extend(found)
    yield Document(
        "\n".join(t for t in texts if t),
        ctx.origin,
        kind,
        protection=protection or Protection.none(),
        tables=tuple(tables),
        size=len(data),
    )


def _kind(archive: zipfile.ZipFile) -> str:
    """odt, ods, odp or odg, from the package's media type."""
    try:
        media = archive.read("mimetype").decode("ascii", errors="replace")
    except (KeyError, zipfile.BadZipFile, ValueError):
        return KIND
    return _KINDS.get(media.rsplit(".", 1)[-1].strip(), KIND)


def _first_line(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


def _member(archive: zipfile.ZipFile, name: str, ctx: Context) -> bytes:
    info = archive.getinfo(name)
    ctx.expand(info.file_size, info.compress_size or None)
    with archive.open(info) as stream:
        # Read one byte past the declared size: a lying header must not expand unaccounted.
        data = stream.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise ValueError(f"{name} is larger than its ZIP header says")
    return data


# Encryption ----------------------------------------------------------------------------------


def _encrypted_entries(manifest: bytes) -> dict[str, _Encryption]:
    root = ElementTree.fromstring(manifest)
    found: dict[str, _Encryption] = {}
    for entry in root.iter(_M + "file-entry"):
        data = entry.find(_M + "encryption-data")
        if data is None:
            continue
        algorithm = data.find(_M + "algorithm")
        derivation = data.find(_M + "key-derivation")
        start = data.find(_M + "start-key-generation")
        if algorithm is None:
            raise ValueError("encryption-data without an algorithm")
        derivation_name = (
            "" if derivation is None else derivation.get(_M + "key-derivation-name", "")
        )
        found[entry.get(_M + "full-path", "")] = _Encryption(
            algorithm=algorithm.get(_M + "algorithm-name", ""),
            iv=base64.b64decode(algorithm.get(_M + "initialisation-vector", "")),
            derivation=derivation_name,
            salt=b"" if derivation is None else base64.b64decode(derivation.get(_M + "salt", "")),
            iterations=0
            if derivation is None
            else int(derivation.get(_M + "iteration-count", "0") or 0),
            key_size=16 if derivation is None else int(derivation.get(_M + "key-size", "16") or 16),
            start_key="SHA1" if start is None else start.get(_M + "start-key-generation-name", ""),
            checksum_type=data.get(_M + "checksum-type", ""),
            checksum=base64.b64decode(data.get(_M + "checksum", "")),
            size=int(entry.get(_M + "size", "0") or 0),
            pgp=derivation_name == "PGP" or any(e.tag.endswith("KeyInfo") for e in root.iter()),
        )
    return found


def _protection(enc: _Encryption) -> Protection:
    if enc.algorithm == _BLOWFISH:
        return Protection(
            ProtectionLevel.WEAK,
            f"ODF Blowfish CFB (legacy), PBKDF2-SHA1 {enc.iterations:,} iterations",
        )
    if enc.algorithm in (_AES_CBC, _AES_GCM):
        mode = "CBC" if enc.algorithm == _AES_CBC else "GCM"
        if enc.pgp:
            key = "key encrypted to an OpenPGP recipient"
        elif "argon2" in enc.derivation.lower():
            key = "Argon2id"
        else:
            key = f"PBKDF2 {enc.iterations:,} iterations"
        return Protection(ProtectionLevel.STRONG, f"ODF AES-256-{mode}, {key}")
    return Protection(ProtectionLevel.WEAK, f"ODF encryption with {enc.algorithm or 'unknown'}")


def _decrypt_any(raw: bytes, enc: _Encryption, ctx: Context) -> tuple[bytes | None, str]:
    if enc.pgp or enc.algorithm not in (_AES_CBC, _BLOWFISH) or "argon2" in enc.derivation.lower():
        return None, "decrypting this ODF encryption is not supported, content not scanned"
    for password in ctx.passwords:
        ctx.check()
        plain = _decrypt(raw, enc, password, ctx)
        if plain is not None:
            return plain, ""
    return None, f"wrong password ({len(ctx.passwords)} tried), content not scanned"


def _decrypt(raw: bytes, enc: _Encryption, password: str, ctx: Context) -> bytes | None:
    """ODF 1.2 part 3, 3.8.1: start key, then PBKDF2-HMAC-SHA1, then the cipher, then inflate."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    secret = password.encode("utf-8")
    start = (
        hashlib.sha256(secret).digest()
        if enc.start_key in (_SHA256, "SHA256")
        else hashlib.sha1(secret).digest()
    )
    key = hashlib.pbkdf2_hmac("sha1", start, enc.salt, enc.iterations, enc.key_size)
    if enc.algorithm == _AES_CBC:
        if len(raw) % 16:
            return None
        decryptor = Cipher(algorithms.AES(key), modes.CBC(enc.iv)).decryptor()
        padded = decryptor.update(raw) + decryptor.finalize()
        pad = padded[-1] if padded else 0
        if not 1 <= pad <= 16:
            return None
        compressed = padded[:-pad]
    else:
        from cryptography.hazmat.decrepit.ciphers.algorithms import Blowfish
        from cryptography.hazmat.decrepit.ciphers.modes import CFB

        decryptor = Cipher(Blowfish(key), CFB(enc.iv)).decryptor()
        compressed = decryptor.update(raw) + decryptor.finalize()
    if enc.checksum and not _checksum_matches(compressed, enc):
        return None
    ctx.expand(enc.size or len(compressed), len(compressed) or None)
    inflater = zlib.decompressobj(-15)
    try:
        limit = ctx.limits.max_file_bytes
        plain = inflater.decompress(compressed, limit + 1)
    except zlib.error:
        return None
    if len(plain) > limit or (enc.size and len(plain) != enc.size):
        return None
    return plain


def _checksum_matches(compressed: bytes, enc: _Encryption) -> bool:
    kind = enc.checksum_type.lower()
    head = compressed[:1024] if kind.endswith("1k") else compressed
    digest = hashlib.sha256(head) if "sha256" in kind else hashlib.sha1(head)
    return digest.digest() == enc.checksum


# Text ----------------------------------------------------------------------------------------


def _text_and_tables(xml: bytes, ctx: Context) -> tuple[str, list[Table]]:
    root = ElementTree.fromstring(xml)
    body = root.find(_O + "body")
    if body is None:  # styles.xml: headers and footers live in master styles
        body = root.find(_O + "master-styles")
    if body is None:
        return "", []
    lines: list[str] = []
    tables: list[Table] = []
    _walk(body, lines, tables, ctx)
    return "\n".join(line for line in lines if line.strip()), tables


def _walk(node: ElementTree.Element, lines: list[str], tables: list[Table], ctx: Context) -> None:
    for child in node:
        if child.tag == _TB + "table":
            ctx.check()
            table = _table(child)
            tables.append(table)
            lines.extend("\t".join(row) for row in table.rows)
        elif child.tag in (_T + "p", _T + "h"):
            lines.append(_inline(child))
        else:
            _walk(child, lines, tables, ctx)


def _table(node: ElementTree.Element) -> Table:
    rows: list[tuple[str, ...]] = []
    for row in node.iter(_TB + "table-row"):
        cells: list[str] = []
        for cell in row:
            if cell.tag not in (_TB + "table-cell", _TB + "covered-table-cell"):
                continue
            value = "\n".join(_inline(p) for p in cell.iter() if p.tag in (_T + "p", _T + "h"))
            repeat = _repeat(cell.get(_TB + "number-columns-repeated"))
            cells.extend([value] * (repeat if value else min(repeat, 1)))
        while cells and not cells[-1]:
            cells.pop()
        repeat = _repeat(row.get(_TB + "number-rows-repeated"))
        rows.extend([tuple(cells)] * (repeat if cells else 1))
    while rows and not rows[-1]:
        rows.pop()
    return Table(tuple(rows), node.get(_TB + "name", ""))


def _repeat(value: str | None) -> int:
    try:
        return max(1, min(int(value or "1"), _MAX_REPEAT))
    except ValueError:
        return 1


def _inline(node: ElementTree.Element) -> str:
    parts: list[str] = [node.text or ""]
    for child in node:
        if child.tag == _T + "s":
            parts.append(" " * _repeat(child.get(_T + "c")))
        elif child.tag == _T + "tab":
            parts.append("\t")
        elif child.tag == _T + "line-break":
            parts.append("\n")
        elif child.tag in (_T + "note", _T + "p"):
            parts.append(" " + _inline_all(child) + " ")
        else:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _inline_all(node: ElementTree.Element) -> str:
    return " ".join(_inline(p) for p in node.iter() if p.tag in (_T + "p", _T + "h"))


FORMATS: tuple[Format, ...] = (
    Format(
        name=KIND,
        read=_read,
        # .ods is left to the spreadsheet reader by name; encrypted ODS still comes here by content.
        extensions=(".odt", ".odp", ".odg", ".ott", ".otp"),
        sniff=_sniff,
        container=False,
    ),
)
