"""ZIP archives: every member opened in turn, with the encryption found on each one.

Encryption is per member in ZIP, so is protection: traditional PKWARE encryption ("ZipCrypto") is
``weak`` (it falls to a known-plaintext attack with 12 bytes of known content), WinZip AES is
``strong``. An encrypted member that no given password opens is reported as an ExtractionError that
carries the member's real protection level, and whose reason says the content was not scanned.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator

import pyzipper

from breachguard.extract.document import ExtractionError, Protection, ProtectionLevel
from breachguard.extract.format import Context, Format, Item, LimitExceeded, Member
from breachguard.extract.formats._bounds import short, stop_if_spent

ZIPCRYPTO = Protection(
    ProtectionLevel.WEAK,
    "ZipCrypto (traditional PKWARE encryption; broken by known-plaintext attacks)",
)
PKWARE_STRONG = Protection(ProtectionLevel.STRONG, "PKWARE strong encryption (SES)")

_ENCRYPTED = 0x0001
_STRONG_ENCRYPTION = 0x0040
_AES_EXTRA_ID = 0x9901
_AES_KEY_BITS = {1: 128, 2: 192, 3: 256}
# Errors that mean "this member's bytes are wrong", as opposed to the archive as a whole.
_MEMBER_ERRORS = (
    zipfile.BadZipFile,
    pyzipper.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    NotImplementedError,
    ValueError,
    LookupError,
)


def protection_of(info: zipfile.ZipInfo) -> Protection | None:
    """The encryption on one member, read from its flags and extra fields; None when clear."""
    if not info.flag_bits & _ENCRYPTED:
        return None
    aes = _aes_extra(info.extra)
    if aes is not None:
        version, strength = aes
        bits = _AES_KEY_BITS.get(strength)
        if bits is None:
            return Protection(
                ProtectionLevel.STRONG,
                f"WinZip AES (AE-{version}, unknown key strength {strength})",
            )
        return Protection(ProtectionLevel.STRONG, f"WinZip AES-{bits} (AE-{version})")
    if info.flag_bits & _STRONG_ENCRYPTION:
        return PKWARE_STRONG
    return ZIPCRYPTO


def _aes_extra(extra: bytes) -> tuple[int, int] | None:
    """(AE version, key strength) from the WinZip AES extra field 0x9901, if there is one."""
    pos = 0
    while pos + 4 <= len(extra):
        field_id, size = struct.unpack_from("<HH", extra, pos)
        body = extra[pos + 4 : pos + 4 + size]
        if field_id == _AES_EXTRA_ID and len(body) >= 7:
            version = struct.unpack_from("<H", body, 0)[0]
            return version, body[4]
        pos += 4 + size
    return None


def read_zip(data: bytes, ctx: Context) -> Iterator[Item]:
    with pyzipper.AESZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            ctx.check()
            if info.is_dir():
                continue
            if ctx.budget.members >= ctx.limits.max_members:
                # One more (empty) member lets the dispatcher report the limit in its own words,
                # without this reader inflating anything past it.
                yield Member(info.filename, b"")
                return
            yield from _read_member(archive, info, len(data), ctx)


def _read_member(
    archive: pyzipper.AESZipFile, info: zipfile.ZipInfo, archive_size: int, ctx: Context
) -> Iterator[Item]:
    origin = (*ctx.origin, info.filename)
    protection = protection_of(info)
    # A lying header may claim any compressed size; the archive's own length bounds it.
    compressed = max(1, min(info.compress_size, archive_size))
    try:
        ctx.expand(info.file_size, compressed)
        if protection is None:
            payload: bytes | None = archive.open(info).read()
        else:
            payload = _decrypt(archive, info, protection, ctx)
    except LimitExceeded as exc:
        yield ExtractionError(origin, str(exc), kind="zip", protection=protection)
        stop_if_spent(ctx, exc)
        return
    except _MEMBER_ERRORS as exc:
        yield ExtractionError(
            origin,
            f"could not read this member of the zip file: it may be corrupt ({short(exc)})",
            kind="zip",
            protection=protection,
        )
        return
    if payload is None:
        assert protection is not None
        yield ExtractionError(
            origin, _not_opened(protection, ctx), kind="zip", protection=protection
        )
        return
    yield Member(info.filename, payload, protection, compressed)


def _decrypt(
    archive: pyzipper.AESZipFile, info: zipfile.ZipInfo, protection: Protection, ctx: Context
) -> bytes | None:
    """The member's bytes with the first password that opens it; None when none does."""
    if protection is PKWARE_STRONG:
        return None
    for password in ctx.passwords:
        ctx.check()
        try:
            return bytes(archive.open(info, pwd=password.encode("utf-8")).read())
        except (RuntimeError, zipfile.BadZipFile, pyzipper.BadZipFile, zlib.error):
            # A wrong ZipCrypto password passes its one-byte check 1 time in 256 and then fails
            # the CRC or the inflater, so every such failure means "try the next password".
            continue
    return None


def _not_opened(protection: Protection, ctx: Context) -> str:
    method = "ZipCrypto" if protection is ZIPCRYPTO else protection.reason
    if protection is PKWARE_STRONG:
        return f"encrypted with {method}, which breachguard cannot open; content not scanned"
    if not ctx.passwords:
        return f"encrypted with {method}; no password given, content not scanned"
    count = len(ctx.passwords)
    given = "the password given" if count == 1 else f"the {count} passwords given"
    return f"encrypted with {method}; {given} did not open it, content not scanned"


FORMATS: tuple[Format, ...] = (
    Format(
        name="zip",
        read=read_zip,
        extensions=(".zip",),
        magic=(b"PK\x03\x04", b"PK\x05\x06"),
        container=True,
    ),
)
