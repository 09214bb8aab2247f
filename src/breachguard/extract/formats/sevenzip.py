"""7-Zip archives (py7zr), members held in memory; AES-256 encrypted archives are ``strong``.

7-Zip encrypts the content with AES-256 (SHA-256 key derivation, 2^19 rounds) and, with ``-mhe``,
the list of file names too. Without a password that opens it, an archive with visible names gives
one error per member; one with encrypted names gives one error for the archive, since nothing
inside can be named.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import py7zr
import py7zr.exceptions
import py7zr.io

from breachguard.extract.document import ExtractionError, Protection, ProtectionLevel
from breachguard.extract.format import Context, Format, Item, LimitExceeded, Member

_MAGIC = b"7z\xbc\xaf\x27\x1c"


class _Sink(py7zr.io.Py7zIO):
    """One member's bytes in memory, never more than its header declared (already accounted)."""

    def __init__(self, limit: int, ctx: Context) -> None:
        self.buffer = io.BytesIO()
        self.limit = limit
        self.ctx = ctx

    def write(self, s: bytes | bytearray) -> int:
        if self.buffer.tell() + len(s) > self.limit:
            raise LimitExceeded(
                "a 7z member expands past the size its header declares: corrupt or hostile"
            )
        self.ctx.check()
        return self.buffer.write(s)

    def read(self, size: int | None = None) -> bytes:
        return self.buffer.read(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.buffer.seek(offset, whence)

    def flush(self) -> None:
        return None

    def size(self) -> int:
        return self.buffer.getbuffer().nbytes


class _Factory(py7zr.io.WriterFactory):
    def __init__(self, limits: dict[str, int], ctx: Context) -> None:
        self.limits = limits
        self.ctx = ctx
        self.sinks: list[tuple[str, _Sink]] = []

    def create(self, filename: str) -> _Sink:
        # py7zr names a repeated member "name_0", "name_1"; those fall back to the largest limit.
        limit = self.limits.get(filename, max(self.limits.values(), default=0))
        sink = _Sink(limit, self.ctx)
        self.sinks.append((filename, sink))
        return sink


def read_7z(data: bytes, ctx: Context) -> Iterator[Item]:
    try:
        archive: py7zr.SevenZipFile | None = py7zr.SevenZipFile(io.BytesIO(data))
    except py7zr.exceptions.PasswordRequired:
        archive = None  # the list of names is encrypted too
    visible: list[str] | None = None
    if archive is not None:
        with archive:
            if not archive.needs_password():
                yield from _members(archive, len(data), None, ctx)
                return
            visible = [info.filename for info in archive.list() if not info.is_directory]
    detail = "file names visible" if visible is not None else "file names encrypted too"
    protection = Protection(ProtectionLevel.STRONG, f"7-Zip AES-256 ({detail})")
    for password in ctx.passwords:
        ctx.check()
        try:
            with py7zr.SevenZipFile(io.BytesIO(data), password=password) as opened:
                # Collect first: a wrong password shows only once decryption is under way.
                items = list(_members(opened, len(data), protection, ctx))
        except LimitExceeded:
            raise
        except Exception:  # py7zr reports a wrong password in many ways
            continue
        yield from items
        return
    reason = _not_opened(ctx)
    if visible is None:
        yield ExtractionError(ctx.origin, reason, kind="7z", protection=protection)
        return
    for name in visible:
        yield ExtractionError((*ctx.origin, name), reason, kind="7z", protection=protection)


def _members(
    archive: py7zr.SevenZipFile, archive_size: int, protection: Protection | None, ctx: Context
) -> Iterator[Item]:
    files = [info for info in archive.list() if not info.is_directory]
    room = max(0, ctx.limits.max_members - ctx.budget.members)
    chosen, over = files[:room], len(files) > room
    declared = sum(info.uncompressed for info in chosen)
    # A solid archive compresses its files together, so each is charged its share of the whole.
    for info in chosen:
        share = info.uncompressed * archive_size // declared if declared else 0
        ctx.expand(info.uncompressed, max(1, share))
    factory = _Factory({info.filename: info.uncompressed for info in chosen}, ctx)
    if chosen:
        archive.extract(targets=[info.filename for info in chosen], factory=factory)
    for name, sink in factory.sinks:
        yield Member(name, sink.buffer.getvalue(), protection)
    if over:
        # One more (empty) member lets the dispatcher report the limit in its own words.
        yield Member(files[room].filename, b"", protection)


def _not_opened(ctx: Context) -> str:
    if not ctx.passwords:
        return "encrypted with 7-Zip AES-256; no password given, content not scanned"
    count = len(ctx.passwords)
    given = "the password given" if count == 1 else f"the {count} passwords given"
    return f"encrypted with 7-Zip AES-256; {given} did not open it, content not scanned"


FORMATS: tuple[Format, ...] = (
    Format(name="7z", read=read_7z, extensions=(".7z",), magic=(_MAGIC,), container=True),
)
