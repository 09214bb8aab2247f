"""A Document: a unit of text taken out of whatever arrived, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ProtectionLevel(StrEnum):
    """How well the content was protected where it was found.

    ``weak`` is "password protected" in a way that does not resist an attacker (ZipCrypto,
    RC4-40, legacy Office XOR); ``strong`` is modern authenticated encryption with a proper key
    derivation (AES-256 in WinZip AES or Agile OOXML, age, OpenPGP); ``unscannable`` means the
    content is encrypted and no password was given, so it could not be read.
    """

    NONE = "none"
    WEAK = "weak"
    STRONG = "strong"
    UNSCANNABLE = "unscannable"


@dataclass(frozen=True, slots=True)
class Protection:
    level: ProtectionLevel
    reason: str = ""

    @staticmethod
    def none() -> Protection:
        return Protection(ProtectionLevel.NONE, "")


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of cells, for formats that are tables (spreadsheets, CSV); the header is row 0 if any."""

    rows: tuple[tuple[str, ...], ...]
    name: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """Text from one file or part, and the chain of containers it came from, outermost first."""

    text: str
    origin: tuple[str, ...]
    kind: str
    protection: Protection = field(default_factory=Protection.none)
    tables: tuple[Table, ...] = ()
    size: int = 0


@dataclass(frozen=True, slots=True)
class ExtractionError:
    """Something that could not be opened or read, and why, in words a person can act on."""

    origin: tuple[str, ...]
    reason: str
    kind: str = ""
    protection: Protection | None = None
