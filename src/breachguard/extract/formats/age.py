"""File format: age-encrypted files (age-encryption.org/v1), binary or ASCII-armored.

age is modern authenticated encryption (ChaCha20-Poly1305 payload, X25519 or scrypt key
wrapping), so every age file is **strong**; the reason names the recipient types in its header
("age (X25519)", "age (scrypt passphrase)"). A passphrase file is decrypted when a password given
opens it, with pyrage where it is installed; the plain file is handed back to be opened in turn.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator
from typing import Any

from breachguard.extract.document import ExtractionError, Protection, ProtectionLevel
from breachguard.extract.format import Context, Format, Item, Member

KIND = "age"
_MAGIC = b"age-encryption.org/v1\n"
_ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
_ARMOR_END = b"-----END AGE ENCRYPTED FILE-----"
# The header is a few short lines per recipient; past this it is not an age header.
_MAX_HEADER = 64 * 1024
# age itself refuses work factors this high by default: one try would take minutes.
_MAX_SCRYPT_LOG_N = 22
_STANZA_NAMES = {
    "X25519": "X25519",
    "scrypt": "scrypt passphrase",
    "ssh-ed25519": "SSH Ed25519 key",
    "ssh-rsa": "SSH RSA key",
    "mlkem768x25519": "ML-KEM-768 + X25519",
    "piv-p256": "PIV P-256",
}


def _sniff(data: bytes) -> bool:
    return data.startswith(_MAGIC) or data.lstrip()[: len(_ARMOR_BEGIN)] == _ARMOR_BEGIN


def _read(data: bytes, ctx: Context) -> Iterator[Item]:
    binary = _dearmor(data) if not data.startswith(_MAGIC) else data
    stanzas = None if binary is None else _stanzas(binary)
    if binary is None or stanzas is None:
        yield ExtractionError(
            ctx.origin,
            "age file with a damaged header; content not scanned",
            kind=KIND,
            protection=Protection(ProtectionLevel.UNSCANNABLE, "age (damaged header)"),
        )
        return
    names = [_STANZA_NAMES.get(s[0], f"plugin {s[0]}") for s in stanzas]
    protection = Protection(ProtectionLevel.STRONG, f"age ({', '.join(dict.fromkeys(names))})")
    scrypt = [s for s in stanzas if s[0] == "scrypt"]
    if scrypt and ctx.passwords:
        yield from _decrypt(binary, scrypt[0], protection, ctx)
        return
    needs = "password" if scrypt else "key"
    yield ExtractionError(
        ctx.origin,
        f"encrypted ({protection.reason}); no {needs} given, content not scanned",
        kind=KIND,
        protection=protection,
    )


def _dearmor(data: bytes) -> bytes | None:
    text = data.strip()
    end = text.find(_ARMOR_END)
    if not text.startswith(_ARMOR_BEGIN) or end < 0:
        return None
    try:
        return base64.b64decode(b"".join(text[len(_ARMOR_BEGIN) : end].split()), validate=True)
    except (binascii.Error, ValueError):
        return None


def _stanzas(binary: bytes) -> list[list[str]] | None:
    """The recipient stanzas' type and arguments, or None when the header is not well formed."""
    end = binary.find(b"\n--- ", 0, _MAX_HEADER)
    if not binary.startswith(_MAGIC) or end < 0:
        return None
    try:
        lines = binary[len(_MAGIC) : end].decode("ascii").split("\n")
    except UnicodeDecodeError:
        return None
    stanzas = [line[3:].split(" ") for line in lines if line.startswith("-> ")]
    if not stanzas or not all(s and s[0] for s in stanzas):
        return None
    return stanzas


def _decrypt(
    binary: bytes, scrypt: list[str], protection: Protection, ctx: Context
) -> Iterator[Item]:
    passphrase = _passphrase_module()
    if passphrase is None:
        yield ExtractionError(
            ctx.origin,
            f"encrypted ({protection.reason}); decrypting age needs the pyrage package,"
            " content not scanned",
            kind=KIND,
            protection=protection,
        )
        return
    if len(scrypt) < 3 or not scrypt[2].isdigit() or int(scrypt[2]) > _MAX_SCRYPT_LOG_N:
        yield ExtractionError(
            ctx.origin,
            f"encrypted ({protection.reason}); its scrypt work factor is too high to try"
            " passwords, content not scanned",
            kind=KIND,
            protection=protection,
        )
        return
    for password in ctx.passwords:
        ctx.check()
        try:
            plain: bytes = passphrase.decrypt(binary, password)
        except Exception:  # pyrage raises its own DecryptError for a wrong passphrase
            continue
        ctx.expand(len(plain))
        yield Member(_inner_name(ctx.origin[-1]), plain, protection=protection)
        return
    yield ExtractionError(
        ctx.origin,
        f"encrypted ({protection.reason}); wrong password ({len(ctx.passwords)} tried),"
        " content not scanned",
        kind=KIND,
        protection=protection,
    )


def _passphrase_module() -> Any:
    try:
        from pyrage import passphrase
    except ImportError:
        return None
    return passphrase


def _inner_name(name: str) -> str:
    return name[:-4] if name.lower().endswith(".age") and len(name) > 4 else name


FORMATS: tuple[Format, ...] = (
    Format(name=KIND, read=_read, extensions=(".age",), magic=(_MAGIC,), sniff=_sniff),
)
