"""File format: password-protected Microsoft Office files, and legacy Word .doc.

Office hides every encrypted file, old or new, in an OLE compound file (magic ``D0 CF 11 E0``).
This module claims only the OLE files that are encrypted (or Word 97-2003 documents, which no other
reader handles), says how much the password protects them, and with a working password hands the
decrypted file back to the dispatcher as a ``Member`` carrying that protection.

Levels, and why:

- Agile encryption (Office 2010 and later) with AES is **strong**: salted, iterated key
  derivation (100,000 by default; the reason says when a writer chose fewer) and an HMAC over
  the package.
- Standard encryption (Office 2007) is **weak**: AES in ECB mode under a key derived with SHA-1 at
  a fixed 50,000 iterations, and no integrity check, so it can be altered undetected and its
  parameters can never be raised.
- Everything in the 97-2003 binary formats is **weak**: XOR obfuscation is reversible without the
  password; RC4 (40-bit, or CryptoAPI) derives its key with one unsalted-iteration hash, so
  passwords fall to fast guessing, and 40-bit keys to exhaustive search.

97-2003 files are classified only: msoffcrypto decrypts them through a temporary file on disk,
which the scanner must never write. Unencrypted .doc text is read through the document's piece table (MS-DOC 2.4.1); fields, tables
and formatting are flattened, and the text is as good as the piece table, which is approximate for
fast-saved documents.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree

import msoffcrypto
import olefile
from msoffcrypto import exceptions as msoffcrypto_exceptions

from breachguard.extract.document import Document, ExtractionError, Protection, ProtectionLevel
from breachguard.extract.format import Context, Format, Item, Member

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
KIND = "office-encrypted"

# Office 2010 and later write 100,000; a writer that chose fewer made guessing cheaper.
_MIN_AGILE_SPINS = 100_000
_CRYPTOAPI_ALGORITHMS = {
    0x6801: "RC4",
    0x660E: "AES-128",
    0x660F: "AES-192",
    0x6610: "AES-256",
}
_XLS_BOF = 0x0809
_XLS_EOF = 0x000A
_XLS_FILEPASS = 0x002F
_PPT_ENCRYPTED_TOKEN = 0xF3D1C4DF
_PPT_CRYPT_SESSION = b"\x0f\x00\x14\x2f"


@dataclass(frozen=True, slots=True)
class _Encryption:
    """What protects an encrypted OLE file: the level and its reason, and the package type."""

    protection: Protection
    package: str  # "ooxml", "doc", "xls", "ppt"


def _weak(reason: str) -> Protection:
    return Protection(ProtectionLevel.WEAK, reason)


def _strong(reason: str) -> Protection:
    return Protection(ProtectionLevel.STRONG, reason)


def _open_ole(data: bytes) -> olefile.OleFileIO:
    # olefile takes short bytes for a path name, so always hand it a file object.
    return olefile.OleFileIO(io.BytesIO(data))


def _sniff(data: bytes) -> bool:
    if not data.startswith(OLE_MAGIC):
        return False
    try:
        ole = _open_ole(data)
    except Exception:  # not a compound file olefile can parse: leave it to others
        return False
    try:
        if ole.exists("EncryptionInfo") or ole.exists("WordDocument"):
            return True
        return _encryption(ole) is not None
    except Exception:  # a damaged header inside an OLE file we would claim: claim it
        return bool(ole.exists("Workbook") or ole.exists("PowerPoint Document"))
    finally:
        ole.close()


def _read(data: bytes, ctx: Context) -> Iterator[Item]:
    try:
        ole = _open_ole(data)
    except Exception as exc:
        yield ExtractionError(ctx.origin, f"not a readable OLE compound file ({exc})", kind=KIND)
        return
    try:
        try:
            found = _encryption(ole)
        except (ValueError, struct.error, ElementTree.ParseError, OSError) as exc:
            yield ExtractionError(
                ctx.origin,
                f"encrypted Office file with a damaged encryption header ({_first_line(exc)});"
                " content not scanned",
                kind=KIND,
                protection=Protection(ProtectionLevel.UNSCANNABLE, "damaged encryption header"),
            )
            return
        if found is None:
            if ole.exists("WordDocument"):
                yield from _read_doc(ole, ctx, len(data))
            else:
                yield ExtractionError(ctx.origin, "OLE file is not encrypted Office", kind=KIND)
            return
    finally:
        ole.close()
    yield from _decrypt(data, found, ctx)


def _first_line(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


# Detection ------------------------------------------------------------------------------------


def _encryption(ole: olefile.OleFileIO) -> _Encryption | None:
    """How ``ole`` is encrypted, or None when it is not; raises on a damaged header."""
    if ole.exists("EncryptionInfo"):
        return _Encryption(_ooxml(ole.openstream("EncryptionInfo").read()), "ooxml")
    if ole.exists("WordDocument"):
        found = _doc(ole)
        return None if found is None else _Encryption(found, "doc")
    if ole.exists("Workbook") or ole.exists("Book"):
        found = _xls(ole.openstream("Workbook" if ole.exists("Workbook") else "Book").read())
        return None if found is None else _Encryption(found, "xls")
    if ole.exists("PowerPoint Document") and ole.exists("Current User"):
        found = _ppt(ole)
        return None if found is None else _Encryption(found, "ppt")
    return None


def _ooxml(info: bytes) -> Protection:
    """MS-OFFCRYPTO 2.3.4: the EncryptionInfo stream of an encrypted OOXML package."""
    major, minor = struct.unpack_from("<HH", info, 0)
    if (major, minor) == (4, 4):
        return _agile(info[8:])
    if minor == 2 and major in (2, 3, 4):
        algorithm, bits = _cryptoapi_header(info, 8)
        if algorithm == "RC4":
            return _weak(f"Office RC4 CryptoAPI (key length {bits} bits)")
        return _weak(
            f"Office Standard encryption, {algorithm}-ECB, SHA-1 key derivation fixed at"
            " 50,000 iterations, no integrity check"
        )
    if minor == 3 and major in (3, 4):
        algorithm, bits = _cryptoapi_header(info, 8)
        if algorithm.startswith("AES"):
            return _strong(f"Office Extensible encryption, {algorithm}")
        return _weak(f"Office Extensible encryption, {algorithm} (key length {bits} bits)")
    raise ValueError(f"unknown EncryptionInfo version {major}.{minor}")


def _cryptoapi_header(blob: bytes, at: int) -> tuple[str, int]:
    """The algorithm and key size of an EncryptionHeader preceded by its 4-byte size (2.3.2)."""
    (size,) = struct.unpack_from("<I", blob, at)
    if size < 32 or at + 4 + size > len(blob):
        raise ValueError("EncryptionHeader is truncated")
    _flags, _extra, alg_id, _hash_id, key_bits = struct.unpack_from("<5I", blob, at + 4)
    algorithm = _CRYPTOAPI_ALGORITHMS.get(alg_id)
    if algorithm is None:
        algorithm = "RC4" if alg_id == 0 else f"algorithm 0x{alg_id:04X}"
    # A key size of zero means the CryptoAPI default, 40 bits (MS-OFFCRYPTO 2.3.5.1).
    return algorithm, key_bits or 40


def _agile(xml: bytes) -> Protection:
    root = ElementTree.fromstring(xml)
    key_data = next((e for e in root.iter() if _local(e.tag) == "keyData"), None)
    encrypted_key = next((e for e in root.iter() if _local(e.tag) == "encryptedKey"), None)
    if key_data is None or encrypted_key is None:
        raise ValueError("Agile EncryptionInfo has no keyData or password key")
    cipher = key_data.get("cipherAlgorithm", "?")
    bits = int(key_data.get("keyBits", "0"))
    digest = _hash_name(encrypted_key.get("hashAlgorithm") or key_data.get("hashAlgorithm") or "?")
    spins = int(encrypted_key.get("spinCount", "0"))
    reason = f"Office Agile encryption, {cipher}-{bits}, {digest}, {spins:,} iterations"
    if cipher.upper() != "AES" or bits < 128:
        return _weak(f"{reason}: {cipher}-{bits} is not a modern cipher")
    if spins < _MIN_AGILE_SPINS:
        reason += f" (fewer than {_MIN_AGILE_SPINS:,}: a weak password falls faster)"
    return _strong(reason)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _hash_name(name: str) -> str:
    upper = name.upper()
    return f"SHA-{upper[3:]}" if upper.startswith("SHA") and upper[3:].isdigit() else name


def _doc(ole: olefile.OleFileIO) -> Protection | None:
    """MS-DOC 2.5.2 FibBase: fEncrypted, fObfuscation, fWhichTblStm."""
    fib = ole.openstream("WordDocument").read(0x20)
    (flags,) = struct.unpack_from("<H", fib, 0x0A)
    if not flags & 0x0100:
        return None
    if flags & 0x8000:
        return _weak("Word XOR obfuscation")
    table = "1Table" if flags & 0x0200 else "0Table"
    return _rc4_header(ole.openstream(table).read(4096), "Word")


def _rc4_header(blob: bytes, app: str) -> Protection:
    """An RC4 EncryptionVersionInfo and what follows it (MS-OFFCRYPTO 2.3.6.1, 2.3.5.1)."""
    major, minor = struct.unpack_from("<HH", blob, 0)
    if (major, minor) == (1, 1):
        return _weak("Office 97-2003 RC4 40-bit")
    if minor == 2 and major in (2, 3, 4):
        _algorithm, bits = _cryptoapi_header(blob, 8)
        return _weak(f"RC4 CryptoAPI (key length {bits} bits)")
    raise ValueError(f"unknown {app} encryption version {major}.{minor}")


def _xls(workbook: bytes) -> Protection | None:
    """MS-XLS 2.4.117: a FilePass record in the globals substream means the workbook is encrypted."""
    at = 0
    first = True
    while at + 4 <= len(workbook):
        record, size = struct.unpack_from("<HH", workbook, at)
        body = workbook[at + 4 : at + 4 + size]
        if first and record != _XLS_BOF:
            raise ValueError("Workbook stream does not start with a BOF record")
        first = False
        if record == _XLS_FILEPASS:
            (kind,) = struct.unpack_from("<H", body, 0)
            if kind == 0:
                return _weak("Excel XOR obfuscation")
            return _rc4_header(body[2:], "Excel")
        if record == _XLS_EOF:
            return None
        at += 4 + size
    return None


def _ppt(ole: olefile.OleFileIO) -> Protection | None:
    """MS-PPT 2.3.2: the CurrentUserAtom's headerToken says whether the document is encrypted."""
    current = ole.openstream("Current User").read(16)
    (token,) = struct.unpack_from("<I", current, 12)
    if token != _PPT_ENCRYPTED_TOKEN:
        return None
    stream = ole.openstream("PowerPoint Document").read()
    at = stream.rfind(_PPT_CRYPT_SESSION)
    if at >= 0:
        try:
            return _rc4_header(stream[at + 8 :], "PowerPoint")
        except (ValueError, struct.error):
            pass
    return _weak("PowerPoint 97-2003 RC4 CryptoAPI")


# Decryption -----------------------------------------------------------------------------------


def _decrypt(data: bytes, found: _Encryption, ctx: Context) -> Iterator[Item]:
    what = found.protection.reason
    if not ctx.passwords:
        yield ExtractionError(
            ctx.origin,
            f"encrypted ({what}); no password given, content not scanned",
            kind=KIND,
            protection=found.protection,
        )
        return
    if found.package != "ooxml":
        # msoffcrypto decrypts 97-2003 files through a temporary file on disk, which the
        # scanner must never write; the protection is weak, so knowing that is most of the value.
        yield ExtractionError(
            ctx.origin,
            f"encrypted ({what}); decrypting 97-2003 Office files is not supported,"
            " content not scanned",
            kind=KIND,
            protection=found.protection,
        )
        return
    for password in ctx.passwords:
        ctx.check()
        plain = _try_ooxml(data, password, ctx)
        if plain is not None:
            yield Member(ctx.origin[-1], plain, protection=found.protection)
            return
    yield ExtractionError(
        ctx.origin,
        f"encrypted ({what}); wrong password ({len(ctx.passwords)} tried), content not scanned",
        kind=KIND,
        protection=found.protection,
    )


def _try_ooxml(data: bytes, password: str, ctx: Context) -> bytes | None:
    try:
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        office.load_key(password=password, verify_password=True)
        # The EncryptedPackage stream begins with the plain size (MS-OFFCRYPTO 2.3.4.4).
        size = _package_size(data)
        ctx.expand(size, len(data))
        out = io.BytesIO()
        office.decrypt(out)
    except (msoffcrypto_exceptions.InvalidKeyError, msoffcrypto_exceptions.DecryptionError):
        return None
    return out.getvalue()


def _package_size(data: bytes) -> int:
    ole = _open_ole(data)
    try:
        head = ole.openstream("EncryptedPackage").read(8)
    finally:
        ole.close()
    (size,) = struct.unpack_from("<Q", head, 0)
    return int(size)


# Unencrypted Word 97-2003 --------------------------------------------------------------------


def _read_doc(ole: olefile.OleFileIO, ctx: Context, size: int) -> Iterator[Item]:
    text = _doc_text(ole, ctx)
    if text is None:
        yield ExtractionError(
            ctx.origin,
            "could not read the text of this Word 97-2003 file; convert it to .docx",
            kind="doc",
        )
        return
    yield Document(text, ctx.origin, "doc", size=size)


def _doc_text(ole: olefile.OleFileIO, ctx: Context) -> str | None:
    """The characters of every piece in the piece table (MS-DOC 2.4.1, 2.9.38 Clx)."""
    word = ole.openstream("WordDocument").read()
    if len(word) < 0x1AA:
        return None
    (flags,) = struct.unpack_from("<H", word, 0x0A)
    table_name = "1Table" if flags & 0x0200 else "0Table"
    if not ole.exists(table_name):
        return None
    fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x1A2)
    table = ole.openstream(table_name).read()
    clx = table[fc_clx : fc_clx + lcb_clx]
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: property modifiers before the piece table
        (prc_size,) = struct.unpack_from("<H", clx, at + 1)
        at += 3 + prc_size
    if at >= len(clx) or clx[at] != 0x02:
        return None
    (plc_size,) = struct.unpack_from("<I", clx, at + 1)
    plc = clx[at + 5 : at + 5 + plc_size]
    pieces = (len(plc) - 4) // 12
    if pieces <= 0:
        return None
    cps = struct.unpack_from(f"<{pieces + 1}I", plc, 0)
    parts: list[str] = []
    total = 0
    for i in range(pieces):
        ctx.check()
        chars = max(0, cps[i + 1] - cps[i])
        (fc,) = struct.unpack_from("<I", plc, 4 * (pieces + 1) + 8 * i + 2)
        if fc & 0x40000000:  # compressed: one cp1252 byte per character at half the offset
            start = (fc & ~0x40000000) // 2
            parts.append(word[start : start + chars].decode("cp1252", errors="replace"))
        else:
            parts.append(word[fc : fc + 2 * chars].decode("utf-16-le", errors="replace"))
        total += chars
        if total > ctx.limits.max_text_chars:
            break
    text = "".join(parts)
    # Word marks paragraphs with CR and cells with BEL; fields use 0x13-0x15.
    return text.translate(
        {0x0D: "\n", 0x07: "\t", 0x0B: "\n", 0x0C: "\n", 0x13: None, 0x14: None, 0x15: None}
    )


FORMATS: tuple[Format, ...] = (
    Format(
        name=KIND,
        read=_read,
        extensions=(".doc", ".dot"),
        sniff=_sniff,
    ),
)
